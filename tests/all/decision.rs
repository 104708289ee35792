//! One decision for many awards and its certificates, through the binary on
//! the demo (whose meeting 1 is closed with two passed Giấy khen: a
//! collective and an individual).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hoidong::print::compose::certificate::certificates;
use hoidong::print::compose::certificate_layout::{Layout, PLAIN_A4};
use hoidong::store::Store;

use crate::record_db::{one, text};

fn run(dir: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .current_dir(dir)
        .env("LANG", "vi_VN.UTF-8")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let out = Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("demo")
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    db
}

const GIAY_KHEN: [&str; 11] = [
    "decision",
    "new",
    "--meeting",
    "1",
    "--select",
    "giay-khen",
    "--number",
    "15",
    "--date",
    "25/11/2026",
    "--yes",
];

fn decided(db: &Path) -> i64 {
    one(
        db,
        "SELECT count(*) FROM nominations WHERE status = 'decided'",
    )
}

/// The text of each page, from pdftotext; `None` where poppler is missing.
fn pdf_pages(pdf: &Path) -> Option<Vec<String>> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    assert!(out.status.success(), "pdftotext failed");
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .map(str::to_string)
            .collect(),
    )
}

#[test]
fn without_yes_nothing_is_recorded_and_the_preview_shows_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = decided(&db);
    let out = run(dir.path(), &db, &GIAY_KHEN[..10]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("15/QĐ-UBND"), "{said}");
    assert!(said.contains("Bộ phận Địa chính – Xây dựng"), "{said}");
    assert!(said.contains("Tạ Ngọc Hương"), "{said}");
    assert!(said.contains("Tổng tiền thưởng: 2.120.000 đ"), "{said}");
    assert!(said.contains("--yes"), "{said}");
    assert_eq!(decided(&db), before);
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM decision_batches"), 0);
}

#[test]
fn one_decision_for_every_passed_giay_khen_enters_each_in_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = decided(&db);
    let out = run(dir.path(), &db, &GIAY_KHEN);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(decided(&db), before + 2);
    assert_eq!(
        one::<i64>(
            &db,
            "SELECT count(*) FROM award_register WHERE decision_number = '15/QĐ-UBND' AND source = 'decided'"
        ),
        2
    );
    assert_eq!(
        one::<i64>(&db, "SELECT sum(amount) FROM decision_batch_items"),
        2_120_000
    );
    // The same number cannot be given twice, and nothing more is written.
    let entries: i64 = one(&db, "SELECT count(*) FROM audit_log");
    let again = run(dir.path(), &db, &GIAY_KHEN);
    assert!(!again.status.success());
    assert!(
        text(&again).contains("Không có hồ sơ nào"),
        "{}",
        text(&again)
    );
    let same_number = run(
        dir.path(),
        &db,
        &[
            "decision",
            "new",
            "--meeting",
            "1",
            "--nominations",
            "15",
            "--number",
            "15",
            "--date",
            "2026-11-25",
            "--yes",
        ],
    );
    assert!(!same_number.status.success());
    assert!(
        text(&same_number).contains("đã được ghi"),
        "{}",
        text(&same_number)
    );
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM audit_log"), entries);
    let check = run(dir.path(), &db, &["--lang", "en", "check"]);
    assert!(check.status.success(), "{}", text(&check));
}

#[test]
fn the_printed_decision_has_its_list_counts_and_total_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    assert!(run(dir.path(), &db, &GIAY_KHEN).status.success());
    for args in [
        &["decision", "print", "1", "--format", "md"][..],
        &["decision", "print", "1"][..],
        &["decision", "print", "1"][..],
        &["decision", "print", "1", "--docx"][..],
    ] {
        let out = run(dir.path(), &db, args);
        assert!(out.status.success(), "{}", text(&out));
    }
    let md = std::fs::read_to_string(dir.path().join("quyet-dinh-1.md")).unwrap();
    for expected in [
        "Số: 15/QĐ-UBND",
        "QUYẾT ĐỊNH",
        "Về việc tặng Giấy khen",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG THANH BÌNH",
        "Căn cứ Biên bản số 07/BB-HĐTĐKT ngày 20 tháng 11 năm 2026",
        "cho 01 tập thể và 01 cá nhân",
        "(có danh sách kèm theo)",
        "Tổng số tiền thưởng: 2.120.000 đồng (bằng chữ: hai triệu một trăm hai mươi nghìn đồng)",
        "DANH SÁCH",
        "Kèm theo Quyết định số 15/QĐ-UBND ngày 25 tháng 11 năm 2026",
        "I. TẬP THỂ",
        "II. CÁ NHÂN",
        "| 1 | Bộ phận Địa chính – Xây dựng |",
        "| 1 | Tạ Ngọc Hương |",
        "1.410.000",
        "710.000",
        "Như Điều 3",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    // A second print never replaces the first, and is the same bytes.
    let first = std::fs::read(dir.path().join("quyet-dinh-1.pdf")).unwrap();
    let second = std::fs::read(dir.path().join("quyet-dinh-1-2.pdf")).unwrap();
    assert_eq!(first, second);
    let docx = std::fs::read(dir.path().join("quyet-dinh-1.docx")).unwrap();
    assert!(docx.starts_with(b"PK"));
    if let Some(pages) = pdf_pages(&dir.path().join("quyet-dinh-1.pdf")) {
        assert_eq!(pages.len(), 2, "{pages:?}");
        assert!(pages[0].contains("QUYẾT ĐỊNH:"), "{}", pages[0]);
        assert!(pages[0].contains("2.120.000"), "{}", pages[0]);
        assert!(pages[1].contains("DANH SÁCH"), "{}", pages[1]);
        assert!(pages[1].contains("Tạ Ngọc Hương"), "{}", pages[1]);
        assert!(pages[1].contains("2.120.000"), "{}", pages[1]);
    }
    // An output named on purpose is never replaced either.
    let taken = run(
        dir.path(),
        &db,
        &["decision", "print", "1", "-o", "quyet-dinh-1.pdf"],
    );
    assert!(!taken.status.success());
    assert!(text(&taken).contains("đã có"), "{}", text(&taken));
}

