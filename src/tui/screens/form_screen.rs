//! What every full-screen form does with the actions it does not save on:
//! move between fields, ask before leaving what was typed, and leave once
//! the discard is confirmed. Each form adds only its own save.

use crate::i18n::strings::Strings;
use crate::i18n::strings_forms::forms;
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::screen::Outcome;
use crate::tui::widgets::form::Form;

/// An action on `form` other than saving.
pub fn apply<K: Copy + Eq>(form: &mut Form<K>, s: &Strings, action: &Action) -> Outcome {
    match action {
        Action::NextField => form.next(),
        Action::PrevField => form.prev(),
        Action::Cancel if form.dirty => {
            return Outcome::Ask(forms(s).confirm_discard.into(), Command::Discard);
        }
        Action::Cancel => return Outcome::Close,
        _ => {}
    }
    Outcome::Nothing
}

/// A confirmed step of a form: the discard closes it.
pub fn run(command: &Command) -> Outcome {
    match command {
        Command::Discard => Outcome::Close,
        _ => Outcome::Nothing,
    }
}

/// A day typed in a form (15/01/2026 or 2026-01-15): the one date parser.
pub fn parse_day(text: &str) -> Option<chrono::NaiveDate> {
    crate::domain::dates::parse_entered_date(text)
}
