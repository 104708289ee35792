//! One set-up step on the screen: alone (from the settings screen or from
//! a screen that needs a council), or as part of the walk-through, where
//! saving or skipping a step goes on to the next.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::i18n::strings::Strings;
use crate::i18n::strings_forms::forms;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::modals::centered;
use crate::tui::screen::{Ctx, Outcome, Screen};

use crate::tui::screens::movements::list::Movements;
use crate::tui::screens::movements::rules::Rules;

use super::council_form::CouncilForm;
use super::later_steps::LaterStep;
use super::members::MembersList;
use super::ward_form::WardForm;
use super::{SetupAction, Step};
use crate::i18n::setup_screens::setup;
use crate::tui::screens::form_screen;

pub enum StepView {
    Ward(WardForm),
    Council(CouncilForm),
    Members(Box<MembersList>),
    /// What movements there are; Enter opens their screen.
    Movements(LaterStep),
    /// The council's rules; Enter opens their screen.
    Rules(LaterStep),
}

pub struct StepScreen {
    /// Part of the walk-through: saving or skipping goes on to the next step.
    pub walk: bool,
    pub step: Step,
    pub view: StepView,
}

impl StepScreen {
    pub fn open(
        step: Step,
        walk: bool,
        store: &Store,
        s: &Strings,
    ) -> Result<StepScreen, StoreError> {
        let mut screen = StepScreen {
            walk,
            step,
            view: Self::view(step, store, s)?,
        };
        screen.retitle(s);
        Ok(screen)
    }

    fn view(step: Step, store: &Store, s: &Strings) -> Result<StepView, StoreError> {
        Ok(match step {
            Step::Ward => StepView::Ward(WardForm::new(store, s)?),
            Step::Council => StepView::Council(CouncilForm::new(store, s)?),
            Step::Members => StepView::Members(Box::new(MembersList::open(store)?)),
            Step::Movements => StepView::Movements(LaterStep::open(step, store)?),
            Step::Rules => StepView::Rules(LaterStep::open(step, store)?),
        })
    }

    /// The forms carry the step's title.
    fn retitle(&mut self, s: &Strings) {
        let title = self.title(s);
        match &mut self.view {
            StepView::Ward(f) => f.form.title = title,
            StepView::Council(f) => f.form.title = title,
            _ => {}
        }
    }

    /// "Thiết lập — Bước 2/5: Hội đồng", or "Thiết lập: Hội đồng" alone.
    pub fn title(&self, s: &Strings) -> String {
        let t = setup(s);
        if self.walk {
            format!(
                "{} — {} {}/{}: {}",
                t.settings_title,
                t.step_word,
                self.step.number(),
                Step::ALL.len(),
                t.step_title(self.step)
            )
        } else {
            format!("{}: {}", t.settings_title, t.step_title(self.step))
        }
    }

    fn form_dirty(&self) -> bool {
        match &self.view {
            StepView::Ward(f) => f.form.dirty,
            StepView::Council(f) => f.form.dirty,
            _ => false,
        }
    }

    fn members_form_open(&self) -> bool {
        matches!(&self.view, StepView::Members(m) if m.form.is_some())
    }

    /// Go to `step`; `Ok(false)` when there is none (the walk is over).
    fn go(&mut self, step: Option<Step>, store: &Store, s: &Strings) -> Result<bool, StoreError> {
        let Some(step) = step else {
            return Ok(false);
        };
        self.view = Self::view(step, store, s)?;
        self.step = step;
        self.retitle(s);
        Ok(true)
    }

    /// Leave the step: the walk says it is over, a step alone what it saved.
    fn finished(&self, s: &Strings, text: Option<String>) -> Outcome {
        let text = if self.walk {
            let done = setup(s).walk_done;
            Some(match text {
                Some(t) => format!("{t} · {done}"),
                None => done.to_string(),
            })
        } else {
            text
        };
        match text {
            Some(text) => Outcome::Saved { text, select: None },
            None => Outcome::Close,
        }
    }

    /// After a step saved: the walk goes on to the next step, a step alone
    /// closes.
    fn saved(&mut self, text: String, cx: &mut Ctx) -> Outcome {
        if !self.walk {
            return Outcome::Saved { text, select: None };
        }
        match self.go(self.step.next(), cx.store, cx.strings) {
            Ok(true) => Outcome::Changed(text),
            Ok(false) => self.finished(cx.strings, Some(text)),
            Err(e) => Outcome::Failed(e),
        }
    }
}

