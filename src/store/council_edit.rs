//! Changes to the council: establishing one for a term, and members joining,
//! being replaced and leaving. The rules are the domain's
//! (`domain::council_rules`), checked inside the transaction that writes.

use rusqlite::params;

use super::{Result, Store, StoreError, Tx};
use crate::domain::council::{Council, Member, NewCouncil, NewMember};
use crate::domain::council_rules::{self as rules, CouncilRefusal};

fn refused(r: CouncilRefusal) -> StoreError {
    StoreError::Council(r)
}

/// What establishing a council did.
#[derive(Debug, Clone, PartialEq)]
pub struct Established {
    pub council: Council,
    /// Earlier councils whose term now ends the day before, with that day.
    pub closed: Vec<(i64, String)>,
}

impl Tx<'_> {
    fn councils(&self) -> Result<Vec<Council>> {
        let mut stmt = self.tx.prepare(&format!(
            "SELECT {} FROM councils ORDER BY id",
            super::council::COUNCIL_COLUMNS
        ))?;
        let rows = stmt.query_map([], super::council::council_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn members_of(&self, council_id: i64) -> Result<Vec<Member>> {
        let mut stmt = self.tx.prepare(&format!(
            "SELECT {} FROM members WHERE council_id = ?1 ORDER BY id",
            super::council::MEMBER_COLUMNS
        ))?;
        let rows = stmt.query_map([council_id], super::council::member_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn member_in_tx(&self, id: i64) -> Result<Member> {
        let mut stmt = self.tx.prepare(&format!(
            "SELECT {} FROM members WHERE id = ?1",
            super::council::MEMBER_COLUMNS
        ))?;
        let mut rows = stmt.query_map([id], super::council::member_from_row)?;
        match rows.next() {
            Some(m) => Ok(m?),
            None => Err(StoreError::NotFound {
                what: "member",
                id: id.to_string(),
            }),
        }
    }

    fn set_term_end(&self, table: &str, column: &str, id: i64, day: &str) -> Result<()> {
        // `table` and `column` are this module's constants, never input.
        let before: Option<String> = self.tx.query_row(
            &format!("SELECT {column} FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )?;
        self.tx.execute(
            &format!("UPDATE {table} SET {column} = ?1 WHERE id = ?2"),
            params![day, id],
        )?;
        self.audit(
            table,
            id,
            "update",
            Some(&serde_json::json!({ column: before })),
            Some(&serde_json::json!({ column: day })),
        )
    }

    fn join(&self, council: &Council, new: &NewMember, leaving: Option<i64>) -> Result<i64> {
        let members = self.members_of(council.id)?;
        let clean = rules::join(new, council, &members, leaving).map_err(refused)?;
        self.insert_member(&Member {
            id: 0,
            council_id: council.id,
            name: clean.name,
            role: clean.role,
            position: clean.position,
            unit: clean.unit,
            sex: clean.sex,
            term_start: clean.from,
            term_end: None,
            replaces: leaving,
        })
    }
}

impl Store {
    /// Establish a council for a term by its decision. Earlier councils
    /// stay, with their members and meetings; a term still open on the new
    /// term's first day ends the day before.
    pub fn establish_council(&mut self, new: &NewCouncil) -> Result<Established> {
        self.write(|w| {
            let plan = rules::establish(new, &w.councils()?).map_err(refused)?;
            for (id, day) in &plan.closing {
                w.set_term_end("councils", "term_to", *id, day)?;
            }
            let c = &plan.council;
            let council = Council {
                id: 0,
                name: c.name.clone(),
                level: c.level.clone(),
                founding_decision: String::new(),
                decision_number: c.decision_number.clone(),
                decision_date: Some(c.decision_date.clone()),
                signer: c.signer.clone(),
                term_from: Some(c.term_from.clone()),
                term_to: Some(c.term_to.clone()),
            };
            let id = w.insert_council(&council)?;
            Ok(Established {
                council: Council { id, ..council },
                closed: plan.closing,
            })
        })
    }

    /// Add a member to the council in office now.
    pub fn add_member(&mut self, new: &NewMember) -> Result<i64> {
        let council = self
            .council()?
            .ok_or(StoreError::Council(CouncilRefusal::NoCouncil))?;
        self.write(|w| w.join(&council, new, None))
    }

    /// `new` takes the place of member `id` from `new.from`; the one replaced
    /// keeps their membership, ended the day before.
    pub fn replace_member(&mut self, id: i64, new: &NewMember) -> Result<i64> {
        self.write(|w| {
            let old = w.member_in_tx(id)?;
            let council = w
                .councils()?
                .into_iter()
                .find(|c| c.id == old.council_id)
                .ok_or(StoreError::Council(CouncilRefusal::NoCouncil))?;
            let last = rules::replaced(&old, &new.from).map_err(refused)?;
            let id_new = w.join(&council, new, Some(old.id))?;
            w.set_term_end("members", "term_end", old.id, &last)?;
            Ok(id_new)
        })
    }

    /// End member `id`'s membership; `on` is their last day in office.
    pub fn end_member(&mut self, id: i64, on: &str) -> Result<String> {
        self.write(|w| {
            let m = w.member_in_tx(id)?;
            let last = rules::end(&m, on).map_err(refused)?;
            w.set_term_end("members", "term_end", m.id, &last)?;
            Ok(last)
        })
    }
}
