//! A single-line text field: the cursor moves by grapheme (a Vietnamese letter
//! with its marks is one step), the text is kept in NFC, upper-case letters
//! (which arrive with SHIFT) are accepted, Ctrl+H is Backspace, and only key
//! presses count (Windows also reports releases).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::text::{Line, Span};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::tui::theme::THEME;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    /// Cursor position in graphemes from the start.
    cursor: usize,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        let value: String = value.nfc().collect();
        let cursor = value.graphemes(true).count();
        TextInput { value, cursor }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }

    fn byte_at(&self, grapheme: usize) -> usize {
        self.value
            .grapheme_indices(true)
            .nth(grapheme)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.value.graphemes(true).count()
    }

    /// Insert text at the cursor. A combining mark typed after a letter joins
    /// it, and the cursor stays after that letter.
    pub fn insert(&mut self, text: &str) {
        let at = self.byte_at(self.cursor);
        let before: String = format!("{}{}", &self.value[..at], text).nfc().collect();
        let after = &self.value[at..];
        self.cursor = before.graphemes(true).count();
        self.value = format!("{before}{after}").nfc().collect();
    }

    /// Apply a key; true when it was for this field (consumed).
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        if key.kind != KeyEventKind::Press {
            return false;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('h') if ctrl => self.backspace(),
            KeyCode::Char('u') if ctrl => {
                let at = self.byte_at(self.cursor);
                self.value.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.len(),
            KeyCode::Char(c) if !ctrl && !alt => {
                let mut buf = [0u8; 4];
                self.insert(c.encode_utf8(&mut buf));
            }
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => {
                if self.cursor < self.len() {
                    let from = self.byte_at(self.cursor);
                    let to = self.byte_at(self.cursor + 1);
                    self.value.replace_range(from..to, "");
                }
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.len()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.len(),
            _ => return false,
        }
        true
    }

    fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let from = self.byte_at(self.cursor - 1);
        let to = self.byte_at(self.cursor);
        self.value.replace_range(from..to, "");
        self.cursor -= 1;
    }

    /// Display column of the cursor (cells from the start of the text).
    pub fn cursor_column(&self) -> u16 {
        let at = self.byte_at(self.cursor);
        u16::try_from(self.value[..at].width()).unwrap_or(u16::MAX)
    }

    /// The field as a line `cells` wide: when the text is longer than the
    /// room after the prompt, it scrolls so that the cursor stays in view, an
    /// ellipsis saying that text is hidden before it.
    pub fn line_within(&self, prompt: &str, show_cursor: bool, cells: usize) -> Line<'static> {
        let room = cells.saturating_sub(prompt.width());
        // The cursor block takes one cell after the text.
        if self.value.width() < room || room < 4 {
            return self.line(prompt, show_cursor);
        }
        let graphemes: Vec<&str> = self.value.graphemes(true).collect();
        let cursor = self.cursor.min(graphemes.len());
        // Start as late as needed for the cursor to fit after "…".
        let mut start = 0;
        let before = |from: usize| graphemes[from..cursor].concat().width();
        if before(0) + 1 >= room {
            start = (0..cursor)
                .find(|&i| before(i) + 2 <= room)
                .unwrap_or(cursor);
        }
        let shown = TextInput {
            value: graphemes[start..].concat(),
            cursor: cursor - start,
        };
        let mut line = shown.line(prompt, show_cursor);
        if start > 0 {
            line.spans.insert(1, Span::styled("…", THEME.dim));
        }
        // Cut what runs past the right edge.
        let mut used = 0;
        let mut spans = Vec::new();
        for span in line.spans {
            let left = cells.saturating_sub(used);
            if left == 0 {
                break;
            }
            let text = crate::tui::widgets::table::truncate(&span.content, left);
            used += text.width();
            spans.push(Span::styled(text, span.style));
        }
        Line::from(spans)
    }

    /// The field as a line: prompt, text, and a visible cursor block.
    pub fn line(&self, prompt: &str, show_cursor: bool) -> Line<'static> {
        let at = self.byte_at(self.cursor);
        let mut spans = vec![
            Span::styled(prompt.to_string(), THEME.heading),
            Span::styled(self.value[..at].to_string(), THEME.input),
        ];
        if show_cursor {
            let rest = &self.value[at..];
            let (under, tail) = match rest.grapheme_indices(true).nth(1) {
                Some((i, _)) => (&rest[..i], &rest[i..]),
                None if rest.is_empty() => (" ", ""),
                None => (rest, ""),
            };
            spans.push(Span::styled(under.to_string(), THEME.selected));
            spans.push(Span::styled(tail.to_string(), THEME.input));
        } else {
            spans.push(Span::styled(self.value[at..].to_string(), THEME.input));
        }
        Line::from(spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_long_text_scrolls_to_keep_the_cursor_in_view() {
        let t = TextInput::new("Lê Thị Bình, Bí thư Đoàn phường; Phạm Văn Cường, Sở Nội vụ");
        // Cursor at the end: the end is shown, an ellipsis stands for the rest.
        let l = t.line_within("Khách: ", true, 30);
        let text = shown(&l);
        assert!(text.starts_with("Khách: …"), "{text}");
        assert!(text.ends_with("Sở Nội vụ "), "{text}");
        assert_eq!(text.width(), 30, "{text}");
        // Short text is drawn as it is.
        let short = TextInput::new("Lê B");
        assert_eq!(
            shown(&short.line_within("Khách: ", true, 30)),
            "Khách: Lê B "
        );
        // Cursor at the start: the start is shown, the line cut at the edge.
        let mut home = t.clone();
        home.handle_key(&KeyEvent::new(KeyCode::Home, KeyModifiers::NONE));
        let text = shown(&home.line_within("Khách: ", true, 30));
        assert!(text.starts_with("Khách: Lê Thị Bình"), "{text}");
        assert!(text.width() <= 30, "{text}");
    }

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn typed(text: &str) -> TextInput {
        let mut t = TextInput::default();
        for c in text.chars() {
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            assert!(t.handle_key(&press(KeyCode::Char(c), mods)));
        }
        t
    }

    #[test]
    fn nfd_typing_becomes_nfc_and_one_grapheme() {
        // Unikey in NFD mode: base letter, then the combining marks.
        let t = typed("Nguye\u{0302}\u{0303}n");
        assert_eq!(t.value(), "Nguyễn");
        assert_eq!(t.cursor(), 6);
        assert_eq!(t.cursor_column(), 6);
    }

    #[test]
    fn backspace_removes_the_whole_letter_with_its_marks() {
        let mut t = typed("Đặng");
        t.handle_key(&press(KeyCode::Left, KeyModifiers::NONE));
        t.handle_key(&press(KeyCode::Left, KeyModifiers::NONE));
        t.handle_key(&press(KeyCode::Backspace, KeyModifiers::NONE));
        assert_eq!(t.value(), "Đng");
        assert_eq!(t.cursor(), 1);
        // Ctrl+H is what some terminals send for Backspace.
        t.handle_key(&press(KeyCode::Char('h'), KeyModifiers::CONTROL));
        assert_eq!(t.value(), "ng");
        assert_eq!(t.cursor(), 0);
    }

    #[test]
    fn shifted_letters_are_typed_and_releases_ignored() {
        let mut t = typed("AB");
        assert_eq!(t.value(), "AB");
        let mut release = press(KeyCode::Char('c'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert!(!t.handle_key(&release));
        assert_eq!(t.value(), "AB");
    }

    #[test]
    fn insert_in_the_middle_and_delete() {
        let mut t = typed("ễn");
        t.handle_key(&press(KeyCode::Home, KeyModifiers::NONE));
        t.handle_key(&press(KeyCode::Char('y'), KeyModifiers::NONE));
        assert_eq!(t.value(), "yễn");
        assert_eq!(t.cursor(), 1);
        t.handle_key(&press(KeyCode::Delete, KeyModifiers::NONE));
        assert_eq!(t.value(), "yn");
        t.handle_key(&press(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(t.value(), "n");
        assert_eq!(t.cursor(), 0);
    }

    #[test]
    fn control_keys_other_than_editing_are_not_typed() {
        let mut t = TextInput::default();
        assert!(!t.handle_key(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert!(!t.handle_key(&press(KeyCode::Esc, KeyModifiers::NONE)));
        assert_eq!(t.value(), "");
    }
}
