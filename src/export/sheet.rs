//! A small table writer shared by every export: one [`Sheet`] (or several)
//! written to XLSX or CSV, the format chosen from the file name.
//!
//! ```no_run
//! use hoidong::export::sheet::{Cell, Sheet, write_sheets};
//! let mut sheet = Sheet::new("Danh sách", ["STT", "Họ và tên", "Điểm"]);
//! sheet.push_row(vec![Cell::Int(1), Cell::text("Nguyễn Văn An"), Cell::decimal(87.5, 1)]);
//! write_sheets(std::path::Path::new("danh-sach.xlsx"), &[sheet])?;
//! # Ok::<(), hoidong::export::ExportError>(())
//! ```
//!
//! - XLSX: bold header row, frozen below the header, column widths from the
//!   content, number and date formats; every sheet becomes a worksheet.
//! - CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese correctly),
//!   comma-separated; only the first sheet is written.
//! - Text that a spreadsheet could take for a formula (starting with `=`, `+`,
//!   `-`, `@`, tab or carriage return) is neutralised: in CSV it gets a leading
//!   apostrophe, in XLSX the cell is a text cell with Excel's quote prefix (the
//!   apostrophe is not shown, and editing the cell keeps it text).
//!   [`unneutralise`] undoes the CSV form when a file is read back.
//! - Files are created readable by their owner only (mode 0600).

use std::io::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use super::ExportError;

/// One cell value, typed so that spreadsheets sort and sum it correctly.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    /// A number shown with a fixed number of decimal places.
    Decimal {
        value: f64,
        places: u8,
    },
    /// Written as a real date in XLSX (dd/mm/yyyy), as dd/mm/yyyy text in CSV.
    Date(NaiveDate),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn decimal(value: f64, places: u8) -> Cell {
        Cell::Decimal { value, places }
    }

    /// `Empty` for `None`, otherwise the value made by `f`.
    pub fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> Cell) -> Cell {
        v.map(f).unwrap_or(Cell::Empty)
    }

    /// The text a CSV file holds for this cell (already neutralised).
    pub fn csv_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => neutralise(s),
            Cell::Int(i) => i.to_string(),
            Cell::Decimal { value, places } => format!("{value:.*}", *places as usize),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
        }
    }

    /// Display width, for column sizing.
    pub(super) fn width(&self) -> usize {
        match self {
            Cell::Text(s) => s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
            Cell::Date(_) => 10,
            other => other.csv_text().len(),
        }
    }
}

/// A named table with one header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Worksheet name (at most 31 characters; Excel forbids `[]:*?/\`).
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new<S: Into<String>>(name: &str, headers: impl IntoIterator<Item = S>) -> Sheet {
        Sheet {
            name: name.to_string(),
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push_row(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// Column widths in characters: the widest cell or header, within 6..=60.
    pub fn column_widths(&self) -> Vec<f64> {
        (0..self.column_count())
            .map(|c| {
                let header = self.headers.get(c).map_or(0, |h| h.width());
                let cells = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(Cell::width)
                    .max()
                    .unwrap_or(0);
                (header.max(cells) + 2).clamp(6, 60) as f64
            })
            .collect()
    }

    fn column_count(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain([self.headers.len()])
            .max()
            .unwrap_or(0)
    }
}

/// File formats the writer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Xlsx,
    Csv,
}

impl FileFormat {
    /// The format named by the file's extension (case-insensitive).
    pub fn from_path(path: &Path) -> Result<FileFormat, ExportError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("xlsx") => Ok(FileFormat::Xlsx),
            Some("csv") => Ok(FileFormat::Csv),
            _ => Err(ExportError::UnsupportedFormat {
                path: path.to_path_buf(),
            }),
        }
    }
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub(super) fn needs_neutralising(s: &str) -> bool {
    s.starts_with(FORMULA_TRIGGERS)
}

