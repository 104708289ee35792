//! Safety of the record: tampering seen by `check`, backup and restore, two
//! instances on one file, locked, damaged, foreign, newer, read-only and full
//! databases, and owner-only permissions.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use hoidong::domain::nomination::{Evidence, EvidenceKind};
use hoidong::domain::scoring::Score;
use hoidong::safety::backup::{self, SafetyError};
use hoidong::safety::check;
use hoidong::safety::exercise;
use hoidong::store::{Store, StoreError};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

/// A demo database with a meeting, notes, scores and vote results, closed.
fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("hoidong.db");
    let mut out = Vec::new();
    exercise::run(&db, 1, 60, &mut out).unwrap_or_else(|e| panic!("{e}"));
    db
}

fn file_hash(path: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(path).unwrap()))
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn sql(db: &Path, statements: &str) {
    Connection::open(db)
        .unwrap()
        .execute_batch(statements)
        .unwrap();
}

fn problems(db: &Path) -> Vec<String> {
    check::run(db)
        .unwrap_or_else(|e| panic!("{e}"))
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn first_vote(db: &Path) -> (i64, i64, i64) {
    Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT round_id, nomination_id, agree FROM vote_results ORDER BY nomination_id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

#[test]
fn check_names_rows_changed_with_sqlite3() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    assert_eq!(problems(&db), Vec::<String>::new());
    let (round, nomination, agree) = first_vote(&db);
    sql(
        &db,
        &format!(
            "UPDATE vote_results SET agree = agree + 3 WHERE round_id = {round} AND nomination_id = {nomination};
             UPDATE nominations SET award_code = 'cstd_tq' WHERE id = 2;
             UPDATE nominations SET status = 'decided' WHERE id = 3;
             UPDATE scores SET tenths = tenths + 1 WHERE nomination_id = 4;"
        ),
    );
    let found = problems(&db);
    let has = |prefix: &str, text: &str| {
        found
            .iter()
            .any(|p| p.starts_with(prefix) && p.contains(text))
    };
    assert!(
        has(
            &format!("vote_results {round}/{nomination}: agree is {}", agree + 3),
            &format!("last recorded {agree}")
        ),
        "{found:#?}"
    );
    assert!(
        has(
            "nominations 2: award_code is “cstd_tq”",
            "changed outside hoidong"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            "nominations 3: status is “decided”",
            "changed outside hoidong"
        ),
        "{found:#?}"
    );
    assert!(has("scores 4/", "tenths is"), "{found:#?}");
    // The binary exits non-zero and prints the record.
    let out = Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("--db")
        .arg(&db)
        .arg("check")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!("PROBLEM vote_results {round}/{nomination}")),
        "{stdout}{stderr}"
    );
}

