//! Reading a list in the form units send: the title lines above the
//! header, a header of one or two rows, section rows, the table's rows,
//! and what comes under it. Everything understood is recorded (how each
//! column was read, which rows were skipped, every guess) so that the
//! report and the dry run can show it.

use super::columns::{self, Column};
use super::form::header::{self, Field, Reading};
use super::form::sections::{self, SectionKind, Trailer};
use super::form::{has_marks, title};
use super::options::{KindOptions, apply_maps, parse_kind_options};
use super::problem::ProblemKind;
use super::rows::{Layout, Problem, RowDefaults, column_letter};
use super::table::{Row, Table};
use crate::domain::award::Catalogue;
use crate::domain::movement::Round;
use crate::domain::nominee::NomineeKind;

/// What the command line (or the interface) sets for the whole list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListOptions {
    /// The round when the file has none ("2025", "2022-2025").
    pub round: Option<String>,
    /// The award when the file has none (a code or a name).
    pub award: Option<String>,
    /// The kind of the rows whose kind the file does not say, or
    /// "SECTION=KIND" for the rows under a section heading.
    pub kinds: Vec<String>,
    /// "COLUMN=FIELD": a column (letter or header) read as a field, or
    /// `bo_qua` to leave it alone.
    pub maps: Vec<String>,
}

/// How one column was understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnUse {
    pub letter: String,
    /// The header as the file writes it (parts of a two-row header joined by " / ").
    pub header: String,
    /// `None`: left alone.
    pub field: Option<Field>,
    /// Set by `--map` rather than read from the header.
    pub by_option: bool,
}

/// Why a row was not read as a nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    Title,
    Section,
    Numbering,
    Total,
    Note,
    Signature,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    pub line: usize,
    pub reason: SkipReason,
    pub text: String,
}

/// Something the import decided that the file does not say outright.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guess {
    /// A header matched only without its tone marks.
    LooseHeader {
        letter: String,
        header: String,
        field: Field,
    },
    /// A section heading's general word read as a kind.
    SectionKind {
        line: usize,
        label: String,
        kind: NomineeKind,
    },
    RoundFromTitle {
        line: usize,
        round: String,
    },
    AwardFromTitle {
        line: usize,
        award: String,
        /// Its name in the catalogue, as the preview shows it.
        name: String,
    },
    /// A general word in the kind column ("Cá nhân") read as one kind.
    KindCell {
        line: usize,
        letter: String,
        text: String,
        kind: NomineeKind,
    },
    /// A kind cell that names another kind than the section the row is in:
    /// the cell is taken, and this says so.
    KindAgainstSection {
        line: usize,
        letter: String,
        text: String,
        kind: NomineeKind,
        section: String,
        section_kind: NomineeKind,
    },
    /// No movement chosen and the database has several: the first is used.
    Movement {
        name: String,
        others: usize,
    },
}

/// A list as understood, before its rows are checked one by one.
#[derive(Debug, Clone, Default)]
pub struct ListReading {
    pub layout: Layout,
    pub columns: Vec<ColumnUse>,
    /// The rows to read as nominations, each with what it takes from its
    /// section, the title or the options.
    pub rows: Vec<(Row, RowDefaults)>,
    pub skipped: Vec<SkippedRow>,
    pub guesses: Vec<Guess>,
    /// Where the round and award for rows without them come from.
    pub round: Option<Round>,
    pub award: Option<String>,
}

/// The non-empty texts of a row, left to right, a merged cell's repeats once.
fn texts(row: &Row) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for cell in &row.cells {
        let t = cell.as_text();
        if !t.is_empty() && out.last() != Some(&t) {
            out.push(t);
        }
    }
    out
}

fn row_marks(row: &Row) -> bool {
    row.cells.iter().any(|c| has_marks(&c.as_text()))
}

/// The sheet holding the list and the index of its header row: the first
/// sheet with a row (among its first 20) naming the name column and at
/// least one other.
pub fn find_list(tables: &[Table]) -> Option<(&Table, usize)> {
    tables.iter().find_map(|t| {
        t.rows
            .iter()
            .take(20)
            .position(|r| {
                let marks = row_marks(r);
                let fields: Vec<Field> = r
                    .cells
                    .iter()
                    .filter_map(|c| match header::read_one(&c.as_text(), marks) {
                        Reading::Field { field, .. } => Some(field),
                        _ => None,
                    })
                    .collect();
                fields.contains(&Field::Column(Column::Name)) && fields.len() >= 2
            })
            .map(|i| (t, i))
    })
}

