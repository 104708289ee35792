//! SQLite storage. Opens, checks and migrates the database; one module per
//! aggregate; every method returns domain types. Every change runs in one
//! transaction together with its audit entry.

pub mod agenda;
pub mod audit;
pub mod audit_views;
pub mod awards;
pub mod council;
pub mod evidence;
pub mod holds;
pub mod lookups;
pub mod meeting_edit;
pub mod meetings;
pub mod migrations;
pub mod nominations;
pub mod notes;
pub mod record;
pub mod reference;
pub mod referrals;
pub mod refusal;
pub mod rounds;
pub mod scores;
pub mod signoff;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction};

pub use migrations::SCHEMA_VERSION;

/// Errors of the storage layer, each with what the user needs to act on it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a hoidong database (not an SQLite file)")]
    NotSqlite { path: PathBuf },
    #[error(
        "{path}: an SQLite file of another program, not a hoidong database; the file was left untouched"
    )]
    NotHoidong { path: PathBuf },
    #[error("{path}: the database is damaged ({detail})")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path}: made by a newer hoidong (schema {found}, this version knows up to {supported}); the file was left untouched"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("the database is open read-only: changes cannot be saved")]
    ReadOnly,
    #[error("the database is busy (locked by another program); try again in a moment")]
    Busy,
    #[error(
        "the disk is full: the change was not saved (what was saved before is intact); free some space and try again"
    )]
    DiskFull,
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },
    #[error(
        "{what} {id} was changed by someone else since you opened it; reload and make your change again"
    )]
    Conflict { what: &'static str, id: String },
    #[error("{0}")]
    Invalid(String),
    /// A meeting's state or vote counts refused the change (typed, so each language can say it).
    #[error(transparent)]
    Meeting(#[from] refusal::MeetingRefusal),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("schema migration failed: {0}")]
    Migration(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Where timestamps come from; tests fix it so that output is reproducible.
#[derive(Clone)]
pub enum Clock {
    System,
    Fixed(String),
}

impl Clock {
    pub fn now(&self) -> String {
        match self {
            Clock::System => chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            Clock::Fixed(s) => s.clone(),
        }
    }
}

/// An open database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
    actor: String,
    clock: Clock,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Open (or create) the database at `path`, checking it first and
    /// migrating an older schema in place after a backup copy.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, false)
    }

    /// Open an existing database for reading only (an archive, another office's copy).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        Self::open_with(path, true)
    }

    fn open_with(path: &Path, read_only: bool) -> Result<Store> {
        let existed = path.exists();
        if existed {
            check_header(path, true)?;
        } else {
            // Created here, owner-only from the first byte, rather than by
            // SQLite with the umask's permissions and narrowed afterwards.
            create_private(path)?;
        }
        let writable = !read_only && is_writable(path);
        let flags = if writable {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            read_only: !writable,
            actor: default_actor(),
            clock: Clock::System,
        };
        match store.prepare(path) {
            // A database in WAL mode on read-only media (a CD, a read-only
            // share): SQLite cannot create the shared-memory file beside it.
            // Nobody can write there either, so it is read as immutable.
            Err(StoreError::Io { .. }) if !writable && existed => {
                store.conn = Connection::open_with_flags(
                    immutable_uri(path),
                    OpenFlags::SQLITE_OPEN_READ_ONLY
                        | OpenFlags::SQLITE_OPEN_URI
                        | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .map_err(|e| classify(path, e))?;
                store.prepare(path)?;
            }
            other => other?,
        }
        Ok(store)
    }

    /// Open an existing database read-only, without checking, migrating or
    /// seeding it: for `hoidong check` and `hoidong backup`, which must see the
    /// file exactly as it is (a damaged file still opens, to be reported).
    pub fn inspect(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        // Only the magic: a damaged file still opens here, to be reported in detail.
        check_header(path, false)?;
        // Read-write but query-only when the file allows it: a read-only
        // connection that is the last to close leaves empty -wal and -shm
        // files behind, a read-write one removes them. No query can write.
        let writable = is_writable(path);
        let flags = if writable {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        conn.busy_timeout(Duration::from_secs(3))?;
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            read_only: true,
            actor: default_actor(),
            clock: Clock::System,
        })
    }

    /// A fresh database in memory, with the reference data (tests, demos).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: None,
            read_only: false,
            actor: default_actor(),
            clock: Clock::System,
        };
        store.prepare(Path::new(":memory:"))?;
        Ok(store)
    }

    fn prepare(&mut self, path: &Path) -> Result<()> {
        self.conn.busy_timeout(Duration::from_secs(3))?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| classify(path, e))?;
        // Reading the schema touches the first pages: a damaged file fails here.
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| classify(path, e))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        // Reading the schema touches the first pages; damage anywhere else is
        // reported by `hoidong check`, which reads every page.
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| classify(path, e))?;
        // Version 0 with tables in it is some other program's database:
        // migrating would write hoidong's tables into it.
        if version == 0 && tables > 0 {
            return Err(StoreError::NotHoidong {
                path: path.to_path_buf(),
            });
        }
        if self.read_only {
            if version < SCHEMA_VERSION {
                return Err(StoreError::Invalid(format!(
                    "{}: the database needs an upgrade (schema {version} to {SCHEMA_VERSION}) but the file is read-only",
                    path.display()
                )));
            }
            return Ok(());
        }
        if self.path.is_some() {
            self.conn
                .pragma_update(None, "journal_mode", "WAL")
                .map_err(|e| classify(path, e))?;
        }
        // FULL: a change acknowledged on screen survives a power cut.
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        if version > 0 && version < SCHEMA_VERSION {
            self.backup_before_migration(path, version)?;
        }
        migrations::migrate(&mut self.conn)?;
        reference::seed_if_empty(self)?;
        Ok(())
    }

    fn backup_before_migration(&self, path: &Path, version: i64) -> Result<()> {
        // Never overwrite the copy of an earlier attempt: it may be the only
        // one left of that schema.
        let mut target = path.with_extension(format!("schema{version}.bak"));
        let mut n = 1;
        while target.exists() {
            n += 1;
            target = path.with_extension(format!("schema{version}.{n}.bak"));
        }
        self.backup_to(&target)
    }

    /// A consistent copy of the whole database, safe while others write.
    /// Refuses to overwrite `target`; the copy is owner-only from the start.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        backup_connection(&self.conn, target)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_string();
    }

    pub fn now(&self) -> String {
        self.clock.now()
    }

    /// Read-only access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Run `f` in one immediate transaction with an audit writer; commit on Ok.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let now = self.clock.now();
        let actor = self.actor.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut w = Tx { tx, now, actor };
        let out = f(&mut w)?;
        w.tx.commit()?;
        Ok(out)
    }
}

