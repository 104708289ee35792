//! Lists in the form units send (merged title, two-row header, sections,
//! total and signatures), made with LibreOffice and with Excel's Windows
//! code page, imported through the binary; and each misread once seen,
//! refused or read right.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use hoidong::store::Store;

pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mau-dan-cu")
        .join(name)
}

/// The binary in a locale that does not choose (Vietnamese), or in `lang`.
fn hoidong(db: &Path, lang: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::cargo_bin("hoidong").unwrap();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .arg("--db")
        .arg(db);
    if let Some(l) = lang {
        cmd.args(["--lang", l]);
    }
    cmd.args(args).output().unwrap()
}

pub(crate) fn new_db(dir: &Path) -> PathBuf {
    let db = dir.join("hd.db");
    let o = Command::cargo_bin("hoidong")
        .unwrap()
        .arg("init")
        .arg(&db)
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    let o = Command::cargo_bin("hoidong")
        .unwrap()
        .args(["--db", db.to_str().unwrap(), "movement", "seed"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    db
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Every nomination saved: name, kind, year, sex, position, unit, share, round, award.
pub(crate) fn saved(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let mut stmt = store
        .raw_connection_for_tests()
        .prepare(
            "SELECT e.name, e.kind, coalesce(e.birth_year, ''), coalesce(e.sex, ''), e.position,
                    e.unit, coalesce(e.women_share, ''), n.round, n.award_code
             FROM nominations n JOIN nominees e ON e.id = n.nominee_id ORDER BY n.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        let mut parts = Vec::new();
        for i in 0..9 {
            let v: rusqlite::types::Value = r.get(i)?;
            parts.push(match v {
                rusqlite::types::Value::Text(s) => s,
                rusqlite::types::Value::Integer(n) => n.to_string(),
                rusqlite::types::Value::Real(f) => f.to_string(),
                _ => String::new(),
            });
        }
        Ok(parts.join(" | "))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

pub(crate) const COLLECTIVES: [&str; 4] = [
    "Chi hội Phụ nữ khu dân cư số 3 | unit |  |  |  | Khu dân cư số 3 | 100 | 2025 | giay_khen",
    "Chi đoàn Thanh niên khu dân cư số 3 | unit |  |  |  | Khu dân cư số 3 | 45 | 2025 | giay_khen",
    "Hộ ông Trần Văn Bình | household |  |  |  | Tổ 5, khu dân cư số 3 |  | 2025 | gdvh",
    "Hộ bà Lê Thị Cúc | household |  |  |  | Tổ 6, khu dân cư số 3 |  | 2025 | gdvh",
];
pub(crate) const PEOPLE: [&str; 3] = [
    "Nguyễn Văn An | resident | 1962 | male | Tổ trưởng tổ dân phố số 5 | khu dân cư số 3 |  | 2025 | giay_khen",
    "Phạm Thị Hoa | resident | 1975 | female | Chi hội trưởng | Chi hội Phụ nữ khu dân cư số 3 |  | 2025 | giay_khen",
    "Đỗ Thị Mai | resident | 1988 | female |  | Khu dân cư số 3 |  | 2025 | giay_khen",
];

#[test]
fn the_residential_list_from_libreoffice_imports_with_every_year_sex_kind_round_and_award() {
    for name in ["danh-sach.xlsx", "danh-sach.ods"] {
        let dir = tempfile::tempdir().unwrap();
        let db = new_db(dir.path());
        let file = fixture(name);
        let f = file.to_str().unwrap();
        let o = hoidong(&db, None, &["import", "nominations", f, "--dry-run"]);
        let (out, err) = text(&o);
        assert!(o.status.success(), "{name}: {err}");
        // In Vietnamese by default: the columns, the rows, the skipped rows and the guesses.
        for line in [
            "sẽ nhập 7 hồ sơ: 7 đối tượng mới, 0 đối tượng đã có (chạy thử: chưa lưu gì)",
            "  C (Năm sinh / Nam) → Năm sinh (Nam)",
            "  D (Nữ) → Năm sinh (Nữ)",
            "  E (Chức vụ, đơn vị công tác (nơi cư trú)) → Chức vụ, đơn vị công tác",
            "  F (Hình thức đề nghị khen thưởng) → Hình thức khen thưởng",
            "  H (Ghi chú) → bỏ qua",
            "  đợt 2025 lấy từ tiêu đề (dòng 1) cho các dòng không ghi đợt; nếu khác, dùng --round",
            "  dòng 12: mục “III. CÁ NHÂN” được hiểu là loại “Người dân”; nếu khác, dùng --kind \"III. CÁ NHÂN=LOẠI\"",
            "  dòng 16 (dòng tổng cộng): Tổng cộng: 02 tập thể, 02 hộ gia đình, 03 cá nhân",
            "  dòng 22 (phần ký tên): Vũ Thị Lan Hoàng Văn Hải",
            "  dòng 14: Phạm Thị Hoa — Người dân; Nữ, sinh 1975; chức vụ: Chi hội trưởng; đơn vị: Chi hội Phụ nữ khu dân cư số 3; đợt 2025; hình thức: Giấy khen của Chủ tịch UBND phường",
        ] {
            assert!(out.contains(line), "{name}: missing {line:?} in\n{out}");
        }
        assert!(saved(&db).is_empty(), "{name}: the dry run saved");

        let o = hoidong(&db, None, &["import", "nominations", f]);
        assert!(o.status.success(), "{name}: {}", text(&o).1);
        let expected: Vec<String> = COLLECTIVES
            .iter()
            .chain(PEOPLE.iter())
            .map(|s| s.to_string())
            .collect();
        assert_eq!(saved(&db), expected, "{name}");
    }
}

#[test]
fn the_windows_1258_csv_reads_like_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let file = fixture("danh-sach-windows-1258.csv");
    let raw = std::fs::read(&file).unwrap();
    assert!(std::str::from_utf8(&raw).is_err(), "not in the code page");
    assert!(raw.windows(2).any(|w| w == b"\r\n") && raw.contains(&b';'));
    let o = hoidong(
        &db,
        Some("en"),
        &["import", "nominations", file.to_str().unwrap()],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.contains("  row 13 (signatures): TRƯỞNG BAN CÔNG TÁC MẶT TRẬN"),
        "{out}"
    );
    assert_eq!(
        saved(&db),
        vec![
            "Chi hội Phụ nữ khu dân cư số 3 | unit |  |  |  | Khu dân cư số 3 | 100 | 2025 | giay_khen",
            "Hộ ông Trần Văn Bình | household |  |  |  | Tổ 5, khu dân cư số 3 |  | 2025 | gdvh",
            PEOPLE[0],
            "Phạm Thị Hoa | resident | 1975 | female | Chi hội trưởng | Chi hội Phụ nữ khu dân cư số 3 |  | 2025 | giay_khen",
        ]
    );
}

#[test]
fn an_xls_percent_is_not_guessed_and_the_rest_reads_right() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let f = fixture("danh-sach.xls");
    let f = f.to_str().unwrap();
    let o = hoidong(&db, None, &["import", "nominations", f]);
    assert!(!o.status.success());
    let err = text(&o).1;
    assert!(
        err.contains("dòng 7, cột G (Tỷ lệ nữ (%)): “1” có thể là 1% hoặc 100% (tệp .xls không cho biết ô có định dạng phần trăm hay không)"),
        "{err}"
    );
    assert!(saved(&db).is_empty());
    let o = hoidong(
        &db,
        None,
        &["import", "nominations", f, "--map", "G=bo_qua"],
    );
    assert!(o.status.success(), "{}", text(&o).1);
    let rows = saved(&db);
    assert_eq!(rows[0], COLLECTIVES[0].replace(" | 100 |", " |  |"));
    assert_eq!(rows[4..], PEOPLE.map(String::from));
}

fn csv_file(dir: &Path, content: &str) -> PathBuf {
    let path = dir.join("list.csv");
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn a_one_row_header_nam_nu_is_year_and_sex_never_the_round() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let f = csv_file(
        dir.path(),
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025\nSTT,Họ và tên,Nam,Nữ,Loại đối tượng,Hình thức khen thưởng\n1,Nguyễn Văn An,1962,,Người dân,Giấy khen\n2,Lê Thị Bé,,1970,Người dân,Giấy khen\n",
    );
    let o = hoidong(&db, None, &["import", "nominations", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(
        saved(&db),
        vec![
            "Nguyễn Văn An | resident | 1962 | male |  |  |  | 2025 | giay_khen",
            "Lê Thị Bé | resident | 1970 | female |  |  |  | 2025 | giay_khen",
        ]
    );
}

#[test]
fn a_header_that_could_mean_two_fields_is_refused_until_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    // Written without tone marks: "Nam" may be "Năm" (the round) or "Nam" (men).
    let f = csv_file(
        dir.path(),
        "Ho va ten,Nam,Loai doi tuong,Hinh thuc khen thuong,Dot\nNguyen Van An,1962,Nguoi dan,giay_khen,2025\n",
    );
    let f = f.to_str().unwrap();
    let o = hoidong(&db, None, &["import", "nominations", f]);
    assert!(!o.status.success());
    let err = text(&o).1;
    assert!(
        err.contains("dòng 1, cột B (Nam): tiêu đề này có thể là “Đợt” (dot) hoặc “Năm sinh (Nam)” (nam_sinh_nam); chương trình không đoán: hãy sửa tiêu đề, hoặc chỉ rõ bằng --map, ví dụ --map dot"),
        "{err}"
    );
    let o = hoidong(&db, Some("en"), &["import", "nominations", f]);
    assert!(text(&o).1.contains("row 1, column B (Nam): this header could mean “Đợt” (dot) or “Năm sinh (Nam)” (nam_sinh_nam); nothing is guessed"));
    assert!(saved(&db).is_empty());
    let o = hoidong(
        &db,
        None,
        &["import", "nominations", f, "--map", "B=nam_sinh_nam"],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    // The headers matched without marks are listed as read.
    assert!(
        out.contains("cột A (“Ho va ten”, viết không dấu) được hiểu là “Họ và tên / Tên tập thể”"),
        "{out}"
    );
    assert_eq!(
        saved(&db),
        vec!["Nguyen Van An | resident | 1962 | male |  |  |  | 2025 | giay_khen"]
    );
}

#[test]
fn data_under_a_column_without_header_is_reported_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    // "Năm sinh" written once over two columns, no "Nam"/"Nữ" row.
    let f = csv_file(
        dir.path(),
        "Họ và tên,Năm sinh,,Loại đối tượng,Đợt,Hình thức khen thưởng\nNguyễn Văn An,1962,,Người dân,2025,giay_khen\nLê Thị Bé,,1970,Người dân,2025,giay_khen\n",
    );
    let f = f.to_str().unwrap();
    let o = hoidong(&db, None, &["import", "nominations", f]);
    assert!(!o.status.success());
    let err = text(&o).1;
    assert!(
        err.contains("dòng 3, cột C (): 1 dòng có dữ liệu (đầu tiên là “1970”) ở cột không có tiêu đề; hãy ghi tiêu đề cho cột, hoặc đọc cột bằng --map"),
        "{err}"
    );
    assert!(saved(&db).is_empty());
    let o = hoidong(
        &db,
        None,
        &[
            "import",
            "nominations",
            f,
            "--map",
            "B=nam_sinh_nam",
            "--map",
            "C=nam_sinh_nu",
        ],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.starts_with(&format!("{f}: đã nhập 2 hồ sơ")), "{out}");
    assert_eq!(
        saved(&db),
        vec![
            "Nguyễn Văn An | resident | 1962 | male |  |  |  | 2025 | giay_khen",
            "Lê Thị Bé | resident | 1970 | female |  |  |  | 2025 | giay_khen",
        ]
    );
}

#[test]
fn what_the_file_lacks_is_given_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let f = csv_file(dir.path(), "STT;Họ và tên;Năm sinh\n1;Vũ Thị Hạnh;1980\n");
    let f = f.to_str().unwrap();
    let o = hoidong(&db, None, &["import", "nominations", f]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("dòng 1: thiếu cột: Loại đối tượng, Đợt, Hình thức khen thưởng; hãy thêm cột, hoặc khi nhập bằng dòng lệnh ghi giá trị cho cả danh sách bằng --round, --award hoặc --kind"));
    let o = hoidong(
        &db,
        None,
        &[
            "import",
            "nominations",
            f,
            "--round",
            "2022–2025",
            "--award",
            "Giấy khen",
            "--kind",
            "Người dân",
        ],
    );
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(
        saved(&db),
        vec!["Vũ Thị Hạnh | resident | 1980 |  |  |  |  | 2022-2025 | giay_khen"]
    );
    let o = hoidong(
        &db,
        Some("en"),
        &["import", "nominations", f, "--round", "next year"],
    );
    assert!(text(&o).1.contains(
        "--round “next year” is not understood; write a year (2025) or a phase (2022-2025)"
    ));
}

#[test]
fn a_section_kind_is_changed_with_kind_and_rows_under_the_total_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let list = "DANH SÁCH KHEN THƯỞNG SƠ KẾT GIAI ĐOẠN 2022 – 2025\nSTT,Họ và tên,Năm sinh,Hình thức khen thưởng\nIII,CÁ NHÂN\n1,Nguyễn Văn An,1962,Giấy khen\nTổng cộng: 01 cá nhân\n2,Lê Văn Bảy,1970,Giấy khen\n";
    let f = csv_file(dir.path(), list);
    let f = f.to_str().unwrap();
    let o = hoidong(&db, None, &["import", "nominations", f]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("dòng 6: dòng có tên và hình thức, năm sinh hoặc đợt nằm dưới dòng tổng cộng hoặc phần chữ ký; hãy chuyển dòng vào bảng, hoặc xóa đi"));
    let f = csv_file(
        dir.path(),
        &list.replace("2,Lê Văn Bảy,1970,Giấy khen\n", ""),
    );
    let f = f.to_str().unwrap();
    let o = hoidong(
        &db,
        None,
        &[
            "import",
            "nominations",
            f,
            "--kind",
            "CÁ NHÂN=Cán bộ, công chức, viên chức",
        ],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(!out.contains("được hiểu là loại"), "{out}");
    assert_eq!(
        saved(&db),
        vec!["Nguyễn Văn An | official | 1962 |  |  |  |  | 2022-2025 | giay_khen"]
    );
}

/// A kind cell is never silently taken: a general word ("Cá nhân") is
/// listed as a guess, and a cell that names another kind than its section
/// is warned about (the cell is taken, as the report says).
#[test]
fn a_general_kind_word_and_a_kind_against_its_section_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let flat = dir.path().join("ca-nhan.csv");
    std::fs::write(
        &flat,
        "STT,Họ và tên,Loại đối tượng,Năm sinh,Giới tính,Đợt,Hình thức khen thưởng\n\
         1,Lâm Thị Bảy,Cá nhân,1970,Nữ,2025,giay_khen\n\
         2,Tạ Văn Tám,Người dân,1966,Nam,2025,giay_khen\n",
    )
    .unwrap();
    let o = hoidong(
        &db,
        None,
        &["import", "nominations", flat.to_str().unwrap(), "--dry-run"],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.contains("  dòng 2, cột C: “Cá nhân” được hiểu là loại “Cá nhân khác”; nếu khác, ghi rõ loại trong ô"),
        "{out}"
    );
    assert!(
        !out.contains("dòng 3, cột C"),
        "a kind written in full is no guess:\n{out}"
    );

    let sections = dir.path().join("muc.csv");
    std::fs::write(
        &sections,
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025,,,,\n\
         STT,Họ và tên,Loại đối tượng,Chức vụ,Hình thức khen thưởng\n\
         I. TẬP THỂ,,,,\n\
         1,Chi hội Nông dân khu dân cư số 2,,,Giấy khen\n\
         2,Hộ ông Võ Văn Sáu,Hộ gia đình,,Gia đình văn hóa\n",
    )
    .unwrap();
    let f = sections.to_str().unwrap();
    let o = hoidong(&db, Some("en"), &["import", "nominations", f]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.contains("row 5, column C: the cell says “Hộ gia đình” (kind “Hộ gia đình (household)”) but the row is under section “I. TẬP THỂ” (kind “Ban, ngành, đơn vị (unit)”); the cell was taken; correct the cell if wrong"),
        "{out}"
    );
    let rows = saved(&db);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].starts_with("Chi hội Nông dân khu dân cư số 2 | unit |"),
        "{rows:?}"
    );
    assert!(
        rows[1].starts_with("Hộ ông Võ Văn Sáu | household |"),
        "{rows:?}"
    );
}

