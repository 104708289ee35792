//! The awards forms on the one form model, through `App::handle_event` with
//! keys and drawn into a `TestBackend`: typing goes to the field in focus,
//! Tab / ↓ and Shift-Tab / ↑ move, a day that is not one is refused in
//! Vietnamese next to its field, Esc asks before leaving what was typed, and
//! a filled-in form saves.

use chrono::NaiveDate;
use hoidong::demo;
use hoidong::i18n::Lang;
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use hoidong::tui::keymap::Context;
use ratatui::crossterm::event::KeyCode;

use crate::common::{press, screen_at, type_text};
use crate::tui_awards::{prepared, retype, select};

const W: u16 = 120;
const H: u16 = 35;

/// The line of the field in focus (the one marked ▸) holds `label`.
fn focus_on(app: &App, label: &str, w: u16, h: u16) {
    let screen = screen_at(app, w, h);
    assert!(
        screen.lines().any(|l| l.contains('▸') && l.contains(label)),
        "focus on {label}: {screen}"
    );
}

#[test]
fn the_decision_form_moves_refuses_a_bad_day_in_vietnamese_and_saves() {
    let (store, chosen) = prepared();
    let mut app = App::new(store, Lang::Vi.strings(), W, H);
    let (id, name) = chosen[0].clone();
    select(&mut app, id, &name);
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.context(), Context::AwardsForm);
    focus_on(&app, "Số, ký hiệu", W, H);
    type_text(&mut app, "12/QĐ-UBND");
    press(&mut app, KeyCode::Down);
    focus_on(&app, "Ngày (dd/mm/yyyy)", W, H);
    press(&mut app, KeyCode::Tab);
    focus_on(&app, "Người ký", W, H);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::BackTab);
    focus_on(&app, "Số, ký hiệu", W, H);
    // Typing goes on at the end of what is in focus.
    type_text(&mut app, "X");
    press(&mut app, KeyCode::Backspace);

    // An empty signer is said next to it, with the focus there.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::AwardsForm, "nothing asked");
    assert!(screen_at(&app, W, H).contains("Người ký: chưa nhập"));
    focus_on(&app, "Người ký", W, H);
    type_text(&mut app, "Trần Minh Khôi");

    // 31 February is not a day: refused in Vietnamese, the focus on the day.
    press(&mut app, KeyCode::Up);
    retype(&mut app, "31/02/2026");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::AwardsForm, "nothing asked");
    let form = screen_at(&app, W, H);
    assert!(
        form.contains("Ngày (dd/mm/yyyy): “31/02/2026” không phải ngày (dd/mm/yyyy)"),
        "{form}"
    );
    focus_on(&app, "Ngày (dd/mm/yyyy)", W, H);
    assert!(app.store().decision_of(id).unwrap().is_none());

    // Typing clears the message; the day either way round is read.
    retype(&mut app, "2026-11-20");
    assert!(!screen_at(&app, W, H).contains("không phải ngày"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Confirm);
    let ask = screen_at(&app, W, H);
    assert!(ask.contains("12/QĐ-UBND 20/11/2026"), "{ask}");
    press(&mut app, KeyCode::Char('y'));
    let d = app
        .store()
        .decision_of(id)
        .unwrap()
        .expect("decision saved");
    assert_eq!(d.number, "12/QĐ-UBND");
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    assert_eq!(d.signer, "Trần Minh Khôi");
}

#[test]
fn esc_leaves_an_untouched_form_and_asks_before_dropping_what_was_typed() {
    let (store, chosen) = prepared();
    let mut app = App::new(store, Lang::Vi.strings(), 80, 24);
    let (id, name) = chosen[0].clone();
    select(&mut app, id, &name);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.context(),
        Context::Dashboard,
        "nothing typed, nothing asked"
    );

    press(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "7/QĐ");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Confirm);
    assert!(screen_at(&app, 80, 24).contains("Bỏ những gì đã nhập?"));
    // No: back in the form with what was typed.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.context(), Context::AwardsForm);
    assert!(screen_at(&app, 80, 24).contains("7/QĐ"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.context(), Context::Dashboard);
    assert!(app.store().decision_of(id).unwrap().is_none());
}

#[test]
fn the_decision_for_many_refuses_a_bad_meeting_and_day_then_records_one_decision() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.set_clock(Clock::Fixed("2026-11-26T09:00:00".into()));
    demo::populate(&mut store, demo::demo_spec()).unwrap();
    let mut app = App::new(store, Lang::Vi.strings(), W, H);
    app.set_output_dir(dir.path().to_path_buf());
    let batches = app.store().decision_batches().unwrap().len();
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.context(), Context::AwardsForm);
    focus_on(&app, "Phiên họp (số)", W, H);

    // Letters after the meeting's number: not a meeting.
    type_text(&mut app, "ba");
    press(&mut app, KeyCode::Enter);
    let form = screen_at(&app, W, H);
    assert!(form.contains("ba” không phải số phiên họp"), "{form}");
    focus_on(&app, "Phiên họp (số)", W, H);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "31");
    press(&mut app, KeyCode::Tab);
    retype(&mut app, "32/11/2026");
    press(&mut app, KeyCode::Down);
    focus_on(&app, "Người ký", W, H);
    press(&mut app, KeyCode::Enter);
    let form = screen_at(&app, W, H);
    assert!(
        form.contains("Ngày ký: “32/11/2026” không phải ngày (dd/mm/yyyy)"),
        "{form}"
    );
    focus_on(&app, "Ngày ký", W, H);
    assert_eq!(app.store().decision_batches().unwrap().len(), batches);
    retype(&mut app, "26/11/2026");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Confirm, "{}", screen_at(&app, W, H));
    assert!(screen_at(&app, W, H).contains("31/QĐ-UBND"));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        app.store().decision_batches().unwrap().len(),
        batches + 1,
        "one decision recorded"
    );
}

#[test]
fn the_register_and_report_forms_refuse_what_is_not_a_period_and_write_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = prepared();
    let mut app = App::new(store, Lang::Vi.strings(), 80, 24);
    app.set_output_dir(dir.path().to_path_buf());
    press(&mut app, KeyCode::Char('a'));

    // The report: a period backwards or unreadable is said in Vietnamese.
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.context(), Context::AwardsForm);
    retype(&mut app, "hai năm");
    press(&mut app, KeyCode::Enter);
    assert!(
        screen_at(&app, 80, 24).contains("viết năm 4 chữ số"),
        "{}",
        screen_at(&app, 80, 24)
    );
    retype(&mut app, "2026");
    press(&mut app, KeyCode::Down);
    retype(&mut app, "bao-cao");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::AwardsBoard);
    assert!(dir.path().join("bao-cao-2026.xlsx").exists());

    // The register, to the file typed.
    press(&mut app, KeyCode::Char('e'));
    let path = dir.path().join("so.xlsx");
    retype(&mut app, "");
    for _ in 0..40 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &path.to_string_lossy());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::AwardsBoard);
    assert!(path.exists());
}
