//! Voting rules and the result engine. Rules are data: the required share,
//! what it is counted on, "at least" or "more than", the quorum. All
//! arithmetic is on integers so that boundaries are exact.

use serde::{Deserialize, Serialize};

/// A share as a fraction, e.g. 2/3 or 80/100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Share {
    pub num: u32,
    pub den: u32,
}

impl Share {
    pub const fn new(num: u32, den: u32) -> Share {
        Share { num, den }
    }

    /// The share as text: "2/3", "80%".
    pub fn label(&self) -> String {
        if self.den == 100 {
            format!("{}%", self.num)
        } else {
            format!("{}/{}", self.num, self.den)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// ≥ (tối thiểu, từ … trở lên).
    AtLeast,
    /// > (trên, quá).
    MoreThan,
}

/// What the share is counted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Denominator {
    /// Tổng số thành viên Hội đồng.
    AllMembers,
    /// Thành viên có mặt.
    Present,
    /// Phiếu hợp lệ.
    ValidBallots,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteMethod {
    /// Bỏ phiếu kín.
    SecretBallot,
    /// Biểu quyết công khai.
    Open,
}

/// The threshold part of a rule: `count` compared to `share` of `denominator`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Threshold {
    pub share: Share,
    pub comparison: Comparison,
}

impl Threshold {
    /// Exact test of `count / total` against the share, without floating point.
    pub fn met(&self, count: u32, total: u32) -> bool {
        if total == 0 || self.share.den == 0 {
            return false;
        }
        let lhs = u64::from(count) * u64::from(self.share.den);
        let rhs = u64::from(self.share.num) * u64::from(total);
        match self.comparison {
            Comparison::AtLeast => lhs >= rhs,
            Comparison::MoreThan => lhs > rhs,
        }
    }

    /// The smallest count out of `total` that meets the threshold, if any.
    pub fn minimum_count(&self, total: u32) -> Option<u32> {
        (0..=total).find(|c| self.met(*c, total))
    }
}

/// A vote rule for one award at one council level.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VoteRule {
    /// Award code this rule applies to, or "*" for the default.
    pub award: String,
    /// Level code of the council.
    pub level: String,
    /// The method used unless the secretary picks another one the rule allows.
    pub method: VoteMethod,
    /// Other methods the council's working rule lets the secretary choose per
    /// item (snapshots stored before this field allow only `method`).
    #[serde(default)]
    pub also_allowed: Vec<VoteMethod>,
    pub threshold: Threshold,
    pub denominator: Denominator,
    /// Whether absent members' written opinions count as votes.
    pub count_written_opinions: bool,
    pub quorum: Threshold,
    /// Where the rule comes from, shown to the user.
    pub source: String,
    /// True for values shipped with hoidong rather than set by the council.
    pub is_default: bool,
    /// Share of women (percent) from which a collective goes first among
    /// equal votes: the council's setting when the rule was applied (results
    /// recorded before it was a setting were worked out with 70).
    #[serde(default = "women_share_before_setting")]
    pub women_share: u8,
}

/// The share of women results recorded before the council could set it used.
pub const WOMEN_SHARE_BEFORE_SETTING: u8 = 70;

fn women_share_before_setting() -> u8 {
    WOMEN_SHARE_BEFORE_SETTING
}

impl VoteRule {
    /// Whether a round may use `method` under this rule.
    pub fn allows(&self, method: VoteMethod) -> bool {
        self.method == method || self.also_allowed.contains(&method)
    }

    /// The rule as applied to a round held by `method`: that method in
    /// place of the default (the result and its wording depend on it), or
    /// `None` when the rule does not allow it.
    pub fn applied_with(&self, method: VoteMethod) -> Option<VoteRule> {
        if !self.allows(method) {
            return None;
        }
        let mut also_allowed: Vec<VoteMethod> = self
            .also_allowed
            .iter()
            .copied()
            .filter(|m| *m != method)
            .collect();
        if self.method != method {
            also_allowed.insert(0, self.method);
        }
        Some(VoteRule {
            method,
            also_allowed,
            ..self.clone()
        })
    }

