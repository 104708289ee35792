//! Default key bindings as data: `resolve` turns a key into an action for the
//! layer on top; the hint bar and help come from the same table, so they agree.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub use super::key_binding::{Binding, Context, Key};
use super::key_binding::{bind, ch, ctrl, plain};

use super::action::Action;
use super::action::MeetingAction as MA;
use super::action::MinutesAction as MN;
use super::action::PlanAction as PA;

const DIGITS: &[Key] = &[
    ch('0'),
    ch('1'),
    ch('2'),
    ch('3'),
    ch('4'),
    ch('5'),
    ch('6'),
    ch('7'),
    ch('8'),
    ch('9'),
];

use Context as C;
use KeyCode as K;

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(C::Global, &[ctrl('c')], Action::Quit, false),
    // Dashboard. The hint bar shows hints in this order, as many as fit.
    bind(C::Dashboard, &[ch('?')], Action::Help, true),
    bind(C::Dashboard, &[ch('q')], Action::Quit, true),
    bind(C::Dashboard, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Dashboard, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Dashboard, &[plain(K::PageUp)], Action::PageUp, false),
    bind(C::Dashboard, &[plain(K::PageDown)], Action::PageDown, false),
    bind(C::Dashboard, &[plain(K::Home), ch('g')], Action::Home, false),
    bind(C::Dashboard, &[plain(K::End), ch('G')], Action::End, false),
    bind(C::Dashboard, &[ch('/')], Action::StartSearch, true),
    bind(C::Dashboard, &[ch('s')], Action::CycleStatus, true),
    bind(C::Dashboard, &[ch('t')], Action::CycleKind, true),
    bind(C::Dashboard, &[ch('c')], Action::CycleLevel, true),
    bind(C::Dashboard, &[ch('o')], Action::CycleSort, true),
    bind(C::Dashboard, &[ch('O')], Action::ReverseSort, false),
    bind(C::Dashboard, &[ch('x')], Action::ClearFilters, false),
    bind(C::Dashboard, &[ctrl('r'), plain(K::F(5))], Action::Refresh, false),
    bind(C::Dashboard, &[plain(K::Tab), plain(K::BackTab)], Action::NextPane, true),
    bind(C::Dashboard, &[plain(K::Enter)], Action::OpenScoring, true),
    bind(C::Dashboard, &[ch('n')], Action::NewNomination, true),
    bind(C::Dashboard, &[ch('e')], Action::EditNomination, true),
    bind(C::Dashboard, &[ch('v')], Action::AddEvidence, false),
    bind(C::Dashboard, &[ch('V')], Action::OpenEvidence, false),
    bind(C::Dashboard, &[ch('w')], Action::Withdraw, true),
    bind(C::Dashboard, &[ch('r')], Action::OpenRanking, false),
    bind(C::Dashboard, &[ch('i')], Action::ImportFile, false),
    bind(C::Dashboard, &[ch('X')], Action::ExportList, false),
    bind(C::Dashboard, &[ch('m')], Action::Meeting(MA::Enter), true),
    bind(C::Dashboard, &[ch('M')], Action::Plan(PA::Enter), true),
    // Search field: every other key edits the text.
    bind(C::Search, &[plain(K::Enter)], Action::SearchKeep, true),
    bind(C::Search, &[plain(K::Esc)], Action::SearchClear, true),
    bind(C::Search, &[plain(K::Up)], Action::Up, false),
    bind(C::Search, &[plain(K::Down)], Action::Down, false),
    bind(C::Search, &[plain(K::PageUp)], Action::PageUp, false),
    bind(C::Search, &[plain(K::PageDown)], Action::PageDown, false),
    // Scoring grid.
    bind(C::Scoring, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Scoring, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Scoring, &[plain(K::Left), ch('h')], Action::Left, false),
    bind(C::Scoring, &[plain(K::Right), ch('l')], Action::Right, false),
    bind(C::Scoring, &[plain(K::Tab)], Action::NextMember, false),
    bind(C::Scoring, &[plain(K::BackTab)], Action::PrevMember, false),
    // Spelled out: actions may own text, so a static cannot drop a temporary.
    Binding {
        context: C::Scoring,
        keys: DIGITS,
        action: Action::TypeScore,
        hint: true,
        label: Some("0–9"),
    },
    bind(C::Scoring, &[plain(K::Enter), ch('e')], Action::EditScore, true),
    bind(C::Scoring, &[plain(K::Delete), ch('d')], Action::ClearScore, true),
    bind(C::Scoring, &[ch('r')], Action::ToggleRecusal, true),
    bind(C::Scoring, &[ch('?')], Action::Help, true),
    bind(C::Scoring, &[plain(K::Esc), ch('q')], Action::Close, true),
    // Typing a score: digits and editing keys go to the field.
    bind(C::ScoreEdit, &[plain(K::Enter)], Action::Confirm, true),
    bind(C::ScoreEdit, &[plain(K::Esc)], Action::Cancel, true),
    // Forms: every other key edits the focused field.
    bind(C::Form, &[ctrl('s')], Action::Save, true),
    bind(C::Form, &[plain(K::Tab)], Action::NextField, true),
    bind(C::Form, &[plain(K::BackTab)], Action::PrevField, true),
    bind(C::Form, &[plain(K::Esc)], Action::Cancel, true),
    // Evidence items of one nomination.
    bind(C::EvidenceList, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::EvidenceList, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::EvidenceList, &[plain(K::Home), ch('g')], Action::Home, false),
    bind(C::EvidenceList, &[plain(K::End), ch('G')], Action::End, false),
    bind(C::EvidenceList, &[plain(K::Enter), ch('e')], Action::EditEvidence, true),
    bind(C::EvidenceList, &[ch('n'), ch('v')], Action::AddEvidence, true),
    bind(C::EvidenceList, &[ch('?')], Action::Help, true),
    bind(C::EvidenceList, &[plain(K::Esc), ch('q')], Action::Close, true),
    // Ranking per round and award level.
    bind(C::Ranking, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Ranking, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Ranking, &[plain(K::Left), ch('h')], Action::Left, true),
    bind(C::Ranking, &[plain(K::Right), ch('l')], Action::Right, true),
    bind(C::Ranking, &[plain(K::Tab), ch('c')], Action::CycleLevel, true),
    bind(C::Ranking, &[ch('?')], Action::Help, true),
    bind(C::Ranking, &[plain(K::Esc), ch('q')], Action::Close, true),
    // Meeting mode. Help and the way back first, so the hint bar always shows them.
    bind(C::Meeting, &[ch('?')], Action::Help, true),
    bind(C::Meeting, &[plain(K::Esc), ch('q')], Action::Close, true),
    bind(C::Meeting, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Meeting, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Meeting, &[ch('p')], Action::Meeting(MA::Present), true),
    bind(C::Meeting, &[ch('a')], Action::Meeting(MA::Absent), true),
    bind(C::Meeting, &[ch('w')], Action::Meeting(MA::AbsentOpinion), true),
    bind(C::Meeting, &[plain(K::Right), ch(']')], Action::Meeting(MA::NextItem), true),
    bind(C::Meeting, &[plain(K::Left), ch('[')], Action::Meeting(MA::PrevItem), true),
    bind(C::Meeting, &[ch('v')], Action::Meeting(MA::Vote), true),
    bind(C::Meeting, &[ch('e')], Action::Meeting(MA::Amend), false),
    bind(C::Meeting, &[ch('n')], Action::Minutes(MN::Open), true),
    bind(C::Meeting, &[ch('b')], Action::Minutes(MN::Preview), true),
    bind(C::Meeting, &[plain(K::Tab)], Action::Meeting(MA::NextMeeting), false),
    bind(C::Meeting, &[ch('o')], Action::Meeting(MA::OpenSession), true),
    bind(C::Meeting, &[ch('c')], Action::Meeting(MA::CloseSession), true),
    bind(C::Meeting, &[ch('t')], Action::Meeting(MA::Times), true),
    // Typing in meeting mode: digits and letters go to the field.
    bind(C::MeetingInput, &[plain(K::Enter)], Action::Confirm, true),
    bind(C::MeetingInput, &[plain(K::Esc)], Action::Cancel, true),
    bind(C::MeetingInput, &[plain(K::Tab), plain(K::Down)], Action::Meeting(MA::NextField), true),
    bind(C::MeetingInput, &[plain(K::BackTab), plain(K::Up)], Action::Meeting(MA::PrevField), true),
    bind(C::MeetingInput, &[plain(K::F(2))], Action::Meeting(MA::SwitchMethod), false),
    // Meetings list and agenda planning.
    bind(C::Meetings, &[ch('?')], Action::Help, true),
    bind(C::Meetings, &[plain(K::Esc), ch('q')], Action::Close, true),
    bind(C::Meetings, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Meetings, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Meetings, &[ch('n')], Action::Plan(PA::New), true),
    bind(C::Meetings, &[ch('e')], Action::Plan(PA::Edit), true),
    bind(C::Meetings, &[ch('a'), plain(K::Right)], Action::Plan(PA::Agenda), true),
    bind(C::Meetings, &[plain(K::Enter)], Action::Plan(PA::OpenMode), true),
    bind(C::Agenda, &[ch('?')], Action::Help, true),
    bind(C::Agenda, &[plain(K::Esc), ch('q'), plain(K::Left)], Action::Close, true),
    bind(C::Agenda, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Agenda, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Agenda, &[ch('a')], Action::Plan(PA::Pick), true),
    bind(C::Agenda, &[ch('f')], Action::Plan(PA::AddMatching), true),
    bind(C::Agenda, &[ch('d'), plain(K::Delete)], Action::Plan(PA::Remove), true),
    bind(C::Agenda, &[ch('K')], Action::Plan(PA::MoveUp), true),
    bind(C::Agenda, &[ch('J')], Action::Plan(PA::MoveDown), true),
    bind(C::Agenda, &[ch('c')], Action::Plan(PA::Committee), true),
    bind(C::Agenda, &[ch('e')], Action::Plan(PA::Edit), false),
    bind(C::Agenda, &[plain(K::Enter)], Action::Plan(PA::OpenMode), true),
    // Typing in a planning form or the picker: other keys go to the field.
    bind(C::PlanInput, &[plain(K::Enter)], Action::Confirm, true),
    bind(C::PlanInput, &[plain(K::Esc)], Action::Cancel, true),
    bind(C::PlanInput, &[plain(K::Tab)], Action::Plan(PA::NextField), true),
    bind(C::PlanInput, &[plain(K::BackTab)], Action::Plan(PA::PrevField), true),
    bind(C::PlanInput, &[plain(K::Down)], Action::Down, false),
    bind(C::PlanInput, &[plain(K::Up)], Action::Up, false),
    // Live minutes.
    bind(C::Minutes, &[ch('?')], Action::Help, true),
    bind(C::Minutes, &[plain(K::Esc), ch('q')], Action::Close, true),
    bind(C::Minutes, &[ch('n')], Action::Minutes(MN::NewNote), true),
    bind(C::Minutes, &[plain(K::Enter), ch('e')], Action::Minutes(MN::EditNote), true),
    bind(C::Minutes, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Minutes, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Minutes, &[plain(K::Right), ch(']')], Action::Minutes(MN::NextItem), true),
    bind(C::Minutes, &[plain(K::Left), ch('[')], Action::Minutes(MN::PrevItem), true),
    bind(C::Minutes, &[ch('p')], Action::Minutes(MN::Preview), true),
    // Typing a note: Enter is a new line; Esc saves and leaves.
    bind(C::MinutesEdit, &[plain(K::Esc)], Action::Minutes(MN::Done), true),
    bind(C::MinutesEdit, &[ctrl('s')], Action::Minutes(MN::Save), true),
    bind(C::MinutesEdit, &[plain(K::Tab)], Action::Minutes(MN::CycleKind), true),
    // Preview, printing, sign-off.
    bind(C::Preview, &[ch('?')], Action::Help, true),
    bind(C::Preview, &[plain(K::Esc), ch('q')], Action::Close, true),
    bind(C::Preview, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Preview, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Preview, &[plain(K::PageUp)], Action::PageUp, false),
    bind(C::Preview, &[plain(K::PageDown), ch(' ')], Action::PageDown, false),
    bind(C::Preview, &[plain(K::Home), ch('g')], Action::Home, false),
    bind(C::Preview, &[plain(K::End), ch('G')], Action::End, false),
    bind(C::Preview, &[ch('b')], Action::Minutes(MN::ToggleDocument), true),
    bind(C::Preview, &[ch('a')], Action::Minutes(MN::NextAddendum), true),
    bind(C::Preview, &[ch('P')], Action::Minutes(MN::WritePdf), true),
    bind(C::Preview, &[ch('D')], Action::Minutes(MN::WriteDocx), true),
    bind(C::Preview, &[ch('M')], Action::Minutes(MN::WriteMarkdown), true),
    bind(C::Preview, &[ch('l')], Action::Minutes(MN::PrintPdf), true),
    bind(C::Preview, &[ch('s')], Action::Minutes(MN::SignOff), true),
    // Modals.
    bind(C::Prompt, &[plain(K::Enter)], Action::Confirm, true),
    bind(C::Prompt, &[plain(K::Esc)], Action::Cancel, true),
    bind(C::Report, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Report, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Report, &[plain(K::PageUp)], Action::PageUp, false),
    bind(C::Report, &[plain(K::PageDown)], Action::PageDown, false),
    bind(C::Report, &[plain(K::Esc), plain(K::Enter), ch('q')], Action::Close, true),
    bind(C::Help, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::Help, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::Help, &[plain(K::PageUp)], Action::PageUp, false),
    bind(C::Help, &[plain(K::PageDown)], Action::PageDown, false),
    bind(C::Help, &[plain(K::Home), ch('g')], Action::Home, false),
    bind(C::Help, &[plain(K::End), ch('G')], Action::End, false),
    bind(C::Help, &[plain(K::Esc), ch('?'), ch('q')], Action::Close, true),
    bind(C::Confirm, &[plain(K::Enter), ch('y')], Action::Confirm, true),
    bind(C::Confirm, &[plain(K::Esc), ch('n')], Action::Cancel, true),
    bind(C::Message, &[plain(K::Enter), plain(K::Esc)], Action::Close, true),
];

/// The action for `key` in `context`, falling back to the global bindings.
pub fn resolve(context: Context, key: &KeyEvent) -> Option<Action> {
    let find = |ctx: Context| {
        all_bindings()
            .filter(|b| b.context == ctx)
            .find(|b| b.keys.iter().any(|k| k.matches(key)))
            .map(|b| b.action)
    };
    find(context).or_else(|| find(Context::Global))
}

/// Bindings of one context, in table order (for the help and the hint bar).
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    all_bindings().filter(move |b| b.context == context)
}

/// The general table, then the awards screens', the set-up's and the
/// movements' and rules' tables.
fn all_bindings() -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .chain(super::awards::keys::BINDINGS.iter())
        .chain(super::screens::setup::keys::BINDINGS.iter())
        .chain(super::screens::movements::keys::BINDINGS.iter())
        .chain(super::screens::import_keys::BINDINGS.iter())
}

/// All key labels of a binding, e.g. "↑/k".
pub fn keys_label(b: &Binding) -> String {
    match b.label {
        Some(l) => l.to_string(),
        None => b.keys.iter().map(Key::label).collect::<Vec<_>>().join("/"),
    }
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
