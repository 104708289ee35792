//! The printing commands: `minutes`, `sign` and `print`.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail, ensure};
use clap::Args;

use crate::cli::database::{self, Access};
use hoidong::i18n::Lang;
use hoidong::print::output::{self, OutputError, Printed, write_private};
use hoidong::print::signed::{self, SignOutcome};
use hoidong::print::{self, Format, Template};
use hoidong::store::Store;

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
fn minutes_with_note_times(
    store: &Store,
    meeting: i64,
    lang: Lang,
) -> anyhow::Result<print::Document> {
    ensure!(
        store.signed_minutes(meeting)?.is_none(),
        "{}",
        match lang {
            Lang::Vi => format!(
                "--note-times: biên bản cuộc họp {meeting} đã ký và chỉ in đúng như khi ký; hãy in mà không có --note-times"
            ),
            Lang::En => format!(
                "--note-times: the minutes of meeting {meeting} are signed and print exactly as signed; print them without --note-times"
            ),
        }
    );
    let mut doc = print::compose::minutes_with(
        &signed::record_for_document(store, meeting)?,
        print::compose::MinutesOptions { note_times: true },
    );
    // Unsigned minutes carry the head of the log when printed, as without times.
    doc.anchor = Some(store.chain_head()?.short());
    Ok(doc)
}

pub fn minutes(db: Option<PathBuf>, args: MinutesArgs, lang: Lang) -> anyhow::Result<()> {
    let format = Format::parse(&args.format).with_context(|| match lang {
        Lang::Vi => format!(
            "--format {}: không rõ định dạng; hãy dùng pdf, docx hoặc md",
            args.format
        ),
        Lang::En => format!(
            "--format {}: unknown format; use pdf, docx or md",
            args.format
        ),
    })?;
    if args.template.is_some() && format != Format::Pdf {
        bail!(match lang {
            Lang::Vi => "--template chỉ dùng cho PDF",
            Lang::En => "--template applies to PDF only",
        });
    }
    let store = database::open(db.as_deref(), Access::Existing)?;
    // Never the database itself (a mistyped -o): replacing it would lose the record.
    hoidong::export::check_target(&args.output, true, store.path())?;
    let doc = if args.note_times {
        minutes_with_note_times(&store, args.meeting, lang)?
    } else {
        document(&store, args.meeting, args.ballots, args.addendum)?
    };
    let template = args.template.map(Template::File).unwrap_or_default();
    let bytes = print::render(&doc, format, &template)?;
    write_private(&args.output, &bytes)?;
    let (what, shown, size) = (what(&doc, lang), args.output.display(), bytes.len());
    match lang {
        Lang::Vi => println!("đã ghi {what} vào {shown} ({size} byte)"),
        Lang::En => println!("{what} written to {shown} ({size} bytes)"),
    }
    Ok(())
}

fn what(doc: &print::Document, lang: Lang) -> &'static str {
    use print::model::DocKind;
    match (doc.kind, lang) {
        (DocKind::Minutes, Lang::Vi) => "biên bản",
        (DocKind::Minutes, Lang::En) => "minutes",
        (DocKind::BallotRecord, Lang::Vi) => "biên bản kiểm phiếu",
        (DocKind::BallotRecord, Lang::En) => "ballot-count record",
        (DocKind::Addendum, Lang::Vi) => "phụ lục",
        (DocKind::Addendum, Lang::En) => "addendum",
        (DocKind::Decision, Lang::Vi) => "quyết định",
        (DocKind::Decision, Lang::En) => "decision",
        (DocKind::Submission, _) => "tờ trình",
        (DocKind::Report, Lang::Vi) => "báo cáo",
        (DocKind::Report, Lang::En) => "report",
    }
}

pub fn sign(db: Option<PathBuf>, args: SignArgs, lang: Lang) -> anyhow::Result<()> {
    let meeting = args.meeting;
    ensure!(
        args.yes,
        "{}",
        match lang {
            Lang::Vi => format!(
                "ký biên bản cuộc họp {meeting} sẽ cố định nội dung: mọi thay đổi sau đó thành phụ lục. Chạy lại với --yes để xác nhận"
            ),
            Lang::En => format!(
                "signing freezes the minutes of meeting {meeting}: later changes become an addendum. Run again with --yes to confirm"
            ),
        }
    );
    let mut store = database::open(db.as_deref(), Access::Existing)?;
    match (signed::sign(&mut store, meeting)?, lang) {
        (SignOutcome::Signed(s), Lang::Vi) => println!(
            "đã ký biên bản cuộc họp {meeting} lúc {}; SHA-256 {}",
            s.signed_at, s.content_hash
        ),
        (SignOutcome::Signed(s), Lang::En) => println!(
            "minutes of meeting {meeting} signed off at {}; SHA-256 {}",
            s.signed_at, s.content_hash
        ),
        (SignOutcome::Addendum(s), Lang::Vi) => println!(
            "biên bản đã ký từ trước; các thay đổi từ đó được ghi thành phụ lục lúc {}; SHA-256 {}",
            s.signed_at, s.content_hash
        ),
        (SignOutcome::Addendum(s), Lang::En) => println!(
            "the minutes were already signed; changes since recorded as an addendum at {}; SHA-256 {}",
            s.signed_at, s.content_hash
        ),
        (SignOutcome::Unchanged(s), Lang::Vi) => println!(
            "đã ký từ trước ({}), từ đó không có gì thay đổi; SHA-256 {}",
            s.signed_at, s.content_hash
        ),
        (SignOutcome::Unchanged(s), Lang::En) => println!(
            "already signed off ({}), nothing changed since; SHA-256 {}",
            s.signed_at, s.content_hash
        ),
    }
    Ok(())
}

pub fn print_command(db: Option<PathBuf>, args: PrintArgs, lang: Lang) -> anyhow::Result<()> {
    let store = database::open(db.as_deref(), Access::Existing)?;
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
    send_to_printer(&bytes, &stem, lang)
}

/// Send a PDF to the printer with `lp`; where there is none, or it fails,
/// save it under a new name `stem….pdf` in this folder (never over a file).
pub fn send_to_printer(bytes: &[u8], stem: &str, lang: Lang) -> anyhow::Result<()> {
    match (output::send_to_printer(bytes, Path::new("."), stem), lang) {
        (Ok(Printed::SentToPrinter { lp_said }), Lang::Vi) => println!("đã gửi máy in: {lp_said}"),
        (Ok(Printed::SentToPrinter { lp_said }), Lang::En) => {
            println!("sent to the printer: {lp_said}")
        }
        (Ok(Printed::SavedNoPrinter { path } | Printed::Written { path, .. }), Lang::Vi) => {
            println!(
                "máy này không có lệnh in (lp); bản PDF đã được lưu vào {}",
                path.display()
            )
        }
        (Ok(Printed::SavedNoPrinter { path } | Printed::Written { path, .. }), Lang::En) => {
            println!(
                "no printer command (lp) on this system; the PDF was saved to {}",
                path.display()
            )
        }
        (Err(OutputError::Printer { detail, saved }), Lang::Vi) => bail!(
            "lệnh in lp không thành công ({detail}); bản PDF đã được lưu vào {}",
            saved.display()
        ),
        (Err(OutputError::Printer { detail, saved }), Lang::En) => bail!(
            "lp failed ({detail}); the PDF was saved to {}",
            saved.display()
        ),
        (Err(e), _) => return Err(e.into()),
    }
    Ok(())
}
