//! The ward's movements above, the selected movement's groups and criteria
//! below: add a movement from its plan, take the sample one, copy one, add
//! groups and criteria, change a criterion's maximum and weight. Every change
//! goes through the store, which checks the plan's rules and audits it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::SetupPrompt;
use super::movement_form::MovementForm;
use crate::domain::criteria::{CriteriaGroup, Criterion};
use crate::domain::movement::Movement;
use crate::i18n::Lang;
use crate::i18n::strings::Strings;
use crate::i18n::strings_setup::{SetupStrings, setup};
use crate::import::columns::{kind_label, parse_kind};
use crate::store::{Result, Store};
use crate::tui::action::{Action, MovementsAction};
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::modals::prompt::PromptFor;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, fit_right};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    List,
    Criteria,
}

pub struct Movements {
    movements: Vec<(Movement, Vec<CriteriaGroup>)>,
    /// The movement new nominations go into, when the ward said.
    current: Option<String>,
    selected: usize,
    /// The selected criterion of the selected movement, counted over its groups.
    criterion: usize,
    pane: Pane,
}

/// "5" or "1,5" as the interface writes a weight.
fn weight_text(w: f64, lang: Lang) -> String {
    let t = format!("{w}");
    match lang {
        Lang::Vi => t.replace('.', ","),
        Lang::En => t,
    }
}

fn number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse().ok()
}

impl Movements {
    /// The screen over `store`: every movement with its criteria.
    pub fn open(store: &Store) -> Result<Movements> {
        let mut m = Movements {
            movements: Vec::new(),
            current: None,
            selected: 0,
            criterion: 0,
            pane: Pane::List,
        };
        m.read(store)?;
        Ok(m)
    }

    fn read(&mut self, store: &Store) -> Result<()> {
        self.current = store.current_movement()?;
        self.movements = store
            .movements()?
            .into_iter()
            .map(|m| {
                let plan = store.movement_plan(&m.code)?;
                Ok((plan.movement, plan.groups))
            })
            .collect::<Result<_>>()?;
        self.selected = self.selected.min(self.movements.len().saturating_sub(1));
        self.criterion = self.criterion.min(self.criteria().len().saturating_sub(1));
        Ok(())
    }

    fn current(&self) -> Option<&(Movement, Vec<CriteriaGroup>)> {
        self.movements.get(self.selected)
    }

    fn criteria(&self) -> Vec<&Criterion> {
        self.current()
            .map(|(_, g)| g.iter().flat_map(|g| &g.criteria).collect())
            .unwrap_or_default()
    }

    fn select_code(&mut self, code: &str) {
        if let Some(i) = self.movements.iter().position(|(m, _)| m.code == code) {
            self.selected = i;
            self.criterion = 0;
        }
    }

    fn prompt(&self, question: String, label: &'static str, purpose: SetupPrompt) -> Outcome {
        Outcome::Prompt {
            question,
            label,
            value: String::new(),
            purpose: PromptFor::Movements(purpose),
        }
    }

    fn setup_action(&mut self, a: MovementsAction, cx: &mut Ctx) -> Outcome {
        let t = setup(cx.strings);
        let code = self.current().map(|(m, _)| m.code.clone());
        match (a, code) {
            (MovementsAction::NewMovement, _) => Outcome::Open(Box::new(MovementForm::new())),
            (MovementsAction::SeedMovement, _) => match cx.store.add_seed_movement() {
                Ok(m) => self.changed(cx, &m.code, format!("{} {}", t.added, m.name)),
                Err(e) => Outcome::Failed(e),
            },
            (MovementsAction::UseMovement, Some(code)) => match cx.store.use_movement(&code) {
                Ok(m) => self.changed(cx, &m.code, format!("{} — {}", m.code, t.in_use)),
                Err(e) => Outcome::Failed(e),
            },
            (MovementsAction::CopyMovement, Some(from)) => self.prompt(
                t.copy_question.replace("{}", &from),
                t.copy_label,
                SetupPrompt::CopyMovement { from },
            ),
            (MovementsAction::AddGroup, Some(movement)) => self.prompt(
                t.group_question.replace("{}", &movement),
                t.group_label,
                SetupPrompt::AddGroup { movement },
            ),
            (MovementsAction::AddCriterion, Some(movement)) => self.prompt(
                t.criterion_question.replace("{}", &movement),
                t.criterion_label,
                SetupPrompt::AddCriterion { movement },
            ),
            (MovementsAction::Edit, Some(movement)) => {
                self.pane = Pane::Criteria;
                match self.criteria().get(self.criterion) {
                    Some(c) => {
                        let code = c.code.clone();
                        self.prompt(
                            t.figures_question.replace("{}", &code),
                            t.figures_label,
                            SetupPrompt::CriterionFigures { movement, code },
                        )
                    }
                    None => Outcome::Status(t.no_group.to_string()),
                }
            }
            _ => Outcome::Status(t.no_movement.to_string()),
        }
    }

