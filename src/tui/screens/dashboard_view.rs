//! Drawing the dashboard: filter line, the list and the detail pane. Reads
//! state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Widget,
};

use crate::domain::nomination::NominationRow;
use crate::i18n::strings::Strings;
use crate::tui::screens::dashboard::{Dashboard, Pane, StatusFilter};
use crate::tui::theme::THEME;
use crate::tui::widgets::award_name::award_in_column;
use crate::tui::widgets::detail::{DetailData, grid_width, info_lines, score_lines};
use crate::tui::widgets::table::{ColumnSpec, fit, fit_columns, fit_right};

pub struct DashboardLayout {
    pub filters: Rect,
    pub table: Rect,
    pub detail: Rect,
}

pub fn layout(area: Rect) -> DashboardLayout {
    let [filters, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let table_h = (rest.height / 2).max(6).min(rest.height);
    let [table, detail] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(0)]).areas(rest);
    DashboardLayout {
        filters,
        table,
        detail,
    }
}

/// How many list rows fit in `area` (the dashboard's whole area).
pub fn list_rows(area: Rect) -> u16 {
    // Two borders and the column header.
    layout(area).table.height.saturating_sub(3)
}

const COLUMNS: [ColumnSpec; 7] = [
    ColumnSpec {
        min: 16,
        max: 34,
        grow: 4,
    },
    ColumnSpec {
        min: 9,
        max: 15,
        grow: 1,
    },
    ColumnSpec {
        min: 10,
        max: 32,
        grow: 3,
    },
    ColumnSpec {
        min: 12,
        max: 34,
        grow: 3,
    },
    ColumnSpec {
        min: 5,
        max: 5,
        grow: 0,
    },
    ColumnSpec {
        min: 3,
        max: 3,
        grow: 0,
    },
    ColumnSpec {
        min: 9,
        max: 14,
        grow: 1,
    },
];

fn row_cells(r: &NominationRow, s: &Strings, award_cells: usize) -> [String; 7] {
    [
        r.nominee_name.clone(),
        s.kind(r.nominee_kind).to_string(),
        r.unit.clone(),
        award_in_column(&r.award_code, &r.award_short, award_cells),
        r.score.map_or("–".to_string(), |v| s.decimal(v)),
        r.evidence_count.to_string(),
        s.status(r.status).to_string(),
    ]
}

/// One list line with every cell cut or padded to its column, numbers right-aligned.
fn cells_line(cells: &[String], widths: &[u16], style: Style) -> Line<'static> {
    let mut text = String::new();
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let cell = cells.get(i).map_or("", String::as_str);
        if i == 4 || i == 5 {
            text.push_str(&fit_right(cell, usize::from(*w)));
        } else {
            text.push_str(&fit(cell, usize::from(*w)));
        }
    }
    Line::styled(text, style)
}

fn filter_line(d: &Dashboard, s: &Strings) -> Line<'static> {
    let active = |on: bool| {
        if on {
            THEME.filter_active
        } else {
            Style::default()
        }
    };
    let status = match d.status {
        StatusFilter::Pending => s.pending,
        StatusFilter::Only(st) => s.status(st),
        StatusFilter::All => s.all,
    };
    let kind = d.kind.map_or(s.all, |k| s.kind(k));
    let level = d.level.as_deref().map_or(s.all, |l| s.level(l));
    let sep = Span::styled(" │ ", THEME.dim);
    Line::from(vec![
        Span::styled(format!("{}: ", s.filter_status), THEME.dim),
        Span::styled(
            status.to_string(),
            active(d.status != StatusFilter::Pending),
        ),
        sep.clone(),
        Span::styled(format!("{}: ", s.filter_kind), THEME.dim),
        Span::styled(kind.to_string(), active(d.kind.is_some())),
        sep.clone(),
        Span::styled(format!("{}: ", s.filter_level), THEME.dim),
        Span::styled(level.to_string(), active(d.level.is_some())),
        sep,
        Span::styled(format!("{}: ", s.filter_sort), THEME.dim),
        Span::raw(format!("{} {}", s.sort(d.sort), d.arrow())),
    ])
}

fn block(title: Line<'static>, focused: bool) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            THEME.border_focused
        } else {
            THEME.border
        })
        .title(title)
}

