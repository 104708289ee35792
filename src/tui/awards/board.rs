//! The awards board: nominations per deciding level and status, referrals
//! waiting longest first (days waited), prize money per year, and a chart of
//! the register per year and level.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Clear, Paragraph, Widget};

use super::referral::ReferralView;
use super::today;
use crate::domain::award::Level;
use crate::domain::prize::{PrizeTable, PrizeTotal};
use crate::domain::register::AwardsBoard;
use crate::domain::report::prizes_per_year;
use crate::i18n::awards::{money, referral_status, texts};
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::action::AwardAction;
use crate::tui::screen::Outcome;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, fit_right, truncate};

/// One colour per level of the chain, lowest first.
const LEVEL_COLOURS: [Color; 5] = [
    Color::Green,
    Color::Cyan,
    Color::Yellow,
    Color::Magenta,
    Color::Blue,
];

pub struct Board {
    pub board: AwardsBoard,
    pub levels: Vec<Level>,
    /// Prize money per year of the register, or why it cannot be counted.
    pub prizes: Result<Vec<(i32, PrizeTotal)>, String>,
    pub selected: usize,
}

impl Board {
    pub fn open(store: &Store) -> Result<Board, StoreError> {
        let mut b = Board {
            board: AwardsBoard::default(),
            levels: Vec::new(),
            prizes: Ok(Vec::new()),
            selected: 0,
        };
        b.reload(store)?;
        Ok(b)
    }

    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.board = store.awards_board(today(store))?;
        let mut levels = store.catalogue()?.levels;
        levels.sort_by_key(|l| l.rank);
        self.levels = levels;
        let entries = store.register_entries()?;
        self.prizes = PrizeTable::built_in().map(|table| prizes_per_year(&table, &entries));
        self.selected = self
            .selected
            .min(self.board.waiting.len().saturating_sub(1));
        Ok(())
    }

    pub fn apply(&mut self, action: &Action, store: &Store, s: &Strings) -> Outcome {
        match action {
            Action::Close | Action::Cancel => Outcome::Close,
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                Outcome::Nothing
            }
            Action::Down => {
                if self.selected + 1 < self.board.waiting.len() {
                    self.selected += 1;
                }
                Outcome::Nothing
            }
            Action::Awards(AwardAction::Export) => {
                Outcome::Open(Box::new(super::form::Form::export(store, s)))
            }
            Action::Awards(AwardAction::Calibrate) => {
                Outcome::Open(Box::new(super::form::Form::calibration(s)))
            }
            Action::Awards(AwardAction::DecideMany) => {
                match super::form::Form::decide_many(store, s) {
                    Ok(f) => Outcome::Open(Box::new(f)),
                    Err(e) => Outcome::Message(s.store_message(&e)),
                }
            }
            Action::Awards(AwardAction::Submission) => {
                match super::form::Form::submission(store, s) {
                    Ok(Some(form)) => Outcome::Open(Box::new(form)),
                    Ok(None) => Outcome::Message(texts(s).no_batch.into()),
                    Err(e) => Outcome::Message(s.store_message(&e)),
                }
            }
            Action::Awards(AwardAction::Report) => {
                let latest = self
                    .prizes
                    .as_ref()
                    .ok()
                    .and_then(|p| p.last())
                    .map(|(y, _)| *y);
                Outcome::Open(Box::new(super::form::Form::report(store, s, latest)))
            }
            Action::Awards(AwardAction::OpenSelected) => {
                let Some(w) = self.board.waiting.get(self.selected) else {
                    return Outcome::Nothing;
                };
                match ReferralView::open(store, w.nomination_id) {
                    Ok(v) => Outcome::Open(Box::new(v)),
                    Err(e) => Outcome::Failed(e),
                }
            }
            _ => Outcome::Nothing,
        }
    }

    fn colour(&self, level: &str) -> Color {
        let i = self
            .levels
            .iter()
            .position(|l| l.code == level)
            .unwrap_or(0);
        LEVEL_COLOURS[i % LEVEL_COLOURS.len()]
    }

    fn count_lines(&self, s: &Strings) -> Vec<Line<'static>> {
        let t = texts(s);
        let mut out = Vec::new();
        for level in &self.levels {
            let counts: Vec<_> = self
                .board
                .by_level_status
                .iter()
                .filter(|c| c.level == level.code)
                .collect();
            if counts.is_empty() {
                continue;
            }
            let total: u32 = counts.iter().map(|c| c.count).sum();
            let mut spans = vec![Span::styled(
                format!("{}: ", level.name),
                Style::default().fg(self.colour(&level.code)),
            )];
            for (i, c) in counts.iter().enumerate() {
                if i > 0 {
                    spans.push(Span::styled(" · ", THEME.dim));
                }
                spans.push(Span::raw(format!("{} {}", s.status(c.status), c.count)));
            }
            spans.push(Span::styled(
                format!(" — {} {total}", t.total),
                THEME.header,
            ));
            out.push(Line::from(spans));
        }
        out
    }

    fn prize_lines(&self, s: &Strings) -> Vec<Line<'static>> {
        let t = texts(s);
        match &self.prizes {
            Err(e) => vec![Line::styled(e.clone(), THEME.error)],
            Ok(list) if list.is_empty() => vec![Line::styled(t.no_register, THEME.dim)],
            Ok(list) => list
                .iter()
                .map(|(year, p)| {
                    let mut text = format!(
                        "{year}: {} ({} {})",
                        money(s, p.amount),
                        p.counted,
                        t.awards_word
                    );
                    if p.without_figure > 0 {
                        text.push_str(&format!(" · {} {}", p.without_figure, t.no_figure));
                    }
                    Line::raw(text)
                })
                .collect(),
        }
    }

    fn waiting_lines(&self, s: &Strings, cells: usize) -> Vec<Line<'static>> {
        let t = texts(s);
        if self.board.waiting.is_empty() {
            return vec![Line::styled(t.no_waiting, THEME.dim)];
        }
        self.board
            .waiting
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = format!(
                    "{} {} {} {} — {} — {} ({})",
                    fit_right(&w.days.to_string(), 4),
                    fit(t.days, 4),
                    w.since.format("%d/%m/%Y"),
                    w.nominee_name,
                    w.award_name,
                    w.level_name,
                    referral_status(s, w.status)
                );
                let style = if i == self.selected {
                    THEME.selected
                } else {
                    Style::default()
                };
                Line::styled(truncate(&text, cells), style)
            })
            .collect()
    }

    fn render_chart(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = texts(s);
        let legend: Vec<Span<'static>> = self
            .levels
            .iter()
            .flat_map(|l| {
                [
                    Span::styled("■ ", Style::default().fg(self.colour(&l.code))),
                    Span::raw(format!("{}  ", s.level(&l.code))),
                ]
            })
            .collect();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border)
            .title(Line::styled(format!(" {} ", t.chart_title), THEME.title))
            .title_bottom(Line::from(legend));
        let mut years: Vec<i32> = self.board.by_year_level.iter().map(|c| c.year).collect();
        years.dedup();
        if years.is_empty() {
            let inner = block.inner(area);
            block.render(area, buf);
            Paragraph::new(Line::styled(t.no_register, THEME.dim)).render(inner, buf);
            return;
        }
        let used: Vec<&Level> = self
            .levels
            .iter()
            .filter(|l| self.board.by_year_level.iter().any(|c| c.level == l.code))
            .collect();
        let groups: Vec<BarGroup<'static>> = years
            .iter()
            .map(|y| {
                let bars: Vec<Bar<'static>> = used
                    .iter()
                    .map(|l| {
                        let n = self
                            .board
                            .by_year_level
                            .iter()
                            .find(|c| c.year == *y && c.level == l.code)
                            .map_or(0, |c| c.count);
                        Bar::new(u64::from(n))
                            .text_value(n.to_string())
                            .style(Style::default().fg(self.colour(&l.code)))
                            .value_style(Style::default().fg(Color::Black).bg(self.colour(&l.code)))
                    })
                    .collect();
                BarGroup::with_label(Line::from(y.to_string()), bars)
            })
            .collect();
        // Bars as wide as the area allows, at least 3 cells for the figure.
        let inner_w = area.width.saturating_sub(2);
        let per_group = used.len().max(1) as u16;
        let slots = years.len() as u16 * (per_group + 1);
        let width = (inner_w / slots.max(1)).clamp(3, 9);
        let mut chart = BarChart::grouped(groups)
            .block(block)
            .bar_width(width)
            .bar_gap(0)
            .group_gap(width.min(3));
        if let Some(max) = self.board.by_year_level.iter().map(|c| c.count).max() {
            chart = chart.max(u64::from(max));
        }
        chart.render(area, buf);
    }

    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = texts(s);
        Clear.render(area, buf);
        let counts = self.count_lines(s);
        let prizes = self.prize_lines(s);
        let wait_h = (self.board.waiting.len().max(1) as u16 + 2).min(area.height / 4 + 2);
        // Side by side when wide; on a narrow terminal the prizes go under the counts.
        let wide = area.width >= 100;
        let (counts_h, prizes_h) = if wide {
            let h = counts.len().max(prizes.len()) as u16 + 2;
            (h.min(area.height / 3 + 2), 0)
        } else {
            let c = (counts.len() as u16 + 2).min(area.height / 3 + 2);
            (c, (prizes.len() as u16 + 2).min(area.height / 6 + 2))
        };
        let [top, below, waiting, chart] = Layout::vertical([
            Constraint::Length(counts_h),
            Constraint::Length(prizes_h),
            Constraint::Length(wait_h),
            Constraint::Min(6),
        ])
        .areas(area);
        let (left, right) = if wide {
            let [l, r] =
                Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
                    .areas(top);
            (l, r)
        } else {
            (top, below)
        };
        let boxed = |title: &str| {
            Block::default()
                .borders(Borders::ALL)
                .border_style(THEME.border)
                .title(Line::styled(format!(" {title} "), THEME.title))
        };
        Paragraph::new(counts)
            .block(boxed(t.counts_title).border_style(THEME.border_focused))
            .render(left, buf);
        Paragraph::new(prizes)
            .block(boxed(t.prize_title))
            .render(right, buf);
        let title = format!("{} — {}", t.board_title, t.waiting_title);
        let w = boxed(&title);
        let inner = w.inner(waiting);
        w.render(waiting, buf);
        let lines = self.waiting_lines(s, usize::from(inner.width));
        let skip = self
            .selected
            .saturating_sub(usize::from(inner.height).saturating_sub(1));
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(inner, buf);
        self.render_chart(s, chart, buf);
    }
}
