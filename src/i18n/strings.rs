//! Every text the terminal interface shows, in Vietnamese (default) and English.
//! Fixed texts are fields of `Strings`, so a missing translation does not compile;
//! labels of domain values are methods matching on the language.

use super::Lang;
use super::numbers;
use crate::domain::council::Role;
use crate::domain::nomination::{EvidenceKind, NominationStatus, SortKey};
use crate::domain::nominee::NomineeKind;
use crate::domain::scoring::{Aggregation, ScoreError};

use crate::tui::action::Action;

impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

pub struct Strings {
    pub lang: Lang,
    pub app_title: &'static str,
    pub read_only_banner: &'static str,
    pub damaged_banner: &'static str,
    pub nominations: &'static str,
    pub detail: &'static str,
    pub loading: &'static str,
    pub no_rows: &'static str,
    pub col_nominee: &'static str,
    pub col_kind: &'static str,
    pub col_unit: &'static str,
    pub col_award: &'static str,
    pub col_score: &'static str,
    pub col_evidence: &'static str,
    pub col_status: &'static str,
    pub filter_status: &'static str,
    pub filter_kind: &'static str,
    pub filter_level: &'static str,
    pub filter_sort: &'static str,
    pub all: &'static str,
    pub pending: &'static str,
    pub search_prompt: &'static str,
    pub position: &'static str,
    pub unit: &'static str,
    pub proposed_award: &'static str,
    pub granted_by: &'static str,
    pub round: &'static str,
    pub proposing_unit: &'static str,
    pub summary: &'static str,
    pub evidence: &'static str,
    pub no_evidence: &'static str,
    pub scores: &'static str,
    pub criterion_code: &'static str,
    pub mean: &'static str,
    pub member_totals: &'static str,
    pub consolidated: &'static str,
    pub not_scored: &'static str,
    pub recused: &'static str,
    pub members: &'static str,
    pub criteria: &'static str,
    pub no_criteria: &'static str,
    pub help_title: &'static str,
    pub help_global: &'static str,
    pub confirm_title: &'static str,
    pub message_title: &'static str,
    pub error_title: &'static str,
    pub yes_no: &'static str,
    pub store_error: &'static str,
    pub scoring_title: &'static str,
    pub scoring_member: &'static str,
    pub scoring_saved: &'static str,
    pub scoring_cleared: &'static str,
    pub scoring_recused: &'static str,
    pub scoring_unrecused: &'static str,
    /// The label of the recusal's reason, and the refusal of a blank one.
    pub recusal_prompt: &'static str,
    pub recusal_reason_empty: &'static str,
    pub confirm_recuse: &'static str,
    pub confirm_unrecuse: &'static str,
    pub edit_prompt: &'static str,
    pub aggregation: &'static str,
}

