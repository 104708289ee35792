//! The app's side of the set-up: the first-run offer, the settings screen
//! and the walk-through on the screen stack, the demo written in the
//! background, and the offer to set up a council when a screen needs one.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::demo;
use crate::domain::council_rules::CouncilRefusal;
use crate::store::refusal::MeetingRefusal;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::event::{Event, JobResult};
use crate::tui::modals::Modal;
use crate::tui::modals::confirm::Confirm;
use crate::tui::screens::Screen;
use crate::tui::screens::meeting::MeetingAction;
use crate::tui::screens::setup::choice::FirstRun;
use crate::tui::screens::setup::settings::SettingsMenu;
use crate::tui::screens::setup::steps::StepScreen;
use crate::tui::screens::setup::strings::setup;
use crate::tui::screens::setup::{Outcome, SetupAction, SetupScreen, Step};

use super::{App, STATUS_TICKS};

/// Ticks the "writing the demo" line may stay (it is replaced when done).
const DEMO_TICKS: u8 = u8::MAX;

impl App {
    /// On a database without the ward's identity or a council in office,
    /// ask what to do: the demo (only into an empty file), one's own
    /// council, or later. The terminal calls this once at start.
    pub fn offer_setup(&mut self) {
        let needs = self.store.needs_setup();
        let blank = self.store.is_blank();
        match (needs, blank) {
            (Ok(true), Ok(blank)) => {
                let choice = FirstRun::new(blank && !self.store.is_read_only());
                self.screens
                    .push(Screen::Setup(Box::new(SetupScreen::Choice(choice))));
            }
            (Ok(false), _) => {}
            (Err(e), _) | (_, Err(e)) => self.error(self.strings.store_message(&e)),
        }
    }

    /// A key the keymap left for a set-up form's field.
    pub(super) fn setup_key(&mut self, key: &KeyEvent) {
        if let Some(Screen::Setup(screen)) = self.screens.last_mut()
            && let SetupScreen::Steps(steps) = screen.as_mut()
        {
            steps.key(key);
        }
    }

    /// Set-up actions, and any action while a set-up screen is on top;
    /// true when handled here.
    pub(super) fn setup_dispatch(&mut self, action: &Action) -> bool {
        let s = self.strings;
        if let Some(Screen::Setup(screen)) = self.screens.last_mut() {
            let outcome = match screen.as_mut() {
                SetupScreen::Choice(c) => c.apply(action),
                SetupScreen::Settings(m) => m.apply(action),
                SetupScreen::Steps(steps) => steps.apply(action, &mut self.store, s),
            };
            self.setup_outcome(outcome);
            return true;
        }
        match action {
            Action::Setup(SetupAction::OpenSettings) => match SettingsMenu::open(&self.store, s) {
                Ok(m) => self
                    .screens
                    .push(Screen::Setup(Box::new(SetupScreen::Settings(m)))),
                Err(e) => self.error(s.store_message(&e)),
            },
            Action::Setup(SetupAction::WalkFrom(step)) => self.open_step(*step, true),
            Action::Setup(SetupAction::Open(step)) => self.open_step(*step, false),
            // Meeting mode with no council: say so and offer the set-up.
            Action::Meeting(MeetingAction::Enter) if matches!(self.store.council(), Ok(None)) => {
                self.offer_council_setup(setup(s).needs_council, Step::Council);
            }
            _ => return false,
        }
        true
    }

    fn open_step(&mut self, step: Step, walk: bool) {
        match StepScreen::open(step, walk, &self.store, self.strings) {
            Ok(st) => self
                .screens
                .push(Screen::Setup(Box::new(SetupScreen::Steps(Box::new(st))))),
            Err(e) => self.error(self.strings.store_message(&e)),
        }
    }