/// `--movement` names the movement by number, code or name; an unknown one
/// is refused with the movements there are, and nothing is saved.
#[test]
fn the_movement_is_chosen_with_an_option_and_an_unknown_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let file = fixture("danh-sach.xlsx");
    let f = file.to_str().unwrap();
    let o = hoidong(
        &db,
        None,
        &["import", "nominations", f, "--movement", "khong-co"],
    );
    let (_, err) = text(&o);
    assert!(!o.status.success());
    assert!(
        err.contains("--movement “khong-co”: không có phong trào này; chọn một trong: 1: "),
        "{err}"
    );
    assert!(saved(&db).is_empty());
    let o = hoidong(
        &db,
        Some("en"),
        &["import", "nominations", f, "--movement", "9"],
    );
    assert!(
        text(&o)
            .1
            .contains("--movement “9”: no such movement; use one of: 1: "),
        "{o:?}"
    );

    let o = hoidong(
        &db,
        None,
        &["import", "nominations", f, "--movement", "HT-TK-2022"],
    );
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(saved(&db).len(), 7);
    let store = Store::open(&db).unwrap();
    let (movement, audit): (i64, String) = store
        .raw_connection_for_tests()
        .query_row(
            "SELECT (SELECT min(movement_id) FROM nominations),
                    (SELECT after FROM audit_log WHERE action = 'import')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(movement, 1);
    assert!(audit.contains("\"movement\":1"), "{audit}");
}

