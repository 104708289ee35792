//! The nomination list, read at any size: every statement here has a fixed
//! number of parameters whatever the number of rows, pages come off covering
//! indexes, and whole lists are streamed row by row in the list's order.

use rusqlite::{Row, params, params_from_iter, types::Value};

use super::stored_code::decode;
use super::{Result, Store, StoreError};
use crate::domain::movement::Round;
use crate::domain::nomination::{
    NominationId, NominationQuery, NominationRow, NominationStatus, SortKey,
};
use crate::domain::nominee::NomineeKind;
use crate::domain::text::fold;

/// The columns [`row_from`] reads, with `n` the nomination, `e` its nominee, `a` its award.
const ROW_COLS: &str = "n.id, e.name, e.kind, e.unit, n.award_code, a.short_name, a.rank, n.round, n.score, n.evidence_count, n.status, e.id";

fn row_from(r: &Row<'_>) -> rusqlite::Result<NominationRow> {
    let kind: String = r.get(2)?;
    let round: String = r.get(7)?;
    let status: String = r.get(10)?;
    let id: NominationId = r.get(0)?;
    let nominee: i64 = r.get(11)?;
    Ok(NominationRow {
        id,
        nominee_name: r.get(1)?,
        nominee_kind: decode(NomineeKind::from_code, &kind, "nominees", nominee, "kind")?,
        unit: r.get(3)?,
        award_code: r.get(4)?,
        award_short: r.get(5)?,
        award_rank: r.get(6)?,
        round: decode(Round::parse, &round, "nominations", id, "round")?,
        score: r.get(8)?,
        evidence_count: r.get(9)?,
        status: decode(
            NominationStatus::from_code,
            &status,
            "nominations",
            id,
            "status",
        )?,
    })
}

/// The covering index that serves the query's order.
pub(super) fn index_of(q: &NominationQuery) -> &'static str {
    order_of(q).0
}

