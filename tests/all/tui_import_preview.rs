//! The import preview, driven through the app's event entry point: a
//! residential group's list (made with LibreOffice) whose award column has a
//! header the import does not know and whose title gives no year. The
//! preview shows how each column was read and what is missing; the
//! secretary gives the column its field and sets the round, sees the preview
//! read again, and saves; or leaves, and the database is untouched.

use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use assert_cmd::Command;
use hoidong::i18n::strings::{EN, Strings, VI};
use hoidong::i18n::strings_forms::{EN as FE, VI as FV};
use hoidong::i18n::strings_import::{EN as IE, VI as IV};
use hoidong::store::Store;
use hoidong::tui::app::App;
use hoidong::tui::event::Event;
use hoidong::tui::keymap::Context;
use ratatui::crossterm::event::KeyCode;

use crate::common::{press, screen_at, type_text};
use crate::import_forms::{COLLECTIVES, PEOPLE, fixture, new_db, saved};

/// Feed the app the jobs' events until nothing runs in the background.
fn settle(app: &mut App, rx: &Receiver<Event>) {
    while app.transfer().is_some() {
        let ev = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|e| panic!("the job did not finish: {e}"));
        app.handle_event(ev);
    }
}

fn audit_entries(db: &Path) -> i64 {
    let store = Store::open_read_only(db).unwrap_or_else(|e| panic!("{e}"));
    store
        .raw_connection_for_tests()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Open the preview of the list with the `i` key.
fn open_preview(strings: &'static Strings, db: &Path, w: u16, h: u16) -> (App, Receiver<Event>) {
    let store = Store::open(db).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, strings, w, h);
    let (tx, rx) = mpsc::channel();
    app.set_job_sender(tx);
    press(&mut app, KeyCode::Char('i'));
    let file = fixture("danh-sach-muc-khen.xlsx");
    type_text(&mut app, &file.to_string_lossy());
    press(&mut app, KeyCode::Enter);
    assert!(
        app.transfer().is_some(),
        "the list is read in the background"
    );
    settle(&mut app, &rx);
    assert_eq!(
        app.context(),
        Context::ImportPreview,
        "{}",
        screen_at(&app, w, h)
    );
    (app, rx)
}

/// Select column F and give it the award's field, then set the round.
fn map_award_and_set_round(app: &mut App, rx: &Receiver<Event>, w: u16, h: u16) {
    for _ in 0..5 {
        press(app, KeyCode::Down);
    }
    let s = screen_at(app, w, h);
    assert!(s.contains("▶ F  Mức khen đề nghị"), "{s}");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::ImportChoose);
    let mut tries = 0;
    while !screen_at(app, w, h).contains("▶ Hình thức khen thưởng") {
        press(app, KeyCode::Down);
        tries += 1;
        assert!(tries < 40, "no award field in\n{}", screen_at(app, w, h));
    }
    press(app, KeyCode::Enter);
    settle(app, rx);
    assert_eq!(app.context(), Context::ImportPreview);
    press(app, KeyCode::Char('r'));
    assert_eq!(app.context(), Context::ImportInput);
    type_text(app, "2025");
    press(app, KeyCode::Enter);
    settle(app, rx);
    assert_eq!(app.context(), Context::ImportPreview);
}

