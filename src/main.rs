use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use hoidong::demo;
use hoidong::safety;
use hoidong::store::Store;

/// hoidong — console of the Emulation and Commendation Council's secretary.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Database file (default: hoidong.db in the user's data directory).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Write the demo database to PATH.
    Demo { path: PathBuf },
    /// Write a deterministic synthetic database of any size to PATH.
    Gen {
        path: PathBuf,
        #[arg(long, default_value_t = 1000)]
        nominations: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Check the database: integrity, audit chain, signed minutes, evidence files, tampering.
    Check,
    /// Copy the database to FILE (safe while hoidong runs; never overwrites).
    Backup { file: PathBuf },
    /// Replace the database with FILE after checking it; the current one is kept aside.
    Restore {
        file: PathBuf,
        /// Restore even if the check finds problems other than damage.
        #[arg(long)]
        force: bool,
    },
    /// Write random acknowledged changes (crash-safety harness).
    #[command(hide = true)]
    Exercise {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 1000)]
        count: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hoidong: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Some(Command::Demo { path }) => {
            anyhow::ensure!(
                !path.exists(),
                "{}: already exists; choose a new file",
                path.display()
            );
            let mut store = Store::open(&path)?;
            demo::populate(&mut store, demo::demo_spec())?;
            println!("demo database written to {}", path.display());
        }
        Some(Command::Gen {
            path,
            nominations,
            seed,
        }) => {
            anyhow::ensure!(
                !path.exists(),
                "{}: already exists; choose a new file",
                path.display()
            );
            let mut store = Store::open(&path)?;
            demo::populate(
                &mut store,
                demo::Spec {
                    nominations,
                    seed,
                    audited: false,
                },
            )?;
            println!("{nominations} nominations written to {}", path.display());
        }
        Some(Command::Check) => safety::cli::run_check(cli.db)?,
        Some(Command::Backup { file }) => safety::cli::run_backup(cli.db, &file)?,
        Some(Command::Restore { file, force }) => safety::cli::run_restore(cli.db, &file, force)?,
        Some(Command::Exercise { seed, count }) => safety::cli::run_exercise(cli.db, seed, count)?,
        None => anyhow::bail!("the terminal interface is not part of this build yet"),
    }
    Ok(())
}
