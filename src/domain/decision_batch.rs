//! One decision of the ward chairman for many awards: which passed
//! nominations of a meeting it covers, whether it may be recorded (every
//! nomination asked the same question as a decision on its own), and the
//! prize money of each line. Pure: the store supplies the facts.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::award_steps::{AwardRefusal, Standing, check_decision};
use super::movement::Round;
use super::nomination::{NominationId, NominationStatus};
use super::nominee::{Nominee, RecipientClass};
use super::prize::PrizeTable;
use super::register::NewDecision;
use super::ward::WardIdentity;

/// The award code of the Giấy khen of the ward chairman.
pub const GIAY_KHEN: &str = "giay_khen";

/// Which passed nominations of the meeting the decision covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Selection {
    /// Every passed Giấy khen.
    GiayKhen,
    /// Every passed nomination for an award the ward chairman confers.
    Authority,
    /// These nominations, in this order.
    Chosen(Vec<NominationId>),
}

/// Who signs: the chairman, or a vice-chairman for the chairman ("KT.").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignerTitle {
    Chairman,
    Deputy,
}

impl SignerTitle {
    pub fn code(self) -> &'static str {
        match self {
            SignerTitle::Chairman => "chairman",
            SignerTitle::Deputy => "deputy",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [SignerTitle::Chairman, SignerTitle::Deputy]
            .into_iter()
            .find(|t| t.code() == code)
    }

    /// The lines above the signature, as Decree 30 writes them.
    pub fn signature_lines(self) -> &'static [&'static str] {
        match self {
            SignerTitle::Chairman => &["CHỦ TỊCH"],
            SignerTitle::Deputy => &["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        }
    }
}

/// A nomination of the meeting, as the selection sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub nomination_id: NominationId,
    pub award_code: String,
    pub status: NominationStatus,
    /// The ward chairman confers the award.
    pub decided_at_home: bool,
}

/// Why a decision for many awards cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchRefusal {
    /// The selection found nothing to decide.
    Empty,
    /// A chosen nomination is not on the meeting's agenda.
    NotInMeeting(NominationId),
    /// A chosen nomination is named twice.
    Repeated(NominationId),
    /// The decision number is empty.
    EmptyNumber,
    /// Another decision already has this number.
    NumberTaken(String),
    /// These nominations may not be decided, each with why.
    Nominations(Vec<(NominationId, AwardRefusal)>),
}

/// The nominations the selection covers, in agenda order (`candidates` is
/// the meeting's agenda in order).
pub fn select(
    selection: &Selection,
    candidates: &[Candidate],
) -> Result<Vec<NominationId>, BatchRefusal> {
    let passed = |c: &&Candidate| c.status == NominationStatus::Passed;
    let chosen: Vec<NominationId> = match selection {
        Selection::GiayKhen => candidates
            .iter()
            .filter(passed)
            .filter(|c| c.award_code == GIAY_KHEN)
            .map(|c| c.nomination_id)
            .collect(),
        Selection::Authority => candidates
            .iter()
            .filter(passed)
            .filter(|c| c.decided_at_home)
            .map(|c| c.nomination_id)
            .collect(),
        Selection::Chosen(ids) => {
            let mut seen = BTreeSet::new();
            for id in ids {
                if !candidates.iter().any(|c| c.nomination_id == *id) {
                    return Err(BatchRefusal::NotInMeeting(*id));
                }
                if !seen.insert(*id) {
                    return Err(BatchRefusal::Repeated(*id));
                }
            }
            ids.clone()
        }
    };
    if chosen.is_empty() {
        return Err(BatchRefusal::Empty);
    }
    Ok(chosen)
}

/// "15" becomes "15/QĐ-UBND" with the ward's decision symbol; a number
/// written with its symbol is kept as written.
pub fn full_number(raw: &str, symbol: &str) -> String {
    let raw = raw.trim();
    if raw.is_empty() || raw.contains('/') || symbol.is_empty() {
        raw.to_string()
    } else {
        format!("{raw}/{symbol}")
    }
}

/// May one decision `d` cover the nominations standing as `items`? Every
/// nomination is asked, and every refusal is returned, so the user sees
/// them all at once.
pub fn check_batch(
    items: &[(NominationId, Standing)],
    d: &NewDecision,
) -> Result<(), BatchRefusal> {
    if items.is_empty() {
        return Err(BatchRefusal::Empty);
    }
    if d.number.trim().is_empty() {
        return Err(BatchRefusal::EmptyNumber);
    }
    let refused: Vec<(NominationId, AwardRefusal)> = items
        .iter()
        .filter_map(|(id, s)| check_decision(s, d).err().map(|r| (*id, r)))
        .collect();
    if refused.is_empty() {
        Ok(())
    } else {
        Err(BatchRefusal::Nominations(refused))
    }
}

/// The prize of one line in đồng, by the figures in force on the decision's
/// date; `None` when the table has none for it.
pub fn prize_of(
    table: &PrizeTable,
    award: &str,
    class: RecipientClass,
    date: NaiveDate,
) -> Option<i64> {
    table.amount(award, class, date).map(|p| p.amount)
}

/// A decision for many awards as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionBatch {
    pub id: i64,
    pub meeting_id: i64,
    /// "15/QĐ-UBND".
    pub number: String,
    pub date: NaiveDate,
    pub signer: String,
    pub title: SignerTitle,
    /// How many awards it covers.
    pub count: usize,
}