#[test]
fn the_preview_shows_the_mapping_takes_a_column_and_a_round_then_saves_every_person() {
    let cases: [(&'static Strings, u16, u16); 4] =
        [(&VI, 120, 35), (&EN, 120, 35), (&VI, 80, 24), (&EN, 80, 24)];
    for (strings, w, h) in cases {
        let vi = std::ptr::eq(strings, &VI);
        let (t, f) = if vi { (&IV, &FV) } else { (&IE, &FE) };
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let db = new_db(dir.path());
        let (mut app, rx) = open_preview(strings, &db, w, h);
        let at = format!("{} {w}x{h}", if vi { "vi" } else { "en" });

        // How the columns were read, and what is missing, in the user's language.
        let s = screen_at(&app, w, h);
        assert!(s.contains(t.title), "{at}\n{s}");
        assert!(s.contains("C  Năm sinh / Nam"), "{at}\n{s}");
        assert!(s.contains("→ Năm sinh (Nam)"), "{at}\n{s}");
        let missing = if vi {
            "thiếu cột: Đợt, Hình thức khen thưởng"
        } else {
            "missing column(s): Đợt, Hình thức khen thưởng"
        };
        assert!(s.contains(missing), "{at}\n{s}");
        for _ in 0..5 {
            press(&mut app, KeyCode::Down);
        }
        let s = screen_at(&app, w, h);
        let column_f = s
            .lines()
            .find(|l| l.contains("▶ F  Mức khen đề nghị"))
            .unwrap_or_else(|| panic!("{at}: no column F in\n{s}"));
        assert!(column_f.contains(&format!("→ {}", t.ignored)), "{at}\n{s}");
        // Saving now is refused: nothing is written.
        press(&mut app, KeyCode::Char('s'));
        assert_eq!(app.context(), Context::Message, "{at}");
        press(&mut app, KeyCode::Enter);
        for _ in 0..5 {
            press(&mut app, KeyCode::Up);
        }

        map_award_and_set_round(&mut app, &rx, w, h);
        let s = screen_at(&app, w, h);
        assert!(s.contains("F  Mức khen đề nghị"), "{at}\n{s}");
        assert!(s.contains("→ Hình thức khen thưởng ✎"), "{at}\n{s}");
        assert!(
            s.contains(if vi {
                "7 hồ sơ (7 mới, 0 đã có) · 0 lỗi"
            } else {
                "7 nomination(s) (7 new, 0 already known) · 0 problem(s)"
            }),
            "{at}\n{s}"
        );
        assert!(s.contains(t.no_problems), "{at}\n{s}");
        assert!(s.contains(&format!("{}: 2025", t.round)), "{at}\n{s}");
        // The rows as they would be saved.
        assert!(
            s.contains(if vi {
                "dòng 7: Chi hội Phụ nữ"
            } else {
                "row 7: Chi hội Phụ nữ"
            }),
            "{at}\n{s}"
        );
        assert_eq!(saved(&db), Vec::<String>::new(), "{at}: the preview saved");

        press(&mut app, KeyCode::Char('s'));
        assert_eq!(app.context(), Context::Confirm, "{at}");
        press(&mut app, KeyCode::Enter);
        settle(&mut app, &rx);
        let s = screen_at(&app, w, h);
        assert!(s.contains(f.import_done), "{at}\n{s}");
        // The guesses were seen and kept in the preview: the report after
        // saving names no command-line option to change them.
        for option in ["--kind", "--round", "--award", "--map", "--movement"] {
            assert!(!s.contains(option), "{at}: {option}\n{s}");
        }
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.context(), Context::Dashboard, "{at}");
        drop(app);

        let expected: Vec<String> = COLLECTIVES
            .iter()
            .chain(PEOPLE.iter())
            .map(|s| s.to_string())
            .collect();
        assert_eq!(saved(&db), expected, "{at}");
        // One audited entry for the import, naming what was chosen.
        let store = Store::open_read_only(&db).unwrap_or_else(|e| panic!("{e}"));
        let detail: String = store
            .raw_connection_for_tests()
            .query_row(
                "SELECT after FROM audit_log WHERE action = 'import'",
                [],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{at}: {e}"));
        assert!(
            detail.contains("\"F=hinh_thuc\"") && detail.contains("\"2025\""),
            "{detail}"
        );
        drop(store);
        let o = Command::cargo_bin("hoidong")
            .unwrap_or_else(|e| panic!("{e}"))
            .arg("--db")
            .arg(&db)
            .arg("check")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(o.status.success(), "{at}: check: {o:?}");
    }
}

#[test]
fn leaving_the_preview_leaves_the_database_untouched() {
    for (strings, w, h) in [(&VI, 120, 35), (&EN, 80, 24)] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let db = new_db(dir.path());
        let before = audit_entries(&db);
        let (mut app, rx) = open_preview(strings, &db, w, h);
        map_award_and_set_round(&mut app, &rx, w, h);
        assert!(screen_at(&app, w, h).contains("✎"));
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.context(), Context::Dashboard);
        drop(app);
        assert_eq!(saved(&db), Vec::<String>::new());
        assert_eq!(
            audit_entries(&db),
            before,
            "nothing written, not even the log"
        );
    }
}

