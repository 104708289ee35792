//! The meeting store's refusals in the interface's language. The store keeps
//! them as data (`store::refusal`); English is their `Display`, the one the
//! CLI prints. Failures of the database itself are in `strings_store`.

use crate::domain::held::TimesRefused;
use crate::domain::meeting::NotHeld;
use crate::domain::vote::VoteMethod;
use crate::store::refusal::{Doing, MeetingLabel, MeetingRefusal, Role, Step};

use super::strings::Strings;
use crate::i18n::Lang;

impl Strings {
    pub fn refusal(&self, r: &MeetingRefusal) -> String {
        if self.lang == Lang::En {
            return r.to_string();
        }
        let meeting = |l: &MeetingLabel| format!("Phiên họp {}", l.short());
        match r {
            MeetingRefusal::Closed { meeting: m, doing } => format!(
                "{} đã kết thúc: không thể {} nữa (điểm danh và kết quả biểu quyết chỉ còn để xem; sửa kết quả bằng đính chính có ghi lý do)",
                meeting(m),
                doing_vi(*doing)
            ),
            MeetingRefusal::NotOpen { meeting: m, doing } => format!(
                "{} chưa khai mạc: hãy khai mạc phiên họp trước khi {}",
                meeting(m),
                doing_vi(*doing)
            ),
            MeetingRefusal::WrongStatus {
                meeting: m,
                status,
                step,
            } => format!(
                "{} đang ở trạng thái “{}”: {}",
                meeting(m),
                self.meeting_status(*status),
                match step {
                    Step::Open => "chỉ phiên họp dự kiến mới khai mạc được",
                    Step::Close => "chỉ phiên họp đang họp mới kết thúc được",
                    Step::Edit => "chỉ phiên họp dự kiến mới sửa được",
                }
            ),
            MeetingRefusal::Unmarked { meeting: m, names } => format!(
                "{}: điểm danh mọi thành viên (có mặt hoặc vắng) trước khi kết thúc; chưa điểm danh: {}",
                meeting(m),
                names.join(", ")
            ),
            MeetingRefusal::Ballots { round, error } => {
                format!("Lần bỏ phiếu {round}: {}", self.vote_error(error))
            }
            MeetingRefusal::Tally { round, name, error } => {
                format!("Lần bỏ phiếu {round}, {name}: {}", self.vote_error(error))
            }
            MeetingRefusal::AlreadyOnAgenda { name, number, .. } => {
                format!("Chương trình: {name} đã có trong chương trình của phiên họp {number}")
            }
            MeetingRefusal::NotSubmitted { name, status, .. } => format!(
                "Chương trình: hồ sơ của {name} đang ở trạng thái “{}”; chỉ hồ sơ đã nộp (hoặc không đạt ở phiên trước) mới đưa vào chương trình được",
                self.status(*status)
            ),
            MeetingRefusal::HasVotes { name, meeting: m } => format!(
                "Chương trình: {name} đã có kết quả biểu quyết tại phiên họp {}; nội dung này giữ lại trong chương trình",
                m.short()
            ),
            MeetingRefusal::HasNotes { name } => format!(
                "Chương trình: đã có ghi chép về {name}; nội dung này giữ lại trong chương trình"
            ),
            MeetingRefusal::EmptySubject => "Nội dung phiên họp: chưa nhập nội dung".into(),
            MeetingRefusal::NotCalled { role, member } => format!(
                "{}: thành viên {member} không có trong danh sách thành viên được triệu tập",
                match role {
                    Role::Chair => "Chủ trì",
                    Role::Secretary => "Thư ký",
                }
            ),
            MeetingRefusal::WrongMethod {
                round,
                name,
                rule,
                used,
                source_name,
            } => format!(
                "Lần bỏ phiếu {round}, {name}: quy định của danh hiệu này yêu cầu {}, nhưng lần bỏ phiếu này là {} (quy định: {source_name})",
                method_vi(*rule),
                method_vi(*used)
            ),
            MeetingRefusal::SecretAbstain {
                round,
                name,
                abstain,
            } => format!(
                "Lần bỏ phiếu {round}, {name}: bỏ phiếu kín không có phiếu không biểu quyết (đang nhập {abstain}); phiếu trắng tính là phiếu không hợp lệ"
            ),
            MeetingRefusal::EnteredTwice { round, name } => {
                format!(
                    "Lần bỏ phiếu {round}, {name}: được nhập hai lần trong cùng một lần bỏ phiếu"
                )
            }
            MeetingRefusal::NotOnAgenda { round, name } => {
                format!("Lần bỏ phiếu {round}, {name}: không có trong chương trình phiên họp này")
            }
            MeetingRefusal::AmendNotClosed { meeting: m, status } => format!(
                "{} đang ở trạng thái “{}”: khi phiên họp chưa kết thúc, hãy ghi một lần bỏ phiếu mới thay vì đính chính",
                meeting(m),
                self.meeting_status(*status)
            ),
            MeetingRefusal::AmendUnknownRound { round, meeting: m } => format!(
                "Đính chính: lần bỏ phiếu {round} không thuộc phiên họp {}",
                m.short()
            ),
            MeetingRefusal::NoAbsenceReason { name } => {
                format!("Điểm danh: hãy ghi lý do {name} vắng mặt (biên bản ghi lý do này)")
            }
            MeetingRefusal::AmendNoReason { round } => {
                format!("Đính chính lần bỏ phiếu {round}: hãy ghi lý do đính chính")
            }
            MeetingRefusal::NoCouncil => format!(
                "Chưa có hội đồng: {}",
                crate::i18n::council::set_up_hint(self.lang)
            ),
            MeetingRefusal::NoCouncilOn { date } => format!(
                "Không có hội đồng đương nhiệm vào ngày {date}: ngày này nằm ngoài nhiệm kỳ của mọi hội đồng (xem `hoidong council show`)"
            ),
            MeetingRefusal::BadStartsAt { text } => format!(
                "Thời gian họp: “{text}” không phải là ngày giờ hợp lệ (ví dụ 2026-11-20T08:00)"
            ),
            MeetingRefusal::NoMembers => {
                "Thành viên: hội đồng chưa có thành viên đương nhiệm nào để triệu tập vào ngày họp; thêm thành viên bằng `hoidong council member add HỌ_TÊN --role … --from NGÀY`".into()
            }
            MeetingRefusal::NotCouncilMember { member } => {
                format!("Thành viên: {member} không phải là thành viên hội đồng")
            }
            MeetingRefusal::MemberNotCalled { member, meeting: m } => format!(
                "Thành viên {member} không có trong danh sách được triệu tập của phiên họp {}",
                m.short()
            ),
            MeetingRefusal::GuestNoName { position } if position.is_empty() => {
                "Khách mời: có khách mời chưa ghi họ tên".into()
            }
            MeetingRefusal::GuestNoName { position } => {
                format!("Khách mời: có khách mời chưa ghi họ tên (chức vụ “{position}”)")
            }
            MeetingRefusal::NoDefaultRule { level } => format!(
                "Quy định biểu quyết: chưa có quy định chung (danh hiệu “*”) cho hội đồng cấp “{level}”"
            ),
            MeetingRefusal::OffAgenda { name, meeting: m } => format!(
                "Chương trình: {name} không có trong chương trình của phiên họp {}",
                m.short()
            ),
            MeetingRefusal::BadPosition { position, items } => {
                format!("Chương trình: vị trí {position} nằm ngoài khoảng 1–{items}")
            }
            MeetingRefusal::CommitteeAbsent { round, names } => format!(
                "Lần bỏ phiếu {round}: Ban kiểm phiếu kiểm phiếu kín, nhưng {} vắng mặt; hãy thay thành viên vắng trong Ban kiểm phiếu (danh sách phiên họp, chương trình, phím c) trước khi bỏ phiếu",
                names.join(", ")
            ),
            MeetingRefusal::RevoteNoReason { round, names } => format!(
                "Lần bỏ phiếu {round}: muốn biểu quyết lại phải ghi lý do (lưu cùng lần bỏ phiếu); đã có kết quả: {}",
                names.join(", ")
            ),
            MeetingRefusal::NoTallies { round } => format!(
                "Lần bỏ phiếu {round}: hãy nhập kết quả biểu quyết của ít nhất một đối tượng"
            ),
            MeetingRefusal::NotVotable {
                round,
                name,
                status,
            } => format!(
                "Lần bỏ phiếu {round}, {name}: hồ sơ đang ở trạng thái “{}”, không biểu quyết được",
                self.status(*status)
            ),
            MeetingRefusal::NoVoteRule {
                round,
                name,
                award,
                level,
            } => format!(
                "Lần bỏ phiếu {round}, {name}: chưa có quy định biểu quyết cho danh hiệu “{award}” ở cấp “{level}”, cũng không có quy định chung"
            ),
            MeetingRefusal::AmendMethod { round, original } => format!(
                "Đính chính lần bỏ phiếu {round}: lần bỏ phiếu gốc là {}; đính chính phải giữ nguyên hình thức đó",
                method_vi(*original)
            ),
            MeetingRefusal::AmendNewNominee {
                round,
                name,
                original,
            } => format!(
                "Lần bỏ phiếu {round}, {name}: không được biểu quyết ở lần bỏ phiếu {original} nên không thể có trong đính chính của lần đó"
            ),
            MeetingRefusal::EmptyNote { editing: false } => "Ghi chép: chưa có nội dung".into(),
            MeetingRefusal::EmptyNote { editing: true } => {
                "Ghi chép: chưa có nội dung (muốn bỏ ghi chép này thì hãy xóa nó)".into()
            }
            MeetingRefusal::MinutesSigned {
                meeting: m,
                signed_at,
            } => format!(
                "{}: biên bản đã được ký duyệt lúc {}; các thay đổi sau đó hãy ghi thành biên bản bổ sung",
                meeting(m),
                date_time_vi(signed_at)
            ),
            MeetingRefusal::Times { meeting: m, why } => format!(
                "{}: thời gian, địa điểm: {}",
                meeting(m),
                match why {
                    TimesRefused::NeverOpened => {
                        "phiên họp chưa khai mạc nên chưa có giờ bắt đầu, kết thúc để ghi".to_string()
                    }
                    TimesRefused::Signed => "biên bản đã ký duyệt nên thời gian, địa điểm ghi trong đó không sửa được nữa (điều chỉnh thì ghi vào biên bản bổ sung)".to_string(),
                    TimesRefused::EndBeforeStart { start, end } => format!(
                        "giờ kết thúc ({}) trước giờ bắt đầu ({}); hãy nhập giờ kết thúc từ giờ bắt đầu trở đi",
                        end.format("%H:%M"),
                        start.format("%H:%M")
                    ),
                    TimesRefused::NoPlace => "hãy nhập địa điểm họp".to_string(),
                }
            ),
            MeetingRefusal::NotHeld { meeting: m, why } => format!(
                "{} {}: không có biên bản nào để ký duyệt",
                meeting(m),
                match why {
                    NotHeld::NeverOpened => "chưa từng được khai mạc",
                    NotHeld::NobodyPresent => "không có thành viên nào được ghi là có mặt",
                }
            ),
            MeetingRefusal::MinutesNotSigned { meeting: m } => format!(
                "{}: biên bản chưa được ký duyệt nên chưa có gì để bổ sung",
                meeting(m)
            ),
            MeetingRefusal::SignedTampered { signoff } => format!(
                "Bản ký duyệt số {signoff}: nội dung lưu không còn khớp mã SHA-256 đã ghi, tức đã bị sửa ngoài hoidong; không in bản này (chạy “hoidong check” để xem chi tiết)"
            ),
            MeetingRefusal::SignedUnreadable { signoff, detail } => {
                format!("Bản ký duyệt số {signoff}: không đọc được nội dung đã lưu ({detail})")
            }
        }
    }
}

/// "2026-11-20T09:05:00" as "09:05 ngày 20/11/2026"; other text as it is.
fn date_time_vi(stored: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(stored, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(stored, "%Y-%m-%dT%H:%M"))
        .map(|t| t.format("%H:%M ngày %d/%m/%Y").to_string())
        .unwrap_or_else(|_| stored.to_string())
}

fn method_vi(m: VoteMethod) -> &'static str {
    match m {
        VoteMethod::SecretBallot => "bỏ phiếu kín",
        VoteMethod::Open => "biểu quyết giơ tay",
    }
}

fn doing_vi(d: Doing) -> &'static str {
    match d {
        Doing::ChangingAgenda => "thay đổi chương trình",
        Doing::ChangingCommittee => "thay đổi ban kiểm phiếu",
        Doing::ChangingAttendance => "thay đổi điểm danh",
        Doing::RecordingVotes => "ghi kết quả biểu quyết",
        Doing::EditingMeeting => "sửa thông tin phiên họp",
    }
}

#[cfg(test)]
#[path = "strings_refusal_tests.rs"]
mod tests;
