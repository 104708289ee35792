//! A ward of its own, through the binary: from an empty file, the identity of
//! UBND phường Tân Bình, a council established by a decision with nine
//! members, a meeting and its minutes; then a member replaced, a second
//! meeting, and the first meeting's minutes as before.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn hoidong(db: &Path) -> Command {
    let mut c = Command::cargo_bin("hoidong").unwrap_or_else(|e| panic!("{e}"));
    c.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--db")
        .arg(db);
    c
}

fn run(db: &Path, args: &[&str]) -> String {
    let out = hoidong(db).args(args).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn refused(db: &Path, args: &[&str]) -> String {
    let out = hoidong(db).args(args).assert().failure();
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

const MEMBERS: [(&str, &str, &str, &str); 9] = [
    (
        "Phan Văn Lộc",
        "chu-tich",
        "Chủ tịch UBND phường",
        "UBND phường Tân Bình",
    ),
    (
        "Đỗ Thị Mai Anh",
        "pho-chu-tich",
        "Phó Chủ tịch UBND phường",
        "UBND phường Tân Bình",
    ),
    (
        "Hồ Quang Vinh",
        "pho-chu-tich",
        "Chủ tịch Ủy ban MTTQ phường",
        "Ủy ban MTTQ phường",
    ),
    (
        "Lưu Thị Ngọc",
        "uy-vien-thuong-truc",
        "Công chức Văn hóa – Xã hội",
        "UBND phường Tân Bình",
    ),
    (
        "Tạ Thu Trang",
        "thu-ky",
        "Công chức Văn phòng – Thống kê",
        "UBND phường Tân Bình",
    ),
    (
        "Ninh Văn Hậu",
        "uy-vien",
        "Chủ tịch Hội Cựu chiến binh",
        "Hội Cựu chiến binh phường",
    ),
    (
        "Khúc Thị Lan",
        "uy-vien",
        "Chủ tịch Hội LHPN",
        "Hội LHPN phường",
    ),
    (
        "Giang Minh Đức",
        "uy-vien",
        "Bí thư Đoàn phường",
        "Đoàn phường",
    ),
    (
        "La Văn Sơn",
        "uy-vien",
        "Trưởng Công an phường",
        "Công an phường",
    ),
];

/// The minutes as markdown, without the audit anchor (it moves with every change).
fn minutes(db: &Path, dir: &Path, meeting: &str, name: &str) -> String {
    let file = dir.join(name);
    run(
        db,
        &[
            "minutes",
            meeting,
            "--format",
            "md",
            "-o",
            file.to_str().unwrap_or_default(),
        ],
    );
    std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{e}"))
        .lines()
        .filter(|l| !l.contains("Mốc nhật ký"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The number in "đã lập cuộc họp N (dự kiến), …".
fn meeting_id(out: &str) -> String {
    out.split_whitespace()
        .nth(4)
        .unwrap_or_else(|| panic!("no meeting id in {out}"))
        .to_string()
}

#[test]
fn tan_binh_sets_up_its_council_holds_meetings_and_keeps_its_minutes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("tan-binh.db");
    let mut init = Command::cargo_bin("hoidong").unwrap_or_else(|e| panic!("{e}"));
    init.args(["init", db.to_str().unwrap_or_default()])
        .assert()
        .success();

    // Nothing to meet with yet: the message says so and how to set it up.
    let e = refused(
        &db,
        &[
            "meeting",
            "new",
            "--subject",
            "Xét khen thưởng",
            "--at",
            "2026-03-10T08:00",
        ],
    );
    assert!(e.contains("Chưa có hội đồng"), "{e}");
    assert!(e.contains("hoidong council new"), "{e}");
    let e = refused(&db, &["--lang", "en", "council", "show"]);
    assert!(
        e.contains("no council yet") && e.contains("hoidong council new"),
        "{e}"
    );

    // Documents need the identity before anything prints it.
    let out = run(
        &db,
        &[
            "ward",
            "set",
            "--body",
            "UBND PHƯỜNG TÂN BÌNH",
            "--council-name",
            "Hội đồng Thi đua – Khen thưởng phường Tân Bình",
            "--place",
            "Tân Bình",
            "--minutes-symbol",
            "BB-HĐTĐ",
            "--decision-symbol",
            "QĐ-UBND",
            "--submission-symbol",
            "TTr-HĐTĐ",
            "--recipients-minutes",
            "Thành viên Hội đồng;Chủ tịch UBND phường Tân Bình (để báo cáo);Lưu: VT, VP",
            "--recipients-decision",
            "Như Điều 3;Lưu: VT",
            "--chairman-title",
            "Chủ tịch UBND phường Tân Bình",
            "--chairman-name",
            "Phan Văn Lộc",
        ],
    );
    assert!(
        out.contains("Cơ quan chủ quản: UBND PHƯỜNG TÂN BÌNH"),
        "{out}"
    );
    // Checked by the text rules: a symbol is not a number, and a refused
    // change leaves the identity as it was.
    let e = refused(&db, &["ward", "set", "--minutes-symbol", "05/BB-HĐTĐ"]);
    assert!(e.contains("không phải ký hiệu"), "{e}");
    let e = refused(&db, &["ward", "set", "--place", "Tân\u{200B}Bình"]);
    assert!(e.contains("Địa danh ghi ngày tháng"), "{e}");
    let out = run(&db, &["--lang", "en", "ward", "show"]);
    assert!(out.contains("Minutes symbol: BB-HĐTĐ"), "{out}");
    assert!(out.contains("Place name: Tân Bình\n"), "{out}");

    // The council, by its decision, for the term 2026–2031.
    let out = run(
        &db,
        &[
            "council",
            "new",
            "--decision",
            "12/QĐ-UBND",
            "--date",
            "2026-01-05",
            "--signer",
            "Phan Văn Lộc",
            "--term",
            "2026-2031",
        ],
    );
    assert!(out.contains("nhiệm kỳ 05/01/2026 – 31/12/2031"), "{out}");
    let mut ids = Vec::new();
    for (name, role, position, unit) in MEMBERS {
        let out = run(
            &db,
            &[
                "council",
                "member",
                "add",
                name,
                "--role",
                role,
                "--position",
                position,
                "--unit",
                unit,
                "--from",
                "2026-01-05",
            ],
        );
        ids.push(
            out.trim()
                .rsplit("số ")
                .next()
                .unwrap_or_default()
                .to_string(),
        );
    }
    // One chairman at a time; dates within the term.
    let e = refused(
        &db,
        &[
            "council",
            "member",
            "add",
            "Vũ Thế Hùng",
            "--role",
            "chu-tich",
            "--from",
            "2026-02-01",
        ],
    );
    assert!(
        e.contains("chỉ có một Chủ tịch") && e.contains("Phan Văn Lộc"),
        "{e}"
    );
    let e = refused(
        &db,
        &[
            "--lang",
            "en",
            "council",
            "member",
            "add",
            "Vũ Thế Hùng",
            "--from",
            "2025-12-01",
        ],
    );
    assert!(e.contains("outside the council's term"), "{e}");
    let show = run(&db, &["council", "show"]);
    assert!(show.contains("Thành viên đương nhiệm (9)"), "{show}");
    assert!(
        show.contains("12/QĐ-UBND (05/01/2026, Phan Văn Lộc)"),
        "{show}"
    );

    // The first meeting calls the nine.
    let out = run(
        &db,
        &[
            "meeting",
            "new",
            "--subject",
            "Xét khen thưởng quý I năm 2026",
            "--at",
            "2026-03-10T08:00",
            "--place",
            "Hội trường UBND phường Tân Bình",
        ],
    );
    assert!(out.contains("triệu tập 9 thành viên"), "{out}");
    let first = meeting_id(&out);
    let before = minutes(&db, dir.path(), &first, "m1.md");
    for expected in [
        "UBND PHƯỜNG TÂN BÌNH",
        "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG PHƯỜNG TÂN BÌNH",
        "Tân Bình, ngày 10 tháng 3 năm 2026",
        "Số: …/BB-HĐTĐ",
        "- Chủ tịch UBND phường Tân Bình (để báo cáo);",
        "- Lưu: VT, VP.",
        "tổng số thành viên Hội đồng: 9",
        "Tạ Thu Trang",
    ] {
        assert!(before.contains(expected), "{expected} missing:\n{before}");
    }
    assert!(!before.contains("Thanh Bình"), "{before}");
    assert!(!before.contains("HĐTĐKT"), "{before}");

    // A member replaced: the one replaced keeps their history.
    let replaced = &ids[8];
    let out = run(
        &db,
        &[
            "council",
            "member",
            "replace",
            replaced,
            "Mạc Văn Tùng",
            "--position",
            "Trưởng Công an phường",
            "--unit",
            "Công an phường",
            "--from",
            "2026-06-01",
        ],
    );
    assert!(out.contains("đến hết ngày 31/05/2026"), "{out}");
    let show = run(&db, &["council", "show"]);
    assert!(
        show.contains("Đã thôi (1)") && show.contains("La Văn Sơn"),
        "{show}"
    );

    let out = run(
        &db,
        &[
            "meeting",
            "new",
            "--subject",
            "Xét khen thưởng quý II năm 2026",
            "--at",
            "2026-06-15T08:00",
        ],
    );
    assert!(out.contains("triệu tập 9 thành viên"), "{out}");
    let second = meeting_id(&out);
    // The second meeting calls the members in office on its date.
    let called = run(&db, &["meeting", "show", &second]);
    assert!(
        called.contains("Mạc Văn Tùng") && !called.contains("La Văn Sơn"),
        "{called}"
    );
    let called = run(&db, &["meeting", "show", &first]);
    assert!(
        called.contains("La Văn Sơn") && !called.contains("Mạc Văn Tùng"),
        "{called}"
    );

    let after = minutes(&db, dir.path(), &first, "m1-again.md");
    assert_eq!(before, after, "the first meeting's minutes print as before");

    // A new council for the next term: the old one, its members and its
    // meetings stay; each meeting belongs to the council of its date.
    let out = run(
        &db,
        &[
            "council",
            "new",
            "--decision",
            "40/QĐ-UBND",
            "--date",
            "2031-12-01",
            "--signer",
            "Phan Văn Lộc",
            "--term",
            "2031-2036",
        ],
    );
    assert!(out.contains("kết thúc ngày 30/11/2031"), "{out}");
    let show = run(&db, &["council", "show"]);
    assert!(
        show.contains("40/QĐ-UBND") && show.contains("Thành viên đương nhiệm (0)"),
        "{show}"
    );
    let e = refused(
        &db,
        &[
            "meeting",
            "new",
            "--subject",
            "Xét khen thưởng năm 2032",
            "--at",
            "2032-01-10T08:00",
        ],
    );
    assert!(e.contains("chưa có thành viên đương nhiệm"), "{e}");
    let out = run(
        &db,
        &[
            "meeting",
            "new",
            "--subject",
            "Xét khen thưởng bổ sung",
            "--at",
            "2026-07-01T08:00",
        ],
    );
    assert!(out.contains("triệu tập 9 thành viên"), "{out}");
    let e = refused(
        &db,
        &[
            "council",
            "new",
            "--decision",
            "41/QĐ-UBND",
            "--date",
            "2030-01-01",
            "--signer",
            "Phan Văn Lộc",
            "--term",
            "2030-2035",
        ],
    );
    assert!(
        e.contains("nhiệm kỳ mới phải bắt đầu sau nhiệm kỳ trước"),
        "{e}"
    );
    assert_eq!(before, minutes(&db, dir.path(), &first, "m1-new-term.md"));

    // A change of identity applies to the documents made after it.
    run(
        &db,
        &[
            "ward",
            "set",
            "--recipients-minutes",
            "Thành viên Hội đồng;Lưu: VT",
        ],
    );
    let m2 = minutes(&db, dir.path(), &second, "m2-again.md");
    assert!(
        m2.contains("- Lưu: VT.") && !m2.contains("(để báo cáo)"),
        "{m2}"
    );

    hoidong(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("PROBLEM").not());
}

/// A database made before the identity had a table of its own (schema 4):
/// the identity is carried over from its council, its minutes print the
/// same words, and `check` stays clean.
#[test]
fn a_schema_4_database_keeps_its_identity_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("old.db");
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
        hoidong::store::migrations::migrate_to(&mut conn, 4).unwrap_or_else(|e| panic!("{e}"));
        conn.execute_batch(
            "INSERT INTO levels (code, name, rank) VALUES ('ward', 'Cấp xã', 1);
             INSERT INTO councils (id, name, level, founding_decision, issuing_body, place_name)
               VALUES (1, 'Hội đồng Thi đua – Khen thưởng phường Thanh Bình', 'ward',
                       'Quyết định số 15/QĐ-UBND ngày 06/01/2026', 'UBND PHƯỜNG THANH BÌNH', 'Thanh Bình');
             INSERT INTO members (id, council_id, name, name_sort, role, position, term_start)
               VALUES (1, 1, 'Trịnh Văn Khải', x'00', 'chair', 'Chủ tịch UBND phường', '2026-01-06'),
                      (2, 1, 'Hà Thu Nguyệt', x'01', 'standing_member', 'Công chức', '2026-01-06');
             INSERT INTO meetings (id, council_id, number, subject, starts_at, place, chair_id, secretary_id, status)
               VALUES (1, 1, '05/BB-HĐTĐKT', 'Xét khen thưởng', '2026-11-20T08:00', 'Hội trường', 1, 2, 'planned');
             INSERT INTO meeting_members (meeting_id, member_id) VALUES (1, 1), (1, 2);",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        hoidong::store::rowproof::baseline(&conn, "2026-11-19T08:00:00", "test")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let out = run(&db, &["--lang", "en", "ward", "show"]);
    assert!(
        out.contains("Governing body: UBND PHƯỜNG THANH BÌNH"),
        "{out}"
    );
    assert!(out.contains("Place name: Thanh Bình"), "{out}");
    let md = minutes(&db, dir.path(), "1", "old.md");
    for expected in [
        "UBND PHƯỜNG THANH BÌNH",
        "Thanh Bình, ngày 20 tháng 11 năm 2026",
        "Số: 05/BB-HĐTĐKT",
        "- Thành viên Hội đồng;",
        "- Chủ tịch UBND phường Thanh Bình (để báo cáo);",
        "- Lưu: VT, HĐTĐKT.",
    ] {
        assert!(md.contains(expected), "{expected} missing:\n{md}");
    }
    hoidong(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("PROBLEM").not());
}

/// The demo, made now, prints its own identity, keeps what signed minutes
/// were signed with, and checks clean.
#[test]
fn the_demo_prints_its_identity_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("demo.db");
    let mut demo = Command::cargo_bin("hoidong").unwrap_or_else(|e| panic!("{e}"));
    demo.args(["demo", db.to_str().unwrap_or_default()])
        .assert()
        .success();
    let out = run(&db, &["ward", "show"]);
    assert!(out.contains("Địa danh: Thanh Bình"), "{out}");

    // Signed minutes keep the identity they were signed with; the minutes
    // not signed yet take a change from then on.
    run(&db, &["sign", "1", "--yes"]);
    run(
        &db,
        &[
            "ward",
            "set",
            "--place",
            "Thanh Bình Mới",
            "--recipients-minutes",
            "Thành viên Hội đồng;Lưu: VT",
        ],
    );
    let signed = minutes(&db, dir.path(), "1", "m1.md");
    assert!(signed.contains("*Thanh Bình, ngày"), "{signed}");
    assert!(
        signed.contains("- Chủ tịch UBND phường Thanh Bình (để báo cáo);"),
        "{signed}"
    );
    let unsigned = minutes(&db, dir.path(), "2", "m2.md");
    assert!(unsigned.contains("*Thanh Bình Mới, ngày"), "{unsigned}");
    assert!(
        unsigned.contains("- Lưu: VT.") && !unsigned.contains("(để báo cáo)"),
        "{unsigned}"
    );
    hoidong(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("PROBLEM").not());
}

/// No document is made before the ward's identity is set: the minutes are
/// refused with the reason, in the user's language, not printed blank.
#[test]
fn minutes_wait_for_the_identity() {
    use hoidong::domain::council::{NewCouncil, NewMember, Role};
    use hoidong::domain::ward::WardRefusal;
    use hoidong::print::signed::{SignError, minutes_for_print};
    use hoidong::store::{Store, StoreError, meetings::NewMeeting};

    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store
        .establish_council(&NewCouncil {
            name: "Hội đồng Thi đua – Khen thưởng phường Tân Bình".into(),
            level: "ward".into(),
            decision_number: "12/QĐ-UBND".into(),
            decision_date: "2026-01-05".into(),
            signer: "Phan Văn Lộc".into(),
            term_from: "2026-01-05".into(),
            term_to: "2031-12-31".into(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    store
        .add_member(&NewMember {
            name: "Phan Văn Lộc".into(),
            role: Role::Chair,
            position: String::new(),
            unit: String::new(),
            sex: None,
            from: "2026-01-05".into(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let meeting = store
        .create_meeting(&NewMeeting {
            number: String::new(),
            subject: "Xét khen thưởng".into(),
            starts_at: "2026-03-10T08:00".into(),
            place: String::new(),
            chair_id: None,
            secretary_id: None,
            member_ids: Vec::new(),
            guests: Vec::new(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    match minutes_for_print(&store, meeting) {
        Err(SignError::Store(StoreError::Ward(WardRefusal::NotSet))) => {}
        other => panic!("expected the identity to be asked for, got {other:?}"),
    }
    let vi = hoidong::i18n::Lang::Vi
        .strings()
        .store_message(&StoreError::Ward(WardRefusal::NotSet));
    assert!(vi.contains("hoidong ward set"), "{vi}");
}
