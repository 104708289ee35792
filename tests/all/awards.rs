//! Decisions, referrals, the award register and its export: through the
//! store and through the command line.

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use hoidong::domain::movement::Round;
use hoidong::domain::nomination::{NewNomination, NominationStatus};
use hoidong::domain::nominee::{NewNominee, NomineeKind};
use hoidong::domain::referral::{Conferral, ReferralEvent, ReferralStatus};
use hoidong::domain::register::{EarlierAward, NewDecision, NewReferral, RegisterSource};
use hoidong::store::{Store, audit};
use predicates::prelude::*;
use predicates::str::contains;

use crate::common;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A nominee with a nomination the council passed by a recorded vote.
fn passed(store: &mut Store, name: &str, kind: NomineeKind, award: &str) -> (i64, i64) {
    let movement_id = crate::common::movement_id(store);
    let pair = store
        .write(|w| {
            let nominee = w.insert_nominee(&NewNominee {
                kind: Some(kind),
                name: name.into(),
                unit: "Khu dân cư số 3".into(),
                ..Default::default()
            })?;
            let id = w.insert_nomination(&NewNomination {
                nominee_id: nominee,
                movement_id,
                round: Round::Annual { year: 2026 },
                award_code: award.into(),
                proposing_unit: "Khu dân cư số 3".into(),
                summary: "Vận động hiến đất mở rộng đường ngõ".into(),
                status: NominationStatus::Submitted,
            })?;
            Ok((nominee, id))
        })
        .unwrap();
    common::pass_in_a_meeting(store, &[pair.1]);
    pair
}

fn referral(number: &str, day: &str, reason: Option<&str>) -> NewReferral {
    NewReferral {
        submission_number: number.into(),
        submission_date: date(day),
        override_reason: reason.map(String::from),
    }
}

fn tick_all(store: &mut Store, id: i64) {
    for item in store.referral_checklist(id).unwrap() {
        store
            .tick_document(id, &item.doc_code, "số 12, ngày 05/01/2026")
            .unwrap();
    }
}

