//! `hoidong report`: the year's report (or a phase's) as text, XLSX, PDF or
//! DOCX. Files are created new, readable by their owner only, and never
//! replace an existing file.

use std::path::PathBuf;

use anyhow::bail;
use chrono::NaiveDate;
use clap::Args;

use crate::cli::database::{self, Access};
use hoidong::domain::report::{Period, PeriodRefusal, YearReport};
use hoidong::domain::ward::WardIdentity;
use hoidong::i18n::Lang;
use hoidong::print::{self, Format, Template};
use hoidong::store::Store;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// One year, e.g. 2025.
    #[arg(long, conflicts_with = "phase", required_unless_present = "phase")]
    pub year: Option<String>,
    /// A phase, e.g. 2022-2025.
    #[arg(long)]
    pub phase: Option<String>,
    /// Write the workbook (.xlsx) to this new file.
    #[arg(long)]
    pub xlsx: Option<PathBuf>,
    /// Write the report as PDF to this new file.
    #[arg(long)]
    pub pdf: Option<PathBuf>,
    /// Write the report as DOCX to this new file.
    #[arg(long)]
    pub docx: Option<PathBuf>,
    /// The report's date (YYYY-MM-DD); today when absent.
    #[arg(long)]
    pub date: Option<String>,
    /// A typst template to use instead of the built-in layout (PDF only).
    #[arg(long)]
    pub template: Option<PathBuf>,
    /// Send the PDF to the printer (lp).
    #[arg(long)]
    pub printer: bool,
}

pub use hoidong::export::sheet::write_new_private;

/// The period named by --year or --phase, or why it cannot be read.
pub fn period_of(year: Option<&str>, phase: Option<&str>, lang: Lang) -> anyhow::Result<Period> {
    let text = year.or(phase).unwrap_or_default();
    Period::parse(text).map_err(|e| {
        anyhow::anyhow!(match (e, lang) {
            (PeriodRefusal::Unreadable(t), Lang::Vi) =>
                format!("“{t}”: năm viết 4 chữ số (2025) hoặc giai đoạn “2022-2025”"),
            (PeriodRefusal::Unreadable(t), Lang::En) =>
                format!("“{t}”: write a year as 4 digits (2025) or a phase as “2022-2025”"),
            (PeriodRefusal::Backwards { from, to }, Lang::Vi) =>
                format!("{from}-{to}: giai đoạn kết thúc trước khi bắt đầu"),
            (PeriodRefusal::Backwards { from, to }, Lang::En) =>
                format!("{from}-{to}: the phase ends before it begins"),
        })
    })
}

/// The date of the store's clock (the one every record uses).
pub fn store_today(store: &Store) -> NaiveDate {
    let now = store.now();
    NaiveDate::parse_from_str(now.get(..10).unwrap_or(""), "%Y-%m-%d")
        .unwrap_or_else(|_| chrono::Local::now().date_naive())
}

/// The ward's identity, or a message saying how to set it.
pub fn ward_of(store: &Store, lang: Lang) -> anyhow::Result<WardIdentity> {
    match store.ward()? {
        Some(w) => Ok(w),
        None => bail!(match lang {
            Lang::Vi => "chưa có thông tin của phường: đặt bằng `hoidong ward set` trước",
            Lang::En => "the ward's identity is not set: set it with `hoidong ward set` first",
        }),
    }
}

/// What the report holds, on the terminal: levels by their names and
/// referrals by the words of their state, in `lang`.
fn summary(r: &YearReport, lang: Lang, level_name: impl Fn(&str) -> String) -> String {
    use hoidong::print::compose::report::money;
    let mut out = String::new();
    let (title, total, awards, referrals) = match lang {
        Lang::Vi => (
            "Báo cáo khen thưởng",
            "Tổng",
            "Theo hình thức:",
            "Đề nghị cấp trên:",
        ),
        Lang::En => ("Awards report", "Total", "By award:", "Referrals upward:"),
    };
    out.push_str(&format!("{title} {}\n", r.period.code()));
    out.push_str(&format!(
        "{total}: {} ({} / {} / {}), {} đ\n{awards}\n",
        r.total.total(),
        r.total.individuals,
        r.total.collectives,
        r.total.households,
        money(r.total.prize.amount)
    ));
    for l in &r.by_award {
        out.push_str(&format!(
            "  {:<12} {:<40} {:>4}  {:>14} đ\n",
            level_name(&l.level),
            l.award_name,
            l.counts.total(),
            money(l.counts.prize.amount)
        ));
    }
    out.push_str(&format!("{referrals}\n"));
    for l in &r.referrals {
        let states: Vec<String> = l
            .by_status
            .iter()
            .map(|(s, n)| format!("{} {n}", s.label(lang)))
            .collect();
        out.push_str(&format!(
            "  {:<12} {:<40} {:>4}  {}\n",
            level_name(&l.level),
            l.award_name,
            l.total,
            states.join(", ")
        ));
    }
    out
}

pub fn run(db: Option<PathBuf>, lang: Lang, args: ReportArgs) -> anyhow::Result<()> {
    let period = period_of(args.year.as_deref(), args.phase.as_deref(), lang)?;
    let store = database::open(db.as_deref(), Access::Existing)?;
    let date = match &args.date {
        Some(d) => crate::cli::awards::parse_date(d).map_err(anyhow::Error::msg)?,
        None => store_today(&store),
    };
    // Every target is checked before anything is written.
    for path in [&args.xlsx, &args.pdf, &args.docx].into_iter().flatten() {
        hoidong::export::check_target(path, false, store.path())?;
    }
    if args.template.is_some() && args.pdf.is_none() && !args.printer {
        bail!(match lang {
            Lang::Vi => "--template chỉ dùng cho bản PDF: thêm --pdf TỆP hoặc --printer",
            Lang::En => "--template applies to the PDF: add --pdf FILE or --printer",
        });
    }
    let documents = args.pdf.is_some() || args.docx.is_some() || args.printer;
    if documents {
        ward_of(&store, lang)?;
    }
    let report = store.year_report(period)?;
    let catalogue = store.catalogue()?;
    let level_name = |code: &str| {
        catalogue
            .level(code)
            .map_or(code.to_string(), |l| l.name.clone())
    };
    print!("{}", summary(&report, lang, level_name));
    if let Some(path) = &args.xlsx {
        write_new_private(
            path,
            &hoidong::export::report::report_workbook(&store, &report, path)?,
        )?;
        println!("{} {}", written(lang), path.display());
    }
    let outputs = [(&args.pdf, Format::Pdf), (&args.docx, Format::Docx)];
    if documents {
        let doc = hoidong::export::report::report_document(&store, &report, date)?;
        for (path, format) in outputs {
            let Some(path) = path else { continue };
            let template = match (&args.template, format) {
                (Some(t), Format::Pdf) => Template::File(t.clone()),
                _ => Template::BuiltIn,
            };
            write_new_private(path, &print::render(&doc, format, &template)?)?;
            println!("{} {}", written(lang), path.display());
        }
        if args.printer {
            let template = args
                .template
                .clone()
                .map(Template::File)
                .unwrap_or_default();
            let bytes = print::render(&doc, Format::Pdf, &template)?;
            crate::cli::print::send_to_printer(
                &bytes,
                &format!("bao-cao-{}", period.code()),
                lang,
            )?;
        }
    }
    Ok(())
}

fn written(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "đã ghi",
        Lang::En => "written to",
    }
}
