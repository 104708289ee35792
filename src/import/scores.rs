//! The optional scores sheet of a nomination list: one line per council
//! member and criterion, linked to the list by its STT. It is the layout the
//! export writes (sheet “Điểm chấm”), so scores survive a round trip.
//!
//! Columns: STT, Thành viên Hội đồng, Mã tiêu chí, Điểm, Ghi chú (others,
//! such as the name or the criterion's text, are there for people and are
//! not read). A line whose note begins with “Không chấm” records the member
//! as recused (conflict of interest), the reason after the colon.

use std::collections::HashMap;

use super::problem::ProblemKind;
use super::rows::{ParsedRow, Problem, column_letter};
use super::table::{Row, Table};
use crate::domain::council::Member;
use crate::domain::criteria::CriteriaGroup;
use crate::domain::scoring::{ScoreError, parse_score};
use crate::domain::text::{fold, nfc};

const NUMBER: &[&str] = &["stt", "sothutu", "tt"];
const MEMBER: &[&str] = &["thanhvienhoidong", "thanhvien", "nguoicham"];
const CRITERION: &[&str] = &["matieuchi"];
const SCORE: &[&str] = &["diem"];
const NOTE: &[&str] = &["ghichu"];

/// Prefix of the note that marks a recusal.
pub const RECUSAL_NOTE: &str = "Không chấm";

fn key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What one line of the scores sheet says.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreLine {
    Score {
        member_id: i64,
        criterion_code: String,
        tenths: u32,
    },
    Recusal {
        member_id: i64,
        reason: String,
    },
}

/// The scores of the list's rows, by index into `parsed`.
pub type ScoresByRow = HashMap<usize, Vec<ScoreLine>>;

struct Cols {
    number: usize,
    member: usize,
    criterion: usize,
    score: usize,
    note: Option<usize>,
    headers: HashMap<usize, String>,
}

/// The scores sheets among `tables` (an export splits a very long one),
/// each with the index of its header row.
pub fn find_scores(tables: &[Table]) -> Vec<(&Table, usize)> {
    tables
        .iter()
        .filter_map(|t| {
            t.rows
                .iter()
                .take(20)
                .position(|r| {
                    let keys: Vec<String> = r.cells.iter().map(|c| key(&c.as_text())).collect();
                    MEMBER.iter().any(|m| keys.iter().any(|k| k == m))
                        && CRITERION.iter().any(|m| keys.iter().any(|k| k == m))
                })
                .map(|i| (t, i))
        })
        .collect()
}

/// The missing column is boxed: a problem is large beside the column indexes.
fn columns(header: &Row) -> Result<Cols, Box<Problem>> {
    let mut found: HashMap<&str, usize> = HashMap::new();
    let mut headers = HashMap::new();
    for (i, cell) in header.cells.iter().enumerate() {
        let k = key(&cell.as_text());
        for (name, set) in [
            ("number", NUMBER),
            ("member", MEMBER),
            ("criterion", CRITERION),
            ("score", SCORE),
            ("note", NOTE),
        ] {
            if set.contains(&k.as_str()) && !found.contains_key(name) {
                found.insert(name, i);
                headers.insert(i, cell.as_text());
            }
        }
    }
    let need = |name: &str, header_text: &str| {
        found.get(name).copied().ok_or_else(|| {
            Box::new(Problem {
                sheet: None,
                line: header.line,
                column: None,
                kind: ProblemKind::MissingScoreColumn(header_text.to_string()),
            })
        })
    };
    Ok(Cols {
        number: need("number", "STT")?,
        member: need("member", "Thành viên Hội đồng")?,
        criterion: need("criterion", "Mã tiêu chí")?,
        score: need("score", "Điểm")?,
        note: found.get("note").copied(),
        headers,
    })
}

/// Read the scores sheets against the parsed list, the council's members and
/// the movement's criteria. Every problem is returned, with its row and column.
pub fn parse_scores(
    sheets: &[(&Table, usize)],
    parsed: &[ParsedRow],
    members: &[Member],
    groups: &[CriteriaGroup],
) -> Result<ScoresByRow, Vec<Problem>> {
    let by_number: HashMap<String, usize> = parsed
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.number.clone().map(|n| (n, i)))
        .collect();
    let mut acc = Accumulated::default();
    for (table, header_index) in sheets {
        let ctx = Context {
            by_number: &by_number,
            parsed,
            members,
            groups,
        };
        read_sheet(table, *header_index, &ctx, &mut acc);
    }
    if acc.problems.is_empty() {
        Ok(acc.out)
    } else {
        Err(acc.problems)
    }
}

struct Context<'a> {
    by_number: &'a HashMap<String, usize>,
    parsed: &'a [ParsedRow],
    members: &'a [Member],
    groups: &'a [CriteriaGroup],
}

