//! Evidence items of a nomination: what they are, and the file each one
//! points to with the SHA-256 recorded when it was attached.

use crate::domain::nomination_rules;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::nominations::to_json;
use super::stored_code::decode;
use super::{Result, Store, StoreError, Tx};
use crate::domain::nomination::{Evidence, EvidenceKind, NominationId};
use crate::domain::text::nfc;

const EVIDENCE_COLS: &str =
    "id, nomination_id, kind, title, doc_number, doc_date, file_path, sha256, note";

fn evidence_from_row(r: &Row<'_>) -> rusqlite::Result<Evidence> {
    let id: i64 = r.get(0)?;
    let kind: String = r.get(2)?;
    Ok(Evidence {
        id,
        nomination_id: r.get(1)?,
        kind: decode(EvidenceKind::from_code, &kind, "evidence", id, "kind")?,
        title: r.get(3)?,
        doc_number: r.get(4)?,
        doc_date: r.get(5)?,
        file_path: r.get(6)?,
        sha256: r.get(7)?,
        note: r.get(8)?,
    })
}

fn read_item(conn: &Connection, id: i64) -> Result<Evidence> {
    conn.query_row(
        &format!("SELECT {EVIDENCE_COLS} FROM evidence WHERE id = ?1"),
        [id],
        evidence_from_row,
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "evidence",
        id: id.to_string(),
    })
}

/// The item as it is stored: text NFC, and a file only together with its hash.
fn normalised(e: &Evidence) -> Result<Evidence> {
    let (title, file_path, sha256) =
        nomination_rules::evidence(&e.title, e.file_path.as_deref(), e.sha256.as_deref())?;
    Ok(Evidence {
        id: e.id,
        nomination_id: e.nomination_id,
        kind: e.kind,
        title,
        doc_number: nfc(e.doc_number.trim()),
        doc_date: e.doc_date.clone().filter(|d| !d.trim().is_empty()),
        sha256: file_path.as_ref().and(sha256),
        file_path,
        note: nfc(e.note.trim()),
    })
}

impl Tx<'_> {
    pub fn insert_evidence(&self, e: &Evidence) -> Result<i64> {
        let mut e = normalised(e)?;
        self.tx.prepare_cached(
            "INSERT INTO evidence (nomination_id, kind, title, doc_number, doc_date, file_path, sha256, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
                e.nomination_id,
                e.kind.code(),
                e.title,
                e.doc_number,
                e.doc_date,
                e.file_path,
                e.sha256,
                e.note,
                self.now
            ])?;
        let id = self.tx.last_insert_rowid();
        e.id = id;
        self.tx
            .prepare_cached(
                "UPDATE nominations SET evidence_count = (SELECT count(*) FROM evidence WHERE nomination_id = ?1) WHERE id = ?1",
            )?
            .execute([e.nomination_id])?;
        self.audit("evidence", id, "insert", None, Some(&to_json(&e)))?;
        Ok(id)
    }

    /// Change an item that is still as `expected`; a change made since (in
    /// another window) is refused rather than overwritten. The item stays
    /// with its nomination.
    pub fn update_evidence(&self, expected: &Evidence, edited: &Evidence) -> Result<()> {
        let current = read_item(&self.tx, expected.id)?;
        if current != *expected {
            return Err(StoreError::Conflict {
                what: "evidence",
                id: expected.id.to_string(),
            });
        }
        let mut after = normalised(edited)?;
        after.id = current.id;
        after.nomination_id = current.nomination_id;
        if after == current {
            return Ok(());
        }
        self.tx.execute(
            "UPDATE evidence SET kind = ?2, title = ?3, doc_number = ?4, doc_date = ?5, file_path = ?6,
             sha256 = ?7, note = ?8 WHERE id = ?1",
            params![
                after.id,
                after.kind.code(),
                after.title,
                after.doc_number,
                after.doc_date,
                after.file_path,
                after.sha256,
                after.note
            ],
        )?;
        self.audit(
            "evidence",
            after.id,
            "update",
            Some(&to_json(&current)),
            Some(&to_json(&after)),
        )
    }
}

impl Store {
    pub fn add_evidence(&mut self, e: &Evidence) -> Result<i64> {
        self.write(|w| w.insert_evidence(e))
    }

    /// Save an edited evidence item; see [`Tx::update_evidence`].
    pub fn update_evidence(&mut self, expected: &Evidence, edited: &Evidence) -> Result<()> {
        self.write(|w| w.update_evidence(expected, edited))
    }

    /// One evidence item.
    pub fn evidence_item(&self, id: i64) -> Result<Evidence> {
        read_item(self.conn(), id)
    }

    /// The evidence items of a nomination, in the order they were added.
    pub fn evidence(&self, nomination: NominationId) -> Result<Vec<Evidence>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {EVIDENCE_COLS} FROM evidence WHERE nomination_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([nomination], evidence_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
