use super::*;

#[test]
fn letters() {
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
    assert_eq!(column_letter(27), "AB");
}

#[test]
fn years_from_every_form() {
    let t = |s: &str| parse_year(&Value::Text(s.into()));
    assert_eq!(t("1985"), Ok(Some(1985)));
    assert_eq!(t("02/01/1985"), Ok(Some(1985)));
    assert_eq!(t("2/1/1985"), Ok(Some(1985)));
    assert_eq!(t("31094"), Ok(Some(1985)));
    assert_eq!(parse_year(&Value::Number(31094.0)), Ok(Some(1985)));
    assert_eq!(parse_year(&Value::Number(1985.0)), Ok(Some(1985)));
    assert_eq!(t(""), Ok(None));
    assert_eq!(
        t("31/02/1985"),
        Err(ProblemKind::NotAYear("31/02/1985".into()))
    );
    assert_eq!(t("1850"), Err(ProblemKind::ImplausibleYear(1850)));
    assert_eq!(t("abc"), Err(ProblemKind::NotAYear("abc".into())));
}

#[test]
fn serials_match_excel() {
    assert_eq!(
        date_from_serial(45725.0),
        NaiveDate::from_ymd_opt(2025, 3, 9)
    );
    assert_eq!(date_from_serial(1.0), None);
}

#[test]
fn percents() {
    assert_eq!(parse_percent(&Value::Text("75%".into())), Ok(Some(75)));
    assert_eq!(parse_percent(&Value::Number(0.75)), Ok(Some(75)));
    assert_eq!(parse_percent(&Value::Number(80.0)), Ok(Some(80)));
    assert!(parse_percent(&Value::Text("120".into())).is_err());
    // 100% in a percent cell is stored as 1 and read as 100.
    assert_eq!(parse_percent(&Value::Percent(100.0)), Ok(Some(100)));
    assert_eq!(parse_percent(&Value::Percent(45.0)), Ok(Some(45)));
}
