//! Key bindings of the import preview, in the same shape as
//! `keymap::BINDINGS`; `keymap::resolve`, the hints and the help read them.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::{Action, ImportAction as I};
use crate::tui::key_binding::{Binding, Context as C, bind, ch, ctrl, plain};

const fn im(a: I) -> Action {
    Action::Import(a)
}

use KeyCode as K;

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(C::ImportPreview, &[ch('s'), ctrl('s')], im(I::Save), true),
    bind(C::ImportPreview, &[plain(K::Enter), ch('m')], im(I::MapColumn), true),
    bind(C::ImportPreview, &[plain(K::Esc), ch('q')], Action::Close, true),
    bind(C::ImportPreview, &[ch('r')], im(I::SetRound), true),
    bind(C::ImportPreview, &[ch('a')], im(I::SetAward), true),
    bind(C::ImportPreview, &[ch('k')], im(I::SetKind), true),
    bind(C::ImportPreview, &[ch('p')], im(I::SetMovement), true),
    bind(C::ImportPreview, &[ch('?')], Action::Help, false),
    bind(C::ImportPreview, &[plain(K::Up)], Action::Up, false),
    bind(C::ImportPreview, &[plain(K::Down)], Action::Down, false),
    bind(C::ImportPreview, &[plain(K::PageUp)], Action::PageUp, false),
    bind(C::ImportPreview, &[plain(K::PageDown), ch(' ')], Action::PageDown, false),
    bind(C::ImportPreview, &[plain(K::Home)], Action::Home, false),
    bind(C::ImportPreview, &[plain(K::End)], Action::End, false),
    bind(C::ImportChoose, &[plain(K::Enter)], Action::Confirm, true),
    bind(C::ImportChoose, &[plain(K::Esc)], Action::Cancel, true),
    bind(C::ImportChoose, &[plain(K::Up), ch('k')], Action::Up, false),
    bind(C::ImportChoose, &[plain(K::Down), ch('j')], Action::Down, false),
    bind(C::ImportInput, &[plain(K::Enter)], Action::Confirm, true),
    bind(C::ImportInput, &[plain(K::Esc)], Action::Cancel, true),
];
