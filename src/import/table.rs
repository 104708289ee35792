//! Reading a spreadsheet (XLSX, ODS, XLS) or a CSV file into plain tables of
//! typed cells, keeping each row's number as the spreadsheet shows it.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::ImportError;
use crate::domain::text::nfc;
use crate::export::sheet::unneutralise;

/// One cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A number in a cell formatted as percent, as the cell shows it
    /// (100 for 100%, which the file stores as 1).
    Percent(f64),
    /// A formula error such as #REF!, as the file shows it.
    Error(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: numbers without a needless ".0", dates as dd/mm/yyyy.
    pub fn as_text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.trim().to_string(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.format("%d/%m/%Y").to_string(),
            Value::Percent(p) => format!("{}%", Value::Number(*p).as_text()),
            Value::Error(e) => e.clone(),
        }
    }
}

/// A data row and its number in the file (1 = the first line or row).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<Value>,
}

impl Row {
    pub fn get(&self, col: usize) -> &Value {
        self.cells.get(col).unwrap_or(&Value::Empty)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Value::is_empty)
    }
}

/// One sheet of a workbook, or the whole of a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub rows: Vec<Row>,
    /// The file does not say which cells are formatted as percent (XLS):
    /// a 1 there may be 1% or 100%.
    pub percent_formats_unknown: bool,
}

/// The kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Workbook,
    Csv,
}

impl SourceFormat {
    pub fn from_path(path: &Path) -> Result<SourceFormat, ImportError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("xlsx" | "xlsm" | "xls" | "ods") => Ok(SourceFormat::Workbook),
            Some("csv") => Ok(SourceFormat::Csv),
            _ => Err(ImportError::UnsupportedFormat {
                path: path.to_path_buf(),
            }),
        }
    }
}

/// Every sheet of the file, in order (a CSV file is one table).
pub fn read_tables(path: &Path) -> Result<Vec<Table>, ImportError> {
    let format = SourceFormat::from_path(path)?;
    if !path.is_file() {
        return Err(ImportError::NotFound {
            path: path.to_path_buf(),
        });
    }
    match format {
        SourceFormat::Workbook => read_workbook(path),
        SourceFormat::Csv => {
            let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            let table = read_csv(&bytes).map_err(|detail| ImportError::Unreadable {
                path: path.to_path_buf(),
                detail,
            })?;
            Ok(vec![table])
        }
    }
}

fn read_workbook(path: &Path) -> Result<Vec<Table>, ImportError> {
    let unreadable = |detail: String| ImportError::Unreadable {
        path: path.to_path_buf(),
        detail,
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    // The library's detail (zip internals) tells a secretary nothing.
    let damaged = || {
        unreadable(format!(
            "the file is damaged, or is not really a .{ext} file"
        ))
    };
    let mut book = open_workbook_auto(path).map_err(|_| damaged())?;
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|_| damaged())?;
        let extras = super::spans::sheet_layout(&mut book, path, &name);
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let mut grid: Vec<Vec<Value>> = range
            .rows()
            .map(|cells| {
                std::iter::repeat_n(Value::Empty, first_col as usize)
                    .chain(cells.iter().map(cell_value))
                    .collect()
            })
            .collect();
        apply_layout(&mut grid, first_row, &extras);
        let rows = grid
            .into_iter()
            .enumerate()
            .map(|(i, cells)| Row {
                line: first_row as usize + i + 1,
                cells,
            })
            .collect();
        tables.push(Table {
            name,
            rows,
            percent_formats_unknown: matches!(book, calamine::Sheets::Xls(_)),
        });
    }
    Ok(tables)
}

