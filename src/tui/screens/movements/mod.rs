//! The ward's own set-up screens: its movements and their criteria, and the
//! council's rules. Each opens with a constructor that takes the store, so
//! the dashboard and a settings screen open them alike.

pub mod keys;
pub mod list;
pub mod movement_form;
pub mod rules;

/// A question these screens ask; the answer comes back as
/// `Command::Movements(question, answer)` to the screen that asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupPrompt {
    /// New code and name of a copy of this movement.
    CopyMovement { from: String },
    /// "code; kinds; title" of a new group of this movement.
    AddGroup { movement: String },
    /// "group; code; max; weight; text" of a new criterion.
    AddCriterion { movement: String },
    /// "max weight" of a criterion.
    CriterionFigures { movement: String, code: String },
    /// The share of women for ties.
    WomenShare,
    /// The share needed to pass under the rule for this award and level.
    Share { award: String, level: String },
    /// The quorum of the rule.
    Quorum { award: String, level: String },
    /// Where the council's working rules set the rule.
    Source { award: String, level: String },
}
