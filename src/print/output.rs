//! Where a finished paper goes, for the interface and the command line alike:
//! written privately (owner only) under a new name, so no earlier print is
//! ever replaced, or sent to the system printer through `lp`; where there is
//! no `lp`, or it fails, the PDF is saved instead, so the paper is never lost.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::store::restrict_permissions;

/// What became of a paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Printed {
    Written {
        path: PathBuf,
        bytes: usize,
    },
    SentToPrinter {
        lp_said: String,
    },
    /// No `lp` on this system: the PDF was saved here instead.
    SavedNoPrinter {
        path: PathBuf,
    },
}

/// Why a paper could not be written or printed.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{}: not a file name", path.display())]
    NotAFileName { path: PathBuf },
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `lp` refused the job or could not run; the PDF was saved at `saved`.
    #[error("lp: {detail}")]
    Printer { detail: String, saved: PathBuf },
}

/// A name in `dir` that does not exist yet (`stem.ext`, `stem-2.ext`, …).
pub fn free_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.{ext}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// The program `program` on PATH, if there is one.
pub fn find_on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Whether papers can go to a printer here.
pub fn printer_available() -> bool {
    find_on_path("lp").is_some()
}

/// Write `bytes` to `path`, readable by the owner only; a half-written file
/// never replaces a good one.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path.file_name().ok_or_else(|| OutputError::NotAFileName {
        path: path.to_path_buf(),
    })?;
    let tmp = dir.join(format!(".{}.part", file_name.to_string_lossy()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        restrict_permissions(&tmp);
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(source) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(OutputError::Write {
            path: path.to_path_buf(),
            source,
        });
    }
    restrict_permissions(path);
    Ok(())
}

/// Write `bytes` privately under a new name `stem….ext` in `dir`.
pub fn write_new_in(
    dir: &Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
) -> Result<Printed, OutputError> {
    let path = free_path(dir, stem, ext);
    write_private(&path, bytes)?;
    Ok(Printed::Written {
        path: std::fs::canonicalize(&path).unwrap_or(path),
        bytes: bytes.len(),
    })
}

/// Send a PDF to the printer with `lp`; where there is none, or it fails,
/// save it under a new name `stem….pdf` in `dir`.
pub fn send_to_printer(bytes: &[u8], dir: &Path, stem: &str) -> Result<Printed, OutputError> {
    let save = || -> Result<PathBuf, OutputError> {
        let path = free_path(dir, stem, "pdf");
        write_private(&path, bytes)?;
        Ok(std::fs::canonicalize(&path).unwrap_or(path))
    };
    let Some(lp) = find_on_path("lp") else {
        return Ok(Printed::SavedNoPrinter { path: save()? });
    };
    let tmp = std::env::temp_dir().join(format!("hoidong-{}-{stem}.pdf", std::process::id()));
    write_private(&tmp, bytes)?;
    let out = Command::new(lp).arg(&tmp).output();
    let _ = std::fs::remove_file(&tmp);
    let detail = match out {
        Ok(o) if o.status.success() => {
            return Ok(Printed::SentToPrinter {
                lp_said: String::from_utf8_lossy(&o.stdout).trim().to_string(),
            });
        }
        Ok(o) => String::from_utf8_lossy(&o.stderr).trim().to_string(),
        Err(e) => e.to_string(),
    };
    Err(OutputError::Printer {
        detail,
        saved: save()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_name_never_takes_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.pdf"), b"old").unwrap();
        std::fs::write(dir.path().join("p-2.pdf"), b"old").unwrap();
        let Printed::Written { path, bytes } =
            write_new_in(dir.path(), "p", "pdf", b"new").unwrap()
        else {
            panic!("not written");
        };
        assert_eq!(path.file_name().unwrap(), "p-3.pdf");
        assert_eq!(bytes, 3);
        assert_eq!(std::fs::read(dir.path().join("p.pdf")).unwrap(), b"old");
    }
}
