//! A bad list imported through the Vietnamese interface: the preview names
//! every problem in Vietnamese, with its row and column, and nothing is saved.

use std::sync::mpsc;
use std::time::Duration;

use hoidong::domain::nomination::{NominationQuery, NominationStatus};
use hoidong::i18n::strings::{EN, VI};
use hoidong::i18n::strings_forms::{EN as FE, VI as F};
use hoidong::store::Store;
use hoidong::tui::app::App;
use hoidong::tui::keymap::Context;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use common::{press, screen_at, type_text};

const W: u16 = 160;
const H: u16 = 35;

const HEADER: &str =
    "STT,Họ và tên / Tên tập thể,Loại đối tượng,Năm sinh,Giới tính,Đợt,Hình thức khen thưởng";
const BAD_ROWS: &str =
    "1,,Người dân,1980,Nữ,2025,giay_khen\n2,Lê Văn Bảy,Người dân,abc,Nữ,năm nay,Bằng vàng\n";

fn screen(app: &App) -> String {
    screen_at(app, W, H)
}

fn pump(app: &mut App, rx: &mpsc::Receiver<hoidong::tui::event::Event>) {
    while app.transfer().is_some() {
        let ev = rx
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|e| panic!("import did not finish: {e}"));
        app.handle_event(ev);
    }
}

/// Open `file` with the `i` key in `app`: the preview, before anything is saved.
fn preview(app: &mut App, file: &std::path::Path) -> String {
    let (tx, rx) = mpsc::channel();
    app.set_job_sender(tx);
    press(app, KeyCode::Char('i'));
    type_text(app, &file.to_string_lossy());
    press(app, KeyCode::Enter);
    pump(app, &rx);
    assert_eq!(app.context(), Context::ImportPreview, "{}", screen(app));
    screen(app)
}

/// Import `file` with the `i` key, save from the preview and wait for the report.
fn import(app: &mut App, file: &std::path::Path) -> String {
    let (tx, rx) = mpsc::channel();
    app.set_job_sender(tx);
    press(app, KeyCode::Char('i'));
    type_text(app, &file.to_string_lossy());
    press(app, KeyCode::Enter);
    pump(app, &rx);
    assert_eq!(app.context(), Context::ImportPreview, "{}", screen(app));
    press(app, KeyCode::Char('s'));
    press(app, KeyCode::Enter);
    pump(app, &rx);
    assert_eq!(app.context(), Context::Report);
    screen(app)
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

#[test]
fn a_bad_list_is_reported_in_vietnamese_and_in_english_when_asked() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("sai.csv");
    std::fs::write(&file, format!("{HEADER}\n{BAD_ROWS}")).unwrap_or_else(|e| panic!("{e}"));

    let mut store = Store::open(&dir.path().join("moi.db")).unwrap_or_else(|e| panic!("{e}"));
    crate::common::movement_id(&mut store);
    let mut a = App::new(store, &VI, W, H);
    let s = preview(&mut a, &file);
    assert!(s.contains("0 hồ sơ (0 mới, 0 đã có) · 4 lỗi"), "{s}");
    assert!(
        s.contains("dòng 2, cột B (Họ và tên / Tên tập thể): chưa có họ tên / tên tập thể"),
        "{s}"
    );
    assert!(
        s.contains("dòng 3, cột D (Năm sinh): “abc” không phải là năm hay ngày (dd/mm/yyyy)"),
        "{s}"
    );
    assert!(
        s.contains("dòng 3, cột F (Đợt): “năm nay” không phải là đợt"),
        "{s}"
    );
    assert!(
        s.contains(
            "dòng 3, cột G (Hình thức khen thưởng): không có hình thức khen thưởng “Bằng vàng”"
        ),
        "{s}"
    );
    assert!(!s.contains("is not a"), "no English problem text:\n{s}");
    assert_eq!(count(a.store()), 0);

    let mut store = Store::open(&dir.path().join("en.db")).unwrap_or_else(|e| panic!("{e}"));
    crate::common::movement_id(&mut store);
    let mut a = App::new(store, &EN, W, H);
    let s = preview(&mut a, &file);
    assert!(s.contains("· 4 problem(s)"), "{s}");
    assert!(
        s.contains("row 3, column D (Năm sinh): “abc” is not a year or a date (dd/mm/yyyy)"),
        "{s}"
    );
}

/// The database locked by another program for the whole import: the report
/// says so in Vietnamese (in English when asked) and nothing is saved.
#[test]
fn a_busy_database_is_reported_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("dung.csv");
    std::fs::write(
        &file,
        format!("{HEADER}\n1,Nguyễn Thị Tám,Người dân,1980,Nữ,2025,giay_khen\n"),
    )
    .unwrap_or_else(|e| panic!("{e}"));

    for (strings, want, failed) in [
        (
            &VI,
            "Cơ sở dữ liệu đang bận (một chương trình khác đang ghi vào); hãy thử lại sau giây lát",
            F.import_failed,
        ),
        (
            &EN,
            "the database is busy (locked by another program); try again in a moment",
            FE.import_failed,
        ),
    ] {
        let db = dir.path().join(format!("{:?}.db", strings.lang));
        let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
        crate::common::movement_id(&mut store);
        let mut app = App::new(store, strings, W, H);
        // Another program holds the write lock until it is dropped.
        let other = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
        other
            .execute_batch("BEGIN IMMEDIATE")
            .unwrap_or_else(|e| panic!("{e}"));
        let s = import(&mut app, &file);
        assert!(s.contains(failed), "{s}");
        assert!(s.contains(want), "{s}");
        drop(other);
        assert_eq!(count(app.store()), 0);
    }
}
