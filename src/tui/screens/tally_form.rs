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

/// A paper count of a secret ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ballot {
    Issued,
    Returned,
    Valid,
    Invalid,
}

impl Ballot {
    pub const ALL: [Ballot; 4] = [
        Ballot::Issued,
        Ballot::Returned,
        Ballot::Valid,
        Ballot::Invalid,
    ];

    fn label(self, s: &Strings) -> &'static str {
        let m = s.meeting();
        match self {
            Ballot::Issued => m.issued,
            Ballot::Returned => m.returned,
            Ballot::Valid => m.valid,
            Ballot::Invalid => m.invalid,
        }
    }
}

/// A count of one nominee's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Agree,
    Disagree,
    /// Open vote only.
    Abstain,
    WrittenAgree,
    WrittenDisagree,
}

impl Count {
    /// The columns of a row under `method`, in the order the focus walks them.
    fn columns(method: VoteMethod) -> &'static [Count] {
        match method {
            VoteMethod::SecretBallot => &[
                Count::Agree,
                Count::Disagree,
                Count::WrittenAgree,
                Count::WrittenDisagree,
            ],
            VoteMethod::Open => &[
                Count::Agree,
                Count::Disagree,
                Count::Abstain,
                Count::WrittenAgree,
                Count::WrittenDisagree,
            ],
        }
    }

    fn label(self, s: &Strings) -> &'static str {
        let m = s.meeting();
        match self {
            Count::Agree => m.agree,
            Count::Disagree => m.disagree,
            Count::Abstain => m.abstain,
            Count::WrittenAgree => m.written_agree,
            Count::WrittenDisagree => m.written_disagree,
        }
    }
}

/// The field in focus: a paper count, or a count of the nominee in row `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Ballot(Ballot),
    Row(usize, Count),
}

/// The paper counts as typed.
#[derive(Default)]
pub struct BallotFields {
    pub issued: TextInput,
    pub returned: TextInput,
    pub valid: TextInput,
    pub invalid: TextInput,
}

impl BallotFields {
    fn get(&self, b: Ballot) -> &TextInput {
        match b {
            Ballot::Issued => &self.issued,
            Ballot::Returned => &self.returned,
            Ballot::Valid => &self.valid,
            Ballot::Invalid => &self.invalid,
        }
    }

    fn get_mut(&mut self, b: Ballot) -> &mut TextInput {
        match b {
            Ballot::Issued => &mut self.issued,
            Ballot::Returned => &mut self.returned,
            Ballot::Valid => &mut self.valid,
            Ballot::Invalid => &mut self.invalid,
        }
    }
}

/// One nominee's counts as typed.
#[derive(Default)]
pub struct CountFields {
    pub agree: TextInput,
    pub disagree: TextInput,
    pub abstain: TextInput,
    pub written_agree: TextInput,
    pub written_disagree: TextInput,
}

impl CountFields {
    fn get(&self, c: Count) -> &TextInput {
        match c {
            Count::Agree => &self.agree,
            Count::Disagree => &self.disagree,
            Count::Abstain => &self.abstain,
            Count::WrittenAgree => &self.written_agree,
            Count::WrittenDisagree => &self.written_disagree,
        }
    }

    fn get_mut(&mut self, c: Count) -> &mut TextInput {
        match c {
            Count::Agree => &mut self.agree,
            Count::Disagree => &mut self.disagree,
            Count::Abstain => &mut self.abstain,
            Count::WrittenAgree => &mut self.written_agree,
            Count::WrittenDisagree => &mut self.written_disagree,
        }
    }
}

pub struct TallyRow {
    pub nomination: NominationId,
    pub name: String,
    pub award: String,
    pub rule: Option<VoteRule>,
    pub counts: CountFields,
}

