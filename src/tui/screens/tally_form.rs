//! The tally entry form of meeting mode: for a secret ballot, the paper
//! counts and, per nominee on the paper, agree / disagree and written
//! opinions; for an open vote, agree / disagree / abstain per nominee. The
//! focus walks the fields in order; only digits are typed. The counts are
//! checked with the domain rules while typing, and again by the store; each
//! row shows the share on its rule's denominator and the result as typed.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::nomination::NominationId;
use crate::domain::vote::{
    AttendanceCounts, BallotCounts, Tally, VoteMethod, VoteRule, evaluate, validate_ballots,
    validate_tally,
};
use crate::i18n::strings::Strings;
use crate::store::rounds::RoundInput;
use crate::tui::modals::centered;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, fit_right, truncate};
use crate::tui::widgets::text_input::TextInput;

/// A nominee offered in the form, with the rule as applied by the form's method.
pub struct TallyItem {
    pub nomination: NominationId,
    pub name: String,
    pub award: String,
    pub rule: Option<VoteRule>,
}

pub struct TallyRow {
    pub nomination: NominationId,
    pub name: String,
    pub award: String,
    pub rule: Option<VoteRule>,
    pub fields: Vec<TextInput>,
}

pub struct TallyForm {
    pub method: VoteMethod,
    /// Issued, returned, valid, invalid (secret ballot only).
    pub ballots: Vec<TextInput>,
    pub rows: Vec<TallyRow>,
    /// Index over the ballot fields, then the rows' fields in order.
    pub focus: usize,
    /// The store's refusal of the last save, shown until the next key.
    pub error: Option<String>,
    /// Set when the form corrects a round of a closed meeting: (round id, round number, reason).
    pub amends: Option<(i64, u32, String)>,
    /// Set when the current item already has a result: why it is voted on again.
    pub revote_reason: Option<String>,
    /// Attendance to check against instead of today's (an amendment uses the round's).
    pub attendance: Option<AttendanceCounts>,
    /// The other method the current item's rule allows (F2 switches to it).
    pub other_method: Option<VoteMethod>,
}

fn row_width(method: VoteMethod) -> usize {
    match method {
        VoteMethod::SecretBallot => 4,
        VoteMethod::Open => 5,
    }
}

fn number(field: &TextInput, what: &str, s: &Strings) -> Result<u32, String> {
    let v = field.value().trim();
    if v.is_empty() {
        return Ok(0);
    }
    v.parse()
        .map_err(|_| format!("{what}: “{v}” {}", s.meeting().not_a_number))
}

impl TallyForm {
    /// A form over `items`, the current item first.
    pub fn new(method: VoteMethod, items: Vec<TallyItem>) -> TallyForm {
        let n = row_width(method);
        TallyForm {
            method,
            ballots: match method {
                VoteMethod::SecretBallot => vec![TextInput::default(); 4],
                VoteMethod::Open => Vec::new(),
            },
            rows: items
                .into_iter()
                .map(|i| TallyRow {
                    nomination: i.nomination,
                    name: i.name,
                    award: i.award,
                    rule: i.rule,
                    fields: vec![TextInput::default(); n],
                })
                .collect(),
            focus: 0,
            error: None,
            amends: None,
            revote_reason: None,
            attendance: None,
            other_method: None,
        }
    }

    /// Fill the fields with a recorded round's counts (to correct them).
    pub fn prefill(&mut self, ballots: &BallotCounts, tallies: &[(NominationId, Tally)]) {
        let put = |f: &mut TextInput, v: u32| *f = TextInput::new(&v.to_string());
        if self.method == VoteMethod::SecretBallot {
            let b = [
                ballots.issued,
                ballots.returned,
                ballots.valid,
                ballots.invalid,
            ];
            for (f, v) in self.ballots.iter_mut().zip(b) {
                put(f, v);
            }
        }
        for row in &mut self.rows {
            let Some((_, t)) = tallies.iter().find(|(n, _)| *n == row.nomination) else {
                continue;
            };
            let values: Vec<u32> = match self.method {
                VoteMethod::SecretBallot => {
                    vec![t.agree, t.disagree, t.written_agree, t.written_disagree]
                }
                VoteMethod::Open => vec![
                    t.agree,
                    t.disagree,
                    t.abstain,
                    t.written_agree,
                    t.written_disagree,
                ],
            };
            for (f, v) in row.fields.iter_mut().zip(values) {
                put(f, v);
            }
        }
    }

    fn field_count(&self) -> usize {
        self.ballots.len() + self.rows.len() * row_width(self.method)
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.field_count().max(1);
    }

