//! The entry form refuses a name that is not what it looks like, with the
//! reason beside the name field, and saves nothing; driven through keys.

use hoidong::demo;
use hoidong::domain::nomination::{NominationQuery, NominationStatus};
use hoidong::i18n::strings::{EN, VI};
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use hoidong::tui::keymap::Context;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use common::{ctrl, press, screen_at, type_text};

const W: u16 = 120;
const H: u16 = 35;

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    store
}

fn count(store: &Store) -> u32 {
    let q = NominationQuery {
        statuses: NominationStatus::ALL.to_vec(),
        ..NominationQuery::default()
    };
    store
        .list_nominations(&q, 0, 0)
        .unwrap_or_else(|e| panic!("{e}"))
        .1
}

fn name_line(screen: &str, label: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no “{label}” in\n{screen}"))
        .to_string()
}

/// Open the new-nomination form, type `name` in the name field, save.
fn save_with_name(a: &mut App, name: &str) {
    press(a, KeyCode::Char('n'));
    assert_eq!(a.context(), Context::Form);
    press(a, KeyCode::Tab);
    type_text(a, name);
    ctrl(a, 's');
}

#[test]
fn a_zero_width_space_in_a_name_is_refused_beside_the_field() {
    let mut a = App::new(demo_store(), &VI, W, H);
    let before = count(a.store());
    save_with_name(&mut a, "Lê\u{200B} Văn Tám");
    assert_eq!(a.context(), Context::Form, "the form stays open");
    let s = screen_at(&a, W, H);
    let line = name_line(&s, "Họ tên");
    assert!(line.contains("có ký tự ẩn"), "{s}");
    assert_eq!(count(a.store()), before, "nothing saved");
}

#[test]
fn tcvn3_text_in_a_name_is_named_as_such_in_english_too() {
    let mut a = App::new(demo_store(), &EN, W, H);
    let before = count(a.store());
    save_with_name(&mut a, "NguyÖn V¨n An");
    assert_eq!(a.context(), Context::Form);
    let s = screen_at(&a, W, H);
    assert!(s.contains("looks like TCVN3"), "{s}");
    assert_eq!(count(a.store()), before);
}
