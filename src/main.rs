use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use hoidong::demo;
use hoidong::i18n::Lang;
use hoidong::safety;
use hoidong::store::location;

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
        command: hoidong::cli_council::WardCommand,
    },
    /// The council: establish one for a term, show it, add, replace or end members.
    Council {
        #[command(subcommand)]
        command: hoidong::cli_council::CouncilCommand,
    },
    /// Movements and their criteria: list, show, new, seed, copy, export, import, edit.
    Movement {
        #[command(subcommand)]
        command: hoidong::cli_movement::MovementCommand,
    },
    /// The council's working rules: vote rules per award, quorum, ties, aggregation.
    Rules {
        #[command(subcommand)]
        command: hoidong::cli_rules::RulesCommand,
    },
    /// One decision of the ward chairman for many awards: new, list, print.
    Decision {
        #[command(subcommand)]
        command: hoidong::cli_decision::DecisionCommand,
    },
    /// The certificates of a decision on A4 or the ward's pre-printed blanks.
    Certificates(hoidong::cli_certificates::CertificatesArgs),
    /// List the council's meetings.
    Meetings,
    /// The year's (or a phase's) report: counts and prize money per award and level, unit and kind, referrals upward (text, --xlsx, --pdf, --docx)
    Report(hoidong::cli_report::ReportArgs),
    /// The tờ trình upward for the nominations passed at a meeting for the same higher award (new, print)
    Submission {
        #[command(subcommand)]
        command: hoidong::cli_submission::SubmissionCommand,
    },
    /// Look at or prepare a meeting (show, ballot-record, new, add, move, remove, committee, note).
    Meeting {
        #[command(subcommand)]
        command: hoidong::cli_meeting::MeetingCommand,
    },
}

fn main() -> ExitCode {
    // Before anything opens a database: SQLite takes its error log only then.
    hoidong::store::corruption_log::install();
    hoidong::closed_stdout::end_quietly_when_stdout_closes();
    let cli = Cli::parse();
    let lang = hoidong::cli_messages::lang(cli.lang.as_deref());
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hoidong: {}", hoidong::cli_messages::failure(&e, lang));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Some(Command::Init { path, demo: true }) => {
            let mut store = location::create_new(&path)?;
            demo::populate(&mut store, demo::demo_spec())?;
            println!("demo database written to {}", path.display());
        }
        Some(Command::Init { path, demo: false }) => {
            drop(location::create_new(&path)?);
            let shown = path.display();
            match hoidong::cli_messages::lang(cli.lang.as_deref()) {
                Lang::Vi => println!(
                    "đã tạo cơ sở dữ liệu mới {shown} (chỉ có danh mục khen thưởng và quy tắc mặc định; chưa có phong trào); lần đầu mở giao diện `hoidong --db {shown}` sẽ hướng dẫn thiết lập đơn vị, hội đồng và thành viên (hoặc dùng lệnh `hoidong --db {shown} ward set …`, `council new …`)"
                ),
                Lang::En => println!(
                    "new database written to {shown} (the award catalogue and default rules only; no movement yet); the first `hoidong --db {shown}` opens the interface with a walk-through to set up the ward, the council and its members (or use `hoidong --db {shown} ward set …`, `council new …`)"
                ),
            }
        }
        Some(Command::Demo { path }) => {
            let mut store = location::create_new(&path)?;
            demo::populate(&mut store, demo::demo_spec())?;
            println!("demo database written to {}", path.display());
        }
        Some(Command::Gen {
            path,
            nominations,
            seed,
        }) => {
            let mut store = location::create_new(&path)?;
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
        Some(Command::Import(cmd)) => {
            hoidong::import::cli::run_import(cmd, cli.db.as_deref(), cli.lang.as_deref())?
        }
        Some(Command::Export(cmd)) => hoidong::export::run_export(cmd, cli.db.as_deref())?,
        Some(Command::Awards(c)) => hoidong::cli_awards::run(cli.db, cli.lang.as_deref(), c)?,
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
        Some(Command::Reindex) => {
            safety::cli::run_reindex(cli.db, safety::cli::lang_of(cli.lang.as_deref()))?
        }
        Some(Command::Backup { file }) => safety::cli::run_backup(cli.db, &file)?,
        Some(Command::Restore { file, force }) => safety::cli::run_restore(cli.db, &file, force)?,
        Some(Command::Exercise {
            seed,
            count,
            step,
            hold,
        }) => safety::cli::run_exercise(cli.db, seed, count, step, hold)?,
        Some(Command::Ward { command }) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_council::run_ward(cli.db.as_deref(), &command, lang)?
        }
        Some(Command::Council { command }) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_council::run_council(cli.db.as_deref(), &command, lang)?
        }
        Some(Command::Movement { command }) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_movement::run(cli.db.as_deref(), &command, lang)?
        }
        Some(Command::Rules { command }) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_rules::run(cli.db.as_deref(), &command, lang)?
        }
        Some(Command::Decision { command }) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_decision::run(cli.db, lang, command)?
        }
        Some(Command::Certificates(args)) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_certificates::run(cli.db, lang, args)?
        }
        Some(Command::Meetings) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_meeting::list(cli.db.as_deref(), lang)?
        }
        Some(Command::Report(args)) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_report::run(cli.db, lang, args)?
        }
        Some(Command::Submission { command }) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_submission::run(cli.db, lang, command)?
        }
        Some(Command::Meeting { command }) => {
            let lang = Lang::detect(cli.lang.as_deref().and_then(Lang::parse));
            hoidong::cli_meeting::run(cli.db.as_deref(), &command, lang)?
        }
        None => hoidong::tui::launch::run(cli.db, cli.lang.as_deref())?,
    }
    Ok(())
}
