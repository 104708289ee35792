//! Every row of the record compared with the last digest the audit log holds
//! for it (`store::rowproof`), and the end of the log compared with its head.

use super::Problem;
use crate::i18n::Lang;
use crate::i18n::safety::Finding;
use crate::store::migrations::ROW_PROOFS_SINCE;
use crate::store::{Result, Store};

/// Findings about rows changed, added or removed outside hoidong. A database
/// older than row proofs has none to compare with: it gets them (a baseline)
/// when hoidong next opens it for writing.
pub fn verify(store: &Store, version: i64) -> Result<Vec<(String, String, Finding)>> {
    if version < ROW_PROOFS_SINCE {
        return Ok(Vec::new());
    }
    let mut proven = store.proven_rows()?;
    let mut out = Vec::new();
    for shape in store.proof_tables()? {
        let mut expected = proven.remove(&shape.name).unwrap_or_default();
        let group = |record: &str| {
            (!shape.one_row_per_record()).then(|| format!("{} {record}", shape.record_column()))
        };
        let name = |record: &str| {
            if shape.one_row_per_record() {
                record.to_string()
            } else {
                format!("{record}/*")
            }
        };
        store.scan_proofs(&shape, |record, digest| {
            let finding = match expected.remove(record) {
                None => Finding::Unknown {
                    group: group(record),
                },
                Some((None, entry)) => Finding::BackAfterDeletion {
                    group: group(record),
                    entry,
                },
                Some((Some(want), _)) if want == digest => return,
                Some((Some(_), entry)) => Finding::Changed {
                    group: group(record),
                    entry,
                },
            };
            out.push((shape.name.clone(), name(record), finding));
        })?;
        let mut gone: Vec<(String, i64)> = expected
            .into_iter()
            .filter_map(|(record, (digest, entry))| digest.map(|_| (record, entry)))
            .collect();
        gone.sort_by_key(|(_, entry)| *entry);
        for (record, entry) in gone {
            out.push((
                shape.name.clone(),
                name(&record),
                Finding::Missing {
                    group: group(&record),
                    entry,
                },
            ));
        }
    }
    let mut tables: Vec<(String, i64)> = proven
        .into_iter()
        .filter_map(|(table, records)| {
            records
                .values()
                .filter(|(digest, _)| digest.is_some())
                .map(|(_, entry)| *entry)
                .max()
                .map(|entry| (table, entry))
        })
        .collect();
    tables.sort();
    for (table, entry) in tables {
        out.push((table, "*".into(), Finding::TableMissing { entry }));
    }
    Ok(out)
}

/// The last entry of the log against the head kept beside it.
pub fn verify_head(store: &Store, version: i64) -> Result<Vec<(String, String, Finding)>> {
    if version < ROW_PROOFS_SINCE {
        return Ok(Vec::new());
    }
    let last = store.chain_head()?;
    let found = match store.recorded_audit_head()? {
        None if last.entry == 0 => return Ok(Vec::new()),
        None => Finding::HeadMissing,
        Some(h) if h.entry > last.entry => Finding::LogCut {
            last: last.entry,
            head: h.entry,
        },
        Some(h) if h == last => return Ok(Vec::new()),
        Some(h) => Finding::HeadDiffers { entry: h.entry },
    };
    Ok(vec![("audit_log".into(), last.entry.to_string(), found)])
}

/// Problems in `lang` from findings.
pub fn worded(findings: Vec<(String, String, Finding)>, lang: Lang) -> Vec<Problem> {
    findings
        .into_iter()
        .map(|(t, r, f)| Problem::new(&t, &r, f.say(lang)))
        .collect()
}
