//! The application state and its single entry point, `handle_event`: the
//! terminal loop and the tests both feed events through it. Keys become an
//! `Action` through the keymap of the layer on top (a popup, a screen, or the
//! dashboard when the stack is empty), and `dispatch` hands it to that layer
//! only; what the layer answers (`screen::Outcome`) is carried out here.

mod import_glue;
mod printing;
mod transfers;

use std::collections::VecDeque;
use std::sync::mpsc::Sender;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::domain::award::Catalogue;
use crate::domain::nomination::NominationId;
use crate::store::{Store, StoreError};

use super::action::Action;
use super::event::{Event, JobResult};
use super::jobs::PageReader;
use super::keymap::{self, Context};
use super::modals::help::Help;
use super::modals::message::Message;
use super::screen::{Ctx, Outcome, Screen};
use super::screens::dashboard::{Dashboard, load_detail, read_page};
use super::screens::{dashboard_open, dashboard_view};
use super::theme::THEME;
use super::transfer::Running;
use super::widgets::hint_bar::hint_line;
use super::widgets::table::truncate;
use crate::i18n::strings::Strings;

mod awards_glue;
mod layers;
mod setup_glue;

/// Where the dashboard's pages are read: here, or on the reader thread.
pub enum PageSource {
    Inline,
    Reader(PageReader),
}

/// Messages between parts of the app, handled after each action, so screens
/// never hold references to each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Internal {
    ScoresChanged(NominationId),
}

/// Ticks a status message stays in the bottom line.
const STATUS_TICKS: u8 = 12;

pub struct App {
    store: Store,
    catalogue: Catalogue,
    strings: &'static Strings,
    title: String,
    pub dashboard: Dashboard,
    /// Screens and popups over the dashboard; the last is on top.
    layers: Vec<Box<dyn Screen>>,
    pages: PageSource,
    area: Rect,
    status: Option<(String, u8)>,
    queue: VecDeque<Internal>,
    quit: bool,
    printing: printing::PrintQueue,
    /// Where background jobs report (none in tests that run them inline).
    jobs: Option<Sender<Event>>,
    transfer: Option<Running>,
}

impl App {
    /// An app reading its pages on the UI thread (tests, databases in memory).
    pub fn new(store: Store, strings: &'static Strings, width: u16, height: u16) -> App {
        Self::with_pages(store, strings, width, height, PageSource::Inline)
    }

