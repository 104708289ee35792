//! Reference data in the database: levels, awards, movement, criteria, rules, settings.
//! A new database gets the catalogue and the default rules; the seed's
//! movement is added only when asked for (`Store::add_seed_movement`).

use std::path::Path;

use rusqlite::{OptionalExtension, params};

use super::stored_code::decode;
use super::stored_code::{Corruption, UnknownCode};
use super::{Result, Store, StoreError};
use crate::domain::award::{Award, Catalogue, Level};
use crate::domain::criteria::{CriteriaGroup, Criterion};
use crate::domain::movement::Movement;
use crate::domain::scoring::Aggregation;
use crate::domain::vote::VoteRule;
use crate::refdata;

/// Copy the built-in reference data into a database that has none yet.
pub fn seed_if_empty(store: &mut Store) -> Result<()> {
    let has: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM levels", [], |r| r.get(0))?;
    if has > 0 {
        return Ok(());
    }
    let b = refdata::built_in().map_err(|e| StoreError::BuiltIn {
        detail: e.to_string(),
    })?;
    store.write(|w| {
        let tx = &w.tx;
        for l in &b.catalogue.levels {
            tx.execute(
                "INSERT INTO levels (code, name, rank) VALUES (?1, ?2, ?3)",
                params![l.code, l.name, l.rank],
            )?;
        }
        for a in &b.catalogue.awards {
            tx.execute(
                "INSERT INTO awards (code, name, short_name, granted_by, decided_at, rank, recipients, merit, is_title, basis)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    a.code,
                    a.name,
                    a.short_name,
                    a.granted_by,
                    a.decided_at,
                    a.rank,
                    json(&a.recipients),
                    json(&a.merit).trim_matches('"'),
                    a.is_title,
                    a.basis
                ],
            )?;
        }
        for r in &b.rules.rules {
            tx.execute(
                "INSERT INTO vote_rules (award, level, rule, is_default) VALUES (?1, ?2, ?3, 1)",
                params![r.award, r.level, json(r)],
            )?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('aggregation', ?1)",
            params![b.rules.aggregation.code()],
        )?;
        w.audit("reference", "built-in", "seed", None, None)?;
        Ok(())
    })
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