#[test]
fn decisions_referrals_and_the_register_in_the_store() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, gk) = passed(
        &mut store,
        "Phạm Thu Dung",
        NomineeKind::Resident,
        "giay_khen",
    );
    let (oanh, bk) = passed(
        &mut store,
        "Nguyễn Thu Oanh",
        NomineeKind::Official,
        "bk_tinh",
    );
    let (_, bk2) = passed(&mut store, "Lê Văn Tâm", NomineeKind::Official, "bk_tinh");

    let d = NewDecision {
        number: "101/QĐ-UBND".into(),
        date: date("2026-01-10"),
        signer: "Trần Văn Phong".into(),
    };
    store.decide(gk, &d).unwrap();
    assert_eq!(
        store.nomination(gk).unwrap().status,
        NominationStatus::Decided
    );
    assert_eq!(
        store.decision_of(gk).unwrap().unwrap().number,
        "101/QĐ-UBND"
    );
    let again = store.decide(gk, &d).unwrap_err().to_string();
    assert!(
        again.contains("only a nomination the council passed"),
        "{again}"
    );
    let above = store.decide(bk, &d).unwrap_err().to_string();
    assert!(above.contains("refer it instead"), "{above}");

    // Without two consecutive grassroots titles the referral needs an override.
    let refused = store
        .refer(bk, &referral("15/TTr-UBND", "2026-01-12", None))
        .unwrap_err();
    assert!(refused.to_string().contains("not eligible"), "{refused}");
    assert!(
        refused.to_string().contains("--override-reason"),
        "{refused}"
    );
    assert_eq!(
        store.nomination(bk).unwrap().status,
        NominationStatus::Passed
    );
    for year in [2025, 2026] {
        store
            .add_earlier_award(&EarlierAward {
                nominee_id: oanh,
                award_code: "cstdcs".into(),
                year,
                decision_number: format!("{}/QĐ-UBND", year - 1900),
                ..Default::default()
            })
            .unwrap();
    }
    assert!(!store.eligibility(bk).unwrap().needs_override());
    let r = store
        .refer(bk, &referral("15/TTr-UBND", "2026-01-12", None))
        .unwrap();
    assert_eq!(
        store.nomination(bk).unwrap().status,
        NominationStatus::Referred
    );
    assert_eq!(store.referral(r).unwrap().level, "province");
    assert_eq!(store.referral(r).unwrap().override_reason, None);

    let lacking = store.advance_referral(
        r,
        &ReferralEvent::Send {
            date: date("2026-01-13"),
        },
    );
    assert!(
        lacking
            .unwrap_err()
            .to_string()
            .contains("the dossier still lacks")
    );
    tick_all(&mut store, r);
    store
        .advance_referral(
            r,
            &ReferralEvent::Send {
                date: date("2026-01-13"),
            },
        )
        .unwrap();
    let early = store
        .advance_referral(
            r,
            &ReferralEvent::Return {
                date: date("2026-01-02"),
                reason: "Thiếu".into(),
            },
        )
        .unwrap_err();
    assert!(
        early
            .to_string()
            .contains("before the referral's last step"),
        "{early}"
    );
    store
        .advance_referral(
            r,
            &ReferralEvent::Return {
                date: date("2026-01-20"),
                reason: "Báo cáo thành tích chưa có xác nhận".into(),
            },
        )
        .unwrap();
    store
        .advance_referral(
            r,
            &ReferralEvent::Resend {
                date: date("2026-01-25"),
            },
        )
        .unwrap();
    let confer = ReferralEvent::Confer {
        conferral: Conferral {
            number: "250/QĐ-UBND".into(),
            date: date("2026-02-15"),
            authority: "Chủ tịch UBND tỉnh".into(),
        },
    };
    assert_eq!(
        store.advance_referral(r, &confer).unwrap(),
        ReferralStatus::Conferred
    );
    assert_eq!(
        store.nomination(bk).unwrap().status,
        NominationStatus::Conferred
    );
    let twice = store.advance_referral(r, &confer).unwrap_err().to_string();
    assert!(
        twice.contains("cannot confer a referral that is conferred"),
        "{twice}"
    );

    let steps: Vec<_> = store
        .referral_timeline(r)
        .unwrap()
        .iter()
        .map(|s| s.status)
        .collect();
    use ReferralStatus::*;
    assert_eq!(steps, [Prepared, Sent, Returned, Resent, Conferred]);
    let history = store.award_history(oanh).unwrap();
    assert_eq!(history.len(), 3);
    assert_eq!(history[0].award_code, "bk_tinh");
    assert_eq!(history[0].source, RegisterSource::Conferred);
    assert_eq!(history[0].authority, "Chủ tịch UBND tỉnh");
    assert_eq!(store.search_register("OANH bang khen").unwrap().len(), 1);
    assert_eq!(store.search_register("dung giay").unwrap().len(), 1);

    // The second goes up with an override, is approved, forwarded, then refused above.
    let r2 = store
        .refer(
            bk2,
            &referral(
                "16/TTr-UBND",
                "2026-01-12",
                Some("Thành tích xuất sắc đột xuất"),
            ),
        )
        .unwrap();
    assert_eq!(
        store.referral(r2).unwrap().override_reason.as_deref(),
        Some("Thành tích xuất sắc đột xuất")
    );
    tick_all(&mut store, r2);
    store
        .advance_referral(
            r2,
            &ReferralEvent::Send {
                date: date("2026-01-13"),
            },
        )
        .unwrap();
    let board = store.awards_board(date("2026-03-01")).unwrap();
    assert_eq!(board.waiting.len(), 1);
    assert_eq!(
        (board.waiting[0].referral_id, board.waiting[0].days),
        (r2, 47)
    );
    assert!(
        board.by_level_status.iter().any(|c| c.level == "province"
            && c.status == NominationStatus::Conferred
            && c.count == 1)
    );
    assert!(
        board
            .by_year_level
            .iter()
            .any(|c| c.year == 2026 && c.level == "ward" && c.count == 2)
    );
    store
        .advance_referral(
            r2,
            &ReferralEvent::Approve {
                date: date("2026-02-01"),
            },
        )
        .unwrap();
    let child = store
        .forward_referral(r2, &referral("30/TTr-UBND", "2026-02-05", None))
        .unwrap();
    assert_eq!(store.referral(r2).unwrap().status, Forwarded);
    let c = store.referral(child).unwrap();
    assert_eq!(
        (c.parent_id, c.level.as_str(), c.status),
        (Some(r2), "central", Prepared)
    );
    tick_all(&mut store, child);
    store
        .advance_referral(
            child,
            &ReferralEvent::Send {
                date: date("2026-02-06"),
            },
        )
        .unwrap();
    store
        .advance_referral(
            child,
            &ReferralEvent::Refuse {
                date: date("2026-03-10"),
                reason: "Chưa đủ tiêu chuẩn".into(),
            },
        )
        .unwrap();
    assert_eq!(
        store.nomination(bk2).unwrap().status,
        NominationStatus::Rejected
    );

    assert!(store.verify_audit_chain().unwrap().is_empty());
    let logged = audit::entries(
        store.raw_connection_for_tests(),
        Some("referrals"),
        Some(&r.to_string()),
        50,
    )
    .unwrap();
    assert!(logged.iter().any(|e| e.action == "return"));
}

