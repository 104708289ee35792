//! Reading and checking a list without saving anything: the rows as they
//! would be saved, every problem and every guess. The import saves only a
//! list without problems; the interface's preview shows all of it first.

use std::path::{Path, PathBuf};

use super::columns::{self, Column};
use super::problem::ProblemKind;
use super::reading::{self, ColumnUse, Guess, ListReading, SkippedRow, problem};
use super::rows::{self, Layout, ParsedRow, Problem, RowDefaults, column_letter};
use super::scores::{self, ScoresByRow};
use super::table::{Row, Table};
use super::{ImportError, ImportOptions, matching};
use crate::domain::movement::Movement;
use crate::domain::text::{fold, nfc};
use crate::store::Store;

/// A list read and checked, nothing saved.
pub(super) struct Checked<'t> {
    pub table: &'t Table,
    pub reading: ListReading,
    pub parsed: Vec<ParsedRow>,
    pub scores: ScoresByRow,
    /// Possible duplicates (also among `problems` unless allowed).
    pub duplicates: Vec<Problem>,
    /// Everything that stops the import, in row order.
    pub problems: Vec<Problem>,
    /// The movement the nominations go to; none when the option names none.
    pub movement: Option<Movement>,
}

/// Read the list in `tables` and check every row against the store.
/// `progress(done, rows)` is called as rows are checked. Only what no choice in
/// the preview can mend is an error: no header, no rows, no movement at all,
/// or the database failing.
pub(super) fn check<'t>(
    store: &Store,
    path: &Path,
    tables: &'t [Table],
    options: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Checked<'t>, ImportError> {
    let (table, header_index) =
        reading::find_list(tables).ok_or_else(|| ImportError::NoHeader {
            path: path.to_path_buf(),
        })?;
    let catalogue = store.catalogue()?;
    let (mut list, fatal, mut problems) =
        reading::read_list(table, header_index, &options.list, &catalogue);
    let movements = store.movements()?;
    let mut checked = Checked {
        table,
        reading: ListReading::default(),
        parsed: Vec::new(),
        scores: ScoresByRow::new(),
        duplicates: Vec::new(),
        problems: Vec::new(),
        movement: None,
    };
    if !fatal.is_empty() {
        // The rows cannot be read until the header or an option is mended.
        checked.movement = movements.first().cloned();
        checked.problems = fatal;
        checked.reading = list;
        return Ok(checked);
    }
    if list.rows.is_empty() {
        return Err(ImportError::NoRows {
            path: path.to_path_buf(),
        });
    }
    if movements.is_empty() {
        return Err(ImportError::Store(crate::store::StoreError::Movement(
            crate::domain::movement_plan::MovementRefusal::NoMovement,
        )));
    }
    let in_use = store.current_movement()?;
    checked.movement = pick_movement(
        &movements,
        options.movement.as_deref(),
        in_use.as_deref(),
        &mut problems,
    );

    let layout = &list.layout;
    for (i, (row, defaults)) in list.rows.iter().enumerate() {
        match rows::parse_row(layout, row, &catalogue, defaults) {
            Ok(p) => {
                if let Some(g) = kind_guess(layout, row, defaults, &p) {
                    list.guesses.push(g);
                }
                checked.parsed.push(p);
            }
            Err(mut p) => problems.append(&mut p),
        }
        progress(i + 1, list.rows.len());
    }
    let score_sheets: Vec<_> = scores::find_scores(tables)
        .into_iter()
        .filter(|(sheet, _)| !std::ptr::eq(*sheet, table))
        .collect();
    if problems.is_empty()
        && !score_sheets.is_empty()
        && let Some(movement) = &checked.movement
    {
        let members = match store.council()? {
            Some(c) => store.members_on(c.id, &store.now())?,
            None => Vec::new(),
        };
        let groups = store.criteria_groups(movement.id)?;
        match scores::parse_scores(&score_sheets, &checked.parsed, &members, &groups) {
            Ok(s) => checked.scores = s,
            Err(mut p) => problems.append(&mut p),
        }
    }
    checked.duplicates = matching::find_duplicates(store, layout, &checked.parsed)?;
    if !options.allow_duplicates {
        problems.extend(checked.duplicates.iter().cloned());
    }
    // The list's problems first, then the scores sheet's, each in row order.
    problems.sort_by_key(|p| (p.sheet.clone(), p.line));
    checked.problems = problems;
    checked.reading = list;
    Ok(checked)
}

