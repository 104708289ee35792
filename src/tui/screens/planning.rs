//! Meeting planning: the list of meetings (planned, open, closed), creating
//! and editing a planned meeting, and building its agenda (pick nominations
//! one by one, or all matching the dashboard's filter; remove; reorder) and
//! its counting committee. Meeting mode opens from here for the chosen
//! meeting. State and key handling here; drawing in `plan_view`.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::council_rules;
use crate::domain::meeting::{MeetingId, MeetingStatus, Presence, committee_absent};
use crate::domain::nomination::{NominationQuery, NominationRow, NominationStatus, SortKey};
use crate::domain::record::MeetingRecord;
use crate::i18n::strings::Strings;
use crate::store::meetings::MeetingSummary;
use crate::store::refusal::{MeetingLabel, MeetingRefusal, Step};
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, PlanAction};
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::screens::eligibility_marks::Marks;
use crate::tui::screens::meeting::MeetingMode;
use crate::tui::screens::plan_forms::{CommitteeForm, MeetingForm};
use crate::tui::widgets::text_input::TextInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Agenda,
}

/// Pending nominations to pick from, searched as the dashboard searches.
pub struct Picker {
    pub search: TextInput,
    pub rows: Vec<NominationRow>,
    pub total: u32,
    pub selected: usize,
    pub error: Option<String>,
}

/// How many pending nominations the picker lists at once (the search narrows them).
const PICKER_ROWS: u32 = 500;

impl Picker {
    fn reload(&mut self, store: &Store) -> crate::store::Result<()> {
        let q = NominationQuery {
            text: self.search.value().to_string(),
            statuses: vec![NominationStatus::Submitted, NominationStatus::Failed],
            sort: SortKey::Name,
            ..NominationQuery::default()
        };
        let (rows, total) = store.list_nominations(&q, 0, PICKER_ROWS)?;
        self.rows = rows;
        self.total = total;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }
}

pub enum PlanInput {
    Meeting(Box<MeetingForm>),
    Committee(CommitteeForm),
    Picker(Picker),
}

pub struct Planning {
    pub meetings: Vec<MeetingSummary>,
    pub selected: usize,
    pub view: View,
    /// The chosen meeting, loaded when its agenda is shown.
    pub record: Option<MeetingRecord>,
    pub marks: Marks,
    pub item: usize,
    pub input: Option<PlanInput>,
}

impl Planning {
    pub fn open(store: &Store) -> crate::store::Result<Planning> {
        Ok(Planning {
            meetings: store.meetings()?,
            selected: 0,
            view: View::List,
            record: None,
            marks: Marks::default(),
            item: 0,
            input: None,
        })
    }

    fn key_context(&self) -> Context {
        match (&self.input, self.view) {
            (Some(_), _) => Context::PlanInput,
            (None, View::List) => Context::Meetings,
            (None, View::Agenda) => Context::Agenda,
        }
    }

    fn selected_id(&self) -> Option<MeetingId> {
        match (self.view, &self.record) {
            (View::Agenda, Some(r)) => Some(r.meeting.id),
            _ => self.meetings.get(self.selected).map(|m| m.meeting.id),
        }
    }

    /// Reload the list (keeping the same meeting selected) and the open agenda.
    fn read(&mut self, store: &Store) -> crate::store::Result<()> {
        let keep = self.selected_id();
        self.meetings = store.meetings()?;
        if let Some(id) = keep {
            self.selected = self
                .meetings
                .iter()
                .position(|m| m.meeting.id == id)
                .unwrap_or(0);
        }
        self.selected = self.selected.min(self.meetings.len().saturating_sub(1));
        if self.view == View::Agenda
            && let Some(id) = keep
        {
            let r = store.meeting_record(id)?;
            self.marks = Marks::load(store, r.agenda.iter().map(|e| e.nomination.id));
            self.item = self.item.min(r.agenda.len().saturating_sub(1));
            self.record = Some(r);
        }
        Ok(())
    }

    fn changed(&mut self, store: &Store, text: String) -> Outcome {
        match self.read(store) {
            Ok(()) => Outcome::Changed(text),
            Err(e) => Outcome::Failed(e),
        }
    }

