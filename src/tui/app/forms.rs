//! The app's side of the entry forms, withdrawals, the ranking view and file
//! transfers: opening them from the dashboard, routing their keys and acting
//! on what they report.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use ratatui::crossterm::event::KeyEvent;

use crate::domain::nomination::NominationStatus;
use crate::domain::text::nfc;
use crate::evidence_files::full_path;
use crate::tui::action::Action;
use crate::tui::event::Event;
use crate::tui::modals::Modal;
use crate::tui::modals::confirm::Confirm;
use crate::tui::modals::message::Message;
use crate::tui::modals::prompt::{Prompt, PromptFor};
use crate::tui::modals::report::Report;
use crate::tui::screens::Screen;
use crate::tui::screens::evidence_form::EvidenceForm;
use crate::tui::screens::evidence_list::{EvidenceList, ListOutcome};
use crate::tui::screens::nomination_form::{FormOutcome, NominationForm};
use crate::tui::screens::ranking::Ranking;
use crate::tui::strings_forms::forms;
use crate::tui::transfer::{self, Running, TransferEvent};
use crate::tui::widgets::text_input::TextInput;

use super::{App, STATUS_TICKS};

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

    /// A key the keymap left to a form's field or a prompt's answer.
    pub(super) fn text_key(&mut self, key: &KeyEvent) {
        if let Some(Modal::Prompt(p)) = self.modals.last_mut() {
            if p.input.handle_key(key) {
                p.error = None;
            }
            return;
        }
        match self.screens.last_mut() {
            Some(Screen::NominationForm(f)) => f.key(key),
            Some(Screen::EvidenceForm(f)) => f.key(key),
            _ => {}
        }
    }

    /// Actions for a prompt or a report on top; true when one was there.
    pub(super) fn forms_modal(&mut self, action: &Action) -> bool {
        let f = forms(self.strings);
        match self.modals.last_mut() {
            Some(Modal::Report(r)) => {
                if *action != Action::Close {
                    r.apply(action);
                    return true;
                }
            }
            Some(Modal::Prompt(p)) => {
                if *action != Action::Confirm {
                    if *action != Action::Cancel {
                        return true;
                    }
                } else {
                    let answer = nfc(p.input.value().trim());
                    if answer.is_empty() {
                        p.error = Some(match p.purpose {
                            PromptFor::Withdraw(_) => f.reason_empty.to_string(),
                            PromptFor::Recusal { .. } => {
                                self.strings.recusal_reason_empty.to_string()
                            }
                            _ => f.file_prompt.trim().trim_end_matches(':').to_string(),
                        });
                        return true;
                    }
                    let purpose = p.purpose.clone();
                    self.modals.pop();
                    match purpose {
                        PromptFor::Withdraw(nomination) => self.dispatch(Action::ApplyWithdrawal {
                            nomination,
                            reason: answer,
                        }),
                        PromptFor::Recusal { nomination, member } => {
                            self.dispatch(Action::ApplyRecusal {
                                nomination,
                                member,
                                reason: Some(answer),
                            })
                        }
                        PromptFor::Import => self.start_preview(full_path(&answer)),
                        PromptFor::Export => self.start_export(full_path(&answer)),
                    }
                    return true;
                }
            }
            _ => return false,
        }
        // Close the report, or cancel the prompt.
        self.modals.pop();
        true
    }

    /// Actions for a form or the ranking on top; true when one was there.
    pub(super) fn forms_screen(&mut self, action: &Action) -> bool {
        let outcome = match self.screens.last_mut() {
            Some(Screen::NominationForm(f)) => f.apply(action, &mut self.store),
            Some(Screen::EvidenceForm(f)) => f.apply(action, &mut self.store),
            Some(Screen::EvidenceList(list)) => {
                let outcome = list.apply(action);
                let about = list.about.clone();
                let nomination = list.nomination;
                match outcome {
                    ListOutcome::Nothing => {}
                    ListOutcome::Close => {
                        self.screens.pop();
                    }
                    ListOutcome::Add => {
                        let form = EvidenceForm::new(nomination, &about, self.strings);
                        self.screens.push(Screen::EvidenceForm(Box::new(form)));
                    }
                    ListOutcome::Edit(item, state) => {
                        let form = EvidenceForm::edit(*item, &about, state, self.strings);
                        self.screens.push(Screen::EvidenceForm(Box::new(form)));
                    }
                }
                return true;
            }
            Some(Screen::Ranking(r)) => {
                match r.apply(action, &self.store) {
                    Ok(true) => {
                        self.screens.pop();
                    }
                    Ok(false) => {}
                    Err(e) => self.error(self.strings.store_message(&e)),
                }
                return true;
            }
            _ => return false,
        };
        match outcome {
            FormOutcome::Nothing => {}
            FormOutcome::Close => {
                self.screens.pop();
            }
            FormOutcome::Ask(message, pending) => {
                self.modals
                    .push(Modal::Confirm(Confirm { message, pending }));
            }
            FormOutcome::Saved(text, id) => {
                self.screens.pop();
                self.status = Some((text, STATUS_TICKS));
                // An item edited from the evidence list: the list shows it as saved.
                if let Some(Screen::EvidenceList(list)) = self.screens.last_mut()
                    && let Err(e) = list.reload(&self.store)
                {
                    self.error(self.strings.store_message(&e));
                }
                if let Some(id) = id
                    && let Ok(Some(pos)) = self.store.position_in_list(&self.dashboard.query(), id)
                {
                    self.dashboard.selected = pos;
                }
                self.data_changed();
            }
        }
        true
    }

    /// The list and the detail are read again after a change.
    fn data_changed(&mut self) {
        self.dashboard.reload();
        self.dashboard.detail = None;
    }

    pub(super) fn prompt(
        &mut self,
        purpose: PromptFor,
        question: String,
        label: &'static str,
        value: &str,
    ) {
        self.modals.push(Modal::Prompt(Prompt {
            purpose,
            question,
            label,
            input: TextInput::new(value),
            error: None,
        }));
    }

    /// Dashboard actions of this part of the app; true when handled.
    pub(super) fn forms_dashboard(&mut self, action: &Action) -> bool {
        let s = self.strings;
        let f = forms(s);
        let selected = self.dashboard.selected_row().map(|r| {
            (
                r.id,
                format!("{} — {}", r.nominee_name, r.award_short),
                r.status,
            )
        });
        match action {
            Action::NewNomination => match NominationForm::new(&self.store, &self.catalogue, s) {
                Ok(form) => self.screens.push(Screen::NominationForm(Box::new(form))),
                Err(e) => self.error(e),
            },
            Action::EditNomination => {
                let Some((id, ..)) = selected else {
                    return true;
                };
                match NominationForm::edit(&self.store, &self.catalogue, s, id) {
                    Ok(form) => self.screens.push(Screen::NominationForm(Box::new(form))),
                    Err(e) => self.error(e),
                }
            }
            Action::AddEvidence => {
                let Some((id, about, _)) = selected else {
                    return true;
                };
                let form = EvidenceForm::new(id, &about, s);
                self.screens.push(Screen::EvidenceForm(Box::new(form)));
            }
            Action::OpenEvidence => {
                let Some((id, about, _)) = selected else {
                    return true;
                };
                match EvidenceList::open(&self.store, id, about) {
                    Ok(list) => self.screens.push(Screen::EvidenceList(Box::new(list))),
                    Err(e) => self.error(self.strings.store_message(&e)),
                }
            }
            Action::Withdraw => {
                let Some((id, about, status)) = selected else {
                    return true;
                };
                if !status.can_become(NominationStatus::Withdrawn) {
                    self.error(format!("{}: {}", f.cannot_withdraw, s.status(status)));
                    return true;
                }
                let question = format!("{about}\n{}", f.withdraw_question);
                self.prompt(PromptFor::Withdraw(id), question, f.reason_prompt, "");
            }
            Action::ApplyWithdrawal { nomination, reason } => {
                match self.store.withdraw_nomination(*nomination, reason) {
                    Ok(()) => {
                        self.status = Some((f.withdrawn.to_string(), STATUS_TICKS));
                        self.data_changed();
                    }
                    Err(e) => self.error(s.store_message(&e)),
                }
            }
            Action::OpenRanking => match Ranking::open(&self.store, &self.catalogue) {
                Ok(r) => self.screens.push(Screen::Ranking(Box::new(r))),
                Err(e) => self.error(self.strings.store_message(&e)),
            },
            // The import writes through its own connection: refuse it up front.
            Action::ImportFile if self.store.is_read_only() => {
                self.error(s.store_message(&crate::store::StoreError::ReadOnly));
            }
            Action::ImportFile | Action::ExportList if self.transfer.is_some() => {
                self.error(f.busy.to_string());
            }
            Action::ImportFile => {
                self.prompt(
                    PromptFor::Import,
                    f.import_question.into(),
                    f.file_prompt,
                    "",
                );
            }
            Action::ExportList => {
                self.prompt(
                    PromptFor::Export,
                    f.export_question.into(),
                    f.file_prompt,
                    EXPORT_NAME,
                );
            }
            _ => return false,
        }
        true
    }

    fn start_export(&mut self, file: PathBuf) {
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
                // Saved: the preview has done its work.
                if result.is_ok() && matches!(self.screens.last(), Some(Screen::ImportPreview(_))) {
                    self.screens.pop();
                }
                let (title, text, error) = match result {
                    Ok(report) => (f.import_done, report, false),
                    Err(e) => (f.import_failed, e, true),
                };
                self.modals.push(Modal::Report(Report {
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
                    Err(e) => (format!("{}: {e}", f.export_failed), true),
                };
                self.modals.push(Modal::Message(Message { text, error }));
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
