//! Texts of meeting mode, Vietnamese and English, kept beside `strings.rs`
//! and reached through `Strings::meeting()`.

use crate::domain::meeting::{MeetingStatus, Presence};
use crate::domain::vote::{Comparison, Denominator, VoteError, VoteMethod, VoteRule};

use super::strings::Strings;
use crate::i18n::Lang;
use crate::tui::action::MeetingAction;

pub struct MeetingStrings {
    pub title: &'static str,
    pub no_meeting: &'static str,
    pub attendance: &'static str,
    pub agenda_item: &'static str,
    pub results: &'static str,
    pub no_agenda: &'static str,
    pub no_results: &'static str,
    pub quorum: &'static str,
    pub quorum_met: &'static str,
    pub quorum_not_met: &'static str,
    pub present_of: &'static str,
    pub needs: &'static str,
    pub written: &'static str,
    pub rule: &'static str,
    pub rule_default: &'static str,
    pub rule_council: &'static str,
    pub score: &'static str,
    pub evidence: &'static str,
    pub summary: &'static str,
    pub born: &'static str,
    pub latest_result: &'static str,
    pub not_voted: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub round: &'static str,
    pub amends: &'static str,
    pub closed_read_only: &'static str,
    pub planned_hint: &'static str,
    pub reason_prompt: &'static str,
    /// Titles of the dialog asking why a member is absent.
    pub absent_title: &'static str,
    pub absent_opinion_title: &'static str,
    /// What Enter and Esc do in a reason dialog.
    pub reason_help: &'static str,
    pub reason_required: &'static str,
    pub reason_opinion_prompt: &'static str,
    pub tally_title_secret: &'static str,
    pub tally_title_open: &'static str,
    pub tally_help: &'static str,
    /// "Method:" before the method the dialog records.
    pub method_label: &'static str,
    /// Header of the live share and result column.
    pub share_result: &'static str,
    pub switch_to_open: &'static str,
    pub switch_to_secret: &'static str,
    pub issued: &'static str,
    pub returned: &'static str,
    pub valid: &'static str,
    pub invalid: &'static str,
    pub agree: &'static str,
    pub disagree: &'static str,
    pub abstain: &'static str,
    pub written_agree: &'static str,
    pub written_disagree: &'static str,
    pub tally_ok: &'static str,
    pub tally_empty: &'static str,
    pub not_a_number: &'static str,
    pub confirm_close: &'static str,
    pub confirm_open: &'static str,
    pub saved_presence: &'static str,
    pub saved_round: &'static str,
    pub opened: &'static str,
    pub closed: &'static str,
    pub not_open_yet: &'static str,
    pub unmarked_before_close: &'static str,
    pub amend_prompt: &'static str,
    pub revote_has_result: &'static str,
    pub times_title: &'static str,
    pub times_date: &'static str,
    pub times_start: &'static str,
    pub times_end: &'static str,
    pub times_place: &'static str,
    pub times_date_format: &'static str,
    pub times_clock_format: &'static str,
    pub times_note: &'static str,
    pub times_help: &'static str,
    pub saved_times: &'static str,
    pub confirm_revote: &'static str,
    pub revote_prompt: &'static str,
    pub revote_title: &'static str,
    pub amend_title: &'static str,
    pub amend_only_closed: &'static str,
    pub amend_nothing: &'static str,
    pub saved_amend: &'static str,
    pub amend_reason_required: &'static str,
    pub notes: &'static str,
}

