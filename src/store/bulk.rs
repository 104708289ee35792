//! Rows written in bulk, as one user action: an imported list, a synthetic
//! database. Each row is checked as the one-row writes check it, but gets no
//! audit entry of its own; the action records one entry naming what it wrote
//! (how many rows of each table, the id range, and a hash over the rows as
//! written), and every row is proven by the row digests the transaction
//! appends before it commits (`rowproof`), so `check` still names a row
//! changed, added or removed outside hoidong.

use std::collections::HashMap;

use rusqlite::params;
use sha2::{Digest, Sha256};

use super::{Result, Store, Tx};
use crate::domain::nomination::{Evidence, NewNomination, NominationId};
use crate::domain::nominee::{NewNominee, NomineeId};
use crate::domain::scoring::Score;

/// Page cache of a bulk write, in KiB.
const BULK_CACHE_KIB: usize = 128 * 1024;

/// What one bulk action wrote: per table, how many rows and the id range,
/// and a running hash over every row in the order it was written.
#[derive(Debug, Default)]
pub struct Batch {
    tables: Vec<(&'static str, Written)>,
    hash: Sha256,
}

#[derive(Debug, Clone, Copy, Default)]
struct Written {
    rows: usize,
    first: Option<i64>,
    last: Option<i64>,
}

impl Batch {
    /// Note one row: its table, its id (for tables with one) and its fields
    /// as written, each length-prefixed so no two rows feed the same bytes.
    fn note(&mut self, table: &'static str, id: Option<i64>, fields: &[&str]) {
        let at = match self.tables.iter().position(|(t, _)| *t == table) {
            Some(at) => at,
            None => {
                self.tables.push((table, Written::default()));
                self.tables.len() - 1
            }
        };
        let w = &mut self.tables[at].1;
        w.rows += 1;
        if let Some(id) = id {
            w.first = Some(w.first.map_or(id, |f| f.min(id)));
            w.last = Some(w.last.map_or(id, |l| l.max(id)));
        }
        let id = id.map(|i| i.to_string()).unwrap_or_default();
        for part in std::iter::once(table)
            .chain(std::iter::once(id.as_str()))
            .chain(fields.iter().copied())
        {
            self.hash.update((part.len() as u64).to_be_bytes());
            self.hash.update(part.as_bytes());
        }
        self.hash.update([0xFF]);
    }

    /// How many rows of `table` were written.
    pub fn rows(&self, table: &str) -> usize {
        self.tables
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(0, |(_, w)| w.rows)
    }

