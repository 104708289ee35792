//! Meeting mode driven through the app's own event entry point: keys in,
//! the screen drawn into a buffer, what it shows asserted.

use crate::domain::meeting::MeetingStatus;
use crate::store::Store;
use crate::tui::app::App;
use crate::tui::event::Event;
use crate::tui::strings::Lang;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

const W: u16 = 120;
const H: u16 = 35;

fn key(app: &mut App, code: KeyCode) {
    let mods = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    app.handle_event(Event::Key(KeyEvent::new(code, mods)));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        if c == '\t' {
            key(app, KeyCode::Tab);
        } else {
            key(app, KeyCode::Char(c));
        }
    }
}

fn screen(app: &App) -> String {
    let area = Rect::new(0, 0, W, H);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    (0..H)
        .map(|y| {
            (0..W)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_meeting_from_check_in_to_closing() {
    let mut store = Store::open_in_memory().unwrap();
    crate::demo::populate(&mut store, crate::demo::demo_spec()).unwrap();
    let mut app = App::new(store, Lang::Vi.strings(), W, H);

    // One key from the dashboard: the planned meeting, not open yet.
    typed(&mut app, "m");
    let s = screen(&app);
    assert!(s.contains("Phiên họp 08/BB-HĐTĐKT · dự kiến"), "{s}");
    assert!(s.contains("CHƯA ĐỦ") && s.contains("0/11 có mặt"), "{s}");
    typed(&mut app, "v");
    assert!(screen(&app).contains("Phiên họp chưa khai mạc"));

    // Open through the confirm modal.
    typed(&mut app, "o");
    assert!(screen(&app).contains("Khai mạc phiên họp?"));
    typed(&mut app, "y");
    assert!(screen(&app).contains("đang họp"));

    // Check in: the quorum indicator flips at the eighth member present.
    for i in 1..=7 {
        typed(&mut app, "p");
        let s = screen(&app);
        assert!(s.contains(&format!("CHƯA ĐỦ  {i}/11 có mặt")), "{s}");
    }
    typed(&mut app, "p");
    let s = screen(&app);
    assert!(s.contains("ĐỦ  8/11 có mặt · cần 8"), "{s}");
    typed(&mut app, "a");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Nhập lý do vắng mặt"));
    typed(&mut app, "Ốm");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "w");
    typed(&mut app, "Công tác");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "p");
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
    typed(&mut app, "v");
    assert!(screen(&app).contains("Ghi nhận theo: Bỏ phiếu kín"));
    key(&mut app, KeyCode::F(2));
    let s = screen(&app);
    assert!(s.contains("Ghi nhận theo: Biểu quyết giơ tay"), "{s}");
    assert!(
        s.contains("Không BQ") && s.contains("F2 bỏ phiếu kín"),
        "{s}"
    );
    key(&mut app, KeyCode::F(2));
    typed(&mut app, "9\t9\t9\t0\t9\t2");
    let s = screen(&app);
    assert!(s.contains("Ghi nhận theo: Bỏ phiếu kín"), "{s}");
    assert!(
        s.contains("đồng ý (9) + không đồng ý (2) nhiều hơn số phiếu hợp lệ (9)"),
        "{s}"
    );
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "1");
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "7");
    let s = screen(&app);
    assert!(s.contains("Số liệu khớp"), "{s}");
    // Each row shows its share on the rule's denominator and the result as typed.
    assert!(s.contains("72,7% Đạt"), "{s}");
    typed(&mut app, "\t\t\t\t4\t5");
    key(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("Đã lưu kết quả biểu quyết"), "{s}");
    assert!(s.contains("8/11  72,7% Đạt"), "{s}");
    assert!(s.contains("4/11  36,4% Không đạt"), "{s}");

    // The last item is a Gia đình văn hóa: open vote by the council's rule.
    for _ in 0..9 {
        key(&mut app, KeyCode::Right);
    }
    let s = screen(&app);
    assert!(
        s.contains("Nội dung 10/10") && s.contains("biểu quyết công khai"),
        "{s}"
    );
    typed(&mut app, "v");
    assert!(screen(&app).contains("Ghi nhận theo: Biểu quyết giơ tay"));
    typed(&mut app, "8\t1\t0\t1");
    key(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("9/11  81,8% Đạt       vòng 2"), "{s}");

    // Voting again on an item with a result is deliberate: a confirm, then a
    // reason (a blank one is refused before the tally opens), kept with the round.
    typed(&mut app, "v");
    let s = screen(&app);
    assert!(
        s.contains("Nội dung này đã có kết quả, vòng 2: Đạt. Biểu quyết lại"),
        "{s}"
    );
    typed(&mut app, "n");
    assert!(!screen(&app).contains("Ghi nhận theo"));
    typed(&mut app, "vy");
    assert!(screen(&app).contains("Lý do biểu quyết lại:"));
    key(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(
        s.contains("Lần bỏ phiếu 3: muốn biểu quyết lại phải ghi lý do"),
        "{s}"
    );
    typed(&mut app, "Đếm lại tay giơ");
    key(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(
        s.contains("Biểu quyết giơ tay — biểu quyết lại: Đếm lại tay giơ"),
        "{s}"
    );
    typed(&mut app, "8\t1\t0\t1");
    key(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("vòng 2: 9/11 · 81,8% · Đạt"), "{s}");
    assert!(
        s.contains("vòng 3: 9/11 · 81,8% · Đạt (biểu quyết lại: Đếm lại tay giơ)"),
        "{s}"
    );

    // A note for the minutes on the current item, in the live minutes.
    typed(&mut app, "nn");
    typed(&mut app, "Hộ gia đình tiêu biểu của khu dân cư");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    let s = screen(&app);
    assert!(s.contains("Ghi chép:"), "{s}");
    assert!(s.contains("Hộ gia đình tiêu biểu của khu dân cư"), "{s}");

    // Close through the confirm modal; afterwards everything is read-only.
    typed(&mut app, "c");
    assert!(screen(&app).contains("Kết thúc phiên họp?"));
    typed(&mut app, "y");
    let s = screen(&app);
    assert!(s.contains("đã kết thúc"), "{s}");
    typed(&mut app, "p");
    let s = screen(&app);
    assert!(
        s.contains("Phiên họp đã kết thúc: điểm danh và biểu quyết chỉ xem"),
        "{s}"
    );
    typed(&mut app, "v");
    assert!(!screen(&app).contains("Ghi nhận theo"));

    // A correction after closing: a reason, the round's counts to fix, the original kept.
    typed(&mut app, "e");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Nhập lý do đính chính"));
    typed(&mut app, "Đếm nhầm một phiếu");
    key(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("Đính chính vòng 3 — Biểu quyết giơ tay"), "{s}");
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "7");
    key(&mut app, KeyCode::Enter);
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
    key(&mut app, KeyCode::Esc);
    assert!(!screen(&app).contains("Phiên họp 08/BB-HĐTĐKT"));
}
