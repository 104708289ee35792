//! The ballot-count record (biên bản kiểm phiếu) of one secret-ballot round,
//! assembled from a `MeetingRecord` as a plain value for printing: the
//! decision that set up the council, the counting committee, members per that
//! decision, members voting and not voting (and why), the paper counts, and a
//! table per nominee sorted by votes. Equal votes put women, and collectives
//! with at least 70% women, first (NĐ 152/2025/NĐ-CP Điều 4); the record says
//! where that preference decided the order.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::council::Member;
use super::meeting::{BallotRound, Presence};
use super::nominee::{Nominee, Sex};
use super::ranking::preferred_on_equal_score;
use super::record::MeetingRecord;
use super::text::{person_cmp, vi_cmp};
use super::vote::{BallotCounts, Tally, VoteMethod, VoteRule, WOMEN_SHARE_BEFORE_SETTING};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbsentMember {
    pub name: String,
    pub position: String,
    /// Lý do vắng mặt; `None` when attendance was not taken for the member.
    pub reason: Option<String>,
    /// Sent a written opinion (ý kiến bằng văn bản).
    pub written_opinion: bool,
}

/// One line of the table: a nominee and the votes for them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BallotRow {
    /// 1-based place in the table.
    pub rank: u32,
    pub nomination_id: i64,
    pub name: String,
    pub birth_year: Option<i32>,
    pub sex: Option<Sex>,
    /// Chức vụ, đơn vị.
    pub position_unit: String,
    pub award_short: String,
    pub tally: Tally,
    /// Whether the rule counts absent members' written opinions.
    #[serde(default)]
    pub counts_written: bool,
    /// Votes in favour that count (agree, plus written agreements when the rule counts them).
    pub votes: u32,
    /// What the share is counted on, per the rule.
    pub denominator: u32,
    /// Share in tenths of a percent; `numbers::percent` writes it.
    pub share_permille: u32,
    /// The rule the row was counted under.
    pub rule: VoteRule,
    pub passed: bool,
    /// Woman, or collective with at least the rule's share of women: placed
    /// first among equal votes.
    pub preferred_on_tie: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BallotCountRecord {
    pub issuing_body: String,
    pub council_name: String,
    /// The decision that set up the council.
    pub founding_decision: String,
    pub place_name: String,
    pub meeting_number: String,
    pub meeting_subject: String,
    pub starts_at: String,
    pub place: String,
    pub round_no: u32,
    pub recorded_at: String,
    /// Set when this round corrects an earlier one.
    pub amends_round_no: Option<u32>,
    pub amendment_reason: Option<String>,
    pub committee_head: Option<Member>,
    pub committee_members: Vec<Member>,
    /// Members per the decision that set up the council (called to the meeting).
    pub members_total: u32,
    /// Members present and voting in this round.
    pub members_voting: u32,
    pub not_voting: Vec<AbsentMember>,
    pub ballots: BallotCounts,
    pub rows: Vec<BallotRow>,
    /// Where equal votes were ordered by the preference for women.
    pub tie_notes: Vec<TieNote>,
}

/// A group of equal votes where the preference for women decided the order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TieNote {
    /// Every nominee of the group, in the order of the table.
    pub names: Vec<String>,
    /// Those placed first: women, and collectives with enough women.
    pub preferred: Vec<String>,
    pub votes: u32,
    /// The share of women that makes a collective preferred, in percent.
    pub women_share: u8,
}

fn name_cmp(a: &Nominee, b: &Nominee) -> Ordering {
    if a.kind.is_person() && b.kind.is_person() {
        person_cmp(&a.name, &b.name)
    } else {
        vi_cmp(&a.name, &b.name)
    }
}

fn position_unit(n: &Nominee) -> String {
    match (n.position.is_empty(), n.unit.is_empty()) {
        (false, false) => format!("{}, {}", n.position, n.unit),
        (false, true) => n.position.clone(),
        (true, false) => n.unit.clone(),
        (true, true) => String::new(),
    }
}

