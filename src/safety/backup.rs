//! `hoidong backup FILE` and `hoidong restore FILE`.
//!
//! A backup is SQLite's online backup of the database into a new owner-only
//! file, safe while hoidong runs elsewhere. A restore checks the file first,
//! keeps the current database aside under a timestamped name, and only then
//! puts a fresh copy of the file in its place: nothing is ever overwritten.

use std::path::{Path, PathBuf};

use super::Problem;
use super::check::{self, Report};
use crate::store::{self, SCHEMA_VERSION, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum SafetyError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{}: already exists; a backup never overwrites a file, choose a new name", .0.display())]
    TargetExists(PathBuf),
    #[error("{}: cannot be restored: {reason}; the current database was not touched", path.display())]
    Unusable { path: PathBuf, reason: String },
    #[error(
        "{}: {} problem(s) found (listed above); the current database was not touched. Restore it anyway with --force",
        path.display(),
        problems.len()
    )]
    Suspicious {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    #[error(
        "{}: the database is open in {}; close that program, then restore again. The current database was not touched",
        path.display(),
        holders_or_unknown(holders)
    )]
    InUse { path: PathBuf, holders: Vec<String> },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn holders_or_unknown(holders: &[String]) -> String {
    if holders.is_empty() {
        "another program (hoidong or sqlite3?)".to_string()
    } else {
        holders.join(", ")
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SafetyError + '_ {
    move |source| SafetyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a backup wrote.
#[derive(Debug)]
pub struct BackupSummary {
    pub bytes: u64,
    pub audit_entries: i64,
}

/// Copy the database at `db` to the new file `target`.
pub fn backup(db: &Path, target: &Path) -> Result<BackupSummary, SafetyError> {
    if target.exists() {
        return Err(SafetyError::TargetExists(target.to_path_buf()));
    }
    let source = Store::inspect(db)?;
    source.backup_to(target)?;
    // Read the copy back: a backup that cannot be opened is no backup.
    let read_back = store::integrity::read_back_copy(target)?;
    let ok = read_back.quick_check;
    if ok != "ok" {
        return Err(SafetyError::Unusable {
            path: target.to_path_buf(),
            reason: format!("the copy does not read back ({ok})"),
        });
    }
    let audit_entries = read_back.audit_entries;
    let bytes = std::fs::metadata(target).map_err(io(target))?.len();
    Ok(BackupSummary {
        bytes,
        audit_entries,
    })
}

/// What a restore did.
#[derive(Debug)]
pub struct RestoreSummary {
    /// Where the database that was replaced now is, if there was one.
    pub kept_aside: Option<PathBuf>,
    /// Findings accepted with `force`.
    pub accepted: Vec<Problem>,
    pub report: Report,
}

/// Replace the database at `db` with a copy of `file`, after checking `file`.
pub fn restore(db: &Path, file: &Path, force: bool) -> Result<RestoreSummary, SafetyError> {
    let unusable = |reason: String| SafetyError::Unusable {
        path: file.to_path_buf(),
        reason,
    };
    // Nothing is done while another program has the database open: it
    // would go on writing into the file set aside.
    if store::probe(db)? != store::Found::Missing {
        refuse_if_in_use(db)?;
    }
    let candidate = match Store::inspect(file) {
        Ok(s) => s,
        Err(StoreError::Io { source, .. }) => return Err(unusable(source.to_string())),
        Err(StoreError::NotSqlite { .. }) => return Err(unusable("not an SQLite file".into())),
        Err(e) => return Err(unusable(e.to_string())),
    };
    let version: i64 = candidate
        .stored_schema_version()
        .map_err(|e| unusable(format!("it is damaged ({e})")))?;
    if version > SCHEMA_VERSION {
        return Err(unusable(format!(
            "it was made by a newer hoidong (schema {version}, this version knows up to {SCHEMA_VERSION})"
        )));
    }
    let has_log: bool = candidate
        .has_audit_log()
        .map_err(|e| unusable(format!("it is damaged ({e})")))?;
    if version < 1 || !has_log {
        return Err(unusable("it is not a hoidong database".into()));
    }
    let base = db.parent().unwrap_or(Path::new(".")).to_path_buf();
    let report = check::check_store(&candidate, &base, None, crate::i18n::Lang::En)
        .map_err(|e| unusable(format!("the check could not read it ({e})")))?;
    if let Some(p) = report.problems.iter().find(|p| p.table == "database") {
        return Err(unusable(format!("it is damaged ({})", p.what)));
    }
    if !report.is_clean() && !force {
        return Err(SafetyError::Suspicious {
            path: file.to_path_buf(),
            problems: report.problems.clone(),
        });
    }
    // A fresh, owner-only, self-contained copy next to the database, so the
    // final step is a rename within one folder.
    let staging = sibling(db, &format!("restoring-{}", std::process::id()));
    candidate.backup_to(&staging)?;
    drop(candidate);
    let placed = (|| {
        let kept_aside = if db.exists() {
            Some(set_aside(db)?)
        } else {
            None
        };
        std::fs::rename(&staging, db).map_err(io(db))?;
        sync_dir(db);
        Ok::<_, SafetyError>(kept_aside)
    })();
    let kept_aside = placed.inspect_err(|_| {
        let _ = std::fs::remove_file(&staging);
    })?;
    // What was found damaged has been replaced.
    store::damage::clear_mark(db);
    // Opening it runs the usual checks and migrates an older schema (after
    // its own pre-migration backup).
    Store::open(db)?;
    Ok(RestoreSummary {
        kept_aside,
        accepted: report.problems.clone(),
        report,
    })
}

/// Refuse when another program has the database open: seen as a process
/// holding the file (where the system tells), or as a lock SQLite cannot take.
fn refuse_if_in_use(db: &Path) -> Result<(), SafetyError> {
    let holders = super::holders::processes_holding(db);
    // A damaged or foreign current file is exactly what a restore is for: any
    // other failure of the probe still lets it be set aside as it is.
    let locked = matches!(store::integrity::take_alone(db), Err(StoreError::Busy));
    if !holders.is_empty() || locked {
        return Err(SafetyError::InUse {
            path: db.to_path_buf(),
            holders,
        });
    }
    Ok(())
}

/// Move the database (and its write-ahead log, if any) to a timestamped name.
/// Refuses when another connection has it open: moving a file someone is
/// writing to would send their next changes into the copy set aside.
fn set_aside(db: &Path) -> Result<PathBuf, SafetyError> {
    refuse_if_in_use(db)?;
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let mut aside = sibling_name(db, &format!("before-restore-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = sibling_name(db, &format!("before-restore-{stamp}-{n}"));
    }
    std::fs::rename(db, &aside).map_err(io(db))?;
    // A log left behind belongs to the file set aside, never to the restored one.
    let wal = with_suffix(db, "-wal");
    if wal.exists() {
        std::fs::rename(&wal, with_suffix(&aside, "-wal")).map_err(io(&wal))?;
    }
    let shm = with_suffix(db, "-shm");
    if shm.exists() {
        std::fs::remove_file(&shm).map_err(io(&shm))?;
    }
    Ok(aside)
}

/// `hoidong.db` → `hoidong.db.<tag>` (visible, next to the database).
fn sibling_name(db: &Path, tag: &str) -> PathBuf {
    with_suffix(db, &format!(".{tag}"))
}

/// A hidden working file next to the database.
fn sibling(db: &Path, tag: &str) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "hoidong.db".into());
    db.with_file_name(format!(".{name}.{tag}"))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Make the rename durable (best effort: not every platform can sync a folder).
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(d) = std::fs::File::open(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
    {
        let _ = d.sync_all();
    }
}
