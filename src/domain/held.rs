//! When and where a meeting was actually held, as the minutes state it. The
//! keys `o` and `c` stamp when the meeting was opened and closed; the
//! secretary may correct the start, the end, the date and the place until the
//! minutes are signed. One date stands for the whole meeting.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::meeting::{Meeting, MeetingStatus};

/// The times and place to record, as the secretary enters them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldTimes {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub place: String,
}

impl HeldTimes {
    /// "2026-11-20T08:05", as stored.
    pub fn start_stamp(&self) -> String {
        format!(
            "{}T{}",
            self.date.format("%Y-%m-%d"),
            self.start.format("%H:%M")
        )
    }
    pub fn end_stamp(&self) -> String {
        format!(
            "{}T{}",
            self.date.format("%Y-%m-%d"),
            self.end.format("%H:%M")
        )
    }
}

/// Why the times cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimesRefused {
    /// The meeting was never opened: there is nothing held to describe.
    NeverOpened,
    /// The minutes are signed: what they say is frozen (an addendum records changes).
    Signed,
    /// The end lies before the start.
    EndBeforeStart { start: NaiveTime, end: NaiveTime },
    /// The place was left blank.
    NoPlace,
}

/// The times of a meeting may be recorded once it was opened and until its
/// minutes are signed; the end may not lie before the start, and the place
/// may not be blank.
pub fn check_held_times(
    status: MeetingStatus,
    opened: bool,
    signed: bool,
    times: &HeldTimes,
) -> Result<(), TimesRefused> {
    if status == MeetingStatus::Planned || !opened {
        return Err(TimesRefused::NeverOpened);
    }
    if signed {
        return Err(TimesRefused::Signed);
    }
    if times.end < times.start {
        return Err(TimesRefused::EndBeforeStart {
            start: times.start,
            end: times.end,
        });
    }
    if times.place.trim().is_empty() {
        return Err(TimesRefused::NoPlace);
    }
    Ok(())
}

/// "HH:MM" or "H:MM" as a time of day.
pub fn parse_clock(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

/// "YYYY-MM-DD" as a date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

fn date_of(stamp: &str) -> Option<NaiveDate> {
    parse_date(stamp.get(..10)?)
}

fn clock_of(stamp: &str) -> Option<NaiveTime> {
    parse_clock(stamp.get(11..16)?)
}

impl Meeting {
    /// When the meeting began as the minutes state it: the time the secretary
    /// recorded, else when it was opened, else when it was planned.
    pub fn began_at(&self) -> &str {
        self.held_start
            .as_deref()
            .or(self.opened_at.as_deref())
            .unwrap_or(&self.starts_at)
    }

    /// When it ended as the minutes state it: recorded, else when it was closed.
    pub fn ended_at(&self) -> Option<&str> {
        self.held_end.as_deref().or(self.closed_at.as_deref())
    }

    /// Where it was held: the place recorded, else the place planned.
    pub fn held_place_or_planned(&self) -> &str {
        self.held_place.as_deref().unwrap_or(&self.place)
    }

    /// The times and place to offer in the form: what is recorded, else the
    /// keypress times (the end defaults to `now` while the meeting is open).
    pub fn held_times_default(&self, now: &str) -> Option<HeldTimes> {
        let began = self.began_at();
        let date = date_of(began)?;
        let start = clock_of(began)?;
        let end = self
            .ended_at()
            .and_then(clock_of)
            .or_else(|| clock_of(now))
            .unwrap_or(start);
        Some(HeldTimes {
            date,
            start,
            end: end.max(start),
            place: self.held_place_or_planned().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(start: &str, end: &str) -> HeldTimes {
        HeldTimes {
            date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default(),
            start: parse_clock(start).unwrap_or_default(),
            end: parse_clock(end).unwrap_or_default(),
            place: "Hội trường UBND phường".into(),
        }
    }

    #[test]
    fn times_are_recorded_between_opening_and_sign_off_and_end_after_start() {
        let t = times("08:00", "10:30");
        assert_eq!(
            check_held_times(MeetingStatus::Planned, false, false, &t),
            Err(TimesRefused::NeverOpened)
        );
        assert_eq!(
            check_held_times(MeetingStatus::Open, true, false, &t),
            Ok(())
        );
        assert_eq!(
            check_held_times(MeetingStatus::Closed, true, false, &t),
            Ok(())
        );
        assert_eq!(
            check_held_times(MeetingStatus::Closed, true, true, &t),
            Err(TimesRefused::Signed)
        );
        let backwards = times("16:00", "08:00");
        assert_eq!(
            check_held_times(MeetingStatus::Closed, true, false, &backwards),
            Err(TimesRefused::EndBeforeStart {
                start: backwards.start,
                end: backwards.end
            })
        );
        let nowhere = HeldTimes {
            place: "  ".into(),
            ..t.clone()
        };
        assert_eq!(
            check_held_times(MeetingStatus::Closed, true, false, &nowhere),
            Err(TimesRefused::NoPlace)
        );
        assert_eq!(t.start_stamp(), "2026-11-20T08:00");
        assert_eq!(t.end_stamp(), "2026-11-20T10:30");
    }

    #[test]
    fn recorded_times_win_over_keypresses_which_win_over_the_plan() {
        let mut m = Meeting {
            id: 1,
            council_id: 1,
            number: String::new(),
            subject: String::new(),
            starts_at: "2026-11-20T08:00".into(),
            place: "Hội trường".into(),
            chair_id: None,
            secretary_id: None,
            status: MeetingStatus::Closed,
            opened_at: Some("2026-12-01T01:15:00".into()),
            closed_at: Some("2026-12-01T01:40:00".into()),
            version: 1,
            held_start: None,
            held_end: None,
            held_place: None,
        };
        assert_eq!(m.began_at(), "2026-12-01T01:15:00");
        let d = m.held_times_default("2026-12-01T02:00:00");
        assert_eq!(d.as_ref().map(|d| d.end), parse_clock("01:40"));
        m.held_start = Some("2026-11-20T08:00".into());
        m.held_end = Some("2026-11-20T10:30".into());
        m.held_place = Some("Nhà văn hóa khu phố 3".into());
        assert_eq!(m.began_at(), "2026-11-20T08:00");
        assert_eq!(m.ended_at(), Some("2026-11-20T10:30"));
        assert_eq!(m.held_place_or_planned(), "Nhà văn hóa khu phố 3");
        assert_eq!(
            m.held_times_default("x"),
            Some(HeldTimes {
                date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default(),
                start: parse_clock("08:00").unwrap_or_default(),
                end: parse_clock("10:30").unwrap_or_default(),
                place: "Nhà văn hóa khu phố 3".into(),
            })
        );
        assert_eq!(parse_clock("25:00"), None);
        assert_eq!(parse_date("2026-02-30"), None);
    }
}
