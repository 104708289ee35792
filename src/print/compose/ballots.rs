//! The ballot-count record (biên bản kiểm phiếu), DOMAIN.md §4: one per
//! meeting, a section per secret-ballot round, shares counted on the
//! council's total membership, signed by the counting committee.

use crate::domain::ballot_record::ballot_count_record;
use crate::domain::meeting::Presence;
use crate::domain::nominee::Sex;
use crate::domain::record::{MeetingRecord, RoundRecord};
use crate::domain::vote::VoteMethod;
use crate::i18n::ballots::{rule_label, tie_note};
use crate::print::model::{Align, Block, DocKind, Document, Signature, Table};

use super::tally::result_word;
use super::{SIGN_HINT, When, col, header, honorific, percent};

pub fn ballot_record(record: &MeetingRecord) -> Document {
    let m = &record.meeting;
    let mut blocks = Vec::new();
    let council = &record.council;
    let decision = if council.decision_number.is_empty() {
        council.founding_decision.clone()
    } else {
        let date = council
            .decision_date
            .as_deref()
            .and_then(When::parse)
            .map(|w| format!(" ngày {:02}/{:02}/{}", w.day, w.month, w.year))
            .unwrap_or_default();
        let body = record.ward.body_in_running_text();
        let by = if body.is_empty() {
            String::new()
        } else {
            format!(" của {body}")
        };
        format!("Quyết định số {}{date}{by}", council.decision_number)
    };
    if !decision.is_empty() {
        blocks.push(Block::para(format!(
            "Căn cứ {decision} về việc thành lập {};",
            council.name
        )));
    }
    let when = When::parse(m.began_at())
        .map(|w| format!("{}, {}", w.time_words(), w.date_words()))
        .unwrap_or_else(|| m.began_at().to_string());
    blocks.push(Block::para(format!(
        "Hôm nay, vào hồi {when}, tại {}, trong phiên họp {}, Ban kiểm phiếu gồm:",
        m.held_place_or_planned(),
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
        "Tỷ lệ phiếu đồng ý được tính theo quy tắc của từng hình thức khen thưởng; Hội đồng có {} thành viên.",
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
        format!(
            "Kèm theo Biên bản số {}",
            record.ward.minutes_number(&m.number)
        )
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
        anchor: None,
        annex: None,
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
        if let Some(reason) = &r.round.revote_reason {
            title.push_str(&format!(" (bỏ phiếu lại, lý do: {reason})"));
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
    // The order, the tie-breaking for women and pass/fail come from the
    // domain's record, so the printed table and the CLI agree.
    let Some(counted) = ballot_count_record(record, r.round.id) else {
        blocks.push(Block::para(
            "Không lập được bảng kết quả: có phiếu của người không còn trong chương trình họp.",
        ));
        return;
    };
    let mut any_written = false;
    let mut with_written = |in_room: u32, written: u32, counted: bool| {
        if counted && written > 0 {
            any_written = true;
            format!("{in_room} + {written} VB")
        } else {
            in_room.to_string()
        }
    };
    let rows = counted
        .rows
        .iter()
        .map(|row| {
            let t = &row.tally;
            vec![
                row.rank.to_string(),
                row.name.clone(),
                row.birth_year
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| "—".into()),
                match row.sex {
                    Some(Sex::Male) => "Nam".into(),
                    Some(Sex::Female) => "Nữ".into(),
                    None => "—".into(),
                },
                row.position_unit.clone(),
                row.award_short.clone(),
                with_written(t.agree, t.written_agree, row.counts_written),
                with_written(t.disagree, t.written_disagree, row.counts_written),
                format!(
                    "{} ({}/{})",
                    percent(row.share_permille),
                    row.votes,
                    row.denominator
                ),
                result_word(row.passed).into(),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            col("STT", 5, Align::Center),
            col("Họ và tên", 17, Align::Left),
            col("Năm sinh", 7, Align::Center),
            col("Giới tính", 7, Align::Center),
            col("Chức vụ, đơn vị", 17, Align::Left),
            col("Hình thức", 11, Align::Left),
            col("Đồng ý", 8, Align::Center),
            col("Không đồng ý", 9, Align::Center),
            col("Tỷ lệ đồng ý", 10, Align::Center),
            col("Kết quả", 9, Align::Center),
        ],
        rows,
    }));
    if any_written {
        blocks.push(Block::para(
            "VB: ý kiến bằng văn bản của thành viên vắng mặt, được tính theo quy chế hoạt động của Hội đồng.",
        ));
    }
    blocks.extend(counted.tie_notes.iter().map(tie_note).map(Block::para));
    let mut rules: Vec<(&str, String)> = counted
        .rows
        .iter()
        .map(|row| (row.award_short.as_str(), rule_label(&row.rule)))
        .collect();
    rules.sort_unstable();
    rules.dedup();
    if !rules.is_empty() {
        let list: Vec<String> = rules
            .iter()
            .map(|(award, rule)| format!("{award}: {rule}"))
            .collect();
        blocks.push(Block::para(format!(
            "Mức phiếu để đạt: {}.",
            list.join("; ")
        )));
    }
}
