//! `hoidong export …`: each export of `hoidong::export` adds its variant here.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;

use crate::cli::database::{self, Access};
use hoidong::domain::nomination::{NominationQuery, NominationStatus, SortKey};
use hoidong::export::{self, check_target, nominations};
use hoidong::i18n::Lang;

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

pub fn run_export(cmd: ExportCommand, db: Option<&Path>, lang: Lang) -> anyhow::Result<()> {
    match cmd {
        ExportCommand::Nominations {
            file,
            statuses,
            text,
            force,
        } => {
            let query = NominationQuery {
                text,
                statuses: parse_statuses(&statuses, lang)?,
                sort: SortKey::AwardLevel,
                ..NominationQuery::default()
            };
            let store = database::open(db, Access::Existing)?;
            check_target(&file, force, store.path())?;
            let n = nominations::export_nominations(&store, &query, &file)?;
            match lang {
                Lang::Vi => println!("đã ghi {n} hồ sơ đề nghị vào {}", file.display()),
                Lang::En => println!("{n} nomination(s) written to {}", file.display()),
            }
        }
        ExportCommand::Awards { file, force } => export_awards(db, &file, force, lang)?,
        ExportCommand::Template { file, force } => {
            // No database is read, but the default one is still not to be replaced.
            let db = database::path(db).ok();
            check_target(&file, force, db.as_deref())?;
            let data = hoidong::refdata::built_in()?;
            hoidong::import::template::write_template(&file, &data.catalogue)?;
            match lang {
                Lang::Vi => println!("đã ghi mẫu danh sách vào {}", file.display()),
                Lang::En => println!("template written to {}", file.display()),
            }
        }
    }
    Ok(())
}

/// `pending` (or nothing) → the pending statuses; `all` → every status.
pub fn parse_statuses(args: &[String], lang: Lang) -> anyhow::Result<Vec<NominationStatus>> {
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
                match lang {
                    Lang::Vi => format!(
                        "không có trạng thái “{code}”; hãy dùng pending, all hoặc một trong {}",
                        codes.join(", ")
                    ),
                    Lang::En => format!(
                        "unknown status “{code}”; use pending, all or one of {}",
                        codes.join(", ")
                    ),
                }
            })?),
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// `hoidong export awards FILE`.
fn export_awards(db: Option<&Path>, file: &Path, force: bool, lang: Lang) -> anyhow::Result<()> {
    let store = database::open(db, Access::Existing)?;
    check_target(file, force, store.path())?;
    let rows = export::awards::export_awards(&store, file)?;
    match lang {
        Lang::Vi => println!("đã ghi {rows} dòng sổ khen thưởng vào {}", file.display()),
        Lang::En => println!("{rows} register entries written to {}", file.display()),
    }
    Ok(())
}
