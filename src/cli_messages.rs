//! How a failed command is told on the terminal: the typed errors about the
//! database file (none there, damaged, in use, not a file, an export that
//! would replace a file) in the user's language (Vietnamese unless `--lang
//! en` or an English locale); the rest still as their English text, until
//! every message of the command line is translated.

use crate::export::ExportError;
use crate::i18n::Lang;
use crate::safety::backup::SafetyError;
use crate::store::StoreError;
use crate::store::refusal::MeetingRefusal;

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

fn store(e: &StoreError, lang: Lang) -> String {
    match e {
        StoreError::NoDatabase { .. }
        | StoreError::NoDataFolder
        | StoreError::AlreadyExists { .. }
        | StoreError::NotAFile { .. }
        | StoreError::CannotOpen { .. }
        | StoreError::Damaged { .. }
        | StoreError::Council(_)
        | StoreError::Ward(_)
        | StoreError::Movement(_)
        | StoreError::Rules(_)
        | StoreError::Batch(_)
        | StoreError::Submission(_)
        | StoreError::Meeting(
            MeetingRefusal::NoCouncil
            | MeetingRefusal::NoCouncilOn { .. }
            | MeetingRefusal::NoMembers,
        ) => lang.strings().store_message(e),
        _ => e.to_string(),
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
