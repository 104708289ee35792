//! What the app does with a layer's `Outcome`: open, close, ask, say, fail,
//! and carry out confirmed commands.

use super::{App, STATUS_TICKS};
use crate::store::StoreError;
use crate::tui::command::Command;
use crate::tui::modals::confirm::Confirm;
use crate::tui::modals::message::Message;
use crate::tui::modals::prompt::Prompt;
use crate::tui::screen::{Back, Ctx, Outcome, Screen};
use crate::tui::widgets::text_input::TextInput;

impl App {
    pub(super) fn push(&mut self, layer: Box<dyn Screen>) {
        self.layers.push(layer);
    }

    /// Ask before `pending`.
    pub(super) fn ask(&mut self, message: String, pending: Command) {
        self.push(Box::new(Confirm { message, pending }));
    }

    /// The context a layer works with, built from the app's parts.
    pub(super) fn with_cx<R>(
        &mut self,
        f: impl FnOnce(&mut Vec<Box<dyn Screen>>, &mut Ctx) -> R,
    ) -> R {
        let body = self.areas(self.area).2;
        let filter = self.dashboard.query();
        let mut cx = Ctx {
            store: &mut self.store,
            strings: self.strings,
            catalogue: &self.catalogue,
            filter: &filter,
            selected: self.dashboard.selected_id(),
            body,
            now: std::time::Instant::now(),
        };
        f(&mut self.layers, &mut cx)
    }

    /// Close the top layer; a full screen uncovers one that reads again
    /// (told where the user got to, when the closed one said).
    fn close_top(&mut self, back: Option<Back>) {
        let closed = self.layers.pop();
        if closed.as_ref().is_some_and(|l| l.is_modal()) {
            return;
        }
        let failed = self.with_cx(|layers, cx| match (layers.last_mut(), back) {
            (Some(top), Some(back)) => top.back(&back, cx).err(),
            (Some(top), None) => top.reload(cx).err(),
            (None, _) => None,
        });
        if let Some(e) = failed {
            self.error(self.strings.store_message(&e));
        }
    }

    /// Let every layer collect the results of its background work.
    pub(super) fn poll_layers(&mut self) {
        let outcomes = self.with_cx(|layers, cx| {
            layers
                .iter_mut()
                .map(|layer| layer.poll(cx))
                .collect::<Vec<_>>()
        });
        for outcome in outcomes {
            self.outcome(outcome);
        }
    }

    /// Carry out what a layer answered.
    pub(super) fn outcome(&mut self, outcome: Outcome) {
        match self.set_up_instead(outcome) {
            Outcome::Nothing => {}
            Outcome::Close => self.close_top(None),
            Outcome::Return(back) => self.close_top(Some(back)),
            Outcome::Status(text) => self.status = Some((text, STATUS_TICKS)),
            Outcome::Changed(text) => {
                self.data_changed();
                self.status = Some((text, STATUS_TICKS));
            }
            Outcome::Saved { text, select } => {
                self.close_top(None);
                self.status = Some((text, STATUS_TICKS));
                if let Some(id) = select
                    && let Ok(Some(pos)) = self.store.position_in_list(&self.dashboard.query(), id)
                {
                    self.dashboard.selected = pos;
                }
                self.data_changed();
            }
            Outcome::Open(screen) => self.push(screen),
            Outcome::Ask(message, pending) => self.ask(message, pending),
            Outcome::Prompt {
                question,
                label,
                value,
                purpose,
            } => self.push(Box::new(Prompt {
                purpose,
                question,
                label,
                input: TextInput::new(&value),
                error: None,
            })),
            Outcome::Done(command) => {
                self.layers.pop();
                self.run(command);
            }
            Outcome::Run(command) => self.run(command),
            Outcome::Failed(StoreError::ReadOnly) => {
                self.error(self.strings.read_only_banner.trim().to_string());
            }
            // A refusal says what to do, and the database's own failures
            // (busy, disk full, changed by someone else) say what happened.
            Outcome::Failed(e) => self.error(self.strings.store_message(&e)),
            Outcome::Refused(text) => self.error(text),
            Outcome::Message(text) => self.push(Box::new(Message { text, error: false })),
        }
    }

    /// Carry out a confirmed command: the app's own, or the top layer's.
    pub(super) fn run(&mut self, command: Command) {
        match command {
            Command::Withdraw { nomination, reason } => self.withdraw(nomination, &reason),
            Command::Import(path) => self.start_preview(path),
            Command::ReadImport(job) => self.read_import(job),
            Command::SaveImport(job) => self.save_import(job),
            Command::Export(path) => self.start_export(path),
            Command::Print { doc, stem, format } => self.start_print(*doc, stem, format),
            Command::Awards(pending) => self.awards_perform(&pending),
            Command::ExportAwards(path) => self.awards_export(&path),
            Command::CalibrateCertificates(layout) => self.calibrate_certificates(&layout),
            Command::AwardsReport { period, stem } => self.awards_report(period, &stem),
            Command::SetUp(step) => self.open_set_up(step),
            command => {
                let outcome = self.with_cx(|layers, cx| match layers.last_mut() {
                    Some(top) => top.run(&command, cx),
                    None => Outcome::Nothing,
                });
                self.outcome(outcome);
            }
        }
    }

    /// The list and the detail are read again after a change.
    pub(super) fn data_changed(&mut self) {
        self.refresh_title();
        self.dashboard.reload();
        self.dashboard.detail = None;
    }

    /// Save what is being typed in every layer (ticks, quitting).
    pub(super) fn autosave(&mut self, after: std::time::Duration) {
        let read_only = self.with_cx(|layers, cx| {
            let mut read_only = false;
            for layer in layers.iter_mut() {
                if let Err(StoreError::ReadOnly) = layer.autosave(cx, after) {
                    read_only = true;
                }
            }
            read_only
        });
        if read_only {
            self.outcome(Outcome::Failed(StoreError::ReadOnly));
        }
    }
}
