//! The printing commands: `minutes`, `sign` and `print`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail, ensure};
use clap::Args;

use crate::print::signed::{self, SignOutcome};
use crate::print::{self, Format, Template};
use crate::store::{Store, restrict_permissions};

#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// Meeting id.
    pub meeting: i64,
    /// Output format: pdf, docx or md.
    #[arg(long, default_value = "pdf")]
    pub format: String,
    /// Output file.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// The ballot-count record (biên bản kiểm phiếu) instead of the minutes.
    #[arg(long)]
    pub ballots: bool,
    /// Print addendum N (1 = the first) of signed minutes.
    #[arg(long, conflicts_with = "ballots")]
    pub addendum: Option<usize>,
    /// A typst template to use instead of the built-in layout (PDF only).
    #[arg(long)]
    pub template: Option<PathBuf>,
    /// Print each note with the clock time it was taken, "(09:15) …"
    /// (unsigned minutes only: signed minutes print as signed).
    #[arg(long, conflicts_with_all = ["ballots", "addendum"])]
    pub note_times: bool,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// Meeting id.
    pub meeting: i64,
    /// Confirm: signed minutes are frozen; later changes become an addendum.
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct PrintArgs {
    /// Meeting id.
    pub meeting: i64,
    /// Print the ballot-count record instead of the minutes.
    #[arg(long)]
    pub ballots: bool,
}

/// The database named with --db, or hoidong.db in the user's data directory.
pub fn database_path(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    Ok(crate::store::location::given_or_default(db.as_deref())?)
}

fn open_existing(db: Option<PathBuf>) -> anyhow::Result<Store> {
    Ok(crate::store::location::open_existing(db.as_deref())?)
}

fn document(
    store: &Store,
    meeting: i64,
    ballots: bool,
    addendum: Option<usize>,
) -> anyhow::Result<print::Document> {
    Ok(match (ballots, addendum) {
        (true, _) => signed::ballots_for_print(store, meeting)?,
        (false, Some(n)) => signed::addendum_for_print(store, meeting, n)?,
        (false, None) => signed::minutes_for_print(store, meeting)?,
    })
}

/// The unsigned minutes with each note's clock time; signed minutes are
/// refused, since they print exactly as signed.
fn minutes_with_note_times(store: &Store, meeting: i64) -> anyhow::Result<print::Document> {
    ensure!(
        store.signed_minutes(meeting)?.is_none(),
        "--note-times: the minutes of meeting {meeting} are signed and print exactly as signed; print them without --note-times"
    );
    let mut doc = print::compose::minutes_with(
        &signed::record_for_document(store, meeting)?,
        print::compose::MinutesOptions { note_times: true },
    );
    // Unsigned minutes carry the head of the log when printed, as without times.
    doc.anchor = Some(store.chain_head()?.short());
    Ok(doc)
}

pub fn minutes(db: Option<PathBuf>, args: MinutesArgs) -> anyhow::Result<()> {
    let format = Format::parse(&args.format).with_context(|| {
        format!(
            "--format {}: unknown format; use pdf, docx or md",
            args.format
        )
    })?;
    if args.template.is_some() && format != Format::Pdf {
        bail!("--template applies to PDF only");
    }
    let store = open_existing(db)?;
    // Never the database itself (a mistyped -o): replacing it would lose the record.
    crate::export::check_target(&args.output, true, store.path())?;
    let doc = if args.note_times {
        minutes_with_note_times(&store, args.meeting)?
    } else {
        document(&store, args.meeting, args.ballots, args.addendum)?
    };
    let template = args.template.map(Template::File).unwrap_or_default();
    let bytes = print::render(&doc, format, &template)?;
    write_private(&args.output, &bytes)?;
    println!(
        "{} written to {} ({} bytes)",
        what(&doc),
        args.output.display(),
        bytes.len()
    );
    Ok(())
}

fn what(doc: &print::Document) -> &'static str {
    match doc.kind {
        print::model::DocKind::Minutes => "minutes",
        print::model::DocKind::BallotRecord => "ballot-count record",
        print::model::DocKind::Addendum => "addendum",
        print::model::DocKind::Decision => "decision",
        print::model::DocKind::Submission => "tờ trình",
        print::model::DocKind::Report => "report",
    }
}

pub fn sign(db: Option<PathBuf>, args: SignArgs) -> anyhow::Result<()> {
    ensure!(
        args.yes,
        "signing freezes the minutes of meeting {}: later changes become an addendum. Run again with --yes to confirm",
        args.meeting
    );
    let mut store = open_existing(db)?;
    match signed::sign(&mut store, args.meeting)? {
        SignOutcome::Signed(s) => println!(
            "minutes of meeting {} signed off at {}; SHA-256 {}",
            args.meeting, s.signed_at, s.content_hash
        ),
        SignOutcome::Addendum(s) => println!(
            "the minutes were already signed; changes since recorded as an addendum at {}; SHA-256 {}",
            s.signed_at, s.content_hash
        ),
        SignOutcome::Unchanged(s) => println!(
            "already signed off ({}), nothing changed since; SHA-256 {}",
            s.signed_at, s.content_hash
        ),
    }
    Ok(())
}

pub fn print_command(db: Option<PathBuf>, args: PrintArgs) -> anyhow::Result<()> {
    let store = open_existing(db)?;
    let doc = document(&store, args.meeting, args.ballots, None)?;
    let bytes = print::render(&doc, Format::Pdf, &Template::BuiltIn)?;
    let stem = format!(
        "{}-{}",
        if args.ballots {
            "bien-ban-kiem-phieu"
        } else {
            "bien-ban"
        },
        args.meeting
    );
    send_to_printer(&bytes, &stem)
}

/// Send a PDF to the printer with `lp`; where there is none, or it fails,
/// save it under a new name `stem….pdf` in this folder (never over a file).
pub fn send_to_printer(bytes: &[u8], stem: &str) -> anyhow::Result<()> {
    let save = || -> anyhow::Result<PathBuf> {
        let saved = crate::tui::print_jobs::free_path(Path::new("."), stem, "pdf");
        write_private(&saved, bytes)?;
        Ok(std::fs::canonicalize(&saved).unwrap_or(saved))
    };
    match find_on_path("lp") {
        Some(lp) => {
            let path =
                std::env::temp_dir().join(format!("hoidong-{}-{stem}.pdf", std::process::id()));
            write_private(&path, bytes)?;
            let out = Command::new(lp)
                .arg(&path)
                .output()
                .context("could not run lp")?;
            let _ = std::fs::remove_file(&path);
            if !out.status.success() {
                let saved = save()?;
                bail!(
                    "lp failed ({}); the PDF was saved to {}",
                    String::from_utf8_lossy(&out.stderr).trim(),
                    saved.display()
                );
            }
            println!(
                "sent to the printer: {}",
                String::from_utf8_lossy(&out.stdout).trim()
            );
        }
        None => {
            let saved = save()?;
            println!(
                "no printer command (lp) on this system; the PDF was saved to {}",
                saved.display()
            );
        }
    }
    Ok(())
}

/// The program `program` on PATH, if there is one.
pub fn find_on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Write `bytes` to `path`, readable by the owner only; a half-written file
/// never replaces a good one.
pub fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .with_context(|| format!("{}: not a file name", path.display()))?;
    let tmp = dir.join(format!(".{}.part", file_name.to_string_lossy()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        restrict_permissions(&tmp);
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("{}: cannot write", path.display()));
    }
    restrict_permissions(path);
    Ok(())
}
