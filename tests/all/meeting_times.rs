//! When and where a meeting was held, recorded through the binary
//! (`hoidong meeting times`) and printed as recorded: one date throughout,
//! no clock stamps on notes unless asked for, refused after sign-off.

use assert_cmd::Command;
use hoidong::store::Store;

fn hoidong(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("hoidong")
        .unwrap_or_else(|e| panic!("{e}"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "vi"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn times_and_place_as_held_until_sign_off() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("demo.db");
    Command::cargo_bin("hoidong")
        .unwrap_or_else(|e| panic!("{e}"))
        .arg("demo")
        .arg(&db)
        .assert()
        .success();

    // An end before the start is refused in Vietnamese, and nothing is saved.
    let out = hoidong(
        &db,
        &[
            "meeting", "times", "1", "--start", "16:00", "--end", "08:30",
        ],
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("giờ kết thúc (08:30) trước giờ bắt đầu (16:00)"),
        "{err}"
    );
    let out = hoidong(
        &db,
        &["meeting", "times", "1", "--start", "8h", "--end", "10:30"],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--start 8h: không phải giờ; hãy viết GG:PP"),
        "{}",
        text(&out.stderr)
    );

    // Corrected times and place.
    let out = hoidong(
        &db,
        &[
            "meeting",
            "times",
            "1",
            "--start",
            "08:05",
            "--end",
            "10:40",
            "--date",
            "2026-11-20",
            "--place",
            "Nhà văn hóa khu phố 3",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout)
            .contains("họp ngày 2026-11-20, từ 08:05 đến 10:40, tại Nhà văn hóa khu phố 3"),
        "{}",
        text(&out.stdout)
    );

    let out = hoidong(&db, &["meeting", "show", "1"]);
    assert!(
        text(&out.stdout).contains("Thực tế họp: 20/11/2026 08:05–10:40 · Nhà văn hóa khu phố 3"),
        "{}",
        text(&out.stdout)
    );

    // The minutes say so, with one date, and notes without clock stamps.
    let md = dir.path().join("bb.md");
    let out = hoidong(
        &db,
        &[
            "minutes",
            "1",
            "--format",
            "md",
            "-o",
            md.to_str().unwrap_or(""),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let minutes = std::fs::read_to_string(&md).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        minutes.contains("bắt đầu lúc 08 giờ 05 phút, ngày 20 tháng 11 năm 2026."),
        "{minutes}"
    );
    assert!(minutes.contains("Nhà văn hóa khu phố 3."), "{minutes}");
    assert!(
        minutes.contains("Cuộc họp kết thúc vào hồi 10 giờ 40 phút, cùng ngày."),
        "{minutes}"
    );
    assert!(minutes.contains("ngày 20 tháng 11 năm 2026"), "{minutes}");
    assert!(!minutes.contains("(09:15)"), "{minutes}");
    // Asked for, each note carries its clock time.
    let timed = dir.path().join("timed.md");
    let out = hoidong(
        &db,
        &[
            "minutes",
            "1",
            "--format",
            "md",
            "--note-times",
            "-o",
            timed.to_str().unwrap_or(""),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let timed = std::fs::read_to_string(&timed).unwrap_or_else(|e| panic!("{e}"));
    assert!(timed.contains("(09:15) Ban kiểm phiếu công bố"), "{timed}");

    // The change is in the audit log, with what it replaced.
    {
        let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
        let (before, after): (String, String) = store
            .raw_connection_for_tests()
            .query_row(
                "SELECT before, after FROM audit_log WHERE table_name = 'meetings' AND action = 'held_times'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(before.contains("\"held_start\":null"), "{before}");
        assert!(after.contains("2026-11-20T08:05"), "{after}");
    }

    // After sign-off the times are frozen.
    let out = hoidong(&db, &["sign", "1", "--yes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = hoidong(
        &db,
        &[
            "meeting", "times", "1", "--start", "08:00", "--end", "10:30",
        ],
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "biên bản đã ký duyệt nên thời gian, địa điểm ghi trong đó không sửa được nữa"
        ),
        "{err}"
    );
    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let m = store.meeting(1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.held_start.as_deref(), Some("2026-11-20T08:05"));
    assert_eq!(m.held_end.as_deref(), Some("2026-11-20T10:40"));
}
