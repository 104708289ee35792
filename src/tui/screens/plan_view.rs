//! Drawing of meeting planning: the meetings list, the agenda of one meeting
//! with its header and eligibility warnings, and the popups (meeting form,
//! counting committee, nomination picker). Reads state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::domain::council::Member;
use crate::domain::meeting::MeetingStatus;
use crate::domain::record::MeetingRecord;
use crate::i18n::strings::Strings;
use crate::tui::modals::centered;
use crate::tui::screens::plan_forms::{
    CommitteeField, CommitteeForm, Field, MeetingForm, show_starts_at,
};
use crate::tui::screens::planning::{Picker, PlanInput, Planning, View};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, fit_right, truncate, width};

fn status_style(st: MeetingStatus) -> Style {
    match st {
        MeetingStatus::Open => THEME.filter_active,
        MeetingStatus::Planned => THEME.header,
        MeetingStatus::Closed => THEME.dim,
    }
}

fn framed(title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border_focused)
        .title(Span::styled(format!(" {title} "), THEME.title));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The first row to show so that `selected` stays in a window of `rows`.
fn window_start(selected: usize, rows: usize) -> usize {
    selected.saturating_sub(rows.saturating_sub(1))
}

pub fn render(p: &Planning, s: &Strings, area: Rect, buf: &mut Buffer) {
    match (p.view, &p.record) {
        (View::Agenda, Some(r)) => agenda(p, r, s, area, buf),
        _ => list(p, s, area, buf),
    }
    match &p.input {
        Some(PlanInput::Meeting(f)) => meeting_form(f, s, area, buf),
        Some(PlanInput::Committee(f)) => committee_form(f, s, area, buf),
        Some(PlanInput::Picker(pk)) => picker(pk, s, area, buf),
        None => {}
    }
}

