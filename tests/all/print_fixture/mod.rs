//! A recorded meeting built by hand, with invented Vietnamese names, for the
//! printing tests and the benchmark; and the same meeting written into a
//! database with plain SQL.
#![allow(dead_code)]

use hoidong::domain::council::{Council, Member, Role};
use hoidong::domain::meeting::{
    AgendaItem, BallotRound, Meeting, MeetingStatus, MinutesNote, NoteKind, Presence, VoteResult,
};
use hoidong::domain::movement::Round;
use hoidong::domain::nomination::{Nomination, NominationStatus};
use hoidong::domain::nominee::{Nominee, NomineeKind, Sex};
use hoidong::domain::record::{
    AgendaEntry, CommitteeMember, Guest, MeetingRecord, MemberAttendance, RoundRecord,
};
use hoidong::domain::vote::{
    BallotCounts, Comparison, Denominator, Share, Tally, Threshold, VoteMethod, VoteRule, evaluate,
};
use hoidong::domain::ward::WardIdentity;
use hoidong::store::Store;
use rusqlite::params;

pub const MEETING_ID: i64 = 1;

fn member(id: i64, role: Role, name: &str, position: &str, sex: Sex) -> Member {
    Member {
        id,
        council_id: 1,
        name: name.into(),
        role,
        position: position.into(),
        sex: Some(sex),
        term_start: "2026-01-06".into(),
        term_end: None,
        unit: String::new(),
        replaces: None,
    }
}

pub fn members() -> Vec<Member> {
    vec![
        member(
            1,
            Role::Chair,
            "Đặng Quốc Vượng",
            "Chủ tịch UBND phường",
            Sex::Male,
        ),
        member(
            2,
            Role::ViceChair,
            "Phùng Thị Ngọc Ánh",
            "Phó Chủ tịch UBND phường",
            Sex::Female,
        ),
        member(
            3,
            Role::StandingMember,
            "Lê Thị Thùy Dương",
            "Công chức Văn phòng – Thống kê",
            Sex::Female,
        ),
        member(
            4,
            Role::Member,
            "Nghiêm Xuân Trường",
            "Chủ tịch Hội Nông dân phường",
            Sex::Male,
        ),
        member(
            5,
            Role::Member,
            "Ôn Thị Hằng Nga",
            "Bí thư Đoàn Thanh niên phường",
            Sex::Female,
        ),
        member(
            6,
            Role::Member,
            "Bạch Văn Lũy",
            "Trưởng Công an phường",
            Sex::Male,
        ),
        member(
            7,
            Role::Member,
            "Khúc Thị Ửng",
            "Chủ tịch Hội Liên hiệp Phụ nữ phường",
            Sex::Female,
        ),
    ]
}

fn rule(award: &str, num: u32, den: u32, cmp: Comparison) -> VoteRule {
    VoteRule {
        award: award.into(),
        level: "ward".into(),
        method: VoteMethod::SecretBallot,
        also_allowed: vec![VoteMethod::Open],
        threshold: Threshold {
            share: Share::new(num, den),
            comparison: cmp,
        },
        denominator: Denominator::AllMembers,
        count_written_opinions: true,
        quorum: Threshold {
            share: Share::new(2, 3),
            comparison: Comparison::AtLeast,
        },
        source: "Mặc định".into(),
        is_default: true,
        women_share: 70,
    }
}

struct Proposal {
    kind: NomineeKind,
    name: String,
    birth_year: Option<i32>,
    sex: Option<Sex>,
    position: String,
    unit: String,
    award_code: &'static str,
    award_name: &'static str,
    award_short: &'static str,
    home: bool,
    summary: String,
    agree: u32,
    written_agree: u32,
}

