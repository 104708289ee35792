//! The papers after the meeting that go up or out: the tờ trình for a
//! referral batch, the year's report, and the demo's past they read.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use rusqlite::Connection;

use crate::record_db::{hoidong, one, text};

mod refusals;

fn fresh_demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("demo.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("demo")
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    db
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = hoidong(db, args);
    assert!(out.status.success(), "{args:?}: {}", text(&out));
    text(&out)
}

fn check_clean(db: &Path) {
    let out = ok(db, &["check"]);
    assert!(out.contains("no problem found"), "{out}");
}

#[test]
fn a_tờ_trình_refers_every_passed_bằng_khen_of_the_meeting_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_demo(dir.path());
    // Counted here from the tables: passed at meeting 1 for bk_tinh, not referred.
    let conn = Connection::open(&db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT n.id, e.name FROM agenda_items a JOIN nominations n ON n.id = a.nomination_id
             JOIN nominees e ON e.id = n.nominee_id
             WHERE a.meeting_id = 1 AND n.award_code = 'bk_tinh' AND n.status = 'passed'",
        )
        .unwrap();
    let batch: Vec<(i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(stmt);
    drop(conn);
    assert!(!batch.is_empty());
    let before: i64 = one(&db, "SELECT count(*) FROM referrals");

    // Without --yes nothing is recorded.
    let shown = ok(
        &db,
        &[
            "submission",
            "new",
            "1",
            "--award",
            "bk_tinh",
            "--number",
            "15",
            "--date",
            "2026-11-25",
        ],
    );
    assert!(shown.contains("15/TTr-HĐTĐKT"), "{shown}");
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM referrals"), before);

    ok(
        &db,
        &[
            "submission",
            "new",
            "1",
            "--award",
            "bk_tinh",
            "--number",
            "15",
            "--date",
            "2026-11-25",
            "--yes",
        ],
    );
    for (id, _) in &batch {
        let n: i64 = one(
            &db,
            &format!(
                "SELECT count(*) FROM referrals WHERE nomination_id = {id} AND submission_number = '15/TTr-HĐTĐKT' AND status = 'prepared'"
            ),
        );
        assert_eq!(n, 1, "nomination {id}");
        let status: String = one(
            &db,
            &format!("SELECT status FROM nominations WHERE id = {id}"),
        );
        assert_eq!(status, "referred");
        // The tờ trình and the minutes are ticked in its dossier.
        let minutes: String = one(
            &db,
            &format!(
                "SELECT d.reference FROM referral_documents d JOIN referrals r ON r.id = d.referral_id WHERE r.nomination_id = {id} AND d.doc_code = 'bien_ban_hoi_dong'"
            ),
        );
        assert_eq!(minutes, "Biên bản số 07/BB-HĐTĐKT ngày 20/11/2026");
    }
    assert_eq!(
        one::<i64>(&db, "SELECT count(*) FROM referrals"),
        before + batch.len() as i64
    );

    // Nothing is left to send under a second number.
    let again = hoidong(
        &db,
        &[
            "submission",
            "new",
            "1",
            "--award",
            "bk_tinh",
            "--number",
            "16",
            "--date",
            "2026-11-26",
            "--yes",
        ],
    );
    assert!(!again.status.success());
    assert!(
        text(&again).contains("no nomination passed"),
        "{}",
        text(&again)
    );

    // Its print names the number, the minutes and every nominee, and is
    // the same bytes each time.
    let md = dir.path().join("tt.md");
    ok(
        &db,
        &[
            "submission",
            "print",
            "15",
            "--format",
            "md",
            "-o",
            md.to_str().unwrap(),
        ],
    );
    let printed = std::fs::read_to_string(&md).unwrap();
    for needle in [
        "TỜ TRÌNH",
        "Số: 15/TTr-HĐTĐKT",
        "07/BB-HĐTĐKT",
        "DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN",
        "Trịnh Văn Khải",
    ] {
        assert!(printed.contains(needle), "{needle} missing:\n{printed}");
    }
    for (_, name) in &batch {
        assert!(
            printed.contains(name.as_str()),
            "{name} missing:\n{printed}"
        );
    }
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    ok(
        &db,
        &["submission", "print", "15", "-o", a.to_str().unwrap()],
    );
    ok(
        &db,
        &["submission", "print", "15", "-o", b.to_str().unwrap()],
    );
    let bytes = std::fs::read(&a).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(bytes, std::fs::read(&b).unwrap());
    // An existing file is never replaced.
    let over = hoidong(
        &db,
        &["submission", "print", "15", "-o", a.to_str().unwrap()],
    );
    assert!(!over.status.success());
    assert_eq!(bytes, std::fs::read(&a).unwrap());
    check_clean(&db);
}

