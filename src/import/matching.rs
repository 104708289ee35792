//! Recognising what is already there: nominees to link to instead of
//! copying, and nominations a row may duplicate. The database is read once
//! into memory, so a large list costs one pass, not one query per row.

use std::collections::HashMap;

use super::columns::Column;
use super::problem::ProblemKind;
use super::rows::{Layout, ParsedRow, Problem, column_letter};
use crate::domain::nominee::{NewNominee, NomineeId};
use crate::domain::text::fold;
use crate::domain::text_rules::name_key;
use crate::store::{Store, StoreError};

/// What identifies a nominee when a list is imported: everything a unit
/// writes about them, with names and units compared by [`name_key`] (so the
/// old and new tone placement, "Hoà" and "Hòa", do not split one person's
/// history). Two people of the same name stay apart unless all of it agrees.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct NomineeKey {
    kind: String,
    name: String,
    birth_year: Option<i32>,
    sex: Option<String>,
    unit: String,
}

impl NomineeKey {
    fn of(n: &NewNominee) -> NomineeKey {
        NomineeKey {
            kind: n.kind.map_or("", |k| k.code()).to_string(),
            name: name_key(&n.name),
            birth_year: n.birth_year,
            sex: n.sex.map(|s| s.code().to_string()),
            unit: name_key(&n.unit),
        }
    }
}

/// Nominees already saved, and those an import has added so far.
pub struct KnownNominees {
    by_key: HashMap<NomineeKey, NomineeId>,
}

impl KnownNominees {
    pub fn load(store: &Store) -> Result<KnownNominees, StoreError> {
        // Oldest last, so that it wins when two saved nominees share a key.
        let by_key = store
            .nominee_identities()?
            .into_iter()
            .map(|(id, kind, name, birth_year, sex, unit)| {
                let key = NomineeKey {
                    kind,
                    name: name_key(&name),
                    birth_year,
                    sex,
                    unit: name_key(&unit),
                };
                (key, id)
            })
            .collect();
        Ok(KnownNominees { by_key })
    }

    pub fn find(&self, n: &NewNominee) -> Option<NomineeId> {
        self.by_key.get(&NomineeKey::of(n)).copied()
    }

    pub fn remember(&mut self, n: &NewNominee, id: NomineeId) {
        self.by_key.entry(NomineeKey::of(n)).or_insert(id);
    }
}

/// Rows with the same nominee name (ignoring case and tones, so also the
/// tone placement; a possible duplicate is only a warning, so a name typed
/// without tones is caught as well), round and award
/// as an earlier row or a nomination already saved (withdrawn ones aside).
pub fn find_duplicates(
    store: &Store,
    layout: &Layout,
    parsed: &[ParsedRow],
) -> Result<Vec<Problem>, StoreError> {
    let saved = store.nomination_keys()?;
    let name_column = layout
        .positions
        .get(&Column::Name)
        .map(|(i, h)| (column_letter(*i), h.clone()));
    let mut out = Vec::new();
    let mut first_seen: HashMap<(String, String, String), usize> = HashMap::new();
    for row in parsed {
        let key = (
            fold(&row.nominee.name),
            row.round.code(),
            row.award_code.clone(),
        );
        let problem = |kind: ProblemKind| Problem {
            sheet: None,
            line: row.line,
            column: name_column.clone(),
            kind,
        };
        if let Some(first) = first_seen.get(&key) {
            out.push(problem(ProblemKind::DuplicateInFile {
                first_line: *first,
                round: key.1.clone(),
                award: key.2.clone(),
            }));
        } else {
            first_seen.insert(key.clone(), row.line);
        }
        if let Some(id) = saved.get(&key) {
            out.push(problem(ProblemKind::DuplicateInDatabase {
                id: *id,
                round: key.1.clone(),
                award: key.2.clone(),
            }));
        }
    }
    Ok(out)
}
