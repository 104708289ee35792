//! The year's report (báo cáo thống kê khen thưởng): counts and prize money
//! per award and level, per unit and per kind of nominee, for one year or a
//! phase, with the referrals sent upward and where they stand. Pure: the
//! store hands in the register and the referrals; words belong to the print.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::nominee::{NomineeKind, RecipientClass};
use super::prize::{PrizeTable, PrizeTotal};
use super::referral::ReferralStatus;
use super::register::RegisterEntry;

/// The years a report covers: one year, or a phase such as 2022–2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

/// Why a period was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodRefusal {
    /// Not "2025" nor "2022-2025".
    Unreadable(String),
    /// The phase ends before it begins.
    Backwards { from: i32, to: i32 },
}

impl Period {
    pub fn year(year: i32) -> Period {
        Period {
            from: year,
            to: year,
        }
    }

    /// "2025" or "2022-2025" (an en dash is accepted too).
    pub fn parse(text: &str) -> Result<Period, PeriodRefusal> {
        let unreadable = || PeriodRefusal::Unreadable(text.to_string());
        let year = |s: &str| -> Result<i32, PeriodRefusal> {
            let s = s.trim();
            match s.parse::<i32>() {
                Ok(y) if s.len() == 4 && (1945..=9999).contains(&y) => Ok(y),
                _ => Err(unreadable()),
            }
        };
        let text_trimmed = text.trim();
        let (from, to) = match text_trimmed.split_once(['-', '–']) {
            Some((a, b)) => (year(a)?, year(b)?),
            None => {
                let y = year(text_trimmed)?;
                (y, y)
            }
        };
        if to < from {
            return Err(PeriodRefusal::Backwards { from, to });
        }
        Ok(Period { from, to })
    }

    pub fn is_phase(&self) -> bool {
        self.from != self.to
    }

    pub fn covers(&self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }

    /// "2025" or "2022-2025", as file names and the CLI write it.
    pub fn code(&self) -> String {
        if self.is_phase() {
            format!("{}-{}", self.from, self.to)
        } else {
            self.from.to_string()
        }
    }
}

/// Prize money of the register per year, oldest first: the one rule the
/// awards board, the CLI and the report all use. An award is counted in its
/// year (the round it was given for), at the figures in force on the date of
/// its decision.
pub fn prizes_per_year(table: &PrizeTable, entries: &[RegisterEntry]) -> Vec<(i32, PrizeTotal)> {
    let mut years: BTreeMap<i32, Vec<&RegisterEntry>> = BTreeMap::new();
    for e in entries {
        years.entry(e.year).or_default().push(e);
    }
    years
        .into_iter()
        .map(|(year, list)| (year, prize_total(table, list)))
        .collect()
}

fn prize_total<'a>(
    table: &PrizeTable,
    entries: impl IntoIterator<Item = &'a RegisterEntry>,
) -> PrizeTotal {
    table.total(entries.into_iter().map(|e| {
        (
            e.award_code.as_str(),
            e.nominee_kind.class(),
            e.decision_date,
        )
    }))
}

/// Counts of one group of awards by class of recipient, and their money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    pub individuals: u32,
    pub collectives: u32,
    pub households: u32,
    pub prize: PrizeTotal,
}

impl Counts {
    pub fn total(&self) -> u32 {
        self.individuals + self.collectives + self.households
    }

    fn add(&mut self, class: RecipientClass, prize: Option<i64>) {
        match class {
            RecipientClass::Individual => self.individuals += 1,
            RecipientClass::Collective | RecipientClass::Enterprise => self.collectives += 1,
            RecipientClass::Household => self.households += 1,
        }
        match prize {
            Some(amount) => {
                self.prize.amount += amount;
                self.prize.counted += 1;
            }
            None => self.prize.without_figure += 1,
        }
    }
}

/// One award (at its level) in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardLine {
    pub level: String,
    pub level_rank: u8,
    pub award_code: String,
    pub award_name: String,
    pub counts: Counts,
}

