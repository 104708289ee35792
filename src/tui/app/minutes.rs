//! The app's side of the live minutes, the preview, printing and sign-off:
//! routing their actions, autosave on ticks and keys, starting print jobs and
//! reporting their results. Kept apart from `app.rs` so that file stays a
//! dispatcher.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::{App, STATUS_TICKS};
use crate::print::Format;
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::event::{Event, JobResult};
use crate::tui::modals::Modal;
use crate::tui::modals::confirm::Confirm;
use crate::tui::print_jobs::{self, Printed, Target};
use crate::tui::screens::Screen;
use crate::tui::screens::minutes::{MinutesAction, MinutesScreen, Outcome, SAVE_AFTER};
use crate::tui::screens::preview::Preview;

/// Ticks a print result stays in the bottom line (it names a file).
const RESULT_TICKS: u8 = 40;

/// Print jobs: where their results arrive and where files go.
pub struct PrintQueue {
    pub(super) tx: Sender<Event>,
    /// Results come back here unless the terminal loop's channel was given.
    rx: Option<Receiver<Event>>,
    pub out_dir: PathBuf,
    pub running: usize,
}

impl Default for PrintQueue {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        PrintQueue {
            tx,
            rx: Some(rx),
            out_dir: PathBuf::from("."),
            running: 0,
        }
    }
}

impl App {
    /// Send job results into the terminal loop's channel (they then arrive
    /// as events at once instead of being collected on the next event).
    pub fn send_jobs_to(&mut self, tx: Sender<Event>) {
        self.printing.tx = tx;
        self.printing.rx = None;
    }

    /// The folder documents are written to (the current one by default).
    pub fn set_output_dir(&mut self, dir: PathBuf) {
        self.printing.out_dir = dir;
    }

    /// Print jobs started and not finished yet.
    pub fn jobs_running(&self) -> usize {
        self.printing.running
    }

    /// Results of jobs that reported on the app's own channel.
    pub(super) fn collect_jobs(&mut self) {
        let done: Vec<Event> = match &self.printing.rx {
            Some(rx) => rx.try_iter().collect(),
            None => return,
        };
        for ev in done {
            if let Event::Job(JobResult::Printed(r)) = ev {
                self.job_printed(r);
            }
        }
    }

    pub(super) fn job_printed(&mut self, result: Result<Printed, String>) {
        self.printing.running = self.printing.running.saturating_sub(1);
        let t = self.strings.minutes();
        let text = match result {
            Ok(Printed::Written { path, bytes }) => {
                format!("{} {} ({bytes} bytes)", t.written, path.display())
            }
            Ok(Printed::SentToPrinter { lp_said }) => format!("{}: {lp_said}", t.sent_to_printer),
            Ok(Printed::SavedNoPrinter { path }) => format!("{} {}", t.no_printer, path.display()),
            Err(e) => return self.error(format!("{}: {e}", t.print_failed)),
        };
        self.status = Some((text, RESULT_TICKS));
    }

    /// Save every open editor whose oldest unsaved change is at least
    /// `after` old. Ticks (which come after 250 ms without a key) save all
    /// changes; keys save what is older than `SAVE_AFTER`, so fast typing is
    /// saved too.
    pub(super) fn autosave_minutes(&mut self, after: Duration) {
        let now = Instant::now();
        let mut error = None;
        for screen in &mut self.screens {
            if let Screen::Minutes(m) = screen
                && let Err(e) = m.autosave(&mut self.store, now, after, false)
            {
                m.message = Some(format!(
                    "{}: {}",
                    self.strings.minutes().save_failed,
                    self.strings.store_message(&e)
                ));
                error = Some(e);
            }
        }
        if let Some(StoreError::ReadOnly) = error {
            self.error(self.strings.read_only_banner.trim().to_string());
        }
    }

    /// Keys for the note being typed.
    pub(super) fn minutes_key(&mut self, key: &KeyEvent) {
        if let Some(Screen::Minutes(m)) = self.screens.last_mut() {
            m.edit_key(key, Instant::now());
        }
        self.autosave_minutes(SAVE_AFTER);
    }

