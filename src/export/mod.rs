//! Spreadsheets out. [`sheet`] is the generic table writer (XLSX and CSV);
//! the other modules turn domain data into sheets.

pub mod awards;
pub mod nominations;
pub mod report;
pub mod sheet;
pub mod stream;

use std::path::{Path, PathBuf};

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
    #[error("{}: already exists; an export never replaces a file: choose a new name, or add --force to replace it", path.display())]
    TargetExists { path: PathBuf },
    #[error("{}: this is the database (or its log) itself; choose another file name for the export", path.display())]
    TargetIsDatabase { path: PathBuf },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Refuse to write an export over an existing file without `force`, and
/// over the database, its log or its shared memory ever (replacing it would
/// destroy the record, and opening it would drop SQLite's locks on it).
pub fn check_target(file: &Path, force: bool, db: Option<&Path>) -> Result<(), ExportError> {
    let Ok(target) = std::fs::metadata(file) else {
        return Ok(());
    };
    if let Some(db) = db {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            if let Ok(m) = std::fs::metadata(PathBuf::from(name))
                && same_file(&target, &m)
            {
                return Err(ExportError::TargetIsDatabase {
                    path: file.to_path_buf(),
                });
            }
        }
    }
    if !force {
        return Err(ExportError::TargetExists {
            path: file.to_path_buf(),
        });
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Without inode numbers: same size and modification time is taken as the
/// same file, erring on the side of refusing.
#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}
