//! Meetings, write side: creation, attendance, quorum, counting committee,
//! notes, and the planned → open → closed life cycle. The agenda is in
//! `agenda.rs`, vote rounds in `rounds.rs`. Every change runs in one audited transaction and bumps the
//! meeting's version, so a stale screen cannot open or close it blindly.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::refusal::{Doing, MeetingLabel, MeetingRefusal, Role, Step};
use super::stored_code::decode;
use super::{Result, Store, StoreError, Tx};
use crate::domain::council_rules;
use crate::domain::meeting::{
    AttendanceEntry, Meeting, MeetingId, MeetingStatus, Presence, count_attendance,
};
use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::record::Guest;
use crate::domain::text::nfc;
use crate::domain::text_rules::{self, TextField};
use crate::domain::vote::{AttendanceCounts, Threshold, find_rule};

/// A meeting before it is stored.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewMeeting {
    /// Document number, e.g. "05/BB-HĐTĐKT".
    pub number: String,
    pub subject: String,
    /// "2026-11-20T08:00".
    pub starts_at: String,
    pub place: String,
    pub chair_id: Option<i64>,
    pub secretary_id: Option<i64>,
    /// Members called to the meeting; empty means every member of the council.
    pub member_ids: Vec<i64>,
    pub guests: Vec<Guest>,
}

/// One line of the meetings list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub meeting: Meeting,
    pub members: u32,
    pub present: u32,
    pub agenda_items: u32,
    pub rounds: u32,
}

/// The live quorum indicator: attendance against the council's default rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuorumStatus {
    pub counts: AttendanceCounts,
    pub rule: Threshold,
    /// Members who must be present for the quorum.
    pub needed: Option<u32>,
    pub met: bool,
    pub rule_source: String,
    pub rule_is_default: bool,
}

/// What a meeting is called in messages: its number, or its id when unnumbered.
pub(crate) fn meeting_label(number: &str, id: MeetingId) -> MeetingLabel {
    MeetingLabel {
        number: number.to_string(),
        id,
    }
}

/// The state of a meeting as seen inside a transaction.
pub(crate) struct MeetingState {
    pub status: MeetingStatus,
    pub label: MeetingLabel,
    pub council_id: i64,
}

impl Tx<'_> {
    pub(crate) fn meeting_state(&self, id: MeetingId) -> Result<MeetingState> {
        let row: Option<(String, String, i64)> = self
            .tx
            .query_row(
                "SELECT status, number, council_id FROM meetings WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (status, number, council_id) = row.ok_or_else(|| StoreError::NotFound {
            what: "meeting",
            id: id.to_string(),
        })?;
        Ok(MeetingState {
            status: decode(MeetingStatus::from_code, &status, "meetings", id, "status")?,
            label: meeting_label(&number, id),
            council_id,
        })
    }

    /// Refuse `doing` unless the meeting is planned or open; returns its label.
    pub(crate) fn require_not_closed(&self, id: MeetingId, doing: Doing) -> Result<MeetingState> {
        let s = self.meeting_state(id)?;
        if s.status == MeetingStatus::Closed {
            return Err(MeetingRefusal::Closed {
                meeting: s.label,
                doing,
            }
            .into());
        }
        Ok(s)
    }

    /// Refuse `doing` unless the meeting is open.
    pub(crate) fn require_open(&self, id: MeetingId, doing: Doing) -> Result<MeetingState> {
        let s = self.require_not_closed(id, doing)?;
        if s.status == MeetingStatus::Planned {
            return Err(MeetingRefusal::NotOpen {
                meeting: s.label,
                doing,
            }
            .into());
        }
        Ok(s)
    }

    /// Every change to a meeting's parts is a change of the meeting.
    pub(crate) fn touch_meeting(&self, id: MeetingId) -> Result<()> {
        self.tx.execute(
            "UPDATE meetings SET version = version + 1 WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }

    pub(crate) fn attendance_now(&self, id: MeetingId) -> Result<AttendanceCounts> {
        attendance_of(&self.tx, id)
    }

    fn member_name(&self, meeting: MeetingId, member: i64) -> Result<String> {
        let name = self
            .tx
            .query_row(
                "SELECT m.name FROM meeting_members mm JOIN members m ON m.id = mm.member_id
                 WHERE mm.meeting_id = ?1 AND mm.member_id = ?2",
                params![meeting, member],
                |r| r.get(0),
            )
            .optional()?;
        match name {
            Some(name) => Ok(name),
            None => Err(MeetingRefusal::MemberNotCalled {
                member,
                meeting: self.meeting_state(meeting)?.label,
            }
            .into()),
        }
    }

    pub(crate) fn nominee_name(&self, nomination: NominationId) -> Result<String> {
        self.tx
            .query_row(
                "SELECT e.name FROM nominations n JOIN nominees e ON e.id = n.nominee_id WHERE n.id = ?1",
                [nomination],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "nomination",
                id: nomination.to_string(),
            })
    }
}

