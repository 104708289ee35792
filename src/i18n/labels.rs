//! The words for the domain's values: statuses, sources, documents and the
//! domain's refusals. The domain keeps the values; the wording is here.

use std::fmt;

use super::Lang;
use crate::domain::dossier::DossierDocument;
use crate::domain::referral::{ReferralError, ReferralStatus};
use crate::domain::register::RegisterSource;
use crate::domain::scoring::ScoreError;
use crate::domain::vote::VoteError;

impl ReferralStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ReferralStatus::Prepared, Lang::Vi) => "Đang chuẩn bị hồ sơ",
            (ReferralStatus::Sent, Lang::Vi) => "Đã gửi",
            (ReferralStatus::Returned, Lang::Vi) => "Bị trả lại",
            (ReferralStatus::Resent, Lang::Vi) => "Đã gửi lại",
            (ReferralStatus::Approved, Lang::Vi) => "Được chấp thuận",
            (ReferralStatus::Refused, Lang::Vi) => "Không được chấp thuận",
            (ReferralStatus::Conferred, Lang::Vi) => "Đã được khen thưởng",
            (ReferralStatus::Forwarded, Lang::Vi) => "Đã trình cấp trên",
            (ReferralStatus::Withdrawn, Lang::Vi) => "Đã rút",
            (ReferralStatus::Prepared, Lang::En) => "Preparing the dossier",
            (ReferralStatus::Sent, Lang::En) => "Sent",
            (ReferralStatus::Returned, Lang::En) => "Returned",
            (ReferralStatus::Resent, Lang::En) => "Resent",
            (ReferralStatus::Approved, Lang::En) => "Approved",
            (ReferralStatus::Refused, Lang::En) => "Refused",
            (ReferralStatus::Conferred, Lang::En) => "Conferred",
            (ReferralStatus::Forwarded, Lang::En) => "Forwarded up",
            (ReferralStatus::Withdrawn, Lang::En) => "Withdrawn",
        }
    }
}

impl RegisterSource {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RegisterSource::Decided, Lang::Vi) => "Phường quyết định",
            (RegisterSource::Conferred, Lang::Vi) => "Cấp trên khen thưởng",
            (RegisterSource::Earlier, Lang::Vi) => "Khen thưởng trước đây",
            (RegisterSource::Decided, Lang::En) => "Decided by the ward",
            (RegisterSource::Conferred, Lang::En) => "Conferred above",
            (RegisterSource::Earlier, Lang::En) => "Held earlier",
        }
    }
}

impl DossierDocument {
    /// The document's name in `lang` (the data's English name when it has one).
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.name_en.is_empty() => &self.name_en,
            _ => &self.name,
        }
    }
}

/// The domain's own wording of a refused referral step (English, with the
/// status's Vietnamese name), as the command line prints it.
impl fmt::Display for ReferralError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReferralError::Illegal { status, event } => write!(
                f,
                "cannot {event} a referral that is {} ({})",
                status.code(),
                status.label(Lang::Vi)
            ),
            ReferralError::DateBeforeLast { event, date, last } => write!(
                f,
                "{event}: the date {date} is before the referral's last step ({last})"
            ),
            ReferralError::Missing { event, field } => {
                write!(f, "{event}: {field} must not be empty")
            }
        }
    }
}

/// A refused score in English (the Vietnamese is `Strings::score_error`).
impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreError::Empty => f.write_str("empty score"),
            ScoreError::NotANumber(t) => write!(f, "“{t}” is not a number"),
            ScoreError::TooPrecise(t) => write!(f, "“{t}”: at most one decimal place"),
            ScoreError::OverMaximum { given, max } => {
                write!(f, "score {given} is over the maximum {max}")
            }
        }
    }
}

/// A refused tally in English (the Vietnamese is `Strings::vote_error`).
impl fmt::Display for VoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VoteError::NoQuorum {
                present,
                total,
                rule,
            } => write!(
                f,
                "no quorum: {present} of {total} members present, the rule asks {rule}"
            ),
            VoteError::ReturnedOverIssued { returned, issued } => write!(
                f,
                "ballots returned ({returned}) exceed ballots issued ({issued})"
            ),
            VoteError::IssuedOverPresent { issued, present } => write!(
                f,
                "ballots issued ({issued}) exceed members present ({present})"
            ),
            VoteError::ValidInvalidMismatch {
                valid,
                invalid,
                returned,
            } => write!(
                f,
                "valid ({valid}) + invalid ({invalid}) ballots differ from ballots returned ({returned})"
            ),
            VoteError::VotesOverValid {
                agree,
                disagree,
                valid,
            } => write!(
                f,
                "agree ({agree}) + disagree ({disagree}) exceed valid ballots ({valid})"
            ),
            VoteError::OpenVotesOverPresent { sum, present } => write!(
                f,
                "agree + disagree + abstain ({sum}) exceed members present ({present})"
            ),
            VoteError::WrittenOverAbsent { given, allowed } => write!(
                f,
                "written opinions ({given}) exceed absent members who sent one ({allowed})"
            ),
            VoteError::MeetingClosed => f.write_str("the meeting is closed"),
        }
    }
}
