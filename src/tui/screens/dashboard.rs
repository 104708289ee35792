//! The nominations dashboard: state and key handling. The list is read from
//! the database one window of rows at a time (`PageRequest` / `Page`), so it
//! stays instant with hundreds of thousands of nominations; drawing is in
//! `dashboard_view`.

use ratatui::crossterm::event::KeyEvent;

use crate::domain::award::Catalogue;
use crate::domain::nomination::{
    NominationId, NominationQuery, NominationRow, NominationStatus, SortKey,
};

pub use super::dashboard_pages::{Counted, Page, PageRequest, load_detail, read_page, read_rows};
use crate::domain::nominee::NomineeKind;
use crate::store::nomination_keyset::Anchor;
use crate::tui::action::Action;
use crate::tui::widgets::detail::DetailData;
use crate::tui::widgets::text_input::TextInput;

/// Rows fetched per request; the screen shows at most a few dozen.
pub const WINDOW: u32 = 240;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// Every status still waiting for the council or a decision.
    Pending,
    Only(NominationStatus),
    All,
}

impl StatusFilter {
    fn next(self) -> StatusFilter {
        let all = NominationStatus::ALL;
        match self {
            StatusFilter::Pending => StatusFilter::Only(all[0]),
            StatusFilter::Only(s) => match all.iter().position(|x| *x == s) {
                Some(i) if i + 1 < all.len() => StatusFilter::Only(all[i + 1]),
                _ => StatusFilter::All,
            },
            StatusFilter::All => StatusFilter::Pending,
        }
    }
}

pub struct Dashboard {
    pub status: StatusFilter,
    pub kind: Option<NomineeKind>,
    pub level: Option<String>,
    levels: Vec<String>,
    pub sort: SortKey,
    pub descending: bool,
    pub search: TextInput,
    pub searching: bool,
    pub focus: Pane,
    /// Matching rows; None until the first page arrives.
    pub total: Option<u32>,
    pub window_start: u32,
    pub rows: Vec<NominationRow>,
    pub selected: u32,
    pub top: u32,
    pub visible: u16,
    pub detail: Option<DetailData>,
    pub detail_error: Option<String>,
    pub detail_scroll: u16,
    /// Last request made; pages answering older ones are dropped.
    seq: u64,
    pending_offset: Option<u32>,
    /// The rows shown belong to an older query.
    stale: bool,
    /// The request whose count is still being read; meanwhile `total` is
    /// only as far as the rows read.
    counting: Option<u64>,
    /// End was asked for before the count was known: go there when it is.
    end_wanted: bool,
    outbox: Option<PageRequest>,
}

impl Dashboard {
    pub fn new(catalogue: &Catalogue) -> Dashboard {
        let mut levels: Vec<_> = catalogue.levels.clone();
        levels.sort_by_key(|l| l.rank);
        let mut d = Dashboard {
            status: StatusFilter::Pending,
            kind: None,
            level: None,
            levels: levels.into_iter().map(|l| l.code).collect(),
            sort: SortKey::AwardLevel,
            descending: false,
            search: TextInput::default(),
            searching: false,
            focus: Pane::List,
            total: None,
            window_start: 0,
            rows: Vec::new(),
            selected: 0,
            top: 0,
            visible: 10,
            detail: None,
            detail_error: None,
            detail_scroll: 0,
            seq: 0,
            pending_offset: None,
            stale: true,
            counting: None,
            end_wanted: false,
            outbox: None,
        };
        d.ensure_window();
        d
    }

    pub fn query(&self) -> NominationQuery {
        NominationQuery {
            text: self.search.value().to_string(),
            statuses: match self.status {
                StatusFilter::Pending => Vec::new(),
                StatusFilter::Only(s) => vec![s],
                StatusFilter::All => NominationStatus::ALL.to_vec(),
            },
            kind: self.kind,
            award_level: self.level.clone(),
            sort: self.sort,
            descending: self.descending,
        }
    }

    /// The next read the list needs, if any (taken once).
    pub fn take_request(&mut self) -> Option<PageRequest> {
        self.outbox.take()
    }

    pub fn receive(&mut self, page: Page) {
        if page.seq != self.seq {
            return;
        }
        self.pending_offset = None;
        self.stale = false;
        if let Some(total) = page.total {
            self.total = Some(total);
            self.counting = None;
        } else if page.count_follows {
            // Until the count comes, the list is as long as what was read.
            self.total = Some(page.offset + page.rows.len() as u32);
            self.counting = Some(page.seq);
        }
        self.window_start = page.offset;
        self.rows = page.rows;
        let last = self.total.unwrap_or(0).saturating_sub(1);
        self.selected = self.selected.min(last);
        self.scroll_to_selection();
        self.ensure_window();
    }