/// Vote results audited the way the meeting screens do: one `ballot_rounds`
/// entry per round holding every nominee's tally and outcome.
#[test]
fn check_reads_vote_results_audited_by_round() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut store = Store::open(&db).unwrap();
    let round = store
        .write(|w| {
            let meeting: i64 = w.raw_transaction_for_tests().query_row("SELECT min(id) FROM meetings", [], |r| r.get(0))?;
            // The demo's meetings already hold rounds: take the next number.
            let round_no: i64 = w.raw_transaction_for_tests().query_row(
                "SELECT coalesce(max(round_no), 0) + 1 FROM ballot_rounds WHERE meeting_id = ?1",
                [meeting],
                |r| r.get(0),
            )?;
            w.raw_transaction_for_tests().execute(
                "INSERT INTO ballot_rounds (meeting_id, round_no, method, issued, returned, valid, invalid, attendance, recorded_at)
                 VALUES (?1, ?3, 'secret_ballot', 11, 11, 11, 0, '{}', ?2)",
                rusqlite::params![meeting, w.now, round_no],
            )?;
            let round = w.raw_transaction_for_tests().last_insert_rowid();
            for (nomination, agree, passed) in [(20, 9, true), (21, 4, false)] {
                w.raw_transaction_for_tests().execute(
                    "INSERT INTO vote_results VALUES (?1, ?2, ?3, ?4, 0, 0, 0, '{}', '{}', ?5)",
                    rusqlite::params![round, nomination, agree, 11 - agree, passed],
                )?;
            }
            let tally = |a: u32| serde_json::json!({"agree": a, "disagree": 11 - a, "abstain": 0, "written_agree": 0, "written_disagree": 0});
            w.audit(
                "ballot_rounds",
                round,
                "insert",
                None,
                Some(&serde_json::json!({
                    "meeting": meeting, "round_no": round_no,
                    "input": {"method": "secret_ballot", "tallies": [[20, tally(9)], [21, tally(4)]]},
                    "outcomes": [[20, {"passed": true}], [21, {"passed": false}]],
                })),
            )?;
            Ok(round)
        })
        .unwrap();
    drop(store);
    assert_eq!(problems(&db), Vec::<String>::new());
    sql(
        &db,
        &format!(
            "UPDATE vote_results SET agree = 8, passed = 1 WHERE round_id = {round} AND nomination_id = 21"
        ),
    );
    let found = problems(&db);
    assert_eq!(
        found,
        vec![
            format!(
                "vote_results {round}/21: agree is 8 but the audit trail last recorded 4 (entry {}): changed outside hoidong",
                found_entry(&db)
            ),
            format!(
                "vote_results {round}/21: passed is 1 but the audit trail last recorded false (entry {}): changed outside hoidong",
                found_entry(&db)
            ),
        ]
    );
}

fn found_entry(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT max(id) FROM audit_log WHERE table_name = 'ballot_rounds' AND action <> 'rows'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn check_sees_deleted_and_inserted_rows_and_a_broken_chain() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let (round, nomination, _) = first_vote(&db);
    sql(
        &db,
        &format!(
            "DELETE FROM vote_results WHERE round_id = {round} AND nomination_id = {nomination};
             INSERT INTO vote_results VALUES ({round}, 40, 9, 0, 0, 0, 0, '{{}}', '{{}}', 1);
             UPDATE audit_log SET actor = 'someone' WHERE id = 10;"
        ),
    );
    let found = problems(&db);
    let has = |text: &str| found.iter().any(|p| p.contains(text));
    assert!(
        has(&format!(
            "vote_results {round}/{nomination}: the row is missing"
        )),
        "{found:#?}"
    );
    assert!(
        has(&format!(
            "vote_results {round}/40: the row has no audit entry"
        )),
        "{found:#?}"
    );
    assert!(
        has("audit_log 10: its content no longer matches its hash"),
        "{found:#?}"
    );
}

#[test]
fn check_verifies_signed_minutes_and_evidence_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = dir.path().join("bien-ban.pdf");
    std::fs::write(&file, b"%PDF-1.7 invented evidence").unwrap();
    let mut store = Store::open(&db).unwrap();
    let content = r#"{"title":"Biên bản họp Hội đồng"}"#;
    let signoff = store
        .write(|w| {
            let meeting: i64 = w.raw_transaction_for_tests().query_row("SELECT min(id) FROM meetings", [], |r| r.get(0))?;
            let hash = check::sha256_hex(content.as_bytes());
            w.raw_transaction_for_tests().execute(
                "INSERT INTO minutes_signoffs (meeting_id, kind, signed_at, content_hash, content) VALUES (?1, 'minutes', ?2, ?3, ?4)",
                rusqlite::params![meeting, w.now, hash, content],
            )?;
            let id = w.raw_transaction_for_tests().last_insert_rowid();
            w.audit("minutes_signoffs", id, "insert", None, Some(&serde_json::json!({"content_hash": hash})))?;
            Ok(id)
        })
        .unwrap();
    let evidence = store
        .add_evidence(&Evidence {
            id: 0,
            nomination_id: 1,
            kind: EvidenceKind::Other,
            title: "Biên bản".into(),
            doc_number: String::new(),
            doc_date: None,
            file_path: Some("bien-ban.pdf".into()),
            sha256: Some(hex::encode(Sha256::digest(std::fs::read(&file).unwrap()))),
            note: String::new(),
        })
        .unwrap();
    drop(store);
    let report = check::run(&db).unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
    assert_eq!(
        (report.signoffs_checked, report.evidence_files_checked),
        (1, 1)
    );

    sql(
        &db,
        "UPDATE minutes_signoffs SET content = replace(content, 'Biên', 'Bản')",
    );
    std::fs::write(&file, b"%PDF-1.7 another file").unwrap();
    let found = problems(&db);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("minutes_signoffs {signoff}: the signed minutes"))),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("evidence {evidence}: file"))
                && p.contains("has changed")),
        "{found:#?}"
    );
    std::fs::remove_file(&file).unwrap();
    let found = problems(&db);
    assert!(found.iter().any(|p| p.starts_with(&format!("evidence {evidence}")) && p.contains("cannot be read")), "{found:#?}");
}

