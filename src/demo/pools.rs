//! Invented names, places and achievements the demo data is drawn from.

pub const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Đinh", "Phan", "Tạ", "Cao", "Mạc",
];
pub const MIDDLE_M: &[&str] = &[
    "Văn", "Đức", "Minh", "Hữu", "Quang", "Xuân", "Tiến", "Công", "Mạnh",
];
pub const MIDDLE_F: &[&str] = &[
    "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Kim", "Phương", "Hồng",
];
pub const GIVEN_M: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh", "Long", "Nam", "Quân", "Sơn",
    "Thắng", "Tuấn", "Việt", "Ân", "Hưng", "Trọng", "Lực", "Đông",
];
pub const GIVEN_F: &[&str] = &[
    "Anh", "Ánh", "Giang", "Hà", "Hằng", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương", "Thảo",
    "Trang", "Yến", "Huyền", "Loan", "Dung", "Ngân", "Thủy", "Oanh",
];

/// Units of the ward (ban, ngành, đơn vị sự nghiệp).
pub const UNITS: &[&str] = &[
    "Văn phòng HĐND và UBND phường",
    "Ban Kinh tế phường",
    "Ban Văn hóa phường",
    "Bộ phận Địa chính – Xây dựng",
    "Bộ phận Tài chính – Kế toán",
    "Trạm Y tế phường Thanh Bình",
    "Trường Mầm non Thanh Bình",
    "Trường Tiểu học Thanh Bình",
    "Trường THCS Thanh Bình",
];
pub const FRONT: &[&str] = &[
    "Ủy ban MTTQ Việt Nam phường Thanh Bình",
    "Đoàn TNCS Hồ Chí Minh phường",
    "Hội Liên hiệp Phụ nữ phường",
    "Hội Cựu chiến binh phường",
    "Hội Người cao tuổi phường",
    "Công đoàn cơ sở phường",
];
pub const ENTERPRISES: &[&str] = &[
    "Công ty TNHH Xây dựng Thành Đạt",
    "Công ty CP Vật liệu Hải Thịnh",
    "HTX Dịch vụ Môi trường Thanh Bình",
    "Công ty TNHH Cơ khí Bình Minh",
    "Công ty CP Tư vấn Thiết kế Đông Á",
    "Doanh nghiệp tư nhân Vận tải Quang Huy",
];
pub const RESIDENTIAL: &[&str] = &[
    "Khu dân cư số 1",
    "Khu dân cư số 2",
    "Khu dân cư số 3",
    "Khu dân cư số 4",
    "Khu dân cư số 5",
    "Khu dân cư số 6",
    "Khu dân cư số 7",
    "Khu dân cư số 8",
];
pub const STREETS: &[&str] = &[
    "phố Nguyễn Lương Bằng",
    "phố Thanh Niên",
    "phố Lê Thanh Nghị",
    "phố Vũ Hựu",
    "phố Đức Minh",
    "phố An Ninh",
];
/// Positions that fit each unit of the ward.
pub fn positions_in(unit: &str) -> &'static [&'static str] {
    if unit.starts_with("Trường") {
        &["Giáo viên", "Phó Hiệu trưởng", "Kế toán"]
    } else if unit.starts_with("Trạm Y tế") {
        &["Y sĩ", "Điều dưỡng", "Trạm trưởng"]
    } else if unit.contains("Địa chính") {
        &["Công chức Địa chính – Xây dựng"]
    } else if unit.contains("Tài chính") {
        &["Công chức Tài chính – Kế toán"]
    } else if unit.starts_with("Văn phòng") {
        &["Công chức Văn phòng – Thống kê", "Chuyên viên"]
    } else {
        &["Chuyên viên", "Phó Trưởng ban"]
    }
}
pub const OTHER_POSITIONS: &[&str] = &[
    "Kỹ sư xây dựng",
    "Giám đốc doanh nghiệp",
    "Công nhân kỹ thuật",
    "Kỹ sư điện",
];

pub const ACHIEVEMENTS: &[&str] = &[
    "Vận động 14 hộ hiến tổng cộng 320 m² đất mở rộng ngõ 52 phố Thanh Niên, hoàn thành trước tiến độ 2 tháng.",
    "Tham mưu giải ngân 96% kế hoạch vốn đầu tư công năm, không để phát sinh nợ đọng xây dựng cơ bản.",
    "Đề xuất sáng kiến số hóa hồ sơ địa chính, tiết kiệm khoảng 180 triệu đồng chi phí in ấn và lưu trữ mỗi năm.",
    "Đóng góp 150 triệu đồng và 30 ngày công xây dựng nhà văn hóa khu dân cư.",
    "Tổ chức tiết kiệm điện, nước tại cơ quan, giảm 18% chi phí điện năng so với năm trước.",
    "Vận động nhân dân tham gia giải phóng mặt bằng dự án đường trục trung tâm, không có khiếu kiện kéo dài.",
    "Áp dụng biện pháp thi công mới rút ngắn 45 ngày tiến độ công trình cải tạo rãnh thoát nước phố Vũ Hựu.",
    "Tuyên truyền thực hành tiết kiệm trong tổ chức việc cưới, việc tang; 100% hộ trong khu dân cư ký cam kết.",
    "Triển khai dịch vụ công trực tuyến toàn trình, 92% hồ sơ được giải quyết trước hạn.",
    "Phát hiện và kịp thời phản ánh việc sử dụng lãng phí vật liệu tại công trình công cộng, được cơ quan chức năng xác minh, xử lý.",
    "Tổ chức 6 buổi tuyên truyền về thực hành tiết kiệm, chống lãng phí cho hơn 400 đoàn viên, hội viên.",
    "Hoàn thành quyết toán 3 công trình hạ tầng đúng hạn, tiết kiệm 7% so với dự toán được duyệt.",
];