/// `s` with a leading apostrophe when it could be taken for a formula.
pub fn neutralise(s: &str) -> String {
    if needs_neutralising(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Undo [`neutralise`]: drop an apostrophe that precedes a formula character.
pub fn unneutralise(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_neutralising(rest) => rest,
        _ => s,
    }
}

/// Write `sheets` to `path` in the format its extension names (`.xlsx`:
/// every sheet; `.csv`: the first sheet only).
pub fn write_sheets(path: &Path, sheets: &[Sheet]) -> Result<(), ExportError> {
    let bytes = match FileFormat::from_path(path)? {
        FileFormat::Xlsx => xlsx_bytes(sheets).map_err(|e| ExportError::Xlsx {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?,
        FileFormat::Csv => csv_bytes(sheets.first()).map_err(|e| ExportError::Csv {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?,
    };
    write_private(path, &bytes)
}

/// The CSV form of a sheet: UTF-8 with BOM, header row first.
pub fn csv_bytes(sheet: Option<&Sheet>) -> Result<Vec<u8>, csv::Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    if let Some(sheet) = sheet {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut out);
        w.write_record(sheet.headers.iter().map(|h| neutralise(h)))?;
        for row in &sheet.rows {
            w.write_record(row.iter().map(Cell::csv_text))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// The XLSX form of the sheets.
pub fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    for sheet in sheets {
        for part in split_rows(sheet, XLSX_MAX_DATA_ROWS) {
            let ws = book.add_worksheet();
            fill_worksheet(ws, &part)?;
        }
    }
    if sheets.is_empty() {
        book.add_worksheet();
    }
    book.save_to_buffer()
}

/// Rows a worksheet can hold below its header (Excel's limit is 1,048,576).
pub const XLSX_MAX_DATA_ROWS: usize = 1_048_575;

/// A sheet too long for one worksheet, cut into parts of at most `max` rows;
/// the parts after the first are named “Name (2)”, “Name (3)” … and repeat
/// the header.
pub fn split_rows(sheet: &Sheet, max: usize) -> Vec<Sheet> {
    if sheet.rows.len() <= max || max == 0 {
        return vec![sheet.clone()];
    }
    sheet
        .rows
        .chunks(max)
        .enumerate()
        .map(|(i, rows)| {
            let name = if i == 0 {
                sheet.name.clone()
            } else {
                let suffix = format!(" ({})", i + 1);
                let base: String = sheet_name(&sheet.name)
                    .chars()
                    .take(31 - suffix.chars().count())
                    .collect();
                format!("{base}{suffix}")
            };
            Sheet {
                name,
                headers: sheet.headers.clone(),
                rows: rows.to_vec(),
            }
        })
        .collect()
}

fn fill_worksheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), rust_xlsxwriter::XlsxError> {
    let formats = Formats::new();
    start_worksheet(ws, &sheet.name, &sheet.headers, &formats)?;
    for (r, row) in sheet.rows.iter().enumerate() {
        write_row(ws, (r + 1) as u32, row, &formats)?;
    }
    for (c, w) in sheet.column_widths().into_iter().enumerate() {
        ws.set_column_width(col(c), w)?;
    }
    Ok(())
}

/// The cell formats of every export, made once.
pub(super) struct Formats {
    bold: Format,
    quoted: Format,
    date: Format,
    /// Number formats by decimal places, 0..=4 (more places use the last).
    decimals: Vec<Format>,
}

impl Formats {
    pub(super) fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold().set_text_wrap(),
            quoted: Format::new().set_quote_prefix(),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            decimals: (0..=4)
                .map(|p| Format::new().set_num_format(number_format(p)))
                .collect(),
        }
    }

    fn decimal(&self, places: u8) -> Format {
        match self.decimals.get(usize::from(places)) {
            Some(f) => f.clone(),
            None => Format::new().set_num_format(number_format(places)),
        }
    }
}

/// Name the worksheet, write its bold header row and freeze below it.
pub(super) fn start_worksheet(
    ws: &mut Worksheet,
    name: &str,
    headers: &[String],
    formats: &Formats,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(sheet_name(name))?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col(c), h, &formats.bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Write one row of cells at row `r`.
pub(super) fn write_row(
    ws: &mut Worksheet,
    r: u32,
    row: &[Cell],
    formats: &Formats,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    for (c, cell) in row.iter().enumerate() {
        let c = col(c);
        match cell {
            Cell::Empty => {}
            Cell::Text(s) if needs_neutralising(s) => {
                ws.write_string_with_format(r, c, s, &formats.quoted)?;
            }
            Cell::Text(s) => {
                ws.write_string(r, c, s)?;
            }
            Cell::Int(i) => {
                ws.write_number(r, c, *i as f64)?;
            }
            Cell::Decimal { value, places } => {
                ws.write_number_with_format(r, c, *value, &formats.decimal(*places))?;
            }
            Cell::Date(d) => {
                let (y, m, day) = (d.year(), d.month(), d.day());
                match u16::try_from(y)
                    .ok()
                    .and_then(|y| ExcelDateTime::from_ymd(y, m as u8, day as u8).ok())
                {
                    Some(dt) => ws.write_datetime_with_format(r, c, &dt, &formats.date)?,
                    // Excel has no dates before 1900: keep them as text.
                    None => ws.write_string(r, c, d.format("%d/%m/%Y").to_string())?,
                };
            }
        }
    }
    Ok(())
}

/// Excel number format with `places` decimals: 0, 0.0, 0.00 …
pub fn number_format(places: u8) -> String {
    if places == 0 {
        "0".into()
    } else {
        format!("0.{}", "0".repeat(places as usize))
    }
}

pub(super) fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// A worksheet name Excel accepts: forbidden characters replaced, 31 chars at most.
pub(super) fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    let trimmed = cleaned.trim_matches('\'').to_string();
    if trimmed.is_empty() {
        "Sheet1".into()
    } else {
        trimmed
    }
}

/// Create `path`, which must not exist yet, with `bytes`, readable by the
/// owner only: a paper once written is never replaced by another.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(path).with_context(|| {
        if path.exists() {
            format!("{}: already exists; choose a new file name", path.display())
        } else {
            format!("{}: cannot be created", path.display())
        }
    })?;
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if let Err(e) = written {
        drop(f);
        let _ = std::fs::remove_file(path);
        return Err(e).with_context(|| format!("{}: cannot write", path.display()));
    }
    Ok(())
}

