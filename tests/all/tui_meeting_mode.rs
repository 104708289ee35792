//! Meeting mode driven through the app's own event entry point: keys in,
//! the screen drawn into a buffer, what it shows asserted.

use crate::common::{press, screen_at, type_text};
use hoidong::domain::meeting::MeetingStatus;
use hoidong::i18n::Lang;
use hoidong::store::Store;
use hoidong::tui::app::App;
use ratatui::crossterm::event::KeyCode;

const W: u16 = 120;
const H: u16 = 35;

fn screen(app: &App) -> String {
    screen_at(app, W, H)
}

#[test]
fn a_meeting_from_check_in_to_closing() {
    let mut store = Store::open_in_memory().unwrap();
    hoidong::demo::populate(&mut store, hoidong::demo::demo_spec()).unwrap();
    let mut app = App::new(store, Lang::Vi.strings(), W, H);

    // One key from the dashboard: the planned meeting, not open yet.
    type_text(&mut app, "m");
    let s = screen(&app);
    assert!(s.contains("Phiên họp 08/BB-HĐTĐKT · dự kiến"), "{s}");
    assert!(s.contains("CHƯA ĐỦ") && s.contains("0/11 có mặt"), "{s}");
    type_text(&mut app, "v");
    assert!(screen(&app).contains("Phiên họp chưa khai mạc"));

    // Open through the confirm modal.
    type_text(&mut app, "o");
    assert!(screen(&app).contains("Khai mạc phiên họp?"));
    type_text(&mut app, "y");
    assert!(screen(&app).contains("đang họp"));

    // Check in: the quorum indicator flips at the eighth member present.
    for i in 1..=7 {
        type_text(&mut app, "p");
        let s = screen(&app);
        assert!(s.contains(&format!("CHƯA ĐỦ  {i}/11 có mặt")), "{s}");
    }
    type_text(&mut app, "p");
    let s = screen(&app);
    assert!(s.contains("ĐỦ  8/11 có mặt · cần 8"), "{s}");
    type_text(&mut app, "a");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Nhập lý do vắng mặt"));
    type_text(&mut app, "Ốm");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "w");
    type_text(&mut app, "Công tác");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "p");
    let s = screen(&app);
    assert!(s.contains("✗ Lã Thị Nhung         vắng: Ốm"), "{s}");
    assert!(s.contains("✉ Kiều Văn Thịnh"), "{s}");
    assert!(
        s.contains("9/11 có mặt") && s.contains("1 ý kiến bằng văn bản"),
        "{s}"
    );

    // A secret ballot covering two nominees; an inconsistent tally is named.
    // The default rule lets the secretary record it by show of hands: F2
    // switches the dialog, which says which method it records.
    type_text(&mut app, "v");
    assert!(screen(&app).contains("Ghi nhận theo: Bỏ phiếu kín"));
    press(&mut app, KeyCode::F(2));
    let s = screen(&app);
    assert!(s.contains("Ghi nhận theo: Biểu quyết giơ tay"), "{s}");
    assert!(
        s.contains("Không BQ") && s.contains("F2 bỏ phiếu kín"),
        "{s}"
    );
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "9\t9\t9\t0\t9\t2");
    let s = screen(&app);
    assert!(s.contains("Ghi nhận theo: Bỏ phiếu kín"), "{s}");
    assert!(
        s.contains("đồng ý (9) + không đồng ý (2) nhiều hơn số phiếu hợp lệ (9)"),
        "{s}"
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "1");
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "7");
    let s = screen(&app);
    assert!(s.contains("Số liệu khớp"), "{s}");
    // Each row shows its share on the rule's denominator and the result as typed.
    assert!(s.contains("72,7% Đạt"), "{s}");
    type_text(&mut app, "\t\t\t\t4\t5");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("Đã lưu kết quả biểu quyết"), "{s}");
    assert!(s.contains("8/11  72,7% Đạt"), "{s}");
    assert!(s.contains("4/11  36,4% Không đạt"), "{s}");

    // The last item is a Gia đình văn hóa: open vote by the council's rule.
    for _ in 0..9 {
        press(&mut app, KeyCode::Right);
    }
    let s = screen(&app);
    assert!(
        s.contains("Nội dung 10/10") && s.contains("biểu quyết công khai"),
        "{s}"
    );
    type_text(&mut app, "v");
    assert!(screen(&app).contains("Ghi nhận theo: Biểu quyết giơ tay"));
    type_text(&mut app, "8\t1\t0\t1");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("9/11  81,8% Đạt       vòng 2"), "{s}");

    // Voting again on an item with a result is deliberate: a confirm, then a
    // reason (a blank one is refused before the tally opens), kept with the round.
    type_text(&mut app, "v");
    let s = screen(&app);
    assert!(
        s.contains("Nội dung này đã có kết quả, vòng 2: Đạt. Biểu quyết lại"),
        "{s}"
    );
    type_text(&mut app, "n");
    assert!(!screen(&app).contains("Ghi nhận theo"));
    type_text(&mut app, "vy");
    assert!(screen(&app).contains("Lý do biểu quyết lại:"));
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(
        s.contains("Lần bỏ phiếu 3: muốn biểu quyết lại phải ghi lý do"),
        "{s}"
    );
    type_text(&mut app, "Đếm lại tay giơ");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(
        s.contains("Biểu quyết giơ tay — biểu quyết lại: Đếm lại tay giơ"),
        "{s}"
    );
    type_text(&mut app, "8\t1\t0\t1");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("vòng 2: 9/11 · 81,8% · Đạt"), "{s}");
    assert!(
        s.contains("vòng 3: 9/11 · 81,8% · Đạt (biểu quyết lại: Đếm lại tay giơ)"),
        "{s}"
    );

    // A note for the minutes on the current item, in the live minutes.
    type_text(&mut app, "nn");
    type_text(&mut app, "Hộ gia đình tiêu biểu của khu dân cư");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    let s = screen(&app);
    assert!(s.contains("Ghi chép:"), "{s}");
    assert!(s.contains("Hộ gia đình tiêu biểu của khu dân cư"), "{s}");

    // Close through the confirm modal; afterwards everything is read-only.
    type_text(&mut app, "c");
    assert!(screen(&app).contains("Kết thúc phiên họp?"));
    type_text(&mut app, "y");
    let s = screen(&app);
    assert!(s.contains("đã kết thúc"), "{s}");
    type_text(&mut app, "p");
    let s = screen(&app);
    assert!(
        s.contains("Phiên họp đã kết thúc: điểm danh và biểu quyết chỉ xem"),
        "{s}"
    );
    type_text(&mut app, "v");
    assert!(!screen(&app).contains("Ghi nhận theo"));

    // A correction after closing: a reason, the round's counts to fix, the original kept.
    type_text(&mut app, "e");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Nhập lý do đính chính"));
    type_text(&mut app, "Đếm nhầm một phiếu");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("Đính chính vòng 3 — Biểu quyết giơ tay"), "{s}");
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "7");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(
        s.contains("Đã ghi đính chính; kết quả gốc vẫn được giữ"),
        "{s}"
    );
    assert!(s.contains("vòng 3: 9/11 · 81,8% · Đạt"), "{s}");
    assert!(
        s.contains("vòng 4: 8/11 · 72,7% · Đạt (đính chính vòng 3: Đếm nhầm một phiếu)"),
        "{s}"
    );

    let store = app.store();
    let planned = store
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.meeting.number == "08/BB-HĐTĐKT")
        .unwrap();
    assert_eq!(planned.meeting.status, MeetingStatus::Closed);
    assert_eq!(planned.rounds, 4);
    assert_eq!(planned.present, 9);

    // Back to the dashboard.
    press(&mut app, KeyCode::Esc);
    assert!(!screen(&app).contains("Phiên họp 08/BB-HĐTĐKT"));
}
