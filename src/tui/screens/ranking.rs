//! The ranking of one round and award level: nominations by consolidated
//! score with rank numbers, the scores still missing, and ties (women and
//! mostly-women collectives first on equal scores). Read when the round or
//! level changes, not per frame.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::award::Catalogue;
use crate::domain::movement::Round;
use crate::domain::nomination::{NominationId, NominationQuery, NominationStatus, SortKey};
use crate::domain::ranking::{self, Candidate, Ranked, Tie};
use crate::i18n::strings::Strings;
use crate::i18n::strings_forms::{FormStrings, forms};
use crate::store::{Result, Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, fit_right, truncate, width, wrap};

pub struct RankedRow {
    pub ranked: Ranked,
    pub award: String,
}

pub struct Ranking {
    rounds: Vec<Round>,
    levels: Vec<String>,
    pub round: usize,
    pub level: usize,
    pub rows: Vec<RankedRow>,
    scroll: u16,
    women_share: u8,
}

/// Scores still missing: criteria × members not recused, minus scores given.
fn missing_scores(sheet: &crate::store::scores::ScoreSheet) -> u32 {
    let mut missing = 0;
    for m in &sheet.members {
        if sheet.recused.iter().any(|(id, _)| *id == m.id) {
            continue;
        }
        for c in &sheet.criteria {
            let given = sheet
                .scores
                .iter()
                .any(|s| s.member_id == m.id && s.criterion_code == c.code);
            missing += u32::from(!given);
        }
    }
    missing
}

fn tie_note(tie: Tie, f: &FormStrings) -> &'static str {
    match tie {
        Tie::None => "",
        Tie::Shared => f.tie_shared,
        Tie::AheadByPreference => f.tie_ahead,
        Tie::BehindByPreference => f.tie_behind,
    }
}

impl Ranking {
    pub fn open(store: &Store, catalogue: &Catalogue) -> Result<Ranking> {
        let mut levels = catalogue.levels.clone();
        levels.sort_by_key(|l| l.rank);
        let women_share = store.council_settings()?.women_share.value;
        let mut r = Ranking {
            rounds: store.rounds_in_use()?,
            levels: levels.into_iter().map(|l| l.code).collect(),
            round: 0,
            level: 0,
            rows: Vec::new(),
            scroll: 0,
            women_share,
        };
        r.load(store)?;
        Ok(r)
    }

    fn load(&mut self, store: &Store) -> Result<()> {
        self.rows.clear();
        self.scroll = 0;
        let (Some(round), Some(level)) = (self.rounds.get(self.round), self.levels.get(self.level))
        else {
            return Ok(());
        };
        let query = NominationQuery {
            statuses: NominationStatus::ALL
                .into_iter()
                .filter(|s| *s != NominationStatus::Withdrawn)
                .collect(),
            award_level: Some(level.clone()),
            sort: SortKey::Score,
            descending: true,
            ..NominationQuery::default()
        };
        let mut candidates = Vec::new();
        let mut awards: HashMap<NominationId, String> = HashMap::new();
        store.for_each_nomination(&query, |row| {
            if row.round != *round {
                return Ok(());
            }
            let nomination = store.nomination(row.id)?;
            let nominee = store.nominee(nomination.nominee_id)?;
            let sheet = store.score_sheet(row.id)?;
            awards.insert(row.id, row.award_short);
            candidates.push(Candidate {
                id: row.id,
                name: row.nominee_name,
                score: row.score,
                preferred: ranking::preferred_on_equal_score(&nominee, self.women_share),
                missing: missing_scores(&sheet),
            });
            Ok::<(), StoreError>(())
        })?;
        self.rows = ranking::rank(candidates)
            .into_iter()
            .map(|ranked| {
                let award = awards.remove(&ranked.candidate.id).unwrap_or_default();
                RankedRow { ranked, award }
            })
            .collect();
        Ok(())
    }

