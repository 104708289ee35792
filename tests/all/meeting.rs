//! A whole council meeting through the store, the ballot-count record, the
//! demo meetings and the meetings CLI. The result engine's property tests are
//! in `src/domain/vote_properties.rs`; meeting mode's screen test is in
//! `tui_meeting_mode.rs`.

use hoidong::domain::ballot_record::ballot_count_record;
use hoidong::domain::council::{Council, Member};
use hoidong::domain::meeting::{MeetingStatus, NoteKind, Presence};
use hoidong::domain::movement::Round;
use hoidong::domain::nomination::{NewNomination, NominationQuery, NominationStatus};
use hoidong::domain::nominee::{NewNominee, NomineeKind, Sex};
use hoidong::domain::record::Guest;
use hoidong::domain::vote::{BallotCounts, Share, Tally, VoteMethod};
use hoidong::store::meetings::NewMeeting;
use hoidong::store::notes::NewNote;
use hoidong::store::refusal::MeetingRefusal;
use hoidong::store::rounds::RoundInput;
use hoidong::store::{Clock, Store, StoreError};

struct Fixture {
    store: Store,
    members: Vec<i64>,
    /// cstdcs, ldtt, ldtt, giay_khen, gdvh (household)
    noms: Vec<i64>,
    names: Vec<&'static str>,
}

fn fixture() -> Fixture {
    let mut store = Store::open_in_memory().unwrap();
    store.set_clock(Clock::Fixed("2026-11-20T08:00:00".into()));
    let movement = crate::common::movement_id(&mut store);
    let people: [(&str, NomineeKind, Option<Sex>, &str); 5] = [
        (
            "Nguyễn Văn An",
            NomineeKind::Official,
            Some(Sex::Male),
            "cstdcs",
        ),
        (
            "Trần Thị Bích",
            NomineeKind::Official,
            Some(Sex::Female),
            "ldtt",
        ),
        (
            "Lê Văn Cường",
            NomineeKind::Official,
            Some(Sex::Male),
            "ldtt",
        ),
        (
            "Phạm Thị Dung",
            NomineeKind::Resident,
            Some(Sex::Female),
            "giay_khen",
        ),
        ("Hộ ông Vũ Văn Em", NomineeKind::Household, None, "gdvh"),
    ];
    let (members, noms) = store
        .write(|w| {
            w.set_ward(&hoidong::domain::ward::WardIdentity::carried_over(
                "UBND PHƯỜNG THỬ",
                "Hội đồng Thi đua – Khen thưởng phường Thử",
                "Thử",
            ))?;
            let council = w.insert_council(&Council {
                id: 0,
                name: "Hội đồng Thi đua – Khen thưởng phường Thử".into(),
                level: "ward".into(),
                founding_decision: "Quyết định số 1/QĐ-UBND ngày 02/01/2026".into(),
                ..Council::default()
            })?;
            let mut members = Vec::new();
            for (role, name, position, sex) in hoidong::demo::council_members() {
                members.push(w.insert_member(&Member {
                    id: 0,
                    council_id: council,
                    name: name.into(),
                    role,
                    position: position.into(),
                    sex: Some(sex),
                    term_start: "2026-01-02".into(),
                    term_end: None,
                    unit: String::new(),
                    replaces: None,
                })?);
            }
            let mut noms = Vec::new();
            for (name, kind, sex, award) in people {
                let nominee = w.insert_nominee(&NewNominee {
                    kind: Some(kind),
                    name: name.into(),
                    birth_year: sex.map(|_| 1985),
                    sex,
                    position: "Chuyên viên".into(),
                    unit: "Ban Kinh tế phường".into(),
                    ..NewNominee::default()
                })?;
                noms.push(w.insert_nomination(&NewNomination {
                    nominee_id: nominee,
                    movement_id: movement,
                    round: Round::Annual { year: 2026 },
                    award_code: award.into(),
                    proposing_unit: "Ban Kinh tế phường".into(),
                    summary: "Hoàn thành xuất sắc nhiệm vụ.".into(),
                    status: NominationStatus::Submitted,
                })?);
            }
            Ok((members, noms))
        })
        .unwrap();
    Fixture {
        store,
        members,
        noms,
        names: people.iter().map(|p| p.0).collect(),
    }
}

