//! Eligibility preconditions of awards, as data (`data/eligibility.toml`).
//!
//! An award has alternative routes; any one route suffices and a route holds
//! when all its conditions hold (NĐ 152/2025 Điều 4: a lower award is not
//! required before a higher one, so the law's alternatives are routes).
//! Conditions are evaluated on the nominee's register as of the proposal year;
//! only awards of the kinds a condition names count (by default merit awards:
//! movement and one-off awards are no basis for a higher merit award).

use serde::{Deserialize, Serialize};

use super::award::{Catalogue, MeritKind};
use super::nominee::RecipientClass;

pub const ELIGIBILITY_TOML: &str = include_str!("../../data/eligibility.toml");

/// One award in a nominee's register, as eligibility sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldAward {
    pub award_code: String,
    pub year: i32,
    /// The kind recorded for this entry (e.g. a Bằng khen given for a one-off
    /// achievement); `None` means the catalogue's kind of the award.
    pub merit: Option<MeritKind>,
}

/// Where a window of years ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// The window includes the proposal year.
    #[default]
    ProposalYear,
    /// The window ends the year before the proposal.
    YearBefore,
}

impl Ending {
    fn last_year(self, proposal_year: i32) -> i32 {
        match self {
            Ending::ProposalYear => proposal_year,
            Ending::YearBefore => proposal_year - 1,
        }
    }
}

fn merit_only() -> Vec<MeritKind> {
    vec![MeritKind::Merit]
}

/// One precondition. `awards` lists the award codes that satisfy it (any of them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum Condition {
    /// "Title T in N consecutive years up to the proposal year".
    Consecutive {
        awards: Vec<String>,
        years: u32,
        #[serde(default = "merit_only")]
        counts: Vec<MeritKind>,
        #[serde(default)]
        ending: Ending,
    },
    /// "Award A held at least N times within Y years".
    AtLeast {
        awards: Vec<String>,
        times: u32,
        within_years: u32,
        #[serde(default = "merit_only")]
        counts: Vec<MeritKind>,
        #[serde(default)]
        ending: Ending,
    },
    /// "At least Y years since award A" (the latest one; fails if never held).
    YearsSince {
        awards: Vec<String>,
        years: u32,
        #[serde(default = "merit_only")]
        counts: Vec<MeritKind>,
    },
    /// "Holds award A".
    Holds {
        awards: Vec<String>,
        #[serde(default = "merit_only")]
        counts: Vec<MeritKind>,
    },
    /// A precondition the register cannot show (an initiative, a provincial
    /// criterion): the council confirms it.
    Confirm { vi: String, en: String },
}