/// One unit (the nominee's unit; a nominee with none is counted under "").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitLine {
    pub unit: String,
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindLine {
    pub kind: NomineeKind,
    pub counts: Counts,
}

/// A referral as the report needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralFact {
    pub award_code: String,
    pub award_name: String,
    /// Level it was sent to.
    pub level: String,
    pub level_rank: u8,
    /// The year of the round the nomination belongs to, as awards count.
    pub year: i32,
    pub submission_date: Option<NaiveDate>,
    pub status: ReferralStatus,
}

/// Referrals of one award to one level, by where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralLine {
    pub level: String,
    pub level_rank: u8,
    pub award_code: String,
    pub award_name: String,
    /// How many referrals, and how many by status (only those present).
    pub total: u32,
    pub by_status: Vec<(ReferralStatus, u32)>,
}

impl ReferralLine {
    pub fn count(&self, status: ReferralStatus) -> u32 {
        self.by_status
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearReport {
    pub period: Period,
    /// Highest level first, then by award name as the catalogue orders it.
    pub by_award: Vec<AwardLine>,
    pub by_unit: Vec<UnitLine>,
    pub by_kind: Vec<KindLine>,
    pub referrals: Vec<ReferralLine>,
    pub total: Counts,
}

/// The report of `period` from the whole register and every referral.
/// Awards and referrals count by the year of their round.
pub fn year_report(
    period: Period,
    entries: &[RegisterEntry],
    level_rank: impl Fn(&str) -> u8,
    referrals: &[ReferralFact],
    table: &PrizeTable,
) -> YearReport {
    let mut by_award: BTreeMap<(std::cmp::Reverse<u8>, String, String), AwardLine> =
        BTreeMap::new();
    let mut by_unit: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_kind: BTreeMap<NomineeKind, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    for e in entries.iter().filter(|e| period.covers(e.year)) {
        let class = e.nominee_kind.class();
        let prize = e
            .decision_date
            .and_then(|d| table.amount(&e.award_code, class, d))
            .map(|p| p.amount);
        let rank = level_rank(&e.award_level);
        by_award
            .entry((
                std::cmp::Reverse(rank),
                e.award_level.clone(),
                e.award_code.clone(),
            ))
            .or_insert_with(|| AwardLine {
                level: e.award_level.clone(),
                level_rank: rank,
                award_code: e.award_code.clone(),
                award_name: e.award_name.clone(),
                counts: Counts::default(),
            })
            .counts
            .add(class, prize);
        by_unit.entry(e.unit.clone()).or_default().add(class, prize);
        by_kind.entry(e.nominee_kind).or_default().add(class, prize);
        total.add(class, prize);
    }
    let mut lines: BTreeMap<(std::cmp::Reverse<u8>, String, String), ReferralLine> =
        BTreeMap::new();
    for r in referrals {
        if !period.covers(r.year) {
            continue;
        }
        let line = lines
            .entry((
                std::cmp::Reverse(r.level_rank),
                r.level.clone(),
                r.award_code.clone(),
            ))
            .or_insert_with(|| ReferralLine {
                level: r.level.clone(),
                level_rank: r.level_rank,
                award_code: r.award_code.clone(),
                award_name: r.award_name.clone(),
                total: 0,
                by_status: Vec::new(),
            });
        line.total += 1;
        match line.by_status.iter_mut().find(|(s, _)| *s == r.status) {
            Some((_, n)) => *n += 1,
            None => line.by_status.push((r.status, 1)),
        }
    }
    for line in lines.values_mut() {
        line.by_status
            .sort_by_key(|(s, _)| ReferralStatus::ALL.iter().position(|x| x == s));
    }
    YearReport {
        period,
        by_award: by_award.into_values().collect(),
        by_unit: by_unit
            .into_iter()
            .map(|(unit, counts)| UnitLine { unit, counts })
            .collect(),
        by_kind: by_kind
            .into_iter()
            .map(|(kind, counts)| KindLine { kind, counts })
            .collect(),
        referrals: lines.into_values().collect(),
        total,
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
