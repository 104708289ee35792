//! A movement as a file a ward shares with another: TOML a person can read
//! and edit, one `[movement]` table with its phases, then each `[[group]]`
//! with the kinds of nominee it scores and its `[[group.criterion]]`s.
//! Reading it checks the syntax (with the line and column of a fault); the
//! plan's rules are checked by the store when it is added.

use serde::{Deserialize, Serialize};

use crate::domain::criteria::{CriteriaGroup, Criterion};
use crate::domain::movement::{Movement, Phase};
use crate::domain::movement_plan::{MovementPlan, MovementRefusal};
use crate::domain::nominee::NomineeKind;

const HEADER: &str = "# Phong trào thi đua và tiêu chí chấm điểm, xuất từ hoidong.\n\
# Nhập vào cơ sở dữ liệu khác bằng: hoidong movement import TỆP\n\
# kinds: official, resident, other_individual, unit, front_organisation, enterprise, household\n\n";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    movement: MovementEntry,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    group: Vec<GroupEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MovementEntry {
    code: String,
    name: String,
    plan_number: String,
    plan_date: String,
    issuing_body: String,
    #[serde(default)]
    based_on: String,
    #[serde(default)]
    phase: Vec<Phase>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupEntry {
    code: String,
    title: String,
    #[serde(default)]
    subjects: String,
    kinds: Vec<NomineeKind>,
    #[serde(default)]
    criterion: Vec<CriterionEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CriterionEntry {
    code: String,
    text: String,
    max_score: u32,
    weight: f64,
}

/// The movement as the text of a file.
pub fn to_text(plan: &MovementPlan) -> Result<String, toml::ser::Error> {
    let m = &plan.movement;
    let file = File {
        movement: MovementEntry {
            code: m.code.clone(),
            name: m.name.clone(),
            plan_number: m.plan_number.clone(),
            plan_date: m.plan_date.clone(),
            issuing_body: m.issuing_body.clone(),
            based_on: m.based_on.clone(),
            phase: m.phases.clone(),
        },
        group: plan
            .groups
            .iter()
            .map(|g| GroupEntry {
                code: g.code.clone(),
                title: g.title.clone(),
                subjects: g.subjects.clone(),
                kinds: g.kinds.clone(),
                criterion: g
                    .criteria
                    .iter()
                    .map(|c| CriterionEntry {
                        code: c.code.clone(),
                        text: c.text.clone(),
                        max_score: c.max_score,
                        weight: c.weight,
                    })
                    .collect(),
            })
            .collect(),
    };
    Ok(format!("{HEADER}{}", toml::to_string(&file)?))
}

/// Line and column (from 1) of a byte offset in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(1, |l| l.chars().count() + 1);
    (line, column)
}

/// Read a movement from the text of a file; a fault says where it is.
pub fn from_text(text: &str) -> Result<MovementPlan, MovementRefusal> {
    let file: File = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
        MovementRefusal::File {
            line,
            column,
            detail: e.message().trim().to_string(),
        }
    })?;
    let m = file.movement;
    Ok(MovementPlan {
        movement: Movement {
            id: 0,
            code: m.code,
            name: m.name,
            plan_number: m.plan_number,
            plan_date: m.plan_date,
            issuing_body: m.issuing_body,
            based_on: m.based_on,
            phases: m.phase,
        },
        groups: file
            .group
            .into_iter()
            .map(|g| CriteriaGroup {
                code: g.code,
                title: g.title,
                subjects: g.subjects,
                kinds: g.kinds,
                criteria: g
                    .criterion
                    .into_iter()
                    .map(|c| Criterion {
                        code: c.code,
                        text: c.text,
                        max_score: c.max_score,
                        weight: c.weight,
                    })
                    .collect(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fault_is_placed_by_line_and_column() {
        let text = "[movement]\ncode = \"x\"\nname = 3\n";
        match from_text(text) {
            Err(MovementRefusal::File { line, column, .. }) => {
                assert_eq!((line, column), (3, 8));
            }
            other => panic!("{other:?}"),
        }
    }
}
