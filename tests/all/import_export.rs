//! Spreadsheet import and export end to end: files written by LibreOffice,
//! CSV encodings, every kind of bad file or row (the database must stay as it
//! was), and export → import round trips.

use std::path::{Path, PathBuf};

use hoidong::domain::council::Member;
use hoidong::domain::nomination::{NominationQuery, NominationStatus};
use hoidong::domain::scoring::Score;
use hoidong::export::nominations::export_nominations;
use hoidong::export::sheet::{Cell, Sheet, xlsx_bytes};
use hoidong::import::{ImportError, ImportOptions, import_nominations};
use hoidong::store::Store;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn import(store: &mut Store, path: &Path) -> Result<hoidong::import::ImportReport, ImportError> {
    import_nominations(store, path, ImportOptions::default(), &mut |_, _| {})
}

/// Everything an import can touch, counted.
fn counts(store: &Store) -> Vec<(String, i64)> {
    ["nominees", "nominations", "scores", "recusals", "audit_log"]
        .iter()
        .map(|t| {
            let n = store
                .raw_connection_for_tests()
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap();
            (t.to_string(), n)
        })
        .collect()
}

/// The nominations as comparable text, in a stable order.
fn snapshot(store: &Store) -> Vec<String> {
    let mut stmt = store
        .raw_connection_for_tests()
        .prepare(
            "SELECT e.name, e.kind, e.birth_year, e.sex, e.position, e.unit, e.address, e.women_share,
                    n.round, n.award_code, n.proposing_unit, n.summary, n.status, round(n.score, 6)
             FROM nominations n JOIN nominees e ON e.id = n.nominee_id",
        )
        .unwrap();
    let mut rows: Vec<String> = stmt
        .query_map([], |r| {
            let cols: Vec<String> = (0..14)
                .map(|i| {
                    let v: rusqlite::types::Value = r.get(i).unwrap();
                    format!("{v:?}")
                })
                .collect();
            Ok(cols.join(" | "))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.sort();
    rows
}

fn scores_snapshot(store: &Store) -> Vec<String> {
    let mut stmt = store
        .raw_connection_for_tests()
        .prepare(
            "SELECT e.name, n.round, n.award_code, m.name, s.criterion_code, s.tenths
             FROM scores s JOIN nominations n ON n.id = s.nomination_id
             JOIN nominees e ON e.id = n.nominee_id JOIN members m ON m.id = s.member_id
             UNION ALL
             SELECT e.name, n.round, n.award_code, m.name, 'recused', r.reason
             FROM recusals r JOIN nominations n ON n.id = r.nomination_id
             JOIN nominees e ON e.id = n.nominee_id JOIN members m ON m.id = r.member_id",
        )
        .unwrap();
    let mut rows: Vec<String> = stmt
        .query_map([], |r| {
            let v: Vec<rusqlite::types::Value> = (0..6).map(|i| r.get(i).unwrap()).collect();
            Ok(format!("{v:?}"))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.sort();
    rows
}

fn store_with_council() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    crate::common::movement_id(&mut store);
    crate::common::seat_a_council(&mut store);
    store
}

#[test]
fn libreoffice_files_and_csv_encodings_give_the_same_nominations() {
    let raw = std::fs::read(fixture("de-nghi-windows-1258.csv")).unwrap();
    assert!(
        std::str::from_utf8(&raw).is_err(),
        "the fixture really is Windows-1258"
    );
    assert!(
        std::fs::read(fixture("de-nghi-bom.csv"))
            .unwrap()
            .starts_with(b"\xEF\xBB\xBF")
    );
    let mut snapshots = Vec::new();
    for name in [
        "de-nghi.csv",
        "de-nghi-bom.csv",
        "de-nghi-windows-1258.csv",
        "de-nghi.xlsx",
        "de-nghi.ods",
    ] {
        let mut store = Store::open_in_memory().unwrap();
        crate::common::movement_id(&mut store);
        let report = import(&mut store, &fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report.nominations, 8, "{name}");
        assert_eq!(
            (report.new_nominees, report.existing_nominees),
            (7, 1),
            "{name}"
        );
        snapshots.push((name, snapshot(&store)));
    }
    let (_, first) = &snapshots[0];
    for (name, snap) in &snapshots[1..] {
        assert_eq!(snap, first, "{name} differs from de-nghi.csv");
    }
    let all = first.join("\n");
    // Dates: 15/08/1962 as text or a date cell, 22340 as an Excel serial.
    assert!(
        all.contains("\"Phạm Văn Đức\") | Text(\"resident\") | Integer(1962)"),
        "{all}"
    );
    assert!(
        all.contains("\"Đỗ Quang Hưng\") | Text(\"other_individual\") | Integer(1961)"),
        "{all}"
    );
    assert!(all.contains("Có sáng kiến cải cách thủ tục hành chính\\nđược áp dụng toàn phường"));
    assert!(all.contains("Text(\"- Hiến 45 m² đất mở rộng ngõ xóm\")"));
    // Windows-1258 writes tones as combining marks: stored composed (NFC).
    use unicode_normalization::UnicodeNormalization;
    assert_eq!(all, all.nfc().collect::<String>());
}

#[test]
fn progress_is_reported_and_a_dry_run_saves_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    crate::common::movement_id(&mut store);
    let before = counts(&store);
    let mut calls = Vec::new();
    let report = import_nominations(
        &mut store,
        &fixture("de-nghi.xlsx"),
        ImportOptions {
            dry_run: true,
            ..ImportOptions::default()
        },
        &mut |d, t| calls.push((d, t)),
    )
    .unwrap();
    assert!(report.dry_run);
    assert_eq!(report.nominations, 8);
    assert_eq!(counts(&store), before);
    assert_eq!(calls, (1..=8).map(|d| (d, 8)).collect::<Vec<_>>());

    calls.clear();
    import_nominations(
        &mut store,
        &fixture("de-nghi.xlsx"),
        ImportOptions::default(),
        &mut |d, t| calls.push((d, t)),
    )
    .unwrap();
    assert_eq!(calls, (1..=16).map(|d| (d, 16)).collect::<Vec<_>>());
    // The import is one audit entry naming what it wrote; its rows are
    // proven by their digests, not by an entry each.
    let (entries, after): (i64, String) = store
        .raw_connection_for_tests()
        .query_row(
            "SELECT count(*), max(after) FROM audit_log WHERE action = 'import'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(entries, 1);
    let after: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(after["tables"]["nominees"]["rows"], 7);
    assert_eq!(after["tables"]["nominations"]["rows"], 8);
}

#[test]
fn duplicates_block_unless_allowed() {
    let mut store = Store::open_in_memory().unwrap();
    crate::common::movement_id(&mut store);
    import(&mut store, &fixture("de-nghi.csv")).unwrap();
    let before = counts(&store);
    let path = fixture("de-nghi.ods");
    let e = import(&mut store, &path).unwrap_err().to_string();
    assert!(
        e.starts_with(&format!(
            "{}: nothing was imported; 8 problems in 8 rows:\n",
            path.display()
        )),
        "{e}"
    );
    assert!(e.contains("  row 2, column B (Họ và tên / Tên tập thể): possible duplicate of nomination #1 already in the database (same name, round 2025 and award ldtt)"), "{e}");
    assert_eq!(counts(&store), before);
    let report = import_nominations(
        &mut store,
        &path,
        ImportOptions {
            allow_duplicates: true,
            ..ImportOptions::default()
        },
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(report.duplicates.len(), 8);
    // The same people are linked, not copied: no new nominee.
    assert_eq!((report.new_nominees, report.existing_nominees), (0, 8));
}

const HEADER: &str = "STT,Họ và tên / Tên tập thể,Loại đối tượng,Năm sinh,Giới tính,Tỷ lệ nữ (%),Đợt,Hình thức khen thưởng,Trạng thái";

/// A bad input and the exact message it must give.
struct Case {
    what: &'static str,
    file: &'static str,
    content: Vec<u8>,
    /// Expected message; `{path}` stands for the file's path.
    message: String,
}

fn csv_case(what: &'static str, rows: &str, message: &str) -> Case {
    Case {
        what,
        file: "bad.csv",
        content: format!("{HEADER}\n{rows}\n").into_bytes(),
        message: message.to_string(),
    }
}

fn row_case(what: &'static str, row: &str, problem: &str) -> Case {
    csv_case(
        what,
        row,
        &format!("{{path}}: nothing was imported; 1 problem:\n  row 2, {problem}"),
    )
}

fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    xlsx_bytes(sheets).unwrap()
}

fn list_sheet(rows: &[&[&str]]) -> Sheet {
    let mut s = Sheet::new(
        "Danh sách đề nghị",
        [
            "STT",
            "Họ và tên",
            "Loại đối tượng",
            "Đợt",
            "Hình thức khen thưởng",
        ],
    );
    for r in rows {
        s.push_row(r.iter().map(|c| Cell::text(*c)).collect());
    }
    s
}

fn scores_sheet(rows: &[&[&str]]) -> Sheet {
    let mut s = Sheet::new(
        "Điểm chấm",
        [
            "STT",
            "Thành viên Hội đồng",
            "Mã tiêu chí",
            "Điểm",
            "Ghi chú",
        ],
    );
    for r in rows {
        s.push_row(r.iter().map(|c| Cell::text(*c)).collect());
    }
    s
}

fn cases() -> Vec<Case> {
    let person: &[&str] = &["1", "Vũ Thị Hạnh", "Người dân", "2025", "giay_khen"];
    let score_case = |what, scores: &[&[&str]], problem: &str| Case {
        what,
        file: "bad.xlsx",
        content: workbook(&[list_sheet(&[person]), scores_sheet(scores)]),
        message: format!(
            "{{path}}: nothing was imported; 1 problem:\n  sheet “Điểm chấm”, row 2, {problem}"
        ),
    };
    vec![
        Case {
            what: "unsupported file type",
            file: "list.txt",
            content: b"x".to_vec(),
            message: "{path}: unsupported file type; use .xlsx, .ods or .csv".into(),
        },
        Case {
            what: "not a spreadsheet",
            file: "renamed.xlsx",
            content: b"this is plain text, not a workbook".to_vec(),
            message: "{path}: cannot be read as a spreadsheet (the file is damaged, or is not really a .xlsx file)".into(),
        },
        Case {
            what: "damaged ods",
            file: "broken.ods",
            content: b"PK\x03\x04 truncated".to_vec(),
            message: "{path}: cannot be read as a spreadsheet (the file is damaged, or is not really a .ods file)".into(),
        },
        Case {
            what: "no header row",
            file: "bad.csv",
            content: "1,Vũ Thị Hạnh,Người dân,,,,2025,giay_khen\n".as_bytes().to_vec(),
            message: String::new(),
        },
        Case {
            what: "missing required columns",
            file: "bad.csv",
            content: "STT,Họ và tên,Năm sinh\n1,Vũ Thị Hạnh,1980\n".as_bytes().to_vec(),
            message: "{path}: nothing was imported; 1 problem:\n  row 1: missing column(s): Loại đối tượng, Đợt, Hình thức khen thưởng; add the column, or on the command line give the value for the whole list with --round, --award or --kind (a column under another header: --map COLUMN=FIELD)".into(),
        },
        Case {
            what: "column given twice",
            file: "bad.csv",
            content: "Họ và tên,Loại đối tượng,Đợt,Hình thức khen thưởng,Năm\n".as_bytes().to_vec(),
            message: "{path}: nothing was imported; 1 problem:\n  row 1, column E (Năm): the column “Đợt” appears twice (also in column C)".into(),
        },
        Case {
            what: "header without rows",
            file: "bad.csv",
            content: format!("{HEADER}\n,,,\n").into_bytes(),
            message: "{path}: the list has no nominations under its header row".into(),
        },
        row_case("empty name", "1,,Người dân,1980,Nữ,,2025,giay_khen,", "column B (Họ và tên / Tên tập thể): the name is empty"),
        row_case("empty kind", "1,Vũ Thị Hạnh,,1980,Nữ,,2025,giay_khen,", "column C (Loại đối tượng): the kind of nominee is empty"),
        row_case(
            "unknown kind",
            "1,Vũ Thị Hạnh,Học sinh,1980,Nữ,,2025,giay_khen,",
            "column C (Loại đối tượng): unknown kind “Học sinh”; use one of: Cán bộ, công chức, viên chức; Người dân; Cá nhân khác; Ban, ngành, đơn vị; MTTQ, đoàn thể; Doanh nghiệp, tổ chức; Hộ gia đình",
        ),
        row_case("impossible date", "1,Vũ Thị Hạnh,Người dân,31/02/1980,Nữ,,2025,giay_khen,", "column D (Năm sinh): “31/02/1980” is not a year or a date (dd/mm/yyyy)"),
        row_case("implausible year", "1,Vũ Thị Hạnh,Người dân,1850,Nữ,,2025,giay_khen,", "column D (Năm sinh): 1850 is not a plausible year of birth"),
        row_case("year of birth for a collective", "1,Tổ dân phố 9,\"Ban, ngành, đơn vị\",1990,,,2025,giay_khen,", "column D (Năm sinh): a year of birth (1990) is only for a person, not for Ban, ngành, đơn vị"),
        row_case("unknown sex", "1,Vũ Thị Hạnh,Người dân,1980,X,,2025,giay_khen,", "column E (Giới tính): “X” is not a sex; write Nam or Nữ"),
        row_case("share of women over 100", "1,Tổ dân phố 9,\"Ban, ngành, đơn vị\",,,120,2025,giay_khen,", "column F (Tỷ lệ nữ (%)): “120” is not a share between 0 and 100"),
        row_case("empty round", "1,Vũ Thị Hạnh,Người dân,1980,Nữ,,,giay_khen,", "column G (Đợt): the round is empty"),
        row_case("bad round", "1,Vũ Thị Hạnh,Người dân,1980,Nữ,,2025-2022,giay_khen,", "column G (Đợt): “2025-2022” is not a round; write a year (2025) or a phase (2022-2025)"),
        row_case("unknown award", "1,Vũ Thị Hạnh,Người dân,1980,Nữ,,2025,Bằng khen Bộ trưởng,", "column H (Hình thức khen thưởng): unknown award “Bằng khen Bộ trưởng”; use a code or name from the catalogue"),
        row_case("award not for this kind", "1,Vũ Thị Hạnh,Người dân,1980,Nữ,,2025,Gia đình văn hóa,", "column H (Hình thức khen thưởng): “Gia đình văn hóa” cannot be given to Người dân"),
        row_case("unknown status", "1,Vũ Thị Hạnh,Người dân,1980,Nữ,,2025,giay_khen,Chờ", "column I (Trạng thái): unknown status “Chờ”"),
        csv_case(
            "several problems in several rows",
            "1,,Người dân,1980,Nữ,,2025,giay_khen,\n2,Lê Văn Bảy,Người dân,abc,Nữ,,năm nay,giay_khen,",
            "{path}: nothing was imported; 3 problems in 2 rows:\n  row 2, column B (Họ và tên / Tên tập thể): the name is empty\n  row 3, column D (Năm sinh): “abc” is not a year or a date (dd/mm/yyyy)\n  row 3, column G (Đợt): “năm nay” is not a round; write a year (2025) or a phase (2022-2025)",
        ),
        csv_case(
            "the same nomination twice in the file",
            "1,Vũ Thị Hạnh,Người dân,1980,Nữ,,2025,giay_khen,\n2,vũ thị hạnh,Người dân,,,,2025,Giấy khen,",
            "{path}: nothing was imported; 1 problem:\n  row 3, column B (Họ và tên / Tên tập thể): possible duplicate of row 2 (same name, round 2025 and award giay_khen)",
        ),
        score_case("score over the maximum", &[&["1", "Bùi Thị Thu Hà", "1.4b.1", "12"]], "column D (Điểm): score 12 is over the maximum 10 of criterion 1.4b.1"),
        score_case("score not a number", &[&["1", "Bùi Thị Thu Hà", "1.4b.1", "tám"]], "column D (Điểm): “tám” is not a number"),
        score_case("unknown member", &[&["1", "Trương Vô Kỵ", "1.4b.1", "8"]], "column B (Thành viên Hội đồng): “Trương Vô Kỵ” is not a member of the council in this database"),
        score_case("criterion of another group", &[&["1", "Bùi Thị Thu Hà", "1.1a.1", "8"]], "column C (Mã tiêu chí): criterion 1.1a.1 does not apply to Người dân"),
        score_case("unknown criterion", &[&["1", "Bùi Thị Thu Hà", "9.9", "8"]], "column C (Mã tiêu chí): unknown criterion “9.9”"),
        Case {
            what: "the same score in two scores sheets",
            file: "bad.xlsx",
            content: workbook(&[
                list_sheet(&[person]),
                scores_sheet(&[&["1", "Bùi Thị Thu Hà", "1.4b.1", "8"]]),
                Sheet { name: "Điểm chấm (2)".into(), ..scores_sheet(&[&["1", "bùi thị thu hà", "1.4b.1", "9"]]) },
            ]),
            message: "{path}: nothing was imported; 1 problem:\n  sheet “Điểm chấm (2)”, row 2, column D (Điểm): a second score by Bùi Thị Thu Hà on criterion 1.4b.1 for STT 1 (first in sheet “Điểm chấm”, row 2)".into(),
        },
        score_case("score for a row not in the list", &[&["7", "Bùi Thị Thu Hà", "1.4b.1", "8"]], "column A (STT): STT 7 is not in the list"),
    ]
}

#[test]
fn every_bad_file_or_row_is_refused_with_its_message_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_council();
    import(&mut store, &fixture("de-nghi.csv")).unwrap();
    let before = counts(&store);
    let snap = snapshot(&store);
    let cases = cases();
    assert!(cases.len() >= 15);
    for (i, case) in cases.iter().enumerate() {
        let sub = dir.path().join(i.to_string());
        std::fs::create_dir(&sub).unwrap();
        let path = sub.join(case.file);
        std::fs::write(&path, &case.content).unwrap();
        let err = import(&mut store, &path).expect_err(case.what).to_string();
        let expected = if case.message.is_empty() {
            format!(
                "{}: no header row found; one of the first 20 rows must name the columns, with “Họ và tên / Tên tập thể” among them",
                path.display()
            )
        } else {
            case.message.replace("{path}", &path.display().to_string())
        };
        assert_eq!(err, expected, "case: {}", case.what);
        assert_eq!(
            counts(&store),
            before,
            "case {} changed the database",
            case.what
        );
    }
    assert_eq!(snapshot(&store), snap);
}

#[test]
fn missing_file_and_spreadsheet_error_cells() {
    let mut store = Store::open_in_memory().unwrap();
    crate::common::movement_id(&mut store);
    let before = counts(&store);
    let missing = Path::new("/nonexistent/danh-sach.xlsx");
    assert_eq!(
        import(&mut store, missing).unwrap_err().to_string(),
        "/nonexistent/danh-sach.xlsx: no such file"
    );
    // LibreOffice computed =1/0 and saved #DIV/0! in the cell.
    let path = fixture("loi-cong-thuc.xlsx");
    assert_eq!(
        import(&mut store, &path).unwrap_err().to_string(),
        format!(
            "{}: nothing was imported; 1 problem:\n  row 2, column D (Năm sinh): the cell holds a spreadsheet error (#DIV/0!)",
            path.display()
        )
    );
    assert_eq!(counts(&store), before);
}

#[test]
fn export_then_import_gives_the_same_nominations_and_scores() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = store_with_council();
    import(&mut source, &fixture("de-nghi.xlsx")).unwrap();
    // Scores by every member on two nominations, one member recused on a third.
    let members: Vec<Member> = source
        .members(source.council().unwrap().unwrap().id)
        .unwrap();
    let ids: Vec<i64> = source
        .raw_connection_for_tests()
        .prepare("SELECT id FROM nominations ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (n, nomination) in ids.iter().take(2).enumerate() {
        let sheet = source.score_sheet(*nomination).unwrap();
        for (m, member) in members.iter().enumerate() {
            for (c, criterion) in sheet.criteria.iter().enumerate() {
                let tenths = 50 + ((n * 7 + m * 3 + c) % 50) as u32;
                source
                    .put_score(
                        *nomination,
                        &Score {
                            member_id: member.id,
                            criterion_code: criterion.code.clone(),
                            tenths,
                        },
                    )
                    .unwrap();
            }
        }
    }
    source
        .set_recusal(ids[2], members[1].id, Some("vợ của người được đề nghị"))
        .unwrap();
    source
        .set_nomination_status(ids[3], NominationStatus::OnAgenda)
        .unwrap_or(());
    let all = NominationQuery {
        statuses: NominationStatus::ALL.to_vec(),
        ..NominationQuery::default()
    };

    let xlsx = dir.path().join("xuat.xlsx");
    assert_eq!(export_nominations(&source, &all, &xlsx).unwrap(), 8);
    let mut target = store_with_council();
    let report = import(&mut target, &xlsx).unwrap();
    assert_eq!(report.nominations, 8);
    assert_eq!(snapshot(&target), snapshot(&source));
    assert_eq!(scores_snapshot(&target), scores_snapshot(&source));
    assert!(scores_snapshot(&source).len() > 20);
    let scored: i64 = target
        .raw_connection_for_tests()
        .query_row(
            "SELECT count(*) FROM nominations WHERE score IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(scored, 2, "consolidated scores recomputed on import");
    assert!(target.verify_audit_chain().unwrap().is_empty());

    let csv = dir.path().join("xuat.csv");
    export_nominations(&source, &all, &csv).unwrap();
    let mut target = Store::open_in_memory().unwrap();
    crate::common::movement_id(&mut target);
    import(&mut target, &csv).unwrap();
    let without_scores = |s: &Store| -> Vec<String> {
        snapshot(s)
            .into_iter()
            .map(|r| r.rsplit_once(" | ").unwrap().0.to_string())
            .collect()
    };
    assert_eq!(without_scores(&target), without_scores(&source));
}

#[test]
fn scores_and_recusals_import_from_every_scores_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("diem.xlsx");
    let rows: &[&[&str]] = &[&["1", "Vũ Thị Hạnh", "Người dân", "2025", "giay_khen"]];
    let bytes = workbook(&[
        list_sheet(rows),
        scores_sheet(&[
            &["1", "Bùi Thị Thu Hà", "1.4b.1", "8,5"],
            &["1", "Lê Minh Khoa", "", "", "Không chấm: em ruột"],
        ]),
        Sheet {
            name: "Điểm chấm (2)".into(),
            ..scores_sheet(&[&["1", "Nguyễn Hữu Thắng", "1.4b.1", "7"]])
        },
    ]);
    std::fs::write(&path, bytes).unwrap();
    let mut store = store_with_council();
    let report = import(&mut store, &path).unwrap();
    assert_eq!(
        report.to_string(),
        "imported 1 nomination(s): 1 new nominee(s), 0 already known, 3 score line(s)"
    );
    assert_eq!(
        scores_snapshot(&store),
        vec![
            r#"[Text("Vũ Thị Hạnh"), Text("2025"), Text("giay_khen"), Text("Bùi Thị Thu Hà"), Text("1.4b.1"), Integer(85)]"#,
            r#"[Text("Vũ Thị Hạnh"), Text("2025"), Text("giay_khen"), Text("Lê Minh Khoa"), Text("recused"), Text("em ruột")]"#,
            r#"[Text("Vũ Thị Hạnh"), Text("2025"), Text("giay_khen"), Text("Nguyễn Hữu Thắng"), Text("1.4b.1"), Integer(70)]"#,
        ]
    );
}

#[test]
fn the_shipped_template_is_current_and_imports_once_filled() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("mau.xlsx");
    let data = hoidong::refdata::built_in().unwrap();
    hoidong::import::template::write_template(&fresh, &data.catalogue).unwrap();
    let shipped =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/templates/mau-de-nghi-khen-thuong.xlsx");
    use calamine::Reader;
    let read = |p: &Path| {
        let mut book = calamine::open_workbook_auto(p).unwrap();
        book.sheet_names()
            .into_iter()
            .map(|n| {
                format!(
                    "{:?}",
                    book.worksheet_range(&n).unwrap().rows().collect::<Vec<_>>()
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        read(&shipped),
        read(&fresh),
        "regenerate with: hoidong export template data/templates/mau-de-nghi-khen-thuong.xlsx"
    );
    // The empty template is a list without rows.
    let mut store = Store::open_in_memory().unwrap();
    crate::common::movement_id(&mut store);
    assert_eq!(
        import(&mut store, &shipped).unwrap_err().to_string(),
        format!(
            "{}: the list has no nominations under its header row",
            shipped.display()
        )
    );
}

#[test]
fn cli_imports_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = dir.path().join("out.csv");
    let bin = env!("CARGO_BIN_EXE_hoidong");
    // An English locale: the messages in English.
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_US.UTF-8")
            .args(args)
            .output()
            .unwrap()
    };
    let fx = fixture("de-nghi.ods");
    // No database is made by an import: `init` makes it.
    let o = run(&[
        "--db",
        db.to_str().unwrap(),
        "import",
        "nominations",
        fx.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(!db.exists());
    assert!(run(&["init", db.to_str().unwrap()]).status.success());
    assert!(
        run(&["--db", db.to_str().unwrap(), "movement", "seed"])
            .status
            .success()
    );
    let o = run(&[
        "--db",
        db.to_str().unwrap(),
        "import",
        "nominations",
        fx.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(o.status.success());
    let out_text = String::from_utf8_lossy(&o.stdout);
    assert!(
        out_text.starts_with(&format!(
            "{}: would import 8 nomination(s): 7 new nominee(s), 1 already known (dry run: nothing saved)\nHow the columns were read:\n  A (STT) → STT\n",
            fx.display()
        )),
        "{out_text}"
    );
    assert!(
        out_text.contains("\n  row 4: Phạm Văn Đức — Người dân (resident); Nam, born 1962;"),
        "{out_text}"
    );
    let o = run(&[
        "--db",
        db.to_str().unwrap(),
        "import",
        "nominations",
        fx.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let o = run(&[
        "--db",
        db.to_str().unwrap(),
        "import",
        "nominations",
        fx.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.ends_with(
            "(check the rows above; to import possible duplicates anyway, add --allow-duplicates)\n"
        ),
        "{err}"
    );
    let o = run(&[
        "--db",
        db.to_str().unwrap(),
        "export",
        "nominations",
        out.to_str().unwrap(),
        "--status",
        "pending",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("8 nomination(s) written to {}\n", out.display())
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{FEFF}STT,Họ và tên / Tên tập thể,Loại đối tượng,"));
    let o = run(&[
        "--db",
        db.to_str().unwrap(),
        "export",
        "nominations",
        "x.pdf",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "hoidong: x.pdf: unsupported file type; use a name ending in .xlsx or .csv\n"
    );
    let o = run(&[
        "--db",
        db.to_str().unwrap(),
        "export",
        "nominations",
        out.to_str().unwrap(),
        "--status",
        "done",
    ]);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("unknown status “done”; use pending, all or one of draft, submitted,")
    );
}
