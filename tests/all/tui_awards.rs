//! The awards screens driven through `App::handle_event` with keys, on the
//! demo data with nominations the council passed: decisions, a referral to
//! the province through its steps, the nominee page, the board, the audit log.

use hoidong::demo;
use hoidong::domain::nomination::{NominationId, NominationStatus};
use hoidong::domain::referral::ReferralStatus;
use hoidong::i18n::Lang;
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use hoidong::tui::event::Event;
use hoidong::tui::keymap::Context;
use hoidong::tui::screens::dashboard::StatusFilter;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use common::{ctrl, press, screen_at, type_text};

const W: u16 = 120;
const H: u16 = 35;

/// Demo data; returns the store and (nomination id, nominee name) of two
/// Giấy khen and one Bằng khen of the provincial chairman, all passed.
pub(crate) fn prepared() -> (Store, Vec<(NominationId, String)>) {
    let mut store = Store::open_in_memory().unwrap();
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    store.set_actor("thuky");
    demo::populate(&mut store, demo::demo_spec()).unwrap();
    // Individuals: the eligibility routes of DOMAIN.md are written for people.
    let pick = |award: &str, n: u32| -> Vec<(NominationId, String)> {
        let mut stmt = store
            .raw_connection_for_tests()
            .prepare(
                "SELECT n.id, e.name FROM nominations n JOIN nominees e ON e.id = n.nominee_id
                 WHERE n.award_code = ?1 AND n.status = 'submitted'
                   AND e.kind IN ('official', 'resident', 'other_individual')
                   AND (SELECT count(*) FROM nominations m WHERE m.nominee_id = n.nominee_id) = 1
                   AND NOT EXISTS (SELECT 1 FROM award_holds h WHERE h.nominee_id = n.nominee_id)
                 ORDER BY n.id LIMIT ?2",
            )
            .unwrap();
        stmt.query_map(rusqlite::params![award, n], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    };
    let mut chosen = pick("giay_khen", 2);
    chosen.extend(pick("bk_tinh", 1));
    assert_eq!(chosen.len(), 3, "demo data lacks the nominations");
    let ids: Vec<i64> = chosen.iter().map(|(id, _)| *id).collect();
    common::pass_in_a_meeting(&mut store, &ids);
    (store, chosen)
}

/// Find the nomination in the dashboard by its nominee's name and select it.
pub(crate) fn select(app: &mut App, id: NominationId, name: &str) {
    press(app, KeyCode::Char('x'));
    while app.dashboard.status != StatusFilter::All {
        press(app, KeyCode::Char('s'));
    }
    press(app, KeyCode::Char('/'));
    type_text(app, name);
    press(app, KeyCode::Enter);
    for _ in 0..50 {
        if app.dashboard.selected_id() == Some(id) {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("nomination {id} ({name}) not found in the list");
}

fn decide(app: &mut App, id: NominationId, name: &str, number: &str) {
    select(app, id, name);
    press(app, KeyCode::Char('d'));
    assert_eq!(app.context(), Context::AwardsForm);
    let form = screen_at(app, W, H);
    assert!(form.contains("Quyết định khen thưởng"), "{form}");
    assert!(form.contains("20/11/2026"), "date prefilled: {form}");
    type_text(app, number);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_text(app, "Trần Minh Khôi");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Confirm);
    let ask = screen_at(app, W, H);
    assert!(ask.contains("Không hoàn tác được"), "{ask}");
    press(app, KeyCode::Char('y'));
}

/// Replace the text of the focused field.
pub(crate) fn retype(app: &mut App, text: &str) {
    for _ in 0..20 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

#[test]
fn a_decision_dated_before_the_meeting_is_refused_instead_of_confirmed() {
    let (store, chosen) = prepared();
    let mut app = App::new(store, Lang::Vi.strings(), W, H);
    let (id, name) = chosen[0].clone();
    select(&mut app, id, &name);
    press(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "99/QĐ-UBND");
    press(&mut app, KeyCode::Tab);
    retype(&mut app, "04/01/2026");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Trần Minh Khôi");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::AwardsForm, "no confirm opened");
    let form = screen_at(&app, W, H);
    assert!(
        form.contains("trước ngày phiên họp Hội đồng thông qua hồ sơ (06/01/2026)"),
        "{form}"
    );
    assert!(!form.contains("Không hoàn tác được"), "{form}");
    assert!(app.store().decision_of(id).unwrap().is_none());
    // Corrected to the meeting's day, it goes through the confirm.
    press(&mut app, KeyCode::BackTab);
    retype(&mut app, "20/11/2026");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Confirm);
    press(&mut app, KeyCode::Char('y'));
    assert!(app.store().decision_of(id).unwrap().is_some());
}

#[test]
fn decisions_referral_steps_history_board_and_audit() {
    let (store, chosen) = prepared();
    let mut app = App::new(store, Lang::Vi.strings(), W, H);

    // Board before: the demo's past only (five decided at the ward, two
    // Bằng khen conferred).
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.context(), Context::AwardsBoard);
    let before = screen_at(&app, W, H);
    assert!(before.contains("Bảng theo dõi khen thưởng"), "{before}");
    assert!(before.contains("Đã quyết định 5"), "{before}");
    assert!(before.contains("Được khen 2"), "{before}");
    press(&mut app, KeyCode::Esc);

    // Two Giấy khen decided through the form and the confirm dialog.
    decide(&mut app, chosen[0].0, &chosen[0].1, "101/QĐ-UBND");
    decide(&mut app, chosen[1].0, &chosen[1].1, "102/QĐ-UBND");
    assert!(screen_at(&app, W, H).contains("Đã ghi quyết định"));
    for (i, (id, _)) in chosen[..2].iter().enumerate() {
        let d = app.store().decision_of(*id).unwrap().unwrap();
        assert_eq!(d.number, format!("10{}/QĐ-UBND", i + 1));
        assert_eq!(d.signer, "Trần Minh Khôi");
        assert_eq!(d.date.to_string(), "2026-11-20");
        assert_eq!(
            app.store().nomination(*id).unwrap().status,
            NominationStatus::Decided
        );
    }

    // The Bằng khen: the detail pane warns, the referral form shows the
    // verdict and needs a reason before it can be saved.
    let (bk, bk_name) = chosen[2].clone();
    select(&mut app, bk, &bk_name);
    let dash = screen_at(&app, W, H);
    assert!(dash.contains("⚠ Bằng khen"), "{dash}");
    press(&mut app, KeyCode::Char('d'));
    let form = screen_at(&app, W, H);
    assert!(form.contains("Trình cấp trên khen thưởng"), "{form}");
    assert!(form.contains("chưa đủ điều kiện"), "{form}");
    type_text(&mut app, "45/TTr-UBND");
    press(&mut app, KeyCode::Enter);
    assert!(
        screen_at(&app, W, H).contains("phải ghi lý do"),
        "override demanded"
    );
    assert_eq!(app.context(), Context::AwardsForm);
    type_text(&mut app, "Thành tích đột xuất trong giải phóng mặt bằng");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.context(), Context::AwardsReferral);
    let referral = app.store().referrals_of(bk).unwrap();
    assert_eq!(referral.len(), 1);
    assert_eq!(referral[0].level, "province");
    assert_eq!(
        referral[0].override_reason.as_deref(),
        Some("Thành tích đột xuất trong giải phóng mặt bằng")
    );
    let rid = referral[0].id;

    // Sending with an empty dossier is refused, in Vietnamese, before any
    // form or confirm: the documents missing are named.
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.context(), Context::Message);
    let refused = screen_at(&app, W, H);
    assert!(refused.contains("Hồ sơ còn thiếu"), "{refused}");
    assert!(!refused.contains("Không hoàn tác được"), "{refused}");
    assert!(!refused.contains("dossier"), "{refused}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::AwardsReferral);
    assert_eq!(
        app.store().referral(rid).unwrap().status,
        ReferralStatus::Prepared
    );

    // Tick every document with its reference.
    let docs = app.store().referral_checklist(rid).unwrap().len();
    for i in 0..docs {
        press(&mut app, KeyCode::Char('t'));
        type_text(&mut app, &format!("Số {i}, lưu tại VP"));
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Down);
    }
    assert!(
        app.store()
            .referral_checklist(rid)
            .unwrap()
            .iter()
            .all(|d| d.is_ticked())
    );

    // Send, return with a reason, resend, confer.
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    // A return dated before the sending is refused in the form, not after the confirm.
    press(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "Thiếu xác nhận");
    press(&mut app, KeyCode::Tab);
    retype(&mut app, "19/11/2026");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::AwardsForm);
    let early = screen_at(&app, W, H);
    assert!(early.contains("trước bước gần nhất"), "{early}");
    assert!(!early.contains("Không hoàn tác được"), "{early}");
    // Leaving what was typed is asked first, as in every form.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Confirm);
    assert!(screen_at(&app, W, H).contains("Bỏ những gì đã nhập?"));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.context(), Context::AwardsReferral);
    assert_eq!(
        app.store().referral(rid).unwrap().status,
        ReferralStatus::Sent
    );
    press(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "Thiếu xác nhận của cơ quan thuế");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        app.store().referral(rid).unwrap().status,
        ReferralStatus::Returned
    );
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "2150/QĐ-UBND");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        app.store().referral(rid).unwrap().status,
        ReferralStatus::Conferred
    );
    let timeline = screen_at(&app, W, H);
    for text in [
        "Đã gửi",
        "Bị trả lại — Thiếu xác nhận của cơ quan thuế",
        "Đã gửi lại",
        "2150/QĐ-UBND",
    ] {
        assert!(timeline.contains(text), "{text} missing:\n{timeline}");
    }
    // A step the referral's state does not allow is refused before its form opens.
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(
        app.context(),
        Context::Message,
        "no approval after conferral"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Dashboard);

    // The nominee page shows the award with its decision; the register search folds tones.
    select(&mut app, bk, &bk_name);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.context(), Context::AwardsNominee);
    let page = screen_at(&app, W, H);
    assert!(page.contains("Lịch sử khen thưởng"), "{page}");
    assert!(page.contains("2150/QĐ-UBND"), "{page}");
    assert!(page.contains("Được khen"), "{page}");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "102/qd");
    press(&mut app, KeyCode::Enter);
    let found = screen_at(&app, W, H);
    assert!(found.contains("Sổ khen thưởng 1/"), "{found}");
    assert!(found.contains(&chosen[1].1), "{found}");
    press(&mut app, KeyCode::Enter);
    let other = screen_at(&app, W, H);
    assert!(other.contains("102/QĐ-UBND 20/11/2026"), "{other}");
    press(&mut app, KeyCode::Esc);

    // The board counts changed and the chart has the register's year.
    press(&mut app, KeyCode::Char('a'));
    let board = screen_at(&app, W, H);
    assert!(board.contains("Đã quyết định 7"), "{board}");
    assert!(board.contains("Được khen 3"), "{board}");
    assert!(board.contains("2026"), "{board}");
    let small = screen_at(&app, 80, 24);
    assert!(small.contains("Sổ khen thưởng theo năm"), "{small}");
    press(&mut app, KeyCode::Esc);

    // The audit log of that nomination: its referral steps and register entry.
    press(&mut app, KeyCode::Char('A'));
    assert_eq!(app.context(), Context::AwardsAudit);
    let log = screen_at(&app, W, H);
    assert!(log.contains(&format!("đề nghị {bk}")), "{log}");
    assert!(log.contains("Chuỗi băm nguyên vẹn"), "{log}");
    assert!(log.contains("award_register"), "{log}");
    assert!(log.contains("confer"), "{log}");
    let records = app.store().nomination_audit_records(bk).unwrap();
    let (entries, total) = app.store().audit_page(&records, 0, 500).unwrap();
    assert_eq!(entries.len() as u32, total);
    assert!(entries.iter().all(|e| e.table_name != "decisions"));
    assert!(entries.iter().any(|e| e.action == "return"));
    // Every record: more entries than this nomination's.
    press(&mut app, KeyCode::Char('f'));
    let all = screen_at(&app, W, H);
    assert!(all.contains("mọi bản ghi"), "{all}");
    assert!(!all.contains(&format!("({total})")), "{all}");
}