    /// Read again after a change, select `code`, and say `text`.
    fn changed(&mut self, cx: &mut Ctx, code: &str, text: String) -> Outcome {
        if let Err(e) = self.read(cx.store) {
            return Outcome::Failed(e);
        }
        self.select_code(code);
        Outcome::Status(text)
    }

    /// Carry out an answer; a badly formed one is refused before the store sees it.
    fn answer(&mut self, p: &SetupPrompt, answer: &str, cx: &mut Ctx) -> Outcome {
        let t = setup(cx.strings);
        let bad = || Outcome::Refused(t.answer_format.to_string());
        let parts: Vec<&str> = answer.split(';').map(str::trim).collect();
        let result = match p {
            SetupPrompt::CopyMovement { from } => {
                let Some((code, name)) = answer.trim().split_once(' ') else {
                    return bad();
                };
                cx.store
                    .copy_movement(from, code, name.trim())
                    .map(|m| (m.code, format!("{} {}", t.added, m.name)))
            }
            SetupPrompt::AddGroup { movement } => {
                let [code, kinds, title] = parts[..] else {
                    return bad();
                };
                let kinds: Option<Vec<_>> = kinds.split(',').map(parse_kind).collect();
                let Some(kinds) = kinds else {
                    return bad();
                };
                cx.store
                    .add_criteria_group(
                        movement,
                        &CriteriaGroup {
                            code: code.to_string(),
                            title: title.to_string(),
                            subjects: String::new(),
                            kinds,
                            criteria: Vec::new(),
                        },
                    )
                    .map(|()| (movement.clone(), format!("{} {code}", t.added)))
            }
            SetupPrompt::AddCriterion { movement } => {
                let [group, code, max, weight, text] = parts[..] else {
                    return bad();
                };
                let (Ok(max), Some(weight)) = (max.parse::<u32>(), number(weight)) else {
                    return bad();
                };
                cx.store
                    .add_criterion(
                        movement,
                        group,
                        &Criterion {
                            code: code.to_string(),
                            text: text.to_string(),
                            max_score: max,
                            weight,
                        },
                    )
                    .map(|()| (movement.clone(), format!("{} {code}", t.added)))
            }
            SetupPrompt::CriterionFigures { movement, code } => {
                let figures: Vec<&str> = answer.split_whitespace().collect();
                let [max, weight] = figures[..] else {
                    return bad();
                };
                let (Ok(max), Some(weight)) = (max.parse::<u32>(), number(weight)) else {
                    return bad();
                };
                let label = crate::domain::criteria::label_of(code).to_string();
                cx.store
                    .change_criterion(movement, &label, None, Some(max), Some(weight))
                    .map(|c| (movement.clone(), format!("{} {}", t.saved, c.code)))
            }
            _ => return Outcome::Nothing,
        };
        match result {
            Ok((code, text)) => {
                let keep = self.criterion;
                let out = self.changed(cx, &code, text);
                self.criterion = keep.min(self.criteria().len().saturating_sub(1));
                out
            }
            Err(e) => Outcome::Failed(e),
        }
    }

    fn draw(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = setup(s);
        Clear.render(area, buf);
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(area);
        let border = |focused: bool| {
            if focused {
                THEME.border_focused
            } else {
                THEME.border
            }
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(border(self.pane == Pane::List))
            .title(Line::styled(
                format!(" {} ({}) ", t.movements_title, self.movements.len()),
                THEME.title,
            ));
        let inner = block.inner(top);
        block.render(top, buf);
        Paragraph::new(self.list_lines(t, inner.width))
            .wrap(Wrap { trim: false })
            .render(inner, buf);

        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(border(self.pane == Pane::Criteria))
            .title(Line::styled(
                format!(
                    " {}{} ",
                    t.criteria_title,
                    self.current()
                        .map(|(m, _)| format!(" — {}", m.code))
                        .unwrap_or_default()
                ),
                THEME.title,
            ));
        let inner = block.inner(bottom);
        block.render(bottom, buf);
        let lines = self.criteria_lines(s, t, inner.width, inner.height);
        Paragraph::new(lines).render(inner, buf);
    }

    fn list_lines(&self, t: &SetupStrings, width: u16) -> Vec<Line<'static>> {
        if self.movements.is_empty() {
            return vec![Line::raw(t.no_movement.to_string())];
        }
        let w = usize::from(width);
        let code_w = 14.min(w / 5);
        let count_w = 13;
        let plan_w = (w / 4).min(30);
        let name_w = w.saturating_sub(code_w + count_w + plan_w + 3);
        let mut lines = vec![Line::styled(
            format!(
                "{} {} {} {}",
                fit(t.code, code_w),
                fit(t.name, name_w),
                fit(t.plan, plan_w),
                fit_right(t.counts, count_w)
            ),
            THEME.header,
        )];
        for (i, (m, groups)) in self.movements.iter().enumerate() {
            let criteria: usize = groups.iter().map(|g| g.criteria.len()).sum();
            let in_use = if self.current.as_deref() == Some(m.code.as_str()) {
                "* "
            } else {
                ""
            };
            let text = format!(
                "{} {} {} {}",
                fit(&format!("{in_use}{}", m.code), code_w),
                fit(&m.name, name_w),
                fit(&format!("{} {}", m.plan_number, m.plan_date), plan_w),
                fit_right(&format!("{}/{criteria}", groups.len()), count_w)
            );
            let style = match (i == self.selected, self.pane == Pane::List) {
                (true, true) => THEME.selected,
                (true, false) => THEME.selected_unfocused,
                _ => ratatui::style::Style::new(),
            };
            lines.push(Line::styled(text, style));
        }
        if let Some((m, _)) = self.current() {
            lines.push(Line::default());
            let mut about = format!("{}: {}", t.issuer, m.issuing_body);
            if self.current.as_deref() == Some(m.code.as_str()) {
                about.push_str(&format!(" · {}", t.in_use));
            }
            lines.push(Line::styled(about, THEME.dim));
        }
        lines
    }

