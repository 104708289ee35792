//! Meeting planning driven through `App::handle_event` on the demo data:
//! create a meeting through the form, build its agenda with the picker and
//! the dashboard's filter, reorder, remove, set the counting committee, open
//! meeting mode on it; the store's refusals read in Vietnamese; eligibility
//! warnings on agenda rows and in meeting mode.

use hoidong::demo;
use hoidong::domain::meeting::MeetingId;
use hoidong::domain::nomination::{NominationQuery, NominationStatus};
use hoidong::domain::record::MeetingRecord;
use hoidong::i18n::Lang;
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use common::{ctrl, press, screen_at, type_text};

const W: u16 = 120;
const H: u16 = 35;

fn demo_app(lang: Lang) -> App {
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    store.set_actor("thuky");
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    App::new(store, lang.strings(), W, H)
}

fn screen(app: &App) -> String {
    screen_at(app, W, H)
}

fn meeting_numbered(app: &App, number: &str) -> MeetingId {
    app.store()
        .meetings()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|m| m.meeting.number == number)
        .unwrap_or_else(|| panic!("no meeting {number}"))
        .meeting
        .id
}

fn record(app: &App, id: MeetingId) -> MeetingRecord {
    app.store()
        .meeting_record(id)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn agenda_names(app: &App, id: MeetingId) -> Vec<String> {
    record(app, id)
        .agenda
        .iter()
        .map(|e| e.nominee.name.clone())
        .collect()
}

/// Pick the first pending nomination matching `search` in the open picker.
fn pick(app: &mut App, search: &str) {
    ctrl(app, 'u');
    type_text(app, search);
    press(app, KeyCode::Enter);
}

#[test]
fn plan_a_meeting_then_open_it_in_meeting_mode() {
    let mut app = demo_app(Lang::Vi);

    // The meetings list, one key from the dashboard.
    type_text(&mut app, "M");
    let s = screen(&app);
    assert!(s.contains("Các phiên họp"), "{s}");
    assert!(
        s.contains("dự kiến      08/12/2026 08:00 08/BB-HĐTĐKT"),
        "{s}"
    );
    assert!(
        s.contains("đã kết thúc  20/11/2026 08:00 07/BB-HĐTĐKT"),
        "{s}"
    );

    // A new meeting through the form; a bad date is named in Vietnamese.
    type_text(&mut app, "n");
    assert!(screen(&app).contains("Phiên họp mới"));
    type_text(&mut app, "09/BB-HĐTĐKT\t");
    ctrl(&mut app, 'u');
    type_text(
        &mut app,
        "15 tháng 12\tHội trường UBND phường\tXét khen thưởng đột xuất\n",
    );
    let s = screen(&app);
    assert!(
        s.contains("Thời gian: nhập ngày giờ như 08/12/2026 08:00"),
        "{s}"
    );
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "15/12/2026 14:00");
    // Guests after the members list.
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "Nguyễn Văn Bảo, Bí thư Đảng ủy phường\n");
    let s = screen(&app);
    assert!(s.contains("Đã tạo phiên họp (dự kiến)"), "{s}");
    assert!(
        s.contains("dự kiến      15/12/2026 14:00 09/BB-HĐTĐKT         0         11 Xét khen thưởng đột xuất"),
        "{s}"
    );
    let id = meeting_numbered(&app, "09/BB-HĐTĐKT");
    let r = record(&app, id);
    assert_eq!(r.meeting.starts_at, "2026-12-15T14:00");
    assert_eq!(r.guests.len(), 1);
    assert_eq!(r.guests[0].position, "Bí thư Đảng ủy phường");

    // Three items picked one by one with the folded search.
    type_text(&mut app, "a");
    assert!(screen(&app).contains("Chương trình trống"));
    type_text(&mut app, "a");
    assert!(screen(&app).contains("Chọn hồ sơ đưa vào chương trình"));
    pick(&mut app, "ta xuan an");
    assert!(screen(&app).contains("Đã thêm vào chương trình: Tạ Xuân An"));
    pick(&mut app, "dang duc nam");
    // An empty search lists every pending nomination: take the first.
    pick(&mut app, "");
    press(&mut app, KeyCode::Esc);
    let names = agenda_names(&app, id);
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[0], "Tạ Xuân An");
    assert_eq!(names[1], "Đặng Đức Nam");

    // The eligibility warning on the agenda row, with its explanation.
    let s = screen(&app);
    assert!(
        s.contains(" 1. ⚠ Tạ Xuân An — Chiến sĩ thi đua cấp tỉnh"),
        "{s}"
    );
    assert!(
        s.contains("Chiến sĩ thi đua cấp tỉnh: chưa đủ điều kiện"),
        "{s}"
    );

    // Back to the dashboard, filter it, and add every submitted match at once.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "/giay khen");
    press(&mut app, KeyCode::Enter);
    let q = NominationQuery {
        text: "giay khen".into(),
        statuses: vec![NominationStatus::Submitted],
        ..NominationQuery::default()
    };
    let (rows, expected) = app
        .store()
        .list_nominations(&q, 0, 100)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        expected >= 2,
        "the demo has submitted Giấy khen nominations"
    );
    type_text(&mut app, "Maf");
    let s = screen(&app);
    assert!(
        s.contains("Thêm vào chương trình mọi hồ sơ đã nộp")
            && s.contains(&format!("Số hồ sơ: {expected}")),
        "{s}"
    );
    type_text(&mut app, "y");
    let names = agenda_names(&app, id);
    assert_eq!(names.len(), 3 + expected as usize, "{names:?}");
    assert!(screen(&app).contains(&format!("Số hồ sơ đã thêm vào chương trình: {expected}")));

    // Reorder: the second item up, then back down.
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "K");
    assert_eq!(agenda_names(&app, id)[..2], ["Đặng Đức Nam", "Tạ Xuân An"]);
    assert!(screen(&app).contains(" 1. ⚠ Đặng Đức Nam"));
    type_text(&mut app, "J");
    assert_eq!(agenda_names(&app, id)[..2], ["Tạ Xuân An", "Đặng Đức Nam"]);

    // Remove the last item: it leaves the agenda and is submitted again.
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
    }
    let last = record(&app, id)
        .agenda
        .last()
        .map(|e| e.nomination.id)
        .unwrap_or_else(|| panic!("empty agenda"));
    assert!(rows.iter().any(|r| r.id == last));
    type_text(&mut app, "d");
    assert!(screen(&app).contains("Đã bỏ khỏi chương trình"));
    assert_eq!(agenda_names(&app, id).len(), 2 + expected as usize);
    let back = app
        .store()
        .nomination(last)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.status, NominationStatus::Submitted);

    // The counting committee: head first, then two members.
    type_text(&mut app, "c");
    assert!(screen(&app).contains("Ban kiểm phiếu"));
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("chọn trưởng ban"));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, " ");
    press(&mut app, KeyCode::Down);
    type_text(&mut app, " \n");
    let r = record(&app, id);
    assert_eq!(r.counting_committee.len(), 3);
    let head = r
        .counting_committee
        .iter()
        .find(|c| c.is_head)
        .unwrap_or_else(|| panic!("no head"));
    let s = screen(&app);
    assert!(s.contains("Đã lưu ban kiểm phiếu"), "{s}");
    assert!(
        s.contains(&format!("Ban kiểm phiếu: Trưởng ban {}", head.member.name)),
        "{s}"
    );

    // The agenda also fits a small terminal.
    let small = screen_at(&app, 80, 24);
    assert!(
        small.contains("Chương trình 09/BB-HĐTĐKT · dự kiến"),
        "{small}"
    );

    // Meeting mode on this meeting, with the warning on its current item.
    press(&mut app, KeyCode::Up);
    for _ in 0..20 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("Phiên họp 09/BB-HĐTĐKT · dự kiến"), "{s}");
    assert!(
        s.contains("⚠ Tạ Xuân An — Danh hiệu Chiến sĩ thi đua cấp tỉnh"),
        "{s}"
    );
    assert!(
        s.contains("⚠ Chiến sĩ thi đua cấp tỉnh: chưa đủ điều kiện"),
        "{s}"
    );

    // Open it, check two members in, vote: the store's refusal reads in Vietnamese.
    type_text(&mut app, "oy");
    type_text(&mut app, "pp");
    type_text(&mut app, "v");
    type_text(&mut app, "2\t2\t2\t0\t2\n");
    let s = screen(&app);
    assert!(
        s.contains("Lần bỏ phiếu 1, Tạ Xuân An: chưa đủ số thành viên tối thiểu: có mặt 2/11"),
        "{s}"
    );
    assert!(!s.contains("round 1"), "{s}");

    // Leaving meeting mode returns to the agenda.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(screen(&app).contains("Chương trình 09/BB-HĐTĐKT · đang họp"));
}

