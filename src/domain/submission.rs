//! A tờ trình (submission) upward as recorded: the batch of referrals under
//! one number, with what its print needs.

use chrono::NaiveDate;

use super::award::Award;
use super::dossier::ChecklistItem;
use super::meeting::Meeting;
use super::nomination::Nomination;
use super::nominee::Nominee;
use super::referral::ReferralId;
use super::ward::WardIdentity;

/// One nominee of a submission as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionLine {
    pub referral_id: ReferralId,
    pub nominee: Nominee,
    pub nomination: Nomination,
    pub checklist: Vec<ChecklistItem>,
}

/// Everything the tờ trình and its list print.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub ward: WardIdentity,
    pub number: String,
    pub date: NaiveDate,
    pub award: Award,
    /// The level the batch goes to (its name).
    pub level_name: String,
    /// The meeting whose minutes and ballot-count record go with it.
    pub meeting: Option<Meeting>,
    /// Who signs for the council: its chair.
    pub signer: String,
    pub lines: Vec<SubmissionLine>,
}

/// A nomination of the batch that fails the eligibility check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IneligibleLine {
    pub nomination: super::nomination::NominationId,
    pub nominee: String,
    pub evaluation: super::eligibility::Evaluation,
}

/// Why a tờ trình cannot be recorded: data only; each language says it its
/// own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmissionRefusal {
    /// The number is empty.
    EmptyNumber,
    /// No award in the catalogue has this code.
    UnknownAward { code: String },
    /// Nothing passed at the meeting for the award waits to be referred.
    NothingWaiting { meeting: i64, award: String },
    /// Another tờ trình already carries this number.
    NumberTaken { number: String },
    /// These fail the eligibility check and no reason to send them anyway was given.
    Ineligible(Vec<IneligibleLine>),
    /// The catalogue names no level above the ward to send to.
    NoLevelAbove,
    /// A nomination of the batch may not be referred (why, as for one referral).
    Nomination {
        nomination: super::nomination::NominationId,
        refusal: super::award_steps::AwardRefusal,
    },
}

/// May a batch of `waiting` nominations go up under a number `taken` or not,
/// with the reason `override_reason`? `ineligible` are those of the batch the
/// eligibility check refuses; they go up only with a reason.
pub fn check_submission(
    meeting: i64,
    award: &str,
    waiting: usize,
    taken: Option<&str>,
    ineligible: Vec<IneligibleLine>,
    override_reason: Option<&str>,
) -> Result<(), SubmissionRefusal> {
    if waiting == 0 {
        return Err(SubmissionRefusal::NothingWaiting {
            meeting,
            award: award.to_string(),
        });
    }
    if let Some(number) = taken {
        return Err(SubmissionRefusal::NumberTaken {
            number: number.to_string(),
        });
    }
    let has_reason = override_reason.is_some_and(|r| !r.trim().is_empty());
    if !ineligible.is_empty() && !has_reason {
        return Err(SubmissionRefusal::Ineligible(ineligible));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::eligibility::{Evaluation, Verdict};

    fn line(id: i64) -> IneligibleLine {
        IneligibleLine {
            nomination: id,
            nominee: "Hoàng Minh Tuấn".into(),
            evaluation: Evaluation {
                award_code: "bk_tinh".into(),
                award_name: "Bằng khen của Chủ tịch UBND tỉnh".into(),
                proposal_year: 2026,
                routes: Vec::new(),
                held_back: None,
                verdict: Verdict::Ineligible,
            },
        }
    }

    #[test]
    fn an_empty_batch_and_a_used_number_are_refused_before_eligibility() {
        assert_eq!(
            check_submission(4, "bk_tinh", 0, Some("3/TTr"), vec![line(9)], None),
            Err(SubmissionRefusal::NothingWaiting {
                meeting: 4,
                award: "bk_tinh".into()
            })
        );
        assert_eq!(
            check_submission(4, "bk_tinh", 1, Some("3/TTr"), vec![line(9)], None),
            Err(SubmissionRefusal::NumberTaken {
                number: "3/TTr".into()
            })
        );
    }

    #[test]
    fn ineligible_nominations_go_up_only_with_a_reason_that_says_something() {
        assert_eq!(
            check_submission(4, "bk_tinh", 2, None, vec![line(9)], Some("   ")),
            Err(SubmissionRefusal::Ineligible(vec![line(9)]))
        );
        assert_eq!(
            check_submission(
                4,
                "bk_tinh",
                2,
                None,
                vec![line(9)],
                Some("Thành tích đột xuất")
            ),
            Ok(())
        );
        assert_eq!(
            check_submission(4, "bk_tinh", 2, None, Vec::new(), None),
            Ok(())
        );
    }
}
