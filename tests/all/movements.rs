//! A ward's own movements through the binary: a new ward has none and is told
//! how to add one; a movement with four criteria is added, copied, exported
//! and imported into another ward's empty database; bad files are refused
//! with what is wrong and where; a nomination scores against its movement.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hoidong::domain::scoring::Score;
use hoidong::store::{Store, StoreError};

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

fn ok(db: &Path, args: &[&str]) -> String {
    let o = run(db, "vi", args);
    assert!(o.status.success(), "{args:?}: {}", out(&o));
    out(&o)
}

fn refused(db: &Path, lang: &str, args: &[&str]) -> String {
    let o = run(db, lang, args);
    assert!(!o.status.success(), "{args:?} should fail: {}", out(&o));
    out(&o)
}

fn new_ward(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    let o = Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("init")
        .arg(&db)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(o.status.success(), "{}", out(&o));
    db
}

fn assert_clean(db: &Path) {
    let o = run(db, "en", &["check"]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("no problem found"), "{}", out(&o));
}

/// The Tân Bình plan: one group for residents and officials, four criteria.
fn add_tan_binh(db: &Path) {
    ok(
        db,
        &[
            "movement",
            "new",
            "--code",
            "tb-2026",
            "--name",
            "Thi đua xây dựng phường Tân Bình văn minh",
            "--plan-number",
            "12/KH-UBND",
            "--date",
            "2026-02-10",
            "--issuer",
            "UBND phường Tân Bình",
            "--phase",
            "Giai đoạn 1:2026-2028:2028",
            "--phase",
            "Giai đoạn 2:2029-2030:2030",
        ],
    );
    ok(
        db,
        &[
            "movement",
            "group",
            "tb-2026",
            "--code",
            "1",
            "--title",
            "Cá nhân",
            "--kinds",
            "resident,official",
        ],
    );
    for (code, max, weight) in [
        ("1.1", "10", "1"),
        ("1.2", "10", "2"),
        ("1.3", "20", "1"),
        ("1.4", "5", "1"),
    ] {
        ok(
            db,
            &[
                "movement",
                "criterion",
                "add",
                "tb-2026",
                "--group",
                "1",
                "--code",
                code,
                "--text",
                &format!("Tiêu chí {code}"),
                "--max",
                max,
                "--weight",
                weight,
            ],
        );
    }
}

#[test]
fn a_new_ward_has_no_movement_and_is_told_how_to_add_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_ward(dir.path(), "tb.db");
    let listed = ok(&db, &["movement", "list"]);
    assert!(
        listed.contains("Chưa có phong trào thi đua nào"),
        "{listed}"
    );
    assert!(listed.contains("hoidong movement new"), "{listed}");
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/de-nghi.csv");
    let said = refused(
        &db,
        "vi",
        &["import", "nominations", csv.to_str().unwrap_or("")],
    );
    assert!(said.contains("chưa có phong trào thi đua"), "{said}");
    assert!(said.contains("hoidong movement seed"), "{said}");
    // The seed's movement is there when asked for, once.
    assert!(ok(&db, &["movement", "seed"]).contains("ht-tk-2022"));
    let again = refused(&db, "en", &["movement", "seed"]);
    assert!(again.contains("“ht-tk-2022” exists"), "{again}");
    assert_clean(&db);
}

