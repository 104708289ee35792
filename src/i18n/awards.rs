//! Texts of the awards screens (board, nominee page, referral, forms, audit
//! log), in Vietnamese and English. Kept apart from `i18n::strings` so the
//! awards screens add their texts without touching the shared table.

use crate::domain::referral::{ReferralStatus, StepKind};
use crate::i18n::Lang;
use crate::i18n::strings::Strings;

use crate::tui::action::AwardAction;

pub struct AwardStrings {
    pub board_title: &'static str,
    pub counts_title: &'static str,
    pub total: &'static str,
    pub waiting_title: &'static str,
    pub days: &'static str,
    pub no_waiting: &'static str,
    pub chart_title: &'static str,
    pub no_register: &'static str,
    pub prize_title: &'static str,
    pub awards_word: &'static str,
    pub no_figure: &'static str,
    pub refer_target: &'static str,
    pub nominee_title: &'static str,
    pub register_title: &'static str,
    pub awards_held: &'static str,
    pub no_awards: &'static str,
    pub nominations_title: &'static str,
    pub eligibility_title: &'static str,
    pub hold: &'static str,
    pub referral_title: &'static str,
    pub dossier: &'static str,
    pub timeline: &'static str,
    pub submission: &'static str,
    pub to_level: &'static str,
    pub override_reason: &'static str,
    pub decision_form: &'static str,
    pub referral_form: &'static str,
    pub tick_form: &'static str,
    pub f_number: &'static str,
    pub f_date: &'static str,
    pub f_signer: &'static str,
    pub f_submission: &'static str,
    pub f_reason: &'static str,
    pub f_authority: &'static str,
    pub f_reference: &'static str,
    pub f_override: &'static str,
    pub empty: &'static str,
    pub not_a_date: &'static str,
    pub override_needed: &'static str,
    pub irreversible: &'static str,
    pub decided: &'static str,
    pub referred: &'static str,
    pub ticked: &'static str,
    pub step_saved: &'static str,
    pub not_passed: &'static str,
    pub nothing_selected: &'static str,
    pub no_referral: &'static str,
    pub audit_title: &'static str,
    pub chain_checking: &'static str,
    pub chain_ok: &'static str,
    pub chain_broken: &'static str,
    pub filter_all: &'static str,
    pub filter_nomination: &'static str,
    pub col_at: &'static str,
    pub col_actor: &'static str,
    pub col_record: &'static str,
    pub col_action: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub page: &'static str,
    pub no_entries: &'static str,
    pub form_keys: &'static str,
    pub export_form: &'static str,
    pub f_file: &'static str,
    pub exported: &'static str,
    pub report_form: &'static str,
    pub report_intro: &'static str,
    pub f_period: &'static str,
    pub f_stem: &'static str,
    pub bad_period: &'static str,
    pub backwards_period: &'static str,
    pub report_written: &'static str,
    pub report_pdf: &'static str,
    pub submission_form: &'static str,
    pub no_batch: &'static str,
    pub batch_of: &'static str,
    pub f_submission_number: &'static str,
    pub submitted: &'static str,
}

