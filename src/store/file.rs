//! The database file on disk: the checks made before SQLite opens it, its
//! permissions, online backup, and what SQLite's failures to open it mean.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use super::{Result, StoreError};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Check SQLite's magic string and, when `size_too`, that the file is as long
/// as its header says.
pub(super) fn check_header(path: &Path, size_too: bool) -> Result<()> {
    use std::io::Read;
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut f = std::fs::File::open(path).map_err(io)?;
    let mut head = [0u8; 100];
    let mut read = 0;
    while read < head.len() {
        match f.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(source) => return Err(io(source)),
        }
    }
    // An empty file is a new database; anything else must carry SQLite's header.
    if read == 0 {
        return Ok(());
    }
    if read < SQLITE_MAGIC.len() || &head[..SQLITE_MAGIC.len()] != SQLITE_MAGIC {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    if !size_too {
        return Ok(());
    }
    if read < head.len() {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: "the file ends inside its header (truncated)".into(),
        });
    }
    // A truncated file is found here, from the header alone, so that opening
    // a large database stays instant; `hoidong check` reads every page.
    let expected = header_size(&head);
    let len = f.metadata().map_err(io)?.len();
    let wal = path.with_file_name(format!(
        "{}-wal",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    // With a write-ahead log present, an interrupted checkpoint may have left
    // the header ahead of the file; SQLite repairs that from the log.
    let wal_pending = std::fs::metadata(&wal)
        .map(|m| m.len() > 0)
        .unwrap_or(false);
    if let Some(expected) = expected
        && len < expected
        && !wal_pending
    {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("the file is truncated: {len} of {expected} bytes"),
        });
    }
    Ok(())
}

/// Size the header says the file has, when the header's page count is valid.
fn header_size(head: &[u8; 100]) -> Option<u64> {
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let change_counter = be32(24);
    let pages = u64::from(be32(28));
    // The count is valid only when written by the same change as the counter.
    (pages > 0 && change_counter == be32(92)).then_some(pages * page_size)
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

pub(super) fn is_writable(path: &Path) -> bool {
    std::fs::OpenOptions::new().append(true).open(path).is_ok()
}

pub(super) fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        Some(ErrorCode::CannotOpen) => StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(
                "cannot open the database file (check the folder exists and is writable)",
            ),
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