/// The record of secret-ballot round `round_id`; `None` when the meeting has no
/// such round or the round was an open vote (which has no ballot papers).
pub fn ballot_count_record(rec: &MeetingRecord, round_id: i64) -> Option<BallotCountRecord> {
    let round = rec.rounds.iter().find(|r| r.round.id == round_id)?;
    if round.round.method != VoteMethod::SecretBallot {
        return None;
    }
    let BallotRound {
        round_no,
        ballots,
        attendance,
        recorded_at,
        amends_round,
        amendment_reason,
        ..
    } = round.round.clone();

    let mut rows: Vec<(BallotRow, &Nominee)> = Vec::with_capacity(round.results.len());
    for v in &round.results {
        let entry = rec
            .agenda
            .iter()
            .find(|a| a.nomination.id == v.nomination_id)?;
        let n = &entry.nominee;
        rows.push((
            BallotRow {
                rank: 0,
                nomination_id: v.nomination_id,
                name: n.name.clone(),
                birth_year: n.birth_year,
                sex: n.sex,
                position_unit: position_unit(n),
                award_short: entry.award_short.clone(),
                tally: v.tally,
                counts_written: v.rule.count_written_opinions,
                votes: v.outcome.counted_agree,
                denominator: v.outcome.denominator,
                share_permille: v.outcome.share_permille,
                rule: v.rule.clone(),
                passed: v.outcome.passed,
                preferred_on_tie: preferred_on_equal_score(n, v.rule.women_share),
            },
            n,
        ));
    }
    rows.sort_by(|(a, na), (b, nb)| {
        b.votes
            .cmp(&a.votes)
            .then(b.preferred_on_tie.cmp(&a.preferred_on_tie))
            .then_with(|| name_cmp(na, nb))
    });
    let women_share = round
        .results
        .first()
        .map_or(WOMEN_SHARE_BEFORE_SETTING, |v| v.rule.women_share);
    let tie_notes = tie_notes(
        &rows.iter().map(|(r, _)| r).collect::<Vec<_>>(),
        women_share,
    );
    let rows: Vec<BallotRow> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (r, _))| BallotRow {
            rank: i as u32 + 1,
            ..r
        })
        .collect();

    let not_voting = rec
        .attendance
        .iter()
        .filter(|a| a.presence != Presence::Present)
        .map(|a| AbsentMember {
            name: a.member.name.clone(),
            position: a.member.position.clone(),
            reason: match &a.presence {
                Presence::Unmarked => None,
                p => Some(p.reason().to_string()),
            },
            written_opinion: matches!(a.presence, Presence::AbsentWithOpinion { .. }),
        })
        .collect();
    let amends_round_no = amends_round.and_then(|id| {
        rec.rounds
            .iter()
            .find(|r| r.round.id == id)
            .map(|r| r.round.round_no)
    });
    Some(BallotCountRecord {
        issuing_body: rec.ward.governing_body.clone(),
        council_name: rec.ward.council_name.clone(),
        founding_decision: rec.council.founding_decision.clone(),
        place_name: rec.ward.place_name.clone(),
        meeting_number: rec.meeting.number.clone(),
        meeting_subject: rec.meeting.subject.clone(),
        starts_at: rec.meeting.began_at().to_string(),
        place: rec.meeting.held_place_or_planned().to_string(),
        round_no,
        recorded_at,
        amends_round_no,
        amendment_reason,
        committee_head: rec
            .counting_committee
            .iter()
            .find(|c| c.is_head)
            .map(|c| c.member.clone()),
        committee_members: rec
            .counting_committee
            .iter()
            .filter(|c| !c.is_head)
            .map(|c| c.member.clone())
            .collect(),
        members_total: attendance.members_total,
        members_voting: attendance.present,
        not_voting,
        ballots,
        rows,
        tie_notes,
    })
}

/// One note per group of equal votes holding both preferred and other
/// nominees: there the preference decided the order.
fn tie_notes(sorted: &[&BallotRow], women_share: u8) -> Vec<TieNote> {
    let mut notes = Vec::new();
    let mut start = 0;
    while start < sorted.len() {
        let votes = sorted[start].votes;
        let end = sorted[start..]
            .iter()
            .position(|r| r.votes != votes)
            .map_or(sorted.len(), |p| start + p);
        let group = &sorted[start..end];
        let preferred: Vec<&str> = group
            .iter()
            .filter(|r| r.preferred_on_tie)
            .map(|r| r.name.as_str())
            .collect();
        if group.len() > 1 && !preferred.is_empty() && preferred.len() < group.len() {
            notes.push(TieNote {
                names: group.iter().map(|r| r.name.clone()).collect(),
                preferred: preferred.iter().map(|n| n.to_string()).collect(),
                votes,
                women_share,
            });
        }
        start = end;
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vote::{Comparison, Denominator, Share, Threshold};

    fn rule_80_of_all() -> VoteRule {
        VoteRule {
            award: "cstdcs".into(),
            level: "ward".into(),
            method: VoteMethod::SecretBallot,
            also_allowed: Vec::new(),
            threshold: Threshold {
                share: Share::new(80, 100),
                comparison: Comparison::AtLeast,
            },
            denominator: Denominator::AllMembers,
            count_written_opinions: true,
            quorum: Threshold {
                share: Share::new(2, 3),
                comparison: Comparison::AtLeast,
            },
            source: String::new(),
            is_default: true,
            women_share: 70,
        }
    }

    fn row(name: &str, votes: u32, preferred: bool) -> BallotRow {
        BallotRow {
            rank: 0,
            nomination_id: 0,
            name: name.into(),
            birth_year: None,
            sex: None,
            position_unit: String::new(),
            award_short: String::new(),
            tally: Tally::default(),
            counts_written: true,
            votes,
            denominator: 11,
            share_permille: 0,
            rule: rule_80_of_all(),
            passed: false,
            preferred_on_tie: preferred,
        }
    }

    #[test]
    fn a_tie_note_only_where_the_preference_decided() {
        let a = row("Lê Thị Mai", 8, true);
        let b = row("Trần Văn Bình", 8, false);
        let c = row("Phạm Văn Cường", 7, false);
        let d = row("Hồ Văn Dũng", 7, false);
        let notes = tie_notes(&[&a, &b, &c, &d], 60);
        assert_eq!(
            notes,
            vec![TieNote {
                names: vec!["Lê Thị Mai".into(), "Trần Văn Bình".into()],
                preferred: vec!["Lê Thị Mai".into()],
                votes: 8,
                women_share: 60,
            }]
        );
    }
}
