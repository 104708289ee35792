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
