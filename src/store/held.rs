//! The times and place a meeting was actually held, recorded by the secretary
//! until the minutes are signed, checked by the domain inside the transaction.

use rusqlite::params;

use super::refusal::MeetingRefusal;
use super::{Result, Store};
use crate::domain::held::{HeldTimes, check_held_times};
use crate::domain::meeting::MeetingId;
use crate::domain::text::nfc;

impl Store {
    /// Record the start, end, date and place of a held meeting (one date for
    /// the whole meeting). Refused before opening, after sign-off, with the
    /// end before the start, or with no place.
    pub fn set_held_times(&mut self, meeting: MeetingId, times: &HeldTimes) -> Result<()> {
        let times = HeldTimes {
            place: nfc(times.place.trim()),
            ..times.clone()
        };
        self.write(|w| {
            let state = w.meeting_state(meeting)?;
            let (opened, start, end, place): (bool, Option<String>, Option<String>, Option<String>) =
                w.tx.query_row(
                    "SELECT opened_at IS NOT NULL, held_start, held_end, held_place FROM meetings WHERE id = ?1",
                    [meeting],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )?;
            let signed: bool = w.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM minutes_signoffs WHERE meeting_id = ?1 AND kind = 'minutes')",
                [meeting],
                |r| r.get(0),
            )?;
            check_held_times(state.status, opened, signed, &times).map_err(|why| {
                MeetingRefusal::Times {
                    meeting: state.label.clone(),
                    why,
                }
            })?;
            w.tx.execute(
                "UPDATE meetings SET held_start = ?2, held_end = ?3, held_place = ?4 WHERE id = ?1",
                params![meeting, times.start_stamp(), times.end_stamp(), times.place],
            )?;
            w.touch_meeting(meeting)?;
            w.audit(
                "meetings",
                meeting,
                "held_times",
                Some(&serde_json::json!({
                    "held_start": start,
                    "held_end": end,
                    "held_place": place,
                })),
                Some(&serde_json::json!({
                    "held_start": times.start_stamp(),
                    "held_end": times.end_stamp(),
                    "held_place": times.place,
                })),
            )?;
            Ok(())
        })
    }
}