fn hoidong(db: &Path) -> Command {
    let mut c = Command::cargo_bin("hoidong").unwrap();
    c.arg("--db").arg(db).args(["--lang", "en"]);
    c
}

#[test]
fn the_workflow_from_the_command_line_and_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hoidong.db");
    let (gk1, gk2, bk) = {
        let mut store = Store::open(&db).unwrap();
        let (_, a) = passed(
            &mut store,
            "Phạm Thu Dung",
            NomineeKind::Resident,
            "giay_khen",
        );
        let (_, b) = passed(
            &mut store,
            "Hộ ông Đinh Văn Hùng",
            NomineeKind::Household,
            "giay_khen",
        );
        let (_, c) = passed(
            &mut store,
            "Nguyễn Thu Oanh",
            NomineeKind::Official,
            "bk_tinh",
        );
        (a, b, c)
    };
    // Dated before the meeting that passed it: refused, nothing recorded.
    hoidong(&db)
        .args(["decide", &gk1.to_string(), "--number", "100/QĐ-UBND"])
        .args(["--date", "2026-01-04", "--signer", "Trần Văn Phong"])
        .assert()
        .failure()
        .stderr(contains(
            "2026-01-04 is before the meeting of 2026-01-06 that passed it",
        ));
    for (id, number) in [(gk1, "101/QĐ-UBND"), (gk2, "102/QĐ-UBND")] {
        hoidong(&db)
            .args([
                "decide",
                &id.to_string(),
                "--number",
                number,
                "--date",
                "10/01/2026",
            ])
            .args(["--signer", "Trần Văn Phong"])
            .assert()
            .success()
            .stdout(contains("decided"));
    }
    let bk = bk.to_string();
    hoidong(&db)
        .args([
            "refer",
            &bk,
            "--number",
            "15/TTr-UBND",
            "--date",
            "2026-01-12",
        ])
        .assert()
        .failure()
        .stderr(contains("not eligible").and(contains("--override-reason")));
    hoidong(&db)
        .args([
            "refer",
            &bk,
            "--number",
            "15/TTr-UBND",
            "--date",
            "2026-01-12",
        ])
        .args(["--override-reason", "Thành tích xuất sắc trong phong trào"])
        .assert()
        .success()
        .stdout(contains("referral 1 prepared").and(contains("[ ] Tờ trình")));
    hoidong(&db)
        .args(["referral", "1", "send", "--date", "2026-01-13"])
        .assert()
        .failure()
        .stderr(contains("referral 1: the dossier still lacks: Tờ trình"));
    for doc in ["to_trinh", "bao_cao_ca_nhan", "bien_ban_hoi_dong"] {
        hoidong(&db)
            .args([
                "referral",
                "1",
                "tick",
                doc,
                "--reference",
                "số 12 ngày 05/01/2026",
            ])
            .assert()
            .success();
    }
    let step = |args: &[&str]| {
        let mut c = hoidong(&db);
        c.args(["referral", "1"]).args(args);
        c
    };
    step(&["send", "--date", "2026-01-13"]).assert().success();
    step(&["return", "--date", "2026-01-12", "--reason", "Thiếu"])
        .assert()
        .failure()
        .stderr(contains("before the referral's last step (2026-01-13)"));
    step(&["resend", "--date", "2026-01-14"])
        .assert()
        .failure()
        .stderr(contains("cannot resend a referral that is sent"));
    step(&[
        "return",
        "--date",
        "2026-01-20",
        "--reason",
        "Thiếu xác nhận của thủ trưởng",
    ])
    .assert()
    .success()
    .stdout(contains("Returned — Thiếu xác nhận"));
    step(&["resend", "--date", "2026-01-25"]).assert().success();
    step(&["confer", "--number", "250/QĐ-UBND", "--date", "2026-02-15"])
        .args(["--authority", "Chủ tịch UBND tỉnh"])
        .assert()
        .success()
        .stdout(contains("2026-02-15 Conferred — 250/QĐ-UBND"));
    step(&["refuse", "--reason", "x"])
        .assert()
        .failure()
        .stderr(contains("cannot refuse a referral that is conferred"));
    hoidong(&db)
        .args(["history", "thu oanh"])
        .assert()
        .success()
        .stdout(contains(
            "Bằng khen UBND tỉnh — 250/QĐ-UBND 15/02/2026 — Chủ tịch UBND tỉnh [conferred]",
        ));

    let csv_path = dir.path().join("so-khen-thuong.csv");
    hoidong(&db)
        .args(["export", "awards"])
        .arg(&csv_path)
        .assert()
        .success()
        .stdout(contains("3 register entries"));
    let bytes = std::fs::read(&csv_path).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        hoidong::i18n::export::AWARDS_HEADERS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let find = |name: &str| rows.iter().find(|r| &r[1] == name).unwrap().clone();
    let oanh = find("Nguyễn Thu Oanh");
    assert_eq!(&oanh[4], "Bằng khen UBND tỉnh");
    assert_eq!(&oanh[7], "250/QĐ-UBND");
    assert_eq!(&oanh[8], "15/02/2026");
    assert_eq!(&oanh[10], "Cấp trên khen thưởng");
    // 1.5 × 2,340,000 đ.
    assert_eq!(&oanh[11], "3510000");
    // A household: 1.5 × the individual Giấy khen (0.3), rounded up.
    assert_eq!(&find("Hộ ông Đinh Văn Hùng")[11], "1060000");
    assert_eq!(&find("Phạm Thu Dung")[11], "710000");

    let xlsx = dir.path().join("so-khen-thuong.xlsx");
    hoidong(&db)
        .args(["export", "awards"])
        .arg(&xlsx)
        .assert()
        .success();
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("Sổ khen thưởng").unwrap();
    assert_eq!(range.height(), 4);
    let names: Vec<String> = range.rows().skip(1).map(|r| r[1].to_string()).collect();
    assert!(names.contains(&"Nguyễn Thu Oanh".to_string()), "{names:?}");
}

