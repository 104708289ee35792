//! PDF through typst used as a library. A minimal `World`: the template is
//! the main file, the document arrives as the virtual file `data.json`, the
//! fonts are the Liberation Serif files embedded from `data/fonts/`. Same
//! document, same template → same bytes (fixed PDF identifier, no date).

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

use super::PrintError;
use super::model::{DocKind, Document};

pub const BUILTIN_MINUTES: &str = include_str!("../../data/templates/bien-ban.typ");
pub const BUILTIN_BALLOTS: &str = include_str!("../../data/templates/bien-ban-kiem-phieu.typ");
pub const BUILTIN_DECISION: &str = include_str!("../../data/templates/quyet-dinh.typ");
pub const BUILTIN_CERTIFICATE: &str = include_str!("../../data/templates/giay-khen.typ");
pub const BUILTIN_SUBMISSION: &str = include_str!("../../data/templates/to-trinh.typ");
pub const BUILTIN_REPORT: &str = include_str!("../../data/templates/bao-cao.typ");

const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../data/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../data/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../data/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../data/fonts/LiberationSerif-BoldItalic.ttf"),
];

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

fn file_id(path: &str) -> FileId {
    // Both paths are constants, which always parse.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("constant path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

static MAIN_ID: LazyLock<FileId> = LazyLock::new(|| file_id("/main.typ"));
static DATA_ID: LazyLock<FileId> = LazyLock::new(|| file_id("/data.json"));

/// Which layout to use: the built-in one, or a ward's own file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Template {
    #[default]
    BuiltIn,
    File(PathBuf),
}

struct PrintWorld {
    main: Source,
    data: Bytes,
    /// Directory of a user template: files it refers to (a logo) are read from there.
    dir: Option<PathBuf>,
}

impl World for PrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }
    fn main(&self) -> FileId {
        *MAIN_ID
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN_ID {
            return Ok(self.main.clone());
        }
        let bytes = self.file(id)?;
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA_ID {
            return Ok(self.data.clone());
        }
        if id == *MAIN_ID {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        let vpath = id.vpath();
        let Some(dir) = &self.dir else {
            return Err(FileError::NotFound(PathBuf::from(
                vpath.get_without_slash(),
            )));
        };
        let path = vpath.realize(dir).map_err(FileError::Realize)?;
        std::fs::read(&path)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &path))
    }
    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // No clock: a template cannot make the output depend on the day it is printed.
        None
    }
}

/// Render a document to PDF bytes. Callable from any thread.
pub fn render(doc: &Document, template: &Template) -> Result<Vec<u8>, PrintError> {
    let (text, dir, name) = match template {
        Template::BuiltIn => {
            let text = match doc.kind {
                DocKind::BallotRecord => BUILTIN_BALLOTS,
                DocKind::Minutes | DocKind::Addendum => BUILTIN_MINUTES,
                DocKind::Decision => BUILTIN_DECISION,
                DocKind::Submission => BUILTIN_SUBMISSION,
                DocKind::Report => BUILTIN_REPORT,
            };
            (text.to_string(), None, "built-in template".to_string())
        }
        Template::File(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| PrintError::Io {
                path: path.clone(),
                source,
            })?;
            let dir = path.parent().map(Path::to_path_buf);
            (text, dir, path.display().to_string())
        }
    };
    // The document as stored, plus the foot's lines ready to print.
    let mut data = serde_json::to_value(doc).map_err(|e| PrintError::Render(e.to_string()))?;
    if let Some(fields) = data.as_object_mut() {
        fields.insert("footer_lines".into(), doc.footer_lines().into());
    }
    compile(text, dir, name, &data, &doc.content_json())
}

/// Render any data that a built-in template reads as `data.json` (the
/// certificates); `ident_source` fixes the PDF's identifier.
pub fn render_data(
    template: &str,
    name: &str,
    data: &serde_json::Value,
    ident_source: &str,
) -> Result<Vec<u8>, PrintError> {
    compile(
        template.to_string(),
        None,
        name.to_string(),
        data,
        ident_source,
    )
}

fn compile(
    text: String,
    dir: Option<PathBuf>,
    name: String,
    data: &serde_json::Value,
    ident_source: &str,
) -> Result<Vec<u8>, PrintError> {
    let data = serde_json::to_vec(data).map_err(|e| PrintError::Render(e.to_string()))?;
    let world = PrintWorld {
        main: Source::new(*MAIN_ID, text),
        data: Bytes::new(data),
        dir,
    };
    let compiled = typst::compile(&world);
    // typst memoises layout between calls; keep only what recent renders used,
    // so that a long session does not grow without bound.
    typst::comemo::evict(10);
    let document = compiled.output.map_err(|errors| PrintError::Template {
        template: name.clone(),
        diagnostics: describe(&world, &errors),
    })?;
    let options = typst_pdf::PdfOptions {
        // A fixed identifier from the content, so that reprints are identical.
        ident: Smart::Custom(super::sha256_hex(ident_source)),
        timestamp: None,
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| PrintError::Template {
        template: name,
        diagnostics: describe(&world, &errors),
    })
}

/// typst's diagnostics as "template:line:column: error: message" lines,
/// each followed by the offending source line.
fn describe(world: &PrintWorld, diags: &[SourceDiagnostic]) -> String {
    let mut out = Vec::new();
    for d in diags {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut msg = format!("{severity}: {}", d.message);
        for hint in &d.hints {
            msg.push_str(&format!(" (hint: {})", hint.v));
        }
        let located = d.span.id().and_then(|id| {
            let source = world.source(id).ok()?;
            let range = world.range(d.span)?;
            let (line, col) = source.lines().byte_to_line_column(range.start)?;
            let file = if id == *MAIN_ID {
                "template".to_string()
            } else {
                id.vpath().get_without_slash().to_string()
            };
            let snippet = source
                .lines()
                .line_to_range(line)
                .and_then(|r| source.text().get(r))
                .unwrap_or("")
                .trim_end()
                .to_string();
            Some((format!("{file}:{}:{}", line + 1, col + 1), snippet))
        });
        match located {
            Some((place, snippet)) => out.push(format!("{place}: {msg}\n    | {snippet}")),
            None => out.push(msg),
        }
    }
    out.join("\n")
}
