//! The database file on disk: the checks made before SQLite opens it, its
//! permissions, online backup, and what SQLite's failures to open it mean.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use super::{Result, StoreError};

/// What is at a database path, found with `stat` alone: a plain handle on
/// the database, its log or its shared memory, closed while a connection of
/// this process is open, would drop every lock SQLite holds on that file, and
/// the next program to close the file would delete the log under our feet.
/// SQLite itself reads the header (not a database, truncated) when opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Missing,
    /// A file of zero bytes: not a database (yet).
    Empty,
    Database,
}

/// Look at `path` without opening it; anything but a regular file (a
/// folder, a named pipe, a device) is refused before SQLite would block on it.
pub fn probe(path: &Path) -> Result<Found> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Found::Missing),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
        Ok(m) if !m.is_file() => Err(StoreError::NotAFile {
            path: path.to_path_buf(),
        }),
        Ok(m) if m.len() == 0 => Ok(Found::Empty),
        Ok(_) => Ok(Found::Database),
    }
}

/// Copy the database behind `src` into the new file `target` with SQLite's
/// online backup, in one step: one read transaction, so the copy is a single
/// consistent snapshot even while another program writes (WAL readers do not
/// block writers, and a one-step copy cannot be restarted by their commits).
pub fn backup_connection(src: &Connection, target: &Path) -> Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    create_private(target)?;
    let copy = || -> Result<()> {
        let mut dst = Connection::open(target).map_err(|e| classify(target, e))?;
        let backup = Backup::new(src, &mut dst)?;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => continue,
                _ if std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                _ => return Err(StoreError::Busy),
            }
        }
        drop(backup);
        // A backup is one self-contained file: no write-ahead log beside it.
        dst.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    };
    copy().inspect_err(|_| {
        // A half-written copy must not pass for a backup.
        let _ = std::fs::remove_file(target);
    })
}

/// Create `path` as a new, empty, owner-only file; refuse if it exists.
pub fn create_private(path: &Path) -> Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map(drop).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // The umask cannot widen 0600, but an inherited ACL or odd umask could narrow
    // it oddly; set it exactly.
    restrict_permissions(path);
    Ok(())
}

/// `file:` URI of `path` opened with `immutable=1`; the characters a URI
/// gives a meaning to, and every byte outside printable ASCII (a Vietnamese
/// folder name), are percent-encoded.
pub(super) fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'%' | b'?' | b'#' | b' ' | 0..=0x1F | 0x7F.. => uri.push_str(&format!("%{b:02X}")),
            _ => uri.push(char::from(*b)),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// What SQLite's failure to open or read the file means for the user: a
/// full disk or a folder without write permission is not damage.
pub(super) fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: super::stored_code::Corruption::Malformed(e.to_string()),
        },
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => StoreError::CannotOpen {
            path: path.to_path_buf(),
        },
        _ => StoreError::from(e),
    }
}

/// Databases, backups and exports are readable by their owner only.
pub fn restrict_permissions(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use rusqlite::OpenFlags;

    use super::*;
    use crate::store::Store;

    #[test]
    fn immutable_uri_encodes_what_a_uri_would_read_otherwise() {
        assert_eq!(
            immutable_uri(Path::new("/mnt/lưu trữ/a?b#c%.db")),
            "file:/mnt/l%C6%B0u%20tr%E1%BB%AF/a%3Fb%23c%25.db?immutable=1"
        );
    }

    #[test]
    fn a_database_read_through_its_immutable_uri_has_its_data() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("hồ sơ lưu trữ.db");
        {
            let mut store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
            store
                .set_setting("archive.note", "bản lưu")
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let conn = Connection::open_with_flags(
            immutable_uri(&path),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let value: String = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'archive.note'",
                [],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(value, "bản lưu");
    }
}
