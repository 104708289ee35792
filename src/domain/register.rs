//! The award register (sổ theo dõi khen thưởng): every award a nominee holds,
//! with its decision; the ward chairman's decisions; the awards board.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::award::MeritKind;
use super::eligibility::HeldAward;
use super::nomination::{NominationId, NominationStatus};
use super::nominee::{NomineeId, NomineeKind};
use super::referral::{ReferralId, ReferralStatus};

/// How an entry came into the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegisterSource {
    /// Decided by the ward chairman on the council's proposal.
    Decided,
    /// Conferred by a higher authority after a referral.
    Conferred,
    /// Held before the nominee's records were kept here.
    Earlier,
}

impl RegisterSource {
    pub fn code(self) -> &'static str {
        match self {
            RegisterSource::Decided => "decided",
            RegisterSource::Conferred => "conferred",
            RegisterSource::Earlier => "earlier",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Decided, Self::Conferred, Self::Earlier]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// One award held, as the register shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterEntry {
    pub id: i64,
    pub nominee_id: NomineeId,
    pub nominee_name: String,
    pub nominee_kind: NomineeKind,
    pub unit: String,
    pub award_code: String,
    pub award_name: String,
    /// Level code where the award is decided.
    pub award_level: String,
    pub year: i32,
    pub decision_number: String,
    pub decision_date: Option<NaiveDate>,
    pub authority: String,
    pub nomination_id: Option<NominationId>,
    pub source: RegisterSource,
    /// Kind recorded for this entry when it differs from the catalogue's.
    pub merit: Option<MeritKind>,
    pub note: String,
}

impl RegisterEntry {
    pub fn held(&self) -> HeldAward {
        HeldAward {
            award_code: self.award_code.clone(),
            year: self.year,
            merit: self.merit,
        }
    }
}

/// An award held before the nominee's records were kept in hoidong.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EarlierAward {
    pub nominee_id: NomineeId,
    pub award_code: String,
    pub year: i32,
    pub decision_number: String,
    pub decision_date: Option<NaiveDate>,
    pub authority: String,
    pub merit: Option<MeritKind>,
    pub note: String,
}

/// The ward chairman's decision on a nomination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: i64,
    pub nomination_id: NominationId,
    /// Number and symbol, e.g. "125/QĐ-UBND".
    pub number: String,
    pub date: NaiveDate,
    pub signer: String,
}

/// A decision before it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDecision {
    pub number: String,
    pub date: NaiveDate,
    pub signer: String,
}

/// A referral before it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReferral {
    /// Tờ trình number and date.
    pub submission_number: String,
    pub submission_date: NaiveDate,
    /// Required when the eligibility check fails.
    pub override_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelStatusCount {
    pub level: String,
    pub level_name: String,
    pub status: NominationStatus,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingReferral {
    pub referral_id: ReferralId,
    pub nomination_id: NominationId,
    pub nominee_name: String,
    pub award_name: String,
    pub level: String,
    pub level_name: String,
    pub status: ReferralStatus,
    /// Date of the referral's last step.
    pub since: NaiveDate,
    /// Days since then, as of the board's date.
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearLevelCount {
    pub year: i32,
    pub level: String,
    pub count: u32,
}

/// What the awards board shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AwardsBoard {
    /// Nominations per level of the deciding authority and status.
    pub by_level_status: Vec<LevelStatusCount>,
    /// Open referrals, waiting longest first.
    pub waiting: Vec<WaitingReferral>,
    /// Register entries per year and level (for a chart).
    pub by_year_level: Vec<YearLevelCount>,
}

/// Put open referrals in board order (longest wait first, then id) with
/// their days waiting as of `today`.
pub fn order_waiting(mut list: Vec<WaitingReferral>, today: NaiveDate) -> Vec<WaitingReferral> {
    for w in &mut list {
        w.days = (today - w.since).num_days();
    }
    list.sort_by(|a, b| {
        a.since
            .cmp(&b.since)
            .then(a.referral_id.cmp(&b.referral_id))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waiting(id: i64, since: &str) -> WaitingReferral {
        WaitingReferral {
            referral_id: id,
            nomination_id: id,
            nominee_name: String::new(),
            award_name: String::new(),
            level: "province".into(),
            level_name: "Tỉnh".into(),
            status: ReferralStatus::Sent,
            since: NaiveDate::parse_from_str(since, "%Y-%m-%d").unwrap_or_else(|e| panic!("{e}")),
            days: 0,
        }
    }

    #[test]
    fn longest_waiting_first() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_else(|| panic!());
        let out = order_waiting(
            vec![
                waiting(1, "2026-02-20"),
                waiting(2, "2026-01-05"),
                waiting(3, "2026-02-20"),
            ],
            today,
        );
        let ids: Vec<i64> = out.iter().map(|w| w.referral_id).collect();
        assert_eq!(ids, [2, 1, 3]);
        assert_eq!(out[0].days, 55);
    }

    #[test]
    fn sources_round_trip() {
        for s in [
            RegisterSource::Decided,
            RegisterSource::Conferred,
            RegisterSource::Earlier,
        ] {
            assert_eq!(RegisterSource::from_code(s.code()), Some(s));
        }
    }
}
