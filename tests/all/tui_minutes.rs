//! Live minutes, preview, background printing and sign-off, driven through
//! `App::handle_event` like the terminal loop, on a database file.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hoidong::demo;
use hoidong::domain::meeting::{MinutesNote, NoteKind};
use hoidong::i18n::Lang;
use hoidong::store::{Clock, Store};
use hoidong::tui::app::App;
use hoidong::tui::event::Event;
use hoidong::tui::keymap::Context;
use ratatui::crossterm::event::KeyCode;

use crate::common;
use common::{press, screen_at, type_text};

fn screen(app: &App) -> String {
    screen_at(app, W, H)
}

const W: u16 = 120;
const H: u16 = 35;

fn demo_file(dir: &Path) -> PathBuf {
    let path = dir.join("m.db");
    let mut store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:00:00".into()));
    demo::populate(&mut store, demo::demo_spec()).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn app_on(path: &Path) -> App {
    let mut store = Store::open(path).unwrap_or_else(|e| panic!("{e}"));
    store.set_clock(Clock::Fixed("2026-11-20T09:05:00".into()));
    App::new(store, Lang::Vi.strings(), W, H)
}

/// The notes of the meeting meeting mode opened, read through a new
/// connection to the file, as after a restart.
fn notes_on_disk(path: &Path) -> Vec<MinutesNote> {
    let store = Store::open(path).unwrap_or_else(|e| panic!("{e}"));
    let meeting = hoidong::tui::screens::meeting::pick_meeting(&store)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the demo has a meeting"));
    store.notes(meeting).unwrap_or_else(|e| panic!("{e}"))
}

fn open_minutes(app: &mut App) {
    press(app, KeyCode::Char('m'));
    assert_eq!(app.context(), Context::Meeting);
    press(app, KeyCode::Char('n'));
    assert_eq!(app.context(), Context::Minutes);
}

#[test]
fn typed_notes_reach_the_file_on_the_next_tick_and_edit_in_place() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = demo_file(dir.path());
    let before = notes_on_disk(&path).len();
    let mut app = app_on(&path);
    open_minutes(&mut app);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.context(), Context::MinutesEdit);
    // Unikey's NFD mode: base letters then combining marks.
    type_text(
        &mut app,
        "Ba\u{300} Nguye\u{302}\u{303}n đe\u{302}\u{300} nghi\u{323}\nbổ sung minh chứng",
    );
    // Nothing is written before the tick (typing was faster than a second) …
    assert_eq!(notes_on_disk(&path).len(), before);
    app.handle_event(Event::Tick);
    // … and after it the note is in the file, NFC, without leaving the editor.
    let notes = notes_on_disk(&path);
    assert_eq!(notes.len(), before + 1);
    let note = notes
        .iter()
        .find(|n| n.text.starts_with("Bà"))
        .unwrap_or_else(|| panic!("note not saved: {notes:?}"));
    assert_eq!(note.text, "Bà Nguyễn đề nghị\nbổ sung minh chứng");
    assert_eq!(note.kind, NoteKind::Note);
    assert!(
        note.agenda_item_id.is_some(),
        "attached to the current item"
    );
    assert_eq!(note.at, "2026-11-20T09:05:00");
    // More typing edits the same note in place.
    type_text(&mut app, " của đơn vị.");
    app.handle_event(Event::Tick);
    let notes = notes_on_disk(&path);
    assert_eq!(notes.len(), before + 1);
    assert!(
        notes
            .iter()
            .any(|n| n.id == note.id && n.text.ends_with("minh chứng của đơn vị."))
    );
    // Ticks with nothing new write nothing (the audit log does not grow).
    let audit = |p: &Path| {
        let s = Store::open(p).unwrap_or_else(|e| panic!("{e}"));
        s.raw_connection_for_tests()
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get::<_, i64>(0))
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let entries = audit(&path);
    app.handle_event(Event::Tick);
    app.handle_event(Event::Tick);
    assert_eq!(audit(&path), entries);
    // Tab changes the kind: a conclusion belongs to the whole meeting.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Minutes);
    let saved = notes_on_disk(&path)
        .into_iter()
        .find(|n| n.id == note.id)
        .unwrap_or_else(|| panic!("note gone"));
    assert_eq!(saved.kind, NoteKind::Conclusion);
    assert_eq!(saved.agenda_item_id, None);
    let shown = screen(&app);
    assert!(shown.contains("kết luận"), "{shown}");
    assert!(shown.contains("Ghi chép chung của phiên họp"), "{shown}");

    // A second note, then the first edited again.
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Ý kiến thứ hai");
    press(&mut app, KeyCode::Esc);
    let notes = notes_on_disk(&path);
    assert_eq!(notes.len(), before + 2);
    let first_row = {
        let s = screen(&app);
        s.lines()
            .position(|l| l.contains("Ý kiến thứ hai"))
            .is_some()
    };
    assert!(first_row);
    // The item's notes come first; the conclusion is below.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::MinutesEdit);
    type_text(&mut app, " Đã sửa.");
    press(&mut app, KeyCode::Esc);
    let edited = notes_on_disk(&path)
        .into_iter()
        .find(|n| n.id == note.id)
        .unwrap_or_else(|| panic!("note gone"));
    assert!(
        edited.text.ends_with("của đơn vị. Đã sửa."),
        "{}",
        edited.text
    );
    // Emptying a note and leaving deletes it.
    press(&mut app, KeyCode::Enter);
    for _ in 0..80 {
        press(&mut app, KeyCode::Backspace);
    }
    app.handle_event(Event::Tick);
    assert_eq!(notes_on_disk(&path).len(), before + 2, "not while typing");
    press(&mut app, KeyCode::Esc);
    assert_eq!(notes_on_disk(&path).len(), before + 1);
    // Back in meeting mode the item's note is shown.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Meeting);
    assert!(screen(&app).contains("Ý kiến thứ hai"));
}

