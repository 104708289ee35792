//! `hoidong check`: is the record whole, and is it what was written?
//!
//! Runs, in order: SQLite's integrity check, the foreign-key check, the audit
//! hash chain, the hashes of signed minutes, the hashes of evidence files, and
//! the comparison of key records with their audit trail (`tamper`). Every
//! problem names the record it concerns. The database is opened read-only and
//! never changed, so the check is safe while hoidong runs elsewhere.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::{Problem, rows, tamper};
use crate::i18n::Lang;
use crate::i18n::safety::Finding;
use crate::store::{Result, SCHEMA_VERSION, Store, audit, damage};

/// What the check found, and figures worth writing down.
#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub audit_entries: i64,
    /// Hash of the newest audit entry: noting it outside the file (in the
    /// minutes, on paper) lets a later check notice a rewritten chain.
    pub chain_head: String,
    /// The newest entry's number and hash (`hoidong anchor` prints it).
    pub head: Option<audit::Head>,
    pub signoffs_checked: usize,
    pub evidence_files_checked: usize,
    /// A damage mark found beside the file that this check, having read
    /// every page whole, removed: what it said.
    pub damage_mark_cleared: Option<String>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Check the database at `path`. Damage found is marked beside the file, so
/// that hoidong refuses to write into it until a backup is restored.
pub fn run(path: &Path) -> Result<Report> {
    run_with(path, None, Lang::En)
}

/// Check the database at `path`; with `anchor`, also prove that the log still
/// holds exactly the history up to the anchor's entry.
pub fn run_with(path: &Path, anchor: Option<&audit::Anchor>, lang: Lang) -> Result<Report> {
    let store = Store::inspect(path)?;
    let conn = store.conn();
    let base = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut report = check_connection(conn, &base, anchor, lang)?;
    drop(store);
    let damage = report
        .problems
        .iter()
        .find(|p| p.table == "database" && p.what.starts_with(DAMAGED));
    if let Some(p) = damage {
        damage::mark(path, p.what.trim_start_matches(DAMAGED));
    } else if report.problems.iter().all(|p| p.table != "database") {
        // Every page read whole: an earlier mark no longer holds.
        let mark = damage::read_mark(path);
        if mark.is_some() && damage::clear_mark(path) {
            report.damage_mark_cleared = mark;
        }
    }
    Ok(report)
}

/// How a finding of physical damage begins.
const DAMAGED: &str = "damaged: ";

/// A failure to read the file, said as what it is: damage, or a full disk,
/// missing permissions, a failing disk (which are not damage).
fn unreadable(e: &rusqlite::Error) -> String {
    use rusqlite::{ErrorCode, ffi};
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
        Some(ErrorCode::DatabaseCorrupt) => format!("{DAMAGED}{e}"),
        Some(ErrorCode::NotADatabase) => format!("{DAMAGED}not a database file ({e})"),
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

/// Check an open connection; relative evidence paths are resolved from `base`.
///
/// Everything is read in one read transaction: one snapshot, so a hoidong
/// writing meanwhile cannot make the log and the tables look out of step.
pub fn check_connection(
    conn: &Connection,
    base: &Path,
    anchor: Option<&audit::Anchor>,
    lang: Lang,
) -> Result<Report> {
    conn.execute_batch("BEGIN DEFERRED")?;
    let report = check_snapshot(conn, base, anchor, lang);
    let _ = conn.execute_batch("COMMIT");
    report
}

fn check_snapshot(
    conn: &Connection,
    base: &Path,
    anchor: Option<&audit::Anchor>,
    lang: Lang,
) -> Result<Report> {
    let mut report = Report::default();
    let version: i64 = match conn.pragma_query_value(None, "user_version", |r| r.get(0)) {
        Ok(v) => v,
        Err(e) => {
            report
                .problems
                .push(Problem::new("database", "file", unreadable(&e)));
            return Ok(report);
        }
    };
    if version > SCHEMA_VERSION {
        report.problems.push(Problem::new(
            "database",
            "schema",
            format!(
                "made by a newer hoidong (schema {version}, this version knows up to {SCHEMA_VERSION}); not checked further"
            ),
        ));
        return Ok(report);
    }
    let damaged = integrity(conn, &mut report.problems)?;
    if damaged {
        // Reading tables of a damaged file gives noise, not findings.
        return Ok(report);
    }
    foreign_keys(conn, &mut report.problems)?;
    if version >= 8 && crate::store::search_index::in_step(conn)? == Some(false) {
        report.problems.push(Problem::new(
            "nomination_search",
            "index",
            crate::i18n::safety::Finding::SearchIndexOutOfStep.say(lang),
        ));
    }
    let breaks = audit::verify_chain(conn)?;
    if let Some(a) = anchor
        && let Some(f) = against_anchor(conn, a, &breaks)?
    {
        report
            .problems
            .push(Problem::new("audit_log", &a.entry.to_string(), f.say(lang)));
    }
    for b in breaks {
        report.problems.push(Problem::new(
            "audit_log",
            &b.entry_id.to_string(),
            format!(
                "{} (entry about {} {})",
                b.reason, b.table_name, b.record_id
            ),
        ));
    }
    let (count, head): (i64, Option<String>) = conn.query_row(
        "SELECT count(*), (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) FROM audit_log",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    report.audit_entries = count;
    report.chain_head = head.unwrap_or_else(|| audit::GENESIS.to_string());
    report.head = Some(audit::head(conn)?);
    report
        .problems
        .extend(rows::worded(rows::verify_head(conn, version)?, lang));
    report.signoffs_checked = signoffs(conn, &mut report.problems)?;
    report.evidence_files_checked = evidence(conn, base, &mut report.problems)?;
    let columns = tamper::verify(conn)?;
    // A record named with its columns by the trail comparison is not named
    // again, less precisely, by its digest.
    let named = |table: &str, record: &str| {
        let prefix = record.strip_suffix('*');
        columns.iter().any(|p| {
            p.table == table
                && match prefix {
                    Some(pre) => p.record.starts_with(pre),
                    None => p.record == record,
                }
        })
    };
    let digests: Vec<Problem> = rows::worded(rows::verify(conn, version)?, lang)
        .into_iter()
        .filter(|p| !named(&p.table, &p.record))
        .collect();
    report.problems.extend(columns);
    report.problems.extend(digests);
    Ok(report)
}

/// Does the log still hold exactly the history up to the anchor's entry?
fn against_anchor(
    conn: &Connection,
    anchor: &audit::Anchor,
    breaks: &[audit::ChainBreak],
) -> Result<Option<Finding>> {
    let shown = format!("{}:{}", anchor.entry, sixteen(&anchor.hash_start));
    if anchor.entry == 0 {
        return Ok(
            (!anchor.matches(audit::GENESIS)).then(|| Finding::AnchorDiffers {
                anchor: shown,
                found: sixteen(audit::GENESIS).to_string(),
            }),
        );
    }
    let Some(found) = audit::entry_hash(conn, anchor.entry)? else {
        return Ok(Some(Finding::AnchorBeyondLog {
            anchor: shown,
            last: audit::head(conn)?.entry,
        }));
    };
    if !anchor.matches(&found) {
        return Ok(Some(Finding::AnchorDiffers {
            anchor: shown,
            found: sixteen(&found).to_string(),
        }));
    }
    Ok(breaks
        .iter()
        .find(|b| b.entry_id <= anchor.entry)
        .map(|b| Finding::AnchorChainBroken {
            anchor: shown,
            first_break: b.entry_id,
        }))
}

/// `PRAGMA integrity_check`; true when the file is damaged.
fn integrity(conn: &Connection, problems: &mut Vec<Problem>) -> Result<bool> {
    // A badly damaged file may fail the check itself rather than list rows.
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        stmt.query_map([], |r| r.get(0))?.collect()
    };
    let lines = match run() {
        Ok(lines) => lines,
        Err(e) => {
            problems.push(Problem::new("database", "file", unreadable(&e)));
            return Ok(true);
        }
    };
    let bad: Vec<String> = lines.into_iter().filter(|l| l != "ok").collect();
    for line in &bad {
        problems.push(Problem::new("database", "file", format!("{DAMAGED}{line}")));
    }
    Ok(!bad.is_empty())
}

fn foreign_keys(conn: &Connection, problems: &mut Vec<Problem>) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (table, rowid, parent) = row?;
        let record = rowid.map_or_else(|| "?".to_string(), |id| format!("rowid {id}"));
        problems.push(Problem::new(
            &table,
            &record,
            format!("refers to a row of {parent} that does not exist"),
        ));
    }
    Ok(())
}