impl Condition {
    fn awards(&self) -> &[String] {
        match self {
            Condition::Consecutive { awards, .. }
            | Condition::AtLeast { awards, .. }
            | Condition::YearsSince { awards, .. }
            | Condition::Holds { awards, .. } => awards,
            Condition::Confirm { .. } => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    /// Recipient classes the route is for; empty means all.
    #[serde(default)]
    pub recipients: Vec<RecipientClass>,
    #[serde(default, rename = "condition")]
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardRules {
    pub award: String,
    #[serde(default)]
    pub basis: String,
    #[serde(default, rename = "route")]
    pub routes: Vec<Route>,
}

/// The preconditions of every award that has any.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EligibilityRules {
    #[serde(default, rename = "award")]
    pub awards: Vec<AwardRules>,
}

/// What the evaluation found for one condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Finding {
    /// Years `from..=to` needed; `missing` are the years without a counting award.
    Streak {
        needed: u32,
        from: i32,
        to: i32,
        missing: Vec<i32>,
    },
    Count {
        needed: u32,
        found: u32,
        from: i32,
        to: i32,
    },
    Since {
        needed: u32,
        last: Option<i32>,
        proposal_year: i32,
    },
    Held {
        last: Option<i32>,
    },
    Confirm {
        vi: String,
        en: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Met,
    Failed,
    /// Only the council can tell.
    ToConfirm,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionResult {
    pub status: Status,
    pub finding: Finding,
    /// Names of the awards the condition is about, joined with " / ".
    pub award_names: String,
    /// Entries of those awards left out because their kind does not count.
    pub excluded: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteResult {
    pub name: String,
    pub name_en: String,
    pub conditions: Vec<ConditionResult>,
}

impl RouteResult {
    pub fn status(&self) -> Status {
        let statuses = self.conditions.iter().map(|c| c.status);
        if statuses.clone().any(|s| s == Status::Failed) {
            Status::Failed
        } else if statuses.clone().any(|s| s == Status::ToConfirm) {
            Status::ToConfirm
        } else {
            Status::Met
        }
    }
}

/// The overall answer for a nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// No precondition is set for this award and kind of nominee.
    NoRule,
    /// Route `route` holds on the register alone.
    Eligible { route: usize },
    /// Route `route` holds if the council confirms what the register cannot show.
    ToConfirm { route: usize },
    /// Every route fails on the register.
    Ineligible,
    /// Held back during discipline or inspection.
    HeldBack,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub award_code: String,
    pub award_name: String,
    pub proposal_year: i32,
    pub routes: Vec<RouteResult>,
    pub held_back: Option<String>,
    pub verdict: Verdict,
}

impl EligibilityRules {
    pub fn parse(text: &str) -> Result<EligibilityRules, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The rules shipped in `data/eligibility.toml`.
    pub fn built_in() -> Result<EligibilityRules, String> {
        Self::parse(ELIGIBILITY_TOML).map_err(|e| format!("data/eligibility.toml: {e}"))
    }

    /// Problems with the rules against a catalogue, each naming where it is.
    pub fn check(&self, catalogue: &Catalogue) -> Vec<String> {
        let mut problems = Vec::new();
        for a in &self.awards {
            if catalogue.award(&a.award).is_none() {
                problems.push(format!("award “{}”: not in the catalogue", a.award));
            }
            for r in &a.routes {
                for c in &r.conditions {
                    for code in c.awards() {
                        if catalogue.award(code).is_none() {
                            problems.push(format!(
                                "award “{}”, route “{}”: unknown award “{code}”",
                                a.award, r.name
                            ));
                        }
                    }
                    let zero = match c {
                        Condition::Consecutive { years, .. } => *years == 0,
                        Condition::AtLeast {
                            times,
                            within_years,
                            ..
                        } => *times == 0 || *within_years == 0,
                        Condition::Holds { awards, .. } => awards.is_empty(),
                        _ => false,
                    };
                    if zero || (!matches!(c, Condition::Confirm { .. }) && c.awards().is_empty()) {
                        problems.push(format!(
                            "award “{}”, route “{}”: a condition needs awards and numbers above zero",
                            a.award, r.name
                        ));
                    }
                }
            }
        }
        problems
    }

    pub fn for_award(&self, code: &str) -> Option<&AwardRules> {
        self.awards.iter().find(|a| a.award == code)
    }

    /// Evaluate the preconditions of `award_code` for a nominee of `class`
    /// proposed in `proposal_year`, on the nominee's `history`.
    pub fn evaluate(
        &self,
        catalogue: &Catalogue,
        award_code: &str,
        class: RecipientClass,
        proposal_year: i32,
        history: &[HeldAward],
        held_back: Option<&str>,
    ) -> Evaluation {
        let routes: Vec<RouteResult> = self
            .for_award(award_code)
            .map(|a| {
                a.routes
                    .iter()
                    .filter(|r| r.recipients.is_empty() || r.recipients.contains(&class))
                    .map(|r| RouteResult {
                        name: r.name.clone(),
                        name_en: r.name_en.clone(),
                        conditions: r
                            .conditions
                            .iter()
                            .map(|c| evaluate_condition(catalogue, c, proposal_year, history))
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let verdict = if held_back.is_some() {
            Verdict::HeldBack
        } else if routes.is_empty() {
            Verdict::NoRule
        } else if let Some(i) = routes.iter().position(|r| r.status() == Status::Met) {
            Verdict::Eligible { route: i }
        } else if let Some(i) = routes.iter().position(|r| r.status() == Status::ToConfirm) {
            Verdict::ToConfirm { route: i }
        } else {
            Verdict::Ineligible
        };
        Evaluation {
            award_code: award_code.to_string(),
            award_name: award_name(catalogue, award_code),
            proposal_year,
            routes,
            held_back: held_back.map(str::to_string),
            verdict,
        }
    }
}

fn award_name(catalogue: &Catalogue, code: &str) -> String {
    catalogue
        .award(code)
        .map(|a| a.short_name.clone())
        .unwrap_or_else(|| code.to_string())
}

/// Years (up to the proposal year) in which a counting award of `awards` is
/// held, sorted, and how many entries were left out for their kind.
fn counting_years(
    catalogue: &Catalogue,
    awards: &[String],
    counts: &[MeritKind],
    proposal_year: i32,
    history: &[HeldAward],
) -> (Vec<i32>, u32) {
    let mut years = Vec::new();
    let mut excluded = 0;
    for h in history
        .iter()
        .filter(|h| h.year <= proposal_year && awards.contains(&h.award_code))
    {
        let kind = h
            .merit
            .or_else(|| catalogue.award(&h.award_code).map(|a| a.merit))
            .unwrap_or(MeritKind::Merit);
        if counts.contains(&kind) {
            years.push(h.year);
        } else {
            excluded += 1;
        }
    }
    years.sort_unstable();
    (years, excluded)
}

fn evaluate_condition(
    catalogue: &Catalogue,
    c: &Condition,
    proposal_year: i32,
    history: &[HeldAward],
) -> ConditionResult {
    let award_names = c
        .awards()
        .iter()
        .map(|code| award_name(catalogue, code))
        .collect::<Vec<_>>()
        .join(" / ");
    let result = |met: bool, finding: Finding, excluded: u32| ConditionResult {
        status: if met { Status::Met } else { Status::Failed },
        finding,
        award_names: award_names.clone(),
        excluded,
    };
    match c {
        Condition::Consecutive {
            awards,
            years,
            counts,
            ending,
        } => {
            let (held, excluded) =
                counting_years(catalogue, awards, counts, proposal_year, history);
            let to = ending.last_year(proposal_year);
            let from = to - *years as i32 + 1;
            let missing: Vec<i32> = (from..=to).filter(|y| !held.contains(y)).collect();
            let finding = Finding::Streak {
                needed: *years,
                from,
                to,
                missing: missing.clone(),
            };
            result(missing.is_empty(), finding, excluded)
        }
        Condition::AtLeast {
            awards,
            times,
            within_years,
            counts,
            ending,
        } => {
            let (held, excluded) =
                counting_years(catalogue, awards, counts, proposal_year, history);
            let to = ending.last_year(proposal_year);
            let from = to - *within_years as i32 + 1;
            let found = held.iter().filter(|y| (from..=to).contains(*y)).count() as u32;
            let finding = Finding::Count {
                needed: *times,
                found,
                from,
                to,
            };
            result(found >= *times, finding, excluded)
        }
        Condition::YearsSince {
            awards,
            years,
            counts,
        } => {
            let (held, excluded) =
                counting_years(catalogue, awards, counts, proposal_year, history);
            let last = held.last().copied();
            let met = last.is_some_and(|l| proposal_year - l >= *years as i32);
            let finding = Finding::Since {
                needed: *years,
                last,
                proposal_year,
            };
            result(met, finding, excluded)
        }
        Condition::Holds { awards, counts } => {
            let (held, excluded) =
                counting_years(catalogue, awards, counts, proposal_year, history);
            let last = held.last().copied();
            result(last.is_some(), Finding::Held { last }, excluded)
        }
        Condition::Confirm { vi, en } => ConditionResult {
            status: Status::ToConfirm,
            finding: Finding::Confirm {
                vi: vi.clone(),
                en: en.clone(),
            },
            award_names,
            excluded: 0,
        },
    }
}

#[cfg(test)]
#[path = "eligibility_tests.rs"]
mod tests;