#[test]
fn a_closed_meeting_refuses_changes_in_the_users_language() {
    let mut app = demo_app(Lang::Vi);
    type_text(&mut app, "M");
    // The closed demo meeting is second in the list.
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "e");
    let s = screen(&app);
    assert!(
        s.contains("Phiên họp 07/BB-HĐTĐKT đang ở trạng thái")
            && s.contains("phiên họp dự kiến mới sửa được"),
        "{s}"
    );
    assert!(
        !s.contains("Lỗi cơ sở dữ liệu"),
        "a refusal is not a database error: {s}"
    );
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "a");
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "d");
    let s = screen(&app);
    assert!(
        s.contains("Phiên họp 07/BB-HĐTĐKT đã kết thúc: không thể thay đổi chương"),
        "{s}"
    );

    let mut en = demo_app(Lang::En);
    type_text(&mut en, "M");
    press(&mut en, KeyCode::Down);
    type_text(&mut en, "a");
    type_text(&mut en, "d");
    let s = screen(&en);
    assert!(
        s.contains("meeting 07/BB-HĐTĐKT is closed: changing the agenda is no"),
        "{s}"
    );
}

#[test]
fn a_planned_meeting_is_edited_through_the_same_form() {
    let mut app = demo_app(Lang::Vi);
    type_text(&mut app, "M");
    type_text(&mut app, "e");
    let s = screen(&app);
    assert!(s.contains("Sửa phiên họp"), "{s}");
    assert!(s.contains("Số: 08/BB-HĐTĐKT"), "{s}");
    type_text(&mut app, "\t\t");
    ctrl(&mut app, 'u');
    type_text(&mut app, "Phòng họp số 2\n");
    let s = screen(&app);
    assert!(s.contains("Đã lưu phiên họp"), "{s}");
    let id = meeting_numbered(&app, "08/BB-HĐTĐKT");
    let r = record(&app, id);
    assert_eq!(r.meeting.place, "Phòng họp số 2");
    assert_eq!(r.meeting.starts_at, "2026-12-08T08:00");
    assert_eq!(r.attendance.len(), 11);
    assert_eq!(r.agenda.len(), 10, "the agenda is kept");
}

