//! One decision of the ward chairman for many awards: prepared (every check
//! first, nothing written), then recorded in one audited transaction that
//! asks every check again, enters each award in the register and fixes its
//! prize money.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::award_checks::standing;
use super::awards::{RegisterRow, Subject, date_text, json, parse_date};
use super::stored_code::decode;
use super::{Result, Store, StoreError, Tx};
use crate::domain::decision_batch::{
    BatchRefusal, Candidate, DecisionBatch, DecisionLine, DecisionPaper, PlanRef, Selection,
    SignerTitle, check_batch, full_number, prize_of, select,
};
use crate::domain::meeting::MeetingId;
use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::prize::PrizeTable;
use crate::domain::register::{NewDecision, RegisterSource};
use crate::domain::text_rules::{self, TextField};
use crate::domain::ward::WardRefusal;

/// What the user asked for, before any check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRequest {
    pub meeting: MeetingId,
    pub selection: Selection,
    /// "15" (the ward's symbol is added) or "15/QĐ-UBND".
    pub number: String,
    pub date: NaiveDate,
    /// Empty: the chairman named in the ward's identity.
    pub signer: String,
    pub title: SignerTitle,
}

/// A decision that passed every check: what the confirm dialog shows and
/// what `record_decision_batch` writes.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedBatch {
    pub meeting: MeetingId,
    pub decision: NewDecision,
    pub title: SignerTitle,
    pub lines: Vec<DecisionLine>,
}

impl PreparedBatch {
    pub fn total(&self) -> i64 {
        self.lines.iter().filter_map(|l| l.amount).sum()
    }
}

fn refused(r: BatchRefusal) -> StoreError {
    StoreError::Batch(r)
}

fn number_taken(conn: &rusqlite::Connection, number: &str) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM decision_batches WHERE number = ?1)
              + (SELECT count(*) FROM decisions WHERE number = ?1)",
        [number],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

impl Store {
    /// The meeting's agenda as the selection sees it.
    fn decision_candidates(&self, meeting: MeetingId) -> Result<Vec<Candidate>> {
        let record = self.meeting_record(meeting)?;
        Ok(record
            .agenda
            .iter()
            .map(|e| Candidate {
                nomination_id: e.nomination.id,
                award_code: e.nomination.award_code.clone(),
                status: e.nomination.status,
                decided_at_home: e.decided_at_home,
            })
            .collect())
    }

    fn decision_line(
        &self,
        s: &Subject,
        prizes: &PrizeTable,
        date: NaiveDate,
    ) -> Result<DecisionLine> {
        let nominee = self.nominee(s.nomination.nominee_id)?;
        let amount = prize_of(prizes, &s.award.code, nominee.kind.class(), date);
        Ok(DecisionLine {
            nomination_id: s.nomination.id,
            nominee,
            award_code: s.award.code.clone(),
            award_name: s.award.name.clone(),
            award_short: s.award.short_name.clone(),
            is_title: s.award.is_title,
            round: s.nomination.round,
            amount,
        })
    }

    /// Check everything about a decision for many awards and say what it
    /// would record; nothing is written.
    pub fn prepare_decision_batch(&self, req: &BatchRequest) -> Result<PreparedBatch> {
        let ward = self.ward()?.ok_or(StoreError::Ward(WardRefusal::NotSet))?;
        let ids =
            select(&req.selection, &self.decision_candidates(req.meeting)?).map_err(refused)?;
        let number = text_rules::line(
            TextField::DecisionNumber,
            &full_number(&req.number, &ward.decision_symbol),
        )?;
        if number.is_empty() {
            return Err(refused(BatchRefusal::EmptyNumber));
        }
        let signer = match req.signer.trim() {
            "" => ward.chairman_name.clone(),
            given => given.to_string(),
        };
        let decision = NewDecision {
            number,
            date: req.date,
            signer: text_rules::name(TextField::Signer, &signer)?,
        };
        if number_taken(self.conn(), &decision.number)? {
            return Err(refused(BatchRefusal::NumberTaken(decision.number)));
        }
        let prizes = PrizeTable::built_in().map_err(|detail| StoreError::BuiltIn { detail })?;
        let mut standings = Vec::with_capacity(ids.len());
        let mut lines = Vec::with_capacity(ids.len());
        for id in &ids {
            let s = self.subject(*id)?;
            standings.push((*id, standing(self.conn(), &s)?));
            lines.push(self.decision_line(&s, &prizes, req.date)?);
        }
        check_batch(&standings, &decision).map_err(refused)?;
        Ok(PreparedBatch {
            meeting: req.meeting,
            decision,
            title: req.title,
            lines,
        })
    }