    /// Apply an action; true when the screen should close.
    fn act(&mut self, action: &Action, store: &Store) -> Result<bool> {
        let step = |i: usize, n: usize, back: bool| match (n, back) {
            (0, _) => 0,
            (n, true) => (i + n - 1) % n,
            (n, false) => (i + 1) % n,
        };
        match action {
            Action::Close => return Ok(true),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Left | Action::Right => {
                self.round = step(self.round, self.rounds.len(), *action == Action::Left);
                self.load(store)?;
            }
            Action::CycleLevel => {
                self.level = step(self.level, self.levels.len(), false);
                self.load(store)?;
            }
            _ => {}
        }
        Ok(false)
    }

    fn draw(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let f = forms(s);
        Clear.render(area, buf);
        let round = self
            .rounds
            .get(self.round)
            .map(Round::code)
            .unwrap_or_default();
        let level = self
            .levels
            .get(self.level)
            .map(|l| s.level(l))
            .unwrap_or("");
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(
                format!(
                    " {} — {}: ◂ {round} ▸ · {}: {level} ",
                    f.ranking_title, s.round, s.filter_level
                ),
                THEME.title,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let cells = usize::from(inner.width);
        let mut lines: Vec<Line<'static>> = Vec::new();
        let (rank_w, miss_w) = (5, width(f.missing).max(4) + 1);
        let score_w = width(s.not_scored).max(5) + 1;
        let note_w = self
            .rows
            .iter()
            .map(|r| width(tie_note(r.ranked.tie, f)))
            .max()
            .unwrap_or(0)
            .min(cells / 4);
        let rest = cells.saturating_sub(rank_w + score_w + miss_w + note_w + 4);
        // One cell between the name and the award.
        let (name_w, award_w) = (rest * 3 / 5, rest - rest * 3 / 5);
        lines.push(Line::from(vec![
            Span::styled(fit(f.rank, rank_w), THEME.header),
            Span::styled(fit(s.col_nominee, name_w), THEME.header),
            Span::raw(" "),
            Span::styled(fit(s.col_award, award_w), THEME.header),
            Span::styled(fit_right(s.col_score, score_w), THEME.header),
            Span::styled(fit_right(f.missing, miss_w), THEME.header),
            Span::raw("   "),
            Span::styled(fit("", note_w), THEME.header),
        ]));
        if self.rounds.is_empty() {
            lines.push(Line::styled(f.no_rounds, THEME.dim));
        } else if self.rows.is_empty() {
            lines.push(Line::styled(f.no_ranked, THEME.dim));
        }
        for r in &self.rows {
            let c = &r.ranked.candidate;
            let rank = r.ranked.rank.map_or("–".to_string(), |n| n.to_string());
            let score = c.score.map_or(s.not_scored.to_string(), |v| s.decimal(v));
            let note = tie_note(r.ranked.tie, f);
            let missing_style = if c.missing > 0 {
                THEME.missing
            } else {
                THEME.dim
            };
            lines.push(Line::from(vec![
                Span::styled(fit(&rank, rank_w), THEME.title),
                Span::raw(fit(&c.name, name_w)),
                Span::raw(" "),
                Span::raw(fit(&r.award, award_w)),
                Span::raw(fit_right(&score, score_w)),
                Span::styled(fit_right(&c.missing.to_string(), miss_w), missing_style),
                Span::raw("   "),
                Span::styled(truncate(note, note_w), THEME.filter_active),
            ]));
        }
        lines.push(Line::default());
        let note = f.ranking_note.replace("{}", &self.women_share.to_string());
        lines.extend(
            wrap(&note, cells)
                .into_iter()
                .map(|l| Line::styled(l, THEME.dim)),
        );
        let max = lines.len().saturating_sub(usize::from(inner.height)) as u16;
        Paragraph::new(lines)
            .scroll((self.scroll.min(max), 0))
            .render(inner, buf);
    }
}

impl Screen for Ranking {
    fn context(&self) -> Context {
        Context::Ranking
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        match self.act(action, cx.store) {
            Ok(true) => Outcome::Close,
            Ok(false) => Outcome::Nothing,
            Err(e) => Outcome::Refused(cx.strings.store_message(&e)),
        }
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        self.draw(s, area, buf);
    }
}
