//! `hoidong check`: is the record whole, and is it what was written?
//!
//! Runs, in order: SQLite's integrity check, the foreign-key check, the audit
//! hash chain, the hashes of signed minutes, the hashes of evidence files, and
//! the comparison of key records with their audit trail (`tamper`). Every
//! problem names the record it concerns. The database is opened read-only and
//! never changed, so the check is safe while hoidong runs elsewhere.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{Problem, rows, tamper};
use crate::i18n::Lang;
use crate::i18n::safety::Finding;
use crate::store::integrity::ReadFailure;
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
    let base = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut report = check_store(&store, &base, anchor, lang)?;
    drop(store);
    let damage = report.problems.iter().find_map(|p| p.damage.as_deref());
    if let Some(detail) = damage {
        damage::mark(path, detail);
    } else if report.problems.iter().all(|p| p.table != "database") {
        // Every page read whole: an earlier mark no longer holds.
        let mark = damage::read_mark(path);
        if mark.is_some() && damage::clear_mark(path) {
            report.damage_mark_cleared = mark;
        }
    }
    Ok(report)
}

/// A failed read said as a problem: damage carries its detail, so the
/// damage mark can be written from it.
fn unreadable(e: &ReadFailure) -> Problem {
    match e.damage() {
        Some(detail) => Problem::damaged(detail),
        None => Problem::new("database", "file", e.unreadable()),
    }
}

/// Check an open store; relative evidence paths are resolved from `base`.
///
/// Everything is read in one read transaction: one snapshot, so a hoidong
/// writing meanwhile cannot make the log and the tables look out of step.
pub fn check_store(
    store: &Store,
    base: &Path,
    anchor: Option<&audit::Anchor>,
    lang: Lang,
) -> Result<Report> {
    store.in_snapshot(|| check_snapshot(store, base, anchor, lang))
}

fn check_snapshot(
    store: &Store,
    base: &Path,
    anchor: Option<&audit::Anchor>,
    lang: Lang,
) -> Result<Report> {
    let mut report = Report::default();
    let version: i64 = match store.stored_schema_version() {
        Ok(v) => v,
        Err(e) => {
            report.problems.push(unreadable(&e));
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
    let damaged = integrity(store, &mut report.problems)?;
    if damaged {
        // Reading tables of a damaged file gives noise, not findings.
        return Ok(report);
    }
    foreign_keys(store, &mut report.problems)?;
    if version >= 8 && store.search_index_in_step()? == Some(false) {
        report.problems.push(Problem::new(
            "nomination_search",
            "index",
            crate::i18n::safety::Finding::SearchIndexOutOfStep.say(lang),
        ));
    }
    let breaks = store.verify_audit_chain()?;
    if let Some(a) = anchor
        && let Some(f) = against_anchor(store, a, &breaks)?
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
    let (count, head) = store.audit_figures()?;
    report.audit_entries = count;
    report.chain_head = head.unwrap_or_else(|| audit::GENESIS.to_string());
    report.head = Some(store.chain_head()?);
    report
        .problems
        .extend(rows::worded(rows::verify_head(store, version)?, lang));
    report.signoffs_checked = signoffs(store, &mut report.problems)?;
    report.evidence_files_checked = evidence(store, base, &mut report.problems)?;
    let columns = tamper::verify(store)?;
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
    let digests: Vec<Problem> = rows::worded(rows::verify(store, version)?, lang)
        .into_iter()
        .filter(|p| !named(&p.table, &p.record))
        .collect();
    report.problems.extend(columns);
    report.problems.extend(digests);
    Ok(report)
}

/// Does the log still hold exactly the history up to the anchor's entry?
fn against_anchor(
    store: &Store,
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
    let Some(found) = store.audit_entry_hash(anchor.entry)? else {
        return Ok(Some(Finding::AnchorBeyondLog {
            anchor: shown,
            last: store.chain_head()?.entry,
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
fn integrity(store: &Store, problems: &mut Vec<Problem>) -> Result<bool> {
    let lines = match store.integrity_lines() {
        Ok(lines) => lines,
        Err(e) => {
            problems.push(unreadable(&e));
            return Ok(true);
        }
    };
    let bad: Vec<String> = lines.into_iter().filter(|l| l != "ok").collect();
    for line in &bad {
        problems.push(Problem::damaged(line.clone()));
    }
    Ok(!bad.is_empty())
}

fn foreign_keys(store: &Store, problems: &mut Vec<Problem>) -> Result<()> {
    for dangling in store.dangling_references()? {
        let (table, rowid, parent) = (dangling.table, dangling.rowid, dangling.parent);
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
fn signoffs(store: &Store, problems: &mut Vec<Problem>) -> Result<usize> {
    let mut n = 0;
    for signed in store.signed_contents()? {
        let (id, meeting, kind, stored, content) = (
            signed.id,
            signed.meeting_id,
            signed.kind,
            signed.content_hash,
            signed.content,
        );
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
fn evidence(store: &Store, base: &Path, problems: &mut Vec<Problem>) -> Result<usize> {
    let mut n = 0;
    for evidence in store.hashed_evidence()? {
        let (id, nomination, file, stored) = (
            evidence.id,
            evidence.nomination_id,
            evidence.file_path,
            evidence.sha256,
        );
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
