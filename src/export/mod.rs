//! Spreadsheets out. [`sheet`] is the generic table writer (XLSX and CSV);
//! the other modules turn domain data into sheets. [`ExportCommand`] is the
//! `hoidong export …` subcommand: each export adds its variant there.

pub mod awards;
pub mod nominations;
pub mod report;
pub mod sheet;
pub mod stream;

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;

use crate::domain::nomination::{NominationQuery, NominationStatus, SortKey};
use crate::store::location;

/// Errors of writing an export file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: unsupported file type; use a name ending in .xlsx or .csv", path.display())]
    UnsupportedFormat { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: could not write the XLSX file ({detail})", path.display())]
    Xlsx { path: PathBuf, detail: String },
    #[error("{}: could not write the CSV file ({detail})", path.display())]
    Csv { path: PathBuf, detail: String },
    #[error("{}: already exists; an export never replaces a file: choose a new name, or add --force to replace it", path.display())]
    TargetExists { path: PathBuf },
    #[error("{}: this is the database (or its log) itself; choose another file name for the export", path.display())]
    TargetIsDatabase { path: PathBuf },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Export nominations (.xlsx: list and scores; .csv: the list).
    Nominations {
        file: PathBuf,
        /// Which: pending (default), all, or a status code (draft, submitted,
        /// on_agenda, passed, failed, decided, referred, conferred, rejected,
        /// withdrawn); repeat for several.
        #[arg(long = "status", value_name = "STATUS")]
        statuses: Vec<String>,
        /// Only nominations whose nominee, unit or award matches this text.
        #[arg(long, default_value = "")]
        text: String,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the blank nomination list to fill in (.xlsx).
    Template {
        file: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Export the award register: every award held, with its decision (.xlsx or .csv).
    Awards {
        file: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// Refuse to write an export over an existing file without `force`, and
/// over the database, its log or its shared memory ever (replacing it would
/// destroy the record, and opening it would drop SQLite's locks on it).
pub fn check_target(file: &Path, force: bool, db: Option<&Path>) -> Result<(), ExportError> {
    let Ok(target) = std::fs::metadata(file) else {
        return Ok(());
    };
    if let Some(db) = db {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            if let Ok(m) = std::fs::metadata(PathBuf::from(name))
                && same_file(&target, &m)
            {
                return Err(ExportError::TargetIsDatabase {
                    path: file.to_path_buf(),
                });
            }
        }
    }
    if !force {
        return Err(ExportError::TargetExists {
            path: file.to_path_buf(),
        });
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Without inode numbers: same size and modification time is taken as the
/// same file, erring on the side of refusing.
#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

pub fn run_export(cmd: ExportCommand, db: Option<&Path>) -> anyhow::Result<()> {
    match cmd {
        ExportCommand::Nominations {
            file,
            statuses,
            text,
            force,
        } => {
            let query = NominationQuery {
                text,
                statuses: parse_statuses(&statuses)?,
                sort: SortKey::AwardLevel,
                ..NominationQuery::default()
            };
            let store = location::open_existing(db)?;
            check_target(&file, force, store.path())?;
            let n = nominations::export_nominations(&store, &query, &file)?;
            println!("{n} nomination(s) written to {}", file.display());
        }
        ExportCommand::Awards { file, force } => {
            crate::cli_awards::export_awards(db.map(Path::to_path_buf), &file, force)?
        }
        ExportCommand::Template { file, force } => {
            // No database is read, but the default one is still not to be replaced.
            let db = location::given_or_default(db).ok();
            check_target(&file, force, db.as_deref())?;
            let data = crate::refdata::built_in()?;
            crate::import::template::write_template(&file, &data.catalogue)?;
            println!("template written to {}", file.display());
        }
    }
    Ok(())
}

/// `pending` (or nothing) → the pending statuses; `all` → every status.
pub fn parse_statuses(args: &[String]) -> anyhow::Result<Vec<NominationStatus>> {
    let mut out = Vec::new();
    for a in args.iter().flat_map(|a| a.split(',')) {
        let a = a.trim();
        match a {
            "pending" | "" => {
                out.extend(NominationStatus::ALL.into_iter().filter(|s| s.is_pending()))
            }
            "all" => out.extend(NominationStatus::ALL),
            code => out.push(NominationStatus::from_code(code).with_context(|| {
                let codes: Vec<&str> = NominationStatus::ALL.iter().map(|s| s.code()).collect();
                format!(
                    "unknown status “{code}”; use pending, all or one of {}",
                    codes.join(", ")
                )
            })?),
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}
