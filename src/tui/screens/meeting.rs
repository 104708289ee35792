//! Meeting mode: the screen the secretary lives in during a council meeting.
//! Attendance check-in per member with a live quorum indicator, the current
//! agenda item with the nominee's evidence and scores, next / previous item,
//! the tally entry form, the running results, and closing through the confirm
//! modal. State and key handling here; drawing in `meeting_view`.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::meeting::{MeetingId, MeetingStatus, Presence, check_revote};
use crate::domain::nomination::Evidence;
use crate::domain::record::MeetingRecord;
use crate::domain::vote::{VoteRule, find_rule};
use crate::i18n::strings::Strings;
use crate::store::meetings::QuorumStatus;
use crate::store::refusal::MeetingRefusal;
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, MeetingAction, MinutesAction};
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::screen::{Back, Ctx, Outcome, Screen};
use crate::tui::screens::eligibility_marks::Marks;
use crate::tui::screens::minutes::MinutesScreen;
use crate::tui::screens::preview::Preview;
use crate::tui::screens::tally_form::TallyForm;
use crate::tui::screens::times_form::TimesForm;
use crate::tui::widgets::text_input::TextInput;

/// A text or number entry in progress.
pub enum Input {
    Reason {
        member: i64,
        with_opinion: bool,
        field: TextInput,
    },
    Tally(TallyForm),
    /// When and where the meeting was held.
    Times(TimesForm),
    /// The reason for voting again on an item that has a result, asked before the form.
    RevoteReason {
        field: TextInput,
    },
    /// The reason for correcting a round, asked before the form.
    AmendReason {
        round_id: i64,
        round_no: u32,
        field: TextInput,
    },
}

pub struct MeetingMode {
    pub record: MeetingRecord,
    pub quorum: Option<QuorumStatus>,
    pub rules: Vec<VoteRule>,
    /// Selected row of the attendance list.
    pub member: usize,
    /// Current agenda item.
    pub item: usize,
    pub evidence: Vec<Evidence>,
    pub input: Option<Input>,
    /// A message shown in the screen's bottom line (refusals that need no modal).
    pub note: Option<String>,
    /// Eligibility warnings of the agenda's nominations, checked when the meeting is opened.
    pub marks: Marks,
}

/// The meeting to work on: the open one, else the next planned, else the latest.
pub fn pick_meeting(store: &Store) -> crate::store::Result<Option<MeetingId>> {
    let list = store.meetings()?;
    let by = |st: MeetingStatus| list.iter().filter(move |m| m.meeting.status == st);
    Ok(by(MeetingStatus::Open)
        .next()
        .or_else(|| {
            by(MeetingStatus::Planned).min_by(|a, b| a.meeting.starts_at.cmp(&b.meeting.starts_at))
        })
        .or_else(|| list.first())
        .map(|m| m.meeting.id))
}

impl MeetingMode {
    pub fn open(store: &Store, id: MeetingId) -> crate::store::Result<MeetingMode> {
        let mut m = MeetingMode {
            record: store.meeting_record(id)?,
            quorum: None,
            rules: store.vote_rules()?,
            member: 0,
            item: 0,
            evidence: Vec::new(),
            input: None,
            note: None,
            marks: Marks::default(),
        };
        m.refresh(store)?;
        m.marks = Marks::load(store, m.record.agenda.iter().map(|e| e.nomination.id));
        Ok(m)
    }

    /// Read the meeting again and show agenda item `item` (after the live
    /// minutes, which have their own current item, were closed).
    pub fn reload_at(&mut self, store: &Store, item: usize) -> crate::store::Result<()> {
        self.item = item;
        self.refresh(store)
    }

    fn refresh(&mut self, store: &Store) -> crate::store::Result<()> {
        self.record = store.meeting_record(self.record.meeting.id)?;
        self.quorum = Some(store.quorum(self.record.meeting.id)?);
        self.item = self.item.min(self.record.agenda.len().saturating_sub(1));
        self.member = self
            .member
            .min(self.record.attendance.len().saturating_sub(1));
        self.evidence = match self.record.agenda.get(self.item) {
            Some(e) => store.evidence(e.nomination.id)?,
            None => Vec::new(),
        };
        Ok(())
    }

    fn key_context(&self) -> Context {
        if self.input.is_some() {
            Context::MeetingInput
        } else {
            Context::Meeting
        }
    }

    pub fn status(&self) -> MeetingStatus {
        self.record.meeting.status
    }

