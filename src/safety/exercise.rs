//! A stream of ordinary writes for the crash harness (`hoidong exercise`).
//!
//! Each step writes one score, one minutes note or one vote result through
//! `Store::write` (so with its audit entry, exactly like the screens do) and
//! prints, on stdout and flushed:
//!
//! ```text
//! try score 12/3/TC1.2 75      before the write starts
//! ack score 12/3/TC1.2 75      only after the commit has returned
//! ```
//!
//! so a harness that kills the process at any moment knows which changes were
//! acknowledged (they must survive) and which single change was in flight
//! (it may or may not have landed).

use crate::domain::council_rules::CouncilRefusal;
use std::io::Write;
use std::path::Path;

use crate::demo::{self, Rng};
use crate::domain::scoring::Score;
use crate::store::exercise::ExerciseVote;
use crate::store::{Result, Store, StoreError};

/// Subject of the meeting the exerciser writes notes and votes into.
pub const MEETING_SUBJECT: &str = "Phiên kiểm thử độ bền";

struct Target {
    nomination: i64,
    criteria: Vec<(String, u32)>,
}

struct Setup {
    members: Vec<i64>,
    targets: Vec<Target>,
    meeting: i64,
    round: i64,
}

/// Run `count` steps with the given seed on the database at `db`.
///
/// Like the interface, the process keeps a second connection of its own for
/// reading (the page reader) and now and then opens and closes another (an
/// export, the audit view), so that a harness can see that other programs
/// opening and closing the file meanwhile take none of the writes away.
pub fn run(db: &Path, seed: u64, count: u64, out: &mut impl Write) -> Result<()> {
    run_paced(db, seed, count, out, Pace::default())
}

/// What a harness does between the steps and after the last one, while the
/// connections stay open: wait for it to look at the file from outside.
#[derive(Default)]
pub struct Pace<'a> {
    pub between: Option<&'a mut dyn FnMut()>,
    pub after: Option<&'a mut dyn FnMut()>,
}

/// [`run`], pausing as `pace` says.
pub fn run_paced(
    db: &Path,
    seed: u64,
    count: u64,
    out: &mut impl Write,
    mut pace: Pace<'_>,
) -> Result<()> {
    let mut store = Store::open(db)?;
    let setup = set_up(&mut store)?;
    let reader = Store::open_read_only(db)?;
    line(out, "ready")?;
    let mut rng = Rng::new(seed);
    for step in 0..count {
        match rng.below(3) {
            0 => score(&mut store, &setup, &mut rng, out)?,
            1 => note(&mut store, &setup, seed, step, out)?,
            _ => vote(&mut store, &setup, &mut rng, out)?,
        }
        if step % 4 == 0 {
            glance(&reader)?;
        }
        if let Some(between) = pace.between.as_mut() {
            between();
        }
        if step % 16 == 0 {
            glance(&Store::open_read_only(db)?)?;
        }
    }
    glance(&reader)?;
    if let Some(after) = pace.after.as_mut() {
        after();
    }
    Ok(())
}

/// A read through another connection, as the interface's screens make.
fn glance(store: &Store) -> Result<()> {
    store.audit_count()?;
    Ok(())
}

fn line(out: &mut impl Write, text: &str) -> Result<()> {
    writeln!(out, "{text}")
        .and_then(|_| out.flush())
        .map_err(|source| StoreError::Io {
            path: "stdout".into(),
            source,
        })
}

fn score(store: &mut Store, s: &Setup, rng: &mut Rng, out: &mut impl Write) -> Result<()> {
    let t = &s.targets[rng.below(s.targets.len())];
    let member = *rng.pick(&s.members);
    let (code, max) = rng.pick(&t.criteria).clone();
    let tenths = rng.below(max as usize * 10 + 1) as u32;
    let key = format!("{}/{member}/{code}", t.nomination);
    line(out, &format!("try score {key} {tenths}"))?;
    store.put_score(
        t.nomination,
        &Score {
            member_id: member,
            criterion_code: code,
            tenths,
        },
    )?;
    line(out, &format!("ack score {key} {tenths}"))
}

fn note(store: &mut Store, s: &Setup, seed: u64, step: u64, out: &mut impl Write) -> Result<()> {
    let text = format!("Ghi chú kiểm thử {seed}-{step}: ý kiến thành viên về hồ sơ.");
    line(out, &format!("try note ? {text}"))?;
    let id = store.add_exercise_note(s.meeting, &text)?;
    line(out, &format!("ack note {id} {text}"))
}

fn vote(store: &mut Store, s: &Setup, rng: &mut Rng, out: &mut impl Write) -> Result<()> {
    let t = &s.targets[rng.below(s.targets.len())];
    let members = s.members.len() as u32;
    let agree = rng.below(members as usize + 1) as u32;
    let disagree = members - agree;
    // Pass at more than half of the members, the usual council threshold.
    let passed = agree * 2 > members;
    let key = format!("{}/{}", s.round, t.nomination);
    line(out, &format!("try vote {key} {agree} {disagree}"))?;
    store.put_exercise_vote(&ExerciseVote {
        round: s.round,
        nomination: t.nomination,
        agree,
        disagree,
        members,
        passed,
        key: &key,
    })?;
    line(out, &format!("ack vote {key} {agree} {disagree}"))
}

/// Find (or create, in one audited transaction) the demo data, a meeting and
/// a ballot round to write into.
fn set_up(store: &mut Store) -> Result<Setup> {
    if store.council()?.is_none() {
        demo::populate(store, demo::demo_spec())?;
    }
    let council = store
        .council()?
        .ok_or(StoreError::Council(CouncilRefusal::NoCouncil))?;
    let members: Vec<i64> = store.members(council.id)?.iter().map(|m| m.id).collect();
    let existing = store.meeting_with_round(MEETING_SUBJECT)?;
    let (meeting, round) = match existing {
        Some(ids) => ids,
        None => store.add_exercise_meeting(council.id, MEETING_SUBJECT, members.len() as u32)?,
    };
    let ids = store.first_nomination_ids(12)?;
    let mut targets = Vec::new();
    for id in ids {
        let sheet = store.score_sheet(id)?;
        let criteria = sheet
            .criteria
            .iter()
            .map(|c| (c.code.clone(), c.max_score))
            .collect::<Vec<_>>();
        if !criteria.is_empty() {
            targets.push(Target {
                nomination: id,
                criteria,
            });
        }
    }
    if members.is_empty() || targets.is_empty() {
        return Err(StoreError::NothingToExercise);
    }
    Ok(Setup {
        members,
        targets,
        meeting,
        round,
    })
}
