//! Spreadsheets in: a nomination list (XLSX, ODS or CSV) is read, every row is
//! validated, and only a file without problems is saved, in one transaction.
//!
//! [`import_nominations`] is the whole job; it reports progress through a
//! callback so that an interface can run it on a worker thread. The column
//! layout is in [`columns`] and documented in `data/templates/README.md`.

mod check;
pub mod columns;
pub mod form;
mod matching;
mod options;
pub mod problem;
pub mod reading;
pub mod rows;
pub mod scores;
mod spans;
pub mod table;
pub mod template;

use std::path::{Path, PathBuf};

use crate::domain::award::{Award, Catalogue};
use crate::domain::nomination::NewNomination;
use crate::domain::text::fold;
use crate::i18n::Lang;
use crate::store::bulk::Batch;
use crate::store::{Store, StoreError, Tx};
pub use check::{ImportPreview, preview_tables};
pub use problem::ProblemKind;
pub use reading::{ColumnUse, Guess, ListOptions, SkipReason, SkippedRow};
pub use rows::{ParsedRow, Problem};
use table::Table;

/// Why an import did not happen. Nothing is saved in any of these cases.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: unsupported file type; use .xlsx, .ods or .csv", path.display())]
    UnsupportedFormat { path: PathBuf },
    #[error("{}: no such file", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot be read as a spreadsheet ({detail})", path.display())]
    Unreadable { path: PathBuf, detail: String },
    #[error("{}: no header row found; one of the first 20 rows must name the columns, with “{}” among them", path.display(), columns::header(columns::Column::Name))]
    NoHeader { path: PathBuf },
    #[error("{}: the list has no nominations under its header row", path.display())]
    NoRows { path: PathBuf },
    #[error("{}: nothing was imported; {}:\n{}", path.display(), crate::i18n::import_report::count_text(problems, Lang::En), crate::i18n::import_report::list(problems, Lang::En))]
    Rows {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Check everything, save nothing.
    pub dry_run: bool,
    /// Import rows that look like duplicates (same name, round and award as
    /// another row or a nomination already saved). By default they block the
    /// import, since importing the same list twice is the likeliest mistake.
    pub allow_duplicates: bool,
    /// What to set for the whole list, and columns to read as a field.
    pub list: ListOptions,
    /// The movement the nominations go to (its number, code or name); by
    /// default the one in use, or the database's only movement.
    pub movement: Option<String>,
}

/// The award a cell or an option names: its code, full name or short name.
pub fn find_award<'c>(catalogue: &'c Catalogue, text: &str) -> Option<&'c Award> {
    let key = fold(text.trim());
    catalogue
        .awards
        .iter()
        .find(|a| fold(&a.code) == key || fold(&a.name) == key || fold(&a.short_name) == key)
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Name of the sheet read ("" for CSV).
    pub sheet: String,
    pub nominations: usize,
    pub new_nominees: usize,
    /// Rows whose nominee was already in the database (same kind, name, year
    /// of birth, sex and unit) or earlier in the file: linked, not copied.
    pub existing_nominees: usize,
    /// Member scores and recusals read from the scores sheet.
    pub scores: usize,
    /// Possible duplicates, imported because the options allowed them.
    pub duplicates: Vec<Problem>,
    /// Headers the import does not know, left alone.
    pub ignored_columns: Vec<String>,
    /// How each column was understood.
    pub columns: Vec<ColumnUse>,
    /// Rows read as something other than a nomination.
    pub skipped: Vec<SkippedRow>,
    /// What the import decided that the file does not say outright.
    pub guesses: Vec<Guess>,
    /// The nominations as they are (or would be) saved.
    pub rows: Vec<ParsedRow>,
}