    /// The rule that applies to the current item now (stored results keep their own).
    pub fn current_rule(&self) -> Option<&VoteRule> {
        let e = self.record.agenda.get(self.item)?;
        find_rule(
            &self.rules,
            &e.nomination.award_code,
            &self.record.council.level,
        )
    }

    /// Keys the keymap leaves alone go to the field being typed.
    fn input_key(&mut self, key: &KeyEvent) {
        match &mut self.input {
            Some(Input::Reason { field, .. })
            | Some(Input::AmendReason { field, .. })
            | Some(Input::RevoteReason { field }) => {
                field.handle_key(key);
            }
            Some(Input::Tally(form)) => form.key(key),
            Some(Input::Times(form)) => form.key(key),
            None => {}
        }
    }

    pub(super) fn done(&mut self, store: &Store, text: &str) -> Outcome {
        self.input = None;
        self.note = None;
        match self.refresh(store) {
            Ok(()) => Outcome::Changed(text.to_string()),
            Err(e) => Outcome::Failed(e),
        }
    }

    /// Refuse locally, in the user's language, what the store would refuse.
    pub(super) fn writable(&mut self, s: &Strings, for_vote: bool) -> bool {
        let m = s.meeting();
        let refusal = match self.status() {
            MeetingStatus::Closed => Some(m.closed_read_only),
            MeetingStatus::Planned if for_vote => Some(m.not_open_yet),
            _ => None,
        };
        self.note = refusal.map(str::to_string);
        refusal.is_none()
    }

    fn act(&mut self, action: &Action, store: &mut Store, s: &Strings) -> Outcome {
        if self.input.is_some() {
            return self.apply_input(action, store, s);
        }
        self.note = None;
        let members = self.record.attendance.len();
        let items = self.record.agenda.len();
        match action {
            Action::Close => return Outcome::Close,
            Action::Up => self.member = self.member.saturating_sub(1),
            Action::Down => self.member = (self.member + 1).min(members.saturating_sub(1)),
            Action::Meeting(a) => match a {
                MeetingAction::NextItem | MeetingAction::PrevItem if items > 0 => {
                    self.item = if *a == MeetingAction::NextItem {
                        (self.item + 1).min(items - 1)
                    } else {
                        self.item.saturating_sub(1)
                    };
                    if let Err(e) = self.refresh(store) {
                        return Outcome::Failed(e);
                    }
                }
                MeetingAction::Present => return self.check_in(store, s, Presence::Present),
                MeetingAction::NextMeeting => return self.next_meeting(store),
                MeetingAction::Amend => self.start_amend(s),
                MeetingAction::Times => return self.start_times(store, s),
                MeetingAction::Absent | MeetingAction::AbsentOpinion => {
                    if !self.writable(s, false) {
                        return Outcome::Nothing;
                    }
                    if let Some(row) = self.record.attendance.get(self.member) {
                        self.input = Some(Input::Reason {
                            member: row.member.id,
                            with_opinion: *a == MeetingAction::AbsentOpinion,
                            field: TextInput::new(row.presence.reason()),
                        });
                    }
                }
                MeetingAction::Vote => return self.ask_vote(s),
                MeetingAction::OpenSession => {
                    if self.status() != MeetingStatus::Planned {
                        return Outcome::Nothing;
                    }
                    return Outcome::Ask(
                        s.meeting().confirm_open.to_string(),
                        Command::OpenMeeting {
                            meeting: self.record.meeting.id,
                            version: self.record.meeting.version,
                        },
                    );
                }
                MeetingAction::CloseSession => {
                    if !self.writable(s, true) {
                        return Outcome::Nothing;
                    }
                    let unmarked: Vec<&str> = self
                        .record
                        .attendance
                        .iter()
                        .filter(|a| a.presence == Presence::Unmarked)
                        .map(|a| a.member.name.as_str())
                        .collect();
                    if !unmarked.is_empty() {
                        self.note = Some(format!(
                            "{} {}",
                            s.meeting().unmarked_before_close,
                            unmarked.join(", ")
                        ));
                        return Outcome::Nothing;
                    }
                    return Outcome::Ask(
                        s.meeting().confirm_close.to_string(),
                        Command::CloseMeeting {
                            meeting: self.record.meeting.id,
                            version: self.record.meeting.version,
                        },
                    );
                }
                _ => {}
            },
            _ => {}
        }
        Outcome::Nothing
    }

