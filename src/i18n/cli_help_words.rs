//! The top-level `hoidong --help` in Vietnamese: the program's line, each
//! subcommand's one line and the global options.

/// What the program is.
pub const ABOUT: &str =
    "Bàn làm việc bằng bàn phím của thư ký Hội đồng Thi đua – Khen thưởng cấp xã, phường";

/// Each subcommand's line in the list, by its name.
pub const SUBCOMMANDS: &[(&str, &str)] = &[
    (
        "init",
        "Tạo cơ sở dữ liệu mới, trống tại PATH (danh mục khen thưởng và quy tắc mặc định); lần đầu mở giao diện sẽ hướng dẫn thiết lập",
    ),
    ("demo", "Ghi cơ sở dữ liệu mẫu vào PATH"),
    (
        "gen",
        "Ghi một cơ sở dữ liệu tổng hợp, cỡ tuỳ chọn, vào PATH",
    ),
    ("import", "Nhập một bảng tính vào cơ sở dữ liệu"),
    ("export", "Xuất một bảng tính từ cơ sở dữ liệu"),
    (
        "decide",
        "Ghi quyết định khen thưởng của Chủ tịch UBND cho một đề nghị đã được thông qua",
    ),
    (
        "refer",
        "Trình cấp trên một đề nghị đã được thông qua (số và ngày tờ trình)",
    ),
    (
        "referral",
        "Xem một hồ sơ trình cấp trên hoặc ghi bước tiếp theo của nó",
    ),
    (
        "eligibility",
        "Xét điều kiện của một đề nghị theo sổ khen thưởng của đối tượng",
    ),
    (
        "eligibility-rules",
        "Xem quy tắc xét điều kiện đang áp dụng (TOML), nạp quy tắc của hội đồng, hoặc đặt lại",
    ),
    (
        "history",
        "Mọi khen thưởng của một đối tượng (mã số, hoặc tên để tìm)",
    ),
    (
        "register",
        "Tìm trong sổ khen thưởng (không phân biệt hoa thường và dấu)",
    ),
    (
        "earlier-award",
        "Ghi một khen thưởng đối tượng đã được nhận trước đây",
    ),
    (
        "hold",
        "Tạm hoãn khen thưởng của một đối tượng khi bị xem xét kỷ luật hoặc thanh tra",
    ),
    ("lift-hold", "Bỏ tạm hoãn"),
    (
        "awards-board",
        "Số đề nghị theo cấp và trạng thái, hồ sơ trình chờ lâu nhất trước",
    ),
    (
        "minutes",
        "Ghi biên bản (hoặc, với --ballots, biên bản kiểm phiếu) của một cuộc họp",
    ),
    (
        "sign",
        "Ký duyệt biên bản một cuộc họp (thay đổi sau đó thành phụ lục)",
    ),
    (
        "print",
        "Gửi biên bản một cuộc họp tới máy in (lp), hoặc lưu bản PDF",
    ),
    (
        "check",
        "Kiểm tra cơ sở dữ liệu: toàn vẹn, chuỗi nhật ký, biên bản đã ký, tệp minh chứng, dấu hiệu sửa trái phép",
    ),
    (
        "anchor",
        "In đầu chuỗi nhật ký để lưu ngoài tệp (trên giấy)",
    ),
    (
        "reindex",
        "Dựng lại chỉ mục tìm kiếm từ các đề nghị (khi `check` yêu cầu)",
    ),
    (
        "backup",
        "Sao lưu cơ sở dữ liệu ra FILE (an toàn khi hoidong đang chạy; không ghi đè)",
    ),
    (
        "restore",
        "Thay cơ sở dữ liệu bằng FILE sau khi kiểm tra; bản hiện tại được giữ lại bên cạnh",
    ),
    ("ward", "Thông tin đơn vị in trên mọi văn bản (show, set)"),
    (
        "council",
        "Hội đồng: thành lập theo nhiệm kỳ, xem, thêm, thay hoặc cho thôi thành viên",
    ),
    (
        "movement",
        "Phong trào thi đua và tiêu chí: list, show, new, seed, copy, export, import, edit",
    ),
    (
        "rules",
        "Quy tắc làm việc của hội đồng: biểu quyết theo hình thức khen, số tham dự tối thiểu, bằng phiếu, tổng hợp điểm",
    ),
    (
        "decision",
        "Một quyết định của Chủ tịch UBND cho nhiều khen thưởng: new, list, print",
    ),
    (
        "certificates",
        "Giấy khen của một quyết định, in trên A4 hoặc phôi in sẵn",
    ),
    ("meetings", "Danh sách các cuộc họp của hội đồng"),
    (
        "report",
        "Báo cáo năm (hoặc đợt): số lượng và tiền thưởng theo hình thức và cấp, đơn vị, đối tượng, trình cấp trên",
    ),
    (
        "submission",
        "Tờ trình cấp trên cho các đề nghị được thông qua tại một cuộc họp cùng một hình thức khen (new, print)",
    ),
    (
        "meeting",
        "Xem hoặc chuẩn bị một cuộc họp (show, ballot-record, new, add, move, remove, committee, note)",
    ),
    ("help", "In trợ giúp này hoặc trợ giúp của lệnh con"),
];

/// The global options' lines, by their names.
pub const OPTIONS: &[(&str, &str)] = &[
    (
        "db",
        "Tệp cơ sở dữ liệu (mặc định: hoidong.db trong thư mục dữ liệu của người dùng)",
    ),
    (
        "lang",
        "Ngôn ngữ giao diện: vi (mặc định) hoặc en; nếu không có thì theo LANG",
    ),
];

/// The layout of the help page, with the Vietnamese headings.
pub const TEMPLATE: &str =
    "{about}\n\nCách dùng: {usage}\n\nLệnh:\n{subcommands}\n\nTuỳ chọn:\n{options}\n";

pub const HELP_FLAG: &str = "In trợ giúp";
pub const VERSION_FLAG: &str = "In số phiên bản";

/// `hoidong LỆNH` with no subcommand: `command` is the whole command so far.
pub fn missing_subcommand(command: &str, subcommands: &str, usage: &str) -> String {
    format!(
        "lỗi: '{command}' cần một lệnh con nhưng chưa có\n  [các lệnh con: {subcommands}]\n\nCách dùng: {usage}\n\nXem thêm: {command} --help\n"
    )
}