#[test]
fn a_movement_is_added_copied_exported_and_imported_by_another_ward() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_ward(dir.path(), "tb.db");
    add_tan_binh(&db);
    let shown = ok(&db, &["movement", "show", "tb-2026"]);
    assert!(
        shown.contains("12/KH-UBND ngày 2026-02-10, UBND phường Tân Bình"),
        "{shown}"
    );
    assert!(
        shown.contains("Giai đoạn 2: 2029–2030, sơ kết năm 2030"),
        "{shown}"
    );
    assert!(
        shown.contains("1.2        tối đa  10  trọng số 2"),
        "{shown}"
    );

    // Rules of the plan, each told with its place, nothing saved.
    let bad = refused(
        &db,
        "vi",
        &[
            "movement",
            "criterion",
            "add",
            "tb-2026",
            "--group",
            "1",
            "--code",
            "1.1",
            "--text",
            "x",
            "--max",
            "0",
        ],
    );
    assert!(bad.contains("Tiêu chí 1.1: mã tiêu chí trùng"), "{bad}");
    assert!(
        bad.contains("Tiêu chí 1.1: điểm tối đa 0 không hợp lệ"),
        "{bad}"
    );
    let phases = refused(
        &db,
        "en",
        &[
            "movement",
            "new",
            "--code",
            "x",
            "--name",
            "X",
            "--plan-number",
            "1/KH",
            "--date",
            "2026-01-01",
            "--issuer",
            "UBND",
            "--phase",
            "A:2026-2028:2028",
            "--phase",
            "B:2027-2030:2030",
        ],
    );
    assert!(
        phases.contains("phase 2: starts in 2027, not after the previous phase"),
        "{phases}"
    );

    assert!(
        ok(
            &db,
            &[
                "movement",
                "copy",
                "tb-2026",
                "--code",
                "tb-2027",
                "--name",
                "Năm 2027"
            ]
        )
        .contains("tb-2027")
    );
    ok(
        &db,
        &[
            "movement",
            "criterion",
            "set",
            "tb-2027",
            "1.4",
            "--max",
            "8",
            "--weight",
            "1.5",
        ],
    );
    let listed = ok(&db, &["movement", "list"]);
    assert!(
        listed.contains("tb-2026  Thi đua xây dựng phường Tân Bình văn minh"),
        "{listed}"
    );
    assert!(listed.contains("tb-2027  Năm 2027"), "{listed}");
    assert!(listed.contains("1 nhóm, 4 tiêu chí"), "{listed}");
    // The copy's change leaves the original alone.
    assert!(
        ok(&db, &["movement", "show", "tb-2026"]).contains("1.4        tối đa   5  trọng số 1 ")
    );

    let file = dir.path().join("tb-2026.toml");
    ok(
        &db,
        &["movement", "export", "tb-2026", file.to_str().unwrap_or("")],
    );
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        text.contains("[[group.criterion]]\ncode = \"1.3\""),
        "{text}"
    );
    assert!(
        text.contains("kinds = [\"official\", \"resident\"]"),
        "{text}"
    );
    // An export never replaces a file.
    refused(
        &db,
        "vi",
        &["movement", "export", "tb-2026", file.to_str().unwrap_or("")],
    );

    let other = new_ward(dir.path(), "khac.db");
    ok(&other, &["movement", "import", file.to_str().unwrap_or("")]);
    assert_eq!(
        ok(&other, &["movement", "show", "tb-2026"]),
        ok(&db, &["movement", "show", "tb-2026"])
    );
    assert_clean(&db);
    assert_clean(&other);
}

#[test]
fn a_malformed_movement_file_is_refused_with_what_and_where() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_ward(dir.path(), "tb.db");
    add_tan_binh(&db);
    let file = dir.path().join("tb.toml");
    ok(
        &db,
        &["movement", "export", "tb-2026", file.to_str().unwrap_or("")],
    );
    let good = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    let other = new_ward(dir.path(), "khac.db");
    let write = |name: &str, text: String| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
        p
    };
    let syntax = write(
        "cu-phap.toml",
        good.replace("max_score = 20", "max_score = hai mươi"),
    );
    let said = refused(
        &other,
        "vi",
        &["movement", "import", syntax.to_str().unwrap_or("")],
    );
    assert!(
        said.contains("cu-phap.toml: Tệp không đọc được thành phong trào: dòng"),
        "{said}"
    );
    let line = good
        .lines()
        .position(|l| l == "max_score = 20")
        .map_or(0, |i| i + 1);
    assert!(said.contains(&format!("dòng {line}, cột 13")), "{said}");

    let rules = write(
        "quy-tac.toml",
        good.replace("max_score = 5", "max_score = 500")
            .replace("kinds = [\"official\", \"resident\"]", "kinds = []"),
    );
    let said = refused(
        &other,
        "vi",
        &["movement", "import", rules.to_str().unwrap_or("")],
    );
    assert!(said.contains("Chưa lưu gì; có 2 chỗ cần sửa"), "{said}");
    assert!(
        said.contains("Nhóm 1: chưa ghi nhóm này áp dụng cho loại đối tượng nào"),
        "{said}"
    );
    assert!(
        said.contains("Tiêu chí 1.4: điểm tối đa 500 không hợp lệ"),
        "{said}"
    );
    let said = refused(
        &other,
        "en",
        &["movement", "import", rules.to_str().unwrap_or("")],
    );
    assert!(
        said.contains("criterion 1.4: maximum 500 is not allowed"),
        "{said}"
    );

    let kind = write("loai.toml", good.replace("\"resident\"]", "\"ông\"]"));
    let said = refused(
        &other,
        "vi",
        &["movement", "import", kind.to_str().unwrap_or("")],
    );
    assert!(said.contains("unknown variant `ông`"), "{said}");
    assert!(ok(&other, &["movement", "list"]).contains("Chưa có phong trào"));
    assert_clean(&other);
}

