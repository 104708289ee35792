//! Why a decision, a referral or a referral step was refused, with the record
//! it concerns. The refusal itself is the domain's (`domain::award_steps`);
//! its English `Display` is what the CLI prints, and the interface says the
//! same in its own language (both worded in `i18n::awards_refusal`).

use crate::domain::award_steps::AwardRefusal;
use crate::domain::nomination::NominationId;
use crate::domain::referral::ReferralId;
use crate::i18n::awards_refusal::refusal_en;

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
