//! Driving the terminal interface in tests: keys go in through the app's own
//! event entry point, the screen comes out of a `TestBackend`.
#![allow(dead_code)]

use hoidong::tui::app::App;
use hoidong::tui::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_normalization::UnicodeNormalization;

/// One key press with these modifiers, through the app's event entry point.
pub fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle_event(Event::Key(KeyEvent::new(code, mods)));
}

/// One key press, with Shift where a terminal would report it: capitals and
/// the question mark (the keymap ignores Shift on characters, text fields
/// take the character as it is).
pub fn press(app: &mut App, code: KeyCode) {
    let mods = match code {
        KeyCode::Char(c) if c.is_uppercase() || c == '?' => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    key(app, code, mods);
}

/// Ctrl with a character.
pub fn ctrl(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// Type text key by key; a newline is Enter, a tab is Tab.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        match c {
            '\n' => press(app, KeyCode::Enter),
            '\t' => press(app, KeyCode::Tab),
            c => press(app, KeyCode::Char(c)),
        }
    }
}

/// The screen drawn at `w`×`h`, one line per row, trailing blanks trimmed, NFC.
pub fn screen_at(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| app.draw(f))
        .unwrap_or_else(|e| panic!("{e}"));
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
        .nfc()
        .collect()
}

/// The council passes these nominations by a recorded vote, as it would:
/// a meeting with them on its agenda, opened, every member present, and a
/// round per nomination in which all present agree (a secret ballot, or a
/// show of hands where the nomination's vote rule asks for one).
pub fn pass_in_a_meeting(store: &mut hoidong::store::Store, nominations: &[i64]) {
    use hoidong::domain::meeting::Presence;
    use hoidong::domain::vote::{BallotCounts, Tally, VoteMethod};
    use hoidong::store::StoreError;
    use hoidong::store::meetings::NewMeeting;
    use hoidong::store::refusal::MeetingRefusal;
    use hoidong::store::rounds::RoundInput;

    let fail = |e: StoreError| -> ! { panic!("{e}") };
    if store.council().unwrap_or_else(|e| fail(e)).is_none() {
        seat_a_council(store);
    }
    let council = store
        .council()
        .unwrap_or_else(|e| fail(e))
        .unwrap_or_else(|| panic!("no council"));
    let members = store.members(council.id).unwrap_or_else(|e| fail(e));
    let meeting = store
        .create_meeting(&NewMeeting {
            subject: "Xét đề nghị khen thưởng".into(),
            // The demo council's first day in office (its decision's date).
            starts_at: "2026-01-06T08:00".into(),
            ..NewMeeting::default()
        })
        .unwrap_or_else(|e| fail(e));
    for n in nominations {
        store
            .add_agenda_item(meeting, *n)
            .unwrap_or_else(|e| fail(e));
    }
    let version = store.meeting(meeting).unwrap_or_else(|e| fail(e)).version;
    store
        .open_meeting(meeting, version)
        .unwrap_or_else(|e| fail(e));
    for m in &members {
        store
            .check_in(meeting, m.id, &Presence::Present)
            .unwrap_or_else(|e| fail(e));
    }
    let present = members.len() as u32;
    for n in nominations {
        let tally = Tally {
            agree: present,
            ..Tally::default()
        };
        let secret = RoundInput {
            method: VoteMethod::SecretBallot,
            ballots: BallotCounts {
                issued: present,
                returned: present,
                valid: present,
                invalid: 0,
            },
            tallies: vec![(*n, tally)],
        };
        match store.record_round(meeting, &secret) {
            Ok(_) => {}
            Err(StoreError::Meeting(MeetingRefusal::WrongMethod { .. })) => {
                let open = RoundInput {
                    method: VoteMethod::Open,
                    ballots: BallotCounts::default(),
                    tallies: vec![(*n, tally)],
                };
                store
                    .record_round(meeting, &open)
                    .unwrap_or_else(|e| fail(e));
            }
            Err(e) => fail(e),
        }
    }
}

/// The members of [`seat_a_council`], chair first (invented names).
pub const MEMBERS: [&str; 5] = [
    "Nguyễn Hữu Thắng",
    "Bùi Thị Thu Hà",
    "Lê Minh Khoa",
    "Đặng Thị Yến",
    "Phan Văn Lợi",
];

/// A ward council of five (invented names), for a database that has none.
pub fn seat_a_council(store: &mut hoidong::store::Store) {
    use hoidong::domain::council::{Council, Member, Role};
    store
        .write(|w| {
            w.set_ward(&hoidong::domain::ward::WardIdentity::carried_over(
                "UBND PHƯỜNG THANH BÌNH",
                "Hội đồng Thi đua – Khen thưởng phường Thanh Bình",
                "Thanh Bình",
            ))?;
            let council = w.insert_council(&Council {
                id: 0,
                name: "Hội đồng Thi đua – Khen thưởng phường Thanh Bình".into(),
                level: "ward".into(),
                founding_decision: String::new(),
                ..Council::default()
            })?;
            for (i, name) in MEMBERS.iter().enumerate() {
                w.insert_member(&Member {
                    id: 0,
                    council_id: council,
                    name: name.to_string(),
                    role: if i == 0 { Role::Chair } else { Role::Member },
                    position: String::new(),
                    sex: None,
                    term_start: "2026-01-01".into(),
                    term_end: None,
                    unit: String::new(),
                    replaces: None,
                })?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}
