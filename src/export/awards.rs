//! The award register as a spreadsheet (`hoidong export awards FILE`): one
//! row per award held, with its decision and the prize money it carries.

use std::path::Path;

use crate::domain::prize::PrizeTable;
use crate::domain::register::RegisterEntry;
use crate::export::ExportError;
use crate::export::sheet::{Cell, Sheet, write_sheets};
use crate::i18n::Lang;
use crate::i18n::export::{AWARDS_HEADERS, AWARDS_SHEET};
use crate::i18n::report::kind_words;
use crate::store::{Store, StoreError};

/// The register as a sheet. The prize is the one in force on the decision's
/// date, left empty when the table has no figure for it.
pub fn awards_sheet(
    entries: &[RegisterEntry],
    prizes: &PrizeTable,
    level_name: impl Fn(&str) -> String,
) -> Sheet {
    let mut sheet = Sheet::new(AWARDS_SHEET, AWARDS_HEADERS);
    for (i, e) in entries.iter().enumerate() {
        let prize = e
            .decision_date
            .and_then(|d| prizes.amount(&e.award_code, e.nominee_kind.class(), d));
        sheet.push_row(vec![
            Cell::Int(i as i64 + 1),
            Cell::text(&e.nominee_name),
            Cell::text(kind_words(e.nominee_kind)),
            Cell::text(&e.unit),
            Cell::text(&e.award_name),
            Cell::text(level_name(&e.award_level)),
            Cell::Int(e.year.into()),
            Cell::text(&e.decision_number),
            Cell::opt(e.decision_date, Cell::Date),
            Cell::text(&e.authority),
            Cell::text(e.source.label(Lang::Vi)),
            Cell::opt(prize, |p| Cell::Int(p.amount)),
            Cell::text(&e.note),
        ]);
    }
    sheet
}

/// Write the whole register to `path` (.xlsx or .csv); returns the rows written.
pub fn export_awards(store: &Store, path: &Path) -> Result<usize, ExportError> {
    let entries = store.register_entries()?;
    let prizes = PrizeTable::built_in().map_err(|detail| StoreError::BuiltIn { detail })?;
    let catalogue = store.catalogue()?;
    let sheet = awards_sheet(&entries, &prizes, |code| {
        catalogue
            .level(code)
            .map_or(code.to_string(), |l| l.name.clone())
    });
    write_sheets(path, &[sheet])?;
    Ok(entries.len())
}