impl Screen for StepScreen {
    /// Back from the movements' or the rules' screen: what they changed is
    /// listed. A form being typed in is left as it is.
    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        if let StepView::Movements(_) | StepView::Rules(_) = self.view {
            self.view = Self::view(self.step, cx.store, cx.strings)?;
        }
        Ok(())
    }

    fn context(&self) -> Context {
        match &self.view {
            StepView::Ward(_) | StepView::Council(_) => Context::SetupForm,
            StepView::Members(m) if m.form.is_some() => Context::SetupMemberForm,
            StepView::Members(_) => Context::SetupMembers,
            StepView::Movements(_) | StepView::Rules(_) => Context::SetupLater,
        }
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        let s = cx.strings;
        if !self.members_form_open() {
            match action {
                Action::Setup(SetupAction::Skip) => {
                    return match self.go(self.step.next(), cx.store, s) {
                        Ok(true) => Outcome::Nothing,
                        Ok(false) => self.finished(s, None),
                        Err(e) => Outcome::Failed(e),
                    };
                }
                Action::Setup(SetupAction::Back) => {
                    return match self.go(self.step.prev(), cx.store, s) {
                        Ok(_) => Outcome::Nothing,
                        Err(e) => Outcome::Failed(e),
                    };
                }
                Action::Close => return Outcome::Close,
                Action::Cancel if self.form_dirty() => {
                    return Outcome::Ask(forms(s).confirm_discard.to_string(), Command::Discard);
                }
                Action::Cancel => return Outcome::Close,
                _ => {}
            }
        }
        let saved = match (&mut self.view, action) {
            (StepView::Members(m), _) => return m.apply(action, cx),
            (StepView::Ward(f), Action::Save) => f.save(cx.store, s),
            (StepView::Council(f), Action::Save) => f.save(cx.store, s),
            (StepView::Ward(WardForm { form, .. }), _) => {
                return form_screen::apply(form, s, action);
            }
            (StepView::Council(CouncilForm { form, .. }), _) => {
                return form_screen::apply(form, s, action);
            }
            // The movements' and the rules' own screens open over the step;
            // closing them comes back here, to go on.
            (StepView::Movements(_), Action::Setup(SetupAction::OpenHere)) => {
                return match Movements::open(cx.store) {
                    Ok(m) => Outcome::Open(Box::new(m)),
                    Err(e) => Outcome::Failed(e),
                };
            }
            (StepView::Rules(_), Action::Setup(SetupAction::OpenHere)) => {
                return match Rules::open(cx.store, s) {
                    Ok(r) => Outcome::Open(Box::new(r)),
                    Err(e) => Outcome::Failed(e),
                };
            }
            (StepView::Movements(_) | StepView::Rules(_), _) => return Outcome::Nothing,
        };
        match saved {
            Ok(Some(text)) => self.saved(text, cx),
            Ok(None) => Outcome::Nothing,
            Err(e) => Outcome::Failed(e),
        }
    }

    fn text_key(&mut self, key: &KeyEvent, _cx: &mut Ctx) -> Outcome {
        match &mut self.view {
            StepView::Ward(f) => f.key(key),
            StepView::Council(f) => f.key(key),
            StepView::Members(m) => {
                if let Some(f) = m.form.as_mut() {
                    f.key(key);
                }
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn run(&mut self, command: &Command, cx: &mut Ctx) -> Outcome {
        match (command, &mut self.view) {
            (Command::Discard, _) => Outcome::Close,
            (Command::ChangeMember, StepView::Members(m)) => m.confirmed(cx),
            _ => Outcome::Nothing,
        }
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = setup(s);
        let title = self.title(s);
        let wide = centered(area, area.width.min(110), area.height);
        match &self.view {
            StepView::Ward(f) => render_form(&f.form, t.ward_note, wide, buf),
            StepView::Council(f) => render_form(&f.form, t.council_note, wide, buf),
            StepView::Members(m) => m.render(s, &title, t.member_list_hint, wide, buf),
            StepView::Movements(l) | StepView::Rules(l) => l.render(s, &title, wide, buf),
        }
    }
}

/// A set-up form, with room under its fields for the whole of a refusal
/// (the line next to the field is cut to fit).
pub fn render_form<K: Copy + Eq>(
    form: &crate::tui::widgets::form::Form<K>,
    hint: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    use ratatui::text::Line;
    use ratatui::widgets::{Paragraph, Widget};

    const ERROR_LINES: u16 = 3;
    let shown = form.fields.iter().filter(|f| !f.hidden).count();
    let banner = u16::from(form.banner.is_some());
    let fields = u16::try_from(shown).unwrap_or(u16::MAX);
    // Borders, banner, fields, a gap, the refusal, the hint.
    let height = fields.saturating_add(banner + ERROR_LINES + 4);
    let popup = Rect {
        height: height.min(area.height),
        ..area
    };
    form.render(hint, popup, buf);
    let refusal = form
        .fields
        .get(form.focus)
        .and_then(|f| f.error.clone())
        .or_else(|| form.fields.iter().find_map(|f| f.error.clone()));
    let Some(text) = refusal else { return };
    let inner_w = popup.width.saturating_sub(2);
    let top = popup.y + 1 + banner + fields + 1;
    let bottom = (popup.y + popup.height).saturating_sub(2);
    if top >= bottom {
        return;
    }
    let lines: Vec<Line> =
        crate::tui::widgets::table::wrap(&format!("⚠ {text}"), usize::from(inner_w))
            .into_iter()
            .take(usize::from(bottom - top))
            .map(|l| Line::styled(l, crate::tui::theme::THEME.error))
            .collect();
    Paragraph::new(lines).render(Rect::new(popup.x + 1, top, inner_w, bottom - top), buf);
}
