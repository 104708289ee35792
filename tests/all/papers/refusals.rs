//! A tờ trình refused: each refusal through the binary, said in Vietnamese
//! by default and in English with --lang en, naming what was wrong and what
//! to do; nothing is written. And on the awards board, in its form.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hoidong::domain::movement::Round;
use hoidong::domain::nomination::{NewNomination, NominationStatus};
use hoidong::domain::nominee::{NewNominee, NomineeKind};
use hoidong::store::Store;

use crate::record_db::{one, text};

fn run(db: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("--db")
        .arg(db)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap()
}

/// Refused in both languages, each message holding its needles, and not a
/// referral more in the file.
fn refused_in_both(db: &Path, args: &[&str], vi: &[&str], en: &[&str]) {
    let before: i64 = one(db, "SELECT count(*) FROM referrals");
    for (lang, needles) in [("vi", vi), ("en", en)] {
        let out = run(db, lang, args);
        assert!(!out.status.success(), "{lang} {args:?}: {}", text(&out));
        let said = text(&out);
        for needle in needles {
            assert!(
                said.contains(needle),
                "{lang}: “{needle}” missing in {said}"
            );
        }
    }
    assert_eq!(one::<i64>(db, "SELECT count(*) FROM referrals"), before);
}

fn new_submission<'a>(
    meeting: &'a str,
    award: &'a str,
    number: &'a str,
    date: &'a str,
) -> Vec<&'a str> {
    vec![
        "submission",
        "new",
        meeting,
        "--award",
        award,
        "--number",
        number,
        "--date",
        date,
        "--yes",
    ]
}

/// A nominee with no earlier titles nominated for the province's bằng khen
/// and passed at a meeting of its own: not eligible. The meeting's id.
fn passed_without_titles(store: &mut Store, name: &str) -> i64 {
    let movement_id = crate::common::movement_id(store);
    let id = store
        .write(|w| {
            let nominee = w.insert_nominee(&NewNominee {
                kind: Some(NomineeKind::Official),
                name: name.into(),
                unit: "Khu dân cư số 5".into(),
                ..Default::default()
            })?;
            w.insert_nomination(&NewNomination {
                nominee_id: nominee,
                movement_id,
                round: Round::Annual { year: 2026 },
                award_code: "bk_tinh".into(),
                proposing_unit: "Khu dân cư số 5".into(),
                summary: "Tổ chức lớp học tiếng Anh miễn phí cho thiếu nhi".into(),
                status: NominationStatus::Submitted,
            })
        })
        .unwrap();
    crate::common::pass_in_a_meeting(store, &[id]);
    store
        .raw_connection_for_tests()
        .query_row(
            "SELECT meeting_id FROM agenda_items WHERE nomination_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

/// A database of the ward with two such meetings. Its path and the meetings.
fn ward_with_two_ineligible(dir: &Path) -> (PathBuf, i64, i64) {
    let db = dir.join("ward.db");
    let mut store = Store::open(&db).unwrap();
    let first = passed_without_titles(&mut store, "Hoàng Minh Tuấn");
    let second = passed_without_titles(&mut store, "Vũ Thị Lan Anh");
    drop(store);
    (db, first, second)
}

#[test]
fn a_tờ_trình_with_nothing_waiting_a_bad_number_an_unknown_award_or_an_early_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::record_db::demo_copy(dir.path());
    // Meeting 2 has not voted yet: nothing of it waits.
    refused_in_both(
        &db,
        &new_submission("2", "bk_tinh", "15", "2026-11-25"),
        &[
            "Phiên họp 2",
            "không có hồ sơ nào",
            "“bk_tinh”",
            "hãy kiểm tra số phiên họp",
        ],
        &[
            "meeting 2",
            "no nomination passed for “bk_tinh”",
            "check the meeting",
        ],
    );
    refused_in_both(
        &db,
        &new_submission("1", "bk_tinh", "  ", "2026-11-25"),
        &["Số tờ trình: chưa nhập số", "hãy ghi số tờ trình"],
        &["number: the tờ trình has no number", "give it one"],
    );
    refused_in_both(
        &db,
        &new_submission("1", "bk_xyz", "15", "2026-11-25"),
        &["mã “bk_xyz”", "hãy dùng mã trong danh mục"],
        &[
            "no award with the code “bk_xyz”",
            "use a code of the catalogue",
        ],
    );
    // Dated before the meeting that passed it (20/11/2026).
    let early: i64 = one(
        &db,
        "SELECT min(n.id) FROM agenda_items a JOIN nominations n ON n.id = a.nomination_id
         WHERE a.meeting_id = 1 AND n.award_code = 'bk_tinh' AND n.status = 'passed'",
    );
    refused_in_both(
        &db,
        &new_submission("1", "bk_tinh", "15", "2026-11-01"),
        &[
            &format!("Hồ sơ {early}"),
            "trước ngày phiên họp",
            "hãy ghi ngày từ 20/11/2026",
        ],
        &[
            &format!("nomination {early}"),
            "before the meeting",
            "date it on or after",
        ],
    );
    // The preview says the refusal too, before any --yes.
    let mut preview = new_submission("2", "bk_tinh", "15", "2026-11-25");
    preview.pop();
    refused_in_both(&db, &preview, &["Phiên họp 2"], &["meeting 2"]);
    refused_in_both(
        &db,
        &new_submission("1", "bk_tinh", "15", "25.11.2026"),
        &["--date “25.11.2026”: không phải ngày"],
        &["--date “25.11.2026”: not a date"],
    );
}

#[test]
fn a_tờ_trình_without_the_wards_identity_is_refused_with_how_to_set_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    drop(Store::open(&db).unwrap());
    refused_in_both(
        &db,
        &new_submission("1", "bk_tinh", "15", "2026-11-25"),
        &["Chưa có thông tin đơn vị", "hoidong ward set"],
        &["the ward's identity", "is not set", "hoidong ward set"],
    );
}

