//! The terminal interface driven through `App::handle_event`, the same entry
//! point the terminal loop uses, drawn into a `TestBackend`.

use std::sync::mpsc;
use std::time::Duration;

use crate::common::{ctrl, press, type_text};
use hoidong::demo;
use hoidong::domain::nomination::NominationStatus;
use hoidong::domain::nominee::NomineeKind;
use hoidong::domain::text::{fold, person_cmp};
use hoidong::i18n::Lang;
use hoidong::i18n::strings::{EN, VI};
use hoidong::store::{Clock, Store};
use hoidong::tui::app::{App, PageSource};
use hoidong::tui::event::Event;
use hoidong::tui::jobs::PageReader;
use hoidong::tui::keymap::{self, Context};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use unicode_normalization::UnicodeNormalization;

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    store.set_actor("thuky");
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    store
}

fn app(lang: Lang, w: u16, h: u16) -> App {
    App::new(demo_store(), lang.strings(), w, h)
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| app.draw(f))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let buf = draw(app, w, h);
    (0..h)
        .map(|y| row_text(&buf, y).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Cell columns where `needle` starts in row `y`, counting cells, not bytes.
fn columns_of(buf: &Buffer, y: u16, needle: &str) -> Vec<u16> {
    let cells: Vec<String> = (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect();
    let n = needle.chars().count();
    (0..cells.len().saturating_sub(n))
        .filter(|&x| {
            let s: String = cells[x..x + n].concat();
            s.nfc().collect::<String>() == needle
        })
        .map(|x| x as u16)
        .collect()
}

fn column_of(buf: &Buffer, y: u16, needle: &str) -> Option<u16> {
    columns_of(buf, y, needle).first().copied()
}

/// The first `n` characters: cells may be cut with "…".
fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

#[test]
fn dashboard_at_both_sizes() {
    let a = app(Lang::Vi, 120, 35);
    let big = screen(&a, 120, 35);
    assert!(big.contains("Đề nghị khen thưởng 1/61"), "{big}");
    assert!(big.contains("Tóm tắt thành tích"));
    assert!(big.contains("Chấm điểm theo tiêu chí"));
    insta::assert_snapshot!("dashboard_120x35", big);

    let mut a = app(Lang::Vi, 120, 35);
    a.handle_event(Event::Resize(80, 24));
    let small = screen(&a, 80, 24);
    assert!(small.contains("Đối tượng"), "{small}");
    assert!(small.contains(" ? "), "hint bar: {small}");
    insta::assert_snapshot!("dashboard_80x24", small);
}

#[test]
fn scores_use_the_decimal_separator_of_the_language() {
    // The first row of the demo is scored 68.1 (see the dashboard snapshot).
    let vi = screen(&app(Lang::Vi, 120, 35), 120, 35);
    assert!(vi.contains(" 68,1 ") && !vi.contains(" 68.1 "), "{vi}");
    assert!(vi.contains(" 7,0 ████"), "score grid mean: {vi}");
    let en = screen(&app(Lang::En, 120, 35), 120, 35);
    assert!(en.contains(" 68.1 ") && !en.contains(" 68,1 "), "{en}");
    assert!(en.contains(" 7.0 ████"), "score grid mean: {en}");
}

#[test]
fn search_nguyen_finds_only_nguyen_rows_and_esc_clears() {
    let mut a = app(Lang::Vi, 120, 35);
    let all = a.dashboard.total.unwrap_or(0);
    press(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "nguyen");
    assert_eq!(a.context(), Context::Search);
    let found = a.dashboard.total.unwrap_or(0);
    assert!(found > 0 && found < all, "{found} of {all}");
    for r in &a.dashboard.rows {
        assert!(r.nominee_name.contains("Nguyễn"), "{}", r.nominee_name);
    }
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.context(), Context::Dashboard);
    let text = screen(&a, 120, 35);
    assert!(text.contains("Tìm: nguyen"), "{text}");
    assert!(text.contains(&format!("1/{found}")), "{text}");
    // `q` typed while searching is text, not quit.
    press(&mut a, KeyCode::Char('/'));
    press(&mut a, KeyCode::Char('q'));
    assert!(!a.should_quit());
    assert_eq!(a.dashboard.total, Some(0));
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.dashboard.search.value(), "");
    assert_eq!(a.dashboard.total, Some(all));
}