#[test]
fn backup_is_consistent_private_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Another instance is in the middle of a change while the backup runs.
    let other = Store::open(&db).unwrap();
    let open_tx = other.raw_connection_for_tests().execute_batch(
        "BEGIN IMMEDIATE; UPDATE nominations SET summary = 'half-done' WHERE id = 1;",
    );
    open_tx.unwrap();
    let copy = dir.path().join("copy.db");
    let summary = backup::backup(&db, &copy).unwrap_or_else(|e| panic!("{e}"));
    other
        .raw_connection_for_tests()
        .execute_batch("ROLLBACK")
        .unwrap();
    assert!(summary.audit_entries > 0);
    assert_eq!(mode(&copy), 0o600);
    let report = check::run(&copy).unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
    let s: String = Connection::open(&copy)
        .unwrap()
        .query_row("SELECT summary FROM nominations WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_ne!(s, "half-done");
    // A second backup to the same name is refused and the first is kept.
    let before = file_hash(&copy);
    let err = backup::backup(&db, &copy).unwrap_err();
    assert!(matches!(err, SafetyError::TargetExists(_)), "{err}");
    assert!(err.to_string().contains("never overwrites"));
    assert_eq!(file_hash(&copy), before);
}

#[test]
fn restore_checks_the_file_and_keeps_the_current_database_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let copy = dir.path().join("copy.db");
    backup::backup(&db, &copy).unwrap();
    let mut store = Store::open(&db).unwrap();
    store.set_setting("after_backup", "yes").unwrap();

    // Refused while another instance has the database open.
    let err = backup::restore(&db, &copy, false).unwrap_err();
    assert!(matches!(err, SafetyError::InUse { .. }), "{err}");
    drop(store);

    // Bad candidates are refused and the database is not touched.
    let current = file_hash(&db);
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database at all, just text").unwrap();
    let newer = dir.path().join("newer.db");
    std::fs::copy(&copy, &newer).unwrap();
    sql(&newer, "PRAGMA user_version = 99");
    let cut = dir.path().join("cut.db");
    let bytes = std::fs::read(&copy).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    for (bad, says) in [
        (&junk, "not an SQLite file"),
        (&newer, "newer hoidong"),
        (&cut, "damaged"),
    ] {
        let err = backup::restore(&db, bad, false).unwrap_err();
        assert!(err.to_string().contains(says), "{}: {err}", bad.display());
        assert!(err.to_string().contains("current database was not touched"));
        assert_eq!(file_hash(&db), current);
    }

    let summary = backup::restore(&db, &copy, false).unwrap_or_else(|e| panic!("{e}"));
    let aside = summary.kept_aside.unwrap();
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("hoidong.db.before-restore-")
    );
    let restored = Store::open(&db).unwrap();
    assert_eq!(restored.setting("after_backup").unwrap(), None);
    assert_eq!(mode(&db), 0o600);
    let kept = Store::open(&aside).unwrap();
    assert_eq!(
        kept.setting("after_backup").unwrap().as_deref(),
        Some("yes")
    );
    drop((restored, kept));

    // A damaged current database is what a restore is for: it is set aside as it is.
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    let damaged = file_hash(&db);
    let summary = backup::restore(&db, &copy, false).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file_hash(&summary.kept_aside.unwrap()), damaged);
    assert!(check::run(&db).unwrap().is_clean());
}

