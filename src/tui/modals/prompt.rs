//! A question with a one-line answer: the reason of a withdrawal, the file to
//! import from or export to. What the answer is for travels as data
//! (`PromptFor`); the app acts on it only when the user presses Enter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::domain::nomination::NominationId;
use crate::i18n::strings::Strings;
use crate::tui::theme::THEME;
use crate::tui::widgets::text_input::TextInput;
use ratatui::crossterm::event::KeyEvent;

use crate::domain::text::nfc;
use crate::evidence_files::full_path;
use crate::i18n::strings_forms::forms;
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};

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
    /// An answer for the movements or rules screen.
    Movements(crate::tui::screens::movements::SetupPrompt),
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

impl Prompt {
    /// The command the answer is for.
    fn command(&self, answer: String) -> Command {
        match self.purpose {
            PromptFor::Withdraw(nomination) => Command::Withdraw {
                nomination,
                reason: answer,
            },
            PromptFor::Recusal { nomination, member } => Command::Recusal {
                nomination,
                member,
                reason: Some(answer),
            },
            PromptFor::Movements(ref p) => Command::Movements(p.clone(), answer),
            PromptFor::Import => Command::Import(full_path(&answer)),
            PromptFor::Export => Command::Export(full_path(&answer)),
        }
    }
}

impl Screen for Prompt {
    fn context(&self) -> Context {
        Context::Prompt
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        match action {
            Action::Cancel => Outcome::Close,
            Action::Confirm => {
                let answer = nfc(self.input.value().trim());
                if answer.is_empty() {
                    let f = forms(cx.strings);
                    self.error = Some(match self.purpose {
                        PromptFor::Withdraw(_) => f.reason_empty.to_string(),
                        PromptFor::Recusal { .. } => cx.strings.recusal_reason_empty.to_string(),
                        PromptFor::Movements(_) => crate::i18n::strings_setup::setup(cx.strings)
                            .answer_empty
                            .to_string(),
                        _ => f.file_prompt.trim().trim_end_matches(':').to_string(),
                    });
                    return Outcome::Nothing;
                }
                Outcome::Done(self.command(answer))
            }
            _ => Outcome::Nothing,
        }
    }

    fn text_key(&mut self, key: &KeyEvent, _: &mut Ctx) -> Outcome {
        if self.input.handle_key(key) {
            self.error = None;
        }
        Outcome::Nothing
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        Prompt::render(self, s, area, buf);
    }

    fn is_popup(&self) -> bool {
        true
    }

    fn is_modal(&self) -> bool {
        true
    }
}
