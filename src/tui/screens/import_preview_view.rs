//! Drawing the import preview: what is set for the whole list, the columns
//! (the selected one marked), then the problems, the guesses, the rows as
//! they would be saved and the rows skipped; a choice or the round being
//! typed on top.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::import_preview::{Choice, Editing, ImportPreview};
use crate::domain::nominee::NomineeKind;
use crate::i18n::import_preview::{Advice, notes_text_for, rows_text};
use crate::i18n::strings::Strings;
use crate::i18n::strings_import::{
    ImportStrings, data_without_header, import, preview_fix, row_word,
};
use crate::import::ImportPreview as Preview;
use crate::import::ProblemKind;
use crate::import::columns::kind_label;
use crate::tui::modals::centered;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, truncate, width, wrap};

pub fn render(p: &ImportPreview, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = import(s);
    Clear.render(area, buf);
    let title = format!(" {} — {} ", t.title, p.file.display());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border_focused)
        .title(Line::styled(
            truncate(&title, usize::from(area.width.saturating_sub(2))),
            THEME.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let columns = p.columns();
    let list_height = (columns.len() as u16 + 1).min((inner.height / 3).max(3));
    let [summary, settings, cols, details] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(list_height),
        Constraint::Min(0),
    ])
    .areas(inner);
    let cells = usize::from(inner.width);
    Paragraph::new(Line::styled(
        truncate(&summary_text(p, t), cells),
        THEME.heading,
    ))
    .render(summary, buf);
    Paragraph::new(Line::raw(truncate(&settings_text(p, t), cells))).render(settings, buf);
    render_columns(p, t, cols, buf);
    render_details(p, details, buf);
    match &p.editing {
        Some(Editing::Choose(c)) => render_choice(c, area, buf),
        Some(Editing::Round { input, error }) => {
            let popup = centered(area, area.width.saturating_sub(4).min(90), 5);
            Clear.render(popup, buf);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(THEME.border_focused)
                .title(Line::styled(format!(" {} ", t.round), THEME.title));
            let inner = block.inner(popup);
            block.render(popup, buf);
            let w = usize::from(inner.width);
            let mut lines = vec![
                Line::raw(truncate(t.round_prompt, w)),
                input.line_within("> ", true, w),
            ];
            if *error {
                lines.push(Line::styled(truncate(t.not_a_round, w), THEME.error));
            }
            Paragraph::new(lines).render(inner, buf);
        }
        None => {}
    }
}

fn summary_text(p: &ImportPreview, t: &ImportStrings) -> String {
    let v = &p.preview;
    let mut text = String::new();
    if !v.sheet.is_empty() {
        text.push_str(&format!("{} “{}” · ", t.sheet, v.sheet));
    }
    text.push_str(&format!(
        "{} {} ({} {}, {} {}) · {} {}",
        v.rows.len(),
        t.nominations,
        v.new_nominees,
        t.new,
        v.existing_nominees,
        t.known,
        v.problems.len(),
        t.problem_count
    ));
    if p.rereading {
        text.push_str(&format!(" · {}…", t.reading));
    }
    text
}

fn settings_text(p: &ImportPreview, t: &ImportStrings) -> String {
    let list = &p.options.list;
    let movement = p
        .preview
        .movement
        .as_ref()
        .map(|(_, name)| name.as_str())
        .unwrap_or("—");
    // The name the reading found for the option, while it is the one set.
    let award = match (&list.award, &p.preview.award_option) {
        (Some(set), Some((given, name))) if set == given => name.as_str(),
        (Some(set), _) => set.as_str(),
        (None, _) => t.from_file,
    };
    let kind = p
        .kind_set(None)
        .map(|k| {
            NomineeKind::from_code(&k)
                .map(kind_label)
                .unwrap_or(&k)
                .to_string()
        })
        .unwrap_or_else(|| t.from_file.to_string());
    format!(
        "{}: {} · {}: {} · {}: {} · {}: {}",
        t.round,
        list.round.as_deref().unwrap_or(t.from_file),
        t.award,
        award,
        t.kind,
        kind,
        t.movement,
        movement
    )
}

