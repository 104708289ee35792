//! The nomination list as a spreadsheet: the list itself (the same columns
//! the import reads, so an export can be imported again) and, in XLSX, a
//! second sheet with every member's score on every criterion.

use std::collections::HashMap;
use std::path::Path;

use super::ExportError;
use super::sheet::{Cell, Sheet, write_sheets};
use crate::domain::nomination::{NominationQuery, NominationRow};
use crate::import::columns::{self, Column, kind_label, sex_label, status_label};
use crate::import::scores::RECUSAL_NOTE;
use crate::store::Store;

/// Names of the two sheets.
pub const LIST_SHEET: &str = "Danh sách đề nghị";
pub const SCORES_SHEET: &str = "Điểm chấm";

/// The columns of the list, in order.
pub fn list_columns() -> Vec<Column> {
    columns::COLUMNS.iter().map(|s| s.column).collect()
}

/// The sheets of an export of the nominations `query` selects, in its
/// order: the list, and the scores sheet (empty unless `with_scores`).
pub fn nomination_sheets(
    store: &Store,
    query: &NominationQuery,
    with_scores: bool,
) -> Result<Vec<Sheet>, ExportError> {
    let (rows, _) = store.list_nominations(query, 0, u32::MAX)?;
    let catalogue = store.catalogue()?;
    let score_lines = if with_scores {
        all_score_lines(store)?
    } else {
        HashMap::new()
    };
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
        if let Some(lines) = score_lines.get(&row.id) {
            push_scores(&mut scores, number, row, &award_name, lines);
        }
    }
    Ok(vec![list, scores])
}

/// One scores-sheet line, as stored.
struct ScoreLine {
    member: String,
    criterion_code: String,
    criterion_text: String,
    tenths: Option<u32>,
    max_score: u32,
    weight: f64,
    recusal: Option<String>,
}

/// Every score and recusal, by nomination, members in the council's order
/// and criteria in the plan's order: one query instead of several per row.
fn all_score_lines(store: &Store) -> Result<HashMap<i64, Vec<ScoreLine>>, ExportError> {
    let mut out: HashMap<i64, Vec<ScoreLine>> = HashMap::new();
    // Members in the council's order (chair first), criteria in the plan's.
    let role_rank = "CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'standing_member' THEN 2 WHEN 'secretary' THEN 3 ELSE 4 END";
    let sql = format!(
        "SELECT s.nomination_id, m.name, c.code, c.text, s.tenths, c.max_score, c.weight, NULL,
                {role_rank}, m.name_sort, m.id, g.position, c.position
         FROM scores s JOIN members m ON m.id = s.member_id JOIN criteria c ON c.code = s.criterion_code
         JOIN criteria_groups g ON g.code = c.group_code
         WHERE NOT EXISTS (SELECT 1 FROM recusals r WHERE r.nomination_id = s.nomination_id AND r.member_id = s.member_id)
         UNION ALL
         SELECT r.nomination_id, m.name, '', '', NULL, 0, 0.0, r.reason, {role_rank}, m.name_sort, m.id, -1, -1
         FROM recusals r JOIN members m ON m.id = r.member_id
         ORDER BY 1, 9, 10, 11, 12, 13"
    );
    let conn = store.conn();
    let mut stmt = conn.prepare(&sql).map_err(crate::store::StoreError::from)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                ScoreLine {
                    member: r.get(1)?,
                    criterion_code: r.get(2)?,
                    criterion_text: r.get(3)?,
                    tenths: r.get(4)?,
                    max_score: r.get(5)?,
                    weight: r.get(6)?,
                    recusal: r.get(7)?,
                },
            ))
        })
        .map_err(crate::store::StoreError::from)?;
    for row in rows {
        let (id, line) = row.map_err(crate::store::StoreError::from)?;
        out.entry(id).or_default().push(line);
    }
    Ok(out)
}

fn push_scores(
    sheet: &mut Sheet,
    number: i64,
    row: &NominationRow,
    award_name: &str,
    lines: &[ScoreLine],
) {
    for line in lines {
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
                cells.push(Cell::text(format!(
                    "{RECUSAL_NOTE} (xung đột lợi ích): {reason}"
                )));
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
        sheet.push_row(cells);
    }
}

/// Write the nominations `query` selects to `path` (.xlsx: list and scores;
/// .csv: the list only). Returns the number of nominations written.
pub fn export_nominations(
    store: &Store,
    query: &NominationQuery,
    path: &Path,
) -> Result<usize, ExportError> {
    // Check the file name first, before any work; CSV holds the list only.
    let format = super::sheet::FileFormat::from_path(path)?;
    let sheets = nomination_sheets(store, query, format == super::sheet::FileFormat::Xlsx)?;
    let count = sheets.first().map_or(0, |s| s.rows.len());
    write_sheets(path, &sheets)?;
    Ok(count)
}
