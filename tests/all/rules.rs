//! The council's working rules through the binary: shipped figures shown as
//! defaults, not law; the council's figures recorded, audited and refused
//! when wrong; a vote result keeps the rule it was worked out under.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hoidong::store::Store;

fn run(db: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .env("LANG", "C")
        .arg("--db")
        .arg(db)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn ok(db: &Path, lang: &str, args: &[&str]) -> String {
    let o = run(db, lang, args);
    assert!(o.status.success(), "{args:?}: {}", out(&o));
    out(&o)
}

fn refused(db: &Path, args: &[&str]) -> String {
    let o = run(db, "vi", args);
    assert!(!o.status.success(), "{args:?} should fail: {}", out(&o));
    out(&o)
}

fn new_ward(dir: &Path) -> PathBuf {
    let db = dir.join("tb.db");
    let o = Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("init")
        .arg(&db)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(o.status.success(), "{}", out(&o));
    db
}

#[test]
fn shipped_figures_are_defaults_and_the_councils_are_kept() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_ward(dir.path());
    let shown = ok(&db, "vi", &["rules", "show"]);
    assert!(
        shown.contains("không phải quy định của pháp luật"),
        "{shown}"
    );
    assert!(shown.contains("quy chế làm việc"), "{shown}");
    assert!(shown.contains("Tổng hợp điểm: mean [mặc định]"), "{shown}");
    assert!(shown.contains("có từ 70% nữ trở lên [mặc định]"), "{shown}");
    assert!(
        shown.contains("Chiến sĩ thi đua cơ sở (cstdcs, ward) [mặc định]"),
        "{shown}"
    );

    for (args, said) in [
        (
            &["rules", "set", "--women-share", "0"][..],
            "Tỷ lệ nữ “0” không hợp lệ",
        ),
        (
            &["rules", "set", "--award", "cstdcs", "--share", "4/3"][..],
            "Tỷ lệ “4/3” không hợp lệ",
        ),
        (
            &["rules", "set", "--award", "khong-co", "--share", "1/2"][..],
            "Không có danh hiệu, hình thức khen thưởng mã “khong-co”",
        ),
        (
            &["rules", "set", "--denominator", "ai-cung-duoc"][..],
            "Mẫu số “ai-cung-duoc” không có",
        ),
        (&["rules", "set"][..], "Chưa ghi điều gì cần thay đổi"),
        (
            &[
                "rules",
                "set",
                "--women-share",
                "60",
                "--aggregation",
                "max",
            ][..],
            "Cách tổng hợp điểm “max” không có",
        ),
    ] {
        let text = refused(&db, args);
        assert!(text.contains(said), "{args:?}: {text}");
    }
    // A refused command changed nothing, not even the figure that was right.
    assert!(ok(&db, "vi", &["rules", "show"]).contains("có từ 70% nữ trở lên [mặc định]"));

    ok(
        &db,
        "vi",
        &[
            "rules",
            "set",
            "--women-share",
            "60",
            "--aggregation",
            "median",
        ],
    );
    ok(
        &db,
        "vi",
        &[
            "rules",
            "set",
            "--award",
            "cstdcs",
            "--share",
            "3/4",
            "--written",
            "no",
            "--source",
            "Quy chế làm việc số 01/QC-HĐTĐKT, Điều 8",
        ],
    );
    let shown = ok(&db, "vi", &["rules", "show"]);
    assert!(
        shown.contains("Tổng hợp điểm: median [hội đồng đặt]"),
        "{shown}"
    );
    assert!(
        shown.contains("có từ 60% nữ trở lên [hội đồng đặt]"),
        "{shown}"
    );
    assert!(
        shown.contains("Chiến sĩ thi đua cơ sở (cstdcs, ward) [hội đồng đặt]"),
        "{shown}"
    );
    assert!(
        shown.contains("Thông qua khi: tối thiểu 3/4 tổng số thành viên Hội đồng"),
        "{shown}"
    );
    assert!(
        shown.contains("Nguồn: Quy chế làm việc số 01/QC-HĐTĐKT, Điều 8"),
        "{shown}"
    );
    assert!(
        shown.contains("Ý kiến bằng văn bản của thành viên vắng mặt: không tính"),
        "{shown}"
    );
    let en = ok(&db, "en", &["rules", "show"]);
    assert!(
        en.contains("at least 60% women, first [set by the council]"),
        "{en}"
    );

    let check = run(&db, "en", &["check"]);
    assert!(out(&check).contains("no problem found"), "{}", out(&check));
}

#[test]
fn a_vote_result_keeps_the_rule_and_the_share_it_was_worked_out_under() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_ward(dir.path());
    ok(&db, "vi", &["movement", "seed"]);
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/de-nghi.csv");
    ok(
        &db,
        "vi",
        &["import", "nominations", csv.to_str().unwrap_or("")],
    );
    ok(&db, "vi", &["rules", "set", "--women-share", "60"]);
    ok(
        &db,
        "vi",
        &["rules", "set", "--award", "cstdcs", "--share", "3/4"],
    );

    let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let nomination: i64 = store
        .raw_connection_for_tests()
        .query_row(
            "SELECT id FROM nominations WHERE award_code = 'cstdcs' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    crate::common::pass_in_a_meeting(&mut store, &[nomination]);
    drop(store);
    let stored = || -> serde_json::Value {
        let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
        let text: String = store
            .raw_connection_for_tests()
            .query_row(
                "SELECT rule FROM vote_results WHERE nomination_id = ?1",
                [nomination],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
    };
    let rule = stored();
    assert_eq!(rule["women_share"], 60);
    assert_eq!(rule["threshold"]["share"]["num"], 3);
    assert_eq!(rule["threshold"]["share"]["den"], 4);
    // The council changes its rules later: the result keeps what it had.
    ok(&db, "vi", &["rules", "set", "--women-share", "80"]);
    ok(
        &db,
        "vi",
        &["rules", "set", "--award", "cstdcs", "--share", "4/5"],
    );
    assert_eq!(stored(), rule);
    let check = run(&db, "en", &["check"]);
    assert!(out(&check).contains("no problem found"), "{}", out(&check));
}

/// A new aggregation works out again the scores of nominations not yet
/// voted on; a nomination the council voted on keeps the score it was voted
/// on under.
#[test]
fn a_new_aggregation_leaves_voted_scores_as_they_were() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("demo.db");
    let made = assert_cmd::Command::cargo_bin("hoidong")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["demo", db.to_str().unwrap_or("")])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(made.status.success());
    let scores = |db: &Path| -> Vec<(i64, String, Option<f64>)> {
        let conn = rusqlite::Connection::open(db).unwrap_or_else(|e| panic!("{e}"));
        let mut stmt = conn
            .prepare(
                "SELECT id, status, score FROM nominations WHERE score IS NOT NULL ORDER BY id",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap_or_else(|e| panic!("{e}"))
            .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
            .collect()
    };
    let before = scores(&db);
    ok(&db, "vi", &["rules", "set", "--aggregation", "median"]);
    let after = scores(&db);
    let before_vote = ["draft", "submitted", "on_agenda"];
    let mut changed_waiting = 0;
    for ((id, status, old), (_, _, new)) in before.iter().zip(&after) {
        if before_vote.contains(&status.as_str()) {
            changed_waiting += usize::from(old != new);
        } else {
            assert_eq!(old, new, "nomination {id} ({status}) was voted on");
        }
    }
    assert!(changed_waiting > 0, "no waiting score was worked out again");
    let check = run(&db, "vi", &["check"]);
    assert!(check.status.success(), "{}", out(&check));
}
