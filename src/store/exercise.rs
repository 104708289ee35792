//! The writes of the crash harness (`hoidong exercise`): a minutes note, a
//! vote result and the meeting they go into, each with its audit entry,
//! written the plain way so that a harness sees ordinary commits.

use rusqlite::{OptionalExtension, params};
use serde_json::json;

use super::{Result, Store};

/// One vote result the harness puts.
pub struct ExerciseVote<'a> {
    pub round: i64,
    pub nomination: i64,
    pub agree: u32,
    pub disagree: u32,
    pub members: u32,
    pub passed: bool,
    /// How the harness names the result (`round/nomination`).
    pub key: &'a str,
}

impl Store {
    /// The first meeting with this subject that has a ballot round, and the round.
    pub fn meeting_with_round(&self, subject: &str) -> Result<Option<(i64, i64)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT m.id, b.id FROM meetings m JOIN ballot_rounds b ON b.meeting_id = m.id
                 WHERE m.subject = ?1 ORDER BY m.id LIMIT 1",
                [subject],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// The ids of the first `limit` nominations.
    pub fn first_nomination_ids(&self, limit: u32) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM nominations ORDER BY id LIMIT ?1")?;
        let ids = stmt
            .query_map([limit], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// An open meeting with one secret-ballot round where every member is present.
    pub fn add_exercise_meeting(
        &mut self,
        council: i64,
        subject: &str,
        members: u32,
    ) -> Result<(i64, i64)> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO meetings (council_id, subject, starts_at, status, opened_at) VALUES (?1, ?2, ?3, 'open', ?3)",
                params![council, subject, w.now],
            )?;
            let meeting = w.tx.last_insert_rowid();
            w.audit(
                "meetings",
                meeting,
                "insert",
                None,
                Some(&json!({"subject": subject, "status": "open"})),
            )?;
            let attendance = json!({"members_total": members, "present": members, "absent": 0, "written_opinions": 0});
            w.tx.execute(
                "INSERT INTO ballot_rounds (meeting_id, round_no, method, issued, returned, valid, invalid, attendance, recorded_at)
                 VALUES (?1, 1, 'secret_ballot', ?2, ?2, ?2, 0, ?3, ?4)",
                params![meeting, members, attendance.to_string(), w.now],
            )?;
            let round = w.tx.last_insert_rowid();
            w.audit(
                "ballot_rounds",
                round,
                "insert",
                None,
                Some(&json!({"meeting_id": meeting, "round_no": 1, "issued": members})),
            )?;
            Ok((meeting, round))
        })
    }

    /// A note in the minutes of `meeting`, not tied to an agenda item.
    pub fn add_exercise_note(&mut self, meeting: i64, text: &str) -> Result<i64> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO minutes_notes (meeting_id, agenda_item_id, kind, at, text, updated_at)
                 VALUES (?1, NULL, 'note', ?2, ?3, ?2)",
                params![meeting, w.now, text],
            )?;
            let id = w.tx.last_insert_rowid();
            w.audit(
                "minutes_notes",
                id,
                "insert",
                None,
                Some(&json!({"id": id, "meeting_id": meeting, "kind": "note", "text": text})),
            )?;
            Ok(id)
        })
    }

    /// Put one vote result, replacing the one before.
    pub fn put_exercise_vote(&mut self, v: &ExerciseVote<'_>) -> Result<()> {
        self.write(|w| {
            let before: Option<(u32, u32)> = w
                .tx
                .query_row(
                    "SELECT agree, disagree FROM vote_results WHERE round_id = ?1 AND nomination_id = ?2",
                    params![v.round, v.nomination],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let outcome =
                json!({"counted_agree": v.agree, "denominator": v.members, "passed": v.passed});
            w.tx.execute(
                "INSERT INTO vote_results (round_id, nomination_id, agree, disagree, abstain, written_agree, written_disagree, rule, outcome, passed)
                 VALUES (?1, ?2, ?3, ?4, 0, 0, 0, '{}', ?5, ?6)
                 ON CONFLICT (round_id, nomination_id) DO UPDATE SET agree = excluded.agree, disagree = excluded.disagree,
                   outcome = excluded.outcome, passed = excluded.passed",
                params![v.round, v.nomination, v.agree, v.disagree, outcome.to_string(), v.passed],
            )?;
            w.audit(
                "vote_results",
                v.key,
                "put",
                before
                    .map(|(a, d)| json!({"agree": a, "disagree": d}))
                    .as_ref(),
                Some(&json!({
                    "round_id": v.round, "nomination_id": v.nomination,
                    "agree": v.agree, "disagree": v.disagree, "abstain": 0,
                    "written_agree": 0, "written_disagree": 0, "passed": v.passed
                })),
            )
        })
    }
}