/// The rows of these ids, in this order: the ids go in as one JSON array
/// parameter, whose keys keep their order.
pub(super) fn join_page(store: &Store, ids: &[NominationId]) -> Result<Vec<NominationRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let page = serde_json::to_string(ids).map_err(|e| super::unencodable("ids", e))?;
    let rows = store
        .conn()
        .prepare_cached(&format!(
            "SELECT {ROW_COLS} FROM json_each(?1) j
             CROSS JOIN nominations n ON n.id = j.value
             JOIN awards a ON a.code = n.award_code JOIN nominees e ON e.id = n.nominee_id
             ORDER BY j.key"
        ))?
        .query_map([page], row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The covering index that serves the query's order, and that order.
fn order_of(q: &NominationQuery) -> (&'static str, &'static str) {
    match (q.sort, q.descending) {
        (SortKey::AwardLevel, false) => (
            "nominations_by_level",
            "n.award_rank DESC, n.name_sort, n.id",
        ),
        (SortKey::AwardLevel, true) => (
            "nominations_by_level",
            "n.award_rank, n.name_sort DESC, n.id DESC",
        ),
        (SortKey::Name, false) => ("nominations_by_name", "n.name_sort, n.id"),
        (SortKey::Name, true) => ("nominations_by_name", "n.name_sort DESC, n.id DESC"),
        // Unscored rows (NULL) come last when the best come first.
        (SortKey::Score, true) => (
            "nominations_by_score",
            "n.score DESC, n.name_sort DESC, n.id DESC",
        ),
        (SortKey::Score, false) => ("nominations_by_score", "n.score, n.name_sort, n.id"),
    }
}

impl Store {
    /// Settings for a connection that reads the list again and again: a
    /// larger page cache (32 MiB) and the file mapped into memory (up to
    /// 256 MiB), so that pages already read are not copied in from the
    /// operating system on every count. Memory only; nothing is written.
    pub fn tune_for_list_reading(&self) -> Result<()> {
        self.conn().pragma_update(None, "cache_size", -32768)?;
        self.conn().pragma_update(None, "mmap_size", 268_435_456)?;
        Ok(())
    }

    /// One page of the dashboard list and the total number of matching rows.
    pub fn list_nominations(
        &self,
        q: &NominationQuery,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<NominationRow>, u32)> {
        let total = self.count_nominations(q)?;
        Ok((self.nomination_page(q, offset, limit)?, total))
    }

    /// One page of the dashboard list, without counting the rows.
    /// Filtering, ordering and paging run on covering indexes of the
    /// nominations table alone; only the rows of the page are then joined.
    pub fn nomination_page(
        &self,
        q: &NominationQuery,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<NominationRow>> {
        let filter = self.filter(q)?;
        let (index, order) = order_of(q);
        let (from, where_sql) = (filter.from(index), &filter.where_sql);
        let mut args = filter.args();
        args.push(Value::Integer(limit.into()));
        args.push(Value::Integer(offset.into()));
        let ids: Vec<NominationId> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT n.id FROM {from} {where_sql} ORDER BY {order} LIMIT ? OFFSET ?"
            ))?
            .query_map(params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        join_page(self, &ids)
    }

    /// How many nominations the query selects.
    pub fn count_nominations(&self, q: &NominationQuery) -> Result<u32> {
        let filter = self.filter(q)?;
        let (from, where_sql, args) = (
            filter.from("nominations_count"),
            &filter.where_sql,
            filter.args(),
        );
        Ok(self
            .conn()
            .prepare_cached(&format!("SELECT count(*) FROM {from} {where_sql}"))?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?)
    }

    /// Every nomination the query selects, in its order, handed to `each`
    /// one at a time as it is read: memory stays the same at any size.
    /// Stops at the first error `each` returns.
    pub fn for_each_nomination<E: From<StoreError>>(
        &self,
        q: &NominationQuery,
        mut each: impl FnMut(NominationRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let filter = self.filter(q)?;
        let (index, order) = order_of(q);
        let (from, where_sql, args) = (filter.from(index), &filter.where_sql, filter.args());
        // CROSS JOIN keeps the nominations' index as the outer loop, so rows
        // come out in the index's order with no sort of the whole list.
        let mut stmt = self
            .conn()
            .prepare(&format!(
                "SELECT {ROW_COLS} FROM {from}
                 CROSS JOIN awards a ON a.code = n.award_code CROSS JOIN nominees e ON e.id = n.nominee_id
                 {where_sql} ORDER BY {order}"
            ))
            .map_err(StoreError::from)?;
        let mut rows = stmt
            .query(params_from_iter(args.iter()))
            .map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            each(row_from(row).map_err(StoreError::from)?)?;
        }
        Ok(())
    }

    /// The ids of every nomination the query selects, in its order.
    pub fn nomination_ids(&self, q: &NominationQuery) -> Result<Vec<NominationId>> {
        let filter = self.filter(q)?;
        let (index, order) = order_of(q);
        let (from, where_sql, args) = (filter.from(index), &filter.where_sql, filter.args());
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT n.id FROM {from} {where_sql} ORDER BY {order}"
            ))?
            .query_map(params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Position of a nomination in the list for `q`, to keep the selection
    /// after a change: the ids are walked on the covering index, none kept.
    pub fn position_in_list(&self, q: &NominationQuery, id: NominationId) -> Result<Option<u32>> {
        let filter = self.filter(q)?;
        let (index, order) = order_of(q);
        let (from, where_sql, args) = (filter.from(index), &filter.where_sql, filter.args());
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT n.id FROM {from} {where_sql} ORDER BY {order}"
        ))?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        let mut at: u32 = 0;
        while let Some(row) = rows.next()? {
            if row.get::<_, NominationId>(0)? == id {
                return Ok(Some(at));
            }
            at = at.saturating_add(1);
        }
        Ok(None)
    }
}

