//! Damage met by a read, not by a write or `check`, still stops the next
//! write. One test in its own process: SQLite takes its error log only before
//! the process opens its first database.

use std::path::Path;
use std::process::Command;

use hoidong::store::{Store, StoreError, corruption_log, damage};

mod damage_page;
use damage_page::damage_an_old_audit_page;

fn demo(path: &Path) {
    let status = Command::new(assert_cmd::cargo::cargo_bin("hoidong"))
        .arg("demo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_read_that_meets_a_damaged_page_stops_the_next_write() {
    corruption_log::install();
    assert!(corruption_log::installed(), "installed before any database");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    demo(&db);
    damage_an_old_audit_page(&db);

    let mut store = Store::open(&db).unwrap();
    // A write before anything met the damage goes through: no check is made
    // while SQLite has reported nothing.
    store.set_setting("read_damage.before", "1").unwrap();
    assert!(store.known_damage().is_none());

    // The audit screen reads every entry, oldest page included.
    let (_, total) = store.audit_page(&[], 0, 1).unwrap();
    let read = store.audit_page(&[], total.saturating_sub(1), 1);
    assert!(read.is_err(), "the oldest entries lie on the damaged page");
    assert!(corruption_log::reports() > 0);

    let refused = store.set_setting("read_damage.after", "1");
    assert!(
        matches!(refused, Err(StoreError::Damaged { .. })),
        "{refused:?}"
    );
    assert!(damage::read_mark(&db).is_some(), "marked beside the file");

    // Another process sees the mark and refuses too.
    let out = Command::new(assert_cmd::cargo::cargo_bin("hoidong"))
        .args(["--lang", "en", "--db"])
        .arg(&db)
        .args(["meeting", "note", "1", "a note"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("damaged"), "{err}");
}