/// Percent cells read as the percent they show; a region merged over rows
/// (one award for a block of people) gives its value to every row, as the
/// reader of the printed list sees it. Across columns nothing is copied: a
/// signer's title merged over three columns must not become an award.
fn apply_layout(grid: &mut [Vec<Value>], first_row: u32, extras: &super::spans::SheetLayout) {
    let at = |r: u32| r.checked_sub(first_row).map(|r| r as usize);
    for (r, c) in &extras.percent {
        if let Some(cell) = at(*r)
            .and_then(|r| grid.get_mut(r))
            .and_then(|row| row.get_mut(*c as usize))
            && let Value::Number(n) = cell
        {
            // 0.45 × 100 is 45.000000000000007 in binary: keep what the cell shows.
            *cell = Value::Percent((*n * 100.0 * 1e6).round() / 1e6);
        }
    }
    for region in &extras.merged {
        let Some(value) = at(region.start.0)
            .and_then(|r| grid.get(r))
            .and_then(|row| row.get(region.start.1 as usize))
            .filter(|v| !v.is_empty())
            .cloned()
        else {
            continue;
        };
        for r in region.start.0..=region.end.0 {
            let Some(row) = at(r).and_then(|r| grid.get_mut(r)) else {
                continue;
            };
            let c = region.start.1 as usize;
            if row.len() <= c {
                row.resize(c + 1, Value::Empty);
            }
            if row[c].is_empty() {
                row[c] = value.clone();
            }
        }
    }
}

fn cell_value(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(nfc_text(s)),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(dt) => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), m.into(), day.into())
                .map(Value::Date)
                .unwrap_or(Value::Number(dt.as_f64()))
        }
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(Value::Date)
            .unwrap_or_else(|| Value::Text(s.clone())),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
    }
}

fn nfc_text(s: &str) -> String {
    nfc(unneutralise(s))
}

/// How a CSV file's bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1258,
}

/// Decode CSV bytes: UTF-8 (a BOM is dropped) when valid, otherwise
/// Windows-1258, the Vietnamese code page of Excel's "CSV" on Windows. That
/// code page writes most tones as combining marks: the text is NFC-normalised.
pub fn decode_csv(bytes: &[u8]) -> (String, Encoding) {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => (s.nfc().collect(), Encoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
            (text.nfc().collect(), Encoding::Windows1258)
        }
    }
}

/// The separator of a CSV file: comma, semicolon (Excel in locales whose
/// decimal mark is a comma, as in Vietnam) or tab, whichever the first line
/// uses most outside quotes.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// A CSV file as one table of text cells.
pub fn read_csv(bytes: &[u8]) -> Result<Table, String> {
    let (text, _) = decode_csv(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Rows are counted as a spreadsheet shows the file: one per record, even
    // when a quoted cell spans several lines.
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| e.to_string())?;
        let line = i + 1;
        let cells = record
            .iter()
            .map(|s| {
                if s.trim().is_empty() {
                    Value::Empty
                } else {
                    Value::Text(unneutralise(s).to_string())
                }
            })
            .collect();
        rows.push(Row { line, cells });
    }
    Ok(Table {
        name: String::new(),
        rows,
        percent_formats_unknown: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (a, ea) = decode_csv("Họ và tên\n".as_bytes());
        let (b, eb) = decode_csv(b"\xEF\xBB\xBFH\xE1\xBB\x8D");
        assert_eq!((a.as_str(), ea), ("Họ và tên\n", Encoding::Utf8));
        assert_eq!((b.as_str(), eb), ("Họ", Encoding::Utf8));
    }

    #[test]
    fn windows_1258_is_decoded_and_composed() {
        // As `iconv -t WINDOWS-1258` writes it: ê + combining tilde, i + dot below …
        let bytes = b"Nguy\xEA\xDEn Thi\xF2 H\xF4\xCCng";
        let (text, enc) = decode_csv(bytes);
        assert_eq!(enc, Encoding::Windows1258);
        assert_eq!(text, "Nguyễn Thị Hồng");
        assert_eq!(text, nfc(&text));
    }

    #[test]
    fn delimiters_are_sniffed() {
        let t = read_csv("a;b;\"c;d\"\n1;2;3\n".as_bytes()).unwrap();
        assert_eq!(t.rows[0].cells.len(), 3);
        assert_eq!(t.rows[1].line, 2);
        let t = read_csv("a,b\n'=1,x\n".as_bytes()).unwrap();
        assert_eq!(t.rows[1].cells[0], Value::Text("=1".into()));
    }

    #[test]
    fn numbers_print_as_text_without_fraction() {
        assert_eq!(Value::Number(1985.0).as_text(), "1985");
        assert_eq!(Value::Number(7.5).as_text(), "7.5");
        let d = NaiveDate::from_ymd_opt(1985, 1, 2).unwrap();
        assert_eq!(Value::Date(d).as_text(), "02/01/1985");
    }
}