/// Rows under the header that belong to it: "Nam"/"Nữ" under "Năm sinh",
/// a merged header's repeats, and the column numbering "(1) (2) (3)".
fn header_rows(table: &Table, header_index: usize) -> (usize, Option<usize>) {
    let mut end = header_index + 1;
    let mut numbering = None;
    while let Some(row) = table.rows.get(end) {
        if end > header_index + 2 {
            break;
        }
        let cells: Vec<String> = row.cells.iter().map(|c| c.as_text()).collect();
        if header::is_numbering_row(&cells) {
            numbering = Some(end);
            end += 1;
            break;
        }
        let above = &table.rows[end - 1];
        let sub_header = !row.is_blank()
            && row.cells.iter().enumerate().all(|(i, c)| {
                let t = c.as_text();
                t.is_empty()
                    || t == above.get(i).as_text()
                    || matches!(
                        header::read_one(&t, true),
                        Reading::Field {
                            field: Field::BirthYearOf(_),
                            ..
                        }
                    )
            });
        if !sub_header {
            break;
        }
        end += 1;
    }
    (end, numbering)
}

pub(super) fn problem(line: usize, column: Option<(String, String)>, kind: ProblemKind) -> Problem {
    Problem {
        sheet: None,
        line,
        column,
        kind,
    }
}