    fn criteria_lines(
        &self,
        s: &Strings,
        t: &SetupStrings,
        width: u16,
        height: u16,
    ) -> Vec<Line<'static>> {
        let Some((_, groups)) = self.current() else {
            return Vec::new();
        };
        if groups.is_empty() {
            return vec![Line::raw(t.no_group.to_string())];
        }
        let w = usize::from(width);
        let text_w = w.saturating_sub(10 + 7 + 9 + 3);
        let mut lines = vec![Line::styled(
            format!(
                "{} {} {} {}",
                fit(t.code, 10),
                fit_right(t.max, 7),
                fit_right(t.weight, 9),
                fit(t.text, text_w)
            ),
            THEME.header,
        )];
        let mut n = 0;
        let mut selected_line = 0;
        for g in groups {
            let kinds: Vec<String> = g
                .kinds
                .iter()
                .map(|k| match s.lang {
                    Lang::Vi => kind_label(*k).to_string(),
                    Lang::En => k.code().to_string(),
                })
                .collect();
            lines.push(Line::styled(
                fit(
                    &format!(
                        "{} {} ({} {})",
                        g.code,
                        g.title,
                        t.for_kinds,
                        kinds.join("; ")
                    ),
                    w,
                ),
                THEME.heading,
            ));
            for c in &g.criteria {
                let style = match (n == self.criterion, self.pane == Pane::Criteria) {
                    (true, true) => THEME.selected,
                    (true, false) => THEME.selected_unfocused,
                    _ => ratatui::style::Style::new(),
                };
                if n == self.criterion {
                    selected_line = lines.len();
                }
                lines.push(Line::styled(
                    format!(
                        "{} {} {} {}",
                        fit(c.label(), 10),
                        fit_right(&c.max_score.to_string(), 7),
                        fit_right(&weight_text(c.weight, s.lang), 9),
                        fit(&c.text, text_w)
                    ),
                    style,
                ));
                n += 1;
            }
        }
        // Keep the selected criterion in view.
        let room = usize::from(height).max(2);
        if selected_line >= room {
            let skip = selected_line + 1 - room;
            let header = lines.remove(0);
            lines.drain(..skip.min(lines.len()));
            lines.insert(0, header);
        }
        lines
    }
}

impl Screen for Movements {
    fn context(&self) -> Context {
        Context::Movements
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        match action {
            Action::Close => Outcome::Close,
            Action::NextPane => {
                self.pane = match self.pane {
                    Pane::List => Pane::Criteria,
                    Pane::Criteria => Pane::List,
                };
                Outcome::Nothing
            }
            Action::Up => {
                match self.pane {
                    Pane::List => {
                        self.selected = self.selected.saturating_sub(1);
                        self.criterion = 0;
                    }
                    Pane::Criteria => self.criterion = self.criterion.saturating_sub(1),
                }
                Outcome::Nothing
            }
            Action::Down => {
                match self.pane {
                    Pane::List => {
                        self.selected =
                            (self.selected + 1).min(self.movements.len().saturating_sub(1));
                        self.criterion = 0;
                    }
                    Pane::Criteria => {
                        self.criterion =
                            (self.criterion + 1).min(self.criteria().len().saturating_sub(1));
                    }
                }
                Outcome::Nothing
            }
            Action::Movements(a) => self.setup_action(*a, cx),
            _ => Outcome::Nothing,
        }
    }

    fn run(&mut self, command: &Command, cx: &mut Ctx) -> Outcome {
        match command {
            Command::Movements(p, answer) => self.answer(p, answer, cx),
            _ => Outcome::Nothing,
        }
    }

    fn reload(&mut self, cx: &mut Ctx) -> std::result::Result<(), crate::store::StoreError> {
        let code = self.current().map(|(m, _)| m.code.clone());
        self.read(cx.store)?;
        // A movement just added from the form is the last one.
        if let Some(code) = code
            && self.movements.len() > 1
        {
            self.select_code(&code);
        }
        Ok(())
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        self.draw(s, area, buf);
    }
}
