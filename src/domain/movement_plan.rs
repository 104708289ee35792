//! A movement as a ward adds it: the plan's particulars, its phases, its
//! subject groups and their criteria. The rules every plan must meet, checked
//! before anything is written, whoever writes it (a form, a command, a file).

use chrono::NaiveDate;

use super::criteria::{CriteriaGroup, KEY_SEPARATOR};
use super::movement::{Movement, Phase};

/// Highest maximum a criterion may have.
pub const MAX_SCORE_LIMIT: u32 = 100;
/// Highest weight a criterion may have.
pub const MAX_WEIGHT: f64 = 100.0;

/// A movement with its criteria, as added, copied, exported or imported.
#[derive(Debug, Clone, PartialEq)]
pub struct MovementPlan {
    pub movement: Movement,
    pub groups: Vec<CriteriaGroup>,
}

/// A field of the movement itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovementField {
    Code,
    Name,
    PlanNumber,
    IssuingBody,
}

/// Where in a plan a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanPlace {
    Movement,
    /// The phase, counted from 1.
    Phase(usize),
    Group(String),
    Criterion(String),
}

/// What is wrong with a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanProblem {
    Empty(MovementField),
    /// A code with a space or a slash, or empty.
    BadCode {
        text: String,
    },
    BadDate {
        text: String,
    },
    /// A phase ends before it starts, or its review falls outside it.
    PhaseYears {
        start: i32,
        end: i32,
        review: i32,
    },
    /// A phase starts before the previous one ends.
    PhaseOverlap {
        previous_end: i32,
        start: i32,
    },
    DuplicateGroup,
    DuplicateCriterion,
    /// A group that applies to no kind of nominee would score nobody.
    NoKinds,
    EmptyText,
    MaxScore {
        max: u32,
    },
    Weight {
        weight: f64,
    },
}

/// One problem and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanIssue {
    pub place: PlanPlace,
    pub problem: PlanProblem,
}

/// Why a change to the movements was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum MovementRefusal {
    /// The plan breaks the rules, at these places.
    Plan(Vec<PlanIssue>),
    /// Another movement has this code.
    CodeTaken { code: String },
    /// No movement with this code.
    Unknown { code: String },
    /// The database has no movement yet.
    NoMovement,
    /// Several movements, and none was chosen.
    Choose { codes: Vec<String> },
    /// No group with this code in the movement.
    UnknownGroup { movement: String, group: String },
    /// No criterion with this code in the movement.
    UnknownCriterion { movement: String, criterion: String },
    /// A score already given is above the new maximum.
    BelowGivenScore {
        criterion: String,
        max: u32,
        highest_tenths: u32,
    },
    /// No kind of nominee by this name.
    UnknownKind { text: String },
    /// The file could not be read as a movement, at this line and column.
    File {
        line: usize,
        column: usize,
        detail: String,
    },
}

/// Whether a code can name a movement, a group or a criterion.
/// "Giai đoạn 1:2026-2028:2028" → a phase (name, first and last year, year
/// of its review); `None` when the text is not of that shape. Several are
/// written one after another, separated by ";" (see `parse_phases`).
pub fn parse_phase(text: &str) -> Option<Phase> {
    let mut parts = text.rsplitn(3, ':');
    let review = parts.next()?;
    let years = parts.next()?;
    let name = parts.next()?.trim();
    let (from, to) = years.split_once('-')?;
    let year = |s: &str| s.trim().parse::<i32>().ok();
    (!name.is_empty()).then_some(())?;
    Some(Phase {
        name: name.to_string(),
        start_year: year(from)?,
        end_year: year(to)?,
        review_year: year(review)?,
    })
}

/// Phases written "A:2026-2028:2028; B:2029-2030:2030"; the first piece that
/// is not a phase is returned as the error.
pub fn parse_phases(text: &str) -> Result<Vec<Phase>, String> {
    text.split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| parse_phase(t).ok_or_else(|| t.to_string()))
        .collect()
}

pub fn code_ok(code: &str) -> bool {
    !code.is_empty()
        && !code
            .chars()
            .any(|c| c.is_whitespace() || c == KEY_SEPARATOR || c.is_control())
}

/// A criterion's maximum: whole points, 1 to 100.
pub fn max_score_ok(max: u32) -> bool {
    (1..=MAX_SCORE_LIMIT).contains(&max)
}