impl Store {
    pub fn catalogue(&self) -> Result<Catalogue> {
        let mut stmt = self
            .conn()
            .prepare("SELECT code, name, rank FROM levels ORDER BY rank")?;
        let levels = stmt
            .query_map([], |r| {
                Ok(Level {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    rank: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn().prepare(
            "SELECT code, name, short_name, granted_by, decided_at, rank, recipients, merit, is_title, basis
             FROM awards ORDER BY rank, code",
        )?;
        let awards = stmt
            .query_map([], |r| {
                let code: String = r.get(0)?;
                let recipients: String = r.get(6)?;
                let merit: String = r.get(7)?;
                Ok(Award {
                    name: r.get(1)?,
                    short_name: r.get(2)?,
                    granted_by: r.get(3)?,
                    decided_at: r.get(4)?,
                    rank: r.get(5)?,
                    recipients: decode(
                        |v| serde_json::from_str(v).ok(),
                        &recipients,
                        "awards",
                        &code,
                        "recipients",
                    )?,
                    merit: decode(
                        |v| serde_json::from_value(serde_json::Value::String(v.to_string())).ok(),
                        &merit,
                        "awards",
                        &code,
                        "merit",
                    )?,
                    code,
                    is_title: r.get(8)?,
                    basis: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Catalogue { levels, awards })
    }

    pub fn movements(&self) -> Result<Vec<Movement>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, code, name, plan_number, plan_date, issuing_body, based_on, phases FROM movements ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            let phases: String = r.get(7)?;
            let id: i64 = r.get(0)?;
            Ok(Movement {
                id,
                code: r.get(1)?,
                name: r.get(2)?,
                plan_number: r.get(3)?,
                plan_date: r.get(4)?,
                issuing_body: r.get(5)?,
                based_on: r.get(6)?,
                phases: decode(
                    |v| serde_json::from_str(v).ok(),
                    &phases,
                    "movements",
                    id,
                    "phases",
                )?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Criteria groups (with their criteria) of a movement, in the plan's order.
    pub fn criteria_groups(&self, movement_id: i64) -> Result<Vec<CriteriaGroup>> {
        let mut stmt = self.conn().prepare(
            "SELECT code, title, subjects, kinds FROM criteria_groups WHERE movement_id = ?1 ORDER BY position",
        )?;
        let rows = stmt
            .query_map([movement_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut groups = Vec::with_capacity(rows.len());
        for (code, title, subjects, kinds) in rows {
            let kinds = serde_json::from_str(&kinds).map_err(|_| StoreError::Corrupt {
                path: self.path().map(Path::to_path_buf).unwrap_or_default(),
                detail: Corruption::UnknownCode(UnknownCode {
                    table: "criteria_groups",
                    row: code.clone(),
                    column: "kinds",
                    value: kinds.clone(),
                }),
            })?;
            groups.push(CriteriaGroup {
                code,
                title,
                subjects,
                kinds,
                criteria: Vec::new(),
            });
        }
        let mut stmt = self.conn().prepare(
            "SELECT code, text, max_score, weight FROM criteria WHERE group_code = ?1 ORDER BY position",
        )?;
        for g in &mut groups {
            g.criteria = stmt
                .query_map([&g.code], |r| {
                    Ok(Criterion {
                        code: r.get(0)?,
                        text: r.get(1)?,
                        max_score: r.get(2)?,
                        weight: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
        }
        Ok(groups)
    }

    /// The vote rules, each with the council's share of women for ties as it
    /// stands now: a result keeps the rule it was worked out under.
    pub fn vote_rules(&self) -> Result<Vec<VoteRule>> {
        let women_share = self.council_settings()?.women_share.value;
        let mut stmt = self
            .conn()
            .prepare("SELECT rule, is_default FROM vote_rules ORDER BY level, award")?;
        let rows = stmt.query_map([], |r| {
            let text: String = r.get(0)?;
            let is_default: bool = r.get(1)?;
            Ok((text, is_default))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (text, is_default) = row?;
            let mut rule: VoteRule =
                serde_json::from_str(&text).map_err(|e| super::unreadable("vote rule", e))?;
            rule.is_default = is_default;
            rule.women_share = women_share;
            out.push(rule);
        }
        Ok(out)
    }

    /// Replace (or add) the rule for an award at a level; it stops being a default.
    pub fn set_vote_rule(&mut self, rule: &VoteRule) -> Result<()> {
        let mut rule = rule.clone();
        rule.is_default = false;
        let before = self
            .vote_rules()?
            .into_iter()
            .find(|r| r.award == rule.award && r.level == rule.level);
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO vote_rules (award, level, rule, is_default) VALUES (?1, ?2, ?3, 0)
                 ON CONFLICT (award, level) DO UPDATE SET rule = excluded.rule, is_default = 0",
                params![rule.award, rule.level, json(&rule)],
            )?;
            let before = before.map(|b| serde_json::to_value(b).unwrap_or_default());
            let after = serde_json::to_value(&rule).unwrap_or_default();
            w.audit(
                "vote_rules",
                format!("{}@{}", rule.award, rule.level),
                "update",
                before.as_ref(),
                Some(&after),
            )
        })
    }

    pub fn aggregation(&self) -> Result<Aggregation> {
        let v: Option<String> = self
            .conn()
            .query_row(
                "SELECT value FROM meta WHERE key = 'aggregation'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        // A file that never chose a method scores by the mean (the default).
        Ok(
            v.map(|v| decode(Aggregation::from_code, &v, "meta", "aggregation", "value"))
                .transpose()?
                .unwrap_or_default(),
        )
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let before = self.setting(key)?;
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            w.audit(
                "meta",
                key,
                "update",
                before.map(serde_json::Value::String).as_ref(),
                Some(&serde_json::Value::String(value.to_string())),
            )
        })
    }
}