fn proposals(items: usize) -> Vec<Proposal> {
    let mut out = vec![
        Proposal {
            kind: NomineeKind::Resident,
            name: "Hồ Thị Mỹ Duyên".into(),
            birth_year: Some(1978),
            sex: Some(Sex::Female),
            position: "Tổ trưởng".into(),
            unit: "Tổ dân phố số 4".into(),
            award_code: "giay_khen",
            award_name: "Giấy khen của Chủ tịch UBND phường",
            award_short: "Giấy khen",
            home: true,
            summary: "Vận động 12 hộ hiến 340 m² đất mở rộng ngõ xóm.".into(),
            agree: 5,
            written_agree: 1,
        },
        Proposal {
            kind: NomineeKind::Official,
            name: "Quách Đức Thịnh".into(),
            birth_year: Some(1985),
            sex: Some(Sex::Male),
            position: "Công chức Địa chính – Xây dựng".into(),
            unit: "UBND phường".into(),
            award_code: "cstdcs",
            award_name: "Danh hiệu Chiến sĩ thi đua cơ sở",
            award_short: "Chiến sĩ thi đua cơ sở",
            home: true,
            summary: "Sáng kiến số hóa hồ sơ giải phóng mặt bằng, rút ngắn 30% thời gian xử lý."
                .into(),
            agree: 5,
            written_agree: 1,
        },
        Proposal {
            kind: NomineeKind::Unit,
            name: "Trường Mầm non Hoa Sữa".into(),
            birth_year: None,
            sex: None,
            position: String::new(),
            unit: "Phòng Văn hóa – Xã hội".into(),
            award_code: "ttldtt",
            award_name: "Danh hiệu Tập thể lao động tiên tiến",
            award_short: "Tập thể LĐTT",
            home: true,
            summary: "Tiết kiệm 18% chi thường xuyên; 100% trẻ được chăm sóc bán trú.".into(),
            agree: 4,
            written_agree: 0,
        },
        Proposal {
            kind: NomineeKind::Official,
            name: "Lưu Thị Thu Hường".into(),
            birth_year: Some(1980),
            sex: Some(Sex::Female),
            position: "Phó Chủ tịch Ủy ban MTTQ phường".into(),
            unit: "Ủy ban MTTQ phường".into(),
            award_code: "bk_tinh",
            award_name: "Bằng khen của Chủ tịch UBND tỉnh",
            award_short: "Bằng khen UBND tỉnh",
            home: false,
            summary:
                "Hai năm liền Chiến sĩ thi đua cơ sở; vận động quỹ “Ngày vì người nghèo” vượt 45%."
                    .into(),
            agree: 3,
            written_agree: 0,
        },
    ];
    let given = [
        "Khuê", "Thắng", "Yến", "Đạt", "Huyền", "Lộc", "Trâm", "Phước",
    ];
    let family = ["Nguyễn", "Trần", "Đỗ", "Vũ", "Huỳnh", "Phạm"];
    for i in out.len()..items {
        let female = i % 2 == 0;
        out.push(Proposal {
            kind: NomineeKind::Official,
            name: format!(
                "{} {} {}",
                family[i % family.len()],
                if female { "Thị" } else { "Văn" },
                given[i % given.len()]
            ),
            birth_year: Some(1970 + (i % 30) as i32),
            sex: Some(if female { Sex::Female } else { Sex::Male }),
            position: "Chuyên viên".into(),
            unit: format!("Tổ dân phố số {}", 1 + i % 20),
            award_code: "ldtt",
            award_name: "Danh hiệu Lao động tiên tiến",
            award_short: "Lao động tiên tiến",
            home: true,
            summary: "Hoàn thành tốt nhiệm vụ được giao.".into(),
            agree: (3 + i % 3) as u32,
            written_agree: 0,
        });
    }
    out.truncate(items.max(1));
    out
}

