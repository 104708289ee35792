//! The detail of one nomination: who, what is proposed, the summary of
//! achievements, the evidence, and the score sheet (every criterion with each
//! member's score, the mean and a bar, then members' totals and the
//! consolidated score).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::award::Award;
use crate::domain::nomination::{Evidence, Nomination};
use crate::domain::nominee::Nominee;
use crate::domain::scoring::weighted_total;
use crate::evidence_files::FileState;
use crate::i18n::strings::Strings;
use crate::i18n::strings_forms::forms;
use crate::store::scores::ScoreSheet;
use crate::tui::theme::THEME;
use crate::tui::widgets::score_bar::bar_spans;
use crate::tui::widgets::table::{fit, fit_right, truncate, width, wrap};

/// Everything the detail pane shows, loaded for the selected nomination.
#[derive(Debug, Clone)]
pub struct DetailData {
    pub nomination: Nomination,
    pub nominee: Nominee,
    pub award: Option<Award>,
    pub evidence: Vec<Evidence>,
    pub sheet: ScoreSheet,
    /// Evidence files checked against their recorded SHA-256 when selected.
    pub files: Vec<(i64, FileState)>,
    /// "⚠ …" when the award proposed is not (or not surely) eligible.
    pub eligibility_warning: Option<String>,
}

const MEMBER_CELL: usize = 4;
const MEAN_CELL: usize = 5;

/// Cells the score grid needs without its bar.
pub fn grid_width(sheet: &ScoreSheet) -> usize {
    code_width(sheet) + sheet.members.len() * MEMBER_CELL + MEAN_CELL
}

fn code_width(sheet: &ScoreSheet) -> usize {
    let code = sheet
        .criteria
        .iter()
        .map(|c| width(c.label()))
        .max()
        .unwrap_or(0);
    code.max(4) + 1
}

fn label_value(label: &str, value: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), THEME.dim),
        Span::raw(value.to_string()),
    ])
}

/// Who, what, the summary and the evidence, wrapped to `cells`.
pub fn info_lines(d: &DetailData, s: &Strings, cells: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(vec![
        Span::styled(truncate(&d.nominee.name, cells), THEME.title),
        Span::styled(format!("  {}", s.kind(d.nominee.kind)), THEME.dim),
    ])];
    if !d.nominee.position.is_empty() {
        out.push(label_value(s.position, &d.nominee.position));
    }
    if !d.nominee.unit.is_empty() {
        out.push(label_value(s.unit, &d.nominee.unit));
    }
    let award = d
        .award
        .as_ref()
        .map_or(d.nomination.award_code.clone(), |a| a.name.clone());
    out.push(label_value(s.proposed_award, &award));
    if let Some(a) = &d.award {
        out.push(label_value(s.granted_by, &a.granted_by));
    }
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", s.round), THEME.dim),
        Span::raw(d.nomination.round.code()),
        Span::styled(format!(" · {}: ", s.col_status), THEME.dim),
        Span::raw(s.status(d.nomination.status)),
    ]));
    if !d.nomination.proposing_unit.is_empty() {
        out.push(label_value(s.proposing_unit, &d.nomination.proposing_unit));
    }
    if let Some(w) = &d.eligibility_warning {
        out.push(Line::styled(truncate(w, cells), THEME.missing));
    }
    out.push(Line::default());
    out.push(Line::styled(s.summary, THEME.heading));
    for l in wrap(&d.nomination.summary, cells) {
        out.push(Line::raw(l));
    }
    out.push(Line::default());
    out.push(Line::styled(
        format!("{} ({})", s.evidence, d.evidence.len()),
        THEME.heading,
    ));
    if d.evidence.is_empty() {
        out.push(Line::styled(s.no_evidence, THEME.dim));
    }
    for (i, e) in d.evidence.iter().enumerate() {
        let mut text = format!("{}. [{}] {}", i + 1, s.evidence_kind(e.kind), e.title);
        if !e.doc_number.is_empty() {
            text.push_str(&format!(" — {}", e.doc_number));
        }
        if let Some(date) = &e.doc_date {
            text.push_str(&format!(", {date}"));
        }
        let state = d
            .files
            .iter()
            .find(|(id, _)| *id == e.id)
            .map(|(_, st)| *st);
        let flag = match state {
            Some(FileState::Changed) => Some(forms(s).file_changed),
            Some(FileState::Missing) => Some(forms(s).file_missing),
            _ => None,
        };
        match flag {
            Some(f) => text.push_str(&format!(" {f}")),
            None if e.sha256.is_some() => text.push_str(" ✓"),
            None => {}
        }
        let style = if flag.is_some() {
            THEME.error
        } else {
            Style::default()
        };
        for (j, l) in wrap(&text, cells.saturating_sub(3)).into_iter().enumerate() {
            let indent = if j == 0 { "" } else { "   " };
            out.push(Line::styled(format!("{indent}{l}"), style));
        }
    }
    out
}