pub struct TallyForm {
    pub method: VoteMethod,
    /// Issued, returned, valid, invalid (secret ballot only).
    pub ballots: BallotFields,
    pub rows: Vec<TallyRow>,
    pub focus: Focus,
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

fn number(field: &TextInput, what: &str, s: &Strings) -> Result<u32, String> {
    let v = field.value().trim();
    if v.is_empty() {
        return Ok(0);
    }
    v.parse()
        .map_err(|_| format!("{what}: “{v}” {}", s.meeting().not_a_number))
}

impl TallyRow {
    fn is_empty(&self, method: VoteMethod) -> bool {
        Count::columns(method)
            .iter()
            .all(|c| self.counts.get(*c).value().trim().is_empty())
    }
}

impl TallyForm {
    /// A form over `items`, the current item first.
    pub fn new(method: VoteMethod, items: Vec<TallyItem>) -> TallyForm {
        let mut form = TallyForm {
            method,
            ballots: BallotFields::default(),
            rows: items
                .into_iter()
                .map(|i| TallyRow {
                    nomination: i.nomination,
                    name: i.name,
                    award: i.award,
                    rule: i.rule,
                    counts: CountFields::default(),
                })
                .collect(),
            focus: Focus::Ballot(Ballot::Issued),
            error: None,
            amends: None,
            revote_reason: None,
            attendance: None,
            other_method: None,
        };
        form.focus = form.order().first().copied().unwrap_or(form.focus);
        form
    }

    /// Fill the fields with a recorded round's counts (to correct them).
    pub fn prefill(&mut self, ballots: &BallotCounts, tallies: &[(NominationId, Tally)]) {
        let put = |f: &mut TextInput, v: u32| *f = TextInput::new(&v.to_string());
        if self.method == VoteMethod::SecretBallot {
            put(&mut self.ballots.issued, ballots.issued);
            put(&mut self.ballots.returned, ballots.returned);
            put(&mut self.ballots.valid, ballots.valid);
            put(&mut self.ballots.invalid, ballots.invalid);
        }
        let method = self.method;
        for row in &mut self.rows {
            let Some((_, t)) = tallies.iter().find(|(n, _)| *n == row.nomination) else {
                continue;
            };
            for c in Count::columns(method) {
                let v = match c {
                    Count::Agree => t.agree,
                    Count::Disagree => t.disagree,
                    Count::Abstain => t.abstain,
                    Count::WrittenAgree => t.written_agree,
                    Count::WrittenDisagree => t.written_disagree,
                };
                put(row.counts.get_mut(*c), v);
            }
        }
    }

    /// Every field, in the order the focus walks them.
    fn order(&self) -> Vec<Focus> {
        let ballots: &[Ballot] = match self.method {
            VoteMethod::SecretBallot => &Ballot::ALL,
            VoteMethod::Open => &[],
        };
        let columns = Count::columns(self.method);
        ballots
            .iter()
            .map(|b| Focus::Ballot(*b))
            .chain(
                (0..self.rows.len()).flat_map(|r| columns.iter().map(move |c| Focus::Row(r, *c))),
            )
            .collect()
    }

