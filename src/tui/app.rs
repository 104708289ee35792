//! The application state and its single entry point, `handle_event`: the
//! terminal loop and the tests both feed events through it. Keys go to the
//! layer on top (modal, then screen, then the dashboard), become an `Action`
//! through the keymap, and `dispatch` applies it.

mod forms;
mod import_glue;
mod minutes;

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
use super::modals::Modal;
use super::modals::confirm::Confirm;
use super::modals::help::Help;
use super::modals::message::Message;
use super::screens::dashboard::{Dashboard, load_detail, read_page};
use super::screens::meeting::{self, MeetingAction, MeetingMode};
use super::screens::planning::PlanAction;
use super::screens::scoring::{Outcome, Scoring};
use super::screens::{Screen, dashboard_view};
use super::strings::Strings;
use super::theme::THEME;
use super::transfer::Running;
use super::widgets::hint_bar::hint_line;
use super::widgets::table::truncate;

mod awards_glue;
mod plan;

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
    screens: Vec<Screen>,
    modals: Vec<Modal>,
    pages: PageSource,
    area: Rect,
    status: Option<(String, u8)>,
    queue: VecDeque<Internal>,
    quit: bool,
    printing: minutes::PrintQueue,
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
        let mut modals = Vec::new();
        let catalogue = store.catalogue().unwrap_or_else(|e| {
            modals.push(Modal::Message(Message {
                text: e.to_string(),
                error: true,
            }));
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
            screens: Vec::new(),
            modals,
            pages,
            area: Rect::new(0, 0, width, height),
            status: None,
            queue: VecDeque::new(),
            quit: false,
            printing: minutes::PrintQueue::default(),
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
        if let Some(m) = self.modals.last() {
            return m.context();
        }
        if let Some(s) = self.screens.last() {
            return s.context();
        }
        if self.dashboard.searching {
            Context::Search
        } else {
            Context::Dashboard
        }
    }

    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            Event::Key(k) => self.handle_key(&k),
            Event::Resize(w, h) => self.resize(w, h),
            Event::Tick => {
                self.autosave_minutes(std::time::Duration::ZERO);
                if let Some((_, left)) = &mut self.status {
                    *left = left.saturating_sub(1);
                    if *left == 0 {
                        self.status = None;
                    }
                }
            }
            Event::Job(JobResult::Page(Ok(page))) => self.dashboard.receive(page),
            Event::Job(JobResult::Page(Err(e))) => self.error(e),
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
        let context = self.context();
        if let Some(action) = keymap::resolve(context, key) {
            let typed = action == Action::TypeScore;
            self.dispatch(action);
            // The digit that opened the score field is its first character.
            if typed && let Some(Screen::Scoring(s)) = self.screens.last_mut() {
                s.edit_key(key);
            }
            return;
        }
        // Text fields get the keys the keymap leaves alone.
        match context {
            Context::Search => self.dashboard.search_key(key),
            Context::ScoreEdit => {
                if let Some(Screen::Scoring(s)) = self.screens.last_mut() {
                    s.edit_key(key);
                }
            }
            Context::Form | Context::Prompt => self.text_key(key),
            Context::MeetingInput => {
                if let Some(Screen::Meeting(m)) = self.screens.last_mut() {
                    m.input_key(key);
                }
            }
            Context::PlanInput => self.planning_key(key),
            Context::ImportInput => {
                if let Some(Screen::ImportPreview(p)) = self.screens.last_mut() {
                    p.input_key(key);
                }
            }
            Context::MinutesEdit => self.minutes_key(key),
            Context::AwardsForm | Context::AwardsSearch => {
                if let Some(Screen::Awards(a)) = self.screens.last_mut() {
                    a.edit_key(key);
                }
            }
            _ => {}
        }
    }

    pub fn dispatch(&mut self, action: Action) {
        if action == Action::Quit {
            // Whatever is being typed is kept.
            self.autosave_minutes(std::time::Duration::ZERO);
            self.quit = true;
            return;
        }
        if self.forms_modal(&action) {
            return;
        }
        if let Some(top) = self.modals.last_mut() {
            let close = match top {
                Modal::Help(h) => {
                    h.apply(&action);
                    action == Action::Close
                }
                Modal::Message(_) => action == Action::Close,
                Modal::Confirm(_) => matches!(action, Action::Confirm | Action::Cancel),
                Modal::Prompt(_) | Modal::Report(_) => false,
            };
            if close
                && let Some(Modal::Confirm(c)) = self.modals.pop()
                && action == Action::Confirm
            {
                self.dispatch(c.pending);
            }
            return;
        }
        if action == Action::Help {
            self.modals.push(Modal::Help(Help::new(self.context())));
            return;
        }
        if self.awards_dispatch(&action) || self.import_dispatch(&action) {
            return;
        }
        if let Some(Screen::Scoring(s)) = self.screens.last_mut() {
            let outcome = s.apply(&action, &mut self.store, self.strings);
            self.outcome(outcome);
            return;
        }
        if self.minutes_dispatch(&action) {
            return;
        }
        if let Some(Screen::Meeting(m)) = self.screens.last_mut() {
            let outcome = m.apply(&action, &mut self.store, self.strings);
            self.meeting_outcome(outcome);
            return;
        }
        if let Some(Screen::Planning(_)) = self.screens.last() {
            self.planning_action(&action);
            return;
        }
        if action == Action::Plan(PlanAction::Enter) {
            self.open_planning();
            return;
        }
        if action == Action::Meeting(MeetingAction::Enter) {
            self.open_meeting_mode();
            return;
        }
        if self.forms_screen(&action) || self.forms_dashboard(&action) {
            return;
        }
        if action == Action::OpenScoring {
            self.open_scoring();
            return;
        }
        if action == Action::Refresh {
            // Another instance may have changed the list or the selected record.
            self.catalogue = self
                .store
                .catalogue()
                .unwrap_or_else(|_| self.catalogue.clone());
            self.dashboard.detail = None;
            self.dashboard.reload();
            return;
        }
        self.dashboard.apply(&action);
    }

    pub(super) fn outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            Outcome::Close => {
                self.screens.pop();
            }
            Outcome::Changed(id, text) => {
                self.queue.push_back(Internal::ScoresChanged(id));
                self.status = Some((text, STATUS_TICKS));
            }
            Outcome::Ask(message, pending) => {
                self.modals
                    .push(Modal::Confirm(Confirm { message, pending }));
            }
            Outcome::Prompt(question, purpose) => {
                self.prompt(purpose, question, self.strings.recusal_prompt, "");
            }
            Outcome::Failed(StoreError::ReadOnly) => {
                self.error(self.strings.read_only_banner.trim().to_string());
            }
            // An untyped check has only the store's text: say where it came from.
            Outcome::Failed(e @ StoreError::Invalid(_)) => self.error(format!(
                "{}: {}",
                self.strings.store_error,
                self.strings.store_message(&e)
            )),
            // A refusal says what to do, and the database's own failures
            // (busy, disk full, changed by someone else) say what happened.
            Outcome::Failed(e) => self.error(self.strings.store_message(&e)),
        }
    }

    fn meeting_outcome(&mut self, outcome: meeting::Outcome) {
        match outcome {
            meeting::Outcome::Nothing => {}
            meeting::Outcome::Close => {
                self.screens.pop();
                self.planning_reload();
            }
            meeting::Outcome::Changed(text) => {
                // Votes move nominations' statuses: the list shows them at once.
                self.dashboard.reload();
                self.dashboard.detail = None;
                self.status = Some((text, STATUS_TICKS));
            }
            meeting::Outcome::Ask(message, pending) => {
                self.modals
                    .push(Modal::Confirm(Confirm { message, pending }));
            }
            meeting::Outcome::Failed(e) => self.outcome(Outcome::Failed(e)),
        }
    }

    fn open_meeting_mode(&mut self) {
        let picked = meeting::pick_meeting(&self.store);
        match picked {
            Ok(Some(id)) => match MeetingMode::open(&self.store, id) {
                Ok(m) => self.screens.push(Screen::Meeting(Box::new(m))),
                Err(e) => self.error(self.strings.store_message(&e)),
            },
            Ok(None) => self.error(self.strings.meeting().no_meeting.to_string()),
            Err(e) => self.error(self.strings.store_message(&e)),
        }
    }

    fn open_scoring(&mut self) {
        let Some(row) = self.dashboard.selected_row() else {
            return;
        };
        let title = format!("{} — {}", row.nominee_name, row.award_short);
        match Scoring::open(&self.store, row.id, title) {
            Ok(s) => self.screens.push(Screen::Scoring(Box::new(s))),
            Err(e) => self.error(self.strings.store_message(&e)),
        }
    }

    fn error(&mut self, text: String) {
        self.modals
            .push(Modal::Message(Message { text, error: true }));
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.area = Rect::new(0, 0, w, h);
        let body = self.areas(self.area).2;
        self.dashboard.set_viewport(dashboard_view::list_rows(body));
        self.minutes_resize();
    }

    /// Serve the dashboard's page requests, handle internal messages, and
    /// load the detail of the selected row when it changed.
    fn settle(&mut self) {
        self.awards_poll();
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
        match self.screens.last() {
            Some(Screen::Scoring(sc)) => sc.render(s, body, buf),
            Some(Screen::NominationForm(f)) => f.render(body, buf),
            Some(Screen::EvidenceForm(f)) => f.render(body, buf),
            Some(Screen::EvidenceList(l)) => l.render(s, body, buf),
            Some(Screen::Ranking(r)) => r.render(s, body, buf),
            Some(Screen::Meeting(m)) => super::screens::meeting_view::render(m, s, body, buf),
            Some(Screen::Planning(p)) => super::screens::plan_view::render(p, s, body, buf),
            Some(Screen::ImportPreview(p)) => {
                super::screens::import_preview_view::render(p, s, body, buf)
            }
            _ => {
                self.minutes_render(body, buf);
            }
        }
        self.awards_render(body, buf);
        for m in &self.modals {
            match m {
                Modal::Help(h) => h.render(s, body, buf),
                Modal::Confirm(c) => c.render(s, body, buf),
                Modal::Message(msg) => msg.render(s, body, buf),
                Modal::Prompt(p) => p.render(s, body, buf),
                Modal::Report(r) => r.render(body, buf),
            }
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
