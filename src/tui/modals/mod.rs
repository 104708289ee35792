//! Popups drawn over the screens. The last one opened is on top and gets the keys.

pub mod confirm;
pub mod help;
pub mod message;
pub mod prompt;
pub mod report;

use ratatui::layout::{Constraint, Flex, Layout, Rect};

use crate::tui::keymap::Context;

pub enum Modal {
    Help(help::Help),
    Confirm(confirm::Confirm),
    Message(message::Message),
    Prompt(prompt::Prompt),
    Report(report::Report),
}

impl Modal {
    pub fn context(&self) -> Context {
        match self {
            Modal::Help(_) => Context::Help,
            Modal::Confirm(_) => Context::Confirm,
            Modal::Message(_) => Context::Message,
            Modal::Prompt(_) => Context::Prompt,
            Modal::Report(_) => Context::Report,
        }
    }
}

/// A centred rectangle of at most `width` × `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}