/// Attendance counts of a meeting as they stand.
pub(crate) fn attendance_of(
    conn: &rusqlite::Connection,
    id: MeetingId,
) -> Result<AttendanceCounts> {
    let mut stmt = conn
        .prepare("SELECT member_id, presence, reason FROM meeting_members WHERE meeting_id = ?1")?;
    let entries = stmt
        .query_map([id], |r| {
            let code: String = r.get(1)?;
            let reason: String = r.get(2)?;
            let member_id: i64 = r.get(0)?;
            Ok(AttendanceEntry {
                member_id,
                presence: decode(
                    |c| Presence::from_parts(c, &reason),
                    &code,
                    "meeting_members",
                    format!("{id}/{member_id}"),
                    "presence",
                )?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(count_attendance(&entries))
}

fn check_starts_at(s: &str) -> Result<()> {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .map(|_| ())
        .map_err(|_| {
            MeetingRefusal::BadStartsAt {
                text: s.to_string(),
            }
            .into()
        })
}

impl Store {
    /// Create a planned meeting with its members (all unmarked) and guests.
    pub fn create_meeting(&mut self, m: &NewMeeting) -> Result<MeetingId> {
        let councils = self.councils()?;
        if councils.is_empty() {
            return Err(MeetingRefusal::NoCouncil.into());
        }
        let subject = text_rules::line(TextField::Subject, &m.subject)?;
        if subject.is_empty() {
            return Err(MeetingRefusal::EmptySubject.into());
        }
        let number = text_rules::line(TextField::MeetingNumber, &m.number)?;
        let place = text_rules::line(TextField::Place, &m.place)?;
        let mut guests = Vec::with_capacity(m.guests.len());
        for g in &m.guests {
            guests.push((
                text_rules::name(TextField::GuestName, &g.name)?,
                text_rules::line(TextField::Position, &g.position)?,
            ));
        }
        check_starts_at(&m.starts_at)?;
        let council = council_rules::council_on(&councils, &m.starts_at).ok_or_else(|| {
            MeetingRefusal::NoCouncilOn {
                date: m.starts_at.get(..10).unwrap_or(&m.starts_at).to_string(),
            }
        })?;
        // The members in office on the meeting's day are the ones called.
        let all: Vec<i64> = self
            .members_on(council.id, &m.starts_at)?
            .iter()
            .map(|x| x.id)
            .collect();
        let called: Vec<i64> = if m.member_ids.is_empty() {
            all.clone()
        } else {
            let mut v: Vec<i64> = Vec::with_capacity(m.member_ids.len());
            for id in &m.member_ids {
                if !v.contains(id) {
                    v.push(*id);
                }
            }
            v
        };
        if called.is_empty() {
            return Err(MeetingRefusal::NoMembers.into());
        }
        if let Some(stranger) = called.iter().find(|id| !all.contains(id)) {
            return Err(MeetingRefusal::NotCouncilMember { member: *stranger }.into());
        }
        for (role, id) in [(Role::Chair, m.chair_id), (Role::Secretary, m.secretary_id)] {
            if let Some(member) = id
                && !called.contains(&member)
            {
                return Err(MeetingRefusal::NotCalled { role, member }.into());
            }
        }
        if let Some(g) = m.guests.iter().find(|g| nfc(&g.name).is_empty()) {
            return Err(MeetingRefusal::GuestNoName {
                position: nfc(&g.position),
            }
            .into());
        }
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO meetings (council_id, number, subject, starts_at, place, chair_id, secretary_id, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'planned')",
                params![
                    council.id,
                    number,
                    subject,
                    m.starts_at,
                    place,
                    m.chair_id,
                    m.secretary_id
                ],
            )?;
            let id = w.tx.last_insert_rowid();
            for member in &called {
                w.tx.execute(
                    "INSERT INTO meeting_members (meeting_id, member_id) VALUES (?1, ?2)",
                    params![id, member],
                )?;
            }
            for (name, position) in &guests {
                w.tx.execute(
                    "INSERT INTO meeting_guests (meeting_id, name, position) VALUES (?1, ?2, ?3)",
                    params![id, name, position],
                )?;
            }
            let stored = NewMeeting {
                number: number.clone(),
                subject: subject.clone(),
                place: place.clone(),
                guests: guests
                    .iter()
                    .map(|(name, position)| Guest {
                        name: name.clone(),
                        position: position.clone(),
                    })
                    .collect(),
                ..m.clone()
            };
            w.audit("meetings", id, "insert", None, serde_json::to_value(&stored).ok().as_ref())?;
            Ok(id)
        })
    }

    /// Every meeting, newest first, with counts for the list.
    pub fn meetings(&self) -> Result<Vec<MeetingSummary>> {
        let ids: Vec<MeetingId> = {
            let mut stmt = self
                .conn()
                .prepare("SELECT id FROM meetings ORDER BY starts_at DESC, id DESC")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let meeting = self.meeting(id)?;
            let (members, present, agenda_items, rounds) = self.conn().query_row(
                "SELECT (SELECT count(*) FROM meeting_members WHERE meeting_id = ?1),
                        (SELECT count(*) FROM meeting_members WHERE meeting_id = ?1 AND presence = 'present'),
                        (SELECT count(*) FROM agenda_items WHERE meeting_id = ?1),
                        (SELECT count(*) FROM ballot_rounds WHERE meeting_id = ?1)",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            out.push(MeetingSummary {
                meeting,
                members,
                present,
                agenda_items,
                rounds,
            });
        }
        Ok(out)
    }

    /// Set the counting committee (ban kiểm phiếu): a head and other members, all called to the meeting.
    pub fn set_counting_committee(
        &mut self,
        meeting: MeetingId,
        head: i64,
        others: &[i64],
    ) -> Result<()> {
        self.write(|w| {
            w.require_not_closed(meeting, Doing::ChangingCommittee)?;
            w.member_name(meeting, head)?;
            for m in others {
                w.member_name(meeting, *m)?;
            }
            w.tx.execute("DELETE FROM counting_committee WHERE meeting_id = ?1", [meeting])?;
            w.tx.execute(
                "INSERT INTO counting_committee (meeting_id, member_id, is_head) VALUES (?1, ?2, 1)",
                params![meeting, head],
            )?;
            for m in others.iter().filter(|m| **m != head) {
                w.tx.execute(
                    "INSERT OR IGNORE INTO counting_committee (meeting_id, member_id, is_head) VALUES (?1, ?2, 0)",
                    params![meeting, m],
                )?;
            }
            w.touch_meeting(meeting)?;
            w.audit(
                "counting_committee",
                meeting,
                "set",
                None,
                Some(&serde_json::json!({"head": head, "members": others})),
            )
        })
    }

    /// Mark a member present or absent; returns the attendance after the change.
    pub fn check_in(
        &mut self,
        meeting: MeetingId,
        member: i64,
        presence: &Presence,
    ) -> Result<AttendanceCounts> {
        let presence = match presence {
            Presence::Absent { reason } => Presence::Absent {
                reason: nfc(reason),
            },
            Presence::AbsentWithOpinion { reason } => Presence::AbsentWithOpinion {
                reason: nfc(reason),
            },
            p => p.clone(),
        };
        self.write(|w| {
            w.require_not_closed(meeting, Doing::ChangingAttendance)?;
            let name = w.member_name(meeting, member)?;
            if matches!(presence, Presence::Absent { .. } | Presence::AbsentWithOpinion { .. })
                && presence.reason().is_empty()
            {
                return Err(MeetingRefusal::NoAbsenceReason { name }.into());
            }
            let before: (String, String) = w.tx.query_row(
                "SELECT presence, reason FROM meeting_members WHERE meeting_id = ?1 AND member_id = ?2",
                params![meeting, member],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            w.tx.execute(
                "UPDATE meeting_members SET presence = ?3, reason = ?4, checked_at = ?5 WHERE meeting_id = ?1 AND member_id = ?2",
                params![meeting, member, presence.code(), presence.reason(), w.now],
            )?;
            w.touch_meeting(meeting)?;
            w.audit(
                "meeting_members",
                format!("{meeting}/{member}"),
                "check_in",
                Some(&serde_json::json!({"presence": before.0, "reason": before.1})),
                Some(&serde_json::json!({"presence": presence.code(), "reason": presence.reason()})),
            )?;
            w.attendance_now(meeting)
        })
    }

    /// Attendance against the quorum of the council's default rule.
    pub fn quorum(&self, meeting: MeetingId) -> Result<QuorumStatus> {
        let level: String = self
            .conn()
            .query_row(
                "SELECT c.level FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = ?1",
                [meeting],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "meeting",
                id: meeting.to_string(),
            })?;
        let rules = self.vote_rules()?;
        let rule = find_rule(&rules, "*", &level).ok_or_else(|| MeetingRefusal::NoDefaultRule {
            level: level.clone(),
        })?;
        let counts = attendance_of(self.conn(), meeting)?;
        Ok(QuorumStatus {
            counts,
            rule: rule.quorum,
            needed: rule.quorum.minimum_count(counts.members_total),
            met: counts.quorum_met(&rule.quorum),
            rule_source: rule.source.clone(),
            rule_is_default: rule.is_default,
        })
    }

    /// Planned → open. `version` is the meeting's version as the caller saw it.
    pub fn open_meeting(&mut self, meeting: MeetingId, version: i64) -> Result<()> {
        self.write(|w| {
            let s = w.meeting_state(meeting)?;
            if s.status != MeetingStatus::Planned {
                return Err(MeetingRefusal::WrongStatus {
                    meeting: s.label,
                    status: s.status,
                    step: Step::Open,
                }
                .into());
            }
            w.transition(meeting, version, MeetingStatus::Open, "opened_at")
        })
    }

    /// Open → closed: attendance and votes become read-only. Every member must
    /// be marked first. Items left without a vote go back to Submitted.
    pub fn close_meeting(&mut self, meeting: MeetingId, version: i64) -> Result<()> {
        self.write(|w| {
            let s = w.meeting_state(meeting)?;
            if s.status != MeetingStatus::Open {
                return Err(MeetingRefusal::WrongStatus {
                    meeting: s.label,
                    status: s.status,
                    step: Step::Close,
                }
                .into());
            }
            let unmarked: Vec<String> = {
                let mut stmt = w.tx.prepare(
                    "SELECT m.name FROM meeting_members mm JOIN members m ON m.id = mm.member_id
                     WHERE mm.meeting_id = ?1 AND mm.presence = 'unmarked' ORDER BY m.name_sort",
                )?;
                stmt.query_map([meeting], |r| r.get(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            };
            if !unmarked.is_empty() {
                return Err(MeetingRefusal::Unmarked {
                    meeting: s.label,
                    names: unmarked,
                }
                .into());
            }
            w.transition(meeting, version, MeetingStatus::Closed, "closed_at")?;
            // Items not voted on were postponed: they wait for a later meeting.
            let postponed: Vec<NominationId> = {
                let mut stmt = w.tx.prepare(
                    "SELECT a.nomination_id FROM agenda_items a JOIN nominations n ON n.id = a.nomination_id
                     WHERE a.meeting_id = ?1 AND n.status = 'on_agenda'
                       AND NOT EXISTS (SELECT 1 FROM vote_results v JOIN ballot_rounds b ON b.id = v.round_id
                                       WHERE b.meeting_id = ?1 AND v.nomination_id = a.nomination_id)",
                )?;
                stmt.query_map([meeting], |r| r.get(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            };
            for n in postponed {
                w.set_nomination_status(n, NominationStatus::Submitted)?;
            }
            Ok(())
        })
    }
}

impl Tx<'_> {
    fn transition(
        &self,
        meeting: MeetingId,
        version: i64,
        next: MeetingStatus,
        stamp: &str,
    ) -> Result<()> {
        // `stamp` is one of two fixed column names, never user text.
        let changed = self.tx.execute(
            &format!(
                "UPDATE meetings SET status = ?2, {stamp} = ?3, version = version + 1 WHERE id = ?1 AND version = ?4"
            ),
            params![meeting, next.code(), self.now, version],
        )?;
        if changed == 0 {
            return Err(StoreError::Conflict {
                what: "meeting",
                id: meeting.to_string(),
            });
        }
        self.audit(
            "meetings",
            meeting,
            "status",
            None,
            Some(&serde_json::json!({"status": next.code(), "at": self.now})),
        )
    }
}