pub static VI: AwardStrings = AwardStrings {
    board_title: "Bảng theo dõi khen thưởng",
    counts_title: "Số đề nghị theo cấp quyết định và trạng thái",
    total: "Cộng",
    waiting_title: "Hồ sơ trình cấp trên đang chờ (chờ lâu nhất trước)",
    days: "ngày",
    no_waiting: "Không có hồ sơ nào đang chờ.",
    chart_title: "Sổ khen thưởng theo năm và cấp",
    no_register: "Sổ khen thưởng chưa có mục nào.",
    prize_title: "Tiền thưởng theo năm",
    awards_word: "khen thưởng",
    no_figure: "không tính được",
    refer_target: "Trình lên cấp",
    nominee_title: "Lịch sử khen thưởng",
    register_title: "Sổ khen thưởng",
    awards_held: "Khen thưởng đã có",
    no_awards: "(chưa có khen thưởng nào trong sổ)",
    nominations_title: "Các đề nghị",
    eligibility_title: "Điều kiện cho hình thức đang đề nghị",
    hold: "Tạm hoãn",
    referral_title: "Hồ sơ trình cấp trên",
    dossier: "Thành phần hồ sơ",
    timeline: "Các bước",
    submission: "Tờ trình",
    to_level: "trình lên",
    override_reason: "Lý do vẫn đề nghị",
    decision_form: "Quyết định khen thưởng",
    referral_form: "Trình cấp trên khen thưởng",
    tick_form: "Tài liệu trong hồ sơ",
    f_number: "Số, ký hiệu",
    f_date: "Ngày (dd/mm/yyyy)",
    f_signer: "Người ký",
    f_submission: "Số tờ trình",
    f_reason: "Lý do",
    f_authority: "Cấp quyết định",
    f_reference: "Số, ngày hoặc nơi lưu",
    f_override: "Lý do vẫn đề nghị (bắt buộc khi chưa đủ điều kiện)",
    empty: "chưa nhập",
    not_a_date: "không phải ngày (dd/mm/yyyy)",
    override_needed: "Chưa đủ điều kiện: phải ghi lý do vẫn đề nghị.",
    irreversible: "Không hoàn tác được.",
    decided: "Đã ghi quyết định, đã vào sổ khen thưởng",
    referred: "Đã lập hồ sơ trình cấp trên",
    ticked: "Đã đánh dấu tài liệu",
    step_saved: "Đã ghi bước",
    not_passed: "Chỉ đề nghị Hội đồng đã thông qua mới quyết định hoặc trình được; đề nghị này đang ở trạng thái",
    nothing_selected: "Chưa chọn dòng nào.",
    no_referral: "Đề nghị này chưa có hồ sơ trình cấp trên.",
    audit_title: "Nhật ký thay đổi",
    chain_checking: "đang kiểm tra chuỗi băm…",
    chain_ok: "Chuỗi băm nguyên vẹn",
    chain_broken: "Chuỗi băm bị phá ở mục",
    filter_all: "mọi bản ghi",
    filter_nomination: "đề nghị",
    col_at: "Lúc",
    col_actor: "Người",
    col_record: "Bản ghi",
    col_action: "Thao tác",
    before: "Trước",
    after: "Sau",
    page: "trang",
    no_entries: "Không có mục nào.",
    form_keys: "Tab/↓: ô sau · S-Tab/↑: ô trước · Enter: ghi · Esc: thôi",
    export_form: "Xuất sổ khen thưởng",
    f_file: "Tệp (.xlsx hoặc .csv)",
    exported: "mục của sổ khen thưởng đã ghi vào",
    report_form: "Báo cáo thống kê khen thưởng",
    report_intro: "Ghi bảng tính (.xlsx) và bản in (.pdf) vào thư mục đang làm việc; không ghi đè tệp đã có.",
    f_period: "Năm (2025) hoặc giai đoạn (2022-2025)",
    f_stem: "Tên tệp (không có đuôi)",
    bad_period: "viết năm 4 chữ số (2025) hoặc giai đoạn “2022-2025”",
    backwards_period: "giai đoạn kết thúc trước khi bắt đầu",
    report_written: "Đã ghi báo cáo",
    report_pdf: "đang in PDF…",
    submission_form: "Tờ trình đề nghị cấp trên khen thưởng",
    no_batch: "Không có hồ sơ nào đã được Hội đồng thông qua đang chờ trình cấp trên.",
    batch_of: "hồ sơ thông qua tại phiên họp",
    f_submission_number: "Số tờ trình (thêm ký hiệu của phường)",
    submitted: "Đã ghi tờ trình, mọi hồ sơ đã lập đề nghị",
};