#[test]
fn second_instance_editing_a_changed_record_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut a = Store::open(&db).unwrap();
    let mut b = Store::open(&db).unwrap();
    let mut seen_by_a = a.nomination(5).unwrap();
    let mut seen_by_b = b.nomination(5).unwrap();
    seen_by_a.summary = "Sửa bởi phiên A".into();
    a.update_nomination(&seen_by_a).unwrap();
    seen_by_b.summary = "Sửa bởi phiên B".into();
    let err = b.update_nomination(&seen_by_b).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "nomination 5 was changed by someone else since you opened it; reload and make your change again"
    );
    // B sees A's change on refresh, and can then edit.
    let mut refreshed = b.nomination(5).unwrap();
    assert_eq!(refreshed.summary, "Sửa bởi phiên A");
    refreshed.summary = "Sửa bởi phiên B".into();
    b.update_nomination(&refreshed).unwrap();
    let mut nominee_a = a.nominee(1).unwrap();
    let mut nominee_b = b.nominee(1).unwrap();
    nominee_a.position = "Tổ trưởng".into();
    a.update_nominee(&nominee_a).unwrap();
    nominee_b.position = "Tổ phó".into();
    assert!(matches!(
        b.update_nominee(&nominee_b),
        Err(StoreError::Conflict { .. })
    ));
    drop((a, b));
    assert_eq!(problems(&db), Vec::<String>::new());
}

#[test]
fn locked_database_waits_then_reports_busy() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut store = Store::open(&db).unwrap();
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let sheet = store.score_sheet(1).unwrap();
    let score = Score {
        member_id: sheet.members[0].id,
        criterion_code: sheet.criteria[0].code.clone(),
        tenths: 10,
    };
    let started = Instant::now();
    let err = store.put_score(1, &score).unwrap_err();
    let waited = started.elapsed();
    assert!(matches!(err, StoreError::Busy), "{err}");
    assert!(err.to_string().contains("busy"));
    assert!(
        waited >= Duration::from_millis(2500) && waited < Duration::from_secs(10),
        "{waited:?}"
    );
    // Reading still works while locked; writing works once released.
    assert!(store.nomination(1).is_ok());
    holder.execute_batch("COMMIT").unwrap();
    store.put_score(1, &score).unwrap();
}

type IsKind = fn(&StoreError) -> bool;

#[test]
fn foreign_damaged_and_newer_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "Danh sách khen thưởng năm 2025\n").unwrap();
    let foreign = dir.path().join("foreign.db");
    sql(
        &foreign,
        "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');",
    );
    let cut = dir.path().join("cut.db");
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let newer = dir.path().join("newer.db");
    std::fs::copy(&db, &newer).unwrap();
    sql(&newer, "PRAGMA user_version = 99");
    let cases: [(&Path, IsKind, &str); 4] = [
        (
            &text,
            |e| matches!(e, StoreError::NotSqlite { .. }),
            "not an SQLite file",
        ),
        (
            &foreign,
            |e| matches!(e, StoreError::NotHoidong { .. }),
            "another program",
        ),
        (&cut, |e| matches!(e, StoreError::Corrupt { .. }), "damaged"),
        (
            &newer,
            |e| matches!(e, StoreError::NewerSchema { .. }),
            "newer hoidong",
        ),
    ];
    for (path, kind, says) in cases {
        let before = file_hash(path);
        let err = match Store::open(path) {
            Ok(_) => panic!("{} opened", path.display()),
            Err(e) => e,
        };
        assert!(kind(&err), "{}: {err:?}", path.display());
        assert!(err.to_string().contains(says), "{err}");
        assert!(err.to_string().contains(&path.display().to_string()));
        assert_eq!(file_hash(path), before, "{} changed", path.display());
    }
    // `check` reports the damage rather than failing to start.
    let found = problems(&cut);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("database file: damaged")),
        "{found:?}"
    );
}

/// Undo `chattr +i` / restore write permission even when the test fails.
struct Writable(PathBuf, bool);
impl Drop for Writable {
    fn drop(&mut self) {
        if self.1 {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        }
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o600));
    }
}

