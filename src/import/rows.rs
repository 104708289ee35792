//! Turning the rows of a nomination list into domain values, collecting every
//! problem with its row and column instead of stopping at the first.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::columns::{self, Column};
use super::form::position::split_position_unit;
use super::problem::ProblemKind;
use super::table::{Row, Value};
use crate::domain::award::Catalogue;
use crate::domain::movement::Round;
use crate::domain::nomination::NominationStatus;
use crate::domain::nominee::{NewNominee, NomineeKind, Sex};
use crate::domain::text::nfc;
use crate::domain::text_rules::{self, TextFault};
use crate::i18n::Lang;

/// One thing wrong with the file, a row or a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The sheet, when the problem is not on the list's own sheet.
    pub sheet: Option<String>,
    /// Row number as the spreadsheet shows it; 0 for the file as a whole.
    pub line: usize,
    /// Column letter and header as written in the file, when one cell is at fault.
    pub column: Option<(String, String)>,
    pub kind: ProblemKind,
}

impl Problem {
    /// The problem with its place, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.render_saying(lang, &self.kind.message(lang))
    }

    /// The problem's place (sheet, row, column) followed by `message`: for
    /// a screen that says what to do with its own keys.
    pub fn render_saying(&self, lang: Lang, message: &str) -> String {
        let (sheet, row, column) = match lang {
            Lang::En => ("sheet", "row", "column"),
            Lang::Vi => ("trang tính", "dòng", "cột"),
        };
        let place = match &self.sheet {
            Some(name) => format!("{sheet} “{name}”, "),
            None => String::new(),
        };
        match (&self.column, self.line) {
            (Some((letter, header)), line) => {
                format!("{place}{row} {line}, {column} {letter} ({header}): {message}")
            }
            (None, 0) => format!("{place}{message}"),
            (None, line) => format!("{place}{row} {line}: {message}"),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Spreadsheet column letter: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Where each known column is, and the header text the file gives it.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub positions: HashMap<Column, (usize, String)>,
    /// Years of birth under "Nam" and "Nữ": the column says the sex.
    pub birth_years: Vec<(Sex, usize, String)>,
    /// "Chức vụ, đơn vị công tác", split into position and unit.
    pub position_unit: Option<(usize, String)>,
    /// Headers the import does not know (left alone).
    pub ignored: Vec<String>,
    /// The file does not mark percent cells (XLS).
    pub percent_formats_unknown: bool,
}

/// What a row takes from elsewhere when its own cells are empty or its
/// columns absent: its section's kind, the round and award of the title or
/// of the command's options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowDefaults {
    pub kind: Option<NomineeKind>,
    /// The section heading the kind above comes from, if it does.
    pub section: Option<String>,
    pub round: Option<Round>,
    /// An award code or name, looked up like a cell.
    pub award: Option<String>,
}

impl Layout {
    fn cell<'r>(&self, row: &'r Row, c: Column) -> &'r Value {
        match self.positions.get(&c) {
            Some((i, _)) => row.get(*i),
            None => &Value::Empty,
        }
    }

    fn problem_at(&self, row: &Row, at: &(usize, String), kind: ProblemKind) -> Problem {
        Problem {
            sheet: None,
            line: row.line,
            column: Some((column_letter(at.0), at.1.clone())),
            kind,
        }
    }

    fn problem(&self, row: &Row, c: Column, kind: ProblemKind) -> Problem {
        let column = self
            .positions
            .get(&c)
            .map(|(i, h)| (column_letter(*i), h.clone()));
        Problem {
            sheet: None,
            line: row.line,
            column,
            kind,
        }
    }
}

/// A valid row: the nominee and what is proposed for them.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedRow {
    pub line: usize,
    /// The STT as written, which the scores sheet refers to.
    pub number: Option<String>,
    pub nominee: NewNominee,
    pub round: Round,
    pub award_code: String,
    /// The award's name in the catalogue, as the preview shows it.
    pub award_name: String,
    pub proposing_unit: String,
    pub summary: String,
    pub status: NominationStatus,
}

