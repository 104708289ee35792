//! Damage made on purpose: one page of a database file made unreadable.

use std::path::Path;

use rusqlite::Connection;

/// Make a leaf page of the audit log unreadable (its page type byte), one
/// that appending new entries does not touch.
pub fn damage_an_old_audit_page(db: &Path) {
    let (root, page_size): (u32, usize) = {
        let conn = Connection::open(db).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        (
            conn.query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'",
                [],
                |r| r.get(0),
            )
            .unwrap(),
            conn.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0))
                .unwrap() as usize,
        )
    };
    let mut bytes = std::fs::read(db).unwrap();
    let page = |n: u32| (n as usize - 1) * page_size;
    let at = page(root);
    assert_eq!(
        bytes[at], 0x05,
        "the audit log's root is not an interior page"
    );
    // The first cell of the root points at the leftmost (oldest) child.
    let cell = u16::from_be_bytes([bytes[at + 12], bytes[at + 13]]) as usize;
    let child = u32::from_be_bytes(bytes[at + cell..at + cell + 4].try_into().unwrap());
    bytes[page(child)] = 0x00;
    std::fs::write(db, bytes).unwrap();
}
