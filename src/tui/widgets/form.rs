//! A form: a focus ring of fields (Tab / Shift-Tab move, the keymap decides),
//! each field with its own keys and drawing, and a validation message drawn
//! next to the field it concerns. Text is kept as typed and made NFC when the
//! form is saved.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::text::{fold, nfc};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, truncate, width};
use crate::tui::widgets::text_input::TextInput;

pub enum Input {
    Text(TextInput),
    /// One of a fixed list: ←/→ (or Space) move through it.
    Choice {
        options: Vec<String>,
        index: usize,
    },
    /// Free text with suggestions: ↑/↓ pick one of those matching what was typed.
    Combo {
        input: TextInput,
        options: Vec<String>,
        typed: String,
        pick: Option<usize>,
    },
    Multiline(Box<TextArea<'static>>),
}

/// A field of a form, named by `K`: the form's own `Focus` enum, so a field
/// is never looked up by a string or a position.
pub struct Field<K> {
    pub key: K,
    pub label: String,
    pub input: Input,
    pub error: Option<String>,
    /// Not shown, skipped by Tab and read as empty: the field does not apply
    /// (a collective's birth year). What was typed comes back if it applies again.
    pub hidden: bool,
}

impl<K: Copy + Eq> Field<K> {
    pub fn text(key: K, label: &str, value: &str) -> Field<K> {
        Field::new(key, label, Input::Text(TextInput::new(value)))
    }

    pub fn choice(key: K, label: &str, options: Vec<String>, index: usize) -> Field<K> {
        Field::new(key, label, Input::Choice { options, index })
    }

    pub fn combo(key: K, label: &str, value: &str, options: Vec<String>) -> Field<K> {
        let input = Input::Combo {
            input: TextInput::new(value),
            options,
            typed: value.to_string(),
            pick: None,
        };
        Field::new(key, label, input)
    }

    pub fn multiline(key: K, label: &str, value: &str) -> Field<K> {
        let lines: Vec<String> = value.lines().map(str::to_string).collect();
        let mut area = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        // Editing goes on at the end of what is there.
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Field::new(key, label, Input::Multiline(Box::new(area)))
    }

    fn new(key: K, label: &str, input: Input) -> Field<K> {
        Field {
            key,
            label: label.to_string(),
            input,
            error: None,
            hidden: false,
        }
    }

    /// The value as text (NFC); for a choice, the label of the option.
    pub fn value(&self) -> String {
        match &self.input {
            Input::Text(t) | Input::Combo { input: t, .. } => nfc(t.value().trim()),
            Input::Choice { options, index } => options.get(*index).cloned().unwrap_or_default(),
            Input::Multiline(a) => nfc(a.lines().join("\n").trim()),
        }
    }

    /// Apply a key; true when the value changed.
    fn key(&mut self, key: &KeyEvent) -> bool {
        match &mut self.input {
            Input::Text(t) => {
                let before = t.value().to_string();
                t.handle_key(key) && t.value() != before
            }
            Input::Choice { options, index } => {
                let n = options.len();
                if n == 0 {
                    return false;
                }
                let before = *index;
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') | KeyCode::Down => {
                        *index = (*index + 1) % n
                    }
                    KeyCode::Left | KeyCode::Up => *index = (*index + n - 1) % n,
                    KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                        // A letter jumps to the next option starting with it.
                        let c = fold(&c.to_string());
                        if let Some(i) = (1..=n)
                            .map(|k| (*index + k) % n)
                            .find(|i| fold(&options[*i]).starts_with(&c))
                        {
                            *index = i;
                        }
                    }
                    _ => {}
                }
                *index != before
            }
            Input::Combo {
                input,
                options,
                typed,
                pick,
            } => {
                let matching: Vec<&String> = options
                    .iter()
                    .filter(|o| fold(o).contains(&fold(typed)))
                    .collect();
                let step = match key.code {
                    KeyCode::Down => Some(1),
                    KeyCode::Up => Some(matching.len().saturating_sub(1)),
                    _ => None,
                };
                if let Some(step) = step {
                    if matching.is_empty() {
                        return false;
                    }
                    let next = pick.map_or(if step == 1 { 0 } else { matching.len() - 1 }, |p| {
                        (p + step) % matching.len()
                    });
                    *pick = Some(next);
                    *input = TextInput::new(matching[next]);
                    input.handle_key(&KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
                    return true;
                }
                let before = input.value().to_string();
                let changed = input.handle_key(key) && input.value() != before;
                if changed {
                    *typed = input.value().to_string();
                    *pick = None;
                }
                changed
            }
            Input::Multiline(a) => a.input(*key),
        }
    }

    fn matching_count(&self) -> Option<usize> {
        match &self.input {
            Input::Combo { options, typed, .. } => Some(
                options
                    .iter()
                    .filter(|o| fold(o).contains(&fold(typed)))
                    .count(),
            ),
            _ => None,
        }
    }
}

