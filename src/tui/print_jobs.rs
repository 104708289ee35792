//! Writing and printing documents off the UI loop. Typesetting a long
//! meeting takes seconds; the job owns its `Document` (composed on the UI
//! thread from a quick read), renders and writes on its own thread, and
//! reports back as an `Event::Job`, so the interface never stops answering.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::thread;

use crate::print::output::{self, find_on_path};
pub use crate::print::output::{Printed, free_path};
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

impl From<output::OutputError> for PrintFailure {
    fn from(e: output::OutputError) -> Self {
        match e {
            output::OutputError::NotAFileName { path } => PrintFailure::Write {
                detail: "not a file name".into(),
                path,
            },
            output::OutputError::Write { path, source } => PrintFailure::Write {
                path,
                detail: source.to_string(),
            },
            output::OutputError::Printer { detail, .. } => PrintFailure::Printer(detail),
        }
    }
}

fn run(doc: &Document, format: Format, target: &Target) -> Result<Printed, PrintFailure> {
    let format = match target {
        Target::Printer { .. } => Format::Pdf,
        Target::File { .. } => format,
    };
    let bytes = print::render(doc, format, &Template::BuiltIn)
        .map_err(|e| PrintFailure::Render(e.to_string()))?;
    match target {
        Target::File { dir, stem } => output::write_new_in(dir, stem, format.extension(), &bytes),
        Target::Printer { dir, stem } => output::send_to_printer(&bytes, dir, stem),
    }
    .map_err(PrintFailure::from)
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
        let result = render()
            .map_err(PrintFailure::Render)
            .and_then(|bytes| Ok(output::write_new_in(&dir, &stem, "pdf", &bytes)?));
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
