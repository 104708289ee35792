//! Whether a decision, a referral or a referral step may be recorded. These
//! steps cannot be undone, so the interface asks the same question before it
//! shows its confirm dialog, and the store asks it again inside the
//! transaction that records the step.

use chrono::NaiveDate;

use super::nomination::{NoPassingVote, NominationStatus, check_passed_by_vote};
use super::referral::{ReferralError, ReferralEvent, ReferralState, transition};
use super::register::{NewDecision, NewReferral};

/// What the record says of a nomination about to be decided or referred.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub status: NominationStatus,
    /// The award's short name and who grants it.
    pub award: String,
    pub granted_by: String,
    /// The ward's chairman decides this award (else it is referred up).
    pub decided_at_home: bool,
    /// The reason of an award hold on the nominee that is not lifted.
    pub hold: Option<String>,
    /// Whether the council's latest recorded vote passed it.
    pub latest_vote_passed: Option<bool>,
    /// The date of the meeting that held that vote.
    pub voted_on: Option<NaiveDate>,
}

/// Why a decision, referral or referral step is refused: data only; each
/// language says it its own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AwardRefusal {
    /// A decision on an award the ward does not grant: refer it instead.
    DecidedAbove {
        award: String,
        granted_by: String,
    },
    /// A referral of an award the ward grants: record the decision instead.
    DecidedAtHome {
        award: String,
    },
    /// Only a nomination the council passed can be decided or referred.
    NotPassed {
        status: NominationStatus,
    },
    HeldBack {
        reason: String,
    },
    NoPassingVote(NoPassingVote),
    EmptyDecisionNumber,
    NoSigner,
    EmptySubmissionNumber,
    /// The decision or the submission is dated before the meeting that passed it.
    BeforeVote {
        date: NaiveDate,
        voted_on: NaiveDate,
    },
    /// Sending needs every document of the dossier ticked (their names).
    DossierIncomplete {
        missing: Vec<String>,
    },
    /// The referral's state machine refused the step (order, date, reason).
    Step(ReferralError),
}

/// Common to a decision and a referral: the council passed it, by a vote on
/// record, with no hold on the nominee, and the paper is not dated before
/// that vote.
fn check_passed(s: &Standing, date: NaiveDate) -> Result<(), AwardRefusal> {
    if s.status != NominationStatus::Passed {
        return Err(AwardRefusal::NotPassed { status: s.status });
    }
    if let Some(reason) = &s.hold {
        return Err(AwardRefusal::HeldBack {
            reason: reason.clone(),
        });
    }
    check_passed_by_vote(s.latest_vote_passed).map_err(AwardRefusal::NoPassingVote)?;
    if let Some(voted_on) = s.voted_on
        && date < voted_on
    {
        return Err(AwardRefusal::BeforeVote { date, voted_on });
    }
    Ok(())
}

/// May the ward's chairman's decision `d` be recorded?
pub fn check_decision(s: &Standing, d: &NewDecision) -> Result<(), AwardRefusal> {
    if !s.decided_at_home {
        return Err(AwardRefusal::DecidedAbove {
            award: s.award.clone(),
            granted_by: s.granted_by.clone(),
        });
    }
    check_passed(s, d.date)?;
    if d.number.trim().is_empty() {
        return Err(AwardRefusal::EmptyDecisionNumber);
    }
    if d.signer.trim().is_empty() {
        return Err(AwardRefusal::NoSigner);
    }
    Ok(())
}

/// May the nomination be referred to the level above with submission `r`?
/// (Whether an ineligible nomination needs a reason is the eligibility's
/// question, asked apart.)
pub fn check_referral(s: &Standing, r: &NewReferral) -> Result<(), AwardRefusal> {
    if s.decided_at_home {
        return Err(AwardRefusal::DecidedAtHome {
            award: s.award.clone(),
        });
    }
    check_passed(s, r.submission_date)?;
    if r.submission_number.trim().is_empty() {
        return Err(AwardRefusal::EmptySubmissionNumber);
    }
    Ok(())
}

