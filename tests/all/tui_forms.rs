//! Entry forms, withdrawal, ranking, import and export, driven through
//! `App::handle_event` with key events and drawn into a `TestBackend`.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::common::{ctrl, press, type_text};
use hoidong::demo;
use hoidong::domain::nomination::{NominationQuery, NominationStatus};
use hoidong::domain::nominee::Sex;
use hoidong::i18n::strings::VI;
use hoidong::i18n::strings_forms::VI as F;
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use hoidong::tui::keymap::Context;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use unicode_normalization::UnicodeNormalization;

const W: u16 = 120;
const H: u16 = 35;

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    store
}

fn demo_file(dir: &Path) -> PathBuf {
    let path = dir.join("hoidong.db");
    let mut s = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    demo::populate(&mut s, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// The app on a demo database file, with the id of the selected nomination.
fn app_on_demo_file(dir: &Path) -> (App, PathBuf, i64) {
    let path = demo_file(dir);
    let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let a = App::new(store, &VI, W, H);
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    (a, path, id)
}

/// Another instance saves a change to the nomination's summary.
fn edit_summary_elsewhere(path: &Path, id: i64) {
    let mut other = Store::open(path).unwrap_or_else(|e| panic!("{e}"));
    let mut n = other.nomination(id).unwrap_or_else(|e| panic!("{e}"));
    n.summary = "Sửa ở máy khác".into();
    other
        .update_nomination(&n)
        .unwrap_or_else(|e| panic!("{e}"));
}

fn tab(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, KeyCode::Tab);
    }
}

/// The screen as text, one line per row, NFC so that searches match.
fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| app.draw(f))
        .unwrap_or_else(|e| panic!("{e}"));
    let buf = terminal.backend().buffer().clone();
    (0..H)
        .map(|y| {
            let row: String = (0..W).map(|x| buf[(x, y)].symbol().to_string()).collect();
            row.trim_end().nfc().collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with “{needle}” in\n{screen}"))
}

fn count_nominations(store: &Store) -> u32 {
    let q = NominationQuery {
        statuses: NominationStatus::ALL.to_vec(),
        ..NominationQuery::default()
    };
    store
        .list_nominations(&q, 0, 0)
        .unwrap_or_else(|e| panic!("{e}"))
        .1
}

#[test]
fn a_nominee_and_a_nomination_are_created_through_the_form() {
    let mut a = App::new(demo_store(), &VI, W, H);
    let before = count_nominations(a.store());
    press(&mut a, KeyCode::Char('n'));
    assert_eq!(a.context(), Context::Form);
    let s = screen(&a);
    assert!(s.contains(F.new_title), "{s}");
    // Kind stays “CB, CC, VC”; the name is typed with NFD marks (Unikey in NFD mode).
    tab(&mut a, 1);
    type_text(&mut a, "Nguye\u{0302}\u{0303}n Thị Hoa");
    tab(&mut a, 1);
    type_text(&mut a, "1985");
    tab(&mut a, 1);
    press(&mut a, KeyCode::Right);
    press(&mut a, KeyCode::Right);
    tab(&mut a, 1);
    type_text(&mut a, "Chuyên viên");
    tab(&mut a, 1);
    type_text(&mut a, "Văn phòng phường");
    // address, award, round, proposing unit, then the summary (a person has no share of women)
    tab(&mut a, 5);
    type_text(
        &mut a,
        "Hoàn thành xuất sắc nhiệm vụ\nSáng kiến số hóa hồ sơ",
    );
    let s = screen(&a);
    assert!(line_with(&s, "Họ tên").contains("Nguyễn Thị Hoa"), "{s}");
    assert!(line_with(&s, "Giới tính").contains("Nữ"), "{s}");
    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::Dashboard, "{}", screen(&a));
    assert!(screen(&a).contains(F.saved_new));
    assert_eq!(count_nominations(a.store()), before + 1);

    let found = a
        .store()
        .find_nominees("nguyen thi hoa", 10)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found.len(), 1);
    let n = &found[0];
    assert_eq!(n.name, "Nguyễn Thị Hoa");
    assert_eq!(n.name, n.name.nfc().collect::<String>());
    assert_eq!((n.birth_year, n.sex), (Some(1985), Some(Sex::Female)));
    assert_eq!(n.unit, "Văn phòng phường");
    let noms = a
        .store()
        .nominations_of(n.id)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(noms.len(), 1);
    assert_eq!(
        noms[0].summary,
        "Hoàn thành xuất sắc nhiệm vụ\nSáng kiến số hóa hồ sơ"
    );
    assert_eq!(noms[0].status, NominationStatus::Submitted);
    let catalogue = a.store().catalogue().unwrap_or_else(|e| panic!("{e}"));
    let award = catalogue
        .award(&noms[0].award_code)
        .unwrap_or_else(|| panic!("award"));
    assert!(award.accepts(n.kind));
    // The new nomination is selected and shown in the detail pane.
    assert_eq!(a.dashboard.selected_id(), Some(noms[0].id));
    assert!(line_with(&screen(&a), "Chức vụ").contains("Chuyên viên"));
}

