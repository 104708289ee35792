//! Does the record still say what the audit trail says it said?
//!
//! The hash chain (`store::audit::verify_chain`) proves that nobody edited the
//! log itself. It says nothing about a row changed with the `sqlite3` shell,
//! because such an edit does not touch `audit_log` at all. This module closes
//! that gap for the records that matter most: for each watched table it
//! replays the audit entries of every record, oldest first, keeping the last
//! value each entry's "after" image gave to each watched column, and compares
//! the outcome with the row as it is now.
//!
//! Design, and the contract it relies on:
//! - A record is named by its key columns joined with '/' (`12`, `5/3/TC1`).
//!   An entry's record is read from its after image when that image holds every
//!   key column (a serialised `VoteResult` does), else from `record_id`.
//! - A column is compared only when some entry's after image holds it, under
//!   the column name or one of the listed JSON paths (`tally/agree`). Entries
//!   that say nothing about a column leave its expected value as it was, so
//!   partial images (`{"status": "decided"}`) are fine.
//! - A table may also be recorded by another table's entries: vote results
//!   are audited a whole ballot round at a time (`round_results`).
//! - Entries whose action is `delete` or `remove` mark the record as gone.
//! - Only the chain-verified `after` text is used, so forging an expectation
//!   means forging the chain, which `verify_chain` reports.
//! - Text is compared after NFC normalisation (the store keeps NFC; an after
//!   image may hold the text as typed). Booleans compare as 0/1.
//!
//! This comparison names the column that changed; every row of every table,
//! bulk writes included, is also proven whole by its digest
//! (`store::rowproof`, checked in `rows`), and a rewritten chain is caught
//! against an anchor kept outside the file (`hoidong check --anchor`).

use std::collections::HashMap;

use serde_json::Value as Json;

use super::Problem;
use crate::domain::text::nfc;
use crate::store::integrity::Cell;
use crate::store::{Result, Store};

/// One watched column and where an after image may hold its value.
struct Field {
    column: &'static str,
    /// JSON paths ('/'-separated) tried in order; the column name is tried first.
    paths: &'static [&'static str],
    /// Actions whose after image echoes this column without writing it.
    /// `update_nomination` serialises the caller's whole `Nomination`, status
    /// included, but its UPDATE never sets status: that echo is not evidence.
    not_written_by: &'static [&'static str],
}

struct Watch {
    table: &'static str,
    key: &'static [&'static str],
    fields: &'static [Field],
    /// Every row is written with its own audit entry (never in bulk), so a row
    /// without any entry was added outside hoidong.
    every_row_audited: bool,
    /// Another table whose entries also record rows of this one, and how to
    /// read them: (record_id, after image) → [(record key, row image)].
    also: Option<(&'static str, Expand)>,
}

type Expand = fn(&str, &Json) -> Vec<(String, Json)>;

const fn field(column: &'static str) -> Field {
    Field {
        column,
        paths: &[],
        not_written_by: &[],
    }
}

const WATCHED: &[Watch] = &[
    Watch {
        table: "nominations",
        key: &["id"],
        fields: &[
            Field {
                column: "status",
                paths: &[],
                not_written_by: &["update"],
            },
            field("award_code"),
            field("summary"),
        ],
        every_row_audited: false,
        also: None,
    },
    Watch {
        table: "scores",
        key: &["nomination_id", "member_id", "criterion_code"],
        fields: &[field("tenths")],
        every_row_audited: false,
        also: None,
    },
    Watch {
        table: "vote_results",
        key: &["round_id", "nomination_id"],
        fields: &[
            Field {
                column: "agree",
                paths: &["tally/agree"],
                not_written_by: &[],
            },
            Field {
                column: "disagree",
                paths: &["tally/disagree"],
                not_written_by: &[],
            },
            Field {
                column: "abstain",
                paths: &["tally/abstain"],
                not_written_by: &[],
            },
            Field {
                column: "written_agree",
                paths: &["tally/written_agree"],
                not_written_by: &[],
            },
            Field {
                column: "written_disagree",
                paths: &["tally/written_disagree"],
                not_written_by: &[],
            },
            Field {
                column: "passed",
                paths: &["outcome/passed"],
                not_written_by: &[],
            },
        ],
        every_row_audited: true,
        also: Some(("ballot_rounds", round_results)),
    },
    Watch {
        table: "minutes_notes",
        key: &["id"],
        fields: &[field("text")],
        every_row_audited: false,
        also: None,
    },
    Watch {
        table: "minutes_signoffs",
        key: &["id"],
        fields: &[field("content_hash")],
        every_row_audited: true,
        also: None,
    },
];

