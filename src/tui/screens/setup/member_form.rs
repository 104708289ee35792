//! Adding a member, replacing one, or ending a membership: one form with
//! typed fields for each. The domain checks the roles and dates
//! (`council_rules::join`, `replaced`, `end`) in the store's audited
//! transaction, as `hoidong council member add|replace|end` does.

use ratatui::crossterm::event::KeyEvent;

use crate::domain::council::{NewMember, Role};
use crate::domain::council_rules::CouncilRefusal;
use crate::domain::nominee::Sex;
use crate::domain::text_rules::TextField;
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::widgets::form::{Field, Form};

use super::dates;
use crate::i18n::setup_screens::setup;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberChange {
    Add,
    /// Member `id` is replaced from the day in the form.
    Replace {
        id: i64,
        name: String,
    },
    /// Member `id`'s last day in office is the day in the form.
    End {
        id: i64,
        name: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Name,
    Role,
    Position,
    Unit,
    Sex,
    /// First day in office, or the last one when ending.
    Date,
}

impl Focus {
    pub const ALL: [Focus; 6] = [
        Focus::Name,
        Focus::Role,
        Focus::Position,
        Focus::Unit,
        Focus::Sex,
        Focus::Date,
    ];

    fn of_refusal(r: &CouncilRefusal) -> Option<Focus> {
        let field = |f: TextField| match f {
            TextField::MemberName => Some(Focus::Name),
            TextField::Position => Some(Focus::Position),
            TextField::Unit => Some(Focus::Unit),
            _ => None,
        };
        match r {
            CouncilRefusal::Text(t) => field(t.field),
            CouncilRefusal::Empty(f) => field(*f),
            CouncilRefusal::RoleTaken { .. } => Some(Focus::Role),
            CouncilRefusal::BadDate { .. }
            | CouncilRefusal::OutsideTerm { .. }
            | CouncilRefusal::BeforeStart { .. }
            | CouncilRefusal::AlreadyEnded { .. } => Some(Focus::Date),
            _ => None,
        }
    }
}

const SEXES: [Option<Sex>; 3] = [None, Some(Sex::Male), Some(Sex::Female)];

pub struct MemberForm {
    pub change: MemberChange,
    pub form: Form<Focus>,
}

impl MemberForm {
    /// `role` is the replaced member's (or the usual one for a new member);
    /// `day` the date the form starts with (YYYY-MM-DD).
    pub fn new(change: MemberChange, role: Role, day: &str, s: &Strings) -> MemberForm {
        let t = setup(s);
        let title = match &change {
            MemberChange::Add => t.add_title.to_string(),
            MemberChange::Replace { name, .. } => format!("{} — {name}", t.replace_title),
            MemberChange::End { name, .. } => format!("{} — {name}", t.end_title),
        };
        let shown_day = dates::shown(s.lang, day);
        let fields = if matches!(change, MemberChange::End { .. }) {
            vec![Field::text(Focus::Date, t.last_day, &shown_day)]
        } else {
            let roles = Role::ALL.iter().map(|r| s.role(*r).to_string()).collect();
            let role_index = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
            vec![
                Field::text(Focus::Name, t.member_name, ""),
                Field::choice(Focus::Role, t.role, roles, role_index),
                Field::text(Focus::Position, t.position, ""),
                Field::text(Focus::Unit, t.unit, ""),
                Field::choice(
                    Focus::Sex,
                    t.sex,
                    vec![t.sex_none.into(), t.male.into(), t.female.into()],
                    0,
                ),
                Field::text(Focus::Date, t.from, &shown_day),
            ]
        };
        MemberForm {
            change,
            form: Form::new(title, fields),
        }
    }

    pub fn focus(&self) -> Focus {
        self.form.focused().unwrap_or(Focus::Name)
    }

    pub fn key(&mut self, key: &KeyEvent) {
        self.form.key(key);
    }

    /// The member as the domain takes it.
    pub fn new_member(&self) -> NewMember {
        NewMember {
            name: self.form.value(Focus::Name),
            role: Role::ALL
                .get(self.form.choice(Focus::Role))
                .copied()
                .unwrap_or(Role::Member),
            position: self.form.value(Focus::Position),
            unit: self.form.value(Focus::Unit),
            sex: SEXES.get(self.form.choice(Focus::Sex)).copied().flatten(),
            from: dates::typed(&self.form.value(Focus::Date)),
        }
    }

    /// Make the change; a refusal goes next to its field (`Ok(None)`).
    pub fn save(&mut self, store: &mut Store, s: &Strings) -> Result<Option<String>, StoreError> {
        self.form.clear_errors();
        let t = setup(s);
        let new = self.new_member();
        let done = match &self.change {
            MemberChange::Add => store
                .add_member(&new)
                .map(|_| format!("{}: {}", t.member_added, new.name)),
            MemberChange::Replace { id, name } => store
                .replace_member(*id, &new)
                .map(|_| format!("{}: {name} → {}", t.member_replaced, new.name)),
            MemberChange::End { id, name } => store.end_member(*id, &new.from).map(|last| {
                format!(
                    "{}: {name} ({})",
                    t.member_ended,
                    dates::shown(s.lang, &last)
                )
            }),
        };
        match done {
            Ok(text) => Ok(Some(text)),
            Err(e @ StoreError::Council(_)) => {
                let focus = match &e {
                    StoreError::Council(r) => Focus::of_refusal(r),
                    _ => None,
                };
                self.form.set_error(focus, s.store_message(&e));
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}