static VI: MeetingStrings = MeetingStrings {
    title: "Phiên họp",
    no_meeting: "Chưa có phiên họp nào. Tạo phiên họp trước (lệnh hoidong meetings để xem).",
    attendance: "Điểm danh",
    agenda_item: "Nội dung",
    results: "Kết quả",
    no_agenda: "Chương trình họp chưa có nội dung nào.",
    no_results: "Chưa có kết quả biểu quyết.",
    quorum: "Số thành viên tối thiểu",
    quorum_met: "ĐỦ",
    quorum_not_met: "CHƯA ĐỦ",
    present_of: "có mặt",
    needs: "cần",
    written: "ý kiến bằng văn bản",
    rule: "Quy tắc",
    rule_default: "mặc định, Hội đồng có thể thay đổi",
    rule_council: "quy chế của Hội đồng",
    score: "Điểm",
    evidence: "Minh chứng",
    summary: "Thành tích",
    born: "sinh năm",
    latest_result: "Kết quả",
    not_voted: "chưa biểu quyết",
    passed: "Đạt",
    failed: "Không đạt",
    round: "vòng",
    amends: "đính chính vòng",
    closed_read_only: "Phiên họp đã kết thúc: điểm danh và biểu quyết chỉ xem; sửa sai bằng đính chính có lý do.",
    planned_hint: "Phiên họp chưa khai mạc: nhấn o để khai mạc, sau đó điểm danh và biểu quyết.",
    reason_prompt: "Lý do vắng: ",
    absent_title: "Vắng mặt",
    absent_opinion_title: "Vắng mặt, có ý kiến bằng văn bản",
    reason_help: "Enter lưu · Esc thôi (biên bản ghi lý do)",
    reason_required: "Nhập lý do vắng mặt (biên bản phải ghi); Esc để thôi.",
    reason_opinion_prompt: "Lý do vắng (có ý kiến bằng văn bản): ",
    tally_title_secret: "Bỏ phiếu kín",
    tally_title_open: "Biểu quyết giơ tay",
    tally_help: "Tab ô sau · Enter lưu · Esc thôi · dòng trống: bỏ qua",
    method_label: "Ghi nhận theo",
    share_result: "Tỷ lệ, kết quả",
    switch_to_open: "F2 giơ tay",
    switch_to_secret: "F2 bỏ phiếu kín",
    issued: "Phát ra",
    returned: "Thu về",
    valid: "Hợp lệ",
    invalid: "Không hợp lệ",
    agree: "Đồng ý",
    disagree: "Không ĐY",
    abstain: "Không BQ",
    written_agree: "VB đồng ý",
    written_disagree: "VB không",
    tally_ok: "Số liệu khớp; Enter để lưu.",
    tally_empty: "Nhập số phiếu của ít nhất một người.",
    not_a_number: "không phải số",
    confirm_close: "Kết thúc phiên họp? Sau đó điểm danh và biểu quyết chỉ xem; sửa sai phải đính chính có lý do.",
    confirm_open: "Khai mạc phiên họp?",
    saved_presence: "Đã điểm danh",
    saved_round: "Đã lưu kết quả biểu quyết",
    opened: "Đã khai mạc phiên họp",
    closed: "Đã kết thúc phiên họp",
    not_open_yet: "Phiên họp chưa khai mạc: nhấn o để khai mạc trước khi biểu quyết.",
    unmarked_before_close: "Điểm danh đủ trước khi kết thúc; chưa điểm danh:",
    amend_prompt: "Lý do đính chính vòng",
    revote_has_result: "Nội dung này đã có kết quả,",
    times_title: "Thời gian, địa điểm họp thực tế",
    times_date: "Ngày",
    times_start: "Bắt đầu",
    times_end: "Kết thúc",
    times_place: "Địa điểm",
    times_date_format: "ghi ngày dạng 20/11/2026",
    times_clock_format: "ghi giờ dạng 08:30",
    times_note: "Một ngày cho cả phiên họp; sửa được đến khi ký duyệt biên bản.",
    times_help: "Tab/↓ ô sau · ↑ ô trước · Enter lưu · Esc thôi",
    saved_times: "Đã lưu thời gian, địa điểm họp",
    confirm_revote: "Biểu quyết lại bằng một lần mới? Cần ghi lý do; kết quả lần mới là kết quả quyết định, các lần trước vẫn được ghi trong biên bản.",
    revote_prompt: "Lý do biểu quyết lại: ",
    revote_title: "biểu quyết lại",
    amend_title: "Đính chính vòng",
    amend_only_closed: "Đính chính dùng sau khi kết thúc phiên họp; khi đang họp, biểu quyết lại bằng một vòng mới (v).",
    amend_nothing: "Nội dung này chưa có kết quả để đính chính.",
    saved_amend: "Đã ghi đính chính; kết quả gốc vẫn được giữ",
    amend_reason_required: "Nhập lý do đính chính; Esc để thôi.",
    notes: "Ghi chép",
};