#[test]
fn a_choice_is_cancelled_with_esc_and_a_bad_round_is_refused_in_place() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_db(dir.path());
    let (mut app, _rx) = open_preview(&VI, &db, 120, 35);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.context(), Context::ImportChoose);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ImportPreview);
    press(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "năm nay");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::ImportInput);
    assert!(screen_at(&app, 120, 35).contains(IV.not_a_round));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ImportPreview);
    assert!(app.transfer().is_none(), "nothing read again");
}

/// A section's kind, guessed from its heading, is changed with `k` for the
/// rows of that section only.
#[test]
fn a_sections_kind_is_changed_for_its_rows_only() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_db(dir.path());
    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let (w, h) = (120, 35);
    let mut app = App::new(store, &VI, w, h);
    let (tx, rx) = mpsc::channel();
    app.set_job_sender(tx);
    press(&mut app, KeyCode::Char('i'));
    type_text(&mut app, &fixture("danh-sach.xlsx").to_string_lossy());
    press(&mut app, KeyCode::Enter);
    settle(&mut app, &rx);
    let s = screen_at(&app, w, h);
    assert!(
        s.contains("dòng 12: mục “III. CÁ NHÂN” được hiểu là loại “Người dân”; nếu khác, nhấn k rồi chọn mục"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('k'));
    let pick = |app: &mut App, wanted: &str| {
        let mut tries = 0;
        while !screen_at(app, w, h).contains(&format!("▶ {wanted}")) {
            press(app, KeyCode::Down);
            tries += 1;
            assert!(tries < 20, "no {wanted} in\n{}", screen_at(app, w, h));
        }
        press(app, KeyCode::Enter);
    };
    pick(&mut app, "Mục “III. CÁ NHÂN”");
    pick(&mut app, "Cán bộ, công chức, viên chức");
    settle(&mut app, &rx);
    let s = screen_at(&app, w, h);
    assert!(
        s.contains("dòng 13: Nguyễn Văn An — Cán bộ, công chức, viên chức; Nam, sinh 1962"),
        "{s}"
    );
    assert!(
        s.contains("dòng 7: Chi hội Phụ nữ khu dân cư số 3 — Ban, ngành, đơn vị"),
        "{s}"
    );
    assert!(
        !s.contains("mục “III. CÁ NHÂN” được hiểu"),
        "no longer a guess:\n{s}"
    );
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    settle(&mut app, &rx);
    drop(app);
    let rows = saved(&db);
    assert_eq!(rows.len(), 7, "{rows:?}");
    assert!(
        rows[4].starts_with("Nguyễn Văn An | official | 1962 | male"),
        "{rows:?}"
    );
    assert!(
        rows[0].starts_with("Chi hội Phụ nữ khu dân cư số 3 | unit"),
        "{rows:?}"
    );
}

