//! The command line's grammar with its top-level help in the user's language.

use clap::{Arg, ArgAction, Command, CommandFactory};

use hoidong::i18n::cli_help_words as words;
use hoidong::tui::strings::Lang;

use crate::cli::args::Cli;

/// The command line as clap reads it; in Vietnamese, the top-level help
/// (the program's line, each subcommand's line, the options) is Vietnamese.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = cmd
        .about(words::ABOUT)
        .help_template(words::TEMPLATE)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .help(words::HELP_FLAG),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words::VERSION_FLAG),
        );
    // Disabling clap's own flag reaches every subcommand: the flag above is
    // global, so `hoidong LỆNH --help` keeps working.
    for (name, about) in words::SUBCOMMANDS {
        if cmd.find_subcommand(name).is_some() {
            cmd = cmd.mut_subcommand(*name, |s| s.about(*about));
        }
    }
    for (name, help) in words::OPTIONS {
        cmd = cmd.mut_arg(*name, |a| a.help(*help).hide_possible_values(true));
    }
    cmd
}
