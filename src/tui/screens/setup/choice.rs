//! The first run: a database with no ward and no council asks whether to
//! open the demo (only while the file is empty) or to set up one's own
//! council, or to leave it for later. The demo is written on a thread of
//! its own, with its own connection, while the screen says so; choosing
//! one's own council turns this screen into the walk-through.

use std::sync::mpsc::{self, Receiver, TryRecvError};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::demo;
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::modals::centered;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{truncate, wrap};

use super::steps::StepScreen;
use super::{SetupAction, Step};
use crate::i18n::setup_screens::setup;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Demo,
    Own,
    Later,
}

pub struct FirstRun {
    /// The file holds no record yet: the demo can go into it.
    pub empty: bool,
    pub choices: Vec<Choice>,
    pub selected: usize,
    /// The walk-through, once chosen: it takes this screen's place.
    pub walk: Option<Box<StepScreen>>,
    /// The demo being written: its outcome arrives here.
    filling: Option<Receiver<Result<(), String>>>,
}

impl FirstRun {
    pub fn new(empty: bool) -> FirstRun {
        let choices = if empty {
            vec![Choice::Demo, Choice::Own, Choice::Later]
        } else {
            vec![Choice::Own, Choice::Later]
        };
        FirstRun {
            empty,
            choices,
            selected: 0,
            walk: None,
            filling: None,
        }
    }

    pub fn is_filling(&self) -> bool {
        self.filling.is_some()
    }

    fn chosen(&mut self, choice: Choice, cx: &mut Ctx) -> Outcome {
        match choice {
            Choice::Demo => self.fill_demo(cx),
            Choice::Own => match StepScreen::open(Step::Ward, true, cx.store, cx.strings) {
                Ok(walk) => {
                    self.walk = Some(Box::new(walk));
                    Outcome::Nothing
                }
                Err(e) => Outcome::Failed(e),
            },
            Choice::Later => Outcome::Close,
        }
    }

    /// Write the demo: in the background when the database is a file, so
    /// the screen goes on; at once in memory.
    fn fill_demo(&mut self, cx: &mut Ctx) -> Outcome {
        let s = cx.strings;
        let t = setup(s);
        match cx.store.is_blank() {
            Ok(true) => {}
            Ok(false) => return Outcome::Refused(t.demo_not_empty.to_string()),
            Err(e) => return Outcome::Failed(e),
        }
        let Some(path) = cx.store.path().map(std::path::Path::to_path_buf) else {
            return match demo::populate(cx.store, demo::demo_spec()) {
                Ok(()) => Outcome::Saved {
                    text: t.demo_filled.to_string(),
                    select: None,
                },
                Err(e) => Outcome::Failed(e),
            };
        };
        let (done, arrived) = mpsc::channel();
        std::thread::spawn(move || {
            let written = Store::open(&path)
                .and_then(|mut store| demo::populate(&mut store, demo::demo_spec()))
                .map_err(|e| s.store_message(&e));
            let _ = done.send(written);
        });
        self.filling = Some(arrived);
        Outcome::Status(t.demo_filling.to_string())
    }
}

impl Screen for FirstRun {
    fn context(&self) -> Context {
        match &self.walk {
            Some(w) => w.context(),
            None => Context::SetupChoice,
        }
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        if let Some(w) = self.walk.as_mut() {
            return w.apply(action, cx);
        }
        if self.is_filling() {
            // Nothing to choose while the demo is being written.
            return Outcome::Nothing;
        }
        let n = self.choices.len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::Confirm => {
                let choice = self.choices.get(self.selected).copied();
                return self.chosen(choice.unwrap_or(Choice::Later), cx);
            }
            Action::Setup(SetupAction::ChooseDemo) if self.empty => {
                return self.chosen(Choice::Demo, cx);
            }
            Action::Setup(SetupAction::ChooseOwn) => return self.chosen(Choice::Own, cx),
            Action::Close | Action::Cancel => return Outcome::Close,
            _ => {}
        }
        Outcome::Nothing
    }

    fn text_key(&mut self, key: &KeyEvent, cx: &mut Ctx) -> Outcome {
        match self.walk.as_mut() {
            Some(w) => w.text_key(key, cx),
            None => Outcome::Nothing,
        }
    }

    fn run(&mut self, command: &Command, cx: &mut Ctx) -> Outcome {
        match self.walk.as_mut() {
            Some(w) => w.run(command, cx),
            None => Outcome::Nothing,
        }
    }

    /// The demo written: close, say so, and let the lists read it.
    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        match self.walk.as_mut() {
            Some(w) => w.reload(cx),
            None => Ok(()),
        }
    }

    fn poll(&mut self, cx: &mut Ctx) -> Outcome {
        let t = setup(cx.strings);
        let Some(arrived) = &self.filling else {
            return Outcome::Nothing;
        };
        let written = match arrived.try_recv() {
            Ok(written) => written,
            Err(TryRecvError::Empty) => return Outcome::Nothing,
            Err(TryRecvError::Disconnected) => Err(t.demo_failed.to_string()),
        };
        self.filling = None;
        match written {
            Ok(()) => Outcome::Saved {
                text: t.demo_filled.to_string(),
                select: None,
            },
            Err(e) => Outcome::Refused(format!("{}: {e}", t.demo_failed)),
        }
    }

    /// While the demo is written nothing opens over this screen, so the
    /// screen its end closes is this one.
    fn is_modal(&self) -> bool {
        self.is_filling()
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        if let Some(w) = &self.walk {
            return w.render(s, area, buf);
        }
        let t = setup(s);
        let popup = centered(area, area.width.saturating_sub(4).min(90), 13);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", t.first_title), THEME.title));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let cells = usize::from(inner.width);
        if self.is_filling() {
            Paragraph::new(Line::styled(truncate(t.demo_filling, cells), THEME.heading))
                .render(inner, buf);
            return;
        }
        let intro = if self.empty {
            t.first_empty
        } else {
            t.first_missing
        };
        let mut lines = vec![
            Line::styled(truncate(intro, cells), THEME.heading),
            Line::default(),
        ];
        for (i, c) in self.choices.iter().enumerate() {
            let (label, note, key) = match c {
                Choice::Demo => (t.choose_demo, t.choose_demo_note, "d"),
                Choice::Own => (t.choose_own, t.choose_own_note, "o"),
                Choice::Later => (t.choose_later, t.choose_later_note, "Esc"),
            };
            let on = i == self.selected;
            let style = if on { THEME.selected } else { THEME.title };
            lines.push(Line::from(vec![
                Span::styled(if on { " ▸ " } else { "   " }, style),
                Span::styled(
                    truncate(&format!("{label} ({key})"), cells.saturating_sub(3)),
                    style,
                ),
            ]));
            for l in wrap(note, cells.saturating_sub(5)).into_iter().take(2) {
                lines.push(Line::styled(format!("     {l}"), THEME.dim));
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
