//! The first run and the set-up walk-through, driven through
//! `App::handle_event` into a `TestBackend`: from an empty database, a ward
//! of its own (UBND phường Tân Bình) with a council established by a
//! decision and nine members, in Vietnamese and English, at 120×35 and
//! 80×24; then the binary's `check` is clean and `council show` lists them.
//! Also: the demo offered only on an empty file, refusals shown in the
//! user's language next to their field, replacing and ending a member after
//! a confirm, and screens that need a council offering the set-up.

use std::path::Path;

use hoidong::i18n::Lang;
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use hoidong::tui::event::Event;
use ratatui::crossterm::event::KeyCode;

use crate::common::{ctrl, press, screen_at, type_text};
use crate::record_db::{hoidong, text};

/// Clear the focused field and type `text` into it.
fn fill(app: &mut App, value: &str) {
    ctrl(app, 'e');
    ctrl(app, 'u');
    type_text(app, value);
}

fn next(app: &mut App) {
    press(app, KeyCode::Tab);
}

/// An empty database made by the binary, opened as the interface opens it.
fn empty_app(dir: &Path, lang: Lang, w: u16, h: u16) -> (App, std::path::PathBuf) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    let db = dir.join("tan-binh.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .args(["--lang", "vi", "init"])
        .arg(&db)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", text(&out));
    // The first interface run is announced by init.
    assert!(text(&out).contains("hướng dẫn thiết lập"), "{}", text(&out));
    let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-01-10T09:00:00".into()));
    let mut app = App::new(store, lang.strings(), w, h);
    app.offer_setup();
    (app, db)
}

/// (name, presses of ← from the role offered, position, unit)
const MEMBERS: [(&str, usize, &str, &str); 9] = [
    (
        "Phan Văn Lộc",
        0,
        "Chủ tịch UBND phường",
        "UBND phường Tân Bình",
    ),
    (
        "Lê Thị Hoa",
        3,
        "Phó Chủ tịch UBND phường",
        "UBND phường Tân Bình",
    ),
    (
        "Trần Minh Khang",
        2,
        "Công chức Văn hóa – Xã hội",
        "UBND phường Tân Bình",
    ),
    (
        "Nguyễn Thị Lan",
        1,
        "Công chức Văn phòng – Thống kê",
        "UBND phường Tân Bình",
    ),
    (
        "Võ Văn Nam",
        0,
        "Chủ tịch Ủy ban MTTQ phường",
        "Ủy ban MTTQ phường",
    ),
    (
        "Đặng Thị Huệ",
        0,
        "Chủ tịch Hội Liên hiệp Phụ nữ",
        "Hội LHPN phường",
    ),
    (
        "Bùi Quang Sáng",
        0,
        "Bí thư Đoàn phường",
        "Đoàn TNCS phường",
    ),
    (
        "Hồ Thanh Tùng",
        0,
        "Chủ tịch Hội Cựu chiến binh",
        "Hội CCB phường",
    ),
    ("Đỗ Thị Mai", 0, "Tổ trưởng Tổ dân phố 3", "Tổ dân phố 3"),
];

