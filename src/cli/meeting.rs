//! `hoidong meetings` and `hoidong meeting …`: look at meetings, and prepare
//! one from a shell (create it, build and reorder its agenda, set the counting
//! committee, take notes). Attendance and votes are taken in meeting mode.

use std::path::Path;

use clap::Subcommand;

use crate::cli::database::{self, Access};
use hoidong::domain::council::Role;
use hoidong::domain::council_rules;
use hoidong::domain::held::{HeldTimes, parse_clock, parse_date};
use hoidong::domain::meeting::NoteKind;
use hoidong::domain::nomination::NominationQuery;
use hoidong::i18n::Lang;
use hoidong::i18n::cli_meeting_words::Said;
use hoidong::store::meetings::NewMeeting;
use hoidong::store::notes::NewNote;
use hoidong::store::{Store, StoreError};

pub use crate::cli::meeting_text::{ballot_record_text, meetings_text, show_text};

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Attendance, quorum, agenda and results of meeting ID.
    Show { id: i64 },
    /// The ballot-count record (biên bản kiểm phiếu) of round ROUND of meeting ID.
    BallotRecord { id: i64, round: u32 },
    /// Create a planned meeting; every member of the council is called.
    New {
        /// Document number, e.g. 08/BB-HĐTĐKT.
        #[arg(long, default_value = "")]
        number: String,
        #[arg(long)]
        subject: String,
        /// Date and time, e.g. 2026-12-08T08:00.
        #[arg(long)]
        at: String,
        #[arg(long, default_value = "")]
        place: String,
        /// Member id of the chair (default: the council's chair).
        #[arg(long)]
        chair: Option<i64>,
        /// Member id of the secretary (default: the standing member).
        #[arg(long)]
        secretary: Option<i64>,
    },
    /// Put submitted nominations on the agenda of meeting ID: by id, or all matching a filter.
    Add {
        id: i64,
        nominations: Vec<i64>,
        /// Every submitted nomination whose nominee, unit or award matches this text.
        #[arg(long)]
        matching: Option<String>,
        /// Every submitted nomination decided at this level (ward, province, …).
        #[arg(long)]
        level: Option<String>,
    },
    /// Move NOMINATION to POSITION in the agenda of meeting ID.
    Move {
        id: i64,
        nomination: i64,
        position: u32,
    },
    /// Take NOMINATION off the agenda of meeting ID (back to submitted).
    Remove { id: i64, nomination: i64 },
    /// Set the counting committee of meeting ID: the head, then the other members (member ids).
    Committee {
        id: i64,
        head: i64,
        members: Vec<i64>,
    },
    /// Record when and where meeting ID was actually held (until its minutes are
    /// signed); the date and place default to those recorded, else the day it
    /// was opened and the planned place.
    Times {
        id: i64,
        /// Start time, HH:MM.
        #[arg(long)]
        start: String,
        /// End time, HH:MM (same day, not before the start).
        #[arg(long)]
        end: String,
        /// Date, YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        place: Option<String>,
    },
    /// Add a note for the minutes of meeting ID.
    Note {
        id: i64,
        #[arg(long, default_value = "note", value_parser = ["opening", "note", "conclusion", "closing"])]
        kind: String,
        /// The nomination the note is about.
        #[arg(long)]
        item: Option<i64>,
        text: String,
    },
}

/// `hoidong meetings`.
pub fn list(db: Option<&Path>, lang: Lang) -> anyhow::Result<()> {
    let store = database::open(db, Access::Existing)?;
    print!("{}", meetings_text(&store, lang)?);
    Ok(())
}

