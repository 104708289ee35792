//! The figures of the council's working rules kept in the database: the
//! aggregation of scores, the share of women for ties, and changes to the
//! vote rule of an award. Each change is audited; a figure never set by the
//! council reads as the shipped default, marked so.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError};
use crate::domain::council_settings::{CouncilSettings, RulesRefusal, Setting, rule_to_change};
use crate::domain::scoring::Aggregation;
use crate::domain::vote::{Comparison, Denominator, Share, VoteMethod, VoteRule};
use crate::refdata;

/// Where the council's share of women for ties is kept (absent: the default).
pub const WOMEN_SHARE_KEY: &str = "ranking.women_share_percent";
/// Where the aggregation is kept; the seed writes the default there.
const AGGREGATION_KEY: &str = "aggregation";
/// Present once the council has set the aggregation itself.
const AGGREGATION_SET_KEY: &str = "rules.aggregation_set";

/// What to change in the vote rule of an award; `None` keeps the figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VoteRuleChange {
    pub method: Option<VoteMethod>,
    pub share: Option<Share>,
    pub comparison: Option<Comparison>,
    pub denominator: Option<Denominator>,
    pub count_written_opinions: Option<bool>,
    pub quorum: Option<Share>,
    /// Where the council's rule is written (its working rules, article…).
    pub source: Option<String>,
}

impl VoteRuleChange {
    pub fn is_empty(&self) -> bool {
        *self == VoteRuleChange::default()
    }
}

fn shipped() -> Result<refdata::RuleBook> {
    refdata::built_in()
        .map(|b| b.rules)
        .map_err(|e| StoreError::BuiltIn {
            detail: e.to_string(),
        })
}

impl Store {
    /// The aggregation and the share of women, each marked default or set.
    pub fn council_settings(&self) -> Result<CouncilSettings> {
        let book = shipped()?;
        let women = self.setting(WOMEN_SHARE_KEY)?;
        let women_share = match women.as_deref().and_then(|v| v.parse::<u8>().ok()) {
            Some(v) => Setting {
                value: v,
                is_default: false,
            },
            None => Setting {
                value: book.women_share,
                is_default: true,
            },
        };
        let set = self.setting(AGGREGATION_SET_KEY)?.is_some();
        let aggregation = Setting {
            value: self.aggregation()?,
            is_default: !set,
        };
        Ok(CouncilSettings {
            aggregation,
            women_share,
        })
    }

    pub fn set_women_share(&mut self, percent: u8) -> Result<()> {
        if !(1..=100).contains(&percent) {
            return Err(StoreError::Rules(RulesRefusal::WomenShare {
                text: percent.to_string(),
            }));
        }
        self.set_setting(WOMEN_SHARE_KEY, &percent.to_string())
    }

    /// Set how members' totals are combined; the score of every nomination
    /// not yet voted on is worked out again under it in the same
    /// transaction (a result keeps the score it was voted on).
    pub fn set_aggregation(&mut self, a: Aggregation) -> Result<()> {
        let before = self.aggregation()?;
        self.write(|w| {
            for (key, value) in [(AGGREGATION_KEY, a.code()), (AGGREGATION_SET_KEY, "1")] {
                w.tx.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, value],
                )?;
            }
            w.audit(
                "meta",
                AGGREGATION_KEY,
                "update",
                Some(&serde_json::Value::String(before.code().into())),
                Some(&serde_json::Value::String(a.code().into())),
            )?;
            // A nomination already voted on keeps the score it was voted on
            // under; those still waiting are worked out under the new rule.
            let waiting: Vec<String> = crate::domain::nomination::NominationStatus::ALL
                .into_iter()
                .filter(|st| st.is_before_vote())
                .map(|st| st.code().to_string())
                .collect();
            let list =
                serde_json::to_string(&waiting).map_err(|e| super::unencodable("statuses", e))?;
            let scored: Vec<i64> =
                w.tx.prepare(
                    "SELECT DISTINCT s.nomination_id FROM scores s
                     JOIN nominations n ON n.id = s.nomination_id
                     WHERE n.status IN (SELECT value FROM json_each(?1))",
                )?
                .query_map([list], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for n in scored {
                w.refresh_score(n)?;
            }
            Ok(())
        })
    }

    /// Change the council's rule for an award at a level (the level's
    /// default "*" when `award` is "*"), starting from the rule in force.
    pub fn change_vote_rule(
        &mut self,
        award: &str,
        level: &str,
        change: &VoteRuleChange,
    ) -> Result<VoteRule> {
        if change.is_empty() {
            return Err(StoreError::Rules(RulesRefusal::NothingToSet));
        }
        let level_known: Option<i64> = self
            .conn()
            .query_row("SELECT 1 FROM levels WHERE code = ?1", [level], |r| {
                r.get(0)
            })
            .optional()?;
        if level_known.is_none() {
            return Err(StoreError::Rules(RulesRefusal::UnknownLevel {
                code: level.to_string(),
            }));
        }
        if award != "*" && !self.catalogue()?.awards.iter().any(|a| a.code == award) {
            return Err(StoreError::Rules(RulesRefusal::UnknownAward {
                code: award.to_string(),
            }));
        }
        let rules = self.vote_rules()?;
        let mut rule = rule_to_change(&rules, award, level).ok_or_else(|| {
            StoreError::Rules(RulesRefusal::UnknownLevel {
                code: level.to_string(),
            })
        })?;
        if let Some(m) = change.method {
            if rule.method != m && !rule.also_allowed.contains(&rule.method) {
                rule.also_allowed.push(rule.method);
            }
            rule.also_allowed.retain(|x| *x != m);
            rule.method = m;
        }
        if let Some(s) = change.share {
            rule.threshold.share = s;
        }
        if let Some(c) = change.comparison {
            rule.threshold.comparison = c;
        }
        if let Some(d) = change.denominator {
            rule.denominator = d;
        }
        if let Some(w) = change.count_written_opinions {
            rule.count_written_opinions = w;
        }
        if let Some(q) = change.quorum {
            rule.quorum.share = q;
        }
        // The shipped rule's source names the default; the council's rule
        // names its own working rules, or nothing until told.
        rule.source = change
            .source
            .as_deref()
            .map(crate::domain::text::nfc)
            .unwrap_or_else(|| {
                if rule.is_default {
                    String::new()
                } else {
                    rule.source.clone()
                }
            });
        self.set_vote_rule(&rule)?;
        rule.is_default = false;
        Ok(rule)
    }
}