#[test]
fn validation_messages_stand_next_to_their_fields_and_nothing_is_saved() {
    let mut a = App::new(demo_store(), &VI, W, H);
    let before = count_nominations(a.store());
    press(&mut a, KeyCode::Char('n'));
    tab(&mut a, 2);
    type_text(&mut a, "19x5");
    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::Form);
    let s = screen(&a);
    assert!(line_with(&s, "Năm sinh").contains(F.not_a_year), "{s}");
    assert!(line_with(&s, "Họ tên").contains(F.name_empty), "{s}");
    assert_eq!(count_nominations(a.store()), before);
    // The focus is on the first field with a message; typing into a field clears its message.
    tab(&mut a, 1);
    for _ in 0..4 {
        press(&mut a, KeyCode::Backspace);
    }
    let s = screen(&a);
    assert!(!line_with(&s, "Năm sinh").contains(F.not_a_year), "{s}");
    // A women share over 100% is refused by the store's rule, shown at the field.
    // The share of women is asked of a collective: the kind becomes "MTTQ, đoàn thể".
    press(&mut a, KeyCode::BackTab);
    type_text(&mut a, "Hội Phụ nữ tổ 5");
    press(&mut a, KeyCode::BackTab);
    for _ in 0..4 {
        press(&mut a, KeyCode::Right);
    }
    // name, position, unit, address, then the share of women
    tab(&mut a, 5);
    type_text(&mut a, "120");
    ctrl(&mut a, 's');
    let s = screen(&a);
    assert!(line_with(&s, "Tỷ lệ nữ").contains(F.share_over), "{s}");
    assert!(!line_with(&s, "Họ tên").contains(F.name_empty), "{s}");
    assert_eq!(count_nominations(a.store()), before);
}

#[test]
fn esc_cancels_without_saving_and_asks_when_something_was_typed() {
    let mut a = App::new(demo_store(), &VI, W, H);
    let before = count_nominations(a.store());
    // Nothing typed: Esc closes at once.
    press(&mut a, KeyCode::Char('n'));
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.context(), Context::Dashboard);
    press(&mut a, KeyCode::Char('n'));
    tab(&mut a, 1);
    type_text(&mut a, "Lê Văn Tám");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.context(), Context::Confirm);
    assert!(screen(&a).contains(F.confirm_discard));
    // “No” keeps the form and the text.
    press(&mut a, KeyCode::Char('n'));
    assert_eq!(a.context(), Context::Form);
    assert!(screen(&a).contains("Lê Văn Tám"));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('y'));
    assert_eq!(a.context(), Context::Dashboard);
    assert_eq!(count_nominations(a.store()), before);
    let found = a
        .store()
        .find_nominees("le van tam", 5)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(found.is_empty());
}