/// The fixture meeting with `items` agenda items (4 hand-written, the rest generated).
pub fn record(items: usize) -> MeetingRecord {
    let members = members();
    let presence = |id: i64| match id {
        5 => Presence::AbsentWithOpinion {
            reason: "đi công tác tại Sở Nội vụ tỉnh".into(),
        },
        6 => Presence::Absent {
            reason: "ốm, có giấy nghỉ phép".into(),
        },
        _ => Presence::Present,
    };
    // The store's order: by role, then by given name.
    let attendance: Vec<MemberAttendance> = [0, 1, 2, 5, 4, 3, 6]
        .iter()
        .map(|&i| &members[i])
        .map(|m| MemberAttendance {
            member: m.clone(),
            presence: presence(m.id),
        })
        .collect();
    let mut rec = MeetingRecord {
        council: Council {
            id: 1,
            name: "Hội đồng Thi đua – Khen thưởng".into(),
            level: "ward".into(),
            founding_decision:
                "Quyết định số 17/QĐ-UBND ngày 06/01/2026 của Chủ tịch UBND phường Hòa Lạc".into(),
            ..Council::default()
        },
        meeting: Meeting {
            id: MEETING_ID,
            council_id: 1,
            number: "07/BB-HĐTĐKT".into(),
            subject: "Về việc xét đề nghị khen thưởng năm 2026".into(),
            starts_at: "2026-11-20T08:00".into(),
            place: "Hội trường UBND phường Hòa Lạc".into(),
            chair_id: Some(1),
            secretary_id: Some(3),
            status: MeetingStatus::Closed,
            opened_at: Some("2026-11-20T08:05".into()),
            closed_at: Some("2026-11-20T10:40".into()),
            version: 1,
            held_start: None,
            held_end: None,
            held_place: None,
        },
        chair: Some(members[0].clone()),
        secretary: Some(members[2].clone()),
        attendance,
        guests: vec![Guest {
            name: "Tạ Minh Nhựt".into(),
            position: "Chuyên viên Ban Thi đua – Khen thưởng, Sở Nội vụ tỉnh".into(),
        }],
        counting_committee: vec![
            CommitteeMember {
                member: members[3].clone(),
                is_head: true,
            },
            CommitteeMember {
                member: members[6].clone(),
                is_head: false,
            },
        ],
        agenda: Vec::new(),
        rounds: Vec::new(),
        notes: Vec::new(),
        ward: WardIdentity::carried_over(
            "UBND phường Hòa Lạc",
            "Hội đồng Thi đua – Khen thưởng",
            "Hòa Lạc",
        ),
    };
    let att = rec.attendance_counts();
    let ballots = BallotCounts {
        issued: 5,
        returned: 5,
        valid: 5,
        invalid: 0,
    };
    let mut results = Vec::new();
    for (i, p) in proposals(items).into_iter().enumerate() {
        let id = i as i64 + 1;
        rec.agenda.push(AgendaEntry {
            item: AgendaItem {
                id,
                meeting_id: MEETING_ID,
                position: id as u32,
                nomination_id: id,
            },
            nomination: Nomination {
                id,
                nominee_id: id,
                movement_id: 1,
                round: Round::Annual { year: 2026 },
                award_code: p.award_code.into(),
                proposing_unit: p.unit.clone(),
                summary: p.summary.clone(),
                status: NominationStatus::OnAgenda,
                withdrawal_reason: None,
                created_at: "2026-11-01T09:00:00".into(),
                updated_at: "2026-11-01T09:00:00".into(),
                version: 1,
            },
            nominee: Nominee {
                id,
                kind: p.kind,
                name: p.name.clone(),
                birth_year: p.birth_year,
                sex: p.sex,
                position: p.position.clone(),
                unit: p.unit.clone(),
                address: String::new(),
                women_share_percent: None,
                version: 1,
            },
            award_name: p.award_name.into(),
            award_short: p.award_short.into(),
            award_decided_at: if p.home { "ward" } else { "province" }.into(),
            decided_at_home: p.home,
            score: Some(80.0 + (i % 15) as f64 + 0.5),
        });
        let r = if p.award_code == "cstdcs" {
            rule(p.award_code, 80, 100, Comparison::AtLeast)
        } else {
            rule("*", 1, 2, Comparison::MoreThan)
        };
        let tally = Tally {
            agree: p.agree,
            disagree: 5 - p.agree,
            abstain: 0,
            written_agree: p.written_agree,
            written_disagree: 0,
        };
        let outcome = evaluate(&r, &att, &ballots, &tally).unwrap_or_else(|e| panic!("{e}"));
        results.push(VoteResult {
            round_id: 1,
            nomination_id: id,
            tally,
            rule: r,
            outcome,
        });
    }
    rec.rounds.push(RoundRecord {
        round: BallotRound {
            id: 1,
            meeting_id: MEETING_ID,
            round_no: 1,
            method: VoteMethod::SecretBallot,
            ballots,
            attendance: att,
            recorded_at: "2026-11-20T10:15:00".into(),
            amends_round: None,
            amendment_reason: None,
            revote_reason: None,
        },
        results,
    });
    let note = |id: i64, item: Option<i64>, kind: NoteKind, at: &str, text: &str| MinutesNote {
        id,
        meeting_id: MEETING_ID,
        agenda_item_id: item,
        kind,
        at: at.into(),
        text: text.into(),
    };
    rec.notes = vec![
        note(
            1,
            None,
            NoteKind::Opening,
            "2026-11-20T08:05:00",
            "Chủ tọa khai mạc, nêu mục đích, yêu cầu của cuộc họp.",
        ),
        note(
            2,
            None,
            NoteKind::Note,
            "2026-11-20T08:20:00",
            "Thường trực Hội đồng báo cáo tóm tắt hồ sơ và tiêu chuẩn của từng hình thức khen thưởng.",
        ),
        note(
            3,
            Some(2),
            NoteKind::Note,
            "2026-11-20T09:10:00",
            "Ông Nghiêm Xuân Trường đề nghị bổ sung giấy chứng nhận sáng kiến; Thư ký xác nhận đã có trong hồ sơ.",
        ),
        note(
            4,
            None,
            NoteKind::Conclusion,
            "2026-11-20T10:30:00",
            "Giao Thường trực Hội đồng hoàn thiện hồ sơ, trình Chủ tịch UBND phường trước ngày 30/11/2026.",
        ),
        note(
            5,
            None,
            NoteKind::Closing,
            "2026-11-20T10:38:00",
            "Chủ tọa cảm ơn các thành viên và bế mạc cuộc họp.",
        ),
    ];
    rec
}

