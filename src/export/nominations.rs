//! The nomination list as a spreadsheet: the list itself (the same columns
//! the import reads, so an export can be imported again) and, in XLSX, a
//! second sheet with every member's score on every criterion.

use std::path::Path;

use super::ExportError;
use super::sheet::{Cell, Sheet, write_sheets};
use crate::domain::nomination::{NominationQuery, NominationRow};
use crate::import::columns::{self, Column, kind_label, sex_label, status_label};
use crate::store::Store;

/// Names of the two sheets.
pub const LIST_SHEET: &str = "Danh sách đề nghị";
pub const SCORES_SHEET: &str = "Điểm chấm";

/// The columns of the list, in order.
pub fn list_columns() -> Vec<Column> {
    columns::COLUMNS.iter().map(|s| s.column).collect()
}

/// The sheets of an export of the nominations `query` selects, in its order.
pub fn nomination_sheets(
    store: &Store,
    query: &NominationQuery,
) -> Result<Vec<Sheet>, ExportError> {
    let (rows, _) = store.list_nominations(query, 0, u32::MAX)?;
    let catalogue = store.catalogue()?;
    let mut list = Sheet::new(LIST_SHEET, list_columns().into_iter().map(columns::header));
    let mut scores = Sheet::new(
        SCORES_SHEET,
        [
            "STT",
            "Họ và tên / Tên tập thể",
            "Hình thức khen thưởng",
            "Thành viên Hội đồng",
            "Mã tiêu chí",
            "Tiêu chí",
            "Điểm",
            "Điểm tối đa",
            "Trọng số",
            "Ghi chú",
        ],
    );
    for (i, row) in rows.iter().enumerate() {
        let number = i as i64 + 1;
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
                Column::WomenShare => {
                    Cell::opt(nominee.women_share_percent, |p| Cell::Int(p.into()))
                }
                Column::Round => Cell::text(nomination.round.code()),
                Column::Award => Cell::text(&award_name),
                Column::ProposingUnit => Cell::text(&nomination.proposing_unit),
                Column::Summary => Cell::text(&nomination.summary),
                Column::Status => Cell::text(status_label(nomination.status)),
                Column::Score => Cell::opt(row.score, |s| Cell::decimal(s, 2)),
            })
            .collect();
        list.push_row(cells);
        push_scores(store, &mut scores, number, row, &award_name)?;
    }
    Ok(vec![list, scores])
}

/// One line per member and criterion scored; one per recused member.
fn push_scores(
    store: &Store,
    sheet: &mut Sheet,
    number: i64,
    row: &NominationRow,
    award_name: &str,
) -> Result<(), ExportError> {
    let scores = store.score_sheet(row.id)?;
    let lead = |member: &str| {
        vec![
            Cell::Int(number),
            Cell::text(&row.nominee_name),
            Cell::text(award_name),
            Cell::text(member),
        ]
    };
    for member in &scores.members {
        if let Some((_, reason)) = scores.recused.iter().find(|(m, _)| *m == member.id) {
            let mut cells = lead(&member.name);
            cells.extend([
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]);
            cells.push(Cell::text(format!(
                "Không chấm (xung đột lợi ích): {reason}"
            )));
            sheet.push_row(cells);
            continue;
        }
        for criterion in &scores.criteria {
            let Some(score) = scores
                .scores
                .iter()
                .find(|s| s.member_id == member.id && s.criterion_code == criterion.code)
            else {
                continue;
            };
            let mut cells = lead(&member.name);
            cells.extend([
                Cell::text(&criterion.code),
                Cell::text(&criterion.text),
                Cell::decimal(f64::from(score.tenths) / 10.0, 1),
                Cell::Int(criterion.max_score.into()),
                Cell::decimal(criterion.weight, 2),
                Cell::Empty,
            ]);
            sheet.push_row(cells);
        }
    }
    Ok(())
}

/// Write the nominations `query` selects to `path` (.xlsx: list and scores;
/// .csv: the list only). Returns the number of nominations written.
pub fn export_nominations(
    store: &Store,
    query: &NominationQuery,
    path: &Path,
) -> Result<usize, ExportError> {
    // Check the file name first, before any work.
    super::sheet::FileFormat::from_path(path)?;
    let sheets = nomination_sheets(store, query)?;
    let count = sheets.first().map_or(0, |s| s.rows.len());
    write_sheets(path, &sheets)?;
    Ok(count)
}