#[test]
fn search_ignores_tone_marks_and_d_finds_dj() {
    let mut a = app(Lang::Vi, 120, 35);
    press(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "DUC");
    assert!(a.dashboard.total.unwrap_or(0) > 0);
    for r in &a.dashboard.rows {
        let hay = fold(&format!("{} {} {}", r.nominee_name, r.unit, r.award_short));
        assert!(hay.contains("duc"), "{}", r.nominee_name);
    }
    assert!(
        a.dashboard
            .rows
            .iter()
            .any(|r| r.nominee_name.contains("Đức")),
        "no Đức among the hits"
    );
}

#[test]
fn filters_by_kind_status_and_level() {
    let mut a = app(Lang::Vi, 120, 35);
    let all = a.dashboard.total.unwrap_or(0);
    press(&mut a, KeyCode::Char('t'));
    assert_eq!(a.dashboard.kind, Some(NomineeKind::ALL[0]));
    let officials = a.dashboard.total.unwrap_or(0);
    assert!(officials > 0 && officials < all);
    assert!(
        a.dashboard
            .rows
            .iter()
            .all(|r| r.nominee_kind == NomineeKind::ALL[0])
    );
    let text = screen(&a, 120, 35);
    assert!(
        text.contains(&format!("Loại: {}", VI.kind(NomineeKind::ALL[0]))),
        "{text}"
    );

    press(&mut a, KeyCode::Char('s'));
    assert!(
        a.dashboard
            .rows
            .iter()
            .all(|r| r.status == NominationStatus::Draft && r.nominee_kind == NomineeKind::ALL[0])
    );

    press(&mut a, KeyCode::Char('x'));
    assert_eq!(a.dashboard.total, Some(all));
    press(&mut a, KeyCode::Char('c'));
    let ward = a.dashboard.total.unwrap_or(0);
    assert!(ward > 0 && ward < all, "{ward} of {all}");
    assert!(screen(&a, 120, 35).contains("Cấp: Phường"));
}

#[test]
fn sorts_by_score_then_name() {
    let mut a = app(Lang::Vi, 120, 35);
    press(&mut a, KeyCode::Char('o'));
    let scores: Vec<Option<f64>> = a.dashboard.rows.iter().map(|r| r.score).collect();
    let scored: Vec<f64> = scores.iter().flatten().copied().collect();
    assert!(scored.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let first_unscored = scores
        .iter()
        .position(Option::is_none)
        .unwrap_or(scores.len());
    assert!(
        scores[first_unscored..].iter().all(Option::is_none),
        "unscored last"
    );
    assert!(screen(&a, 120, 35).contains("Sắp xếp: điểm ↓"));

    press(&mut a, KeyCode::Char('o'));
    let people: Vec<&str> = a
        .dashboard
        .rows
        .iter()
        .filter(|r| r.nominee_kind.is_person())
        .map(|r| r.nominee_name.as_str())
        .collect();
    assert!(people.len() > 5);
    let names: Vec<&str> = a
        .dashboard
        .rows
        .iter()
        .map(|r| r.nominee_name.as_str())
        .collect();
    assert_ne!(names, {
        let mut n = names.clone();
        n.reverse();
        n
    });
    // People among themselves follow the Vietnamese order by given name.
    let mut sorted = people.clone();
    sorted.sort_by(|a, b| person_cmp(a, b));
    assert_eq!(people, sorted);

    press(&mut a, KeyCode::Char('O'));
    assert!(a.dashboard.descending);
}

#[test]
fn help_lists_the_keymap_and_closes() {
    let mut a = app(Lang::Vi, 120, 35);
    press(&mut a, KeyCode::Char('?'));
    assert_eq!(a.context(), Context::Help);
    let text = screen(&a, 120, 35);
    insta::assert_snapshot!("help_120x35", text);
    // The list is longer than the popup: scroll through it and gather every line.
    let mut seen = text.clone();
    for _ in 0..60 {
        press(&mut a, KeyCode::Down);
        seen.push_str(&screen(&a, 120, 35));
    }
    for b in keymap::bindings(Context::Dashboard) {
        let (_, line) = VI.action(&b.action);
        assert!(seen.contains(line), "help lacks “{line}”:\n{seen}");
        assert!(
            seen.contains(&keymap::keys_label(b)),
            "help lacks keys of “{line}”"
        );
    }
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.context(), Context::Dashboard);
}