fn invalid(r: Result<impl std::fmt::Debug, StoreError>) -> String {
    match r {
        Err(e @ (StoreError::Meeting(_) | StoreError::Nomination(_) | StoreError::Note(_))) => {
            e.to_string()
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn secret(ballots: (u32, u32, u32, u32), tallies: Vec<(i64, Tally)>) -> RoundInput {
    RoundInput {
        method: VoteMethod::SecretBallot,
        ballots: BallotCounts {
            issued: ballots.0,
            returned: ballots.1,
            valid: ballots.2,
            invalid: ballots.3,
        },
        tallies,
    }
}

fn t(agree: u32, disagree: u32, written_agree: u32) -> Tally {
    Tally {
        agree,
        disagree,
        written_agree,
        ..Tally::default()
    }
}

fn status(s: &Store, id: i64) -> NominationStatus {
    s.nomination(id).unwrap().status
}

#[test]
fn a_whole_meeting_through_the_store() {
    let Fixture {
        mut store,
        members,
        noms,
        names,
    } = fixture();
    let m = store
        .create_meeting(&NewMeeting {
            number: "01/BB-HĐTĐKT".into(),
            subject: "Xét khen thưởng năm 2026".into(),
            starts_at: "2026-11-20T08:00".into(),
            place: "Hội trường".into(),
            chair_id: Some(members[0]),
            secretary_id: Some(members[3]),
            member_ids: Vec::new(),
            guests: vec![Guest {
                name: "Khách Mời".into(),
                position: "Sở Nội vụ".into(),
            }],
        })
        .unwrap();
    assert_eq!(store.meeting(m).unwrap().status, MeetingStatus::Planned);

    // Agenda: two one by one, the rest by a filter; reorder; remove one.
    store.add_agenda_item(m, noms[0]).unwrap();
    store.add_agenda_item(m, noms[4]).unwrap();
    let again = invalid(store.add_agenda_item(m, noms[0]));
    assert!(
        again.contains("already on the agenda of meeting 01/BB-HĐTĐKT"),
        "{again}"
    );
    let added = store
        .add_agenda_matching(
            m,
            &NominationQuery {
                kind: Some(NomineeKind::Official),
                ..NominationQuery::default()
            },
        )
        .unwrap();
    assert_eq!(added, vec![noms[1], noms[2]]);
    store.add_agenda_item(m, noms[3]).unwrap();
    assert_eq!(status(&store, noms[1]), NominationStatus::OnAgenda);
    store.move_agenda_item(m, noms[4], 5).unwrap();
    store.remove_agenda_item(m, noms[3]).unwrap();
    assert_eq!(status(&store, noms[3]), NominationStatus::Submitted);
    let rec = store.meeting_record(m).unwrap();
    let order: Vec<(u32, i64)> = rec
        .agenda
        .iter()
        .map(|e| (e.item.position, e.nomination.id))
        .collect();
    assert_eq!(
        order,
        vec![(1, noms[0]), (2, noms[1]), (3, noms[2]), (4, noms[4])]
    );
    store
        .set_counting_committee(m, members[4], &[members[7], members[8]])
        .unwrap();

    // No vote on a planned meeting; opening checks the version.
    let msg = invalid(store.record_round(m, &secret((1, 1, 1, 0), vec![(noms[0], t(1, 0, 0))])));
    assert!(msg.contains("is not open yet"), "{msg}");
    let v = store.meeting(m).unwrap().version;
    assert!(matches!(
        store.open_meeting(m, v - 1),
        Err(StoreError::Conflict { .. })
    ));
    store.open_meeting(m, v).unwrap();

    // Check in: the quorum (≥ 2/3 of 11 = 8) flips at the eighth member present.
    store
        .check_in(
            m,
            members[9],
            &Presence::AbsentWithOpinion {
                reason: "Công tác".into(),
            },
        )
        .unwrap();
    let msg = invalid(store.check_in(m, members[10], &Presence::Absent { reason: " ".into() }));
    assert!(
        msg.contains("give the reason why Mai Xuân Đoàn is absent"),
        "{msg}"
    );
    store
        .check_in(
            m,
            members[10],
            &Presence::Absent {
                reason: "Ốm".into(),
            },
        )
        .unwrap();
    for (i, member) in members.iter().take(7).enumerate() {
        let c = store.check_in(m, *member, &Presence::Present).unwrap();
        assert_eq!(c.present, i as u32 + 1);
        assert!(
            !store.quorum(m).unwrap().met,
            "no quorum with {} present",
            i + 1
        );
    }
    let msg = invalid(store.record_round(m, &secret((7, 7, 7, 0), vec![(noms[0], t(7, 0, 0))])));
    assert_eq!(
        msg,
        "round 1, Nguyễn Văn An: no quorum: 7 of 11 members present, the rule asks 2/3"
    );
    store.check_in(m, members[7], &Presence::Present).unwrap();
    let q = store.quorum(m).unwrap();
    assert!(q.met);
    assert_eq!(q.needed, Some(8));
    store.check_in(m, members[8], &Presence::Present).unwrap();
    // A committee member marked absent stops a secret ballot until replaced
    // (the committee can be changed while the meeting is open).
    store
        .set_counting_committee(m, members[4], &[members[7], members[10]])
        .unwrap();
    let msg = invalid(store.record_round(m, &secret((9, 9, 9, 0), vec![(noms[0], t(9, 0, 0))])));
    assert!(
        msg.contains(
            "the counting committee counts a secret ballot, but Mai Xuân Đoàn is marked absent"
        ),
        "{msg}"
    );
    store
        .set_counting_committee(m, members[4], &[members[7], members[8]])
        .unwrap();

    // Tallies that do not add up are refused with what and where.
    let msg = invalid(store.record_round(
        m,
        &secret(
            (9, 9, 8, 1),
            vec![(noms[0], t(8, 0, 1)), (noms[1], t(9, 2, 0))],
        ),
    ));
    assert_eq!(
        msg,
        format!(
            "round 1, {}: agree (9) + disagree (2) exceed valid ballots (8)",
            names[1]
        )
    );
    let msg = invalid(store.record_round(m, &secret((10, 10, 10, 0), vec![(noms[0], t(8, 0, 0))])));
    assert_eq!(
        msg,
        "round 1: ballots issued (10) exceed members present (9)"
    );
    let msg = invalid(store.record_round(m, &secret((9, 8, 8, 1), vec![(noms[0], t(8, 0, 0))])));
    assert!(msg.contains("differ from ballots returned"), "{msg}");
    let msg = invalid(store.record_round(m, &secret((9, 9, 9, 0), vec![(noms[0], t(8, 0, 2))])));
    assert!(msg.contains("written opinions (2) exceed"), "{msg}");
    let msg = invalid(store.record_round(m, &secret((9, 9, 9, 0), vec![(noms[3], t(8, 0, 0))])));
    assert!(msg.contains("not on the agenda"), "{msg}");
    let open_on_secret = RoundInput {
        method: VoteMethod::Open,
        ballots: BallotCounts::default(),
        tallies: vec![(noms[0], t(9, 0, 0))],
    };
    let msg = invalid(store.record_round(m, &open_on_secret));
    assert!(msg.contains("asks for a secret ballot"), "{msg}");

    // Round 1: one paper, two nominees. 9 of 11 passes 80%; 5 of 11 fails a majority.
    let r1 = store
        .record_round(
            m,
            &secret(
                (9, 9, 9, 0),
                vec![(noms[0], t(8, 1, 1)), (noms[1], t(5, 4, 0))],
            ),
        )
        .unwrap();
    assert_eq!(r1.round_no, 1);
    assert!(r1.outcomes[0].1.passed);
    assert_eq!(
        r1.outcomes[0].1.share_label(hoidong::i18n::Lang::Vi),
        "81,8%"
    );
    assert_eq!(
        r1.outcomes[0].1.share_label(hoidong::i18n::Lang::En),
        "81.8%"
    );
    assert!(!r1.outcomes[1].1.passed);
    assert_eq!(status(&store, noms[0]), NominationStatus::Passed);
    assert_eq!(status(&store, noms[1]), NominationStatus::Failed);

    // Round 2: a re-vote is refused without a reason, and nothing is written.
    let again = secret((9, 9, 9, 0), vec![(noms[1], t(6, 3, 0))]);
    match store.record_round(m, &again) {
        Err(StoreError::Meeting(MeetingRefusal::RevoteNoReason {
            round,
            names: refused,
        })) => {
            assert_eq!(round, 2);
            assert_eq!(refused, vec![names[1].to_string()]);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(
        invalid(store.record_revote(m, &again, " \n ")).contains("needs a reason"),
        "a blank reason is no reason"
    );
    assert_eq!(store.meeting_record(m).unwrap().rounds.len(), 1);
    assert_eq!(status(&store, noms[1]), NominationStatus::Failed);
    // With its reason: round 1 is kept, the reason is stored with round 2, and
    // the status follows round 2.
    let r2 = store
        .record_revote(
            m,
            &again,
            "Một thành viên ghi nhầm phiếu, Hội đồng thống nhất bỏ phiếu lại",
        )
        .unwrap();
    assert_eq!(r2.round_no, 2);
    assert_eq!(status(&store, noms[1]), NominationStatus::Passed);
    let rec = store.meeting_record(m).unwrap();
    assert_eq!(rec.rounds[0].round.revote_reason, None);
    assert_eq!(
        rec.rounds[1].round.revote_reason.as_deref(),
        Some("Một thành viên ghi nhầm phiếu, Hội đồng thống nhất bỏ phiếu lại")
    );

    // Round 3: the council's rule says Gia đình văn hóa by open vote.
    let mut rule = store
        .vote_rules()
        .unwrap()
        .into_iter()
        .find(|r| r.award == "*")
        .unwrap();
    rule.award = "gdvh".into();
    rule.method = VoteMethod::Open;
    store.set_vote_rule(&rule).unwrap();
    let r3 = store
        .record_round(
            m,
            &RoundInput {
                method: VoteMethod::Open,
                ballots: BallotCounts::default(),
                tallies: vec![(
                    noms[4],
                    Tally {
                        agree: 7,
                        disagree: 1,
                        abstain: 1,
                        ..Tally::default()
                    },
                )],
            },
        )
        .unwrap();
    assert!(r3.outcomes[0].1.passed);
    store
        .add_note(
            m,
            &NewNote {
                agenda_item_id: store.agenda_item_of(m, noms[2]).unwrap(),
                kind: NoteKind::Note,
                at: None,
                text: "Hoãn xem xét.".into(),
            },
        )
        .unwrap();

    // Close: a stale version is refused; afterwards the unvoted item is postponed.
    let v = store.meeting(m).unwrap().version;
    assert!(matches!(
        store.close_meeting(m, v - 1),
        Err(StoreError::Conflict { .. })
    ));
    store.close_meeting(m, v).unwrap();
    assert_eq!(store.meeting(m).unwrap().status, MeetingStatus::Closed);
    assert_eq!(status(&store, noms[2]), NominationStatus::Submitted);

    // Every write is refused with the same clear reason.
    let refusals = [
        invalid(store.check_in(m, members[0], &Presence::Absent { reason: "x".into() })),
        invalid(store.record_round(m, &secret((9, 9, 9, 0), vec![(noms[0], t(9, 0, 0))]))),
        invalid(store.add_agenda_item(m, noms[3])),
        invalid(store.remove_agenda_item(m, noms[2])),
        invalid(store.move_agenda_item(m, noms[0], 2)),
        invalid(store.set_counting_committee(m, members[0], &[])),
    ];
    for msg in &refusals {
        assert!(
            msg.starts_with("meeting 01/BB-HĐTĐKT is closed:") && msg.contains("read-only"),
            "{msg}"
        );
    }
    let v = store.meeting(m).unwrap().version;
    assert!(invalid(store.open_meeting(m, v)).contains("only a planned meeting"));
    assert!(invalid(store.close_meeting(m, v)).contains("only an open meeting"));

    // An amendment after closing: reason required, original kept, status follows.
    let msg = invalid(store.amend_round(
        m,
        r1.round_id,
        "  ",
        &secret((9, 9, 9, 0), vec![(noms[0], t(7, 2, 1))]),
    ));
    assert!(msg.contains("give the reason"), "{msg}");
    let msg = invalid(store.amend_round(
        m,
        r1.round_id,
        "x",
        &secret((9, 9, 9, 0), vec![(noms[4], t(7, 2, 1))]),
    ));
    assert!(msg.contains("not voted on in round 1"), "{msg}");
    let amended = store
        .amend_round(
            m,
            r1.round_id,
            "Ban kiểm phiếu đếm nhầm một phiếu",
            &secret((9, 9, 9, 0), vec![(noms[0], t(7, 2, 1))]),
        )
        .unwrap();
    assert_eq!(amended.round_no, 4);
    assert!(!amended.outcomes[0].1.passed);
    assert_eq!(status(&store, noms[0]), NominationStatus::Failed);
    let rec = store.meeting_record(m).unwrap();
    assert_eq!(rec.rounds.len(), 4);
    assert_eq!(rec.rounds[0].results[0].tally, t(8, 1, 1));
    assert_eq!(rec.rounds[3].round.amends_round, Some(r1.round_id));
    let (latest, v) = rec.latest_result(noms[0]).unwrap();
    assert_eq!(latest.round_no, 4);
    assert_eq!(v.outcome.counted_agree, 8);

    // A later rule change never rewrites history.
    let mut cstdcs = store
        .vote_rules()
        .unwrap()
        .into_iter()
        .find(|r| r.award == "cstdcs")
        .unwrap();
    cstdcs.threshold.share = Share::new(1, 2);
    store.set_vote_rule(&cstdcs).unwrap();
    let rec = store.meeting_record(m).unwrap();
    assert_eq!(
        rec.rounds[0].results[0].rule.threshold.share,
        Share::new(80, 100)
    );
    assert!(rec.rounds[0].results[0].outcome.passed);

    // The ballot-count record of round 1, and the printed meeting.
    let b = ballot_count_record(&rec, r1.round_id).unwrap();
    assert_eq!((b.members_total, b.members_voting), (11, 9));
    assert_eq!(b.not_voting.len(), 2);
    assert_eq!(b.committee_head.as_ref().unwrap().id, members[4]);
    assert_eq!(b.rows[0].name, names[0]);
    assert_eq!(b.rows[0].rank, 1);
    assert!(ballot_count_record(&rec, r3.round_id).is_none());
    // `meeting show` on a copy of the database: Vietnamese by default (a
    // decimal comma), English with --lang en.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("meeting.db");
    store.backup_to(&file).unwrap();
    let show = |extra: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("hoidong")
            .unwrap()
            .env("LANG", "C.UTF-8")
            .arg("--db")
            .arg(&file)
            .args(extra)
            .args(["meeting", "show", &m.to_string()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let text = show(&[]);
    assert!(
        text.contains("72,7%") && text.contains("ĐIỀU CHỈNH lần 1"),
        "{text}"
    );
    let text = show(&["--lang", "en"]);
    assert!(
        text.contains("72.7%") && text.contains("AMENDS round 1"),
        "{text}"
    );

    // The printed minutes show every round of an item with its result and
    // reason, counted for the item (round 4 of the meeting is the item's
    // second vote); the last one decides.
    let md = hoidong::print::markdown::render(&hoidong::print::compose::minutes(&rec));
    assert!(
        md.contains("Nội dung này được biểu quyết 2 lần; kết quả lần sau cùng là kết quả quyết định")
            && md.contains("- Lần 1 (bỏ phiếu kín): đồng ý 5/11 (45,5%), Không đạt;")
            && md.contains("Kết quả bỏ phiếu kín (lần 2, biểu quyết lại, lý do: Một thành viên ghi nhầm phiếu, Hội đồng thống nhất bỏ phiếu lại):"),
        "{md}"
    );
    assert!(
        md.contains("- Lần 1 (bỏ phiếu kín): đồng ý 9/11 (81,8%), Đạt;")
            && md.contains(
                "Kết quả bỏ phiếu kín (lần 2, điều chỉnh: Ban kiểm phiếu đếm nhầm một phiếu):"
            ),
        "{md}"
    );
}

#[test]
fn ties_put_women_first_and_say_so() {
    let Fixture {
        mut store,
        members,
        noms,
        names,
    } = fixture();
    let m = store
        .create_meeting(&NewMeeting {
            subject: "Phiên họp".into(),
            starts_at: "2026-12-01T08:00".into(),
            ..NewMeeting::default()
        })
        .unwrap();
    for n in [noms[1], noms[2]] {
        store.add_agenda_item(m, n).unwrap();
    }
    let v = store.meeting(m).unwrap().version;
    store.open_meeting(m, v).unwrap();
    for member in &members {
        store.check_in(m, *member, &Presence::Present).unwrap();
    }
    // Lê Văn Cường sorts before Trần Thị Bích by name, but she is a woman.
    let r = store
        .record_round(
            m,
            &secret(
                (11, 11, 11, 0),
                vec![(noms[2], t(7, 4, 0)), (noms[1], t(7, 4, 0))],
            ),
        )
        .unwrap();
    let rec = store.meeting_record(m).unwrap();
    let b = ballot_count_record(&rec, r.round_id).unwrap();
    assert_eq!(b.rows[0].name, names[1]);
    assert_eq!(b.rows[1].name, names[2]);
    assert_eq!(b.tie_notes.len(), 1);
    assert!(hoidong::i18n::ballots::tie_note(&b.tie_notes[0]).contains("xếp trước Trần Thị Bích"));
}

#[test]
fn the_demo_has_a_closed_and_a_planned_meeting() {
    let mut store = Store::open_in_memory().unwrap();
    hoidong::demo::populate(&mut store, hoidong::demo::demo_spec()).unwrap();
    let list = store.meetings().unwrap();
    // The November meeting, the planned one, and January's in the demo's past.
    assert_eq!(list.len(), 3);
    let closed = list
        .iter()
        .find(|s| s.meeting.number == "07/BB-HĐTĐKT")
        .unwrap();
    assert_eq!(closed.meeting.status, MeetingStatus::Closed);
    let planned = list
        .iter()
        .find(|s| s.meeting.status == MeetingStatus::Planned)
        .unwrap();
    assert!((8..=12).contains(&closed.agenda_items));
    assert!(planned.agenda_items > 0);
    let rec = store.meeting_record(closed.meeting.id).unwrap();
    let results: Vec<_> = rec.rounds.iter().flat_map(|r| &r.results).collect();
    assert!(results.iter().any(|v| v.outcome.passed));
    assert!(results.iter().any(|v| !v.outcome.passed));
    assert!(
        results
            .iter()
            .any(|v| v.rule.award == "cstdcs" && v.rule.threshold.share == Share::new(80, 100))
    );
    assert!(
        rec.rounds
            .iter()
            .any(|r| r.round.method == VoteMethod::Open)
    );
    assert!(rec.rounds.iter().any(|r| r.results.len() > 1));
    let c = rec.attendance_counts();
    assert!(c.absent > 0 && c.written_opinions == 1);
    assert!(!rec.counting_committee.is_empty());
    for kind in [NoteKind::Opening, NoteKind::Conclusion, NoteKind::Closing] {
        assert!(rec.notes.iter().any(|n| n.kind == kind), "{kind:?}");
    }
    // Every agenda item of the planned meeting waits on the council.
    let rec = store.meeting_record(planned.meeting.id).unwrap();
    assert!(
        rec.agenda
            .iter()
            .all(|e| e.nomination.status == NominationStatus::OnAgenda)
    );
}

#[test]
fn the_cli_lists_and_shows_meetings() {
    use assert_cmd::Command;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    Command::cargo_bin("hoidong")
        .unwrap()
        .arg("demo")
        .arg(&db)
        .assert()
        .success();
    let out = Command::cargo_bin("hoidong")
        .unwrap()
        .arg("--db")
        .arg(&db)
        .arg("meetings")
        .output()
        .unwrap();
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(
        list.contains("07/BB-HĐTĐKT") && list.contains("đã kết thúc"),
        "{list}"
    );
    assert!(
        list.contains("08/BB-HĐTĐKT") && list.contains("dự kiến"),
        "{list}"
    );
    let out = Command::cargo_bin("hoidong")
        .unwrap()
        .args([
            "--db",
            db.to_str().unwrap(),
            "--lang",
            "vi",
            "meeting",
            "show",
            "1",
        ])
        .output()
        .unwrap();
    let show = String::from_utf8(out.stdout).unwrap();
    assert!(show.contains("Số lượng tham dự: 9/11 có mặt"), "{show}");
    // Vietnamese writes a decimal comma, in the score and in the share.
    assert!(
        show.contains("Chiến sĩ thi đua cơ sở")
            && show.contains("72,7%")
            && !show.contains("72.7%"),
        "{show}"
    );
    let out = Command::cargo_bin("hoidong")
        .unwrap()
        .args([
            "--db",
            db.to_str().unwrap(),
            "--lang",
            "en",
            "meeting",
            "show",
            "1",
        ])
        .output()
        .unwrap();
    let show_en = String::from_utf8(out.stdout).unwrap();
    assert!(
        show_en.contains("72.7%") && !show_en.contains("72,7%"),
        "{show_en}"
    );
    assert!(show_en.contains("Quorum: 9 of 11 present"), "{show_en}");
    assert!(
        show.contains("KHÔNG ĐẠT") && show.contains("ĐẠT") && !show.contains("PASS"),
        "{show}"
    );
    assert!(
        show_en.contains("FAIL") && show_en.contains("PASS") && !show_en.contains("ĐẠT"),
        "{show_en}"
    );
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("hoidong")
            .unwrap()
            .args(["--db", db.to_str().unwrap()])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let (ok, text) = run(&[
        "meeting",
        "new",
        "--subject",
        "Phiên đột xuất",
        "--at",
        "2026-12-20T14:00",
    ]);
    assert!(ok && text.contains("đã lập cuộc họp 4"), "{text}");
    // A pending ward-level nomination that no meeting has taken up yet.
    let pending: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT e.name FROM nominations n JOIN nominees e ON e.id = n.nominee_id
             WHERE n.status = 'submitted' AND n.award_level = 'ward' ORDER BY n.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let (ok, text) = run(&[
        "meeting",
        "add",
        "4",
        "--matching",
        &pending,
        "--level",
        "ward",
    ]);
    assert!(ok && text.contains("vào chương trình cuộc họp 4"), "{text}");
    let (ok, text) = run(&["meeting", "add", "4", "1"]);
    assert!(
        !ok && text.contains("đã có trong chương trình của phiên họp 08/BB-HĐTĐKT"),
        "{text}"
    );
    let (ok, text) = run(&["meeting", "show", "4"]);
    assert!(
        ok && text.contains(pending.as_str()) && text.contains("Chờ họp"),
        "{text}"
    );
    let out = Command::cargo_bin("hoidong")
        .unwrap()
        .args(["--db", db.to_str().unwrap(), "meeting", "show", "99"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Không tìm thấy phiên họp 99"));
}