/// A criterion's weight: above zero, at most 100.
pub fn weight_ok(weight: f64) -> bool {
    weight.is_finite() && weight > 0.0 && weight <= MAX_WEIGHT
}

/// Phases in order: each within itself, each after the one before.
pub fn check_phases(phases: &[Phase]) -> Vec<PlanIssue> {
    let mut out = Vec::new();
    let mut previous_end: Option<i32> = None;
    for (i, p) in phases.iter().enumerate() {
        let place = PlanPlace::Phase(i + 1);
        if p.end_year < p.start_year
            || p.review_year < p.start_year
            || p.review_year > p.end_year + 1
        {
            out.push(PlanIssue {
                place: place.clone(),
                problem: PlanProblem::PhaseYears {
                    start: p.start_year,
                    end: p.end_year,
                    review: p.review_year,
                },
            });
        }
        if let Some(end) = previous_end
            && p.start_year <= end
        {
            out.push(PlanIssue {
                place,
                problem: PlanProblem::PhaseOverlap {
                    previous_end: end,
                    start: p.start_year,
                },
            });
        }
        previous_end = Some(p.end_year);
    }
    out
}

/// Every problem of a plan, in the order they appear; empty when it is sound.
pub fn check_plan(plan: &MovementPlan) -> Vec<PlanIssue> {
    let m = &plan.movement;
    let mut out = Vec::new();
    let at_movement = |problem| PlanIssue {
        place: PlanPlace::Movement,
        problem,
    };
    if !code_ok(&m.code) {
        out.push(at_movement(PlanProblem::BadCode {
            text: m.code.clone(),
        }));
    }
    for (field, text) in [
        (MovementField::Name, &m.name),
        (MovementField::PlanNumber, &m.plan_number),
        (MovementField::IssuingBody, &m.issuing_body),
    ] {
        if text.trim().is_empty() {
            out.push(at_movement(PlanProblem::Empty(field)));
        }
    }
    if NaiveDate::parse_from_str(&m.plan_date, "%Y-%m-%d").is_err() {
        out.push(at_movement(PlanProblem::BadDate {
            text: m.plan_date.clone(),
        }));
    }
    out.extend(check_phases(&m.phases));
    let mut group_codes: Vec<&str> = Vec::new();
    let mut criterion_codes: Vec<&str> = Vec::new();
    for g in &plan.groups {
        let place = PlanPlace::Group(g.code.clone());
        let mut at_group = |problem| {
            out.push(PlanIssue {
                place: place.clone(),
                problem,
            })
        };
        if !code_ok(&g.code) {
            at_group(PlanProblem::BadCode {
                text: g.code.clone(),
            });
        }
        if group_codes.contains(&g.code.as_str()) {
            at_group(PlanProblem::DuplicateGroup);
        }
        group_codes.push(&g.code);
        if g.title.trim().is_empty() {
            at_group(PlanProblem::EmptyText);
        }
        if g.kinds.is_empty() {
            at_group(PlanProblem::NoKinds);
        }
        for c in &g.criteria {
            out.extend(check_criterion(
                &c.code,
                &c.text,
                c.max_score,
                c.weight,
                criterion_codes.contains(&c.code.as_str()),
            ));
            criterion_codes.push(&c.code);
        }
    }
    out
}

/// The problems of one criterion; `taken` when another of the movement has its code.
pub fn check_criterion(
    code: &str,
    text: &str,
    max_score: u32,
    weight: f64,
    taken: bool,
) -> Vec<PlanIssue> {
    let place = PlanPlace::Criterion(code.to_string());
    let mut problems = Vec::new();
    if !code_ok(code) {
        problems.push(PlanProblem::BadCode {
            text: code.to_string(),
        });
    }
    if taken {
        problems.push(PlanProblem::DuplicateCriterion);
    }
    if text.trim().is_empty() {
        problems.push(PlanProblem::EmptyText);
    }
    if !max_score_ok(max_score) {
        problems.push(PlanProblem::MaxScore { max: max_score });
    }
    if !weight_ok(weight) {
        problems.push(PlanProblem::Weight { weight });
    }
    problems
        .into_iter()
        .map(|problem| PlanIssue {
            place: place.clone(),
            problem,
        })
        .collect()
}

#[cfg(test)]
#[path = "movement_plan_tests.rs"]
mod tests;
