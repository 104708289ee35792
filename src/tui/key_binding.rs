//! What a key table is made of: the layer a key is for (`Context`), a key
//! with its modifiers, and a binding of keys to an action; with the short
//! constructors every area's table (`keymap`, the awards', the set-up's,
//! the movements', the import preview's) is written with.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Which layer the key is for; computed from the app's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Works in every context unless that context binds the same key.
    Global,
    Dashboard,
    /// Typing in the dashboard's search field.
    Search,
    Scoring,
    /// Typing a score into a cell of the scoring grid.
    ScoreEdit,
    /// Meeting mode: attendance, agenda, votes.
    Meeting,
    /// Typing an absence reason or a vote tally in meeting mode.
    MeetingInput,
    /// The list of meetings.
    Meetings,
    /// One meeting's agenda and counting committee, being prepared.
    Agenda,
    /// Typing in the meeting form, the committee form or the nomination picker.
    PlanInput,
    /// The live minutes: notes of the current item.
    Minutes,
    /// Typing a note: every key but these edits the text.
    MinutesEdit,
    /// The minutes or ballot-count record as they print.
    Preview,
    Help,
    Confirm,
    Message,
    /// A form of fields: keys other than these go to the focused field.
    Form,
    /// A one-line question (a reason, a file name): other keys are typed.
    Prompt,
    Ranking,
    /// The evidence items of one nomination.
    EvidenceList,
    /// A long text to read (e.g. an import report).
    Report,
    AwardsBoard,
    AwardsNominee,
    /// Typing in the register search of the nominee page.
    AwardsSearch,
    AwardsReferral,
    /// Typing in a decision, referral or step form.
    AwardsForm,
    AwardsAudit,
    /// The movements and their criteria.
    Movements,
    /// The council's rules.
    Rules,
    /// First run: the demo or one's own council.
    SetupChoice,
    /// The settings screen: the set-up steps.
    SetupMenu,
    /// Typing in a set-up step's form (the ward, the council).
    SetupForm,
    /// Typing in the form of a member's addition, replacement or end.
    SetupMemberForm,
    /// The council's members.
    SetupMembers,
    /// A set-up step whose screen is elsewhere.
    SetupLater,
    /// The preview of a list before it is imported.
    ImportPreview,
    /// Choosing a field, a kind, an award or a movement in the preview.
    ImportChoose,
    /// Typing a value (the round) in the preview.
    ImportInput,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// Shown in the hint bar (the help shows every binding).
    pub hint: bool,
    /// How the keys are written when listing each would be too long ("0–9").
    pub label: Option<&'static str>,
}

pub const fn bind(context: Context, keys: &'static [Key], action: Action, hint: bool) -> Binding {
    Binding {
        context,
        keys,
        action,
        hint,
        label: None,
    }
}

impl Key {
    /// Does a pressed key match this binding? Shift is part of an upper-case
    /// character, so it is ignored for characters.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                let mods = ev.modifiers - KeyModifiers::SHIFT;
                a == b && mods == self.mods - KeyModifiers::SHIFT
            }
            // Terminals send Shift+Tab as BackTab, with or without SHIFT.
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            (a, b) => a == b && ev.modifiers == self.mods,
        }
    }

    /// How the key is written in hints and help.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::Backspace => "Bksp".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl+{base}")
        } else {
            base
        }
    }
}
