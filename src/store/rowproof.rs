//! Row proofs: the audit log vouches for every row of every table of the
//! record, whichever code path wrote it.
//!
//! Each writable connection gets temporary triggers (they live in the
//! connection only, so a `sqlite3` shell never has them) that note which
//! records a transaction touched. Just before the transaction commits,
//! `flush` computes a digest of each touched record as it now is and appends
//! it to the audit log (action `rows`), in the same transaction. `hoidong
//! check` recomputes the digests of every row and compares them with the last
//! digest the log holds: an insert, update or delete made outside hoidong
//! shows as a digest that differs, a record the log never saw, or a record the
//! log still has that is gone.
//!
//! A record is a row of a table with a one-column key (named by that key), or,
//! for a table with a composite key, every row sharing the first key column
//! (the scores of one nomination, the attendance of one meeting): that keeps
//! bulk writes (the synthetic generator, imports) to one digest per parent
//! instead of one per row. The digest is SHA-256 over the table name and every
//! column of every row of the record in key order, cut to 128 bits.
//!
//! A database that existed before row proofs gets a `baseline`: the digest of
//! every record at the moment of the upgrade. Rows written before it are
//! vouched for as they were then.

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};

use super::{Result, Tx};

/// Action of an audit entry holding the digests written by one transaction.
pub const ROWS: &str = "rows";
/// Action of an audit entry holding the digests taken at an upgrade.
pub const BASELINE: &str = "baseline";

/// Tables that are the log itself, not the record it proves.
const NOT_RECORD: &[&str] = &["audit_log", "audit_head"];

/// Records per audit entry: keeps a bulk write's entries a readable size.
const CHUNK: usize = 2000;

/// A table of the record, as the digests see it.
#[derive(Debug, Clone)]
pub struct Shape {
    pub name: String,
    /// Key columns in key order; `rowid` for a table without a declared key.
    pub key: Vec<String>,
}

impl Shape {
    /// The column that names a record (the first key column).
    pub fn record_column(&self) -> &str {
        self.key.first().map_or("rowid", String::as_str)
    }

    /// True when a record is one row.
    pub fn one_row_per_record(&self) -> bool {
        self.key.len() <= 1
    }

