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
pub mod strings;
pub mod ward_form;

/// The set-up steps, in the order of the walk-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The ward's identity, printed on every document.
    Ward,
    /// The council: its establishing decision and term.
    Council,
    /// The council's members.
    Members,
    /// Movements and their criteria.
    Movements,
    /// The rules the council sets (quorum, shares, tie-breaks).
    Rules,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Ward,
        Step::Council,
        Step::Members,
        Step::Movements,
        Step::Rules,
    ];

    /// 1-based, as the walk-through counts.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Step> {
        Self::ALL.get(self.number()).copied()
    }

    pub fn prev(self) -> Option<Step> {
        self.number()
            .checked_sub(2)
            .and_then(|i| Self::ALL.get(i).copied())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupAction {
    /// The settings screen (one key from the dashboard).
    OpenSettings,
    /// One step on its own (from the settings screen, or offered by a
    /// screen that needs a council).
    Open(Step),
    /// The walk-through from a step on (the first one from the settings).
    WalkFrom(Step),
    /// First run: fill the database with the demo.
    ChooseDemo,
    /// First run: set up one's own council.
    ChooseOwn,
    /// Leave this step as it is and go on to the next.
    Skip,
    /// Back to the previous step.
    Back,
    AddMember,
    ReplaceMember,
    EndMember,
}

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
