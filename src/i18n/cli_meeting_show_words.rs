//! The words of `hoidong meeting show`, in Vietnamese and English.

use std::fmt::Display;

use crate::domain::meeting::{MeetingStatus, NoteKind, Presence};
use crate::domain::vote::VoteMethod;
use crate::i18n::Lang;

/// The fixed labels of the page.
pub struct ShowWords {
    pub meeting: &'static str,
    pub held: &'static str,
    pub chair: &'static str,
    pub secretary: &'static str,
    pub opened: &'static str,
    pub closed_at: &'static str,
    pub closed_read_only: &'static str,
    pub attendance_header: [&'static str; 5],
    pub head: &'static str,
    pub counting_committee: &'static str,
    pub guest: &'static str,
    pub agenda: &'static str,
    pub agenda_header: [&'static str; 16],
    pub pass: &'static str,
    pub fail: &'static str,
    pub not_voted: &'static str,
    pub rounds: &'static str,
    pub notes: &'static str,
    pub as_applied: &'static str,
    pub default_rule: &'static str,
    pub council_rule: &'static str,
    pub met: &'static str,
    pub not_met: &'static str,
}

const VI: ShowWords = ShowWords {
    meeting: "Cuộc họp",
    held: "Thực tế họp",
    chair: "Chủ trì",
    secretary: "Thư ký",
    opened: "Khai mạc",
    closed_at: "bế mạc",
    closed_read_only: "Đã bế mạc: điểm danh và biểu quyết chỉ được xem; sửa sai bằng đính chính.",
    attendance_header: ["Mã", "Thành viên", "Chức vụ", "Điểm danh", "Lý do"],
    head: "trưởng ban",
    counting_committee: "Ban kiểm phiếu",
    guest: "Khách mời (không biểu quyết)",
    agenda: "Chương trình và kết quả (lần biểu quyết sau cùng của từng nội dung)",
    agenda_header: [
        "TT",
        "Hồ sơ",
        "Người được đề nghị",
        "Khen thưởng",
        "Điểm",
        "Trạng thái",
        "Lần",
        "Hình thức",
        "Đồng ý",
        "Không đồng ý",
        "Không ý kiến",
        "Bằng văn bản",
        "Số phiếu",
        "Tỷ lệ",
        "Quy tắc",
        "Kết quả",
    ],
    pass: "ĐẠT",
    fail: "KHÔNG ĐẠT",
    not_voted: "chưa biểu quyết",
    rounds: "Các lần biểu quyết",
    notes: "Ghi chép",
    as_applied: "như đã áp dụng ở lần biểu quyết sau cùng",
    default_rule: "mặc định, hội đồng có thể đổi",
    council_rule: "quy tắc của hội đồng",
    met: "ĐỦ",
    not_met: "CHƯA ĐỦ",
};

const EN: ShowWords = ShowWords {
    meeting: "Meeting",
    held: "Held",
    chair: "Chair",
    secretary: "Secretary",
    opened: "Opened",
    closed_at: "closed",
    closed_read_only: "Closed: attendance and votes are read-only; corrections are amendments.",
    attendance_header: ["ID", "Member", "Position", "Presence", "Reason"],
    head: "head",
    counting_committee: "Counting committee",
    guest: "Guest (does not vote)",
    agenda: "Agenda and results (latest round per item)",
    agenda_header: [
        "#", "Nom.", "Nominee", "Award", "Score", "Status", "Round", "Method", "Agree", "Disagree",
        "Abstain", "Written", "Votes", "Share", "Rule", "Result",
    ],
    pass: "PASS",
    fail: "FAIL",
    not_voted: "not voted",
    rounds: "Rounds",
    notes: "Notes",
    as_applied: "as applied in the last round",
    default_rule: "default the council can change",
    council_rule: "council's rule",
    met: "MET",
    not_met: "NOT MET",
};

impl ShowWords {
    pub fn of(lang: Lang) -> &'static ShowWords {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// A meeting's state.
pub fn meeting_status(status: MeetingStatus, lang: Lang) -> &'static str {
    match (status, lang) {
        (MeetingStatus::Planned, Lang::Vi) => "dự kiến",
        (MeetingStatus::Open, Lang::Vi) => "đang họp",
        (MeetingStatus::Closed, Lang::Vi) => "đã kết thúc",
        (MeetingStatus::Planned, Lang::En) => "planned",
        (MeetingStatus::Open, Lang::En) => "open",
        (MeetingStatus::Closed, Lang::En) => "closed",
    }
}

/// A member's presence.
pub fn presence(p: &Presence, lang: Lang) -> &'static str {
    match (p, lang) {
        (Presence::Unmarked, Lang::Vi) => "chưa điểm danh",
        (Presence::Present, Lang::Vi) => "có mặt",
        (Presence::Absent { .. }, Lang::Vi) => "vắng",
        (Presence::AbsentWithOpinion { .. }, Lang::Vi) => "vắng, có ý kiến bằng văn bản",
        (Presence::Unmarked, Lang::En) => "not checked in",
        (Presence::Present, Lang::En) => "present",
        (Presence::Absent { .. }, Lang::En) => "absent",
        (Presence::AbsentWithOpinion { .. }, Lang::En) => "absent, written opinion",
    }
}

/// How a round was voted, short, for the agenda table.
pub fn method(m: VoteMethod, lang: Lang) -> &'static str {
    match (m, lang) {
        (VoteMethod::SecretBallot, Lang::Vi) => "kín",
        (VoteMethod::Open, Lang::Vi) => "công khai",
        (VoteMethod::SecretBallot, Lang::En) => "secret",
        (VoteMethod::Open, Lang::En) => "open",
    }
}

