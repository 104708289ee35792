//! Popups drawn over the screens. Each is a layer (`screen::Screen`) that
//! takes every key while it is on top.

pub mod confirm;
pub mod help;
pub mod message;
pub mod prompt;
pub mod report;

use ratatui::layout::{Constraint, Flex, Layout, Rect};

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
