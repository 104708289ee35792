//! Every text the user reads, in Vietnamese (default) and English: the
//! terminal interface, the command line, reports, exports and refusals (the
//! running text of printed documents is composed in `print::compose`). One
//! `Lang` chooses; each text is a field of a per-language table or a `match`
//! with both arms, so a missing translation does not compile. The domain
//! returns data; the wording of its values lives here.

pub mod awards;
pub mod awards_refusal;
pub mod ballots;
pub mod cli_awards_words;
pub mod cli_help_words;
pub mod cli_meeting_show_words;
pub mod cli_meeting_words;
pub mod cli_messages;
pub mod cli_parse_errors;
pub mod council;
pub mod eligibility;
pub mod export;
pub mod import_preview;
pub mod import_problem;
pub mod import_report;
pub mod labels;
pub mod movement;
pub mod numbers;
pub mod record;
pub mod report;
pub mod safety;
pub mod setup_screens;
pub mod strings;
pub mod strings_decision;
pub mod strings_forms;
pub mod strings_import;
pub mod strings_meeting;
pub mod strings_minutes;
pub mod strings_plan;
pub mod strings_refusal;
pub mod strings_setup;
pub mod strings_store;
pub mod submission;
pub mod text;

/// The language of the interface, of the command line and of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `--lang` wins; otherwise the first set of LC_ALL, LC_MESSAGES, LANG
    /// (POSIX precedence) decides: English when it starts with "en".
    pub fn detect(cli: Option<Lang>) -> Lang {
        if let Some(l) = cli {
            return l;
        }
        let var = |k: &str| std::env::var(k).ok();
        Lang::from_locale_vars(var("LC_ALL"), var("LC_MESSAGES"), var("LANG"))
    }

    pub fn from_locale_vars(
        lc_all: Option<String>,
        lc_messages: Option<String>,
        lang: Option<String>,
    ) -> Lang {
        let chosen = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty());
        match chosen {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}
