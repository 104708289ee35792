//! `hoidong certificates N [--layout F]`: a PDF with a page per award of
//! decision N, on the ward's pre-printed blanks or plain A4;
//! `hoidong certificates --calibrate [--layout F]`: the layout on a
//! millimetre grid, to adjust it for a printer.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Args;

use crate::cli::database::{self, Access};
use crate::cli::decision::{say, write_new};
use hoidong::i18n::Lang;
use hoidong::print::compose::certificate::{calibration, certificates};
use hoidong::print::compose::certificate_layout::{Layout, LayoutError, PLAIN_A4};

#[derive(Args)]
pub struct CertificatesArgs {
    /// The decision (see `hoidong decision list`).
    #[arg(required_unless_present = "calibrate")]
    pub decision: Option<i64>,
    /// A layout file like data/certificates/*.toml (default: plain A4).
    #[arg(long)]
    pub layout: Option<PathBuf>,
    /// Print the calibration page of the layout instead.
    #[arg(long, conflicts_with = "decision")]
    pub calibrate: bool,
    /// Output file (never replaced); default a new name in this folder.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Send to the printer with lp (saved instead where there is none).
    #[arg(long, conflicts_with = "output")]
    pub lp: bool,
}

/// The layout in `path`, or the plain A4 one; a malformed file says what and where.
pub fn load_layout(path: Option<&std::path::Path>, lang: Lang) -> anyhow::Result<Layout> {
    let Some(path) = path else {
        return Layout::parse(PLAIN_A4).map_err(anyhow::Error::msg);
    };
    let text = std::fs::read_to_string(path).with_context(|| {
        say(
            lang,
            format!("{}: không đọc được tệp bố cục", path.display()),
            format!("{}: cannot read the layout file", path.display()),
        )
    })?;
    Layout::parse(&text).map_err(|e| {
        let vi = match &e {
            LayoutError::Field { field, problem } => format!("{field}: {}", problem.vietnamese()),
            LayoutError::Syntax(s) => s.clone(),
        };
        anyhow::anyhow!(say(
            lang,
            format!(
                "{}: bố cục không dùng được: {vi}; hãy sửa tệp rồi thử lại",
                path.display()
            ),
            format!(
                "{}: the layout cannot be used: {e}; correct the file and try again",
                path.display()
            ),
        ))
    })
}

pub fn run(db: Option<PathBuf>, lang: Lang, a: CertificatesArgs) -> anyhow::Result<()> {
    certificates_command(db, lang, a).map_err(|e| crate::cli::decision::not_found(e, lang))
}

fn certificates_command(
    db: Option<PathBuf>,
    lang: Lang,
    a: CertificatesArgs,
) -> anyhow::Result<()> {
    let layout = load_layout(a.layout.as_deref(), lang)?;
    // The calibration page needs no database; a decision's certificates do.
    let (sheet, stem, db_path) = match (a.calibrate, a.decision) {
        (true, _) => (
            calibration(&layout),
            "hieu-chinh-giay-khen".to_string(),
            None,
        ),
        (false, Some(id)) => {
            let store = database::open(db.as_deref(), Access::Existing)?;
            let sheet = certificates(&store.decision_paper(id)?, &layout);
            (
                sheet,
                format!("giay-khen-{id}"),
                store.path().map(Path::to_path_buf),
            )
        }
        (false, None) => bail!(say(
            lang,
            "hãy ghi số quyết định, hoặc --calibrate".into(),
            "give the decision, or --calibrate".into()
        )),
    };
    let bytes = hoidong::print::certificate_pdf::render(&sheet)?;
    if a.lp {
        return crate::cli::print::send_to_printer(&bytes, &stem, lang);
    }
    let path = write_new(db_path.as_deref(), lang, a.output, &stem, "pdf", &bytes)?;
    println!(
        "{}",
        say(
            lang,
            format!(
                "Đã ghi {} trang vào {} ({} byte)",
                sheet.pages.len(),
                path.display(),
                bytes.len()
            ),
            format!(
                "{} page(s) written to {} ({} bytes)",
                sheet.pages.len(),
                path.display(),
                bytes.len()
            ),
        )
    );
    Ok(())
}
