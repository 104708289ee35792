//! Key bindings of the set-up screens, as data in the same shape as
//! `keymap::BINDINGS`; `keymap::resolve` and the generated help and hints
//! read this table too.

use ratatui::crossterm::event::KeyCode;

use super::SetupAction as S;
use crate::tui::action::Action;
use crate::tui::key_binding::{Binding, Context as C, Key, bind, ch, ctrl, plain};

const fn set(a: S) -> Action {
    Action::Setup(a)
}

use KeyCode as K;

const UP: &[Key] = &[plain(K::Up), ch('k')];
const DOWN: &[Key] = &[plain(K::Down), ch('j')];
const CLOSE: &[Key] = &[plain(K::Esc), ch('q')];

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(C::Dashboard, &[ch('S')], set(S::OpenSettings), true),
    // First run: the demo or one's own council.
    bind(C::SetupChoice, &[plain(K::Enter)], Action::Confirm, true),
    bind(C::SetupChoice, &[ch('d')], set(S::ChooseDemo), true),
    bind(C::SetupChoice, &[ch('o')], set(S::ChooseOwn), true),
    bind(C::SetupChoice, UP, Action::Up, false),
    bind(C::SetupChoice, DOWN, Action::Down, false),
    bind(C::SetupChoice, CLOSE, Action::Close, true),
    bind(C::SetupChoice, &[ch('?')], Action::Help, true),
    // The settings screen: one line a step.
    bind(C::SetupMenu, &[plain(K::Enter)], Action::Confirm, true),
    bind(C::SetupMenu, &[ch('w')], set(S::WalkFrom(super::Step::Ward)), true),
    bind(C::SetupMenu, UP, Action::Up, false),
    bind(C::SetupMenu, DOWN, Action::Down, false),
    bind(C::SetupMenu, CLOSE, Action::Close, true),
    bind(C::SetupMenu, &[ch('?')], Action::Help, true),
    // A set-up form: other keys edit the focused field.
    bind(C::SetupForm, &[ctrl('s')], Action::Save, true),
    bind(C::SetupForm, &[plain(K::Tab)], Action::NextField, true),
    bind(C::SetupForm, &[plain(K::BackTab)], Action::PrevField, true),
    bind(C::SetupForm, &[plain(K::PageDown)], set(S::Skip), true),
    bind(C::SetupForm, &[plain(K::PageUp)], set(S::Back), true),
    bind(C::SetupForm, &[plain(K::Esc)], Action::Cancel, true),
    // A member's addition, replacement or end.
    bind(C::SetupMemberForm, &[ctrl('s')], Action::Save, true),
    bind(C::SetupMemberForm, &[plain(K::Tab)], Action::NextField, true),
    bind(C::SetupMemberForm, &[plain(K::BackTab)], Action::PrevField, true),
    bind(C::SetupMemberForm, &[plain(K::Esc)], Action::Cancel, true),
    // The members.
    bind(C::SetupMembers, &[ch('a')], set(S::AddMember), true),
    bind(C::SetupMembers, &[ch('r')], set(S::ReplaceMember), true),
    bind(C::SetupMembers, &[ch('x')], set(S::EndMember), true),
    bind(C::SetupMembers, UP, Action::Up, false),
    bind(C::SetupMembers, DOWN, Action::Down, false),
    bind(C::SetupMembers, &[plain(K::PageDown), plain(K::Enter)], set(S::Skip), true),
    bind(C::SetupMembers, &[plain(K::PageUp)], set(S::Back), true),
    bind(C::SetupMembers, CLOSE, Action::Close, true),
    bind(C::SetupMembers, &[ch('?')], Action::Help, true),
    // Movements and rules: their own screens open over the step.
    bind(C::SetupLater, &[plain(K::Enter)], set(S::OpenHere), true),
    bind(C::SetupLater, &[plain(K::PageDown)], set(S::Skip), true),
    bind(C::SetupLater, &[plain(K::PageUp)], set(S::Back), true),
    bind(C::SetupLater, CLOSE, Action::Close, true),
    bind(C::SetupLater, &[ch('?')], Action::Help, true),
];
