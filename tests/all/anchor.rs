//! The anchor: the head of the audit chain kept outside the file, printed on
//! minutes and ballot-count records, catches a history rewritten with the
//! chain recomputed, which `check` alone cannot see.

use crate::record_db;

use std::process::Command;

use hoidong::store::rowproof;
use record_db::{anchor_of, demo_copy, hoidong, one, rechain, text};
use rusqlite::{Connection, params};

/// A failed vote made to pass, with the log rewritten to match and the chain
/// recomputed: `check` alone cannot tell; the anchor can.
#[test]
fn a_rewritten_chain_is_caught_by_the_anchor() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let anchor = anchor_of(&db);
    let (entry, short) = anchor.split_once(':').unwrap();
    assert_eq!(
        entry,
        one::<i64>(&db, "SELECT max(id) FROM audit_log").to_string()
    );
    assert_eq!(short.len(), 19, "four groups of four: {short}");
    let holds = hoidong(&db, &["check", "--anchor", &anchor]);
    assert!(holds.status.success(), "{}", text(&holds));
    assert!(text(&holds).contains("still holds exactly that history"));
    let full: String = one(&db, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
    let full_anchor = format!("{entry}:{full}");
    assert!(
        hoidong(&db, &["check", "--anchor", &full_anchor])
            .status
            .success()
    );

    let conn = Connection::open(&db).unwrap();
    let (round, nomination): (i64, i64) = conn
        .query_row(
            "SELECT round_id, nomination_id FROM vote_results WHERE passed = 0 LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    conn.execute(
        "UPDATE vote_results SET agree = agree + disagree, disagree = 0, passed = 1,
             outcome = json_set(outcome, '$.passed', json('true'))
         WHERE round_id = ?1 AND nomination_id = ?2",
        [round, nomination],
    )
    .unwrap();
    let plain = hoidong(&db, &["check"]);
    assert!(!plain.status.success(), "the edit alone is seen");
    // Rewrite what the log says about the round, and the row proofs.
    let (agree, disagree): (i64, i64) = conn
        .query_row(
            "SELECT agree, disagree FROM vote_results WHERE round_id = ?1 AND nomination_id = ?2",
            [round, nomination],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let entries: Vec<(i64, String, String, String)> = conn
        .prepare("SELECT id, table_name, action, after FROM audit_log WHERE after IS NOT NULL")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let shape = rowproof::record_tables(&conn)
        .unwrap()
        .into_iter()
        .find(|s| s.name == "vote_results")
        .unwrap();
    let mut digest = String::new();
    rowproof::scan(&conn, &shape, |record, d| {
        if record == round.to_string() {
            digest = d;
        }
    })
    .unwrap();
    for (id, table, action, after) in entries {
        let mut image: serde_json::Value = serde_json::from_str(&after).unwrap();
        let mut touched = false;
        if table == "ballot_rounds" {
            for (path, field, value) in [
                ("/input/tallies", "agree", serde_json::json!(agree)),
                ("/input/tallies", "disagree", serde_json::json!(disagree)),
                ("/outcomes", "passed", serde_json::json!(true)),
            ] {
                if let Some(pairs) = image.pointer_mut(path).and_then(|p| p.as_array_mut()) {
                    for pair in pairs {
                        if pair[0] == serde_json::json!(nomination) {
                            pair[1][field] = value.clone();
                            touched = true;
                        }
                    }
                }
            }
        }
        if table == "vote_results"
            && (action == "rows" || action == "baseline")
            && let Some(d) = image.pointer_mut(&format!("/digests/{round}"))
        {
            *d = serde_json::json!(digest);
            touched = true;
        }
        if touched {
            conn.execute(
                "UPDATE audit_log SET after = ?1 WHERE id = ?2",
                params![image.to_string(), id],
            )
            .unwrap();
        }
    }
    rechain(&conn);
    drop(conn);

    let plain = hoidong(&db, &["check"]);
    assert!(
        plain.status.success(),
        "a full rewrite is invisible without an anchor:\n{}",
        text(&plain)
    );
    let caught = hoidong(&db, &["check", "--anchor", &anchor]);
    let all = text(&caught);
    assert!(!caught.status.success(), "{all}");
    assert!(
        all.contains(&format!("PROBLEM audit_log {entry}: ")) && all.contains("was rewritten"),
        "{all}"
    );
    // Vietnamese by default.
    let vi = Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("--db")
        .arg(&db)
        .args(["--lang", "vi", "check", "--anchor", &anchor])
        .output()
        .unwrap();
    assert!(text(&vi).contains("đã bị viết lại"), "{}", text(&vi));
}

#[test]
fn a_malformed_or_cut_anchor_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let bad = hoidong(&db, &["check", "--anchor", "12:abc"]);
    assert!(!bad.status.success());
    assert!(text(&bad).contains("not an anchor"), "{}", text(&bad));
    let anchor = anchor_of(&db);
    // Spaces instead of dashes, capitals: the form read aloud from paper.
    let spoken = anchor.replace('-', " ").to_uppercase();
    assert!(
        hoidong(&db, &["check", "--anchor", &spoken])
            .status
            .success()
    );
    let (entry, _) = anchor.split_once(':').unwrap();
    let conn = Connection::open(&db).unwrap();
    conn.execute("DELETE FROM audit_log WHERE id >= ?1", [entry])
        .unwrap();
    rechain(&conn);
    drop(conn);
    let out = hoidong(&db, &["check", "--anchor", &anchor]);
    assert!(!out.status.success());
    assert!(text(&out).contains("no longer holds"), "{}", text(&out));
}

