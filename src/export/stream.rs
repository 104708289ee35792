//! Sheets written while their rows are produced, in memory that does not grow
//! with the number of rows: XLSX worksheets in the writer's constant-memory
//! mode (each row goes to a temporary file as soon as the next one starts),
//! CSV straight to the file. The rows go to a private partial file next to
//! the target, renamed over it only once complete: a failed export leaves
//! nothing half-written under the chosen name.
//!
//! Rows of each sheet must come in order; rows of different sheets may be
//! interleaved. A sheet longer than a worksheet holds continues in
//! “Name (2)”, “Name (3)” …, each repeating the header.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Workbook, XlsxError};

use super::ExportError;
use super::sheet::{
    Cell, FileFormat, Formats, XLSX_MAX_DATA_ROWS, col, neutralise, sheet_name, start_worksheet,
    write_row,
};

/// One sheet being written to XLSX: where its current part is and how wide
/// its columns have been so far.
struct XlsxSheet {
    name: String,
    headers: Vec<String>,
    /// Index of the current part's worksheet in the workbook.
    worksheet: usize,
    part: usize,
    rows_in_part: usize,
    widths: Vec<usize>,
}

enum Output {
    Xlsx {
        book: Box<Workbook>,
        formats: Box<Formats>,
        sheets: Vec<XlsxSheet>,
    },
    /// Only the first sheet goes to a CSV file.
    Csv(Box<csv::Writer<BufWriter<File>>>),
}

/// The partial file; removed unless it was renamed into place.
struct Partial {
    path: PathBuf,
    kept: bool,
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// An export file being written row by row; [`SheetStream::finish`] puts it in place.
pub struct SheetStream {
    target: PathBuf,
    partial: Partial,
    output: Output,
    /// Data rows per worksheet before a sheet continues in the next.
    rows_per_worksheet: usize,
}

impl SheetStream {
    /// Start a file with these sheets (name and header row each), in the
    /// format the target's extension names.
    pub fn create(target: &Path, sheets: &[(&str, Vec<String>)]) -> Result<Self, ExportError> {
        let format = FileFormat::from_path(target)?;
        let partial = partial_path(target);
        let io = |source| ExportError::Io {
            path: target.to_path_buf(),
            source,
        };
        let file = create_private_new(&partial).map_err(io)?;
        let partial = Partial {
            path: partial,
            kept: false,
        };
        let output = match format {
            FileFormat::Csv => {
                let mut out = BufWriter::new(file);
                out.write_all(b"\xEF\xBB\xBF").map_err(io)?;
                let mut w = csv::WriterBuilder::new().flexible(true).from_writer(out);
                if let Some((_, headers)) = sheets.first() {
                    w.write_record(headers.iter().map(|h| neutralise(h)))
                        .map_err(|e| csv_error(target, e))?;
                }
                Output::Csv(Box::new(w))
            }
            FileFormat::Xlsx => {
                // The workbook writes the file itself at the end, to this name.
                drop(file);
                let mut book = Box::new(Workbook::new());
                let formats = Box::new(Formats::new());
                let mut open = Vec::new();
                for (name, headers) in sheets {
                    let worksheet = add_part(&mut book, name, headers, 1, &formats)
                        .map_err(|e| xlsx_error(target, e))?;
                    open.push(XlsxSheet {
                        name: (*name).to_string(),
                        headers: headers.clone(),
                        worksheet,
                        part: 1,
                        rows_in_part: 0,
                        widths: headers.iter().map(|h| Cell::text(h).width()).collect(),
                    });
                }
                if sheets.is_empty() {
                    book.add_worksheet();
                }
                Output::Xlsx {
                    book,
                    formats,
                    sheets: open,
                }
            }
        };
        Ok(SheetStream {
            target: target.to_path_buf(),
            partial,
            output,
            rows_per_worksheet: XLSX_MAX_DATA_ROWS,
        })
    }

    /// Append a row to sheet number `sheet` (0 is the first).
    pub fn push_row(&mut self, sheet: usize, row: &[Cell]) -> Result<(), ExportError> {
        match &mut self.output {
            Output::Csv(w) => {
                if sheet == 0 {
                    w.write_record(row.iter().map(Cell::csv_text))
                        .map_err(|e| csv_error(&self.target, e))?;
                }
                Ok(())
            }
            Output::Xlsx {
                book,
                formats,
                sheets,
            } => {
                let Some(s) = sheets.get_mut(sheet) else {
                    return Ok(());
                };
                push_xlsx_row(book, formats, s, row, self.rows_per_worksheet)
                    .map_err(|e| xlsx_error(&self.target, e))
            }
        }
    }