    /// The method after `current` among those the rule allows (the default
    /// first, then the others in the rule's order); `current` itself when it
    /// is the only one.
    pub fn next_method(&self, current: VoteMethod) -> VoteMethod {
        let mut allowed = vec![self.method];
        for m in &self.also_allowed {
            if !allowed.contains(m) {
                allowed.push(*m);
            }
        }
        match allowed.iter().position(|m| *m == current) {
            Some(i) => allowed[(i + 1) % allowed.len()],
            None => self.method,
        }
    }
}

/// The rule for an award at a level: the award's own rule, else the level's default ("*").
pub fn find_rule<'a>(rules: &'a [VoteRule], award: &str, level: &str) -> Option<&'a VoteRule> {
    rules
        .iter()
        .find(|r| r.award == award && r.level == level)
        .or_else(|| rules.iter().find(|r| r.award == "*" && r.level == level))
}

/// Attendance counts needed for a quorum and for the denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AttendanceCounts {
    pub members_total: u32,
    pub present: u32,
    pub absent: u32,
    /// Absent members who sent a written opinion.
    pub written_opinions: u32,
}

impl AttendanceCounts {
    pub fn quorum_met(&self, rule: &Threshold) -> bool {
        rule.met(self.present, self.members_total)
    }
}

/// A secret-ballot round's paper counts (one paper may list many nominees).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BallotCounts {
    pub issued: u32,
    pub returned: u32,
    pub valid: u32,
    pub invalid: u32,
}

/// Votes for one nominee in one round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Tally {
    pub agree: u32,
    pub disagree: u32,
    /// Open vote only: present members who abstained.
    pub abstain: u32,
    /// Agreeing written opinions from absent members.
    pub written_agree: u32,
    /// Disagreeing written opinions from absent members.
    pub written_disagree: u32,
}

/// Why a tally is refused; its wording is in `i18n::labels`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteError {
    NoQuorum {
        present: u32,
        total: u32,
        rule: String,
    },
    ReturnedOverIssued {
        returned: u32,
        issued: u32,
    },
    IssuedOverPresent {
        issued: u32,
        present: u32,
    },
    ValidInvalidMismatch {
        valid: u32,
        invalid: u32,
        returned: u32,
    },
    VotesOverValid {
        agree: u32,
        disagree: u32,
        valid: u32,
    },
    OpenVotesOverPresent {
        sum: u32,
        present: u32,
    },
    WrittenOverAbsent {
        given: u32,
        allowed: u32,
    },
    MeetingClosed,
}

impl std::error::Error for VoteError {}

/// Check a secret-ballot round's paper counts against attendance.
pub fn validate_ballots(att: &AttendanceCounts, b: &BallotCounts) -> Result<(), VoteError> {
    if b.issued > att.present {
        return Err(VoteError::IssuedOverPresent {
            issued: b.issued,
            present: att.present,
        });
    }
    if b.returned > b.issued {
        return Err(VoteError::ReturnedOverIssued {
            returned: b.returned,
            issued: b.issued,
        });
    }
    if b.valid + b.invalid != b.returned {
        return Err(VoteError::ValidInvalidMismatch {
            valid: b.valid,
            invalid: b.invalid,
            returned: b.returned,
        });
    }
    Ok(())
}

/// Check one nominee's tally.
pub fn validate_tally(
    method: VoteMethod,
    att: &AttendanceCounts,
    b: &BallotCounts,
    t: &Tally,
) -> Result<(), VoteError> {
    match method {
        VoteMethod::SecretBallot => {
            if t.agree + t.disagree > b.valid {
                return Err(VoteError::VotesOverValid {
                    agree: t.agree,
                    disagree: t.disagree,
                    valid: b.valid,
                });
            }
        }
        VoteMethod::Open => {
            let sum = t.agree + t.disagree + t.abstain;
            if sum > att.present {
                return Err(VoteError::OpenVotesOverPresent {
                    sum,
                    present: att.present,
                });
            }
        }
    }
    let written = t.written_agree + t.written_disagree;
    if written > att.written_opinions {
        return Err(VoteError::WrittenOverAbsent {
            given: written,
            allowed: att.written_opinions,
        });
    }
    Ok(())
}