fn list(p: &Planning, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = s.plan();
    let inner = framed(t.list_title, area, buf);
    let w = usize::from(inner.width);
    let mut lines = vec![Line::styled(
        truncate(
            &format!(
                "{}{}{}{}{} {}",
                fit(t.col_status, 13),
                fit(t.col_when, 17),
                fit(t.col_number, 16),
                fit_right(t.col_items, 6),
                fit_right(t.col_members, 11),
                t.col_subject
            ),
            w,
        ),
        THEME.header,
    )];
    if p.meetings.is_empty() {
        lines.push(Line::styled(t.no_meetings, THEME.dim));
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    let start = window_start(p.selected, rows);
    for (i, m) in p.meetings.iter().enumerate().skip(start).take(rows) {
        let st = m.meeting.status;
        let rest = format!(
            "{}{}{}{} {}",
            fit(&show_starts_at(&m.meeting.starts_at), 17),
            fit(&m.meeting.number, 16),
            fit_right(&m.agenda_items.to_string(), 6),
            fit_right(&m.members.to_string(), 11),
            m.meeting.subject
        );
        let mut line = Line::from(vec![
            Span::styled(fit(s.meeting_status(st), 13), status_style(st)),
            Span::raw(truncate(&rest, w.saturating_sub(13))),
        ]);
        if i == p.selected {
            line = line.style(THEME.selected);
        }
        lines.push(line);
    }
    Paragraph::new(lines).render(inner, buf);
}

fn name_of(r: &MeetingRecord, id: Option<i64>) -> String {
    id.and_then(|id| r.attendance.iter().find(|a| a.member.id == id))
        .map(|a| a.member.name.clone())
        .unwrap_or_else(|| "—".into())
}

fn header_lines(r: &MeetingRecord, s: &Strings) -> Vec<Line<'static>> {
    let t = s.plan();
    let m = &r.meeting;
    let label = |l: &str| Span::styled(format!("{l}: "), THEME.heading);
    let guests = if r.guests.is_empty() {
        t.none.to_string()
    } else {
        r.guests
            .iter()
            .map(|g| {
                if g.position.is_empty() {
                    g.name.clone()
                } else {
                    format!("{} ({})", g.name, g.position)
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let head = r
        .counting_committee
        .iter()
        .find(|c| c.is_head)
        .map_or_else(|| t.none.to_string(), |c| c.member.name.clone());
    let others: Vec<&str> = r
        .counting_committee
        .iter()
        .filter(|c| !c.is_head)
        .map(|c| c.member.name.as_str())
        .collect();
    vec![
        Line::from(vec![
            label(t.number),
            Span::raw(format!("{}   ", m.number)),
            label(t.starts_at),
            Span::raw(format!("{}   ", show_starts_at(&m.starts_at))),
            label(t.place),
            Span::raw(m.place.clone()),
        ]),
        Line::from(vec![label(t.subject), Span::raw(m.subject.clone())]),
        Line::from(vec![
            label(t.chair),
            Span::raw(format!("{}   ", name_of(r, m.chair_id))),
            label(t.secretary),
            Span::raw(format!("{}   ", name_of(r, m.secretary_id))),
            label(t.members),
            Span::raw(r.attendance.len().to_string()),
        ]),
        Line::from(vec![label(t.guests), Span::raw(guests)]),
        Line::from(vec![
            label(t.committee),
            Span::raw(format!("{} {head}", t.head)),
            Span::raw(if others.is_empty() {
                String::new()
            } else {
                format!("; {}", others.join(", "))
            }),
        ]),
    ]
}

fn agenda(p: &Planning, r: &MeetingRecord, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = s.plan();
    let title = format!(
        "{} {} · {}",
        t.agenda_title,
        r.meeting.number,
        s.meeting_status(r.meeting.status)
    );
    let inner = framed(&title, area, buf);
    let w = usize::from(inner.width);
    let detail_rows = (inner.height / 4).clamp(3, 8);
    let [head, list_area, detail] = Layout::vertical([
        Constraint::Length(5),
        Constraint::Min(3),
        Constraint::Length(detail_rows),
    ])
    .areas(inner);
    let head_lines: Vec<Line> = header_lines(r, s)
        .into_iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|sp| sp.content.as_ref()).collect();
            if crate::tui::widgets::table::width(&text) > w {
                Line::raw(truncate(&text, w))
            } else {
                l
            }
        })
        .collect();
    Paragraph::new(head_lines).render(head, buf);
    let mut lines = vec![Line::styled(
        truncate(&format!("{} · {}", t.agenda_title, t.warn_legend), w),
        THEME.header,
    )];
    if r.agenda.is_empty() {
        lines.push(Line::styled(truncate(t.no_items, w), THEME.dim));
    }
    let rows = usize::from(list_area.height.saturating_sub(1));
    for (i, e) in r
        .agenda
        .iter()
        .enumerate()
        .skip(window_start(p.item, rows))
        .take(rows)
    {
        let mark = p.marks.mark(e.nomination.id);
        let text = format!(
            "{:>2}. {} {} — {} · {}",
            e.item.position,
            fit(mark, 1),
            e.nominee.name,
            e.award_short,
            s.status(e.nomination.status)
        );
        let style = if i == p.item {
            THEME.selected
        } else if mark.is_empty() {
            Style::default()
        } else {
            THEME.header
        };
        lines.push(Line::styled(truncate(&text, w), style));
    }
    Paragraph::new(lines).render(list_area, buf);
    let explain = r
        .agenda
        .get(p.item)
        .and_then(|e| p.marks.explain(e.nomination.id, s));
    if let Some(text) = explain {
        Paragraph::new(
            std::iter::once(Line::styled(format!("⚠ {}", t.eligibility), THEME.error))
                .chain(text.lines().map(|l| Line::raw(l.to_string())))
                .collect::<Vec<_>>(),
        )
        .wrap(Wrap { trim: false })
        .render(detail, buf);
    }
}

fn field_line(label: &str, value: Line<'static>, focused: bool) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!("{} {label}: ", if focused { "›" } else { " " }),
        if focused { THEME.title } else { THEME.heading },
    )];
    spans.extend(value.spans);
    Line::from(spans)
}

fn member_label(m: Option<&Member>, s: &Strings) -> String {
    m.map_or_else(
        || s.plan().none.to_string(),
        |m| format!("{} ({})", m.name, s.role(m.role)),
    )
}

fn checklist(
    members: &[Member],
    marked: &[bool],
    cursor: usize,
    focused: bool,
    rows: usize,
    w: usize,
) -> Vec<Line<'static>> {
    members
        .iter()
        .enumerate()
        .skip(window_start(cursor, rows))
        .take(rows)
        .map(|(i, m)| {
            let on = marked.get(i).copied().unwrap_or(false);
            let text = format!("    [{}] {}", if on { "x" } else { " " }, m.name);
            let style = if focused && i == cursor {
                THEME.selected
            } else {
                Style::default()
            };
            Line::styled(truncate(&text, w), style)
        })
        .collect()
}