    /// The entry's description of the batch: per table its row count and id
    /// range, and the hash of every row written.
    pub fn summary(&self) -> serde_json::Value {
        let tables: serde_json::Map<String, serde_json::Value> = self
            .tables
            .iter()
            .map(|(t, w)| {
                let mut v = serde_json::json!({ "rows": w.rows });
                if let (Some(first), Some(last)) = (w.first, w.last) {
                    v["ids"] = serde_json::json!([first, last]);
                }
                ((*t).to_string(), v)
            })
            .collect();
        serde_json::json!({
            "tables": tables,
            "rows_sha256": hex::encode(self.hash.clone().finalize()),
        })
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

impl Tx<'_> {
    /// A nominee, checked as `insert_nominee` checks it.
    pub fn bulk_nominee(&self, batch: &mut Batch, n: &NewNominee) -> Result<NomineeId> {
        let n = n.cleaned()?;
        let id = self.insert_nominee_unaudited(&n)?;
        batch.note("nominees", Some(id), &[&json(&n)]);
        Ok(id)
    }

    /// A nomination, checked as `insert_nomination` checks it.
    pub fn bulk_nomination(&self, batch: &mut Batch, n: &NewNomination) -> Result<NominationId> {
        let n = n.cleaned()?;
        let id = self.insert_nomination_unaudited(&n)?;
        batch.note("nominations", Some(id), &[&json(&n)]);
        Ok(id)
    }

    /// A member's score, checked against its criterion's maximum.
    pub fn bulk_score(&self, batch: &mut Batch, nomination: NominationId, s: &Score) -> Result<()> {
        self.put_score_unaudited(nomination, s)?;
        batch.note(
            "scores",
            None,
            &[
                &nomination.to_string(),
                &s.member_id.to_string(),
                &s.criterion_code,
                &s.tenths.to_string(),
            ],
        );
        Ok(())
    }

    /// A member's recusal from a nomination, with its reason.
    pub fn bulk_recusal(
        &self,
        batch: &mut Batch,
        nomination: NominationId,
        member: i64,
        reason: &str,
    ) -> Result<()> {
        let reason = crate::domain::text::nfc(reason);
        self.tx
            .prepare_cached(
                "INSERT INTO recusals (nomination_id, member_id, reason) VALUES (?1, ?2, ?3)
                 ON CONFLICT (nomination_id, member_id) DO UPDATE SET reason = excluded.reason",
            )?
            .execute(params![nomination, member, reason])?;
        batch.note(
            "recusals",
            None,
            &[&nomination.to_string(), &member.to_string(), &reason],
        );
        Ok(())
    }

    /// An evidence item without a file (synthetic data), and the count its
    /// nomination keeps.
    pub fn bulk_evidence(&self, batch: &mut Batch, e: &Evidence) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO evidence (nomination_id, kind, title, doc_number, doc_date, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, '', ?6)",
            )?
            .execute(params![
                e.nomination_id,
                e.kind.code(),
                e.title,
                e.doc_number,
                e.doc_date,
                self.now
            ])?;
        let id = self.tx.last_insert_rowid();
        self.tx
            .prepare_cached(
                "UPDATE nominations SET evidence_count = evidence_count + 1 WHERE id = ?1",
            )?
            .execute([e.nomination_id])?;
        batch.note(
            "evidence",
            Some(id),
            &[
                &e.nomination_id.to_string(),
                e.kind.code(),
                &e.title,
                &e.doc_number,
                e.doc_date.as_deref().unwrap_or(""),
            ],
        );
        Ok(id)
    }

    /// The one entry of a bulk action: `details` (what the user chose: the
    /// file, options, seed) with the batch's counts, id ranges and hash.
    pub fn audit_batch(
        &self,
        table: &str,
        record_id: impl ToString,
        action: &str,
        batch: &Batch,
        details: serde_json::Value,
    ) -> Result<()> {
        let mut after = batch.summary();
        if let (Some(out), serde_json::Value::Object(extra)) = (after.as_object_mut(), details) {
            out.extend(extra);
        }
        self.audit(table, record_id, action, None, Some(&after))
    }
}

/// A saved nominee as an import matches it: id, kind, name, year of birth,
/// sex and unit as stored.
pub type NomineeIdentity = (
    NomineeId,
    String,
    String,
    Option<i32>,
    Option<String>,
    String,
);

/// (folded nominee name, round, award) of a saved nomination.
pub type NominationKey = (String, String, String);

impl Store {
    /// Every saved nominee, newest first, as an import matches them.
    pub fn nominee_identities(&self) -> Result<Vec<NomineeIdentity>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, kind, name, birth_year, sex, unit FROM nominees ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The first saved nomination (withdrawn ones aside) of each nominee
    /// name, round and award: what an imported row may duplicate.
    pub fn nomination_keys(&self) -> Result<HashMap<NominationKey, NominationId>> {
        let mut stmt = self.conn().prepare(
            "SELECT e.name_fold, n.round, n.award_code, min(n.id) FROM nominations n
             JOIN nominees e ON e.id = n.nominee_id
             WHERE n.status <> 'withdrawn' GROUP BY 1, 2, 3",
        )?;
        let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }
}

impl Store {
    /// Give a long bulk write a larger page cache (SQLite's default is 2 MB):
    /// the pages of the tables and indexes it keeps touching stay in memory
    /// instead of being read back from the file for every row.
    pub fn widen_cache_for_bulk(&self) -> Result<()> {
        self.conn()
            .pragma_update(None, "cache_size", -(BULK_CACHE_KIB as i64))?;
        Ok(())
    }

    /// Fold the write-ahead log into the database file and empty it: between
    /// the batches of a long bulk write, so the log stays the size of one
    /// batch instead of the whole write.
    pub fn checkpoint_log(&self) -> Result<()> {
        if self.path().is_some() && !self.is_read_only() {
            self.conn()
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        }
        Ok(())
    }
}
