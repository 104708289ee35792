//! Drawing the live minutes: the current item on top, the notes of the item
//! and of the whole meeting on the left, the editor (or the selected note) on
//! the right. Reads state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::meeting::MinutesNote;
use crate::i18n::strings::Strings;
use crate::tui::screens::minutes::MinutesScreen;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, truncate, wrap};

/// "09:05" of "2026-11-20T09:05:00".
pub fn clock(at: &str) -> &str {
    at.get(11..16).unwrap_or(at)
}

fn note_line(n: &MinutesNote, s: &Strings, cells: usize, selected: bool) -> Line<'static> {
    let first = n.text.lines().next().unwrap_or("");
    let head = format!("{} {:<9} ", clock(&n.at), s.note_kind(n.kind));
    let text = format!("{head}{first}");
    let style = if selected {
        THEME.selected
    } else {
        THEME.input
    };
    Line::styled(fit(&text, cells), style)
}

fn list(m: &MinutesScreen, s: &Strings, focused: bool, area: Rect, buf: &mut Buffer) {
    let t = s.minutes();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            THEME.border_focused
        } else {
            THEME.border
        })
        .title(Line::styled(format!(" {} ", t.this_item), THEME.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let cells = usize::from(inner.width);
    let visible = m.visible();
    let item = m.current_item();
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    let mut general_started = false;
    for (i, n) in visible.iter().enumerate() {
        if n.agenda_item_id.is_none() && !general_started {
            general_started = true;
            if item.is_some() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(
                truncate(&format!("{}:", t.whole_meeting), cells),
                THEME.heading,
            ));
        }
        if i == m.selected {
            selected_row = lines.len();
        }
        lines.push(note_line(n, s, cells, focused && i == m.selected));
    }
    if visible.is_empty() {
        lines.push(Line::styled(truncate(t.no_notes, cells), THEME.dim));
    }
    let rows = usize::from(inner.height);
    let skip = selected_row.saturating_sub(rows.saturating_sub(1));
    Paragraph::new(lines.split_off(skip.min(lines.len()))).render(inner, buf);
}

fn editor(m: &MinutesScreen, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = s.minutes();
    let Some(ed) = &m.editor else {
        return;
    };
    let when = ed.at.as_deref().map_or(t.new_note, clock);
    let state = if ed.is_dirty() { t.unsaved } else { t.saved };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border_focused)
        .title(Line::from(vec![
            Span::styled(format!(" {}: ", t.editing), THEME.title),
            Span::styled(s.note_kind(ed.kind).to_string(), THEME.header),
            Span::styled(format!(" · {when} · {state} "), THEME.title),
        ]));
    let inner = block.inner(area);
    block.render(area, buf);
    let [text, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(inner);
    Widget::render(&ed.area, text, buf);
    let lines: Vec<Line> = wrap(t.kind_hint, usize::from(hint.width))
        .into_iter()
        .take(2)
        .map(|l| Line::styled(l, THEME.dim))
        .collect();
    Paragraph::new(lines).render(hint, buf);
}

fn selected_note(m: &MinutesScreen, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = s.minutes();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let cells = usize::from(inner.width);
    let visible = m.visible();
    let mut lines = Vec::new();
    if let Some(n) = visible.get(m.selected) {
        lines.push(Line::styled(
            format!("{} · {}", clock(&n.at), s.note_kind(n.kind)),
            THEME.heading,
        ));
        for para in n.text.lines() {
            lines.extend(wrap(para, cells).into_iter().map(Line::raw));
        }
        lines.push(Line::default());
        lines.push(Line::styled(truncate(t.edit_hint, cells), THEME.dim));
    }
    Paragraph::new(lines).render(inner, buf);
}

pub fn render(m: &MinutesScreen, s: &Strings, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let t = s.minutes();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border_focused)
        .title(Line::styled(
            format!(" {} {} · {} ", t.title, m.number, m.subject),
            THEME.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let banner = u16::from(m.addendum_next.is_some());
    let [head, addendum, middle, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    let cells = usize::from(inner.width);
    let item = match m.agenda.get(m.item) {
        Some((_, label)) => format!("{} {}/{}: {label}", t.item, m.item + 1, m.agenda.len()),
        None => t.no_item.to_string(),
    };
    Paragraph::new(Line::styled(truncate(&item, cells), THEME.header)).render(head, buf);
    if let Some(n) = m.addendum_next {
        // After sign-off nothing typed changes the signed minutes: say where it goes.
        let text = format!("{} {n} {}", t.goes_to_addendum, t.goes_to_addendum_how);
        Paragraph::new(Line::styled(truncate(&text, cells), THEME.error)).render(addendum, buf);
    }
    let left_w = (inner.width * 2 / 5).clamp(28, 56);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Min(0)]).areas(middle);
    list(m, s, m.editor.is_none(), left, buf);
    if m.editor.is_some() {
        editor(m, s, right, buf);
    } else {
        selected_note(m, s, right, buf);
    }
    if let Some(msg) = &m.message {
        Paragraph::new(Line::styled(truncate(msg, cells), THEME.error)).render(bottom, buf);
    }
}
