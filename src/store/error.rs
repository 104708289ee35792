//! The storage layer's one error type: each failure with what the user
//! needs to act on it, typed so every language can say it.

use super::*;

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