fn render_columns(p: &ImportPreview, t: &ImportStrings, area: Rect, buf: &mut Buffer) {
    let columns = p.columns();
    let cells = usize::from(area.width);
    let rows = usize::from(area.height.saturating_sub(1));
    let first = p.selected.saturating_sub(rows.saturating_sub(1));
    let header_w = columns
        .iter()
        .map(|c| width(&c.header))
        .max()
        .unwrap_or(0)
        .clamp(8, cells / 2);
    let more = if columns.len() > rows {
        format!(
            " {}–{}/{}",
            first + 1,
            (first + rows).min(columns.len()),
            columns.len()
        )
    } else {
        String::new()
    };
    let heading = format!("{}{more}", t.columns);
    let mut lines = vec![Line::styled(truncate(&heading, cells), THEME.header)];
    for (i, c) in columns.iter().enumerate().skip(first).take(rows) {
        let header = if c.header.is_empty() {
            t.no_header
        } else {
            &c.header
        };
        let (target, style) = match c.field {
            Some(f) => (f.label(), Style::default()),
            None if c.header.is_empty() => (t.ignored.to_string(), THEME.error),
            None => (t.ignored.to_string(), THEME.dim),
        };
        let mark = if c.by_option { " ✎" } else { "" };
        let text = format!(
            "{} {:<2} {} → {target}{mark}",
            if i == p.selected { "▶" } else { " " },
            c.letter,
            fit(header, header_w)
        );
        let style = if i == p.selected {
            THEME.selected
        } else {
            style
        };
        lines.push(Line::from(Span::styled(truncate(&text, cells), style)));
    }
    Paragraph::new(lines).render(area, buf);
}

/// The problems, guesses, rows and skipped rows of a reading, one logical
/// line each (wrapped only where drawn): built once per reading, so that a
/// list of many thousand rows scrolls without delay.
pub fn detail_lines(preview: &Preview, s: &Strings) -> Vec<(String, Style)> {
    let t = import(s);
    let lang = s.lang;
    let mut lines: Vec<(String, Style)> = Vec::new();
    let mut push = |text: &str, style: Style| lines.push((text.to_string(), style));
    if preview.problems.is_empty() {
        push(t.no_problems, THEME.heading);
    } else {
        push(t.problems, THEME.error);
        for problem in &preview.problems {
            // What the command line would take is said here with the keys.
            let text = match &problem.kind {
                ProblemKind::MissingColumns(missing) => format!(
                    "  {} {}: {}: {}; {}",
                    row_word(lang),
                    problem.line,
                    t.missing_columns,
                    missing.join(", "),
                    t.missing_fix
                ),
                ProblemKind::DataWithoutHeader { sample, count } => {
                    let letter = problem.column.as_ref().map_or("", |(l, _)| l.as_str());
                    data_without_header(lang, problem.line, letter, t.no_header, *count, sample)
                }
                kind => match preview_fix(kind, lang) {
                    Some(fix) => format!("  {}", problem.render_saying(lang, &fix)),
                    None => format!("  {}", problem.render(lang)),
                },
            };
            push(&text, THEME.error);
        }
    }
    let notes = notes_text_for(&[], &preview.guesses, lang, Advice::Keys);
    for l in notes.lines() {
        push(l, Style::default());
    }
    if !preview.rows.is_empty() {
        for l in rows_text(&preview.rows, lang).lines() {
            push(l, Style::default());
        }
    }
    for l in notes_text_for(&preview.skipped, &[], lang, Advice::Keys).lines() {
        push(l, THEME.dim);
    }
    lines
}

/// The detail lines from the scrolled-to one, wrapped to the width; the
/// last page when scrolled past it.
fn render_details(p: &ImportPreview, area: Rect, buf: &mut Buffer) {
    let cells = usize::from(area.width);
    let height = usize::from(area.height);
    // The first line of the last page: as many lines from the end as fill it.
    let mut last_start = p.detail.len();
    let mut filled = 0;
    while last_start > 0 && filled < height {
        filled += wrap(&p.detail[last_start - 1].0, cells).len().max(1);
        if filled > height && last_start < p.detail.len() {
            break;
        }
        last_start -= 1;
    }
    let start = p.scroll.min(last_start);
    let mut lines: Vec<Line<'static>> = Vec::with_capacity(height);
    for (text, style) in p.detail.iter().skip(start) {
        for part in wrap(text, cells) {
            lines.push(Line::styled(part, *style));
        }
        if lines.len() >= height {
            break;
        }
    }
    Paragraph::new(lines).render(area, buf);
}

fn render_choice(c: &Choice, area: Rect, buf: &mut Buffer) {
    let longest = c
        .items
        .iter()
        .map(|(l, _)| width(l))
        .chain([width(&c.title)])
        .max()
        .unwrap_or(10) as u16;
    let height = (c.items.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = centered(
        area,
        (longest + 6).min(area.width.saturating_sub(2)),
        height,
    );
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border_focused)
        .title(Line::styled(format!(" {} ", c.title), THEME.title));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let rows = usize::from(inner.height);
    let first = c.selected.saturating_sub(rows.saturating_sub(1));
    let cells = usize::from(inner.width);
    let lines: Vec<Line<'static>> = c
        .items
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, (label, _))| {
            let text = truncate(
                &format!("{} {label}", if i == c.selected { "▶" } else { " " }),
                cells,
            );
            if i == c.selected {
                Line::styled(text, THEME.selected)
            } else {
                Line::raw(text)
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