    /// The count of the query shown, read after its rows.
    pub fn receive_count(&mut self, counted: Counted) {
        if self.counting != Some(counted.seq) {
            return;
        }
        self.counting = None;
        self.total = Some(counted.total);
        if std::mem::take(&mut self.end_wanted) {
            self.move_to(i64::MAX / 2);
            return;
        }
        let last = counted.total.saturating_sub(1);
        self.selected = self.selected.min(last);
        self.scroll_to_selection();
        self.ensure_window();
    }

    /// True while the number of matching rows is still being read.
    pub fn is_counting(&self) -> bool {
        self.counting.is_some()
    }

    pub fn set_viewport(&mut self, rows: u16) {
        self.visible = rows.max(1);
        self.scroll_to_selection();
        self.ensure_window();
    }

    pub fn selected_row(&self) -> Option<&NominationRow> {
        if self.stale {
            return None;
        }
        let i = self.selected.checked_sub(self.window_start)?;
        self.rows.get(i as usize)
    }

    pub fn selected_id(&self) -> Option<NominationId> {
        self.selected_row().map(|r| r.id)
    }

    /// Rows to draw, from `top`, as far as they are loaded. While a new
    /// query is read the previous rows stay (the title says it is loading).
    pub fn visible_rows(&self) -> &[NominationRow] {
        if self.top < self.window_start {
            return &[];
        }
        let from = ((self.top - self.window_start) as usize).min(self.rows.len());
        let to = (from + usize::from(self.visible)).min(self.rows.len());
        &self.rows[from..to]
    }

    pub fn is_loading(&self) -> bool {
        self.pending_offset.is_some()
    }

    fn ensure_window(&mut self) {
        let covered = match self.total {
            Some(total) if !self.stale => {
                let end = (self.top + u32::from(self.visible)).min(total);
                self.window_start <= self.top && end <= self.window_start + self.rows.len() as u32
            }
            _ => false,
        };
        if covered {
            return;
        }
        let (anchor, offset, limit) = self.read_plan(self.top.saturating_sub(WINDOW / 4));
        if self.pending_offset == Some(offset) {
            return;
        }
        self.seq += 1;
        self.pending_offset = Some(offset);
        self.outbox = Some(PageRequest {
            seq: self.seq,
            query: self.query(),
            offset,
            limit,
            anchor,
            // While stale the count may have changed; a scroll keeps it.
            count: self.stale || self.total.is_none(),
        });
    }

    /// How to read a window that starts near `wanted`: by key, next to a
    /// row already loaded or from the end, when the rows shown are current;
    /// otherwise by offset. Returns the anchor, where the rows will start,
    /// and how many to read.
    fn read_plan(&self, wanted: u32) -> (Option<Anchor>, u32, u32) {
        let Some(total) = self.total.filter(|_| !self.stale) else {
            return (None, wanted, WINDOW);
        };
        let start = self.window_start;
        let loaded = self.rows.len() as u32;
        let id_at = |position: u32| {
            position
                .checked_sub(start)
                .and_then(|i| self.rows.get(i as usize))
                .map(|r| r.id)
        };
        if wanted < total && wanted.saturating_add(WINDOW) >= total {
            return (Some(Anchor::End), wanted, total - wanted);
        }
        if wanted > start
            && let Some(id) = id_at(wanted - 1)
        {
            return (Some(Anchor::After(id)), wanted, WINDOW);
        }
        if wanted < start && loaded > 0 {
            // The window ends at a loaded row, as close to the wanted end as possible.
            let end = wanted.saturating_add(WINDOW).min(start + loaded - 1);
            if let (Some(id), Some(from)) = (id_at(end), end.checked_sub(WINDOW)) {
                return (Some(Anchor::Before(id)), from, WINDOW);
            }
        }
        (None, wanted, WINDOW)
    }

    /// The query changed: start again from the first row.
    fn requery(&mut self) {
        self.stale = true;
        self.counting = None;
        self.end_wanted = false;
        self.selected = 0;
        self.top = 0;
        self.detail_scroll = 0;
        self.pending_offset = None;
        self.ensure_window();
    }

