//! The `import` and `export` subcommands: argument types and their runs.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;

use super::{ImportOptions, import_nominations};
use crate::domain::nomination::{NominationQuery, NominationStatus, SortKey};
use crate::export::nominations::export_nominations;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a nomination list (.xlsx, .ods or .csv; see data/templates/README.md).
    Nominations {
        file: PathBuf,
        /// Check every row and report, without saving anything.
        #[arg(long)]
        dry_run: bool,
        /// Import rows that look like duplicates (same name, round and award).
        #[arg(long)]
        allow_duplicates: bool,
    },
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
}

/// The database named on the command line, or the user's default one.
fn database(db: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(db) = db {
        return Ok(db.to_path_buf());
    }
    let dir = dirs::data_dir()
        .context("no data directory for this user; name the database with --db FILE")?
        .join("hoidong");
    std::fs::create_dir_all(&dir).with_context(|| format!("{}", dir.display()))?;
    Ok(dir.join("hoidong.db"))
}

pub fn run_import(cmd: ImportCommand, db: Option<&Path>) -> anyhow::Result<()> {
    match cmd {
        ImportCommand::Nominations {
            file,
            dry_run,
            allow_duplicates,
        } => {
            let mut store = Store::open(&database(db)?)?;
            let options = ImportOptions {
                dry_run,
                allow_duplicates,
            };
            let show = std::io::stderr().is_terminal();
            let mut last_shown = 0;
            let mut progress = |done: usize, total: usize| {
                // A line per tenth is enough for a person watching a big file.
                let tenth = done * 10 / total.max(1);
                if show && (tenth > last_shown || done == total) {
                    last_shown = tenth;
                    eprint!("\r{done}/{total}");
                    let _ = std::io::stderr().flush();
                    if done == total {
                        eprintln!();
                    }
                }
            };
            let report = match import_nominations(&mut store, &file, options, &mut progress) {
                Ok(report) => report,
                Err(e @ super::ImportError::Rows { .. })
                    if e.to_string().contains("possible duplicate") =>
                {
                    return Err(anyhow::anyhow!(
                        "{e}\n(check the rows above; to import possible duplicates anyway, add --allow-duplicates)"
                    ));
                }
                Err(e) => return Err(e.into()),
            };
            println!("{}: {report}", file.display());
        }
    }
    Ok(())
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
            let n = export_nominations(&store, &query, &file)?;
            println!("{n} nomination(s) written to {}", file.display());
        }
        ExportCommand::Template { file } => {
            let data = crate::refdata::built_in()?;
            super::template::write_template(&file, &data.catalogue)?;
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