#[test]
fn an_edit_refused_for_a_concurrent_change_keeps_the_form_and_the_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut a, path, id) = app_on_demo_file(dir.path());
    press(&mut a, KeyCode::Char('e'));
    assert_eq!(a.context(), Context::Form);
    // Shift-Tab from the first field reaches the summary, the last one.
    press(&mut a, KeyCode::BackTab);
    type_text(&mut a, " Bổ sung của thư ký");

    // Someone else saves a change to the same nomination meanwhile.
    edit_summary_elsewhere(&path, id);

    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::Form);
    let s = screen(&a);
    assert!(s.contains("Đề nghị đã được người khác sửa"), "{s}");
    assert!(s.contains("Bổ sung của thư ký"), "{s}");
    let stored = a.store().nomination(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stored.summary, "Sửa ở máy khác");

    // Reopened, the edit goes through.
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('y'));
    press(&mut a, KeyCode::Char('e'));
    press(&mut a, KeyCode::BackTab);
    type_text(&mut a, " (đã kiểm tra)");
    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::Dashboard, "{}", screen(&a));
    let stored = a.store().nomination(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stored.summary, "Sửa ở máy khác (đã kiểm tra)");
}

#[test]
fn withdrawal_goes_through_a_dialog_that_asks_the_reason() {
    let mut a = App::new(demo_store(), &VI, W, H);
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    let name = a
        .dashboard
        .selected_row()
        .map(|r| r.nominee_name.clone())
        .unwrap_or_default();
    press(&mut a, KeyCode::Char('w'));
    assert_eq!(a.context(), Context::Prompt);
    let s = screen(&a);
    assert!(s.contains(F.withdraw_question), "{s}");
    assert!(s.contains(&name), "{s}");
    // Esc leaves it alone.
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.context(), Context::Dashboard);
    press(&mut a, KeyCode::Char('w'));
    // No reason, no withdrawal.
    press(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains(F.reason_empty));
    assert_eq!(a.context(), Context::Prompt);
    type_text(&mut a, "Đơn vị xin rút đề nghị");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.context(), Context::Dashboard);
    let n = a.store().nomination(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(n.status, NominationStatus::Withdrawn);
    assert_eq!(
        n.withdrawal_reason.as_deref(),
        Some("Đơn vị xin rút đề nghị")
    );
    // It leaves the pending list but stays in the database.
    assert_ne!(a.dashboard.selected_id(), Some(id));
    assert!(screen(&a).contains(F.withdrawn));
}

#[test]
fn evidence_with_a_file_is_flagged_when_the_file_changes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("bao-cao.txt");
    std::fs::write(&file, "Báo cáo thành tích năm 2025").unwrap_or_else(|e| panic!("{e}"));
    let mut a = App::new(demo_store(), &VI, W, H);
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    press(&mut a, KeyCode::Char('v'));
    assert_eq!(a.context(), Context::Form);
    tab(&mut a, 1);
    type_text(&mut a, "Báo cáo thành tích có xác nhận");
    tab(&mut a, 2);
    type_text(&mut a, "31/13/2025");
    tab(&mut a, 1);
    type_text(&mut a, &file.to_string_lossy());
    ctrl(&mut a, 's');
    assert!(line_with(&screen(&a), "Ngày").contains(F.not_a_date));
    for _ in 0..10 {
        press(&mut a, KeyCode::Backspace);
    }
    type_text(&mut a, "15/12/2025");
    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::Dashboard, "{}", screen(&a));
    let ev = a.store().evidence(id).unwrap_or_else(|e| panic!("{e}"));
    let added = ev.last().unwrap_or_else(|| panic!("no evidence"));
    assert_eq!(added.title, "Báo cáo thành tích có xác nhận");
    assert_eq!(added.doc_date.as_deref(), Some("2025-12-15"));
    assert_eq!(added.sha256.as_ref().map(String::len), Some(64));
    let flags = |a: &App| {
        a.dashboard
            .detail
            .as_ref()
            .map(|d| d.files.clone())
            .unwrap_or_default()
    };
    assert!(
        flags(&a)
            .iter()
            .all(|(_, s)| *s == hoidong::evidence_files::FileState::Unchanged)
    );

    std::fs::write(&file, "Báo cáo đã bị sửa sau khi nộp").unwrap_or_else(|e| panic!("{e}"));
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Up);
    assert!(flags(&a).contains(&(added.id, hoidong::evidence_files::FileState::Changed)));
    // The detail pane says so (scrolled to its end).
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::End);
    let s = screen(&a);
    assert!(
        s.contains("tệp đã thay đổi") || s.contains("tệp đã thay"),
        "{s}"
    );

    std::fs::remove_file(&file).unwrap_or_else(|e| panic!("{e}"));
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Up);
    assert!(flags(&a).contains(&(added.id, hoidong::evidence_files::FileState::Missing)));
}