/// Write `rec` into a fresh database with plain SQL, keeping its ids.
pub fn seed(store: &mut Store, rec: &MeetingRecord) {
    // A new database has no movement: the fixture's nominations go into the seed's.
    let movement = match store.movements().unwrap().first() {
        Some(m) => m.id,
        None => store.add_seed_movement().unwrap().id,
    };
    let c = store.raw_connection_for_tests();
    let k = &rec.council;
    c.execute(
        "INSERT INTO councils (id, name, level, founding_decision) VALUES (?1, ?2, ?3, ?4)",
        params![k.id, k.name, k.level, k.founding_decision],
    )
    .unwrap();
    let w = &rec.ward;
    c.execute(
        "INSERT INTO ward_identity (id, governing_body, council_name, place_name, minutes_symbol, decision_symbol, submission_symbol, recipients_minutes, recipients_decision, recipients_submission, chairman_title, chairman_name)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            w.governing_body,
            w.council_name,
            w.place_name,
            w.minutes_symbol,
            w.decision_symbol,
            w.submission_symbol,
            serde_json::to_string(&w.recipients_minutes).unwrap(),
            serde_json::to_string(&w.recipients_decision).unwrap(),
            serde_json::to_string(&w.recipients_submission).unwrap(),
            w.chairman_title,
            w.chairman_name
        ],
    )
    .unwrap();
    for a in &rec.attendance {
        let m = &a.member;
        c.execute(
            "INSERT INTO members (id, council_id, name, name_sort, role, position, sex, term_start) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![m.id, m.council_id, m.name, hoidong::domain::text::person_sort_bytes(&m.name), m.role.code(), m.position, m.sex.map(|s| s.code()), m.term_start],
        )
        .unwrap();
    }
    let m = &rec.meeting;
    c.execute(
        "INSERT INTO meetings (id, council_id, number, subject, starts_at, place, chair_id, secretary_id, status, opened_at, closed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![m.id, m.council_id, m.number, m.subject, m.starts_at, m.place, m.chair_id, m.secretary_id, m.status.code(), m.opened_at, m.closed_at],
    )
    .unwrap();
    for a in &rec.attendance {
        c.execute(
            "INSERT INTO meeting_members (meeting_id, member_id, presence, reason) VALUES (?1, ?2, ?3, ?4)",
            params![m.id, a.member.id, a.presence.code(), a.presence.reason()],
        )
        .unwrap();
    }
    for g in &rec.guests {
        c.execute(
            "INSERT INTO meeting_guests (meeting_id, name, position) VALUES (?1, ?2, ?3)",
            params![m.id, g.name, g.position],
        )
        .unwrap();
    }
    for cm in &rec.counting_committee {
        c.execute(
            "INSERT INTO counting_committee (meeting_id, member_id, is_head) VALUES (?1, ?2, ?3)",
            params![m.id, cm.member.id, cm.is_head],
        )
        .unwrap();
    }
    for e in &rec.agenda {
        let n = &e.nominee;
        c.execute(
            "INSERT INTO nominees (id, kind, name, name_fold, name_sort, birth_year, sex, position, unit, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '2026-11-01', '2026-11-01')",
            params![n.id, n.kind.code(), n.name, hoidong::domain::text::fold(&n.name), hoidong::domain::text::vi_sort_bytes(&n.name), n.birth_year, n.sex.map(|s| s.code()), n.position, n.unit],
        )
        .unwrap();
        let x = &e.nomination;
        c.execute(
            "INSERT INTO nominations (id, nominee_id, movement_id, round, round_year, award_code, award_rank, award_level, nominee_kind, name_sort,
                                      proposing_unit, summary, status, score, search_fold, created_at, updated_at)
             VALUES (?1, ?2, ?3, '2026', 2026, ?4, (SELECT rank FROM awards WHERE code = ?4), (SELECT decided_at FROM awards WHERE code = ?4),
                     ?10, ?11, ?5, ?6, ?7, ?8, '', ?9, ?9)",
            params![x.id, x.nominee_id, movement, x.award_code, x.proposing_unit, x.summary, x.status.code(), e.score, x.created_at,
                    n.kind.code(), hoidong::domain::text::vi_sort_bytes(&n.name)],
        )
        .unwrap();
        c.execute(
            "INSERT INTO agenda_items (id, meeting_id, position, nomination_id) VALUES (?1, ?2, ?3, ?4)",
            params![e.item.id, m.id, e.item.position, x.id],
        )
        .unwrap();
    }
    for r in &rec.rounds {
        let b = &r.round;
        c.execute(
            "INSERT INTO ballot_rounds (id, meeting_id, round_no, method, issued, returned, valid, invalid, attendance, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![b.id, m.id, b.round_no, serde_json::to_value(b.method).unwrap().as_str().unwrap(), b.ballots.issued, b.ballots.returned, b.ballots.valid, b.ballots.invalid, serde_json::to_string(&b.attendance).unwrap(), b.recorded_at],
        )
        .unwrap();
        for v in &r.results {
            let t = &v.tally;
            c.execute(
                "INSERT INTO vote_results (round_id, nomination_id, agree, disagree, abstain, written_agree, written_disagree, rule, outcome, passed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![b.id, v.nomination_id, t.agree, t.disagree, t.abstain, t.written_agree, t.written_disagree, serde_json::to_string(&v.rule).unwrap(), serde_json::to_string(&v.outcome).unwrap(), v.outcome.passed],
            )
            .unwrap();
        }
    }
    for n in &rec.notes {
        c.execute(
            "INSERT INTO minutes_notes (id, meeting_id, agenda_item_id, kind, at, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)",
            params![n.id, m.id, n.agenda_item_id, n.kind.code(), n.at, n.text],
        )
        .unwrap();
    }
}
