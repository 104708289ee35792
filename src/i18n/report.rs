//! The words of the year's report shared by its print and its workbook:
//! kinds of nominee, referral outcomes and the period, in Vietnamese as the
//! ward's lists name them.

use crate::domain::nominee::NomineeKind;
use crate::domain::referral::ReferralStatus;
use crate::domain::report::YearReport;

/// The kind of nominee as the ward's lists name it.
pub fn kind_words(k: NomineeKind) -> &'static str {
    match k {
        NomineeKind::Official => "Cán bộ, công chức, viên chức",
        NomineeKind::Resident => "Người dân",
        NomineeKind::OtherIndividual => "Cá nhân khác",
        NomineeKind::Unit => "Ban, ngành, đơn vị",
        NomineeKind::FrontOrganisation => "MTTQ, đoàn thể",
        NomineeKind::Enterprise => "Tổ chức, doanh nghiệp",
        NomineeKind::Household => "Hộ gia đình",
    }
}

/// "năm 2025" or "giai đoạn 2022 – 2025".
pub fn period_words(r: &YearReport) -> String {
    if r.period.is_phase() {
        format!("giai đoạn {} – {}", r.period.from, r.period.to)
    } else {
        format!("năm {}", r.period.from)
    }
}

/// The outcomes a referral line prints, in the order of the state machine.
pub const OUTCOMES: [(ReferralStatus, &str); 6] = [
    (ReferralStatus::Prepared, "Chưa gửi"),
    (ReferralStatus::Sent, "Đã gửi, chờ"),
    (ReferralStatus::Returned, "Bị trả lại"),
    (ReferralStatus::Resent, "Đã gửi lại"),
    (ReferralStatus::Conferred, "Được khen thưởng"),
    (ReferralStatus::Refused, "Không được chấp thuận"),
];