#[test]
fn evidence_is_listed_edited_and_its_file_recorded_again() {
    use hoidong::evidence_files::sha256_file;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("quyet-dinh.txt");
    std::fs::write(&file, "Quyết định số 45").unwrap_or_else(|e| panic!("{e}"));
    let mut a = App::new(demo_store(), &VI, W, H);
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    let before = a.store().evidence(id).unwrap_or_else(|e| panic!("{e}"));

    press(&mut a, KeyCode::Char('V'));
    assert_eq!(a.context(), Context::EvidenceList);
    let s = screen(&a);
    insta::assert_snapshot!("evidence_list_120x35", s);
    assert!(s.contains(&format!("{} — ", F.evidence_list_title)), "{s}");
    for e in &before {
        assert!(s.contains(&e.title), "{} missing from\n{s}", e.title);
    }

    // A new item from the list comes back to the list.
    press(&mut a, KeyCode::Char('n'));
    assert_eq!(a.context(), Context::Form);
    tab(&mut a, 1);
    type_text(&mut a, "Quyết định khen thưởng");
    tab(&mut a, 3);
    type_text(&mut a, &file.to_string_lossy());
    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::EvidenceList, "{}", screen(&a));
    assert!(screen(&a).contains("✓ quyet-dinh.txt"), "{}", screen(&a));
    let items = a.store().evidence(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(items.len(), before.len() + 1);
    let added = items.last().cloned().unwrap_or_else(|| panic!("no item"));
    let first_hash = added.sha256.clone();

    // The file changes: the list, read again, flags it.
    std::fs::write(&file, "Quyết định số 45, bản sửa").unwrap_or_else(|e| panic!("{e}"));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('V'));
    press(&mut a, KeyCode::End);
    assert!(line_with(&screen(&a), "Quyết định khen thưởng").contains(F.file_changed));

    // Editing the title keeps the recorded hash: the flag stays.
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.context(), Context::Form);
    let s = screen(&a);
    assert!(
        s.contains(F.evidence_edit_title) && s.contains(F.file_changed),
        "{s}"
    );
    tab(&mut a, 1);
    ctrl(&mut a, 'u');
    type_text(&mut a, "Quyết định khen thưởng (bản chính)");
    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::EvidenceList, "{}", screen(&a));
    assert!(screen(&a).contains(F.saved_evidence_edit));
    let edited = a
        .store()
        .evidence_item(added.id)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(edited.title, "Quyết định khen thưởng (bản chính)");
    assert_eq!(edited.sha256, first_hash);
    assert!(line_with(&screen(&a), "(bản chính)").contains(F.file_changed));

    // Asking for the file as it is now records its new hash: the flag goes.
    press(&mut a, KeyCode::Enter);
    tab(&mut a, 5);
    press(&mut a, KeyCode::Right);
    assert!(line_with(&screen(&a), F.ev_hash).contains(F.ev_hash_renew));
    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::EvidenceList, "{}", screen(&a));
    let renewed = a
        .store()
        .evidence_item(added.id)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(renewed.sha256, sha256_file(&file).ok());
    assert_ne!(renewed.sha256, first_hash);
    assert!(line_with(&screen(&a), "(bản chính)").contains("✓ quyet-dinh.txt"));

    // A path that cannot be read is refused beside the field; nothing changes.
    press(&mut a, KeyCode::Enter);
    tab(&mut a, 4);
    ctrl(&mut a, 'u');
    type_text(&mut a, &dir.path().join("khong-co.pdf").to_string_lossy());
    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::Form);
    assert!(line_with(&screen(&a), F.ev_file).contains(F.file_unreadable));
    assert_eq!(
        a.store()
            .evidence_item(added.id)
            .unwrap_or_else(|e| panic!("{e}")),
        renewed
    );
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('y'));
    assert_eq!(a.context(), Context::EvidenceList);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.context(), Context::Dashboard);
}

