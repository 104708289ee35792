//! The audit trail: an append-only log, each entry chained to the one before
//! by a SHA-256 hash, so that an edit made outside hoidong is detectable.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Result;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub struct Change<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub table: &'a str,
    pub record_id: &'a str,
    pub action: &'a str,
    pub before: Option<&'a serde_json::Value>,
    pub after: Option<&'a serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub table_name: String,
    pub record_id: String,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of one entry: its predecessor's hash and its own fields, each
/// length-prefixed so that no two different entries hash the same bytes.
fn chained_hash(
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

/// The chain's newest entry as one transaction knows it: read from the log
/// once, then moved by each entry it appends, so that a transaction writing
/// many entries does not look the head up again for every one.
#[derive(Debug, Default)]
pub struct Chain {
    head: std::cell::RefCell<Option<Head>>,
    /// True once an entry was appended and `audit_head` not yet told.
    moved: std::cell::Cell<bool>,
}

impl Chain {
    pub fn append(&self, conn: &Connection, c: &Change<'_>) -> Result<()> {
        let mut known = self.head.borrow_mut();
        let prev = match known.take() {
            Some(h) => h.hash,
            None => head(conn)?.hash,
        };
        let before = c.before.map(|v| v.to_string());
        let after = c.after.map(|v| v.to_string());
        let hash = chained_hash(
            &prev,
            [c.at, c.actor, c.table, c.record_id, c.action],
            before.as_deref(),
            after.as_deref(),
        );
        conn.prepare_cached(
            "INSERT INTO audit_log (at, actor, table_name, record_id, action, before, after, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![c.at, c.actor, c.table, c.record_id, c.action, before, after, prev, hash])?;
        *known = Some(Head {
            entry: conn.last_insert_rowid(),
            hash,
        });
        self.moved.set(true);
        Ok(())
    }

    /// Move the recorded head to the newest entry, in the same transaction
    /// as the entries: entries cut from the end leave the head pointing past
    /// the last one. Called once before the transaction commits.
    pub fn record_head(&self, conn: &Connection) -> Result<()> {
        if !self.moved.get() {
            return Ok(());
        }
        if let Some(h) = self.head.borrow().as_ref() {
            conn.prepare_cached(
                "INSERT INTO audit_head (id, last_id, hash) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash",
            )?
            .execute(params![h.entry, h.hash])?;
        }
        self.moved.set(false);
        Ok(())
    }
}

/// The newest entry of the chain: its number and hash (entry 0 and the
/// genesis hash when the log is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub entry: i64,
    pub hash: String,
}

/// How many hex digits of the hash the short form keeps (64 bits).
pub const SHORT_DIGITS: usize = 16;

impl Head {
    /// `N:xxxx-xxxx-xxxx-xxxx`: short enough to copy on paper and read aloud.
    pub fn short(&self) -> String {
        let digits: Vec<char> = self.hash.chars().take(SHORT_DIGITS).collect();
        let groups: Vec<String> = digits.chunks(4).map(|g| g.iter().collect()).collect();
        format!("{}:{}", self.entry, groups.join("-"))
    }
}

/// The current head, read from the log itself.
pub fn head(conn: &Connection) -> Result<Head> {
    Ok(conn
        .query_row(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok(Head {
                    entry: r.get(0)?,
                    hash: r.get(1)?,
                })
            },
        )
        .optional()?
        .unwrap_or_else(|| Head {
            entry: 0,
            hash: GENESIS.to_string(),
        }))
}

