//! The ward's identity: one row, changed only through `set_ward`, audited.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Result, Store, StoreError, Tx};
use crate::domain::ward::WardIdentity;

const COLUMNS: &str = "governing_body, council_name, place_name, minutes_symbol, decision_symbol, submission_symbol, recipients_minutes, recipients_decision, recipients_submission, chairman_title, chairman_name";

fn list(text: String) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn json(v: &[String]) -> String {
    serde_json::Value::from(v.to_vec()).to_string()
}

fn read(conn: &Connection) -> Result<Option<WardIdentity>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM ward_identity WHERE id = 1"),
            [],
            |r| {
                Ok(WardIdentity {
                    governing_body: r.get(0)?,
                    council_name: r.get(1)?,
                    place_name: r.get(2)?,
                    minutes_symbol: r.get(3)?,
                    decision_symbol: r.get(4)?,
                    submission_symbol: r.get(5)?,
                    recipients_minutes: list(r.get(6)?)?,
                    recipients_decision: list(r.get(7)?)?,
                    recipients_submission: list(r.get(8)?)?,
                    chairman_title: r.get(9)?,
                    chairman_name: r.get(10)?,
                })
            },
        )
        .optional()?)
}

fn write(conn: &Connection, w: &WardIdentity) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO ward_identity (id, {COLUMNS}) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (id) DO UPDATE SET
               governing_body = excluded.governing_body, council_name = excluded.council_name,
               place_name = excluded.place_name, minutes_symbol = excluded.minutes_symbol,
               decision_symbol = excluded.decision_symbol, submission_symbol = excluded.submission_symbol,
               recipients_minutes = excluded.recipients_minutes,
               recipients_decision = excluded.recipients_decision,
               recipients_submission = excluded.recipients_submission,
               chairman_title = excluded.chairman_title, chairman_name = excluded.chairman_name"
        ),
        params![
            w.governing_body,
            w.council_name,
            w.place_name,
            w.minutes_symbol,
            w.decision_symbol,
            w.submission_symbol,
            json(&w.recipients_minutes),
            json(&w.recipients_decision),
            json(&w.recipients_submission),
            w.chairman_title,
            w.chairman_name,
        ],
    )?;
    Ok(())
}

/// Version 5: the identity a database's council held moves to its own
/// table, then the council's copies go. Run inside the migration.
pub(super) fn carry_over(conn: &Connection) -> Result<()> {
    let old: Option<(String, String, String)> = conn
        .query_row(
            "SELECT issuing_body, name, place_name FROM councils ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((body, name, place)) = old {
        write(conn, &WardIdentity::carried_over(&body, &name, &place))?;
    }
    conn.execute_batch(
        "ALTER TABLE councils DROP COLUMN issuing_body; ALTER TABLE councils DROP COLUMN place_name;",
    )?;
    Ok(())
}

impl Tx<'_> {
    /// Set the ward's identity (checked by the domain's rules), audited with
    /// what it was before. Applies to every document made after it.
    pub fn set_ward(&self, identity: &WardIdentity) -> Result<WardIdentity> {
        let clean = identity.checked().map_err(StoreError::Ward)?;
        let before = read(&self.tx)?;
        write(&self.tx, &clean)?;
        self.audit(
            "ward_identity",
            1,
            if before.is_some() { "update" } else { "insert" },
            before.and_then(|b| serde_json::to_value(b).ok()).as_ref(),
            serde_json::to_value(&clean).ok().as_ref(),
        )?;
        Ok(clean)
    }
}

impl Store {
    /// The ward's identity, or `None` before it is set.
    pub fn ward(&self) -> Result<Option<WardIdentity>> {
        read(self.conn())
    }

    pub fn set_ward(&mut self, identity: &WardIdentity) -> Result<WardIdentity> {
        self.write(|w| w.set_ward(identity))
    }
}
