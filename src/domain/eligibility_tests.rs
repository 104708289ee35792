use proptest::prelude::*;

use super::*;
use crate::domain::award::Catalogue;
use crate::i18n::Lang;
use crate::refdata;

fn catalogue() -> Catalogue {
    refdata::built_in()
        .unwrap_or_else(|e| panic!("{e}"))
        .catalogue
}

fn rules() -> EligibilityRules {
    EligibilityRules::built_in().unwrap_or_else(|e| panic!("{e}"))
}

fn held(award: &str, years: &[i32]) -> Vec<HeldAward> {
    years
        .iter()
        .map(|&year| HeldAward {
            award_code: award.into(),
            year,
            merit: None,
        })
        .collect()
}

fn one_rule(c: Condition) -> EligibilityRules {
    EligibilityRules {
        awards: vec![AwardRules {
            award: "bk_tinh".into(),
            basis: String::new(),
            routes: vec![Route {
                name: "r".into(),
                name_en: "r".into(),
                recipients: vec![],
                conditions: vec![c],
            }],
        }],
    }
}

fn verdict(rules: &EligibilityRules, award: &str, year: i32, h: &[HeldAward]) -> Verdict {
    rules
        .evaluate(
            &catalogue(),
            award,
            RecipientClass::Individual,
            year,
            h,
            None,
        )
        .verdict
}

#[test]
fn built_in_rules_match_the_catalogue() {
    let problems = rules().check(&catalogue());
    assert!(problems.is_empty(), "{problems:?}");
    for code in [
        "ldtt",
        "cstdcs",
        "cstd_tinh",
        "bk_tinh",
        "bk_ttg",
        "hcld3",
        "cstd_tq",
    ] {
        assert!(rules().for_award(code).is_some(), "{code}");
    }
}

#[test]
fn consecutive_exactly_n_years_up_to_the_proposal() {
    let r = rules();
    let ok = verdict(&r, "cstd_tinh", 2025, &held("cstdcs", &[2023, 2024, 2025]));
    assert_eq!(
        ok,
        Verdict::ToConfirm { route: 0 },
        "initiative still to confirm"
    );
    let e = r.evaluate(
        &catalogue(),
        "bk_tinh",
        RecipientClass::Individual,
        2025,
        &held("cstdcs", &[2024, 2025]),
        None,
    );
    assert_eq!(e.verdict, Verdict::Eligible { route: 0 });
}

#[test]
fn consecutive_with_a_gap_names_the_missing_year() {
    let e = rules().evaluate(
        &catalogue(),
        "cstd_tinh",
        RecipientClass::Individual,
        2025,
        &held("cstdcs", &[2021, 2022, 2024, 2025]),
        None,
    );
    assert_eq!(e.verdict, Verdict::Ineligible);
    let c = &e.routes[0].conditions[0];
    assert_eq!(c.status, Status::Failed);
    assert!(matches!(&c.finding, Finding::Streak { missing, .. } if missing == &vec![2023]));
    assert!(
        c.explain(Lang::Vi).contains("thiếu năm 2023"),
        "{}",
        c.explain(Lang::Vi)
    );
    assert!(c.explain(Lang::En).contains("missing 2023"));
}

#[test]
fn consecutive_one_year_short_fails() {
    let v = verdict(&rules(), "cstd_tinh", 2025, &held("cstdcs", &[2024, 2025]));
    assert_eq!(v, Verdict::Ineligible);
}

#[test]
fn consecutive_window_edge() {
    // A streak that ends the year before the proposal does not reach it...
    let h = held("cstdcs", &[2022, 2023, 2024]);
    assert_eq!(
        verdict(&rules(), "cstd_tinh", 2025, &h),
        Verdict::Ineligible
    );
    // ...unless the rule says windows end the year before.
    let r = one_rule(Condition::Consecutive {
        awards: vec!["cstdcs".into()],
        years: 3,
        counts: vec![MeritKind::Merit],
        ending: Ending::YearBefore,
    });
    assert_eq!(
        verdict(&r, "bk_tinh", 2025, &h),
        Verdict::Eligible { route: 0 }
    );
    // Awards after the proposal year are not counted.
    let later = held("cstdcs", &[2024, 2026]);
    assert_eq!(
        verdict(&rules(), "bk_tinh", 2025, &later),
        Verdict::Ineligible
    );
}