/// One award of the decision, as its list prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionLine {
    pub nomination_id: NominationId,
    pub nominee: Nominee,
    pub award_code: String,
    /// The catalogue's full name ("Danh hiệu Lao động tiên tiến").
    pub award_name: String,
    pub award_short: String,
    /// A title (danh hiệu) is recognised; a form of commendation is given.
    pub is_title: bool,
    pub round: Round,
    /// Prize money in đồng fixed when the decision was recorded; `None`
    /// when the table had no figure for it.
    pub amount: Option<i64>,
}

/// Everything the decision and its list print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionPaper {
    pub batch: DecisionBatch,
    pub lines: Vec<DecisionLine>,
    pub ward: WardIdentity,
    /// The minutes of the meeting that passed them: number and day held.
    pub minutes_number: String,
    pub meeting_day: Option<NaiveDate>,
    /// The movement's plan the awards come under, when there is one.
    pub plan: Option<PlanRef>,
}

/// The plan of the movement, as a "Căn cứ" line names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRef {
    pub plan_number: String,
    pub plan_date: Option<NaiveDate>,
    pub name: String,
}

impl DecisionPaper {
    /// The total prize money and how many lines have no figure.
    pub fn total(&self) -> (i64, usize) {
        let total = self.lines.iter().filter_map(|l| l.amount).sum();
        let missing = self.lines.iter().filter(|l| l.amount.is_none()).count();
        (total, missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(id: i64, award: &str, status: NominationStatus, home: bool) -> Candidate {
        Candidate {
            nomination_id: id,
            award_code: award.into(),
            status,
            decided_at_home: home,
        }
    }

    fn agenda() -> Vec<Candidate> {
        vec![
            cand(60, "cstdcs", NominationStatus::Failed, true),
            cand(15, "ldtt", NominationStatus::Passed, true),
            cand(29, GIAY_KHEN, NominationStatus::Passed, true),
            cand(12, GIAY_KHEN, NominationStatus::Failed, true),
            cand(33, GIAY_KHEN, NominationStatus::Passed, true),
            cand(10, "bk_tinh", NominationStatus::Passed, false),
            cand(40, GIAY_KHEN, NominationStatus::Decided, true),
        ]
    }

    #[test]
    fn giay_khen_takes_only_the_passed_giay_khen_in_agenda_order() {
        assert_eq!(select(&Selection::GiayKhen, &agenda()), Ok(vec![29, 33]));
    }

    #[test]
    fn authority_takes_every_passed_award_the_ward_confers() {
        assert_eq!(
            select(&Selection::Authority, &agenda()),
            Ok(vec![15, 29, 33])
        );
    }

    #[test]
    fn a_chosen_set_must_come_from_the_meeting_and_name_each_once() {
        assert_eq!(
            select(&Selection::Chosen(vec![33, 15]), &agenda()),
            Ok(vec![33, 15])
        );
        assert_eq!(
            select(&Selection::Chosen(vec![33, 99]), &agenda()),
            Err(BatchRefusal::NotInMeeting(99))
        );
        assert_eq!(
            select(&Selection::Chosen(vec![33, 33]), &agenda()),
            Err(BatchRefusal::Repeated(33))
        );
        assert_eq!(
            select(&Selection::Chosen(vec![]), &agenda()),
            Err(BatchRefusal::Empty)
        );
    }

    #[test]
    fn nothing_passed_is_an_empty_selection() {
        let none = vec![cand(1, GIAY_KHEN, NominationStatus::Failed, true)];
        assert_eq!(
            select(&Selection::GiayKhen, &none),
            Err(BatchRefusal::Empty)
        );
    }

    #[test]
    fn the_number_takes_the_ward_symbol_unless_written_with_one() {
        assert_eq!(full_number(" 15 ", "QĐ-UBND"), "15/QĐ-UBND");
        assert_eq!(full_number("15/QĐ-CT", "QĐ-UBND"), "15/QĐ-CT");
        assert_eq!(full_number("", "QĐ-UBND"), "");
    }

    fn standing(status: NominationStatus) -> Standing {
        Standing {
            status,
            award: "Giấy khen".into(),
            granted_by: "Chủ tịch UBND phường".into(),
            decided_at_home: true,
            hold: None,
            latest_vote_passed: Some(true),
            voted_on: NaiveDate::from_ymd_opt(2026, 11, 20),
        }
    }

    #[test]
    fn every_refused_nomination_is_named_at_once() {
        let d = NewDecision {
            number: "15/QĐ-UBND".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default(),
            signer: "Trịnh Văn Khải".into(),
        };
        let items = vec![
            (29, standing(NominationStatus::Passed)),
            (33, standing(NominationStatus::Decided)),
            (12, standing(NominationStatus::Failed)),
        ];
        match check_batch(&items, &d) {
            Err(BatchRefusal::Nominations(v)) => {
                assert_eq!(v.iter().map(|(id, _)| *id).collect::<Vec<_>>(), [33, 12])
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(check_batch(&items[..1], &d), Ok(()));
        let blank = NewDecision {
            number: " ".into(),
            ..d
        };
        assert_eq!(
            check_batch(&items[..1], &blank),
            Err(BatchRefusal::EmptyNumber)
        );
    }
}
