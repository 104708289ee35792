//! Every subcommand through the binary: one call that succeeds and one that
//! fails (a bad argument or an unknown record) with a message, a non-zero
//! status and never a panic; and a reader that closes its end of the pipe
//! early ends the program quietly, after what it committed.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

struct Demo {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Demo {
    fn new() -> Demo {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let db = dir.path().join("demo.db");
        let out = bare(dir.path())
            .arg("demo")
            .arg(&db)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "demo: {}", text(&out.stderr));
        Demo { dir, db }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary on this database, run in the temporary folder.
    fn cmd(&self) -> Command {
        let mut c = bare(self.dir.path());
        c.arg("--db").arg(&self.db);
        c
    }

    /// The same as a plain process, whose stdout can be any pipe.
    fn process(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("hoidong"));
        c.current_dir(self.dir.path())
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .arg("--db")
            .arg(&self.db);
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        no_panic(args, &out);
        assert!(
            out.status.success(),
            "{args:?} failed: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    /// Fails with a message on stderr that contains `expected`.
    fn refused(&self, args: &[&str], expected: &str) {
        let out = self
            .cmd()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        refused_output(args, &out, expected);
    }

    fn one(&self, sql: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.db).unwrap_or_else(|e| panic!("{e}"));
        conn.query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

/// The binary, in `dir`, in Vietnamese (a locale that is not English), with
/// no printer command on the PATH.
fn bare(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("hoidong").unwrap_or_else(|e| panic!("{e}"));
    c.current_dir(dir)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env("PATH", dir.join("no-programs-here"));
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn no_panic(args: &[&str], out: &Output) {
    let err = text(&out.stderr);
    assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
}

fn refused_output(args: &[&str], out: &Output, expected: &str) {
    no_panic(args, out);
    let err = text(&out.stderr);
    assert!(
        !out.status.success(),
        "{args:?} succeeded: {}",
        text(&out.stdout)
    );
    assert!(
        err.contains(expected),
        "{args:?}: expected “{expected}” in: {err}"
    );
}

const NO_NOMINATION: &str = "Không tìm thấy hồ sơ đề nghị 999999";

/// A nomination the council passed by a vote in the demo, for an award the
/// ward decides (`home`) or one decided above.
fn passed(d: &Demo, home: bool) -> i64 {
    d.one(&format!(
        "SELECT n.id FROM nominations n JOIN awards a ON a.code = n.award_code
         WHERE n.status = 'passed' AND a.decided_at {} (SELECT level FROM councils LIMIT 1)
           AND EXISTS (SELECT 1 FROM vote_results v WHERE v.nomination_id = n.id AND v.passed)
         ORDER BY n.id LIMIT 1",
        if home { "=" } else { "<>" }
    ))
}

#[test]
fn demo_and_gen() {
    let d = Demo::new();
    let again = d.db.to_string_lossy().into_owned();
    d.refused(&["demo", &again], "tệp đã có");
    let generated = d.path("gen.db");
    let generated = generated.to_string_lossy();
    assert!(
        d.ok(&["gen", &generated, "--nominations", "20"])
            .contains("đã ghi 20 hồ sơ đề nghị")
    );
    d.refused(&["gen", &generated], "tệp đã có");
    d.refused(&["gen", "x.db", "--nominations", "many"], "không hợp lệ");
}

#[test]
fn import_and_export() {
    let d = Demo::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/de-nghi.csv");
    let fixture = fixture.to_string_lossy();
    let before = d.one("SELECT count(*) FROM nominations");
    d.ok(&["import", "nominations", &fixture, "--allow-duplicates"]);
    assert!(d.one("SELECT count(*) FROM nominations") > before);
    d.refused(&["import", "nominations", "khong-co.csv"], "khong-co.csv");
    d.refused(
        &["import", "spreadsheets", &fixture],
        "không có lệnh 'spreadsheets'",
    );

    d.ok(&["export", "nominations", "ds.xlsx", "--status", "all"]);
    assert!(d.path("ds.xlsx").exists());
    d.refused(
        &["export", "nominations", "ds.txt"],
        "unsupported file type",
    );
    d.refused(
        &["export", "nominations", "d2.csv", "--status", "done"],
        "không có trạng thái “done”",
    );
    d.ok(&["export", "template", "mau.xlsx"]);
    d.refused(&["export", "template", "mau.txt"], "xlsx");
    d.ok(&["export", "awards", "so-khen.csv"]);
    d.refused(
        &["export", "awards", "so-khen.pdf"],
        "unsupported file type",
    );
}

#[test]
fn decide_refer_and_referral() {
    let d = Demo::new();
    let home = passed(&d, true).to_string();
    let out = d.ok(&[
        "decide",
        &home,
        "--number",
        "15/QĐ-UBND",
        "--date",
        "2026-12-01",
        "--signer",
        "Trịnh Văn Khải",
    ]);
    assert!(
        out.contains("đã quyết định và ghi vào sổ khen thưởng"),
        "{out}"
    );
    d.refused(
        &[
            "decide",
            "999999",
            "--number",
            "1",
            "--date",
            "2026-12-01",
            "--signer",
            "A",
        ],
        NO_NOMINATION,
    );
    d.refused(
        &[
            "decide", &home, "--number", "1", "--date", "mai", "--signer", "A",
        ],
        "không phải là ngày",
    );

    let above = passed(&d, false).to_string();
    let out = d.ok(&[
        "refer",
        &above,
        "--number",
        "20/TTr-UBND",
        "--date",
        "2026-12-02",
        "--override-reason",
        "Thành tích đột xuất",
    ]);
    assert!(out.contains("hồ sơ trình"), "{out}");
    d.refused(
        &["refer", "999999", "--number", "1", "--date", "2026-12-02"],
        NO_NOMINATION,
    );

    let referral = d.one("SELECT max(id) FROM referrals").to_string();
    d.ok(&["referral", &referral]);
    d.refused(
        &["referral", "999999"],
        "Không tìm thấy hồ sơ trình cấp trên 999999",
    );
    d.refused(
        &["referral", &referral, "confer", "--number", "1"],
        "thiếu các tham số bắt buộc",
    );
}

#[test]
fn register_history_eligibility_and_holds() {
    let d = Demo::new();
    let nominee = d.one("SELECT min(id) FROM nominees").to_string();
    d.ok(&["history", &nominee]);
    d.refused(
        &["history", "Không Ai Tên Này"],
        "không có đối tượng nào khớp",
    );
    d.ok(&["register", "giay khen"]);
    d.refused(&["register", "--year", "2025"], "không có tuỳ chọn");

    let nomination = d.one("SELECT min(id) FROM nominations").to_string();
    let out = d.ok(&["eligibility", &nomination]);
    assert!(!out.trim().is_empty());
    let en = d.ok(&["--lang", "en", "eligibility", &nomination]);
    assert_ne!(out, en, "the global --lang chooses the language");
    d.refused(&["eligibility", "999999"], NO_NOMINATION);
    d.ok(&["eligibility-rules"]);
    d.refused(
        &["eligibility-rules", "--load", "khong-co.toml"],
        "cannot read",
    );

    d.ok(&[
        "earlier-award",
        &nominee,
        "--award",
        "giay_khen",
        "--year",
        "2019",
    ]);
    d.refused(
        &[
            "earlier-award",
            &nominee,
            "--award",
            "huy_chuong_vang",
            "--year",
            "2019",
        ],
        "không có “huy_chuong_vang” trong danh mục",
    );
    d.ok(&["hold", &nominee, "--reason", "Đang thanh tra"]);
    d.refused(
        &["hold", "999999", "--reason", "x"],
        "Không tìm thấy đối tượng 999999",
    );
    let hold = d.one("SELECT max(id) FROM award_holds").to_string();
    d.ok(&["lift-hold", &hold]);
    d.refused(&["lift-hold", "999999"], "999999");
    d.ok(&["awards-board"]);
    d.refused(&["awards-board", "--all"], "không có tuỳ chọn");
}

#[test]
fn minutes_sign_and_print() {
    let d = Demo::new();
    let held = d
        .one("SELECT min(id) FROM meetings WHERE status = 'closed'")
        .to_string();
    d.ok(&["minutes", &held, "--format", "md", "-o", "bien-ban.md"]);
    assert!(d.path("bien-ban.md").exists());
    d.refused(
        &["minutes", "999", "--format", "md", "-o", "x.md"],
        "Không tìm thấy phiên họp 999",
    );
    d.refused(&["minutes", &held, "--format", "odt", "-o", "x.odt"], "odt");
    d.ok(&["sign", &held, "--yes"]);
    d.refused(&["sign", "999", "--yes"], "Không tìm thấy phiên họp 999");
    d.refused(&["sign", &held], "--yes");
    let out = d.ok(&["print", &held]);
    assert!(out.contains("bản PDF đã được lưu vào"), "{out}");
    d.refused(&["print", "999"], "Không tìm thấy phiên họp 999");
}

#[test]
fn check_backup_restore_and_exercise() {
    let d = Demo::new();
    d.ok(&["check"]);
    std::fs::write(d.path("notes.txt"), "not a database").unwrap_or_else(|e| panic!("{e}"));
    let out = bare(d.dir.path())
        .args(["--db", "notes.txt", "check"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    no_panic(&["check"], &out);
    assert!(!out.status.success());
    d.ok(&["backup", "sao-luu.db"]);
    d.refused(&["backup", "sao-luu.db"], "sao-luu.db");
    d.ok(&["restore", "sao-luu.db"]);
    d.refused(&["restore", "khong-co.db"], "khong-co.db");
    d.ok(&["exercise", "--count", "3"]);
    d.refused(&["exercise", "--count", "many"], "không hợp lệ");
}

#[test]
fn meetings_and_every_meeting_subcommand() {
    let d = Demo::new();
    d.ok(&["meetings"]);
    d.refused(&["meetings", "--year", "2026"], "không có tuỳ chọn");
    let held = d
        .one("SELECT min(id) FROM meetings WHERE status = 'closed'")
        .to_string();
    d.ok(&["meeting", "show", &held]);
    d.refused(&["meeting", "show", "999"], "Không tìm thấy phiên họp 999");
    d.ok(&["meeting", "ballot-record", &held, "1"]);
    d.refused(&["meeting", "ballot-record", &held, "99"], "99");

    d.ok(&[
        "meeting",
        "new",
        "--subject",
        "Xét khen thưởng đợt 2",
        "--at",
        "2026-12-20T08:00",
    ]);
    d.refused(
        &["meeting", "new", "--subject", "Họp", "--at", "sáng mai"],
        "sáng mai",
    );
    let planned = d.one("SELECT max(id) FROM meetings").to_string();
    let submitted: Vec<String> = {
        let conn = rusqlite::Connection::open(&d.db).unwrap_or_else(|e| panic!("{e}"));
        let mut stmt = conn
            .prepare("SELECT id FROM nominations WHERE status = 'submitted' ORDER BY id LIMIT 2")
            .unwrap_or_else(|e| panic!("{e}"));
        stmt.query_map([], |r| r.get::<_, i64>(0))
            .unwrap_or_else(|e| panic!("{e}"))
            .map(|r| r.unwrap_or_else(|e| panic!("{e}")).to_string())
            .collect()
    };
    assert_eq!(submitted.len(), 2);
    d.ok(&["meeting", "add", &planned, &submitted[0], &submitted[1]]);
    d.refused(&["meeting", "add", &planned, "999999"], "999999");
    d.ok(&["meeting", "move", &planned, &submitted[1], "1"]);
    d.refused(&["meeting", "move", &planned, "999999", "1"], "999999");
    d.ok(&["meeting", "remove", &planned, &submitted[0]]);
    d.refused(&["meeting", "remove", &planned, "999999"], "999999");
    let members: Vec<i64> = (0..3)
        .map(|i| {
            d.one(&format!(
                "SELECT member_id FROM meeting_members WHERE meeting_id = {planned} ORDER BY member_id LIMIT 1 OFFSET {i}"
            ))
        })
        .collect();
    let (head, a, b) = (
        members[0].to_string(),
        members[1].to_string(),
        members[2].to_string(),
    );
    d.ok(&["meeting", "committee", &planned, &head, &a, &b]);
    d.refused(&["meeting", "committee", &planned, "999999"], "999999");
    d.ok(&[
        "meeting",
        "note",
        &held,
        "Ghi thêm: biên bản đã gửi các thành viên.",
    ]);
    d.refused(
        &["meeting", "note", "999", "Ghi chú"],
        "Không tìm thấy phiên họp 999",
    );
    d.refused(
        &["meeting", "note", &held, "--kind", "aside", "x"],
        "không hợp lệ",
    );
}

/// A pipe whose reading end is already closed: every write to it fails, as
/// when `head -1` has read its line and gone.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap_or_else(|e| panic!("{e}"));
    drop(reader);
    writer
}

/// Ended quietly: no panic, and the status of a Unix tool whose reader left
/// (killed by SIGPIPE), or a plain failure where there is no such signal.
fn ended_quietly(args: &[&str], out: &Output) {
    no_panic(args, out);
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(out.status.signal(), Some(13), "{args:?}: {:?}", out.status);
    }
    #[cfg(not(unix))]
    assert!(!out.status.success());
}

#[test]
fn a_closed_stdout_ends_check_quietly() {
    let d = Demo::new();
    let out = d
        .process()
        .arg("check")
        .stdout(closed_pipe())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    ended_quietly(&["check"], &out);
}

#[test]
fn a_closed_stdout_ends_import_quietly_after_the_import_committed() {
    let d = Demo::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/de-nghi.csv");
    let before = d.one("SELECT count(*) FROM nominations");
    let out = d
        .process()
        .args(["import", "nominations", "--allow-duplicates"])
        .arg(&fixture)
        .stdout(closed_pipe())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    ended_quietly(&["import"], &out);
    assert!(
        d.one("SELECT count(*) FROM nominations") > before,
        "the import was committed before its report was printed"
    );
    let ok = d.ok(&["check"]);
    assert!(!ok.contains("PROBLEM"), "{ok}");
}

#[test]
fn a_closed_stdout_ends_the_awards_commands_and_meetings_quietly() {
    let d = Demo::new();
    for args in [&["awards-board"][..], &["meetings"], &["eligibility-rules"]] {
        let out = d
            .process()
            .args(args)
            .stdout(closed_pipe())
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        ended_quietly(args, &out);
    }
}
