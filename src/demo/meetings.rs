//! Demo meetings: one closed meeting of 20/11/2026 with attendance, a
//! counting committee, a secret-ballot round over eight nominees (some pass,
//! some fail, a Chiến sĩ thi đua cơ sở fails the 80% rule), an open vote and
//! notes; and one planned meeting with an agenda of pending nominations. Every
//! step goes through the same audited store calls the application uses.

use crate::domain::council_rules::CouncilRefusal;
use crate::domain::meeting::{NoteKind, Presence};
use crate::domain::nomination::{NominationQuery, NominationRow, NominationStatus, SortKey};
use crate::domain::record::Guest;
use crate::domain::vote::{BallotCounts, Tally, VoteMethod, VoteRule};
use crate::store::meetings::NewMeeting;
use crate::store::notes::NewNote;
use crate::store::rounds::RoundInput;
use crate::store::{Clock, Result, Store, StoreError};

fn at(store: &mut Store, time: &str) {
    store.set_clock(Clock::Fixed(format!("2026-11-20T{time}:00")));
}

fn member(store: &Store, council: i64, name: &str) -> Result<i64> {
    store
        .members(council)?
        .into_iter()
        .find(|m| m.name == name)
        .map(|m| m.id)
        .ok_or_else(|| StoreError::NotFound {
            what: "member",
            id: name.to_string(),
        })
}

