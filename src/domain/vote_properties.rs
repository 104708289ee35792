//! Property tests of the result engine in `vote`: thresholds exact against
//! rational arithmetic, more agreement never turns a pass into a fail, quorum
//! monotone in attendance, validation rejecting exactly the inconsistent counts.

use proptest::prelude::*;

use super::vote::{
    AttendanceCounts, BallotCounts, Comparison, Denominator, Share, Tally, Threshold, VoteMethod,
    VoteRule, evaluate, validate_ballots, validate_tally,
};

fn threshold() -> impl Strategy<Value = Threshold> {
    (1u32..=100, 1u32..=100, any::<bool>()).prop_map(|(a, b, at_least)| Threshold {
        share: Share::new(a.min(b), a.max(b)),
        comparison: if at_least {
            Comparison::AtLeast
        } else {
            Comparison::MoreThan
        },
    })
}

fn rule() -> impl Strategy<Value = VoteRule> {
    (
        threshold(),
        prop_oneof![
            Just(Denominator::AllMembers),
            Just(Denominator::Present),
            Just(Denominator::ValidBallots)
        ],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(threshold, denominator, secret, written)| VoteRule {
            award: "*".into(),
            level: "ward".into(),
            method: if secret {
                VoteMethod::SecretBallot
            } else {
                VoteMethod::Open
            },
            also_allowed: Vec::new(),
            threshold,
            denominator,
            count_written_opinions: written,
            // Quorum is not under test here: any attendance meets it.
            quorum: Threshold {
                share: Share::new(0, 1),
                comparison: Comparison::AtLeast,
            },
            source: "test".into(),
            is_default: true,
            women_share: 70,
        })
}

/// A consistent meeting: attendance, paper counts and one tally that validate.
fn consistent() -> impl Strategy<Value = (VoteRule, AttendanceCounts, BallotCounts, Tally)> {
    (rule(), 1u32..40)
        .prop_flat_map(|(rule, total)| (Just(rule), Just(total), 1..=total))
        .prop_flat_map(|(rule, total, present)| {
            let absent = total - present;
            (
                Just(rule),
                Just(total),
                Just(present),
                0..=absent,
                0..=present,
            )
        })
        .prop_flat_map(|(rule, total, present, written, valid)| {
            (
                Just(rule),
                Just(AttendanceCounts {
                    members_total: total,
                    present,
                    absent: total - present,
                    written_opinions: written,
                }),
                Just(BallotCounts {
                    issued: present,
                    returned: present,
                    valid,
                    invalid: present - valid,
                }),
                0..=valid,
                0..=written,
            )
        })
        .prop_flat_map(|(rule, att, b, agree, wa)| {
            let cap = if rule.method == VoteMethod::SecretBallot {
                b.valid
            } else {
                att.present
            };
            (
                Just(rule),
                Just(att),
                Just(b),
                Just(agree),
                0..=cap - agree,
                Just(wa),
                0..=att.written_opinions - wa,
            )
        })
        .prop_map(|(rule, att, b, agree, disagree, wa, wd)| {
            let tally = Tally {
                agree,
                disagree,
                abstain: 0,
                written_agree: wa,
                written_disagree: wd,
            };
            (rule, att, b, tally)
        })
}

