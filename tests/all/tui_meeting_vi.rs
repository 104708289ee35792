//! The meeting store's refusals read in Vietnamese on the meeting screens,
//! driven through `App::handle_event` on the demo data.

use hoidong::demo;
use hoidong::i18n::Lang;
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use common::{press, screen_at, type_text};

const W: u16 = 120;
const H: u16 = 35;

fn demo_app() -> App {
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    store.set_actor("thuky");
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    App::new(store, Lang::Vi.strings(), W, H)
}

#[test]
fn a_chair_not_called_is_refused_in_vietnamese_and_nothing_saved() {
    let mut app = demo_app();
    let before = app
        .store()
        .meetings()
        .unwrap_or_else(|e| panic!("{e}"))
        .len();
    type_text(&mut app, "M");
    type_text(&mut app, "n");
    assert!(screen_at(&app, W, H).contains("Phiên họp mới"));
    type_text(&mut app, "09/BB-HĐTĐKT");
    // Number, time (pre-filled), place, subject; then chair, secretary and
    // the members list.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Hội trường UBND phường");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Xét khen thưởng đột xuất");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    // Leave only the last member called: the council's chair is not.
    let members = app
        .store()
        .council()
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|c| app.store().members(c.id).unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_default();
    assert!(members.len() > 1);
    for _ in 0..members.len() - 1 {
        press(&mut app, KeyCode::Char(' '));
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, W, H);
    assert!(
        s.contains("Chủ trì: người chủ trì phải là thành viên được mời"),
        "{s}"
    );
    assert!(!s.contains("is not among the members called"), "{s}");
    let after = app
        .store()
        .meetings()
        .unwrap_or_else(|e| panic!("{e}"))
        .len();
    assert_eq!(before, after, "nothing is saved");
}

/// An agenda item taken off in another window, then removed again from the
/// stale list: the store's refusal reads in Vietnamese, not as a database error.
#[test]
fn an_item_already_off_the_agenda_is_refused_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("hoidong.db");
    let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, Lang::Vi.strings(), W, H);

    // The planned meeting is first in the list; its agenda, first item selected.
    type_text(&mut app, "M");
    type_text(&mut app, "a");
    let s = screen_at(&app, W, H);
    assert!(s.contains("08/BB-HĐTĐKT"), "{s}");
    let meeting = app
        .store()
        .meetings()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|m| m.meeting.number == "08/BB-HĐTĐKT")
        .unwrap_or_else(|| panic!("no planned demo meeting"))
        .meeting
        .id;
    let first = app
        .store()
        .meeting_record(meeting)
        .unwrap_or_else(|e| panic!("{e}"))
        .agenda
        .first()
        .map(|e| (e.nomination.id, e.nominee.name.clone()))
        .unwrap_or_else(|| panic!("empty agenda"));

    let mut other = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    other
        .remove_agenda_item(meeting, first.0)
        .unwrap_or_else(|e| panic!("{e}"));

    type_text(&mut app, "d");
    let s = screen_at(&app, W, H);
    assert!(
        s.contains(&format!(
            "Chương trình: {} không có trong chương trình của",
            first.1
        )) && s.contains("phiên họp 08/BB-HĐTĐKT"),
        "{s}"
    );
    assert!(!s.contains("is not on the agenda"), "{s}");
    assert!(!s.contains("Lỗi cơ sở dữ liệu"), "{s}");
}

/// A database without a council: a new meeting is refused with what to do,
/// in Vietnamese, and not as a database error.
#[test]
fn a_new_meeting_without_a_council_is_refused_in_vietnamese_and_offers_the_set_up() {
    let store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    assert!(store.council().unwrap_or_else(|e| panic!("{e}")).is_none());
    let mut app = App::new(store, Lang::Vi.strings(), W, H);
    type_text(&mut app, "M");
    type_text(&mut app, "n");
    let s = screen_at(&app, W, H);
    assert!(s.contains("Chưa có hội đồng: cần lập hội đồng"), "{s}");
    assert!(s.contains("Mở phần thiết lập?"), "{s}");
    assert!(!s.contains("Lỗi cơ sở dữ liệu"), "{s}");
    assert!(!s.contains("Tạo phiên họp trước"), "{s}");

    let mut en = App::new(
        Store::open_in_memory().unwrap_or_else(|e| panic!("{e}")),
        Lang::En.strings(),
        W,
        H,
    );
    type_text(&mut en, "M");
    type_text(&mut en, "n");
    let s = screen_at(&en, W, H);
    assert!(s.contains("No council yet: establish it"), "{s}");
}

