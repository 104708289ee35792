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

use rusqlite::{OptionalExtension, params};
use serde_json::json;

use crate::demo::{self, Rng};
use crate::domain::scoring::Score;
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
    let setup = prepare(&mut store)?;
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
    store
        .conn()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get::<_, i64>(0))?;
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
    let id = store.write(|w| {
        w.tx.execute(
            "INSERT INTO minutes_notes (meeting_id, agenda_item_id, kind, at, text, updated_at)
             VALUES (?1, NULL, 'note', ?2, ?3, ?2)",
            params![s.meeting, w.now, text],
        )?;
        let id = w.tx.last_insert_rowid();
        w.audit(
            "minutes_notes",
            id,
            "insert",
            None,
            Some(&json!({"id": id, "meeting_id": s.meeting, "kind": "note", "text": text})),
        )?;
        Ok(id)
    })?;
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
    store.write(|w| {
        let before: Option<(u32, u32)> = w
            .tx
            .query_row(
                "SELECT agree, disagree FROM vote_results WHERE round_id = ?1 AND nomination_id = ?2",
                params![s.round, t.nomination],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let outcome = json!({"counted_agree": agree, "denominator": members, "passed": passed});
        w.tx.execute(
            "INSERT INTO vote_results (round_id, nomination_id, agree, disagree, abstain, written_agree, written_disagree, rule, outcome, passed)
             VALUES (?1, ?2, ?3, ?4, 0, 0, 0, '{}', ?5, ?6)
             ON CONFLICT (round_id, nomination_id) DO UPDATE SET agree = excluded.agree, disagree = excluded.disagree,
               outcome = excluded.outcome, passed = excluded.passed",
            params![s.round, t.nomination, agree, disagree, outcome.to_string(), passed],
        )?;
        w.audit(
            "vote_results",
            &key,
            "put",
            before
                .map(|(a, d)| json!({"agree": a, "disagree": d}))
                .as_ref(),
            Some(&json!({
                "round_id": s.round, "nomination_id": t.nomination,
                "agree": agree, "disagree": disagree, "abstain": 0,
                "written_agree": 0, "written_disagree": 0, "passed": passed
            })),
        )
    })?;
    line(out, &format!("ack vote {key} {agree} {disagree}"))
}

/// Find (or create, in one audited transaction) the demo data, a meeting and
/// a ballot round to write into.
fn prepare(store: &mut Store) -> Result<Setup> {
    if store.council()?.is_none() {
        demo::populate(store, demo::demo_spec())?;
    }
    let council = store
        .council()?
        .ok_or(StoreError::Council(CouncilRefusal::NoCouncil))?;
    let members: Vec<i64> = store.members(council.id)?.iter().map(|m| m.id).collect();
    let existing: Option<(i64, i64)> = store
        .conn()
        .query_row(
            "SELECT m.id, b.id FROM meetings m JOIN ballot_rounds b ON b.meeting_id = m.id
             WHERE m.subject = ?1 ORDER BY m.id LIMIT 1",
            [MEETING_SUBJECT],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (meeting, round) = match existing {
        Some(ids) => ids,
        None => create_meeting(store, council.id, members.len() as u32)?,
    };
    let ids: Vec<i64> = {
        let mut stmt = store
            .conn()
            .prepare("SELECT id FROM nominations ORDER BY id LIMIT 12")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
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

fn create_meeting(store: &mut Store, council: i64, members: u32) -> Result<(i64, i64)> {
    store.write(|w| {
        w.tx.execute(
            "INSERT INTO meetings (council_id, subject, starts_at, status, opened_at) VALUES (?1, ?2, ?3, 'open', ?3)",
            params![council, MEETING_SUBJECT, w.now],
        )?;
        let meeting = w.tx.last_insert_rowid();
        w.audit(
            "meetings",
            meeting,
            "insert",
            None,
            Some(&json!({"subject": MEETING_SUBJECT, "status": "open"})),
        )?;
        let attendance = json!({"members_total": members, "present": members, "absent": 0, "written_opinions": 0});
        w.tx.execute(
            "INSERT INTO ballot_rounds (meeting_id, round_no, method, issued, returned, valid, invalid, attendance, recorded_at)
             VALUES (?1, 1, 'secret_ballot', ?2, ?2, ?2, 0, ?3, ?4)",
            params![meeting, members, attendance.to_string(), w.now],
        )?;
        let round = w.tx.last_insert_rowid();
        w.audit(
            "ballot_rounds",
            round,
            "insert",
            None,
            Some(&json!({"meeting_id": meeting, "round_no": 1, "issued": members})),
        )?;
        Ok((meeting, round))
    })
}
