//! Vote rounds of a meeting: a secret-ballot round (one paper may cover many
//! nominees) or an open vote, checked with the domain rules, worked out under
//! the rule for each award, and stored with a snapshot of that rule. Only
//! counts are stored, never who voted what. A re-vote is a new round; after
//! closing, a correction is an amendment round that points to the original.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::refusal::{Doing, MeetingRefusal};
use super::stored_code::decode;
use super::{Result, Store, StoreError, Tx};
use crate::domain::meeting::{MeetingId, Presence, check_committee_present, check_revote};
use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::text::nfc;
use crate::domain::vote::{
    AttendanceCounts, BallotCounts, Outcome, Tally, VoteError, VoteMethod, VoteRule, evaluate,
    find_rule, validate_ballots, validate_tally,
};

/// What the secretary enters for one round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundInput {
    pub method: VoteMethod,
    /// Paper counts of a secret ballot; ignored (stored as zero) for an open vote.
    pub ballots: BallotCounts,
    /// Votes per nomination, in the order entered.
    pub tallies: Vec<(NominationId, Tally)>,
}

/// A stored round's id and number, with each nomination's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedRound {
    pub round_id: i64,
    pub round_no: u32,
    pub outcomes: Vec<(NominationId, Outcome)>,
}

fn method_code(m: VoteMethod) -> &'static str {
    match m {
        VoteMethod::SecretBallot => "secret_ballot",
        VoteMethod::Open => "open",
    }
}