proptest! {
    #[test]
    fn met_is_exact(count in 0u32..=u32::MAX, total in 0u32..=u32::MAX, th in threshold()) {
        let exact = total > 0 && {
            let lhs = count as u128 * th.share.den as u128;
            let rhs = th.share.num as u128 * total as u128;
            match th.comparison {
                Comparison::AtLeast => lhs >= rhs,
                Comparison::MoreThan => lhs > rhs,
            }
        };
        prop_assert_eq!(th.met(count, total), exact);
    }

    #[test]
    fn minimum_count_is_the_boundary(total in 1u32..500, th in threshold()) {
        if let Some(c) = th.minimum_count(total) {
            prop_assert!(th.met(c, total));
            prop_assert!(c == 0 || !th.met(c - 1, total));
        } else {
            prop_assert!(!th.met(total, total));
        }
    }

    #[test]
    fn more_agree_never_turns_pass_into_fail((rule, att, b, tally) in consistent()) {
        let before = evaluate(&rule, &att, &b, &tally).unwrap();
        prop_assume!(before.passed);
        if tally.disagree > 0 {
            let moved = Tally { agree: tally.agree + 1, disagree: tally.disagree - 1, ..tally };
            prop_assert!(validate_tally(rule.method, &att, &b, &moved).is_ok());
            prop_assert!(evaluate(&rule, &att, &b, &moved).unwrap().passed);
        }
        let cap = if rule.method == VoteMethod::SecretBallot { b.valid } else { att.present };
        if tally.agree + tally.disagree < cap {
            let more = Tally { agree: tally.agree + 1, ..tally };
            prop_assert!(evaluate(&rule, &att, &b, &more).unwrap().passed);
        }
        if tally.written_disagree > 0 {
            let turned = Tally {
                written_agree: tally.written_agree + 1,
                written_disagree: tally.written_disagree - 1,
                ..tally
            };
            prop_assert!(evaluate(&rule, &att, &b, &turned).unwrap().passed);
        }
    }

    #[test]
    fn switching_method_stays_within_the_rule(mut rule in rule(), open_too in any::<bool>(), steps in 0usize..5) {
        if open_too {
            rule.also_allowed = vec![VoteMethod::Open, VoteMethod::SecretBallot];
        }
        let mut m = rule.method;
        for _ in 0..steps {
            m = rule.next_method(m);
            prop_assert!(rule.allows(m));
        }
        // Two steps always come back: the rule allows at most two methods.
        prop_assert_eq!(rule.next_method(rule.next_method(m)), m);
        prop_assert_eq!(rule.next_method(rule.method) != rule.method, open_too);
    }

    #[test]
    fn quorum_is_monotone_in_present(total in 1u32..200, p in 0u32..200, q in 0u32..200, th in threshold()) {
        let (lo, hi) = (p.min(q).min(total), p.max(q).min(total));
        let at = |present| AttendanceCounts { members_total: total, present, absent: total - present, written_opinions: 0 };
        if at(lo).quorum_met(&th) {
            prop_assert!(at(hi).quorum_met(&th));
        }
    }

    #[test]
    fn validation_rejects_exactly_the_inconsistent(
        present in 0u32..30, written in 0u32..5,
        issued in 0u32..35, returned in 0u32..35, valid in 0u32..35, invalid in 0u32..35,
        agree in 0u32..35, disagree in 0u32..35, abstain in 0u32..35, wa in 0u32..5, wd in 0u32..5,
    ) {
        let att = AttendanceCounts { members_total: present + written, present, absent: written, written_opinions: written };
        let b = BallotCounts { issued, returned, valid, invalid };
        let consistent_papers = issued <= present && returned <= issued && valid + invalid == returned;
        prop_assert_eq!(validate_ballots(&att, &b).is_ok(), consistent_papers);
        let tally = Tally { agree, disagree, abstain, written_agree: wa, written_disagree: wd };
        let written_ok = wa + wd <= written;
        prop_assert_eq!(
            validate_tally(VoteMethod::SecretBallot, &att, &b, &tally).is_ok(),
            agree + disagree <= valid && written_ok
        );
        prop_assert_eq!(
            validate_tally(VoteMethod::Open, &att, &b, &tally).is_ok(),
            agree + disagree + abstain <= present && written_ok
        );
    }
}

#[test]
fn boundaries_are_exact() {
    let th = |num, den, comparison| Threshold {
        share: Share::new(num, den),
        comparison,
    };
    assert!(th(70, 100, Comparison::AtLeast).met(7, 10));
    assert!(!th(70, 100, Comparison::AtLeast).met(6, 10));
    assert!(!th(1, 2, Comparison::MoreThan).met(5, 10));
    assert!(th(1, 2, Comparison::MoreThan).met(6, 10));
    // 80% of 11 members: 9 passes (81.8%), 8 fails (72.7%).
    assert!(th(80, 100, Comparison::AtLeast).met(9, 11));
    assert!(!th(80, 100, Comparison::AtLeast).met(8, 11));
    assert_eq!(th(80, 100, Comparison::AtLeast).minimum_count(10), Some(8));
}