#[test]
fn an_edit_of_nominee_and_nomination_refused_in_part_saves_neither() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut a, path, id) = app_on_demo_file(dir.path());
    let nominee_id = a
        .store()
        .nomination(id)
        .unwrap_or_else(|e| panic!("{e}"))
        .nominee_id;
    let name = a
        .store()
        .nominee(nominee_id)
        .unwrap_or_else(|e| panic!("{e}"))
        .name;
    press(&mut a, KeyCode::Char('e'));
    // The name is the second field; the summary the last.
    tab(&mut a, 1);
    type_text(&mut a, " Em");
    press(&mut a, KeyCode::BackTab);
    press(&mut a, KeyCode::BackTab);
    type_text(&mut a, " Bổ sung");

    edit_summary_elsewhere(&path, id);

    ctrl(&mut a, 's');
    assert_eq!(a.context(), Context::Form);
    assert_eq!(
        a.store()
            .nominee(nominee_id)
            .unwrap_or_else(|e| panic!("{e}"))
            .name,
        name,
        "the name is not saved when the nomination part is refused"
    );
}

#[test]
fn ranking_lists_one_round_and_level_by_score() {
    let mut a = App::new(demo_store(), &VI, W, H);
    press(&mut a, KeyCode::Char('r'));
    assert_eq!(a.context(), Context::Ranking);
    let s = screen(&a);
    assert!(s.contains(F.ranking_title), "{s}");
    // Rows: rank, name, award, score, missing. Ranks rise as scores fall.
    let header = s
        .lines()
        .position(|l| l.contains(F.rank))
        .unwrap_or_else(|| panic!("{s}"));
    let mut last: Option<(u32, f64)> = None;
    let mut seen = 0;
    for l in s.lines().skip(header + 1) {
        let inner = l.trim_start_matches('│').trim_start();
        let Some(rank) = inner
            .split_whitespace()
            .next()
            .and_then(|w| w.parse::<u32>().ok())
        else {
            break;
        };
        let score: f64 = inner
            .split_whitespace()
            // Vietnamese writes the score with a decimal comma.
            .filter_map(|w| w.replace(',', ".").parse::<f64>().ok())
            .nth(1)
            .unwrap_or_else(|| panic!("no score in {l}"));
        if let Some((r, sc)) = last {
            assert!(rank >= r && score <= sc, "order broken at {l}");
            assert_eq!(
                rank == r,
                score == sc,
                "equal ranks only for equal scores: {l}"
            );
        }
        last = Some((rank, score));
        seen += 1;
    }
    assert!(seen > 1, "no ranked rows in\n{s}");
    press(&mut a, KeyCode::Right);
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.context(), Context::Dashboard);
}

