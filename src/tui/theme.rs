//! The one theme: every colour and emphasis the interface uses.

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub title: Style,
    pub banner: Style,
    pub header: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub border: Style,
    pub border_focused: Style,
    pub dim: Style,
    pub heading: Style,
    pub hint_key: Style,
    pub hint_text: Style,
    pub filter_active: Style,
    pub bar_fill: Style,
    pub bar_empty: Style,
    pub error: Style,
    /// A score not given yet: visible at a glance.
    pub missing: Style,
    pub input: Style,
}

pub static THEME: Theme = Theme {
    title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    banner: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    header: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    selected: Style::new().fg(Color::Black).bg(Color::Cyan),
    selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    dim: Style::new().fg(Color::DarkGray),
    heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    hint_key: Style::new()
        .fg(Color::Black)
        .bg(Color::Gray)
        .add_modifier(Modifier::BOLD),
    hint_text: Style::new().fg(Color::Gray),
    filter_active: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    bar_fill: Style::new().fg(Color::Green),
    bar_empty: Style::new().fg(Color::DarkGray),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    missing: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    input: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
};