/// A meeting calls the members in office on its date: a member replaced
/// from that day is listed in place of the one replaced before anything is
/// saved, and the meeting is saved with the new member.
#[test]
fn a_new_meeting_lists_the_members_in_office_on_its_date() {
    use hoidong::domain::council::{NewMember, Role};
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    store.set_actor("thuky");
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    let council = store
        .council()
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no council"));
    let replaced = store
        .members_on(council.id, "2026-12-15")
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|m| m.role == Role::Member)
        .unwrap_or_else(|| panic!("no plain member"));
    store
        .replace_member(
            replaced.id,
            &NewMember {
                name: "Lý Văn Phúc".into(),
                role: Role::Member,
                position: "Chủ tịch Ủy ban MTTQ phường".into(),
                unit: "Ủy ban MTTQ phường".into(),
                sex: None,
                from: "2026-12-10".into(),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, Lang::Vi.strings(), W, H);
    type_text(&mut app, "M");
    type_text(&mut app, "n");
    type_text(&mut app, "10/BB-HĐTĐKT\t");
    ctrl(&mut app, 'u');
    type_text(
        &mut app,
        "15/12/2026 08:00\tHội trường\tXét khen thưởng cuối năm\n",
    );
    let s = screen(&app);
    assert!(
        s.contains("đương nhiệm vào ngày họp") && s.contains("Lý Văn Phúc"),
        "{s}"
    );
    assert!(!s.contains(&replaced.name), "{s}");
    press(&mut app, KeyCode::Enter);
    let id = meeting_numbered(&app, "10/BB-HĐTĐKT");
    let called: Vec<String> = record(&app, id)
        .attendance
        .iter()
        .map(|a| a.member.name.clone())
        .collect();
    assert!(called.contains(&"Lý Văn Phúc".to_string()), "{called:?}");
    assert!(!called.contains(&replaced.name), "{called:?}");
}