/// Parse one data row; every problem of the row is returned at once.
pub fn parse_row(
    layout: &Layout,
    row: &Row,
    catalogue: &Catalogue,
    defaults: &RowDefaults,
) -> Result<ParsedRow, Vec<Problem>> {
    let mut problems = Vec::new();
    // A formula error anywhere means the sender's sheet is broken.
    for (c, (i, _)) in &layout.positions {
        if let Value::Error(e) = row.get(*i) {
            problems.push(layout.problem(row, *c, ProblemKind::SpreadsheetError(e.to_string())));
        }
    }
    let text = |c: Column| match layout.cell(row, c) {
        Value::Error(_) => String::new(),
        v => nfc(&v.as_text()),
    };

    // Free text goes through the text rules; a refused cell counts as a
    // problem of its column and is not reported a second time as empty.
    let checked = |c: Column, clean: fn(&str) -> Result<String, TextFault>| {
        let raw = match layout.cell(row, c) {
            Value::Error(_) => String::new(),
            v => v.as_text(),
        };
        clean(&raw).map_err(|fault| (c, fault))
    };
    let name = checked(Column::Name, text_rules::clean_name);
    let name_refused = name.is_err();
    let position = checked(Column::Position, text_rules::clean_line);
    let unit = checked(Column::Unit, text_rules::clean_line);
    let address = checked(Column::Address, text_rules::clean_line);
    let proposing_unit = checked(Column::ProposingUnit, text_rules::clean_line);
    let summary = checked(Column::Summary, text_rules::clean_text);
    let mut accept = |result: Result<String, (Column, TextFault)>| {
        result.unwrap_or_else(|(c, fault)| {
            problems.push(layout.problem(row, c, ProblemKind::BadText(fault)));
            String::new()
        })
    };
    let (name, mut position, mut unit, address, proposing_unit, summary) = (
        accept(name),
        accept(position),
        accept(unit),
        accept(address),
        accept(proposing_unit),
        accept(summary),
    );
    if let Some(at) = &layout.position_unit {
        match text_rules::clean_line(&row.get(at.0).as_text()) {
            Ok(both) => {
                let (p, u) = split_position_unit(&both);
                if position.is_empty() {
                    position = p;
                }
                if unit.is_empty() {
                    unit = u;
                }
            }
            Err(fault) => problems.push(layout.problem_at(row, at, ProblemKind::BadText(fault))),
        }
    }
    if name.is_empty() && !name_refused {
        problems.push(layout.problem(row, Column::Name, ProblemKind::NameEmpty));
    }

    let kind_text = text(Column::Kind);
    let kind = if kind_text.is_empty() {
        if defaults.kind.is_none() {
            let kind = if layout.positions.contains_key(&Column::Kind) {
                ProblemKind::KindEmpty
            } else {
                ProblemKind::NoKindForRow
            };
            problems.push(layout.problem(row, Column::Kind, kind));
        }
        defaults.kind
    } else {
        let kind = columns::parse_kind(&kind_text);
        if kind.is_none() {
            problems.push(layout.problem(
                row,
                Column::Kind,
                ProblemKind::UnknownKind(kind_text.clone()),
            ));
        }
        kind
    };
    let is_person = kind.map(NomineeKind::is_person);

    let (year_under_sex, sex_of_column) = read_sex_columns(layout, row, &mut problems);
    let birth_year = match parse_year(layout.cell(row, Column::BirthYear)) {
        Ok(None) => match year_under_sex {
            Some(year) if is_person == Some(false) => {
                problems.push(layout.problem(
                    row,
                    Column::BirthYear,
                    ProblemKind::YearNotForCollective { year, kind },
                ));
                None
            }
            year => year,
        },
        Ok(Some(year)) if is_person == Some(false) => {
            problems.push(layout.problem(
                row,
                Column::BirthYear,
                ProblemKind::YearNotForCollective { year, kind },
            ));
            None
        }
        Ok(Some(y)) => Some(y),
        Err(msg) => {
            problems.push(layout.problem(row, Column::BirthYear, msg));
            None
        }
    };

    let sex_text = text(Column::Sex);
    let sex = if sex_text.is_empty() {
        match sex_of_column {
            Some(_) if is_person == Some(false) => {
                problems.push(layout.problem(
                    row,
                    Column::Sex,
                    ProblemKind::SexNotForCollective(kind),
                ));
                None
            }
            s => s,
        }
    } else {
        match columns::parse_sex(&sex_text) {
            None => {
                problems.push(layout.problem(
                    row,
                    Column::Sex,
                    ProblemKind::NotASex(sex_text.clone()),
                ));
                None
            }
            Some(_) if is_person == Some(false) => {
                problems.push(layout.problem(
                    row,
                    Column::Sex,
                    ProblemKind::SexNotForCollective(kind),
                ));
                None
            }
            s => s,
        }
    };

    let share_cell = layout.cell(row, Column::WomenShare);
    let unclear = layout.percent_formats_unknown
        && matches!(share_cell, Value::Number(n) if *n > 0.0 && *n <= 1.0);
    let women_share_percent = match parse_percent(share_cell) {
        Ok(Some(_)) if unclear => {
            problems.push(layout.problem(
                row,
                Column::WomenShare,
                ProblemKind::PercentUnclear(share_cell.as_text()),
            ));
            None
        }
        Ok(Some(_)) if is_person == Some(true) => {
            problems.push(layout.problem(
                row,
                Column::WomenShare,
                ProblemKind::WomenShareNotForPerson,
            ));
            None
        }
        Ok(p) => p,
        Err(msg) => {
            problems.push(layout.problem(row, Column::WomenShare, msg));
            None
        }
    };

    let round_text = text(Column::Round);
    let round = if round_text.is_empty() {
        if defaults.round.is_none() {
            problems.push(layout.problem(row, Column::Round, ProblemKind::RoundEmpty));
        }
        defaults.round
    } else {
        let round = Round::parse(&round_text);
        if round.is_none() {
            problems.push(layout.problem(
                row,
                Column::Round,
                ProblemKind::NotARound(round_text.clone()),
            ));
        }
        round
    };

    let mut award_text = text(Column::Award);
    if award_text.is_empty() {
        award_text = defaults.award.clone().unwrap_or_default();
    }
    let award = if award_text.is_empty() {
        problems.push(layout.problem(row, Column::Award, ProblemKind::AwardEmpty));
        None
    } else {
        let award = super::find_award(catalogue, &award_text);
        match (award, kind) {
            (None, _) => {
                problems.push(layout.problem(
                    row,
                    Column::Award,
                    ProblemKind::UnknownAward(award_text.clone()),
                ));
                None
            }
            (Some(a), Some(k)) if !a.accepts(k) => {
                problems.push(layout.problem(
                    row,
                    Column::Award,
                    ProblemKind::AwardNotAllowed {
                        award: a.short_name.clone(),
                        kind: k,
                    },
                ));
                None
            }
            (Some(a), _) => Some(a),
        }
    };

    let status_text = text(Column::Status);
    let status = if status_text.is_empty() {
        Some(NominationStatus::Submitted)
    } else {
        match columns::parse_status(&status_text) {
            None => {
                problems.push(layout.problem(
                    row,
                    Column::Status,
                    ProblemKind::UnknownStatus(status_text.clone()),
                ));
                None
            }
            // Only the council's own vote or a decision makes these true.
            Some(status) if !status.may_be_imported() => {
                problems.push(layout.problem(
                    row,
                    Column::Status,
                    ProblemKind::StatusNotImportable(status),
                ));
                None
            }
            status => status,
        }
    };

    match (kind, round, award, status) {
        (Some(kind), Some(round), Some(award), Some(status)) if problems.is_empty() => {
            Ok(ParsedRow {
                line: row.line,
                number: Some(text(Column::Number)).filter(|n| !n.is_empty()),
                nominee: NewNominee {
                    kind: Some(kind),
                    name,
                    birth_year,
                    sex,
                    position,
                    unit,
                    address,
                    women_share_percent,
                },
                round,
                award_code: award.code.clone(),
                award_name: award.name.clone(),
                proposing_unit,
                summary,
                status,
            })
        }
        _ => Err(problems),
    }
}