/// `hoidong meeting …`.
/// Numbers and words are written in `lang` (a decimal comma in Vietnamese).
pub fn run(db: Option<&Path>, command: &MeetingCommand, lang: Lang) -> anyhow::Result<()> {
    let mut store = database::open(db, Access::Existing)?;
    match command {
        MeetingCommand::Show { id } => print!("{}", show_text(&store, *id, lang)?),
        MeetingCommand::BallotRecord { id, round } => {
            print!("{}", ballot_record_text(&store, *id, *round, lang)?)
        }
        MeetingCommand::New {
            number,
            subject,
            at,
            place,
            chair,
            secretary,
        } => {
            // The members in office on the meeting's day; the store refuses
            // with a typed reason when there is no council or none in office.
            let members = match council_rules::council_on(&store.councils()?, at) {
                Some(c) => store.members_on(c.id, at)?,
                None => Vec::new(),
            };
            let by_role = |role: Role| members.iter().find(|m| m.role == role).map(|m| m.id);
            let minute_taker =
                || by_role(Role::Secretary).or_else(|| by_role(Role::StandingMember));
            let id = store.create_meeting(&NewMeeting {
                number: number.clone(),
                subject: subject.clone(),
                starts_at: at.clone(),
                place: place.clone(),
                chair_id: chair.or_else(|| by_role(Role::Chair)),
                secretary_id: secretary.or_else(minute_taker),
                member_ids: Vec::new(),
                guests: Vec::new(),
            })?;
            println!(
                "{}",
                Said::Created {
                    id,
                    called: members.len()
                }
                .say(lang)
            );
        }
        MeetingCommand::Add {
            id,
            nominations,
            matching,
            level,
        } => {
            anyhow::ensure!(
                !nominations.is_empty() || matching.is_some() || level.is_some(),
                Said::NothingToAdd.say(lang)
            );
            for n in nominations {
                store.add_agenda_item(*id, *n)?;
            }
            let mut added = nominations.len();
            if matching.is_some() || level.is_some() {
                let q = NominationQuery {
                    text: matching.clone().unwrap_or_default(),
                    award_level: level.clone(),
                    ..NominationQuery::default()
                };
                added += store.add_agenda_matching(*id, &q)?.len();
            }
            println!(
                "{}",
                Said::Added {
                    id: *id,
                    count: added
                }
                .say(lang)
            );
        }
        MeetingCommand::Move {
            id,
            nomination,
            position,
        } => {
            store.move_agenda_item(*id, *nomination, *position)?;
            let (nomination, position) = (*nomination, *position);
            println!(
                "{}",
                Said::Moved {
                    nomination,
                    position
                }
                .say(lang)
            );
        }
        MeetingCommand::Remove { id, nomination } => {
            store.remove_agenda_item(*id, *nomination)?;
            let nomination = *nomination;
            println!("{}", Said::Removed { nomination }.say(lang));
        }
        MeetingCommand::Committee { id, head, members } => {
            store.set_counting_committee(*id, *head, members)?;
            println!("{}", Said::CommitteeSet { id: *id }.say(lang));
        }
        MeetingCommand::Times {
            id,
            start,
            end,
            date,
            place,
        } => {
            let times = held_times(
                &store,
                *id,
                start,
                end,
                date.as_deref(),
                place.as_deref(),
                lang,
            )?;
            store.set_held_times(*id, &times).map_err(|e| match e {
                StoreError::Meeting(r) => anyhow::anyhow!(lang.strings().refusal(&r)),
                e => e.into(),
            })?;
            let held = Said::Held {
                id: *id,
                date: times.date.format("%Y-%m-%d").to_string(),
                start: times.start.format("%H:%M").to_string(),
                end: times.end.format("%H:%M").to_string(),
                place: &times.place,
            };
            println!("{}", held.say(lang));
        }
        MeetingCommand::Note {
            id,
            kind,
            item,
            text,
        } => {
            let kind = NoteKind::from_code(kind).unwrap_or(NoteKind::Note);
            let agenda_item_id = match item {
                Some(n) => Some(store.agenda_item_of(*id, *n)?.ok_or_else(|| {
                    anyhow::anyhow!(
                        Said::NotOnAgenda {
                            id: *id,
                            nomination: *n
                        }
                        .say(lang)
                    )
                })?),
                None => None,
            };
            store.add_note(
                *id,
                &NewNote {
                    agenda_item_id,
                    kind,
                    at: None,
                    text: text.clone(),
                },
            )?;
            println!("{}", Said::NoteAdded { id: *id }.say(lang));
        }
    }
    Ok(())
}

/// The times given on the command line, the rest from what is recorded.
fn held_times(
    store: &Store,
    id: i64,
    start: &str,
    end: &str,
    date: Option<&str>,
    place: Option<&str>,
    lang: Lang,
) -> anyhow::Result<HeldTimes> {
    let clock = |flag: &str, text: &str| {
        parse_clock(text).ok_or_else(|| anyhow::anyhow!(Said::NotATime { flag, text }.say(lang)))
    };
    let start = clock("--start", start)?;
    let end = clock("--end", end)?;
    let meeting = store.meeting(id)?;
    let recorded = meeting.held_times_default(&store.now());
    let date = match date {
        Some(d) => {
            parse_date(d).ok_or_else(|| anyhow::anyhow!(Said::NotADate { text: d }.say(lang)))?
        }
        None => recorded
            .as_ref()
            .map(|t| t.date)
            .ok_or_else(|| anyhow::anyhow!(Said::DateNeeded { id }.say(lang)))?,
    };
    let place = match place {
        Some(p) => p.to_string(),
        None => meeting.held_place_or_planned().to_string(),
    };
    Ok(HeldTimes {
        date,
        start,
        end,
        place,
    })
}
