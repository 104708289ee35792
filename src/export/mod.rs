//! Spreadsheets out. [`sheet`] is the generic table writer (XLSX and CSV);
//! the other modules turn domain data into sheets.

pub mod awards;
pub mod sheet;

use std::path::PathBuf;

/// Errors of writing an export file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: unsupported file type; use a name ending in .xlsx or .csv", path.display())]
    UnsupportedFormat { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: could not write the XLSX file ({detail})", path.display())]
    Xlsx { path: PathBuf, detail: String },
    #[error("{}: could not write the CSV file ({detail})", path.display())]
    Csv { path: PathBuf, detail: String },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}
