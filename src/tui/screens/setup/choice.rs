//! The first run: a database with no ward and no council asks whether to
//! open the demo (only while the file is empty) or to set up one's own
//! council, or to leave it for later.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::tui::action::Action;
use crate::tui::modals::centered;
use crate::tui::strings::Strings;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{truncate, wrap};

use super::strings::setup;
use super::{Outcome, SetupAction, Step};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Demo,
    Own,
    Later,
}

pub struct FirstRun {
    /// The file holds no record yet: the demo can go into it.
    pub empty: bool,
    pub choices: Vec<Choice>,
    pub selected: usize,
}

impl FirstRun {
    pub fn new(empty: bool) -> FirstRun {
        let choices = if empty {
            vec![Choice::Demo, Choice::Own, Choice::Later]
        } else {
            vec![Choice::Own, Choice::Later]
        };
        FirstRun {
            empty,
            choices,
            selected: 0,
        }
    }

    fn chosen(choice: Choice) -> Outcome {
        match choice {
            Choice::Demo => Outcome::FillDemo,
            Choice::Own => Outcome::Walk(Step::Ward),
            Choice::Later => Outcome::Close,
        }
    }

    pub fn apply(&mut self, action: &Action) -> Outcome {
        let n = self.choices.len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::Confirm => {
                return Self::chosen(
                    self.choices
                        .get(self.selected)
                        .copied()
                        .unwrap_or(Choice::Later),
                );
            }
            Action::Setup(SetupAction::ChooseDemo) if self.empty => return Outcome::FillDemo,
            Action::Setup(SetupAction::ChooseOwn) => return Outcome::Walk(Step::Ward),
            Action::Close | Action::Cancel => return Outcome::Close,
            _ => {}
        }
        Outcome::Nothing
    }

    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = setup(s);
        let popup = centered(area, area.width.saturating_sub(4).min(90), 14);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", t.first_title), THEME.title));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let cells = usize::from(inner.width);
        let intro = if self.empty {
            t.first_empty
        } else {
            t.first_missing
        };
        let mut lines = vec![
            Line::styled(truncate(intro, cells), THEME.heading),
            Line::default(),
        ];
        for (i, c) in self.choices.iter().enumerate() {
            let (label, note, key) = match c {
                Choice::Demo => (t.choose_demo, t.choose_demo_note, "d"),
                Choice::Own => (t.choose_own, t.choose_own_note, "o"),
                Choice::Later => (t.choose_later, t.choose_later_note, "Esc"),
            };
            let on = i == self.selected;
            let style = if on { THEME.selected } else { THEME.title };
            lines.push(Line::from(vec![
                Span::styled(if on { " ▸ " } else { "   " }, style),
                Span::styled(
                    truncate(&format!("{label} ({key})"), cells.saturating_sub(3)),
                    style,
                ),
            ]));
            for l in wrap(note, cells.saturating_sub(5)).into_iter().take(2) {
                lines.push(Line::styled(format!("     {l}"), THEME.dim));
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_offered_only_on_an_empty_file() {
        let mut full = FirstRun::new(false);
        assert!(matches!(
            full.apply(&Action::Setup(SetupAction::ChooseDemo)),
            Outcome::Nothing
        ));
        assert!(matches!(
            full.apply(&Action::Confirm),
            Outcome::Walk(Step::Ward)
        ));
        let mut empty = FirstRun::new(true);
        assert!(matches!(empty.apply(&Action::Confirm), Outcome::FillDemo));
        empty.apply(&Action::Down);
        assert!(matches!(
            empty.apply(&Action::Confirm),
            Outcome::Walk(Step::Ward)
        ));
    }
}
