//! Reads everything about one meeting into a `MeetingRecord`.

use rusqlite::{OptionalExtension, params};

use super::stored_code::decode;
use super::{Result, Store, StoreError};
use crate::domain::council::{Council, Member};
use crate::domain::meeting::{
    AgendaItem, BallotRound, Meeting, MeetingId, MeetingStatus, MinutesNote, NoteKind, Presence,
    VoteResult,
};
use crate::domain::record::{
    AgendaEntry, CommitteeMember, Guest, MeetingRecord, MemberAttendance, RoundRecord,
};
use crate::domain::vote::{BallotCounts, Tally, VoteMethod};

fn bad(what: &'static str, e: impl std::fmt::Display) -> StoreError {
    super::unreadable(what, e)
}

impl Store {
    pub fn meeting(&self, id: MeetingId) -> Result<Meeting> {
        self.conn()
            .query_row(
                "SELECT id, council_id, number, subject, starts_at, place, chair_id, secretary_id, status, opened_at, closed_at, version,
                        held_start, held_end, held_place
                 FROM meetings WHERE id = ?1",
                [id],
                |r| {
                    let status: String = r.get(8)?;
                    let status = decode(MeetingStatus::from_code, &status, "meetings", id, "status")?;
                    Ok(Meeting {
                        id: r.get(0)?,
                        council_id: r.get(1)?,
                        number: r.get(2)?,
                        subject: r.get(3)?,
                        starts_at: r.get(4)?,
                        place: r.get(5)?,
                        chair_id: r.get(6)?,
                        secretary_id: r.get(7)?,
                        status,
                        opened_at: r.get(9)?,
                        closed_at: r.get(10)?,
                        version: r.get(11)?,
                        held_start: r.get(12)?,
                        held_end: r.get(13)?,
                        held_place: r.get(14)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "meeting",
                id: id.to_string(),
            })
    }

    pub fn meeting_record(&self, id: MeetingId) -> Result<MeetingRecord> {
        let meeting = self.meeting(id)?;
        let council: Council = self.council_by_id(meeting.council_id)?;
        let member_of =
            |id: Option<i64>| -> Result<Option<Member>> { id.map(|i| self.member(i)).transpose() };
        let chair = member_of(meeting.chair_id)?;
        let secretary = member_of(meeting.secretary_id)?;

        let mut stmt = self.conn().prepare(
            "SELECT mm.member_id, mm.presence, mm.reason FROM meeting_members mm JOIN members m ON m.id = mm.member_id
             WHERE mm.meeting_id = ?1
             ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'standing_member' THEN 2 WHEN 'secretary' THEN 3 ELSE 4 END, m.name_sort",
        )?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut attendance = Vec::with_capacity(rows.len());
        for (member_id, code, reason) in rows {
            attendance.push(MemberAttendance {
                member: self.member(member_id)?,
                presence: decode(
                    |c| Presence::from_parts(c, &reason),
                    &code,
                    "meeting_members",
                    format!("{id}/{member_id}"),
                    "presence",
                )?,
            });
        }

        let mut stmt = self.conn().prepare(
            "SELECT name, position FROM meeting_guests WHERE meeting_id = ?1 ORDER BY id",
        )?;
        let guests = stmt
            .query_map([id], |r| {
                Ok(Guest {
                    name: r.get(0)?,
                    position: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let mut stmt = self.conn().prepare(
            "SELECT member_id, is_head FROM counting_committee WHERE meeting_id = ?1 ORDER BY is_head DESC, member_id",
        )?;
        let rows = stmt
            .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut counting_committee = Vec::new();
        for (member_id, is_head) in rows {
            counting_committee.push(CommitteeMember {
                member: self.member(member_id)?,
                is_head,
            });
        }

        let catalogue = self.catalogue()?;
        let mut stmt = self.conn().prepare(
            "SELECT a.id, a.position, a.nomination_id, n.score FROM agenda_items a JOIN nominations n ON n.id = a.nomination_id
             WHERE a.meeting_id = ?1 ORDER BY a.position",
        )?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<f64>>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut agenda = Vec::with_capacity(rows.len());
        for (item_id, position, nomination_id, score) in rows {
            let nomination = self.nomination(nomination_id)?;
            let nominee = self.nominee(nomination.nominee_id)?;
            let award = catalogue.award(&nomination.award_code);
            agenda.push(AgendaEntry {
                item: AgendaItem {
                    id: item_id,
                    meeting_id: id,
                    position,
                    nomination_id,
                },
                award_name: award.map(|a| a.name.clone()).unwrap_or_default(),
                award_short: award.map(|a| a.short_name.clone()).unwrap_or_default(),
                award_decided_at: award.map(|a| a.decided_at.clone()).unwrap_or_default(),
                decided_at_home: award.is_some_and(|a| catalogue.decided_at_home(a)),
                score,
                nomination,
                nominee,
            });
        }

        let mut stmt = self.conn().prepare(
            "SELECT id, round_no, method, issued, returned, valid, invalid, attendance, recorded_at, amends_round, amendment_reason, revote_reason
             FROM ballot_rounds WHERE meeting_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                    BallotCounts {
                        issued: r.get(3)?,
                        returned: r.get(4)?,
                        valid: r.get(5)?,
                        invalid: r.get(6)?,
                    },
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, Option<i64>>(9)?,
                    r.get::<_, Option<String>>(10)?,
                    r.get::<_, Option<String>>(11)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut rounds = Vec::with_capacity(rows.len());
        let mut results_stmt = self.conn().prepare(
            "SELECT v.nomination_id, v.agree, v.disagree, v.abstain, v.written_agree, v.written_disagree, v.rule, v.outcome
             FROM vote_results v LEFT JOIN agenda_items a ON a.nomination_id = v.nomination_id AND a.meeting_id = ?2
             WHERE v.round_id = ?1 ORDER BY a.position, v.nomination_id",
        )?;
        for (
            round_id,
            round_no,
            method,
            ballots,
            att,
            recorded_at,
            amends_round,
            amendment_reason,
            revote_reason,
        ) in rows
        {
            let method: VoteMethod =
                serde_json::from_value(serde_json::Value::String(method.clone()))
                    .map_err(|e| bad("vote method", e))?;
            let attendance = serde_json::from_str(&att).map_err(|e| bad("attendance", e))?;
            let raw = results_stmt
                .query_map(params![round_id, id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        Tally {
                            agree: r.get(1)?,
                            disagree: r.get(2)?,
                            abstain: r.get(3)?,
                            written_agree: r.get(4)?,
                            written_disagree: r.get(5)?,
                        },
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(7)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut results = Vec::with_capacity(raw.len());
            for (nomination_id, tally, rule, outcome) in raw {
                results.push(VoteResult {
                    round_id,
                    nomination_id,
                    tally,
                    rule: serde_json::from_str(&rule).map_err(|e| bad("vote rule", e))?,
                    outcome: serde_json::from_str(&outcome).map_err(|e| bad("vote outcome", e))?,
                });
            }
            rounds.push(RoundRecord {
                round: BallotRound {
                    id: round_id,
                    meeting_id: id,
                    round_no,
                    method,
                    ballots,
                    attendance,
                    recorded_at,
                    amends_round,
                    amendment_reason,
                    revote_reason,
                },
                results,
            });
        }

        let mut stmt = self.conn().prepare(
            "SELECT id, agenda_item_id, kind, at, text FROM minutes_notes WHERE meeting_id = ?1 ORDER BY at, id",
        )?;
        let notes = stmt
            .query_map([id], |r| {
                let note: i64 = r.get(0)?;
                let kind: String = r.get(2)?;
                Ok(MinutesNote {
                    id: note,
                    meeting_id: id,
                    agenda_item_id: r.get(1)?,
                    kind: decode(NoteKind::from_code, &kind, "minutes_notes", note, "kind")?,
                    at: r.get(3)?,
                    text: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        Ok(MeetingRecord {
            council,
            meeting,
            chair,
            secretary,
            attendance,
            guests,
            counting_committee,
            agenda,
            rounds,
            notes,
            ward: self.ward()?.unwrap_or_default(),
        })
    }
}
