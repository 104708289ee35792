//! The app's side of the import preview: reading the list for it and
//! reading it again (off the UI loop when the terminal loop runs), handing
//! each reading to the preview, and saving what it shows.

use std::path::PathBuf;

use crate::i18n::strings_forms::forms;
use crate::i18n::strings_import::import;
use crate::import::{ImportError, ImportOptions};
use crate::tui::command::Command;
use crate::tui::modals::report::Report;
use crate::tui::screens::import_preview::{ImportPreview, is_import_context};
use crate::tui::transfer::{self, ImportJob, PreviewReady, Running};

use super::App;

impl App {
    /// Read `file` and show what importing it would do.
    pub(super) fn start_preview(&mut self, file: PathBuf) {
        self.read_import(ImportJob {
            file,
            tables: None,
            options: ImportOptions::default(),
            generation: 0,
        });
    }

    /// Read the list for the preview: the file the first time, then the
    /// tables read then, with the choices made.
    pub(super) fn read_import(&mut self, job: ImportJob) {
        let t = import(self.strings);
        self.transfer = Some(Running {
            label: format!("{} {}", t.reading, job.file.display()),
            done: 0,
            total: 0,
        });
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

    /// Where the import preview is in the stack (popups may cover it).
    fn import_layer(&self) -> Option<usize> {
        self.layers
            .iter()
            .rposition(|l| is_import_context(l.context()))
    }

    /// Hand `command` to the import preview wherever it is in the stack.
    fn hand_to_import_layer(&mut self, at: usize, command: Command) {
        let outcome = self.with_cx(|layers, cx| match layers.get_mut(at) {
            Some(s) => s.run(&command, cx),
            None => crate::tui::screen::Outcome::Nothing,
        });
        self.outcome(outcome);
    }

    /// A reading for the preview came back: open the preview, or show the
    /// newest reading in the one open.
    pub(super) fn previewed(&mut self, result: Result<Box<PreviewReady>, ImportError>) {
        self.transfer = None;
        match (result, self.import_layer()) {
            (Ok(ready), Some(at)) => self.hand_to_import_layer(at, Command::ShowImport(ready)),
            // A reading asked for by a preview since closed: nothing to show.
            (Ok(ready), None) if ready.generation > 0 => {}
            (Ok(ready), None) => self.push(Box::new(ImportPreview::new(*ready, self.strings))),
            (Err(e), at) => {
                let text = transfer::import_failure(&e, self.strings.lang);
                if let Some(at) = at {
                    self.hand_to_import_layer(at, Command::ImportReadFailed);
                }
                self.push(Box::new(Report {
                    title: forms(self.strings).import_failed.to_string(),
                    text,
                    error: true,
                    scroll: 0,
                }));
            }
        }
    }

    /// The list saved: the preview has done its work.
    pub(super) fn close_import_preview(&mut self) {
        if let Some(at) = self.import_layer() {
            self.layers.remove(at);
        }
    }

    /// Save the previewed list, off the UI loop when the terminal loop runs.
    pub(super) fn save_import(&mut self, job: ImportJob) {
        let Some(tables) = job.tables else {
            return self.start_preview(job.file);
        };
        let f = forms(self.strings);
        self.transfer = Some(Running {
            label: format!("{} {}", f.importing, job.file.display()),
            done: 0,
            total: 0,
        });
        match (
            self.store.path().map(|p| p.to_path_buf()),
            self.jobs.clone(),
        ) {
            (Some(db), Some(events)) => {
                transfer::spawn_import(db, job.file, tables, job.options, events)
            }
            _ => {
                let mut reports = Vec::new();
                transfer::import_with(&mut self.store, &job.file, &tables, job.options, &mut |t| {
                    reports.push(t)
                });
                for t in reports {
                    self.transfer_event(t);
                }
            }
        }
    }
}
