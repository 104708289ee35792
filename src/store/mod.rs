//! SQLite storage. Opens, checks and migrates the database; one module per
//! aggregate; every method returns domain types. Every change runs in one
//! transaction together with its audit entry.

pub mod agenda;
pub mod audit;
pub mod audit_views;
pub mod award_checks;
pub mod awards;
mod blank;
pub mod bulk;
pub mod corruption_log;
pub mod council;
pub mod council_edit;
pub mod damage;
pub mod decision_batches;
pub mod evidence;
pub mod exercise;
mod file;
pub mod held;
pub mod holds;
pub mod integrity;
pub mod location;
pub mod lookups;
pub mod meeting_edit;
pub mod meetings;
pub mod migrations;
pub mod movements;
pub mod nomination_keyset;
pub mod nomination_list;
pub mod nominations;
pub mod notes;
pub mod record;
pub mod reference;
pub mod referrals;
pub mod refusal;
pub mod refusal_award;
pub mod report;
pub mod rounds;
pub mod rowproof;
pub mod rules;
pub mod score_lines;
pub mod scores;
pub mod search_index;
pub mod signoff;
pub mod stored_code;
pub mod submission;
pub mod ward;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction};

pub use file::{Found, backup_connection, create_private, probe, restrict_permissions};
pub use migrations::SCHEMA_VERSION;

use file::{classify, immutable_uri};

mod error;
pub(crate) use error::path_prefix;
pub use error::{Interrupter, Result, StoreError};

/// A value stored in the database that cannot be read back.
pub(crate) fn unreadable(what: &'static str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Unreadable {
        what,
        detail: e.to_string(),
    }
}

/// A value that could not be encoded to be stored.
pub(crate) fn unencodable(what: &'static str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Unencodable {
        what,
        detail: e.to_string(),
    }
}

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
    /// Damage known to this process or marked beside the file: writes are refused.
    damaged: Option<String>,
    /// SQLite's damage reports in this process already accounted for
    /// ([`corruption_log`]): a later one makes the next write check the file.
    damage_reports_seen: u64,
    actor: String,
    clock: Clock,
}