#[test]
fn at_least_within_a_window() {
    let r = one_rule(Condition::AtLeast {
        awards: vec!["cstdcs".into()],
        times: 3,
        within_years: 5,
        counts: vec![MeritKind::Merit],
        ending: Ending::ProposalYear,
    });
    // Window 2021–2025: the first year of the window counts.
    let at_edge = held("cstdcs", &[2021, 2023, 2025]);
    assert_eq!(
        verdict(&r, "bk_tinh", 2025, &at_edge),
        Verdict::Eligible { route: 0 }
    );
    // 2020 is outside it.
    let outside = held("cstdcs", &[2020, 2023, 2025]);
    let e = r.evaluate(
        &catalogue(),
        "bk_tinh",
        RecipientClass::Individual,
        2025,
        &outside,
        None,
    );
    assert_eq!(e.verdict, Verdict::Ineligible);
    assert!(
        e.explain(Lang::En).contains("held 2"),
        "{}",
        e.explain(Lang::En)
    );
    assert!(e.explain(Lang::Vi).contains("có 2 lần"));
}

#[test]
fn years_since_boundaries() {
    let r = one_rule(Condition::YearsSince {
        awards: vec!["bk_ttg".into()],
        years: 5,
        counts: vec![MeritKind::Merit],
    });
    assert_eq!(
        verdict(&r, "bk_tinh", 2025, &held("bk_ttg", &[2020])),
        Verdict::Eligible { route: 0 }
    );
    assert_eq!(
        verdict(&r, "bk_tinh", 2025, &held("bk_ttg", &[2021])),
        Verdict::Ineligible
    );
    // The latest one counts.
    assert_eq!(
        verdict(&r, "bk_tinh", 2025, &held("bk_ttg", &[2015, 2022])),
        Verdict::Ineligible
    );
    let never = r.evaluate(
        &catalogue(),
        "bk_tinh",
        RecipientClass::Individual,
        2025,
        &[],
        None,
    );
    assert_eq!(never.verdict, Verdict::Ineligible);
    assert!(never.explain(Lang::En).contains("never held"));
}

#[test]
fn one_off_and_movement_awards_do_not_count() {
    let mut h = held("cstdcs", &[2016, 2018, 2020, 2021, 2022, 2023, 2024, 2025]);
    h.extend(held("ldtt", &[2017, 2019]));
    h.push(HeldAward {
        award_code: "bk_tinh".into(),
        year: 2019,
        merit: Some(MeritKind::OneOff),
    });
    let e = rules().evaluate(
        &catalogue(),
        "bk_ttg",
        RecipientClass::Individual,
        2025,
        &h,
        None,
    );
    assert_eq!(e.verdict, Verdict::Ineligible);
    let holds = &e.routes[0].conditions[0];
    assert_eq!(holds.status, Status::Failed);
    assert_eq!(holds.excluded, 1);
    assert!(holds.explain(Lang::Vi).contains("không được tính"));
    // The same award recorded as merit is a basis.
    h.last_mut().unwrap_or_else(|| panic!()).merit = None;
    let v = verdict(&rules(), "bk_ttg", 2025, &h);
    assert_eq!(v, Verdict::Eligible { route: 0 });
    // Giấy khen is a movement award in the catalogue: it never counts as merit.
    let r = one_rule(Condition::Holds {
        awards: vec!["giay_khen".into()],
        counts: vec![MeritKind::Merit],
    });
    assert_eq!(
        verdict(&r, "bk_tinh", 2025, &held("giay_khen", &[2024])),
        Verdict::Ineligible
    );
}

#[test]
fn routes_recipients_and_hold_back() {
    // No route of bk_tinh is for collectives: nothing to check on the register.
    let e = rules().evaluate(
        &catalogue(),
        "bk_tinh",
        RecipientClass::Collective,
        2025,
        &[],
        None,
    );
    assert_eq!(e.verdict, Verdict::NoRule);
    assert!(!e.needs_override());
    let e = rules().evaluate(
        &catalogue(),
        "bk_tinh",
        RecipientClass::Individual,
        2025,
        &held("cstdcs", &[2024, 2025]),
        Some("đang bị xem xét kỷ luật"),
    );
    assert_eq!(e.verdict, Verdict::HeldBack);
    assert!(e.needs_override());
    assert!(e.summary(Lang::Vi).contains("tạm hoãn"));
    // Any one route suffices: the second route holds.
    let mut r = one_rule(Condition::Holds {
        awards: vec!["hcld1".into()],
        counts: vec![MeritKind::Merit],
    });
    r.awards[0].routes.push(Route {
        name: "b".into(),
        name_en: "b".into(),
        recipients: vec![],
        conditions: vec![Condition::Holds {
            awards: vec!["ldtt".into()],
            counts: vec![MeritKind::Merit],
        }],
    });
    assert_eq!(
        verdict(&r, "bk_tinh", 2025, &held("ldtt", &[2020])),
        Verdict::Eligible { route: 1 }
    );
}

