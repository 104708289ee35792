//! The binary end to end: subcommands, messages, exit codes.

use assert_cmd::Command;
use predicates::prelude::*;

fn hoidong() -> Command {
    let mut c = Command::cargo_bin("hoidong").unwrap();
    c.env("LANG", "C").env_remove("LC_ALL");
    c
}

#[test]
fn demo_writes_a_database_with_every_kind_and_level() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    hoidong()
        .args(["demo", db.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("đã ghi cơ sở dữ liệu mẫu vào"));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let kinds: i64 = conn
        .query_row("SELECT count(DISTINCT e.kind) FROM nominations n JOIN nominees e ON e.id = n.nominee_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kinds, 7, "every subject kind");
    let levels: i64 = conn
        .query_row("SELECT count(DISTINCT a.decided_at) FROM nominations n JOIN awards a ON a.code = n.award_code", [], |r| r.get(0))
        .unwrap();
    assert!(levels >= 3, "ward, province and state awards");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM nominations", [], |r| r.get(0))
        .unwrap();
    assert!(n >= 60);
    let scorers: i64 = conn
        .query_row("SELECT count(DISTINCT member_id) FROM scores", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(scorers >= 7);
    // Refuses to overwrite, saying so in Vietnamese, or in English on request.
    hoidong()
        .args(["demo", db.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicate::str::contains("tệp đã có"));
    hoidong()
        .args(["--lang", "en", "demo", db.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn gen_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    let b = dir.path().join("b.db");
    for p in [&a, &b] {
        hoidong()
            .args([
                "gen",
                p.to_str().unwrap(),
                "--nominations",
                "300",
                "--seed",
                "9",
            ])
            .assert()
            .success();
    }
    let dump = |p: &std::path::Path| -> Vec<(String, String, Option<f64>)> {
        let conn = rusqlite::Connection::open(p).unwrap();
        let mut stmt = conn
            .prepare("SELECT e.name, n.award_code, n.score FROM nominations n JOIN nominees e ON e.id = n.nominee_id ORDER BY n.id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
    };
    let rows = dump(&a);
    assert_eq!(rows.len(), 300);
    assert_eq!(rows, dump(&b));
}

#[test]
fn not_a_database_gives_a_clear_message_and_leaves_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, "hello").unwrap();
    hoidong()
        .args([
            "--db",
            bad.to_str().unwrap(),
            "gen",
            dir.path().join("x.db").to_str().unwrap(),
        ])
        .assert()
        .success();
    hoidong()
        .args(["--lang", "en", "demo", bad.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "hello");
}

#[test]
fn help_lists_the_subcommands() {
    hoidong()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("demo").and(predicate::str::contains("gen")));
}

/// `hoidong meetings` and `hoidong meeting new` speak the interface's
/// language: Vietnamese unless `--lang en`.
#[test]
fn the_meetings_list_and_a_new_meeting_are_said_in_the_interfaces_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    hoidong().args(["demo", db]).assert().success();
    hoidong()
        .args(["--db", db, "--lang", "vi", "meetings"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Trạng thái").and(predicate::str::contains("đã kết thúc")))
        .stdout(predicate::str::contains("closed").not());
    hoidong()
        .args(["--db", db, "--lang", "en", "meetings"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Status").and(predicate::str::contains("closed")));
    hoidong()
        .args([
            "--db",
            db,
            "--lang",
            "vi",
            "meeting",
            "new",
            "--subject",
            "Họp thêm",
            "--at",
            "2026-12-20T08:00",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "đã lập cuộc họp 4 (dự kiến), triệu tập",
        ));
    hoidong()
        .args([
            "--db", db, "--lang", "vi", "meeting", "times", "4", "--start", "8h", "--end", "10:00",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--start 8h: không phải giờ"));
}

/// The command line's own refusals (clap's) are worded in Vietnamese by
/// default, keeping the usage line, and in English with --lang en.
#[test]
fn command_line_refusals_in_the_interface_language() {
    let refused = |args: &[&str]| {
        let out = hoidong().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let vi = refused(&["meeting", "show"]);
    assert!(
        vi.contains("lỗi: thiếu các tham số bắt buộc sau:\n  <ID>")
            && vi.contains("Cách dùng: hoidong meeting show <ID>")
            && !vi.contains("Usage"),
        "{vi}"
    );
    let en = refused(&["--lang", "en", "meeting", "show"]);
    assert!(
        en.contains("the following required arguments were not provided")
            && en.contains("Usage: hoidong meeting show <ID>"),
        "{en}"
    );
    let vi = refused(&["--bogus"]);
    assert!(
        vi.contains("lỗi: không có tuỳ chọn '--bogus' ở đây"),
        "{vi}"
    );
    let en = refused(&["--lang=en", "--bogus"]);
    assert!(en.contains("unexpected argument '--bogus' found"), "{en}");
    let vi = refused(&["meeting", "note", "1", "--kind", "aside", "x"]);
    assert!(
        vi.contains("giá trị 'aside' không hợp lệ cho '--kind <KIND>'")
            && vi.contains("[các giá trị được dùng: opening, note, conclusion, closing]"),
        "{vi}"
    );
    let vi = refused(&["gen", "x.db", "--nominations", "many"]);
    assert!(
        vi.contains("'many' không hợp lệ") && vi.contains("cần một số nguyên"),
        "{vi}"
    );
    let vi = refused(&["council", "member"]);
    assert!(
        vi.contains("lỗi: 'hoidong council member' cần một lệnh con nhưng chưa có")
            && vi.contains("[các lệnh con: add, replace, end]")
            && vi.contains("Cách dùng: hoidong council member"),
        "{vi}"
    );
    let en = refused(&["--lang", "en", "council", "member"]);
    assert!(en.contains("Usage: hoidong council member"), "{en}");
    // An English locale chooses English without --lang.
    let out = hoidong()
        .env("LANG", "en_GB.UTF-8")
        .args(["meetingz"])
        .output()
        .unwrap();
    let en = String::from_utf8(out.stderr).unwrap();
    assert!(en.contains("unrecognized subcommand 'meetingz'"), "{en}");
}

/// The top-level help is Vietnamese by default and English with --lang en;
/// a subcommand's --help still works under the Vietnamese flag.
#[test]
fn top_level_help_in_the_interface_language() {
    let help = |args: &[&str]| {
        let out = hoidong().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let vi = help(&["--help"]);
    assert!(
        vi.contains("Cách dùng: hoidong")
            && vi.contains("Danh sách các cuộc họp của hội đồng")
            && vi.contains("-h, --help         In trợ giúp"),
        "{vi}"
    );
    let en = help(&["--lang", "en", "--help"]);
    assert!(
        en.contains("Usage: hoidong") && en.contains("List the council's meetings"),
        "{en}"
    );
    let sub = help(&["meeting", "--help"]);
    assert!(
        sub.contains("hoidong meeting") && sub.contains("show"),
        "{sub}"
    );
}
