//! The awards screens on the one screen contract: each keeps its own state
//! and drawing, and answers through the shared `Outcome`.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::audit::AuditView;
use super::board::Board;
use super::form::Form;
use super::nominee::NomineePage;
use super::referral::ReferralView;
use crate::i18n::strings::Strings;
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::screens::form_screen;

impl Screen for Board {
    fn context(&self) -> Context {
        Context::AwardsBoard
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        Board::apply(self, action, cx.store, cx.strings)
    }

    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        Board::reload(self, cx.store)
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        Board::render(self, s, area, buf);
    }
}

impl Screen for NomineePage {
    fn context(&self) -> Context {
        if self.searching {
            Context::AwardsSearch
        } else {
            Context::AwardsNominee
        }
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        NomineePage::apply(self, action, cx.store, cx.strings)
    }

    fn text_key(&mut self, key: &KeyEvent, _: &mut Ctx) -> Outcome {
        self.search_key(key);
        Outcome::Nothing
    }

    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        NomineePage::reload(self, cx.store)
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        NomineePage::render(self, s, area, buf);
    }
}

impl Screen for ReferralView {
    fn context(&self) -> Context {
        Context::AwardsReferral
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        ReferralView::apply(self, action, cx.store, cx.strings)
    }

    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        ReferralView::reload(self, cx.store)
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        ReferralView::render(self, s, area, buf);
    }
}

/// The decision, referral, step and export forms: popups over the screen
/// they were opened from.
impl Screen for Form {
    fn context(&self) -> Context {
        Context::AwardsForm
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        Form::apply(self, action, cx.store, cx.strings)
    }

    fn text_key(&mut self, key: &KeyEvent, _: &mut Ctx) -> Outcome {
        self.edit_key(key);
        Outcome::Nothing
    }

    /// The discard asked for on Esc, once something was typed.
    fn run(&mut self, command: &Command, _: &mut Ctx) -> Outcome {
        form_screen::run(command)
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        Form::render(self, s, area, buf);
    }

    fn is_popup(&self) -> bool {
        true
    }
}

impl Screen for AuditView {
    fn context(&self) -> Context {
        Context::AwardsAudit
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        AuditView::apply(self, action, cx.store, cx.strings)
    }

    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        AuditView::reload(self, cx.store)
    }

    /// The check of the audit chain reports when it is done.
    fn poll(&mut self, _: &mut Ctx) -> Outcome {
        AuditView::poll(self);
        Outcome::Nothing
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        AuditView::render(self, s, area, buf);
    }
}