pub static VI: Strings = Strings {
    lang: Lang::Vi,
    app_title: "Hội đồng Thi đua – Khen thưởng",
    read_only_banner: " CHỈ ĐỌC: cơ sở dữ liệu không ghi được, mọi thay đổi sẽ không được lưu ",
    damaged_banner: " CƠ SỞ DỮ LIỆU BỊ HỎNG: không lưu được thay đổi; hãy khôi phục bản sao lưu (hoidong restore) ",
    nominations: "Đề nghị khen thưởng",
    detail: "Chi tiết",
    loading: "đang tải…",
    no_rows: "Không có đề nghị nào khớp bộ lọc.",
    col_nominee: "Đối tượng",
    col_kind: "Loại",
    col_unit: "Đơn vị",
    col_award: "Hình thức đề nghị",
    col_score: "Điểm",
    col_evidence: "MC",
    col_status: "Trạng thái",
    filter_status: "Trạng thái",
    filter_kind: "Loại",
    filter_level: "Cấp",
    filter_sort: "Sắp xếp",
    all: "Tất cả",
    pending: "Đang chờ",
    search_prompt: "Tìm: ",
    position: "Chức vụ",
    unit: "Đơn vị",
    proposed_award: "Hình thức đề nghị",
    granted_by: "Thẩm quyền",
    round: "Đợt",
    proposing_unit: "Đơn vị đề nghị",
    summary: "Tóm tắt thành tích",
    evidence: "Minh chứng",
    no_evidence: "(chưa có minh chứng)",
    scores: "Chấm điểm theo tiêu chí",
    criterion_code: "Mã",
    mean: "TB",
    member_totals: "Tổng (thang 100)",
    consolidated: "Điểm tổng hợp",
    not_scored: "chưa chấm",
    recused: "không chấm (xung đột lợi ích)",
    members: "Thành viên",
    criteria: "Tiêu chí",
    no_criteria: "(không có tiêu chí cho loại đối tượng này)",
    help_title: "Phím tắt",
    help_global: "Mọi nơi",
    confirm_title: "Xác nhận",
    message_title: "Thông báo",
    error_title: "Lỗi",
    yes_no: "Enter/y: đồng ý · Esc/n: thôi",
    store_error: "Lỗi cơ sở dữ liệu",
    scoring_title: "Chấm điểm",
    scoring_member: "Thành viên",
    scoring_saved: "Đã lưu điểm",
    scoring_cleared: "Đã xóa điểm",
    scoring_recused: "Đã ghi nhận không chấm (xung đột lợi ích)",
    scoring_unrecused: "Đã bỏ ghi nhận không chấm",
    recusal_prompt: "Lý do: ",
    recusal_reason_empty: "Ghi lý do không chấm (ví dụ: là người thân của người được đề nghị).",
    confirm_recuse: "Thành viên này không chấm đề nghị này (xung đột lợi ích)? Điểm của họ sẽ không tính vào điểm tổng hợp. Ghi lý do:",
    confirm_unrecuse: "Bỏ ghi nhận không chấm của thành viên này? Điểm của họ sẽ được tính lại.",
    edit_prompt: "Điểm: ",
    aggregation: "Cách tổng hợp",
};

pub static EN: Strings = Strings {
    lang: Lang::En,
    app_title: "Emulation and Commendation Council",
    read_only_banner: " READ-ONLY: the database cannot be written, changes will not be saved ",
    damaged_banner: " DATABASE DAMAGED: changes cannot be saved; restore a backup (hoidong restore) ",
    nominations: "Nominations",
    detail: "Detail",
    loading: "loading…",
    no_rows: "No nomination matches the filters.",
    col_nominee: "Nominee",
    col_kind: "Kind",
    col_unit: "Unit",
    col_award: "Proposed award",
    col_score: "Score",
    col_evidence: "Ev",
    col_status: "Status",
    filter_status: "Status",
    filter_kind: "Kind",
    filter_level: "Level",
    filter_sort: "Sort",
    all: "All",
    pending: "Pending",
    search_prompt: "Search: ",
    position: "Position",
    unit: "Unit",
    proposed_award: "Proposed award",
    granted_by: "Granted by",
    round: "Round",
    proposing_unit: "Proposing unit",
    summary: "Summary of achievements",
    evidence: "Evidence",
    no_evidence: "(no evidence yet)",
    scores: "Criteria scores",
    criterion_code: "Code",
    mean: "Avg",
    member_totals: "Total (of 100)",
    consolidated: "Consolidated score",
    not_scored: "not scored",
    recused: "recused (conflict of interest)",
    members: "Members",
    criteria: "Criteria",
    no_criteria: "(no criteria for this kind of nominee)",
    help_title: "Keys",
    help_global: "Everywhere",
    confirm_title: "Confirm",
    message_title: "Message",
    error_title: "Error",
    yes_no: "Enter/y: yes · Esc/n: no",
    store_error: "Database error",
    scoring_title: "Scoring",
    scoring_member: "Member",
    scoring_saved: "Score saved",
    scoring_cleared: "Score cleared",
    scoring_recused: "Recusal recorded (conflict of interest)",
    scoring_unrecused: "Recusal removed",
    recusal_prompt: "Reason: ",
    recusal_reason_empty: "Give the reason for not scoring (e.g. a relative of the nominee).",
    confirm_recuse: "This member does not score this nomination (conflict of interest)? Their scores will not count. Give the reason:",
    confirm_unrecuse: "Remove this member's recusal? Their scores will count again.",
    edit_prompt: "Score: ",
    aggregation: "Aggregation",
};

