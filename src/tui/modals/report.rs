//! A long text to read and scroll, e.g. the report of an import with the
//! list of bad rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::i18n::strings::Strings;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::wrap;

pub struct Report {
    pub title: String,
    pub text: String,
    pub error: bool,
    pub scroll: u16,
}

impl Report {
    pub fn apply(&mut self, action: &Action) {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            _ => {}
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(4).min(100);
        let lines: Vec<Line<'static>> = self
            .text
            .lines()
            .flat_map(|l| wrap(l, usize::from(width.saturating_sub(2))))
            .map(Line::raw)
            .collect();
        let needed = lines.len() as u16 + 2;
        let popup = super::centered(area, width, needed.min(area.height.saturating_sub(2)));
        Clear.render(popup, buf);
        let style = if self.error { THEME.error } else { THEME.title };
        let more = if needed > popup.height { " ↑↓" } else { "" };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(style)
            .title(Line::styled(format!(" {}{more} ", self.title), style));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let max = lines.len().saturating_sub(usize::from(inner.height)) as u16;
        Paragraph::new(lines)
            .scroll((self.scroll.min(max), 0))
            .render(inner, buf);
    }
}

impl Screen for Report {
    fn context(&self) -> Context {
        Context::Report
    }

    fn apply(&mut self, action: &Action, _: &mut Ctx) -> Outcome {
        if *action == Action::Close {
            return Outcome::Close;
        }
        Report::apply(self, action);
        Outcome::Nothing
    }

    fn render(&self, _: &Strings, area: Rect, buf: &mut Buffer) {
        Report::render(self, area, buf);
    }

    fn is_popup(&self) -> bool {
        true
    }

    fn is_modal(&self) -> bool {
        true
    }
}