impl Store {
    /// Open (or create) the database at `path`, checking it first and
    /// migrating an older schema in place after a backup copy. Commands
    /// resolve the path with [`location::resolve`] first; this creates a
    /// missing file (and takes an empty one) for the library and the tests.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, false)
    }

    /// Open an existing database for reading only (an archive, another office's copy).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        match probe(path)? {
            Found::Database => Self::open_with(path, true),
            found => Err(StoreError::NoDatabase {
                path: path.to_path_buf(),
                empty: found == Found::Empty,
            }),
        }
    }

    fn open_with(path: &Path, read_only: bool) -> Result<Store> {
        // Never a plain handle on an existing database (see `probe`): SQLite
        // reads the header itself, and says whether it could open for writing.
        let found = probe(path)?;
        let existed = found == Found::Database;
        if found == Found::Missing {
            // Created here, owner-only from the first byte, rather than by
            // SQLite with the umask's permissions and narrowed afterwards.
            // No connection can be open on a file that did not exist.
            create_private(path)?;
        }
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        // SQLite falls back to read-only when the file cannot be written.
        let writable = !read_only && !conn.is_readonly(rusqlite::MAIN_DB)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            read_only: !writable,
            damaged: damage::read_mark(path),
            damage_reports_seen: corruption_log::reports(),
            actor: default_actor(),
            clock: Clock::System,
        };
        match store.prepare(path) {
            // The file is writable but its folder is not (read-only media, a
            // share without write permission): the log and shared memory
            // cannot be made beside it. Nobody can write there, so read it.
            Err(StoreError::CannotOpen { .. } | StoreError::ReadOnly) if existed => {
                store.read_only = true;
                store.conn = read_only_connection(path)?;
                store.prepare(path)?;
            }
            Err(e) => return Err(store.note_damage(e)),
            Ok(()) => {}
        }
        Ok(store)
    }

    /// Open an existing database read-only, without checking, migrating or
    /// seeding it: for `hoidong check` and `hoidong backup`, which must see the
    /// file exactly as it is (a damaged file still opens, to be reported).
    pub fn inspect(path: &Path) -> Result<Store> {
        match probe(path)? {
            Found::Database => {}
            found => {
                return Err(StoreError::NoDatabase {
                    path: path.to_path_buf(),
                    empty: found == Found::Empty,
                });
            }
        }
        // Read-write but query-only when the file allows it: a read-only
        // connection that is the last to close leaves empty -wal and -shm
        // files behind, a read-write one removes them. No query can write.
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(path, e))?;
        conn.busy_timeout(Duration::from_secs(3))?;
        // The first read: not an SQLite file at all is said here; damage
        // elsewhere is left for the check to report in detail. A folder that
        // cannot hold the log's shared memory is read without it.
        if let Err(e) = conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)) {
            match classify(path, e) {
                e @ StoreError::NotSqlite { .. } => return Err(e),
                StoreError::CannotOpen { .. } | StoreError::ReadOnly => {
                    conn = read_only_connection(path)?;
                    conn.busy_timeout(Duration::from_secs(3))?;
                }
                _ => {}
            }
        }
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            read_only: true,
            damaged: None,
            damage_reports_seen: corruption_log::reports(),
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
            damaged: None,
            damage_reports_seen: corruption_log::reports(),
            actor: default_actor(),
            clock: Clock::System,
        };
        store.prepare(Path::new(":memory:"))?;
        Ok(store)
    }

    fn prepare(&mut self, path: &Path) -> Result<()> {
        self.conn.busy_timeout(Duration::from_secs(3))?;
        // Room for every statement a bulk write repeats (row inserts, the
        // audit append, one digest query per table of the record), so none
        // is compiled again per row.
        self.conn
            .set_prepared_statement_cache_capacity(STATEMENT_CACHE);
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
                return Err(StoreError::ReadOnlyUpgrade {
                    path: path.to_path_buf(),
                    found: version,
                    supported: SCHEMA_VERSION,
                });
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

    /// Read-only access for queries; SQL lives only in the store.
    pub(in crate::store) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection, for integration tests that set up or tamper with rows
    /// directly; only in builds with the `test-support` feature.
    #[cfg(feature = "test-support")]
    #[doc(hidden)]
    pub fn raw_connection_for_tests(&self) -> &Connection {
        &self.conn
    }

    /// Run `f` in one immediate transaction with an audit writer; commit on Ok.
    /// Refused on a database known to be damaged; meeting damage marks it.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        self.check_after_damage_reports();
        if let (Some(detail), Some(path)) = (&self.damaged, &self.path) {
            return Err(StoreError::Damaged {
                path: path.clone(),
                detail: detail.clone(),
            });
        }
        let now = self.clock.now();
        let actor = self.actor.clone();
        let run = |conn: &mut Connection| -> Result<T> {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut w = Tx {
                tx,
                now,
                actor,
                chain: audit::Chain::default(),
            };
            let out = f(&mut w)?;
            rowproof::flush(&w)?;
            w.chain.record_head(&w.tx)?;
            w.tx.commit()?;
            Ok(out)
        };
        run(&mut self.conn).map_err(|e| self.note_damage(e))
    }

    /// The damage this store knows of (from a mark beside the file or met
    /// here), for a banner; `None` when none is known.
    pub fn known_damage(&self) -> Option<&str> {
        self.damaged.as_deref()
    }

    /// When SQLite reported damage since this store last looked (met by a
    /// read, here or on another connection of the process), check this file
    /// before writing into it: a malformed page is remembered as damage.
    fn check_after_damage_reports(&mut self) {
        let reports = corruption_log::reports();
        if reports == self.damage_reports_seen || self.damaged.is_some() {
            return;
        }
        self.damage_reports_seen = reports;
        let verdict = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0))
            .map_err(StoreError::from);
        let detail = match verdict {
            Ok(v) if v == "ok" => return,
            Ok(v) => v,
            Err(e) => match damage::detail_of(&e) {
                Some(d) => d,
                None => return,
            },
        };
        if let Some(path) = &self.path {
            damage::mark(path, &detail);
            self.damaged = Some(detail);
        }
    }

    /// Remember damage met by an operation, here and beside the file, so
    /// that this and every later process refuses to write; other errors pass.
    fn note_damage(&mut self, e: StoreError) -> StoreError {
        let Some(detail) = damage::detail_of(&e) else {
            return e;
        };
        if let Some(path) = &self.path {
            damage::mark(path, &detail);
            self.damaged = Some(detail);
        }
        e
    }
}

/// A read-only connection to a file whose folder cannot be written: through
/// the log's shared memory when another program made it, else as immutable
/// (nobody can write there without it).
fn read_only_connection(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    match conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(conn),
        Err(e) => match classify(path, e) {
            StoreError::CannotOpen { .. } | StoreError::ReadOnly => {
                drop(conn);
                Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
                    .map_err(|e| classify(path, e))
            }
            // Damage and the like are for the caller to meet and report.
            _ => Ok(conn),
        },
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
    pub(in crate::store) tx: Transaction<'a>,
    pub now: String,
    pub actor: String,
    /// The audit chain's head, kept here while the transaction appends.
    chain: audit::Chain,
}

impl<'a> Tx<'a> {
    /// The transaction, for integration tests that write rows directly;
    /// only in builds with the `test-support` feature.
    #[cfg(feature = "test-support")]
    #[doc(hidden)]
    pub fn raw_transaction_for_tests(&self) -> &Transaction<'a> {
        &self.tx
    }
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
        self.chain.append(
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

/// Prepared statements a connection keeps (rusqlite's default is 16).
const STATEMENT_CACHE: usize = 128;

pub(crate) fn default_actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "secretary".to_string())
}
