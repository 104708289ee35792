//! Step 3: the members of the council in office, past and present; add,
//! replace (the one replaced keeps their history) and end membership. A
//! replacement or an end is checked by the domain first, then confirmed,
//! then made.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::council::{Council, Member, Role};
use crate::domain::council_rules::{self, CouncilRefusal};
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::screen::{Ctx, Outcome};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, truncate};

use super::SetupAction;
use super::dates;
use super::member_form::{Focus, MemberChange, MemberForm};
use crate::i18n::setup_screens::setup;

pub struct MembersList {
    pub council: Option<Council>,
    pub members: Vec<Member>,
    pub selected: usize,
    /// Today, YYYY-MM-DD (the store's clock).
    pub today: String,
    /// The form of an addition, replacement or end, while it is open.
    pub form: Option<MemberForm>,
}

impl MembersList {
    pub fn open(store: &Store) -> Result<MembersList, StoreError> {
        let mut list = MembersList {
            council: None,
            members: Vec::new(),
            selected: 0,
            today: store.now().chars().take(10).collect(),
            form: None,
        };
        list.reload(store)?;
        Ok(list)
    }

    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.council = store.council()?;
        self.members = match &self.council {
            Some(c) => store.members(c.id)?,
            None => Vec::new(),
        };
        self.selected = self.selected.min(self.members.len().saturating_sub(1));
        Ok(())
    }

    pub fn in_office(&self) -> usize {
        self.members
            .iter()
            .filter(|m| m.in_office_on(&self.today))
            .count()
    }

    /// The day a new member's form starts with: the term's first day while
    /// the council has nobody yet, else today.
    fn first_day(&self) -> String {
        match &self.council {
            Some(c) if self.members.is_empty() => {
                c.term_from.clone().unwrap_or_else(|| self.today.clone())
            }
            _ => self.today.clone(),
        }
    }

    fn selected_in_office(&self) -> Option<&Member> {
        self.members
            .get(self.selected)
            .filter(|m| m.in_office_on(&self.today))
    }

    /// A list action (the form, when open, gets the form's actions).
    pub fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        let s = cx.strings;
        let t = setup(s);
        if self.form.is_some() {
            return self.form_action(action, cx.store, s);
        }
        // Said here as the step says it, not offered as a set-up: this is it.
        let no_council = || Outcome::Refused(t.no_council_yet.to_string());
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.members.len().saturating_sub(1))
            }
            Action::Setup(SetupAction::AddMember) => {
                if self.council.is_none() {
                    return no_council();
                }
                let role = if self.members.is_empty() {
                    Role::Chair
                } else {
                    Role::Member
                };
                self.form = Some(MemberForm::new(
                    MemberChange::Add,
                    role,
                    &self.first_day(),
                    s,
                ));
            }
            Action::Setup(SetupAction::ReplaceMember) | Action::Setup(SetupAction::EndMember) => {
                let Some(m) = self.selected_in_office() else {
                    return Outcome::Status(t.pick_in_office.to_string());
                };
                let (id, name, role) = (m.id, m.name.clone(), m.role);
                let change = if *action == Action::Setup(SetupAction::EndMember) {
                    MemberChange::End { id, name }
                } else {
                    MemberChange::Replace { id, name }
                };
                self.form = Some(MemberForm::new(change, role, &self.today, s));
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn form_action(&mut self, action: &Action, store: &mut Store, s: &Strings) -> Outcome {
        let t = setup(s);
        let Some(form) = self.form.as_mut() else {
            return Outcome::Nothing;
        };
        match action {
            Action::NextField => form.form.next(),
            Action::PrevField => form.form.prev(),
            Action::Cancel => self.form = None,
            Action::Save => {
                // A replacement or an end cannot be undone: check it all, then ask.
                let question = match &form.change {
                    MemberChange::Add => None,
                    MemberChange::Replace { .. } => Some(t.replace_confirm),
                    MemberChange::End { .. } => Some(t.end_confirm),
                };
                if let Some(q) = question {
                    return match Self::check(form, store) {
                        Ok(()) => Outcome::Ask(q.to_string(), Command::ChangeMember),
                        Err(e @ StoreError::Council(_)) => {
                            let refusal = s.store_message(&e);
                            let key = match form.change {
                                MemberChange::End { .. } => Focus::Date,
                                _ => match &e {
                                    StoreError::Council(CouncilRefusal::Text(_))
                                    | StoreError::Council(CouncilRefusal::Empty(_)) => Focus::Name,
                                    StoreError::Council(CouncilRefusal::RoleTaken { .. }) => {
                                        Focus::Role
                                    }
                                    _ => Focus::Date,
                                },
                            };
                            form.form.clear_errors();
                            form.form.set_error(key, refusal);
                            Outcome::Nothing
                        }
                        Err(e) => Outcome::Failed(e),
                    };
                }
                return self.save(store, s);
            }
            _ => {}
        }
        Outcome::Nothing
    }

    /// The replacement or end the user confirmed.
    pub fn confirmed(&mut self, cx: &mut Ctx) -> Outcome {
        self.save(cx.store, cx.strings)
    }

    /// The domain's checks of a replacement or an end, before asking.
    fn check(form: &MemberForm, store: &Store) -> Result<(), StoreError> {
        let new = form.new_member();
        match &form.change {
            MemberChange::Add => Ok(()),
            MemberChange::End { id, .. } => {
                council_rules::end(&store.member(*id)?, &new.from).map_err(StoreError::Council)?;
                Ok(())
            }
            MemberChange::Replace { id, .. } => {
                let old = store.member(*id)?;
                let council = store.council_by_id(old.council_id)?;
                let members = store.members(council.id)?;
                council_rules::replaced(&old, &new.from).map_err(StoreError::Council)?;
                council_rules::join(&new, &council, &members, Some(old.id))
                    .map_err(StoreError::Council)?;
                Ok(())
            }
        }
    }

    fn save(&mut self, store: &mut Store, s: &Strings) -> Outcome {
        let Some(form) = self.form.as_mut() else {
            return Outcome::Nothing;
        };
        match form.save(store, s) {
            Ok(Some(text)) => {
                self.form = None;
                if let Err(e) = self.reload(store) {
                    return Outcome::Failed(e);
                }
                Outcome::Changed(text)
            }
            Ok(None) => Outcome::Nothing,
            Err(e) => Outcome::Failed(e),
        }
    }

    pub fn render(&self, s: &Strings, title: &str, hint: &str, area: Rect, buf: &mut Buffer) {
        let t = setup(s);
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {title} "), THEME.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let cells = usize::from(inner.width);
        let [head, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
        let head_line = match &self.council {
            Some(c) => format!(
                "{}: {} · {} – {} · {} {}",
                t.council_in_office,
                c.decision_number,
                dates::shown(s.lang, c.term_from.as_deref().unwrap_or("")),
                dates::shown(s.lang, c.term_to.as_deref().unwrap_or("")),
                self.in_office(),
                t.in_office
            ),
            None => t.no_council_yet.to_string(),
        };
        Paragraph::new(vec![
            Line::styled(truncate(&head_line, cells), THEME.heading),
            Line::styled(truncate(hint, cells), THEME.dim),
        ])
        .render(head, buf);
        if self.council.is_some() && self.members.is_empty() {
            Paragraph::new(Line::styled(t.no_members_yet, THEME.dim)).render(list, buf);
        }
        // Name, role, position and unit, dates; narrow screens lose the unit first.
        let name_w = 24.min(cells / 3);
        let role_w = 20.min(cells / 5);
        let dates_w = 27;
        let rest = cells.saturating_sub(name_w + role_w + dates_w + 4);
        let height = usize::from(list.height);
        let first = self.selected.saturating_sub(height.saturating_sub(1));
        for (row, (i, m)) in self
            .members
            .iter()
            .enumerate()
            .skip(first)
            .take(height)
            .enumerate()
        {
            let on = i == self.selected;
            let current = m.in_office_on(&self.today);
            let style = match (on, current) {
                (true, _) => THEME.selected,
                (false, true) => THEME.input,
                (false, false) => THEME.dim,
            };
            let office = match &m.term_end {
                Some(e) => format!(
                    "{} {} {}",
                    dates::shown(s.lang, &m.term_start),
                    t.ended,
                    dates::shown(s.lang, e)
                ),
                None => format!("{} · {}", dates::shown(s.lang, &m.term_start), t.in_office),
            };
            let where_ = [m.position.as_str(), m.unit.as_str()]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let line = Line::from(vec![
                Span::styled(fit(&format!(" {}", m.name), name_w + 1), style),
                Span::styled(fit(&format!(" {}", s.role(m.role)), role_w + 1), style),
                Span::styled(fit(&format!(" {where_}"), rest + 1), style),
                Span::styled(fit(&format!(" {office}"), dates_w), style),
            ]);
            let y = list.y + u16::try_from(row).unwrap_or(0);
            Paragraph::new(line).render(Rect::new(list.x, y, list.width, 1), buf);
        }
        if let Some(f) = &self.form {
            let width = area.width.saturating_sub(6).min(96);
            let popup = crate::tui::modals::centered(area, width, 13);
            super::steps::render_form(&f.form, t.member_form_hint, popup, buf);
        }
    }
}

/// The member form's open change, for the app's routing of typed keys.
pub fn form_of(list: &mut MembersList) -> Option<&mut MemberForm> {
    list.form.as_mut()
}