pub struct Form<K> {
    pub title: String,
    pub fields: Vec<Field<K>>,
    pub focus: usize,
    /// Something was typed since the form opened.
    pub dirty: bool,
    /// A message about the whole form (e.g. a conflict), shown under the title.
    pub banner: Option<String>,
    label_width: usize,
}

impl<K: Copy + Eq> Form<K> {
    pub fn new(title: String, fields: Vec<Field<K>>) -> Form<K> {
        let label_width = fields.iter().map(|f| width(&f.label)).max().unwrap_or(0) + 2;
        let mut f = Form {
            title,
            fields,
            focus: 0,
            dirty: false,
            banner: None,
            label_width,
        };
        f.show_cursor();
        f
    }

    pub fn field(&self, key: K) -> Option<&Field<K>> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn field_mut(&mut self, key: K) -> Option<&mut Field<K>> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// The value of a field; empty when the field is hidden.
    pub fn value(&self, key: K) -> String {
        self.field(key)
            .filter(|f| !f.hidden)
            .map(Field::value)
            .unwrap_or_default()
    }

    /// Index of the chosen option of a choice field; the first when it is hidden.
    pub fn choice(&self, key: K) -> usize {
        match self.field(key).filter(|f| !f.hidden).map(|f| &f.input) {
            Some(Input::Choice { index, .. }) => *index,
            _ => 0,
        }
    }

    /// Show or hide a field; the focus leaves a field that is hidden.
    pub fn set_hidden(&mut self, key: K, hidden: bool) {
        if let Some(f) = self.field_mut(key) {
            f.hidden = hidden;
            if hidden {
                f.error = None;
            }
        }
        if self.fields.get(self.focus).is_some_and(|f| f.hidden) {
            self.next();
        }
    }

    pub fn set_choices(&mut self, key: K, options: Vec<String>, index: usize) {
        if let Some(f) = self.field_mut(key) {
            f.input = Input::Choice {
                index: index.min(options.len().saturating_sub(1)),
                options,
            };
        }
    }

    /// The field in focus; None only for a form without fields.
    pub fn focused(&self) -> Option<K> {
        self.fields.get(self.focus).map(|f| f.key)
    }

    pub fn next(&mut self) {
        let n = self.fields.len().max(1);
        self.move_focus(|i| (i + 1) % n);
    }

    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.move_focus(|i| (i + n - 1) % n);
    }

    /// Step the focus with `step` until it lands on a field that is shown.
    fn move_focus(&mut self, step: impl Fn(usize) -> usize) {
        for _ in 0..self.fields.len().max(1) {
            self.focus = step(self.focus);
            if self.fields.get(self.focus).is_none_or(|f| !f.hidden) {
                break;
            }
        }
        self.show_cursor();
    }

    pub fn focus_on(&mut self, key: K) {
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.focus = i;
            self.show_cursor();
        }
    }

    /// Only the focused multiline field shows its cursor.
    fn show_cursor(&mut self) {
        for (i, f) in self.fields.iter_mut().enumerate() {
            if let Input::Multiline(a) = &mut f.input {
                let style = if i == self.focus {
                    THEME.selected
                } else {
                    Style::default()
                };
                a.set_cursor_style(style);
            }
        }
    }

    pub fn clear_errors(&mut self) {
        self.banner = None;
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// Put a message next to a field (or in the banner when it concerns no
    /// field); the focus goes to the first field with a message.
    pub fn set_error(&mut self, key: impl Into<Option<K>>, message: String) {
        match key.into().and_then(|k| self.field_mut(k)) {
            Some(f) => f.error = Some(message),
            None => self.banner = Some(message),
        }
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
            self.show_cursor();
        }
    }

    pub fn has_errors(&self) -> bool {
        self.banner.is_some() || self.fields.iter().any(|f| f.error.is_some())
    }

    /// A key for the focused field; true when a value changed. Enter in a
    /// one-line field moves on, as in a paper form.
    pub fn key(&mut self, key: &KeyEvent) -> bool {
        let multiline = matches!(
            self.fields.get(self.focus).map(|f| &f.input),
            Some(Input::Multiline(_))
        );
        if key.code == KeyCode::Enter && !multiline {
            self.next();
            return false;
        }
        let Some(f) = self.fields.get_mut(self.focus) else {
            return false;
        };
        let changed = f.key(key);
        if changed {
            self.dirty = true;
            f.error = None;
        }
        changed
    }

    pub fn render(&self, hint: &str, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", self.title), THEME.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let cells = usize::from(inner.width);
        let mut y = inner.y;
        let bottom = inner.y + inner.height;
        if let Some(b) = &self.banner {
            Paragraph::new(Line::styled(
                truncate(&format!("⚠ {b}"), cells),
                THEME.error,
            ))
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
            y += 1;
        }
        let label_w = self.label_width.min(cells / 3);
        for (i, f) in self.fields.iter().enumerate().filter(|(_, f)| !f.hidden) {
            if y >= bottom {
                break;
            }
            let focused = i == self.focus;
            let label_style = if focused { THEME.header } else { THEME.dim };
            let marker = if focused { "▸" } else { " " };
            let mut spans = vec![Span::styled(
                fit(&format!("{marker}{}", f.label), label_w),
                label_style,
            )];
            let room = cells.saturating_sub(label_w);
            let error = f.error.as_ref().map(|e| format!("  ⚠ {e}"));
            let error_w = error.as_ref().map_or(0, |e| width(e).min(room * 2 / 3));
            let value_w = room.saturating_sub(error_w);
            match &f.input {
                Input::Text(t) | Input::Combo { input: t, .. } => {
                    let mut line = t.line("", focused);
                    if let Some(n) = f.matching_count().filter(|n| focused && *n > 0) {
                        line.spans
                            .push(Span::styled(format!("  ↑↓ {n}"), THEME.dim));
                    }
                    spans.extend(clip(line.spans, value_w));
                }
                Input::Choice { options, index } => {
                    let text = options.get(*index).map_or("–", String::as_str);
                    let shown = if focused {
                        format!("◂ {text} ▸")
                    } else {
                        text.to_string()
                    };
                    let style = if focused { THEME.selected } else { THEME.input };
                    spans.push(Span::styled(truncate(&shown, value_w), style));
                }
                Input::Multiline(_) => {}
            }
            if let Some(e) = error {
                spans.push(Span::styled(truncate(&e, error_w.max(1)), THEME.error));
            }
            Paragraph::new(Line::from(spans)).render(Rect::new(inner.x, y, inner.width, 1), buf);
            y += 1;
            if let Input::Multiline(a) = &f.input {
                // The text area takes the rest of the form but the hint line.
                let height = bottom.saturating_sub(y).saturating_sub(1).max(1);
                let x = inner.x + 1;
                let r = Rect::new(x, y, inner.width.saturating_sub(2), height.min(bottom - y));
                let style = if focused {
                    THEME.border_focused
                } else {
                    THEME.border
                };
                let frame = Block::default().borders(Borders::LEFT).border_style(style);
                let text_area = frame.inner(r);
                frame.render(r, buf);
                a.as_ref().render(text_area, buf);
                y += r.height;
            }
        }
        if y < bottom {
            Paragraph::new(Line::styled(truncate(hint, cells), THEME.dim))
                .render(Rect::new(inner.x, bottom - 1, inner.width, 1), buf);
        }
    }
}