/// Read the table from its header on. Returns what was understood, the
/// problems that stop the rows from being read at all (a header or an
/// option; `reading.rows` is then empty), and the problems of the rows.
pub fn read_list(
    table: &Table,
    header_index: usize,
    options: &ListOptions,
    catalogue: &Catalogue,
) -> (ListReading, Vec<Problem>, Vec<Problem>) {
    let mut reading = ListReading::default();
    reading.layout.percent_formats_unknown = table.percent_formats_unknown;
    let mut fatal = Vec::new();
    let (data_start, numbering) = header_rows(table, header_index);
    let header_block = &table.rows[header_index..numbering.unwrap_or(data_start)];
    let header_line = table.rows[header_index].line;
    let marks = header_block.iter().any(row_marks);

    // The title lines above the header: skipped, and read for the round and award.
    let mut title_round = None;
    let mut title_award = None;
    for row in &table.rows[..header_index] {
        let t = texts(row);
        if t.is_empty() {
            continue;
        }
        let text = t.join(" ");
        if title_round.is_none()
            && let Some(r) = title::round_in_title(&text)
        {
            title_round = Some((row.line, r));
        }
        if title_award.is_none()
            && let Some(a) = title::award_in_title(&text, catalogue)
        {
            title_award = Some((row.line, a));
        }
        reading.skipped.push(SkippedRow {
            line: row.line,
            reason: SkipReason::Title,
            text,
        });
    }
    if let Some(i) = numbering {
        reading.skipped.push(SkippedRow {
            line: table.rows[i].line,
            reason: SkipReason::Numbering,
            text: texts(&table.rows[i]).join(" "),
        });
    }

    // Each column from its header parts.
    let width = header_block
        .iter()
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(0);
    let mut readings = Vec::with_capacity(width);
    for i in 0..width {
        let mut parts: Vec<String> = Vec::new();
        for row in header_block {
            let t = row.get(i).as_text();
            if !t.is_empty() && parts.last() != Some(&t) {
                parts.push(t);
            }
        }
        readings.push((parts.join(" / "), header::read_parts(&parts, marks), false));
    }
    apply_maps(options, &mut readings, header_line, &mut fatal);

    let mut blank_columns = Vec::new();
    for (i, (text, r, by_option)) in readings.iter().enumerate() {
        let letter = column_letter(i);
        let place = Some((letter.clone(), text.clone()));
        let field = match r {
            Reading::Field { field, loose } => {
                if *loose && !by_option {
                    reading.guesses.push(Guess::LooseHeader {
                        letter: letter.clone(),
                        header: text.clone(),
                        field: *field,
                    });
                }
                Some(*field)
            }
            Reading::Ambiguous(fields) => {
                fatal.push(problem(
                    header_line,
                    place.clone(),
                    ProblemKind::AmbiguousHeader(
                        fields
                            .iter()
                            .map(|f| (f.code().to_string(), f.label()))
                            .collect(),
                    ),
                ));
                None
            }
            Reading::Ignored => {
                reading.layout.ignored.push(text.clone());
                None
            }
            Reading::Blank => {
                blank_columns.push(i);
                None
            }
        };
        if let Some(field) = field
            && let Some(first) = place_field(&mut reading.layout, field, i, text)
        {
            fatal.push(problem(
                header_line,
                place,
                ProblemKind::ColumnTwice {
                    header: field.label(),
                    first_letter: column_letter(first),
                },
            ));
        }
        if !matches!(r, Reading::Blank) {
            reading.columns.push(ColumnUse {
                letter,
                header: text.clone(),
                field,
                by_option: *by_option,
            });
        }
    }

    // What the file lacks, from the options or the title.
    reading.round = match &options.round {
        Some(text) => match Round::parse(text) {
            Some(r) => Some(r),
            None => {
                fatal.push(problem(
                    0,
                    None,
                    ProblemKind::BadOption {
                        option: "--round".into(),
                        value: text.clone(),
                    },
                ));
                None
            }
        },
        None => title_round.as_ref().map(|(_, r)| *r),
    };
    reading.award = match &options.award {
        Some(text) => {
            if super::find_award(catalogue, text).is_none() {
                fatal.push(problem(
                    0,
                    None,
                    ProblemKind::BadOption {
                        option: "--award".into(),
                        value: text.clone(),
                    },
                ));
            }
            Some(text.clone())
        }
        None => title_award.as_ref().map(|(_, a)| a.clone()),
    };
    let kinds = parse_kind_options(options, &mut fatal);
    let has = |c: Column| reading.layout.positions.contains_key(&c);
    let sections_present = table.rows[data_start..].iter().any(|r| {
        let t = texts(r);
        sections::is_section_row(&t)
            && sections::section_kind(&sections::section_label(&t))
                .kind()
                .is_some()
    });
    let mut missing = Vec::new();
    if !has(Column::Name) {
        missing.push(columns::header(Column::Name).to_string());
    }
    if !has(Column::Kind) && !sections_present && kinds.all.is_none() {
        missing.push(columns::header(Column::Kind).to_string());
    }
    if !has(Column::Round) && reading.round.is_none() {
        missing.push(columns::header(Column::Round).to_string());
    }
    if !has(Column::Award) && reading.award.is_none() {
        missing.push(columns::header(Column::Award).to_string());
    }
    if !missing.is_empty() {
        fatal.push(problem(
            header_line,
            None,
            ProblemKind::MissingColumns(missing),
        ));
    }
    if !fatal.is_empty() {
        return (reading, fatal, Vec::new());
    }
    if options.round.is_none()
        && !has(Column::Round)
        && let Some((line, r)) = &title_round
    {
        reading.guesses.push(Guess::RoundFromTitle {
            line: *line,
            round: r.code(),
        });
    }
    if options.award.is_none()
        && !has(Column::Award)
        && let Some((line, a)) = &title_award
    {
        reading.guesses.push(Guess::AwardFromTitle {
            line: *line,
            award: a.clone(),
            name: catalogue
                .award(a)
                .map_or_else(|| a.clone(), |w| w.name.clone()),
        });
    }

    let problems = read_rows(table, data_start, &mut reading, &kinds, &blank_columns);
    (reading, Vec::new(), problems)
}

