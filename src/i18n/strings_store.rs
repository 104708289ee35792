//! Store errors in the interface's language: typed meeting refusals
//! (`strings_refusal`) and failures of the database itself (busy, read-only,
//! disk full, changed by someone else…). English is their `Display`, the
//! text the CLI prints.

use crate::store::stored_code::Corruption;
use crate::store::{StoreError, path_prefix};

use super::strings::Strings;
use crate::i18n::Lang;

impl Strings {
    /// Any store error as the user should read it.
    pub fn store_message(&self, e: &StoreError) -> String {
        if let Some(text) = self.record_refusal(e) {
            return text;
        }
        if let StoreError::Meeting(r) = e {
            return self.refusal(r);
        }
        if let StoreError::Text(r) = e {
            return r.message(self.lang);
        }
        if let StoreError::Award(r) = e {
            return self.award_refusal(r);
        }
        if let StoreError::Batch(r) = e {
            return self.batch_refusal(r);
        }
        if let StoreError::Submission(r) = e {
            return r.message(self.lang);
        }
        if self.lang == Lang::En {
            return e.to_string();
        }
        match e {
            StoreError::NotSqlite { path } => format!(
                "{}: không phải cơ sở dữ liệu của hoidong (không phải tệp SQLite)",
                path.display()
            ),
            StoreError::NotHoidong { path } => format!(
                "{}: tệp SQLite của chương trình khác, không phải cơ sở dữ liệu của hoidong; tệp được giữ nguyên",
                path.display()
            ),
            StoreError::Corrupt { path, detail } => format!(
                "{}cơ sở dữ liệu bị hỏng ({})",
                path_prefix(path),
                corruption_vi(detail)
            ),
            StoreError::Damaged { path, detail } => format!(
                "{}: cơ sở dữ liệu bị hỏng ({detail}); mọi thay đổi không còn được lưu vào tệp này. Hãy khôi phục bản sao lưu bằng `hoidong restore BẢN_SAO_LƯU`",
                path.display()
            ),
            StoreError::NoDatabase { path, empty } => format!(
                "{}: không có cơ sở dữ liệu ở đây{}; hãy tạo bằng `hoidong init {}` (trống) hoặc `hoidong demo {}` (dữ liệu mẫu)",
                path.display(),
                if *empty { " (tệp rỗng)" } else { "" },
                path.display(),
                path.display()
            ),
            StoreError::NoDataFolder => {
                "Không tìm thấy thư mục dữ liệu của người dùng; hãy chỉ rõ cơ sở dữ liệu bằng --db ĐƯỜNG_DẪN".into()
            }
            StoreError::AlreadyExists { path } => {
                format!("{}: tệp đã có; hãy chọn tên tệp mới", path.display())
            }
            StoreError::NotAFile { path } => format!(
                "{}: không phải tệp thông thường (là thư mục, ống dẫn có tên hoặc thiết bị); hãy chỉ đường dẫn tới tệp cơ sở dữ liệu",
                path.display()
            ),
            StoreError::CannotOpen { path } => format!(
                "{}: không mở được tệp: hãy kiểm tra thư mục có tồn tại và bạn có quyền đọc, ghi tệp và thư mục đó",
                path.display()
            ),
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => format!(
                "{}: được tạo bởi phiên bản hoidong mới hơn (lược đồ {found}, phiên bản này chỉ biết đến {supported}); tệp được giữ nguyên",
                path.display()
            ),
            StoreError::ReadOnly => {
                "Cơ sở dữ liệu đang mở chỉ để đọc: không lưu được thay đổi".into()
            }
            StoreError::Busy => {
                "Cơ sở dữ liệu đang bận (một chương trình khác đang ghi vào); hãy thử lại sau giây lát"
                    .into()
            }
            StoreError::DiskFull => {
                "Ổ đĩa đã đầy: thay đổi chưa được lưu (những gì đã lưu trước đó vẫn nguyên vẹn); hãy giải phóng dung lượng rồi thử lại"
                    .into()
            }
            StoreError::NotFound { what, id } => {
                format!("Không tìm thấy {} {id}", record_vi(what))
            }
            StoreError::Conflict { what, id } => format!(
                "{} {id} đã được người khác thay đổi từ lúc bạn mở; hãy tải lại rồi thay đổi lại",
                capitalised(record_vi(what))
            ),
            StoreError::Sqlite(e) => format!("Lỗi cơ sở dữ liệu: {e}"),
            StoreError::Migration(e) => format!("Nâng cấp cơ sở dữ liệu không thành công: {e}"),
            StoreError::Io { path, source } => {
                format!("{}: lỗi đọc/ghi tệp ({source})", path.display())
            }
            StoreError::Nominee(_)
            | StoreError::Nomination(_)
            | StoreError::Evidence(_)
            | StoreError::Hold(_)
            | StoreError::Note(_)
            | StoreError::Referral(_)
            | StoreError::AtRow { .. } => self.record_refusal(e).unwrap_or_default(),
            StoreError::EligibilityRules { problems } => format!(
                "Quy tắc xét điều kiện khen thưởng không dùng được: {}",
                problems.join("; ")
            ),
            StoreError::Unreadable { what, detail } => format!(
                "Không đọc được {} đã lưu trong cơ sở dữ liệu ({detail}); hãy chạy `hoidong check`",
                stored_vi(what)
            ),
            StoreError::Unencodable { what, detail } => {
                format!("Không ghi được {} ({detail})", stored_vi(what))
            }
            StoreError::BuiltIn { detail } => format!(
                "Dữ liệu có sẵn trong hoidong không đọc được ({detail}); hãy cài đặt lại hoidong"
            ),
            StoreError::ReadOnlyUpgrade {
                path,
                found,
                supported,
            } => format!(
                "{}: cơ sở dữ liệu cần được nâng cấp (lược đồ {found} lên {supported}) nhưng tệp đang mở chỉ để đọc",
                path.display()
            ),
            StoreError::NothingToExercise => {
                "Cơ sở dữ liệu không có thành viên hoặc không có hồ sơ đề nghị nào để chấm điểm thử".into()
            }
            StoreError::Meeting(r) => self.refusal(r),
            StoreError::Text(r) => r.message(self.lang),
            StoreError::Award(r) => self.award_refusal(r),
            StoreError::Batch(r) => self.batch_refusal(r),
            StoreError::Submission(r) => r.message(self.lang),
            StoreError::Council(r) => r.message(self.lang),
            StoreError::Ward(r) => r.message(self.lang),
            StoreError::Movement(r) => r.message(self.lang),
            StoreError::Rules(r) => r.message(self.lang),
        }
    }
}