#[test]
fn the_dry_run_names_the_award_from_the_title_and_of_each_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let f = csv_file(
        dir.path(),
        "DANH SÁCH ĐỀ NGHỊ TẶNG GIẤY KHEN NĂM 2025\nSTT,Họ và tên,Loại đối tượng,Năm sinh,Giới tính\n1,Lương Thị Hằng,Người dân,1977,Nữ\n",
    );
    let name = "Giấy khen của Chủ tịch UBND phường";
    for (lang, guess, row) in [
        (
            None,
            format!("  hình thức “{name}” lấy từ tiêu đề (dòng 1)"),
            format!(
                "  dòng 3: Lương Thị Hằng — Người dân; Nữ, sinh 1977; đợt 2025; hình thức: {name}"
            ),
        ),
        (
            Some("en"),
            format!("  award “{name}” taken from the title (row 1)"),
            format!(
                "  row 3: Lương Thị Hằng — Người dân (resident); Nữ, born 1977; round 2025; award: {name}"
            ),
        ),
    ] {
        let o = hoidong(
            &db,
            lang,
            &["import", "nominations", f.to_str().unwrap(), "--dry-run"],
        );
        let (out, err) = text(&o);
        assert!(o.status.success(), "{lang:?}: {err}");
        assert!(
            out.contains(&guess),
            "{lang:?}: {guess:?} missing in\n{out}"
        );
        assert!(out.contains(&row), "{lang:?}: {row:?} missing in\n{out}");
        assert!(
            !out.contains("giay_khen"),
            "{lang:?}: a code shown in\n{out}"
        );
    }
    assert!(saved(&db).is_empty(), "the dry run saved");
}