pub static EN: AwardStrings = AwardStrings {
    board_title: "Awards board",
    counts_title: "Nominations per deciding level and status",
    total: "Total",
    waiting_title: "Referrals waiting (longest first)",
    days: "days",
    no_waiting: "No referral is waiting.",
    chart_title: "Award register per year and level",
    no_register: "The award register is empty.",
    prize_title: "Prize money per year",
    awards_word: "awards",
    no_figure: "without a figure",
    refer_target: "Goes to",
    nominee_title: "Award history",
    register_title: "Award register",
    awards_held: "Awards held",
    no_awards: "(no award in the register yet)",
    nominations_title: "Nominations",
    eligibility_title: "Eligibility for the award proposed",
    hold: "Held back",
    referral_title: "Referral to a higher level",
    dossier: "Dossier",
    timeline: "Steps",
    submission: "Submission",
    to_level: "to",
    override_reason: "Proposed anyway because",
    decision_form: "Award decision",
    referral_form: "Refer to the level above",
    tick_form: "Dossier document",
    f_number: "Number and symbol",
    f_date: "Date (dd/mm/yyyy)",
    f_signer: "Signed by",
    f_submission: "Submission number",
    f_reason: "Reason",
    f_authority: "Granting authority",
    f_reference: "Number, date or where kept",
    f_override: "Reason to propose anyway (required when not eligible)",
    empty: "is empty",
    not_a_date: "is not a date (dd/mm/yyyy)",
    override_needed: "Not eligible: give the reason to propose it anyway.",
    irreversible: "This cannot be undone.",
    decided: "Decision recorded, award entered in the register",
    referred: "Referral prepared",
    ticked: "Document ticked",
    step_saved: "Step recorded",
    not_passed: "Only a nomination the council passed can be decided or referred; this one is",
    nothing_selected: "Nothing is selected.",
    no_referral: "This nomination has no referral.",
    audit_title: "Audit log",
    chain_checking: "checking the hash chain…",
    chain_ok: "Hash chain intact",
    chain_broken: "Hash chain broken at entry",
    filter_all: "every record",
    filter_nomination: "nomination",
    col_at: "At",
    col_actor: "Who",
    col_record: "Record",
    col_action: "Action",
    before: "Before",
    after: "After",
    page: "page",
    no_entries: "No entries.",
    form_keys: "Tab/↓: next · S-Tab/↑: previous · Enter: save · Esc: cancel",
    export_form: "Export the award register",
    f_file: "File (.xlsx or .csv)",
    exported: "register entries written to",
    report_form: "Awards report",
    report_intro: "Writes the workbook (.xlsx) and the print (.pdf) in the working folder; never over an existing file.",
    f_period: "Year (2025) or phase (2022-2025)",
    f_stem: "File name (without extension)",
    bad_period: "write a year as 4 digits (2025) or a phase as “2022-2025”",
    backwards_period: "the phase ends before it begins",
    report_written: "Report written",
    report_pdf: "typesetting the PDF…",
    submission_form: "Tờ trình to the level above",
    no_batch: "No nomination passed by the council waits to go up.",
    batch_of: "passed at meeting",
    f_submission_number: "Tờ trình number (the ward's symbol is added)",
    submitted: "Tờ trình recorded, every referral prepared",
};

/// The awards texts in the language of `s`.
pub fn texts(s: &Strings) -> &'static AwardStrings {
    match s.lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The name of a referral step, as in the forms and the timeline.
pub fn step_name(s: &Strings, event: StepKind) -> &'static str {
    let vi = s.lang == Lang::Vi;
    let (v, e) = match event {
        StepKind::Send => ("Gửi hồ sơ", "Send"),
        StepKind::Return => ("Bị trả lại", "Returned"),
        StepKind::Resend => ("Gửi lại", "Resend"),
        StepKind::Approve => ("Được chấp thuận", "Approved"),
        StepKind::Refuse => ("Không được chấp thuận", "Refused"),
        StepKind::Confer => ("Được khen thưởng", "Conferred"),
        StepKind::Forward => ("Trình tiếp cấp trên", "Forward up"),
        StepKind::Withdraw => ("Rút hồ sơ", "Withdraw"),
    };
    if vi { v } else { e }
}

pub fn referral_status(s: &Strings, st: ReferralStatus) -> &'static str {
    st.label(s.lang)
}

/// Money in đồng with the language's thousands separator.
pub fn money(s: &Strings, amount: i64) -> String {
    format!("{} đ", crate::i18n::numbers::grouped(amount, s.lang))
}