/// Signed minutes carry the head at signing, stored with the sign-off: every
/// reprint is the same; the ballot-count record carries the head of now.
#[test]
fn printed_minutes_carry_the_anchor() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let meeting: i64 = one(
        &db,
        "SELECT min(id) FROM meetings WHERE id NOT IN (SELECT meeting_id FROM minutes_signoffs)
             AND id IN (SELECT meeting_id FROM meeting_members WHERE presence = 'present')",
    );
    let m = meeting.to_string();
    let before = anchor_of(&db);
    let signed = hoidong(&db, &["sign", &m, "--yes"]);
    assert!(signed.status.success(), "{}", text(&signed));
    let md = dir.path().join("minutes.md");
    let out = hoidong(
        &db,
        &["minutes", &m, "--format", "md", "-o", md.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
    let first = std::fs::read_to_string(&md).unwrap();
    let line = format!("Mốc nhật ký (hoidong check --anchor): {before}");
    assert!(first.contains(&line), "{line}\nnot in\n{first}");
    // More history, then a reprint: the same bytes, the anchor still proves.
    let note = hoidong(&db, &["meeting", "note", &m, "Ghi chú thêm sau khi ký"]);
    assert!(note.status.success(), "{}", text(&note));
    std::fs::remove_file(&md).unwrap();
    assert!(
        hoidong(
            &db,
            &["minutes", &m, "--format", "md", "-o", md.to_str().unwrap()]
        )
        .status
        .success()
    );
    assert_eq!(std::fs::read_to_string(&md).unwrap(), first);
    assert!(
        hoidong(&db, &["check", "--anchor", &before])
            .status
            .success()
    );

    let ballots = dir.path().join("ballots.md");
    let now = anchor_of(&db);
    assert!(
        hoidong(
            &db,
            &[
                "minutes",
                &m,
                "--ballots",
                "--format",
                "md",
                "-o",
                ballots.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
    let record = std::fs::read_to_string(&ballots).unwrap();
    assert!(
        record.contains(&format!("(hoidong check --anchor): {now}")),
        "{record}"
    );

    // The PDF carries the same line, when pdftotext is there to read it.
    let pdf = dir.path().join("minutes.pdf");
    assert!(
        hoidong(
            &db,
            &[
                "minutes",
                &m,
                "--format",
                "pdf",
                "-o",
                pdf.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
    if let Ok(t) = Command::new("pdftotext").arg(&pdf).arg("-").output() {
        let t = String::from_utf8_lossy(&t.stdout);
        assert!(t.contains(&before), "{t}");
    }
}

/// A decision recorded from the command line gives the anchor to write on
/// the signed decision: the head just after it was recorded.
#[test]
fn a_decision_gives_its_anchor() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let passed: i64 = one(
        &db,
        "SELECT min(id) FROM nominations WHERE status = 'passed' AND award_code IN ('giay_khen', 'gdvh')",
    );
    let out = hoidong(
        &db,
        &[
            "decide",
            &passed.to_string(),
            "--number",
            "126/QĐ-UBND",
            "--date",
            "2026-11-26",
            "--signer",
            "Trịnh Văn Khải",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let line = format!("Log anchor (hoidong check --anchor): {}", anchor_of(&db));
    assert!(text(&out).contains(&line), "{line}\nnot in\n{}", text(&out));
}
