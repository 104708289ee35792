//! Driving the terminal interface in tests: keys go in through the app's own
//! event entry point, the screen comes out of a `TestBackend`.
#![allow(dead_code)]

use hoidong::tui::app::App;
use hoidong::tui::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_normalization::UnicodeNormalization;

/// One key press, with Shift where a terminal would report it.
pub fn press(app: &mut App, code: KeyCode) {
    let mods = match code {
        KeyCode::Char(c) if c.is_uppercase() || c == '?' => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    app.handle_event(Event::Key(KeyEvent::new(code, mods)));
}

/// Type text key by key; a newline is Enter.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            press(app, KeyCode::Enter);
        } else {
            press(app, KeyCode::Char(c));
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