    fn setup_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            Outcome::Close => {
                self.screens.pop();
                self.setup_changed();
            }
            Outcome::Done(text) => {
                self.screens.pop();
                if let Some(t) = text {
                    self.status = Some((t, STATUS_TICKS));
                }
                self.setup_changed();
            }
            Outcome::Saved(text) => {
                self.status = Some((text, STATUS_TICKS));
                self.setup_changed();
            }
            Outcome::Note(text) => self.status = Some((text, STATUS_TICKS)),
            Outcome::Ask(message, pending) => {
                self.modals
                    .push(Modal::Confirm(Confirm { message, pending }));
            }
            Outcome::Failed(StoreError::ReadOnly) => {
                self.error(self.strings.read_only_banner.trim().to_string());
            }
            Outcome::Failed(e) => self.error(self.strings.store_message(&e)),
            Outcome::FillDemo => {
                self.screens.pop();
                self.fill_demo();
            }
            Outcome::Walk(step) => {
                // The first-run question is answered; the settings stay under the walk.
                if let Some(Screen::Setup(top)) = self.screens.last()
                    && matches!(top.as_ref(), SetupScreen::Choice(_))
                {
                    self.screens.pop();
                }
                self.open_step(step, true);
            }
            Outcome::Open(step) => self.open_step(step, false),
        }
    }

    /// After a set-up change: the title, the settings' summary, the lists.
    fn setup_changed(&mut self) {
        if let Ok(Some(c)) = self.store.council() {
            self.title = c.name;
        } else if let Ok(Some(w)) = self.store.ward() {
            self.title = w.council_name;
        }
        if let Some(Screen::Setup(top)) = self.screens.last_mut()
            && let SetupScreen::Settings(m) = top.as_mut()
            && let Err(e) = m.reload(&self.store, self.strings)
        {
            self.error(self.strings.store_message(&e));
        }
        self.dashboard.reload();
        self.dashboard.detail = None;
    }

    /// Write the demo into this (empty) database: on a thread of its own
    /// with its own connection when there is a file, so the screen goes on.
    fn fill_demo(&mut self) {
        let s = self.strings;
        if !matches!(self.store.is_blank(), Ok(true)) {
            self.error(setup(s).demo_not_empty.to_string());
            return;
        }
        let path = self.store.path().map(std::path::Path::to_path_buf);
        match (path, self.jobs.clone()) {
            (Some(path), Some(events)) => {
                self.status = Some((setup(s).demo_filling.to_string(), DEMO_TICKS));
                std::thread::spawn(move || {
                    let done = Store::open(&path)
                        .and_then(|mut store| demo::populate(&mut store, demo::demo_spec()))
                        .map_err(|e| s.store_message(&e));
                    let _ = events.send(Event::Job(JobResult::DemoFilled(done)));
                });
            }
            _ => {
                let done = demo::populate(&mut self.store, demo::demo_spec())
                    .map_err(|e| s.store_message(&e));
                self.demo_filled(done);
            }
        }
    }

    pub(super) fn demo_filled(&mut self, done: Result<(), String>) {
        let t = setup(self.strings);
        match done {
            Ok(()) => {
                self.catalogue = self
                    .store
                    .catalogue()
                    .unwrap_or_else(|_| self.catalogue.clone());
                self.status = Some((t.demo_filled.to_string(), STATUS_TICKS));
                self.setup_changed();
            }
            Err(e) => {
                self.status = None;
                self.error(format!("{}: {e}", t.demo_failed));
            }
        }
    }

    /// A refusal that means there is no council or no member to work with:
    /// say so and offer the set-up instead of only refusing. True when
    /// offered.
    pub(super) fn setup_offered(&mut self, e: &StoreError) -> bool {
        let t = setup(self.strings);
        match e {
            StoreError::Council(CouncilRefusal::NoCouncil)
            | StoreError::Meeting(MeetingRefusal::NoCouncil) => {
                self.offer_council_setup(t.needs_council, Step::Council)
            }
            StoreError::Council(CouncilRefusal::NoMembersInOffice)
            | StoreError::Meeting(MeetingRefusal::NoMembers) => {
                self.offer_council_setup(t.needs_members, Step::Members)
            }
            _ => return false,
        }
        true
    }

    fn offer_council_setup(&mut self, message: &str, from: Step) {
        self.modals.push(Modal::Confirm(Confirm {
            message: message.to_string(),
            pending: Action::Setup(SetupAction::WalkFrom(from)),
        }));
    }

    pub(super) fn setup_render(&self, body: Rect, buf: &mut Buffer) -> bool {
        let Some(Screen::Setup(screen)) = self.screens.last() else {
            return false;
        };
        let s = self.strings;
        match screen.as_ref() {
            SetupScreen::Choice(c) => c.render(s, body, buf),
            SetupScreen::Settings(m) => m.render(s, body, buf),
            SetupScreen::Steps(st) => st.render(s, body, buf),
        }
        true
    }
}