/// The worked-out result for one nominee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Votes in favour that count (agree, plus written agreements when the rule counts them).
    pub counted_agree: u32,
    /// What the share is counted on.
    pub denominator: u32,
    /// Share in tenths of a percent, rounded half up (for display only).
    pub share_permille: u32,
    /// Minimum votes in favour that would pass.
    pub needed: Option<u32>,
    pub passed: bool,
}

/// Work out the result of one tally under a rule. Quorum is checked first.
pub fn evaluate(
    rule: &VoteRule,
    att: &AttendanceCounts,
    ballots: &BallotCounts,
    tally: &Tally,
) -> Result<Outcome, VoteError> {
    if !att.quorum_met(&rule.quorum) {
        return Err(VoteError::NoQuorum {
            present: att.present,
            total: att.members_total,
            rule: rule.quorum.share.label(),
        });
    }
    let written = if rule.count_written_opinions {
        (
            tally.written_agree,
            tally.written_agree + tally.written_disagree,
        )
    } else {
        (0, 0)
    };
    let counted_agree = tally.agree + written.0;
    let denominator = match rule.denominator {
        Denominator::AllMembers => att.members_total,
        Denominator::Present => att.present + written.1,
        Denominator::ValidBallots => match rule.method {
            VoteMethod::SecretBallot => ballots.valid + written.1,
            VoteMethod::Open => tally.agree + tally.disagree + tally.abstain + written.1,
        },
    };
    let passed = rule.threshold.met(counted_agree, denominator);
    Ok(Outcome {
        counted_agree,
        denominator,
        share_permille: permille(counted_agree, denominator),
        needed: rule.threshold.minimum_count(denominator),
        passed,
    })
}