/// The head as recorded beside the log (schema 4 on), if there is one.
pub fn recorded_head(conn: &Connection) -> Result<Option<Head>> {
    Ok(conn
        .query_row(
            "SELECT last_id, hash FROM audit_head WHERE id = 1",
            [],
            |r| {
                Ok(Head {
                    entry: r.get(0)?,
                    hash: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// The stored hash of entry `id`, if the log has it.
pub fn entry_hash(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT hash FROM audit_log WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

/// An anchor read back from paper: an entry number and the start (at least
/// the short form) or the whole of its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub entry: i64,
    /// Lowercase hex, 16 to 64 digits.
    pub hash_start: String,
}

impl Anchor {
    /// Read `N:HASH`; spaces, dashes and case in the hash are ignored, so the
    /// short form is accepted as printed.
    pub fn parse(text: &str) -> Option<Anchor> {
        let (n, h) = text.trim().split_once(':')?;
        let entry: i64 = n.trim().parse().ok().filter(|n| *n >= 0)?;
        let hash_start: String = h
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_ascii_lowercase();
        let ok = (SHORT_DIGITS..=64).contains(&hash_start.len())
            && hash_start.chars().all(|c| c.is_ascii_hexdigit());
        ok.then_some(Anchor { entry, hash_start })
    }

    /// True when `hash` is the hash this anchor names.
    pub fn matches(&self, hash: &str) -> bool {
        hash.to_ascii_lowercase().starts_with(&self.hash_start)
    }
}

/// A break in the chain: the entry whose stored hash does not match its content
/// or its predecessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub entry_id: i64,
    pub table_name: String,
    pub record_id: String,
    pub reason: String,
}

/// Walk the whole log and report every entry that does not verify.
pub fn verify_chain(conn: &Connection) -> Result<Vec<ChainBreak>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, table_name, record_id, action, before, after, prev_hash, hash
         FROM audit_log ORDER BY id",
    )?;
    let rows = stmt.query_map([], row_to_entry)?;
    let mut prev = GENESIS.to_string();
    let mut breaks = Vec::new();
    for row in rows {
        let e = row?;
        let expected = chained_hash(
            &e.prev_hash,
            [&e.at, &e.actor, &e.table_name, &e.record_id, &e.action],
            e.before.as_deref(),
            e.after.as_deref(),
        );
        if e.prev_hash != prev {
            breaks.push(ChainBreak {
                entry_id: e.id,
                table_name: e.table_name.clone(),
                record_id: e.record_id.clone(),
                reason: "does not follow the entry before it (an entry was removed or inserted)"
                    .into(),
            });
        } else if expected != e.hash {
            breaks.push(ChainBreak {
                entry_id: e.id,
                table_name: e.table_name.clone(),
                record_id: e.record_id.clone(),
                reason: "its content no longer matches its hash (edited outside hoidong)".into(),
            });
        }
        prev = e.hash;
    }
    Ok(breaks)
}

pub(crate) fn row_to_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        table_name: r.get(3)?,
        record_id: r.get(4)?,
        action: r.get(5)?,
        before: r.get(6)?,
        after: r.get(7)?,
        prev_hash: r.get(8)?,
        hash: r.get(9)?,
    })
}

/// Entries about one record (or all when `table` is None), newest first.
pub fn entries(
    conn: &Connection,
    table: Option<&str>,
    record_id: Option<&str>,
    limit: u32,
) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, table_name, record_id, action, before, after, prev_hash, hash
         FROM audit_log
         WHERE (?1 IS NULL OR table_name = ?1) AND (?2 IS NULL OR record_id = ?2)
         ORDER BY id DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![table, record_id, limit], row_to_entry)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::audit_views::AuditRecord;
    use serde_json::json;

    #[test]
    fn anchors_are_printed_short_and_read_back_as_spoken() {
        let head = Head {
            entry: 812,
            hash: "9f3a61c0d2e47b18aa00000000000000000000000000000000000000000000ff".into(),
        };
        assert_eq!(head.short(), "812:9f3a-61c0-d2e4-7b18");
        for text in [
            "812:9f3a-61c0-d2e4-7b18",
            " 812 : 9F3A 61C0 D2E4 7B18 ",
            "812:9f3a61c0d2e47b18aa",
        ] {
            let a = Anchor::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(a.entry, 812);
            assert!(a.matches(&head.hash), "{text}");
        }
        assert!(!Anchor::parse("812:9f3a-61c0-d2e4-7b19").is_some_and(|a| a.matches(&head.hash)));
        for bad in [
            "812",
            "812:9f3a",
            "x:9f3a61c0d2e47b18",
            "-1:9f3a61c0d2e47b18",
            "812:9f3g61c0d2e47b18",
        ] {
            assert_eq!(Anchor::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_family_of_records_is_read_a_page_at_a_time() {
        let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        store
            .write(|w| {
                for (record, tenths) in [("12/3/1.1", 70), ("12/4/1.1", 80), ("120/3/1.1", 90)] {
                    w.audit(
                        "scores",
                        record,
                        "put",
                        None,
                        Some(&json!({ "tenths": tenths })),
                    )?;
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let scores_of_12 = [AuditRecord {
            table: "scores".into(),
            id: "12/".into(),
            prefix: true,
        }];
        let (rows, total) = store
            .audit_page(&scores_of_12, 0, 10)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(total, 2, "120/… is not a score of nomination 12");
        let ids: Vec<&str> = rows.iter().map(|e| e.record_id.as_str()).collect();
        assert_eq!(ids, ["12/4/1.1", "12/3/1.1"]);
        let (page, _) = store
            .audit_page(&scores_of_12, 1, 1)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(page[0].record_id, "12/3/1.1");
        assert!(
            verify_chain(store.conn())
                .unwrap_or_else(|e| panic!("{e}"))
                .is_empty()
        );
    }
}
