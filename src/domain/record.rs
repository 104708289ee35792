//! Everything recorded about one meeting, assembled for review and printing.
//! A plain value: the store builds it, printing and screens read it.

use serde::{Deserialize, Serialize};

use super::council::{Council, Member};
use super::meeting::{AgendaItem, BallotRound, Meeting, MinutesNote, Presence, VoteResult};
use super::nomination::Nomination;
use super::nominee::Nominee;

/// An invited guest: speaks, never votes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guest {
    pub name: String,
    pub position: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberAttendance {
    pub member: Member,
    pub presence: Presence,
}

/// One agenda item with the nomination it puts to the council.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaEntry {
    pub item: AgendaItem,
    pub nomination: Nomination,
    pub nominee: Nominee,
    pub award_name: String,
    pub award_short: String,
    /// Level code of the authority that decides the award.
    pub award_decided_at: String,
    /// True when the council's own chairman decides it; otherwise it is proposed upward.
    pub decided_at_home: bool,
    /// Consolidated criteria score, 0–100.
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundRecord {
    pub round: BallotRound,
    pub results: Vec<VoteResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitteeMember {
    pub member: Member,
    pub is_head: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRecord {
    pub council: Council,
    pub meeting: Meeting,
    pub chair: Option<Member>,
    pub secretary: Option<Member>,
    /// Every member called to the meeting, with presence.
    pub attendance: Vec<MemberAttendance>,
    pub guests: Vec<Guest>,
    /// Ban kiểm phiếu.
    pub counting_committee: Vec<CommitteeMember>,
    pub agenda: Vec<AgendaEntry>,
    /// Vote rounds in the order recorded, amendments included.
    pub rounds: Vec<RoundRecord>,
    pub notes: Vec<MinutesNote>,
    /// The ward's identity the documents are made with (empty before it is set).
    #[serde(default)]
    pub ward: super::ward::WardIdentity,
}

impl MeetingRecord {
    /// The latest result for a nomination: a later round or an amendment supersedes earlier ones.
    pub fn latest_result(&self, nomination_id: i64) -> Option<(&BallotRound, &VoteResult)> {
        self.rounds.iter().rev().find_map(|r| {
            r.results
                .iter()
                .find(|v| v.nomination_id == nomination_id)
                .map(|v| (&r.round, v))
        })
    }

    pub fn attendance_counts(&self) -> super::vote::AttendanceCounts {
        let entries: Vec<super::meeting::AttendanceEntry> = self
            .attendance
            .iter()
            .map(|a| super::meeting::AttendanceEntry {
                member_id: a.member.id,
                presence: a.presence.clone(),
            })
            .collect();
        super::meeting::count_attendance(&entries)
    }
}