    pub fn prev(&mut self) {
        let n = self.field_count().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    fn focused(&mut self) -> Option<&mut TextInput> {
        let b = self.ballots.len();
        if self.focus < b {
            return self.ballots.get_mut(self.focus);
        }
        let w = row_width(self.method);
        let i = self.focus - b;
        self.rows
            .get_mut(i / w)
            .and_then(|r| r.fields.get_mut(i % w))
    }

    /// Digits and editing keys go to the focused field.
    pub fn key(&mut self, key: &KeyEvent) {
        if let KeyCode::Char(c) = key.code
            && !c.is_ascii_digit()
        {
            return;
        }
        if let Some(f) = self.focused() {
            f.handle_key(key);
        }
        self.error = None;
    }

    fn labels(&self, s: &Strings) -> Vec<&'static str> {
        let m = s.meeting();
        match self.method {
            VoteMethod::SecretBallot => {
                vec![m.agree, m.disagree, m.written_agree, m.written_disagree]
            }
            VoteMethod::Open => vec![
                m.agree,
                m.disagree,
                m.abstain,
                m.written_agree,
                m.written_disagree,
            ],
        }
    }

    /// The round as entered: rows left blank are not part of it.
    pub fn to_input(&self, s: &Strings) -> Result<RoundInput, String> {
        let m = s.meeting();
        let ballots = if self.method == VoteMethod::SecretBallot {
            let v: Vec<u32> = self
                .ballots
                .iter()
                .zip([m.issued, m.returned, m.valid, m.invalid])
                .map(|(f, what)| number(f, what, s))
                .collect::<Result<_, _>>()?;
            BallotCounts {
                issued: v[0],
                returned: v[1],
                valid: v[2],
                invalid: v[3],
            }
        } else {
            BallotCounts::default()
        };
        let labels = self.labels(s);
        let mut tallies = Vec::new();
        for r in &self.rows {
            if r.fields.iter().all(|f| f.value().trim().is_empty()) {
                continue;
            }
            let v: Vec<u32> = r
                .fields
                .iter()
                .zip(&labels)
                .map(|(f, what)| number(f, &format!("{}, {what}", r.name), s))
                .collect::<Result<_, _>>()?;
            let tally = match self.method {
                VoteMethod::SecretBallot => Tally {
                    agree: v[0],
                    disagree: v[1],
                    abstain: 0,
                    written_agree: v[2],
                    written_disagree: v[3],
                },
                VoteMethod::Open => Tally {
                    agree: v[0],
                    disagree: v[1],
                    abstain: v[2],
                    written_agree: v[3],
                    written_disagree: v[4],
                },
            };
            tallies.push((r.nomination, tally));
        }
        if tallies.is_empty() {
            return Err(m.tally_empty.to_string());
        }
        Ok(RoundInput {
            method: self.method,
            ballots,
            tallies,
        })
    }

    /// What is wrong with the counts as typed, or that they add up.
    pub fn check(&self, att: &AttendanceCounts, s: &Strings) -> Result<(), String> {
        let input = self.to_input(s)?;
        if self.method == VoteMethod::SecretBallot {
            validate_ballots(att, &input.ballots).map_err(|e| s.vote_error(&e))?;
        }
        for (n, t) in &input.tallies {
            let name = self
                .rows
                .iter()
                .find(|r| r.nomination == *n)
                .map_or("", |r| r.name.as_str());
            validate_tally(self.method, att, &input.ballots, t)
                .map_err(|e| format!("{name}: {}", s.vote_error(&e)))?;
        }
        Ok(())
    }

    /// The row's share on its rule's denominator and its result, as typed;
    /// blank when the row is empty or its counts do not add up.
    fn row_result(&self, row: &TallyRow, att: &AttendanceCounts, s: &Strings) -> String {
        let Some(rule) = &row.rule else {
            return String::new();
        };
        if row.fields.iter().all(|f| f.value().trim().is_empty()) {
            return String::new();
        }
        let Ok(input) = self.to_input(s) else {
            return String::new();
        };
        let Some((_, tally)) = input.tallies.iter().find(|(n, _)| *n == row.nomination) else {
            return String::new();
        };
        if validate_tally(self.method, att, &input.ballots, tally).is_err() {
            return String::new();
        }
        match evaluate(rule, att, &input.ballots, tally) {
            Ok(o) => {
                let m = s.meeting();
                let verdict = if o.passed { m.passed } else { m.failed };
                format!("{} {verdict}", s.percent(o.share_permille))
            }
            Err(_) => String::new(),
        }
    }