#[test]
fn q_quits_and_key_releases_do_nothing() {
    let mut a = app(Lang::Vi, 80, 24);
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    a.handle_event(Event::Key(release));
    assert!(!a.should_quit());
    press(&mut a, KeyCode::Char('q'));
    assert!(a.should_quit());
}

#[test]
fn navigation_and_panes() {
    let mut a = app(Lang::Vi, 80, 24);
    let first = a.dashboard.selected_id();
    press(&mut a, KeyCode::Char('j'));
    press(&mut a, KeyCode::Down);
    assert_eq!(a.dashboard.selected, 2);
    press(&mut a, KeyCode::Char('k'));
    assert_eq!(a.dashboard.selected, 1);
    press(&mut a, KeyCode::End);
    assert_eq!(a.dashboard.selected, 60);
    press(&mut a, KeyCode::PageUp);
    assert!(a.dashboard.selected < 60);
    press(&mut a, KeyCode::Home);
    assert_eq!(a.dashboard.selected_id(), first);
    press(&mut a, KeyCode::PageDown);
    assert_eq!(a.dashboard.selected, u32::from(a.dashboard.visible));
    // The detail follows the selection.
    let shown = a.dashboard.detail.as_ref().map(|d| d.nomination.id);
    assert_eq!(shown, a.dashboard.selected_id());
    press(&mut a, KeyCode::Tab);
    let before = a.dashboard.selected;
    press(&mut a, KeyCode::Down);
    assert_eq!(a.dashboard.selected, before, "detail pane scrolls instead");
    assert_eq!(a.dashboard.detail_scroll, 1);
    press(&mut a, KeyCode::End);
    let bottom = a.dashboard.detail_scroll;
    assert!(bottom > 5 && bottom < 200, "{bottom}");
    press(&mut a, KeyCode::Up);
    assert_eq!(a.dashboard.detail_scroll, bottom - 1);
    let text = screen(&a, 80, 24);
    assert!(
        text.contains("Điểm tổng hợp") || text.contains("Tiêu chí"),
        "{text}"
    );
}

#[test]
fn nfd_names_stay_aligned() {
    let store = demo_store();
    let nfc = "Nguyễn Thị Hường";
    let nfd: String = nfc.nfd().collect();
    // A name stored decomposed (e.g. by an older import) must still line up.
    store
        .raw_connection_for_tests()
        .execute(
            "UPDATE nominees SET name = ?1 WHERE id = (SELECT nominee_id FROM nominations
             WHERE status IN ('draft','submitted') ORDER BY award_rank DESC LIMIT 1 OFFSET 1)",
            [&nfd],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let mut a = App::new(store, VI.lang.strings(), 120, 35);
    assert!(a.dashboard.rows.iter().any(|r| r.nominee_name == nfd));
    assert_columns_aligned(&a, 120, 35);
    a.handle_event(Event::Resize(80, 24));
    assert_columns_aligned(&a, 80, 24);
}

fn assert_columns_aligned(a: &App, w: u16, h: u16) {
    let buf = draw(a, w, h);
    let header_y = (0..h)
        .find(|&y| column_of(&buf, y, "Đối tượng").is_some())
        .unwrap_or_else(|| panic!("no header"));
    let kind_x = column_of(&buf, header_y, "Loại").unwrap_or_else(|| panic!("no Loại"));
    let status_x = column_of(&buf, header_y, "Trạng thái").unwrap_or_else(|| panic!("no status"));
    let mut checked = 0;
    for (i, r) in a.dashboard.visible_rows().iter().enumerate() {
        let y = header_y + 1 + i as u16;
        let line = row_text(&buf, y);
        let kind = VI.kind(r.nominee_kind);
        let at = columns_of(&buf, y, &prefix(kind, 4));
        assert!(at.contains(&kind_x), "{w}x{h} row {i} kind:\n{line}");
        let status = VI.status(r.status);
        let at = columns_of(&buf, y, &prefix(status, 4));
        assert!(at.contains(&status_x), "{w}x{h} row {i} status:\n{line}");
        checked += 1;
    }
    assert!(checked >= 5, "{checked} rows checked");
}

#[test]
fn english_interface() {
    let a = app(Lang::En, 120, 35);
    let text = screen(&a, 120, 35);
    assert!(text.contains("Nominee"), "{text}");
    assert!(text.contains(EN.nominations));
    assert!(text.contains(EN.status(NominationStatus::Submitted)));
}

