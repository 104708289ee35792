//! The demo's past: what the ward did before the meetings of November, so
//! that the register, the nominee history, the eligibility checks, the
//! awards board and the year's report show real content on first run.
//!
//! - awards held before the records were kept (2022–2025);
//! - a meeting of January 2026 on the first part of the 2025 round: every
//!   nomination passes; the ward's awards are decided by one decision number,
//!   the two Bằng khen go up with one tờ trình; the province returns one
//!   dossier, it is resent, and both are conferred.
//!
//! Every person is invented; every step goes through the audited store calls
//! the application uses.

use crate::domain::council_rules::CouncilRefusal;
use crate::domain::movement_plan::MovementRefusal;
use chrono::NaiveDate;

use crate::domain::meeting::Presence;
use crate::domain::movement::Round;
use crate::domain::nomination::{NewNomination, NominationStatus};
use crate::domain::nominee::{NewNominee, NomineeKind, Sex};
use crate::domain::referral::{Conferral, ReferralEvent};
use crate::domain::register::{EarlierAward, NewDecision};
use crate::domain::vote::{BallotCounts, Tally, VoteMethod};
use crate::store::meetings::NewMeeting;
use crate::store::rounds::RoundInput;
use crate::store::submission::NewSubmission;
use crate::store::{Clock, Result, Store, StoreError};

struct PastNominee {
    kind: NomineeKind,
    name: &'static str,
    sex: Option<Sex>,
    birth_year: Option<i32>,
    position: &'static str,
    unit: &'static str,
    /// The award proposed in the 2025 round.
    award: &'static str,
    /// Titles held before (year, award).
    earlier: &'static [(i32, &'static str)],
}

const PAST: [PastNominee; 7] = [
    PastNominee {
        kind: NomineeKind::Official,
        name: "Đinh Thị Thu Hiền",
        sex: Some(Sex::Female),
        birth_year: Some(1984),
        position: "Công chức Văn hóa – Xã hội",
        unit: "Văn phòng HĐND và UBND phường",
        award: "bk_tinh",
        earlier: &[
            (2022, "ldtt"),
            (2023, "ldtt"),
            (2024, "cstdcs"),
            (2025, "cstdcs"),
        ],
    },
    PastNominee {
        kind: NomineeKind::Official,
        name: "Lục Văn Bình",
        sex: Some(Sex::Male),
        birth_year: Some(1979),
        position: "Chỉ huy trưởng Ban Chỉ huy Quân sự",
        unit: "Ban Chỉ huy Quân sự phường",
        award: "bk_tinh",
        earlier: &[(2024, "cstdcs"), (2025, "cstdcs")],
    },
    PastNominee {
        kind: NomineeKind::Official,
        name: "Ninh Thị Mai Anh",
        sex: Some(Sex::Female),
        birth_year: Some(1991),
        position: "Công chức Tư pháp – Hộ tịch",
        unit: "Văn phòng HĐND và UBND phường",
        award: "ldtt",
        earlier: &[(2023, "ldtt"), (2024, "ldtt")],
    },
    PastNominee {
        kind: NomineeKind::Official,
        name: "Thân Đức Việt",
        sex: Some(Sex::Male),
        birth_year: Some(1988),
        position: "Công chức Địa chính – Xây dựng",
        unit: "Bộ phận Địa chính – Xây dựng",
        award: "ldtt",
        earlier: &[(2024, "ldtt")],
    },
    PastNominee {
        kind: NomineeKind::Resident,
        name: "Khúc Văn Sơn",
        sex: Some(Sex::Male),
        birth_year: Some(1962),
        position: "Tổ trưởng tổ dân phố",
        unit: "Khu dân cư số 3",
        award: "giay_khen",
        earlier: &[],
    },
    PastNominee {
        kind: NomineeKind::FrontOrganisation,
        name: "Chi hội Phụ nữ khu dân cư số 2",
        sex: None,
        birth_year: None,
        position: "",
        unit: "Hội Liên hiệp Phụ nữ phường",
        award: "giay_khen",
        earlier: &[(2023, "giay_khen")],
    },
    PastNominee {
        kind: NomineeKind::Household,
        name: "Hộ ông Văn Đình Lực",
        sex: Some(Sex::Male),
        birth_year: None,
        position: "",
        unit: "Khu dân cư số 1",
        award: "giay_khen",
        earlier: &[],
    },
];

fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        StoreError::Council(CouncilRefusal::BadDate {
            text: format!("{y}-{m:02}-{d:02}"),
        })
    })
}

fn at(store: &mut Store, when: &str) {
    store.set_clock(Clock::Fixed(format!("{when}:00")));
}

/// Add the past to a database that holds the demo's council and meetings.
pub fn add_past(store: &mut Store) -> Result<()> {
    let callers_clock = store.clock();
    let written = write_past(store);
    store.set_clock(callers_clock);
    written
}

