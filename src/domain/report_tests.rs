use super::*;
use crate::domain::register::RegisterSource;

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn entry(award: &str, level: &str, kind: NomineeKind, unit: &str, year: i32) -> RegisterEntry {
    RegisterEntry {
        id: 0,
        nominee_id: 1,
        nominee_name: "Nguyễn Văn Thử".into(),
        nominee_kind: kind,
        unit: unit.into(),
        award_code: award.into(),
        award_name: award.to_uppercase(),
        award_level: level.into(),
        year,
        decision_number: "01/QĐ-UBND".into(),
        decision_date: day(year + 1, 1, 10),
        authority: "UBND phường".into(),
        nomination_id: None,
        source: RegisterSource::Decided,
        merit: None,
        note: String::new(),
    }
}

fn rank(level: &str) -> u8 {
    match level {
        "ward" => 0,
        "province" => 1,
        _ => 2,
    }
}

fn table() -> PrizeTable {
    PrizeTable::built_in().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn periods_read_a_year_or_a_phase() {
    assert_eq!(Period::parse("2025"), Ok(Period::year(2025)));
    assert_eq!(
        Period::parse(" 2022–2025 "),
        Ok(Period {
            from: 2022,
            to: 2025
        })
    );
    assert_eq!(
        Period::parse("2025-2022"),
        Err(PeriodRefusal::Backwards {
            from: 2025,
            to: 2022
        })
    );
    assert!(matches!(
        Period::parse("25"),
        Err(PeriodRefusal::Unreadable(_))
    ));
    assert_eq!(
        Period::parse("2022-2025").map(|p| p.code()).ok(),
        Some("2022-2025".into())
    );
}

#[test]
fn a_year_counts_its_own_awards_with_their_money() {
    use NomineeKind::*;
    let entries = vec![
        entry("ldtt", "ward", Official, "Văn phòng", 2025),
        entry("ldtt", "ward", Official, "Văn phòng", 2025),
        entry("giay_khen", "ward", Household, "Khu dân cư số 1", 2025),
        entry("bk_tinh", "province", Unit, "Văn phòng", 2025),
        entry("ldtt", "ward", Official, "Văn phòng", 2024),
    ];
    let r = year_report(Period::year(2025), &entries, rank, &[], &table());
    assert_eq!(r.total.total(), 4);
    assert_eq!(
        (r.total.individuals, r.total.collectives, r.total.households),
        (2, 1, 1)
    );
    // Highest level first.
    assert_eq!(r.by_award[0].award_code, "bk_tinh");
    let ldtt = r.by_award.iter().find(|l| l.award_code == "ldtt");
    assert_eq!(ldtt.map(|l| l.counts.prize.amount), Some(2 * 710_000));
    let expected = 2 * 710_000 + 1_060_000 + 7_020_000;
    assert_eq!(r.total.prize.amount, expected);
    assert_eq!(r.by_unit.len(), 2);
    assert_eq!(r.by_kind.iter().map(|k| k.counts.total()).sum::<u32>(), 4);
    // The phase takes both years.
    let phase = year_report(
        Period {
            from: 2022,
            to: 2025,
        },
        &entries,
        rank,
        &[],
        &table(),
    );
    assert_eq!(phase.total.total(), 5);
    // The awards of 2024 were decided before the figures of NĐ 152/2025.
    assert_eq!(phase.total.prize.without_figure, 1);
}

#[test]
fn prizes_per_year_is_one_sum_per_year() {
    use NomineeKind::*;
    let entries = vec![
        entry("ldtt", "ward", Official, "", 2025),
        entry("cstdcs", "ward", Official, "", 2025),
        entry("ldtt", "ward", Official, "", 2024),
    ];
    let years = prizes_per_year(&table(), &entries);
    assert_eq!(years.len(), 2);
    assert_eq!(years[0].0, 2024);
    assert_eq!(years[1].1.amount, 710_000 + 2_340_000);
}

#[test]
fn referrals_count_by_the_year_of_their_round() {
    let fact = |date: Option<NaiveDate>, status| ReferralFact {
        year: date.map_or(0, |d: NaiveDate| chrono::Datelike::year(&d)),
        award_code: "bk_tinh".into(),
        award_name: "Bằng khen".into(),
        level: "province".into(),
        level_rank: 1,
        submission_date: date,
        status,
    };
    let facts = vec![
        fact(day(2025, 12, 1), ReferralStatus::Conferred),
        fact(day(2025, 12, 1), ReferralStatus::Resent),
        fact(day(2025, 12, 1), ReferralStatus::Conferred),
        fact(day(2024, 12, 1), ReferralStatus::Refused),
    ];
    let r = year_report(Period::year(2025), &[], rank, &facts, &table());
    assert_eq!(r.referrals.len(), 1);
    assert_eq!(r.referrals[0].total, 3);
    assert_eq!(r.referrals[0].count(ReferralStatus::Conferred), 2);
    assert_eq!(r.referrals[0].count(ReferralStatus::Refused), 0);
}
