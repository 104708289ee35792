//! The movements and rules screens driven through `App::handle_event`, from a
//! new ward's empty database: a movement added from its plan, its group and
//! four criteria, a figure changed and a bad one refused, a copy; the rules
//! with each figure marked default or the council's, changed on screen.

use std::path::Path;
use std::process::Command;

use hoidong::i18n::Lang;
use hoidong::store::Store;
use hoidong::tui::app::App;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use common::{press, screen_at, type_text};

fn save(app: &mut App) {
    common::ctrl(app, 's');
}

fn answer(app: &mut App, text: &str) {
    type_text(app, text);
    press(app, KeyCode::Enter);
}

fn check_clean(db: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en", "check"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(text.contains("no problem found"), "{text}");
}

#[test]
fn a_new_ward_adds_its_movement_and_criteria_on_screen() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("tb.db");
    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, Lang::Vi.strings(), 120, 35);
    press(&mut app, KeyCode::Char('P'));
    let s = screen_at(&app, 120, 35);
    assert!(s.contains("Chưa có phong trào thi đua nào. Nhấn n"), "{s}");
    assert!(s.contains("s  mẫu"), "{s}");

    press(&mut app, KeyCode::Char('n'));
    for (i, field) in [
        "tb-2026",
        "Thi đua xây dựng phường Tân Bình văn minh",
        "12/KH-UBND",
        "2026-02-10",
        "UBND phường Tân Bình",
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            press(&mut app, KeyCode::Tab);
        }
        type_text(&mut app, field);
    }
    // Its phases: one not written as a phase is named, nothing is saved.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Giai đoạn 1:2026-2028:2028; Giai đoạn 2");
    save(&mut app);
    let s = screen_at(&app, 120, 35);
    assert!(
        s.contains("Giai đoạn: “Giai đoạn 2” không phải một giai đoạn"),
        "{s}"
    );
    assert!(app.store().movements().unwrap_or_default().is_empty());
    type_text(&mut app, ":2029-2030:2030");
    save(&mut app);
    let phases = app
        .store()
        .movements()
        .unwrap_or_default()
        .first()
        .map(|m| m.phases.len());
    assert_eq!(phases, Some(2));
    let s = screen_at(&app, 120, 35);
    assert!(
        s.contains("tb-2026        Thi đua xây dựng phường Tân Bình văn minh"),
        "{s}"
    );
    assert!(s.contains("Chưa có nhóm tiêu chí"), "{s}");

    press(&mut app, KeyCode::Char('a'));
    answer(
        &mut app,
        "1; Người dân, Cán bộ, công chức, viên chức; Cá nhân",
    );
    for i in 1..=4 {
        press(&mut app, KeyCode::Char('+'));
        answer(
            &mut app,
            &format!("1; 1.{i}; {}; 1; Tiêu chí số {i}", i * 5),
        );
    }
    let s = screen_at(&app, 120, 35);
    assert!(
        s.contains("1 Cá nhân (áp dụng cho Cán bộ, công chức, viên chức; Người dân)"),
        "{s}"
    );
    assert!(
        s.contains("1.4             20         1 Tiêu chí số 4"),
        "{s}"
    );

    // The second criterion: a figure out of bounds is refused, then changed.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    answer(&mut app, "0 1");
    let s = screen_at(&app, 120, 35);
    assert!(
        s.contains("Tiêu chí 1.2: điểm tối đa 0 không hợp lệ"),
        "{s}"
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    answer(&mut app, "8 2,5");
    let s = screen_at(&app, 120, 35);
    assert!(
        s.contains("1.2              8       2,5 Tiêu chí số 2"),
        "{s}"
    );

    press(&mut app, KeyCode::Char('c'));
    answer(&mut app, "tb-2027 Phong trào năm 2027");
    let s = screen_at(&app, 120, 35);
    assert!(s.contains("tb-2027        Phong trào năm 2027"), "{s}");
    assert!(s.contains("Nhóm và tiêu chí — tb-2027"), "{s}");
    // New nominations go into the movement the ward says.
    press(&mut app, KeyCode::Char('u'));
    let s = screen_at(&app, 120, 35);
    assert!(s.contains("* tb-2027      Phong trào năm 2027"), "{s}");
    assert!(s.contains("đề nghị mới thuộc phong trào này"), "{s}");
    assert_eq!(
        app.store()
            .movement_for_nominations(None)
            .map(|m| m.code)
            .unwrap_or_default(),
        "tb-2027"
    );

    let plan = app
        .store()
        .movement_plan("tb-2027")
        .unwrap_or_else(|e| panic!("{e}"));
    let figures: Vec<(String, u32, f64)> = plan.groups[0]
        .criteria
        .iter()
        .map(|c| (c.code.clone(), c.max_score, c.weight))
        .collect();
    assert_eq!(figures[1], ("1.2".to_string(), 8, 2.5));
    assert_eq!(figures.len(), 4);
    drop(app);
    check_clean(&db);
}

#[test]
fn the_rules_say_what_is_default_and_take_the_councils_figures() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("tb.db");
    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, Lang::Vi.strings(), 80, 24);
    press(&mut app, KeyCode::Char('R'));
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("không phải quy định của pháp luật"), "{s}");
    assert!(s.contains("70% nữ                    [mặc định]"), "{s}");
    assert!(
        s.contains("Quy tắc chung (*, ward)                                        [mặc định]"),
        "{s}"
    );

    // The share of women is asked; the aggregation cycles.
    press(&mut app, KeyCode::Enter);
    answer(&mut app, "101");
    assert!(screen_at(&app, 80, 24).contains("Tỷ lệ nữ “101” không hợp lệ"));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    answer(&mut app, "60");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, 80, 24);
    assert!(
        s.contains("60% nữ                    [hội đồng đặt]"),
        "{s}"
    );
    assert!(
        s.contains("trung vị (median)         [hội đồng đặt]"),
        "{s}"
    );
    // The general rule's written opinions: a toggle, and the rule becomes the council's.
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let s = screen_at(&app, 80, 24);
    assert!(
        s.contains("Ý kiến bằng văn bản                không tính"),
        "{s}"
    );
    assert!(
        s.contains("Quy tắc chung (*, ward)                                        [hội đồng đặt]"),
        "{s}"
    );

    let settings = app
        .store()
        .council_settings()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settings.women_share.value, 60);
    assert!(!settings.women_share.is_default);
    drop(app);

    let store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(store, Lang::En.strings(), 80, 24);
    press(&mut app, KeyCode::Char('R'));
    let s = screen_at(&app, 80, 24);
    assert!(s.contains("are not law"), "{s}");
    assert!(s.contains("[set by the council]"), "{s}");
    assert!(s.contains("[default]"), "{s}");
    drop(app);
    check_clean(&db);
}
