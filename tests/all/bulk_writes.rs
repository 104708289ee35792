//! Bulk writes as one action: an imported list is one audit entry naming what
//! it wrote, yet `check` still names any imported row changed, added or
//! removed outside hoidong; `gen` commits in batches and writes the same rows
//! for the same seed whatever the batch size.

use std::path::{Path, PathBuf};

use crate::record_db::{hoidong, one, text};
use hoidong::demo::{self, Spec};
use hoidong::store::Store;
use rusqlite::Connection;

fn ok(db: &Path, args: &[&str]) -> String {
    let out = hoidong(db, args);
    assert!(out.status.success(), "{args:?}: {}", text(&out));
    text(&out)
}

/// A database of `n` synthetic nominations, exported with their scores and
/// imported into a database with the same council and no nominations.
fn imported(dir: &Path, n: usize) -> PathBuf {
    let source = dir.join("source.db");
    let count = n.to_string();
    let generate = |db: &Path, count: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hoidong"))
            .args(["gen"])
            .arg(db)
            .args(["--nominations", count])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
    };
    generate(&source, &count);
    let file = dir.join("list.xlsx");
    ok(
        &source,
        &[
            "export",
            "nominations",
            file.to_str().unwrap(),
            "--status",
            "all",
        ],
    );
    let target = dir.join("target.db");
    generate(&target, "0");
    ok(
        &target,
        &[
            "import",
            "nominations",
            file.to_str().unwrap(),
            "--allow-duplicates",
        ],
    );
    target
}

fn check_names(db: &Path, sql: &str, expected: &str) {
    let conn = Connection::open(db).unwrap();
    let changed = conn.execute(sql, []).unwrap();
    assert!(changed > 0, "`{sql}` changed nothing");
    drop(conn);
    let out = hoidong(db, &["check"]);
    let all = text(&out);
    assert!(!out.status.success(), "{sql}: check passed:\n{all}");
    assert!(
        all.contains(&format!("PROBLEM {expected}")),
        "{sql}: expected `PROBLEM {expected}` in\n{all}"
    );
}

#[test]
fn an_import_is_one_entry_and_every_imported_row_is_still_proven() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path(), 30);
    let clean = ok(&db, &["check"]);
    assert!(clean.contains("no problem found"), "{clean}");

    let nominations: i64 = one(&db, "SELECT count(*) FROM nominations");
    let scores: i64 = one(&db, "SELECT count(*) FROM scores");
    assert_eq!(nominations, 30);
    assert!(scores > 100, "the export carried the scores: {scores}");
    // One entry for the action; no entry per row.
    let imports: i64 = one(
        &db,
        "SELECT count(*) FROM audit_log WHERE action = 'import'",
    );
    assert_eq!(imports, 1);
    let per_row: i64 = one(
        &db,
        "SELECT count(*) FROM audit_log WHERE table_name IN ('nominees', 'nominations', 'scores', 'recusals')
           AND action NOT IN ('rows', 'generate')",
    );
    assert_eq!(per_row, 0);
    let entry: String = one(&db, "SELECT after FROM audit_log WHERE action = 'import'");
    let entry: serde_json::Value = serde_json::from_str(&entry).unwrap();
    assert_eq!(entry["tables"]["nominations"]["rows"], nominations);
    assert_eq!(
        entry["tables"]["nominations"]["ids"],
        serde_json::json!([1, 30])
    );
    assert_eq!(entry["tables"]["scores"]["rows"], scores);
    assert_eq!(
        entry["file"].as_str().map(|f| f.ends_with("list.xlsx")),
        Some(true)
    );
    assert_eq!(entry["rows_sha256"].as_str().map(str::len), Some(64));
    // The head beside the log moved with the last entry.
    let head: i64 = one(&db, "SELECT last_id FROM audit_head");
    let last: i64 = one(&db, "SELECT max(id) FROM audit_log");
    assert_eq!(head, last);

    let copy = |name: &str| {
        let to = dir.path().join(name);
        std::fs::copy(&db, &to).unwrap();
        to
    };
    let scored: i64 = one(&db, "SELECT min(nomination_id) FROM scores");
    check_names(
        &copy("score.db"),
        &format!("UPDATE scores SET tenths = tenths - 1 WHERE nomination_id = {scored}"),
        &format!("scores {scored}/*"),
    );
    check_names(
        &copy("summary.db"),
        "UPDATE nominations SET summary = 'Thành tích khác' WHERE id = 12",
        "nominations 12",
    );
    let scored: i64 = one(&db, "SELECT max(nomination_id) FROM scores");
    check_names(
        &copy("deleted.db"),
        &format!(
            "DELETE FROM scores WHERE nomination_id = {scored}
               AND member_id = (SELECT max(member_id) FROM scores WHERE nomination_id = {scored})"
        ),
        &format!("scores {scored}/*"),
    );
    check_names(
        &copy("added.db"),
        "INSERT INTO nominees (kind, name, name_fold, name_sort, unit, created_at, updated_at)
         SELECT kind, 'Người Thêm Vào', 'nguoi them vao', name_sort, unit, created_at, updated_at
         FROM nominees WHERE id = 1",
        "nominees 31",
    );
}

fn rows_of(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for sql in [
        "SELECT id, kind, name, birth_year, sex, position, unit, address, women_share FROM nominees ORDER BY id",
        "SELECT id, nominee_id, round, award_code, proposing_unit, summary, status, score, evidence_count FROM nominations ORDER BY id",
        "SELECT id, nomination_id, kind, title, doc_number, doc_date FROM evidence ORDER BY id",
        "SELECT nomination_id, member_id, criterion_code, tenths FROM scores ORDER BY 1, 2, 3",
    ] {
        let mut stmt = store.raw_connection_for_tests().prepare(sql).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

#[test]
fn gen_in_small_batches_writes_the_same_rows_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let spec = Spec {
        nominations: 45,
        seed: 7,
        audited: false,
    };
    let whole = dir.path().join("whole.db");
    let batched = dir.path().join("batched.db");
    let mut a = Store::open(&whole).unwrap();
    demo::synthetic::generate(&mut a, spec, 1000).unwrap();
    let mut b = Store::open(&batched).unwrap();
    demo::synthetic::generate(&mut b, spec, 10).unwrap();
    let rows = rows_of(&a);
    assert!(rows.len() > 45 * 3, "{}", rows.len());
    assert_eq!(rows, rows_of(&b));
    drop((a, b));
    let generated: i64 = one(
        &batched,
        "SELECT count(*) FROM audit_log WHERE action = 'generate'",
    );
    assert_eq!(generated, 1, "one entry for the whole generation");
    let clean = ok(&batched, &["check"]);
    assert!(clean.contains("no problem found"), "{clean}");
    check_names(
        &batched,
        "UPDATE evidence SET title = 'Giấy tờ khác' WHERE id = 3",
        "evidence 3",
    );
}