/// Create (or replace) `path` with `bytes`, readable by the owner only.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(path).map_err(io)?;
    // The mode above applies only to new files; an existing one is narrowed too.
    crate::store::restrict_permissions(path);
    f.write_all(bytes).map_err(io)?;
    f.sync_all().map_err(io)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

    fn sample() -> Sheet {
        let mut s = Sheet::new("Danh sách", ["STT", "Họ và tên", "Điểm", "Ngày"]);
        s.push_row(vec![
            Cell::Int(1),
            Cell::text("Nguyễn Thị Ánh"),
            Cell::decimal(87.25, 1),
            Cell::Date(NaiveDate::from_ymd_opt(2025, 3, 9).unwrap()),
        ]);
        s.push_row(vec![
            Cell::Int(2),
            Cell::text("=HYPERLINK(\"http://x\")"),
            Cell::Empty,
            Cell::Empty,
        ]);
        s
    }

    #[test]
    fn format_follows_extension() {
        assert_eq!(
            FileFormat::from_path(Path::new("a.XLSX")).unwrap(),
            FileFormat::Xlsx
        );
        assert_eq!(
            FileFormat::from_path(Path::new("a.csv")).unwrap(),
            FileFormat::Csv
        );
        let e = FileFormat::from_path(Path::new("a.ods")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.ods: unsupported file type; use a name ending in .xlsx or .csv"
        );
        assert!(FileFormat::from_path(Path::new("noext")).is_err());
    }

    #[test]
    fn neutralising_round_trips() {
        for s in ["=1+1", "+84", "-5", "@SUM", "\tx", "\rx"] {
            assert_eq!(neutralise(s), format!("'{s}"));
            assert_eq!(unneutralise(&neutralise(s)), s);
        }
        for s in ["Nguyễn", "'quoted", "1-2", ""] {
            assert_eq!(neutralise(s), s);
            assert_eq!(unneutralise(s), s);
        }
    }

    #[test]
    fn csv_has_bom_and_neutralised_cells() {
        let bytes = csv_bytes(Some(&sample())).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "STT,Họ và tên,Điểm,Ngày\n1,Nguyễn Thị Ánh,87.2,09/03/2025\n2,\"'=HYPERLINK(\"\"http://x\"\")\",,\n"
        );
    }

    #[test]
    fn xlsx_reads_back_typed_values() {
        let bytes = xlsx_bytes(&[sample(), Sheet::new("Điểm/chi tiết", ["A"])]).unwrap();
        let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), vec!["Danh sách", "Điểm_chi tiết"]);
        let range = book.worksheet_range("Danh sách").unwrap();
        assert_eq!(range.get((0, 1)), Some(&Data::String("Họ và tên".into())));
        assert_eq!(range.get((1, 0)), Some(&Data::Float(1.0)));
        assert_eq!(range.get((1, 2)), Some(&Data::Float(87.25)));
        match range.get((1, 3)) {
            Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), 45725.0),
            other => panic!("date cell read as {other:?}"),
        }
        // A text cell, never a formula; the quote prefix is formatting only.
        assert_eq!(
            range.get((2, 1)),
            Some(&Data::String("=HYPERLINK(\"http://x\")".into()))
        );
        assert!(book.worksheet_formula("Danh sách").unwrap().is_empty());
    }

    #[test]
    fn widths_follow_content_within_bounds() {
        let mut s = Sheet::new("x", ["A", "Tóm tắt thành tích"]);
        s.push_row(vec![Cell::Int(1), Cell::text("x".repeat(200))]);
        assert_eq!(s.column_widths(), vec![6.0, 60.0]);
        let s = Sheet::new("x", ["Họ và tên"]);
        assert_eq!(s.column_widths(), vec![11.0]);
    }

    #[test]
    fn files_are_private_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["out.xlsx", "out.csv"] {
            let path = dir.path().join(name);
            std::fs::write(&path, "old").unwrap();
            write_sheets(&path, &[sample()]).unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&path).unwrap().permissions().mode();
                assert_eq!(mode & 0o777, 0o600, "{name}");
            }
            assert_ne!(std::fs::read(&path).unwrap(), b"old");
        }
        let bad = dir.path().join("out.pdf");
        assert!(write_sheets(&bad, &[sample()]).is_err());
        assert!(!bad.exists());
    }

    #[test]
    fn long_sheets_are_split_with_their_header() {
        let mut s = Sheet::new(&"Điểm chấm".repeat(4), ["A"]);
        for i in 0..5 {
            s.push_row(vec![Cell::Int(i)]);
        }
        let parts = split_rows(&s, 2);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[2].name.chars().count(), 31);
        assert!(parts[2].name.ends_with(" (3)"));
        assert_eq!(parts[2].rows, vec![vec![Cell::Int(4)]]);
        assert!(parts.iter().all(|p| p.headers == ["A"]));
        assert_eq!(split_rows(&s, 5).len(), 1);
    }

    #[test]
    fn sheet_names_are_made_valid() {
        assert_eq!(sheet_name("a/b[c]"), "a_b_c_");
        assert_eq!(sheet_name(""), "Sheet1");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
