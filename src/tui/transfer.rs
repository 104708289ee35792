//! Import and export from the interface, off the UI loop. Each job opens its
//! own connection to the database file (SQLite serialises the writes), runs
//! the library's import or export, and reports progress and the outcome as
//! events. A database in memory has no file to share: there the job runs on
//! the UI thread.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::{Duration, Instant};

use crate::domain::nomination::NominationQuery;
use crate::export::ExportError;
use crate::export::nominations::export_nominations;
use crate::import::table::{Table, read_tables};
use crate::import::{
    ImportError, ImportOptions, ImportPreview, ImportReport, import_tables, preview_tables,
};
use crate::store::{Store, StoreError};

use super::event::{Event, JobResult};
use crate::i18n::Lang;

#[derive(Debug)]
pub enum TransferEvent {
    Progress {
        done: usize,
        total: usize,
    },
    /// The list read and checked for the preview, or why it cannot be.
    Previewed(Result<Box<PreviewReady>, ImportError>),
    /// The import report, or why nothing was imported (with every bad row).
    Imported(Result<ImportReport, ImportError>),
    /// How many nominations were written, and where; or why not.
    Exported(Result<(usize, PathBuf), ExportError>),
}

/// Why nothing was imported, in `lang`. The database's own failures (busy,
/// read-only, disk full…) are worded as everywhere else in the interface.
pub fn import_failure(e: &ImportError, lang: Lang) -> String {
    match e {
        ImportError::Store(e) => store_failure(e, lang),
        e => e.message(lang),
    }
}

/// A store failure during an import, in `lang` (the report's title says
/// that nothing was imported).
fn store_failure(e: &StoreError, lang: Lang) -> String {
    lang.strings().store_message(e)
}

/// Why nothing was exported, in `lang`.
pub fn export_failure(e: &ExportError, lang: Lang) -> String {
    match e {
        ExportError::Store(e) => store_failure(e, lang),
        e => e.to_string(),
    }
}

/// Progress is sent at most this often, so a large file does not flood the loop.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// A list to read for the preview, or to save as previewed: the file, its
/// tables once read (so that later readings and the save use the file as it
/// was previewed), the choices made, and which reading this is.
#[derive(Debug, Clone)]
pub struct ImportJob {
    pub file: PathBuf,
    pub tables: Option<Arc<Vec<Table>>>,
    pub options: ImportOptions,
    pub generation: u64,
}

/// Two jobs are the same when they name the same file, the same tables (not
/// merely equal ones), the same choices and the same reading.
impl PartialEq for ImportJob {
    fn eq(&self, other: &Self) -> bool {
        let same_tables = match (&self.tables, &other.tables) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_tables
            && self.file == other.file
            && self.options == other.options
            && self.generation == other.generation
    }
}

impl Eq for ImportJob {}

/// A list read and checked for the preview.
#[derive(Debug, Clone)]
pub struct PreviewReady {
    pub tables: Arc<Vec<Table>>,
    pub options: ImportOptions,
    pub preview: ImportPreview,
    /// Which reading this answers; the preview drops older ones.
    pub generation: u64,
}

impl PartialEq for PreviewReady {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.tables, &other.tables)
            && self.options == other.options
            && self.preview == other.preview
            && self.generation == other.generation
    }
}

impl Eq for PreviewReady {}

/// Read and check the list without saving anything.
pub fn preview_with(store: &Store, job: ImportJob) -> TransferEvent {
    let fail = |e: ImportError| TransferEvent::Previewed(Err(e));
    let tables = match job.tables {
        Some(t) => t,
        None => match read_tables(&job.file) {
            Ok(t) => Arc::new(t),
            Err(e) => return fail(e),
        },
    };
    match preview_tables(store, &job.file, &tables, &job.options) {
        Ok(preview) => TransferEvent::Previewed(Ok(Box::new(PreviewReady {
            tables,
            options: job.options,
            preview,
            generation: job.generation,
        }))),
        Err(e) => fail(e),
    }
}

/// Read the list for the preview on a thread of its own, through a
/// read-only connection: nothing can be written by it.
pub fn spawn_preview(db: PathBuf, job: ImportJob, events: Sender<Event>) {
    thread::spawn(move || {
        let mut send = send_to(&events);
        match Store::open_read_only(&db) {
            Ok(store) => send(preview_with(&store, job)),
            Err(e) => send(TransferEvent::Previewed(Err(e.into()))),
        }
    });
}

/// Import the previewed `tables` of `file` into the store with `options`;
/// `send` receives progress and the outcome.
pub fn import_with(
    store: &mut Store,
    file: &Path,
    tables: &[Table],
    options: ImportOptions,
    send: &mut dyn FnMut(TransferEvent),
) {
    let mut last = Instant::now() - PROGRESS_EVERY;
    let mut progress = |done: usize, total: usize| {
        if done == total || last.elapsed() >= PROGRESS_EVERY {
            last = Instant::now();
            send(TransferEvent::Progress { done, total });
        }
    };
    let result = import_tables(store, file, tables, options, &mut progress);
    send(TransferEvent::Imported(result));
}

pub fn export_with(store: &Store, query: &NominationQuery, file: &Path) -> TransferEvent {
    let path = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    TransferEvent::Exported(export_nominations(store, query, &path).map(|n| (n, path.clone())))
}

fn send_to(events: &Sender<Event>) -> impl FnMut(TransferEvent) + '_ {
    move |t| {
        let _ = events.send(Event::Job(JobResult::Transfer(t)));
    }
}

/// Import on a thread of its own, with its own connection to `db`.
pub fn spawn_import(
    db: PathBuf,
    file: PathBuf,
    tables: Arc<Vec<Table>>,
    options: ImportOptions,
    events: Sender<Event>,
) {
    thread::spawn(move || {
        let mut send = send_to(&events);
        match Store::open(&db) {
            Ok(mut store) => import_with(&mut store, &file, &tables, options, &mut send),
            Err(e) => send(TransferEvent::Imported(Err(e.into()))),
        }
    });
}

/// Export on a thread of its own, reading through its own connection.
pub fn spawn_export(db: PathBuf, query: NominationQuery, file: PathBuf, events: Sender<Event>) {
    thread::spawn(move || {
        let mut send = send_to(&events);
        match Store::open_read_only(&db) {
            Ok(store) => send(export_with(&store, &query, &file)),
            Err(e) => send(TransferEvent::Exported(Err(e.into()))),
        }
    });
}

/// An import or export under way, for the bottom line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Running {
    pub label: String,
    pub done: usize,
    pub total: usize,
}