#[test]
fn scoring_with_no_member_in_office_says_so_and_saves_nothing() {
    let mut store = demo_store();
    let council = store
        .council()
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no council"));
    for m in store.members(council.id).unwrap_or_else(|e| panic!("{e}")) {
        store
            .end_member(m.id, "2026-11-01")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut a = App::new(store, Lang::Vi.strings(), 160, 35);
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    let before = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    assert!(before.members.is_empty());
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Char('e'));
    let s = screen(&a, 160, 35);
    // Said, with the members' list offered.
    assert!(s.contains("Hội đồng chưa có thành viên đương nhiệm"), "{s}");
    assert!(s.contains("thành viên để thêm?"), "{s}");
    assert_eq!(a.context(), Context::Confirm);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.context(), Context::Scoring);
    let after = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(before.scores, after.scores);
}

#[test]
fn a_refused_score_is_replaced_by_what_is_typed_next() {
    let mut a = app(Lang::Vi, 120, 35);
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    press(&mut a, KeyCode::Enter);
    let sheet = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    let (member, criterion) = (sheet.members[0].id, sheet.criteria[0].code.clone());
    press(&mut a, KeyCode::Char('e'));
    ctrl(&mut a, 'u');
    type_text(&mut a, "12");
    press(&mut a, KeyCode::Enter);
    let refused = screen(&a, 120, 35);
    assert!(refused.contains("vượt mức tối đa"), "{refused}");
    // The next digits start a new score: "8", not "128".
    type_text(&mut a, "8");
    let typing = screen(&a, 120, 35);
    assert!(
        !typing.contains("128") && !typing.contains("vượt mức"),
        "{typing}"
    );
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.context(), Context::Scoring);
    let saved = a
        .store()
        .score_sheet(id)
        .unwrap_or_else(|e| panic!("{e}"))
        .scores
        .iter()
        .find(|s| s.member_id == member && s.criterion_code == criterion)
        .map(|s| s.tenths);
    assert_eq!(saved, Some(80));
}

#[test]
fn scoring_saves_a_score_and_asks_the_reason_of_a_recusal() {
    let mut a = app(Lang::Vi, 120, 35);
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.context(), Context::Scoring);
    let sheet = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    let (member, criterion) = (sheet.members[0].id, sheet.criteria[0].code.clone());

    // Over the maximum: refused with a message, nothing saved.
    press(&mut a, KeyCode::Char('e'));
    assert_eq!(a.context(), Context::ScoreEdit);
    ctrl(&mut a, 'u');
    type_text(&mut a, "11");
    press(&mut a, KeyCode::Enter);
    assert!(screen(&a, 120, 35).contains("vượt mức tối đa"));
    ctrl(&mut a, 'u');
    type_text(&mut a, "7,5");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.context(), Context::Scoring);
    let sheet = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    let saved = sheet
        .scores
        .iter()
        .find(|s| s.member_id == member && s.criterion_code == criterion)
        .map(|s| s.tenths);
    assert_eq!(saved, Some(75));
    assert!(screen(&a, 120, 35).contains("Đã lưu điểm"));

    // A recusal asks its reason: Esc records nothing, a blank one is refused.
    press(&mut a, KeyCode::Char('r'));
    assert_eq!(a.context(), Context::Prompt);
    assert!(screen(&a, 120, 35).contains("Ghi lý do:"));
    press(&mut a, KeyCode::Esc);
    assert!(
        a.store()
            .score_sheet(id)
            .map(|s| s.recused.is_empty())
            .unwrap_or(false)
    );
    press(&mut a, KeyCode::Char('r'));
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.context(), Context::Prompt);
    assert!(screen(&a, 120, 35).contains("Ghi lý do không chấm"));
    type_text(&mut a, "Là em ruột của người được đề nghị");
    press(&mut a, KeyCode::Enter);
    let sheet = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        sheet.recused,
        vec![(member, "Là em ruột của người được đề nghị".to_string())]
    );
    let shown = screen(&a, 120, 35);
    assert!(
        shown.contains("x: Là em ruột của người được đề nghị"),
        "{shown}"
    );
    // The member's cells say why they take no score.
    press(&mut a, KeyCode::Char('e'));
    assert!(
        screen(&a, 120, 35).contains("không chấm (xung đột lợi ích): Là em ruột"),
        "{}",
        screen(&a, 120, 35)
    );
    // Removing the recusal asks first.
    press(&mut a, KeyCode::Char('r'));
    assert_eq!(a.context(), Context::Confirm);
    press(&mut a, KeyCode::Char('n'));
    assert_eq!(
        a.store()
            .score_sheet(id)
            .map(|s| s.recused.len())
            .unwrap_or(0),
        1
    );

    press(&mut a, KeyCode::Esc);
    assert_eq!(a.context(), Context::Dashboard);
    // The dashboard shows the new consolidated score.
    let row_score = a.dashboard.selected_row().and_then(|r| r.score);
    assert_eq!(row_score, sheet.consolidated);
}

