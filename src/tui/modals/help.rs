//! The help popup, generated from the keymap of the layer under it.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::i18n::strings::Strings;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, truncate, width};

pub struct Help {
    /// The context whose keys are listed.
    pub under: Context,
    pub scroll: u16,
    /// Lines shown and the furthest scroll, as last drawn (the keys page by them).
    page: Cell<u16>,
    max: Cell<u16>,
}

impl Help {
    pub fn new(under: Context) -> Help {
        Help {
            under,
            scroll: 0,
            page: Cell::new(1),
            max: Cell::new(u16::MAX),
        }
    }

    pub fn apply(&mut self, action: &Action) {
        let page = self.page.get().saturating_sub(1).max(1);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll.saturating_add(1),
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll.saturating_add(page),
            Action::Home => 0,
            Action::End => u16::MAX,
            _ => self.scroll,
        }
        .min(self.max.get());
    }

    /// Every binding of the context under the popup, then the global ones.
    pub fn lines(&self, s: &Strings, cells: usize) -> Vec<Line<'static>> {
        let mut contexts = vec![self.under];
        if self.under == Context::Search {
            contexts.push(Context::Dashboard);
        }
        let key_w = contexts
            .iter()
            .chain([Context::Global].iter())
            .flat_map(|c| keymap::bindings(*c))
            .map(|b| width(&keymap::keys_label(b)))
            .max()
            .unwrap_or(0)
            + 2;
        let line = |b: &keymap::Binding| {
            Line::from(vec![
                Span::styled(fit(&keymap::keys_label(b), key_w), THEME.header),
                Span::raw(truncate(s.action(&b.action).1, cells.saturating_sub(key_w))),
            ])
        };
        let mut out: Vec<Line<'static>> = Vec::new();
        for c in contexts {
            out.extend(keymap::bindings(c).map(line));
        }
        out.push(Line::default());
        out.push(Line::styled(s.help_global, THEME.heading));
        out.extend(keymap::bindings(Context::Global).map(line));
        out
    }

    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let needed = self.lines(s, 74).len() as u16 + 2;
        let popup = super::centered(area, 76, needed.min(area.height.saturating_sub(2)));
        Clear.render(popup, buf);
        // Say that there is more when the list does not fit.
        let more = if needed > popup.height { " ↑↓" } else { "" };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(
                format!(" {}{more} ", s.help_title),
                THEME.title,
            ));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let lines = self.lines(s, usize::from(inner.width));
        let max = lines.len().saturating_sub(usize::from(inner.height)) as u16;
        self.page.set(inner.height);
        self.max.set(max);
        Paragraph::new(lines)
            .scroll((self.scroll.min(max), 0))
            .render(inner, buf);
    }
}

impl Screen for Help {
    fn context(&self) -> Context {
        Context::Help
    }

    fn apply(&mut self, action: &Action, _: &mut Ctx) -> Outcome {
        if *action == Action::Close {
            return Outcome::Close;
        }
        Help::apply(self, action);
        Outcome::Nothing
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        Help::render(self, s, area, buf);
    }

    fn is_popup(&self) -> bool {
        true
    }

    fn is_modal(&self) -> bool {
        true
    }
}