/// May `event` be recorded on a referral standing at `state`, whose dossier
/// still lacks the documents `missing`? The next state when it may.
pub fn check_step(
    state: &ReferralState,
    event: &ReferralEvent,
    missing: &[String],
) -> Result<ReferralState, AwardRefusal> {
    let next = transition(state, event).map_err(AwardRefusal::Step)?;
    let sends = matches!(
        event,
        ReferralEvent::Send { .. } | ReferralEvent::Resend { .. }
    );
    if sends && !missing.is_empty() {
        return Err(AwardRefusal::DossierIncomplete {
            missing: missing.to_vec(),
        });
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::referral::ReferralStatus;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default()
    }

    fn passed(home: bool) -> Standing {
        Standing {
            status: NominationStatus::Passed,
            award: "GK".into(),
            granted_by: "Chủ tịch UBND tỉnh".into(),
            decided_at_home: home,
            hold: None,
            latest_vote_passed: Some(true),
            voted_on: Some(day(10)),
        }
    }

    fn decision(date: NaiveDate) -> NewDecision {
        NewDecision {
            number: "12/QĐ-UBND".into(),
            date,
            signer: "Trần Văn Bình".into(),
        }
    }

    #[test]
    fn a_decision_on_or_after_the_vote_is_allowed() {
        assert_eq!(check_decision(&passed(true), &decision(day(10))), Ok(()));
        assert_eq!(check_decision(&passed(true), &decision(day(20))), Ok(()));
    }

    #[test]
    fn a_decision_dated_before_the_meeting_that_passed_it_is_refused() {
        assert_eq!(
            check_decision(&passed(true), &decision(day(9))),
            Err(AwardRefusal::BeforeVote {
                date: day(9),
                voted_on: day(10)
            })
        );
    }

    #[test]
    fn a_referral_dated_before_the_vote_is_refused() {
        let r = NewReferral {
            submission_number: "5/TTr".into(),
            submission_date: day(1),
            override_reason: None,
        };
        assert!(matches!(
            check_referral(&passed(false), &r),
            Err(AwardRefusal::BeforeVote { .. })
        ));
        let ok = NewReferral {
            submission_date: day(11),
            ..r
        };
        assert_eq!(check_referral(&passed(false), &ok), Ok(()));
    }

    #[test]
    fn the_level_that_grants_decides_which_path() {
        assert!(matches!(
            check_decision(&passed(false), &decision(day(11))),
            Err(AwardRefusal::DecidedAbove { .. })
        ));
        let r = NewReferral {
            submission_number: "5/TTr".into(),
            submission_date: day(11),
            override_reason: None,
        };
        assert!(matches!(
            check_referral(&passed(true), &r),
            Err(AwardRefusal::DecidedAtHome { .. })
        ));
    }

    #[test]
    fn a_failed_or_missing_vote_a_hold_or_empty_fields_are_refused() {
        let mut s = passed(true);
        s.latest_vote_passed = Some(false);
        assert_eq!(
            check_decision(&s, &decision(day(11))),
            Err(AwardRefusal::NoPassingVote(NoPassingVote::LastVoteFailed))
        );
        let mut s = passed(true);
        s.hold = Some("kỷ luật".into());
        assert!(matches!(
            check_decision(&s, &decision(day(11))),
            Err(AwardRefusal::HeldBack { .. })
        ));
        let mut s = passed(true);
        s.status = NominationStatus::Failed;
        assert!(matches!(
            check_decision(&s, &decision(day(11))),
            Err(AwardRefusal::NotPassed { .. })
        ));
        let mut d = decision(day(11));
        d.signer = " ".into();
        assert_eq!(
            check_decision(&passed(true), &d),
            Err(AwardRefusal::NoSigner)
        );
        d.number = String::new();
        assert_eq!(
            check_decision(&passed(true), &d),
            Err(AwardRefusal::EmptyDecisionNumber)
        );
    }

    #[test]
    fn sending_needs_every_document_ticked() {
        let state = ReferralState::prepared(day(11));
        let send = ReferralEvent::Send { date: day(12) };
        assert_eq!(
            check_step(&state, &send, &["Tờ trình".to_string()]),
            Err(AwardRefusal::DossierIncomplete {
                missing: vec!["Tờ trình".to_string()]
            })
        );
        let next = check_step(&state, &send, &[]);
        assert_eq!(next.map(|s| s.status), Ok(ReferralStatus::Sent));
    }

    #[test]
    fn a_step_cannot_precede_the_last_one() {
        let state = ReferralState {
            status: ReferralStatus::Sent,
            last_date: day(12),
        };
        let back = ReferralEvent::Return {
            date: day(11),
            reason: "thiếu bản sao".into(),
        };
        assert!(matches!(
            check_step(&state, &back, &[]),
            Err(AwardRefusal::Step(ReferralError::DateBeforeLast { .. }))
        ));
    }
}
