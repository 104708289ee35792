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

/// Errors of the storage layer, each with what the user needs to act on it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a hoidong database (not an SQLite file)")]
    NotSqlite { path: PathBuf },
    #[error(
        "{path}: an SQLite file of another program, not a hoidong database; the file was left untouched"
    )]
    NotHoidong { path: PathBuf },
    /// The file is malformed, or one of its rows holds what no version writes.
    /// `path` is empty where the row was met without knowing the file.
    #[error("{}the database is damaged ({detail})", path_prefix(.path))]
    Corrupt {
        path: PathBuf,
        detail: stored_code::Corruption,
    },
    /// Damage found earlier (by `check`, or by an operation that met it):
    /// nothing more is written into the file.
    #[error(
        "{path}: the database is damaged ({detail}); changes are no longer saved into it. Restore a backup with `hoidong restore BACKUP`"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "{path}: there is no database here{}; create one with `hoidong init {path}` (empty) or `hoidong demo {path}` (demo data)",
        empty_note(.empty)
    )]
    NoDatabase { path: PathBuf, empty: bool },
    #[error("no data folder for this user; give the database with --db PATH")]
    NoDataFolder,
    #[error("{path}: already exists; choose a new file name")]
    AlreadyExists { path: PathBuf },
    #[error(
        "{path}: not a regular file (a folder, a named pipe or a device); give the path of a database file"
    )]
    NotAFile { path: PathBuf },
    #[error(
        "{path}: the file cannot be opened: check that the folder exists and that you may read and write the file and its folder"
    )]
    CannotOpen { path: PathBuf },
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
    /// A nominee's fields were refused (typed, so each language can say it).
    #[error(transparent)]
    Nominee(#[from] crate::domain::nominee::NomineeRefusal),
    /// A nomination, a score or an award held before was refused.
    #[error(transparent)]
    Nomination(#[from] crate::domain::nomination_rules::NominationRefusal),
    /// An evidence item was refused.
    #[error(transparent)]
    Evidence(#[from] crate::domain::nomination_rules::EvidenceRefusal),
    /// A hold on a nominee's awards, or its lifting, was refused.
    #[error(transparent)]
    Hold(#[from] crate::domain::hold::HoldRefusal),
    /// A minutes note was refused.
    #[error(transparent)]
    Note(#[from] crate::domain::note_rules::NoteRefusal),
    /// A referral or a change to its dossier was refused.
    #[error(transparent)]
    Referral(#[from] crate::domain::referral_checks::ReferralRefusal),
    /// Eligibility rules that cannot be used, each problem naming where it is.
    #[error("eligibility rules: {}", .problems.join("; "))]
    EligibilityRules { problems: Vec<String> },
    /// A refusal about one row of an imported file.
    #[error("row {line}: {source}")]
    AtRow {
        line: usize,
        source: Box<StoreError>,
    },
    /// A value stored in the database cannot be read back.
    #[error("stored {what} unreadable: {detail}")]
    Unreadable { what: &'static str, detail: String },
    /// A value could not be encoded to be stored or written out.
    #[error("{what} could not be encoded: {detail}")]
    Unencodable { what: &'static str, detail: String },
    /// The crash harness found no member or no scorable nomination to write for.
    #[error("the database has no members or no scorable nominations to exercise")]
    NothingToExercise,
    /// The reference data shipped inside hoidong cannot be read.
    #[error("the data built into hoidong is unreadable ({detail}); reinstall hoidong")]
    BuiltIn { detail: String },
    #[error(
        "{path}: the database needs an upgrade (schema {found} to {supported}) but the file is read-only"
    )]
    ReadOnlyUpgrade {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A meeting's state or vote counts refused the change (typed, so each language can say it).
    #[error(transparent)]
    Meeting(#[from] refusal::MeetingRefusal),
    /// A decision, a referral or a referral step refused (typed, so each language can say it).
    #[error(transparent)]
    Award(#[from] refusal_award::AwardRefused),
    /// A text the text rules refused (typed, so each language can say it).
    #[error(transparent)]
    Text(#[from] crate::domain::text_rules::TextRefusal),
    /// The ward's identity was refused (typed, so each language can say it).
    #[error(transparent)]
    Ward(crate::domain::ward::WardRefusal),
    /// A decision for many awards was refused (typed, so each language can say it).
    #[error("{}", crate::i18n::strings_decision::refusal_en(.0))]
    Batch(crate::domain::decision_batch::BatchRefusal),
    /// A tờ trình for a referral batch was refused (typed, so each language can say it).
    #[error(transparent)]
    Submission(crate::domain::submission::SubmissionRefusal),
    /// A change to the council or its members was refused.
    #[error(transparent)]
    Council(crate::domain::council_rules::CouncilRefusal),
    /// A change to the movements and their criteria was refused.
    #[error(transparent)]
    Movement(crate::domain::movement_plan::MovementRefusal),
    /// A figure of the council's working rules was refused.
    #[error(transparent)]
    Rules(crate::domain::council_settings::RulesRefusal),
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
        if let Some(unknown) = stored_code::unknown_code_in(&e) {
            return StoreError::Corrupt {
                path: PathBuf::new(),
                detail: stored_code::Corruption::UnknownCode(unknown),
            };
        }
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    /// The query was stopped through an `Interrupter` (a newer one replaced it).
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Sqlite(e)
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted))
    }
}

/// Stops the query running on a store's connection, from another thread:
/// a count that a newer request has made useless.
pub struct Interrupter(rusqlite::InterruptHandle);

impl Interrupter {
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

impl Store {
    pub fn interrupter(&self) -> Interrupter {
        Interrupter(self.conn.get_interrupt_handle())
    }
}

/// `PATH: ` before a message, or nothing when the path is not known.
pub(crate) fn path_prefix(path: &Path) -> String {
    if path.as_os_str().is_empty() {
        String::new()
    } else {
        format!("{}: ", path.display())
    }
}

fn empty_note(empty: &bool) -> &'static str {
    if *empty { " (the file is empty)" } else { "" }
}

pub type Result<T> = std::result::Result<T, StoreError>;

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
