//! Meeting mode and the lists at the small terminal size (80×24), driven
//! through `App::handle_event`: the tally dialog records an item by show of
//! hands where the default rule allows it, says which method it records and
//! shows each row's share and result, and the minutes print the open vote's
//! full tally; an award whose rule asks for a secret ballot offers no switch;
//! the quorum line, the absence-reason dialog, award names in narrow columns
//! and the help's paging.

use hoidong::demo;
use hoidong::domain::vote::VoteMethod;
use hoidong::i18n::Lang;
use hoidong::print::{compose, markdown};
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use common::{press, screen_at, type_text};

const W: u16 = 80;
const H: u16 = 24;

fn demo_app() -> App {
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    App::new(store, Lang::Vi.strings(), W, H)
}

fn open_meeting_all_present() -> App {
    let mut app = demo_app();
    type_text(&mut app, "moy");
    for _ in 0..11 {
        type_text(&mut app, "p");
    }
    assert!(screen_at(&app, W, H).contains("11/11 có mặt"));
    app
}

#[test]
fn a_show_of_hands_chosen_in_the_dialog_is_recorded_and_printed_in_full() {
    let mut app = open_meeting_all_present();
    type_text(&mut app, "v");
    let s = screen_at(&app, W, H);
    assert!(s.contains("Ghi nhận theo: Bỏ phiếu kín · 11 có mặt"), "{s}");
    assert!(s.contains("Không hợp lệ [   ·]"), "{s}");
    assert!(s.contains("F2 giơ tay · Tab ô sau"), "{s}");
    press(&mut app, KeyCode::F(2));
    let s = screen_at(&app, W, H);
    assert!(s.contains("Ghi nhận theo: Biểu quyết giơ tay"), "{s}");
    assert!(s.contains("Đồng ý Không ĐY Không BQ"), "{s}");
    assert!(!s.contains("Phát ra"), "{s}");
    // The award whose rule asks for a secret ballot is not offered here.
    assert!(!s.contains("Hoàng Thị Ánh"), "{s}");
    type_text(&mut app, "8");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "1");
    let s = screen_at(&app, W, H);
    // 8 of all 11 members: more than half, shown on the row as typed.
    assert!(s.contains("[   8]   [   2]   [   1]"), "{s}");
    assert!(s.contains("72,7% Đạt"), "{s}");
    assert!(s.contains("Số liệu khớp"), "{s}");
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, W, H);
    assert!(s.contains("8/11  72,7% Đạt"), "{s}");

    let store = app.store();
    let meeting = store
        .meetings()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|m| m.meeting.number == "08/BB-HĐTĐKT")
        .unwrap_or_else(|| panic!("no meeting"))
        .meeting
        .id;
    let rec = store
        .meeting_record(meeting)
        .unwrap_or_else(|e| panic!("{e}"));
    let round = rec.rounds.last().unwrap_or_else(|| panic!("no round"));
    assert_eq!(round.round.method, VoteMethod::Open);
    // The stored rule says how it was applied.
    assert_eq!(round.results[0].rule.method, VoteMethod::Open);
    let md = markdown::render(&compose::minutes(&rec));
    assert!(md.contains("Kết quả biểu quyết công khai (lần 1):"), "{md}");
    assert!(
        md.contains(
            "| Có mặt | Đồng ý | Không đồng ý | Không biểu quyết | Tỷ lệ đồng ý | Kết quả |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| 11 | 8 | 2 | 1 | 72,7% (8/11) | Đạt |"),
        "{md}"
    );
}

#[test]
fn a_secret_ballot_award_offers_no_show_of_hands() {
    let mut app = open_meeting_all_present();
    // Find the Chiến sĩ thi đua cơ sở item: its rule asks for a secret ballot.
    for _ in 0..10 {
        if screen_at(&app, W, H).contains("Quy tắc: bỏ phiếu kín, tối thiểu 80%") {
            break;
        }
        press(&mut app, KeyCode::Right);
    }
    let s = screen_at(&app, W, H);
    assert!(s.contains("Quy tắc: bỏ phiếu kín, tối thiểu 80%"), "{s}");
    type_text(&mut app, "v");
    press(&mut app, KeyCode::F(2));
    let s = screen_at(&app, W, H);
    assert!(s.contains("Ghi nhận theo: Bỏ phiếu kín"), "{s}");
    assert!(!s.contains("F2"), "{s}");
}

