//! The agenda of a meeting: nominations put to the council one by one or
//! by a filter, removed or reordered; positions always run 1..n.

use rusqlite::{OptionalExtension, params};

use super::refusal::{Doing, MeetingRefusal};
use super::stored_code::decode;
use super::{Result, Store, Tx};
use crate::domain::meeting::MeetingId;
use crate::domain::nomination::{NominationId, NominationQuery, NominationStatus};

impl Tx<'_> {
    fn agenda_ids(&self, meeting: MeetingId) -> Result<Vec<(i64, NominationId)>> {
        let mut stmt = self.tx.prepare(
            "SELECT id, nomination_id FROM agenda_items WHERE meeting_id = ?1 ORDER BY position, id",
        )?;
        let rows = stmt
            .query_map([meeting], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn renumber(&self, items: &[(i64, NominationId)]) -> Result<()> {
        for (i, (item, _)) in items.iter().enumerate() {
            self.tx.execute(
                "UPDATE agenda_items SET position = ?2 WHERE id = ?1",
                params![item, i as i64 + 1],
            )?;
        }
        Ok(())
    }

    /// Put a nomination at the end of a meeting's agenda (Submitted → OnAgenda).
    pub fn insert_agenda_item(&self, meeting: MeetingId, nomination: NominationId) -> Result<i64> {
        let state = self.require_not_closed(meeting, Doing::ChangingAgenda)?;
        let name = self.nominee_name(nomination)?;
        let status: String = self.tx.query_row(
            "SELECT status FROM nominations WHERE id = ?1",
            [nomination],
            |r| r.get(0),
        )?;
        let status = decode(
            NominationStatus::from_code,
            &status,
            "nominations",
            nomination,
            "status",
        )?;
        let already: Option<String> = self
            .tx
            .query_row(
                "SELECT m.number FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
                 WHERE a.nomination_id = ?1 AND (a.meeting_id = ?2 OR m.status != 'closed')",
                params![nomination, meeting],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(number) = already {
            return Err(MeetingRefusal::AlreadyOnAgenda {
                name,
                nomination,
                number,
            }
            .into());
        }
        if !matches!(
            status,
            NominationStatus::Submitted | NominationStatus::Failed
        ) {
            return Err(MeetingRefusal::NotSubmitted {
                name,
                nomination,
                status,
            }
            .into());
        }
        let position: i64 = self.tx.query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?1",
            [meeting],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "INSERT INTO agenda_items (meeting_id, position, nomination_id) VALUES (?1, ?2, ?3)",
            params![meeting, position, nomination],
        )?;
        let id = self.tx.last_insert_rowid();
        self.set_nomination_status(nomination, NominationStatus::OnAgenda)?;
        self.touch_meeting(meeting)?;
        self.audit(
            "agenda_items",
            id,
            "insert",
            None,
            Some(&serde_json::json!({"meeting": state.label.to_string(), "nomination": nomination, "position": position})),
        )?;
        Ok(id)
    }
}

impl Store {
    /// The agenda item that puts `nomination` to meeting `meeting`, if any.
    pub fn agenda_item_of(
        &self,
        meeting: MeetingId,
        nomination: NominationId,
    ) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id FROM agenda_items WHERE meeting_id = ?1 AND nomination_id = ?2",
                params![meeting, nomination],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Add one nomination to the end of the agenda; returns the agenda item id.
    pub fn add_agenda_item(&mut self, meeting: MeetingId, nomination: NominationId) -> Result<i64> {
        self.write(|w| w.insert_agenda_item(meeting, nomination))
    }

    /// Add every submitted nomination matching `q` (in the query's order); returns the nominations added.
    pub fn add_agenda_matching(
        &mut self,
        meeting: MeetingId,
        q: &NominationQuery,
    ) -> Result<Vec<NominationId>> {
        let q = NominationQuery {
            statuses: vec![NominationStatus::Submitted],
            ..q.clone()
        };
        let ids = self.nomination_ids(&q)?;
        self.write(|w| {
            for id in &ids {
                w.insert_agenda_item(meeting, *id)?;
            }
            Ok(ids)
        })
    }

    /// Take a nomination off the agenda (OnAgenda → Submitted); refused once it has votes.
    pub fn remove_agenda_item(
        &mut self,
        meeting: MeetingId,
        nomination: NominationId,
    ) -> Result<()> {
        self.write(|w| {
            let state = w.require_not_closed(meeting, Doing::ChangingAgenda)?;
            let name = w.nominee_name(nomination)?;
            let mut items = w.agenda_ids(meeting)?;
            let at = items
                .iter()
                .position(|(_, n)| *n == nomination)
                .ok_or_else(|| MeetingRefusal::OffAgenda {
                    name: name.clone(),
                    meeting: state.label.clone(),
                })?;
            let votes: i64 = w.tx.query_row(
                "SELECT count(*) FROM vote_results v JOIN ballot_rounds b ON b.id = v.round_id
                 WHERE b.meeting_id = ?1 AND v.nomination_id = ?2",
                params![meeting, nomination],
                |r| r.get(0),
            )?;
            if votes > 0 {
                return Err(MeetingRefusal::HasVotes {
                    name,
                    meeting: state.label,
                }
                .into());
            }
            let (item, _) = items.remove(at);
            let notes: i64 = w.tx.query_row(
                "SELECT count(*) FROM minutes_notes WHERE agenda_item_id = ?1",
                [item],
                |r| r.get(0),
            )?;
            if notes > 0 {
                return Err(MeetingRefusal::HasNotes { name }.into());
            }
            w.tx.execute("DELETE FROM agenda_items WHERE id = ?1", [item])?;
            w.renumber(&items)?;
            let status: String = w.tx.query_row(
                "SELECT status FROM nominations WHERE id = ?1",
                [nomination],
                |r| r.get(0),
            )?;
            if status == NominationStatus::OnAgenda.code() {
                w.set_nomination_status(nomination, NominationStatus::Submitted)?;
            }
            w.touch_meeting(meeting)?;
            w.audit(
                "agenda_items",
                item,
                "delete",
                Some(&serde_json::json!({"meeting": state.label.to_string(), "nomination": nomination})),
                None,
            )
        })
    }

    /// Move an agenda item to `position` (1-based); the others keep their order, positions stay 1..n.
    pub fn move_agenda_item(
        &mut self,
        meeting: MeetingId,
        nomination: NominationId,
        position: u32,
    ) -> Result<()> {
        self.write(|w| {
            let state = w.require_not_closed(meeting, Doing::ChangingAgenda)?;
            let mut items = w.agenda_ids(meeting)?;
            let Some(at) = items.iter().position(|(_, n)| *n == nomination) else {
                return Err(MeetingRefusal::OffAgenda {
                    name: w.nominee_name(nomination)?,
                    meeting: state.label,
                }
                .into());
            };
            if position == 0 || position as usize > items.len() {
                return Err(MeetingRefusal::BadPosition {
                    position,
                    items: items.len(),
                }
                .into());
            }
            let item = items.remove(at);
            items.insert(position as usize - 1, item);
            w.renumber(&items)?;
            w.touch_meeting(meeting)?;
            w.audit(
                "agenda_items",
                item.0,
                "move",
                Some(&serde_json::json!({"position": at + 1})),
                Some(&serde_json::json!({"position": position})),
            )
        })
    }
}