    /// Keys the keymap leaves alone go to the focused field.
    fn input_key(&mut self, key: &KeyEvent, store: &Store) -> Option<StoreError> {
        match &mut self.input {
            Some(PlanInput::Meeting(f)) => f.key(key),
            Some(PlanInput::Committee(f)) => f.key(key),
            Some(PlanInput::Picker(p)) => {
                p.error = None;
                if p.search.handle_key(key) {
                    p.selected = 0;
                    return p.reload(store).err();
                }
            }
            None => {}
        }
        None
    }

    fn act(
        &mut self,
        action: &Action,
        store: &mut Store,
        s: &Strings,
        filter: &NominationQuery,
    ) -> Outcome {
        if self.input.is_some() {
            return self.apply_input(action, store, s);
        }
        let Action::Plan(a) = action else {
            return self.navigate(action, store);
        };
        match a {
            PlanAction::New => match store.council() {
                // The members in office today; none is told, not a blank form.
                Ok(Some(c)) => match store.members_on(c.id, &store.now()) {
                    Ok(members) if members.is_empty() => {
                        return Outcome::Failed(MeetingRefusal::NoMembers.into());
                    }
                    Ok(members) => {
                        self.input = Some(PlanInput::Meeting(Box::new(MeetingForm::new(members))))
                    }
                    Err(e) => return Outcome::Failed(e),
                },
                Ok(None) => return Outcome::Failed(MeetingRefusal::NoCouncil.into()),
                Err(e) => return Outcome::Failed(e),
            },
            PlanAction::Edit => return self.start_edit(store),
            PlanAction::Agenda if self.view == View::List && !self.meetings.is_empty() => {
                self.view = View::Agenda;
                self.item = 0;
                if let Err(e) = self.read(store) {
                    self.view = View::List;
                    return Outcome::Failed(e);
                }
            }
            PlanAction::OpenMode => {
                if let Some(id) = self.selected_id() {
                    return match MeetingMode::open(store, id) {
                        Ok(m) => Outcome::Open(Box::new(m)),
                        Err(e) => Outcome::Refused(s.store_message(&e)),
                    };
                }
            }
            _ if self.view == View::Agenda => return self.agenda_action(a, store, s, filter),
            _ => {}
        }
        Outcome::Nothing
    }