#[test]
fn the_council_can_replace_the_eligibility_rules() {
    let mut store = Store::open_in_memory().unwrap();
    let (nominee, bk) = passed(
        &mut store,
        "Nguyễn Thu Oanh",
        NomineeKind::Official,
        "bk_tinh",
    );
    for year in [2025, 2026] {
        store
            .add_earlier_award(&EarlierAward {
                nominee_id: nominee,
                award_code: "cstdcs".into(),
                year,
                ..Default::default()
            })
            .unwrap();
    }
    assert!(!store.eligibility(bk).unwrap().needs_override());
    let stricter = "[[award]]\naward = \"bk_tinh\"\n[[award.route]]\nname = \"Ba năm\"\n\
                    [[award.route.condition]]\nshape = \"consecutive\"\nawards = [\"cstdcs\"]\nyears = 3\n";
    store.set_eligibility_rules(Some(stricter)).unwrap();
    let e = store.eligibility(bk).unwrap();
    assert!(e.needs_override());
    assert!(
        e.explain(hoidong::i18n::Lang::Vi)
            .contains("thiếu năm 2024")
    );
    let bad = stricter.replace("cstdcs", "no_such_award");
    let err = store
        .set_eligibility_rules(Some(&bad))
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown award “no_such_award”"), "{err}");
    store.set_eligibility_rules(None).unwrap();
    assert!(!store.eligibility(bk).unwrap().needs_override());
}