/// Why a round is held: a first vote, a re-vote with its reason, or the
/// correction of round (id) of a closed meeting with its reason.
#[derive(Clone, Copy)]
enum Why<'a> {
    First,
    Revote(&'a str),
    Amends(i64, &'a str),
}

/// The rule and the name of each nomination in a round, decided before writing.
struct Prepared {
    nomination: NominationId,
    name: String,
    tally: Tally,
    rule: VoteRule,
}

impl Tx<'_> {
    /// Each member of the meeting's counting committee with their presence.
    fn committee_presence(&self, meeting: MeetingId) -> Result<Vec<(String, Presence)>> {
        let mut stmt = self.tx.prepare(
            "SELECT m.name, mm.presence, mm.reason, c.member_id FROM counting_committee c
             JOIN members m ON m.id = c.member_id
             LEFT JOIN meeting_members mm ON mm.meeting_id = c.meeting_id AND mm.member_id = c.member_id
             WHERE c.meeting_id = ?1 ORDER BY c.is_head DESC, c.member_id",
        )?;
        let rows = stmt.query_map([meeting], |r| {
            let code: Option<String> = r.get(1)?;
            let reason: Option<String> = r.get(2)?;
            let member: i64 = r.get(3)?;
            // No attendance row yet: the member is not marked.
            let presence = match code {
                None => Presence::Unmarked,
                Some(code) => decode(
                    |c| Presence::from_parts(c, reason.as_deref().unwrap_or("")),
                    &code,
                    "meeting_members",
                    format!("{meeting}/{member}"),
                    "presence",
                )?,
            };
            Ok((r.get::<_, String>(0)?, presence))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn next_round_no(&self, meeting: MeetingId) -> Result<u32> {
        Ok(self.tx.query_row(
            "SELECT coalesce(max(round_no), 0) + 1 FROM ballot_rounds WHERE meeting_id = ?1",
            [meeting],
            |r| r.get(0),
        )?)
    }

    /// Check everything, then store the round, its results and the nominations' new statuses.
    fn write_round(
        &self,
        meeting: MeetingId,
        round_no: u32,
        input: &RoundInput,
        att: &AttendanceCounts,
        items: &[Prepared],
        why: Why<'_>,
    ) -> Result<RecordedRound> {
        let (amends, revote_reason) = match why {
            Why::First => (None, None),
            Why::Revote(reason) => (None, Some(reason)),
            Why::Amends(round, reason) => (Some((round, reason)), None),
        };
        let at = |name: &str, error: VoteError| -> StoreError {
            MeetingRefusal::Tally {
                round: round_no,
                name: name.to_string(),
                error,
            }
            .into()
        };
        let ballots = match input.method {
            VoteMethod::SecretBallot => {
                validate_ballots(att, &input.ballots).map_err(|error| MeetingRefusal::Ballots {
                    round: round_no,
                    error,
                })?;
                input.ballots
            }
            VoteMethod::Open => BallotCounts::default(),
        };
        let mut outcomes = Vec::with_capacity(items.len());
        let mut applied = Vec::with_capacity(items.len());
        for p in items {
            let Some(rule) = p.rule.applied_with(input.method) else {
                return Err(MeetingRefusal::WrongMethod {
                    round: round_no,
                    name: p.name.clone(),
                    rule: p.rule.method,
                    used: input.method,
                    source_name: p.rule.source.clone(),
                }
                .into());
            };
            if input.method == VoteMethod::SecretBallot && p.tally.abstain > 0 {
                return Err(MeetingRefusal::SecretAbstain {
                    round: round_no,
                    name: p.name.clone(),
                    abstain: p.tally.abstain,
                }
                .into());
            }
            validate_tally(input.method, att, &ballots, &p.tally).map_err(|e| at(&p.name, e))?;
            let outcome = evaluate(&rule, att, &ballots, &p.tally).map_err(|e| at(&p.name, e))?;
            outcomes.push((p.nomination, outcome));
            applied.push(rule);
        }
        let attendance =
            serde_json::to_string(att).map_err(|e| super::unencodable("attendance", e))?;
        self.tx.execute(
            "INSERT INTO ballot_rounds (meeting_id, round_no, method, issued, returned, valid, invalid, attendance, recorded_at, amends_round, amendment_reason, revote_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                meeting,
                round_no,
                method_code(input.method),
                ballots.issued,
                ballots.returned,
                ballots.valid,
                ballots.invalid,
                attendance,
                self.now,
                amends.map(|a| a.0),
                amends.map(|a| a.1),
                revote_reason
            ],
        )?;
        let round_id = self.tx.last_insert_rowid();
        for ((p, (_, outcome)), rule) in items.iter().zip(&outcomes).zip(&applied) {
            let t = &p.tally;
            self.tx.execute(
                "INSERT INTO vote_results (round_id, nomination_id, agree, disagree, abstain, written_agree, written_disagree, rule, outcome, passed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    round_id,
                    p.nomination,
                    t.agree,
                    t.disagree,
                    t.abstain,
                    t.written_agree,
                    t.written_disagree,
                    serde_json::to_string(rule).map_err(|e| super::unencodable("vote rule", e))?,
                    serde_json::to_string(outcome).map_err(|e| super::unencodable("vote outcome", e))?,
                    outcome.passed
                ],
            )?;
            // Statuses follow the latest round.
            let next = if outcome.passed {
                NominationStatus::Passed
            } else {
                NominationStatus::Failed
            };
            self.set_nomination_status(p.nomination, next)?;
        }
        self.touch_meeting(meeting)?;
        self.audit(
            "ballot_rounds",
            round_id,
            if amends.is_some() { "amend" } else { "insert" },
            None,
            Some(&serde_json::json!({
                "meeting": meeting,
                "round_no": round_no,
                "input": input,
                "attendance": att,
                "amends_round": amends.map(|a| a.0),
                "amendment_reason": amends.map(|a| a.1),
                "revote_reason": revote_reason,
                "outcomes": outcomes,
            })),
        )?;
        Ok(RecordedRound {
            round_id,
            round_no,
            outcomes,
        })
    }

    /// The names of the round's items that already have a result in this meeting.
    fn already_decided(&self, meeting: MeetingId, items: &[Prepared]) -> Result<Vec<String>> {
        let mut decided = Vec::new();
        for p in items {
            let voted: bool = self.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM vote_results v JOIN ballot_rounds b ON b.id = v.round_id
                 WHERE b.meeting_id = ?1 AND v.nomination_id = ?2)",
                params![meeting, p.nomination],
                |r| r.get(0),
            )?;
            if voted {
                decided.push(p.name.clone());
            }
        }
        Ok(decided)
    }

    /// Names and checks common to every round: not empty, no repeats, each on this agenda.
    fn prepare_items(
        &self,
        meeting: MeetingId,
        round_no: u32,
        input: &RoundInput,
        rule_for: &dyn Fn(NominationId, &str, &str) -> Result<VoteRule>,
    ) -> Result<Vec<Prepared>> {
        if input.tallies.is_empty() {
            return Err(MeetingRefusal::NoTallies { round: round_no }.into());
        }
        let mut out: Vec<Prepared> = Vec::with_capacity(input.tallies.len());
        for (nomination, tally) in &input.tallies {
            let name = self.nominee_name(*nomination)?;
            if out.iter().any(|p| p.nomination == *nomination) {
                return Err(MeetingRefusal::EnteredTwice {
                    round: round_no,
                    name,
                }
                .into());
            }
            let row: Option<(String, String)> = self
                .tx
                .query_row(
                    "SELECT n.status, n.award_code FROM agenda_items a JOIN nominations n ON n.id = a.nomination_id
                     WHERE a.meeting_id = ?1 AND a.nomination_id = ?2",
                    params![meeting, nomination],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (status, award) = row.ok_or_else(|| MeetingRefusal::NotOnAgenda {
                round: round_no,
                name: name.clone(),
            })?;
            let status = decode(
                NominationStatus::from_code,
                &status,
                "nominations",
                nomination,
                "status",
            )?;
            if !matches!(
                status,
                NominationStatus::OnAgenda | NominationStatus::Passed | NominationStatus::Failed
            ) {
                return Err(MeetingRefusal::NotVotable {
                    round: round_no,
                    name,
                    status,
                }
                .into());
            }
            let rule = rule_for(*nomination, &name, &award)?;
            out.push(Prepared {
                nomination: *nomination,
                name,
                tally: *tally,
                rule,
            });
        }
        Ok(out)
    }
}