/// A note's kind.
pub fn note_kind(k: NoteKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (NoteKind::Opening, Lang::Vi) => "khai mạc",
        (NoteKind::Note, Lang::Vi) => "ghi chép",
        (NoteKind::Conclusion, Lang::Vi) => "kết luận",
        (NoteKind::Closing, Lang::Vi) => "bế mạc",
        (k, Lang::En) => k.code(),
    }
}

/// The counts line under the attendance table's title.
pub fn attendance(
    lang: Lang,
    present: impl Display,
    absent: impl Display,
    written: impl Display,
    members: impl Display,
) -> String {
    match lang {
        Lang::Vi => format!(
            "Điểm danh: {present} có mặt, {absent} vắng ({written} có ý kiến bằng văn bản), {members} thành viên"
        ),
        Lang::En => format!(
            "Attendance: {present} present, {absent} absent ({written} with a written opinion), {members} members"
        ),
    }
}

/// The quorum line; `rule` is the threshold as written (≥ 2/3 …).
pub fn quorum(
    lang: Lang,
    present: impl Display,
    members: impl Display,
    rule: &str,
    source: &str,
    needed: &str,
    verdict: &str,
) -> String {
    match lang {
        Lang::Vi => format!(
            "Số lượng tham dự: {present}/{members} có mặt; quy tắc {rule} số thành viên ({source}), cần {needed}: {verdict}"
        ),
        Lang::En => format!(
            "Quorum: {present} of {members} present; rule {rule} of members ({source}), needs {needed}: {verdict}"
        ),
    }
}

/// A round's line in the list of rounds (before amendment and re-vote).
pub struct RoundLine<'a> {
    pub round_no: u32,
    pub at: &'a str,
    /// `None` for an open vote; the ballot counts issued, returned, valid, invalid.
    pub ballots: Option<[u32; 4]>,
    pub present: u32,
    pub members: u32,
    pub nominees: usize,
}

impl RoundLine<'_> {
    pub fn say(&self, lang: Lang) -> String {
        let RoundLine {
            round_no,
            at,
            present,
            members,
            nominees,
            ..
        } = self;
        let kind = match (self.ballots, lang) {
            (Some([i, r, v, x]), Lang::Vi) => {
                format!("bỏ phiếu kín: phát ra {i}, thu về {r}, hợp lệ {v}, không hợp lệ {x}")
            }
            (Some([i, r, v, x]), Lang::En) => {
                format!("secret ballot: issued {i}, returned {r}, valid {v}, invalid {x}")
            }
            (None, Lang::Vi) => "biểu quyết công khai".to_string(),
            (None, Lang::En) => "open vote".to_string(),
        };
        match lang {
            Lang::Vi => format!(
                " lần {round_no} · {at} · {kind}; {present}/{members} có mặt; {nominees} người được đề nghị"
            ),
            Lang::En => format!(
                " round {round_no} · {at} · {kind}; {present} present of {members}; {nominees} nominee(s)"
            ),
        }
    }
}

/// " · AMENDS round N: reason" after a round that corrects another.
pub fn amends(lang: Lang, round_no: u32, reason: &str) -> String {
    match lang {
        Lang::Vi => format!(" · ĐIỀU CHỈNH lần {round_no}: {reason}"),
        Lang::En => format!(" · AMENDS round {round_no}: {reason}"),
    }
}

/// " · VOTE AGAIN: reason" after a round voted again.
pub fn vote_again(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Vi => format!(" · BIỂU QUYẾT LẠI: {reason}"),
        Lang::En => format!(" · VOTE AGAIN: {reason}"),
    }
}
