//! Steps 4 and 5 of the walk-through, movements and the council's rules,
//! whose own screens (`screens::movements`) open over the step with Enter:
//! the step says what there is and how to go on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{truncate, wrap};

use super::Step;
use crate::i18n::setup_screens::setup;

pub struct LaterStep {
    pub step: Step,
    /// What the database holds for this step, one line each.
    pub present: Vec<String>,
}

impl LaterStep {
    pub fn open(step: Step, store: &Store) -> Result<LaterStep, StoreError> {
        let present = match step {
            Step::Movements => store
                .movements()?
                .into_iter()
                .map(|m| format!("· {} ({})", m.name, m.plan_number))
                .collect(),
            _ => Vec::new(),
        };
        Ok(LaterStep { step, present })
    }

    pub fn render(&self, s: &Strings, title: &str, area: Rect, buf: &mut Buffer) {
        let t = setup(s);
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {title} "), THEME.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let cells = usize::from(inner.width);
        let body = match self.step {
            Step::Movements => t.movements_body,
            _ => t.rules_body,
        };
        let mut lines: Vec<Line> = wrap(body, cells).into_iter().map(Line::raw).collect();
        lines.push(Line::default());
        lines.extend(
            self.present
                .iter()
                .map(|p| Line::styled(truncate(p, cells), THEME.input)),
        );
        lines.push(Line::default());
        lines.push(Line::styled(truncate(t.go_on, cells), THEME.dim));
        Paragraph::new(lines).render(inner, buf);
    }
}
