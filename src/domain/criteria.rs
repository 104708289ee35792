//! Criteria of the movement per subject group (plan III.1). The plan states
//! them without points; each gets a maximum score and a weight the council can change.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// e.g. "1.1a.6".
    pub code: String,
    pub text: String,
    /// Maximum score in whole points (default 10).
    pub max_score: u32,
    /// Relative weight (default 1).
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaGroup {
    /// "1.1a", "1.1b", "1.2", "1.3", "1.4a", "1.4b", "1.4c".
    pub code: String,
    /// Heading from the plan, e.g. "Về phát triển kết cấu hạ tầng".
    pub title: String,
    /// Who it applies to, as the plan says.
    pub subjects: String,
    pub criteria: Vec<Criterion>,
}
