//! The audit log: entries newest first, a page at a time, about one
//! nomination (and everything recorded about it) or about every record; who,
//! when, what, and the before/after images as pretty JSON. The hash chain is
//! verified on a thread of its own and its state shown in the title.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::domain::nomination::NominationId;
use crate::i18n::awards::texts;
use crate::i18n::strings::Strings;
use crate::store::audit::{AuditEntry, ChainBreak};
use crate::store::audit_views::AuditRecord;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::action::AwardAction;
use crate::tui::screen::Outcome;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, truncate};

/// Entries per page.
pub const PAGE: u32 = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chain {
    Checking,
    /// Intact, with the number of entries verified.
    Intact(u32),
    Broken(Vec<ChainBreak>),
    Failed(String),
}

fn check_chain(store: &Store) -> Chain {
    match (store.verify_audit_chain(), store.audit_count()) {
        (Ok(b), _) if !b.is_empty() => Chain::Broken(b),
        (Ok(_), Ok(n)) => Chain::Intact(n),
        (Err(e), _) | (_, Err(e)) => Chain::Failed(e.to_string()),
    }
}

pub struct AuditView {
    /// The nomination the view is about, with its records; None: every record.
    pub about: Option<(NominationId, Vec<AuditRecord>)>,
    pub filtered: bool,
    pub entries: Vec<AuditEntry>,
    pub total: u32,
    pub page: u32,
    pub selected: usize,
    pub json_focus: bool,
    pub scroll: u16,
    pub chain: Chain,
    job: Option<Receiver<Chain>>,
}

impl AuditView {
    pub fn open(store: &Store, about: Option<NominationId>) -> Result<AuditView, StoreError> {
        let about = match about {
            Some(id) => Some((id, store.nomination_audit_records(id)?)),
            None => None,
        };
        let mut v = AuditView {
            filtered: about.is_some(),
            about,
            entries: Vec::new(),
            total: 0,
            page: 0,
            selected: 0,
            json_focus: false,
            scroll: 0,
            chain: Chain::Checking,
            job: None,
        };
        v.reload(store)?;
        v.start_check(store);
        Ok(v)
    }

