//! Council meetings: attendance, agenda, ballot rounds and notes.

use serde::{Deserialize, Serialize};

use super::nomination::NominationId;
use super::vote::{AttendanceCounts, BallotCounts, Outcome, Tally, VoteMethod, VoteRule};

pub type MeetingId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Planned,
    Open,
    Closed,
}

impl MeetingStatus {
    pub fn code(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "planned",
            MeetingStatus::Open => "open",
            MeetingStatus::Closed => "closed",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "planned" => Some(MeetingStatus::Planned),
            "open" => Some(MeetingStatus::Open),
            "closed" => Some(MeetingStatus::Closed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub council_id: i64,
    /// Document number, e.g. "05/BB-HĐTĐKT".
    pub number: String,
    /// Subject shown under the title of the minutes.
    pub subject: String,
    /// "2026-11-20T08:00".
    pub starts_at: String,
    pub place: String,
    pub chair_id: Option<i64>,
    pub secretary_id: Option<i64>,
    pub status: MeetingStatus,
    pub opened_at: Option<String>,
    pub closed_at: Option<String>,
    pub version: i64,
    /// Start, end ("2026-11-20T08:05") and place as the secretary recorded
    /// them; `None` takes the keypress times and the planned place (see `held`).
    #[serde(default)]
    pub held_start: Option<String>,
    #[serde(default)]
    pub held_end: Option<String>,
    #[serde(default)]
    pub held_place: Option<String>,
}

/// A member's presence at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Presence {
    /// Not checked in yet.
    Unmarked,
    Present,
    Absent {
        reason: String,
    },
    /// Absent, and sent a written opinion (ý kiến bằng văn bản).
    AbsentWithOpinion {
        reason: String,
    },
}

impl Presence {
    pub fn code(&self) -> &'static str {
        match self {
            Presence::Unmarked => "unmarked",
            Presence::Present => "present",
            Presence::Absent { .. } => "absent",
            Presence::AbsentWithOpinion { .. } => "absent_opinion",
        }
    }
    pub fn from_parts(code: &str, reason: &str) -> Option<Presence> {
        match code {
            "unmarked" => Some(Presence::Unmarked),
            "present" => Some(Presence::Present),
            "absent" => Some(Presence::Absent {
                reason: reason.to_string(),
            }),
            "absent_opinion" => Some(Presence::AbsentWithOpinion {
                reason: reason.to_string(),
            }),
            _ => None,
        }
    }
    pub fn reason(&self) -> &str {
        match self {
            Presence::Absent { reason } | Presence::AbsentWithOpinion { reason } => reason,
            _ => "",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttendanceEntry {
    pub member_id: i64,
    pub presence: Presence,
}

/// Count attendance for quorum and vote shares.
pub fn count_attendance(entries: &[AttendanceEntry]) -> AttendanceCounts {
    let mut c = AttendanceCounts {
        members_total: entries.len() as u32,
        ..AttendanceCounts::default()
    };
    for e in entries {
        match e.presence {
            Presence::Present => c.present += 1,
            Presence::Absent { .. } => c.absent += 1,
            Presence::AbsentWithOpinion { .. } => {
                c.absent += 1;
                c.written_opinions += 1;
            }
            Presence::Unmarked => {}
        }
    }
    c
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: i64,
    pub meeting_id: MeetingId,
    /// 1-based order in the agenda.
    pub position: u32,
    pub nomination_id: NominationId,
}

/// A recorded vote round: the paper counts (secret ballot) and the rule applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BallotRound {
    pub id: i64,
    pub meeting_id: MeetingId,
    /// 1, 2, … within the meeting.
    pub round_no: u32,
    pub method: VoteMethod,
    pub ballots: BallotCounts,
    /// Attendance as it was when the round was recorded.
    pub attendance: AttendanceCounts,
    pub recorded_at: String,
    /// Set when this round corrects another after the meeting closed.
    pub amends_round: Option<i64>,
    pub amendment_reason: Option<String>,
    /// Why the council voted again on an item that already had a result.
    #[serde(default)]
    pub revote_reason: Option<String>,
}

/// One nominee's result in a round, with the exact rule it was worked out under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteResult {
    pub round_id: i64,
    pub nomination_id: NominationId,
    pub tally: Tally,
    pub rule: VoteRule,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Opening,
    Note,
    Conclusion,
    Closing,
}

impl NoteKind {
    pub const ALL: [NoteKind; 4] = [
        NoteKind::Opening,
        NoteKind::Note,
        NoteKind::Conclusion,
        NoteKind::Closing,
    ];
    pub fn code(self) -> &'static str {
        match self {
            NoteKind::Opening => "opening",
            NoteKind::Note => "note",
            NoteKind::Conclusion => "conclusion",
            NoteKind::Closing => "closing",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A note typed during the meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinutesNote {
    pub id: i64,
    pub meeting_id: MeetingId,
    pub agenda_item_id: Option<i64>,
    pub kind: NoteKind,
    pub at: String,
    pub text: String,
}

/// Why minutes cannot be signed: the meeting they would record was not held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotHeld {
    /// The meeting was never opened.
    NeverOpened,
    /// Opened, but nobody was marked present.
    NobodyPresent,
}

/// Minutes record a meeting that took place: it was opened and at least one
/// member was present. Anything else would put on paper what never happened.
pub fn check_held(status: MeetingStatus, opened: bool, present: u32) -> Result<(), NotHeld> {
    if status == MeetingStatus::Planned || !opened {
        return Err(NotHeld::NeverOpened);
    }
    if present == 0 {
        return Err(NotHeld::NobodyPresent);
    }
    Ok(())
}

/// The members of the counting committee marked absent, by name; `committee`
/// gives each member's name and presence.
pub fn committee_absent(committee: &[(String, Presence)]) -> Vec<String> {
    committee
        .iter()
        .filter(|(_, p)| {
            matches!(
                p,
                Presence::Absent { .. } | Presence::AbsentWithOpinion { .. }
            )
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// The counting committee counts the papers of a secret ballot and signs the
/// record of the count, so none of it may be absent; an open vote is counted
/// by the chair. The names of the absent members when refused.
pub fn check_committee_present(
    method: VoteMethod,
    committee: &[(String, Presence)],
) -> Result<(), Vec<String>> {
    let absent = committee_absent(committee);
    if method == VoteMethod::SecretBallot && !absent.is_empty() {
        return Err(absent);
    }
    Ok(())
}

/// A new round on an item that already has a result re-opens a decision the
/// council took, so it is held on purpose only, with its reason on record.
/// `decided` names the round's items that already have a result; refused
/// with those names when the reason is blank.
pub fn check_revote(decided: &[String], reason: &str) -> Result<(), Vec<String>> {
    if !decided.is_empty() && reason.trim().is_empty() {
        return Err(decided.to_vec());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_ballot_needs_the_whole_counting_committee_present() {
        let committee = vec![
            ("Lê Thị Hoa".to_string(), Presence::Present),
            (
                "Vũ Đức Nam".to_string(),
                Presence::Absent {
                    reason: "Đi công tác".into(),
                },
            ),
            ("Đỗ Minh Tâm".to_string(), Presence::Unmarked),
        ];
        assert_eq!(committee_absent(&committee), vec!["Vũ Đức Nam".to_string()]);
        assert_eq!(
            check_committee_present(VoteMethod::SecretBallot, &committee),
            Err(vec!["Vũ Đức Nam".to_string()])
        );
        assert_eq!(
            check_committee_present(VoteMethod::Open, &committee),
            Ok(())
        );
        assert_eq!(
            check_committee_present(VoteMethod::SecretBallot, &committee[..1]),
            Ok(())
        );
        assert_eq!(
            check_committee_present(VoteMethod::SecretBallot, &[]),
            Ok(())
        );
    }

    #[test]
    fn a_revote_needs_a_reason_a_first_vote_does_not() {
        let decided = vec!["Lê Thị Hoa".to_string()];
        assert_eq!(check_revote(&[], ""), Ok(()));
        assert_eq!(check_revote(&decided, ""), Err(decided.clone()));
        assert_eq!(check_revote(&decided, "  \n "), Err(decided.clone()));
        assert_eq!(check_revote(&decided, "Phiếu phát thiếu một tờ"), Ok(()));
    }

    #[test]
    fn absent_is_not_abstain() {
        let e = |id, presence| AttendanceEntry {
            member_id: id,
            presence,
        };
        let c = count_attendance(&[
            e(1, Presence::Present),
            e(2, Presence::Present),
            e(
                3,
                Presence::Absent {
                    reason: "ốm".into(),
                },
            ),
            e(
                4,
                Presence::AbsentWithOpinion {
                    reason: "công tác".into(),
                },
            ),
            e(5, Presence::Unmarked),
        ]);
        assert_eq!(c.members_total, 5);
        assert_eq!(c.present, 2);
        assert_eq!(c.absent, 2);
        assert_eq!(c.written_opinions, 1);
    }
}
#[cfg(test)]
mod held_tests {
    use super::*;

    #[test]
    fn only_an_opened_meeting_with_someone_present_was_held() {
        assert_eq!(
            check_held(MeetingStatus::Planned, false, 0),
            Err(NotHeld::NeverOpened)
        );
        assert_eq!(
            check_held(MeetingStatus::Planned, false, 5),
            Err(NotHeld::NeverOpened)
        );
        assert_eq!(
            check_held(MeetingStatus::Closed, true, 0),
            Err(NotHeld::NobodyPresent)
        );
        assert_eq!(check_held(MeetingStatus::Open, true, 3), Ok(()));
        assert_eq!(check_held(MeetingStatus::Closed, true, 1), Ok(()));
    }
}
