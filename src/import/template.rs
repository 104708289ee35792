//! The blank nomination list units fill in: the list sheet with its headers,
//! the instructions, and the awards and kinds they may write.

use std::path::Path;

use super::columns::{COLUMNS, Column, kind_label};
use crate::domain::award::Catalogue;
use crate::domain::nominee::{NomineeKind, RecipientClass};
use crate::export::ExportError;
use crate::export::sheet::{Cell, Sheet, write_sheets};

/// Name of the sheet that holds the list.
pub const LIST_SHEET: &str = "Đề nghị";

/// The columns of the template (the export adds status and score).
pub fn template_columns() -> Vec<Column> {
    COLUMNS
        .iter()
        .map(|s| s.column)
        .filter(|c| !matches!(c, Column::Status | Column::Score))
        .collect()
}

/// The template's sheets: the empty list, instructions, awards, kinds.
pub fn template_sheets(catalogue: &Catalogue) -> Vec<Sheet> {
    let list = Sheet::new(
        LIST_SHEET,
        template_columns()
            .into_iter()
            .map(|c| super::columns::header(c).to_string()),
    );
    let mut help = Sheet::new("Hướng dẫn", ["Cột", "Bắt buộc", "Cách ghi"]);
    for spec in COLUMNS.iter().filter(|s| s.column != Column::Score) {
        help.push_row(vec![
            // Quoted so that this sheet is never taken for the list itself.
            Cell::text(format!("Cột “{}”", spec.header)),
            Cell::text(if spec.required { "Có" } else { "" }),
            Cell::text(spec.help),
        ]);
    }
    let mut awards = Sheet::new(
        "Hình thức",
        ["Mã", "Tên hình thức khen thưởng", "Tên ngắn", "Trao cho"],
    );
    let mut sorted: Vec<_> = catalogue.awards.iter().collect();
    sorted.sort_by_key(|a| a.rank);
    for a in sorted {
        let to: Vec<&str> = a.recipients.iter().map(|r| recipient_label(*r)).collect();
        awards.push_row(vec![
            Cell::text(&a.code),
            Cell::text(&a.name),
            Cell::text(&a.short_name),
            Cell::text(to.join(", ")),
        ]);
    }
    let mut kinds = Sheet::new("Loại đối tượng", ["Loại đối tượng", "Là cá nhân"]);
    for k in NomineeKind::ALL {
        kinds.push_row(vec![
            Cell::text(kind_label(k)),
            Cell::text(if k.is_person() { "Có" } else { "Không" }),
        ]);
    }
    vec![list, help, awards, kinds]
}

fn recipient_label(r: RecipientClass) -> &'static str {
    match r {
        RecipientClass::Individual => "cá nhân",
        RecipientClass::Collective => "tập thể",
        RecipientClass::Household => "hộ gia đình",
        RecipientClass::Enterprise => "doanh nghiệp",
    }
}

/// Write the template to `path` (.xlsx; .csv gives the list's header row only).
pub fn write_template(path: &Path, catalogue: &Catalogue) -> Result<(), ExportError> {
    write_sheets(path, &template_sheets(catalogue))
}
