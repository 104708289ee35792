//! Changes made with a plain SQLite connection (as `sqlite3` would) to any
//! table of the record are named by `hoidong check`, and an older database
//! gets its baseline without false alarms.

use crate::record_db;

use std::path::Path;

use record_db::{demo_copy, hoidong, one, rechain, text};
use rusqlite::Connection;

/// Run `sql` on a fresh demo copy, then `check`: exit 1 and `PROBLEM <named>`.
fn tampered(setup: &str, named: impl Fn(&Path) -> String, sql: impl Fn(&Path) -> String) {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let clean = hoidong(&db, &["check"]);
    assert!(clean.status.success(), "{setup}: {}", text(&clean));
    let expected = named(&db);
    let statements = sql(&db);
    let conn = Connection::open(&db).unwrap();
    conn.execute(&statements, [])
        .unwrap_or_else(|e| panic!("{statements}: {e}"));
    let changed: i64 = conn
        .query_row("SELECT total_changes()", [], |r| r.get(0))
        .unwrap();
    assert!(changed > 0, "{setup}: `{statements}` changed nothing");
    drop(conn);
    let out = hoidong(&db, &["check"]);
    let all = text(&out);
    assert!(!out.status.success(), "{setup}: check passed:\n{all}");
    assert!(
        all.contains(&format!("PROBLEM {expected}")),
        "{setup}: expected `PROBLEM {expected}` in\n{all}"
    );
}

#[test]
fn nominee_fields_changed_with_sqlite3_are_named() {
    let id = |db: &Path, filter: &str| -> i64 {
        one(db, &format!("SELECT min(id) FROM nominees WHERE {filter}"))
    };
    tampered(
        "name",
        |db| format!("nominees {}: ", id(db, "1")),
        |db| {
            format!(
                "UPDATE nominees SET name = 'Nguyễn Văn Giả' WHERE id = {}",
                id(db, "1")
            )
        },
    );
    tampered(
        "birth year",
        |db| format!("nominees {}: ", id(db, "birth_year IS NOT NULL")),
        |db| {
            format!(
                "UPDATE nominees SET birth_year = birth_year - 3 WHERE id = {}",
                id(db, "birth_year IS NOT NULL")
            )
        },
    );
    tampered(
        "sex",
        |db| format!("nominees {}: ", id(db, "sex = 'male'")),
        |db| {
            format!(
                "UPDATE nominees SET sex = 'female' WHERE id = {}",
                id(db, "sex = 'male'")
            )
        },
    );
    tampered(
        "kind",
        |db| format!("nominees {}: ", id(db, "kind <> 'resident'")),
        |db| {
            format!(
                "UPDATE nominees SET kind = 'resident' WHERE id = {}",
                id(db, "kind <> 'resident'")
            )
        },
    );
}

#[test]
fn meeting_council_and_rules_changed_with_sqlite3_are_named() {
    let absent = |db: &Path| -> i64 {
        one(
            db,
            "SELECT meeting_id FROM meeting_members WHERE presence = 'absent' LIMIT 1",
        )
    };
    tampered(
        "attendance absent → present",
        |db| format!("meeting_members {}/*: ", absent(db)),
        |db| {
            let member: i64 = one(
                db,
                "SELECT member_id FROM meeting_members WHERE presence = 'absent' LIMIT 1",
            );
            format!(
                "UPDATE meeting_members SET presence = 'present', reason = '' WHERE meeting_id = {} AND member_id = {member}",
                absent(db)
            )
        },
    );
    tampered(
        "council member's name",
        |_| "members 1: ".into(),
        |_| "UPDATE members SET name = 'Người Khác' WHERE id = 1".into(),
    );
    tampered(
        "meeting's time",
        |_| "meetings 1: ".into(),
        |_| "UPDATE meetings SET starts_at = '2026-01-01T07:00:00' WHERE id = 1".into(),
    );
    tampered(
        "vote rule 1/2 → 1/3",
        |db| {
            let id: i64 = one(
                db,
                "SELECT id FROM vote_rules WHERE award = '*' AND level = 'ward'",
            );
            format!("vote_rules {id}: ")
        },
        |_| {
            "UPDATE vote_rules SET rule = replace(rule, '{\"num\":1,\"den\":2}', '{\"num\":1,\"den\":3}')
             WHERE award = '*' AND level = 'ward'"
                .into()
        },
    );
}

