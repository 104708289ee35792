//! What `hoidong check`, `backup` and `restore` read to prove a file whole:
//! SQLite's own checks, the audit log's figures, the signed minutes and the
//! evidence hashes as stored, the row proofs, and the watched columns of the
//! records with the audit images they are compared with. The verdicts are
//! drawn in `safety`; only the reading is here.

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};

use super::rowproof::{self, Proven, Shape};
use super::{Result, Store, audit, search_index};

/// How a finding of physical damage begins.
pub const DAMAGED: &str = "damaged: ";

/// A read of the file that failed: what SQLite said, to be told as damage or
/// as what else it is (a full disk, missing permissions, a failing disk).
#[derive(Debug)]
pub struct ReadFailure(rusqlite::Error);

impl std::fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl ReadFailure {
    /// What is damaged, when the failure is damage (a malformed file) and
    /// not a full disk, a lock or missing permissions.
    pub fn damage(&self) -> Option<String> {
        use rusqlite::ErrorCode;
        let e = &self.0;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) => Some(e.to_string()),
            Some(ErrorCode::NotADatabase) => Some(format!("not a database file ({e})")),
            _ => None,
        }
    }

    /// The failure said as what it is: damage (beginning with [`DAMAGED`]),
    /// or a full disk, missing permissions, a failing disk (which are not damage).
    pub fn unreadable(&self) -> String {
        use rusqlite::{ErrorCode, ffi};
        if let Some(detail) = self.damage() {
            return format!("{DAMAGED}{detail}");
        }
        let e = &self.0;
        let extended = match e {
            rusqlite::Error::SqliteFailure(f, _) => f.extended_code,
            _ => 0,
        };
        // The log's shared memory could not be given room beside the file.
        if extended == ffi::SQLITE_IOERR_SHMSIZE || extended == ffi::SQLITE_IOERR_SHMOPEN {
            return format!(
                "cannot be checked: no room to make the log's shared-memory file beside it ({e}); the disk is probably full; this is not damage: free some space and check again"
            );
        }
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => format!(
                "cannot be checked: the disk is full ({e}); this is not damage: free some space and check again"
            ),
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
                format!(
                    "cannot be checked: no permission to open the file or to make its log beside it ({e}); this is not damage: check the permissions of the file and its folder"
                )
            }
            Some(ErrorCode::SystemIoFailure) => format!(
                "cannot be checked: the disk reported an input/output error ({e}); the disk may be full, removed or failing; this is not known to be damage"
            ),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => format!(
                "cannot be checked: the database stayed locked by another program ({e}); check again in a moment"
            ),
            _ => format!("cannot be checked: {e}"),
        }
    }
}

/// A row that refers to a row of another table that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DanglingReference {
    pub table: String,
    pub rowid: Option<i64>,
    pub parent: String,
}

/// Signed minutes as stored: the content and the hash recorded for it.
#[derive(Debug, Clone)]
pub struct SignedContent {
    pub id: i64,
    pub meeting_id: i64,
    pub kind: String,
    pub content_hash: String,
    pub content: String,
}

/// An evidence file with a recorded hash.
#[derive(Debug, Clone)]
pub struct HashedEvidence {
    pub id: i64,
    pub nomination_id: i64,
    pub file_path: String,
    pub sha256: String,
}

/// One value of a row, as SQLite holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<Value> for Cell {
    fn from(v: Value) -> Cell {
        match v {
            Value::Null => Cell::Null,
            Value::Integer(i) => Cell::Integer(i),
            Value::Real(r) => Cell::Real(r),
            Value::Text(s) => Cell::Text(s),
            Value::Blob(b) => Cell::Blob(b),
        }
    }
}

/// One audit entry with the image it recorded after the change.
#[derive(Debug, Clone)]
pub struct AuditImage {
    pub id: i64,
    pub table_name: String,
    pub record_id: String,
    pub action: String,
    pub after: Option<String>,
}

/// A fresh copy read back: SQLite's quick check and the audit entries it holds.
#[derive(Debug, Clone)]
pub struct CopyReadBack {
    pub quick_check: String,
    pub audit_entries: i64,
}

impl Store {
    /// Run `read` in one read transaction: one snapshot, so a program
    /// writing meanwhile cannot make the log and the tables look out of step.
    pub fn in_snapshot<T>(&self, read: impl FnOnce() -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let out = read();
        let _ = self.conn.execute_batch("COMMIT");
        out
    }

