//! Shared by the tampering and anchor tests: a demo database made by the
//! binary, running it, and what a forger with `sqlite3` would do to the log.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};

pub fn hoidong(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .output()
        .unwrap()
}

pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// One demo database made by the binary, with a decision and an earlier
/// award in the register, copied for each test.
pub fn demo_copy(dir: &Path) -> PathBuf {
    static MASTER: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, master) = MASTER.get_or_init(|| {
        let keep = tempfile::tempdir().unwrap();
        let db = keep.path().join("demo.db");
        let out = Command::new(env!("CARGO_BIN_EXE_hoidong"))
            .arg("demo")
            .arg(&db)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
        let passed: i64 = one(
            &db,
            "SELECT min(id) FROM nominations WHERE status = 'passed' AND award_code = 'giay_khen'",
        );
        let decided = hoidong(
            &db,
            &[
                "decide",
                &passed.to_string(),
                "--number",
                "125/QĐ-UBND",
                "--date",
                "2026-11-25",
                "--signer",
                "Trịnh Văn Khải",
            ],
        );
        assert!(decided.status.success(), "{}", text(&decided));
        let earlier = hoidong(
            &db,
            &[
                "earlier-award",
                "1",
                "--award",
                "giay_khen",
                "--year",
                "2022",
                "--number",
                "12/QĐ-UBND",
            ],
        );
        assert!(earlier.status.success(), "{}", text(&earlier));
        (keep, db)
    });
    let db = dir.join("hoidong.db");
    std::fs::copy(master, &db).unwrap();
    db
}

pub fn one<T: rusqlite::types::FromSql>(db: &Path, sql: &str) -> T {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The chain rule, as anyone can read it in the source: SHA-256 over the
/// previous hash and the entry's fields, each prefixed by its length.
pub fn chain_hash(
    prev: &str,
    fields: [&str; 5],
    before: Option<&str>,
    after: Option<&str>,
) -> String {
    let [at, actor, table, record, action] = fields;
    let mut h = Sha256::new();
    for part in [
        prev,
        at,
        actor,
        table,
        record,
        action,
        before.unwrap_or("\u{0}"),
        after.unwrap_or("\u{0}"),
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

type Entry = (i64, [String; 5], Option<String>, Option<String>);

/// Recompute every hash of the log, and its head, as a forger would.
pub fn rechain(conn: &Connection) {
    let entries: Vec<Entry> = conn
        .prepare("SELECT id, at, actor, table_name, record_id, action, before, after FROM audit_log ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut prev = "0".repeat(64);
    for (id, f, before, after) in entries {
        let fields = [&*f[0], &*f[1], &*f[2], &*f[3], &*f[4]];
        let hash = chain_hash(&prev, fields, before.as_deref(), after.as_deref());
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
            params![prev, hash, id],
        )
        .unwrap();
        prev = hash;
    }
    let has_head: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'audit_head')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if has_head {
        conn.execute_batch(
            "UPDATE audit_head SET (last_id, hash) = (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1)",
        )
        .unwrap();
    }
}

pub fn anchor_of(db: &Path) -> String {
    let out = hoidong(db, &["anchor"]);
    assert!(out.status.success(), "{}", text(&out));
    let all = text(&out);
    let line = all
        .lines()
        .find_map(|l| l.strip_prefix("anchor (for paper): "))
        .unwrap_or_else(|| panic!("no anchor line in\n{all}"));
    line.trim().to_string()
}