    fn order_by(&self) -> String {
        self.key
            .iter()
            .map(|k| quote(k))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Every table of the record in the database, by name.
pub fn record_tables(conn: &Connection) -> Result<Vec<Shape>> {
    let mut stmt = conn.prepare(
        // Plain tables only: a full-text index and its shadow tables are
        // derived from the record, not part of it.
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
           AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for name in names {
        if NOT_RECORD.contains(&name.as_str()) {
            continue;
        }
        out.push(shape(conn, &name)?);
    }
    Ok(out)
}

fn shape(conn: &Connection, table: &str) -> Result<Shape> {
    let mut stmt = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) WHERE pk > 0")?;
    let mut key: Vec<(i64, String)> = stmt
        .query_map([table], |r| Ok((r.get(1)?, r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    key.sort();
    let mut key: Vec<String> = key.into_iter().map(|(_, n)| n).collect();
    if key.is_empty() {
        key.push("rowid".into());
    }
    Ok(Shape {
        name: table.to_string(),
        key,
    })
}

/// Give a writable connection the triggers that note touched records.
pub fn install_watch(conn: &Connection) -> Result<()> {
    let mut sql = String::from(
        "CREATE TEMP TABLE IF NOT EXISTS proof_touched (
             tbl TEXT NOT NULL, record, PRIMARY KEY (tbl, record)) WITHOUT ROWID;",
    );
    for s in record_tables(conn)? {
        let col = quote(s.record_column());
        let lit = s.name.replace('\'', "''");
        let note = |row: &str| {
            // A trigger may only name its target unqualified; a temporary
            // trigger finds the temporary table first. An upsert, because an
            // outer statement's `OR …` or upsert would override `OR IGNORE`
            // here; and not `WHERE NOT EXISTS`, which scans in a trigger.
            format!(
                "INSERT INTO proof_touched (tbl, record) VALUES ('{lit}', {row}.{col}) ON CONFLICT DO NOTHING;"
            )
        };
        for (event, body) in [
            ("INSERT", note("NEW")),
            ("UPDATE", format!("{} {}", note("OLD"), note("NEW"))),
            ("DELETE", note("OLD")),
        ] {
            sql.push_str(&format!(
                "CREATE TEMP TRIGGER IF NOT EXISTS {} AFTER {event} ON main.{} BEGIN {body} END;",
                quote(&format!("proof_{}_{}", s.name, event.to_lowercase())),
                quote(&s.name),
            ));
        }
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// Append the digests of every record this transaction touched.
pub(crate) fn flush(w: &Tx<'_>) -> Result<()> {
    let mut stmt =
        w.tx.prepare("SELECT tbl, record FROM temp.proof_touched ORDER BY tbl, record")?;
    let touched: Vec<(String, Value)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    if touched.is_empty() {
        return Ok(());
    }
    let mut by_table: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (table, record) in touched {
        by_table.entry(table).or_default().push(record);
    }
    for (table, records) in by_table {
        let s = shape(&w.tx, &table)?;
        let digests = records
            .into_iter()
            .map(|r| -> Result<(String, Option<String>)> {
                Ok((record_name(&r), digest_of(&w.tx, &s, &r)?))
            })
            .collect::<Result<Vec<_>>>()?;
        write_digests(&w.tx, &w.chain, &w.now, &w.actor, &table, ROWS, digests)?;
    }
    w.tx.execute("DELETE FROM temp.proof_touched", [])?;
    Ok(())
}

/// Append the digest of every record of every table: run by the migration
/// that introduced row proofs (and by any later one that changes what rows
/// hold), in the migration's own transaction.
pub fn baseline(conn: &Connection, at: &str, actor: &str) -> Result<()> {
    baseline_tables(conn, at, actor, None)
}

/// The baseline of some tables only (`None`: all): for a migration that adds
/// columns to them, which changes every digest of their rows.
pub fn baseline_tables(
    conn: &Connection,
    at: &str,
    actor: &str,
    only: Option<&[&str]>,
) -> Result<()> {
    let chain = super::audit::Chain::default();
    for s in record_tables(conn)? {
        if only.is_some_and(|names| !names.contains(&s.name.as_str())) {
            continue;
        }
        let mut digests = Vec::new();
        scan(conn, &s, |record, digest| {
            digests.push((record.to_string(), Some(digest)))
        })?;
        if !digests.is_empty() {
            write_digests(conn, &chain, at, actor, &s.name, BASELINE, digests)?;
        }
    }
    chain.record_head(conn)
}

/// True when the log holds at least one row proof.
pub fn has_proofs(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM audit_log WHERE action IN (?1, ?2))",
        params![ROWS, BASELINE],
        |r| r.get(0),
    )?)
}

fn write_digests(
    conn: &Connection,
    chain: &super::audit::Chain,
    at: &str,
    actor: &str,
    table: &str,
    action: &str,
    digests: Vec<(String, Option<String>)>,
) -> Result<()> {
    for chunk in digests.chunks(CHUNK) {
        // Not a record's own id: the entry is about many, and a record's
        // history (the audit screen) lists what was done to it, not proofs.
        let record_id = format!("{} records", chunk.len());
        let map: serde_json::Map<String, serde_json::Value> = chunk
            .iter()
            .map(|(k, d)| {
                let v = d.clone().map_or(serde_json::Value::Null, Into::into);
                (k.clone(), v)
            })
            .collect();
        let after = serde_json::json!({ "digests": map });
        chain.append(
            conn,
            &super::audit::Change {
                at,
                actor,
                table,
                record_id: &record_id,
                action,
                before: None,
                after: Some(&after),
            },
        )?;
    }
    Ok(())
}

/// The digest of one record as it is now; `None` when it has no row left.
fn digest_of(conn: &Connection, s: &Shape, record: &Value) -> Result<Option<String>> {
    let sql = format!(
        "SELECT * FROM main.{} WHERE {} = ?1 ORDER BY {}",
        quote(&s.name),
        quote(s.record_column()),
        s.order_by()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([record])?;
    let mut digest: Option<Sha256> = None;
    while let Some(row) = rows.next()? {
        let h = digest.get_or_insert_with(|| start(&s.name));
        add_row(h, row)?;
    }
    Ok(digest.map(finish))
}

/// Walk every record of a table in key order, with its digest as it is now.
pub fn scan(conn: &Connection, s: &Shape, mut each: impl FnMut(&str, String)) -> Result<()> {
    let sql = format!(
        "SELECT {}, * FROM main.{} ORDER BY {}",
        quote(s.record_column()),
        quote(&s.name),
        s.order_by()
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut current: Option<(String, Sha256)> = None;
    while let Some(row) = rows.next()? {
        let record = record_name(&row.get::<_, Value>(0)?);
        let same = current.as_ref().is_some_and(|(r, _)| *r == record);
        if !same {
            if let Some((r, h)) = current.take() {
                each(&r, finish(h));
            }
            current = Some((record, start(&s.name)));
        }
        if let Some((_, h)) = current.as_mut() {
            add_row_from(h, row, 1)?;
        }
    }
    if let Some((r, h)) = current {
        each(&r, finish(h));
    }
    Ok(())
}

/// What the log last said about each record: table → record → (digest, entry).
pub type Proven = HashMap<String, HashMap<String, (Option<String>, i64)>>;

/// Replay every row proof of the log, oldest first.
pub fn replay(conn: &Connection) -> Result<Proven> {
    let mut stmt = conn.prepare(
        "SELECT id, table_name, after FROM audit_log WHERE action IN (?1, ?2) ORDER BY id",
    )?;
    let mut rows = stmt.query(params![ROWS, BASELINE])?;
    let mut out: Proven = HashMap::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let table: String = row.get(1)?;
        let after: Option<String> = row.get(2)?;
        let Some(after) = after else { continue };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&after) else {
            continue;
        };
        let Some(map) = json.get("digests").and_then(|d| d.as_object()) else {
            continue;
        };
        let t = out.entry(table).or_default();
        for (record, digest) in map {
            t.insert(record.clone(), (digest.as_str().map(str::to_string), id));
        }
    }
    Ok(out)
}

/// How a record is named: its key value as text.
pub fn record_name(v: &Value) -> String {
    match v {
        Value::Integer(i) => i.to_string(),
        Value::Text(s) => s.clone(),
        Value::Real(r) => r.to_string(),
        Value::Null => String::new(),
        Value::Blob(b) => hex::encode(b),
    }
}

fn start(table: &str) -> Sha256 {
    let mut h = Sha256::new();
    h.update((table.len() as u64).to_be_bytes());
    h.update(table.as_bytes());
    h
}

fn finish(h: Sha256) -> String {
    hex::encode(&h.finalize()[..16])
}

fn add_row(h: &mut Sha256, row: &rusqlite::Row<'_>) -> Result<()> {
    add_row_from(h, row, 0)
}

/// Every column from `first` on, each tagged with its type and length, so
/// that no two different rows feed the same bytes.
fn add_row_from(h: &mut Sha256, row: &rusqlite::Row<'_>, first: usize) -> Result<()> {
    let n = row.as_ref().column_count();
    h.update([0xFF]);
    h.update(((n - first) as u64).to_be_bytes());
    for i in first..n {
        let (tag, bytes): (u8, Vec<u8>) = match row.get_ref(i)? {
            ValueRef::Null => (0, Vec::new()),
            ValueRef::Integer(v) => (1, v.to_be_bytes().to_vec()),
            ValueRef::Real(v) => (2, v.to_bits().to_be_bytes().to_vec()),
            ValueRef::Text(t) => (3, t.to_vec()),
            ValueRef::Blob(b) => (4, b.to_vec()),
        };
        h.update([tag]);
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(&bytes);
    }
    Ok(())
}
