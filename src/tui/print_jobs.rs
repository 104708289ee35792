//! Writing and printing documents off the UI loop. Typesetting a long
//! meeting takes seconds; the job owns its `Document` (composed on the UI
//! thread from a quick read), renders and writes on its own thread, and
//! reports back as an `Event::Job`, so the interface never stops answering.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::Sender;
use std::thread;

use crate::cli_print::write_private;
use crate::print::{self, Document, Format, Template};

use super::event::{Event, JobResult};

/// Where the document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A new file `stem.ext` in this folder (`stem-2.ext`, … when taken).
    File { dir: PathBuf, stem: String },
    /// The system printer through `lp`; without it, a PDF in `dir`.
    Printer { dir: PathBuf, stem: String },
}

/// What a finished job did.
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

/// Why a document was not written or printed; the screen says it in its
/// language, with the renderer's, the file system's or `lp`'s own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintFailure {
    /// The document could not be typeset.
    Render(String),
    /// The file could not be written.
    Write { path: PathBuf, detail: String },
    /// `lp` could not be started or refused the job.
    Printer(String),
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), PrintFailure> {
    write_private(path, bytes).map_err(|e| PrintFailure::Write {
        path: path.to_path_buf(),
        detail: format!("{e:#}"),
    })
}

/// A name in `dir` that does not exist yet, so earlier prints are kept.
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

fn find_on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

fn run(doc: &Document, format: Format, target: &Target) -> Result<Printed, PrintFailure> {
    let format = match target {
        Target::Printer { .. } => Format::Pdf,
        Target::File { .. } => format,
    };
    let bytes = print::render(doc, format, &Template::BuiltIn)
        .map_err(|e| PrintFailure::Render(e.to_string()))?;
    match target {
        Target::File { dir, stem } => {
            let path = free_path(dir, stem, format.extension());
            write(&path, &bytes)?;
            Ok(Printed::Written {
                path: std::fs::canonicalize(&path).unwrap_or(path),
                bytes: bytes.len(),
            })
        }
        Target::Printer { dir, stem } => {
            let Some(lp) = find_on_path("lp") else {
                let path = free_path(dir, stem, "pdf");
                write(&path, &bytes)?;
                return Ok(Printed::SavedNoPrinter {
                    path: std::fs::canonicalize(&path).unwrap_or(path),
                });
            };
            let tmp =
                std::env::temp_dir().join(format!("hoidong-{}-{stem}.pdf", std::process::id()));
            write(&tmp, &bytes)?;
            let out = Command::new(lp).arg(&tmp).output();
            let _ = std::fs::remove_file(&tmp);
            match out {
                Ok(o) if o.status.success() => Ok(Printed::SentToPrinter {
                    lp_said: String::from_utf8_lossy(&o.stdout).trim().to_string(),
                }),
                Ok(o) => Err(PrintFailure::Printer(
                    String::from_utf8_lossy(&o.stderr).trim().to_string(),
                )),
                Err(e) => Err(PrintFailure::Printer(e.to_string())),
            }
        }
    }
}

/// Render a PDF with `render` and write it as a new file `stem….pdf` in
/// `dir`, on a thread of its own (the certificates of a decision).
pub fn spawn_pdf(
    render: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    dir: PathBuf,
    stem: String,
    events: Sender<Event>,
) {
    thread::spawn(move || {
        let result = render().map_err(PrintFailure::Render).and_then(|bytes| {
            let path = free_path(&dir, &stem, "pdf");
            write(&path, &bytes)?;
            Ok(Printed::Written {
                path: std::fs::canonicalize(&path).unwrap_or(path),
                bytes: bytes.len(),
            })
        });
        let _ = events.send(Event::Job(JobResult::Printed(result)));
    });
}

/// A paper made in the awards area: written as a new PDF in `dir`, and also
/// sent to the printer where `lp` exists. The number of jobs started.
pub fn spawn_file_and_printer(
    doc: Document,
    dir: PathBuf,
    stem: String,
    events: Sender<Event>,
) -> usize {
    let printer = find_on_path("lp").is_some();
    if printer {
        spawn(
            doc.clone(),
            Format::Pdf,
            Target::Printer {
                dir: dir.clone(),
                stem: stem.clone(),
            },
            events.clone(),
        );
    }
    spawn(doc, Format::Pdf, Target::File { dir, stem }, events);
    1 + usize::from(printer)
}

/// Render and write on a thread of its own; the result arrives on `events`.
pub fn spawn(doc: Document, format: Format, target: Target, events: Sender<Event>) {
    thread::spawn(move || {
        let result = run(&doc, format, &target);
        let _ = events.send(Event::Job(JobResult::Printed(result)));
    });
}
