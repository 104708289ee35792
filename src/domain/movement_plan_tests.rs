use super::*;
use crate::domain::criteria::Criterion;
use crate::domain::nominee::NomineeKind;

fn plan() -> MovementPlan {
    MovementPlan {
        movement: Movement {
            id: 0,
            code: "tb-2026".into(),
            name: "Thi đua xây dựng phường văn minh".into(),
            plan_number: "12/KH-UBND".into(),
            plan_date: "2026-02-10".into(),
            issuing_body: "UBND phường Tân Bình".into(),
            based_on: String::new(),
            phases: vec![
                Phase {
                    name: "Giai đoạn 1".into(),
                    start_year: 2026,
                    end_year: 2028,
                    review_year: 2028,
                },
                Phase {
                    name: "Giai đoạn 2".into(),
                    start_year: 2029,
                    end_year: 2030,
                    review_year: 2031,
                },
            ],
        },
        groups: vec![CriteriaGroup {
            code: "1".into(),
            title: "Người dân".into(),
            subjects: "Người dân trên địa bàn".into(),
            kinds: vec![NomineeKind::Resident],
            criteria: vec![
                Criterion {
                    code: "1.1".into(),
                    text: "Chấp hành pháp luật".into(),
                    max_score: 10,
                    weight: 1.0,
                },
                Criterion {
                    code: "1.2".into(),
                    text: "Tham gia vệ sinh môi trường".into(),
                    max_score: 20,
                    weight: 1.5,
                },
            ],
        }],
    }
}

fn problems(p: &MovementPlan) -> Vec<(PlanPlace, PlanProblem)> {
    check_plan(p)
        .into_iter()
        .map(|i| (i.place, i.problem))
        .collect()
}

#[test]
fn a_sound_plan_passes() {
    assert_eq!(problems(&plan()), vec![]);
}

#[test]
fn maxima_and_weights_are_bounded_and_codes_unique() {
    let mut p = plan();
    p.groups[0].criteria[0].max_score = 0;
    p.groups[0].criteria[1].weight = 0.0;
    p.groups[0].criteria[1].code = "1.1".into();
    let got = problems(&p);
    let c = PlanPlace::Criterion("1.1".into());
    assert!(got.contains(&(c.clone(), PlanProblem::MaxScore { max: 0 })));
    assert!(got.contains(&(c.clone(), PlanProblem::DuplicateCriterion)));
    assert!(got.contains(&(c, PlanProblem::Weight { weight: 0.0 })));
    assert!(!weight_ok(f64::NAN));
    assert!(!max_score_ok(MAX_SCORE_LIMIT + 1));
    assert!(max_score_ok(MAX_SCORE_LIMIT));
}

#[test]
fn phases_go_in_order() {
    let mut p = plan();
    p.movement.phases[1].start_year = 2028;
    assert_eq!(
        problems(&p),
        vec![(
            PlanPlace::Phase(2),
            PlanProblem::PhaseOverlap {
                previous_end: 2028,
                start: 2028
            }
        )]
    );
    let mut p = plan();
    p.movement.phases[0].end_year = 2025;
    assert!(
        problems(&p)
            .iter()
            .any(|(place, pr)| *place == PlanPlace::Phase(1)
                && matches!(pr, PlanProblem::PhaseYears { .. }))
    );
}

#[test]
fn a_group_names_whom_it_scores() {
    let mut p = plan();
    p.groups[0].kinds.clear();
    p.groups[0].criteria.clear();
    let g = PlanPlace::Group("1".into());
    assert_eq!(problems(&p), vec![(g, PlanProblem::NoKinds)]);
}

#[test]
fn codes_have_no_space_or_slash_and_fields_are_filled() {
    let mut p = plan();
    p.movement.code = "tb 2026".into();
    p.movement.name = "  ".into();
    p.movement.plan_date = "10/02/2026".into();
    p.groups[0].code = "a/b".into();
    let got = problems(&p);
    assert!(got.contains(&(
        PlanPlace::Movement,
        PlanProblem::BadCode {
            text: "tb 2026".into()
        }
    )));
    assert!(got.contains(&(PlanPlace::Movement, PlanProblem::Empty(MovementField::Name))));
    assert!(got.contains(&(
        PlanPlace::Movement,
        PlanProblem::BadDate {
            text: "10/02/2026".into()
        }
    )));
    assert!(got.contains(&(
        PlanPlace::Group("a/b".into()),
        PlanProblem::BadCode { text: "a/b".into() }
    )));
}

#[test]
fn phases_are_read_from_their_written_form() {
    use super::{parse_phase, parse_phases};
    let p = parse_phase("Giai đoạn 1: 2026-2028 :2028").unwrap_or_else(|| panic!("phase"));
    assert_eq!(
        (p.name.as_str(), p.start_year, p.end_year, p.review_year),
        ("Giai đoạn 1", 2026, 2028, 2028)
    );
    assert_eq!(parse_phase("Giai đoạn 1:2026:2028"), None);
    assert_eq!(parse_phase(":2026-2028:2028"), None);
    assert_eq!(
        parse_phases("A:2026-2028:2028; B:2029-2030:2030").map(|v| v.len()),
        Ok(2)
    );
    assert_eq!(parse_phases("A:2026-2028:2028; B"), Err("B".to_string()));
    assert_eq!(parse_phases("  "), Ok(Vec::new()));
}