static EN: MeetingStrings = MeetingStrings {
    title: "Meeting",
    no_meeting: "No meeting yet. Create one first (see hoidong meetings).",
    attendance: "Attendance",
    agenda_item: "Item",
    results: "Results",
    no_agenda: "The agenda has no items.",
    no_results: "No vote results yet.",
    quorum: "Quorum",
    quorum_met: "MET",
    quorum_not_met: "NOT MET",
    present_of: "present",
    needs: "needs",
    written: "written opinions",
    rule: "Rule",
    rule_default: "default, the council can change it",
    rule_council: "council's rule",
    score: "Score",
    evidence: "Evidence",
    summary: "Achievements",
    born: "born",
    latest_result: "Result",
    not_voted: "not voted yet",
    passed: "Pass",
    failed: "Fail",
    round: "round",
    amends: "amends round",
    closed_read_only: "The meeting is closed: attendance and votes are read-only; corrections are amendments with a reason.",
    planned_hint: "The meeting is not open yet: press o to open it, then check members in and vote.",
    reason_prompt: "Reason for absence: ",
    absent_title: "Absent",
    absent_opinion_title: "Absent, written opinion sent",
    reason_help: "Enter saves · Esc cancels (the minutes record the reason)",
    reason_required: "Type the reason for the absence (the minutes record it); Esc cancels.",
    reason_opinion_prompt: "Reason for absence (written opinion sent): ",
    tally_title_secret: "Secret ballot",
    tally_title_open: "Show of hands",
    tally_help: "Tab next · Enter save · Esc cancel · blank rows skipped",
    method_label: "Recorded as",
    share_result: "Share, result",
    switch_to_open: "F2 show of hands",
    switch_to_secret: "F2 secret ballot",
    issued: "Issued",
    returned: "Returned",
    valid: "Valid",
    invalid: "Invalid",
    agree: "Agree",
    disagree: "Disagree",
    abstain: "Abstain",
    written_agree: "Wr. agree",
    written_disagree: "Wr. disagree",
    tally_ok: "The counts add up; Enter saves.",
    tally_empty: "Enter the votes of at least one nominee.",
    not_a_number: "is not a number",
    confirm_close: "Close the meeting? Attendance and votes become read-only; corrections need an amendment with a reason.",
    confirm_open: "Open the meeting?",
    saved_presence: "Attendance saved",
    saved_round: "Vote result saved",
    opened: "Meeting opened",
    closed: "Meeting closed",
    not_open_yet: "The meeting is not open yet: press o to open it before voting.",
    unmarked_before_close: "Check every member in before closing; not checked in:",
    amend_prompt: "Reason for correcting round",
    revote_has_result: "This item already has a result,",
    times_title: "When and where the meeting was held",
    times_date: "Date",
    times_start: "Start",
    times_end: "End",
    times_place: "Place",
    times_date_format: "write the date as 20/11/2026",
    times_clock_format: "write the time as 08:30",
    times_note: "One date for the whole meeting; can change until the minutes are signed.",
    times_help: "Tab/↓ next · ↑ previous · Enter saves · Esc cancels",
    saved_times: "Time and place of the meeting saved",
    confirm_revote: "Vote again in a new round? A reason is required; the new round decides, earlier rounds stay in the minutes.",
    revote_prompt: "Reason for voting again: ",
    revote_title: "vote again",
    amend_title: "Correction of round",
    amend_only_closed: "Corrections are for closed meetings; while the meeting is open, vote again in a new round (v).",
    amend_nothing: "This item has no result to correct.",
    saved_amend: "Correction recorded; the original result is kept",
    amend_reason_required: "Type the reason for the correction; Esc cancels.",
    notes: "Notes",
};