/// The prize of one award by the figures of NĐ 152/2025 on the current base
/// salary (2,340,000 đ), rounded up to tens of thousands: worked out here
/// apart from the program's table.
fn expected_prize(award: &str, kind: &str) -> i64 {
    let individual = |a: &str| match a {
        "cstdcs" => 1000,
        "ldtt" => 300,
        "giay_khen" => 300,
        "bk_tinh" => 1500,
        _ => 0,
    };
    let milli = match kind {
        "official" | "resident" | "other_individual" => individual(award),
        "household" => individual(award) * 3 / 2,
        _ => match award {
            "giay_khen" => 600,
            "bk_tinh" => 3000,
            _ => 0,
        },
    };
    let raw = (2_340_000 * milli + 999) / 1000;
    (raw + 9_999) / 10_000 * 10_000
}

#[test]
fn the_years_report_counts_the_demos_awards_and_their_money() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_demo(dir.path());
    let conn = Connection::open(&db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT r.award_code, e.kind FROM award_register r JOIN nominees e ON e.id = r.nominee_id
             WHERE r.year = 2025",
        )
        .unwrap();
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(stmt);
    drop(conn);
    assert!(rows.len() >= 5, "the demo's 2025 holds awards: {rows:?}");
    let total: i64 = rows.iter().map(|(a, k)| expected_prize(a, k)).sum();
    assert!(total > 0);

    let xlsx = dir.path().join("bao-cao-2025.xlsx");
    let pdf = dir.path().join("bao-cao-2025.pdf");
    let out = ok(
        &db,
        &[
            "report",
            "--year",
            "2025",
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
            "--date",
            "2026-12-01",
        ],
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("Theo hình thức").unwrap();
    let last = sheet.rows().next_back().unwrap().to_vec();
    let number = |c: &Data| match c {
        Data::Float(f) => *f as i64,
        Data::Int(i) => *i,
        other => panic!("not a number: {other:?}"),
    };
    // Totals row: count in "Tổng số", money in "Tiền thưởng (đồng)".
    assert_eq!(last[1], Data::String("Tổng cộng".into()));
    assert_eq!(number(&last[7]), rows.len() as i64, "{out}");
    assert_eq!(number(&last[8]), total, "{out}");
    // Referrals: the demo's two Bằng khen of 2025, both conferred.
    let referrals = book.worksheet_range("Đề nghị cấp trên").unwrap();
    let line = referrals.rows().nth(1).unwrap().to_vec();
    assert_eq!(line[2], Data::String("bk_tinh".into()));
    assert_eq!(number(&line[4]), 2);
    assert_eq!(number(&line[9]), 2, "conferred");

    // Never over an existing file; a phase reads too.
    let again = hoidong(
        &db,
        &["report", "--year", "2025", "--xlsx", xlsx.to_str().unwrap()],
    );
    assert!(!again.status.success());
    let phase = ok(&db, &["report", "--phase", "2022-2025"]);
    assert!(phase.contains("2022-2025"), "{phase}");
    // Levels by their names and referrals by the words of their state.
    assert!(
        phase.contains("Phường") && phase.contains("Conferred"),
        "{phase}"
    );
    assert!(
        !phase.contains("province") && !phase.contains("conferred"),
        "{phase}"
    );
    let bad = hoidong(&db, &["report", "--phase", "2025-2022"]);
    assert!(
        text(&bad).contains("ends before it begins"),
        "{}",
        text(&bad)
    );
}