/// The year and sex written under "Nam"/"Nữ": a year, or a mark ("x")
/// for the sex alone. A row with both columns filled is a problem.
fn read_sex_columns(
    layout: &Layout,
    row: &Row,
    problems: &mut Vec<Problem>,
) -> (Option<i32>, Option<Sex>) {
    let mut found: Vec<(Sex, Option<i32>, &(usize, String))> = Vec::new();
    let places: Vec<(Sex, (usize, String))> = layout
        .birth_years
        .iter()
        .map(|(s, i, h)| (*s, (*i, h.clone())))
        .collect();
    for (sex, at) in &places {
        let value = row.get(at.0);
        if value.is_empty() || matches!(value, Value::Error(_)) {
            continue;
        }
        if is_mark(&value.as_text()) {
            found.push((*sex, None, at));
            continue;
        }
        match parse_year(value) {
            Ok(year) => found.push((*sex, year, at)),
            Err(kind) => problems.push(layout.problem_at(row, at, kind)),
        }
    }
    match found.as_slice() {
        [] => (None, None),
        [(sex, year, _)] => (*year, Some(*sex)),
        [_, (_, _, second), ..] => {
            problems.push(layout.problem_at(row, second, ProblemKind::BothSexes));
            (None, None)
        }
    }
}

/// A tick for "this one": x, X, ✓, v.
fn is_mark(text: &str) -> bool {
    matches!(text.trim(), "x" | "X" | "✓" | "✔" | "v" | "V")
}

