//! Why a decision, a referral or a referral step was refused, with the record
//! it concerns. The refusal itself is the domain's (`domain::award_steps`);
//! the English `Display` here is what the CLI prints, and the interface says
//! the same in its own language (`i18n::awards_refusal`).

use crate::domain::award_steps::AwardRefusal;
use crate::domain::nomination::{NoPassingVote, NominationId};
use crate::domain::referral::ReferralId;

/// The record a refused step concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwardSubject {
    Nomination(NominationId),
    Referral(ReferralId),
}

impl std::fmt::Display for AwardSubject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AwardSubject::Nomination(id) => write!(f, "nomination {id}"),
            AwardSubject::Referral(id) => write!(f, "referral {id}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{about}: {}", refusal_en(refusal))]
pub struct AwardRefused {
    pub about: AwardSubject,
    pub refusal: AwardRefusal,
}

pub fn refusal_en(r: &AwardRefusal) -> String {
    match r {
        AwardRefusal::DecidedAbove { award, granted_by } => {
            format!("{award} is decided by {granted_by}, not by the ward; refer it instead")
        }
        AwardRefusal::DecidedAtHome { award } => {
            format!("{award} is decided by the ward; record the decision instead")
        }
        AwardRefusal::NotPassed { status } => format!(
            "it is {}: only a nomination the council passed can be decided or referred",
            status.code()
        ),
        AwardRefusal::HeldBack { reason } => {
            format!("the nominee's awards are held back ({reason}); lift the hold first")
        }
        AwardRefusal::NoPassingVote(NoPassingVote::NeverVoted) => "no vote of the council is recorded for it, so it cannot be decided or referred; put it on a meeting's agenda and record the vote (an award held before hoidong goes in with `hoidong earlier-award`)".into(),
        AwardRefusal::NoPassingVote(NoPassingVote::LastVoteFailed) => {
            "the council's latest recorded vote did not pass it, so it cannot be decided or referred".into()
        }
        AwardRefusal::EmptyDecisionNumber => "number: the decision number is empty".into(),
        AwardRefusal::NoSigner => "signer: say who signed the decision".into(),
        AwardRefusal::EmptySubmissionNumber => {
            "number: the submission (tờ trình) number is empty".into()
        }
        AwardRefusal::BeforeVote { date, voted_on } => format!(
            "date: {date} is before the meeting of {voted_on} that passed it; date it on or after that day"
        ),
        AwardRefusal::DossierIncomplete { missing } => format!(
            "the dossier still lacks: {}; tick each document with its reference first",
            missing.join("; ")
        ),
        AwardRefusal::Step(e) => e.to_string(),
    }
}
