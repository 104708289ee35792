//! Damage once found is remembered: a mark beside the database
//! (`NAME.damaged`, never the database, its log or its shared memory, so no
//! lock of SQLite's is touched) makes this and every later process refuse to
//! write into the file until a backup is restored.

use std::path::{Path, PathBuf};

use super::StoreError;

/// `hoidong.db` → `hoidong.db.damaged`.
pub fn mark_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".damaged");
    PathBuf::from(name)
}

/// Mark `db` as damaged with what was found (best effort: on read-only media
/// the mark cannot be written, and nothing can be written there either).
pub fn mark(db: &Path, detail: &str) {
    let when = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
    let _ = std::fs::write(mark_path(db), format!("{when}: {detail}\n"));
}

/// What the mark beside `db` says, if there is one.
pub fn read_mark(db: &Path) -> Option<String> {
    let text = std::fs::read_to_string(mark_path(db)).ok()?;
    let line = text.lines().next().unwrap_or("").trim().to_string();
    Some(if line.is_empty() {
        "damage found earlier".to_string()
    } else {
        line
    })
}

/// Remove the mark (after a restore, or a check that reads every page whole).
/// True when there was one.
pub fn clear_mark(db: &Path) -> bool {
    std::fs::remove_file(mark_path(db)).is_ok()
}

/// The damage an error reports, if it is damage: SQLite found the database
/// malformed, or no longer a database. (A file that never was one is not
/// marked: it is someone else's file.)
pub fn detail_of(e: &StoreError) -> Option<String> {
    use rusqlite::ErrorCode;
    match e {
        StoreError::Corrupt { detail, .. } => Some(detail.to_string()),
        StoreError::Sqlite(inner) => match inner.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
                Some(inner.to_string())
            }
            _ => None,
        },
        _ => None,
    }
}
