//! The forms of meeting planning: the meeting itself (text fields, chair and
//! secretary chosen among the members called, a checklist of members, guests)
//! and the counting committee. Each is a focus over its fields; raw keys go
//! to the focused field, field moves and saving come from the keymap.

use chrono::NaiveDateTime;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::council::{Member, Role};
use crate::domain::meeting::MeetingId;
use crate::domain::record::{Guest, MeetingRecord};
use crate::i18n::strings::Strings;
use crate::store::meetings::NewMeeting;
use crate::tui::widgets::text_input::TextInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Number,
    StartsAt,
    Place,
    Subject,
    Chair,
    Secretary,
    Members,
    Guests,
}

const FIELDS: [Field; 8] = [
    Field::Number,
    Field::StartsAt,
    Field::Place,
    Field::Subject,
    Field::Chair,
    Field::Secretary,
    Field::Members,
    Field::Guests,
];

pub struct MeetingForm {
    /// The meeting being edited and its version; None for a new one.
    pub editing: Option<(MeetingId, i64)>,
    pub number: TextInput,
    pub starts_at: TextInput,
    pub place: TextInput,
    pub subject: TextInput,
    pub guests: TextInput,
    /// Every member of the council, and whether each is called.
    pub members: Vec<Member>,
    pub called: Vec<bool>,
    pub cursor: usize,
    pub chair: Option<usize>,
    pub secretary: Option<usize>,
    pub focus: Field,
    pub error: Option<String>,
}

/// "08/12/2026 08:00" or "2026-12-08T08:00" (a space or T) → "2026-12-08T08:00".
pub fn parse_starts_at(text: &str) -> Option<String> {
    let t = text.trim();
    [
        "%d/%m/%Y %H:%M",
        "%d/%m/%Y %Hh%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .map(|d| d.format("%Y-%m-%dT%H:%M").to_string())
}

/// "2026-12-08T08:00" → "08/12/2026 08:00" (as typed in the form).
pub fn show_starts_at(stored: &str) -> String {
    parse_starts_at(stored)
        .and_then(|s| NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M").ok())
        .map_or_else(
            || stored.to_string(),
            |d| d.format("%d/%m/%Y %H:%M").to_string(),
        )
}

/// "Name, position; Name, position" → guests; None when an entry has no name.
pub fn parse_guests(text: &str) -> Option<Vec<Guest>> {
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, position) = part.split_once(',').unwrap_or((part, ""));
        if name.trim().is_empty() {
            return None;
        }
        out.push(Guest {
            name: name.trim().to_string(),
            position: position.trim().to_string(),
        });
    }
    Some(out)
}