fn write_past(store: &mut Store) -> Result<()> {
    let council = store
        .council()?
        .ok_or(StoreError::Council(CouncilRefusal::NoCouncil))?;
    let movement_id = store
        .movements()?
        .first()
        .map(|m| m.id)
        .ok_or(StoreError::Movement(MovementRefusal::NoMovement))?;
    let members = store.members(council.id)?;
    let find = |name: &str| {
        members
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.id)
            .ok_or_else(|| StoreError::NotFound {
                what: "member",
                id: name.to_string(),
            })
    };
    let chair = find("Trịnh Văn Khải")?;
    let secretary = find("Hà Thu Nguyệt")?;
    let committee = [
        find("Kiều Văn Thịnh")?,
        find("Lã Thị Nhung")?,
        find("Chu Văn Điền")?,
    ];

    // The units' proposals, received in the first week of January.
    at(store, "2026-01-08T09:00");
    let mut nominations = Vec::new();
    let mut nominee_ids = Vec::new();
    for p in &PAST {
        let (nominee, nomination) = store.write(|w| {
            let nominee = w.insert_nominee(&NewNominee {
                kind: Some(p.kind),
                name: p.name.into(),
                birth_year: p.birth_year,
                sex: p.sex,
                position: p.position.into(),
                unit: p.unit.into(),
                address: "Phường Thanh Bình".into(),
                women_share_percent: None,
            })?;
            let nomination = w.insert_nomination(&NewNomination {
                nominee_id: nominee,
                movement_id,
                round: Round::Annual { year: 2025 },
                award_code: p.award.into(),
                proposing_unit: p.unit.into(),
                summary: "Hoàn thành xuất sắc nhiệm vụ năm 2025; tích cực hưởng ứng phong trào thi đua của phường.".into(),
                status: NominationStatus::Submitted,
            })?;
            Ok((nominee, nomination))
        })?;
        for (year, award) in p.earlier {
            store.add_earlier_award(&EarlierAward {
                nominee_id: nominee,
                award_code: (*award).into(),
                year: *year,
                decision_number: format!("{:02}/QĐ-UBND", 2 + (*year - 2022) * 5),
                decision_date: Some(day(*year + 1, 1, 12)?),
                authority: "Chủ tịch UBND phường Thanh Bình".into(),
                merit: None,
                note: "Nhập từ sổ theo dõi khen thưởng".into(),
            })?;
        }
        nominations.push(nomination);
        nominee_ids.push(nominee);
    }

    // The meeting: every member present, one secret ballot, every one passes.
    at(store, "2026-01-14T16:00");
    let meeting = store.create_meeting(&NewMeeting {
        number: "01/BB-HĐTĐKT".into(),
        subject: "Xét đề nghị khen thưởng năm 2025 (đợt 1)".into(),
        starts_at: "2026-01-15T08:00".into(),
        place: "Phòng họp tầng 2, UBND phường Thanh Bình".into(),
        chair_id: Some(chair),
        secretary_id: Some(secretary),
        member_ids: Vec::new(),
        guests: Vec::new(),
    })?;
    for n in &nominations {
        store.add_agenda_item(meeting, *n)?;
    }
    store.set_counting_committee(meeting, committee[0], &committee[1..])?;
    at(store, "2026-01-15T08:00");
    let version = store.meeting(meeting)?.version;
    store.open_meeting(meeting, version)?;
    for m in &members {
        store.check_in(meeting, m.id, &Presence::Present)?;
    }
    at(store, "2026-01-15T09:00");
    let all = u32::try_from(members.len()).unwrap_or(u32::MAX);
    store.record_round(
        meeting,
        &RoundInput {
            method: VoteMethod::SecretBallot,
            ballots: BallotCounts {
                issued: all,
                returned: all,
                valid: all,
                invalid: 0,
            },
            tallies: nominations
                .iter()
                .map(|n| {
                    (
                        *n,
                        Tally {
                            agree: all - 1,
                            disagree: 1,
                            abstain: 0,
                            written_agree: 0,
                            written_disagree: 0,
                        },
                    )
                })
                .collect(),
        },
    )?;
    at(store, "2026-01-15T10:00");
    let version = store.meeting(meeting)?.version;
    store.close_meeting(meeting, version)?;

    // The ward chairman's decision on the ward's awards.
    at(store, "2026-01-19T14:00");
    for (p, n) in PAST.iter().zip(&nominations) {
        if p.award == "bk_tinh" {
            continue;
        }
        store.decide(
            *n,
            &NewDecision {
                number: "21/QĐ-UBND".into(),
                date: day(2026, 1, 19)?,
                signer: "Trịnh Văn Khải".into(),
            },
        )?;
    }

    // The Bằng khen go up together with one tờ trình.
    at(store, "2026-01-20T10:00");
    let referrals = store.record_submission(&NewSubmission {
        meeting_id: meeting,
        award_code: "bk_tinh".into(),
        number: "02".into(),
        date: day(2026, 1, 20)?,
        override_reason: None,
    })?;
    at(store, "2026-01-21T15:00");
    for r in &referrals {
        for item in store.referral_checklist(*r)? {
            if item.ticked_at.is_none() {
                store.tick_document(
                    *r,
                    &item.doc_code,
                    "Bản gốc lưu tại hồ sơ, nhận ngày 10/01/2026",
                )?;
            }
        }
    }
    at(store, "2026-01-22T08:30");
    for r in &referrals {
        store.advance_referral(
            *r,
            &ReferralEvent::Send {
                date: day(2026, 1, 22)?,
            },
        )?;
    }
    let conferral = Conferral {
        number: "215/QĐ-UBND".into(),
        date: day(2026, 3, 16)?,
        authority: "Chủ tịch UBND tỉnh".into(),
    };
    if let [returned, straight] = referrals.as_slice() {
        at(store, "2026-02-10T09:00");
        store.advance_referral(
            *returned,
            &ReferralEvent::Return {
                date: day(2026, 2, 10)?,
                reason:
                    "Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị; đề nghị bổ sung."
                        .into(),
            },
        )?;
        at(store, "2026-02-20T09:00");
        store.advance_referral(
            *returned,
            &ReferralEvent::Resend {
                date: day(2026, 2, 20)?,
            },
        )?;
        at(store, "2026-03-16T10:00");
        for r in [returned, straight] {
            store.advance_referral(
                *r,
                &ReferralEvent::Confer {
                    conferral: conferral.clone(),
                },
            )?;
        }
    }
    Ok(())
}