/// Signed minutes: `content_hash` is the lowercase hex SHA-256 of the UTF-8
/// bytes of the `content` column exactly as stored (the JSON of the document
/// as signed). The code that signs minutes off must store it that way.
fn signoffs(conn: &Connection, problems: &mut Vec<Problem>) -> Result<usize> {
    let mut stmt =
        conn.prepare("SELECT id, meeting_id, kind, content_hash, content FROM minutes_signoffs")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut n = 0;
    for row in rows {
        let (id, meeting, kind, stored, content) = row?;
        n += 1;
        let actual = sha256_hex(content.as_bytes());
        if !actual.eq_ignore_ascii_case(stored.trim()) {
            problems.push(Problem::new(
                "minutes_signoffs",
                &id.to_string(),
                format!(
                    "the signed {kind} of meeting {meeting} no longer match their hash (stored {}, content gives {})",
                    short(&stored),
                    short(&actual)
                ),
            ));
        }
    }
    Ok(n)
}

/// Evidence files with a recorded hash: the file must exist and still match.
/// A relative path is taken from the database's folder.
fn evidence(conn: &Connection, base: &Path, problems: &mut Vec<Problem>) -> Result<usize> {
    let mut stmt = conn.prepare(
        "SELECT id, nomination_id, file_path, sha256 FROM evidence
         WHERE file_path IS NOT NULL AND file_path <> '' AND sha256 IS NOT NULL AND sha256 <> ''",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut n = 0;
    for row in rows {
        let (id, nomination, file, stored) = row?;
        n += 1;
        let path = base.join(&file);
        let record = id.to_string();
        match crate::evidence_files::sha256_file(&path) {
            Ok(actual) if actual.eq_ignore_ascii_case(stored.trim()) => {}
            Ok(actual) => problems.push(Problem::new(
                "evidence",
                &record,
                format!(
                    "file {} of nomination {nomination} has changed since it was attached (hash {}, recorded {})",
                    path.display(),
                    short(&actual),
                    short(&stored)
                ),
            )),
            Err(e) => problems.push(Problem::new(
                "evidence",
                &record,
                format!(
                    "file {} of nomination {nomination} cannot be read: {e}",
                    path.display()
                ),
            )),
        }
    }
    Ok(n)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

fn sixteen(hash: &str) -> &str {
    hash.get(..audit::SHORT_DIGITS).unwrap_or(hash)
}

#[cfg(test)]
mod tests {
    use rusqlite::ffi;

    use super::*;

    fn failure(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(ffi::Error::new(code), None)
    }

    #[test]
    fn only_a_malformed_file_is_called_damaged() {
        let damaged = [ffi::SQLITE_CORRUPT, ffi::SQLITE_NOTADB];
        for code in damaged {
            assert!(unreadable(&failure(code)).starts_with(DAMAGED), "{code}");
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
            let text = unreadable(&failure(code));
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