    /// Something changed in the database: read the current window again.
    pub fn reload(&mut self) {
        self.stale = true;
        self.counting = None;
        self.pending_offset = None;
        self.ensure_window();
    }

    fn scroll_to_selection(&mut self) {
        let visible = u32::from(self.visible);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + visible {
            self.top = self.selected + 1 - visible;
        }
        // Keep the last page full when the list is long enough.
        if let Some(total) = self.total {
            let max_top = total.saturating_sub(visible);
            self.top = self.top.min(max_top);
        }
    }

    fn move_to(&mut self, target: i64) {
        let total = i64::from(self.total.unwrap_or(0));
        if total == 0 {
            return;
        }
        self.selected = target.clamp(0, total - 1) as u32;
        self.detail_scroll = 0;
        self.scroll_to_selection();
        self.ensure_window();
    }

    /// Apply an action; false when it is not the dashboard's.
    pub fn apply(&mut self, action: &Action) -> bool {
        let page = i64::from(self.visible.max(1));
        let sel = i64::from(self.selected);
        if self.focus == Pane::Detail {
            let scroll = &mut self.detail_scroll;
            match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::PageUp => *scroll = scroll.saturating_sub(self.visible),
                Action::PageDown => *scroll = scroll.saturating_add(self.visible),
                Action::Home => *scroll = 0,
                Action::End => *scroll = u16::MAX,
                _ => return self.apply_common(action),
            }
            return true;
        }
        match action {
            Action::Up => self.move_to(sel - 1),
            Action::Down => self.move_to(sel + 1),
            Action::PageUp => self.move_to(sel - page),
            Action::PageDown => self.move_to(sel + page),
            Action::Home => self.move_to(0),
            Action::End => {
                self.end_wanted = self.counting.is_some();
                self.move_to(i64::MAX / 2)
            }
            _ => return self.apply_common(action),
        }
        true
    }

    fn apply_common(&mut self, action: &Action) -> bool {
        match action {
            Action::NextPane => {
                self.focus = match self.focus {
                    Pane::List => Pane::Detail,
                    Pane::Detail => Pane::List,
                };
            }
            Action::StartSearch => {
                self.searching = true;
                self.focus = Pane::List;
            }
            Action::SearchKeep => self.searching = false,
            Action::SearchClear => {
                self.searching = false;
                if !self.search.value().is_empty() {
                    self.search.clear();
                    self.requery();
                }
            }
            Action::CycleStatus => {
                self.status = self.status.next();
                self.requery();
            }
            Action::CycleKind => {
                let all = NomineeKind::ALL;
                self.kind = match self.kind {
                    None => Some(all[0]),
                    Some(k) => all
                        .iter()
                        .position(|x| *x == k)
                        .and_then(|i| all.get(i + 1).copied()),
                };
                self.requery();
            }
            Action::CycleLevel => {
                self.level = match &self.level {
                    None => self.levels.first().cloned(),
                    Some(l) => self
                        .levels
                        .iter()
                        .position(|x| x == l)
                        .and_then(|i| self.levels.get(i + 1).cloned()),
                };
                self.requery();
            }
            Action::CycleSort => {
                self.sort = match self.sort {
                    SortKey::AwardLevel => SortKey::Score,
                    SortKey::Score => SortKey::Name,
                    SortKey::Name => SortKey::AwardLevel,
                };
                // Highest score first is what a council looks for.
                self.descending = self.sort == SortKey::Score;
                self.requery();
            }
            Action::ReverseSort => {
                self.descending = !self.descending;
                self.requery();
            }
            Action::ClearFilters => {
                self.status = StatusFilter::Pending;
                self.kind = None;
                self.level = None;
                self.search.clear();
                self.searching = false;
                self.requery();
            }
            _ => return false,
        }
        true
    }

    /// A key typed into the search field; the list follows each change.
    pub fn search_key(&mut self, key: &KeyEvent) {
        let before = self.search.value().to_string();
        if self.search.handle_key(key) && self.search.value() != before {
            self.requery();
        }
    }

    /// Whether the list shows the "descending" arrow for the current sort.
    pub fn arrow(&self) -> &'static str {
        // Award level ascending in the store means highest award first.
        let down = match self.sort {
            SortKey::AwardLevel => !self.descending,
            _ => self.descending,
        };
        if down { "↓" } else { "↑" }
    }
}

#[cfg(test)]
#[path = "dashboard_tests.rs"]
mod tests;