#[test]
fn awards_decisions_and_nominations_changed_with_sqlite3_are_named() {
    tampered(
        "decision number in the award register",
        |db| {
            format!(
                "award_register {}: ",
                one::<i64>(db, "SELECT min(id) FROM award_register")
            )
        },
        |db| {
            format!(
                "UPDATE award_register SET decision_number = '999/QĐ-GIẢ' WHERE id = {}",
                one::<i64>(db, "SELECT min(id) FROM award_register")
            )
        },
    );
    tampered(
        "fake award inserted",
        |db| {
            format!(
                "award_register {}: ",
                one::<i64>(db, "SELECT max(id) + 1 FROM award_register")
            )
        },
        |_| {
            "INSERT INTO award_register (nominee_id, award_code, year, decision_number, authority, source)
             SELECT nominee_id, award_code, 2020, '12/QĐ-UBND', 'UBND tỉnh', 'earlier' FROM award_register LIMIT 1"
                .into()
        },
    );
    tampered(
        "decision signer",
        |db| {
            format!(
                "decisions {}: ",
                one::<i64>(db, "SELECT min(id) FROM decisions")
            )
        },
        |db| {
            format!(
                "UPDATE decisions SET signer = 'Người Ký Giả' WHERE id = {}",
                one::<i64>(db, "SELECT min(id) FROM decisions")
            )
        },
    );
    tampered(
        "nomination inserted as passed",
        |db| {
            format!(
                "nominations {}: ",
                one::<i64>(db, "SELECT max(id) + 1 FROM nominations")
            )
        },
        |_| {
            "INSERT INTO nominations (nominee_id, movement_id, round, round_year, award_code, proposing_unit,
                 summary, status, nominee_kind, name_sort, award_rank, award_level, search_fold, created_at, updated_at)
             SELECT nominee_id, movement_id, round, round_year, award_code, proposing_unit, summary, 'passed',
                 nominee_kind, name_sort, award_rank, award_level, search_fold, created_at, updated_at
             FROM nominations WHERE id = 1"
                .into()
        },
    );
    tampered(
        "a row deleted",
        |db| {
            format!(
                "evidence {}: ",
                one::<i64>(db, "SELECT max(id) FROM evidence")
            )
        },
        |db| {
            format!(
                "DELETE FROM evidence WHERE id = {}",
                one::<i64>(db, "SELECT max(id) FROM evidence")
            )
        },
    );
}

#[test]
fn the_last_audit_entries_deleted_are_noticed() {
    tampered(
        "last three audit entries deleted",
        |db| {
            format!(
                "audit_log {}: ",
                one::<i64>(db, "SELECT max(id) - 3 FROM audit_log")
            )
        },
        |_| "DELETE FROM audit_log WHERE id > (SELECT max(id) - 3 FROM audit_log)".into(),
    );
}