impl Store {
    /// Record a first round on an open meeting, with attendance as it stands
    /// now. Refused for an item that already has a result: see `record_revote`.
    pub fn record_round(
        &mut self,
        meeting: MeetingId,
        input: &RoundInput,
    ) -> Result<RecordedRound> {
        self.record_revote(meeting, input, "")
    }

    /// Record a round that may vote again on items that already have a
    /// result; `reason` (kept with the round) is required when one does.
    pub fn record_revote(
        &mut self,
        meeting: MeetingId,
        input: &RoundInput,
        reason: &str,
    ) -> Result<RecordedRound> {
        let reason = nfc(reason.trim());
        let rules = self.vote_rules()?;
        self.write(|w| {
            let state = w.require_open(meeting, Doing::RecordingVotes)?;
            let level: String = w.tx.query_row(
                "SELECT level FROM councils WHERE id = ?1",
                [state.council_id],
                |r| r.get(0),
            )?;
            let round_no = w.next_round_no(meeting)?;
            let rule_for = |_: NominationId, name: &str, award: &str| -> Result<VoteRule> {
                find_rule(&rules, award, &level).cloned().ok_or_else(|| {
                    MeetingRefusal::NoVoteRule {
                        round: round_no,
                        name: name.to_string(),
                        award: award.to_string(),
                        level: level.clone(),
                    }
                    .into()
                })
            };
            let committee = w.committee_presence(meeting)?;
            check_committee_present(input.method, &committee).map_err(|names| {
                MeetingRefusal::CommitteeAbsent {
                    round: round_no,
                    names,
                }
            })?;
            let items = w.prepare_items(meeting, round_no, input, &rule_for)?;
            let decided = w.already_decided(meeting, &items)?;
            check_revote(&decided, &reason).map_err(|names| MeetingRefusal::RevoteNoReason {
                round: round_no,
                names,
            })?;
            let why = if decided.is_empty() {
                Why::First
            } else {
                Why::Revote(&reason)
            };
            let att = w.attendance_now(meeting)?;
            w.write_round(meeting, round_no, input, &att, &items, why)
        })
    }

    /// Correct a round of a closed meeting. The original stays; the amendment
    /// uses the original's attendance and rules, and statuses follow it.
    pub fn amend_round(
        &mut self,
        meeting: MeetingId,
        amends_round: i64,
        reason: &str,
        input: &RoundInput,
    ) -> Result<RecordedRound> {
        let reason = nfc(reason);
        self.write(|w| {
            let state = w.meeting_state(meeting)?;
            if state.status != crate::domain::meeting::MeetingStatus::Closed {
                return Err(MeetingRefusal::AmendNotClosed {
                    meeting: state.label.clone(),
                    status: state.status,
                }
                .into());
            }
            let original: Option<(u32, String, String)> = w
                .tx
                .query_row(
                    "SELECT round_no, method, attendance FROM ballot_rounds WHERE id = ?1 AND meeting_id = ?2",
                    params![amends_round, meeting],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let (original_no, method, att) =
                original.ok_or_else(|| MeetingRefusal::AmendUnknownRound {
                    round: amends_round,
                    meeting: state.label.clone(),
                })?;
            if reason.is_empty() {
                return Err(MeetingRefusal::AmendNoReason { round: original_no }.into());
            }
            if method != method_code(input.method) {
                return Err(MeetingRefusal::AmendMethod {
                    round: original_no,
                    original: if method == "open" {
                        VoteMethod::Open
                    } else {
                        VoteMethod::SecretBallot
                    },
                }
                .into());
            }
            let att: AttendanceCounts = serde_json::from_str(&att)
                .map_err(|e| super::unreadable("attendance", e))?;
            let round_no = w.next_round_no(meeting)?;
            let rule_for = |nomination: NominationId, name: &str, _: &str| -> Result<VoteRule> {
                let text: Option<String> = w
                    .tx
                    .query_row(
                        "SELECT rule FROM vote_results WHERE round_id = ?1 AND nomination_id = ?2",
                        params![amends_round, nomination],
                        |r| r.get(0),
                    )
                    .optional()?;
                let text = text.ok_or_else(|| MeetingRefusal::AmendNewNominee {
                    round: round_no,
                    name: name.to_string(),
                    original: original_no,
                })?;
                serde_json::from_str(&text)
                    .map_err(|e| super::unreadable("vote rule", e))
            };
            let items = w.prepare_items(meeting, round_no, input, &rule_for)?;
            w.write_round(
                meeting,
                round_no,
                input,
                &att,
                &items,
                Why::Amends(amends_round, &reason),
            )
        })
    }
}
