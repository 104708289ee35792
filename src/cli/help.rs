//! The command line's grammar with its top-level help in the user's language.

use clap::{Arg, ArgAction, Command, CommandFactory};

use hoidong::i18n::Lang;
use hoidong::i18n::cli_help_words as words;

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

/// `hoidong LỆNH` without the subcommand it needs, in Vietnamese: what is
/// missing, the subcommands there are, and the usage line. `None` when the
/// line names no command that has subcommands.
pub fn missing_subcommand(args: &[std::ffi::OsString]) -> Option<String> {
    let mut cmd = command(Lang::Vi);
    cmd.build();
    // The words that name subcommands, in order, as far as they go.
    let mut path: Vec<String> = Vec::new();
    let mut at = &cmd;
    for word in args.iter().skip(1).map(|a| a.to_string_lossy()) {
        if let Some(sub) = at.find_subcommand(word.as_ref()) {
            path.push(word.into_owned());
            at = sub;
        }
    }
    let names: Vec<&str> = at
        .get_subcommands()
        .map(|s| s.get_name())
        .filter(|n| *n != "help")
        .collect();
    if path.is_empty() || names.is_empty() {
        return None;
    }
    let names = names.join(", ");
    let mut current = &mut cmd;
    for name in &path {
        current = current.find_subcommand_mut(name)?;
    }
    let usage = current.render_usage().to_string();
    let whole = format!("hoidong {}", path.join(" "));
    Some(words::missing_subcommand(
        &whole,
        &names,
        usage.strip_prefix("Usage:").unwrap_or(&usage).trim(),
    ))
}