    /// Verify the chain off the UI loop when the database is a file (a long
    /// log takes a while); a database in memory is checked at once.
    fn start_check(&mut self, store: &Store) {
        self.chain = Chain::Checking;
        let Some(path) = store.path().map(|p| p.to_path_buf()) else {
            self.chain = check_chain(store);
            return;
        };
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let result = match Store::open_read_only(&path) {
                Ok(s) => check_chain(&s),
                Err(e) => Chain::Failed(e.to_string()),
            };
            let _ = tx.send(result);
        });
        self.job = Some(rx);
    }

    /// Take the chain check's answer if it came; true when something changed.
    pub fn poll(&mut self) -> bool {
        let Some(rx) = &self.job else { return false };
        match rx.try_recv() {
            Ok(chain) => {
                self.chain = chain;
                self.job = None;
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.chain = Chain::Failed("the check stopped".into());
                self.job = None;
                true
            }
        }
    }

    fn records(&self) -> &[AuditRecord] {
        match (&self.about, self.filtered) {
            (Some((_, r)), true) => r,
            _ => &[],
        }
    }

    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        if let Some((id, records)) = &mut self.about {
            *records = store.nomination_audit_records(*id)?;
        }
        let (entries, total) = store.audit_page(self.records(), self.page * PAGE, PAGE)?;
        self.entries = entries;
        self.total = total;
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
        Ok(())
    }

    fn pages(&self) -> u32 {
        self.total.div_ceil(PAGE).max(1)
    }

    fn turn(&mut self, store: &Store, page: u32) -> Outcome {
        let page = page.min(self.pages() - 1);
        if page != self.page {
            self.page = page;
            self.selected = 0;
            self.scroll = 0;
            if let Err(e) = self.reload(store) {
                return Outcome::Failed(e);
            }
        }
        Outcome::Nothing
    }

    pub fn apply(&mut self, action: &Action, store: &Store, _s: &Strings) -> Outcome {
        match action {
            Action::Close | Action::Cancel => return Outcome::Close,
            Action::NextPane => self.json_focus = !self.json_focus,
            Action::Up if self.json_focus => self.scroll = self.scroll.saturating_sub(1),
            Action::Down if self.json_focus => self.scroll = self.scroll.saturating_add(1),
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                self.scroll = 0;
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(self.entries.len().saturating_sub(1));
                self.scroll = 0;
            }
            Action::PageDown => return self.turn(store, self.page + 1),
            Action::PageUp => return self.turn(store, self.page.saturating_sub(1)),
            Action::Awards(AwardAction::ToggleFilter) if self.about.is_some() => {
                self.filtered = !self.filtered;
                self.page = 0;
                self.selected = 0;
                if let Err(e) = self.reload(store) {
                    return Outcome::Failed(e);
                }
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn chain_line(&self, s: &Strings) -> Line<'static> {
        let t = texts(s);
        match &self.chain {
            Chain::Checking => Line::styled(t.chain_checking, THEME.dim),
            Chain::Intact(n) => {
                Line::styled(format!("✓ {} ({n})", t.chain_ok), THEME.filter_active)
            }
            Chain::Broken(b) => {
                let list: Vec<String> = b
                    .iter()
                    .map(|x| {
                        format!(
                            "#{} {} {}: {}",
                            x.entry_id, x.table_name, x.record_id, x.reason
                        )
                    })
                    .collect();
                Line::styled(
                    format!("✗ {} {}", t.chain_broken, list.join("; ")),
                    THEME.error,
                )
            }
            Chain::Failed(e) => Line::styled(format!("✗ {e}"), THEME.error),
        }
    }

    fn image_lines(label: &str, json: Option<&str>) -> Vec<Line<'static>> {
        let mut out = vec![Line::styled(label.to_string(), THEME.heading)];
        let text = match json {
            None => "—".to_string(),
            Some(j) => serde_json::from_str::<serde_json::Value>(j)
                .ok()
                .and_then(|v| serde_json::to_string_pretty(&v).ok())
                .unwrap_or_else(|| j.to_string()),
        };
        out.extend(text.lines().map(|l| Line::raw(l.to_string())));
        out
    }

    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = texts(s);
        Clear.render(area, buf);
        let scope = match (&self.about, self.filtered) {
            (Some((id, _)), true) => format!("{} {id}", t.filter_nomination),
            _ => t.filter_all.to_string(),
        };
        let title = format!(
            " {} — {scope} — {} {}/{} ({}) ",
            t.audit_title,
            t.page,
            self.page + 1,
            self.pages(),
            self.total
        );
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        Paragraph::new(self.chain_line(s))
            .wrap(Wrap { trim: true })
            .render(head, buf);
        let wide = body.width >= 100;
        let (list_area, json_area) = if wide {
            let [l, r] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(body);
            (l, r)
        } else {
            let [l, r] = Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
            (l, r)
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if self.json_focus {
                THEME.border
            } else {
                THEME.border_focused
            })
            .title(Line::styled(
                truncate(&title, usize::from(list_area.width.saturating_sub(2))),
                THEME.title,
            ));
        let inner = block.inner(list_area);
        block.render(list_area, buf);
        let cells = usize::from(inner.width);
        let mut lines = vec![Line::styled(
            truncate(
                &format!(
                    "{} {} {} {}",
                    fit(t.col_at, 16),
                    fit(t.col_actor, 10),
                    fit(t.col_action, 9),
                    t.col_record
                ),
                cells,
            ),
            THEME.header,
        )];
        if self.entries.is_empty() {
            lines.push(Line::styled(t.no_entries, THEME.dim));
        }
        let rows = usize::from(inner.height.saturating_sub(1));
        let top = self.selected.saturating_sub(rows.saturating_sub(1));
        for (i, e) in self.entries.iter().enumerate().skip(top).take(rows) {
            let at = e.at.replace('T', " ");
            let text = format!(
                "{} {} {} {} {}",
                fit(at.get(..16).unwrap_or(&at), 16),
                fit(&e.actor, 10),
                fit(&e.action, 9),
                e.table_name,
                e.record_id
            );
            let style = if i == self.selected {
                THEME.selected
            } else {
                Style::default()
            };
            lines.push(Line::styled(truncate(&text, cells), style));
        }
        Paragraph::new(lines).render(inner, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if self.json_focus {
                THEME.border_focused
            } else {
                THEME.border
            })
            .title(Line::styled(
                format!(" {} / {} ", t.before, t.after),
                THEME.title,
            ));
        let inner = block.inner(json_area);
        block.render(json_area, buf);
        let Some(e) = self.entries.get(self.selected) else {
            return;
        };
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("#{} ", e.id), THEME.dim),
            Span::raw(format!(
                "{} · {} · {} {}",
                e.at, e.actor, e.table_name, e.record_id
            )),
        ])];
        lines.extend(Self::image_lines(t.before, e.before.as_deref()));
        lines.extend(Self::image_lines(t.after, e.after.as_deref()));
        let max = lines.len().saturating_sub(usize::from(inner.height)) as u16;
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll.min(max), 0))
            .render(inner, buf);
    }
}
