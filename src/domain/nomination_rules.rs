//! The rules a nomination, its scores and its evidence are checked by before
//! they are stored: the award fits the nominee, the status follows the life
//! cycle, a score stays within its criterion, an evidence file carries its
//! SHA-256. The store calls them inside the transaction that makes the change.

use super::nomination::{NominationId, NominationStatus};
use super::nominee::NomineeKind;
use super::text::nfc;

/// Why a nomination (or a score, or an award held before) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NominationRefusal {
    /// The award code is not in the catalogue.
    UnknownAward {
        code: String,
    },
    /// The award is not given to this kind of nominee.
    AwardNotForKind {
        award: String,
        kind: NomineeKind,
    },
    /// The life cycle has no such step.
    CannotBecome {
        id: NominationId,
        from: NominationStatus,
        to: NominationStatus,
    },
    /// A withdrawal needs its reason.
    NoWithdrawReason,
    UnknownCriterion {
        code: String,
    },
    /// A score over the criterion's maximum (tenths of a point).
    ScoreOverMax {
        tenths: u32,
        max: u32,
        criterion: String,
    },
    /// The year of an award held before is outside 1945–2100.
    ImplausibleYear {
        year: i32,
    },
}

/// The award may be given to this kind of nominee.
pub fn award_for_kind(
    award: &str,
    accepts: bool,
    kind: NomineeKind,
) -> Result<(), NominationRefusal> {
    if accepts {
        Ok(())
    } else {
        Err(NominationRefusal::AwardNotForKind {
            award: award.to_string(),
            kind,
        })
    }
}

/// The nomination may go from `from` to `to`.
pub fn step(
    id: NominationId,
    from: NominationStatus,
    to: NominationStatus,
) -> Result<(), NominationRefusal> {
    if from == to || from.can_become(to) {
        Ok(())
    } else {
        Err(NominationRefusal::CannotBecome { id, from, to })
    }
}

/// The reason of a withdrawal, cleaned; it may not be empty.
pub fn withdraw_reason(text: &str) -> Result<String, NominationRefusal> {
    let reason = nfc(text.trim());
    if reason.is_empty() {
        return Err(NominationRefusal::NoWithdrawReason);
    }
    Ok(reason)
}

/// A score (in tenths) within the criterion's maximum (in points).
pub fn score(tenths: u32, max: u32, criterion: &str) -> Result<(), NominationRefusal> {
    if tenths > max.saturating_mul(10) {
        return Err(NominationRefusal::ScoreOverMax {
            tenths,
            max,
            criterion: criterion.to_string(),
        });
    }
    Ok(())
}

/// The year of an award held before hoidong.
pub fn earlier_award_year(year: i32) -> Result<(), NominationRefusal> {
    if (1945..=2100).contains(&year) {
        Ok(())
    } else {
        Err(NominationRefusal::ImplausibleYear { year })
    }
}

/// Why an evidence item was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceRefusal {
    EmptyTitle,
    /// Not 64 hexadecimal digits.
    BadHash {
        text: String,
    },
    /// A file is recorded only together with its SHA-256.
    FileWithoutHash,
}

/// The evidence's title, file and hash as they are stored: the title NFC and
/// not empty, the hash lower case, a file only together with its hash.
pub fn evidence(
    title: &str,
    file_path: Option<&str>,
    sha256: Option<&str>,
) -> Result<(String, Option<String>, Option<String>), EvidenceRefusal> {
    let title = nfc(title.trim());
    if title.is_empty() {
        return Err(EvidenceRefusal::EmptyTitle);
    }
    let file_path = file_path.map(|p| nfc(p.trim())).filter(|p| !p.is_empty());
    let sha256 = sha256
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| !h.is_empty());
    if let Some(hash) = &sha256
        && (hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return Err(EvidenceRefusal::BadHash { text: hash.clone() });
    }
    if file_path.is_some() && sha256.is_none() {
        return Err(EvidenceRefusal::FileWithoutHash);
    }
    Ok((title, file_path, sha256))
}

#[cfg(test)]
mod tests {
    use super::*;
    use NominationStatus::*;

    #[test]
    fn the_award_must_fit_the_kind() {
        assert_eq!(award_for_kind("GK", true, NomineeKind::Resident), Ok(()));
        assert_eq!(
            award_for_kind("GK", false, NomineeKind::Household),
            Err(NominationRefusal::AwardNotForKind {
                award: "GK".into(),
                kind: NomineeKind::Household
            })
        );
    }

    #[test]
    fn steps_follow_the_life_cycle() {
        assert_eq!(step(4, Draft, Submitted), Ok(()));
        assert_eq!(step(4, Passed, Passed), Ok(()));
        assert_eq!(
            step(4, Draft, Passed),
            Err(NominationRefusal::CannotBecome {
                id: 4,
                from: Draft,
                to: Passed
            })
        );
    }

    #[test]
    fn withdrawal_reason_score_and_year() {
        assert_eq!(
            withdraw_reason("  "),
            Err(NominationRefusal::NoWithdrawReason)
        );
        assert_eq!(
            withdraw_reason(" chuyển công tác "),
            Ok("chuyển công tác".into())
        );
        assert_eq!(score(100, 10, "TC1"), Ok(()));
        assert_eq!(
            score(101, 10, "TC1"),
            Err(NominationRefusal::ScoreOverMax {
                tenths: 101,
                max: 10,
                criterion: "TC1".into()
            })
        );
        assert_eq!(earlier_award_year(1945), Ok(()));
        assert_eq!(
            earlier_award_year(1944),
            Err(NominationRefusal::ImplausibleYear { year: 1944 })
        );
    }

    #[test]
    fn evidence_needs_a_title_and_a_file_its_hash() {
        let hash = "AB".repeat(32);
        assert_eq!(
            evidence(" Bằng khen ", Some("a.pdf"), Some(&hash)),
            Ok((
                "Bằng khen".into(),
                Some("a.pdf".into()),
                Some("ab".repeat(32))
            ))
        );
        assert_eq!(evidence(" ", None, None), Err(EvidenceRefusal::EmptyTitle));
        assert_eq!(
            evidence("x", None, Some("abc")),
            Err(EvidenceRefusal::BadHash { text: "abc".into() })
        );
        assert_eq!(
            evidence("x", Some("a.pdf"), None),
            Err(EvidenceRefusal::FileWithoutHash)
        );
    }
}