    /// Actions of the minutes screens, and opening them from meeting mode.
    /// True when the action was theirs.
    pub(super) fn minutes_dispatch(&mut self, action: &Action) -> bool {
        let body = self.areas(self.area).2;
        let now = Instant::now();
        let outcome = match self.screens.last_mut() {
            Some(Screen::Minutes(m)) => m.apply(action, &mut self.store, self.strings, now),
            Some(Screen::Preview(p)) => p.apply(action, &mut self.store, self.strings),
            Some(Screen::Meeting(m)) => match action {
                Action::Minutes(MinutesAction::Open) => {
                    match MinutesScreen::open(&self.store, m.record.meeting.id, m.item) {
                        Ok(s) => self.screens.push(Screen::Minutes(Box::new(s))),
                        Err(e) => self.error(self.strings.store_message(&e)),
                    }
                    return true;
                }
                Action::Minutes(MinutesAction::Preview) => Outcome::Preview(m.record.meeting.id),
                _ => return false,
            },
            _ => return false,
        };
        match outcome {
            Outcome::Nothing => {}
            Outcome::Close => self.close_minutes_screen(),
            Outcome::Status(text) => self.status = Some((text, STATUS_TICKS)),
            Outcome::Ask(message, pending) => {
                self.modals
                    .push(Modal::Confirm(Confirm { message, pending }));
            }
            Outcome::Failed(e) => {
                self.outcome(crate::tui::screens::scoring::Outcome::Failed(e));
            }
            Outcome::Preview(meeting) => match Preview::open(&self.store, meeting, body) {
                Ok(p) => self.screens.push(Screen::Preview(Box::new(p))),
                Err(e) => self.error(self.strings.store_message(&e)),
            },
            Outcome::Print(format) => self.start_print(format),
        }
        true
    }

    fn close_minutes_screen(&mut self) {
        let item = match self.screens.pop() {
            Some(Screen::Minutes(m)) => Some(m.item),
            _ => None,
        };
        // The notes say where they go, which a sign-off in the preview changed.
        if let Some(Screen::Minutes(m)) = self.screens.last_mut()
            && let Err(e) = m.read_signing(&self.store)
        {
            self.error(self.strings.store_message(&e));
        }
        // Meeting mode shows the notes and follows the item the minutes were on.
        if let Some(Screen::Meeting(m)) = self.screens.last_mut() {
            let item = item.unwrap_or(m.item);
            if let Err(e) = m.reload_at(&self.store, item) {
                self.error(self.strings.store_message(&e));
            }
        }
    }

    fn start_print(&mut self, format: Option<Format>) {
        let Some(Screen::Preview(p)) = self.screens.last() else {
            return;
        };
        let dir = self.printing.out_dir.clone();
        let stem = p.file_stem();
        let target = match format {
            Some(_) => Target::File { dir, stem },
            None => Target::Printer { dir, stem },
        };
        let format = format.unwrap_or(Format::Pdf);
        print_jobs::spawn(p.doc.clone(), format, target, self.printing.tx.clone());
        self.printing.running += 1;
        let t = self.strings.minutes();
        self.status = Some((
            format!("{} {}…", t.printing, format.extension().to_uppercase()),
            u8::MAX,
        ));
    }

    /// The preview lays its text out for the screen's width.
    pub(super) fn minutes_resize(&mut self) {
        let body = self.areas(self.area).2;
        for s in &mut self.screens {
            if let Screen::Preview(p) = s {
                p.set_view(body);
            }
        }
    }

    /// Draw the minutes screens; false when the top screen is another one.
    pub(super) fn minutes_render(&self, area: Rect, buf: &mut Buffer) -> bool {
        match self.screens.last() {
            Some(Screen::Minutes(m)) => {
                crate::tui::screens::minutes_view::render(m, self.strings, area, buf);
                true
            }
            Some(Screen::Preview(p)) => {
                p.render(self.strings, area, buf);
                true
            }
            _ => false,
        }
    }
}