#[test]
fn certificates_have_a_page_per_award_of_the_decision() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    assert!(run(dir.path(), &db, &GIAY_KHEN).status.success());
    let out = run(dir.path(), &db, &["certificates", "1"]);
    assert!(out.status.success(), "{}", text(&out));
    // Printed again: a new file, the same bytes.
    let again = run(dir.path(), &db, &["certificates", "1"]);
    assert!(again.status.success(), "{}", text(&again));
    assert_eq!(
        std::fs::read(dir.path().join("giay-khen-1.pdf")).unwrap(),
        std::fs::read(dir.path().join("giay-khen-1-2.pdf")).unwrap()
    );
    let store = Store::open(&db).unwrap();
    let layout = Layout::parse(PLAIN_A4).unwrap();
    let sheet = certificates(&store.decision_paper(1).unwrap(), &layout);
    let names: Vec<&str> = sheet.pages.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Bộ phận Địa chính – Xây dựng", "Bà Tạ Ngọc Hương"]);
    assert!(
        sheet.pages[0]
            .decision
            .contains("15/QĐ-UBND ngày 25/11/2026")
    );
    if let Some(pages) = pdf_pages(&dir.path().join("giay-khen-1.pdf")) {
        assert_eq!(pages.len(), 2, "{pages:?}");
        assert!(pages[1].contains("Tạ Ngọc Hương"), "{}", pages[1]);
        assert!(pages[0].contains("GIẤY KHEN"), "{}", pages[0]);
    }
}

#[test]
fn a_deputy_signs_for_the_chairman_and_a_hand_picked_set_is_checked_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    // 10 is a Bằng khen of the province: refused with the one the ward may decide.
    let refused = run(
        dir.path(),
        &db,
        &[
            "decision",
            "new",
            "--meeting",
            "1",
            "--nominations",
            "15,10",
            "--number",
            "17",
            "--date",
            "2026-11-25",
            "--yes",
        ],
    );
    assert!(!refused.status.success());
    assert!(text(&refused).contains("Hồ sơ 10"), "{}", text(&refused));
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM decision_batches"), 0);
    let out = run(
        dir.path(),
        &db,
        &[
            "decision",
            "new",
            "--meeting",
            "1",
            "--select",
            "authority",
            "--number",
            "18/QĐ-UBND",
            "--date",
            "2026-11-26",
            "--signer",
            "Lương Thị Diệp",
            "--deputy",
            "--yes",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    // Two Lao động tiên tiến, two Giấy khen and a Gia đình văn hóa.
    assert_eq!(
        one::<i64>(&db, "SELECT count(*) FROM decision_batch_items"),
        5
    );
    let md = run(
        dir.path(),
        &db,
        &["decision", "print", "1", "--format", "md"],
    );
    assert!(md.status.success(), "{}", text(&md));
    let md = std::fs::read_to_string(dir.path().join("quyet-dinh-1.md")).unwrap();
    assert!(md.contains("KT. CHỦ TỊCH"), "{md}");
    assert!(md.contains("Lương Thị Diệp"), "{md}");
    assert!(md.contains("Về việc khen thưởng năm 2025"), "{md}");
    assert!(
        md.contains("Công nhận danh hiệu “Lao động tiên tiến” cho 02 cá nhân"),
        "{md}"
    );
    assert!(
        md.contains("III. HỘ GIA ĐÌNH") || md.contains("Hộ gia đình"),
        "{md}"
    );
    let check = run(dir.path(), &db, &["--lang", "en", "check"]);
    assert!(check.status.success(), "{}", text(&check));
}

#[test]
fn a_malformed_layout_is_refused_with_what_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let nowhere = dir.path().join("none.db");
    let good = PLAIN_A4;
    std::fs::write(
        dir.path().join("typo.toml"),
        good.replacen("size_pt = 26", "sise_pt = 26", 1),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("wide.toml"),
        good.replacen("width_mm = 257", "width_mm = 357", 1),
    )
    .unwrap();
    let typo = run(
        dir.path(),
        &nowhere,
        &["certificates", "--calibrate", "--layout", "typo.toml"],
    );
    assert!(!typo.status.success());
    let said = text(&typo);
    assert!(
        said.contains("typo.toml") && said.contains("sise_pt") && said.contains("line"),
        "{said}"
    );
    let wide = run(
        dir.path(),
        &nowhere,
        &["certificates", "--calibrate", "--layout", "wide.toml"],
    );
    assert!(!wide.status.success());
    assert!(
        text(&wide).contains("vượt quá chiều rộng tờ giấy 297 mm"),
        "{}",
        text(&wide)
    );
    // The calibration page needs no database.
    let cal = run(dir.path(), &nowhere, &["certificates", "--calibrate"]);
    assert!(cal.status.success(), "{}", text(&cal));
    assert!(dir.path().join("hieu-chinh-giay-khen.pdf").exists());
    assert!(!nowhere.exists());
}