fn guests_text(guests: &[Guest]) -> String {
    guests
        .iter()
        .map(|g| {
            if g.position.is_empty() {
                g.name.clone()
            } else {
                format!("{}, {}", g.name, g.position)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl MeetingForm {
    /// A new meeting: every member called, the council's chair chairs and its
    /// standing member keeps the minutes, tomorrow at 08:00.
    pub fn new(members: Vec<Member>) -> MeetingForm {
        let by_role = |r: Role| members.iter().position(|m| m.role == r);
        let tomorrow = chrono::Local::now().date_naive() + chrono::Days::new(1);
        MeetingForm {
            editing: None,
            number: TextInput::default(),
            starts_at: TextInput::new(&format!("{} 08:00", tomorrow.format("%d/%m/%Y"))),
            place: TextInput::default(),
            subject: TextInput::default(),
            guests: TextInput::default(),
            called: vec![true; members.len()],
            chair: by_role(Role::Chair),
            secretary: by_role(Role::Secretary).or_else(|| by_role(Role::StandingMember)),
            members,
            cursor: 0,
            focus: Field::Number,
            error: None,
        }
    }

    /// List `members` (those in office on the meeting's date) instead: each
    /// one still listed keeps whether it is called, a new one is called, and
    /// the chair and secretary stay when they are still listed. False when
    /// the list was already these members.
    pub fn set_members(&mut self, members: Vec<Member>) -> bool {
        let ids = |list: &[Member]| list.iter().map(|m| m.id).collect::<Vec<_>>();
        if ids(&members) == ids(&self.members) {
            return false;
        }
        let was = |id: i64| {
            self.members
                .iter()
                .position(|m| m.id == id)
                .and_then(|i| self.called.get(i).copied())
        };
        let called: Vec<bool> = members.iter().map(|m| was(m.id).unwrap_or(true)).collect();
        let keep = |i: Option<usize>| {
            let id = i.and_then(|i| self.members.get(i)).map(|m| m.id)?;
            members.iter().position(|m| m.id == id)
        };
        let by_role = |r: Role| members.iter().position(|m| m.role == r);
        self.chair = keep(self.chair).or_else(|| by_role(Role::Chair));
        self.secretary = keep(self.secretary)
            .or_else(|| by_role(Role::Secretary).or_else(|| by_role(Role::StandingMember)));
        self.called = called;
        self.members = members;
        self.cursor = 0;
        true
    }

    /// The form filled with a stored meeting.
    pub fn edit(members: Vec<Member>, r: &MeetingRecord) -> MeetingForm {
        let m = &r.meeting;
        let at = |id: Option<i64>| id.and_then(|id| members.iter().position(|x| x.id == id));
        let called = members
            .iter()
            .map(|x| r.attendance.iter().any(|a| a.member.id == x.id))
            .collect();
        MeetingForm {
            editing: Some((m.id, m.version)),
            number: TextInput::new(&m.number),
            starts_at: TextInput::new(&show_starts_at(&m.starts_at)),
            place: TextInput::new(&m.place),
            subject: TextInput::new(&m.subject),
            guests: TextInput::new(&guests_text(&r.guests)),
            chair: at(m.chair_id),
            secretary: at(m.secretary_id),
            called,
            members,
            cursor: 0,
            focus: Field::Number,
            error: None,
        }
    }

    /// The next (or previous) field, past a list in one step.
    pub fn step(&mut self, forward: bool) {
        let i = FIELDS.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = FIELDS.len();
        self.focus = FIELDS[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    /// One row down: inside the members list, the next member first.
    pub fn next(&mut self) {
        if self.focus == Field::Members && self.cursor + 1 < self.members.len() {
            self.cursor += 1;
        } else {
            self.step(true);
        }
    }

    pub fn prev(&mut self) {
        if self.focus == Field::Members && self.cursor > 0 {
            self.cursor -= 1;
        } else {
            self.step(false);
        }
    }

    /// Cycle a choice among the members called, with "nobody" between the ends.
    fn cycle(&self, current: Option<usize>, forward: bool) -> Option<usize> {
        let options: Vec<Option<usize>> = std::iter::once(None)
            .chain(
                (0..self.members.len())
                    .filter(|i| self.called[*i])
                    .map(Some),
            )
            .collect();
        let at = options.iter().position(|o| *o == current).unwrap_or(0);
        let n = options.len();
        options[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }]
    }

    pub fn key(&mut self, key: &KeyEvent) {
        self.error = None;
        let forward = match key.code {
            KeyCode::Right => Some(true),
            KeyCode::Left => Some(false),
            _ => None,
        };
        match self.focus {
            Field::Number => {
                self.number.handle_key(key);
            }
            Field::StartsAt => {
                self.starts_at.handle_key(key);
            }
            Field::Place => {
                self.place.handle_key(key);
            }
            Field::Subject => {
                self.subject.handle_key(key);
            }
            Field::Guests => {
                self.guests.handle_key(key);
            }
            Field::Chair => {
                if let Some(f) = forward {
                    self.chair = self.cycle(self.chair, f);
                }
            }
            Field::Secretary => {
                if let Some(f) = forward {
                    self.secretary = self.cycle(self.secretary, f);
                }
            }
            Field::Members => {
                if key.code == KeyCode::Char(' ')
                    && let Some(c) = self.called.get_mut(self.cursor)
                {
                    *c = !*c;
                }
            }
        }
    }

    /// The meeting as the store takes it, or what is wrong, in the user's language.
    pub fn to_new(&self, s: &Strings) -> Result<NewMeeting, String> {
        let t = s.plan();
        let subject = self.subject.value().trim().to_string();
        if subject.is_empty() {
            return Err(t.err_subject.into());
        }
        let starts_at = parse_starts_at(self.starts_at.value()).ok_or(t.err_starts_at)?;
        let member_ids: Vec<i64> = self
            .members
            .iter()
            .zip(&self.called)
            .filter(|(_, c)| **c)
            .map(|(m, _)| m.id)
            .collect();
        if member_ids.is_empty() {
            return Err(t.err_members.into());
        }
        let pick = |i: Option<usize>, err: &str| match i {
            Some(i) if !self.called.get(i).copied().unwrap_or(false) => Err(err.to_string()),
            Some(i) => Ok(self.members.get(i).map(|m| m.id)),
            None => Ok(None),
        };
        let chair_id = pick(self.chair, t.err_chair)?;
        let secretary_id = pick(self.secretary, t.err_secretary)?;
        let guests = parse_guests(self.guests.value()).ok_or(t.err_guest)?;
        Ok(NewMeeting {
            number: self.number.value().trim().to_string(),
            subject,
            starts_at,
            place: self.place.value().trim().to_string(),
            chair_id,
            secretary_id,
            member_ids,
            guests,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitteeField {
    Head,
    Members,
}

/// The counting committee: a head and other members, among those called.
pub struct CommitteeForm {
    pub meeting: MeetingId,
    pub members: Vec<Member>,
    pub head: Option<usize>,
    pub chosen: Vec<bool>,
    pub cursor: usize,
    pub focus: CommitteeField,
    pub error: Option<String>,
}

impl CommitteeForm {
    pub fn new(r: &MeetingRecord) -> CommitteeForm {
        let members: Vec<Member> = r.attendance.iter().map(|a| a.member.clone()).collect();
        let head = r
            .counting_committee
            .iter()
            .find(|c| c.is_head)
            .and_then(|c| members.iter().position(|m| m.id == c.member.id));
        let chosen = members
            .iter()
            .map(|m| {
                r.counting_committee
                    .iter()
                    .any(|c| !c.is_head && c.member.id == m.id)
            })
            .collect();
        CommitteeForm {
            meeting: r.meeting.id,
            members,
            head,
            chosen,
            cursor: 0,
            focus: CommitteeField::Head,
            error: None,
        }
    }

    pub fn next(&mut self) {
        match self.focus {
            CommitteeField::Head => self.focus = CommitteeField::Members,
            CommitteeField::Members if self.cursor + 1 < self.members.len() => self.cursor += 1,
            CommitteeField::Members => {}
        }
    }

    pub fn prev(&mut self) {
        match self.focus {
            CommitteeField::Members if self.cursor > 0 => self.cursor -= 1,
            _ => self.focus = CommitteeField::Head,
        }
    }

    pub fn key(&mut self, key: &KeyEvent) {
        self.error = None;
        let n = self.members.len();
        match (self.focus, key.code) {
            (CommitteeField::Head, KeyCode::Right) if n > 0 => {
                self.head = Some(self.head.map_or(0, |h| (h + 1) % n));
            }
            (CommitteeField::Head, KeyCode::Left) if n > 0 => {
                self.head = Some(self.head.map_or(n - 1, |h| (h + n - 1) % n));
            }
            (CommitteeField::Members, KeyCode::Char(' ')) => {
                if let Some(c) = self.chosen.get_mut(self.cursor) {
                    *c = !*c;
                }
            }
            _ => {}
        }
    }

    /// (head, other members) as member ids, or what is missing.
    pub fn to_ids(&self, s: &Strings) -> Result<(i64, Vec<i64>), String> {
        let head = self
            .head
            .and_then(|h| self.members.get(h))
            .ok_or(s.plan().err_head)?
            .id;
        let others = self
            .members
            .iter()
            .zip(&self.chosen)
            .filter(|(m, c)| **c && m.id != head)
            .map(|(m, _)| m.id)
            .collect();
        Ok((head, others))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_either_form() {
        assert_eq!(
            parse_starts_at("08/12/2026 08:00").as_deref(),
            Some("2026-12-08T08:00")
        );
        assert_eq!(
            parse_starts_at("2026-12-08T14:30").as_deref(),
            Some("2026-12-08T14:30")
        );
        assert_eq!(parse_starts_at("8 tháng 12"), None);
        assert_eq!(show_starts_at("2026-12-08T08:00"), "08/12/2026 08:00");
    }

    #[test]
    fn guests_need_a_name() {
        let g = parse_guests("Lê Thị B, Bí thư Đoàn phường; Phạm C").unwrap_or_default();
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].position, "Bí thư Đoàn phường");
        assert_eq!(g[1].position, "");
        assert!(parse_guests(" , Chức vụ").is_none());
        assert_eq!(parse_guests("  ").map(|g| g.len()), Some(0));
    }
}
