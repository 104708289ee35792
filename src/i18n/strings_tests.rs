use super::*;

#[test]
fn locale_precedence() {
    let s = |v: &str| Some(v.to_string());
    assert_eq!(Lang::from_locale_vars(None, None, None), Lang::Vi);
    assert_eq!(
        Lang::from_locale_vars(None, None, s("en_US.UTF-8")),
        Lang::En
    );
    assert_eq!(
        Lang::from_locale_vars(s("vi_VN.UTF-8"), None, s("en_US.UTF-8")),
        Lang::Vi
    );
    assert_eq!(Lang::from_locale_vars(s(""), s("en_GB"), None), Lang::En);
    assert_eq!(Lang::from_locale_vars(None, None, s("C.UTF-8")), Lang::Vi);
    assert_eq!(Lang::detect(Some(Lang::En)), Lang::En);
}

#[test]
fn every_status_and_kind_has_a_label_in_both_languages() {
    for s in [&VI, &EN] {
        for st in NominationStatus::ALL {
            assert!(!s.status(st).is_empty());
        }
        for k in NomineeKind::ALL {
            assert!(!s.kind(k).is_empty());
        }
    }
    assert_eq!(VI.count(100_000), "100.000");
    assert_eq!(EN.count(1_234_567), "1,234,567");
    assert_eq!(EN.count(999), "999");
    assert_ne!(
        VI.status(NominationStatus::Draft),
        EN.status(NominationStatus::Draft)
    );
}