    /// Record a prepared decision: every nomination is asked again inside
    /// the transaction, then each becomes decided and enters the register.
    pub fn record_decision_batch(&mut self, p: &PreparedBatch) -> Result<i64> {
        let subjects = p
            .lines
            .iter()
            .map(|l| self.subject(l.nomination_id))
            .collect::<Result<Vec<_>>>()?;
        let d = &p.decision;
        self.write(|w| {
            if number_taken(&w.tx, &d.number)? {
                return Err(refused(BatchRefusal::NumberTaken(d.number.clone())));
            }
            let standings = subjects
                .iter()
                .map(|s| Ok((s.nomination.id, standing(&w.tx, s)?)))
                .collect::<Result<Vec<_>>>()?;
            check_batch(&standings, d).map_err(refused)?;
            w.tx.execute(
                "INSERT INTO decision_batches (meeting_id, number, date, signer, title, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![p.meeting, d.number, date_text(d.date), d.signer, p.title.code(), w.now],
            )?;
            let batch = w.tx.last_insert_rowid();
            let items: Vec<_> = p
                .lines
                .iter()
                .map(|l| serde_json::json!({"nomination_id": l.nomination_id, "amount": l.amount}))
                .collect();
            let after = serde_json::json!({
                "meeting_id": p.meeting, "number": d.number, "date": date_text(d.date),
                "signer": d.signer, "title": p.title.code(), "items": items,
            });
            w.audit("decision_batches", batch, "insert", None, Some(&after))?;
            for (i, (s, line)) in subjects.iter().zip(&p.lines).enumerate() {
                w.record_decision_row(s, d)?;
                w.tx.execute(
                    "INSERT INTO decision_batch_items (batch_id, position, nomination_id, amount) VALUES (?1, ?2, ?3, ?4)",
                    params![batch, i as i64 + 1, line.nomination_id, line.amount],
                )?;
            }
            Ok(batch)
        })
    }

    /// Every decision for many awards, newest first.
    pub fn decision_batches(&self) -> Result<Vec<DecisionBatch>> {
        let mut stmt = self.conn().prepare(
            "SELECT b.id, b.meeting_id, b.number, b.date, b.signer, b.title,
                    (SELECT count(*) FROM decision_batch_items i WHERE i.batch_id = b.id)
             FROM decision_batches b ORDER BY b.date DESC, b.id DESC",
        )?;
        let rows = stmt.query_map([], batch_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn decision_batch(&self, id: i64) -> Result<DecisionBatch> {
        self.conn()
            .query_row(
                "SELECT b.id, b.meeting_id, b.number, b.date, b.signer, b.title,
                        (SELECT count(*) FROM decision_batch_items i WHERE i.batch_id = b.id)
                 FROM decision_batches b WHERE b.id = ?1",
                [id],
                batch_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "decision",
                id: id.to_string(),
            })
    }

    /// Everything the decision `id` and its list print.
    pub fn decision_paper(&self, id: i64) -> Result<DecisionPaper> {
        let batch = self.decision_batch(id)?;
        let ward = self.ward()?.ok_or(StoreError::Ward(WardRefusal::NotSet))?;
        let mut stmt = self.conn().prepare(
            "SELECT nomination_id, amount FROM decision_batch_items WHERE batch_id = ?1 ORDER BY position",
        )?;
        let items = stmt
            .query_map([id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let prizes = PrizeTable::built_in().map_err(|detail| StoreError::BuiltIn { detail })?;
        let mut lines = Vec::with_capacity(items.len());
        let mut movement_id = None;
        for (nomination, amount) in items {
            let s = self.subject(nomination)?;
            movement_id.get_or_insert(s.nomination.movement_id);
            let mut line = self.decision_line(&s, &prizes, batch.date)?;
            // The amount fixed when the decision was recorded, not today's table.
            line.amount = amount;
            lines.push(line);
        }
        let meeting = self.meeting(batch.meeting_id)?;
        let plan = self
            .movements()?
            .into_iter()
            .find(|m| Some(m.id) == movement_id)
            .map(|m| PlanRef {
                plan_number: m.plan_number,
                plan_date: NaiveDate::parse_from_str(&m.plan_date, "%Y-%m-%d").ok(),
                name: m.name,
            });
        let minutes_number = ward.minutes_number(&meeting.number);
        Ok(DecisionPaper {
            batch,
            lines,
            ward,
            minutes_number,
            meeting_day: parse_date(meeting.began_at().get(..10).map(str::to_string)),
            plan,
        })
    }
}

/// A decision for many awards; a stored date or title that cannot be read
/// names the row rather than leaving the decision out of the list.
fn batch_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DecisionBatch> {
    let id: i64 = r.get(0)?;
    let date: String = r.get(3)?;
    let title: String = r.get(5)?;
    let count: i64 = r.get(6)?;
    Ok(DecisionBatch {
        id,
        meeting_id: r.get(1)?,
        number: r.get(2)?,
        date: decode(
            |d| parse_date(Some(d.to_string())),
            &date,
            "decision_batches",
            id,
            "date",
        )?,
        signer: r.get(4)?,
        title: decode(
            SignerTitle::from_code,
            &title,
            "decision_batches",
            id,
            "title",
        )?,
        // A count(*) is never negative.
        count: usize::try_from(count).unwrap_or_default(),
    })
}

impl Tx<'_> {
    /// The decision on one nomination: its row, the nomination decided, the
    /// award in the register. Used by a decision alone and by a batch.
    pub(crate) fn record_decision_row(&mut self, s: &Subject, d: &NewDecision) -> Result<i64> {
        let id: NominationId = s.nomination.id;
        self.tx.execute(
            "INSERT INTO decisions (nomination_id, number, date, signer, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, d.number, date_text(d.date), d.signer, self.now],
        )?;
        let decision_id = self.tx.last_insert_rowid();
        self.audit("decisions", decision_id, "insert", None, Some(&json(d)))?;
        self.set_nomination_status(id, NominationStatus::Decided)?;
        self.insert_register_entry(&RegisterRow {
            nominee_id: s.nomination.nominee_id,
            award_code: &s.award.code,
            year: s.nomination.round.year(),
            decision_number: &d.number,
            decision_date: Some(d.date),
            authority: &s.award.granted_by,
            nomination_id: Some(id),
            source: RegisterSource::Decided,
            merit: None,
            note: "",
        })?;
        Ok(decision_id)
    }
}
