//! Text in the interface's language.

pub mod cli_awards_words;
pub mod cli_help_words;
pub mod cli_meeting_show_words;
pub mod cli_meeting_words;
pub mod cli_messages;
pub mod cli_parse_errors;

pub use crate::tui::strings::Lang;
