//! The decision for the passed Giấy khen from the awards board, through
//! `App::handle_event` with keys: the form, the confirm with the count and
//! prize money, then the decision and its certificates written in the
//! background to new files.

use std::time::{Duration, Instant};

use hoidong::demo;
use hoidong::i18n::Lang;
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use hoidong::tui::event::Event;
use hoidong::tui::keymap::Context;
use ratatui::crossterm::event::KeyCode;

use crate::common::{press, screen_at, type_text};

fn demo_app(w: u16, h: u16) -> App {
    let mut store = Store::open_in_memory().unwrap();
    store.set_clock(Clock::Fixed("2026-11-26T09:00:00".into()));
    demo::populate(&mut store, demo::demo_spec()).unwrap();
    App::new(store, Lang::Vi.strings(), w, h)
}

fn decided(app: &App) -> i64 {
    app.store()
        .raw_connection_for_tests()
        .query_row(
            "SELECT count(*) FROM nominations WHERE status = 'decided'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn the_passed_giay_khen_are_decided_at_once_and_printed_to_new_files() {
    for (w, h) in [(120, 35), (80, 24)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = demo_app(w, h);
        app.set_output_dir(dir.path().to_path_buf());
        let before = decided(&app);
        press(&mut app, KeyCode::Char('a'));
        press(&mut app, KeyCode::Char('G'));
        assert_eq!(app.context(), Context::AwardsForm);
        let form = screen_at(&app, w, h);
        assert!(form.contains("Giấy khen được thông qua"), "{form}");
        assert!(form.contains("Trịnh Văn Khải"), "signer prefilled: {form}");
        // Without a number: said in the form, nothing asked.
        press(&mut app, KeyCode::Enter);
        assert!(
            screen_at(&app, w, h).contains("chưa nhập số quyết định"),
            "{}",
            screen_at(&app, w, h)
        );
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "15");
        press(&mut app, KeyCode::Enter);
        let ask = screen_at(&app, w, h);
        assert!(ask.contains("15/QĐ-UBND"), "{ask}");
        assert!(ask.contains("2.120.000"), "{ask}");
        assert_eq!(decided(&app), before, "nothing before the confirm");
        press(&mut app, KeyCode::Enter);
        assert_eq!(decided(&app), before + 2);
        if app.jobs_running() > 0 {
            assert!(screen_at(&app, w, h).contains("Đang tạo PDF"));
        }
        let start = Instant::now();
        while app.jobs_running() > 0 {
            assert!(start.elapsed() < Duration::from_secs(120), "print hangs");
            std::thread::sleep(Duration::from_millis(20));
            app.handle_event(Event::Tick);
        }
        for name in ["quyet-dinh-1.pdf", "giay-khen-1.pdf"] {
            let bytes = std::fs::read(dir.path().join(name)).unwrap();
            assert!(bytes.starts_with(b"%PDF"), "{name}");
        }
        assert!(screen_at(&app, w, h).contains(".pdf"));
    }
}

/// The certificates of a decision go on the layout chosen in its form, and
/// the board writes any layout's calibration page; a layout file that is not
/// one is named in the form.
#[test]
fn certificates_take_the_layout_chosen_and_the_board_writes_a_calibration_page() {
    let (w, h) = (120, 35);
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(w, h);
    app.set_output_dir(dir.path().to_path_buf());
    let settle = |app: &mut hoidong::tui::app::App| {
        let start = Instant::now();
        while app.jobs_running() > 0 {
            assert!(start.elapsed() < Duration::from_secs(120), "print hangs");
            std::thread::sleep(Duration::from_millis(20));
            app.handle_event(Event::Tick);
        }
    };
    // A calibration page for the pre-printed blanks.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('C'));
    let form = screen_at(&app, w, h);
    assert!(form.contains("Trang căn chỉnh giấy khen"), "{form}");
    press(&mut app, KeyCode::Enter);
    settle(&mut app);
    let page = std::fs::read(dir.path().join("can-chinh-giay-khen.pdf")).unwrap();
    assert!(page.starts_with(b"%PDF"));

    // The decision's certificates on a layout file that is not one: said in
    // the form; then on the blanks' layout.
    let bad = dir.path().join("sai.toml");
    std::fs::write(&bad, "paper = 12\n").unwrap();
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "15");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    for _ in 0..2 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, bad.to_str().unwrap());
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, w, h);
    assert!(s.contains("bố cục không dùng được"), "{s}");
    for _ in 0..bad.to_str().unwrap().chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "phoi");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    settle(&mut app);
    let blank = std::fs::read(dir.path().join("giay-khen-1.pdf")).unwrap();
    assert!(blank.starts_with(b"%PDF"));
}
