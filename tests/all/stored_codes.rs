//! Code columns (statuses, kinds, roles) hold only the codes the program
//! knows: the file itself refuses another value written with `sqlite3`, and
//! a row that holds one anyway (the checks switched off) is reported as
//! damage naming the table, the row and the value, never read as a default.

use std::path::Path;
use std::process::Command;

use rusqlite::Connection;

use crate::record_db::{demo_copy, hoidong, one, text};

/// A statement a `sqlite3` user could type, setting one code column of the
/// first row of a table to a value no version writes.
fn bad_code(table: &str, column: &str) -> String {
    format!("UPDATE {table} SET {column} = 'xyz' WHERE rowid = (SELECT min(rowid) FROM {table})")
}

const CODE_COLUMNS: &[(&str, &str)] = &[
    ("nominations", "status"),
    ("nominations", "nominee_kind"),
    ("nominees", "kind"),
    ("nominees", "sex"),
    ("referrals", "status"),
    ("referral_events", "status"),
    ("meetings", "status"),
    ("members", "role"),
    ("members", "sex"),
    ("minutes_notes", "kind"),
    ("evidence", "kind"),
    ("ballot_rounds", "method"),
    ("award_register", "source"),
    ("award_register", "merit"),
    ("decision_batches", "title"),
];

#[test]
fn a_code_no_version_writes_is_refused_by_the_file_itself() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let conn = Connection::open(&db).unwrap();
    for (table, column) in CODE_COLUMNS {
        let rows: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        // A table the demo leaves empty is tried with a row of its own below.
        if rows == 0 {
            continue;
        }
        let refused = conn.execute(&bad_code(table, column), []);
        let Err(e) = refused else {
            panic!("{table}.{column}: a bad code was taken");
        };
        assert!(
            e.to_string().contains("CHECK constraint failed"),
            "{table}.{column}: {e}"
        );
    }
    // The attendance of a meeting (two-column key) and a sign-off kind.
    let meeting: i64 = conn
        .query_row("SELECT meeting_id FROM meeting_members LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let refused = conn.execute(
        "UPDATE meeting_members SET presence = 'maybe' WHERE meeting_id = ?1",
        [meeting],
    );
    assert!(
        refused.is_err_and(|e| e.to_string().contains("CHECK constraint failed")),
        "a bad presence was taken"
    );
    let refused = conn.execute(
        "INSERT INTO minutes_signoffs (meeting_id, kind, signed_at, content_hash, content)
         VALUES (?1, 'draft', '2026-01-01T00:00:00', '', '{}')",
        [meeting],
    );
    assert!(
        refused.is_err_and(|e| e.to_string().contains("CHECK constraint failed")),
        "a bad sign-off kind was taken"
    );
    drop(conn);
    let out = hoidong(&db, &["check"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// A row holding an unknown code with the checks switched off.
fn with_unknown_status(db: &Path) -> i64 {
    let id: i64 = one(db, "SELECT max(id) FROM nominations");
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA ignore_check_constraints = 1;
         UPDATE nominations SET status = 'xyz' WHERE id = {id};"
    ))
    .unwrap();
    id
}

#[test]
fn a_row_with_an_unknown_status_is_reported_as_damage_not_read_as_draft() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let id = with_unknown_status(&db);
    let id_text = id.to_string();
    let out = hoidong(&db, &["eligibility", &id_text]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("nominations row {id}: unknown status 'xyz'")),
        "{}",
        text(&out)
    );
    // In Vietnamese, the interface's first language.
    let out = Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("--db")
        .arg(&db)
        .args(["--lang", "vi", "eligibility", &id_text])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out).contains(&format!(
            "bảng nominations, dòng {id}: cột status có giá trị không hợp lệ ‘xyz’"
        )),
        "{}",
        text(&out)
    );
    // The library says it with a type, not a default.
    let store = hoidong::store::Store::open(&db).unwrap();
    let read = store.nomination(id);
    assert!(
        matches!(
            &read,
            Err(hoidong::store::StoreError::Corrupt {
                detail: hoidong::store::stored_code::Corruption::UnknownCode(c),
                ..
            }) if c.table == "nominations" && c.row == id_text && c.value == "xyz"
        ),
        "{read:?}"
    );
    drop(store);
    // And `check` names the table whose check the row breaks.
    let out = hoidong(&db, &["check"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("CHECK constraint failed in nominations"),
        "{}",
        text(&out)
    );
}

/// A file of the version before the checks: the same tables without them.
fn as_version_10(db: &Path) {
    Connection::open(db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 10;")
        .unwrap();
}

#[test]
fn an_older_file_is_upgraded_keeping_every_row_index_and_trigger() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let schema = |db: &Path| -> Vec<(String, String)> {
        let conn = Connection::open(db).unwrap();
        let mut stmt = conn
            .prepare("SELECT type, name FROM sqlite_master ORDER BY type, name")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let before = schema(&db);
    let nominations: i64 = one(&db, "SELECT count(*) FROM nominations");
    as_version_10(&db);
    let out = hoidong(&db, &["meetings"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        one::<i64>(&db, "PRAGMA user_version"),
        hoidong::store::SCHEMA_VERSION
    );
    assert_eq!(schema(&db), before);
    assert_eq!(
        one::<i64>(&db, "SELECT count(*) FROM nominations"),
        nominations
    );
    assert_eq!(
        one::<i64>(&db, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
    // The search index still matches the rebuilt table, row for row.
    Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO nomination_search (nomination_search) VALUES ('integrity-check')",
            [],
        )
        .unwrap();
    let out = hoidong(&db, &["check"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn an_older_file_holding_an_unknown_code_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let id = with_unknown_status(&db);
    as_version_10(&db);
    let out = hoidong(&db, &["meetings"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("CHECK constraint failed"),
        "{}",
        text(&out)
    );
    // Nothing of the upgrade stays: the version and the row are as they were.
    assert_eq!(one::<i64>(&db, "PRAGMA user_version"), 10);
    assert_eq!(
        one::<String>(
            &db,
            &format!("SELECT status FROM nominations WHERE id = {id}")
        ),
        "xyz"
    );
}
