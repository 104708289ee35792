//! The app's side of the set-up: the first-run question on a database
//! without the ward's identity or a council, the walk-through opened for a
//! confirmed `Command::SetUp`, and the title that follows the council.

use crate::tui::screen::Outcome;
use crate::tui::screens::setup::Step;
use crate::tui::screens::setup::choice::FirstRun;
use crate::tui::screens::setup::offer;

use super::App;

impl App {
    /// On a database without the ward's identity or a council in office,
    /// ask what to do: the demo (only into an empty file), one's own
    /// council, or later. The terminal calls this once at start.
    pub fn offer_setup(&mut self) {
        let asked = self.store.needs_setup().and_then(|needs| {
            Ok(needs.then_some(self.store.is_blank()? && !self.store.is_read_only()))
        });
        match asked {
            Ok(Some(empty)) => self.push(Box::new(FirstRun::new(empty))),
            Ok(None) => {}
            Err(e) => self.error(self.strings.store_message(&e)),
        }
    }

    /// The walk-through from `step`, over whatever is on top.
    pub(super) fn open_set_up(&mut self, step: Step) {
        let outcome = self.with_cx(|_, cx| offer::walk_from(step, cx));
        self.outcome(outcome);
    }

    /// A refusal that means the council is missing becomes the offer to
    /// set it up.
    pub(super) fn set_up_instead(&self, outcome: Outcome) -> Outcome {
        offer::instead_of_refusal(outcome, self.strings)
    }

    /// The title names the council in office, else the one the ward's
    /// identity names, once there is one.
    pub(super) fn refresh_title(&mut self) {
        if let Ok(Some(c)) = self.store.council() {
            self.title = c.name;
        } else if let Ok(Some(w)) = self.store.ward() {
            self.title = w.council_name;
        }
    }
}
