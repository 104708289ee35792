//! The one contract every layer of the interface keeps: full screens and the
//! popups over them. The app holds a stack of layers over the dashboard and
//! hands each action, and each key the keymap leaves to text, to the layer on
//! top only; the layer answers with one `Outcome`, which the app carries out
//! (open, close, ask, say, fail). Layers never hold references to each other.
//!
//! # Adding a screen
//! A new screen touches these places, and no `impl App`:
//! 1. its own file under `screens/` (or `modals/` for a popup): the state, an
//!    `open(...)` that reads what it shows, and `impl Screen for It` —
//!    `context` (which key table applies), `apply` (answer an action with an
//!    `Outcome`), `render`; and where needed `text_key` (a field being typed
//!    in), `run` (a `Command` the user confirmed), `reload` / `back` (read
//!    again when a layer above closes), `autosave`, `poll` (results of
//!    background work), `resize`, `is_popup`; a form names its fields by a
//!    `Focus` enum of its own over `widgets::form::Form<Focus>`, and leaves
//!    field moves and the discard to `screens::form_screen`;
//! 2. `action.rs`: the actions that open it and that it answers (data-free,
//!    `Copy`); `command.rs` only if it asks before a step;
//! 3. `keymap.rs`: a `Context` for it and its bindings (hints and help follow);
//! 4. the strings: its texts and the names of its actions;
//! 5. the screen it is opened from: an arm returning
//!    `Outcome::Open(Box::new(It::open(..)?))` — from the dashboard, in
//!    `screens/dashboard_open.rs`.
//!
//! Steps that need a yes first return `Outcome::Ask(question, Command::…)`;
//! on yes the app hands the command to `run` of the layer that asked (the
//! app's own commands — import, export, printing, award changes — it
//! carries out itself, in `app/layers.rs`).
//!
//! ```ignore
//! pub struct Ward { form: WardForm }
//!
//! impl Screen for Ward {
//!     fn context(&self) -> Context { Context::Form }
//!     fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
//!         match action {
//!             Action::Cancel => Outcome::Close,
//!             Action::Save => match cx.store.save_ward(&self.form.value()) {
//!                 Ok(()) => Outcome::Saved { text: "…".into(), select: None },
//!                 Err(e) => Outcome::Failed(e),
//!             },
//!             _ => Outcome::Nothing,
//!         }
//!     }
//!     fn text_key(&mut self, key: &KeyEvent, _: &mut Ctx) -> Outcome {
//!         self.form.key(key);
//!         Outcome::Nothing
//!     }
//!     fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) { /* … */ }
//! }
//! ```

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::award::Catalogue;
use crate::domain::nomination::{NominationId, NominationQuery};
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::modals::prompt::PromptFor;

/// What a layer may use while it handles an action or a key.
pub struct Ctx<'a> {
    pub store: &'a mut Store,
    pub strings: &'static Strings,
    pub catalogue: &'a Catalogue,
    /// The dashboard's filter (e.g. to add every nomination that matches).
    pub filter: &'a NominationQuery,
    /// The dashboard's selected nomination, if any.
    pub selected: Option<NominationId>,
    /// Where screens are drawn (below the title, above the hint bar).
    pub body: Rect,
    pub now: Instant,
}

/// What the app does after a layer handled an action or a key.
pub enum Outcome {
    Nothing,
    /// Close this layer; the one uncovered reads again (`Screen::reload`).
    Close,
    /// Close this layer and tell the one uncovered where the user got to
    /// (`Screen::back`).
    Return(Back),
    /// Say this in the bottom line.
    Status(String),
    /// Data changed: the list and the detail read again; the text goes to
    /// the bottom line.
    Changed(String),
    /// Saved: close this layer, say so, the layer uncovered and the list
    /// read again, and the list selects this nomination.
    Saved {
        text: String,
        select: Option<NominationId>,
    },
    /// Put this layer on top.
    Open(Box<dyn Screen>),
    /// Ask first; on yes the command goes to `run` of the layer on top.
    Ask(String, Command),
    /// Ask a one-line answer (the question, its label, what it is for).
    Prompt {
        question: String,
        label: &'static str,
        value: String,
        purpose: PromptFor,
    },
    /// Close this layer, then carry out the command (a popup's yes).
    Done(Command),
    /// Carry out the command without asking (a reversible step).
    Run(Command),
    /// The store refused or failed: said in the interface's language.
    Failed(StoreError),
    /// A refusal already said in the interface's language.
    Refused(String),
    /// A message to acknowledge that is not an error.
    Message(String),
}

/// Where the user got to in a layer that closed, for the one it uncovers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Back {
    /// The agenda item (its place in the agenda) the user was on.
    AgendaItem(usize),
}

/// A layer of the interface: a full screen or a popup.
pub trait Screen {
    /// Which key table applies now.
    fn context(&self) -> Context;

    /// Answer an action.
    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome;

    /// Draw; only reads the state.
    fn render(&self, strings: &Strings, area: Rect, buf: &mut Buffer);

    /// A key the keymap leaves to a field being typed in.
    fn text_key(&mut self, _key: &KeyEvent, _cx: &mut Ctx) -> Outcome {
        Outcome::Nothing
    }

    /// Carry out a command the user confirmed.
    fn run(&mut self, _command: &Command, _cx: &mut Ctx) -> Outcome {
        Outcome::Nothing
    }

    /// Read again: a layer above closed, or data changed under it.
    fn reload(&mut self, _cx: &mut Ctx) -> Result<(), StoreError> {
        Ok(())
    }

    /// The layer above closed and said where the user got to; by default
    /// the same as `reload`.
    fn back(&mut self, _back: &Back, cx: &mut Ctx) -> Result<(), StoreError> {
        self.reload(cx)
    }

    /// Save what is being typed when its oldest unsaved change is at least
    /// `after` old: called on every layer on each tick (with zero) and
    /// before quitting. A failure is shown by the layer; the app only adds
    /// the read-only warning.
    fn autosave(&mut self, _cx: &mut Ctx, _after: Duration) -> Result<(), StoreError> {
        Ok(())
    }

    /// Collect results of background work; called on every layer after
    /// every event. The outcome is carried out as if the layer on top had
    /// answered it, so a layer that may be covered answers with a status,
    /// a change, a message or a failure, not with `Close`.
    fn poll(&mut self, _cx: &mut Ctx) -> Outcome {
        Outcome::Nothing
    }

    /// The size of the body changed.
    fn resize(&mut self, _body: Rect) {}

    /// A popup is drawn over the layers below it; a full screen hides them.
    fn is_popup(&self) -> bool {
        false
    }

    /// A popup that takes every key (help, confirm, message, prompt,
    /// report): help cannot open over it, and keys never reach below it.
    fn is_modal(&self) -> bool {
        false
    }
}
