use chrono::NaiveDate;
use proptest::prelude::*;

use super::ReferralStatus as S;
use super::*;
use crate::i18n::Lang;

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, day).unwrap_or_else(|| panic!("bad day {day}"))
}

fn conferral(day: u32) -> ReferralEvent {
    ReferralEvent::Confer {
        conferral: Conferral {
            number: "125/QĐ-UBND".into(),
            date: d(day),
            authority: "Chủ tịch UBND tỉnh".into(),
        },
    }
}

fn run(events: &[ReferralEvent]) -> Result<ReferralState, ReferralError> {
    let mut s = ReferralState::prepared(d(1));
    for e in events {
        s = transition(&s, e)?;
    }
    Ok(s)
}

#[test]
fn the_whole_path_with_a_return() {
    let s = run(&[
        ReferralEvent::Send { date: d(2) },
        ReferralEvent::Return {
            date: d(5),
            reason: "Thiếu biên bản họp Hội đồng".into(),
        },
        ReferralEvent::Resend { date: d(8) },
        ReferralEvent::Approve { date: d(12) },
        conferral(20),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.status, S::Conferred);
    assert_eq!(s.last_date, d(20));
}

#[test]
fn refused_and_forwarded_are_final() {
    let sent = run(&[ReferralEvent::Send { date: d(2) }]).unwrap_or_else(|e| panic!("{e}"));
    let refused = transition(
        &sent,
        &ReferralEvent::Refuse {
            date: d(3),
            reason: "Chưa đủ tiêu chuẩn".into(),
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refused.status, S::Refused);
    let err = transition(&refused, &conferral(4)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot confer a referral that is refused (Không được chấp thuận)"
    );
    let forwarded = run(&[
        ReferralEvent::Send { date: d(2) },
        ReferralEvent::Approve { date: d(3) },
        ReferralEvent::Forward { date: d(4) },
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(forwarded.status, S::Forwarded);
    assert!(transition(&forwarded, &ReferralEvent::Resend { date: d(5) }).is_err());
}

#[test]
fn illegal_steps_and_bad_input_are_refused() {
    // Cannot resend what was never returned, nor confer what was never sent.
    assert!(run(&[ReferralEvent::Resend { date: d(2) }]).is_err());
    assert!(run(&[conferral(2)]).is_err());
    let e = run(&[
        ReferralEvent::Send { date: d(2) },
        ReferralEvent::Return {
            date: d(3),
            reason: "  ".into(),
        },
    ])
    .unwrap_err();
    assert_eq!(e.to_string(), "return: the reason must not be empty");
    let e = run(&[
        ReferralEvent::Send { date: d(5) },
        ReferralEvent::Approve { date: d(4) },
    ])
    .unwrap_err();
    assert!(
        e.to_string().contains("before the referral's last step"),
        "{e}"
    );
    let e = run(&[
        ReferralEvent::Send { date: d(2) },
        ReferralEvent::Confer {
            conferral: Conferral {
                number: String::new(),
                date: d(3),
                authority: "Chủ tịch UBND tỉnh".into(),
            },
        },
    ])
    .unwrap_err();
    assert!(e.to_string().contains("decision number"), "{e}");
}

#[test]
fn codes_round_trip() {
    for s in S::ALL {
        assert_eq!(S::from_code(s.code()), Some(s));
        assert!(!s.label(Lang::Vi).is_empty() && !s.label(Lang::En).is_empty());
    }
}

/// The allowed moves, written out as a table apart from `transition`.
const ALLOWED: &[(S, &str, S)] = &[
    (S::Prepared, "send", S::Sent),
    (S::Sent, "return", S::Returned),
    (S::Resent, "return", S::Returned),
    (S::Returned, "resend", S::Resent),
    (S::Sent, "approve", S::Approved),
    (S::Resent, "approve", S::Approved),
    (S::Sent, "refuse", S::Refused),
    (S::Resent, "refuse", S::Refused),
    (S::Approved, "refuse", S::Refused),
    (S::Sent, "confer", S::Conferred),
    (S::Resent, "confer", S::Conferred),
    (S::Approved, "confer", S::Conferred),
    (S::Approved, "forward", S::Forwarded),
    (S::Prepared, "withdraw", S::Withdrawn),
    (S::Sent, "withdraw", S::Withdrawn),
    (S::Returned, "withdraw", S::Withdrawn),
    (S::Resent, "withdraw", S::Withdrawn),
    (S::Approved, "withdraw", S::Withdrawn),
];

fn arb_event() -> impl Strategy<Value = ReferralEvent> {
    (0u8..8, 1u32..29, any::<bool>()).prop_map(|(k, day, blank)| {
        let date = d(day);
        let text = if blank {
            String::new()
        } else {
            "lý do".to_string()
        };
        match k {
            0 => ReferralEvent::Send { date },
            1 => ReferralEvent::Return { date, reason: text },
            2 => ReferralEvent::Resend { date },
            3 => ReferralEvent::Approve { date },
            4 => ReferralEvent::Refuse { date, reason: text },
            5 => ReferralEvent::Confer {
                conferral: Conferral {
                    number: text,
                    date,
                    authority: "Chủ tịch UBND tỉnh".into(),
                },
            },
            6 => ReferralEvent::Forward { date },
            _ => ReferralEvent::Withdraw { date, reason: text },
        }
    })
}

proptest! {
    #[test]
    fn only_listed_moves_are_accepted(events in proptest::collection::vec(arb_event(), 0..25)) {
        let mut state = ReferralState::prepared(d(1));
        for e in &events {
            let listed = ALLOWED
                .iter()
                .find(|(from, name, _)| *from == state.status && *name == e.name())
                .map(|(_, _, to)| *to);
            let text_ok = match e {
                ReferralEvent::Confer { conferral } => !conferral.number.is_empty(),
                ReferralEvent::Return { reason, .. }
                | ReferralEvent::Refuse { reason, .. }
                | ReferralEvent::Withdraw { reason, .. } => !reason.is_empty(),
                _ => true,
            };
            let valid = listed.is_some() && e.date() >= state.last_date && text_ok;
            match transition(&state, e) {
                Ok(next) => {
                    prop_assert!(valid, "accepted {:?} from {:?}", e, state);
                    prop_assert_eq!(Some(next.status), listed);
                    prop_assert!(next.last_date >= state.last_date);
                    state = next;
                }
                Err(_) => prop_assert!(!valid, "refused {:?} from {:?}", e, state),
            }
        }
        // Once final, nothing moves it again.
        if !state.status.is_open() {
            for k in 0..8u8 {
                let e = arb_event_fixed(k);
                prop_assert!(transition(&state, &e).is_err());
            }
        }
    }
}

fn arb_event_fixed(k: u8) -> ReferralEvent {
    let date = d(28);
    let reason = "lý do".to_string();
    match k {
        0 => ReferralEvent::Send { date },
        1 => ReferralEvent::Return { date, reason },
        2 => ReferralEvent::Resend { date },
        3 => ReferralEvent::Approve { date },
        4 => ReferralEvent::Refuse { date, reason },
        5 => conferral(28),
        6 => ReferralEvent::Forward { date },
        _ => ReferralEvent::Withdraw { date, reason },
    }
}

proptest! {
    /// The step's code is the tag the event is stored under, and a refusal
    /// names the step the event was.
    #[test]
    fn a_step_kind_is_the_stored_tag_of_its_event(e in arb_event()) {
        let stored = serde_json::to_value(&e).unwrap_or_default();
        prop_assert_eq!(stored["event"].as_str(), Some(e.kind().name()));
        let state = ReferralState::prepared(d(1));
        if let Err(ReferralError::Illegal { event, .. } | ReferralError::Missing { event, .. }) =
            transition(&state, &e)
        {
            prop_assert_eq!(event, e.kind());
        }
    }
}
