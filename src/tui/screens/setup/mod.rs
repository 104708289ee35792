//! Setting up a ward of its own: the first-run choice (the demo or one's own
//! council), the walk-through of the set-up steps, and the settings screen
//! that reaches each step later. The rules are the domain's (`domain::ward`,
//! `domain::council_rules`), checked by the store in its audited
//! transaction; these screens hold what is typed and show the refusals.
//! Each screen keeps the interface's `screen::Screen` contract.

pub mod choice;
pub mod council_form;
pub mod dates;
pub mod keys;
pub mod later_steps;
pub mod member_form;
pub mod members;
pub mod offer;
pub mod settings;
pub mod steps;
pub mod ward_form;

pub use crate::tui::action::{SetupAction, Step};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_in_order_and_stop_at_the_ends() {
        assert_eq!(Step::Ward.number(), 1);
        assert_eq!(Step::Ward.next(), Some(Step::Council));
        assert_eq!(Step::Ward.prev(), None);
        assert_eq!(Step::Members.prev(), Some(Step::Council));
        assert_eq!(Step::Rules.next(), None);
        assert_eq!(Step::Rules.number(), 5);
    }
}
