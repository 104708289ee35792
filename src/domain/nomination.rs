//! A nomination (đề nghị khen thưởng) and its life cycle.

use serde::{Deserialize, Serialize};

use super::movement::Round;
use super::nominee::NomineeId;
use super::text_rules::{self, TextField, TextRefusal};

pub type NominationId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum NominationStatus {
    Draft,
    Submitted,
    OnAgenda,
    Passed,
    Failed,
    Decided,
    Referred,
    Conferred,
    Rejected,
    Withdrawn,
}

impl NominationStatus {
    pub const ALL: [NominationStatus; 10] = [
        NominationStatus::Draft,
        NominationStatus::Submitted,
        NominationStatus::OnAgenda,
        NominationStatus::Passed,
        NominationStatus::Failed,
        NominationStatus::Decided,
        NominationStatus::Referred,
        NominationStatus::Conferred,
        NominationStatus::Rejected,
        NominationStatus::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NominationStatus::Draft => "draft",
            NominationStatus::Submitted => "submitted",
            NominationStatus::OnAgenda => "on_agenda",
            NominationStatus::Passed => "passed",
            NominationStatus::Failed => "failed",
            NominationStatus::Decided => "decided",
            NominationStatus::Referred => "referred",
            NominationStatus::Conferred => "conferred",
            NominationStatus::Rejected => "rejected",
            NominationStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether a list from outside may give a nomination this status. Passed
    /// and failed come only from the council's vote, decided, referred,
    /// conferred and rejected only from a decision; hoidong records those
    /// when they happen and never copies them from a file.
    pub fn may_be_imported(self) -> bool {
        matches!(
            self,
            NominationStatus::Draft
                | NominationStatus::Submitted
                | NominationStatus::OnAgenda
                | NominationStatus::Withdrawn
        )
    }

    /// Not yet voted on by the council: its score may still be worked out
    /// again under a new rule; after the vote it keeps the one voted on.
    pub fn is_before_vote(self) -> bool {
        matches!(
            self,
            NominationStatus::Draft | NominationStatus::Submitted | NominationStatus::OnAgenda
        )
    }

    /// Still waiting for the council or for a decision.
    pub fn is_pending(self) -> bool {
        matches!(
            self,
            NominationStatus::Draft
                | NominationStatus::Submitted
                | NominationStatus::OnAgenda
                | NominationStatus::Passed
                | NominationStatus::Referred
        )
    }

    /// Legal moves of the life cycle. Anything else is refused by the store.
    pub fn can_become(self, next: NominationStatus) -> bool {
        use NominationStatus::*;
        match (self, next) {
            (Draft, Submitted) => true,
            (Submitted, OnAgenda) | (Submitted, Draft) => true,
            (OnAgenda, Submitted) | (OnAgenda, Passed) | (OnAgenda, Failed) => true,
            // A re-vote in a later round, or an amendment after closing.
            (Passed, Failed) | (Failed, Passed) | (Failed, OnAgenda) => true,
            (Passed, Decided) | (Passed, Referred) => true,
            (Referred, Conferred) | (Referred, Rejected) => true,
            (s, Withdrawn) => s.is_pending(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nomination {
    pub id: NominationId,
    pub nominee_id: NomineeId,
    pub movement_id: i64,
    pub round: Round,
    pub award_code: String,
    /// Đơn vị đề nghị.
    pub proposing_unit: String,
    /// Tóm tắt thành tích.
    pub summary: String,
    pub status: NominationStatus,
    /// Reason recorded when withdrawn.
    pub withdrawal_reason: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// A nomination before it is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewNomination {
    pub nominee_id: NomineeId,
    pub movement_id: i64,
    pub round: Round,
    pub award_code: String,
    pub proposing_unit: String,
    pub summary: String,
    pub status: NominationStatus,
}

impl NewNomination {
    /// The same nomination with its texts cleaned by the text rules.
    pub fn cleaned(&self) -> Result<NewNomination, TextRefusal> {
        Ok(NewNomination {
            proposing_unit: text_rules::line(TextField::ProposingUnit, &self.proposing_unit)?,
            summary: text_rules::text(TextField::Summary, &self.summary)?,
            ..self.clone()
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// Báo cáo thành tích.
    AchievementReport,
    /// Văn bản xác nhận.
    Confirmation,
    /// Quyết định.
    Decision,
    Photo,
    Other,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 5] = [
        EvidenceKind::AchievementReport,
        EvidenceKind::Confirmation,
        EvidenceKind::Decision,
        EvidenceKind::Photo,
        EvidenceKind::Other,
    ];
    pub fn code(self) -> &'static str {
        match self {
            EvidenceKind::AchievementReport => "achievement_report",
            EvidenceKind::Confirmation => "confirmation",
            EvidenceKind::Decision => "decision",
            EvidenceKind::Photo => "photo",
            EvidenceKind::Other => "other",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: i64,
    pub nomination_id: NominationId,
    pub kind: EvidenceKind,
    pub title: String,
    pub doc_number: String,
    pub doc_date: Option<String>,
    pub file_path: Option<String>,
    /// SHA-256 of the file when it was attached, hex.
    pub sha256: Option<String>,
    pub note: String,
}

/// One row of the dashboard: a nomination with what the list shows of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NominationRow {
    pub id: NominationId,
    pub nominee_name: String,
    pub nominee_kind: super::nominee::NomineeKind,
    pub unit: String,
    pub award_code: String,
    pub award_short: String,
    pub award_rank: u8,
    pub round: Round,
    /// Consolidated score on a 0–100 scale, when any member scored.
    pub score: Option<f64>,
    pub evidence_count: u32,
    pub status: NominationStatus,
}

/// Which nominations the dashboard lists, and in what order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NominationQuery {
    /// Free text, matched case- and tone-insensitively against nominee, unit and award.
    pub text: String,
    /// Only these statuses; empty means the pending ones.
    pub statuses: Vec<NominationStatus>,
    pub kind: Option<super::nominee::NomineeKind>,
    /// Level code of the deciding authority.
    pub award_level: Option<String>,
    pub sort: SortKey,
    pub descending: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortKey {
    /// Award level (highest first), then name.
    #[default]
    AwardLevel,
    /// Nominee name in Vietnamese order.
    Name,
    /// Consolidated score.
    Score,
}

/// Why a nomination cannot be decided or referred although its status says
/// passed: the record holds no vote of the council that passed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPassingVote {
    /// No vote was ever recorded for it.
    NeverVoted,
    /// The latest recorded vote did not pass it.
    LastVoteFailed,
}

/// A decision or a referral rests on the council's latest recorded vote on
/// the nomination: it must exist and have passed.
pub fn check_passed_by_vote(latest_vote_passed: Option<bool>) -> Result<(), NoPassingVote> {
    match latest_vote_passed {
        None => Err(NoPassingVote::NeverVoted),
        Some(false) => Err(NoPassingVote::LastVoteFailed),
        Some(true) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::NominationStatus::*;
    use super::*;

    #[test]
    fn only_what_the_council_has_not_voted_on_is_before_the_vote() {
        let before: Vec<NominationStatus> = NominationStatus::ALL
            .into_iter()
            .filter(|s| s.is_before_vote())
            .collect();
        assert_eq!(before, vec![Draft, Submitted, OnAgenda]);
    }

    #[test]
    fn life_cycle_moves() {
        assert!(Draft.can_become(Submitted));
        assert!(OnAgenda.can_become(Passed));
        assert!(Passed.can_become(Referred));
        assert!(!Decided.can_become(Withdrawn));
        assert!(!Draft.can_become(Decided));
        assert!(Referred.can_become(Withdrawn));
        for s in NominationStatus::ALL {
            assert_eq!(NominationStatus::from_code(s.code()), Some(s));
            assert!(!s.can_become(s), "{s:?} to itself");
        }
    }
}