impl Strings {
    /// A share in tenths of a percent, in the language's number format.
    pub fn percent(&self, permille: u32) -> String {
        numbers::percent(permille, self.lang)
    }

    /// A computed score with one decimal place, in the language's number format.
    pub fn decimal(&self, value: f64) -> String {
        numbers::one_decimal(value, self.lang)
    }

    /// A member's score on a criterion (kept in tenths): "8,5", "8".
    pub fn score_value(&self, tenths: u32) -> String {
        numbers::score(tenths, self.lang)
    }

    /// A count with the thousands separator of the language: 100.000 / 100,000.
    pub fn count(&self, n: u32) -> String {
        crate::i18n::numbers::grouped(i64::from(n), self.lang)
    }

    pub fn score_error(&self, e: &ScoreError) -> String {
        match (self.lang, e) {
            (Lang::Vi, ScoreError::Empty) => "Chưa nhập điểm".into(),
            (Lang::Vi, ScoreError::NotANumber(t)) => format!("“{t}” không phải là số"),
            (Lang::Vi, ScoreError::TooPrecise(t)) => format!("“{t}”: chỉ lấy một chữ số thập phân"),
            (Lang::Vi, ScoreError::OverMaximum { given, max }) => {
                format!("Điểm {given} vượt mức tối đa {max}")
            }
            (Lang::En, e) => e.to_string(),
        }
    }

