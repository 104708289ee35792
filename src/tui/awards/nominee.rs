//! A nominee's page: every award in the register with its decision, every
//! nomination with its status, the eligibility of the award now proposed
//! with its explanation; beside it, the whole register, searchable ignoring
//! case and tones; Enter shows the nominee of the entry under the cursor.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::eligibility::Evaluation;
use crate::domain::nomination::{Nomination, NominationId};
use crate::domain::nominee::{Nominee, NomineeId};
use crate::domain::register::RegisterEntry;
use crate::domain::text::{fold, matches_folded};
use crate::i18n::awards::texts;
use crate::i18n::strings::Strings;
use crate::store::holds::AwardHold;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::action::AwardAction;
use crate::tui::screen::Outcome;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{truncate, wrap};
use crate::tui::widgets::text_input::TextInput;

pub struct NomineePage {
    pub nominee: Nominee,
    pub history: Vec<RegisterEntry>,
    pub nominations: Vec<(Nomination, String)>,
    pub holds: Vec<AwardHold>,
    /// The nomination now proposed and its eligibility.
    pub proposal: Option<(NominationId, Evaluation)>,
    /// The whole register with each entry's folded text, read once.
    register: Vec<(RegisterEntry, String)>,
    /// Indexes into `register` matching the search.
    pub shown: Vec<usize>,
    pub search: TextInput,
    pub searching: bool,
    pub selected: usize,
    pub detail_focus: bool,
    pub scroll: u16,
}

impl NomineePage {
    pub fn open(
        store: &Store,
        nominee: NomineeId,
        proposal: Option<NominationId>,
    ) -> Result<NomineePage, StoreError> {
        let mut p = NomineePage {
            nominee: store.nominee(nominee)?,
            history: Vec::new(),
            nominations: Vec::new(),
            holds: Vec::new(),
            proposal: None,
            register: Vec::new(),
            shown: Vec::new(),
            search: TextInput::default(),
            searching: false,
            selected: 0,
            detail_focus: false,
            scroll: 0,
        };
        p.load_register(store)?;
        p.show(store, nominee, proposal)?;
        Ok(p)
    }

    fn load_register(&mut self, store: &Store) -> Result<(), StoreError> {
        self.register = store
            .register_entries()?
            .into_iter()
            .map(|e| {
                let hay = fold(&format!(
                    "{} | {} | {} | {} | {} | {}",
                    e.nominee_name, e.unit, e.award_name, e.decision_number, e.authority, e.year
                ));
                (e, hay)
            })
            .collect();
        self.filter();
        Ok(())
    }

