//! The `import` subcommand: its arguments and its run, its messages in the
//! user's language (Vietnamese unless `--lang en` or an English locale).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::cli::database::{self, Access};
use hoidong::i18n::Lang;
use hoidong::i18n::import_preview::{columns_text, rows_text};
use hoidong::import::problem::ProblemKind;
use hoidong::import::{ImportError, ImportOptions, ListOptions, import_nominations};

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a nomination list (.xlsx, .ods, .xls or .csv; see data/templates/README.md).
    Nominations {
        file: PathBuf,
        /// Check every row and print how each column was understood and the
        /// rows as they would be saved, without saving anything.
        #[arg(long)]
        dry_run: bool,
        /// Import rows that look like duplicates (same name, round and award).
        #[arg(long)]
        allow_duplicates: bool,
        /// The round for rows the file gives none (2025, or 2022-2025).
        #[arg(long)]
        round: Option<String>,
        /// The award for rows the file gives none (code or name).
        #[arg(long)]
        award: Option<String>,
        /// The kind for rows the file gives none, or SECTION=KIND for the rows
        /// under a section heading ("CÁ NHÂN=Cán bộ, công chức, viên chức").
        #[arg(long, value_name = "KIND or SECTION=KIND")]
        kind: Vec<String>,
        /// Read a column (letter or header) as a field, e.g. D=nam_sinh_nu,
        /// or leave it out with D=bo_qua.
        #[arg(long, value_name = "COLUMN=FIELD")]
        map: Vec<String>,
        /// The movement the nominations go to (number, code or name); by
        /// default the one in use (`hoidong movement use`) or the only one.
        #[arg(long)]
        movement: Option<String>,
    },
}

/// Why nothing was imported, in `lang`, with what to do about duplicates.
fn failure(e: ImportError, lang: Lang) -> anyhow::Error {
    if let ImportError::Store(_) = e {
        return e.into();
    }
    let duplicates = matches!(&e, ImportError::Rows { problems, .. } if problems.iter().any(|p| matches!(
        p.kind,
        ProblemKind::DuplicateInFile { .. } | ProblemKind::DuplicateInDatabase { .. }
    )));
    let mut text = e.message(lang);
    if duplicates {
        text.push_str(match lang {
            Lang::Vi => "\n(hãy kiểm tra các dòng trên; muốn nhập cả những dòng có thể trùng, thêm --allow-duplicates)",
            Lang::En => "\n(check the rows above; to import possible duplicates anyway, add --allow-duplicates)",
        });
    }
    anyhow::anyhow!(text)
}

pub fn run_import(cmd: ImportCommand, db: Option<&Path>, lang: Option<&str>) -> anyhow::Result<()> {
    let lang = hoidong::i18n::cli_messages::lang(lang);
    match cmd {
        ImportCommand::Nominations {
            file,
            dry_run,
            allow_duplicates,
            round,
            award,
            kind,
            map,
            movement,
        } => {
            let mut store = database::open(db, Access::Existing)?;
            let options = ImportOptions {
                dry_run,
                allow_duplicates,
                list: ListOptions {
                    round,
                    award,
                    kinds: kind,
                    maps: map,
                },
                movement,
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
            let report = import_nominations(&mut store, &file, options, &mut progress)
                .map_err(|e| failure(e, lang))?;
            println!("{}: {}", file.display(), report.message(lang));
            if dry_run {
                println!("{}", columns_text(&report.columns, lang));
                println!("{}", rows_text(&report.rows, lang));
            }
        }
    }
    Ok(())
}
