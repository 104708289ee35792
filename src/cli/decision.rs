//! `hoidong decision …`: one decision of the ward chairman for many awards
//! (prepare and show, then record with --yes), its print with the attached
//! list, and `hoidong certificates` for the certificates it confers.
//! Vietnamese unless --lang en.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};

use crate::cli::awards::parse_date;
use crate::cli::database::{self, Access};
use hoidong::domain::decision_batch::{Selection, SignerTitle};
use hoidong::i18n::Lang;
use hoidong::i18n::numbers::group_digits;
use hoidong::print::output::{free_path, write_private};
use hoidong::print::{self, Format, Template};
use hoidong::store::Store;
use hoidong::store::StoreError;
use hoidong::store::decision_batches::{BatchRequest, PreparedBatch};

#[derive(Subcommand)]
pub enum DecisionCommand {
    /// Record one decision for the passed nominations of a meeting (shows
    /// what it would record; --yes records it).
    New(NewArgs),
    /// List the decisions recorded for many awards.
    List,
    /// Write decision N with its attached list (PDF; --docx or --format).
    Print(PrintArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SelectArg {
    /// Every passed Giấy khen of the meeting.
    GiayKhen,
    /// Every passed nomination the ward chairman may confer.
    Authority,
}

#[derive(Args)]
pub struct NewArgs {
    /// The meeting whose passed nominations it decides.
    #[arg(long)]
    pub meeting: i64,
    /// Which passed nominations: giay-khen or authority.
    #[arg(long, value_enum, required_unless_present = "nominations")]
    pub select: Option<SelectArg>,
    /// Or these nominations, e.g. 3,5,7.
    #[arg(long, value_delimiter = ',', conflicts_with = "select")]
    pub nominations: Vec<i64>,
    /// "15" (the ward's decision symbol is added) or "15/QĐ-UBND".
    #[arg(long)]
    pub number: String,
    /// YYYY-MM-DD or DD/MM/YYYY.
    #[arg(long, value_parser = parse_date)]
    pub date: NaiveDate,
    /// Who signs (default: the chairman named in `ward show`).
    #[arg(long, default_value = "")]
    pub signer: String,
    /// Signed by a vice-chairman for the chairman ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
    #[arg(long)]
    pub deputy: bool,
    /// Record it (without: check and show only).
    #[arg(long)]
    pub yes: bool,
}

#[derive(Args)]
pub struct PrintArgs {
    pub decision: i64,
    /// DOCX instead of PDF.
    #[arg(long, conflicts_with = "format")]
    pub docx: bool,
    /// pdf, docx or md.
    #[arg(long)]
    pub format: Option<String>,
    /// Output file (never replaced); default a new name in this folder.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// A typst template instead of the built-in layout (PDF only).
    #[arg(long)]
    pub template: Option<PathBuf>,
    /// Send the PDF to the printer with lp (saved instead where there is none).
    #[arg(long, conflicts_with_all = ["docx", "format", "output"])]
    pub lp: bool,
}

/// A message in the command line's language.
pub(crate) fn say(lang: Lang, vi: String, en: String) -> String {
    if lang == Lang::En { en } else { vi }
}

pub fn run(db: Option<PathBuf>, lang: Lang, cmd: DecisionCommand) -> anyhow::Result<()> {
    let result = match cmd {
        DecisionCommand::New(a) => new(db, lang, a),
        DecisionCommand::List => list(db, lang),
        DecisionCommand::Print(a) => print_decision(db, lang, a),
    };
    result.map_err(|e| not_found(e, lang))
}

/// "decision 3 not found" in the command line's language, with what to do.
pub(crate) fn not_found(e: anyhow::Error, lang: Lang) -> anyhow::Error {
    let Some(StoreError::NotFound { what, id }) = e.downcast_ref::<StoreError>() else {
        return e;
    };
    let (vi, hint_vi, hint_en) = match *what {
        "decision" => (
            "quyết định",
            "xem danh sách bằng `hoidong decision list`",
            "see `hoidong decision list`",
        ),
        "meeting" => (
            "phiên họp",
            "xem danh sách bằng `hoidong meetings`",
            "see `hoidong meetings`",
        ),
        "nomination" => ("hồ sơ đề nghị", "kiểm tra lại số hồ sơ", "check the number"),
        _ => return e,
    };
    anyhow::anyhow!(say(
        lang,
        format!("Không có {vi} số {id}; {hint_vi}"),
        format!("{what} {id} not found; {hint_en}"),
    ))
}

fn preview(p: &PreparedBatch, lang: Lang) -> String {
    let mut out = say(
        lang,
        format!(
            "Quyết định số {} ngày {}, người ký {} ({}): {} khen thưởng",
            p.decision.number,
            p.decision.date.format("%d/%m/%Y"),
            p.decision.signer,
            p.title.signature_lines().join(" / "),
            p.lines.len()
        ),
        format!(
            "Decision {} of {}, signed by {} ({}): {} award(s)",
            p.decision.number,
            p.decision.date.format("%d/%m/%Y"),
            p.decision.signer,
            p.title.signature_lines().join(" / "),
            p.lines.len()
        ),
    );
    out.push('\n');
    for l in &p.lines {
        let amount = l
            .amount
            .map(|a| format!("{} đ", group_digits(a)))
            .unwrap_or_else(|| "…".into());
        out.push_str(&format!(
            "  {:>4}  {:<34} {:<22} {:>14}\n",
            l.nomination_id, l.nominee.name, l.award_short, amount
        ));
    }
    out.push_str(&say(
        lang,
        format!("Tổng tiền thưởng: {} đ\n", group_digits(p.total())),
        format!("Total prize money: {} đ\n", group_digits(p.total())),
    ));
    out
}

fn new(db: Option<PathBuf>, lang: Lang, a: NewArgs) -> anyhow::Result<()> {
    let mut store = database::open(db.as_deref(), Access::Existing)?;
    let selection = match a.select {
        Some(SelectArg::GiayKhen) => Selection::GiayKhen,
        Some(SelectArg::Authority) => Selection::Authority,
        None => Selection::Chosen(a.nominations.clone()),
    };
    let req = BatchRequest {
        meeting: a.meeting,
        selection,
        number: a.number,
        date: a.date,
        signer: a.signer,
        title: if a.deputy {
            SignerTitle::Deputy
        } else {
            SignerTitle::Chairman
        },
    };
    let prepared = store.prepare_decision_batch(&req)?;
    print!("{}", preview(&prepared, lang));
    if !a.yes {
        println!(
            "{}",
            say(
                lang,
                "Chưa ghi gì. Quyết định không thể hoàn tác: chạy lại với --yes để ghi.".into(),
                "Nothing recorded yet. A decision cannot be undone: run again with --yes to record it.".into()
            )
        );
        return Ok(());
    }
    let id = store.record_decision_batch(&prepared)?;
    println!(
        "{}",
        say(
            lang,
            format!(
                "Đã ghi quyết định {id} ({}); in bằng `hoidong decision print {id}`.",
                prepared.decision.number
            ),
            format!(
                "Decision {id} recorded ({}); print it with `hoidong decision print {id}`.",
                prepared.decision.number
            ),
        )
    );
    Ok(())
}

fn list(db: Option<PathBuf>, lang: Lang) -> anyhow::Result<()> {
    let store = database::open(db.as_deref(), Access::Existing)?;
    let batches = store.decision_batches()?;
    if batches.is_empty() {
        println!(
            "{}",
            say(
                lang,
                "Chưa có quyết định nào.".into(),
                "No decisions yet.".into()
            )
        );
    }
    for b in batches {
        println!(
            "{:>3}  {:<14} {}  {:<22} {:>3}  {}",
            b.id,
            b.number,
            b.date.format("%d/%m/%Y"),
            b.signer,
            b.count,
            say(
                lang,
                format!("phiên họp {}", b.meeting_id),
                format!("meeting {}", b.meeting_id)
            ),
        );
    }
    Ok(())
}

/// The composed decision `id`.
pub fn decision_document(store: &Store, id: i64) -> anyhow::Result<print::Document> {
    Ok(print::compose::decision(&store.decision_paper(id)?))
}

/// Write `bytes` to `output`, or to a new name in this folder; never over a file.
pub(crate) fn write_new(
    db_path: Option<&Path>,
    lang: Lang,
    output: Option<PathBuf>,
    stem: &str,
    ext: &str,
    bytes: &[u8],
) -> anyhow::Result<PathBuf> {
    let path = match output {
        Some(p) => {
            if p.exists() {
                bail!(say(
                    lang,
                    format!(
                        "{}: tệp đã có; bản in không bao giờ thay thế tệp đã có, hãy chọn tên mới",
                        p.display()
                    ),
                    format!(
                        "{}: already exists; a print never replaces a file, choose a new name",
                        p.display()
                    ),
                ));
            }
            hoidong::export::check_target(&p, false, db_path)?;
            p
        }
        None => free_path(Path::new("."), stem, ext),
    };
    write_private(&path, bytes)?;
    Ok(path)
}

fn print_decision(db: Option<PathBuf>, lang: Lang, a: PrintArgs) -> anyhow::Result<()> {
    let store = database::open(db.as_deref(), Access::Existing)?;
    let format = match (&a.format, a.docx) {
        (_, true) => Format::Docx,
        (Some(f), _) => Format::parse(f).with_context(|| format!("--format {f}: pdf, docx, md"))?,
        (None, false) => Format::Pdf,
    };
    if a.template.is_some() && format != Format::Pdf {
        bail!(say(
            lang,
            "--template chỉ dùng cho PDF".into(),
            "--template applies to PDF only".into()
        ));
    }
    let doc = decision_document(&store, a.decision)?;
    let template = a.template.map(Template::File).unwrap_or_default();
    let bytes = print::render(&doc, format, &template)?;
    let stem = format!("quyet-dinh-{}", a.decision);
    if a.lp {
        return crate::cli::print::send_to_printer(&bytes, &stem, lang);
    }
    let path = write_new(
        store.path(),
        lang,
        a.output,
        &stem,
        format.extension(),
        &bytes,
    )?;
    println!(
        "{}",
        say(
            lang,
            format!(
                "Đã ghi quyết định vào {} ({} byte)",
                path.display(),
                bytes.len()
            ),
            format!(
                "decision written to {} ({} bytes)",
                path.display(),
                bytes.len()
            ),
        )
    );
    Ok(())
}
