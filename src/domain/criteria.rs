//! Criteria of a movement per subject group (plan III.1). A plan often states
//! them without points; each gets a maximum score and a weight the council can change.

use serde::{Deserialize, Serialize};

use super::nominee::NomineeKind;

/// Separates a movement's code from a criterion's own code in the key the
/// database keeps ("tb-2026/1.2"): the seed's movement keeps bare keys.
pub const KEY_SEPARATOR: char = '/';

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// The key scores refer to: "1.1a.6" for the seed's movement,
    /// "tb-2026/1.2" for a movement added by the ward.
    pub code: String,
    pub text: String,
    /// Maximum score in whole points (default 10).
    pub max_score: u32,
    /// Relative weight (default 1).
    pub weight: f64,
}

impl Criterion {
    /// The code as the plan writes it, without the movement's prefix.
    pub fn label(&self) -> &str {
        label_of(&self.code)
    }
}

/// A criterion's or a group's code without the movement's prefix.
pub fn label_of(key: &str) -> &str {
    key.rsplit_once(KEY_SEPARATOR).map_or(key, |(_, l)| l)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaGroup {
    /// "1.1a", "1.1b", "1.2", "1.3", "1.4a", "1.4b", "1.4c".
    pub code: String,
    /// Heading from the plan, e.g. "Về phát triển kết cấu hạ tầng".
    pub title: String,
    /// Who it applies to, as the plan says.
    pub subjects: String,
    /// The kinds of nominee scored against this group.
    #[serde(default)]
    pub kinds: Vec<NomineeKind>,
    pub criteria: Vec<Criterion>,
}

impl CriteriaGroup {
    pub fn applies_to(&self, kind: NomineeKind) -> bool {
        self.kinds.contains(&kind)
    }
}

/// The groups of the seed's plan that apply to each kind of nominee: how
/// databases made before groups named their kinds are read.
pub fn seed_kinds(group_code: &str) -> Vec<NomineeKind> {
    NomineeKind::ALL
        .into_iter()
        .filter(|k| k.criteria_groups().contains(&group_code))
        .collect()
}