/// count / total in tenths of a percent, rounded half up.
pub fn permille(count: u32, total: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    let scaled = u64::from(count) * 2000 + u64::from(total);
    (scaled / (2 * u64::from(total))) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(num: u32, den: u32, cmp: Comparison, d: Denominator) -> VoteRule {
        VoteRule {
            award: "*".into(),
            level: "ward".into(),
            method: VoteMethod::SecretBallot,
            also_allowed: Vec::new(),
            threshold: Threshold {
                share: Share::new(num, den),
                comparison: cmp,
            },
            denominator: d,
            count_written_opinions: true,
            quorum: Threshold {
                share: Share::new(2, 3),
                comparison: Comparison::AtLeast,
            },
            source: "test".into(),
            is_default: true,
            women_share: 70,
        }
    }

    fn att(total: u32, present: u32, written: u32) -> AttendanceCounts {
        AttendanceCounts {
            members_total: total,
            present,
            absent: total - present,
            written_opinions: written,
        }
    }

    #[test]
    fn exact_boundaries() {
        let at_least_70 = Threshold {
            share: Share::new(70, 100),
            comparison: Comparison::AtLeast,
        };
        assert!(at_least_70.met(7, 10));
        assert!(!at_least_70.met(6, 10));
        let more_than_half = Threshold {
            share: Share::new(1, 2),
            comparison: Comparison::MoreThan,
        };
        assert!(!more_than_half.met(5, 10));
        assert!(more_than_half.met(6, 10));
        let two_thirds = Threshold {
            share: Share::new(2, 3),
            comparison: Comparison::AtLeast,
        };
        assert!(two_thirds.met(6, 9));
        assert!(!two_thirds.met(5, 9));
        assert_eq!(two_thirds.minimum_count(11), Some(8));
    }

    #[test]
    fn eighty_percent_of_all_members() {
        let r = rule(80, 100, Comparison::AtLeast, Denominator::AllMembers);
        let a = att(11, 9, 2);
        let b = BallotCounts {
            issued: 9,
            returned: 9,
            valid: 9,
            invalid: 0,
        };
        // 8 of 11 = 72.7% fails even though 8 of 9 present agree
        let t = Tally {
            agree: 8,
            disagree: 1,
            ..Tally::default()
        };
        let o = evaluate(&r, &a, &b, &t).unwrap_or_else(|e| panic!("{e}"));
        assert!(!o.passed);
        assert_eq!(o.share_permille, 727);
        assert_eq!(o.needed, Some(9));
        // with one written agreement: 9 of 11 = 81.8%
        let t = Tally {
            written_agree: 1,
            ..t
        };
        let o = evaluate(&r, &a, &b, &t).unwrap_or_else(|e| panic!("{e}"));
        assert!(o.passed);
        assert_eq!(o.share_permille, 818);
    }

    #[test]
    fn no_quorum_no_vote() {
        let r = rule(1, 2, Comparison::MoreThan, Denominator::AllMembers);
        let err = evaluate(
            &r,
            &att(12, 7, 0),
            &BallotCounts::default(),
            &Tally::default(),
        );
        assert!(matches!(err, Err(VoteError::NoQuorum { .. })));
        assert!(
            evaluate(
                &r,
                &att(12, 8, 0),
                &BallotCounts::default(),
                &Tally::default()
            )
            .is_ok()
        );
    }

    #[test]
    fn ballot_validation() {
        let a = att(10, 8, 0);
        let ok = BallotCounts {
            issued: 8,
            returned: 8,
            valid: 7,
            invalid: 1,
        };
        assert_eq!(validate_ballots(&a, &ok), Ok(()));
        assert!(matches!(
            validate_ballots(&a, &BallotCounts { issued: 9, ..ok }),
            Err(VoteError::IssuedOverPresent { .. })
        ));
        assert!(matches!(
            validate_ballots(&a, &BallotCounts { issued: 7, ..ok }),
            Err(VoteError::ReturnedOverIssued { .. })
        ));
        assert!(matches!(
            validate_ballots(&a, &BallotCounts { invalid: 0, ..ok }),
            Err(VoteError::ValidInvalidMismatch { .. })
        ));
        let t = Tally {
            agree: 6,
            disagree: 2,
            ..Tally::default()
        };
        assert!(matches!(
            validate_tally(VoteMethod::SecretBallot, &a, &ok, &t),
            Err(VoteError::VotesOverValid { .. })
        ));
    }

    #[test]
    fn methods_the_rule_allows() {
        let mut r = rule(1, 2, Comparison::MoreThan, Denominator::AllMembers);
        assert!(r.allows(VoteMethod::SecretBallot));
        assert!(!r.allows(VoteMethod::Open));
        assert_eq!(
            r.next_method(VoteMethod::SecretBallot),
            VoteMethod::SecretBallot
        );
        r.also_allowed = vec![VoteMethod::Open];
        assert!(r.allows(VoteMethod::Open));
        assert_eq!(r.next_method(VoteMethod::SecretBallot), VoteMethod::Open);
        assert_eq!(r.next_method(VoteMethod::Open), VoteMethod::SecretBallot);
        // A snapshot stored before the field existed allows only its method.
        let mut old = serde_json::to_value(&r).unwrap_or_else(|e| panic!("{e}"));
        if let Some(o) = old.as_object_mut() {
            o.remove("also_allowed");
        }
        let old: VoteRule = serde_json::from_value(old).unwrap_or_else(|e| panic!("{e}"));
        assert!(!old.allows(VoteMethod::Open));
        assert!(old.applied_with(VoteMethod::Open).is_none());
        // Applied by show of hands, the rule counts "valid" on those voting.
        let open = r
            .applied_with(VoteMethod::Open)
            .unwrap_or_else(|| panic!("open allowed"));
        assert_eq!(open.method, VoteMethod::Open);
        assert!(open.allows(VoteMethod::SecretBallot));
        assert_eq!(open.threshold, r.threshold);
    }

    #[test]
    fn permille_rounds_half_up() {
        assert_eq!(permille(2, 3), 667);
        assert_eq!(permille(1, 3), 333);
        assert_eq!(permille(7, 10), 700);
        assert_eq!(permille(0, 0), 0);
    }
}
