//! Spreadsheets out. [`sheet`] is the generic table writer (XLSX and CSV);
//! the other modules turn domain data into sheets. [`ExportCommand`] is the
//! `hoidong export …` subcommand: each export adds its variant there.

pub mod awards;
pub mod nominations;
pub mod sheet;

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;

use crate::domain::nomination::{NominationQuery, NominationStatus, SortKey};
use crate::import::cli::database;
use crate::store::Store;

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
    },
    /// Write the blank nomination list to fill in (.xlsx).
    Template { file: PathBuf },
    /// Export the award register: every award held, with its decision (.xlsx or .csv).
    Awards { file: PathBuf },
}

pub fn run_export(cmd: ExportCommand, db: Option<&Path>) -> anyhow::Result<()> {
    match cmd {
        ExportCommand::Nominations {
            file,
            statuses,
            text,
        } => {
            let query = NominationQuery {
                text,
                statuses: parse_statuses(&statuses)?,
                sort: SortKey::AwardLevel,
                ..NominationQuery::default()
            };
            let store = Store::open(&database(db)?)?;
            let n = nominations::export_nominations(&store, &query, &file)?;
            println!("{n} nomination(s) written to {}", file.display());
        }
        ExportCommand::Awards { file } => {
            crate::cli_awards::export_awards(db.map(Path::to_path_buf), &file)?
        }
        ExportCommand::Template { file } => {
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
