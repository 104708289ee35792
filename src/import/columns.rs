//! The column layout of a nomination list, shared by the import, the export
//! and the template: Vietnamese headers, the other spellings accepted for
//! them, and the Vietnamese labels of kinds, sexes and statuses.

use crate::domain::nomination::NominationStatus;
use crate::domain::nominee::{NomineeKind, Sex};
use crate::domain::text::fold;

/// The columns a nomination list can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Number,
    Name,
    Kind,
    BirthYear,
    Sex,
    Position,
    Unit,
    Address,
    WomenShare,
    Round,
    Award,
    ProposingUnit,
    Summary,
    Status,
    /// Written by the export; ignored on import (scores come from the members).
    Score,
}

/// How a column is written and read.
pub struct ColumnSpec {
    pub column: Column,
    /// Header as the template and the export write it.
    pub header: &'static str,
    /// Other headers accepted on import (compared without case and tone marks).
    pub aliases: &'static [&'static str],
    pub required: bool,
    /// What goes in it, for the template's instructions and the README.
    pub help: &'static str,
}

pub const COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        column: Column::Number,
        header: "STT",
        aliases: &["Số thứ tự", "TT"],
        required: false,
        help: "Số thứ tự (không bắt buộc; chỉ để đối chiếu).",
    },
    ColumnSpec {
        column: Column::Name,
        header: "Họ và tên / Tên tập thể",
        aliases: &["Họ và tên", "Họ tên", "Tên tập thể", "Tên", "Tên đối tượng"],
        required: true,
        help: "Họ và tên cá nhân, hoặc tên tập thể, hộ gia đình, doanh nghiệp. Bắt buộc.",
    },
    ColumnSpec {
        column: Column::Kind,
        header: "Loại đối tượng",
        aliases: &["Đối tượng", "Loại"],
        required: true,
        help: "Một trong: Cán bộ, công chức, viên chức; Người dân; Cá nhân khác; Ban, ngành, đơn vị; MTTQ, đoàn thể; Doanh nghiệp, tổ chức; Hộ gia đình. Bắt buộc.",
    },
    ColumnSpec {
        column: Column::BirthYear,
        header: "Năm sinh",
        aliases: &["Ngày sinh", "Ngày tháng năm sinh"],
        required: false,
        help: "Năm (1985) hoặc ngày sinh (dd/mm/yyyy hay ô ngày của bảng tính); chỉ ghi năm. Để trống với tập thể.",
    },
    ColumnSpec {
        column: Column::Sex,
        header: "Giới tính",
        aliases: &["Nam/Nữ", "Phái"],
        required: false,
        help: "Nam hoặc Nữ; chỉ cho cá nhân.",
    },
    ColumnSpec {
        column: Column::Position,
        header: "Chức vụ",
        aliases: &["Chức vụ, chức danh", "Chức danh"],
        required: false,
        help: "Chức vụ, chức danh.",
    },
    ColumnSpec {
        column: Column::Unit,
        header: "Đơn vị",
        aliases: &["Đơn vị công tác", "Nơi công tác", "Đơn vị quản lý"],
        required: false,
        help: "Đơn vị công tác hoặc đơn vị quản lý.",
    },
    ColumnSpec {
        column: Column::Address,
        header: "Địa chỉ",
        aliases: &["Nơi ở", "Địa chỉ thường trú"],
        required: false,
        help: "Địa chỉ (tổ dân phố, khu dân cư).",
    },
    ColumnSpec {
        column: Column::WomenShare,
        header: "Tỷ lệ nữ (%)",
        aliases: &["Tỉ lệ nữ"],
        required: false,
        help: "Tỷ lệ nữ trong tập thể, 0–100; chỉ cho tập thể; có thể để trống.",
    },
    ColumnSpec {
        column: Column::Round,
        header: "Đợt",
        aliases: &["Đợt khen thưởng", "Năm", "Năm khen thưởng"],
        required: true,
        help: "Năm của đợt khen thưởng hằng năm (2025) hoặc giai đoạn sơ kết, tổng kết (2022-2025). Bắt buộc.",
    },
    ColumnSpec {
        column: Column::Award,
        header: "Hình thức khen thưởng",
        aliases: &[
            "Hình thức",
            "Danh hiệu",
            "Danh hiệu, hình thức khen thưởng",
            "Mã hình thức",
        ],
        required: true,
        help: "Mã (giay_khen, ldtt …), tên đầy đủ hoặc tên ngắn của hình thức; xem trang “Hình thức”. Bắt buộc.",
    },
    ColumnSpec {
        column: Column::ProposingUnit,
        header: "Đơn vị đề nghị",
        aliases: &["Đơn vị trình", "Cơ quan đề nghị"],
        required: false,
        help: "Đơn vị lập tờ trình đề nghị khen thưởng.",
    },
    ColumnSpec {
        column: Column::Summary,
        header: "Tóm tắt thành tích",
        aliases: &["Thành tích", "Tóm tắt thành tích đạt được"],
        required: false,
        help: "Tóm tắt thành tích; có thể nhiều dòng trong một ô.",
    },
    ColumnSpec {
        column: Column::Status,
        header: "Trạng thái",
        aliases: &["Tình trạng"],
        required: false,
        help: "Không bắt buộc; để trống là “Đã nộp”. Bản xuất ghi cột này để nhập lại được.",
    },
    ColumnSpec {
        column: Column::Score,
        header: "Điểm tổng hợp",
        aliases: &["Điểm"],
        required: false,
        help: "Chỉ có trong bản xuất; khi nhập bị bỏ qua (điểm do thành viên Hội đồng chấm).",
    },
];

pub fn spec(column: Column) -> &'static ColumnSpec {
    COLUMNS
        .iter()
        .find(|s| s.column == column)
        .unwrap_or(&COLUMNS[0])
}