/// What the audit trail last said about one record.
#[derive(Default)]
struct Expected {
    deleted: bool,
    /// Column → (value, audit entry id that set it).
    values: HashMap<&'static str, (Json, i64)>,
    last_entry: i64,
}

/// Compare every watched table with its audit trail.
pub fn verify(store: &Store) -> Result<Vec<Problem>> {
    let mut problems = Vec::new();
    for watch in WATCHED {
        problems.extend(verify_table(store, watch)?);
    }
    Ok(problems)
}

fn verify_table(store: &Store, watch: &Watch) -> Result<Vec<Problem>> {
    let mut expected = replay(store, watch)?;
    let mut problems = Vec::new();
    let columns: Vec<&str> = watch
        .key
        .iter()
        .copied()
        .chain(watch.fields.iter().map(|f| f.column))
        .collect();
    store.each_row_of(watch.table, &columns, |row| {
        let key_parts: Vec<String> = row[..watch.key.len()].iter().map(sql_key).collect();
        let key = key_parts.join("/");
        let problem = |what: String| Problem::new(watch.table, &key, what);
        let Some(exp) = expected.remove(&key) else {
            if watch.every_row_audited {
                problems.push(problem(
                    "the row has no audit entry: it was written outside hoidong".into(),
                ));
            }
            return Ok(());
        };
        if exp.deleted {
            problems.push(problem(format!(
                "the row exists but the audit trail records its deletion (entry {})",
                exp.last_entry
            )));
            return Ok(());
        }
        for (i, f) in watch.fields.iter().enumerate() {
            let Some((want, entry)) = exp.values.get(f.column) else {
                continue;
            };
            let have = &row[watch.key.len() + i];
            if !same(want, have) {
                problems.push(problem(format!(
                    "{} is {} but the audit trail last recorded {} (entry {entry}): changed outside hoidong",
                    f.column,
                    show_sql(have),
                    show_json(want)
                )));
            }
        }
        Ok(())
    })?;
    // Records the trail knows with values, but whose row is gone.
    let mut gone: Vec<(String, Expected)> = expected
        .into_iter()
        .filter(|(_, e)| !e.deleted && !e.values.is_empty())
        .collect();
    gone.sort_by_key(|(_, e)| e.last_entry);
    for (key, e) in gone {
        problems.push(Problem::new(
            watch.table,
            &key,
            format!(
                "the row is missing but the audit trail last recorded it (entry {}) with no deletion: deleted outside hoidong",
                e.last_entry
            ),
        ));
    }
    Ok(problems)
}

/// Fold the audit entries of one table into the expected state of each record.
fn replay(store: &Store, watch: &Watch) -> Result<HashMap<String, Expected>> {
    let (also_table, expand) = match watch.also {
        Some((t, f)) => (t, Some(f)),
        None => (watch.table, None),
    };
    let mut out: HashMap<String, Expected> = HashMap::new();
    store.each_audit_image(watch.table, also_table, |entry| {
        let (id, table, record_id, action) =
            (entry.id, entry.table_name, entry.record_id, entry.action);
        let after: Option<Json> = entry.after.and_then(|a| serde_json::from_str(&a).ok());
        if table != watch.table {
            if let (Some(expand), Some(after)) = (expand, &after) {
                for (key, image) in expand(&record_id, after) {
                    apply(
                        out.entry(key).or_default(),
                        watch,
                        id,
                        &action,
                        Some(&image),
                    );
                }
            }
            return;
        }
        let key = after
            .as_ref()
            .and_then(|a| key_from_image(a, watch.key))
            .unwrap_or(record_id);
        apply(
            out.entry(key).or_default(),
            watch,
            id,
            &action,
            after.as_ref(),
        );
    })?;
    Ok(out)
}

