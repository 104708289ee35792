use super::*;

fn council(id: i64, from: Option<&str>, to: Option<&str>) -> Council {
    Council {
        id,
        name: "Hội đồng Thi đua – Khen thưởng phường Tân Bình".into(),
        level: "ward".into(),
        decision_number: format!("{id}/QĐ-UBND"),
        term_from: from.map(str::to_string),
        term_to: to.map(str::to_string),
        ..Council::default()
    }
}

fn member(id: i64, role: Role, start: &str, end: Option<&str>) -> Member {
    Member {
        id,
        council_id: 1,
        name: format!("Thành viên {id}"),
        role,
        position: String::new(),
        unit: String::new(),
        sex: None,
        term_start: start.into(),
        term_end: end.map(str::to_string),
        replaces: None,
    }
}

fn new_council(from: &str, to: &str) -> NewCouncil {
    NewCouncil {
        name: "Hội đồng Thi đua – Khen thưởng phường Tân Bình".into(),
        level: "ward".into(),
        decision_number: "15/QĐ-UBND".into(),
        decision_date: from.into(),
        signer: "Phan Văn Lộc".into(),
        term_from: from.into(),
        term_to: to.into(),
    }
}

fn joining(role: Role, from: &str) -> NewMember {
    NewMember {
        name: "  Đặng  Thị Hoa ".into(),
        role,
        position: "Công chức".into(),
        unit: "UBND phường".into(),
        sex: None,
        from: from.into(),
    }
}

#[test]
fn a_term_in_years_runs_from_the_decision_to_the_end_of_the_last_year() {
    assert_eq!(
        term("2026-2031", "2026-01-06"),
        Ok(("2026-01-06".into(), "2031-12-31".into()))
    );
    assert_eq!(
        term("2026-01-06..2031-06-30", "2026-01-02"),
        Ok(("2026-01-06".into(), "2031-06-30".into()))
    );
    assert!(matches!(
        term("2027-2031", "2026-01-06"),
        Err(CouncilRefusal::BadTerm { .. })
    ));
    assert!(matches!(
        term("nhiệm kỳ", "2026-01-06"),
        Err(CouncilRefusal::BadTerm { .. })
    ));
}

#[test]
fn term_dates_are_in_order() {
    let r = establish(&new_council("2026-01-06", "2025-12-31"), &[]);
    assert!(matches!(r, Err(CouncilRefusal::TermOutOfOrder { .. })));
    let mut late = new_council("2026-01-06", "2031-12-31");
    late.decision_date = "2032-01-01".into();
    assert!(matches!(
        establish(&late, &[]),
        Err(CouncilRefusal::DecisionAfterTerm { .. })
    ));
    let mut bad = new_council("2026-01-06", "2031-12-31");
    bad.decision_date = "06/01/2026".into();
    assert!(matches!(
        establish(&bad, &[]),
        Err(CouncilRefusal::BadDate { .. })
    ));
}

#[test]
fn a_new_term_closes_the_one_before_and_never_starts_before_it() {
    let old = council(1, Some("2021-06-01"), Some("2026-12-31"));
    let legacy = council(2, None, None);
    let r = establish(
        &new_council("2026-07-01", "2031-12-31"),
        &[old.clone(), legacy],
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        r.closing,
        vec![(1, "2026-06-30".to_string()), (2, "2026-06-30".to_string())]
    );
    let r = establish(&new_council("2021-06-01", "2026-12-31"), &[old]);
    assert!(matches!(r, Err(CouncilRefusal::TermNotAfter { .. })));
    let ended = council(3, Some("2016-01-01"), Some("2020-12-31"));
    let r = establish(&new_council("2026-07-01", "2031-12-31"), &[ended])
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(r.closing.is_empty());
}

#[test]
fn a_council_needs_its_decision_and_signer() {
    let mut c = new_council("2026-01-06", "2031-12-31");
    c.signer = " ".into();
    assert_eq!(
        establish(&c, &[]),
        Err(CouncilRefusal::Empty(TextField::Signer))
    );
    let mut c = new_council("2026-01-06", "2031-12-31");
    c.decision_number.clear();
    assert_eq!(
        establish(&c, &[]),
        Err(CouncilRefusal::Empty(TextField::DecisionNumber))
    );
}