#[test]
fn read_only_file_opens_read_only_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).unwrap();
    // Root ignores permission bits: make the file immutable as well.
    let privileged = std::fs::OpenOptions::new().append(true).open(&db).is_ok();
    let _guard = Writable(db.clone(), privileged);
    if privileged {
        assert!(
            Command::new("chattr")
                .arg("+i")
                .arg(&db)
                .status()
                .unwrap()
                .success()
        );
    }
    let before = file_hash(&db);
    let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    assert!(store.is_read_only());
    assert!(store.nomination(1).is_ok());
    let err = store.set_setting("x", "y").unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly), "{err}");
    assert!(err.to_string().contains("read-only"));
    drop(store);
    assert_eq!(file_hash(&db), before);
}

#[test]
fn disk_full_during_a_write_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = file_hash(&db);
    let mut store = Store::open(&db).unwrap();
    let pages: i64 = store
        .raw_connection_for_tests()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store
        .raw_connection_for_tests()
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    let err = store
        .set_setting("big", &"x".repeat(2_000_000))
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert!(err.to_string().contains("disk is full"));
    assert!(err.to_string().contains("not saved"));
    drop(store);
    assert_eq!(file_hash(&db), before);
    assert_eq!(problems(&db), Vec::<String>::new());
}

/// Unmount the small file system even when the test fails.
struct Mounted(PathBuf);
impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A real full file system: a 3 MB tmpfs (needs root to mount; elsewhere
/// the `max_page_count` test above covers the same path).
#[test]
fn full_file_system_during_a_write_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mnt = dir.path().join("small");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=3m", "tmpfs"])
        .arg(&mnt)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("tmpfs not available (not root): covered by the max_page_count test only");
        return;
    }
    let _guard = Mounted(mnt.clone());
    let small = mnt.join("hoidong.db");
    std::fs::copy(&db, &small).unwrap();
    let before = file_hash(&small);
    let mut store = Store::open(&small).unwrap();
    // Fill the rest of the file system.
    let filler = mnt.join("filler");
    let chunk = vec![0u8; 64 * 1024];
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        while f.write_all(&chunk).is_ok() {}
        let one = [0u8; 1];
        while f.write_all(&one).is_ok() {}
    }
    let err = store
        .set_setting("big", &"x".repeat(1_000_000))
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    drop(store);
    std::fs::remove_file(&filler).unwrap();
    assert_eq!(file_hash(&small), before);
    let store = Store::open(&small).unwrap();
    assert_eq!(store.setting("big").unwrap(), None);
    drop(store);
    assert_eq!(problems(&small), Vec::<String>::new());
}

#[test]
fn database_log_and_backups_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let store = Store::open(&db).unwrap();
    assert_eq!(mode(&db), 0o600);
    let wal = dir.path().join("new.db-wal");
    assert!(wal.exists());
    assert_eq!(mode(&wal), 0o600);
    let copy = dir.path().join("b.db");
    store.backup_to(&copy).unwrap();
    assert_eq!(mode(&copy), 0o600);
    assert!(
        store.backup_to(&copy).is_err(),
        "backup_to overwrote a file"
    );
}

#[test]
fn migration_is_preceded_by_a_private_backup_that_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let make_v1 = |path: &Path| {
        let mut conn = Connection::open(path).unwrap();
        hoidong::store::migrations::migrate_to(&mut conn, 1).unwrap();
    };
    let db = dir.path().join("old.db");
    make_v1(&db);
    Store::open(&db).unwrap();
    let first = dir.path().join("old.schema1.bak");
    assert_eq!(mode(&first), 0o600);
    let v: i64 = Connection::open(&first)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
    // A second old file with the same name: the first backup is kept.
    std::fs::remove_file(&db).unwrap();
    make_v1(&db);
    let kept = file_hash(&first);
    Store::open(&db).unwrap();
    assert_eq!(file_hash(&first), kept);
    assert!(dir.path().join("old.schema1.2.bak").exists());
}
