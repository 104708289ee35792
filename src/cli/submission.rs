//! `hoidong submission`: the tờ trình for a referral batch. `new` lists the
//! batch and, with --yes, records it (every referral at once); `print`
//! writes the recorded tờ trình with its list and the dossier of each.

use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;

use crate::cli::database::{self, Access};
use crate::cli::report::write_new_private;
use hoidong::i18n::Lang;
use hoidong::print::{self, Format, Template};
use hoidong::store::submission::NewSubmission;

#[derive(Debug, Subcommand)]
pub enum SubmissionCommand {
    /// Show the nominations passed at MEETING for AWARD that go up together;
    /// with --yes record the tờ trình and refer each of them.
    New {
        meeting: i64,
        /// Award code, e.g. bk_tinh.
        #[arg(long)]
        award: String,
        /// Tờ trình number ("12"; the ward's symbol is added).
        #[arg(long)]
        number: String,
        /// Tờ trình date (YYYY-MM-DD or DD/MM/YYYY).
        #[arg(long)]
        date: String,
        /// Why nominations that fail the eligibility check go up anyway.
        #[arg(long)]
        override_reason: Option<String>,
        /// Record it (without: only show what would be recorded).
        #[arg(long)]
        yes: bool,
    },
    /// Write a recorded tờ trình to a new file (pdf, docx or md).
    Print {
        /// The number, "12" or "12/TTr-HĐTĐKT".
        number: String,
        #[arg(short = 'o', long = "output", required_unless_present = "printer")]
        output: Option<PathBuf>,
        /// Send the PDF to the printer (lp) instead of writing a file.
        #[arg(long, conflicts_with = "output")]
        printer: bool,
        #[arg(long, default_value = "pdf")]
        format: String,
        /// A typst template to use instead of the built-in layout (PDF only).
        #[arg(long)]
        template: Option<PathBuf>,
    },
}

pub fn run(db: Option<PathBuf>, lang: Lang, cmd: SubmissionCommand) -> anyhow::Result<()> {
    match cmd {
        SubmissionCommand::New {
            meeting,
            award,
            number,
            date,
            override_reason,
            yes,
        } => {
            let Ok(date) = crate::cli::awards::parse_date(&date) else {
                anyhow::bail!(match lang {
                    Lang::Vi => format!(
                        "--date “{date}”: không phải ngày; hãy viết NNNN-TT-NN hoặc NN/TT/NNNN, ví dụ 2026-11-25"
                    ),
                    Lang::En =>
                        format!("--date “{date}”: not a date (use YYYY-MM-DD or DD/MM/YYYY)"),
                });
            };
            let mut store = database::open(db.as_deref(), Access::Existing)?;
            let submission = NewSubmission {
                meeting_id: meeting,
                award_code: award,
                number,
                date,
                override_reason,
            };
            // Refused before the list, so a preview never promises what --yes would refuse.
            store.submission_allowed(&submission)?;
            let full = store.submission_number(&submission.number)?;
            let batch = store.submission_candidates(meeting, &submission.award_code)?;
            let header = match lang {
                Lang::Vi => format!("Tờ trình số {full}: {} hồ sơ", batch.len()),
                Lang::En => format!("Tờ trình {full}: {} nomination(s)", batch.len()),
            };
            println!("{header}");
            for id in &batch {
                let n = store.nomination(*id)?;
                let nominee = store.nominee(n.nominee_id)?;
                println!("  {id:>4}  {}", nominee.name);
            }
            if !yes {
                println!(
                    "{}",
                    match lang {
                        Lang::Vi =>
                            "Chưa ghi gì. Thêm --yes để ghi tờ trình và chuyển các hồ sơ lên cấp trên.",
                        Lang::En =>
                            "Nothing recorded. Add --yes to record the tờ trình and refer them.",
                    }
                );
                return Ok(());
            }
            let ids = store.record_submission(&submission)?;
            let list: Vec<String> = ids.iter().map(i64::to_string).collect();
            match lang {
                Lang::Vi => println!("đã ghi tờ trình {full}; hồ sơ đề nghị: {}", list.join(", ")),
                Lang::En => println!("tờ trình {full} recorded; referrals: {}", list.join(", ")),
            }
        }
        SubmissionCommand::Print {
            number,
            output,
            format,
            template,
            printer,
        } => {
            let format = match Format::parse(&format) {
                Some(f) => f,
                None => anyhow::bail!(match lang {
                    Lang::Vi => format!("--format {format}: chỉ có pdf, docx hoặc md"),
                    Lang::En => format!("--format {format}: use pdf, docx or md"),
                }),
            };
            // The printer takes the PDF whatever --format says.
            let format = if printer { Format::Pdf } else { format };
            let store = database::open(db.as_deref(), Access::Existing)?;
            if let Some(output) = &output {
                hoidong::export::check_target(output, false, store.path())?;
            }
            let submission = store.submission(&number)?;
            let doc = print::compose::submission(&submission);
            let template = match template {
                Some(t) if format == Format::Pdf => Template::File(t),
                Some(_) => anyhow::bail!(match lang {
                    Lang::Vi =>
                        "--template chỉ dùng cho tệp PDF; hãy bỏ --template hoặc dùng --format pdf",
                    Lang::En =>
                        "--template applies to PDF only; drop --template or use --format pdf",
                }),
                None => Template::BuiltIn,
            };
            let bytes = print::render(&doc, format, &template)
                .with_context(|| format!("tờ trình {}", submission.number))?;
            let Some(output) = output.filter(|_| !printer) else {
                let stem = format!("to-trinh-{}", number.replace('/', "-"));
                return crate::cli::print::send_to_printer(&bytes, &stem, lang);
            };
            write_new_private(&output, &bytes)?;
            match lang {
                Lang::Vi => println!(
                    "đã ghi tờ trình {} vào {}",
                    submission.number,
                    output.display()
                ),
                Lang::En => println!(
                    "tờ trình {} written to {}",
                    submission.number,
                    output.display()
                ),
            }
        }
    }
    Ok(())
}
