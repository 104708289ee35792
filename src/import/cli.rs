//! The `import` subcommand: its arguments and its run.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{ImportOptions, import_nominations};

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

pub fn run_import(cmd: ImportCommand, db: Option<&Path>) -> anyhow::Result<()> {
    match cmd {
        ImportCommand::Nominations {
            file,
            dry_run,
            allow_duplicates,
        } => {
            let mut store = crate::store::location::open_existing(db)?;
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