/// The filter of `q`: its parameters are bounded by the number of statuses
/// and of words typed, never by the number of rows.
pub(super) fn where_clause(q: &NominationQuery) -> (String, Vec<Value>) {
    let mut parts: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let statuses: Vec<NominationStatus> = if q.statuses.is_empty() {
        NominationStatus::ALL
            .into_iter()
            .filter(|s| s.is_pending())
            .collect()
    } else {
        let mut chosen = q.statuses.clone();
        chosen.sort();
        chosen.dedup();
        chosen
    };
    // Every status chosen: no condition, so that a row whose status no
    // version writes is read (and reported) rather than left out unseen.
    if statuses.len() < NominationStatus::ALL.len() {
        let marks = vec!["?"; statuses.len()].join(", ");
        parts.push(format!("n.status IN ({marks})"));
        args.extend(statuses.iter().map(|s| Value::Text(s.code().to_string())));
    }
    if let Some(kind) = q.kind {
        parts.push("n.nominee_kind = ?".into());
        args.push(Value::Text(kind.code().to_string()));
    }
    if let Some(level) = &q.award_level {
        parts.push("n.award_level = ?".into());
        args.push(Value::Text(level.clone()));
    }
    let folded = fold(&q.text);
    for word in folded.split_whitespace() {
        parts.push("n.search_fold LIKE ? ESCAPE '\\'".into());
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        args.push(Value::Text(format!("%{escaped}%")));
    }
    if parts.is_empty() {
        // Callers add their own conditions after it.
        parts.push("1".into());
    }
    (format!("WHERE {}", parts.join(" AND ")), args)
}

/// At most this many rows named by the search index are read as the list's
/// rows; a search matching more walks the order's index instead, where its
/// first page is near the start.
const NARROW_AT_MOST: usize = 4000;

/// A query's filter, and where its rows are read from.
pub(super) struct Filter {
    /// The few rows the search index named, as a JSON array, or `None` to
    /// walk an index of the nominations table.
    ids: Option<String>,
    pub(super) where_sql: String,
    args: Vec<Value>,
}

impl Filter {
    /// The FROM clause: the named rows, or the order's covering index.
    pub(super) fn from(&self, index: &str) -> String {
        match self.ids {
            Some(_) => "json_each(?) j CROSS JOIN nominations n ON n.id = j.value".into(),
            None => format!("nominations n INDEXED BY {index}"),
        }
    }

    /// The parameters, in the order of the FROM and WHERE clauses.
    pub(super) fn args(&self) -> Vec<Value> {
        let mut all = Vec::with_capacity(self.args.len() + 1);
        if let Some(ids) = &self.ids {
            all.push(Value::Text(ids.clone()));
        }
        all.extend(self.args.iter().cloned());
        all
    }
}

impl Store {
    /// The filter of `q`; a search for words of three letters or more asks
    /// the trigram index first, and when it names few rows only those are read.
    pub(super) fn filter(&self, q: &NominationQuery) -> Result<Filter> {
        let (where_sql, args) = where_clause(q);
        let ids = match trigram_query(&fold(&q.text)) {
            None => None,
            Some(phrase) => {
                let found: Vec<i64> = self
                    .conn()
                    .prepare_cached(
                        "SELECT rowid FROM nomination_search WHERE nomination_search MATCH ?1 LIMIT ?2",
                    )?
                    .query_map(
                        params![phrase, i64::try_from(NARROW_AT_MOST + 1).unwrap_or(i64::MAX)],
                        |r| r.get(0),
                    )?
                    .collect::<rusqlite::Result<_>>()?;
                (found.len() <= NARROW_AT_MOST).then(|| {
                    let list: Vec<String> = found.iter().map(i64::to_string).collect();
                    format!("[{}]", list.join(","))
                })
            }
        };
        Ok(Filter {
            ids,
            where_sql,
            args,
        })
    }
}

/// The full-text query for the words of `folded` long enough for trigrams,
/// each a quoted string (so no word is read as query syntax), all required.
fn trigram_query(folded: &str) -> Option<String> {
    let words: Vec<String> = folded
        .split_whitespace()
        .filter(|w| w.chars().count() >= 3)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::trigram_query;

    #[test]
    fn short_words_stay_out_of_the_trigram_query() {
        assert_eq!(trigram_query("an nguyen"), Some("\"nguyen\"".into()));
        assert_eq!(trigram_query("an le"), None);
        assert_eq!(
            trigram_query("van \"x\"y"),
            Some("\"van\" AND \"\"\"x\"\"y\"".into())
        );
    }
}