impl Drop for Store {
    /// Fold the write-ahead log into the database file when leaving, so that
    /// the file alone holds everything even if another connection (a reader
    /// thread, a second instance) is still open and SQLite would not do it.
    fn drop(&mut self) {
        if !self.read_only && self.path.is_some() {
            let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}

/// A write transaction: the connection, the time of the change and who makes it.
pub struct Tx<'a> {
    pub tx: Transaction<'a>,
    pub now: String,
    pub actor: String,
}

impl Tx<'_> {
    /// Append an audit entry for a change made in this transaction.
    pub fn audit(
        &self,
        table: &str,
        record_id: impl ToString,
        action: &str,
        before: Option<&serde_json::Value>,
        after: Option<&serde_json::Value>,
    ) -> Result<()> {
        audit::append(
            &self.tx,
            &audit::Change {
                at: &self.now,
                actor: &self.actor,
                table,
                record_id: &record_id.to_string(),
                action,
                before,
                after,
            },
        )
    }
}

fn default_actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "secretary".to_string())
}

/// Check SQLite's magic string and, when `size_too`, that the file is as long
/// as its header says.
fn check_header(path: &Path, size_too: bool) -> Result<()> {
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
fn immutable_uri(path: &Path) -> String {
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

fn is_writable(path: &Path) -> bool {
    std::fs::OpenOptions::new().append(true).open(path).is_ok()
}

fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
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
    use super::*;

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