#[test]
fn one_chairman_at_a_time() {
    let c = council(1, Some("2026-01-06"), Some("2031-12-31"));
    let members = vec![member(10, Role::Chair, "2026-01-06", None)];
    let r = join(&joining(Role::Chair, "2026-03-01"), &c, &members, None);
    assert!(matches!(
        r,
        Err(CouncilRefusal::RoleTaken {
            role: Role::Chair,
            ..
        })
    ));
    // The chairman being replaced does not hold the role from that day.
    assert!(join(&joining(Role::Chair, "2026-03-01"), &c, &members, Some(10)).is_ok());
    // After the chairman's office ended, the role is free.
    let ended = vec![member(10, Role::Chair, "2026-01-06", Some("2026-02-28"))];
    assert!(join(&joining(Role::Chair, "2026-03-01"), &c, &ended, None).is_ok());
    // Several vice-chairs and members at once.
    let vices = vec![member(11, Role::ViceChair, "2026-01-06", None)];
    assert!(join(&joining(Role::ViceChair, "2026-03-01"), &c, &vices, None).is_ok());
}

#[test]
fn one_secretary_at_a_time() {
    let c = council(1, None, None);
    let members = vec![member(10, Role::Secretary, "2026-01-06", None)];
    assert!(matches!(
        join(&joining(Role::Secretary, "2026-03-01"), &c, &members, None),
        Err(CouncilRefusal::RoleTaken { .. })
    ));
}

#[test]
fn a_member_joins_within_the_term_and_the_text_rules_clean_the_name() {
    let c = council(1, Some("2026-01-06"), Some("2031-12-31"));
    assert!(matches!(
        join(&joining(Role::Member, "2025-12-31"), &c, &[], None),
        Err(CouncilRefusal::OutsideTerm { .. })
    ));
    let m = join(&joining(Role::Member, "2026-01-06"), &c, &[], None)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(m.name, "Đặng Thị Hoa");
    let mut empty = joining(Role::Member, "2026-01-06");
    empty.name = "   ".into();
    assert_eq!(
        join(&empty, &c, &[], None),
        Err(CouncilRefusal::Empty(TextField::MemberName))
    );
}

#[test]
fn ending_and_replacing_keep_dates_in_order() {
    let m = member(10, Role::Member, "2026-01-06", None);
    assert_eq!(end(&m, "2026-05-31"), Ok("2026-05-31".to_string()));
    assert!(matches!(
        end(&m, "2026-01-05"),
        Err(CouncilRefusal::BeforeStart { .. })
    ));
    assert_eq!(replaced(&m, "2026-06-01"), Ok("2026-05-31".to_string()));
    assert!(matches!(
        replaced(&m, "2026-01-06"),
        Err(CouncilRefusal::BeforeStart { .. })
    ));
    let gone = member(10, Role::Member, "2026-01-06", Some("2026-05-31"));
    assert!(matches!(
        end(&gone, "2026-06-30"),
        Err(CouncilRefusal::AlreadyEnded { .. })
    ));
    assert!(matches!(
        replaced(&gone, "2026-06-30"),
        Err(CouncilRefusal::AlreadyEnded { .. })
    ));
}

#[test]
fn a_meeting_calls_the_members_in_office_on_its_date() {
    let members = vec![
        member(1, Role::Chair, "2026-01-06", None),
        member(2, Role::Member, "2026-01-06", Some("2026-05-31")),
        member(3, Role::Member, "2026-06-01", None),
    ];
    let ids = |date: &str| {
        in_office_on(&members, date)
            .iter()
            .map(|m| m.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("2026-05-31T08:00"), vec![1, 2]);
    assert_eq!(ids("2026-06-01T08:00"), vec![1, 3]);
    assert_eq!(ids("2026-01-05"), Vec::<i64>::new());
}

#[test]
fn the_council_of_a_date_is_the_one_whose_term_covers_it() {
    let councils = vec![
        council(1, Some("2021-06-01"), Some("2026-06-30")),
        council(2, Some("2026-07-01"), Some("2031-12-31")),
    ];
    assert_eq!(
        council_on(&councils, "2026-06-30T08:00").map(|c| c.id),
        Some(1)
    );
    assert_eq!(council_on(&councils, "2026-07-01").map(|c| c.id), Some(2));
    assert_eq!(council_on(&councils, "2035-01-01").map(|c| c.id), None);
}
