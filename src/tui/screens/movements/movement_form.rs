//! The form that adds a movement from its plan: code, name, plan number,
//! date, issuing body and the plan it carries out. Its groups and criteria
//! are added on the movements screen after. A refusal is shown in the form,
//! with everything typed kept.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::domain::movement::Movement;
use crate::domain::movement_plan::MovementPlan;
use crate::i18n::strings::Strings;
use crate::i18n::strings_setup::{SetupStrings, setup};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::text_input::TextInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    Code,
    Name,
    PlanNumber,
    Date,
    Issuer,
    BasedOn,
    Phases,
}

const ORDER: [Focus; 7] = [
    Focus::Code,
    Focus::Name,
    Focus::PlanNumber,
    Focus::Date,
    Focus::Issuer,
    Focus::BasedOn,
    Focus::Phases,
];

pub struct MovementForm {
    code: TextInput,
    name: TextInput,
    plan_number: TextInput,
    date: TextInput,
    issuer: TextInput,
    based_on: TextInput,
    /// "Giai đoạn 1:2026-2028:2028; Giai đoạn 2:2029-2030:2030".
    phases: TextInput,
    focus: Focus,
    error: Option<String>,
}

impl Default for MovementForm {
    fn default() -> Self {
        Self::new()
    }
}

impl MovementForm {
    pub fn new() -> MovementForm {
        MovementForm {
            code: TextInput::new(""),
            name: TextInput::new(""),
            plan_number: TextInput::new(""),
            date: TextInput::new(""),
            issuer: TextInput::new(""),
            based_on: TextInput::new(""),
            phases: TextInput::new(""),
            focus: Focus::Code,
            error: None,
        }
    }

    fn field(&mut self, f: Focus) -> &mut TextInput {
        match f {
            Focus::Code => &mut self.code,
            Focus::Name => &mut self.name,
            Focus::PlanNumber => &mut self.plan_number,
            Focus::Date => &mut self.date,
            Focus::Issuer => &mut self.issuer,
            Focus::BasedOn => &mut self.based_on,
            Focus::Phases => &mut self.phases,
        }
    }

    fn label(f: Focus, t: &SetupStrings) -> &'static str {
        match f {
            Focus::Code => t.code,
            Focus::Name => t.name,
            Focus::PlanNumber => t.plan_number,
            Focus::Date => t.plan_date,
            Focus::Issuer => t.issuer,
            Focus::BasedOn => t.based_on,
            Focus::Phases => t.phases,
        }
    }

    fn step(&mut self, by: usize) {
        let at = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        self.focus = ORDER[(at + by) % ORDER.len()];
    }

    /// The plan typed; the phase that is not one, when one is not.
    fn plan(&self) -> Result<MovementPlan, String> {
        let phases = crate::domain::movement_plan::parse_phases(self.phases.value())?;
        Ok(MovementPlan {
            movement: Movement {
                id: 0,
                code: self.code.value().trim().to_string(),
                name: self.name.value().trim().to_string(),
                plan_number: self.plan_number.value().trim().to_string(),
                plan_date: self.date.value().trim().to_string(),
                issuing_body: self.issuer.value().trim().to_string(),
                based_on: self.based_on.value().trim().to_string(),
                phases,
            },
            groups: Vec::new(),
        })
    }
}

impl Screen for MovementForm {
    fn context(&self) -> Context {
        Context::Form
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        match action {
            Action::Cancel => Outcome::Close,
            Action::NextField => {
                self.step(1);
                Outcome::Nothing
            }
            Action::PrevField => {
                self.step(ORDER.len() - 1);
                Outcome::Nothing
            }
            Action::Save => match self.plan().map(|plan| cx.store.add_movement(&plan)) {
                Err(piece) => {
                    self.focus = Focus::Phases;
                    self.error = Some(format!(
                        "{}: “{piece}” {}",
                        setup(cx.strings).phases,
                        setup(cx.strings).bad_phase
                    ));
                    Outcome::Nothing
                }
                Ok(saved) => match saved {
                    Ok(m) => Outcome::Saved {
                        text: format!("{} {} ({})", setup(cx.strings).added, m.name, m.code),
                        select: None,
                    },
                    Err(e) => {
                        self.error = Some(cx.strings.store_message(&e));
                        Outcome::Nothing
                    }
                },
            },
            _ => Outcome::Nothing,
        }
    }

    fn text_key(&mut self, key: &KeyEvent, _cx: &mut Ctx) -> Outcome {
        let focus = self.focus;
        if self.field(focus).handle_key(key) {
            self.error = None;
        }
        Outcome::Nothing
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = setup(s);
        let width = 78.min(area.width);
        let error_lines = self
            .error
            .as_deref()
            .map_or(0, |e| e.lines().count() as u16 + 1);
        let popup = crate::tui::modals::centered(area, width, 11 + error_lines);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", t.form_title), THEME.title));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let cells = usize::from(inner.width);
        let fields = [
            &self.code,
            &self.name,
            &self.plan_number,
            &self.date,
            &self.issuer,
            &self.based_on,
            &self.phases,
        ];
        let mut lines: Vec<Line<'static>> = ORDER
            .iter()
            .zip(fields)
            .map(|(f, input)| {
                let label = format!("{:<18}", format!("{}:", Self::label(*f, t)));
                input.line_within(&label, *f == self.focus, cells)
            })
            .collect();
        if let Some(e) = &self.error {
            lines.push(Line::default());
            for l in e.lines() {
                lines.push(Line::styled(l.to_string(), THEME.error));
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }

    fn is_popup(&self) -> bool {
        true
    }
}
