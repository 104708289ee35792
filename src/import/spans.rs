//! What a workbook says beyond cell values, needed to read a list as it
//! looks: merged regions (a title over the columns, "Năm sinh" over "Nam"
//! and "Nữ", one award for a block of rows) and cells formatted as percent
//! (100% is stored as 1). XLSX: from the reader. XLS: merged regions from
//! the reader; its number formats are not exposed, so a percent cell there
//! reads as its stored fraction. ODS: the reader exposes neither, so both
//! are read from the file's content.xml.

use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{Dimensions, Sheets};
use quick_xml::events::{BytesStart, Event};

/// Merged regions and percent cells of one sheet, in absolute (row, column)
/// positions counted from 0.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetLayout {
    pub merged: Vec<Dimensions>,
    pub percent: Vec<(u32, u32)>,
}

/// The extras of sheet `name`.
pub fn sheet_layout<RS: Read + Seek>(
    book: &mut Sheets<RS>,
    path: &Path,
    name: &str,
) -> SheetLayout {
    match book {
        Sheets::Xlsx(x) => {
            let merged = x.merge_cells_by_sheet_name(name).unwrap_or_default();
            let percent = x
                .worksheet_style(name)
                .map(|styles| {
                    styles
                        .cells()
                        .filter(|(_, _, s)| {
                            s.number_format
                                .as_ref()
                                .is_some_and(|f| is_percent_format(&f.format_code))
                        })
                        .map(|(r, c, _)| (r, c))
                        .collect()
                })
                .unwrap_or_default();
            SheetLayout { merged, percent }
        }
        Sheets::Xls(x) => SheetLayout {
            merged: x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            percent: Vec::new(),
        },
        Sheets::Ods(_) => ods_layout(path, name).unwrap_or_default(),
        Sheets::Xlsb(_) => SheetLayout::default(),
    }
}

/// A number format that shows a percent: a "%" outside quotes.
fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// Rows or columns repeated more than this are the sheet's empty tail.
const REPEAT_LIMIT: u32 = 10_000;

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.into_owned())
}

fn count(e: &BytesStart<'_>, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// Scan content.xml of an ODS file for the sheet's spans and percent cells.
fn ods_layout(path: &Path, sheet: &str) -> Option<SheetLayout> {
    let file = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).ok()?;
    let content = zip.by_name("content.xml").ok()?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut out = SheetLayout::default();
    let mut in_sheet = false;
    let (mut row, mut col) = (0u32, 0u32);
    let mut row_repeat = 1u32;
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        let (e, is_empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table" if in_sheet => return Some(out),
                    "table:table-row" if in_sheet => {
                        row = row.saturating_add(row_repeat.min(REPEAT_LIMIT));
                    }
                    _ => {}
                }
                buf.clear();
                continue;
            }
            Event::Eof => return in_sheet.then_some(out),
            _ => {
                buf.clear();
                continue;
            }
        };
        match e.name().as_ref() {
            "table:table" => {
                in_sheet = attr(e, "table:name").as_deref() == Some(sheet);
                row = 0;
            }
            "table:table-row" if in_sheet => {
                col = 0;
                row_repeat = count(e, "table:number-rows-repeated");
                if is_empty {
                    row = row.saturating_add(row_repeat.min(REPEAT_LIMIT));
                }
            }
            "table:table-cell" | "table:covered-table-cell" if in_sheet => {
                let repeat = count(e, "table:number-columns-repeated").min(REPEAT_LIMIT);
                let rows = count(e, "table:number-rows-spanned");
                let cols = count(e, "table:number-columns-spanned");
                if rows > 1 || cols > 1 {
                    out.merged.push(Dimensions::new(
                        (row, col),
                        (row + rows - 1, col + cols - 1),
                    ));
                }
                if attr(e, "office:value-type").as_deref() == Some("percentage") {
                    for r in 0..row_repeat.min(REPEAT_LIMIT) {
                        for c in 0..repeat {
                            out.percent.push((row + r, col + c));
                        }
                    }
                }
                col = col.saturating_add(repeat);
            }
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats() {
        assert!(is_percent_format("0%"));
        assert!(is_percent_format("0.00%"));
        assert!(!is_percent_format("General"));
        assert!(!is_percent_format("0\"%\""));
        assert!(!is_percent_format("0\\%"));
    }
}
