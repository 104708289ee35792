//! The app's side of file transfers and withdrawals: asking for the file,
//! running the import or export (on a thread when the terminal loop runs),
//! and reporting its progress and result.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use crate::domain::nomination::NominationId;
use crate::i18n::import_preview::Advice;
use crate::i18n::strings_forms::forms;
use crate::tui::action::Action;
use crate::tui::event::Event;
use crate::tui::modals::message::Message;
use crate::tui::modals::prompt::PromptFor;
use crate::tui::modals::report::Report;
use crate::tui::screen::Outcome;
use crate::tui::transfer::{self, Running, TransferEvent};

use super::App;

/// File name offered when exporting.
const EXPORT_NAME: &str = "de-nghi-xuat.xlsx";

impl App {
    /// Where background jobs (import, export) report; without one they run inline.
    pub fn set_job_sender(&mut self, events: Sender<Event>) {
        self.jobs = Some(events);
    }

    /// The import or export under way, if any.
    pub fn transfer(&self) -> Option<&Running> {
        self.transfer.as_ref()
    }

    /// Import and export from the dashboard: ask for the file, or say why not now.
    pub(super) fn transfer_dispatch(&mut self, action: &Action) {
        let s = self.strings;
        let f = forms(s);
        let outcome = match action {
            // The import writes through its own connection: refuse it up front.
            Action::ImportFile if self.store.is_read_only() => {
                Outcome::Refused(s.store_message(&crate::store::StoreError::ReadOnly))
            }
            Action::ImportFile | Action::ExportList if self.transfer.is_some() => {
                Outcome::Refused(f.busy.to_string())
            }
            Action::ImportFile => Outcome::Prompt {
                question: f.import_question.into(),
                label: f.file_prompt,
                value: String::new(),
                purpose: PromptFor::Import,
            },
            Action::ExportList => Outcome::Prompt {
                question: f.export_question.into(),
                label: f.file_prompt,
                value: EXPORT_NAME.to_string(),
                purpose: PromptFor::Export,
            },
            _ => return,
        };
        self.outcome(outcome);
    }

    /// The confirmed withdrawal of a nomination.
    pub(super) fn withdraw(&mut self, nomination: NominationId, reason: &str) {
        match self.store.withdraw_nomination(nomination, reason) {
            Ok(()) => {
                let text = forms(self.strings).withdrawn.to_string();
                self.outcome(Outcome::Changed(text));
            }
            Err(e) => self.error(self.strings.store_message(&e)),
        }
    }

    pub(super) fn start_export(&mut self, file: PathBuf) {
        let f = forms(self.strings);
        self.transfer = Some(Running {
            label: f.exporting.to_string(),
            done: 0,
            total: 0,
        });
        let query = self.dashboard.query();
        match (
            self.store.path().map(|p| p.to_path_buf()),
            self.jobs.clone(),
        ) {
            (Some(db), Some(events)) => transfer::spawn_export(db, query, file, events),
            _ => {
                let done = transfer::export_with(&self.store, &query, &file);
                self.transfer_event(done);
            }
        }
    }

    pub(super) fn transfer_event(&mut self, t: TransferEvent) {
        let f = forms(self.strings);
        let lang = self.strings.lang;
        match t {
            TransferEvent::Progress { done, total } => {
                if let Some(r) = &mut self.transfer {
                    r.done = done;
                    r.total = total;
                }
            }
            TransferEvent::Previewed(result) => self.previewed(result),
            TransferEvent::Imported(result) => {
                self.transfer = None;
                if result.is_ok() {
                    self.close_import_preview();
                }
                let (title, text, error) = match result {
                    // The guesses were seen in the preview: said as kept, not how to change.
                    Ok(report) => (
                        f.import_done,
                        report.message_for(lang, Advice::Settled),
                        false,
                    ),
                    Err(e) => (f.import_failed, transfer::import_failure(&e, lang), true),
                };
                self.push(Box::new(Report {
                    title: title.to_string(),
                    text,
                    error,
                    scroll: 0,
                }));
                self.data_changed();
            }
            TransferEvent::Exported(result) => {
                self.transfer = None;
                let (text, error) = match result {
                    Ok((n, path)) => (format!("{} {n} → {}", f.exported, path.display()), false),
                    Err(e) => (
                        format!(
                            "{}: {}",
                            f.export_failed,
                            transfer::export_failure(&e, lang)
                        ),
                        true,
                    ),
                };
                self.push(Box::new(Message { text, error }));
            }
        }
    }

    /// The bottom line while an import or export runs.
    pub(super) fn transfer_line(&self) -> Option<String> {
        let r = self.transfer.as_ref()?;
        Some(if r.total > 0 {
            format!("⏳ {} — {}/{}", r.label, r.done, r.total)
        } else {
            format!("⏳ {}…", r.label)
        })
    }
}
