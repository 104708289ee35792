//! The `hoidong` program: the interface, or a subcommand of the command line.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod cli;

use std::process::ExitCode;

use clap::FromArgMatches;

use cli::args::Cli;
use hoidong::i18n::Lang;

fn main() -> ExitCode {
    // Before anything opens a database: SQLite takes its error log only then.
    hoidong::store::corruption_log::install();
    hoidong::closed_stdout::end_quietly_when_stdout_closes();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cli::lang_from_args(&args);
    let parsed = cli::help::command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => refuse_command_line(&e, lang, &args),
    };
    match cli::dispatch::run(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "hoidong: {}",
                hoidong::i18n::cli_messages::failure(&e, lang)
            );
            ExitCode::FAILURE
        }
    }
}

/// Clap's refusal of the command line, in the user's language; help and
/// version go out as clap writes them.
fn refuse_command_line(e: &clap::Error, lang: Lang, args: &[std::ffi::OsString]) -> ! {
    use clap::error::ErrorKind;
    if lang == Lang::Vi
        && e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        && let Some(text) = cli::help::missing_subcommand(args)
    {
        eprint!("{text}");
        std::process::exit(2)
    }
    let shown_as_is = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if lang == Lang::En || shown_as_is {
        e.exit()
    }
    eprint!("{}", hoidong::i18n::cli_parse_errors::vietnamese(e));
    std::process::exit(e.exit_code())
}
