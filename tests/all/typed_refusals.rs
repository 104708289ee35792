//! A refusal that the store used to give only as English text is now typed:
//! the interface and the command line say it in their own language.

use std::path::Path;
use std::process::Command;

use crate::common::{press, screen_at, type_text};
use hoidong::demo;
use hoidong::domain::nomination::NominationStatus;
use hoidong::i18n::strings::{EN, VI};
use hoidong::store::Store;
use hoidong::tui::app::App;
use hoidong::tui::keymap::Context;
use ratatui::crossterm::event::KeyCode;

const W: u16 = 120;
const H: u16 = 35;

fn demo_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("hoidong.db");
    let mut s = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    demo::populate(&mut s, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// While the withdrawal dialog is open, another program lets the council
/// vote the nomination down: a failed nomination cannot be withdrawn.
fn withdraw_after_it_failed_elsewhere(strings: &'static hoidong::i18n::strings::Strings) -> String {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = demo_file(dir.path());
    let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut a = App::new(store, strings, W, H);
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    press(&mut a, KeyCode::Char('w'));
    assert_eq!(a.context(), Context::Prompt);

    let mut other = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    use NominationStatus::*;
    let path_to_failed: &[NominationStatus] = match other
        .nomination(id)
        .unwrap_or_else(|e| panic!("{e}"))
        .status
    {
        Draft => &[Submitted, OnAgenda, Failed],
        Submitted => &[OnAgenda, Failed],
        OnAgenda | Passed => &[Failed],
        other => panic!("the first row is {other:?}"),
    };
    for next in path_to_failed {
        other
            .set_nomination_status(id, *next)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    type_text(&mut a, "Đơn vị xin rút đề nghị");
    press(&mut a, KeyCode::Enter);
    let status = a
        .store()
        .nomination(id)
        .unwrap_or_else(|e| panic!("{e}"))
        .status;
    assert_eq!(status, Failed, "nothing changed");
    screen_at(&a, W, H)
}

#[test]
fn a_refused_status_change_is_said_in_vietnamese_in_the_interface() {
    let s = withdraw_after_it_failed_elsewhere(&VI);
    assert!(s.contains("không thể chuyển từ “Không đạt” sang"), "{s}");
    assert!(!s.contains("cannot go from"), "{s}");
    let s = withdraw_after_it_failed_elsewhere(&EN);
    assert!(s.contains("cannot go from failed to"), "{s}");
}

fn run(db: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .env("LANG", "vi_VN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_says_a_refusal_in_the_interface_language() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = demo_file(dir.path());
    let one = |sql: &str| -> String {
        let conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
            .to_string()
    };
    let nominee = one("SELECT min(id) FROM nominees");
    let args = [
        "earlier-award",
        nominee.as_str(),
        "--award",
        "giay_khen",
        "--year",
        "1800",
    ];
    let (ok, err) = run(&db, &args);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "hoidong: Năm: 1800 không phải năm hợp lý (từ 1945 đến 2100)"
    );
    let mut english = vec!["--lang", "en"];
    english.extend(args);
    let (ok, err) = run(&db, &english);
    assert!(!ok);
    assert_eq!(err.trim(), "hoidong: year: 1800 is not a plausible year");

    // A hold without a reason, and lifting one twice.
    let (ok, err) = run(&db, &["hold", nominee.as_str(), "--reason", " "]);
    assert!(!ok);
    assert!(err.contains("Lý do: hãy ghi quyết định kỷ luật"), "{err}");
    let (ok, _) = run(
        &db,
        &["hold", nominee.as_str(), "--reason", "Đang thanh tra"],
    );
    assert!(ok);
    let hold = one("SELECT max(id) FROM award_holds");
    assert!(run(&db, &["lift-hold", hold.as_str()]).0);
    let (ok, err) = run(&db, &["lift-hold", hold.as_str()]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        format!("hoidong: Lệnh tạm hoãn {hold} đã được gỡ")
    );
}
