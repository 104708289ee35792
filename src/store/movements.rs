//! The ward's movements and their criteria: added from a plan, copied from
//! another, taken from the seed, edited criterion by criterion. The plan's
//! rules (`domain::movement_plan`) are checked inside the transaction that
//! writes, and every change is audited.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError, Tx};
use crate::domain::criteria::{CriteriaGroup, Criterion, KEY_SEPARATOR, label_of};
use crate::domain::movement::Movement;
use crate::domain::movement_plan::{
    MovementPlan, MovementRefusal, PlanIssue, PlanPlace, PlanProblem, check_criterion, check_plan,
    max_score_ok, weight_ok,
};
use crate::domain::text::nfc;
use crate::refdata;

/// Where the movement new nominations go into is kept, once the ward says.
const CURRENT_KEY: &str = "movement.current";

fn refused(r: MovementRefusal) -> StoreError {
    StoreError::Movement(r)
}

fn plan_refused(issues: Vec<PlanIssue>) -> StoreError {
    refused(MovementRefusal::Plan(issues))
}

/// The key the database keeps for a group's or a criterion's code: the seed's
/// movement keeps the plan's codes, every other is prefixed with its own.
fn key(movement: &Movement, code: &str, seed: bool) -> String {
    if seed {
        code.to_string()
    } else {
        format!("{}{KEY_SEPARATOR}{code}", movement.code)
    }
}

/// Text as stored: NFC, trimmed.
fn clean_plan(plan: &MovementPlan) -> MovementPlan {
    let mut p = plan.clone();
    let m = &mut p.movement;
    for t in [
        &mut m.code,
        &mut m.name,
        &mut m.plan_number,
        &mut m.plan_date,
        &mut m.issuing_body,
        &mut m.based_on,
    ] {
        *t = nfc(t);
    }
    for ph in &mut m.phases {
        ph.name = nfc(&ph.name);
    }
    for g in &mut p.groups {
        g.code = nfc(&g.code);
        g.title = nfc(&g.title);
        g.subjects = nfc(&g.subjects);
        g.kinds.sort();
        g.kinds.dedup();
        for c in &mut g.criteria {
            c.code = nfc(&c.code);
            c.text = nfc(&c.text);
        }
    }
    p
}

impl Tx<'_> {
    fn movement_code_taken(&self, code: &str) -> Result<bool> {
        Ok(self
            .tx
            .query_row(
                "SELECT 1 FROM movements WHERE code = ?1",
                [code],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    fn insert_group(
        &self,
        movement: &Movement,
        position: usize,
        g: &CriteriaGroup,
        seed: bool,
    ) -> Result<()> {
        let group_key = key(movement, &g.code, seed);
        self.tx.execute(
            "INSERT INTO criteria_groups (code, movement_id, position, title, subjects, kinds)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                group_key,
                movement.id,
                position as i64,
                g.title,
                g.subjects,
                serde_json::to_string(&g.kinds).map_err(|e| super::unencodable("kinds", e))?
            ],
        )?;
        for (ci, c) in g.criteria.iter().enumerate() {
            self.insert_criterion(movement, &group_key, ci, c, seed)?;
        }
        Ok(())
    }

    fn insert_criterion(
        &self,
        movement: &Movement,
        group_key: &str,
        position: usize,
        c: &Criterion,
        seed: bool,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO criteria (code, group_code, position, text, max_score, weight)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                key(movement, &c.code, seed),
                group_key,
                position as i64,
                c.text,
                c.max_score,
                c.weight
            ],
        )?;
        Ok(())
    }

    /// Write a checked plan as a new movement; `seed` keeps the plan's codes as keys.
    pub(crate) fn insert_plan(&self, plan: &MovementPlan, seed: bool) -> Result<Movement> {
        let issues = check_plan(plan);
        if !issues.is_empty() {
            return Err(plan_refused(issues));
        }
        let m = &plan.movement;
        if self.movement_code_taken(&m.code)? {
            return Err(refused(MovementRefusal::CodeTaken {
                code: m.code.clone(),
            }));
        }
        self.tx.execute(
            "INSERT INTO movements (code, name, plan_number, plan_date, issuing_body, based_on, phases)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                m.code,
                m.name,
                m.plan_number,
                m.plan_date,
                m.issuing_body,
                m.based_on,
                serde_json::to_string(&m.phases).map_err(|e| super::unencodable("phases", e))?
            ],
        )?;
        let movement = Movement {
            id: self.tx.last_insert_rowid(),
            ..m.clone()
        };
        for (gi, g) in plan.groups.iter().enumerate() {
            self.insert_group(&movement, gi, g, seed)?;
        }
        let criteria: usize = plan.groups.iter().map(|g| g.criteria.len()).sum();
        self.audit(
            "movements",
            &movement.code,
            "insert",
            None,
            Some(&serde_json::json!({
                "name": movement.name,
                "plan_number": movement.plan_number,
                "issuing_body": movement.issuing_body,
                "groups": plan.groups.len(),
                "criteria": criteria,
            })),
        )?;
        Ok(movement)
    }
}