/// Which cell of the grid is under the cursor (criterion row, member column).
pub type GridCursor = Option<(usize, usize)>;

/// The score grid, `cells` wide; `cursor` highlights one cell (scoring screen).
pub fn score_lines(
    sheet: &ScoreSheet,
    s: &Strings,
    cells: usize,
    cursor: GridCursor,
) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(s.scores, THEME.heading)];
    if sheet.criteria.is_empty() {
        out.push(Line::styled(s.no_criteria, THEME.dim));
        return out;
    }
    let code_w = code_width(sheet);
    let bar_w = cells.saturating_sub(grid_width(sheet) + 1).min(12) as u16;
    let is_recused = |m: i64| sheet.recused.iter().any(|(id, _)| *id == m);

    let mut header = vec![Span::styled(fit(s.criterion_code, code_w), THEME.header)];
    for (j, _) in sheet.members.iter().enumerate() {
        let style = match cursor {
            Some((_, col)) if col == j => THEME.selected,
            _ => THEME.header,
        };
        header.push(Span::styled(
            fit_right(&(j + 1).to_string(), MEMBER_CELL),
            style,
        ));
    }
    header.push(Span::styled(fit_right(s.mean, MEAN_CELL), THEME.header));
    out.push(Line::from(header));

    for (i, c) in sheet.criteria.iter().enumerate() {
        let mut spans = vec![Span::raw(fit(c.label(), code_w))];
        let mut sum = 0u32;
        let mut n = 0u32;
        for (j, m) in sheet.members.iter().enumerate() {
            let score = sheet
                .scores
                .iter()
                .find(|x| x.member_id == m.id && x.criterion_code == c.code);
            let (text, style) = if is_recused(m.id) {
                ("x".to_string(), THEME.dim)
            } else if let Some(x) = score {
                sum += x.tenths;
                n += 1;
                (s.score_value(x.tenths), Style::default())
            } else {
                ("·".to_string(), THEME.missing)
            };
            let style = if cursor == Some((i, j)) {
                THEME.selected
            } else {
                style
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(fit_right(&text, MEMBER_CELL - 1), style));
        }
        if n > 0 {
            let mean = f64::from(sum) / f64::from(n) / 10.0;
            spans.push(Span::raw(fit_right(&s.decimal(mean), MEAN_CELL)));
            spans.push(Span::raw(" "));
            spans.extend(bar_spans(mean, f64::from(c.max_score), bar_w));
        } else {
            spans.push(Span::styled(fit_right("–", MEAN_CELL), THEME.dim));
        }
        out.push(Line::from(spans));
    }

    let mut totals = vec![Span::styled(fit("Σ", code_w), THEME.header)];
    for m in &sheet.members {
        let text = if is_recused(m.id) {
            "x".to_string()
        } else {
            weighted_total(&sheet.criteria, &sheet.scores, m.id)
                .map_or("·".to_string(), |t| format!("{t:.0}"))
        };
        totals.push(Span::raw(fit_right(&text, MEMBER_CELL)));
    }
    out.push(Line::from(totals));
    let legend = format!(
        "Σ = {} · x = {} · · = {}",
        s.member_totals, s.recused, s.not_scored
    );
    out.extend(
        wrap(&legend, cells)
            .into_iter()
            .map(|l| Line::styled(l, THEME.dim)),
    );
    out.push(Line::default());
    let mut consolidated = vec![Span::styled(format!("{}: ", s.consolidated), THEME.heading)];
    match sheet.consolidated {
        Some(v) => {
            consolidated.push(Span::styled(format!("{}/100 ", s.decimal(v)), THEME.title));
            let w = cells.saturating_sub(width(s.consolidated) + 12).min(30) as u16;
            consolidated.extend(bar_spans(v, 100.0, w));
        }
        None => consolidated.push(Span::styled(s.not_scored, THEME.dim)),
    }
    out.push(Line::from(consolidated));
    out.push(Line::default());

    out.push(Line::styled(s.members, THEME.heading));
    for (j, m) in sheet.members.iter().enumerate() {
        let mut text = format!("{:>2} {} ({})", j + 1, m.name, s.role(m.role));
        if let Some((_, reason)) = sheet.recused.iter().find(|(id, _)| *id == m.id) {
            text.push_str(&format!(" — x: {reason}"));
        }
        let style = match cursor {
            Some((_, col)) if col == j => THEME.header,
            _ => Style::default(),
        };
        out.push(Line::styled(truncate(&text, cells), style));
    }
    out.push(Line::default());
    out.push(Line::styled(s.criteria, THEME.heading));
    for c in &sheet.criteria {
        let text = format!("{} (≤{} ×{}) {}", c.label(), c.max_score, c.weight, c.text);
        out.push(Line::raw(truncate(&text, cells)));
    }
    out
}
