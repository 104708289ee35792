//! The record says only what happened, and names are what they look like:
//! no minutes signed for a meeting that was not held, no passed or decided
//! status without a vote, no hidden characters or old encodings in names,
//! and one person's history under the old and the new tone placement.
//! Through the binary, on a database made with `hoidong demo`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use hoidong::domain::meeting::Presence;
use hoidong::store::Store;

const HEADER: &str = "STT,Họ và tên / Tên tập thể,Loại đối tượng,Năm sinh,Giới tính,Tỷ lệ nữ (%),Đợt,Hình thức khen thưởng,Trạng thái";

struct Demo {
    dir: tempfile::TempDir,
    db: PathBuf,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("demo.db");
    hoidong(dir.path()).arg("demo").arg(&db).assert().success();
    Demo { dir, db }
}

fn hoidong(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("hoidong").unwrap_or_else(|e| panic!("{e}"));
    c.current_dir(dir).env("LANG", "C").env_remove("LC_ALL");
    c
}

impl Demo {
    /// Runs the binary; (success, stdout, stderr). Never a panic.
    fn run(&self, args: &[&str]) -> (bool, String, String) {
        let out = hoidong(self.dir.path())
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            err,
        )
    }

    fn refused(&self, args: &[&str]) -> String {
        let (ok, out, err) = self.run(args);
        assert!(!ok, "{args:?} was accepted: {out}");
        err
    }

    fn one(&self, sql: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.db).unwrap_or_else(|e| panic!("{e}"));
        conn.query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    fn csv(&self, name: &str, rows: &[&str]) -> String {
        let path = self.dir.path().join(name);
        let mut text = format!("{HEADER}\n");
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        path.to_string_lossy().into_owned()
    }

    fn new_meeting(&self) -> i64 {
        let (ok, _, err) = self.run(&[
            "meeting",
            "new",
            "--subject",
            "Xét khen thưởng đợt bổ sung",
            "--at",
            "2026-12-20T08:00",
        ]);
        assert!(ok, "{err}");
        self.one("SELECT max(id) FROM meetings")
    }
}

#[test]
fn minutes_of_a_meeting_never_opened_are_not_signed() {
    let d = demo();
    let planned = d.new_meeting().to_string();
    let err = d.refused(&["sign", &planned, "--yes"]);
    assert!(
        err.contains("chưa từng được khai mạc: không có biên bản nào để ký duyệt"),
        "{err}"
    );
    let signed = d.one(&format!(
        "SELECT count(*) FROM minutes_signoffs WHERE meeting_id = {planned}"
    ));
    assert_eq!(signed, 0);
}

