//! Pages of the nomination list read by key instead of by offset: the rows
//! after (or before) a row already shown, found by seeking the covering
//! index to that row's sort values, so that reading a page costs the same
//! at the top of the list and at its end.
//!
//! "After the anchor" in an order of columns c1, c2, …, id is the union of
//! parts: same c1 and c2 and a later id; same c1 and a later c2; a later c1.
//! Each part is one range of the index; they are read deepest first, which
//! is the list's order, until the page is full.

use rusqlite::{params_from_iter, types::Value};

use super::nomination_list::{index_of, join_page};
use super::{Result, Store, StoreError};
use crate::domain::nomination::{NominationId, NominationQuery, NominationRow, SortKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Asc,
    Desc,
}

/// One column of a list order. SQLite puts NULL first going up, last going down.
#[derive(Debug, Clone, Copy)]
struct Key {
    column: &'static str,
    dir: Dir,
}

const RANK: &str = "n.award_rank";
const NAME: &str = "n.name_sort";
const SCORE: &str = "n.score";
const ID: &str = "n.id";

/// The columns of the query's order, as the list sorts them.
fn keys_of(q: &NominationQuery) -> Vec<Key> {
    let (up, down) = if q.descending {
        (Dir::Desc, Dir::Asc)
    } else {
        (Dir::Asc, Dir::Desc)
    };
    let key = |column, dir| Key { column, dir };
    match q.sort {
        // The highest award first, unless reversed.
        SortKey::AwardLevel => vec![key(RANK, down), key(NAME, up), key(ID, up)],
        SortKey::Name => vec![key(NAME, up), key(ID, up)],
        SortKey::Score => vec![key(SCORE, up), key(NAME, up), key(ID, up)],
    }
}

fn order_sql(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| match k.dir {
            Dir::Asc => k.column.to_string(),
            Dir::Desc => format!("{} DESC", k.column),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn reversed(keys: &[Key]) -> Vec<Key> {
    keys.iter()
        .map(|k| Key {
            column: k.column,
            dir: match k.dir {
                Dir::Asc => Dir::Desc,
                Dir::Desc => Dir::Asc,
            },
        })
        .collect()
}

/// Conditions (with their values) that select the values of `k` coming after
/// `v`, one range each, in the order they come.
fn later_than(k: Key, v: &Value) -> Vec<(String, Vec<Value>)> {
    let c = k.column;
    match (k.dir, v) {
        // Going up, NULL is first: everything not NULL comes after it.
        (Dir::Asc, Value::Null) => vec![(format!("{c} IS NOT NULL"), vec![])],
        (Dir::Asc, v) => vec![(format!("{c} > ?"), vec![v.clone()])],
        // Going down, NULL is last: nothing comes after it.
        (Dir::Desc, Value::Null) => vec![],
        (Dir::Desc, v) if c == SCORE => vec![
            (format!("{c} < ?"), vec![v.clone()]),
            (format!("{c} IS NULL"), vec![]),
        ],
        (Dir::Desc, v) => vec![(format!("{c} < ?"), vec![v.clone()])],
    }
}

/// Which page to read, relative to rows already shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The rows that follow this one.
    After(NominationId),
    /// The rows that precede this one (returned in the list's order).
    Before(NominationId),
    /// The last rows of the list.
    End,
}

impl Store {
    /// Up to `limit` rows of the list next to `anchor`, in the list's order.
    pub fn nominations_by_key(
        &self,
        q: &NominationQuery,
        anchor: Anchor,
        limit: u32,
    ) -> Result<Vec<NominationRow>> {
        let keys = keys_of(q);
        let (keys, anchor_id, backwards) = match anchor {
            Anchor::After(id) => (keys, Some(id), false),
            Anchor::Before(id) => (reversed(&keys), Some(id), true),
            Anchor::End => (reversed(&keys), None, true),
        };
        let mut parts: Vec<(String, Vec<Value>)> = Vec::new();
        match anchor_id {
            None => parts.push(("1".into(), vec![])),
            Some(id) => {
                let values = self.key_values(&keys, id)?;
                // Deepest first: same leading values and a later last one.
                for depth in (0..keys.len()).rev() {
                    let mut same = Vec::new();
                    let mut args = Vec::new();
                    for (k, v) in keys[..depth].iter().zip(&values) {
                        same.push(format!("{} IS ?", k.column));
                        args.push(v.clone());
                    }
                    for (later, later_args) in later_than(keys[depth], &values[depth]) {
                        let mut conds = same.clone();
                        conds.push(later);
                        let mut all = args.clone();
                        all.extend(later_args);
                        parts.push((conds.join(" AND "), all));
                    }
                }
            }
        }
        let filter = self.filter(q)?;
        let index = index_of(q);
        let (from, where_sql, filter_args) = (filter.from(index), &filter.where_sql, filter.args());
        let order = order_sql(&keys);
        let mut ids: Vec<NominationId> = Vec::new();
        for (cond, part_args) in parts {
            let room = u64::from(limit).saturating_sub(ids.len() as u64);
            if room == 0 {
                break;
            }
            let mut args = filter_args.clone();
            args.extend(part_args);
            args.push(Value::Integer(i64::try_from(room).unwrap_or(i64::MAX)));
            let mut stmt = self.conn().prepare_cached(&format!(
                "SELECT n.id FROM {from} {where_sql} AND ({cond}) ORDER BY {order} LIMIT ?"
            ))?;
            let found = stmt
                .query_map(params_from_iter(args.iter()), |r| {
                    r.get::<_, NominationId>(0)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            ids.extend(found);
        }
        if backwards {
            ids.reverse();
        }
        join_page(self, &ids)
    }

    /// The anchor row's values of the order's columns.
    fn key_values(&self, keys: &[Key], id: NominationId) -> Result<Vec<Value>> {
        let columns = keys.iter().map(|k| k.column).collect::<Vec<_>>().join(", ");
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {columns} FROM nominations n WHERE n.id = ?1"
        ))?;
        let mut rows = stmt.query([id])?;
        let row = rows.next()?.ok_or_else(|| StoreError::NotFound {
            what: "nomination",
            id: id.to_string(),
        })?;
        (0..keys.len())
            .map(|i| Ok(row.get::<_, Value>(i)?))
            .collect()
    }
}