    fn navigate(&mut self, action: &Action, store: &Store) -> Outcome {
        match (self.view, action) {
            (View::List, Action::Close) => return Outcome::Close,
            (View::Agenda, Action::Close) => {
                self.view = View::List;
                self.record = None;
                if let Err(e) = self.read(store) {
                    return Outcome::Failed(e);
                }
            }
            (View::List, Action::Up) => self.selected = self.selected.saturating_sub(1),
            (View::List, Action::Down) => {
                self.selected = (self.selected + 1).min(self.meetings.len().saturating_sub(1))
            }
            (View::Agenda, Action::Up) => self.item = self.item.saturating_sub(1),
            (View::Agenda, Action::Down) => {
                let n = self.record.as_ref().map_or(0, |r| r.agenda.len());
                self.item = (self.item + 1).min(n.saturating_sub(1));
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn start_edit(&mut self, store: &Store) -> Outcome {
        let Some(id) = self.selected_id() else {
            return Outcome::Nothing;
        };
        let loaded = store.meeting_record(id).and_then(|r| {
            let members = store.members_on(r.council.id, &r.meeting.starts_at)?;
            Ok((r, members))
        });
        let (r, members) = match loaded {
            Ok(x) => x,
            Err(e) => return Outcome::Failed(e),
        };
        if r.meeting.status != MeetingStatus::Planned {
            // The store would refuse the same way; say so before any typing.
            let refusal = MeetingRefusal::WrongStatus {
                meeting: MeetingLabel {
                    number: r.meeting.number.clone(),
                    id,
                },
                status: r.meeting.status,
                step: Step::Edit,
            };
            return Outcome::Failed(StoreError::Meeting(refusal));
        }
        self.input = Some(PlanInput::Meeting(Box::new(MeetingForm::edit(members, &r))));
        Outcome::Nothing
    }

    fn agenda_action(
        &mut self,
        a: &PlanAction,
        store: &mut Store,
        s: &Strings,
        filter: &NominationQuery,
    ) -> Outcome {
        let t = s.plan();
        let Some(r) = &self.record else {
            return Outcome::Nothing;
        };
        let meeting = r.meeting.id;
        let current = r.agenda.get(self.item).map(|e| e.nomination.id);
        let items = r.agenda.len();
        match a {
            PlanAction::Pick => {
                let mut p = Picker {
                    search: TextInput::default(),
                    rows: Vec::new(),
                    total: 0,
                    selected: 0,
                    error: None,
                };
                if let Err(e) = p.reload(store) {
                    return Outcome::Failed(e);
                }
                self.input = Some(PlanInput::Picker(p));
            }
            PlanAction::AddMatching => {
                let q = NominationQuery {
                    statuses: vec![NominationStatus::Submitted],
                    ..filter.clone()
                };
                return match store.list_nominations(&q, 0, 0) {
                    Ok((_, 0)) => Outcome::Refused(t.nothing_matches.into()),
                    Ok((_, n)) => Outcome::Ask(
                        format!("{} {}", t.confirm_matching, s.count(n)),
                        Command::AddMatching {
                            meeting,
                            query: filter.clone(),
                        },
                    ),
                    Err(e) => Outcome::Failed(e),
                };
            }
            PlanAction::Remove => {
                if let Some(n) = current {
                    return match store.remove_agenda_item(meeting, n) {
                        Ok(()) => self.changed(store, t.removed.into()),
                        Err(e) => Outcome::Failed(e),
                    };
                }
            }
            PlanAction::MoveUp | PlanAction::MoveDown => {
                let up = *a == PlanAction::MoveUp;
                let to = if up {
                    self.item.checked_sub(1)
                } else {
                    Some(self.item + 1).filter(|i| *i < items)
                };
                if let (Some(n), Some(to)) = (current, to) {
                    return match store.move_agenda_item(meeting, n, to as u32 + 1) {
                        Ok(()) => {
                            self.item = to;
                            self.changed(store, t.moved.into())
                        }
                        Err(e) => Outcome::Failed(e),
                    };
                }
            }
            PlanAction::Committee => {
                self.input = Some(PlanInput::Committee(CommitteeForm::new(r)));
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn apply_input(&mut self, action: &Action, store: &mut Store, s: &Strings) -> Outcome {
        // Tab moves between fields; ↓/↑ also walk the lists inside a form.
        let (next, by_row) = match action {
            Action::Cancel => {
                self.input = None;
                return Outcome::Nothing;
            }
            Action::Plan(PlanAction::NextField) => (true, false),
            Action::Plan(PlanAction::PrevField) => (false, false),
            Action::Down => (true, true),
            Action::Up => (false, true),
            Action::Confirm => return self.save_input(store, s),
            _ => return Outcome::Nothing,
        };
        match &mut self.input {
            Some(PlanInput::Meeting(f)) if by_row && next => f.next(),
            Some(PlanInput::Meeting(f)) if by_row => f.prev(),
            Some(PlanInput::Meeting(f)) => f.step(next),
            Some(PlanInput::Committee(f)) if next => f.next(),
            Some(PlanInput::Committee(f)) => f.prev(),
            Some(PlanInput::Picker(p)) if next => {
                p.selected = (p.selected + 1).min(p.rows.len().saturating_sub(1))
            }
            Some(PlanInput::Picker(p)) => p.selected = p.selected.saturating_sub(1),
            None => {}
        }
        Outcome::Nothing
    }

    fn save_input(&mut self, store: &mut Store, s: &Strings) -> Outcome {
        let t = s.plan();
        let meeting = self.record.as_ref().map(|r| r.meeting.id);
        match &mut self.input {
            Some(PlanInput::Meeting(form)) => {
                let new = match form.to_new(s) {
                    Ok(n) => n,
                    Err(msg) => {
                        form.error = Some(msg);
                        return Outcome::Nothing;
                    }
                };
                // A meeting calls the members in office on its date: when the
                // date typed has others, they are listed first, not saved.
                let in_office = store.councils().and_then(|all| {
                    match council_rules::council_on(&all, &new.starts_at) {
                        Some(c) => store.members_on(c.id, &new.starts_at),
                        None => Ok(Vec::new()),
                    }
                });
                match in_office {
                    Ok(members) => {
                        if !members.is_empty() && form.set_members(members) {
                            form.error = Some(t.members_on_date.into());
                            return Outcome::Nothing;
                        }
                    }
                    Err(e) => return Outcome::Failed(e),
                }
                let saved = match form.editing {
                    Some((id, version)) => store
                        .update_meeting(id, version, &new)
                        .map(|()| (id, t.saved)),
                    None => store.create_meeting(&new).map(|id| (id, t.created)),
                };
                match saved {
                    Ok((id, text)) => {
                        self.input = None;
                        let out = self.changed(store, text.into());
                        if let Some(i) = self.meetings.iter().position(|m| m.meeting.id == id) {
                            self.selected = i;
                        }
                        out
                    }
                    Err(e @ (StoreError::Meeting(_) | StoreError::Note(_))) => {
                        form.error = Some(s.store_message(&e));
                        Outcome::Nothing
                    }
                    Err(e) => Outcome::Failed(e),
                }
            }
            Some(PlanInput::Committee(form)) => {
                let (head, others) = match form.to_ids(s) {
                    Ok(x) => x,
                    Err(msg) => {
                        form.error = Some(msg);
                        return Outcome::Nothing;
                    }
                };
                // Members already marked absent: saved, with a warning, since a
                // secret ballot will be refused until they are replaced.
                let absent = self.record.as_ref().map_or_else(Vec::new, |r| {
                    let chosen: Vec<(String, Presence)> = r
                        .attendance
                        .iter()
                        .filter(|a| a.member.id == head || others.contains(&a.member.id))
                        .map(|a| (a.member.name.clone(), a.presence.clone()))
                        .collect();
                    committee_absent(&chosen)
                });
                match store.set_counting_committee(form.meeting, head, &others) {
                    Ok(()) => {
                        self.input = None;
                        let text = if absent.is_empty() {
                            t.committee_saved.to_string()
                        } else {
                            format!(
                                "{} ⚠ {} {}",
                                t.committee_saved,
                                absent.join(", "),
                                t.committee_absent
                            )
                        };
                        self.changed(store, text)
                    }
                    Err(e @ (StoreError::Meeting(_) | StoreError::Note(_))) => {
                        form.error = Some(s.store_message(&e));
                        Outcome::Nothing
                    }
                    Err(e) => Outcome::Failed(e),
                }
            }
            Some(PlanInput::Picker(p)) => {
                let (Some(meeting), Some(row)) = (meeting, p.rows.get(p.selected)) else {
                    return Outcome::Nothing;
                };
                let name = row.nominee_name.clone();
                match store.add_agenda_item(meeting, row.id) {
                    Ok(_) => {
                        if let Err(e) = p.reload(store) {
                            return Outcome::Failed(e);
                        }
                        self.changed(store, format!("{} {name}", t.added))
                    }
                    Err(e @ (StoreError::Meeting(_) | StoreError::Note(_))) => {
                        p.error = Some(s.store_message(&e));
                        Outcome::Nothing
                    }
                    Err(e) => Outcome::Failed(e),
                }
            }
            None => Outcome::Nothing,
        }
    }
}

impl Screen for Planning {
    fn context(&self) -> Context {
        self.key_context()
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        self.act(action, cx.store, cx.strings, cx.filter)
    }

    fn text_key(&mut self, key: &KeyEvent, cx: &mut Ctx) -> Outcome {
        match self.input_key(key, cx.store) {
            Some(e) => Outcome::Failed(e),
            None => Outcome::Nothing,
        }
    }

    fn run(&mut self, command: &Command, cx: &mut Ctx) -> Outcome {
        let Command::AddMatching { meeting, query } = command else {
            return Outcome::Nothing;
        };
        match cx.store.add_agenda_matching(*meeting, query) {
            Ok(ids) => {
                let text = format!("{} {}", cx.strings.plan().added_many, ids.len());
                self.changed(cx.store, text)
            }
            Err(e) => Outcome::Failed(e),
        }
    }

    /// After meeting mode closes, the list shows what changed there.
    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        self.read(cx.store)
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        super::plan_view::render(self, s, area, buf);
    }
}
