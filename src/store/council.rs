//! The council and its members, as stored.

use crate::domain::council_rules::CouncilRefusal;
use rusqlite::{OptionalExtension, params};

use super::stored_code::decode;
use super::{Result, Store, StoreError, Tx};
use crate::domain::council::{Council, Member, Role};
use crate::domain::nominee::Sex;
use crate::domain::text::{nfc, person_sort_bytes};
use crate::domain::text_rules::{self, TextField};

pub(super) const MEMBER_COLUMNS: &str =
    "id, council_id, name, role, position, sex, term_start, term_end, unit, replaces";

pub(super) const COUNCIL_COLUMNS: &str = "id, name, level, founding_decision, decision_number, decision_date, signer, term_from, term_to";

/// Members in council order: chair first, then by role, then by name.
pub(super) const MEMBER_ORDER: &str = "CASE role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'standing_member' THEN 2 WHEN 'secretary' THEN 3 ELSE 4 END, name_sort";

pub(super) fn member_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Member> {
    let role: String = r.get(3)?;
    let sex: Option<String> = r.get(5)?;
    let id: i64 = r.get(0)?;
    Ok(Member {
        id,
        council_id: r.get(1)?,
        name: r.get(2)?,
        role: decode(Role::from_code, &role, "members", id, "role")?,
        position: r.get(4)?,
        sex: sex
            .map(|s| decode(Sex::from_code, &s, "members", id, "sex"))
            .transpose()?,
        term_start: r.get(6)?,
        term_end: r.get(7)?,
        unit: r.get(8)?,
        replaces: r.get(9)?,
    })
}

pub(super) fn council_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Council> {
    Ok(Council {
        id: r.get(0)?,
        name: r.get(1)?,
        level: r.get(2)?,
        founding_decision: r.get(3)?,
        decision_number: r.get(4)?,
        decision_date: r.get(5)?,
        signer: r.get(6)?,
        term_from: r.get(7)?,
        term_to: r.get(8)?,
    })
}

impl Tx<'_> {
    pub fn insert_council(&self, c: &Council) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO councils (name, level, founding_decision, decision_number, decision_date, signer, term_from, term_to)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                nfc(&c.name),
                c.level,
                nfc(&c.founding_decision),
                nfc(&c.decision_number),
                c.decision_date,
                nfc(&c.signer),
                c.term_from,
                c.term_to
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            "councils",
            id,
            "insert",
            None,
            serde_json::to_value(Council { id, ..c.clone() })
                .ok()
                .as_ref(),
        )?;
        Ok(id)
    }

    pub fn insert_member(&self, m: &Member) -> Result<i64> {
        let name = text_rules::name(TextField::MemberName, &m.name)?;
        if name.is_empty() {
            return Err(StoreError::Council(CouncilRefusal::Empty(
                TextField::MemberName,
            )));
        }
        let position = text_rules::line(TextField::Position, &m.position)?;
        let unit = text_rules::line(TextField::Unit, &m.unit)?;
        self.tx.execute(
            "INSERT INTO members (council_id, name, name_sort, role, position, sex, term_start, term_end, unit, replaces)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                m.council_id,
                name,
                person_sort_bytes(&name),
                m.role.code(),
                position,
                m.sex.map(|s| s.code()),
                m.term_start,
                m.term_end,
                unit,
                m.replaces
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            "members",
            id,
            "insert",
            None,
            serde_json::to_value(Member {
                id,
                name: name.clone(),
                position: position.clone(),
                unit: unit.clone(),
                ..m.clone()
            })
            .ok()
            .as_ref(),
        )?;
        Ok(id)
    }
}

impl Store {
    /// The council in office now: the one established last.
    pub fn council(&self) -> Result<Option<Council>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {COUNCIL_COLUMNS} FROM councils ORDER BY id DESC LIMIT 1"),
                [],
                council_from_row,
            )
            .optional()?)
    }

    /// Every council of this database, oldest first.
    pub fn councils(&self) -> Result<Vec<Council>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COUNCIL_COLUMNS} FROM councils ORDER BY id"
        ))?;
        let rows = stmt.query_map([], council_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn council_by_id(&self, id: i64) -> Result<Council> {
        self.conn()
            .query_row(
                &format!("SELECT {COUNCIL_COLUMNS} FROM councils WHERE id = ?1"),
                [id],
                council_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "council",
                id: id.to_string(),
            })
    }

    /// Members of a council, past and present: chair first, then by role,
    /// then in Vietnamese name order.
    pub fn members(&self, council_id: i64) -> Result<Vec<Member>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {MEMBER_COLUMNS} FROM members WHERE council_id = ?1 ORDER BY {MEMBER_ORDER}"
        ))?;
        let rows = stmt.query_map([council_id], member_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The members of a council in office on `date`, in council order.
    pub fn members_on(&self, council_id: i64, date: &str) -> Result<Vec<Member>> {
        Ok(self
            .members(council_id)?
            .into_iter()
            .filter(|m| m.in_office_on(date))
            .collect())
    }

    pub fn member(&self, id: i64) -> Result<Member> {
        self.conn()
            .query_row(
                &format!("SELECT {MEMBER_COLUMNS} FROM members WHERE id = ?1"),
                [id],
                member_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "member",
                id: id.to_string(),
            })
    }
}