    /// Show `nominee`; the proposal is the one given, else the newest still open.
    fn show(
        &mut self,
        store: &Store,
        nominee: NomineeId,
        proposal: Option<NominationId>,
    ) -> Result<(), StoreError> {
        self.nominee = store.nominee(nominee)?;
        self.history = store.award_history(nominee)?;
        self.holds = store.holds_of(nominee)?;
        let catalogue = store.catalogue()?;
        let nominations = store.nominations_of(nominee)?;
        let chosen = proposal.or_else(|| {
            nominations
                .iter()
                .filter(|n| n.status.is_pending())
                .max_by_key(|n| n.id)
                .map(|n| n.id)
        });
        self.nominations = nominations
            .into_iter()
            .map(|n| {
                let name = catalogue
                    .award(&n.award_code)
                    .map_or(n.award_code.clone(), |a| a.short_name.clone());
                (n, name)
            })
            .collect();
        self.proposal = match chosen {
            Some(id) => Some((id, store.eligibility(id)?)),
            None => None,
        };
        self.scroll = 0;
        Ok(())
    }

    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        let proposal = self.proposal.as_ref().map(|(id, _)| *id);
        self.load_register(store)?;
        self.show(store, self.nominee.id, proposal)
    }

    fn filter(&mut self) {
        let q = self.search.value().to_string();
        self.shown = self
            .register
            .iter()
            .enumerate()
            .filter(|(_, (_, hay))| q.trim().is_empty() || matches_folded(hay, &q))
            .map(|(i, _)| i)
            .collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }

    pub fn search_key(&mut self, key: &KeyEvent) {
        let before = self.search.value().to_string();
        if self.search.handle_key(key) && self.search.value() != before {
            self.selected = 0;
            self.filter();
        }
    }

    pub fn selected_entry(&self) -> Option<&RegisterEntry> {
        self.shown
            .get(self.selected)
            .and_then(|i| self.register.get(*i))
            .map(|(e, _)| e)
    }

    pub fn apply(&mut self, action: &Action, store: &Store, _s: &Strings) -> Outcome {
        let last = self.shown.len().saturating_sub(1);
        match action {
            Action::Close | Action::Cancel => return Outcome::Close,
            Action::StartSearch => self.searching = true,
            Action::SearchKeep => self.searching = false,
            Action::SearchClear => {
                self.searching = false;
                self.search.clear();
                self.filter();
            }
            Action::NextPane => self.detail_focus = !self.detail_focus,
            Action::Up if self.detail_focus => self.scroll = self.scroll.saturating_sub(1),
            Action::Down if self.detail_focus => self.scroll = self.scroll.saturating_add(1),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(last),
            Action::Awards(AwardAction::OpenSelected) => {
                if let Some(id) = self.selected_entry().map(|e| e.nominee_id)
                    && let Err(e) = self.show(store, id, None)
                {
                    return Outcome::Failed(e);
                }
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn detail_lines(&self, s: &Strings, cells: usize) -> Vec<Line<'static>> {
        let t = texts(s);
        let lang = s.lang;
        let mut out = vec![Line::from(vec![
            Span::styled(truncate(&self.nominee.name, cells), THEME.title),
            Span::styled(format!("  {}", s.kind(self.nominee.kind)), THEME.dim),
        ])];
        if !self.nominee.unit.is_empty() {
            out.push(Line::styled(truncate(&self.nominee.unit, cells), THEME.dim));
        }
        for h in &self.holds {
            let lifted = h.lifted.map_or(String::new(), |d| format!(" → {d}"));
            out.push(Line::styled(
                truncate(
                    &format!("{}: {} ({}{lifted})", t.hold, h.reason, h.from),
                    cells,
                ),
                THEME.missing,
            ));
        }
        out.push(Line::default());
        out.push(Line::styled(t.awards_held, THEME.heading));
        if self.history.is_empty() {
            out.push(Line::styled(t.no_awards, THEME.dim));
        }
        for e in &self.history {
            let date = e
                .decision_date
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default();
            let text = format!(
                "{} {} — {} {} — {} [{}]",
                e.year,
                e.award_name,
                e.decision_number,
                date,
                e.authority,
                e.source.label(lang)
            );
            for part in wrap(&text, cells) {
                out.push(Line::raw(part));
            }
        }
        out.push(Line::default());
        out.push(Line::styled(t.nominations_title, THEME.heading));
        for (n, award) in &self.nominations {
            let mark = if self.proposal.as_ref().map(|p| p.0) == Some(n.id) {
                "▸ "
            } else {
                "  "
            };
            out.push(Line::raw(truncate(
                &format!("{mark}{} {award} — {}", n.round.code(), s.status(n.status)),
                cells,
            )));
        }
        if let Some((_, eval)) = &self.proposal {
            out.push(Line::default());
            out.push(Line::styled(t.eligibility_title, THEME.heading));
            for (i, l) in eval.explain(lang).lines().enumerate() {
                let style = if i == 0 && eval.needs_override() {
                    THEME.missing
                } else {
                    Style::default()
                };
                for part in wrap(l, cells) {
                    out.push(Line::styled(part, style));
                }
            }
        }
        out
    }

    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = texts(s);
        Clear.render(area, buf);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        let border = |focused: bool| {
            if focused {
                THEME.border_focused
            } else {
                THEME.border
            }
        };
        let mut title = vec![Span::styled(
            format!(
                " {} {}/{} ",
                t.register_title,
                self.shown.len(),
                self.register.len()
            ),
            THEME.title,
        )];
        if self.searching || !self.search.value().is_empty() {
            title.extend(self.search.line(s.search_prompt, self.searching).spans);
            title.push(Span::raw(" "));
        }
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(border(!self.detail_focus))
            .title(Line::from(title));
        let inner = block.inner(left);
        block.render(left, buf);
        let rows = usize::from(inner.height);
        let top = self.selected.saturating_sub(rows.saturating_sub(1));
        let cells = usize::from(inner.width);
        let lines: Vec<Line<'static>> = self
            .shown
            .iter()
            .enumerate()
            .skip(top)
            .take(rows)
            .filter_map(|(i, idx)| {
                let (e, _) = self.register.get(*idx)?;
                let text = format!(
                    "{} {} — {} — {}",
                    e.year, e.nominee_name, e.award_name, e.decision_number
                );
                let style = if i == self.selected {
                    THEME.selected
                } else if e.nominee_id == self.nominee.id {
                    THEME.header
                } else {
                    Style::default()
                };
                Some(Line::styled(truncate(&text, cells), style))
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(border(self.detail_focus))
            .title(Line::styled(format!(" {} ", t.nominee_title), THEME.title));
        let inner = block.inner(right);
        block.render(right, buf);
        let lines = self.detail_lines(s, usize::from(inner.width));
        let max = lines.len().saturating_sub(usize::from(inner.height)) as u16;
        Paragraph::new(lines)
            .scroll((self.scroll.min(max), 0))
            .render(inner, buf);
    }
}