fn list_title(d: &Dashboard, s: &Strings) -> Line<'static> {
    let mut spans = vec![Span::styled(format!(" {} ", s.nominations), THEME.title)];
    match d.total {
        Some(_) if d.is_counting() => {
            spans.push(Span::raw(format!("{}/… ", s.count(d.selected + 1))))
        }
        Some(0) => spans.push(Span::raw("0 ")),
        Some(total) => spans.push(Span::raw(format!(
            "{}/{} ",
            s.count(d.selected + 1),
            s.count(total)
        ))),
        None => {}
    }
    if d.is_loading() {
        spans.push(Span::styled(format!("{} ", s.loading), THEME.dim));
    }
    if d.searching || !d.search.value().is_empty() {
        spans.push(Span::raw("─ "));
        spans.extend(d.search.line(s.search_prompt, d.searching).spans);
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

fn render_list(d: &Dashboard, s: &Strings, area: Rect, buf: &mut Buffer) {
    let focused = d.focus == Pane::List;
    let outer = block(list_title(d, s), focused);
    let inner = outer.inner(area);
    outer.render(area, buf);
    if inner.height == 0 || inner.width < 2 {
        return;
    }
    // The last column is the scrollbar.
    let widths = fit_columns(&COLUMNS, inner.width - 1);
    let header = [
        s.col_nominee,
        s.col_kind,
        s.col_unit,
        s.col_award,
        s.col_score,
        s.col_evidence,
        s.col_status,
    ]
    .map(String::from);
    let mut lines = vec![cells_line(&header, &widths, THEME.header)];
    if d.total == Some(0) {
        lines.push(Line::styled(s.no_rows, THEME.dim));
    }
    for (i, r) in d.visible_rows().iter().enumerate() {
        let style = if d.top + i as u32 == d.selected {
            if focused {
                THEME.selected
            } else {
                THEME.selected_unfocused
            }
        } else {
            Style::default()
        };
        let award_cells = widths.get(3).copied().map_or(0, usize::from);
        lines.push(cells_line(&row_cells(r, s, award_cells), &widths, style));
    }
    Paragraph::new(lines).render(inner, buf);
    if let Some(total) = d.total
        && total > u32::from(d.visible)
    {
        let mut state = ScrollbarState::new(total as usize).position(d.selected as usize);
        // Below the column header.
        let bar_area = Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        };
        ratatui::widgets::StatefulWidget::render(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            bar_area,
            buf,
            &mut state,
        );
    }
}

fn render_detail(d: &Dashboard, s: &Strings, area: Rect, buf: &mut Buffer) {
    let focused = d.focus == Pane::Detail;
    let outer = block(
        Line::styled(format!(" {} ", s.detail), THEME.title),
        focused,
    );
    let inner = outer.inner(area);
    outer.render(area, buf);
    let Some(detail) = d
        .detail
        .as_ref()
        .filter(|x| Some(x.nomination.id) == d.selected_id())
    else {
        let text = match (&d.detail_error, d.total) {
            (Some(e), _) => Line::styled(format!("{}: {e}", s.store_error), THEME.error),
            (None, Some(0)) => Line::default(),
            _ => Line::styled(s.loading, THEME.dim),
        };
        Paragraph::new(text).render(inner, buf);
        return;
    };
    for (rect, lines) in detail_columns(detail, s, inner) {
        let max = lines.len().saturating_sub(usize::from(rect.height)) as u16;
        Paragraph::new(lines)
            .scroll((d.detail_scroll.min(max), 0))
            .render(rect, buf);
    }
}

/// The detail in one column, or two (facts and evidence | scores) when wide.
fn detail_columns(
    detail: &DetailData,
    s: &Strings,
    inner: Rect,
) -> Vec<(Rect, Vec<Line<'static>>)> {
    let grid = grid_width(&detail.sheet) + 13;
    let width = usize::from(inner.width);
    if width >= grid + 40 {
        let [l, _, r] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Length(2),
            Constraint::Length(grid as u16),
        ])
        .areas(inner);
        let info = info_lines(detail, s, usize::from(l.width));
        let scores = score_lines(&detail.sheet, s, usize::from(r.width), None);
        vec![(l, info), (r, scores)]
    } else {
        let mut lines = info_lines(detail, s, width);
        lines.push(Line::default());
        lines.extend(score_lines(&detail.sheet, s, width, None));
        vec![(inner, lines)]
    }
}

/// How far the detail pane can scroll in the dashboard's `area`.
pub fn detail_max_scroll(d: &Dashboard, s: &Strings, area: Rect) -> u16 {
    let Some(detail) = &d.detail else { return 0 };
    let inner = Block::default()
        .borders(Borders::ALL)
        .inner(layout(area).detail);
    detail_columns(detail, s, inner)
        .iter()
        .map(|(rect, lines)| lines.len().saturating_sub(usize::from(rect.height)))
        .max()
        .map_or(0, |m| u16::try_from(m).unwrap_or(u16::MAX))
}

pub fn render(d: &Dashboard, s: &Strings, area: Rect, buf: &mut Buffer) {
    let l = layout(area);
    Paragraph::new(filter_line(d, s)).render(l.filters, buf);
    render_list(d, s, l.table, buf);
    render_detail(d, s, l.detail, buf);
}
