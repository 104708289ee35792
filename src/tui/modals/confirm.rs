//! Asks before an irreversible step. The step travels as data (`pending`) and
//! is dispatched only when the user says yes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::i18n::strings::Strings;
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;

pub struct Confirm {
    pub message: String,
    pub pending: Command,
}

impl Confirm {
    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let popup = super::centered(area, 60, 7);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", s.confirm_title), THEME.title));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let lines = vec![
            Line::raw(self.message.clone()),
            Line::default(),
            Line::styled(s.yes_no, THEME.dim),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}

impl Screen for Confirm {
    fn context(&self) -> Context {
        Context::Confirm
    }

    fn apply(&mut self, action: &Action, _: &mut Ctx) -> Outcome {
        match action {
            Action::Confirm => Outcome::Done(self.pending.clone()),
            Action::Cancel => Outcome::Close,
            _ => Outcome::Nothing,
        }
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        Confirm::render(self, s, area, buf);
    }

    fn is_popup(&self) -> bool {
        true
    }

    fn is_modal(&self) -> bool {
        true
    }
}
