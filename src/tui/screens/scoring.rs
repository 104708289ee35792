//! Scoring one nomination: a grid of criteria × council members. Enter types
//! a score into the cell under the cursor; each saved score is one audited
//! change and the consolidated score follows at once.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::council_rules::CouncilRefusal;
use crate::domain::nomination::NominationId;
use crate::domain::scoring::{Aggregation, Score, parse_score};
use crate::i18n::strings::Strings;
use crate::store::scores::ScoreSheet;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::modals::prompt::PromptFor;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::detail::score_lines;
use crate::tui::widgets::table::{truncate, wrap};
use crate::tui::widgets::text_input::TextInput;

pub struct Scoring {
    pub nomination: NominationId,
    title: String,
    pub sheet: ScoreSheet,
    pub row: usize,
    pub col: usize,
    pub editing: Option<TextInput>,
    pub error: Option<String>,
    method: Aggregation,
}

impl Scoring {
    pub fn open(
        store: &Store,
        nomination: NominationId,
        title: String,
    ) -> crate::store::Result<Scoring> {
        Ok(Scoring {
            nomination,
            title,
            sheet: store.score_sheet(nomination)?,
            row: 0,
            col: 0,
            editing: None,
            error: None,
            method: store.aggregation()?,
        })
    }

    fn key_context(&self) -> Context {
        if self.editing.is_some() {
            Context::ScoreEdit
        } else {
            Context::Scoring
        }
    }

    fn cell(&self) -> Option<(i64, String, u32)> {
        let m = self.sheet.members.get(self.col)?;
        let c = self.sheet.criteria.get(self.row)?;
        Some((m.id, c.code.clone(), c.max_score))
    }

    fn current_score(&self) -> Option<u32> {
        let (member, code, _) = self.cell()?;
        self.sheet
            .scores
            .iter()
            .find(|s| s.member_id == member && s.criterion_code == code)
            .map(|s| s.tenths)
    }

    fn is_recused(&self, member: i64) -> bool {
        self.sheet.recused.iter().any(|(m, _)| *m == member)
    }

    fn edit_key(&mut self, key: &KeyEvent) {
        if let Some(input) = &mut self.editing {
            // A refused score stays visible beside its message; what is typed
            // next replaces it instead of being added to it ("12" then "8" is 8).
            let typing = matches!(key.code, KeyCode::Char(_))
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            if self.error.is_some() && typing {
                input.clear();
            }
            input.handle_key(key);
            self.error = None;
        }
    }

    fn read_again(&mut self, store: &Store, text: &str) -> Outcome {
        match store.score_sheet(self.nomination) {
            Ok(sheet) => {
                self.sheet = sheet;
                Outcome::Changed(text.to_string())
            }
            Err(e) => Outcome::Failed(e),
        }
    }