/// Excel's day 0 in the 1900 system (serials from 61 on; earlier ones predate
/// any plausible birth date).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// A date written as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy).
pub fn parse_date_text(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

/// A date from an Excel serial day number.
pub fn date_from_serial(serial: f64) -> Option<NaiveDate> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    excel_epoch().checked_add_days(chrono::Days::new(serial.trunc() as u64))
}

/// A year of birth from a year, a date cell, dd/mm/yyyy text or an Excel serial.
pub fn parse_year(v: &Value) -> Result<Option<i32>, ProblemKind> {
    let year = match v {
        Value::Empty => return Ok(None),
        Value::Error(_) => return Ok(None),
        Value::Percent(_) => return Err(not_a_year(&v.as_text())),
        Value::Date(d) => d.year(),
        Value::Number(n) => year_from_number(*n).ok_or_else(|| not_a_year(&v.as_text()))?,
        Value::Text(s) => {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            if let Some(d) = parse_date_text(s) {
                d.year()
            } else if let Ok(n) = s.parse::<f64>() {
                year_from_number(n).ok_or_else(|| not_a_year(s))?
            } else {
                return Err(not_a_year(s));
            }
        }
    };
    if (1900..=2100).contains(&year) {
        Ok(Some(year))
    } else {
        Err(ProblemKind::ImplausibleYear(year))
    }
}

fn year_from_number(n: f64) -> Option<i32> {
    if n.fract() != 0.0 || n < 0.0 {
        return None;
    }
    // Small whole numbers are years; large ones are Excel date serials.
    if n <= 2100.0 {
        Some(n as i32)
    } else {
        date_from_serial(n).map(|d| d.year())
    }
}

fn not_a_year(s: &str) -> ProblemKind {
    ProblemKind::NotAYear(s.to_string())
}

fn parse_percent(v: &Value) -> Result<Option<u8>, ProblemKind> {
    if let Value::Percent(p) = v {
        return match p {
            p if (0.0..=100.0).contains(p) => Ok(Some(p.round() as u8)),
            _ => Err(ProblemKind::ShareOutOfRange(v.as_text())),
        };
    }
    let text = v.as_text();
    let trimmed = text.trim().trim_end_matches('%').trim().replace(',', ".");
    if trimmed.is_empty() || matches!(v, Value::Error(_)) {
        return Ok(None);
    }
    match trimmed.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) && matches!(v, Value::Number(_)) && p.fract() != 0.0 => {
            // A cell formatted as percent holds a fraction (0.75 for 75%).
            Ok(Some((p * 100.0).round() as u8))
        }
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(Some(p.round() as u8)),
        Ok(_) => Err(ProblemKind::ShareOutOfRange(text)),
        Err(_) => Err(ProblemKind::NotANumber(text)),
    }
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
