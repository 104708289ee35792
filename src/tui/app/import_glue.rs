//! The app's side of the import preview: reading the list for it (off the
//! UI loop), reading it again when the secretary changes a choice, and
//! saving what it shows.

use std::path::PathBuf;
use std::sync::Arc;

use crate::import::ImportOptions;
use crate::import::table::Table;
use crate::tui::action::Action;
use crate::tui::modals::Modal;
use crate::tui::modals::confirm::Confirm;
use crate::tui::modals::report::Report;
use crate::tui::screens::Screen;
use crate::tui::screens::import_preview::{ImportPreview, PreviewOutcome};
use crate::tui::strings_forms::forms;
use crate::tui::strings_import::import;
use crate::tui::transfer::{self, PreviewJob, PreviewReady, Running};

use super::App;

impl App {
    /// Read `file` and show what importing it would do.
    pub(super) fn start_preview(&mut self, file: PathBuf) {
        let t = import(self.strings);
        self.transfer = Some(Running {
            label: format!("{} {}", t.reading, file.display()),
            done: 0,
            total: 0,
        });
        self.run_preview(PreviewJob {
            file,
            tables: None,
            options: ImportOptions::default(),
            generation: 0,
            lang: transfer::report_lang(self.strings.lang),
        });
    }

    fn run_preview(&mut self, job: PreviewJob) {
        match (
            self.store.path().map(|p| p.to_path_buf()),
            self.jobs.clone(),
        ) {
            (Some(db), Some(events)) => transfer::spawn_preview(db, job, events),
            _ => {
                let done = transfer::preview_with(&self.store, job);
                self.transfer_event(done);
            }
        }
    }

    /// A reading for the preview came back: open the preview, or show the
    /// newest reading in the one open.
    pub(super) fn previewed(&mut self, result: Result<Box<PreviewReady>, String>) {
        self.transfer = None;
        let open = match self.screens.last_mut() {
            Some(Screen::ImportPreview(p)) => Some(p),
            _ => None,
        };
        match (result, open) {
            (Ok(ready), Some(p)) => {
                if ready.generation == p.generation {
                    p.receive(ready.preview);
                }
            }
            (Ok(ready), None) => {
                let ready = *ready;
                let screen =
                    ImportPreview::new(ready.tables, ready.options, ready.preview, &self.catalogue);
                self.screens.push(Screen::ImportPreview(Box::new(screen)));
            }
            (Err(text), open) => {
                if let Some(p) = open {
                    p.rereading = false;
                }
                self.modals.push(Modal::Report(Report {
                    title: forms(self.strings).import_failed.to_string(),
                    text,
                    error: true,
                    scroll: 0,
                }));
            }
        }
    }

    /// Actions for the import preview on top; true when it is there.
    pub(super) fn import_dispatch(&mut self, action: &Action) -> bool {
        let Some(Screen::ImportPreview(p)) = self.screens.last_mut() else {
            return false;
        };
        let outcome = p.apply(action, self.strings);
        let (file, tables, options, generation) = (
            p.file.clone(),
            p.tables.clone(),
            p.options.clone(),
            p.generation,
        );
        match outcome {
            PreviewOutcome::Nothing => {}
            PreviewOutcome::Close => {
                self.screens.pop();
            }
            PreviewOutcome::Reread => {
                let t = import(self.strings);
                self.transfer = Some(Running {
                    label: format!("{} {}", t.reading, file.display()),
                    done: 0,
                    total: 0,
                });
                self.run_preview(PreviewJob {
                    file,
                    tables: Some(tables),
                    options,
                    generation,
                    lang: transfer::report_lang(self.strings.lang),
                });
            }
            PreviewOutcome::Ask(message, pending) => {
                self.modals
                    .push(Modal::Confirm(Confirm { message, pending }));
            }
            PreviewOutcome::Save => self.start_import(file, tables, options),
            PreviewOutcome::Error(text) => self.error(text),
        }
        true
    }

    /// Save the previewed list, off the UI loop when the database has a file.
    fn start_import(&mut self, file: PathBuf, tables: Arc<Vec<Table>>, options: ImportOptions) {
        let f = forms(self.strings);
        self.transfer = Some(Running {
            label: format!("{} {}", f.importing, file.display()),
            done: 0,
            total: 0,
        });
        let lang = transfer::report_lang(self.strings.lang);
        match (
            self.store.path().map(|p| p.to_path_buf()),
            self.jobs.clone(),
        ) {
            (Some(db), Some(events)) => {
                transfer::spawn_import(db, file, tables, options, lang, events)
            }
            _ => {
                let mut reports = Vec::new();
                transfer::import_with(&mut self.store, &file, &tables, options, lang, &mut |t| {
                    reports.push(t)
                });
                for t in reports {
                    self.transfer_event(t);
                }
            }
        }
    }
}