#[test]
fn pages_come_from_the_reader_thread() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("t.db");
    {
        let mut s = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
        demo::populate(&mut s, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    }
    let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let (tx, rx) = mpsc::channel();
    let reader = PageSource::Reader(PageReader::open(path.clone(), tx));
    let mut a = App::with_pages(store, VI.lang.strings(), 120, 35, reader);
    // The first frame does not wait for the list.
    assert_eq!(a.dashboard.total, None);
    assert!(screen(&a, 120, 35).contains(VI.loading));
    press(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "nguyen");
    assert!(a.dashboard.is_loading(), "pages come from the reader");
    // Each key asked for a page; the reader answers the newest.
    while a.dashboard.is_loading() {
        let ev = rx
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|e| panic!("no page: {e}"));
        a.handle_event(ev);
    }
    assert!(a.dashboard.total.unwrap_or(0) > 0);
    assert!(
        a.dashboard
            .rows
            .iter()
            .all(|r| r.nominee_name.contains("Nguyễn"))
    );
}

#[test]
fn a_reader_that_cannot_open_falls_back_to_the_ui_thread() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bad = dir.path().join("not-a-db.db");
    std::fs::write(&bad, "this is not SQLite at all").unwrap_or_else(|e| panic!("{e}"));
    let (tx, rx) = mpsc::channel();
    let reader = PageSource::Reader(PageReader::open(bad.clone(), tx));
    let mut a = App::with_pages(demo_store(), VI.lang.strings(), 120, 35, reader);
    // Depending on timing the failure shows as a closed channel (at once) or as an event.
    let ev = rx
        .recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|e| panic!("no event: {e}"));
    a.handle_event(ev);
    assert_eq!(a.dashboard.total, Some(61));
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap_or_default(),
        "this is not SQLite at all",
        "the file is left untouched"
    );
}

#[test]
fn tiny_and_odd_terminal_sizes_do_not_break_drawing() {
    let mut a = app(Lang::Vi, 120, 35);
    for (w, h) in [(1, 1), (20, 5), (40, 10), (80, 24), (200, 60), (79, 23)] {
        a.handle_event(Event::Resize(w, h));
        press(&mut a, KeyCode::Down);
        let _ = draw(&a, w, h);
        press(&mut a, KeyCode::Char('?'));
        let _ = draw(&a, w, h);
        press(&mut a, KeyCode::Esc);
    }
    let text = screen(&a, 200, 60);
    assert!(text.contains("Đề nghị khen thưởng"));
}