#[test]
fn a_fresh_demo_has_a_past_that_every_view_shows() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_demo(dir.path());
    check_clean(&db);
    let file = dir.path().join("so-khen-thuong.csv");
    let out = ok(&db, &["export", "awards", file.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(csv.lines().count() > 10, "{out}\n{csv}");
    assert!(
        csv.contains("215/QĐ-UBND"),
        "the conferred Bằng khen: {csv}"
    );
    // A referral returned and resent, then conferred.
    let returned: i64 = one(
        &db,
        "SELECT count(DISTINCT referral_id) FROM referral_events WHERE status = 'returned'
         AND referral_id IN (SELECT referral_id FROM referral_events WHERE status = 'resent')
         AND referral_id IN (SELECT id FROM referrals WHERE status = 'conferred')",
    );
    assert_eq!(returned, 1);
    let history = ok(&db, &["history", "Đinh Thị Thu Hiền"]);
    assert!(
        history.contains("2024") && history.contains("215/QĐ-UBND"),
        "{history}"
    );
}

/// Tick the app until its background print jobs are done.
pub(super) fn pump_until_done(app: &mut hoidong::tui::app::App) {
    let start = std::time::Instant::now();
    while app.jobs_running() > 0 {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "print job hangs"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        app.handle_event(hoidong::tui::event::Event::Tick);
    }
}

#[test]
fn the_awards_board_writes_the_report_in_the_background_without_replacing_a_file() {
    use crate::common::{press, screen_at, type_text};
    use hoidong::i18n::Lang;
    use hoidong::tui::app::App;
    use hoidong::tui::keymap::Context;
    use ratatui::crossterm::event::KeyCode;

    let mut store = hoidong::store::Store::open_in_memory().unwrap();
    store.set_clock(hoidong::store::Clock::Fixed("2026-12-01T09:00:00".into()));
    hoidong::demo::populate(&mut store, hoidong::demo::demo_spec()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut app = App::new(store, Lang::Vi.strings(), 120, 35);
    app.set_output_dir(out.path().to_path_buf());
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.context(), Context::AwardsBoard);
    assert!(
        screen_at(&app, 120, 35).contains("b  báo cáo"),
        "{}",
        screen_at(&app, 120, 35)
    );
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.context(), Context::AwardsForm);
    let form = screen_at(&app, 120, 35);
    assert!(form.contains("Báo cáo thống kê khen thưởng"), "{form}");
    // The latest year of the register is offered.
    assert!(form.contains("2025"), "{form}");
    // A phase written backwards is refused in the form, which stays open.
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2025-2022");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::AwardsForm);
    let refused = screen_at(&app, 120, 35);
    assert!(refused.contains("kết thúc trước khi bắt đầu"), "{refused}");
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2025");
    press(&mut app, KeyCode::Enter);
    pump_until_done(&mut app);
    assert_eq!(app.context(), Context::AwardsBoard);
    let xlsx = out.path().join("bao-cao-khen-thuong-2025.xlsx");
    let pdf = out.path().join("bao-cao-khen-thuong-2025.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let first = std::fs::read(&xlsx).unwrap();
    // Again: new names, the first files are kept as they were.
    press(&mut app, KeyCode::Char('b'));
    press(&mut app, KeyCode::Enter);
    pump_until_done(&mut app);
    assert!(out.path().join("bao-cao-khen-thuong-2025-2.xlsx").exists());
    assert!(out.path().join("bao-cao-khen-thuong-2025-2.pdf").exists());
    assert_eq!(std::fs::read(&xlsx).unwrap(), first);
}

#[test]
fn the_awards_board_records_the_tờ_trình_after_a_confirm_and_prints_it() {
    use crate::common::{press, screen_at, type_text};
    use hoidong::i18n::Lang;
    use hoidong::tui::app::App;
    use hoidong::tui::keymap::Context;
    use ratatui::crossterm::event::KeyCode;

    let mut store = hoidong::store::Store::open_in_memory().unwrap();
    store.set_clock(hoidong::store::Clock::Fixed("2026-11-25T09:00:00".into()));
    hoidong::demo::populate(&mut store, hoidong::demo::demo_spec()).unwrap();
    let waiting = store.pending_batches().unwrap();
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    let batch = waiting[0].clone();
    let out = tempfile::tempdir().unwrap();
    let mut app = App::new(store, Lang::Vi.strings(), 120, 35);
    app.set_output_dir(out.path().to_path_buf());
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.context(), Context::AwardsForm);
    let form = screen_at(&app, 120, 35);
    assert!(
        form.contains("Tờ trình đề nghị cấp trên khen thưởng"),
        "{form}"
    );
    assert!(form.contains("07/BB-HĐTĐKT"), "{form}");
    assert!(form.contains("HTX Dịch vụ Môi trường Thanh Bình"), "{form}");
    // An empty number is refused in the form.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::AwardsForm);
    type_text(&mut app, "15");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.context(),
        Context::Confirm,
        "{}",
        screen_at(&app, 120, 35)
    );
    press(&mut app, KeyCode::Char('y'));
    pump_until_done(&mut app);
    for id in &batch.nominations {
        let r = app.store().referrals_of(*id).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].submission_number, "15/TTr-HĐTĐKT");
    }
    let pdf = std::fs::read(out.path().join("to-trinh-15.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // Nothing waits any more: said, not a form.
    press(&mut app, KeyCode::Char('t'));
    assert!(
        screen_at(&app, 120, 35).contains("Không có hồ sơ nào đã được Hội đồng thông qua"),
        "{}",
        screen_at(&app, 120, 35)
    );
}

/// A stand-in for `lp` that keeps what it was given.
#[cfg(unix)]
fn fake_lp(dir: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let lp = bin.join("lp");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\ncp \"$1\" '{}'\necho 'request id is PDF-7 (1 file(s))'\n",
            dir.join("printed.pdf").display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

#[cfg(unix)]
#[test]
fn the_tờ_trình_and_the_report_go_to_the_printer_through_lp() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_demo(dir.path());
    ok(
        &db,
        &[
            "submission",
            "new",
            "1",
            "--award",
            "bk_tinh",
            "--number",
            "15",
            "--date",
            "2026-11-25",
            "--yes",
        ],
    );
    let bin = fake_lp(dir.path());
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for args in [
        vec!["submission", "print", "15", "--printer"],
        vec!["report", "--year", "2025", "--printer"],
    ] {
        let _ = std::fs::remove_file(dir.path().join("printed.pdf"));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hoidong"))
            .env("PATH", &path)
            .arg("--db")
            .arg(&db)
            .args(["--lang", "en"])
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        assert!(
            text(&out).contains("sent to the printer: request id is PDF-7"),
            "{}",
            text(&out)
        );
        let printed = std::fs::read(dir.path().join("printed.pdf")).unwrap();
        assert!(printed.starts_with(b"%PDF"), "{args:?}");
    }
}