/// The movement named by `wanted` (its number, code or name); else the one
/// the ward said it works in, or the only one. With several and none
/// chosen, nothing is guessed: the list asks for one.
fn pick_movement(
    movements: &[Movement],
    wanted: Option<&str>,
    in_use: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Option<Movement> {
    let known = || {
        movements
            .iter()
            .map(|m| format!("{}: {} ({})", m.id, m.name, m.code))
            .collect()
    };
    match wanted {
        Some(text) => {
            let key = fold(text.trim());
            let found = movements.iter().find(|m| {
                m.id.to_string() == text.trim() || fold(&m.code) == key || fold(&m.name) == key
            });
            if found.is_none() {
                problems.push(problem(
                    0,
                    None,
                    ProblemKind::UnknownMovement {
                        value: text.to_string(),
                        known: known(),
                    },
                ));
            }
            found.cloned()
        }
        None => {
            let used = in_use.and_then(|code| movements.iter().find(|m| m.code == code));
            match (used, movements) {
                (Some(m), _) => Some(m.clone()),
                (None, [only]) => Some(only.clone()),
                _ => {
                    problems.push(problem(
                        0,
                        None,
                        ProblemKind::ChooseMovement { known: known() },
                    ));
                    None
                }
            }
        }
    }
}

/// A kind cell worth a word: one that names another kind than the row's
/// section, or a general word ("Cá nhân") read as one kind.
fn kind_guess(
    layout: &Layout,
    row: &Row,
    defaults: &RowDefaults,
    parsed: &ParsedRow,
) -> Option<Guess> {
    let (i, _) = layout.positions.get(&Column::Kind)?;
    let text = nfc(row.get(*i).as_text().trim());
    let kind = parsed.nominee.kind?;
    if text.is_empty() {
        return None;
    }
    let letter = column_letter(*i);
    if let (Some(section), Some(section_kind)) = (&defaults.section, defaults.kind)
        && section_kind != kind
    {
        return Some(Guess::KindAgainstSection {
            line: row.line,
            letter,
            text,
            kind,
            section: section.clone(),
            section_kind,
        });
    }
    let general = columns::is_general_kind_word(&text);
    general.then_some(Guess::KindCell {
        line: row.line,
        letter,
        text,
        kind,
    })
}

/// What an import would do, for a preview: how each column was read, the
/// rows as they would be saved, every problem and every guess.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPreview {
    pub file: PathBuf,
    /// Name of the sheet read ("" for CSV).
    pub sheet: String,
    pub columns: Vec<ColumnUse>,
    /// Letters of columns without a header that hold data (refused until
    /// they are given a field or left out).
    pub unlabelled: Vec<String>,
    pub rows: Vec<ParsedRow>,
    pub problems: Vec<Problem>,
    pub skipped: Vec<SkippedRow>,
    pub guesses: Vec<Guess>,
    /// The movement the rows would go to: (id, name).
    pub movement: Option<(i64, String)>,
    /// Every movement, to choose from: (id, name).
    pub movements: Vec<(i64, String)>,
    /// The award the options set for rows without one: (as given, its name
    /// in the catalogue).
    pub award_option: Option<(String, String)>,
    pub new_nominees: usize,
    pub existing_nominees: usize,
    pub scores: usize,
}

impl ImportPreview {
    /// Nothing stops the import.
    pub fn can_save(&self) -> bool {
        self.problems.is_empty() && !self.rows.is_empty()
    }
}

/// Read and check the list in `tables` with `options`; nothing is saved.
pub fn preview_tables(
    store: &Store,
    path: &Path,
    tables: &[Table],
    options: &ImportOptions,
) -> Result<ImportPreview, ImportError> {
    let checked = check(store, path, tables, options, &mut |_, _| {})?;
    let mut preview = ImportPreview {
        file: path.to_path_buf(),
        sheet: checked.table.name.clone(),
        columns: checked.reading.columns.clone(),
        unlabelled: checked
            .problems
            .iter()
            .filter(|p| matches!(p.kind, ProblemKind::DataWithoutHeader { .. }))
            .filter_map(|p| p.column.as_ref().map(|(letter, _)| letter.clone()))
            .collect(),
        rows: checked.parsed.clone(),
        problems: checked.problems.clone(),
        skipped: checked.reading.skipped.clone(),
        guesses: checked.reading.guesses.clone(),
        movement: checked.movement.as_ref().map(|m| (m.id, m.name.clone())),
        movements: store
            .movements()?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect(),
        scores: checked.scores.values().map(Vec::len).sum(),
        award_option: match &options.list.award {
            Some(text) => {
                super::find_award(&store.catalogue()?, text).map(|a| (text.clone(), a.name.clone()))
            }
            None => None,
        },
        ..ImportPreview::default()
    };
    let mut known = matching::KnownNominees::load(store)?;
    for row in &checked.parsed {
        if known.find(&row.nominee).is_some() {
            preview.existing_nominees += 1;
        } else {
            preview.new_nominees += 1;
            known.remember(&row.nominee, 0);
        }
    }
    Ok(preview)
}
