//! Printing: the minutes and the ballot-count record as PDF, DOCX and
//! Markdown. `compose` turns a `MeetingRecord` into the format-free
//! `model::Document`; each renderer turns that into bytes. Rendering takes
//! owned, `Send` data and returns bytes, so it can run on a background thread.

pub mod certificate_pdf;
pub mod compose;
pub mod docx;
mod docx_layout;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pdf;
pub mod signed;

use std::path::PathBuf;

use sha2::{Digest, Sha256};

pub use model::Document;
pub use pdf::Template;

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("template {template} could not be used:\n{diagnostics}")]
    Template {
        template: String,
        diagnostics: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("rendering failed: {0}")]
    Render(String),
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Pdf,
    Docx,
    Markdown,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Markdown => "md",
        }
    }
}

/// Render `doc` in `format`. The template applies to PDF only.
pub fn render(doc: &Document, format: Format, template: &Template) -> Result<Vec<u8>, PrintError> {
    match format {
        Format::Pdf => pdf::render(doc, template),
        Format::Docx => docx::render(doc),
        Format::Markdown => Ok(markdown::render(doc).into_bytes()),
    }
}

/// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}