impl Store {
    pub fn movement(&self, code: &str) -> Result<Movement> {
        self.movements()?
            .into_iter()
            .find(|m| m.code == code.trim())
            .ok_or_else(|| {
                refused(MovementRefusal::Unknown {
                    code: code.trim().to_string(),
                })
            })
    }

    /// The movement new nominations go into: the one chosen, the one the
    /// ward said it works in now, or the only one.
    pub fn movement_for_nominations(&self, choice: Option<&str>) -> Result<Movement> {
        if let Some(code) = choice {
            return self.movement(code);
        }
        if let Some(code) = self.setting(CURRENT_KEY)? {
            return self.movement(&code);
        }
        let all = self.movements()?;
        match all.len() {
            0 => Err(refused(MovementRefusal::NoMovement)),
            1 => Ok(all
                .into_iter()
                .next()
                .ok_or(refused(MovementRefusal::NoMovement))?),
            _ => Err(refused(MovementRefusal::Choose {
                codes: all.into_iter().map(|m| m.code).collect(),
            })),
        }
    }

    /// The movement the ward works in now, if it said so.
    pub fn current_movement(&self) -> Result<Option<String>> {
        self.setting(CURRENT_KEY)
    }

    /// Say which movement new nominations go into (audited).
    pub fn use_movement(&mut self, code: &str) -> Result<Movement> {
        let m = self.movement(code)?;
        self.set_setting(CURRENT_KEY, &m.code)?;
        Ok(m)
    }

    /// A movement with its groups and criteria, codes as the plan writes them.
    pub fn movement_plan(&self, code: &str) -> Result<MovementPlan> {
        let movement = self.movement(code)?;
        let mut groups = self.criteria_groups(movement.id)?;
        for g in &mut groups {
            g.code = label_of(&g.code).to_string();
            for c in &mut g.criteria {
                c.code = label_of(&c.code).to_string();
            }
        }
        Ok(MovementPlan { movement, groups })
    }

    /// Add a movement from its plan (typed in, or read from a file).
    pub fn add_movement(&mut self, plan: &MovementPlan) -> Result<Movement> {
        let plan = clean_plan(plan);
        self.write(|w| w.insert_plan(&plan, false))
    }

    /// Add the movement shipped with hoidong (the Thanh Bình plan).
    pub fn add_seed_movement(&mut self) -> Result<Movement> {
        let built = refdata::built_in().map_err(|e| StoreError::BuiltIn {
            detail: e.to_string(),
        })?;
        let plan = MovementPlan {
            movement: built.movement,
            groups: built.groups,
        };
        self.write(|w| w.insert_plan(&plan, true))
    }

    /// A new movement with the criteria of `from`, under a new code and name.
    pub fn copy_movement(&mut self, from: &str, code: &str, name: &str) -> Result<Movement> {
        let mut plan = self.movement_plan(from)?;
        plan.movement.code = code.to_string();
        plan.movement.name = name.to_string();
        self.add_movement(&plan)
    }

    /// Add a group to a movement, with its criteria.
    pub fn add_criteria_group(&mut self, movement: &str, group: &CriteriaGroup) -> Result<()> {
        let mut plan = self.movement_plan(movement)?;
        let group = clean_plan(&MovementPlan {
            movement: plan.movement.clone(),
            groups: vec![group.clone()],
        })
        .groups
        .remove(0);
        plan.groups.push(group.clone());
        let issues = check_plan(&plan);
        if !issues.is_empty() {
            return Err(plan_refused(issues));
        }
        let m = plan.movement.clone();
        let position = plan.groups.len() - 1;
        self.write(|w| {
            w.insert_group(&m, position, &group, false)?;
            w.audit(
                "criteria_groups",
                key(&m, &group.code, false),
                "insert",
                None,
                Some(&serde_json::json!({
                    "title": group.title,
                    "kinds": group.kinds,
                    "criteria": group.criteria.len(),
                })),
            )
        })
    }