    /// Complete the file and put it under the target's name.
    pub fn finish(mut self) -> Result<(), ExportError> {
        let io = |source| ExportError::Io {
            path: self.target.clone(),
            source,
        };
        match self.output {
            Output::Csv(w) => {
                let out = w
                    .into_inner()
                    .map_err(|e| io(std::io::Error::other(e.to_string())))?;
                let file = out.into_inner().map_err(|e| io(e.into_error()))?;
                file.sync_all().map_err(io)?;
            }
            Output::Xlsx {
                mut book, sheets, ..
            } => {
                for s in &sheets {
                    set_widths(&mut book, s).map_err(|e| xlsx_error(&self.target, e))?;
                }
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(&self.partial.path)
                    .map_err(io)?;
                let mut out = BufWriter::new(file);
                book.save_to_writer(&mut out)
                    .map_err(|e| xlsx_error(&self.target, e))?;
                let file = out.into_inner().map_err(|e| io(e.into_error()))?;
                file.sync_all().map_err(io)?;
            }
        }
        std::fs::rename(&self.partial.path, &self.target).map_err(io)?;
        self.partial.kept = true;
        crate::store::restrict_permissions(&self.target);
        Ok(())
    }
}

fn push_xlsx_row(
    book: &mut Workbook,
    formats: &Formats,
    s: &mut XlsxSheet,
    row: &[Cell],
    rows_per_worksheet: usize,
) -> Result<(), XlsxError> {
    if s.rows_in_part == rows_per_worksheet.max(1) {
        set_widths(book, s)?;
        s.part += 1;
        s.worksheet = add_part(book, &s.name, &s.headers, s.part, formats)?;
        s.rows_in_part = 0;
        s.widths = s.headers.iter().map(|h| Cell::text(h).width()).collect();
    }
    s.rows_in_part += 1;
    for (c, cell) in row.iter().enumerate() {
        let w = cell.width();
        match s.widths.get_mut(c) {
            Some(old) => *old = (*old).max(w),
            None => s.widths.push(w),
        }
    }
    let r = u32::try_from(s.rows_in_part).unwrap_or(u32::MAX);
    write_row(book.worksheet_from_index(s.worksheet)?, r, row, formats)
}

/// Add the worksheet of part `part` of a sheet; returns its index.
fn add_part(
    book: &mut Workbook,
    name: &str,
    headers: &[String],
    part: usize,
    formats: &Formats,
) -> Result<usize, XlsxError> {
    let name = if part == 1 {
        name.to_string()
    } else {
        let suffix = format!(" ({part})");
        let base: String = sheet_name(name)
            .chars()
            .take(31 - suffix.chars().count())
            .collect();
        format!("{base}{suffix}")
    };
    let ws = book.add_worksheet_with_constant_memory()?;
    start_worksheet(ws, &name, headers, formats)?;
    Ok(book.worksheets().len() - 1)
}

fn set_widths(book: &mut Workbook, s: &XlsxSheet) -> Result<(), XlsxError> {
    let ws = book.worksheet_from_index(s.worksheet)?;
    for (c, w) in s.widths.iter().enumerate() {
        ws.set_column_width(col(c), (*w + 2).clamp(6, 60) as f64)?;
    }
    Ok(())
}

/// `.name.xlsx.1234.part` beside the target.
fn partial_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.part", std::process::id()))
}

/// A new file readable by its owner only; an old partial file of the same
/// process id (left by a crash) is replaced.
fn create_private_new(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    crate::store::restrict_permissions(path);
    Ok(file)
}

fn xlsx_error(path: &Path, e: XlsxError) -> ExportError {
    ExportError::Xlsx {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

fn csv_error(path: &Path, e: csv::Error) -> ExportError {
    ExportError::Csv {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx, open_workbook};

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|h| (*h).to_string()).collect()
    }

    #[test]
    fn interleaved_sheets_continue_in_numbered_parts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.xlsx");
        let mut out = SheetStream::create(
            &path,
            &[("List", headers(&["A"])), ("Scores", headers(&["B"]))],
        )
        .unwrap();
        out.rows_per_worksheet = 2;
        for i in 0..3 {
            out.push_row(0, &[Cell::Int(i)]).unwrap();
            for j in 0..2 {
                out.push_row(1, &[Cell::text(format!("{i}.{j}"))]).unwrap();
            }
        }
        out.finish().unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(
            book.sheet_names(),
            ["List", "Scores", "Scores (2)", "List (2)", "Scores (3)"]
        );
        let list2 = book.worksheet_range("List (2)").unwrap();
        assert_eq!(list2.get((0, 0)), Some(&Data::String("A".into())));
        assert_eq!(list2.get((1, 0)), Some(&Data::Float(2.0)));
        let scores3 = book.worksheet_range("Scores (3)").unwrap();
        assert_eq!(scores3.get((2, 0)), Some(&Data::String("2.1".into())));
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the export itself remains");
    }

    #[test]
    fn a_failed_export_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let mut out = SheetStream::create(&path, &[("List", headers(&["A"]))]).unwrap();
        out.push_row(0, &[Cell::Int(1)]).unwrap();
        drop(out);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