    pub fn with_pages(
        store: Store,
        strings: &'static Strings,
        width: u16,
        height: u16,
        pages: PageSource,
    ) -> App {
        let mut layers = Vec::new();
        let catalogue = store.catalogue().unwrap_or_else(|e| {
            let message: Box<dyn Screen> = Box::new(Message {
                text: e.to_string(),
                error: true,
            });
            layers.push(message);
            Catalogue::default()
        });
        let title = match store.council() {
            Ok(Some(c)) => c.name,
            _ => strings.app_title.to_string(),
        };
        let mut app = App {
            dashboard: Dashboard::new(&catalogue),
            store,
            catalogue,
            strings,
            title,
            layers,
            pages,
            area: Rect::new(0, 0, width, height),
            status: None,
            queue: VecDeque::new(),
            quit: false,
            printing: printing::PrintQueue::default(),
            jobs: None,
            transfer: None,
        };
        app.resize(width, height);
        app.settle();
        app
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The context of the layer on top, which receives the keys.
    pub fn context(&self) -> Context {
        match self.layers.last() {
            Some(layer) => layer.context(),
            None if self.dashboard.searching => Context::Search,
            None => Context::Dashboard,
        }
    }

    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            Event::Key(k) => self.handle_key(&k),
            Event::Resize(w, h) => self.resize(w, h),
            Event::Tick => {
                self.autosave(std::time::Duration::ZERO);
                if let Some((_, left)) = &mut self.status {
                    *left = left.saturating_sub(1);
                    if *left == 0 {
                        self.status = None;
                    }
                }
            }
            Event::Job(JobResult::Page(Ok(page))) => self.dashboard.receive(page),
            Event::Job(JobResult::Page(Err(e))) => self.error(self.strings.store_message(&e)),
            Event::Job(JobResult::Counted(Ok(counted))) => self.dashboard.receive_count(counted),
            Event::Job(JobResult::Counted(Err(e))) => self.error(self.strings.store_message(&e)),
            Event::Job(JobResult::ReaderFailed(_)) => {
                self.pages = PageSource::Inline;
                self.dashboard.reload();
            }
            Event::Job(JobResult::Printed(r)) => self.job_printed(r),
            Event::Job(JobResult::Transfer(t)) => self.transfer_event(t),
        }
        self.collect_jobs();
        self.settle();
    }

    fn handle_key(&mut self, key: &KeyEvent) {
        // Windows reports releases too; only presses act.
        if key.kind != KeyEventKind::Press {
            return;
        }
        if let Some(action) = keymap::resolve(self.context(), key) {
            // The digit that opened the score field is its first character.
            let typed = action == Action::TypeScore;
            self.dispatch(action);
            if typed {
                self.text_key(key);
            }
            return;
        }
        self.text_key(key);
    }

    /// A key the keymap leaves to the text field of the layer on top (the
    /// dashboard's search when no layer is open).
    fn text_key(&mut self, key: &KeyEvent) {
        if self.layers.is_empty() {
            if self.context() == Context::Search {
                self.dashboard.search_key(key);
            }
            return;
        }
        let outcome = self.with_cx(|layers, cx| match layers.last_mut() {
            Some(top) => top.text_key(key, cx),
            None => Outcome::Nothing,
        });
        self.outcome(outcome);
    }

    /// Hand `action` to the layer on top, or to the dashboard.
    pub fn dispatch(&mut self, action: Action) {
        if action == Action::Quit {
            // Whatever is being typed is kept.
            self.autosave(std::time::Duration::ZERO);
            self.quit = true;
            return;
        }
        let modal = self.layers.last().is_some_and(|l| l.is_modal());
        if action == Action::Help && !modal {
            let help = Help::new(self.context());
            self.push(Box::new(help));
            return;
        }
        let body = self.areas(self.area).2;
        let filter = self.dashboard.query();
        let row = self.dashboard.selected_row();
        let mut cx = Ctx {
            store: &mut self.store,
            strings: self.strings,
            catalogue: &self.catalogue,
            filter: &filter,
            selected: row.map(|r| r.id),
            body,
            now: std::time::Instant::now(),
        };
        let outcome = match self.layers.last_mut() {
            Some(top) => top.apply(&action, &mut cx),
            None => match dashboard_open::open(&action, row, &mut cx) {
                Some(outcome) => outcome,
                None => return self.dashboard_dispatch(action),
            },
        };
        self.outcome(outcome);
    }

    /// Dashboard actions that neither open a screen nor stay in the list.
    fn dashboard_dispatch(&mut self, action: Action) {
        match action {
            Action::ImportFile | Action::ExportList => self.transfer_dispatch(&action),
            Action::Refresh => {
                // Another instance may have changed the list or the selected record.
                self.catalogue = self
                    .store
                    .catalogue()
                    .unwrap_or_else(|_| self.catalogue.clone());
                self.dashboard.detail = None;
                self.dashboard.reload();
            }
            _ => {
                self.dashboard.apply(&action);
            }
        }
    }

    fn error(&mut self, text: String) {
        self.push(Box::new(Message { text, error: true }));
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.area = Rect::new(0, 0, w, h);
        let body = self.areas(self.area).2;
        self.dashboard.set_viewport(dashboard_view::list_rows(body));
        for layer in &mut self.layers {
            layer.resize(body);
        }
    }

    /// Serve the dashboard's page requests, handle internal messages, and
    /// load the detail of the selected row when it changed.
    fn settle(&mut self) {
        self.poll_layers();
        while let Some(msg) = self.queue.pop_front() {
            match msg {
                Internal::ScoresChanged(id) => {
                    self.dashboard.reload();
                    if self.dashboard.detail.as_ref().map(|d| d.nomination.id) == Some(id) {
                        self.dashboard.detail = None;
                    }
                }
            }
        }
        while let Some(req) = self.dashboard.take_request() {
            match &self.pages {
                PageSource::Inline => match read_page(&self.store, &req) {
                    Ok(page) => self.dashboard.receive(page),
                    Err(e) => {
                        self.error(self.strings.store_message(&e));
                        break;
                    }
                },
                PageSource::Reader(r) => {
                    if !r.request(req) {
                        self.pages = PageSource::Inline;
                        self.dashboard.reload();
                    }
                }
            }
        }
        let selected = self.dashboard.selected_id();
        let shown = self.dashboard.detail.as_ref().map(|d| d.nomination.id);
        if selected.is_some() && selected != shown {
            self.load_detail(selected);
        }
        // Scrolling stops at the last line, so scrolling back starts at once.
        let body = self.areas(self.area).2;
        let max = dashboard_view::detail_max_scroll(&self.dashboard, self.strings, body);
        self.dashboard.detail_scroll = self.dashboard.detail_scroll.min(max);
    }

    fn load_detail(&mut self, id: Option<NominationId>) {
        let Some(id) = id else { return };
        match load_detail(&self.store, &self.catalogue, id) {
            Ok(mut d) => {
                // Computed once per selection, not on every frame.
                d.eligibility_warning = self.awards_warning(id);
                self.dashboard.detail = Some(d);
                self.dashboard.detail_error = None;
            }
            Err(StoreError::NotFound { .. }) => self.dashboard.reload(),
            Err(e) => {
                self.dashboard.detail = None;
                self.dashboard.detail_error = Some(self.strings.store_message(&e));
            }
        }
    }

    /// The line under the title when the database cannot take changes:
    /// damage (which a restore cures) before read-only.
    fn banner(&self) -> Option<&'static str> {
        if self.store.known_damage().is_some() {
            Some(self.strings.damaged_banner)
        } else if self.store.is_read_only() {
            Some(self.strings.read_only_banner)
        } else {
            None
        }
    }

    /// Title, read-only banner (when needed), body, hint bar.
    fn areas(&self, area: Rect) -> (Rect, Rect, Rect, Rect) {
        let banner = u16::from(self.banner().is_some());
        let [title, banner, body, hints] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        (title, banner, body, hints)
    }

    pub fn draw(&self, frame: &mut Frame) {
        self.render(frame.area(), frame.buffer_mut());
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let s = self.strings;
        let (title, banner, body, hints) = self.areas(area);
        let cells = usize::from(area.width);
        Paragraph::new(Line::from(vec![
            Span::styled(" hoidong ", THEME.hint_key),
            Span::styled(
                format!(" {}", truncate(&self.title, cells.saturating_sub(10))),
                THEME.title,
            ),
        ]))
        .render(title, buf);
        if let Some(text) = self.banner().filter(|_| banner.height > 0) {
            Paragraph::new(Line::styled(truncate(text, cells), THEME.banner))
                .style(THEME.banner)
                .render(banner, buf);
        }
        dashboard_view::render(&self.dashboard, s, body, buf);
        // From the topmost full screen up: popups show what is under them.
        let from = self.layers.iter().rposition(|l| !l.is_popup()).unwrap_or(0);
        for layer in &self.layers[from..] {
            layer.render(s, body, buf);
        }
        let bottom = match &self.status {
            Some((text, _)) => Line::styled(truncate(text, cells), THEME.filter_active),
            None => match self.transfer_line() {
                Some(text) => Line::styled(truncate(&text, cells), THEME.filter_active),
                None => hint_line(self.context(), s, cells),
            },
        };
        Paragraph::new(bottom).render(hints, buf);
    }
}