/// The whole walk-through as a secretary would go through it.
fn walk_through(lang: Lang, w: u16, h: u16) {
    let vi = lang == Lang::Vi;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut app, db) = empty_app(dir.path(), lang, w, h);
    let s = screen_at(&app, w, h);
    assert!(
        s.contains(if vi {
            "Cơ sở dữ liệu này còn trống"
        } else {
            "This database is empty"
        }),
        "{s}"
    );
    assert!(
        s.contains(if vi {
            "Mở dữ liệu mẫu"
        } else {
            "Open the demo"
        }),
        "{s}"
    );
    type_text(&mut app, "o");

    // Step 1: the ward's identity. A refusal first, in the user's language.
    let s = screen_at(&app, w, h);
    assert!(
        s.contains(if vi {
            "Bước 1/5: Thông tin đơn vị"
        } else {
            "Step 1/5: The ward"
        }),
        "{s}"
    );
    ctrl(&mut app, 's');
    let s = screen_at(&app, w, h);
    assert!(s.contains(if vi { "còn trống" } else { "empty" }), "{s}");
    fill(&mut app, "UBND PHƯỜNG TÂN BÌNH");
    next(&mut app);
    fill(&mut app, "Hội đồng Thi đua – Khen thưởng phường Tân Bình");
    next(&mut app);
    fill(&mut app, "Tân Bình");
    next(&mut app);
    // The usual symbols are offered; a slash in one is refused where it is.
    fill(&mut app, "05/BB-HĐTĐKT");
    ctrl(&mut app, 's');
    let s = screen_at(&app, w, h);
    assert!(s.contains("05/BB-HĐTĐKT"), "{s}");
    assert!(s.contains('⚠'), "{s}");
    fill(&mut app, "BB-HĐTĐKT");
    for _ in 0..3 {
        next(&mut app);
    }
    fill(
        &mut app,
        "Thành viên Hội đồng; Chủ tịch UBND phường Tân Bình (để báo cáo); Lưu: VT, HĐTĐKT",
    );
    next(&mut app);
    fill(&mut app, "Như Điều 3; Lưu: VT, HĐTĐKT");
    next(&mut app);
    fill(&mut app, "Chủ tịch UBND phường Tân Bình; Lưu: VT, HĐTĐKT");
    next(&mut app);
    fill(&mut app, "Chủ tịch UBND phường Tân Bình");
    next(&mut app);
    fill(&mut app, "Phan Văn Lộc");
    ctrl(&mut app, 's');

    // Step 2: the council, by its decision.
    let s = screen_at(&app, w, h);
    assert!(
        s.contains(if vi {
            "Bước 2/5: Hội đồng"
        } else {
            "Step 2/5: Council"
        }),
        "{s}"
    );
    // The council's name comes from the ward's identity.
    assert!(
        s.contains("Hội đồng Thi đua – Khen thưởng phường Tân Bình"),
        "{s}"
    );
    fill(&mut app, "12/QĐ-UBND");
    next(&mut app);
    fill(&mut app, "05/01/2026");
    next(&mut app);
    fill(&mut app, "Phan Văn Lộc");
    next(&mut app);
    fill(&mut app, "2031-2026");
    ctrl(&mut app, 's');
    let s = screen_at(&app, w, h);
    assert!(s.contains("2031-2026"), "{s}");
    assert!(s.contains(if vi { "Nhiệm kỳ" } else { "Term" }), "{s}");
    assert!(s.contains('⚠'), "{s}");
    fill(&mut app, "2026-2031");
    ctrl(&mut app, 's');

    // Step 3: nine members.
    let s = screen_at(&app, w, h);
    assert!(
        s.contains(if vi {
            "Bước 3/5: Thành viên hội đồng"
        } else {
            "Step 3/5: Council members"
        }),
        "{s}"
    );
    assert!(s.contains("12/QĐ-UBND"), "{s}");
    for (name, left, position, unit) in MEMBERS {
        type_text(&mut app, "a");
        fill(&mut app, name);
        next(&mut app);
        for _ in 0..left {
            press(&mut app, KeyCode::Left);
        }
        next(&mut app);
        fill(&mut app, position);
        next(&mut app);
        fill(&mut app, unit);
        next(&mut app);
        next(&mut app);
        fill(&mut app, "05/01/2026");
        ctrl(&mut app, 's');
        let s = screen_at(&app, w, h);
        assert!(s.contains(name), "{name} not listed:\n{s}");
    }
    // A second chairman is refused, next to the role.
    type_text(&mut app, "a");
    fill(&mut app, "Trịnh Văn Thừa");
    next(&mut app);
    for _ in 0..4 {
        press(&mut app, KeyCode::Left);
    }
    ctrl(&mut app, 's');
    let s = screen_at(&app, w, h);
    assert!(s.contains("Phan Văn Lộc"), "{s}");
    assert!(s.contains('⚠'), "{s}");
    press(&mut app, KeyCode::Esc);
    let s = screen_at(&app, w, h);
    assert!(
        s.contains(if vi {
            "9 đương nhiệm"
        } else {
            "9 in office"
        }),
        "{s}"
    );
    assert!(!s.contains("Trịnh Văn Thừa"), "{s}");

    // Steps 4 and 5 open the movements' and the rules' own screens.
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, w, h);
    assert!(s.contains(if vi { "Bước 4/5" } else { "Step 4/5" }), "{s}");
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, w, h);
    assert!(
        s.contains(if vi {
            "Phong trào thi đua (0)"
        } else {
            "Movements (0)"
        }),
        "{s}"
    );
    press(&mut app, KeyCode::Char('s'));
    let s = screen_at(&app, w, h);
    assert!(
        s.contains(if vi {
            "Phong trào thi đua (1)"
        } else {
            "Movements (1)"
        }),
        "{s}"
    );
    press(&mut app, KeyCode::Esc);
    let s = screen_at(&app, w, h);
    assert!(s.contains(if vi { "Bước 4/5" } else { "Step 4/5" }), "{s}");
    assert!(s.contains("· "), "the sample movement is listed: {s}");
    press(&mut app, KeyCode::PageDown);
    let s = screen_at(&app, w, h);
    assert!(s.contains(if vi { "Bước 5/5" } else { "Step 5/5" }), "{s}");
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, w, h);
    assert!(s.contains(if vi { "mặc định" } else { "default" }), "{s}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::PageDown);
    let s = screen_at(&app, w, h);
    // Back on the dashboard, under the council's name.
    assert!(
        s.contains("Hội đồng Thi đua – Khen thưởng phường Tân Bình"),
        "{s}"
    );
    assert!(
        s.contains(if vi {
            "Đã xong các bước thiết lập"
        } else {
            "Set-up steps done"
        }),
        "{s}"
    );
    drop(app);

    let check = hoidong(&db, &["check"]);
    assert!(check.status.success(), "{}", text(&check));
    let show = hoidong(&db, &["council", "show"]);
    let listed = text(&show);
    assert!(show.status.success(), "{listed}");
    assert!(listed.contains("12/QĐ-UBND"), "{listed}");
    for (name, ..) in MEMBERS {
        assert!(listed.contains(name), "{name} missing:\n{listed}");
    }
    let ward = text(&hoidong(&db, &["ward", "show"]));
    assert!(ward.contains("UBND PHƯỜNG TÂN BÌNH"), "{ward}");
    assert!(
        ward.contains("Chủ tịch UBND phường Tân Bình (để báo cáo)"),
        "{ward}"
    );
}