fn submitted_at_ward(store: &Store) -> Result<Vec<NominationRow>> {
    let q = NominationQuery {
        statuses: vec![NominationStatus::Submitted],
        sort: SortKey::Name,
        ..NominationQuery::default()
    };
    let mut rows = Vec::new();
    store.for_each_nomination(&q, |row| {
        rows.push(row);
        Ok::<(), crate::store::StoreError>(())
    })?;
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

/// A note for the minutes, on the agenda item of `nomination` when given.
fn note(
    store: &mut Store,
    meeting: i64,
    nomination: Option<i64>,
    kind: NoteKind,
    text: &str,
) -> Result<()> {
    let agenda_item_id = match nomination {
        Some(n) => store.agenda_item_of(meeting, n)?,
        None => None,
    };
    store.add_note(
        meeting,
        &NewNote {
            agenda_item_id,
            kind,
            at: None,
            text: text.into(),
        },
    )?;
    Ok(())
}

fn tally(agree: u32, disagree: u32, written_agree: u32, written_disagree: u32) -> Tally {
    Tally {
        agree,
        disagree,
        abstain: 0,
        written_agree,
        written_disagree,
    }
}

/// Add the two demo meetings to a database filled by `demo::populate` with
/// the demo's spec; a smaller generated set, without the nominations the
/// meetings are made of, is left without meetings.
pub fn add_meetings(store: &mut Store) -> Result<()> {
    // The past meeting is written at its own times; everything after it, and
    // the caller afterwards, keeps the caller's clock.
    let callers_clock = store.clock();
    let written = write_meetings(store, callers_clock.clone());
    store.set_clock(callers_clock);
    written
}

fn write_meetings(store: &mut Store, callers_clock: Clock) -> Result<()> {
    let council = store
        .council()?
        .ok_or(StoreError::Council(CouncilRefusal::NoCouncil))?;
    let chair = member(store, council.id, "Trịnh Văn Khải")?;
    let secretary = member(store, council.id, "Hà Thu Nguyệt")?;

    let pending = submitted_at_ward(store)?;
    let of_2025 = |code: &str| -> Vec<i64> {
        pending
            .iter()
            .filter(|r| r.award_code == code && r.round.code() == "2025")
            .map(|r| r.id)
            .collect()
    };
    // The 2025 annual round: titles and Giấy khen the ward decides, proposals upward.
    let mut agenda: Vec<i64> = Vec::new();
    for code in ["cstdcs", "ldtt", "giay_khen", "bk_tinh", "gdvh"] {
        agenda.extend(of_2025(code));
    }
    agenda.truncate(10);
    let cstdcs = of_2025("cstdcs");
    let gdvh = of_2025("gdvh");
    // Small generated sets lack the 2025 round the demo meetings are made of.
    if cstdcs.is_empty() || gdvh.is_empty() || agenda.len() < 8 {
        return Ok(());
    }

    // The council's own working rule: Gia đình văn hóa by a show of hands.
    let rules = store.vote_rules()?;
    if let Some(default) = rules
        .iter()
        .find(|r| r.award == "*" && r.level == council.level)
    {
        store.set_vote_rule(&VoteRule {
            award: "gdvh".into(),
            method: VoteMethod::Open,
            source: "Quy chế hoạt động của Hội đồng: danh hiệu Gia đình văn hóa biểu quyết công khai, trên 50% tổng số thành viên".into(),
            ..default.clone()
        })?;
    }

    at(store, "07:30");
    let past = store.create_meeting(&NewMeeting {
        number: "07/BB-HĐTĐKT".into(),
        subject: "Xét đề nghị khen thưởng năm 2025".into(),
        starts_at: "2026-11-20T08:00".into(),
        place: "Hội trường UBND phường Thanh Bình".into(),
        chair_id: Some(chair),
        secretary_id: Some(secretary),
        member_ids: Vec::new(),
        guests: vec![Guest {
            name: "Vương Thị Hoa".into(),
            position: "Chuyên viên Ban Thi đua – Khen thưởng, Sở Nội vụ tỉnh".into(),
        }],
    })?;
    for n in &agenda {
        store.add_agenda_item(past, *n)?;
    }
    let head = member(store, council.id, "Kiều Văn Thịnh")?;
    let others = [
        member(store, council.id, "Lã Thị Nhung")?,
        member(store, council.id, "Chu Văn Điền")?,
    ];
    store.set_counting_committee(past, head, &others)?;

    at(store, "08:00");
    let version = store.meeting(past)?.version;
    store.open_meeting(past, version)?;
    for m in store.members(council.id)? {
        let presence = match m.name.as_str() {
            "Mai Xuân Đoàn" => Presence::AbsentWithOpinion {
                reason: "Đi công tác tại tỉnh".into(),
            },
            "Quách Đức Toàn" => Presence::Absent {
                reason: "Ốm, có đơn xin phép".into(),
            },
            _ => Presence::Present,
        };
        store.check_in(past, m.id, &presence)?;
    }
    at(store, "08:05");
    note(
        store,
        past,
        None,
        NoteKind::Opening,
        "Đồng chí Chủ tịch Hội đồng khai mạc, nêu mục đích, yêu cầu của phiên họp; Thư ký báo cáo số thành viên có mặt: 9/11, đủ điều kiện tiến hành (tối thiểu 2/3 tổng số thành viên).",
    )?;
    at(store, "08:20");
    note(
        store,
        past,
        Some(cstdcs[0]),
        NoteKind::Note,
        "Thường trực Hội đồng tóm tắt thành tích; sáng kiến đã được Hội đồng sáng kiến phường công nhận. Một số thành viên đề nghị làm rõ phạm vi ảnh hưởng của sáng kiến.",
    )?;

    // Round 1: one ballot paper covering eight nominees.
    let voted: Vec<i64> = agenda
        .iter()
        .copied()
        .filter(|n| !gdvh.contains(n))
        .take(8)
        .collect();
    // Shapes of results, in agenda order: the CSTĐCS gets 8 of 11 (72.7%,
    // short of 80%); others pass or fail on a majority of all members.
    let shapes = [
        tally(7, 1, 1, 0),
        tally(8, 0, 1, 0),
        tally(5, 3, 0, 1),
        tally(7, 1, 1, 0),
        tally(4, 4, 0, 1),
        tally(6, 2, 1, 0),
        tally(6, 2, 1, 0),
        tally(8, 0, 1, 0),
    ];
    at(store, "09:10");
    store.record_round(
        past,
        &RoundInput {
            method: VoteMethod::SecretBallot,
            ballots: BallotCounts {
                issued: 9,
                returned: 9,
                valid: 8,
                invalid: 1,
            },
            tallies: voted.iter().copied().zip(shapes).collect(),
        },
    )?;
    at(store, "09:15");
    note(
        store,
        past,
        None,
        NoteKind::Note,
        "Ban kiểm phiếu công bố kết quả kiểm phiếu: phát ra 9 phiếu, thu về 9 phiếu, 8 phiếu hợp lệ, 1 phiếu không hợp lệ; ý kiến bằng văn bản của 01 thành viên vắng mặt được tính theo quy chế.",
    )?;

    at(store, "09:30");
    store.record_round(
        past,
        &RoundInput {
            method: VoteMethod::Open,
            ballots: BallotCounts::default(),
            tallies: vec![(gdvh[0], tally(9, 0, 1, 0))],
        },
    )?;
    if let Some(postponed) = agenda
        .iter()
        .find(|n| !voted.contains(n) && !gdvh.contains(n))
    {
        note(
            store,
            past,
            Some(*postponed),
            NoteKind::Note,
            "Hội đồng thống nhất hoãn xem xét, đề nghị đơn vị bổ sung văn bản xác nhận thành tích trước phiên họp sau.",
        )?;
    }
    at(store, "10:15");
    note(
        store,
        past,
        None,
        NoteKind::Conclusion,
        "Hội đồng thống nhất đề nghị Chủ tịch UBND phường quyết định khen thưởng các cá nhân, tập thể, hộ gia đình đạt tỷ lệ phiếu theo quy định; lập hồ sơ đề nghị cấp tỉnh đối với các trường hợp Bằng khen.",
    )?;
    at(store, "10:30");
    note(
        store,
        past,
        None,
        NoteKind::Closing,
        "Phiên họp kết thúc lúc 10 giờ 30 phút cùng ngày; biên bản đã được thông qua trước các thành viên dự họp.",
    )?;
    let version = store.meeting(past)?.version;
    store.close_meeting(past, version)?;
    store.set_clock(callers_clock);

    // A planned meeting with the 2026 round waiting for the council.
    let pending = submitted_at_ward(store)?;
    // Nine items by secret ballot, and a Gia đình văn hóa by open vote last.
    let of_2026 = pending.iter().filter(|r| r.round.code() == "2026");
    let mut next: Vec<i64> = of_2026
        .clone()
        .filter(|r| r.award_code != "gdvh")
        .take(9)
        .map(|r| r.id)
        .collect();
    next.extend(
        of_2026
            .filter(|r| r.award_code == "gdvh")
            .take(1)
            .map(|r| r.id),
    );
    let planned = store.create_meeting(&NewMeeting {
        number: "08/BB-HĐTĐKT".into(),
        subject: "Xét đề nghị khen thưởng năm 2026".into(),
        starts_at: "2026-12-08T08:00".into(),
        place: "Phòng họp tầng 2, UBND phường Thanh Bình".into(),
        chair_id: Some(chair),
        secretary_id: Some(secretary),
        member_ids: Vec::new(),
        guests: Vec::new(),
    })?;
    for n in next {
        store.add_agenda_item(planned, n)?;
    }
    Ok(())
}
