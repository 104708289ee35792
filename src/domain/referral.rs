//! A referral (đề nghị cấp trên khen thưởng): the dossier sent to the level
//! above for an award the ward does not decide, and its state machine.
//!
//! prepared → sent → (returned with a reason → resent)* → approved or refused
//! at that level → conferred (decision number, date, authority), or, once
//! approved, forwarded further up as a child referral.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::nomination::NominationId;

pub type ReferralId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    Prepared,
    Sent,
    Returned,
    Resent,
    Approved,
    Refused,
    Conferred,
    /// Approved here and sent on up as a child referral.
    Forwarded,
    Withdrawn,
}

impl ReferralStatus {
    pub const ALL: [ReferralStatus; 9] = [
        ReferralStatus::Prepared,
        ReferralStatus::Sent,
        ReferralStatus::Returned,
        ReferralStatus::Resent,
        ReferralStatus::Approved,
        ReferralStatus::Refused,
        ReferralStatus::Conferred,
        ReferralStatus::Forwarded,
        ReferralStatus::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReferralStatus::Prepared => "prepared",
            ReferralStatus::Sent => "sent",
            ReferralStatus::Returned => "returned",
            ReferralStatus::Resent => "resent",
            ReferralStatus::Approved => "approved",
            ReferralStatus::Refused => "refused",
            ReferralStatus::Conferred => "conferred",
            ReferralStatus::Forwarded => "forwarded",
            ReferralStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Still waiting for someone to act.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ReferralStatus::Prepared
                | ReferralStatus::Sent
                | ReferralStatus::Returned
                | ReferralStatus::Resent
                | ReferralStatus::Approved
        )
    }
}

/// The decision that confers the award.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conferral {
    pub number: String,
    pub date: NaiveDate,
    pub authority: String,
}

/// Which step, without what it records: what a key asks for and a form
/// collects, and what a refusal names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepKind {
    Send,
    Return,
    Resend,
    Approve,
    Refuse,
    Confer,
    Forward,
    Withdraw,
}

impl StepKind {
    /// The step's code, as stored in the audit log.
    pub fn name(self) -> &'static str {
        match self {
            StepKind::Send => "send",
            StepKind::Return => "return",
            StepKind::Resend => "resend",
            StepKind::Approve => "approve",
            StepKind::Refuse => "refuse",
            StepKind::Confer => "confer",
            StepKind::Forward => "forward",
            StepKind::Withdraw => "withdraw",
        }
    }
}

impl std::fmt::Display for StepKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A step the secretary records; each carries the date it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ReferralEvent {
    Send { date: NaiveDate },
    Return { date: NaiveDate, reason: String },
    Resend { date: NaiveDate },
    Approve { date: NaiveDate },
    Refuse { date: NaiveDate, reason: String },
    Confer { conferral: Conferral },
    Forward { date: NaiveDate },
    Withdraw { date: NaiveDate, reason: String },
}

impl ReferralEvent {
    pub fn date(&self) -> NaiveDate {
        match self {
            ReferralEvent::Send { date }
            | ReferralEvent::Return { date, .. }
            | ReferralEvent::Resend { date }
            | ReferralEvent::Approve { date }
            | ReferralEvent::Refuse { date, .. }
            | ReferralEvent::Forward { date }
            | ReferralEvent::Withdraw { date, .. } => *date,
            ReferralEvent::Confer { conferral } => conferral.date,
        }
    }

    pub fn kind(&self) -> StepKind {
        match self {
            ReferralEvent::Send { .. } => StepKind::Send,
            ReferralEvent::Return { .. } => StepKind::Return,
            ReferralEvent::Resend { .. } => StepKind::Resend,
            ReferralEvent::Approve { .. } => StepKind::Approve,
            ReferralEvent::Refuse { .. } => StepKind::Refuse,
            ReferralEvent::Confer { .. } => StepKind::Confer,
            ReferralEvent::Forward { .. } => StepKind::Forward,
            ReferralEvent::Withdraw { .. } => StepKind::Withdraw,
        }
    }