#[test]
fn a_tampered_audit_entry_is_named_on_the_audit_screen() {
    let (store, chosen) = prepared();
    store
        .raw_connection_for_tests()
        .execute(
            "UPDATE audit_log SET actor = 'someone' WHERE id = (SELECT max(id) FROM audit_log WHERE action <> 'rows')",
            [],
        )
        .unwrap();
    let mut app = App::new(store, Lang::En.strings(), W, H);
    select(&mut app, chosen[0].0, &chosen[0].1);
    press(&mut app, KeyCode::Char('A'));
    let log = screen_at(&app, W, H);
    assert!(log.contains("Hash chain broken at entry"), "{log}");
    assert!(log.contains("edited outside hoidong"), "{log}");
}

#[test]
fn an_approved_referral_goes_on_up_and_the_register_exports_from_the_board() {
    let (store, chosen) = prepared();
    let mut app = App::new(store, Lang::Vi.strings(), W, H);
    let (bk, name) = chosen[2].clone();
    select(&mut app, bk, &name);
    press(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "46/TTr-UBND");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Đề nghị của Ban Kinh tế");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    let rid = app.store().referrals_of(bk).unwrap()[0].id;
    let docs = app.store().referral_checklist(rid).unwrap().len();
    for _ in 0..docs {
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "có");
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('j'));
    }
    for step in ['s', 'a'] {
        press(&mut app, KeyCode::Char(step));
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('y'));
    }
    assert_eq!(
        app.store().referral(rid).unwrap().status,
        ReferralStatus::Approved
    );
    // A wrong date is named in the form and nothing is saved.
    press(&mut app, KeyCode::Char('f'));
    type_text(&mut app, "12/TTr-UBND");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Enter);
    let form = screen_at(&app, W, H);
    assert!(form.contains("không phải ngày"), "{form}");
    assert_eq!(app.store().referrals_of(bk).unwrap().len(), 1);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    let chain = app.store().referrals_of(bk).unwrap();
    assert_eq!(chain.len(), 2);
    assert_eq!(chain[0].status, ReferralStatus::Forwarded);
    assert_eq!(chain[1].parent_id, Some(rid));
    assert_eq!(chain[1].status, ReferralStatus::Prepared);
    let view = screen_at(&app, W, H);
    assert!(view.contains("Đã trình cấp trên"), "{view}");
    assert!(view.contains("trình lên Trung ương"), "{view}");
    press(&mut app, KeyCode::Esc);

    // The board lists the new referral as waiting; its register goes to a file.
    press(&mut app, KeyCode::Char('a'));
    let board = screen_at(&app, W, H);
    assert!(board.contains("0 ngày 20/11/2026"), "{board}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("so.csv");
    press(&mut app, KeyCode::Char('e'));
    // Ctrl+U clears the suggested name.
    ctrl(&mut app, 'u');
    type_text(&mut app, &file.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(file.exists(), "{}", screen_at(&app, W, H));
    assert!(screen_at(&app, W, H).contains("mục của sổ khen thưởng đã ghi vào"));
}

#[test]
fn the_chain_of_a_database_file_is_checked_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hd.db");
    let mut store = Store::open(&path).unwrap();
    store.set_actor("thuky");
    demo::populate(&mut store, demo::demo_spec()).unwrap();
    let mut app = App::new(store, Lang::Vi.strings(), W, H);
    press(&mut app, KeyCode::Char('A'));
    assert_eq!(app.context(), Context::AwardsAudit);
    // The answer arrives with a later event (ticks come every 250 ms).
    let mut shown = String::new();
    for _ in 0..200 {
        app.handle_event(Event::Tick);
        shown = screen_at(&app, 80, 24);
        if shown.contains("Chuỗi băm nguyên vẹn") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(shown.contains("Chuỗi băm nguyên vẹn"), "{shown}");
    assert!(shown.contains("Trước / Sau"), "{shown}");
}