#[test]
fn a_list_is_imported_in_the_background_with_its_report() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("moi.db");
    let mut store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    crate::common::movement_id(&mut store);
    let mut a = App::new(store, &VI, W, H);
    let (tx, rx) = mpsc::channel();
    a.set_job_sender(tx);
    assert_eq!(count_nominations(a.store()), 0);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/de-nghi.csv");
    press(&mut a, KeyCode::Char('i'));
    assert!(screen(&a).contains(F.import_question));
    type_text(&mut a, &fixture.to_string_lossy());
    press(&mut a, KeyCode::Enter);
    // Read in the background, then shown before anything is saved.
    let pump = |a: &mut App| {
        while a.transfer().is_some() {
            let ev = rx
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|e| panic!("import did not finish: {e}"));
            a.handle_event(ev);
        }
    };
    assert!(a.transfer().is_some(), "the list is read in the background");
    pump(&mut a);
    assert_eq!(a.context(), Context::ImportPreview, "{}", screen(&a));
    assert!(screen(&a).contains("Trần Thị Mai Lan"), "{}", screen(&a));
    assert_eq!(
        count_nominations(a.store()),
        0,
        "nothing saved by the preview"
    );
    press(&mut a, KeyCode::Char('s'));
    press(&mut a, KeyCode::Enter);
    assert!(a.transfer().is_some(), "the import runs in the background");
    assert!(screen(&a).contains(F.importing));
    pump(&mut a);
    assert_eq!(a.context(), Context::Report);
    let s = screen(&a);
    assert!(s.contains(F.import_done), "{s}");
    assert!(s.contains("đã nhập 8 hồ sơ"), "{s}");
    press(&mut a, KeyCode::Enter);
    assert_eq!(count_nominations(a.store()), 8);
    assert!(screen(&a).contains("Trần Thị Mai Lan"));

    // The same list again shows its duplicates, and saving is refused.
    press(&mut a, KeyCode::Char('i'));
    type_text(&mut a, &fixture.to_string_lossy());
    press(&mut a, KeyCode::Enter);
    pump(&mut a);
    let s = screen(&a);
    assert_eq!(a.context(), Context::ImportPreview, "{s}");
    assert!(s.contains("dòng 2"), "{s}");
    press(&mut a, KeyCode::Char('s'));
    assert_eq!(a.context(), Context::Message, "{}", screen(&a));
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.context(), Context::Dashboard);
    assert_eq!(count_nominations(a.store()), 8);
}

#[test]
fn the_filtered_list_is_exported_and_the_app_says_where() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("danh-sach.csv");
    let mut a = App::new(demo_store(), &VI, W, H);
    let shown = a.dashboard.total.unwrap_or(0);
    press(&mut a, KeyCode::Char('X'));
    assert_eq!(a.context(), Context::Prompt);
    ctrl(&mut a, 'u');
    type_text(&mut a, &out.to_string_lossy());
    press(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(s.contains(&format!("{} {shown}", F.exported)), "{s}");
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "CSV with BOM");
    let lines = String::from_utf8_lossy(&bytes).lines().count();
    assert!(
        lines as u32 > shown,
        "header and {shown} rows, got {lines} lines"
    );
}

#[test]
fn the_list_reader_keeps_working_after_a_background_import() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = demo_file(dir.path());
    let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let (tx, rx) = mpsc::channel();
    let reader = hoidong::tui::jobs::PageReader::open(path.clone(), tx.clone());
    let mut a = App::with_pages(
        store,
        &VI,
        W,
        H,
        hoidong::tui::app::PageSource::Reader(reader),
    );
    a.set_job_sender(tx);
    let pump = |a: &mut App, done: &dyn Fn(&App) -> bool| {
        while !done(a) {
            let ev = rx
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|e| panic!("nothing came: {e}"));
            a.handle_event(ev);
        }
    };
    pump(&mut a, &|a| !a.dashboard.is_loading());
    let before = a.dashboard.total.unwrap_or(0);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/de-nghi.xlsx");
    press(&mut a, KeyCode::Char('i'));
    type_text(&mut a, &fixture.to_string_lossy());
    press(&mut a, KeyCode::Enter);
    pump(&mut a, &|a| a.transfer().is_none());
    assert_eq!(a.context(), Context::ImportPreview, "{}", screen(&a));
    press(&mut a, KeyCode::Char('s'));
    press(&mut a, KeyCode::Enter);
    pump(&mut a, &|a| a.transfer().is_none());
    assert!(screen(&a).contains(F.import_done), "{}", screen(&a));
    press(&mut a, KeyCode::Enter);
    pump(&mut a, &|a| !a.dashboard.is_loading());
    assert_eq!(a.context(), Context::Dashboard, "{}", screen(&a));
    assert_eq!(a.dashboard.total, Some(before + 8));
    // Later reads work too.
    press(&mut a, KeyCode::Char('s'));
    pump(&mut a, &|a| !a.dashboard.is_loading());
    assert_eq!(a.context(), Context::Dashboard, "{}", screen(&a));
}