/// Read `path`, validate every row and, unless it is a dry run, save all the
/// nominations in one transaction. `progress(done, total)` is called as rows
/// are checked and then saved (`total` is twice the number of rows, or the
/// number of rows in a dry run).
pub fn import_nominations(
    store: &mut Store,
    path: &Path,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportReport, ImportError> {
    let tables = table::read_tables(path)?;
    import_tables(store, path, &tables, options, progress)
}

/// The same as [`import_nominations`] for tables already read.
pub fn import_tables(
    store: &mut Store,
    path: &Path,
    tables: &[Table],
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportReport, ImportError> {
    let factor = if options.dry_run { 1 } else { 2 };
    let checked = check::check(store, path, tables, &options, &mut |done, rows| {
        progress(done, rows * factor)
    })?;
    if !checked.problems.is_empty() {
        return Err(ImportError::Rows {
            path: path.to_path_buf(),
            problems: checked.problems,
        });
    }
    let Some(movement) = &checked.movement else {
        return Err(ImportError::Store(crate::store::StoreError::Movement(
            crate::domain::movement_plan::MovementRefusal::NoMovement,
        )));
    };
    let movement_id = movement.id;
    let parsed = &checked.parsed;
    let total = parsed.len() * factor;
    let mut report = ImportReport {
        dry_run: options.dry_run,
        sheet: checked.table.name.clone(),
        nominations: parsed.len(),
        duplicates: if options.allow_duplicates {
            checked.duplicates.clone()
        } else {
            Vec::new()
        },
        ignored_columns: checked.reading.layout.ignored.clone(),
        columns: checked.reading.columns.clone(),
        skipped: checked.reading.skipped.clone(),
        guesses: checked.reading.guesses.clone(),
        rows: parsed.clone(),
        ..ImportReport::default()
    };
    report.scores = if options.dry_run {
        checked.scores.values().map(Vec::len).sum()
    } else {
        0
    };
    let mut known = matching::KnownNominees::load(store)?;
    if options.dry_run {
        for row in parsed {
            if known.find(&row.nominee).is_some() {
                report.existing_nominees += 1;
            } else {
                report.new_nominees += 1;
                // Later rows for the same nominee link to this one.
                known.remember(&row.nominee, 0);
            }
        }
    } else {
        let done = parsed.len();
        let chosen = serde_json::json!({
            "movement": movement_id,
            "round": options.list.round,
            "award": options.list.award,
            "kind": options.list.kinds,
            "map": options.list.maps,
        });
        let file = path.display().to_string();
        store.widen_cache_for_bulk()?;
        store.write(|w| {
            let mut batch = Batch::default();
            save_rows(
                w,
                &mut batch,
                parsed,
                &checked.scores,
                &mut known,
                movement_id,
                &mut report,
                &mut |i| progress(done + i, total),
            )?;
            // One entry for the whole list: the file, what was chosen for it,
            // and what was written (counts, id ranges, a hash of the rows),
            // so the log tells where the rows came from and how they were read.
            w.audit_batch(
                "imports",
                &file,
                "import",
                &batch,
                serde_json::json!({
                    "file": file,
                    "sheet": report.sheet,
                    "nominations": report.nominations,
                    "new_nominees": report.new_nominees,
                    "scores": report.scores,
                    "options": chosen,
                }),
            )
        })?;
    }
    Ok(report)
}

/// Save the rows: a nominee already known is linked, not copied.
#[allow(clippy::too_many_arguments)]
fn save_rows(
    w: &mut Tx<'_>,
    batch: &mut Batch,
    parsed: &[ParsedRow],
    scores: &scores::ScoresByRow,
    known: &mut matching::KnownNominees,
    movement_id: i64,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(usize),
) -> Result<(), StoreError> {
    for (i, row) in parsed.iter().enumerate() {
        let nominee_id = match known.find(&row.nominee) {
            Some(id) => {
                report.existing_nominees += 1;
                id
            }
            None => {
                report.new_nominees += 1;
                let id = w
                    .bulk_nominee(batch, &row.nominee)
                    .map_err(|e| at_row(row.line, e))?;
                known.remember(&row.nominee, id);
                id
            }
        };
        let nomination_id = w
            .bulk_nomination(
                batch,
                &NewNomination {
                    nominee_id,
                    movement_id,
                    round: row.round,
                    award_code: row.award_code.clone(),
                    proposing_unit: row.proposing_unit.clone(),
                    summary: row.summary.clone(),
                    status: row.status,
                },
            )
            .map_err(|e| at_row(row.line, e))?;
        if let Some(lines) = scores.get(&i) {
            save_scores(w, batch, nomination_id, lines)?;
            report.scores += lines.len();
        }
        progress(i + 1);
    }
    Ok(())
}

/// A nomination's scores and recusals, then its consolidated score.
fn save_scores(
    w: &mut Tx<'_>,
    batch: &mut Batch,
    nomination: i64,
    lines: &[scores::ScoreLine],
) -> Result<(), StoreError> {
    for line in lines {
        match line {
            scores::ScoreLine::Score {
                member_id,
                criterion_code,
                tenths,
            } => w.bulk_score(
                batch,
                nomination,
                &crate::domain::scoring::Score {
                    member_id: *member_id,
                    criterion_code: criterion_code.clone(),
                    tenths: *tenths,
                },
            )?,
            scores::ScoreLine::Recusal { member_id, reason } => {
                w.bulk_recusal(batch, nomination, *member_id, reason)?
            }
        }
    }
    w.refresh_score(nomination)?;
    Ok(())
}

/// The store checks again on insert; a refusal there names the row.
fn at_row(line: usize, e: StoreError) -> StoreError {
    match e {
        e @ (StoreError::Nominee(_) | StoreError::Nomination(_)) => StoreError::AtRow {
            line,
            source: Box::new(e),
        },
        other => other,
    }
}