impl Strings {
    pub fn meeting(&self) -> &'static MeetingStrings {
        match self.lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    pub fn meeting_status(&self, st: MeetingStatus) -> &'static str {
        match (self.lang, st) {
            (Lang::Vi, MeetingStatus::Planned) => "dự kiến",
            (Lang::Vi, MeetingStatus::Open) => "đang họp",
            (Lang::Vi, MeetingStatus::Closed) => "đã kết thúc",
            (Lang::En, MeetingStatus::Planned) => "planned",
            (Lang::En, MeetingStatus::Open) => "open",
            (Lang::En, MeetingStatus::Closed) => "closed",
        }
    }

    pub fn presence(&self, p: &Presence) -> &'static str {
        match (self.lang, p) {
            (Lang::Vi, Presence::Unmarked) => "chưa điểm danh",
            (Lang::Vi, Presence::Present) => "có mặt",
            (Lang::Vi, Presence::Absent { .. }) => "vắng",
            (Lang::Vi, Presence::AbsentWithOpinion { .. }) => "vắng, có ý kiến VB",
            (Lang::En, Presence::Unmarked) => "not checked in",
            (Lang::En, Presence::Present) => "present",
            (Lang::En, Presence::Absent { .. }) => "absent",
            (Lang::En, Presence::AbsentWithOpinion { .. }) => "absent, written opinion",
        }
    }

    /// "bỏ phiếu kín, tối thiểu 80% tổng số thành viên".
    pub fn vote_rule(&self, r: &VoteRule) -> String {
        let vi = self.lang == Lang::Vi;
        let method = match (vi, r.method) {
            (true, VoteMethod::SecretBallot) => "bỏ phiếu kín",
            (true, VoteMethod::Open) => "biểu quyết công khai",
            (false, VoteMethod::SecretBallot) => "secret ballot",
            (false, VoteMethod::Open) => "open vote",
        };
        // The other method the secretary may choose for the item (F2 in the tally).
        let other = r.next_method(r.method);
        let method = match (vi, other == r.method, other) {
            (_, true, _) => method.to_string(),
            (true, false, VoteMethod::Open) => format!("{method} hoặc giơ tay"),
            (true, false, VoteMethod::SecretBallot) => format!("{method} hoặc bỏ phiếu kín"),
            (false, false, VoteMethod::Open) => format!("{method} or show of hands"),
            (false, false, VoteMethod::SecretBallot) => format!("{method} or secret ballot"),
        };
        let cmp = match (vi, r.threshold.comparison) {
            (true, Comparison::AtLeast) => "tối thiểu",
            (true, Comparison::MoreThan) => "trên",
            (false, Comparison::AtLeast) => "at least",
            (false, Comparison::MoreThan) => "more than",
        };
        let on = match (vi, r.denominator) {
            (true, Denominator::AllMembers) => "tổng số thành viên",
            (true, Denominator::Present) => "thành viên có mặt",
            (true, Denominator::ValidBallots) => "phiếu hợp lệ",
            (false, Denominator::AllMembers) => "of all members",
            (false, Denominator::Present) => "of members present",
            (false, Denominator::ValidBallots) => "of valid ballots",
        };
        format!("{method}, {cmp} {} {on}", r.threshold.share.label())
    }

    /// A vote-count error in the interface's language.
    pub fn vote_error(&self, e: &VoteError) -> String {
        if self.lang == Lang::En {
            return e.to_string();
        }
        match e {
            VoteError::NoQuorum {
                present,
                total,
                rule,
            } => format!(
                "chưa đủ số thành viên tối thiểu: có mặt {present}/{total}, quy tắc yêu cầu {rule}"
            ),
            VoteError::ReturnedOverIssued { returned, issued } => {
                format!("số phiếu thu về ({returned}) nhiều hơn số phiếu phát ra ({issued})")
            }
            VoteError::IssuedOverPresent { issued, present } => {
                format!("số phiếu phát ra ({issued}) nhiều hơn số thành viên có mặt ({present})")
            }
            VoteError::ValidInvalidMismatch {
                valid,
                invalid,
                returned,
            } => format!(
                "phiếu hợp lệ ({valid}) + không hợp lệ ({invalid}) khác số phiếu thu về ({returned})"
            ),
            VoteError::VotesOverValid {
                agree,
                disagree,
                valid,
            } => format!(
                "đồng ý ({agree}) + không đồng ý ({disagree}) nhiều hơn số phiếu hợp lệ ({valid})"
            ),
            VoteError::OpenVotesOverPresent { sum, present } => format!(
                "đồng ý + không đồng ý + không biểu quyết ({sum}) nhiều hơn số thành viên có mặt ({present})"
            ),
            VoteError::WrittenOverAbsent { given, allowed } => format!(
                "ý kiến bằng văn bản ({given}) nhiều hơn số thành viên vắng có gửi ý kiến ({allowed})"
            ),
            VoteError::MeetingClosed => "phiên họp đã kết thúc".to_string(),
        }
    }

    /// Short and long labels of meeting-mode actions (hint bar, help).
    pub fn meeting_action(&self, a: &MeetingAction) -> (&'static str, &'static str) {
        use MeetingAction::*;
        let (vi, en) = match a {
            Enter => (
                ("phiên họp", "Vào chế độ phiên họp (điểm danh, biểu quyết)"),
                ("meeting", "Meeting mode (attendance, votes)"),
            ),
            NextItem => (
                ("nội dung sau", "Nội dung kế tiếp của chương trình"),
                ("next item", "Next agenda item"),
            ),
            PrevItem => (
                ("nội dung trước", "Nội dung trước của chương trình"),
                ("prev item", "Previous agenda item"),
            ),
            Present => (
                ("có mặt", "Điểm danh thành viên đang chọn: có mặt"),
                ("present", "Check the selected member in as present"),
            ),
            Absent => (
                ("vắng", "Thành viên đang chọn vắng mặt (nhập lý do)"),
                ("absent", "The selected member is absent (give the reason)"),
            ),
            AbsentOpinion => (
                (
                    "vắng, có VB",
                    "Vắng mặt, có ý kiến bằng văn bản (nhập lý do)",
                ),
                (
                    "absent+opinion",
                    "Absent with a written opinion (give the reason)",
                ),
            ),
            Vote => (
                (
                    "biểu quyết",
                    "Nhập kết quả biểu quyết / kiểm phiếu cho nội dung này",
                ),
                ("vote", "Enter the vote tally for this item"),
            ),
            SwitchMethod => (
                (
                    "đổi cách",
                    "Ô kiểm phiếu: đổi giữa bỏ phiếu kín và biểu quyết giơ tay (khi quy chế cho phép)",
                ),
                (
                    "method",
                    "Tally dialog: switch between secret ballot and show of hands (where the rule allows)",
                ),
            ),
            OpenSession => (
                ("khai mạc", "Khai mạc phiên họp (dự kiến → đang họp)"),
                ("open", "Open the meeting (planned → open)"),
            ),
            CloseSession => (
                ("kết thúc", "Kết thúc phiên họp (hỏi lại; sau đó chỉ xem)"),
                ("close", "Close the meeting (asks first; read-only after)"),
            ),
            NextField => (("ô sau", "Ô nhập kế tiếp"), ("next", "Next field")),
            Times => (
                (
                    "giờ, địa điểm",
                    "Ghi giờ bắt đầu, kết thúc, ngày và địa điểm họp thực tế (đến khi ký duyệt)",
                ),
                (
                    "times",
                    "Record the actual start, end, date and place (until sign-off)",
                ),
            ),
            Amend => (
                (
                    "đính chính",
                    "Đính chính kết quả sau khi kết thúc (nhập lý do; bản gốc giữ nguyên)",
                ),
                (
                    "amend",
                    "Correct a result after closing (with a reason; the original stays)",
                ),
            ),
            NextMeeting => (
                ("phiên khác", "Xem phiên họp khác (lần lượt)"),
                ("other meeting", "Show another meeting (cycles)"),
            ),
            PrevField => (("ô trước", "Ô nhập trước"), ("prev", "Previous field")),
        };
        match self.lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