#[test]
fn default_database_is_made_empty_and_another_path_must_hold_a_database() {
    use hoidong::domain::nomination::NominationQuery;
    use hoidong::tui::launch::open_database;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let count = |s: &Store| {
        let all = NominationQuery {
            statuses: NominationStatus::ALL.to_vec(),
            ..NominationQuery::default()
        };
        s.list_nominations(&all, 0, 1).map(|(_, n)| n).unwrap_or(0)
    };
    let default = dir.path().join("data/hoidong/hoidong.db");
    // Made empty: the interface then asks, the demo or one's own council.
    let mut s = open_database(&default, true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(count(&s), 0);
    assert!(s.is_blank().unwrap_or(false));
    hoidong::demo::populate(&mut s, hoidong::demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    drop(s);
    // Second run: opened as it is.
    let s = open_database(&default, true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(count(&s), 71);
    // Any other path is never made into a database, nor is an empty file.
    let other = dir.path().join("other.db");
    let err = open_database(&other, false).err().map(|e| e.to_string());
    assert!(
        err.as_deref()
            .is_some_and(|e| e.contains("no database here")),
        "{err:?}"
    );
    assert!(!other.exists());
    std::fs::write(&other, "").unwrap_or_else(|e| panic!("{e}"));
    assert!(open_database(&other, false).is_err());
    assert_eq!(std::fs::metadata(&other).map(|m| m.len()).ok(), Some(0));
    // `init` makes one with the catalogue only, which then opens.
    std::fs::remove_file(&other).unwrap_or_else(|e| panic!("{e}"));
    drop(hoidong::store::location::create_new(&other).unwrap_or_else(|e| panic!("{e}")));
    let s = open_database(&other, false).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(count(&s), 0);
    assert!(!s.catalogue().unwrap_or_default().awards.is_empty());
}

#[test]
fn bad_database_files_are_reported_and_left_untouched() {
    use assert_cmd::Command;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database, just text\n").unwrap_or_else(|e| panic!("{e}"));
    let newer = dir.path().join("newer.db");
    {
        let s = Store::open(&newer).unwrap_or_else(|e| panic!("{e}"));
        s.raw_connection_for_tests()
            .pragma_update(None, "user_version", 99)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    for (path, says) in [
        (&junk, "không phải cơ sở dữ liệu của hoidong"),
        (&newer, "phiên bản hoidong mới hơn"),
    ] {
        let before = std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
        let out = Command::cargo_bin("hoidong")
            .unwrap_or_else(|e| panic!("{e}"))
            .arg("--db")
            .arg(path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{err}");
        assert_eq!(
            std::fs::read(path).unwrap_or_default(),
            before,
            "{} changed",
            path.display()
        );
    }
}

#[test]
fn read_only_database_shows_a_banner_and_refuses_changes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("archive.db");
    {
        let mut s = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
        demo::populate(&mut s, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    }
    let store = Store::open_read_only(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut a = App::new(store, VI.lang.strings(), 80, 24);
    let text = screen(&a, 80, 24);
    assert!(text.contains("CHỈ ĐỌC"), "{text}");
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    let before = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "5");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.context(), Context::Message);
    assert!(screen(&a, 80, 24).contains("Lỗi"));
    let after = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(before.scores, after.scores);
}

#[test]
fn typing_digits_fills_a_member_column_then_moves_to_the_next_member() {
    let mut a = app(Lang::Vi, 120, 35);
    let id = a
        .dashboard
        .selected_id()
        .unwrap_or_else(|| panic!("no row"));
    press(&mut a, KeyCode::Enter);
    let sheet = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    let n = sheet.criteria.len();
    assert!(n >= 2);
    for i in 0..n {
        type_text(&mut a, &format!("{}", 5 + i % 4));
        press(&mut a, KeyCode::Enter);
    }
    let sheet = a.store().score_sheet(id).unwrap_or_else(|e| panic!("{e}"));
    let first = sheet.members[0].id;
    for (i, c) in sheet.criteria.iter().enumerate() {
        let got = sheet
            .scores
            .iter()
            .find(|s| s.member_id == first && s.criterion_code == c.code)
            .map(|s| s.tenths);
        assert_eq!(got, Some(((5 + i % 4) * 10) as u32), "{}", c.code);
    }
    let text = screen(&a, 120, 35);
    let second = &sheet.members[1].name;
    assert!(text.contains(&format!("Thành viên: 2 {second}")), "{text}");
    assert!(text.contains("Cách tổng hợp: trung bình cộng"), "{text}");
}

#[test]
fn refresh_shows_a_change_made_by_another_instance() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hai-may.db");
    {
        let mut s = Store::open(&path).unwrap();
        demo::populate(&mut s, demo::demo_spec()).unwrap();
    }
    let mut a = App::new(Store::open(&path).unwrap(), Lang::Vi.strings(), 120, 35);
    let id = a.dashboard.selected_id().unwrap();
    // The other instance changes the selected nominee's position.
    let mut other = Store::open(&path).unwrap();
    let nomination = other.nomination(id).unwrap();
    let mut nominee = other.nominee(nomination.nominee_id).unwrap();
    nominee.position = "Trưởng ban Kiểm tra".into();
    other.update_nominee(&nominee).unwrap();
    assert!(!screen(&a, 120, 35).contains("Trưởng ban Kiểm tra"));
    ctrl(&mut a, 'r');
    assert!(
        screen(&a, 120, 35).contains("Trưởng ban Kiểm tra"),
        "{}",
        screen(&a, 120, 35)
    );
}
