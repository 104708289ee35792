//! Notes typed during a meeting (the live minutes): each timestamped, of a
//! kind (opening, note, conclusion, closing) and optionally attached to an
//! agenda item. Every change goes through `Store::write` with its audit entry.

use crate::domain::note_rules;
use rusqlite::{OptionalExtension, params};

use super::refusal::MeetingRefusal;
use super::stored_code::decode;
use super::{Result, Store, StoreError};
use crate::domain::meeting::{MeetingId, MinutesNote, NoteKind};
use crate::domain::text::nfc;
use crate::domain::text_rules::{self, TextField};

/// A note before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    pub agenda_item_id: Option<i64>,
    pub kind: NoteKind,
    /// When it was said; `None` takes the store's clock.
    pub at: Option<String>,
    pub text: String,
}

fn note_json(n: &MinutesNote) -> serde_json::Value {
    serde_json::to_value(n).unwrap_or(serde_json::Value::Null)
}

impl Store {
    /// Every note of a meeting, in the order it was taken.
    pub fn notes(&self, meeting: MeetingId) -> Result<Vec<MinutesNote>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, meeting_id, agenda_item_id, kind, at, text FROM minutes_notes WHERE meeting_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([meeting], note_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn note(&self, id: i64) -> Result<MinutesNote> {
        self.conn()
            .query_row(
                "SELECT id, meeting_id, agenda_item_id, kind, at, text FROM minutes_notes WHERE id = ?1",
                [id],
                note_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "note",
                id: id.to_string(),
            })
    }

    /// Add a note to a meeting; returns its id.
    pub fn add_note(&mut self, meeting: MeetingId, new: &NewNote) -> Result<i64> {
        self.meeting(meeting)?;
        self.check_agenda_item(meeting, new.agenda_item_id)?;
        let text = text_rules::text(TextField::Note, &new.text)?;
        if text.is_empty() {
            return Err(MeetingRefusal::EmptyNote { editing: false }.into());
        }
        self.write(|w| {
            let at = new.at.clone().unwrap_or_else(|| w.now.clone());
            w.tx.execute(
                "INSERT INTO minutes_notes (meeting_id, agenda_item_id, kind, at, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![meeting, new.agenda_item_id, new.kind.code(), at, text, w.now],
            )?;
            let id = w.tx.last_insert_rowid();
            let after = MinutesNote {
                id,
                meeting_id: meeting,
                agenda_item_id: new.agenda_item_id,
                kind: new.kind,
                at,
                text,
            };
            w.audit("minutes_notes", id, "insert", None, Some(&note_json(&after)))?;
            Ok(id)
        })
    }

    /// Change a note's text, kind, agenda item or time. An unchanged note is
    /// not written again (autosave calls this often).
    pub fn edit_note(&mut self, note: &MinutesNote) -> Result<()> {
        let before = self.note(note.id)?;
        note_rules::same_meeting(note.id, before.meeting_id, note.meeting_id)?;
        self.check_agenda_item(note.meeting_id, note.agenda_item_id)?;
        let after = MinutesNote {
            text: nfc(&note.text),
            ..note.clone()
        };
        if after.text.is_empty() {
            return Err(MeetingRefusal::EmptyNote { editing: true }.into());
        }
        if after == before {
            return Ok(());
        }
        self.write(|w| {
            w.tx.execute(
                "UPDATE minutes_notes SET agenda_item_id = ?2, kind = ?3, at = ?4, text = ?5, updated_at = ?6 WHERE id = ?1",
                params![after.id, after.agenda_item_id, after.kind.code(), after.at, after.text, w.now],
            )?;
            w.audit(
                "minutes_notes",
                after.id,
                "update",
                Some(&note_json(&before)),
                Some(&note_json(&after)),
            )
        })
    }

    /// Remove a note; the audit log keeps what it said.
    pub fn delete_note(&mut self, id: i64) -> Result<()> {
        let before = self.note(id)?;
        self.write(|w| {
            w.tx.execute("DELETE FROM minutes_notes WHERE id = ?1", [id])?;
            w.audit(
                "minutes_notes",
                id,
                "delete",
                Some(&note_json(&before)),
                None,
            )
        })
    }

    fn check_agenda_item(&self, meeting: MeetingId, item: Option<i64>) -> Result<()> {
        let Some(item) = item else { return Ok(()) };
        let owner: Option<i64> = self
            .conn()
            .query_row(
                "SELECT meeting_id FROM agenda_items WHERE id = ?1",
                [item],
                |r| r.get(0),
            )
            .optional()?;
        match owner {
            Some(owner) => Ok(note_rules::item_of_meeting(item, owner, meeting)?),
            None => Err(StoreError::NotFound {
                what: "agenda item",
                id: item.to_string(),
            }),
        }
    }
}

fn note_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MinutesNote> {
    let id: i64 = r.get(0)?;
    let kind: String = r.get(3)?;
    Ok(MinutesNote {
        id,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        kind: decode(NoteKind::from_code, &kind, "minutes_notes", id, "kind")?,
        at: r.get(4)?,
        text: r.get(5)?,
    })
}
