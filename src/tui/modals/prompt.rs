//! A question with a one-line answer: the reason of a withdrawal, the file to
//! import from or export to. What the answer is for travels as data
//! (`PromptFor`); the app acts on it only when the user presses Enter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::domain::nomination::NominationId;
use crate::tui::strings::Strings;
use crate::tui::theme::THEME;
use crate::tui::widgets::text_input::TextInput;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    Withdraw(NominationId),
    /// Why a member does not score a nomination.
    Recusal {
        nomination: NominationId,
        member: i64,
    },
    Import,
    Export,
}

pub struct Prompt {
    pub purpose: PromptFor,
    pub question: String,
    pub label: &'static str,
    pub input: TextInput,
    /// Why the last answer was refused.
    pub error: Option<String>,
}

impl Prompt {
    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let width = 72.min(area.width);
        let mut lines: Vec<Line<'static>> = self
            .question
            .lines()
            .map(|l| Line::raw(l.to_string()))
            .collect();
        lines.push(Line::default());
        // A long answer scrolls within its line rather than wrapping out of the box.
        let cells = usize::from(width.saturating_sub(2));
        lines.push(self.input.line_within(self.label, true, cells));
        match &self.error {
            Some(e) => lines.push(Line::styled(format!("⚠ {e}"), THEME.error)),
            None => lines.push(Line::default()),
        }
        lines.push(Line::styled(
            s.yes_no.replace("/y", "").replace("/n", ""),
            THEME.dim,
        ));
        // Room for wrapped lines of the question.
        let wrapped: u16 = self
            .question
            .lines()
            .map(|l| {
                (crate::tui::widgets::table::width(l) as u16)
                    .div_ceil(width.saturating_sub(2).max(1))
                    .max(1)
            })
            .sum();
        let popup = super::centered(area, width, wrapped + 6);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", s.confirm_title), THEME.title));
        let inner = block.inner(popup);
        block.render(popup, buf);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