#[test]
fn the_walk_through_sets_up_tan_binh_in_vietnamese_at_120x35() {
    walk_through(Lang::Vi, 120, 35);
}

#[test]
fn the_walk_through_sets_up_tan_binh_in_english_at_80x24() {
    walk_through(Lang::En, 80, 24);
}

#[test]
fn the_walk_through_sets_up_tan_binh_in_vietnamese_at_80x24() {
    walk_through(Lang::Vi, 80, 24);
}

#[test]
fn the_demo_is_filled_on_an_empty_file_and_not_offered_on_a_used_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut app, db) = empty_app(dir.path(), Lang::Vi, 120, 35);
    type_text(&mut app, "d");
    // Written on a thread of its own while the screen says so.
    let s = screen_at(&app, 120, 35);
    assert!(
        s.contains("Đang tạo dữ liệu mẫu") || s.contains("Đã tạo dữ liệu mẫu"),
        "{s}"
    );
    let mut s = s;
    for _ in 0..1200 {
        if s.contains("Đã tạo dữ liệu mẫu") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        app.handle_event(Event::Tick);
        s = screen_at(&app, 120, 35);
    }
    assert!(s.contains("Đã tạo dữ liệu mẫu"), "{s}");
    assert!(s.contains("Thanh Bình"), "{s}");
    assert!(!s.contains("Bắt đầu với hoidong"), "{s}");
    assert!(s.contains("Ban Kinh tế phường"), "{s}");
    drop(app);
    assert!(hoidong(&db, &["check"]).status.success());
    // A database with its ward and council asks nothing.
    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, Lang::Vi.strings(), 120, 35);
    app.offer_setup();
    assert!(!screen_at(&app, 120, 35).contains("Bắt đầu với hoidong"));
    // One with a ward but no council offers the walk-through, not the demo.
    let db2 = dir.path().join("ward-only.db");
    let init = std::process::Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .args(["--lang", "en", "init"])
        .arg(&db2)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(text(&init).contains("walk-through"), "{}", text(&init));
    let set = hoidong(
        &db2,
        &[
            "ward",
            "set",
            "--body",
            "UBND PHƯỜNG TÂN BÌNH",
            "--council-name",
            "HĐTĐKT phường Tân Bình",
            "--place",
            "Tân Bình",
            "--minutes-symbol",
            "BB-HĐTĐKT",
            "--decision-symbol",
            "QĐ-UBND",
            "--submission-symbol",
            "TTr-HĐTĐKT",
            "--recipients-minutes",
            "Thành viên Hội đồng; Lưu: VT",
            "--chairman-title",
            "Chủ tịch UBND phường Tân Bình",
            "--chairman-name",
            "Phan Văn Lộc",
        ],
    );
    assert!(set.status.success(), "{}", text(&set));
    let store = Store::open(&db2).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, Lang::En.strings(), 80, 24);
    app.offer_setup();
    let s = screen_at(&app, 80, 24);
    assert!(
        s.contains("lacks the ward's or the council's details"),
        "{s}"
    );
    assert!(!s.contains("Open the demo"), "{s}");
    type_text(&mut app, "d");
    assert!(screen_at(&app, 80, 24).contains("Getting started"));
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("Step 1/5"), "{s}");
    // What was set is in the form.
    assert!(s.contains("UBND PHƯỜNG TÂN BÌNH"), "{s}");
}

#[test]
fn init_with_demo_fills_the_demo() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("demo.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("init")
        .arg(&db)
        .arg("--demo")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", text(&out));
    let ward = text(&hoidong(&db, &["ward", "show"]));
    assert!(ward.contains("THANH BÌNH"), "{ward}");
    assert!(hoidong(&db, &["check"]).status.success());
}

