//! The settings screen: every set-up step, with what is set, one key from
//! the dashboard. Enter opens a step on its own; `w` walks through them all.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::modals::centered;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, truncate, wrap};

use super::dates;
use super::steps::StepScreen;
use super::{SetupAction, Step};
use crate::i18n::setup_screens::setup;

pub struct SettingsMenu {
    pub selected: usize,
    /// What each step holds now, in step order (`None`: not set).
    pub summaries: Vec<Option<String>>,
}

impl SettingsMenu {
    pub fn open(store: &Store, s: &Strings) -> Result<SettingsMenu, StoreError> {
        let mut menu = SettingsMenu {
            selected: 0,
            summaries: Vec::new(),
        };
        menu.reload(store, s)?;
        Ok(menu)
    }

    pub fn reload(&mut self, store: &Store, s: &Strings) -> Result<(), StoreError> {
        let t = setup(s);
        let ward = store
            .ward()?
            .map(|w| format!("{} · {}", w.governing_body, w.place_name));
        let council = store.council()?;
        let council_line = council.as_ref().map(|c| {
            format!(
                "{} · {} – {}",
                c.decision_number,
                dates::shown(s.lang, c.term_from.as_deref().unwrap_or("")),
                dates::shown(s.lang, c.term_to.as_deref().unwrap_or(""))
            )
        });
        let today: String = store.now().chars().take(10).collect();
        let members = match &council {
            Some(c) => {
                let n = store.members_on(c.id, &today)?.len();
                (n > 0).then(|| format!("{n} {}", t.in_office))
            }
            None => None,
        };
        let movements = store.movements()?;
        let movements = (!movements.is_empty()).then(|| {
            movements
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        });
        self.summaries = vec![
            ward,
            council_line,
            members,
            movements,
            Some(t.rules_default.to_string()),
        ];
        Ok(())
    }
}

impl Screen for SettingsMenu {
    fn context(&self) -> Context {
        Context::SetupMenu
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        let n = Step::ALL.len();
        let open = |step: Step, walk: bool, cx: &mut Ctx| match StepScreen::open(
            step, walk, cx.store, cx.strings,
        ) {
            Ok(screen) => Outcome::Open(Box::new(screen)),
            Err(e) => Outcome::Failed(e),
        };
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n - 1),
            Action::Confirm => {
                if let Some(step) = Step::ALL.get(self.selected) {
                    return open(*step, false, cx);
                }
            }
            Action::Setup(SetupAction::WalkFrom(step)) => return open(*step, true, cx),
            Action::Close | Action::Cancel => return Outcome::Close,
            _ => {}
        }
        Outcome::Nothing
    }

    /// A step closed over it: show what it holds now.
    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        let s = cx.strings;
        SettingsMenu::reload(self, cx.store, s)
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = setup(s);
        let popup = centered(area, area.width.min(110), 13);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", t.settings_title), THEME.title));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let cells = usize::from(inner.width);
        let label_w = Step::ALL
            .iter()
            .map(|st| crate::tui::widgets::table::width(t.step_title(*st)))
            .max()
            .unwrap_or(0)
            + 6;
        let mut lines = Vec::new();
        for (i, step) in Step::ALL.iter().enumerate() {
            let on = i == self.selected;
            let style = if on { THEME.selected } else { THEME.title };
            let summary = self.summaries.get(i).cloned().flatten();
            let (text, text_style) = match summary {
                Some(x) => (x, if on { THEME.selected } else { THEME.input }),
                None => (
                    t.not_set.to_string(),
                    if on { THEME.selected } else { THEME.dim },
                ),
            };
            lines.push(Line::from(vec![
                Span::styled(
                    fit(
                        &format!(
                            "{}{}. {}",
                            if on { "▸ " } else { "  " },
                            step.number(),
                            t.step_title(*step)
                        ),
                        label_w,
                    ),
                    style,
                ),
                Span::styled(truncate(&text, cells.saturating_sub(label_w)), text_style),
            ]));
        }
        lines.push(Line::default());
        lines.extend(
            wrap(t.settings_note, cells)
                .into_iter()
                .take(3)
                .map(|l| Line::styled(l, THEME.dim)),
        );
        Paragraph::new(lines).render(inner, buf);
    }
}