    fn step(&mut self, forward: bool) {
        let order = self.order();
        let n = order.len();
        if n == 0 {
            return;
        }
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        self.focus = order[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    pub fn next(&mut self) {
        self.step(true);
    }

    pub fn prev(&mut self) {
        self.step(false);
    }

    fn focused(&mut self) -> Option<&mut TextInput> {
        match self.focus {
            Focus::Ballot(b) => Some(self.ballots.get_mut(b)),
            Focus::Row(r, c) => self.rows.get_mut(r).map(|row| row.counts.get_mut(c)),
        }
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

    /// The round as entered: rows left blank are not part of it.
    pub fn to_input(&self, s: &Strings) -> Result<RoundInput, String> {
        let m = s.meeting();
        let ballots = if self.method == VoteMethod::SecretBallot {
            let count = |b: Ballot| number(self.ballots.get(b), b.label(s), s);
            BallotCounts {
                issued: count(Ballot::Issued)?,
                returned: count(Ballot::Returned)?,
                valid: count(Ballot::Valid)?,
                invalid: count(Ballot::Invalid)?,
            }
        } else {
            BallotCounts::default()
        };
        let mut tallies = Vec::new();
        for r in &self.rows {
            if r.is_empty(self.method) {
                continue;
            }
            let mut tally = Tally::default();
            for c in Count::columns(self.method) {
                let v = number(r.counts.get(*c), &format!("{}, {}", r.name, c.label(s)), s)?;
                match c {
                    Count::Agree => tally.agree = v,
                    Count::Disagree => tally.disagree = v,
                    Count::Abstain => tally.abstain = v,
                    Count::WrittenAgree => tally.written_agree = v,
                    Count::WrittenDisagree => tally.written_disagree = v,
                }
            }
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
        if row.is_empty(self.method) {
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
            for b in Ballot::ALL {
                spans.push(Span::styled(format!("{} ", b.label(s)), THEME.dim));
                let focused = self.focus == Focus::Ballot(b);
                spans.push(field(self.ballots.get(b), focused, 6));
                spans.push(Span::raw("  "));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::default());
        let columns = Count::columns(self.method);
        let widths: Vec<usize> = columns
            .iter()
            .map(|c| unicode_width::UnicodeWidthStr::width(c.label(s)).max(6) + 1)
            .collect();
        let result_w = 16;
        let name_w = cells
            .saturating_sub(widths.iter().sum::<usize>() + result_w + 1)
            .clamp(8, 40);
        let mut head = vec![Span::styled(fit("", name_w), THEME.header)];
        for (c, w) in columns.iter().zip(&widths) {
            head.push(Span::styled(fit_right(c.label(s), *w), THEME.header));
        }
        head.push(Span::styled(
            format!(" {}", fit(m.share_result, result_w - 1)),
            THEME.header,
        ));
        lines.push(Line::from(head));
        for (ri, r) in self.rows.iter().enumerate() {
            let mut spans = vec![Span::raw(fit(&format!("{} ({})", r.name, r.award), name_w))];
            for (c, width) in columns.iter().zip(&widths) {
                let focused = self.focus == Focus::Row(ri, *c);
                spans.push(field(r.counts.get(*c), focused, *width));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use ratatui::crossterm::event::KeyModifiers;

    fn item(id: NominationId) -> TallyItem {
        TallyItem {
            nomination: id,
            name: format!("N{id}"),
            award: String::new(),
            rule: None,
        }
    }

    fn typed(form: &mut TallyForm, text: &str) {
        for c in text.chars() {
            form.key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        form.next();
    }

    #[test]
    fn the_focus_walks_the_paper_counts_then_each_row_and_fills_named_counts() {
        let mut form = TallyForm::new(VoteMethod::SecretBallot, vec![item(7), item(9)]);
        assert_eq!(form.focus, Focus::Ballot(Ballot::Issued));
        for v in ["9", "9", "8", "1x"] {
            typed(&mut form, v);
        }
        // A secret ballot has no abstain column.
        assert_eq!(form.focus, Focus::Row(0, Count::Agree));
        for v in ["6", "2", "0", "1"] {
            typed(&mut form, v);
        }
        assert_eq!(form.focus, Focus::Row(1, Count::Agree));
        form.prev();
        assert_eq!(form.focus, Focus::Row(0, Count::WrittenDisagree));
        let input = form
            .to_input(Lang::Vi.strings())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(input.ballots.invalid, 1, "letters are not typed");
        assert_eq!(input.ballots.valid, 8);
        assert_eq!(input.tallies.len(), 1, "the blank row is not part of it");
        let (id, t) = input.tallies[0];
        assert_eq!(id, 7);
        assert_eq!((t.agree, t.disagree, t.abstain), (6, 2, 0));
        assert_eq!((t.written_agree, t.written_disagree), (0, 1));
    }

    #[test]
    fn an_open_vote_has_no_paper_counts_and_an_abstain_column() {
        let mut form = TallyForm::new(VoteMethod::Open, vec![item(3)]);
        assert_eq!(form.focus, Focus::Row(0, Count::Agree));
        for v in ["5", "1", "2"] {
            typed(&mut form, v);
        }
        let input = form
            .to_input(Lang::Vi.strings())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(input.tallies[0].1.abstain, 2);
        form.prev();
        form.prev();
        form.prev();
        form.prev();
        assert_eq!(form.focus, Focus::Row(0, Count::WrittenDisagree), "wraps");
    }
}
