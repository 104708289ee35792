//! Changing a planned meeting: its number, time, place, subject, chair and
//! secretary, who is called, and its guests. Once a meeting is open its
//! attendance is being taken, so only a planned meeting can be changed.

use rusqlite::params;

use super::meetings::NewMeeting;
use super::refusal::{MeetingRefusal, Role, Step};
use super::{Result, Store, StoreError};
use crate::domain::council_rules;
use crate::domain::meeting::{MeetingId, MeetingStatus};
use crate::domain::text::nfc;

impl Store {
    /// Replace a planned meeting's details. `version` is the meeting's version
    /// as the caller saw it. Members no longer called leave the counting committee.
    pub fn update_meeting(&mut self, id: MeetingId, version: i64, m: &NewMeeting) -> Result<()> {
        let checked = self.checked_meeting(m)?;
        self.write(|w| {
            let s = w.meeting_state(id)?;
            if s.status != MeetingStatus::Planned {
                return Err(MeetingRefusal::WrongStatus {
                    meeting: s.label,
                    status: s.status,
                    step: Step::Edit,
                }
                .into());
            }
            let changed = w.tx.execute(
                "UPDATE meetings SET number = ?2, subject = ?3, starts_at = ?4, place = ?5,
                        chair_id = ?6, secretary_id = ?7, version = version + 1
                 WHERE id = ?1 AND version = ?8",
                params![
                    id,
                    nfc(&m.number),
                    nfc(&m.subject),
                    m.starts_at,
                    nfc(&m.place),
                    m.chair_id,
                    m.secretary_id,
                    version
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::Conflict {
                    what: "meeting",
                    id: id.to_string(),
                });
            }
            // A planned meeting has no attendance yet, so the called list is simply replaced.
            w.tx.execute("DELETE FROM meeting_members WHERE meeting_id = ?1", [id])?;
            for member in &checked {
                w.tx.execute(
                    "INSERT INTO meeting_members (meeting_id, member_id) VALUES (?1, ?2)",
                    params![id, member],
                )?;
            }
            w.tx.execute(
                "DELETE FROM counting_committee WHERE meeting_id = ?1
                   AND member_id NOT IN (SELECT member_id FROM meeting_members WHERE meeting_id = ?1)",
                [id],
            )?;
            w.tx.execute("DELETE FROM meeting_guests WHERE meeting_id = ?1", [id])?;
            for g in &m.guests {
                w.tx.execute(
                    "INSERT INTO meeting_guests (meeting_id, name, position) VALUES (?1, ?2, ?3)",
                    params![id, nfc(&g.name), nfc(&g.position)],
                )?;
            }
            w.audit(
                "meetings",
                id,
                "update",
                None,
                serde_json::to_value(m).ok().as_ref(),
            )
        })
    }

    /// The checks `create_meeting` makes, returning the members to call.
    fn checked_meeting(&self, m: &NewMeeting) -> Result<Vec<i64>> {
        let councils = self.councils()?;
        if councils.is_empty() {
            return Err(MeetingRefusal::NoCouncil.into());
        }
        if nfc(&m.subject).is_empty() {
            return Err(MeetingRefusal::EmptySubject.into());
        }
        let ok_time = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
            .iter()
            .any(|f| chrono::NaiveDateTime::parse_from_str(&m.starts_at, f).is_ok());
        if !ok_time {
            return Err(MeetingRefusal::BadStartsAt {
                text: m.starts_at.clone(),
            }
            .into());
        }
        let council = council_rules::council_on(&councils, &m.starts_at).ok_or_else(|| {
            MeetingRefusal::NoCouncilOn {
                date: m.starts_at.get(..10).unwrap_or(&m.starts_at).to_string(),
            }
        })?;
        let all: Vec<i64> = self
            .members_on(council.id, &m.starts_at)?
            .iter()
            .map(|x| x.id)
            .collect();
        let mut called: Vec<i64> = Vec::new();
        for id in if m.member_ids.is_empty() {
            &all
        } else {
            &m.member_ids
        } {
            if !all.contains(id) {
                return Err(MeetingRefusal::NotCouncilMember { member: *id }.into());
            }
            if !called.contains(id) {
                called.push(*id);
            }
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
        Ok(called)
    }
}
