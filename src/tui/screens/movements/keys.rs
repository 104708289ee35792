//! Key bindings of the movements and rules screens, in the shape of
//! `keymap::BINDINGS`; `keymap::resolve`, the hints and the help read them.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Action;
use crate::tui::action::MovementsAction as S;
use crate::tui::key_binding::{Binding, Context as C, Key, bind, ch, plain};

const fn su(a: S) -> Action {
    Action::Movements(a)
}

use KeyCode as K;

const UP: &[Key] = &[plain(K::Up), ch('k')];
const DOWN: &[Key] = &[plain(K::Down), ch('j')];
const CLOSE: &[Key] = &[plain(K::Esc), ch('q')];

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // From the dashboard.
    bind(C::Dashboard, &[ch('P')], su(S::OpenMovements), false),
    bind(C::Dashboard, &[ch('R')], su(S::OpenRules), false),
    // Movements: the list above, the selected movement's criteria below.
    bind(C::Movements, &[ch('?')], Action::Help, true),
    bind(C::Movements, CLOSE, Action::Close, true),
    bind(C::Movements, UP, Action::Up, false),
    bind(C::Movements, DOWN, Action::Down, false),
    bind(C::Movements, &[plain(K::Tab), plain(K::BackTab)], Action::NextPane, true),
    bind(C::Movements, &[ch('n')], su(S::NewMovement), true),
    bind(C::Movements, &[ch('s')], su(S::SeedMovement), true),
    bind(C::Movements, &[ch('c')], su(S::CopyMovement), true),
    bind(C::Movements, &[ch('u')], su(S::UseMovement), true),
    bind(C::Movements, &[ch('a')], su(S::AddGroup), true),
    bind(C::Movements, &[ch('+')], su(S::AddCriterion), true),
    bind(C::Movements, &[plain(K::Enter), ch('e')], su(S::Edit), true),
    // Rules: one figure a line.
    bind(C::Rules, &[ch('?')], Action::Help, true),
    bind(C::Rules, CLOSE, Action::Close, true),
    bind(C::Rules, UP, Action::Up, false),
    bind(C::Rules, DOWN, Action::Down, false),
    bind(C::Rules, &[plain(K::Enter), ch('e')], su(S::Edit), true),
];
