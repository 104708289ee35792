//! A message the user must acknowledge, e.g. an error from the database.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::i18n::strings::Strings;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;

pub struct Message {
    pub text: String,
    pub error: bool,
}

impl Message {
    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let popup = super::centered(area, 64, 8);
        Clear.render(popup, buf);
        let (title, style) = if self.error {
            (s.error_title, THEME.error)
        } else {
            (s.message_title, THEME.title)
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(style)
            .title(Line::styled(format!(" {title} "), style));
        let inner = block.inner(popup);
        block.render(popup, buf);
        Paragraph::new(self.text.clone())
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}

impl Screen for Message {
    fn context(&self) -> Context {
        Context::Message
    }

    fn apply(&mut self, action: &Action, _: &mut Ctx) -> Outcome {
        match action {
            Action::Close => Outcome::Close,
            _ => Outcome::Nothing,
        }
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        Message::render(self, s, area, buf);
    }

    fn is_popup(&self) -> bool {
        true
    }

    fn is_modal(&self) -> bool {
        true
    }
}