    fn act(&mut self, action: &Action, store: &mut Store, s: &Strings) -> Outcome {
        let rows = self.sheet.criteria.len();
        let cols = self.sheet.members.len();
        let needs_a_member = matches!(
            action,
            Action::EditScore
                | Action::TypeScore
                | Action::Confirm
                | Action::ClearScore
                | Action::ToggleRecusal
        );
        if cols == 0 && needs_a_member {
            // Nothing to score with: say why instead of doing nothing.
            let why = match store.council() {
                Ok(Some(_)) => CouncilRefusal::NoMembersInOffice,
                Ok(None) => CouncilRefusal::NoCouncil,
                Err(e) => return Outcome::Failed(e),
            };
            return Outcome::Failed(StoreError::Council(why));
        }
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(rows.saturating_sub(1)),
            Action::Left => self.col = self.col.saturating_sub(1),
            Action::Right => self.col = (self.col + 1).min(cols.saturating_sub(1)),
            Action::NextMember if cols > 0 => self.col = (self.col + 1) % cols,
            Action::PrevMember if cols > 0 => self.col = (self.col + cols - 1) % cols,
            Action::Close => return Outcome::Close,
            Action::Cancel => {
                self.editing = None;
                self.error = None;
            }
            Action::EditScore | Action::TypeScore => {
                let Some((member, _, _)) = self.cell() else {
                    return Outcome::Nothing;
                };
                if let Some((_, reason)) = self.sheet.recused.iter().find(|(m, _)| *m == member) {
                    self.error = Some(format!("{}: {reason}", s.recused));
                    return Outcome::Nothing;
                }
                let current = match action {
                    Action::EditScore => self.current_score().map(|t| s.score_value(t)),
                    _ => None,
                };
                self.editing = Some(TextInput::new(&current.unwrap_or_default()));
                self.error = None;
            }
            Action::Confirm => return self.save(store, s),
            Action::ClearScore => {
                let Some((member, code, _)) = self.cell() else {
                    return Outcome::Nothing;
                };
                if self.current_score().is_none() {
                    return Outcome::Nothing;
                }
                return match store.clear_score(self.nomination, member, &code) {
                    Ok(_) => self.read_again(store, s.scoring_cleared),
                    Err(e) => Outcome::Failed(e),
                };
            }
            Action::ToggleRecusal => {
                let Some((member, _, _)) = self.cell() else {
                    return Outcome::Nothing;
                };
                if self.is_recused(member) {
                    return Outcome::Ask(
                        s.confirm_unrecuse.to_string(),
                        Command::Recusal {
                            nomination: self.nomination,
                            member,
                            reason: None,
                        },
                    );
                }
                let name = self
                    .sheet
                    .members
                    .iter()
                    .find(|m| m.id == member)
                    .map_or("", |m| m.name.as_str());
                return Outcome::Prompt {
                    question: format!("{name} — {}\n{}", self.title, s.confirm_recuse),
                    label: s.recusal_prompt,
                    value: String::new(),
                    purpose: PromptFor::Recusal {
                        nomination: self.nomination,
                        member,
                    },
                };
            }
            _ => {}
        }
        Outcome::Nothing
    }

    /// After a saved score: the next criterion, then the next member's first.
    fn move_on(&mut self) {
        if self.row + 1 < self.sheet.criteria.len() {
            self.row += 1;
        } else if self.col + 1 < self.sheet.members.len() {
            self.row = 0;
            self.col += 1;
        }
    }

    fn save(&mut self, store: &mut Store, s: &Strings) -> Outcome {
        let (Some(input), Some((member, code, max))) = (&self.editing, self.cell()) else {
            return Outcome::Nothing;
        };
        let tenths = match parse_score(input.value(), max) {
            Ok(t) => t,
            Err(e) => {
                self.error = Some(s.score_error(&e));
                return Outcome::Nothing;
            }
        };
        let score = Score {
            member_id: member,
            criterion_code: code,
            tenths,
        };
        match store.put_score(self.nomination, &score) {
            Ok(_) => {
                self.editing = None;
                self.move_on();
                self.read_again(store, s.scoring_saved)
            }
            Err(e) => Outcome::Failed(e),
        }
    }

    fn draw(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(
                format!(" {}: {} ", s.scoring_title, self.title),
                THEME.title,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let [top, grid, bottom] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(inner);
        let cells = usize::from(inner.width);
        let mut head = Vec::new();
        if let Some(m) = self.sheet.members.get(self.col) {
            head.push(Line::from(vec![
                Span::styled(format!("{}: ", s.scoring_member), THEME.dim),
                Span::styled(
                    format!("{} {} ({})", self.col + 1, m.name, s.role(m.role)),
                    THEME.header,
                ),
                Span::styled(format!(" · {}: ", s.aggregation), THEME.dim),
                Span::raw(s.aggregation_method(self.method)),
            ]));
        }
        if let Some(c) = self.sheet.criteria.get(self.row) {
            let text = format!("{} (≤{}): {}", c.label(), c.max_score, c.text);
            head.extend(wrap(&text, cells).into_iter().take(2).map(Line::raw));
        }
        Paragraph::new(head).render(top, buf);
        let lines = score_lines(&self.sheet, s, cells, Some((self.row, self.col)));
        // Keep the cursor row in view on short terminals.
        let cursor_line = (self.row + 2) as u16;
        let scroll = cursor_line.saturating_sub(grid.height.saturating_sub(1));
        Paragraph::new(lines).scroll((scroll, 0)).render(grid, buf);
        let mut line = match &self.editing {
            Some(input) => input.line(s.edit_prompt, true),
            None => Line::default(),
        };
        if let Some(e) = &self.error {
            line.spans.push(Span::styled(
                format!("  {}", truncate(e, cells)),
                THEME.error,
            ));
        }
        Paragraph::new(line).render(bottom, buf);
    }
}

impl Screen for Scoring {
    fn context(&self) -> Context {
        self.key_context()
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        self.act(action, cx.store, cx.strings)
    }

    fn text_key(&mut self, key: &KeyEvent, _: &mut Ctx) -> Outcome {
        self.edit_key(key);
        Outcome::Nothing
    }

    fn run(&mut self, command: &Command, cx: &mut Ctx) -> Outcome {
        let Command::Recusal {
            nomination,
            member,
            reason,
        } = command
        else {
            return Outcome::Nothing;
        };
        match cx
            .store
            .set_recusal(*nomination, *member, reason.as_deref())
        {
            Ok(_) => {
                let s = cx.strings;
                let text = if reason.is_some() {
                    s.scoring_recused
                } else {
                    s.scoring_unrecused
                };
                self.read_again(cx.store, text)
            }
            Err(e) => Outcome::Failed(e),
        }
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        self.draw(s, area, buf);
    }
}
