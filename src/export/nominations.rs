//! The nomination list as a spreadsheet: the list itself (the same columns
//! the import reads, so an export can be imported again) and, in XLSX, a
//! second sheet with every member's score on every criterion. Rows are
//! written as they are read, so memory stays flat at any number of rows.

use std::path::Path;

use super::ExportError;
use super::sheet::{Cell, FileFormat};
use super::stream::SheetStream;
use crate::domain::award::Catalogue;
use crate::domain::nomination::{NominationQuery, NominationRow};
use crate::i18n::export::{LIST_SHEET, SCORES_HEADERS, SCORES_SHEET, recusal_note};
use crate::import::columns::{self, Column, kind_label, sex_label, status_label};
use crate::store::Store;
use crate::store::score_lines::ScoreLine;

/// The columns of the list, in order.
pub fn list_columns() -> Vec<Column> {
    columns::COLUMNS.iter().map(|s| s.column).collect()
}

/// Write the nominations `query` selects to `path` (.xlsx: list and scores;
/// .csv: the list only), each row as it is read. Returns the number of
/// nominations written.
pub fn export_nominations(
    store: &Store,
    query: &NominationQuery,
    path: &Path,
) -> Result<usize, ExportError> {
    // Check the file name first, before any work; CSV holds the list only.
    let with_scores = FileFormat::from_path(path)? == FileFormat::Xlsx;
    let catalogue = store.catalogue()?;
    let mut out = SheetStream::create(
        path,
        &[
            (
                LIST_SHEET,
                list_columns()
                    .into_iter()
                    .map(|c| columns::header(c).to_string())
                    .collect(),
            ),
            (
                SCORES_SHEET,
                SCORES_HEADERS.iter().map(|h| (*h).to_string()).collect(),
            ),
        ],
    )?;
    let mut count = 0usize;
    store.for_each_nomination(query, |row| {
        count += 1;
        let number = i64::try_from(count).unwrap_or(i64::MAX);
        let award_name = write_list_row(&mut out, store, &catalogue, number, &row)?;
        if with_scores {
            for line in store.score_lines(row.id)? {
                out.push_row(1, &score_cells(number, &row, &award_name, &line))?;
            }
        }
        Ok::<(), ExportError>(())
    })?;
    out.finish()?;
    Ok(count)
}

/// Write one nomination's line of the list; returns its award's full name.
fn write_list_row(
    out: &mut SheetStream,
    store: &Store,
    catalogue: &Catalogue,
    number: i64,
    row: &NominationRow,
) -> Result<String, ExportError> {
    let nomination = store.nomination(row.id)?;
    let nominee = store.nominee(nomination.nominee_id)?;
    let award_name = catalogue
        .award(&nomination.award_code)
        .map_or(nomination.award_code.clone(), |a| a.name.clone());
    let cells: Vec<Cell> = list_columns()
        .into_iter()
        .map(|c| match c {
            Column::Number => Cell::Int(number),
            Column::Name => Cell::text(&nominee.name),
            Column::Kind => Cell::text(kind_label(nominee.kind)),
            Column::BirthYear => Cell::opt(nominee.birth_year, |y| Cell::Int(y.into())),
            Column::Sex => Cell::opt(nominee.sex, |s| Cell::text(sex_label(s))),
            Column::Position => Cell::text(&nominee.position),
            Column::Unit => Cell::text(&nominee.unit),
            Column::Address => Cell::text(&nominee.address),
            Column::WomenShare => Cell::opt(nominee.women_share_percent, |p| Cell::Int(p.into())),
            Column::Round => Cell::text(nomination.round.code()),
            Column::Award => Cell::text(&award_name),
            Column::ProposingUnit => Cell::text(&nomination.proposing_unit),
            Column::Summary => Cell::text(&nomination.summary),
            Column::Status => Cell::text(status_label(nomination.status)),
            Column::Score => Cell::opt(row.score, |s| Cell::decimal(s, 2)),
        })
        .collect();
    out.push_row(0, &cells)?;
    Ok(award_name)
}

/// One scores-sheet line.
fn score_cells(number: i64, row: &NominationRow, award_name: &str, line: &ScoreLine) -> Vec<Cell> {
    let mut cells = vec![
        Cell::Int(number),
        Cell::text(&row.nominee_name),
        Cell::text(award_name),
        Cell::text(&line.member),
    ];
    match &line.recusal {
        Some(reason) => {
            cells.extend([
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]);
            cells.push(Cell::text(recusal_note(reason)));
        }
        None => cells.extend([
            Cell::text(&line.criterion_code),
            Cell::text(&line.criterion_text),
            Cell::opt(line.tenths, |t| Cell::decimal(f64::from(t) / 10.0, 1)),
            Cell::Int(line.max_score.into()),
            Cell::decimal(line.weight, 2),
            Cell::Empty,
        ]),
    }
    cells
}