#[test]
fn minutes_of_a_meeting_with_nobody_present_are_not_signed() {
    let d = demo();
    let id = d.new_meeting();
    {
        let mut store = Store::open(&d.db).unwrap_or_else(|e| panic!("{e}"));
        let version = store.meeting(id).unwrap_or_else(|e| panic!("{e}")).version;
        store
            .open_meeting(id, version)
            .unwrap_or_else(|e| panic!("{e}"));
        let council = store
            .council()
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no council"));
        for m in store.members(council.id).unwrap_or_else(|e| panic!("{e}")) {
            store
                .check_in(
                    id,
                    m.id,
                    &Presence::Absent {
                        reason: "Bão".into(),
                    },
                )
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let err = d.refused(&["sign", &id.to_string(), "--yes"]);
    assert!(
        err.contains("không có thành viên nào được ghi là có mặt"),
        "{err}"
    );
    let signed = d.one(&format!(
        "SELECT count(*) FROM minutes_signoffs WHERE meeting_id = {id}"
    ));
    assert_eq!(signed, 0);
}

#[test]
fn an_imported_status_that_only_a_vote_or_decision_gives_is_refused() {
    let d = demo();
    let before = d.one("SELECT count(*) FROM nominations");
    let file = d.csv(
        "da-khen.csv",
        &[
            "1,Phan Thị Yến,Người dân,1975,Nữ,,2025,giay_khen,Được thông qua",
            "2,Đàm Văn Khang,Người dân,1968,Nam,,2025,giay_khen,Đã quyết định",
            "3,Tổ dân phố 12,\"Ban, ngành, đơn vị\",,,,2025,giay_khen,Được cấp trên khen",
            "4,Hà Văn Tư,Người dân,1970,Nam,,2025,giay_khen,Đã nộp",
        ],
    );
    let err = d.refused(&["--lang", "en", "import", "nominations", &file]);
    for (row, status) in [
        (2, "Được thông qua"),
        (3, "Đã quyết định"),
        (4, "Được cấp trên khen"),
    ] {
        assert!(
            err.contains(&format!(
                "row {row}, column I (Trạng thái): “{status}” cannot be imported"
            )),
            "{err}"
        );
    }
    assert!(err.contains("hoidong earlier-award"), "{err}");
    assert!(!err.contains("row 5"), "a submitted row is fine: {err}");
    assert_eq!(d.one("SELECT count(*) FROM nominations"), before);
}

#[test]
fn decide_and_refer_refuse_a_passed_status_with_no_vote_behind_it() {
    let d = demo();
    // A nomination marked passed without any vote, as an import used to do.
    let id = d.one(
        "SELECT n.id FROM nominations n JOIN awards a ON a.code = n.award_code
         WHERE n.status = 'submitted' AND a.decided_at = (SELECT level FROM councils LIMIT 1)
         ORDER BY n.id LIMIT 1",
    );
    {
        let conn = rusqlite::Connection::open(&d.db).unwrap_or_else(|e| panic!("{e}"));
        conn.execute(
            "UPDATE nominations SET status = 'passed' WHERE id = ?1",
            [id],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let register = d.one("SELECT count(*) FROM award_register");
    let id = id.to_string();
    let err = d.refused(&[
        "decide",
        &id,
        "--number",
        "31/QĐ-UBND",
        "--date",
        "2026-12-01",
        "--signer",
        "Trịnh Văn Khải",
    ]);
    assert!(
        err.contains(&format!(
            "Hồ sơ đề nghị {id}: Chưa có kết quả biểu quyết nào của Hội đồng về hồ sơ này"
        )),
        "{err}"
    );
    assert_eq!(d.one("SELECT count(*) FROM award_register"), register);
    let decisions = d.one(&format!(
        "SELECT count(*) FROM decisions WHERE nomination_id = {id}"
    ));
    assert_eq!(decisions, 0);
}

#[test]
fn decide_refuses_a_nomination_whose_latest_vote_failed() {
    let d = demo();
    let failed = d.one(
        "SELECT n.id FROM nominations n JOIN vote_results v ON v.nomination_id = n.id
         WHERE NOT v.passed ORDER BY n.id LIMIT 1",
    );
    {
        let conn = rusqlite::Connection::open(&d.db).unwrap_or_else(|e| panic!("{e}"));
        conn.execute(
            "UPDATE nominations SET status = 'passed' WHERE id = ?1",
            [failed],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let id = failed.to_string();
    let (ok, _, err) = d.run(&[
        "decide",
        &id,
        "--number",
        "32/QĐ-UBND",
        "--date",
        "2026-12-01",
        "--signer",
        "Trịnh Văn Khải",
    ]);
    assert!(!ok);
    // Either the award is decided above (refer it) or the vote failed: never entered.
    assert!(
        err.contains("Lần biểu quyết gần nhất của Hội đồng không thông qua hồ sơ này")
            || err.contains("hãy lập đề nghị lên cấp trên"),
        "{err}"
    );
    assert_eq!(
        d.one(&format!(
            "SELECT count(*) FROM award_register WHERE nomination_id = {id}"
        )),
        0
    );
}

#[test]
fn names_that_are_not_what_they_look_like_are_refused_with_row_and_reason() {
    let d = demo();
    let before = d.one("SELECT count(*) FROM nominees");
    let long = "x".repeat(32_768);
    let rows = [
        "1,\u{200B},Người dân,1975,Nữ,,2025,giay_khen,".to_string(),
        "2,Lê Văn\u{0}Bảy,Người dân,1975,Nam,,2025,giay_khen,".to_string(),
        "3,Trần \u{202E}nA,Người dân,1975,Nam,,2025,giay_khen,".to_string(),
        "4,NguyÖn V¨n An,Người dân,1975,Nam,,2025,giay_khen,".to_string(),
        "5,Nguyeãn Vaên Ba,Người dân,1975,Nam,,2025,giay_khen,".to_string(),
        format!("6,Đỗ Văn {long},Người dân,1975,Nam,,2025,giay_khen,"),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let file = d.csv("ten-la.csv", &rows);
    let err = d.refused(&["--lang", "en", "import", "nominations", &file]);
    let name = "column B (Họ và tên / Tên tập thể)";
    for expected in [
        format!(
            "row 2, {name}: holds an invisible character, U+200B (zero width space), at character 1"
        ),
        format!("row 3, {name}: holds a control character, U+0000 (NUL), at character 7"),
        format!(
            "row 4, {name}: holds a character that reverses the direction of the text, U+202E (right-to-left override), at character 6"
        ),
        format!(
            "row 5, {name}: “NguyÖn” looks like TCVN3 (ABC) text read as Unicode; convert the file or text to Unicode (e.g. with Unikey's converter)"
        ),
        format!("row 6, {name}: “Nguyeãn” looks like VNI text read as Unicode"),
        format!("row 7, {name}: 32775 characters, more than a spreadsheet cell holds (32767)"),
    ] {
        assert!(err.contains(&expected), "expected “{expected}” in:\n{err}");
    }
    assert_eq!(
        d.one("SELECT count(*) FROM nominees"),
        before,
        "nothing imported"
    );
}

#[test]
fn inner_spaces_collapse_and_old_and_new_tone_placement_are_one_person() {
    let d = demo();
    let first = d.csv(
        "dot-1.csv",
        &["1,  Lê   Thị Thuỷ Hoà ,Người dân,1980,Nữ,,2024,giay_khen,"],
    );
    let (ok, _, err) = d.run(&["import", "nominations", &first]);
    assert!(ok, "{err}");
    let second = d.csv(
        "dot-2.csv",
        &["1,Lê Thị Thủy Hòa,Người dân,1980,Nữ,,2025,giay_khen,"],
    );
    let (ok, _, err) = d.run(&["import", "nominations", &second]);
    assert!(ok, "{err}");
    let nominees =
        d.one("SELECT count(*) FROM nominees WHERE name IN ('Lê Thị Thuỷ Hoà', 'Lê Thị Thủy Hòa')");
    assert_eq!(nominees, 1, "one person, stored as first typed");
    let nominee = d.one("SELECT id FROM nominees WHERE name = 'Lê Thị Thuỷ Hoà'");
    assert_eq!(
        d.one(&format!(
            "SELECT count(*) FROM nominations WHERE nominee_id = {nominee}"
        )),
        2,
        "both rounds in one history"
    );
}

#[test]
fn the_command_line_refuses_hidden_characters_in_a_meeting_subject() {
    let d = demo();
    let before = d.one("SELECT count(*) FROM meetings");
    let err = d.refused(&[
        "meeting",
        "new",
        "--subject",
        "Họp \u{202E}gnọh",
        "--at",
        "2026-12-20T08:00",
    ]);
    assert!(
        err.contains("Nội dung: có ký tự đảo chiều văn bản U+202E"),
        "{err}"
    );
    assert_eq!(d.one("SELECT count(*) FROM meetings"), before);
}
