//! The checks of a referral's dossier and levels that come before its state
//! machine (`referral`): an ineligible nomination needs a reason to be
//! referred, a document is ticked with its reference, a level lies above.

use super::eligibility::Evaluation;
use super::nomination::NominationId;
use super::referral::{ReferralId, ReferralStatus};
use super::text::nfc;

/// Why a referral, or a change to its dossier, was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralRefusal {
    /// The evaluation finds the nomination ineligible (or held back):
    /// referring it anyway needs a reason.
    NeedsOverride {
        nomination: NominationId,
        evaluation: Box<Evaluation>,
    },
    /// The catalogue lists no levels at all.
    NoLevels,
    /// No level above `level` to refer to.
    NoLevelAbove { level: String },
    /// The referral is no longer open, so its dossier is closed.
    Closed {
        id: ReferralId,
        status: ReferralStatus,
    },
    /// A document is ticked with its number and date or where it is kept.
    EmptyReference,
    /// The document is not in the referral's checklist.
    UnknownDocument {
        id: ReferralId,
        code: String,
        known: Vec<String>,
    },
    /// Forwarding makes a new referral at the next level (not a step).
    ForwardIsNotAStep { id: ReferralId },
    /// A stored step date cannot be read.
    BadStepDate { id: ReferralId, text: String },
    /// The referral has no dated step at all.
    NoDatedStep { id: ReferralId },
}

/// The reason to refer an ineligible nomination anyway, when one is needed.
pub fn override_reason(
    nomination: NominationId,
    evaluation: &Evaluation,
    reason: Option<&str>,
) -> Result<Option<String>, ReferralRefusal> {
    let reason = reason.map(nfc).filter(|s| !s.trim().is_empty());
    if evaluation.needs_override() && reason.is_none() {
        return Err(ReferralRefusal::NeedsOverride {
            nomination,
            evaluation: Box::new(evaluation.clone()),
        });
    }
    Ok(reason)
}

/// Document `code` of open referral `id` may be ticked with `reference`
/// (cleaned), when it is one of `known`.
pub fn tick(
    id: ReferralId,
    status: ReferralStatus,
    code: &str,
    reference: &str,
    known: &[String],
) -> Result<String, ReferralRefusal> {
    if !status.is_open() {
        return Err(ReferralRefusal::Closed { id, status });
    }
    let reference = nfc(reference.trim());
    if reference.is_empty() {
        return Err(ReferralRefusal::EmptyReference);
    }
    if !known.iter().any(|k| k == code) {
        return Err(ReferralRefusal::UnknownDocument {
            id,
            code: code.to_string(),
            known: known.to_vec(),
        });
    }
    Ok(reference)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::eligibility::Verdict;

    fn evaluation(verdict: Verdict) -> Evaluation {
        Evaluation {
            award_code: "bk_tinh".into(),
            award_name: "Bằng khen UBND tỉnh".into(),
            proposal_year: 2026,
            routes: Vec::new(),
            held_back: None,
            verdict,
        }
    }

    #[test]
    fn an_ineligible_nomination_is_referred_only_with_a_reason() {
        let ineligible = evaluation(Verdict::Ineligible);
        assert_eq!(
            override_reason(7, &ineligible, Some("  ")),
            Err(ReferralRefusal::NeedsOverride {
                nomination: 7,
                evaluation: Box::new(ineligible.clone())
            })
        );
        assert_eq!(
            override_reason(7, &ineligible, Some("Thành tích đột xuất")),
            Ok(Some("Thành tích đột xuất".into()))
        );
        let eligible = evaluation(Verdict::Eligible { route: 0 });
        assert_eq!(override_reason(7, &eligible, None), Ok(None));
    }

    #[test]
    fn a_document_is_ticked_on_an_open_referral_with_a_reference() {
        let known = vec!["to-trinh".to_string(), "bien-ban".to_string()];
        assert_eq!(
            tick(5, ReferralStatus::Prepared, "bien-ban", " số 12 ", &known),
            Ok("số 12".into())
        );
        assert_eq!(
            tick(5, ReferralStatus::Prepared, "bien-ban", "  ", &known),
            Err(ReferralRefusal::EmptyReference)
        );
        assert_eq!(
            tick(5, ReferralStatus::Prepared, "x", "số 12", &known),
            Err(ReferralRefusal::UnknownDocument {
                id: 5,
                code: "x".into(),
                known: known.clone()
            })
        );
        let closed = ReferralStatus::ALL
            .into_iter()
            .find(|s| !s.is_open())
            .unwrap_or(ReferralStatus::Prepared);
        assert_eq!(
            tick(5, closed, "bien-ban", "số 12", &known),
            Err(ReferralRefusal::Closed {
                id: 5,
                status: closed
            })
        );
    }
}