fn meeting_form(f: &MeetingForm, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = s.plan();
    let member_rows = f
        .members
        .len()
        .min(usize::from(area.height.saturating_sub(14)).max(2));
    let height = (member_rows + 14) as u16;
    let popup = centered(area, 90, height);
    let title = if f.editing.is_some() {
        t.form_edit
    } else {
        t.form_new
    };
    let inner = framed(title, popup, buf);
    let w = usize::from(inner.width);
    // Long text (the guests) scrolls within the line, the cursor in view.
    let text = |field: Field, label: &str, input: &crate::tui::widgets::text_input::TextInput| {
        let room = w.saturating_sub(width(label) + 4);
        field_line(
            label,
            input.line_within("", f.focus == field, room),
            f.focus == field,
        )
    };
    let choice = |field: Field, label: &str, i: Option<usize>| {
        let v = member_label(i.and_then(|i| f.members.get(i)), s);
        let v = if f.focus == field {
            format!("‹ {v} ›")
        } else {
            v
        };
        field_line(label, Line::raw(v), f.focus == field)
    };
    let mut lines = vec![
        text(Field::Number, t.number, &f.number),
        text(Field::StartsAt, t.starts_at, &f.starts_at),
        text(Field::Place, t.place, &f.place),
        text(Field::Subject, t.subject, &f.subject),
        choice(Field::Chair, t.chair, f.chair),
        choice(Field::Secretary, t.secretary, f.secretary),
        field_line(
            t.members,
            Line::styled(
                format!(
                    "{}/{} · {}",
                    f.called.iter().filter(|c| **c).count(),
                    f.members.len(),
                    t.members_help
                ),
                THEME.dim,
            ),
            f.focus == Field::Members,
        ),
    ];
    lines.extend(checklist(
        &f.members,
        &f.called,
        f.cursor,
        f.focus == Field::Members,
        member_rows,
        w,
    ));
    lines.push(text(Field::Guests, t.guests, &f.guests));
    lines.push(Line::styled(
        format!("    ({})", t.guests_format),
        THEME.dim,
    ));
    lines.push(Line::default());
    lines.push(match &f.error {
        Some(e) => Line::styled(truncate(e, w), THEME.error),
        None => Line::styled(truncate(t.form_help, w), THEME.dim),
    });
    Paragraph::new(lines).render(inner, buf);
}

fn committee_form(f: &CommitteeForm, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = s.plan();
    let rows = f
        .members
        .len()
        .min(usize::from(area.height.saturating_sub(8)).max(2));
    let popup = centered(area, 76, (rows + 7) as u16);
    let inner = framed(t.committee_title, popup, buf);
    let w = usize::from(inner.width);
    let on_head = f.focus == CommitteeField::Head;
    let head = member_label(f.head.and_then(|h| f.members.get(h)), s);
    let mut lines = vec![
        field_line(
            t.head,
            Line::raw(if on_head {
                format!("‹ {head} ›")
            } else {
                head
            }),
            on_head,
        ),
        field_line(t.committee, Line::default(), !on_head),
    ];
    lines.extend(checklist(
        &f.members, &f.chosen, f.cursor, !on_head, rows, w,
    ));
    lines.push(Line::default());
    lines.push(match &f.error {
        Some(e) => Line::styled(truncate(e, w), THEME.error),
        None => Line::styled(truncate(t.committee_help, w), THEME.dim),
    });
    Paragraph::new(lines).render(inner, buf);
}

fn picker(p: &Picker, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = s.plan();
    let popup = centered(area, 100, area.height.saturating_sub(2));
    let inner = framed(t.picker_title, popup, buf);
    let w = usize::from(inner.width);
    let [search, list_area, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    Paragraph::new(p.search.line(t.picker_search, true)).render(search, buf);
    let rows = usize::from(list_area.height);
    let mut lines: Vec<Line> = Vec::new();
    if p.rows.is_empty() {
        lines.push(Line::styled(t.picker_empty, THEME.dim));
    }
    for (i, r) in p
        .rows
        .iter()
        .enumerate()
        .skip(window_start(p.selected, rows))
        .take(rows)
    {
        let text = format!(
            "{} — {} · {} · {}",
            r.nominee_name,
            r.award_short,
            r.unit,
            s.status(r.status)
        );
        let style = if i == p.selected {
            THEME.selected
        } else {
            Style::default()
        };
        lines.push(Line::styled(truncate(&text, w), style));
    }
    Paragraph::new(lines).render(list_area, buf);
    let foot_lines = vec![
        Line::styled(
            format!(
                "{}/{}",
                p.rows.len().min(p.total as usize),
                s.count(p.total)
            ),
            THEME.dim,
        ),
        match &p.error {
            Some(e) => Line::styled(truncate(e, w), THEME.error),
            None => Line::styled(truncate(t.picker_help, w), THEME.dim),
        },
    ];
    Paragraph::new(foot_lines).render(foot, buf);
}