#[test]
fn a_withdrawn_referral_withdraws_the_nomination_and_closes_the_dossier() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, id) = passed(&mut store, "Vũ Thị Hạnh", NomineeKind::Official, "bk_ttg");
    let r = store
        .refer(
            id,
            &referral(
                "20/TTr-UBND",
                "2026-01-12",
                Some("Đề nghị theo Điều 73 điểm a"),
            ),
        )
        .unwrap();
    let no_reason = store
        .advance_referral(
            r,
            &ReferralEvent::Withdraw {
                date: date("2026-01-15"),
                reason: " ".into(),
            },
        )
        .unwrap_err();
    assert!(
        no_reason.to_string().contains("reason must not be empty"),
        "{no_reason}"
    );
    store
        .advance_referral(
            r,
            &ReferralEvent::Withdraw {
                date: date("2026-01-15"),
                reason: "Cá nhân chuyển công tác".into(),
            },
        )
        .unwrap();
    let n = store.nomination(id).unwrap();
    assert_eq!(n.status, NominationStatus::Withdrawn);
    assert_eq!(
        n.withdrawal_reason.as_deref(),
        Some("Cá nhân chuyển công tác")
    );
    let closed = store.tick_document(r, "to_trinh", "số 20").unwrap_err();
    assert!(closed.to_string().contains("dossier is closed"), "{closed}");
    // Forwarding needs an approval first.
    let (_, other) = passed(&mut store, "Đỗ Minh Khoa", NomineeKind::Official, "bk_ttg");
    let r2 = store
        .refer(
            other,
            &referral("21/TTr-UBND", "2026-01-12", Some("Điều 73 điểm a")),
        )
        .unwrap();
    let early = store
        .forward_referral(r2, &referral("31/TTr-UBND", "2026-01-20", None))
        .unwrap_err();
    assert!(
        early
            .to_string()
            .contains("cannot forward a referral that is prepared"),
        "{early}"
    );
}

#[test]
fn a_hold_stops_decisions_and_needs_an_override_to_refer() {
    let mut store = Store::open_in_memory().unwrap();
    let (dung, gk) = passed(
        &mut store,
        "Phạm Thu Dung",
        NomineeKind::Resident,
        "giay_khen",
    );
    let (tam, bk) = passed(&mut store, "Tổ dân phố số 4", NomineeKind::Unit, "bk_tinh");
    let hold = store
        .hold_back(dung, "Đang bị xem xét kỷ luật", date("2026-01-02"))
        .unwrap();
    store
        .hold_back(tam, "Đang thanh tra", date("2026-01-02"))
        .unwrap();
    let d = NewDecision {
        number: "101/QĐ-UBND".into(),
        date: date("2026-01-10"),
        signer: "Trần Văn Phong".into(),
    };
    let held = store.decide(gk, &d).unwrap_err().to_string();
    assert!(
        held.contains("held back (Đang bị xem xét kỷ luật)"),
        "{held}"
    );
    // A collective has no register precondition for bk_tinh, but the hold still counts.
    let e = store.eligibility(bk).unwrap();
    assert!(e.needs_override());
    assert!(
        store
            .refer(bk, &referral("15/TTr-UBND", "2026-01-12", None))
            .is_err()
    );
    assert!(store.lift_hold(hold, date("2026-01-01")).is_err());
    store.lift_hold(hold, date("2026-01-08")).unwrap();
    assert!(store.lift_hold(hold, date("2026-01-09")).is_err());
    store.decide(gk, &d).unwrap();
}