    fn next_meeting(&mut self, store: &Store) -> Outcome {
        let list = match store.meetings() {
            Ok(l) => l,
            Err(e) => return Outcome::Failed(e),
        };
        let at = list
            .iter()
            .position(|m| m.meeting.id == self.record.meeting.id)
            .map_or(0, |i| (i + 1) % list.len().max(1));
        let Some(next) = list.get(at) else {
            return Outcome::Nothing;
        };
        match MeetingMode::open(store, next.meeting.id) {
            Ok(m) => {
                *self = m;
                Outcome::Nothing
            }
            Err(e) => Outcome::Failed(e),
        }
    }

    fn check_in(&mut self, store: &mut Store, s: &Strings, presence: Presence) -> Outcome {
        if !self.writable(s, false) {
            return Outcome::Nothing;
        }
        let Some(row) = self.record.attendance.get(self.member) else {
            return Outcome::Nothing;
        };
        match store.check_in(self.record.meeting.id, row.member.id, &presence) {
            Ok(_) => {
                let out = self.done(store, s.meeting().saved_presence);
                // Move on to the next member: check-in goes down the list.
                self.member = (self.member + 1).min(self.record.attendance.len().saturating_sub(1));
                out
            }
            Err(e) => Outcome::Failed(e),
        }
    }

    /// `v`: a first vote opens the tally form; an item that already has a
    /// result is voted on again only on purpose: confirm, then a reason.
    fn ask_vote(&mut self, s: &Strings) -> Outcome {
        if !self.writable(s, true) {
            return Outcome::Nothing;
        }
        let latest = self
            .record
            .agenda
            .get(self.item)
            .and_then(|e| self.record.latest_result(e.nomination.id));
        match latest {
            Some((round, result)) => {
                let t = s.meeting();
                let verdict = if result.outcome.passed {
                    t.passed
                } else {
                    t.failed
                };
                Outcome::Ask(
                    format!(
                        "{} {} {}: {verdict}. {}",
                        t.revote_has_result, t.round, round.round_no, t.confirm_revote
                    ),
                    Command::Revote,
                )
            }
            None => {
                self.start_vote(s, None);
                Outcome::Nothing
            }
        }
    }

    fn apply_input(&mut self, action: &Action, store: &mut Store, s: &Strings) -> Outcome {
        match action {
            Action::Cancel => {
                self.input = None;
            }
            Action::Meeting(MeetingAction::NextField) => match &mut self.input {
                Some(Input::Tally(f)) => f.next(),
                Some(Input::Times(f)) => f.step(true),
                _ => {}
            },
            Action::Meeting(MeetingAction::SwitchMethod) => self.switch_method(s),
            Action::Meeting(MeetingAction::PrevField) => match &mut self.input {
                Some(Input::Tally(f)) => f.prev(),
                Some(Input::Times(f)) => f.step(false),
                _ => {}
            },
            Action::Confirm => return self.save_input(store, s),
            _ => {}
        }
        Outcome::Nothing
    }

    fn save_input(&mut self, store: &mut Store, s: &Strings) -> Outcome {
        let meeting = self.record.meeting.id;
        match &mut self.input {
            Some(Input::Times(_)) => self.save_times(store, s),
            Some(Input::Reason {
                member,
                with_opinion,
                field,
            }) => {
                let reason = field.value().trim().to_string();
                if reason.is_empty() {
                    self.note = Some(s.meeting().reason_required.to_string());
                    return Outcome::Nothing;
                }
                let presence = if *with_opinion {
                    Presence::AbsentWithOpinion { reason }
                } else {
                    Presence::Absent { reason }
                };
                let member = *member;
                match store.check_in(meeting, member, &presence) {
                    Ok(_) => {
                        let out = self.done(store, s.meeting().saved_presence);
                        self.member =
                            (self.member + 1).min(self.record.attendance.len().saturating_sub(1));
                        out
                    }
                    Err(e @ (StoreError::Meeting(_) | StoreError::Note(_))) => {
                        self.note = Some(s.store_message(&e));
                        Outcome::Nothing
                    }
                    Err(e) => Outcome::Failed(e),
                }
            }
            Some(Input::RevoteReason { field }) => {
                let reason = field.value().trim().to_string();
                let name = self
                    .record
                    .agenda
                    .get(self.item)
                    .map(|e| e.nominee.name.clone())
                    .unwrap_or_default();
                // The store's rule, asked before the tally dialog opens.
                if let Err(names) = check_revote(&[name], &reason) {
                    let round = self.next_round_no();
                    self.note = Some(s.refusal(&MeetingRefusal::RevoteNoReason { round, names }));
                    return Outcome::Nothing;
                }
                self.note = None;
                self.input = None;
                self.start_vote(s, Some(reason));
                Outcome::Nothing
            }
            Some(Input::AmendReason {
                round_id,
                round_no,
                field,
            }) => {
                let reason = field.value().trim().to_string();
                if reason.is_empty() {
                    self.note = Some(s.meeting().amend_reason_required.to_string());
                    return Outcome::Nothing;
                }
                let (id, no) = (*round_id, *round_no);
                self.note = None;
                self.input = self.amend_form(id, no, reason).map(Input::Tally);
                Outcome::Nothing
            }
            Some(Input::Tally(form)) => {
                let input = match form.to_input(s) {
                    Ok(i) => i,
                    Err(msg) => {
                        form.error = Some(msg);
                        return Outcome::Nothing;
                    }
                };
                let saved = match &form.amends {
                    Some((round, _, reason)) => store
                        .amend_round(meeting, *round, reason, &input)
                        .map(|_| s.meeting().saved_amend),
                    None => store
                        .record_revote(meeting, &input, form.revote_reason.as_deref().unwrap_or(""))
                        .map(|_| s.meeting().saved_round),
                };
                match saved {
                    Ok(text) => self.done(store, text),
                    Err(e @ (StoreError::Meeting(_) | StoreError::Note(_))) => {
                        form.error = Some(s.store_message(&e));
                        Outcome::Nothing
                    }
                    Err(e) => Outcome::Failed(e),
                }
            }
            None => Outcome::Nothing,
        }
    }
}

