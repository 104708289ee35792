//! The command line: clap's definitions and one module per subcommand. It is
//! part of the binary only, so nothing in the library can depend on it.

pub mod args;
pub mod awards;
pub mod certificates;
pub mod council;
pub mod database;
pub mod decision;
pub mod dispatch;
pub mod export;
pub mod import;
pub mod meeting;
pub mod meeting_text;
pub mod movement;
pub mod print;
pub mod report;
pub mod rules;
pub mod safety;
pub mod submission;

use std::ffi::OsString;
use std::sync::OnceLock;

use hoidong::i18n::Lang;

static LANG: OnceLock<Lang> = OnceLock::new();

/// The language of this run, for the few words said while the command line
/// is still being read (a date clap could not parse).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::Vi)
}

/// The language from `--lang X` / `--lang=X` (else the locale), found before
/// clap reads the line, so that clap's own refusals are in it too.
pub fn lang_from_args(args: &[OsString]) -> Lang {
    let mut given = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            given = words.next().map(|w| w.into_owned());
        } else if let Some(value) = word.strip_prefix("--lang=") {
            given = Some(value.to_string());
        }
    }
    let lang = hoidong::i18n::cli_messages::lang(given.as_deref());
    let _ = LANG.set(lang);
    lang
}
pub mod help;