/// Take what one audit entry says about one record.
fn apply(exp: &mut Expected, watch: &Watch, id: i64, action: &str, after: Option<&Json>) {
    exp.last_entry = id;
    if action == "delete" || action == "remove" {
        exp.deleted = true;
        exp.values.clear();
        return;
    }
    let Some(after) = after else { return };
    let mut wrote_any = false;
    for f in watch.fields {
        if f.not_written_by.contains(&action) {
            continue;
        }
        let found = std::iter::once(f.column)
            .chain(f.paths.iter().copied())
            .find_map(|p| lookup(after, p));
        if let Some(v) = found {
            exp.values.insert(f.column, (v.clone(), id));
            wrote_any = true;
        }
    }
    // Any entry with an image after a deletion means the record is back.
    if wrote_any || action == "insert" {
        exp.deleted = false;
    }
}

/// The meeting code audits a whole ballot round in one `ballot_rounds` entry
/// (record = round id) whose after image holds `input.tallies`
/// (`[[nomination, tally], …]`) and `outcomes` (`[[nomination, outcome], …]`):
/// each nomination there is one `vote_results` row, keyed `round/nomination`.
fn round_results(record_id: &str, after: &Json) -> Vec<(String, Json)> {
    let pairs = |path: &str| -> Vec<(String, Json)> {
        lookup(after, path)
            .and_then(Json::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|pair| {
                        let nomination = pair.get(0)?.as_i64()?;
                        Some((format!("{record_id}/{nomination}"), pair.get(1)?.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let outcomes: HashMap<String, Json> = pairs("outcomes").into_iter().collect();
    pairs("input/tallies")
        .into_iter()
        .map(|(key, mut tally)| {
            if let (Some(obj), Some(passed)) = (
                tally.as_object_mut(),
                outcomes.get(&key).and_then(|o| o.get("passed")),
            ) {
                obj.insert("passed".into(), passed.clone());
            }
            (key, tally)
        })
        .collect()
}

fn lookup<'a>(image: &'a Json, path: &str) -> Option<&'a Json> {
    path.split('/').try_fold(image, |v, part| v.get(part))
}

fn key_from_image(image: &Json, key: &[&str]) -> Option<String> {
    let parts: Option<Vec<String>> = key
        .iter()
        .map(|k| match image.get(*k)? {
            Json::Number(n) => Some(n.to_string()),
            Json::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    parts.map(|p| p.join("/"))
}

fn sql_key(v: &Cell) -> String {
    match v {
        Cell::Integer(i) => i.to_string(),
        Cell::Text(s) => s.clone(),
        Cell::Real(r) => r.to_string(),
        Cell::Null => String::new(),
        Cell::Blob(b) => hex::encode(b),
    }
}

fn same(want: &Json, have: &Cell) -> bool {
    match (want, have) {
        (Json::Null, Cell::Null) => true,
        (Json::Bool(b), Cell::Integer(i)) => i64::from(*b) == *i,
        (Json::Number(n), Cell::Integer(i)) => n.as_i64() == Some(*i),
        (Json::Number(n), Cell::Real(r)) => n.as_f64().is_some_and(|f| (f - r).abs() < 1e-9),
        (Json::String(s), Cell::Text(t)) => nfc(s) == nfc(t),
        // Structured values kept as JSON text: compare as JSON.
        (Json::Object(_) | Json::Array(_), Cell::Text(t)) => {
            serde_json::from_str::<Json>(t).is_ok_and(|j| &j == want)
        }
        _ => false,
    }
}

/// Long texts (summaries, notes) are cut: the record is named, not reprinted.
fn clip(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        format!("“{s}”")
    } else {
        format!("“{}…”", s.chars().take(MAX).collect::<String>())
    }
}

fn show_json(v: &Json) -> String {
    match v {
        Json::String(s) => clip(s),
        other => other.to_string(),
    }
}

fn show_sql(v: &Cell) -> String {
    match v {
        Cell::Null => "empty".into(),
        Cell::Integer(i) => i.to_string(),
        Cell::Real(r) => r.to_string(),
        Cell::Text(s) => clip(s),
        Cell::Blob(b) => format!("{} bytes", b.len()),
    }
}