#[test]
fn a_secret_ballot_with_an_absent_counter_is_refused_before_the_tally_dialog() {
    use hoidong::domain::meeting::{MeetingStatus, Presence};
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    let planned = store
        .meetings()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|m| m.meeting.status == MeetingStatus::Planned)
        .unwrap_or_else(|| panic!("the demo has a planned meeting"));
    let id = planned.meeting.id;
    let v = store.meeting(id).unwrap_or_else(|e| panic!("{e}")).version;
    store.open_meeting(id, v).unwrap_or_else(|e| panic!("{e}"));
    let record = store.meeting_record(id).unwrap_or_else(|e| panic!("{e}"));
    let called: Vec<i64> = record.attendance.iter().map(|a| a.member.id).collect();
    let absent = called[called.len() - 1];
    let absent_name = record.attendance[called.len() - 1].member.name.clone();
    for m in &called {
        let p = if *m == absent {
            Presence::Absent {
                reason: "Đi công tác".into(),
            }
        } else {
            Presence::Present
        };
        store.check_in(id, *m, &p).unwrap_or_else(|e| panic!("{e}"));
    }
    store
        .set_counting_committee(id, called[1], &[absent])
        .unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, Lang::Vi.strings(), W, H);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Char('v'));
    let s = screen_at(&app, W, H);
    assert!(s.contains("Ban kiểm phiếu kiểm phiếu kín"), "{s}");
    assert!(s.contains(&absent_name), "{s}");
    assert_ne!(
        app.context(),
        hoidong::tui::keymap::Context::MeetingInput,
        "no tally dialog"
    );
    assert!(
        app.store()
            .meeting_record(id)
            .unwrap_or_else(|e| panic!("{e}"))
            .rounds
            .is_empty()
    );
}

/// The times and place as held: a form in meeting mode, refused before the
/// meeting was opened, an end before the start refused in Vietnamese, saved.
#[test]
fn the_secretary_records_when_and_where_the_meeting_was_held() {
    let mut app = demo_app();
    type_text(&mut app, "m");
    assert!(screen_at(&app, W, H).contains("08/BB-HĐTĐKT"));
    type_text(&mut app, "t");
    let s = screen_at(&app, W, H);
    assert!(
        s.contains("phiên họp chưa khai mạc nên chưa có giờ bắt đầu, kết thúc để ghi"),
        "{s}"
    );
    // The closed meeting of the demo: opened at 08:00, closed at 10:30.
    press(&mut app, KeyCode::Tab);
    assert!(screen_at(&app, W, H).contains("07/BB-HĐTĐKT"));
    type_text(&mut app, "t");
    let s = screen_at(&app, W, H);
    assert!(s.contains("Thời gian, địa điểm họp thực tế"), "{s}");
    assert!(
        s.contains("20/11/2026") && s.contains("08:00") && s.contains("10:30"),
        "{s}"
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "07:00\n");
    let s = screen_at(&app, W, H);
    assert!(
        s.contains("giờ kết thúc (07:00) trước giờ bắt đầu (08:00)"),
        "{s}"
    );
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "10:45");
    press(&mut app, KeyCode::Tab);
    for _ in 0..80 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Nhà văn hóa khu phố 3\n");
    let s = screen_at(&app, W, H);
    assert!(s.contains("Đã lưu thời gian, địa điểm họp"), "{s}");
    assert!(
        s.contains("đã kết thúc · 20/11/2026 08:00 · Nhà văn hóa khu phố 3"),
        "{s}"
    );
    let id = app
        .store()
        .meetings()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|m| m.meeting.number == "07/BB-HĐTĐKT")
        .map(|m| m.meeting.id)
        .unwrap_or_else(|| panic!("the demo's closed meeting"));
    let m = app.store().meeting(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.held_start.as_deref(), Some("2026-11-20T08:00"));
    assert_eq!(m.held_end.as_deref(), Some("2026-11-20T10:45"));
    assert_eq!(m.held_place.as_deref(), Some("Nhà văn hóa khu phố 3"));
}