impl Strings {
    /// The refusals about nominees, nominations, evidence, holds, notes and
    /// referrals (`i18n::record`), and a row of an imported file naming one.
    fn record_refusal(&self, e: &StoreError) -> Option<String> {
        let lang = self.lang;
        Some(match e {
            StoreError::Nominee(r) => r.message(lang),
            StoreError::Nomination(r) => r.message(lang),
            StoreError::Evidence(r) => r.message(lang),
            StoreError::Hold(r) => r.message(lang),
            StoreError::Note(r) => r.message(lang),
            StoreError::Referral(r) => r.message(lang),
            StoreError::AtRow { line, source } => match self.lang {
                Lang::Vi => format!("Dòng {line}: {}", self.store_message(source)),
                Lang::En => format!("row {line}: {}", self.store_message(source)),
            },
            _ => return None,
        })
    }
}

/// The Vietnamese name of a value stored in the database.
fn stored_vi(what: &str) -> &str {
    match what {
        "vote rule" => "quy tắc biểu quyết",
        "vote method" => "hình thức biểu quyết",
        "vote outcome" => "kết quả biểu quyết",
        "attendance" => "số người dự họp",
        "eligibility rules" => "quy tắc xét điều kiện khen thưởng",
        "sign-off kind" => "loại ký duyệt",
        "referral status" => "trạng thái hồ sơ trình cấp trên",
        "movement plan" => "kế hoạch phong trào",
        other => other,
    }
}

/// The Vietnamese name of the kind of record a store error names.
fn record_vi(what: &str) -> &str {
    match what {
        "meeting" => "phiên họp",
        "nomination" => "hồ sơ đề nghị",
        "nominee" => "đối tượng",
        "member" => "thành viên",
        "note" => "ghi chép",
        "agenda item" => "nội dung chương trình",
        "referral" => "hồ sơ trình cấp trên",
        "hold" => "lệnh tạm hoãn",
        "sign-off" => "bản ký duyệt",
        "addendum" => "biên bản bổ sung",
        "council" => "hội đồng",
        other => other,
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What is damaged, in Vietnamese; SQLite's own words stay as they are.
fn corruption_vi(c: &Corruption) -> String {
    match c {
        Corruption::Malformed(detail) => detail.clone(),
        Corruption::UnknownCode(u) => format!(
            "bảng {}, dòng {}: cột {} có giá trị không hợp lệ ‘{}’",
            u.table, u.row, u.column, u.value
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_failures_in_vietnamese_and_english() {
        let cases = [
            (
                StoreError::Busy,
                "Cơ sở dữ liệu đang bận (một chương trình khác đang ghi vào); hãy thử lại sau giây lát",
                "the database is busy (locked by another program); try again in a moment",
            ),
            (
                StoreError::ReadOnly,
                "Cơ sở dữ liệu đang mở chỉ để đọc: không lưu được thay đổi",
                "the database is open read-only: changes cannot be saved",
            ),
            (
                StoreError::DiskFull,
                "Ổ đĩa đã đầy: thay đổi chưa được lưu (những gì đã lưu trước đó vẫn nguyên vẹn); hãy giải phóng dung lượng rồi thử lại",
                "the disk is full: the change was not saved (what was saved before is intact); free some space and try again",
            ),
            (
                StoreError::Conflict {
                    what: "meeting",
                    id: "4".into(),
                },
                "Phiên họp 4 đã được người khác thay đổi từ lúc bạn mở; hãy tải lại rồi thay đổi lại",
                "meeting 4 was changed by someone else since you opened it; reload and make your change again",
            ),
            (
                StoreError::NotFound {
                    what: "agenda item",
                    id: "12".into(),
                },
                "Không tìm thấy nội dung chương trình 12",
                "agenda item 12 not found",
            ),
            (
                StoreError::Migration("bảng thiếu".into()),
                "Nâng cấp cơ sở dữ liệu không thành công: bảng thiếu",
                "schema migration failed: bảng thiếu",
            ),
        ];
        for (e, vi, en) in cases {
            assert_eq!(Lang::Vi.strings().store_message(&e), vi);
            assert_eq!(Lang::En.strings().store_message(&e), en);
        }
    }

    #[test]
    fn a_typed_refusal_goes_through_in_either_language() {
        let e = StoreError::Meeting(crate::store::refusal::MeetingRefusal::NoCouncil);
        assert!(
            Lang::Vi
                .strings()
                .store_message(&e)
                .starts_with("Chưa có hội đồng: hãy lập hội đồng theo quyết định thành lập")
        );
        assert!(
            Lang::En
                .strings()
                .store_message(&e)
                .starts_with("no council yet: establish the council by its decision")
        );
    }
}
