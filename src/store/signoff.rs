//! Sign-off of the minutes. Finalising stores the document exactly as
//! signed (the JSON of the print model) with `content_hash`, the lowercase
//! hex SHA-256 of the UTF-8 bytes of the stored `content`. Later prints are
//! made from that content; later changes are addenda with their own date.

use rusqlite::params;
use sha2::{Digest, Sha256};

use super::refusal::{MeetingLabel, MeetingRefusal};
use super::stored_code::decode;
use super::{Result, Store};
use crate::domain::meeting::{MeetingId, check_held};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignOffKind {
    Minutes,
    Addendum,
}

impl SignOffKind {
    pub fn code(self) -> &'static str {
        match self {
            SignOffKind::Minutes => "minutes",
            SignOffKind::Addendum => "addendum",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "minutes" => Some(SignOffKind::Minutes),
            "addendum" => Some(SignOffKind::Addendum),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOff {
    pub id: i64,
    pub meeting_id: MeetingId,
    pub kind: SignOffKind,
    pub signed_at: String,
    pub content_hash: String,
    pub content: String,
}

impl SignOff {
    /// True when the stored content still has the hash recorded at sign-off.
    pub fn intact(&self) -> bool {
        content_hash(&self.content) == self.content_hash
    }
}

/// Lowercase hex SHA-256 of the exact UTF-8 bytes of `content`.
pub fn content_hash(content: &str) -> String {
    hex::encode(Sha256::digest(content.as_bytes()))
}

impl Store {
    /// Sign-offs of a meeting: the minutes first, then addenda in order.
    pub fn signoffs(&self, meeting: MeetingId) -> Result<Vec<SignOff>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, meeting_id, kind, signed_at, content_hash, content FROM minutes_signoffs WHERE meeting_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([meeting], |r| {
            let kind: String = r.get(2)?;
            Ok((
                kind,
                SignOff {
                    id: r.get(0)?,
                    meeting_id: r.get(1)?,
                    kind: SignOffKind::Minutes,
                    signed_at: r.get(3)?,
                    content_hash: r.get(4)?,
                    content: r.get(5)?,
                },
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, mut s) = row?;
            s.kind = decode(
                SignOffKind::from_code,
                &kind,
                "minutes_signoffs",
                s.id,
                "kind",
            )?;
            out.push(s);
        }
        Ok(out)
    }

    /// The signed minutes of a meeting, if any.
    pub fn signed_minutes(&self, meeting: MeetingId) -> Result<Option<SignOff>> {
        Ok(self
            .signoffs(meeting)?
            .into_iter()
            .find(|s| s.kind == SignOffKind::Minutes))
    }

    /// Freeze the minutes of a meeting. Refused when they are already signed:
    /// later changes go into an addendum.
    pub fn sign_minutes(&mut self, meeting: MeetingId, content: &str) -> Result<SignOff> {
        let label = self.meeting_label(meeting)?;
        if let Some(s) = self.signed_minutes(meeting)? {
            return Err(MeetingRefusal::MinutesSigned {
                meeting: label,
                signed_at: s.signed_at,
            }
            .into());
        }
        self.insert_signoff(meeting, SignOffKind::Minutes, content)
    }

    /// Would signing the minutes of `meeting` be refused? The question the
    /// signing transaction asks, asked before the confirm dialog. Signed
    /// minutes take an addendum, which has nothing to refuse here.
    pub fn sign_off_allowed(&self, meeting: MeetingId) -> Result<()> {
        if self.signed_minutes(meeting)?.is_some() {
            return Ok(());
        }
        let m = self.meeting(meeting)?;
        let present = super::meetings::attendance_of(self.conn(), meeting)?.present;
        check_held(m.status, m.opened_at.is_some(), present).map_err(|why| {
            MeetingRefusal::NotHeld {
                meeting: MeetingLabel {
                    number: m.number.clone(),
                    id: meeting,
                },
                why,
            }
        })?;
        Ok(())
    }

    /// Record an addendum to signed minutes, dated now.
    pub fn add_addendum(&mut self, meeting: MeetingId, content: &str) -> Result<SignOff> {
        if self.signed_minutes(meeting)?.is_none() {
            return Err(MeetingRefusal::MinutesNotSigned {
                meeting: self.meeting_label(meeting)?,
            }
            .into());
        }
        self.insert_signoff(meeting, SignOffKind::Addendum, content)
    }

    /// How messages name the meeting; an unknown id is "not found".
    fn meeting_label(&self, meeting: MeetingId) -> Result<MeetingLabel> {
        Ok(MeetingLabel {
            number: self.meeting(meeting)?.number,
            id: meeting,
        })
    }

    fn insert_signoff(
        &mut self,
        meeting: MeetingId,
        kind: SignOffKind,
        content: &str,
    ) -> Result<SignOff> {
        let hash = content_hash(content);
        let label = self.meeting_label(meeting)?;
        self.write(|w| {
            if kind == SignOffKind::Minutes {
                // Checked in the transaction that signs, so no change slips in between.
                let state = w.meeting_state(meeting)?;
                let opened: bool = w.tx.query_row(
                    "SELECT opened_at IS NOT NULL FROM meetings WHERE id = ?1",
                    [meeting],
                    |r| r.get(0),
                )?;
                let present = w.attendance_now(meeting)?.present;
                check_held(state.status, opened, present).map_err(|why| {
                    MeetingRefusal::NotHeld {
                        meeting: label.clone(),
                        why,
                    }
                })?;
            }
            w.tx.execute(
                "INSERT INTO minutes_signoffs (meeting_id, kind, signed_at, content_hash, content) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![meeting, kind.code(), w.now, hash, content],
            )?;
            let id = w.tx.last_insert_rowid();
            w.audit(
                "minutes_signoffs",
                id,
                "sign",
                None,
                Some(&serde_json::json!({
                    "meeting_id": meeting,
                    "kind": kind.code(),
                    "content_hash": hash,
                })),
            )?;
            Ok(SignOff {
                id,
                meeting_id: meeting,
                kind,
                signed_at: w.now.clone(),
                content_hash: hash.clone(),
                content: content.to_string(),
            })
        })
    }
}