    /// Add a criterion at the end of a group.
    pub fn add_criterion(&mut self, movement: &str, group: &str, c: &Criterion) -> Result<()> {
        let plan = self.movement_plan(movement)?;
        let c = Criterion {
            code: nfc(&c.code),
            text: nfc(&c.text),
            ..c.clone()
        };
        let Some(position) = plan.groups.iter().position(|g| g.code == group.trim()) else {
            return Err(refused(MovementRefusal::UnknownGroup {
                movement: plan.movement.code,
                group: group.trim().to_string(),
            }));
        };
        let taken = plan
            .groups
            .iter()
            .flat_map(|g| &g.criteria)
            .any(|x| x.code == c.code);
        let issues = check_criterion(&c.code, &c.text, c.max_score, c.weight, taken);
        if !issues.is_empty() {
            return Err(plan_refused(issues));
        }
        let m = plan.movement.clone();
        let group_key = self
            .group_key(m.id, &plan.groups[position].code)?
            .unwrap_or_else(|| key(&m, &plan.groups[position].code, false));
        let at = plan.groups[position].criteria.len();
        self.write(|w| {
            w.insert_criterion(&m, &group_key, at, &c, false)?;
            w.audit(
                "criteria",
                key(&m, &c.code, false),
                "insert",
                None,
                Some(&serde_json::to_value(&c).unwrap_or_default()),
            )
        })
    }

    /// Change a criterion's text, maximum or weight. A maximum below a score
    /// already given is refused; consolidated scores follow the new figures.
    pub fn change_criterion(
        &mut self,
        movement: &str,
        code: &str,
        text: Option<&str>,
        max_score: Option<u32>,
        weight: Option<f64>,
    ) -> Result<Criterion> {
        let plan = self.movement_plan(movement)?;
        let m = plan.movement.clone();
        let Some(before) = plan
            .groups
            .iter()
            .flat_map(|g| &g.criteria)
            .find(|c| c.code == code.trim())
            .cloned()
        else {
            return Err(refused(MovementRefusal::UnknownCriterion {
                movement: m.code,
                criterion: code.trim().to_string(),
            }));
        };
        let after = Criterion {
            code: before.code.clone(),
            text: text.map_or(before.text.clone(), nfc),
            max_score: max_score.unwrap_or(before.max_score),
            weight: weight.unwrap_or(before.weight),
        };
        let mut issues = Vec::new();
        if after.text.is_empty() {
            issues.push(PlanProblem::EmptyText);
        }
        if !max_score_ok(after.max_score) {
            issues.push(PlanProblem::MaxScore {
                max: after.max_score,
            });
        }
        if !weight_ok(after.weight) {
            issues.push(PlanProblem::Weight {
                weight: after.weight,
            });
        }
        if !issues.is_empty() {
            return Err(plan_refused(
                issues
                    .into_iter()
                    .map(|problem| PlanIssue {
                        place: PlanPlace::Criterion(after.code.clone()),
                        problem,
                    })
                    .collect(),
            ));
        }
        let stored = self
            .criterion_key(m.id, &before.code)?
            .unwrap_or_else(|| key(&m, &before.code, false));
        self.write(|w| {
            let highest: Option<u32> = w.tx.query_row(
                "SELECT max(tenths) FROM scores WHERE criterion_code = ?1",
                [&stored],
                |r| r.get(0),
            )?;
            if let Some(h) = highest
                && h > after.max_score * 10
            {
                return Err(refused(MovementRefusal::BelowGivenScore {
                    criterion: after.code.clone(),
                    max: after.max_score,
                    highest_tenths: h,
                }));
            }
            w.tx.execute(
                "UPDATE criteria SET text = ?2, max_score = ?3, weight = ?4 WHERE code = ?1",
                params![stored, after.text, after.max_score, after.weight],
            )?;
            w.audit(
                "criteria",
                &stored,
                "update",
                Some(&serde_json::to_value(&before).unwrap_or_default()),
                Some(&serde_json::to_value(&after).unwrap_or_default()),
            )?;
            let scored: Vec<i64> = w
                .tx
                .prepare("SELECT DISTINCT nomination_id FROM scores WHERE criterion_code = ?1")?
                .query_map([&stored], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for n in scored {
                w.refresh_score(n)?;
            }
            Ok(after.clone())
        })
    }

    /// The key stored for a group of a movement, by the plan's code.
    fn group_key(&self, movement_id: i64, label: &str) -> Result<Option<String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT code FROM criteria_groups WHERE movement_id = ?1")?;
        let keys = stmt
            .query_map([movement_id], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(keys.into_iter().find(|k| label_of(k) == label))
    }

    /// The key stored for a criterion of a movement, by the plan's code.
    fn criterion_key(&self, movement_id: i64, label: &str) -> Result<Option<String>> {
        let mut stmt = self.conn().prepare(
            "SELECT c.code FROM criteria c JOIN criteria_groups g ON g.code = c.group_code
             WHERE g.movement_id = ?1",
        )?;
        let keys = stmt
            .query_map([movement_id], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(keys.into_iter().find(|k| label_of(k) == label))
    }
}
