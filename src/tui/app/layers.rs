//! The stack of layers over the dashboard and what the app does with a
//! layer's `Outcome`: open, close, ask, say, fail, and carry out confirmed
//! commands.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::{App, STATUS_TICKS};
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::modals::confirm::Confirm;
use crate::tui::modals::message::Message;
use crate::tui::modals::prompt::Prompt;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::screens::Legacy;
use crate::tui::screens::meeting;
use crate::tui::strings::Strings;
use crate::tui::widgets::text_input::TextInput;

/// One layer over the dashboard.
pub enum Layer {
    Screen(Box<dyn Screen>),
    Legacy(Legacy),
}

impl Layer {
    pub fn context(&self) -> Context {
        match self {
            Layer::Screen(s) => s.context(),
            Layer::Legacy(l) => l.context(),
        }
    }

    pub fn is_popup(&self) -> bool {
        match self {
            Layer::Screen(s) => s.is_popup(),
            Layer::Legacy(l) => l.is_popup(),
        }
    }

    pub fn is_modal(&self) -> bool {
        match self {
            Layer::Screen(s) => s.is_modal(),
            Layer::Legacy(_) => false,
        }
    }

    pub fn resize(&mut self, body: Rect) {
        match self {
            Layer::Screen(s) => s.resize(body),
            Layer::Legacy(Legacy::Preview(p)) => p.set_view(body),
            Layer::Legacy(_) => {}
        }
    }

    pub fn render(&self, s: &Strings, body: Rect, buf: &mut Buffer) {
        use crate::tui::screens::{meeting_view, minutes_view, plan_view};
        match self {
            Layer::Screen(screen) => screen.render(s, body, buf),
            Layer::Legacy(Legacy::Meeting(m)) => meeting_view::render(m, s, body, buf),
            Layer::Legacy(Legacy::Planning(p)) => plan_view::render(p, s, body, buf),
            Layer::Legacy(Legacy::Minutes(m)) => minutes_view::render(m, s, body, buf),
            Layer::Legacy(Legacy::Preview(p)) => p.render(s, body, buf),
            Layer::Legacy(Legacy::Awards(a)) => a.render(s, body, buf),
        }
    }
}

/// The legacy screen on top, if the top is one.
pub(super) fn legacy_top(layers: &mut [Layer]) -> Option<&mut Legacy> {
    match layers.last_mut() {
        Some(Layer::Legacy(l)) => Some(l),
        _ => None,
    }
}

impl App {
    pub(super) fn push(&mut self, layer: Box<dyn Screen>) {
        self.layers.push(Layer::Screen(layer));
    }

    pub(super) fn push_legacy(&mut self, screen: Legacy) {
        self.layers.push(Layer::Legacy(screen));
    }

    /// Ask before `pending`.
    pub(super) fn ask(&mut self, message: String, pending: Command) {
        self.push(Box::new(Confirm { message, pending }));
    }

    /// The context a layer works with, built from the app's parts.
    pub(super) fn with_cx<R>(&mut self, f: impl FnOnce(&mut Vec<Layer>, &mut Ctx) -> R) -> R {
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

    /// Close the top layer; a full screen uncovers one that reads again.
    fn close_top(&mut self) {
        let closed = self.layers.pop();
        if closed.as_ref().is_some_and(Layer::is_modal) {
            return;
        }
        let failed = self.with_cx(|layers, cx| match layers.last_mut() {
            Some(Layer::Screen(top)) => top.reload(cx).err(),
            _ => None,
        });
        if let Some(e) = failed {
            self.error(self.strings.store_message(&e));
        }
    }

    /// Let every layer collect the results of its background work.
    pub(super) fn poll_layers(&mut self) {
        let outcomes = self.with_cx(|layers, cx| {
            let mut outcomes = Vec::new();
            for layer in layers.iter_mut() {
                match layer {
                    Layer::Screen(s) => outcomes.push(s.poll(cx)),
                    Layer::Legacy(Legacy::Awards(a)) => {
                        a.poll();
                    }
                    Layer::Legacy(_) => {}
                }
            }
            outcomes
        });
        for outcome in outcomes {
            self.outcome(outcome);
        }
    }

    /// Carry out what a layer answered.
    pub(super) fn outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            Outcome::Close => self.close_top(),
            Outcome::Status(text) => self.status = Some((text, STATUS_TICKS)),
            Outcome::Changed(text) => {
                self.data_changed();
                self.status = Some((text, STATUS_TICKS));
            }
            Outcome::Saved { text, select } => {
                self.close_top();
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
            // An untyped check has only the store's text: say where it came from.
            Outcome::Failed(e @ StoreError::Invalid(_)) => self.error(format!(
                "{}: {}",
                self.strings.store_error,
                self.strings.store_message(&e)
            )),
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
            Command::Action(action) => self.dispatch(action),
            command => {
                let outcome = self.with_cx(|layers, cx| match layers.last_mut() {
                    Some(Layer::Screen(top)) => top.run(&command, cx),
                    _ => Outcome::Nothing,
                });
                self.outcome(outcome);
            }
        }
    }

    /// The list and the detail are read again after a change.
    pub(super) fn data_changed(&mut self) {
        self.dashboard.reload();
        self.dashboard.detail = None;
    }

    /// Actions for a screen still on the app's glue.
    pub(super) fn legacy_dispatch(&mut self, action: &Action) {
        if self.awards_dispatch(action) || self.minutes_dispatch(action) {
            return;
        }
        match legacy_top(&mut self.layers) {
            Some(Legacy::Meeting(m)) => {
                let outcome = m.apply(action, &mut self.store, self.strings);
                self.meeting_outcome(outcome);
            }
            Some(Legacy::Planning(_)) => self.planning_action(action),
            _ => {}
        }
    }

    /// Keys for the text field of a screen still on the app's glue.
    pub(super) fn legacy_key(&mut self, context: Context, key: &KeyEvent) {
        match context {
            Context::MeetingInput => {
                if let Some(Legacy::Meeting(m)) = legacy_top(&mut self.layers) {
                    m.input_key(key);
                }
            }
            Context::PlanInput => self.planning_key(key),
            Context::MinutesEdit => self.minutes_key(key),
            Context::AwardsForm | Context::AwardsSearch => {
                if let Some(Legacy::Awards(a)) = legacy_top(&mut self.layers) {
                    a.edit_key(key);
                }
            }
            _ => {}
        }
    }

    fn meeting_outcome(&mut self, outcome: meeting::Outcome) {
        match outcome {
            meeting::Outcome::Nothing => {}
            meeting::Outcome::Close => {
                self.layers.pop();
                self.planning_reload();
            }
            meeting::Outcome::Changed(text) => {
                // Votes move nominations' statuses: the list shows them at once.
                self.outcome(Outcome::Changed(text));
            }
            meeting::Outcome::Ask(message, pending) => {
                self.ask(message, Command::Action(pending));
            }
            meeting::Outcome::Failed(e) => self.outcome(Outcome::Failed(e)),
        }
    }
}