    pub fn render(&self, s: &Strings, att: &AttendanceCounts, area: Rect, buf: &mut Buffer) {
        let att = self.attendance.as_ref().unwrap_or(att);
        let m = s.meeting();
        let extra = if self.method == VoteMethod::SecretBallot {
            9
        } else {
            8
        };
        let height = (self.rows.len() as u16 + extra).min(area.height);
        let popup = centered(area, area.width.saturating_sub(4).min(110), height);
        Clear.render(popup, buf);
        let kind = match self.method {
            VoteMethod::SecretBallot => m.tally_title_secret,
            VoteMethod::Open => m.tally_title_open,
        };
        let title = match (&self.amends, &self.revote_reason) {
            (Some((_, no, _)), _) => format!("{} {no} — {kind}", m.amend_title),
            (None, Some(reason)) => format!("{kind} — {}: {reason}", m.revote_title),
            (None, None) => kind.to_string(),
        };
        let cells = usize::from(popup.width.saturating_sub(4));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(
                format!(" {} ", truncate(&title, cells)),
                THEME.title,
            ));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let cells = usize::from(inner.width);
        // A field shows up to four digits: "[   9]"; empty ones show a dot.
        let field = |f: &TextInput, focused: bool, width: usize| -> Span<'static> {
            let empty = f.value().is_empty();
            let text = fit_right(if empty { "·" } else { f.value() }, 4);
            let style = if focused {
                THEME.selected
            } else if empty {
                THEME.dim
            } else {
                THEME.input
            };
            Span::styled(fit_right(&format!("[{text}]"), width), style)
        };
        let mut lines = Vec::new();
        // The method recorded, and what the counts are checked against.
        let mut method_line = vec![Span::styled(format!("{}: ", m.method_label), THEME.dim)];
        method_line.push(Span::styled(kind, THEME.header));
        method_line.push(Span::styled(
            format!(" · {} {}", att.present, m.present_of),
            THEME.dim,
        ));
        lines.push(Line::from(method_line));
        if self.method == VoteMethod::SecretBallot {
            let mut spans = Vec::new();
            for (i, (f, label)) in self
                .ballots
                .iter()
                .zip([m.issued, m.returned, m.valid, m.invalid])
                .enumerate()
            {
                spans.push(Span::styled(format!("{label} "), THEME.dim));
                spans.push(field(f, self.focus == i, 6));
                spans.push(Span::raw("  "));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::default());
        let labels = self.labels(s);
        let widths: Vec<usize> = labels
            .iter()
            .map(|l| unicode_width::UnicodeWidthStr::width(*l).max(6) + 1)
            .collect();
        let result_w = 16;
        let name_w = cells
            .saturating_sub(widths.iter().sum::<usize>() + result_w + 1)
            .clamp(8, 40);
        let mut head = vec![Span::styled(fit("", name_w), THEME.header)];
        for (l, w) in labels.iter().zip(&widths) {
            head.push(Span::styled(fit_right(l, *w), THEME.header));
        }
        head.push(Span::styled(
            format!(" {}", fit(m.share_result, result_w - 1)),
            THEME.header,
        ));
        lines.push(Line::from(head));
        let b = self.ballots.len();
        let w = row_width(self.method);
        for (ri, r) in self.rows.iter().enumerate() {
            let mut spans = vec![Span::raw(fit(&format!("{} ({})", r.name, r.award), name_w))];
            for (fi, (f, width)) in r.fields.iter().zip(&widths).enumerate() {
                spans.push(field(f, self.focus == b + ri * w + fi, *width));
            }
            spans.push(Span::styled(
                format!(" {}", fit(&self.row_result(r, att, s), result_w - 1)),
                THEME.filter_active,
            ));
            lines.push(Line::from(spans));
        }
        lines.push(Line::default());
        // The live check speaks the user's language; the store's refusal comes after it.
        let status = match (self.check(att, s), &self.error) {
            (Err(e), _) => Line::styled(truncate(&e, cells), THEME.error),
            (Ok(()), Some(e)) => Line::styled(truncate(e, cells), THEME.error),
            (Ok(()), None) => Line::styled(m.tally_ok, THEME.filter_active),
        };
        lines.push(status);
        let help = match self.other_method {
            Some(VoteMethod::Open) => format!("{} · {}", m.switch_to_open, m.tally_help),
            Some(VoteMethod::SecretBallot) => format!("{} · {}", m.switch_to_secret, m.tally_help),
            None => m.tally_help.to_string(),
        };
        lines.push(Line::styled(truncate(&help, cells), THEME.dim));
        Paragraph::new(lines).render(inner, buf);
    }
}