/// (hint, help line) of an awards action.
pub fn action(s: &Strings, a: &AwardAction) -> (&'static str, &'static str) {
    use AwardAction::*;
    let (vi, en) = match a {
        OpenBoard => (
            ("khen thưởng", "Bảng theo dõi khen thưởng"),
            ("awards", "Awards board"),
        ),
        OpenNominee => (
            ("lịch sử", "Lịch sử khen thưởng của đối tượng đang chọn"),
            ("history", "Award history of the selected nominee"),
        ),
        DecideOrRefer => (
            (
                "quyết định/trình",
                "Quyết định (cấp phường) hoặc trình cấp trên, mở hồ sơ trình",
            ),
            (
                "decide/refer",
                "Decide (ward) or refer upward; open the referral",
            ),
        ),
        OpenAudit => (
            ("nhật ký", "Nhật ký thay đổi của đề nghị đang chọn"),
            ("audit", "Audit log of the selected nomination"),
        ),
        OpenSelected => (
            ("mở", "Mở dòng đang chọn"),
            ("open", "Open the selected row"),
        ),
        Calibrate => (
            (
                "căn chỉnh giấy khen",
                "Trang căn chỉnh của mẫu giấy khen: các ô trên lưới milimét, để chỉnh cho máy in",
            ),
            (
                "calibrate certificates",
                "The calibration page of a certificate layout: its boxes over a millimetre grid, to adjust it to a printer",
            ),
        ),
        DecideMany => (
            (
                "QĐ Giấy khen",
                "Một quyết định cho mọi Giấy khen được thông qua của phiên họp, in kèm danh sách và giấy khen",
            ),
            (
                "decide Giấy khen",
                "One decision for every passed Giấy khen of a meeting, printed with its list and certificates",
            ),
        ),
        Tick => (
            ("đánh dấu", "Đánh dấu tài liệu đã có, với số/ngày"),
            ("tick", "Tick the document with its reference"),
        ),
        Step(e) => match *e {
            StepKind::Send => (("gửi", "Gửi hồ sơ"), ("send", "Send the dossier")),
            StepKind::Return => (
                ("trả lại", "Ghi hồ sơ bị trả lại, với lý do"),
                ("return", "Record a return, with the reason"),
            ),
            StepKind::Resend => (
                ("gửi lại", "Gửi lại hồ sơ"),
                ("resend", "Resend the dossier"),
            ),
            StepKind::Approve => (
                ("chấp thuận", "Ghi cấp trên chấp thuận"),
                ("approve", "Record approval at that level"),
            ),
            StepKind::Refuse => (
                (
                    "không chấp thuận",
                    "Ghi cấp trên không chấp thuận, với lý do",
                ),
                ("refuse", "Record refusal, with the reason"),
            ),
            StepKind::Confer => (
                ("khen thưởng", "Ghi quyết định khen thưởng (số, ngày, cấp)"),
                ("confer", "Record the conferral (number, date, authority)"),
            ),
            StepKind::Forward => (
                ("trình tiếp", "Trình tiếp lên cấp trên nữa"),
                ("forward", "Forward to the next level up"),
            ),
            StepKind::Withdraw => (
                ("rút", "Rút hồ sơ đã trình, với lý do"),
                ("withdraw", "Withdraw the referral, with the reason"),
            ),
        },
        ToggleFilter => (
            ("lọc", "Chỉ bản ghi đang chọn / mọi bản ghi"),
            ("filter", "Only the selected record / every record"),
        ),
        Export => (
            ("xuất sổ", "Xuất sổ khen thưởng ra tệp xlsx hoặc csv"),
            ("export", "Export the award register to xlsx or csv"),
        ),
        Submission => (
            (
                "tờ trình",
                "Lập tờ trình cho các hồ sơ cùng hình thức lên cấp trên",
            ),
            (
                "tờ trình",
                "One tờ trình for the passed nominations of one higher award",
            ),
        ),
        Report => (
            (
                "báo cáo",
                "Báo cáo thống kê khen thưởng năm / giai đoạn (xlsx và pdf)",
            ),
            (
                "report",
                "The year's or phase's awards report (xlsx and pdf)",
            ),
        ),
    };
    match s.lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::strings::{EN as EN_STRINGS, VI as VI_STRINGS};

    #[test]
    fn money_is_grouped_by_thousands_in_each_language() {
        assert_eq!(money(&VI_STRINGS, 5_630_000), "5.630.000 đ");
        assert_eq!(money(&EN_STRINGS, 1_410_000), "1,410,000 đ");
        assert_eq!(money(&VI_STRINGS, 0), "0 đ");
        assert_eq!(money(&VI_STRINGS, 999), "999 đ");
    }

    #[test]
    fn every_awards_action_has_a_label_in_both_languages() {
        for a in [
            AwardAction::OpenBoard,
            AwardAction::OpenNominee,
            AwardAction::DecideOrRefer,
            AwardAction::OpenAudit,
            AwardAction::Tick,
            AwardAction::Step(StepKind::Send),
            AwardAction::Step(StepKind::Confer),
        ] {
            assert_ne!(action(&VI_STRINGS, &a).0, action(&EN_STRINGS, &a).0);
        }
    }
}
