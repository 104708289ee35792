//! The app's side of meeting planning: opening the meetings list, passing it
//! actions (with the dashboard's filter, for "add all that match") and keys,
//! and acting on what it asks for.

use ratatui::crossterm::event::KeyEvent;

use super::App;
use super::layers::legacy_top;
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::screens::Legacy;
use crate::tui::screens::meeting::MeetingMode;
use crate::tui::screens::planning::{Outcome, Planning};

impl App {
    pub(super) fn open_planning(&mut self) {
        match Planning::open(&self.store) {
            Ok(p) => self.push_legacy(Legacy::Planning(Box::new(p))),
            Err(e) => self.error(self.strings.store_message(&e)),
        }
    }

    pub(super) fn planning_action(&mut self, action: &Action) {
        let filter = self.dashboard.query();
        let Some(Legacy::Planning(p)) = legacy_top(&mut self.layers) else {
            return;
        };
        let outcome = p.apply(action, &mut self.store, self.strings, &filter);
        self.planning_outcome(outcome);
    }

    pub(super) fn planning_key(&mut self, key: &KeyEvent) {
        let Some(Legacy::Planning(p)) = legacy_top(&mut self.layers) else {
            return;
        };
        if let Some(e) = p.input_key(key, &self.store) {
            self.planning_outcome(Outcome::Failed(e));
        }
    }

    /// After meeting mode closes, the list shows what changed there.
    pub(super) fn planning_reload(&mut self) {
        if let Some(Legacy::Planning(p)) = legacy_top(&mut self.layers)
            && let Err(e) = p.reload(&self.store)
        {
            self.error(self.strings.store_message(&e));
        }
    }

    fn planning_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            Outcome::Close => {
                self.layers.pop();
            }
            Outcome::Changed(text) => {
                // Agenda changes move nominations' statuses: the list shows them at once.
                self.outcome(crate::tui::screen::Outcome::Changed(text));
            }
            Outcome::Ask(message, pending) => self.ask(message, Command::Action(pending)),
            Outcome::Failed(e) => self.outcome(crate::tui::screen::Outcome::Failed(e)),
            Outcome::Refused(text) => self.error(text),
            Outcome::OpenMode(id) => match MeetingMode::open(&self.store, id) {
                Ok(m) => self.push_legacy(Legacy::Meeting(Box::new(m))),
                Err(e) => self.error(self.strings.store_message(&e)),
            },
        }
    }
}