/// A council with three members, set up from the command line.
fn seated(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("seated.db");
    let init = std::process::Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("init")
        .arg(&db)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(init.status.success());
    let run = |args: &[&str]| {
        let out = hoidong(&db, args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
    };
    run(&[
        "ward",
        "set",
        "--body",
        "UBND PHƯỜNG TÂN BÌNH",
        "--council-name",
        "HĐTĐKT phường Tân Bình",
        "--place",
        "Tân Bình",
        "--minutes-symbol",
        "BB-HĐTĐKT",
        "--decision-symbol",
        "QĐ-UBND",
        "--submission-symbol",
        "TTr-HĐTĐKT",
        "--recipients-minutes",
        "Thành viên Hội đồng; Lưu: VT",
        "--chairman-title",
        "Chủ tịch UBND phường Tân Bình",
        "--chairman-name",
        "Phan Văn Lộc",
    ]);
    run(&[
        "council",
        "new",
        "--decision",
        "12/QĐ-UBND",
        "--date",
        "2026-01-05",
        "--signer",
        "Phan Văn Lộc",
        "--term",
        "2026-2031",
    ]);
    run(&[
        "council",
        "member",
        "add",
        "Phan Văn Lộc",
        "--role",
        "chu-tich",
        "--from",
        "2026-01-05",
    ]);
    run(&[
        "council",
        "member",
        "add",
        "Nguyễn Thị Lan",
        "--role",
        "thu-ky",
        "--from",
        "2026-01-05",
    ]);
    run(&[
        "council",
        "member",
        "add",
        "Võ Văn Nam",
        "--role",
        "uy-vien",
        "--from",
        "2026-01-05",
    ]);
    db
}

#[test]
fn a_member_is_replaced_and_one_ended_after_a_confirm_from_the_settings_screen() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = seated(dir.path());
    let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-06-01T09:00:00".into()));
    let mut app = App::new(store, Lang::Vi.strings(), 80, 24);
    app.offer_setup();
    type_text(&mut app, "S");
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("Thiết lập"), "{s}");
    assert!(s.contains("3 đương nhiệm"), "{s}");
    assert!(s.contains("UBND PHƯỜNG TÂN BÌNH"), "{s}");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("Thiết lập: Thành viên hội đồng"), "{s}");
    // Võ Văn Nam (the last, an ordinary member) is replaced from 01/06/2026.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "r");
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("Thay thành viên — Võ Văn Nam"), "{s}");
    fill(&mut app, "Đỗ Thị Mai");
    ctrl(&mut app, 's');
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("không hoàn tác được"), "{s}");
    type_text(&mut app, "y");
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("Đỗ Thị Mai"), "{s}");
    // The one replaced keeps their history.
    assert!(s.contains("Võ Văn Nam"), "{s}");
    assert!(s.contains("31/05/2026"), "{s}");
    // Ending the secretary: a day before she took office is refused first.
    let lan = screen_at(&app, 80, 24);
    assert!(lan.contains("Nguyễn Thị Lan"), "{lan}");
    for _ in 0..5 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "x");
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("Thôi làm thành viên — Nguyễn Thị Lan"), "{s}");
    fill(&mut app, "01/01/2026");
    ctrl(&mut app, 's');
    let s = screen_at(&app, 80, 24);
    assert!(s.contains('⚠'), "{s}");
    assert!(!s.contains("không hoàn tác được"), "{s}");
    fill(&mut app, "30/06/2026");
    ctrl(&mut app, 's');
    type_text(&mut app, "y");
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("30/06/2026"), "{s}");
    drop(app);
    assert!(hoidong(&db, &["check"]).status.success());
    let shown = text(&hoidong(&db, &["council", "show"]));
    assert!(shown.contains("Đỗ Thị Mai"), "{shown}");
    assert!(shown.contains("Võ Văn Nam"), "{shown}");
}

#[test]
fn screens_that_need_a_council_say_so_and_offer_the_set_up() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut app, _db) = empty_app(dir.path(), Lang::Vi, 80, 24);
    press(&mut app, KeyCode::Esc);
    // Meeting mode.
    type_text(&mut app, "m");
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("Chưa có hội đồng"), "{s}");
    assert!(s.contains("Mở phần thiết lập?"), "{s}");
    type_text(&mut app, "y");
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("Bước 2/5: Hội đồng"), "{s}");
    press(&mut app, KeyCode::Esc);
    // A new meeting in the meetings list.
    type_text(&mut app, "M");
    type_text(&mut app, "n");
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("Mở phần thiết lập?"), "{s}");
    type_text(&mut app, "n");
    let s = screen_at(&app, 80, 24);
    assert!(!s.contains("Mở phần thiết lập?"), "{s}");
    // In English too.
    let (mut app, _db) = empty_app(&dir.path().join("en"), Lang::En, 80, 24);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "m");
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("No council yet"), "{s}");
}
