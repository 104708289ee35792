//! The ballot-count record (biên bản kiểm phiếu), DOMAIN.md §4: one per
//! meeting, a section per secret-ballot round, shares counted on the
//! council's total membership, signed by the counting committee.

use crate::domain::meeting::Presence;
use crate::domain::nominee::Sex;
use crate::domain::record::{MeetingRecord, RoundRecord};
use crate::domain::vote::{VoteMethod, permille};
use crate::print::model::{Align, Block, DocKind, Document, Signature, Table};

use super::{SIGN_HINT, When, col, header, honorific, percent, position_unit};

pub fn ballot_record(record: &MeetingRecord) -> Document {
    let m = &record.meeting;
    let mut blocks = Vec::new();
    let council = &record.council;
    if !council.founding_decision.is_empty() {
        blocks.push(Block::para(format!(
            "Căn cứ {} về việc thành lập {};",
            council.founding_decision, council.name
        )));
    }
    let when = When::parse(&m.opened_at.clone().unwrap_or_else(|| m.starts_at.clone()))
        .map(|w| format!("{}, {}", w.time_words(), w.date_words()))
        .unwrap_or_else(|| m.starts_at.clone());
    blocks.push(Block::para(format!(
        "Hôm nay, vào hồi {when}, tại {}, trong phiên họp {}, Ban kiểm phiếu gồm:",
        m.place,
        lower_first(&m.subject)
    )));
    if record.counting_committee.is_empty() {
        blocks.push(Block::item("- (chưa ghi nhận thành viên Ban kiểm phiếu)"));
    }
    for c in &record.counting_committee {
        let mut line = format!("- {}{}", honorific(c.member.sex), c.member.name);
        if !c.member.position.is_empty() {
            line.push_str(&format!(", {}", c.member.position));
        }
        line.push_str(if c.is_head {
            " – Trưởng ban;"
        } else {
            " – Thành viên;"
        });
        blocks.push(Block::item(line));
    }
    blocks.push(Block::para(
        "đã tiến hành kiểm phiếu bầu chọn các cá nhân, tập thể đề nghị khen thưởng. Kết quả như sau:",
    ));

    let c = record.attendance_counts();
    blocks.push(Block::heading("I. THÀNH VIÊN HỘI ĐỒNG"));
    blocks.push(Block::lead(
        "Tổng số thành viên Hội đồng theo quyết định: ",
        format!("{}.", c.members_total),
    ));
    blocks.push(Block::lead(
        "Số thành viên tham gia bỏ phiếu: ",
        format!("{}.", c.present),
    ));
    blocks.push(Block::lead(
        "Số thành viên không tham gia bỏ phiếu: ",
        format!(
            "{}{}",
            c.members_total - c.present,
            if c.absent > 0 { ", gồm:" } else { "." }
        ),
    ));
    for a in &record.attendance {
        let opinion = matches!(a.presence, Presence::AbsentWithOpinion { .. });
        if !matches!(a.presence, Presence::Absent { .. }) && !opinion {
            continue;
        }
        let mut line = format!("- {}{}", honorific(a.member.sex), a.member.name);
        let reason = a.presence.reason();
        if !reason.is_empty() {
            line.push_str(&format!(", lý do: {reason}"));
        }
        if opinion {
            line.push_str(" (có ý kiến bằng văn bản)");
        }
        line.push(';');
        blocks.push(Block::item(line));
    }

    let secret: Vec<&RoundRecord> = record
        .rounds
        .iter()
        .filter(|r| r.round.method == VoteMethod::SecretBallot)
        .collect();
    blocks.push(Block::heading("II. KẾT QUẢ KIỂM PHIẾU"));
    if secret.is_empty() {
        blocks.push(Block::para("Cuộc họp không có lần bỏ phiếu kín nào."));
    }
    for r in &secret {
        round_section(record, r, secret.len() > 1, &mut blocks);
    }
    blocks.push(Block::para(format!(
        "Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng ({} người).",
        c.members_total
    )));
    blocks.push(Block::para(
        "Ban kiểm phiếu lập biên bản này và công bố kết quả trước Hội đồng.",
    ));

    let mut signatures: Vec<Signature> = record
        .counting_committee
        .iter()
        .map(|c| Signature {
            role: if c.is_head {
                "TRƯỞNG BAN".into()
            } else {
                "THÀNH VIÊN".into()
            },
            hint: SIGN_HINT.into(),
            name: c.member.name.clone(),
        })
        .collect();
    if signatures.is_empty() {
        signatures.push(Signature {
            role: "TRƯỞNG BAN".into(),
            hint: SIGN_HINT.into(),
            name: String::new(),
        });
    }
    let subject = if m.number.is_empty() {
        format!("Kèm theo Biên bản họp {}", lower_first(&m.subject))
    } else {
        format!("Kèm theo Biên bản số {}", m.number)
    };
    Document {
        kind: DocKind::BallotRecord,
        header: header(record, String::new()),
        title: "BIÊN BẢN KIỂM PHIẾU".into(),
        subject,
        blocks,
        signatures,
        recipients: Vec::new(),
        footer: None,
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn round_section(record: &MeetingRecord, r: &RoundRecord, numbered: bool, blocks: &mut Vec<Block>) {
    let b = &r.round.ballots;
    if numbered {
        let mut title = format!("Lần bỏ phiếu thứ {}", r.round.round_no);
        if let Some(reason) = &r.round.amendment_reason {
            title.push_str(&format!(" (điều chỉnh: {reason})"));
        }
        blocks.push(Block::para(format!("{title}:")));
    }
    blocks.push(Block::item(format!("- Số phiếu phát ra: {};", b.issued)));
    blocks.push(Block::item(format!("- Số phiếu thu về: {};", b.returned)));
    blocks.push(Block::item(format!("- Số phiếu hợp lệ: {};", b.valid)));
    blocks.push(Block::item(format!(
        "- Số phiếu không hợp lệ: {}.",
        b.invalid
    )));
    let total = r.round.attendance.members_total;
    let mut rows: Vec<(u32, usize, Vec<String>)> = Vec::new();
    let mut any_written = false;
    for (i, v) in r.results.iter().enumerate() {
        let Some(entry) = record
            .agenda
            .iter()
            .find(|e| e.nomination.id == v.nomination_id)
        else {
            continue;
        };
        let n = &entry.nominee;
        let votes = v.outcome.counted_agree;
        let written = votes.saturating_sub(v.tally.agree);
        let cell = if written > 0 {
            any_written = true;
            format!("{} + {written} VB", v.tally.agree)
        } else {
            votes.to_string()
        };
        rows.push((
            votes,
            i,
            vec![
                String::new(),
                n.name.clone(),
                n.birth_year
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| "—".into()),
                match n.sex {
                    Some(Sex::Male) => "Nam".into(),
                    Some(Sex::Female) => "Nữ".into(),
                    None => "—".into(),
                },
                position_unit(n),
                entry.award_short.clone(),
                cell,
                percent(permille(votes, total)),
            ],
        ));
    }
    // Most votes first; equal votes keep the agenda order.
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    blocks.push(Block::Table(Table {
        columns: vec![
            col("STT", 7, Align::Center),
            col("Họ và tên", 21, Align::Left),
            col("Năm sinh", 8, Align::Center),
            col("Giới tính", 8, Align::Center),
            col("Chức vụ, đơn vị", 23, Align::Left),
            col("Hình thức", 14, Align::Left),
            col("Số phiếu", 11, Align::Center),
            col("Tỷ lệ", 10, Align::Center),
        ],
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(k, (_, _, mut row))| {
                row[0] = (k + 1).to_string();
                row
            })
            .collect(),
    }));
    if any_written {
        blocks.push(Block::para(
            "VB: ý kiến đồng ý bằng văn bản của thành viên vắng mặt, được tính theo quy chế hoạt động của Hội đồng.",
        ));
    }
}
