//! SQLite storage. Opens, checks and migrates the database; one module per
//! aggregate; every method returns domain types. Every change runs in one
//! transaction together with its audit entry.

pub mod agenda;
pub mod audit;
pub mod audit_views;
pub mod awards;
pub mod council;
pub mod evidence;
mod file;
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
pub mod rowproof;
pub mod scores;
pub mod signoff;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction};

pub use file::{backup_connection, create_private, restrict_permissions};
pub use migrations::SCHEMA_VERSION;

use file::{check_header, classify, immutable_uri, is_writable};

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
        rowproof::install_watch(&self.conn)?;
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
        rowproof::flush(&w)?;
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

pub(crate) fn default_actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "secretary".to_string())
}
