//! The year's report as a workbook (`hoidong report … --xlsx FILE`): one
//! sheet per view, with clear columns a province's own forms can take from.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::report::{Counts, YearReport};
use crate::export::ExportError;
use crate::export::sheet::{Cell, Sheet};
use crate::i18n::export as words;
use crate::i18n::report::{OUTCOMES, kind_words};
use crate::print::Document;
use crate::print::compose::report::other_outcomes;
use crate::store::{Store, StoreError};

fn count_cells(c: &Counts) -> Vec<Cell> {
    vec![
        Cell::Int(c.individuals.into()),
        Cell::Int(c.collectives.into()),
        Cell::Int(c.households.into()),
        Cell::Int(c.total().into()),
        Cell::Int(c.prize.amount),
        Cell::Int(c.prize.without_figure.into()),
    ]
}

fn headers(first: &[&str]) -> Vec<String> {
    first
        .iter()
        .chain(words::COUNT_HEADERS.iter())
        .chain([words::WITHOUT_PRIZE].iter())
        .map(|s| s.to_string())
        .collect()
}

fn total_row(lead: usize, c: &Counts) -> Vec<Cell> {
    let mut row = vec![Cell::Empty; lead];
    if let Some(first) = row.get_mut(1) {
        *first = Cell::text(words::TOTAL);
    }
    row.extend(count_cells(c));
    row
}

/// The sheets of the report: by award and level, by kind, by unit, referrals.
pub fn report_sheets(r: &YearReport, level_name: impl Fn(&str) -> String) -> Vec<Sheet> {
    let mut by_award = Sheet::new(words::BY_AWARD_SHEET, headers(&words::BY_AWARD_HEADERS));
    for (i, l) in r.by_award.iter().enumerate() {
        let mut row = vec![
            Cell::Int(i as i64 + 1),
            Cell::text(&l.award_name),
            Cell::text(&l.award_code),
            Cell::text(level_name(&l.level)),
        ];
        row.extend(count_cells(&l.counts));
        by_award.push_row(row);
    }
    by_award.push_row(total_row(4, &r.total));

    let mut by_kind = Sheet::new(words::BY_KIND_SHEET, headers(&words::BY_KIND_HEADERS));
    for (i, l) in r.by_kind.iter().enumerate() {
        let mut row = vec![Cell::Int(i as i64 + 1), Cell::text(kind_words(l.kind))];
        row.extend(count_cells(&l.counts));
        by_kind.push_row(row);
    }
    by_kind.push_row(total_row(2, &r.total));

    let mut by_unit = Sheet::new(words::BY_UNIT_SHEET, headers(&words::BY_UNIT_HEADERS));
    for (i, l) in r.by_unit.iter().enumerate() {
        let mut row = vec![Cell::Int(i as i64 + 1), Cell::text(&l.unit)];
        row.extend(count_cells(&l.counts));
        by_unit.push_row(row);
    }
    by_unit.push_row(total_row(2, &r.total));

    let mut referral_headers: Vec<String> = words::REFERRAL_HEADERS
        .iter()
        .map(|s| s.to_string())
        .collect();
    referral_headers.extend(OUTCOMES.iter().map(|(_, w)| w.to_string()));
    referral_headers.push(words::OTHER_OUTCOMES.into());
    let mut referrals = Sheet::new(words::REFERRALS_SHEET, referral_headers);
    for (i, l) in r.referrals.iter().enumerate() {
        let mut row = vec![
            Cell::Int(i as i64 + 1),
            Cell::text(&l.award_name),
            Cell::text(&l.award_code),
            Cell::text(level_name(&l.level)),
            Cell::Int(l.total.into()),
        ];
        row.extend(OUTCOMES.iter().map(|(s, _)| Cell::Int(l.count(*s).into())));
        row.push(Cell::Int(other_outcomes(l).into()));
        referrals.push_row(row);
    }
    vec![by_award, by_kind, by_unit, referrals]
}

/// The report as a document for the renderers, signed by the council's
/// chair in office on `date`.
pub fn report_document(
    store: &Store,
    report: &YearReport,
    date: NaiveDate,
) -> Result<Document, StoreError> {
    let ward = store.ward_for_documents()?;
    let signer = store.signing_chair(&ward, date)?;
    let catalogue = store.catalogue()?;
    Ok(crate::print::compose::report(
        report,
        &ward,
        |code| {
            catalogue
                .level(code)
                .map_or(code.to_string(), |l| l.name.clone())
        },
        date,
        &signer,
    ))
}

/// The workbook's bytes, to be written to `path`.
pub fn report_workbook(
    store: &Store,
    report: &YearReport,
    path: &Path,
) -> Result<Vec<u8>, ExportError> {
    let catalogue = store.catalogue()?;
    let sheets = report_sheets(report, |code| {
        catalogue
            .level(code)
            .map_or(code.to_string(), |l| l.name.clone())
    });
    crate::export::sheet::xlsx_bytes(&sheets).map_err(|e| ExportError::Xlsx {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}