impl MeetingMode {
    /// The number the next round of this meeting will get.
    pub(super) fn next_round_no(&self) -> u32 {
        self.record
            .rounds
            .iter()
            .map(|r| r.round.round_no)
            .max()
            .unwrap_or(0)
            + 1
    }

    /// Ask the reason for correcting the latest round of the current item.
    fn start_amend(&mut self, s: &Strings) {
        let t = s.meeting();
        if self.status() != MeetingStatus::Closed {
            self.note = Some(t.amend_only_closed.to_string());
            return;
        }
        let latest = self
            .record
            .agenda
            .get(self.item)
            .and_then(|e| self.record.latest_result(e.nomination.id))
            .map(|(round, _)| (round.id, round.round_no));
        match latest {
            Some((round_id, round_no)) => {
                self.input = Some(Input::AmendReason {
                    round_id,
                    round_no,
                    field: TextInput::default(),
                })
            }
            None => self.note = Some(t.amend_nothing.to_string()),
        }
    }
}

impl Screen for MeetingMode {
    fn context(&self) -> Context {
        self.key_context()
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        let meeting = self.record.meeting.id;
        match action {
            Action::Minutes(MinutesAction::Open) => {
                match MinutesScreen::open(cx.store, meeting, self.item) {
                    Ok(m) => Outcome::Open(Box::new(m)),
                    Err(e) => Outcome::Refused(cx.strings.store_message(&e)),
                }
            }
            Action::Minutes(MinutesAction::Preview) => {
                match Preview::open(cx.store, meeting, cx.body) {
                    Ok(p) => Outcome::Open(Box::new(p)),
                    Err(e) => Outcome::Refused(cx.strings.store_message(&e)),
                }
            }
            _ => self.act(action, cx.store, cx.strings),
        }
    }

    fn text_key(&mut self, key: &KeyEvent, _: &mut Ctx) -> Outcome {
        self.input_key(key);
        Outcome::Nothing
    }

    fn run(&mut self, command: &Command, cx: &mut Ctx) -> Outcome {
        let s = cx.strings;
        let store = &mut *cx.store;
        match command {
            Command::OpenMeeting { meeting, version } => {
                match store.open_meeting(*meeting, *version) {
                    Ok(()) => self.done(store, s.meeting().opened),
                    Err(e) => Outcome::Failed(e),
                }
            }
            Command::CloseMeeting { meeting, version } => {
                match store.close_meeting(*meeting, *version) {
                    Ok(()) => self.done(store, s.meeting().closed),
                    Err(e) => Outcome::Failed(e),
                }
            }
            // The confirm said the item has a result: the reason comes next.
            Command::Revote if self.writable(s, true) => {
                self.input = Some(Input::RevoteReason {
                    field: TextInput::default(),
                });
                Outcome::Nothing
            }
            _ => Outcome::Nothing,
        }
    }

    /// The minutes or the preview closed: show the notes.
    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        self.reload_at(cx.store, self.item)
    }

    /// The minutes closed on this item: follow it.
    fn back(&mut self, back: &Back, cx: &mut Ctx) -> Result<(), StoreError> {
        match back {
            Back::AgendaItem(item) => self.reload_at(cx.store, *item),
        }
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        super::meeting_view::render(self, s, area, buf);
    }
}