#[test]
fn a_nomination_scores_against_its_own_movements_criteria() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = new_ward(dir.path(), "tb.db");
    add_tan_binh(&db);
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/de-nghi.csv");
    ok(&db, &["import", "nominations", csv.to_str().unwrap_or("")]);
    // A second movement: the list must now say which.
    ok(&db, &["movement", "seed"]);
    let said = refused(
        &db,
        "vi",
        &[
            "import",
            "nominations",
            "--allow-duplicates",
            csv.to_str().unwrap_or(""),
        ],
    );
    assert!(
        said.contains("cơ sở dữ liệu có nhiều phong trào mà chưa chọn phong trào nào")
            && said.contains("(tb-2026)")
            && said.contains("(ht-tk-2022)"),
        "{said}"
    );
    assert!(said.contains("`hoidong movement use MÃ`"), "{said}");
    // Said once, new nominations go into the chosen movement.
    ok(&db, &["movement", "use", "ht-tk-2022"]);
    assert!(ok(&db, &["movement", "list"]).contains("* ht-tk-2022"));
    ok(
        &db,
        &[
            "import",
            "nominations",
            "--allow-duplicates",
            csv.to_str().unwrap_or(""),
        ],
    );
    let in_seed = {
        let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
        let seed = store
            .movement("ht-tk-2022")
            .unwrap_or_else(|e| panic!("{e}"));
        store
            .raw_connection_for_tests()
            .query_row(
                "SELECT count(*) FROM nominations WHERE movement_id = ?1",
                [seed.id],
                |r| r.get::<_, i64>(0),
            )
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(in_seed, 8);

    let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    crate::common::seat_a_council(&mut store);
    let first = store.movement("tb-2026").unwrap_or_else(|e| panic!("{e}"));
    let official: i64 = store
        .raw_connection_for_tests()
        .query_row(
            "SELECT n.id FROM nominations n JOIN nominees e ON e.id = n.nominee_id
             WHERE e.kind = 'official' AND n.movement_id = ?1 LIMIT 1",
            [first.id],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let sheet = store
        .score_sheet(official)
        .unwrap_or_else(|e| panic!("{e}"));
    let labels: Vec<&str> = sheet.criteria.iter().map(|c| c.label()).collect();
    assert_eq!(labels, ["1.1", "1.2", "1.3", "1.4"]);
    let members = sheet.members.clone();
    assert!(!members.is_empty());
    let over = Score {
        member_id: members[0].id,
        criterion_code: sheet.criteria[3].code.clone(),
        tenths: 60,
    };
    assert!(matches!(
        store.put_score(official, &over),
        Err(StoreError::Nomination(
            hoidong::domain::nomination_rules::NominationRefusal::ScoreOverMax { .. }
        ))
    ));
    for m in &members {
        for (c, tenths) in sheet.criteria.iter().zip([100, 50, 200, 50]) {
            store
                .put_score(
                    official,
                    &Score {
                        member_id: m.id,
                        criterion_code: c.code.clone(),
                        tenths,
                    },
                )
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    // Full marks on all but 1.2 (half, weight 2): (10 + 2·5 + 20 + 5) / (10 + 2·10 + 20 + 5).
    let score = store
        .score_sheet(official)
        .unwrap_or_else(|e| panic!("{e}"))
        .consolidated;
    assert_eq!(score.map(|s| (s * 10.0).round() / 10.0), Some(81.8));
    drop(store);
    // A lower maximum than a score given is refused; a weight change re-scores.
    let said = refused(
        &db,
        "vi",
        &[
            "movement",
            "criterion",
            "set",
            "tb-2026",
            "1.3",
            "--max",
            "15",
        ],
    );
    assert!(
        said.contains("Tiêu chí 1.3: đã có điểm 20 đã chấm, cao hơn điểm tối đa mới 15"),
        "{said}"
    );
    ok(
        &db,
        &[
            "movement",
            "criterion",
            "set",
            "tb-2026",
            "1.2",
            "--weight",
            "1",
        ],
    );
    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let score = store
        .score_sheet(official)
        .unwrap_or_else(|e| panic!("{e}"))
        .consolidated;
    assert_eq!(score.map(|s| (s * 10.0).round() / 10.0), Some(88.9));
    drop(store);
    assert_clean(&db);
}