#[test]
fn an_ineligible_batch_needs_a_reason_and_a_used_number_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (db, first, second) = ward_with_two_ineligible(dir.path());
    let (first, second) = (first.to_string(), second.to_string());
    let nomination: i64 = one(
        &db,
        &format!("SELECT nomination_id FROM agenda_items WHERE meeting_id = {first}"),
    );
    refused_in_both(
        &db,
        &new_submission(&first, "bk_tinh", "3", "2026-01-10"),
        &[
            "Chưa đủ điều kiện để trình",
            &format!("Hồ sơ {nomination} (Hoàng Minh Tuấn)"),
            "chưa đủ điều kiện",
            "hãy ghi lý do (--override-reason",
        ],
        &[
            "not eligible to go up",
            &format!("nomination {nomination} (Hoàng Minh Tuấn)"),
            "not eligible",
            "give the reason (--override-reason",
        ],
    );
    // With the reason it goes up, and the reason is kept.
    let mut with_reason = new_submission(&first, "bk_tinh", "3", "2026-01-10");
    with_reason.extend([
        "--override-reason",
        "Thành tích đột xuất trong phòng chống bão",
    ]);
    let out = run(&db, "vi", &with_reason);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        one::<String>(
            &db,
            &format!("SELECT override_reason FROM referrals WHERE nomination_id = {nomination}")
        ),
        "Thành tích đột xuất trong phòng chống bão"
    );
    // The number is now taken, for the other meeting as well.
    let mut again = new_submission(&second, "bk_tinh", "3", "2026-01-10");
    again.extend(["--override-reason", "Thành tích đột xuất"]);
    refused_in_both(
        &db,
        &again,
        &["tờ trình số 3/TTr-HĐTĐKT đã được ghi", "hãy dùng số khác"],
        &[
            "a tờ trình numbered 3/TTr-HĐTĐKT is already recorded",
            "give another number",
        ],
    );
    let out = run(&db, "en", &["check"]);
    assert!(text(&out).contains("no problem found"), "{}", text(&out));
}

#[test]
fn the_awards_board_says_why_a_tờ_trình_is_refused_and_takes_the_reason() {
    use crate::common::{press, screen_at, type_text};
    use hoidong::i18n::Lang;
    use hoidong::tui::app::App;
    use hoidong::tui::keymap::Context;
    use ratatui::crossterm::event::KeyCode;

    for (lang, refusal, reason_hint) in [
        (Lang::Vi, "Chưa đủ điều kiện để trình:", "hãy ghi lý do"),
        (Lang::En, "not eligible to go up:", "give the reason"),
    ] {
        let mut store = Store::open_in_memory().unwrap();
        store.set_clock(hoidong::store::Clock::Fixed("2026-01-10T09:00:00".into()));
        passed_without_titles(&mut store, "Hoàng Minh Tuấn");
        let out = tempfile::tempdir().unwrap();
        let mut app = App::new(store, lang.strings(), 120, 40);
        app.set_output_dir(out.path().to_path_buf());
        press(&mut app, KeyCode::Char('a'));
        press(&mut app, KeyCode::Char('t'));
        assert_eq!(app.context(), Context::AwardsForm);
        type_text(&mut app, "3");
        press(&mut app, KeyCode::Enter);
        // Said in the form, which stays open and filled in.
        assert_eq!(app.context(), Context::AwardsForm);
        let form = screen_at(&app, 120, 40);
        for needle in [refusal, "Hoàng Minh Tuấn", reason_hint] {
            assert!(
                form.contains(needle),
                "{lang:?}: “{needle}” missing:\n{form}"
            );
        }
        // The reason, in the form's third field, lets it go up.
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "Thành tích đột xuất");
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            app.context(),
            Context::Confirm,
            "{}",
            screen_at(&app, 120, 40)
        );
        press(&mut app, KeyCode::Char('y'));
        super::pump_until_done(&mut app);
        let reasons: Vec<Option<String>> = app
            .store()
            .raw_connection_for_tests()
            .prepare("SELECT override_reason FROM referrals")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(reasons, vec![Some("Thành tích đột xuất".to_string())]);
    }
}
