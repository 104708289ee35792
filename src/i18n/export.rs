//! The words of exported spreadsheets: sheet names and column headers.
//! Exports are written in Vietnamese whatever the interface's language: they
//! are the ward's records, the nomination list is read back by the import
//! (same headers), and the province's forms take their columns from them.

use crate::import::scores::RECUSAL_NOTE;

/// The award register (`hoidong export awards`).
pub const AWARDS_SHEET: &str = "Sổ khen thưởng";

pub const AWARDS_HEADERS: [&str; 13] = [
    "STT",
    "Họ và tên / Tên tập thể",
    "Đối tượng",
    "Đơn vị",
    "Hình thức khen thưởng",
    "Cấp quyết định",
    "Năm",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp khen thưởng",
    "Nguồn",
    "Tiền thưởng (đồng)",
    "Ghi chú",
];

/// Names of the two sheets.
pub const LIST_SHEET: &str = "Danh sách đề nghị";
pub const SCORES_SHEET: &str = "Điểm chấm";

/// Headers of the scores sheet.
pub const SCORES_HEADERS: [&str; 10] = [
    "STT",
    "Họ và tên / Tên tập thể",
    "Hình thức khen thưởng",
    "Thành viên Hội đồng",
    "Mã tiêu chí",
    "Tiêu chí",
    "Điểm",
    "Điểm tối đa",
    "Trọng số",
    "Ghi chú",
];

/// The scores sheet's note for a member who stood aside from a nomination.
pub fn recusal_note(reason: &str) -> String {
    format!("{RECUSAL_NOTE} (xung đột lợi ích): {reason}")
}

/// The year's report workbook: the count columns every view ends with.
pub const COUNT_HEADERS: [&str; 5] = [
    "Cá nhân",
    "Tập thể",
    "Hộ gia đình",
    "Tổng số",
    "Tiền thưởng (đồng)",
];

/// The last count column: awards whose prize has no figure in the table.
pub const WITHOUT_PRIZE: &str = "Chưa có mức tiền thưởng";
/// The label of a view's total row.
pub const TOTAL: &str = "Tổng cộng";

pub const BY_AWARD_SHEET: &str = "Theo hình thức";
pub const BY_AWARD_HEADERS: [&str; 4] = ["STT", "Hình thức khen thưởng", "Mã", "Cấp quyết định"];
pub const BY_KIND_SHEET: &str = "Theo đối tượng";
pub const BY_KIND_HEADERS: [&str; 2] = ["STT", "Đối tượng"];
pub const BY_UNIT_SHEET: &str = "Theo đơn vị";
pub const BY_UNIT_HEADERS: [&str; 2] = ["STT", "Đơn vị"];
pub const REFERRALS_SHEET: &str = "Đề nghị cấp trên";
pub const REFERRAL_HEADERS: [&str; 5] =
    ["STT", "Hình thức khen thưởng", "Mã", "Gửi cấp", "Số hồ sơ"];
/// The referral outcomes the report does not count one by one.
pub const OTHER_OUTCOMES: &str = "Khác (chấp thuận, trình tiếp, rút)";
