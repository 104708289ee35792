//! Drawing meeting mode: header with the quorum indicator, attendance on the
//! left, the current agenda item on the right, the running results below, and
//! the tally form or reason field on top. Reads state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::meeting::{MeetingStatus, Presence};
use crate::domain::vote::Comparison;
use crate::i18n::strings::Strings;
use crate::tui::screens::meeting::{Input, MeetingMode};
use crate::tui::theme::THEME;
use crate::tui::widgets::award_name::award_in_column;
use crate::tui::widgets::table::{fit, fit_right, truncate, width, wrap};

fn mark(p: &Presence) -> &'static str {
    match p {
        Presence::Unmarked => "·",
        Presence::Present => "✓",
        Presence::Absent { .. } => "✗",
        Presence::AbsentWithOpinion { .. } => "✉",
    }
}

fn when(iso: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M:%S"))
        .map(|d| d.format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// The quorum indicator, as much of it as fits in `cells`: the rule's source,
/// then the share, then the label give way before the counts do.
fn quorum_line(m: &MeetingMode, s: &Strings, cells: usize) -> Line<'static> {
    let t = s.meeting();
    let Some(q) = &m.quorum else {
        return Line::default();
    };
    let cmp = match q.rule.comparison {
        Comparison::AtLeast => "≥",
        Comparison::MoreThan => ">",
    };
    let source = if q.rule_is_default {
        t.rule_default
    } else {
        t.rule_council
    };
    let needed = q.needed.map_or("–".into(), |n| n.to_string());
    let (badge, style) = if q.met {
        (t.quorum_met, THEME.filter_active)
    } else {
        (t.quorum_not_met, THEME.error)
    };
    let share = q.rule.share.label();
    let counts = format!(
        " {}/{} {} · {} {needed}",
        q.counts.present, q.counts.members_total, t.present_of, t.needs
    );
    let written = format!(" · {} {}", q.counts.written_opinions, t.written);
    let label = format!("{}: ", t.quorum);
    let badge = format!(" {badge} ");
    let variants = [
        (true, format!("{counts} ({cmp} {share}, {source}){written}")),
        (true, format!("{counts} ({cmp} {share}){written}")),
        (true, format!("{counts}{written}")),
        (false, format!("{counts}{written}")),
    ];
    let fits = |with_label: bool, rest: &str| {
        let head = if with_label { width(&label) } else { 0 };
        head + width(&badge) + width(rest) <= cells
    };
    let (with_label, rest) = variants
        .iter()
        .find(|(l, r)| fits(*l, r))
        .unwrap_or(&variants[3])
        .clone();
    let mut spans = Vec::new();
    if with_label {
        spans.push(Span::styled(label, THEME.heading));
    }
    spans.push(Span::styled(badge, style.add_modifier(Modifier::REVERSED)));
    spans.push(Span::styled(rest, THEME.input));
    Line::from(spans)
}

fn attendance(m: &MeetingMode, s: &Strings, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border_focused)
        .title(Line::styled(
            format!(" {} ", s.meeting().attendance),
            THEME.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let cells = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let start = m.member.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = m
        .record
        .attendance
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(i, a)| {
            let mut text = format!("{} {}", mark(&a.presence), a.member.name);
            let what = match &a.presence {
                Presence::Absent { reason } | Presence::AbsentWithOpinion { reason } => {
                    format!("{}: {reason}", s.presence(&a.presence))
                }
                p => s.presence(p).to_string(),
            };
            text = format!("{} {what}", fit(&text, 22.min(cells)));
            let style = if i == m.member {
                THEME.selected
            } else if a.presence == Presence::Present {
                THEME.input
            } else {
                THEME.dim
            };
            Line::styled(fit(&text, cells), style)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

fn current_item(m: &MeetingMode, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = s.meeting();
    let total = m.record.agenda.len();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border)
        .title(Line::styled(
            format!(" {} {}/{} ", t.agenda_item, (m.item + 1).min(total), total),
            THEME.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let cells = usize::from(inner.width);
    let Some(e) = m.record.agenda.get(m.item) else {
        Paragraph::new(t.no_agenda).render(inner, buf);
        return;
    };
    let n = &e.nominee;
    let mark = m.marks.mark(e.nomination.id);
    let mut lines = vec![Line::styled(
        truncate(
            &format!(
                "{mark}{}{} — {}",
                if mark.is_empty() { "" } else { " " },
                n.name,
                e.award_name
            ),
            cells,
        ),
        THEME.header,
    )];
    let mut facts = vec![s.kind(n.kind).to_string()];
    for part in [&n.position, &n.unit] {
        if !part.is_empty() {
            facts.push(part.clone());
        }
    }
    if let Some(y) = n.birth_year {
        facts.push(format!("{} {y}", t.born));
    }
    facts.push(format!(
        "{} {}",
        t.score,
        e.score.map_or("–".to_string(), |v| s.decimal(v))
    ));
    lines.push(Line::raw(truncate(&facts.join(" · "), cells)));
    // Why the nominee may not be eligible, checked when the meeting was opened.
    if let Some(text) = m.marks.explain(e.nomination.id, s) {
        lines.extend(
            format!("⚠ {text}")
                .lines()
                .flat_map(|l| wrap(l, cells))
                // A short pane keeps room for the rule and the result.
                .take(if inner.height < 16 { 2 } else { 4 })
                .map(|l| Line::styled(l, THEME.error)),
        );
    }
    if let Some(r) = m.current_rule() {
        let tag = if r.is_default {
            t.rule_default
        } else {
            t.rule_council
        };
        let text = format!("{}: {} ({tag})", t.rule, s.vote_rule(r));
        lines.extend(
            wrap(&text, cells)
                .into_iter()
                .map(|l| Line::styled(l, THEME.dim)),
        );
    }
    let result = match m.record.latest_result(e.nomination.id) {
        Some((round, v)) => {
            let (word, style) = if v.outcome.passed {
                (t.passed, THEME.filter_active)
            } else {
                (t.failed, THEME.error)
            };
            Line::from(vec![
                Span::styled(format!("{}: ", t.latest_result), THEME.heading),
                Span::raw(format!(
                    "{} {} · {}/{} · {} · ",
                    t.round,
                    round.round_no,
                    v.outcome.counted_agree,
                    v.outcome.denominator,
                    s.percent(v.outcome.share_permille)
                )),
                Span::styled(word.to_string(), style),
            ])
        }
        None => Line::from(vec![
            Span::styled(format!("{}: ", t.latest_result), THEME.heading),
            Span::styled(t.not_voted, THEME.dim),
        ]),
    };
    lines.push(result);
    // Every round on this item, originals and corrections alike, stays visible.
    let history: Vec<_> = m
        .record
        .rounds
        .iter()
        .filter_map(|r| {
            r.results
                .iter()
                .find(|v| v.nomination_id == e.nomination.id)
                .map(|v| (&r.round, v))
        })
        .collect();
    if history.len() > 1 {
        for (round, v) in history {
            let mut text = format!(
                "  {} {}: {}/{} · {} · {}",
                t.round,
                round.round_no,
                v.outcome.counted_agree,
                v.outcome.denominator,
                s.percent(v.outcome.share_permille),
                if v.outcome.passed { t.passed } else { t.failed }
            );
            if let Some(orig) = round.amends_round {
                let no = m
                    .record
                    .rounds
                    .iter()
                    .find(|r| r.round.id == orig)
                    .map_or(0, |r| r.round.round_no);
                let reason = round.amendment_reason.as_deref().unwrap_or("");
                text.push_str(&format!(" ({} {no}: {reason})", t.amends));
            }
            if let Some(reason) = &round.revote_reason {
                text.push_str(&format!(" ({}: {reason})", t.revote_title));
            }
            lines.push(Line::styled(truncate(&text, cells), THEME.dim));
        }
    }
    let notes: Vec<&str> = m
        .record
        .notes
        .iter()
        .filter(|n| n.agenda_item_id == Some(e.item.id))
        .map(|n| n.text.as_str())
        .collect();
    if !notes.is_empty() {
        lines.push(Line::styled(format!("{}:", t.notes), THEME.heading));
        for n in notes {
            lines.extend(wrap(n, cells).into_iter().take(2).map(Line::raw));
        }
    }
    lines.push(Line::styled(format!("{}:", t.summary), THEME.heading));
    lines.extend(
        wrap(&e.nomination.summary, cells)
            .into_iter()
            .take(4)
            .map(Line::raw),
    );
    lines.push(Line::styled(
        format!("{} ({}):", t.evidence, m.evidence.len()),
        THEME.heading,
    ));
    for ev in &m.evidence {
        let mut text = format!("• {}: {}", s.evidence_kind(ev.kind), ev.title);
        if !ev.doc_number.is_empty() {
            text.push_str(&format!(" ({})", ev.doc_number));
        }
        lines.push(Line::raw(truncate(&text, cells)));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn results(m: &MeetingMode, s: &Strings, area: Rect, buf: &mut Buffer) {
    let t = s.meeting();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border)
        .title(Line::styled(format!(" {} ", t.results), THEME.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let cells = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    for e in &m.record.agenda {
        let Some((round, v)) = m.record.latest_result(e.nomination.id) else {
            continue;
        };
        let (word, style) = if v.outcome.passed {
            (t.passed, THEME.filter_active)
        } else {
            (t.failed, THEME.error)
        };
        let name_w = cells.saturating_sub(60).max(12);
        let mut round_text = format!("{} {}", t.round, round.round_no);
        if round.amends_round.is_some() {
            round_text.push('*');
        }
        lines.push(Line::from(vec![
            Span::raw(format!("{:>2}. ", e.item.position)),
            Span::raw(fit(&e.nominee.name, name_w)),
            Span::raw(" "),
            Span::styled(
                fit(
                    &award_in_column(&e.nomination.award_code, &e.award_short, 22),
                    22,
                ),
                THEME.dim,
            ),
            Span::raw(fit_right(
                &format!("{}/{}", v.outcome.counted_agree, v.outcome.denominator),
                6,
            )),
            Span::raw(fit_right(&s.percent(v.outcome.share_permille), 7)),
            Span::raw(" "),
            Span::styled(fit(word, 10), style),
            Span::styled(round_text, THEME.dim),
        ]));
    }
    if lines.is_empty() {
        lines.push(Line::styled(t.no_results, THEME.dim));
    }
    let skip = lines.len().saturating_sub(usize::from(inner.height));
    Paragraph::new(lines.split_off(skip)).render(inner, buf);
}

pub fn render(m: &MeetingMode, s: &Strings, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let t = s.meeting();
    let meeting = &m.record.meeting;
    let status_style = match meeting.status {
        MeetingStatus::Open => THEME.filter_active,
        MeetingStatus::Planned => THEME.header,
        MeetingStatus::Closed => THEME.error,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border_focused)
        .title(Line::from(vec![
            Span::styled(format!(" {} {} · ", t.title, meeting.number), THEME.title),
            Span::styled(s.meeting_status(meeting.status).to_string(), status_style),
            Span::styled(
                // As the minutes will state it: recorded, else opened, else planned.
                format!(
                    " · {} · {} ",
                    when(meeting.began_at()),
                    meeting.held_place_or_planned()
                ),
                THEME.title,
            ),
        ]));
    let inner = block.inner(area);
    block.render(area, buf);
    let result_rows = (m.record.agenda.len() as u16 + 2).clamp(3, inner.height / 3);
    let [head, notice, middle, bottom, line] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(6),
        Constraint::Length(result_rows),
        Constraint::Length(1),
    ])
    .areas(inner);
    let cells = usize::from(inner.width);
    Paragraph::new(quorum_line(m, s, usize::from(head.width))).render(head, buf);
    let notice_text = match meeting.status {
        MeetingStatus::Planned => Line::styled(truncate(t.planned_hint, cells), THEME.header),
        MeetingStatus::Closed => Line::styled(truncate(t.closed_read_only, cells), THEME.error),
        MeetingStatus::Open => Line::styled(truncate(&meeting.subject, cells), THEME.dim),
    };
    Paragraph::new(notice_text).render(notice, buf);
    let left_w = (inner.width * 2 / 5).clamp(30, 60);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Min(0)]).areas(middle);
    attendance(m, s, left, buf);
    current_item(m, s, right, buf);
    results(m, s, bottom, buf);
    let reason = match &m.input {
        Some(Input::Reason {
            member,
            field,
            with_opinion,
        }) => {
            let name = m
                .record
                .attendance
                .iter()
                .find(|a| a.member.id == *member)
                .map_or("", |a| a.member.name.as_str());
            let (title, prompt) = if *with_opinion {
                (t.absent_opinion_title, t.reason_opinion_prompt)
            } else {
                (t.absent_title, t.reason_prompt)
            };
            Some((format!("{title}: {name}"), prompt.to_string(), field))
        }
        Some(Input::AmendReason {
            field, round_no, ..
        }) => Some((
            format!("{} {round_no}", t.amend_title),
            format!("{} {round_no}: ", t.amend_prompt),
            field,
        )),
        Some(Input::RevoteReason { field }) => Some((
            upper_first(t.revote_title),
            t.revote_prompt.to_string(),
            field,
        )),
        _ => None,
    };
    let bottom_line = match (&reason, &m.note) {
        (None, Some(n)) => Line::styled(truncate(n, cells), THEME.error),
        _ => Line::default(),
    };
    Paragraph::new(bottom_line).render(line, buf);
    if let Some((title, prompt, field)) = reason {
        reason_dialog(&title, &prompt, field, m.note.as_deref(), s, inner, buf);
    }
    if let Some(Input::Tally(form)) = &m.input {
        let att = m.record.attendance_counts();
        form.render(s, &att, inner, buf);
    }
    if let Some(Input::Times(form)) = &m.input {
        form.render(s, inner, buf);
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A reason asked in a dialog of its own, in the middle of the screen, so it
/// cannot be missed: the title says whose absence or which round it is for,
/// then the field, then what is wrong or what Enter and Esc do.
fn reason_dialog(
    title: &str,
    prompt: &str,
    field: &crate::tui::widgets::text_input::TextInput,
    note: Option<&str>,
    s: &Strings,
    area: Rect,
    buf: &mut Buffer,
) {
    let popup = crate::tui::modals::centered(area, area.width.saturating_sub(4).min(76), 6);
    Clear.render(popup, buf);
    let cells = usize::from(popup.width.saturating_sub(2));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(THEME.border_focused)
        .title(Line::styled(
            format!(" {} ", truncate(title, cells.saturating_sub(2))),
            THEME.title,
        ));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let help = match note {
        Some(n) => Line::styled(truncate(n, cells), THEME.error),
        None => Line::styled(truncate(s.meeting().reason_help, cells), THEME.dim),
    };
    let lines = vec![
        Line::default(),
        field.line_within(prompt, true, cells),
        Line::default(),
        help,
    ];
    Paragraph::new(lines).render(inner, buf);
}
