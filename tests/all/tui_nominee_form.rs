//! The nominee form shows the fields that apply to the kind of nominee: a
//! person's birth year and sex, a collective's share of women.

use crate::common;

use common::{ctrl, press, screen_at, type_text};
use hoidong::demo;
use hoidong::i18n::strings::VI;
use hoidong::i18n::strings_forms::VI as F;
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use hoidong::tui::keymap::Context;
use ratatui::crossterm::event::KeyCode;

const W: u16 = 120;
const H: u16 = 35;

fn demo_app() -> App {
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    App::new(store, &VI, W, H)
}

/// The form's rows: a field label follows the frame and the focus marker.
fn shows_field(screen: &str, label: &str) -> bool {
    screen
        .lines()
        .any(|l| l.contains(&format!("│ {label}")) || l.contains(&format!("│▸{label}")))
}

fn focused_line(screen: &str) -> &str {
    screen
        .lines()
        .find(|l| l.contains("│▸"))
        .unwrap_or_else(|| panic!("no focused field: {screen}"))
}

#[test]
fn a_person_has_a_birth_year_and_a_collective_a_share_of_women() {
    let mut a = demo_app();
    press(&mut a, KeyCode::Char('n'));
    assert_eq!(a.context(), Context::Form);
    let person = screen_at(&a, W, H);
    assert!(shows_field(&person, F.birth_year), "{person}");
    assert!(shows_field(&person, F.sex), "{person}");
    assert!(!shows_field(&person, F.women_share), "{person}");

    // A birth year typed for a person, then the kind changed to a collective.
    press(&mut a, KeyCode::Tab);
    type_text(&mut a, "Câu lạc bộ Dưỡng sinh Hoa Sen");
    press(&mut a, KeyCode::Tab);
    type_text(&mut a, "1985");
    press(&mut a, KeyCode::BackTab);
    press(&mut a, KeyCode::BackTab);
    for _ in 0..3 {
        press(&mut a, KeyCode::Right);
    }
    let collective = screen_at(&a, W, H);
    assert!(shows_field(&collective, F.women_share), "{collective}");
    assert!(!shows_field(&collective, F.birth_year), "{collective}");
    assert!(!shows_field(&collective, F.sex), "{collective}");
    // Tab passes over the hidden fields: name, then position.
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    let s = screen_at(&a, W, H);
    assert!(focused_line(&s).contains(F.position), "{s}");

    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::Dashboard, "{}", screen_at(&a, W, H));
    let found = a
        .store()
        .find_nominees("cau lac bo duong sinh hoa sen", 10)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found.len(), 1);
    // The birth year typed before the kind changed is not saved for a collective.
    assert!(!found[0].kind.is_person());
    assert_eq!((found[0].birth_year, found[0].sex), (None, None));
}