/// A database made before row proofs: opened by this version, it gets a
/// baseline; check is clean, then sees a later edit.
#[test]
fn an_older_database_gets_a_baseline_without_false_alarms() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    // Back to schema 3 as it was: no head, no row proofs in the log.
    let conn = Connection::open(&db).unwrap();
    undo_schema_8(&conn);
    conn.execute_batch(
        "DROP TABLE audit_head;
         DELETE FROM audit_log WHERE action IN ('rows', 'baseline');
         ALTER TABLE ballot_rounds DROP COLUMN revote_reason;
         ALTER TABLE meetings DROP COLUMN held_start;
         ALTER TABLE meetings DROP COLUMN held_end;
         ALTER TABLE meetings DROP COLUMN held_place;
         ALTER TABLE criteria_groups DROP COLUMN kinds;
         PRAGMA user_version = 3;",
    )
    .unwrap();
    // Tables added after version 7 go too (the demo made them empty).
    conn.execute_batch("DROP TABLE decision_batch_items; DROP TABLE decision_batches;")
        .unwrap();
    undo_schema_7(&conn);
    rechain(&conn);
    drop(conn);
    let old = hoidong(&db, &["check"]);
    assert!(old.status.success(), "{}", text(&old));
    // Any command that opens the database upgrades it.
    let listed = hoidong(&db, &["meetings"]);
    assert!(listed.status.success(), "{}", text(&listed));
    assert_eq!(
        one::<i64>(&db, "PRAGMA user_version"),
        hoidong::store::SCHEMA_VERSION
    );
    // The seed's groups learn whom they score.
    assert_eq!(
        one::<String>(&db, "SELECT kinds FROM criteria_groups WHERE code = '1.3'"),
        r#"["enterprise","household"]"#
    );
    assert!(
        one::<i64>(
            &db,
            "SELECT count(*) FROM audit_log WHERE action = 'baseline'"
        ) > 0
    );
    let upgraded = hoidong(&db, &["check"]);
    assert!(upgraded.status.success(), "{}", text(&upgraded));
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE nominees SET name = 'Tên Khác' WHERE id = 3", [])
        .unwrap();
    let out = hoidong(&db, &["check"]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("PROBLEM nominees 3: "),
        "{}",
        text(&out)
    );
}

/// The shape of councils and members before version 5: the identity in the
/// council's row, no ward table, no terms, units or replacements.
/// Schema 8 added the search index and the triggers that keep it.
fn undo_schema_8(conn: &Connection) {
    conn.execute_batch(
        "DROP TRIGGER nomination_search_insert;
         DROP TRIGGER nomination_search_delete;
         DROP TRIGGER nomination_search_update;
         DROP TABLE nomination_search;",
    )
    .unwrap();
}

fn undo_schema_7(conn: &Connection) {
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         BEGIN;
         ALTER TABLE councils ADD COLUMN issuing_body TEXT NOT NULL DEFAULT '';
         ALTER TABLE councils ADD COLUMN place_name TEXT NOT NULL DEFAULT '';
         UPDATE councils SET
             issuing_body = (SELECT governing_body FROM ward_identity),
             place_name = (SELECT place_name FROM ward_identity);
         DROP TABLE ward_identity;
         CREATE TABLE councils_v4 (
             id                INTEGER PRIMARY KEY,
             name              TEXT NOT NULL,
             level             TEXT NOT NULL REFERENCES levels(code),
             founding_decision TEXT NOT NULL DEFAULT '',
             issuing_body      TEXT NOT NULL DEFAULT '',
             place_name        TEXT NOT NULL DEFAULT ''
         ) STRICT;
         INSERT INTO councils_v4 SELECT id, name, level, founding_decision, issuing_body, place_name FROM councils;
         DROP TABLE councils;
         ALTER TABLE councils_v4 RENAME TO councils;
         CREATE TABLE members_v4 (
             id         INTEGER PRIMARY KEY,
             council_id INTEGER NOT NULL REFERENCES councils(id),
             name       TEXT NOT NULL,
             name_sort  BLOB NOT NULL,
             role       TEXT NOT NULL,
             position   TEXT NOT NULL DEFAULT '',
             sex        TEXT,
             term_start TEXT NOT NULL,
             term_end   TEXT
         ) STRICT;
         INSERT INTO members_v4 SELECT id, council_id, name, name_sort, role, position, sex, term_start, term_end FROM members;
         DROP TABLE members;
         ALTER TABLE members_v4 RENAME TO members;
         COMMIT;
         PRAGMA foreign_keys = ON;",
    )
    .unwrap();
}
