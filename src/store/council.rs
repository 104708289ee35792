//! The council and its members.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError, Tx};
use crate::domain::council::{Council, Member, Role};
use crate::domain::nominee::Sex;
use crate::domain::text::{nfc, person_sort_bytes};
use crate::domain::text_rules::{self, TextField};

fn member_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Member> {
    let role: String = r.get(3)?;
    let sex: Option<String> = r.get(5)?;
    Ok(Member {
        id: r.get(0)?,
        council_id: r.get(1)?,
        name: r.get(2)?,
        role: Role::from_code(&role).unwrap_or(Role::Member),
        position: r.get(4)?,
        sex: sex.as_deref().and_then(Sex::from_code),
        term_start: r.get(6)?,
        term_end: r.get(7)?,
    })
}

impl Tx<'_> {
    pub fn insert_council(&self, c: &Council) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO councils (name, level, founding_decision, issuing_body, place_name) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![nfc(&c.name), c.level, nfc(&c.founding_decision), nfc(&c.issuing_body), nfc(&c.place_name)],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            "councils",
            id,
            "insert",
            None,
            serde_json::to_value(c).ok().as_ref(),
        )?;
        Ok(id)
    }

    pub fn insert_member(&self, m: &Member) -> Result<i64> {
        let name = text_rules::name(TextField::MemberName, &m.name)?;
        if name.is_empty() {
            return Err(StoreError::Invalid("member name: the name is empty".into()));
        }
        let position = text_rules::line(TextField::Position, &m.position)?;
        self.tx.execute(
            "INSERT INTO members (council_id, name, name_sort, role, position, sex, term_start, term_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                m.council_id,
                name,
                person_sort_bytes(&name),
                m.role.code(),
                position,
                m.sex.map(|s| s.code()),
                m.term_start,
                m.term_end
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            "members",
            id,
            "insert",
            None,
            serde_json::to_value(Member {
                name: name.clone(),
                position: position.clone(),
                ..m.clone()
            })
            .ok()
            .as_ref(),
        )?;
        Ok(id)
    }
}

impl Store {
    /// The council of this database (the first one).
    pub fn council(&self) -> Result<Option<Council>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, name, level, founding_decision, issuing_body, place_name FROM councils ORDER BY id LIMIT 1",
                [],
                |r| {
                    Ok(Council {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        level: r.get(2)?,
                        founding_decision: r.get(3)?,
                        issuing_body: r.get(4)?,
                        place_name: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Members of a council: chair first, then by role, then in Vietnamese name order.
    pub fn members(&self, council_id: i64) -> Result<Vec<Member>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, council_id, name, role, position, sex, term_start, term_end FROM members
             WHERE council_id = ?1
             ORDER BY CASE role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'standing_member' THEN 2 ELSE 3 END, name_sort",
        )?;
        let rows = stmt.query_map([council_id], member_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn member(&self, id: i64) -> Result<Member> {
        self.conn()
            .query_row(
                "SELECT id, council_id, name, role, position, sex, term_start, term_end FROM members WHERE id = ?1",
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