/// The rows under the header: sections, nominations, then what is under the table.
fn read_rows(
    table: &Table,
    data_start: usize,
    reading: &mut ListReading,
    kinds: &KindOptions,
    blank_columns: &[usize],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut section_kind: Option<NomineeKind> = None;
    let mut section_label: Option<String> = None;
    let mut trailer: Option<Trailer> = None;
    let mut unlabelled: Vec<(usize, usize, String, usize)> = Vec::new();
    for row in &table.rows[data_start..] {
        if row.is_blank() {
            continue;
        }
        let t = texts(row);
        if let Some(current) = trailer {
            // Each row under the table is named by what it starts with, or
            // else by the part it follows (a signer's name under the title).
            let kind = sections::trailer_start(&t).unwrap_or(current);
            trailer = Some(kind);
            if looks_like_nomination(&reading.layout, row) {
                problems.push(problem(row.line, None, ProblemKind::DataBelowTable));
            } else {
                reading.skipped.push(SkippedRow {
                    line: row.line,
                    reason: reason_of(kind),
                    text: t.join(" "),
                });
            }
            continue;
        }
        // A nomination whose summary mentions a day, a month and a year is
        // not the place and date above the signatures.
        let signature_words_in_a_nomination = |kind: &Trailer| {
            *kind == Trailer::Signature && looks_like_nomination(&reading.layout, row)
        };
        if let Some(kind) =
            sections::trailer_start(&t).filter(|k| !signature_words_in_a_nomination(k))
        {
            trailer = Some(kind);
            reading.skipped.push(SkippedRow {
                line: row.line,
                reason: reason_of(kind),
                text: t.join(" "),
            });
            continue;
        }
        if sections::is_section_row(&t) {
            let label = sections::section_label(&t);
            section_kind = match kinds.for_section(&label) {
                Some(k) => Some(k),
                None => match sections::section_kind(&label) {
                    SectionKind::Named(k) => Some(k),
                    SectionKind::Guessed(k) => {
                        reading.guesses.push(Guess::SectionKind {
                            line: row.line,
                            label: label.clone(),
                            kind: k,
                        });
                        Some(k)
                    }
                    SectionKind::Unknown => None,
                },
            };
            section_label = Some(label.clone());
            reading.skipped.push(SkippedRow {
                line: row.line,
                reason: SkipReason::Section,
                text: label,
            });
            continue;
        }
        for &i in blank_columns {
            let value = row.get(i);
            if value.is_empty() {
                continue;
            }
            match unlabelled.iter_mut().find(|u| u.0 == i) {
                Some(u) => u.3 += 1,
                None => unlabelled.push((i, row.line, value.as_text(), 1)),
            }
        }
        let defaults = RowDefaults {
            kind: section_kind.or(kinds.all),
            section: section_kind.and(section_label.clone()),
            round: reading.round,
            award: reading.award.clone(),
        };
        reading.rows.push((row.clone(), defaults));
    }
    for (i, line, sample, count) in unlabelled {
        problems.push(problem(
            line,
            Some((column_letter(i), String::new())),
            ProblemKind::DataWithoutHeader { sample, count },
        ));
    }
    problems
}

fn reason_of(t: Trailer) -> SkipReason {
    match t {
        Trailer::Total => SkipReason::Total,
        Trailer::Note => SkipReason::Note,
        Trailer::Signature => SkipReason::Signature,
    }
}

/// A row under the total or the signatures that has what a nomination has:
/// a name and an award, round or year of birth.
fn looks_like_nomination(layout: &Layout, row: &Row) -> bool {
    let filled = |c: Column| {
        layout
            .positions
            .get(&c)
            .is_some_and(|(i, _)| !row.get(*i).is_empty())
    };
    let years = layout
        .birth_years
        .iter()
        .any(|(_, i, _)| super::rows::parse_year(row.get(*i)).is_ok_and(|y| y.is_some()));
    filled(Column::Name)
        && (filled(Column::Award) || filled(Column::Round) || filled(Column::BirthYear) || years)
}

/// Put `field` at column `i`; the first column when it is there already.
fn place_field(layout: &mut Layout, field: Field, i: usize, header: &str) -> Option<usize> {
    let h = header.to_string();
    match field {
        Field::Column(c) => {
            if let Some((first, _)) = layout.positions.get(&c) {
                return Some(*first);
            }
            layout.positions.insert(c, (i, h));
        }
        Field::BirthYearOf(sex) => {
            if let Some((_, first, _)) = layout.birth_years.iter().find(|(s, _, _)| *s == sex) {
                return Some(*first);
            }
            layout.birth_years.push((sex, i, h));
        }
        Field::PositionAndUnit => {
            if let Some((first, _)) = &layout.position_unit {
                return Some(*first);
            }
            layout.position_unit = Some((i, h));
        }
    }
    None
}
