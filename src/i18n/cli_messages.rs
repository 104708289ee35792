//! How a failed command is told on the terminal: every store error (the
//! typed refusals and the failures of the database file) in the user's
//! language (Vietnamese unless `--lang en` or an English locale), as the
//! interface says them; the other errors still as their English text, until
//! every message of the command line is translated.

use crate::export::ExportError;
use crate::i18n::Lang;
use crate::safety::backup::SafetyError;
use crate::store::StoreError;
use crate::store::refusal_award::AwardSubject;

/// The language of the command line: `--lang` first, then the locale.
pub fn lang(cli: Option<&str>) -> Lang {
    Lang::detect(cli.and_then(Lang::parse))
}

/// The message for a failed command, without the program name.
pub fn failure(e: &anyhow::Error, lang: Lang) -> String {
    for cause in e.chain() {
        if let Some(s) = cause.downcast_ref::<StoreError>() {
            return store(s, lang);
        }
        if let Some(s) = cause.downcast_ref::<SafetyError>() {
            return safety(s, lang);
        }
        if let Some(crate::print::signed::SignError::Store(s)) = cause.downcast_ref() {
            return store(s, lang);
        }
        if let Some(crate::import::ImportError::Store(s)) = cause.downcast_ref() {
            return store(s, lang);
        }
        if let Some(ExportError::Store(s)) = cause.downcast_ref::<ExportError>() {
            return store(s, lang);
        }
        if let Some(s) = cause.downcast_ref::<ExportError>() {
            return export(s, lang);
        }
    }
    format!("{e:#}")
}

/// Every store error (a refusal, a failure of the database or its file)
/// is said in the interface's language, with the same words as the TUI.
fn store(e: &StoreError, lang: Lang) -> String {
    let text = lang.strings().store_message(e);
    // The interface shows the record beside the refusal; a command names it.
    match e {
        StoreError::Award(r) => format!("{}: {text}", subject(r.about, lang)),
        _ => text,
    }
}

fn subject(about: AwardSubject, lang: Lang) -> String {
    match (about, lang) {
        (AwardSubject::Nomination(id), Lang::Vi) => format!("Hồ sơ đề nghị {id}"),
        (AwardSubject::Nomination(id), Lang::En) => format!("nomination {id}"),
        (AwardSubject::Referral(id), Lang::Vi) => format!("Hồ sơ trình cấp trên {id}"),
        (AwardSubject::Referral(id), Lang::En) => format!("referral {id}"),
    }
}

fn export(e: &ExportError, lang: Lang) -> String {
    match (e, lang) {
        (ExportError::TargetExists { path }, Lang::Vi) => format!(
            "{}: tệp đã có; xuất dữ liệu không bao giờ thay thế tệp đã có: hãy chọn tên mới, hoặc thêm --force để thay thế",
            path.display()
        ),
        (ExportError::TargetIsDatabase { path }, Lang::Vi) => format!(
            "{}: đây chính là cơ sở dữ liệu (hoặc nhật ký của nó); hãy chọn tên tệp khác để xuất",
            path.display()
        ),
        _ => e.to_string(),
    }
}

fn safety(e: &SafetyError, lang: Lang) -> String {
    match (e, lang) {
        (SafetyError::Store(s), _) => store(s, lang),
        (SafetyError::InUse { path, holders }, Lang::Vi) => format!(
            "{}: cơ sở dữ liệu đang được mở trong {}; hãy đóng chương trình đó rồi khôi phục lại. Cơ sở dữ liệu hiện tại chưa bị thay đổi",
            path.display(),
            if holders.is_empty() {
                "một chương trình khác (hoidong hoặc sqlite3?)".to_string()
            } else {
                holders.join(", ")
            }
        ),
        (SafetyError::TargetExists(path), Lang::Vi) => format!(
            "{}: tệp đã có; bản sao lưu không bao giờ ghi đè lên tệp, hãy chọn tên mới",
            path.display()
        ),
        _ => e.to_string(),
    }
}