#[derive(Default)]
struct Accumulated {
    out: ScoresByRow,
    problems: Vec<Problem>,
    /// (list row, member, criterion) → sheet and row of its first score.
    seen: HashMap<(usize, i64, String), (String, usize)>,
}

fn read_sheet(table: &Table, header_index: usize, ctx: &Context<'_>, acc: &mut Accumulated) {
    let sheet = Some(table.name.clone());
    let cols = match columns(&table.rows[header_index]) {
        Ok(c) => c,
        Err(mut p) => {
            p.sheet = sheet;
            acc.problems.push(*p);
            return;
        }
    };
    let Context {
        by_number,
        parsed,
        members,
        groups,
    } = ctx;
    let (out, problems, seen) = (&mut acc.out, &mut acc.problems, &mut acc.seen);
    // Folded once, not once per score line: a list has hundreds of
    // thousands of lines and a council a dozen members.
    let member_keys: Vec<String> = members.iter().map(|m| fold(&m.name)).collect();
    let mut member_of: HashMap<String, Option<usize>> = HashMap::new();
    let recusal_key = fold(RECUSAL_NOTE);
    for row in table.rows[header_index + 1..]
        .iter()
        .filter(|r| !r.is_blank())
    {
        let at = |col: usize, kind: ProblemKind| Problem {
            sheet: sheet.clone(),
            line: row.line,
            column: Some((
                column_letter(col),
                cols.headers.get(&col).cloned().unwrap_or_default(),
            )),
            kind,
        };
        let number = row.get(cols.number).as_text();
        let Some(&index) = by_number.get(&number) else {
            problems.push(at(
                cols.number,
                if number.is_empty() {
                    ProblemKind::ScoreNumberEmpty
                } else {
                    ProblemKind::ScoreNumberNotInList(number.clone())
                },
            ));
            continue;
        };
        let member_cell = row.get(cols.member).as_text();
        let found = *member_of.entry(member_cell.clone()).or_insert_with(|| {
            let key = fold(&member_cell);
            member_keys.iter().position(|k| *k == key)
        });
        let Some(member) = found.map(|i| &members[i]) else {
            let member_text = nfc(&member_cell);
            problems.push(at(
                cols.member,
                ProblemKind::NotAMember(member_text.clone()),
            ));
            continue;
        };
        let note = cols
            .note
            .map(|c| nfc(&row.get(c).as_text()))
            .unwrap_or_default();
        if !note.is_empty() && fold(&note).starts_with(&recusal_key) {
            let reason = note
                .split_once(':')
                .map_or(String::new(), |(_, r)| r.trim().to_string());
            out.entry(index).or_default().push(ScoreLine::Recusal {
                member_id: member.id,
                reason,
            });
            continue;
        }
        let code = row.get(cols.criterion).as_text();
        let kind = parsed[index].nominee.kind;
        let criterion = groups
            .iter()
            .filter(|g| kind.is_some_and(|k| g.applies_to(k)))
            .flat_map(|g| &g.criteria)
            .find(|c| c.label() == code);
        let Some(criterion) = criterion else {
            let known = groups
                .iter()
                .flat_map(|g| &g.criteria)
                .any(|c| c.label() == code);
            problems.push(at(
                cols.criterion,
                if known {
                    ProblemKind::CriterionNotForKind {
                        code: code.clone(),
                        kind,
                    }
                } else {
                    ProblemKind::UnknownCriterion(code.clone())
                },
            ));
            continue;
        };
        let score_text = row.get(cols.score).as_text();
        let tenths = match parse_score(&score_text, criterion.max_score) {
            Ok(t) => t,
            Err(e) => {
                let kind = match e {
                    ScoreError::OverMaximum { given, max } => ProblemKind::ScoreOverMaximum {
                        given,
                        max,
                        code: code.clone(),
                    },
                    ScoreError::Empty => ProblemKind::ScoreEmpty,
                    other => ProblemKind::BadScore {
                        text: score_text.clone(),
                        detail: other.to_string(),
                    },
                };
                problems.push(at(cols.score, kind));
                continue;
            }
        };
        let seen_key = (index, member.id, code.clone());
        if let Some((first_sheet, first)) = seen.get(&seen_key) {
            problems.push(at(
                cols.score,
                ProblemKind::SecondScore {
                    member: member.name.clone(),
                    code: code.clone(),
                    number: number.clone(),
                    first_sheet: first_sheet.clone(),
                    first_line: *first,
                },
            ));
            continue;
        }
        seen.insert(seen_key, (table.name.clone(), row.line));
        out.entry(index).or_default().push(ScoreLine::Score {
            member_id: member.id,
            criterion_code: criterion.code.clone(),
            tenths,
        });
    }
}