/// Keep spans within `cells`, cutting the last one that does not fit.
fn clip(spans: Vec<Span<'static>>, cells: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for s in spans {
        let w = width(&s.content);
        if used + w <= cells {
            used += w;
            out.push(s);
        } else {
            out.push(Span::styled(truncate(&s.content, cells - used), s.style));
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Focus {
        Unit,
        Sex,
        A,
        B,
    }

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn combo_picks_among_matching_suggestions() {
        let units = vec![
            "Tổ dân phố 1".to_string(),
            "Trường Mầm non".into(),
            "Tổ dân phố 2".into(),
        ];
        let mut f = Form::new(
            "x".into(),
            vec![Field::combo(Focus::Unit, "Đơn vị", "", units)],
        );
        for c in "to dan".chars() {
            f.key(&press(KeyCode::Char(c)));
        }
        f.key(&press(KeyCode::Down));
        assert_eq!(f.value(Focus::Unit), "Tổ dân phố 1");
        f.key(&press(KeyCode::Down));
        assert_eq!(f.value(Focus::Unit), "Tổ dân phố 2");
        f.key(&press(KeyCode::Down));
        assert_eq!(f.value(Focus::Unit), "Tổ dân phố 1");
        assert!(f.dirty);
    }

    #[test]
    fn choice_cycles_and_jumps_by_letter() {
        let opts = vec!["Nam".to_string(), "Nữ".into(), "–".into()];
        let mut f = Form::new(
            "x".into(),
            vec![Field::choice(Focus::Sex, "Giới tính", opts, 0)],
        );
        f.key(&press(KeyCode::Right));
        assert_eq!(f.choice(Focus::Sex), 1);
        f.key(&press(KeyCode::Left));
        f.key(&press(KeyCode::Left));
        assert_eq!(f.choice(Focus::Sex), 2);
        f.key(&press(KeyCode::Char('n')));
        assert_eq!(f.choice(Focus::Sex), 0);
    }

    #[test]
    fn enter_moves_on_in_a_line_and_breaks_the_line_in_a_text_area() {
        let mut f = Form::new(
            "x".into(),
            vec![
                Field::text(Focus::A, "A", ""),
                Field::multiline(Focus::B, "B", ""),
            ],
        );
        f.key(&press(KeyCode::Enter));
        assert_eq!(f.focused(), Some(Focus::B));
        for code in [KeyCode::Char('x'), KeyCode::Enter, KeyCode::Char('y')] {
            f.key(&press(code));
        }
        assert_eq!(f.value(Focus::B), "x\ny");
    }
}
