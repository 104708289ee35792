//! The options that set what a list lacks or how a column is read:
//! `--map COLUMN=FIELD` and `--kind KIND` / `--kind SECTION=KIND`.

use super::columns;
use super::form::header::{Field, IGNORE_CODE, Reading};
use super::form::loose_key;
use super::form::sections::{self, SectionKind};
use super::problem::ProblemKind;
use super::reading::{ListOptions, problem};
use super::rows::Problem;
use crate::domain::nominee::NomineeKind;

/// `--map COLUMN=FIELD`: COLUMN a letter or a header.
pub(super) fn apply_maps(
    options: &ListOptions,
    readings: &mut Vec<(String, Reading, bool)>,
    header_line: usize,
    fatal: &mut Vec<Problem>,
) {
    for map in &options.maps {
        let bad = || ProblemKind::BadOption {
            option: "--map".into(),
            value: map.clone(),
        };
        let Some((column, field)) = map.split_once('=') else {
            fatal.push(problem(0, None, bad()));
            continue;
        };
        let column = column.trim();
        let index = letter_index(column).or_else(|| {
            let key = loose_key(column);
            readings.iter().position(|(h, _, _)| {
                loose_key(h) == key || h.split(" / ").any(|p| loose_key(p) == key)
            })
        });
        let Some(index) = index else {
            fatal.push(problem(
                header_line,
                None,
                ProblemKind::MapColumnNotFound(column.to_string()),
            ));
            continue;
        };
        let reading = if loose_key(field) == loose_key(IGNORE_CODE) {
            Reading::Ignored
        } else {
            match Field::parse(field) {
                Some(f) => Reading::Field {
                    field: f,
                    loose: false,
                },
                None => {
                    fatal.push(problem(
                        0,
                        None,
                        ProblemKind::MapFieldUnknown(field.trim().to_string()),
                    ));
                    continue;
                }
            }
        };
        if readings.len() <= index {
            readings.resize(index + 1, (String::new(), Reading::Blank, false));
        }
        readings[index].1 = reading;
        readings[index].2 = true;
    }
}

/// "D" → 3, "AA" → 26; anything else is not a column letter.
fn letter_index(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 3 || !text.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let n = text
        .bytes()
        .fold(0usize, |n, b| n * 26 + (b - b'A' + 1) as usize);
    Some(n - 1)
}

/// The kinds given by `--kind`.
#[derive(Debug, Default)]
pub(super) struct KindOptions {
    pub all: Option<NomineeKind>,
    by_section: Vec<(String, NomineeKind)>,
}

impl KindOptions {
    pub fn for_section(&self, label: &str) -> Option<NomineeKind> {
        let (words, _) = sections::strip_enumerator(label);
        let key = loose_key(&words);
        self.by_section
            .iter()
            .find(|(s, _)| loose_key(&sections::strip_enumerator(s).0) == key)
            .map(|(_, k)| *k)
    }
}

fn parse_kind(text: &str) -> Option<NomineeKind> {
    columns::parse_kind(text)
        .or_else(|| NomineeKind::from_code(text.trim()))
        .or_else(|| match sections::section_kind(text) {
            SectionKind::Named(k) => Some(k),
            _ => None,
        })
}

pub(super) fn parse_kind_options(options: &ListOptions, fatal: &mut Vec<Problem>) -> KindOptions {
    let mut out = KindOptions::default();
    for text in &options.kinds {
        let bad = || {
            problem(
                0,
                None,
                ProblemKind::BadOption {
                    option: "--kind".into(),
                    value: text.clone(),
                },
            )
        };
        match text.split_once('=') {
            Some((section, kind)) => match parse_kind(kind) {
                Some(k) => out.by_section.push((section.trim().to_string(), k)),
                None => fatal.push(bad()),
            },
            None => match parse_kind(text) {
                Some(k) => out.all = Some(k),
                None => fatal.push(bad()),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_back_to_indexes() {
        assert_eq!(letter_index("A"), Some(0));
        assert_eq!(letter_index("D"), Some(3));
        assert_eq!(letter_index("AA"), Some(26));
        assert_eq!(letter_index("Họ"), None);
        assert_eq!(letter_index("d"), None);
    }
}
