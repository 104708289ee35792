//! Reading what `hoidong exercise` printed, and finding its changes in the database.
#![allow(dead_code)]

use rusqlite::{Connection, OptionalExtension, params};

/// A change as the exerciser prints it: kind, key, value.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: String,
    pub key: String,
    pub value: String,
}

pub fn parse(line: &str) -> Option<(bool, Change)> {
    let mut parts = line.splitn(4, ' ');
    let ack = match parts.next()? {
        "ack" => true,
        "try" => false,
        _ => return None,
    };
    Some((
        ack,
        Change {
            kind: parts.next()?.to_string(),
            key: parts.next()?.to_string(),
            value: parts.next()?.to_string(),
        },
    ))
}

/// The value of a change's record in the database, in the exerciser's format.
pub fn current(conn: &Connection, c: &Change) -> Option<String> {
    let k: Vec<&str> = c.key.split('/').collect();
    let found = match c.kind.as_str() {
        "score" => conn
            .query_row(
                "SELECT tenths FROM scores WHERE nomination_id = ?1 AND member_id = ?2 AND criterion_code = ?3",
                params![k[0], k[1], k[2]],
                |r| r.get::<_, i64>(0).map(|v| v.to_string()),
            )
            .optional(),
        "vote" => conn
            .query_row(
                "SELECT agree, disagree FROM vote_results WHERE round_id = ?1 AND nomination_id = ?2",
                params![k[0], k[1]],
                |r| Ok(format!("{} {}", r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
            )
            .optional(),
        "note" => conn
            .query_row("SELECT text FROM minutes_notes WHERE id = ?1", [k[0]], |r| {
                r.get::<_, String>(0)
            })
            .optional(),
        other => panic!("unknown change kind {other}"),
    };
    found.unwrap()
}

/// The last acknowledged value of every record in the exerciser's output.
pub fn acknowledged(stdout: &str) -> Vec<Change> {
    let mut last: std::collections::BTreeMap<(String, String), Change> = Default::default();
    for line in stdout.lines() {
        if let Some((true, c)) = parse(line) {
            last.insert((c.kind.clone(), c.key.clone()), c);
        }
    }
    last.into_values().collect()
}

/// What another program does to the file: open it, read, close. Both with
/// this build's SQLite and, when it is installed, with the `sqlite3` shell
/// (older SQLite versions delete the log on closing when they believe they
/// are the last user, which is how a lost lock shows).
pub fn open_and_close_as_another_program(db: &std::path::Path) -> u64 {
    let mut opens = 0;
    if let Ok(conn) = Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE) {
        let _ = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        });
        opens += 1;
    }
    let shell = std::process::Command::new("sqlite3")
        .arg(db)
        .arg("SELECT count(*) FROM sqlite_master")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    if shell.is_ok() {
        opens += 1;
    }
    opens
}

/// Whether another program could take the file for itself right now (an
/// exclusive lock, as a program about to delete the log takes): never while
/// a hoidong has it open.
pub fn could_take_alone(db: &std::path::Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
    else {
        return false;
    };
    let _ = conn.busy_timeout(std::time::Duration::ZERO);
    let taken = conn
        .pragma_update(None, "locking_mode", "EXCLUSIVE")
        .and_then(|_| conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;"));
    taken.is_ok()
}