#[test]
fn fast_typing_is_saved_within_a_second_without_ticks() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = demo_file(dir.path());
    let before = notes_on_disk(&path).len();
    let mut app = app_on(&path);
    open_minutes(&mut app);
    press(&mut app, KeyCode::Char('n'));
    let start = Instant::now();
    let mut typed = String::new();
    // Keys every 100 ms leave no room for a tick.
    while start.elapsed() < Duration::from_millis(1500) {
        type_text(&mut app, "a");
        typed.push('a');
        std::thread::sleep(Duration::from_millis(100));
    }
    let on_disk = notes_on_disk(&path);
    assert_eq!(on_disk.len(), before + 1, "saved while typing");
    let saved = on_disk.iter().map(|n| n.text.len()).max().unwrap_or(0);
    // At most about a second of typing (10 keys) is not on disk yet.
    assert!(
        saved + 11 >= typed.len(),
        "saved {saved} of {}",
        typed.len()
    );
}

fn pump_until_done(app: &mut App) {
    let start = Instant::now();
    while app.jobs_running() > 0 {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "print job hangs"
        );
        std::thread::sleep(Duration::from_millis(20));
        app.handle_event(Event::Tick);
    }
}

/// Open the next planned meeting with every called member present: only
/// the minutes of a meeting that was held can be signed.
fn hold_the_next_meeting(path: &std::path::Path) {
    use hoidong::domain::meeting::Presence;
    let mut store = hoidong::store::Store::open(path).unwrap_or_else(|e| panic!("{e}"));
    let id = hoidong::tui::screens::meeting::pick_meeting(&store)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no meeting"));
    let version = store.meeting(id).unwrap_or_else(|e| panic!("{e}")).version;
    store
        .open_meeting(id, version)
        .unwrap_or_else(|e| panic!("{e}"));
    let called: Vec<i64> = store
        .raw_connection_for_tests()
        .prepare("SELECT member_id FROM meeting_members WHERE meeting_id = ?1")
        .and_then(|mut q| q.query_map([id], |r| r.get(0))?.collect())
        .unwrap_or_else(|e| panic!("{e}"));
    for member in called {
        store
            .check_in(id, member, &Presence::Present)
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn preview_print_in_the_background_and_sign_off() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = demo_file(dir.path());
    hold_the_next_meeting(&path);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap_or_else(|e| panic!("{e}"));
    let mut app = app_on(&path);
    app.set_output_dir(out.clone());
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.context(), Context::Preview);
    let shown = screen(&app);
    assert!(shown.contains("BIÊN BẢN"), "{shown}");
    assert!(
        shown.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{shown}"
    );
    assert!(shown.contains("Chưa ký duyệt"), "{shown}");
    press(&mut app, KeyCode::PageDown);
    assert_ne!(screen(&app), shown, "scrolls");
    press(&mut app, KeyCode::Char('b'));
    assert!(screen(&app).contains("BIÊN BẢN KIỂM PHIẾU"));
    press(&mut app, KeyCode::Char('b'));

    // PDF and DOCX of the minutes, written on a thread.
    press(&mut app, KeyCode::Char('P'));
    assert!(screen(&app).contains("Đang tạo PDF") || app.jobs_running() == 0);
    press(&mut app, KeyCode::Char('D'));
    pump_until_done(&mut app);
    let meeting = app
        .store()
        .meetings()
        .map(|l| l.len())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(meeting > 0);
    let pdfs: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let pdf = pdfs
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .unwrap_or_else(|| panic!("no PDF in {pdfs:?}"));
    let unsigned = std::fs::read(pdf).unwrap_or_else(|e| panic!("{e}"));
    assert!(unsigned.starts_with(b"%PDF-"));
    assert!(
        pdfs.iter()
            .any(|p| p.extension().is_some_and(|e| e == "docx"))
    );
    assert!(screen(&app).contains("Đã ghi"), "{}", screen(&app));

    // Sign-off asks first and says it cannot be undone.
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.context(), Context::Confirm);
    assert!(
        screen(&app).contains("KHÔNG THỂ HOÀN TÁC"),
        "{}",
        screen(&app)
    );
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.context(), Context::Preview);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('y'));
    let id = hoidong::tui::screens::meeting::pick_meeting(app.store())
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("meeting"));
    let signed = app
        .store()
        .signed_minutes(id)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("not signed"));
    let shown = screen(&app);
    assert!(shown.contains("Đã ký duyệt"), "{shown}");
    assert!(shown.contains(&signed.content_hash[..24]), "{shown}");

    // Two prints after sign-off are the same bytes, and differ from before.
    for _ in 0..2 {
        press(&mut app, KeyCode::Char('P'));
        pump_until_done(&mut app);
    }
    let signed_pdfs =
        |name: &str| std::fs::read(out.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let stem = format!("bien-ban-{id}");
    let a = signed_pdfs(&format!("{stem}-2.pdf"));
    let b = signed_pdfs(&format!("{stem}-3.pdf"));
    assert!(a == b, "signed prints differ");
    assert!(a != unsigned, "the signed print carries the hash");

    // Before anything is added there is no addendum to show.
    press(&mut app, KeyCode::Char('a'));
    assert!(
        screen(&app).contains("Chưa có biên bản bổ sung"),
        "{}",
        screen(&app)
    );

    // After sign-off the notes screen says where a note goes: addendum 1.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    let shown = screen(&app);
    assert!(
        shown.contains("Biên bản đã ký duyệt: ghi chép từ nay vào biên bản bổ sung số 1"),
        "{shown}"
    );
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Bổ sung sau khi ký.");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(app.context(), Context::Preview);

    // The draft addendum is shown, printed and signed from the preview.
    press(&mut app, KeyCode::Char('a'));
    let shown = screen(&app);
    assert!(
        shown.contains("Biên bản bổ sung số 1") && shown.contains("Bản nháp"),
        "{shown}"
    );
    assert!(shown.contains("BIÊN BẢN BỔ SUNG"), "{shown}");
    press(&mut app, KeyCode::Char('s'));
    assert!(screen(&app).contains("bổ sung"));
    press(&mut app, KeyCode::Char('y'));
    let all = app.store().signoffs(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all.len(), 2);
    let shown = screen(&app);
    assert!(shown.contains("Đã ghi biên bản bổ sung"), "{shown}");
    assert!(
        shown.contains("Biên bản bổ sung số 1") && shown.contains("Đã ký duyệt"),
        "{shown}"
    );
    press(&mut app, KeyCode::Char('M'));
    pump_until_done(&mut app);
    let md = std::fs::read_to_string(out.join(format!("bien-ban-{id}-bo-sung-1.md")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(md.contains("BIÊN BẢN BỔ SUNG"), "{md}");
    assert!(md.contains("Bổ sung sau khi ký."), "{md}");
    assert!(md.contains("Biên bản bổ sung đã ký duyệt"), "{md}");

    // The notes screen now points at the next addendum.
    press(&mut app, KeyCode::Esc);
    assert!(
        screen(&app).contains("vào biên bản bổ sung số 2"),
        "{}",
        screen(&app)
    );
}

#[test]
fn meeting_mode_follows_the_item_the_minutes_were_left_on() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = demo_file(dir.path());
    let mut app = app_on(&path);
    open_minutes(&mut app);
    assert!(screen(&app).contains("Nội dung 1/10:"), "{}", screen(&app));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert!(screen(&app).contains("Nội dung 3/10:"), "{}", screen(&app));
    // Help over the minutes closes back to them, on the same item.
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.context(), Context::Help);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Minutes);
    assert!(screen(&app).contains("Nội dung 3/10:"));
    // Closing the minutes uncovers meeting mode on the item they were on.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Meeting);
    let s = screen(&app);
    assert!(s.contains("Nội dung 3/10"), "{s}");
    assert!(!s.contains("Nội dung 1/10"), "{s}");
}