/// The header of a column as written.
pub fn header(column: Column) -> &'static str {
    spec(column).header
}

/// The column a header names, if any.
pub fn column_for_header(text: &str) -> Option<Column> {
    let key = header_key(text);
    if key.is_empty() {
        return None;
    }
    COLUMNS
        .iter()
        .find(|s| header_key(s.header) == key || s.aliases.iter().any(|a| header_key(a) == key))
        .map(|s| s.column)
}

/// Headers compared without case, tone marks, punctuation or spacing.
fn header_key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Vietnamese label of a kind of nominee.
pub fn kind_label(kind: NomineeKind) -> &'static str {
    match kind {
        NomineeKind::Official => "Cán bộ, công chức, viên chức",
        NomineeKind::Resident => "Người dân",
        NomineeKind::OtherIndividual => "Cá nhân khác",
        NomineeKind::Unit => "Ban, ngành, đơn vị",
        NomineeKind::FrontOrganisation => "MTTQ, đoàn thể",
        NomineeKind::Enterprise => "Doanh nghiệp, tổ chức",
        NomineeKind::Household => "Hộ gia đình",
    }
}

fn kind_aliases(kind: NomineeKind) -> &'static [&'static str] {
    match kind {
        NomineeKind::Official => &["CBCCVC", "Cán bộ", "Công chức", "Viên chức"],
        NomineeKind::Resident => &["Nhân dân", "Công dân"],
        NomineeKind::OtherIndividual => &["Cá nhân", "Doanh nhân", "Trí thức"],
        NomineeKind::Unit => &["Đơn vị", "Ban ngành", "Tập thể", "Đơn vị sự nghiệp"],
        NomineeKind::FrontOrganisation => &["Đoàn thể", "Mặt trận", "MTTQ"],
        NomineeKind::Enterprise => &["Doanh nghiệp", "Tổ chức", "Công ty", "Hợp tác xã"],
        NomineeKind::Household => &["Hộ", "Gia đình"],
    }
}

/// The kind named by `text`: its code, label or a common short form.
pub fn parse_kind(text: &str) -> Option<NomineeKind> {
    let key = header_key(text);
    NomineeKind::ALL.into_iter().find(|k| {
        header_key(k.code()) == key
            || header_key(kind_label(*k)) == key
            || kind_aliases(*k).iter().any(|a| header_key(a) == key)
    })
}

/// A word that says only "a person" or "a collective" ("Cá nhân", "Tập
/// thể"): read as one kind, which the report lists as a guess.
pub fn is_general_kind_word(text: &str) -> bool {
    let key = header_key(text);
    ["Cá nhân", "Tập thể"].iter().any(|w| header_key(w) == key)
}

pub fn sex_label(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "Nam",
        Sex::Female => "Nữ",
    }
}

pub fn parse_sex(text: &str) -> Option<Sex> {
    match fold(text.trim()).as_str() {
        "nam" | "male" | "m" => Some(Sex::Male),
        "nu" | "female" | "f" => Some(Sex::Female),
        _ => None,
    }
}

/// Vietnamese label of a nomination's status.
pub fn status_label(status: NominationStatus) -> &'static str {
    match status {
        NominationStatus::Draft => "Dự thảo",
        NominationStatus::Submitted => "Đã nộp",
        NominationStatus::OnAgenda => "Đưa ra họp",
        NominationStatus::Passed => "Được thông qua",
        NominationStatus::Failed => "Không thông qua",
        NominationStatus::Decided => "Đã quyết định",
        NominationStatus::Referred => "Đã trình cấp trên",
        NominationStatus::Conferred => "Được cấp trên khen",
        NominationStatus::Rejected => "Cấp trên không khen",
        NominationStatus::Withdrawn => "Đã rút",
    }
}

pub fn parse_status(text: &str) -> Option<NominationStatus> {
    let key = header_key(text);
    NominationStatus::ALL
        .into_iter()
        .find(|s| header_key(s.code()) == key || header_key(status_label(*s)) == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_loosely() {
        assert_eq!(column_for_header("HỌ VÀ TÊN"), Some(Column::Name));
        assert_eq!(
            column_for_header(" ho va ten / ten tap the "),
            Some(Column::Name)
        );
        assert_eq!(
            column_for_header("Hình thức khen thưởng"),
            Some(Column::Award)
        );
        assert_eq!(column_for_header("Tỉ lệ nữ"), Some(Column::WomenShare));
        assert_eq!(column_for_header("Ghi chú"), None);
        assert_eq!(column_for_header(""), None);
    }

    #[test]
    fn labels_parse_back() {
        for k in NomineeKind::ALL {
            assert_eq!(parse_kind(kind_label(k)), Some(k));
            assert_eq!(parse_kind(k.code()), Some(k));
        }
        for s in NominationStatus::ALL {
            assert_eq!(parse_status(status_label(s)), Some(s));
            assert_eq!(parse_status(s.code()), Some(s));
        }
        assert_eq!(parse_kind("hộ gia đình"), Some(NomineeKind::Household));
        assert_eq!(parse_kind("CBCCVC"), Some(NomineeKind::Official));
        assert_eq!(parse_kind("Học sinh"), None);
        assert_eq!(parse_sex("NỮ"), Some(Sex::Female));
        assert_eq!(parse_sex("Nam"), Some(Sex::Male));
        assert_eq!(parse_sex("x"), None);
    }

    #[test]
    fn every_header_is_distinct() {
        let mut keys: Vec<String> = COLUMNS
            .iter()
            .flat_map(|s| std::iter::once(s.header).chain(s.aliases.iter().copied()))
            .map(header_key)
            .collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }
}
