//! Tests of the keymap: resolution, no duplicate keys, help from the same table.
use super::*;
use ratatui::crossterm::event::{KeyEventKind, KeyModifiers};

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    let mut k = KeyEvent::new(code, mods);
    k.kind = KeyEventKind::Press;
    k
}

#[test]
fn arrows_and_vim_keys_move() {
    let down = resolve(C::Dashboard, &key(K::Down, KeyModifiers::NONE));
    assert_eq!(down, Some(Action::Down));
    let j = resolve(C::Dashboard, &key(K::Char('j'), KeyModifiers::NONE));
    assert_eq!(j, Some(Action::Down));
    let k = resolve(C::Dashboard, &key(K::Char('k'), KeyModifiers::NONE));
    assert_eq!(k, Some(Action::Up));
}

#[test]
fn shifted_characters_match_their_upper_case_binding() {
    let g = resolve(C::Dashboard, &key(K::Char('G'), KeyModifiers::SHIFT));
    assert_eq!(g, Some(Action::End));
    let q = resolve(C::Dashboard, &key(K::Char('?'), KeyModifiers::SHIFT));
    assert_eq!(q, Some(Action::Help));
    // Lower-case g is Home, not End.
    let home = resolve(C::Dashboard, &key(K::Char('g'), KeyModifiers::NONE));
    assert_eq!(home, Some(Action::Home));
}

#[test]
fn control_keys_do_not_match_plain_bindings() {
    let ctrl_q = resolve(C::Dashboard, &key(K::Char('q'), KeyModifiers::CONTROL));
    assert_eq!(ctrl_q, None);
    let ctrl_c = resolve(C::Dashboard, &key(K::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(ctrl_c, Some(Action::Quit));
}

#[test]
fn search_leaves_letters_to_the_text_field() {
    assert_eq!(
        resolve(C::Search, &key(K::Char('q'), KeyModifiers::NONE)),
        None
    );
    assert_eq!(
        resolve(C::Search, &key(K::Char('j'), KeyModifiers::NONE)),
        None
    );
    let esc = resolve(C::Search, &key(K::Esc, KeyModifiers::NONE));
    assert_eq!(esc, Some(Action::SearchClear));
}

#[test]
fn every_context_but_global_has_a_way_out() {
    for ctx in [
        C::Dashboard,
        C::Scoring,
        C::Meeting,
        C::MeetingInput,
        C::Meetings,
        C::Agenda,
        C::PlanInput,
        C::Minutes,
        C::MinutesEdit,
        C::Preview,
        C::Help,
        C::Confirm,
        C::Message,
        C::SetupChoice,
        C::SetupMenu,
        C::SetupForm,
        C::SetupMemberForm,
        C::SetupMembers,
        C::SetupLater,
    ] {
        let exits = bindings(ctx).any(|b| {
            matches!(
                b.action,
                Action::Quit | Action::Close | Action::Cancel | Action::Minutes(MN::Done)
            )
        });
        assert!(exits, "{ctx:?} has no binding to leave it");
    }
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    let all: Vec<&Binding> = all_bindings().collect();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            if a.context != b.context {
                continue;
            }
            for k in a.keys {
                assert!(
                    !b.keys.contains(k),
                    "{:?} bound twice in {:?}",
                    k.code,
                    a.context
                );
            }
        }
    }
}

#[test]
fn labels() {
    let b = bindings(C::Dashboard)
        .find(|b| b.action == Action::Up)
        .unwrap_or_else(|| panic!("Up not bound"));
    assert_eq!(keys_label(b), "↑/k");
    assert_eq!(ctrl('c').label(), "Ctrl+c");
    let digits = bindings(C::Scoring)
        .find(|b| b.action == Action::TypeScore)
        .unwrap_or_else(|| panic!("digits not bound"));
    assert_eq!(keys_label(digits), "0–9");
}