    pub fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// The reason or note the step carries, if any.
    pub fn note(&self) -> &str {
        match self {
            ReferralEvent::Return { reason, .. }
            | ReferralEvent::Refuse { reason, .. }
            | ReferralEvent::Withdraw { reason, .. } => reason,
            _ => "",
        }
    }
}

/// Where a referral stands: its status and the date of its last step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralState {
    pub status: ReferralStatus,
    pub last_date: NaiveDate,
}

impl ReferralState {
    pub fn prepared(date: NaiveDate) -> ReferralState {
        ReferralState {
            status: ReferralStatus::Prepared,
            last_date: date,
        }
    }
}

/// Why a step is refused; its wording is in `i18n::labels`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralError {
    Illegal {
        status: ReferralStatus,
        event: StepKind,
    },
    DateBeforeLast {
        event: StepKind,
        date: NaiveDate,
        last: NaiveDate,
    },
    Missing {
        event: StepKind,
        field: &'static str,
    },
}

impl std::error::Error for ReferralError {}

/// The next state after `event`, or why the step is not allowed.
pub fn transition(
    state: &ReferralState,
    event: &ReferralEvent,
) -> Result<ReferralState, ReferralError> {
    use ReferralEvent as E;
    use ReferralStatus as S;
    let illegal = || ReferralError::Illegal {
        status: state.status,
        event: event.kind(),
    };
    let next = match (state.status, event) {
        (S::Prepared, E::Send { .. }) => S::Sent,
        (S::Sent | S::Resent, E::Return { .. }) => S::Returned,
        (S::Returned, E::Resend { .. }) => S::Resent,
        (S::Sent | S::Resent, E::Approve { .. }) => S::Approved,
        (S::Sent | S::Resent | S::Approved, E::Refuse { .. }) => S::Refused,
        // The authority of the level that received it may confer at once.
        (S::Sent | S::Resent | S::Approved, E::Confer { .. }) => S::Conferred,
        (S::Approved, E::Forward { .. }) => S::Forwarded,
        (s, E::Withdraw { .. }) if s.is_open() => S::Withdrawn,
        _ => return Err(illegal()),
    };
    let missing = |field| ReferralError::Missing {
        event: event.kind(),
        field,
    };
    match event {
        E::Return { reason, .. } | E::Refuse { reason, .. } | E::Withdraw { reason, .. }
            if reason.trim().is_empty() =>
        {
            return Err(missing("the reason"));
        }
        E::Confer { conferral } if conferral.number.trim().is_empty() => {
            return Err(missing("the decision number"));
        }
        E::Confer { conferral } if conferral.authority.trim().is_empty() => {
            return Err(missing("the granting authority"));
        }
        _ => {}
    }
    let date = event.date();
    if date < state.last_date {
        return Err(ReferralError::DateBeforeLast {
            event: event.kind(),
            date,
            last: state.last_date,
        });
    }
    Ok(ReferralState {
        status: next,
        last_date: date,
    })
}

/// A stored referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub id: ReferralId,
    pub nomination_id: NominationId,
    /// The referral of the level below, when this one carries it further up.
    pub parent_id: Option<ReferralId>,
    /// Level code it goes to.
    pub level: String,
    /// Tờ trình number and date.
    pub submission_number: String,
    pub submission_date: Option<NaiveDate>,
    pub status: ReferralStatus,
    /// Why it was sent although the eligibility check failed.
    pub override_reason: Option<String>,
    pub created_at: String,
    pub version: i64,
}

/// One dated step of a referral's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralStep {
    pub date: NaiveDate,
    pub status: ReferralStatus,
    pub note: String,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub authority: Option<String>,
}

#[cfg(test)]
#[path = "referral_tests.rs"]
mod tests;
