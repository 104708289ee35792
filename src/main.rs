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
    /// Language of the interface: vi (default) or en; otherwise taken from LANG.
    #[arg(long, global = true, value_parser = ["vi", "en"])]
    lang: Option<String>,
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
    /// Read a spreadsheet into the database.
    #[command(subcommand)]
    Import(hoidong::import::cli::ImportCommand),
    /// Write a spreadsheet from the database.
    #[command(subcommand)]
    Export(hoidong::export::ExportCommand),
    #[command(flatten)]
    Awards(hoidong::cli_awards::AwardsCommand),
    /// Write the minutes (or, with --ballots, the ballot-count record) of a meeting.
    Minutes(hoidong::cli_print::MinutesArgs),
    /// Sign off the minutes of a meeting (later changes become an addendum).
    Sign(hoidong::cli_print::SignArgs),
    /// Send the minutes of a meeting to the printer (lp), or save the PDF.
    Print(hoidong::cli_print::PrintArgs),
    /// Check the database: integrity, audit chain, signed minutes, evidence files, tampering.
    Check {
        /// Also prove the log still holds exactly the history up to an anchor N:HASH
        /// (as printed by `hoidong anchor` or on signed minutes).
        #[arg(long, value_name = "N:HASH")]
        anchor: Option<String>,
    },
    /// Print the head of the audit chain, to keep outside the file (on paper).
    Anchor,
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
    /// List the council's meetings.
    Meetings,
    /// Look at or prepare a meeting (show, ballot-record, new, add, move, remove, committee, note).
    Meeting {
        #[command(subcommand)]
        command: hoidong::cli_meeting::MeetingCommand,
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
        Some(Command::Import(cmd)) => hoidong::import::cli::run_import(cmd, cli.db.as_deref())?,
        Some(Command::Export(cmd)) => hoidong::export::run_export(cmd, cli.db.as_deref())?,
        Some(Command::Awards(c)) => hoidong::cli_awards::run(cli.db, c)?,
        Some(Command::Minutes(args)) => hoidong::cli_print::minutes(cli.db, args)?,
        Some(Command::Sign(args)) => hoidong::cli_print::sign(cli.db, args)?,
        Some(Command::Print(args)) => hoidong::cli_print::print_command(cli.db, args)?,
        Some(Command::Check { anchor }) => safety::cli::run_check(
            cli.db,
            anchor.as_deref(),
            safety::cli::lang_of(cli.lang.as_deref()),
        )?,
        Some(Command::Anchor) => {
            safety::cli::run_anchor(cli.db, safety::cli::lang_of(cli.lang.as_deref()))?
        }
        Some(Command::Backup { file }) => safety::cli::run_backup(cli.db, &file)?,
        Some(Command::Restore { file, force }) => safety::cli::run_restore(cli.db, &file, force)?,
        Some(Command::Exercise { seed, count }) => safety::cli::run_exercise(cli.db, seed, count)?,
        Some(Command::Meetings) => hoidong::cli_meeting::list(cli.db.as_deref())?,
        Some(Command::Meeting { command }) => {
            hoidong::cli_meeting::run(cli.db.as_deref(), &command)?
        }
        None => hoidong::tui::launch::run(cli.db, cli.lang.as_deref())?,
    }
    Ok(())
}
