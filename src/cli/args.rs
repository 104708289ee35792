//! The command line's grammar: global options and the subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// hoidong — console of the Emulation and Commendation Council's secretary.
#[derive(Parser)]
#[command(version, about)]
pub struct Cli {
    /// Database file (default: hoidong.db in the user's data directory).
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    /// Language of the interface: vi (default) or en; otherwise taken from LANG.
    #[arg(long, global = true, value_parser = ["vi", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create a new empty database at PATH (catalogue and default rules,
    /// no movement, no records); the first interface run on it offers the set-up walk-through.
    Init {
        path: PathBuf,
        /// Fill it with the demo data (invented Thanh Bình ward).
        #[arg(long)]
        demo: bool,
    },
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
    Import(crate::cli::import::ImportCommand),
    /// Write a spreadsheet from the database.
    #[command(subcommand)]
    Export(crate::cli::export::ExportCommand),
    #[command(flatten)]
    Awards(crate::cli::awards::AwardsCommand),
    /// Write the minutes (or, with --ballots, the ballot-count record) of a meeting.
    Minutes(crate::cli::print::MinutesArgs),
    /// Sign off the minutes of a meeting (later changes become an addendum).
    Sign(crate::cli::print::SignArgs),
    /// Send the minutes of a meeting to the printer (lp), or save the PDF.
    Print(crate::cli::print::PrintArgs),
    /// Check the database: integrity, audit chain, signed minutes, evidence files, tampering.
    Check {
        /// Also prove the log still holds exactly the history up to an anchor N:HASH
        /// (as printed by `hoidong anchor` or on signed minutes).
        #[arg(long, value_name = "N:HASH")]
        anchor: Option<String>,
    },
    /// Print the head of the audit chain, to keep outside the file (on paper).
    Anchor,
    /// Build the search index again from the nominations (when `check` says so).
    Reindex,
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
        /// Wait for a line on standard input after each change.
        #[arg(long)]
        step: bool,
        /// Then keep the database open, idle, until standard input closes.
        #[arg(long)]
        hold: bool,
    },
    /// The ward's identity printed on every document (show, set).
    Ward {
        #[command(subcommand)]
        command: crate::cli::council::WardCommand,
    },
    /// The council: establish one for a term, show it, add, replace or end members.
    Council {
        #[command(subcommand)]
        command: crate::cli::council::CouncilCommand,
    },
    /// Movements and their criteria: list, show, new, seed, copy, export, import, edit.
    Movement {
        #[command(subcommand)]
        command: crate::cli::movement::MovementCommand,
    },
    /// The council's working rules: vote rules per award, quorum, ties, aggregation.
    Rules {
        #[command(subcommand)]
        command: crate::cli::rules::RulesCommand,
    },
    /// One decision of the ward chairman for many awards: new, list, print.
    Decision {
        #[command(subcommand)]
        command: crate::cli::decision::DecisionCommand,
    },
    /// The certificates of a decision on A4 or the ward's pre-printed blanks.
    Certificates(crate::cli::certificates::CertificatesArgs),
    /// List the council's meetings.
    Meetings,
    /// The year's (or a phase's) report: counts and prize money per award and level, unit and kind, referrals upward (text, --xlsx, --pdf, --docx)
    Report(crate::cli::report::ReportArgs),
    /// The tờ trình upward for the nominations passed at a meeting for the same higher award (new, print)
    Submission {
        #[command(subcommand)]
        command: crate::cli::submission::SubmissionCommand,
    },
    /// Look at or prepare a meeting (show, ballot-record, new, add, move, remove, committee, note).
    Meeting {
        #[command(subcommand)]
        command: crate::cli::meeting::MeetingCommand,
    },
}
