//! Key bindings of the awards screens, as data in the same shape as
//! `keymap::BINDINGS`; `keymap::resolve` and the generated help and hints
//! read both tables.

use ratatui::crossterm::event::KeyCode;

use crate::domain::referral::StepKind;
use crate::tui::action::Action;
use crate::tui::action::AwardAction as A;
use crate::tui::key_binding::{Binding, Context as C, Key, bind, ch, plain};

const fn aw(a: A) -> Action {
    Action::Awards(a)
}

use KeyCode as K;

const UP: &[Key] = &[plain(K::Up), ch('k')];
const DOWN: &[Key] = &[plain(K::Down), ch('j')];
const CLOSE: &[Key] = &[plain(K::Esc), ch('q')];

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // From the dashboard.
    bind(C::Dashboard, &[ch('d')], aw(A::DecideOrRefer), true),
    bind(C::Dashboard, &[ch('a')], aw(A::OpenBoard), true),
    bind(C::Dashboard, &[ch('h')], aw(A::OpenNominee), false),
    bind(C::Dashboard, &[ch('A')], aw(A::OpenAudit), false),
    // Awards board.
    bind(C::AwardsBoard, &[plain(K::Enter)], aw(A::OpenSelected), true),
    bind(C::AwardsBoard, &[ch('e')], aw(A::Export), true),
    bind(C::AwardsBoard, &[ch('G')], aw(A::DecideMany), true),
    bind(C::AwardsBoard, &[ch('C')], aw(A::Calibrate), false),
    bind(C::AwardsBoard, &[ch('b')], aw(A::Report), true),
    bind(C::AwardsBoard, &[ch('t')], aw(A::Submission), true),
    bind(C::AwardsBoard, UP, Action::Up, false),
    bind(C::AwardsBoard, DOWN, Action::Down, false),
    bind(C::AwardsBoard, &[ch('?')], Action::Help, true),
    bind(C::AwardsBoard, CLOSE, Action::Close, true),
    // Nominee page with the register list.
    bind(C::AwardsNominee, &[ch('/')], Action::StartSearch, true),
    bind(C::AwardsNominee, &[plain(K::Enter)], aw(A::OpenSelected), true),
    bind(C::AwardsNominee, UP, Action::Up, false),
    bind(C::AwardsNominee, DOWN, Action::Down, false),
    bind(C::AwardsNominee, &[plain(K::PageUp)], Action::PageUp, false),
    bind(C::AwardsNominee, &[plain(K::PageDown)], Action::PageDown, false),
    bind(C::AwardsNominee, &[plain(K::Tab)], Action::NextPane, true),
    bind(C::AwardsNominee, &[ch('?')], Action::Help, true),
    bind(C::AwardsNominee, CLOSE, Action::Close, true),
    bind(C::AwardsSearch, &[plain(K::Enter)], Action::SearchKeep, true),
    bind(C::AwardsSearch, &[plain(K::Esc)], Action::SearchClear, true),
    bind(C::AwardsSearch, &[plain(K::Up)], Action::Up, false),
    bind(C::AwardsSearch, &[plain(K::Down)], Action::Down, false),
    // Referral: the dossier and the steps.
    bind(C::AwardsReferral, &[ch('t'), plain(K::Enter)], aw(A::Tick), true),
    bind(C::AwardsReferral, &[ch('s')], aw(A::Step(StepKind::Send)), true),
    bind(C::AwardsReferral, &[ch('r')], aw(A::Step(StepKind::Return)), true),
    bind(C::AwardsReferral, &[ch('e')], aw(A::Step(StepKind::Resend)), true),
    bind(C::AwardsReferral, &[ch('a')], aw(A::Step(StepKind::Approve)), true),
    bind(C::AwardsReferral, &[ch('x')], aw(A::Step(StepKind::Refuse)), false),
    bind(C::AwardsReferral, &[ch('c')], aw(A::Step(StepKind::Confer)), true),
    bind(C::AwardsReferral, &[ch('f')], aw(A::Step(StepKind::Forward)), false),
    bind(C::AwardsReferral, UP, Action::Up, false),
    bind(C::AwardsReferral, DOWN, Action::Down, false),
    bind(C::AwardsReferral, &[ch('?')], Action::Help, true),
    bind(C::AwardsReferral, CLOSE, Action::Close, true),
    // A form: every other key edits the field in focus.
    bind(C::AwardsForm, &[plain(K::Enter)], Action::Save, true),
    bind(C::AwardsForm, &[plain(K::Tab), plain(K::Down)], Action::NextField, true),
    bind(C::AwardsForm, &[plain(K::BackTab), plain(K::Up)], Action::PrevField, false),
    bind(C::AwardsForm, &[plain(K::Esc)], Action::Cancel, true),
    // Audit log.
    bind(C::AwardsAudit, UP, Action::Up, false),
    bind(C::AwardsAudit, DOWN, Action::Down, false),
    bind(C::AwardsAudit, &[plain(K::PageUp)], Action::PageUp, true),
    bind(C::AwardsAudit, &[plain(K::PageDown)], Action::PageDown, true),
    bind(C::AwardsAudit, &[plain(K::Tab)], Action::NextPane, true),
    bind(C::AwardsAudit, &[ch('f')], aw(A::ToggleFilter), true),
    bind(C::AwardsAudit, &[ch('?')], Action::Help, true),
    bind(C::AwardsAudit, CLOSE, Action::Close, true),
];