#[test]
fn help_pages_down_and_jumps_to_either_end() {
    let mut app = open_meeting_all_present();
    press(&mut app, KeyCode::Char('?'));
    let top = screen_at(&app, W, H);
    press(&mut app, KeyCode::PageDown);
    let paged = screen_at(&app, W, H);
    assert_ne!(top, paged);
    press(&mut app, KeyCode::End);
    let end = screen_at(&app, W, H);
    // The global keys close the list.
    assert!(end.contains("Thoát") || end.contains("thoát"), "{end}");
    press(&mut app, KeyCode::End);
    assert_eq!(screen_at(&app, W, H), end, "End stays at the end");
    // One line up from the end moves at once (the scroll does not run past it).
    press(&mut app, KeyCode::Up);
    assert_ne!(screen_at(&app, W, H), end);
    press(&mut app, KeyCode::Home);
    assert_eq!(screen_at(&app, W, H), top);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(screen_at(&app, W, H), top);
}

#[test]
fn the_quorum_line_keeps_its_counts_whole() {
    let app = open_meeting_all_present();
    let s = screen_at(&app, W, H);
    assert!(
        s.contains("Số thành viên tối thiểu:  ĐỦ  11/11 có mặt · cần 8 · 0 ý kiến bằng văn bản"),
        "{s}"
    );
    // At the larger size the rule and its source are there too.
    let s = screen_at(&app, 120, 35);
    assert!(
        s.contains("11/11 có mặt · cần 8 (≥ 2/3, mặc định, Hội đồng có thể thay đổi) · 0 ý kiến bằng văn bản"),
        "{s}"
    );
}

#[test]
fn the_reason_for_an_absence_is_asked_in_a_dialog_that_scrolls() {
    let mut app = demo_app();
    type_text(&mut app, "moy");
    type_text(&mut app, "a");
    let s = screen_at(&app, W, H);
    let title = s
        .lines()
        .find(|l| l.contains("┌ Vắng mặt: "))
        .unwrap_or_else(|| panic!("no dialog: {s}"));
    assert!(s.contains("Lý do vắng: "), "{s}");
    assert!(s.contains("Enter lưu · Esc thôi"), "{s}");
    // A blank reason is refused inside the dialog, which stays open.
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, W, H);
    assert!(s.contains(title), "{s}");
    assert!(s.contains("Nhập lý do vắng mặt (biên bản phải ghi)"), "{s}");
    // A long reason scrolls: its end stays in view while typing.
    type_text(
        &mut app,
        "Đi công tác tại Sở Nội vụ tỉnh theo giấy triệu tập số 15 ngày 18/11/2026",
    );
    let s = screen_at(&app, W, H);
    assert!(s.contains("Lý do vắng: …"), "{s}");
    assert!(s.contains("ngày 18/11/2026"), "{s}");
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, W, H);
    assert!(!s.contains("┌ Vắng mặt: "), "{s}");
    assert!(s.contains("vắng"), "{s}");
}

#[test]
fn narrow_columns_tell_the_two_emulation_fighter_titles_apart() {
    let mut app = demo_app();
    type_text(&mut app, "/chien si");
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, W, H);
    assert!(s.contains("CSTĐ tỉnh"), "{s}");
    assert!(s.contains("CSTĐ cơ sở"), "{s}");
    assert!(!s.contains("Chiến sĩ thi…"), "{s}");
    // The detail pane, with room, keeps the full name.
    assert!(s.contains("Chiến sĩ thi đua cấp tỉnh"), "{s}");
}

#[test]
fn a_long_guest_list_scrolls_in_its_field() {
    let mut app = demo_app();
    type_text(&mut app, "Mn");
    for _ in 0..10 {
        if screen_at(&app, W, H).contains("› Khách mời:") {
            break;
        }
        press(&mut app, KeyCode::Tab);
    }
    type_text(
        &mut app,
        "Tạ Minh Nhựt, Chuyên viên Ban Thi đua – Khen thưởng Sở Nội vụ; Lê Thị Bình, Bí thư Đoàn phường",
    );
    let s = screen_at(&app, W, H);
    assert!(s.contains("› Khách mời: …"), "{s}");
    assert!(s.contains("Lê Thị Bình, Bí thư Đoàn phường"), "{s}");
    press(&mut app, KeyCode::Home);
    let s = screen_at(&app, W, H);
    assert!(s.contains("› Khách mời: Tạ Minh Nhựt, Chuyên viên"), "{s}");
}