/// Years under a column with no header are shown as a problem naming the
/// column, not dropped; given a field in the preview, they are read.
#[test]
fn a_column_without_a_header_is_given_a_field_in_the_preview() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_db(dir.path());
    let file = dir.path().join("khong-tieu-de.csv");
    std::fs::write(
        &file,
        "STT,Họ và tên,Loại đối tượng,,Giới tính,Đợt,Hình thức khen thưởng\n\
         1,Lương Thị Hằng,Người dân,1977,Nữ,2025,giay_khen\n\
         2,Cao Văn Ích,Người dân,1964,Nam,2025,giay_khen\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (w, h) = (80, 24);
    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, &EN, w, h);
    let (tx, rx) = mpsc::channel();
    app.set_job_sender(tx);
    press(&mut app, KeyCode::Char('i'));
    type_text(&mut app, &file.to_string_lossy());
    press(&mut app, KeyCode::Enter);
    settle(&mut app, &rx);
    let s = screen_at(&app, w, h);
    assert!(s.contains("D  (no header)"), "{s}");
    assert!(
        s.contains("row 2, column D (no header): 2 row(s) hold data (the first “1977”)"),
        "{s}"
    );
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let mut tries = 0;
    while !screen_at(&app, w, h).contains("▶ Năm sinh") {
        press(&mut app, KeyCode::Down);
        tries += 1;
        assert!(tries < 20, "{}", screen_at(&app, w, h));
    }
    press(&mut app, KeyCode::Enter);
    settle(&mut app, &rx);
    let s = screen_at(&app, w, h);
    assert!(s.contains("· 0 problem(s)"), "{s}");
    assert!(
        s.contains("row 2: Lương Thị Hằng — Người dân (resident); Nữ, born 1977"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    settle(&mut app, &rx);
    drop(app);
    let rows = saved(&db);
    assert!(
        rows[0].starts_with("Lương Thị Hằng | resident | 1977 | female"),
        "{rows:?}"
    );
    assert!(
        rows[1].starts_with("Cao Văn Ích | resident | 1964 | male"),
        "{rows:?}"
    );
}

/// End shows the last lines of the preview (the signatures under the
/// table), Home the first, at the small size.
#[test]
fn the_preview_scrolls_to_its_end_and_back() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_db(dir.path());
    let (w, h) = (80, 24);
    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, &VI, w, h);
    let (tx, rx) = mpsc::channel();
    app.set_job_sender(tx);
    press(&mut app, KeyCode::Char('i'));
    type_text(&mut app, &fixture("danh-sach.xlsx").to_string_lossy());
    press(&mut app, KeyCode::Enter);
    settle(&mut app, &rx);
    let last = "dòng 22 (phần ký tên): Vũ Thị Lan Hoàng Văn Hải";
    assert!(!screen_at(&app, w, h).contains(last));
    press(&mut app, KeyCode::End);
    let s = screen_at(&app, w, h);
    assert!(s.contains(last), "{s}");
    assert!(!s.contains(IV.no_problems), "{s}");
    // One page back from the end moves at once.
    press(&mut app, KeyCode::PageUp);
    let s = screen_at(&app, w, h);
    assert!(!s.contains(last), "{s}");
    press(&mut app, KeyCode::Home);
    let s = screen_at(&app, w, h);
    assert!(s.contains(IV.no_problems), "{s}");
    assert!(!s.contains(last), "{s}");
}

/// Left while it was being read again: the reading that comes back later
/// does not open the preview a second time.
#[test]
fn a_reading_that_comes_back_after_leaving_does_not_reopen_the_preview() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_db(dir.path());
    let (mut app, rx) = open_preview(&VI, &db, 120, 35);
    press(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "2025");
    press(&mut app, KeyCode::Enter);
    assert!(app.transfer().is_some(), "read again in the background");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Dashboard);
    settle(&mut app, &rx);
    assert_eq!(
        app.context(),
        Context::Dashboard,
        "{}",
        screen_at(&app, 120, 35)
    );
}

/// The award is shown by its name in the catalogue, never by its code: in
/// the settings line once chosen from the list, and in every row.
#[test]
fn the_preview_names_the_award_not_its_code() {
    let name = "Giấy khen của Chủ tịch UBND phường";
    for (strings, setting, award_word) in [
        (&VI, "Hình thức:", "hình thức: "),
        (&EN, "Award:", "award: "),
    ] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let db = new_db(dir.path());
        let file = dir.path().join("khong-hinh-thuc.csv");
        std::fs::write(
            &file,
            "STT,Họ và tên,Loại đối tượng,Năm sinh,Giới tính,Đợt\n\
             1,Lương Thị Hằng,Người dân,1977,Nữ,2025\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let (w, h) = (160, 40);
        let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
        let mut app = App::new(store, strings, w, h);
        let (tx, rx) = mpsc::channel();
        app.set_job_sender(tx);
        press(&mut app, KeyCode::Char('i'));
        type_text(&mut app, &file.to_string_lossy());
        press(&mut app, KeyCode::Enter);
        settle(&mut app, &rx);
        press(&mut app, KeyCode::Char('a'));
        assert_eq!(app.context(), Context::ImportChoose);
        let mut tries = 0;
        while !screen_at(&app, w, h).contains(&format!("▶ {name}")) {
            press(&mut app, KeyCode::Down);
            tries += 1;
            assert!(tries < 40, "{}", screen_at(&app, w, h));
        }
        press(&mut app, KeyCode::Enter);
        settle(&mut app, &rx);
        let s = screen_at(&app, w, h);
        assert!(s.contains(&format!("{setting} {name} · ")), "{s}");
        assert!(s.contains(&format!("{award_word}{name}")), "{s}");
        assert!(!s.contains("giay_khen"), "{s}");
    }
}
