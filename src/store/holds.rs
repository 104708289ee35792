//! Holds: awards are held back while a nominee is under discipline or
//! inspection (NĐ 152/2025 Điều 4). Eligibility reports an open hold, and a
//! referral then needs an override reason.

use crate::domain::hold;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::awards::{date_text, parse_date};
use super::{Result, Store, StoreError};
use crate::domain::nominee::NomineeId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardHold {
    pub id: i64,
    pub nominee_id: NomineeId,
    pub reason: String,
    pub from: NaiveDate,
    pub lifted: Option<NaiveDate>,
}

impl Store {
    /// Hold back a nominee's awards from `from` for `reason`.
    pub fn hold_back(&mut self, nominee: NomineeId, reason: &str, from: NaiveDate) -> Result<i64> {
        self.nominee(nominee)?;
        self.write(|w| {
            let reason = hold::reason(reason)?;
            w.tx.execute(
                "INSERT INTO award_holds (nominee_id, reason, from_date, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![nominee, reason, date_text(from), w.now],
            )?;
            let id = w.tx.last_insert_rowid();
            w.audit(
                "award_holds",
                id,
                "insert",
                None,
                Some(&serde_json::json!({"nominee_id": nominee, "reason": reason, "from": date_text(from)})),
            )?;
            Ok(id)
        })
    }

    /// Lift a hold on `date`.
    pub fn lift_hold(&mut self, id: i64, date: NaiveDate) -> Result<()> {
        let hold = self.hold(id)?;
        self.write(|w| {
            hold::lift(id, hold.from, hold.lifted.is_some(), date)?;
            w.tx.execute(
                "UPDATE award_holds SET lifted_date = ?2 WHERE id = ?1",
                params![id, date_text(date)],
            )?;
            w.audit(
                "award_holds",
                id,
                "lift",
                None,
                Some(&serde_json::json!({"lifted": date_text(date)})),
            )
        })
    }

    pub fn hold(&self, id: i64) -> Result<AwardHold> {
        self.conn()
            .query_row(
                "SELECT id, nominee_id, reason, from_date, lifted_date FROM award_holds WHERE id = ?1",
                [id],
                hold_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "hold",
                id: id.to_string(),
            })
    }

    /// Every hold of a nominee, newest first.
    pub fn holds_of(&self, nominee: NomineeId) -> Result<Vec<AwardHold>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, nominee_id, reason, from_date, lifted_date FROM award_holds
             WHERE nominee_id = ?1 ORDER BY from_date DESC, id DESC",
        )?;
        let rows = stmt.query_map([nominee], hold_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The reason of the nominee's open hold, if any.
    pub fn open_hold_reason(&self, nominee: NomineeId) -> Result<Option<String>> {
        Ok(self
            .holds_of(nominee)?
            .into_iter()
            .find(|h| h.lifted.is_none())
            .map(|h| h.reason))
    }
}

fn hold_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AwardHold> {
    let from: String = r.get(3)?;
    Ok(AwardHold {
        id: r.get(0)?,
        nominee_id: r.get(1)?,
        reason: r.get(2)?,
        from: parse_date(Some(from)).unwrap_or_default(),
        lifted: parse_date(r.get(4)?),
    })
}
