//! The import's outcome as text in either language: English is what the CLI
//! and the errors' Display print; Vietnamese is for the interface.

use crate::i18n::Lang;
use crate::i18n::import_preview::{Advice, notes_text_for};
use crate::import::rows::Problem;
use crate::import::{ImportError, ImportReport};

/// "3 problems in 2 rows", or its Vietnamese.
pub fn count_text(problems: &[Problem], lang: Lang) -> String {
    let mut lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    lines.dedup();
    match (lang, problems.len(), lines.len()) {
        (Lang::En, 1, _) => "1 problem".into(),
        (Lang::En, n, 1) => format!("{n} problems"),
        (Lang::En, n, r) => format!("{n} problems in {r} rows"),
        (Lang::Vi, n, r) if n > 1 && r > 1 => format!("{n} lỗi ở {r} dòng"),
        (Lang::Vi, n, _) => format!("{n} lỗi"),
    }
}

/// How many problems the message lists; the error keeps them all.
const LISTED: usize = 100;

pub fn list(problems: &[Problem], lang: Lang) -> String {
    let mut lines: Vec<String> = problems
        .iter()
        .take(LISTED)
        .map(|p| format!("  {}", p.render(lang)))
        .collect();
    if problems.len() > LISTED {
        let more = problems.len() - LISTED;
        lines.push(match lang {
            Lang::En => format!("  … and {more} more"),
            Lang::Vi => format!("  … và {more} lỗi khác"),
        });
    }
    lines.join("\n")
}

impl ImportError {
    /// Why nothing was imported, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ImportError::UnsupportedFormat { path } => format!(
                "{}: không đọc được loại tệp này; dùng .xlsx, .ods hoặc .csv",
                path.display()
            ),
            ImportError::NotFound { path } => format!("{}: không có tệp này", path.display()),
            ImportError::Io { path, source } => format!("{}: {source}", path.display()),
            ImportError::Unreadable { path, detail } => format!(
                "{}: không đọc được như một bảng tính ({detail})",
                path.display()
            ),
            ImportError::NoHeader { path } => format!(
                "{}: không tìm thấy dòng tiêu đề; một trong 20 dòng đầu phải ghi tên các cột, trong đó có “{}”",
                path.display(),
                crate::import::columns::header(crate::import::columns::Column::Name)
            ),
            ImportError::NoRows { path } => format!(
                "{}: danh sách không có hồ sơ nào dưới dòng tiêu đề",
                path.display()
            ),
            ImportError::Rows { path, problems } => format!(
                "{}: chưa nhập gì; {}:\n{}",
                path.display(),
                count_text(problems, lang),
                list(problems, lang)
            ),
            // The interface words the database's failures as on its other
            // screens (`tui::transfer::import_failure`).
            ImportError::Store(e) => e.to_string(),
        }
    }
}

/// What the import did, in English: what the command line prints.
impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english(Advice::Options))
    }
}

impl ImportReport {
    /// What the import did, in English, each guess with `advice`.
    pub(crate) fn english(&self, advice: Advice) -> String {
        use std::fmt::Write as _;
        let mut f = String::new();
        let verb = if self.dry_run {
            "would import"
        } else {
            "imported"
        };
        let _ = write!(
            f,
            "{verb} {} nomination(s): {} new nominee(s), {} already known",
            self.nominations, self.new_nominees, self.existing_nominees
        );
        if self.scores > 0 {
            let _ = write!(f, ", {} score line(s)", self.scores);
        }
        if self.dry_run {
            let _ = write!(f, " (dry run: nothing saved)");
        }
        if !self.ignored_columns.is_empty() {
            let _ = write!(f, "\ncolumns ignored: {}", self.ignored_columns.join(", "));
        }
        for d in &self.duplicates {
            let _ = write!(f, "\npossible duplicate: {d}");
        }
        let notes = notes_text_for(&self.skipped, &self.guesses, Lang::En, advice);
        if !notes.is_empty() {
            let _ = write!(f, "\n{notes}");
        }
        f
    }
}

impl ImportReport {
    /// What the import did, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.message_for(lang, Advice::Options)
    }

    /// What the import did, in `lang`, each guess with `advice` (after the
    /// preview: `Settled`, as the secretary saw and kept them).
    pub fn message_for(&self, lang: Lang, advice: Advice) -> String {
        if lang == Lang::En {
            return self.english(advice);
        }
        let verb = if self.dry_run {
            "sẽ nhập"
        } else {
            "đã nhập"
        };
        let mut out = format!(
            "{verb} {} hồ sơ: {} đối tượng mới, {} đối tượng đã có",
            self.nominations, self.new_nominees, self.existing_nominees
        );
        if self.scores > 0 {
            out.push_str(&format!(", {} dòng điểm", self.scores));
        }
        if self.dry_run {
            out.push_str(" (chạy thử: chưa lưu gì)");
        }
        if !self.ignored_columns.is_empty() {
            out.push_str(&format!(
                "\ncác cột bỏ qua: {}",
                self.ignored_columns.join(", ")
            ));
        }
        for d in &self.duplicates {
            out.push_str(&format!("\ncó thể trùng: {}", d.render(lang)));
        }
        let notes = notes_text_for(&self.skipped, &self.guesses, lang, advice);
        if !notes.is_empty() {
            out.push('\n');
            out.push_str(&notes);
        }
        out
    }
}