    fn pick(&self, vi: &'static str, en: &'static str) -> &'static str {
        match self.lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    pub fn kind(&self, k: NomineeKind) -> &'static str {
        use NomineeKind::*;
        match k {
            Official => self.pick("CB, CC, VC", "Official"),
            Resident => self.pick("Người dân", "Resident"),
            OtherIndividual => self.pick("Cá nhân khác", "Other person"),
            Unit => self.pick("Tập thể", "Unit"),
            FrontOrganisation => self.pick("MTTQ, đoàn thể", "Front/mass org."),
            Enterprise => self.pick("Doanh nghiệp", "Enterprise"),
            Household => self.pick("Hộ gia đình", "Household"),
        }
    }

    pub fn status(&self, s: NominationStatus) -> &'static str {
        use NominationStatus::*;
        match s {
            Draft => self.pick("Nháp", "Draft"),
            Submitted => self.pick("Đã nộp", "Submitted"),
            OnAgenda => self.pick("Chờ họp", "On agenda"),
            Passed => self.pick("Đã thông qua", "Passed"),
            Failed => self.pick("Không đạt", "Failed"),
            Decided => self.pick("Đã quyết định", "Decided"),
            Referred => self.pick("Trình cấp trên", "Referred"),
            Conferred => self.pick("Được khen", "Conferred"),
            Rejected => self.pick("Bị từ chối", "Rejected"),
            Withdrawn => self.pick("Đã rút", "Withdrawn"),
        }
    }

    /// Label of a level of the chain (catalogue codes); unknown codes show as they are.
    pub fn level<'a>(&self, code: &'a str) -> &'a str {
        match code {
            "ward" => self.pick("Phường", "Ward"),
            "province" => self.pick("Tỉnh", "Province"),
            "central" => self.pick("Trung ương", "Central"),
            "state" => self.pick("Nhà nước", "State"),
            "district" => self.pick("Huyện", "District"),
            other => other,
        }
    }

    pub fn sort(&self, k: SortKey) -> &'static str {
        match k {
            SortKey::AwardLevel => self.pick("cấp khen", "award level"),
            SortKey::Name => self.pick("tên", "name"),
            SortKey::Score => self.pick("điểm", "score"),
        }
    }

    pub fn aggregation_method(&self, a: Aggregation) -> &'static str {
        match a {
            Aggregation::Mean => self.pick("trung bình cộng", "mean"),
            Aggregation::Median => self.pick("trung vị", "median"),
            Aggregation::TrimmedMean => self.pick(
                "trung bình bỏ điểm cao nhất và thấp nhất",
                "mean without the highest and lowest",
            ),
        }
    }

    pub fn evidence_kind(&self, k: EvidenceKind) -> &'static str {
        use EvidenceKind::*;
        match k {
            AchievementReport => self.pick("Báo cáo thành tích", "Achievement report"),
            Confirmation => self.pick("Văn bản xác nhận", "Confirmation"),
            Decision => self.pick("Quyết định", "Decision"),
            Photo => self.pick("Ảnh", "Photo"),
            Other => self.pick("Khác", "Other"),
        }
    }

    pub fn role(&self, r: Role) -> &'static str {
        match r {
            Role::Chair => self.pick("Chủ tịch", "Chair"),
            Role::ViceChair => self.pick("Phó Chủ tịch", "Vice-chair"),
            Role::StandingMember => self.pick("Ủy viên thường trực", "Standing member"),
            Role::Secretary => self.pick("Thư ký", "Secretary"),
            Role::Member => self.pick("Ủy viên", "Member"),
        }
    }

    /// (short hint for the bar, full line for the help) of an action.
    pub fn action(&self, a: &Action) -> (&'static str, &'static str) {
        use Action::*;
        let (vi, en) = match a {
            Quit => (("thoát", "Thoát chương trình"), ("quit", "Quit")),
            Up => (("lên", "Lên một dòng"), ("up", "Move up")),
            Down => (("xuống", "Xuống một dòng"), ("down", "Move down")),
            PageUp => (("trang trước", "Lên một trang"), ("page up", "Page up")),
            PageDown => (("trang sau", "Xuống một trang"), ("page down", "Page down")),
            Home => (("đầu", "Về dòng đầu"), ("first", "First row")),
            End => (("cuối", "Đến dòng cuối"), ("last", "Last row")),
            NextPane => (
                ("đổi khung", "Chuyển giữa danh sách và chi tiết"),
                ("pane", "Switch between list and detail"),
            ),
            StartSearch => (
                ("tìm", "Tìm khi gõ (không phân biệt dấu, d tìm được đ)"),
                ("search", "Search as you type (ignores case and tone marks)"),
            ),
            SearchKeep => (
                ("giữ", "Giữ chuỗi tìm, về danh sách"),
                ("keep", "Keep the search, back to the list"),
            ),
            SearchClear => (("xóa tìm", "Xóa chuỗi tìm"), ("clear", "Clear the search")),
            CycleStatus => (
                ("trạng thái", "Lọc theo trạng thái (lần lượt)"),
                ("status", "Filter by status (cycles)"),
            ),
            CycleKind => (
                ("loại", "Lọc theo loại đối tượng (lần lượt)"),
                ("kind", "Filter by kind of nominee (cycles)"),
            ),
            CycleLevel => (
                ("cấp", "Lọc theo cấp khen thưởng (lần lượt)"),
                ("level", "Filter by award level (cycles)"),
            ),
            CycleSort => (
                ("sắp xếp", "Sắp xếp theo cấp khen, điểm, tên"),
                ("sort", "Sort by award level, score, name"),
            ),
            ReverseSort => (
                ("đảo chiều", "Đảo chiều sắp xếp"),
                ("reverse", "Reverse the order"),
            ),
            ClearFilters => (
                ("bỏ lọc", "Bỏ mọi bộ lọc và chuỗi tìm"),
                ("reset", "Clear every filter and the search"),
            ),
            Refresh => (
                (
                    "đọc lại",
                    "Đọc lại danh sách và chi tiết (thấy thay đổi từ máy khác)",
                ),
                (
                    "refresh",
                    "Read the list and the detail again (see changes made elsewhere)",
                ),
            ),
            OpenScoring => (
                ("chấm điểm", "Chấm điểm đề nghị đang chọn"),
                ("score", "Score the selected nomination"),
            ),
            Help => (
                ("trợ giúp", "Bảng phím tắt này"),
                ("help", "This list of keys"),
            ),
            Close => (("đóng", "Đóng"), ("close", "Close")),
            Confirm => (("đồng ý", "Đồng ý"), ("yes", "Yes, go ahead")),
            Cancel => (("thôi", "Thôi, không làm"), ("no", "No, cancel")),
            Left => (("trái", "Sang trái"), ("left", "Move left")),
            Right => (("phải", "Sang phải"), ("right", "Move right")),
            NextMember => (
                ("thành viên sau", "Thành viên kế tiếp"),
                ("next member", "Next member"),
            ),
            PrevMember => (
                ("thành viên trước", "Thành viên trước"),
                ("prev member", "Previous member"),
            ),
            EditScore => (
                ("nhập điểm", "Nhập điểm ô đang chọn (Enter lưu)"),
                ("enter score", "Type the score of the cell (Enter saves)"),
            ),
            TypeScore => (
                (
                    "gõ điểm",
                    "Gõ điểm ngay vào ô đang chọn, Enter lưu và sang ô kế",
                ),
                (
                    "type score",
                    "Type a score into the cell, Enter saves and moves on",
                ),
            ),
            ClearScore => (
                ("xóa điểm", "Xóa điểm ô đang chọn"),
                ("clear", "Clear the score of the cell"),
            ),
            ToggleRecusal => (
                (
                    "không chấm",
                    "Ghi nhận / bỏ thành viên không chấm vì xung đột lợi ích (hỏi lại)",
                ),
                ("recuse", "Mark / unmark the member as recused (asks first)"),
            ),
            Meeting(m) => return self.meeting_action(m),
            Plan(p) => return self.plan_action(p),
            Minutes(m) => return self.minutes_action(m),
            Awards(a) => return super::awards::action(self, a),
            Movements(a) => return super::strings_setup::action(self, a),
            Setup(a) => return super::setup_screens::action(self, a),
            Import(a) => return super::strings_import::action(self.lang, a),
            NewNomination => (
                ("thêm", "Thêm đối tượng và đề nghị mới"),
                ("new", "Add a nominee and a nomination"),
            ),
            EditNomination => (
                ("sửa", "Sửa đề nghị đang chọn và đối tượng"),
                ("edit", "Edit the selected nomination and its nominee"),
            ),
            AddEvidence => (
                (
                    "minh chứng",
                    "Thêm minh chứng (có thể kèm tệp, lưu mã SHA-256)",
                ),
                (
                    "evidence",
                    "Add evidence (optionally a file, kept with its SHA-256)",
                ),
            ),
            OpenEvidence => (
                (
                    "xem minh chứng",
                    "Danh sách minh chứng của đề nghị đang chọn, để sửa hoặc thêm",
                ),
                (
                    "evidence list",
                    "The selected nomination's evidence, to edit or add",
                ),
            ),
            EditEvidence => (
                (
                    "sửa",
                    "Sửa minh chứng đang chọn (ghi lại mã SHA-256 nếu đổi tệp)",
                ),
                (
                    "edit",
                    "Edit the selected evidence (a new file gets its SHA-256)",
                ),
            ),
            Withdraw => (
                ("rút", "Rút đề nghị đang chọn (hỏi lý do; không xóa)"),
                (
                    "withdraw",
                    "Withdraw the selected nomination (asks why; nothing is deleted)",
                ),
            ),
            OpenRanking => (
                ("xếp hạng", "Xếp hạng theo đợt và cấp khen"),
                ("ranking", "Ranking per round and award level"),
            ),
            ImportFile => (
                ("nhập tệp", "Nhập danh sách đề nghị từ tệp XLSX, ODS, CSV"),
                ("import", "Import a nomination list (XLSX, ODS, CSV)"),
            ),
            ExportList => (
                ("xuất tệp", "Xuất danh sách đang lọc ra XLSX hoặc CSV"),
                ("export", "Export the filtered list to XLSX or CSV"),
            ),
            NextField => (("ô sau", "Sang ô kế tiếp"), ("next", "Next field")),
            PrevField => (("ô trước", "Về ô trước"), ("prev", "Previous field")),
            Save => (
                ("lưu", "Lưu (một giao dịch)"),
                ("save", "Save (one transaction)"),
            ),
        };
        match self.lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
#[path = "strings_tests.rs"]
mod tests;