    /// The schema version the file says it has (its first read).
    pub fn stored_schema_version(&self) -> std::result::Result<i64, ReadFailure> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(ReadFailure)
    }

    /// Whether the file has an audit log at all (every hoidong database has).
    pub fn has_audit_log(&self) -> std::result::Result<bool, ReadFailure> {
        self.conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(ReadFailure)
    }

    /// `PRAGMA integrity_check`: its lines ("ok" when whole). A badly damaged
    /// file may fail the check itself rather than list rows.
    pub fn integrity_lines(&self) -> std::result::Result<Vec<String>, ReadFailure> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
            stmt.query_map([], |r| r.get(0))?.collect()
        };
        run().map_err(ReadFailure)
    }

    /// `PRAGMA foreign_key_check`: every row that refers to a missing row.
    pub fn dangling_references(&self) -> Result<Vec<DanglingReference>> {
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok(DanglingReference {
                table: r.get(0)?,
                rowid: r.get(1)?,
                parent: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether the search index is in step with the nominations (see
    /// [`search_index::in_step`]).
    pub fn search_index_in_step(&self) -> Result<Option<bool>> {
        search_index::in_step(&self.conn)
    }

    /// Every break of the audit log's hash chain.
    pub fn verify_audit_chain(&self) -> Result<Vec<audit::ChainBreak>> {
        audit::verify_chain(&self.conn)
    }

    /// The number of audit entries and the hash of the newest, if any.
    pub fn audit_figures(&self) -> Result<(i64, Option<String>)> {
        Ok(self.conn.query_row(
            "SELECT count(*), (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) FROM audit_log",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// The head kept beside the log, if one is.
    pub fn recorded_audit_head(&self) -> Result<Option<audit::Head>> {
        audit::recorded_head(&self.conn)
    }

    /// The hash of audit entry `id`, if the log holds it.
    pub fn audit_entry_hash(&self, id: i64) -> Result<Option<String>> {
        audit::entry_hash(&self.conn, id)
    }

    /// Every signed document of the minutes, as stored.
    pub fn signed_contents(&self) -> Result<Vec<SignedContent>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, meeting_id, kind, content_hash, content FROM minutes_signoffs")?;
        let rows = stmt.query_map([], |r| {
            Ok(SignedContent {
                id: r.get(0)?,
                meeting_id: r.get(1)?,
                kind: r.get(2)?,
                content_hash: r.get(3)?,
                content: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Evidence with both a file and a recorded hash.
    pub fn hashed_evidence(&self) -> Result<Vec<HashedEvidence>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, nomination_id, file_path, sha256 FROM evidence
             WHERE file_path IS NOT NULL AND file_path <> '' AND sha256 IS NOT NULL AND sha256 <> ''",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(HashedEvidence {
                id: r.get(0)?,
                nomination_id: r.get(1)?,
                file_path: r.get(2)?,
                sha256: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The digest the audit log last holds for every row (see [`rowproof::replay`]).
    pub fn proven_rows(&self) -> Result<Proven> {
        rowproof::replay(&self.conn)
    }

    /// The tables whose rows carry proofs.
    pub fn proof_tables(&self) -> Result<Vec<Shape>> {
        rowproof::record_tables(&self.conn)
    }

    /// Every record of `shape` with the digest of its rows now.
    pub fn scan_proofs(&self, shape: &Shape, each: impl FnMut(&str, String)) -> Result<()> {
        rowproof::scan(&self.conn, shape, each)
    }

    /// Every row of `table`, its `columns` in order. The names come from the
    /// caller's fixed list of watched tables, never from a user.
    pub fn each_row_of(
        &self,
        table: &str,
        columns: &[&str],
        mut each: impl FnMut(&[Cell]) -> Result<()>,
    ) -> Result<()> {
        let sql = format!("SELECT {} FROM {}", columns.join(", "), table);
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut cells = Vec::with_capacity(columns.len());
        while let Some(row) = rows.next()? {
            cells.clear();
            for i in 0..columns.len() {
                cells.push(Cell::from(row.get::<_, Value>(i)?));
            }
            each(&cells)?;
        }
        Ok(())
    }

    /// The audit entries about `table` or `also_table`, oldest first, without
    /// the row-proof entries.
    pub fn each_audit_image(
        &self,
        table: &str,
        also_table: &str,
        mut each: impl FnMut(AuditImage),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT id, table_name, record_id, action, after FROM audit_log
             WHERE (table_name = ?1 OR table_name = ?2) AND action NOT IN (?3, ?4) ORDER BY id",
        )?;
        let mut rows = stmt.query([table, also_table, rowproof::ROWS, rowproof::BASELINE])?;
        while let Some(row) = rows.next()? {
            each(AuditImage {
                id: row.get(0)?,
                table_name: row.get(1)?,
                record_id: row.get(2)?,
                action: row.get(3)?,
                after: row.get(4)?,
            });
        }
        Ok(())
    }
}

/// Open the new copy `target` read-only and read it back: a backup that
/// cannot be opened is no backup.
pub fn read_back_copy(target: &Path) -> Result<CopyReadBack> {
    let copy = Connection::open_with_flags(target, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let quick_check: String = copy.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    let audit_entries = copy
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap_or(0);
    Ok(CopyReadBack {
        quick_check,
        audit_entries,
    })
}

/// Check that no other connection has the database open, and fold its log
/// into the main file so that the file set aside is complete. `Busy` when
/// another connection holds it.
pub fn take_alone(db: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    // Exclusive locking mode takes the file for this connection alone; in WAL
    // mode that fails at once while any other connection is open.
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::ffi;

    use super::*;

    fn failure(code: i32) -> ReadFailure {
        ReadFailure(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None))
    }

    #[test]
    fn only_a_malformed_file_is_called_damaged() {
        let damaged = [ffi::SQLITE_CORRUPT, ffi::SQLITE_NOTADB];
        for code in damaged {
            assert!(failure(code).unreadable().starts_with(DAMAGED), "{code}");
        }
        let cases = [
            (ffi::SQLITE_FULL, "the disk is full"),
            (ffi::SQLITE_CANTOPEN, "no permission"),
            (ffi::SQLITE_PERM, "no permission"),
            (ffi::SQLITE_READONLY, "no permission"),
            (ffi::SQLITE_IOERR, "input/output error"),
            (ffi::SQLITE_BUSY, "locked by another program"),
            (ffi::SQLITE_IOERR_SHMSIZE, "the disk is probably full"),
        ];
        for (code, says) in cases {
            let text = failure(code).unreadable();
            assert!(!text.starts_with(DAMAGED), "{code}: {text}");
            assert!(text.contains(says), "{code}: {text}");
            assert!(
                text.contains("not damage")
                    || code == ffi::SQLITE_BUSY
                    || code == ffi::SQLITE_IOERR
            );
        }
    }
}