#[test]
fn check_reports_unknown_codes() {
    let r = one_rule(Condition::Holds {
        awards: vec!["no_such".into()],
        counts: vec![MeritKind::Merit],
    });
    let p = r.check(&catalogue());
    assert_eq!(p.len(), 1);
    assert!(p[0].contains("no_such"));
}

const CODES: [&str; 4] = ["ldtt", "cstdcs", "bk_tinh", "giay_khen"];

fn arb_entry() -> impl Strategy<Value = HeldAward> {
    (
        0..CODES.len(),
        2015i32..2028,
        prop_oneof![
            Just(None),
            Just(Some(MeritKind::Merit)),
            Just(Some(MeritKind::OneOff))
        ],
    )
        .prop_map(|(a, year, merit)| HeldAward {
            award_code: CODES[a].into(),
            year,
            merit,
        })
}

fn arb_monotone_condition() -> impl Strategy<Value = Condition> {
    let awards = proptest::sample::subsequence(CODES.to_vec(), 1..3)
        .prop_map(|v| v.into_iter().map(String::from).collect::<Vec<_>>());
    let counts = prop_oneof![
        Just(vec![MeritKind::Merit]),
        Just(vec![
            MeritKind::Merit,
            MeritKind::Movement,
            MeritKind::OneOff
        ])
    ];
    (awards, counts, 1u32..6, 1u32..8, any::<bool>(), 0..3u8).prop_map(
        |(awards, counts, n, y, before, shape)| {
            let ending = if before {
                Ending::YearBefore
            } else {
                Ending::ProposalYear
            };
            match shape {
                0 => Condition::Consecutive {
                    awards,
                    years: n,
                    counts,
                    ending,
                },
                1 => Condition::AtLeast {
                    awards,
                    times: n,
                    within_years: y,
                    counts,
                    ending,
                },
                _ => Condition::Holds { awards, counts },
            }
        },
    )
}

proptest! {
    #[test]
    fn adding_an_award_never_makes_a_nominee_ineligible(
        conditions in proptest::collection::vec(arb_monotone_condition(), 1..4),
        history in proptest::collection::vec(arb_entry(), 0..12),
        extra in arb_entry(),
        year in 2018i32..2028,
    ) {
        let mut r = one_rule(Condition::Holds { awards: vec!["ldtt".into()], counts: vec![MeritKind::Merit] });
        r.awards[0].routes[0].conditions = conditions;
        let before = verdict(&r, "bk_tinh", year, &history);
        let mut more = history.clone();
        more.push(extra);
        let after = verdict(&r, "bk_tinh", year, &more);
        if before == (Verdict::Eligible { route: 0 }) {
            prop_assert_eq!(after, Verdict::Eligible { route: 0 });
        }
    }

    #[test]
    fn the_verdict_agrees_with_the_routes(
        history in proptest::collection::vec(arb_entry(), 0..15),
        year in 2018i32..2028,
        award in proptest::sample::select(vec!["cstd_tinh", "bk_tinh", "bk_ttg", "hcld3", "cstd_tq"]),
    ) {
        let e = rules().evaluate(&catalogue(), award, RecipientClass::Individual, year, &history, None);
        match e.verdict {
            Verdict::Eligible { route } => prop_assert_eq!(e.routes[route].status(), Status::Met),
            Verdict::ToConfirm { route } => {
                prop_assert_eq!(e.routes[route].status(), Status::ToConfirm);
                prop_assert!(e.routes.iter().all(|r| r.status() != Status::Met));
            }
            Verdict::Ineligible => prop_assert!(e.routes.iter().all(|r| r.status() == Status::Failed)),
            other => prop_assert!(false, "unexpected {:?}", other),
        }
        prop_assert!(!e.explain(Lang::Vi).is_empty() && !e.explain(Lang::En).is_empty());
    }
}
