//! The minutes of a council meeting, in the order of DOMAIN.md §6.

use crate::domain::meeting::{MinutesNote, NoteKind, Presence};
use crate::domain::record::{AgendaEntry, MeetingRecord};
use crate::print::model::{Align, Block, DocKind, Document, Signature, Table};

use super::{
    SIGN_HINT, When, col, decimal, header, honorific, member_line, method_words, percent,
    position_unit, threshold_words,
};

/// Choices for printing the minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MinutesOptions {
    /// Print each note with the clock time it was taken, "(09:15) …".
    pub note_times: bool,
}

/// The minutes (biên bản) of the meeting, notes without clock times.
pub fn minutes(record: &MeetingRecord) -> Document {
    minutes_with(record, MinutesOptions::default())
}

/// The minutes (biên bản) of the meeting.
pub fn minutes_with(record: &MeetingRecord, options: MinutesOptions) -> Document {
    let m = &record.meeting;
    let number = format!("Số: {}", record.ward.minutes_number(&m.number));
    let mut blocks = Vec::new();
    let notes = Notes { options };
    opening(record, &mut blocks);
    attendance(record, &mut blocks);
    agenda(record, notes, &mut blocks);
    super::conclusions::conclusions(record, notes, &mut blocks);
    closing(record, notes, &mut blocks);

    let name = |member: &Option<crate::domain::council::Member>| {
        member.as_ref().map(|x| x.name.clone()).unwrap_or_default()
    };
    Document {
        kind: DocKind::Minutes,
        header: header(record, number),
        title: "BIÊN BẢN".into(),
        subject: m.subject.clone(),
        blocks,
        signatures: vec![
            Signature {
                role: "THƯ KÝ".into(),
                hint: SIGN_HINT.into(),
                name: name(&record.secretary),
            },
            Signature {
                role: "CHỦ TỌA".into(),
                hint: SIGN_HINT.into(),
                name: name(&record.chair),
            },
        ],
        recipients: record.ward.minutes_recipient_lines(),
        footer: None,
        anchor: None,
        annex: None,
    }
}

pub(super) fn notes_of(
    record: &MeetingRecord,
    kind: NoteKind,
    item: Option<i64>,
) -> Vec<&MinutesNote> {
    record
        .notes
        .iter()
        .filter(|n| n.kind == kind && n.agenda_item_id == item)
        .collect()
}

/// How notes are printed.
#[derive(Clone, Copy)]
pub(super) struct Notes {
    options: MinutesOptions,
}

impl Notes {
    pub(super) fn block(self, n: &MinutesNote) -> Block {
        match When::parse(&n.at).filter(|_| self.options.note_times && n.at.len() >= 16) {
            Some(w) => Block::item(format!("({}) {}", w.clock(), n.text)),
            None => Block::item(n.text.clone()),
        }
    }
}

fn opening(record: &MeetingRecord, blocks: &mut Vec<Block>) {
    let m = &record.meeting;
    let start = When::parse(m.began_at());
    blocks.push(Block::heading("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"));
    let when = start
        .map(|w| format!("{}, {}", w.time_words(), w.date_words()))
        .unwrap_or_else(|| m.began_at().to_string());
    blocks.push(Block::lead(
        "1. Thời gian: ",
        format!("bắt đầu lúc {when}."),
    ));
    blocks.push(Block::lead(
        "2. Địa điểm: ",
        format!("{}.", m.held_place_or_planned()),
    ));
    let chair = record
        .chair
        .as_ref()
        .map(member_line)
        .unwrap_or_else(|| "chưa ghi nhận".into());
    let secretary = record
        .secretary
        .as_ref()
        .map(member_line)
        .unwrap_or_else(|| "chưa ghi nhận".into());
    blocks.push(Block::lead("3. Chủ tọa: ", format!("{chair}.")));
    blocks.push(Block::lead("4. Thư ký: ", format!("{secretary}.")));
}

fn attendance(record: &MeetingRecord, blocks: &mut Vec<Block>) {
    let c = record.attendance_counts();
    let mut text = format!(
        "tổng số thành viên Hội đồng: {}; có mặt: {}; vắng mặt: {}",
        c.members_total, c.present, c.absent
    );
    if c.written_opinions > 0 {
        text.push_str(&format!(
            " (trong đó {} thành viên gửi ý kiến bằng văn bản)",
            c.written_opinions
        ));
    }
    let unmarked = c.members_total - c.present - c.absent;
    if unmarked > 0 {
        text.push_str(&format!("; chưa điểm danh: {unmarked}"));
    }
    text.push('.');
    blocks.push(Block::lead("5. Thành phần: ", text));
    if let Some(rule) = record
        .rounds
        .iter()
        .flat_map(|r| r.results.iter())
        .map(|v| &v.rule)
        .next()
    {
        let met = c.quorum_met(&rule.quorum);
        blocks.push(Block::para(format!(
            "Số thành viên có mặt {} tỷ lệ tối thiểu {} tổng số thành viên theo quy chế hoạt động của Hội đồng.",
            if met { "bảo đảm" } else { "không bảo đảm" },
            rule.quorum.share.label()
        )));
    }
    let present: Vec<_> = record
        .attendance
        .iter()
        .filter(|a| a.presence == Presence::Present)
        .collect();
    if !present.is_empty() {
        blocks.push(Block::para(format!(
            "a) Thành viên có mặt ({}):",
            present.len()
        )));
        blocks.extend(
            present
                .iter()
                .map(|a| Block::item(format!("- {};", member_line(&a.member)))),
        );
    }
    let absent: Vec<_> = record
        .attendance
        .iter()
        .filter(|a| {
            matches!(
                a.presence,
                Presence::Absent { .. } | Presence::AbsentWithOpinion { .. }
            )
        })
        .collect();
    if !absent.is_empty() {
        blocks.push(Block::para(format!(
            "b) Thành viên vắng mặt ({}):",
            absent.len()
        )));
        for a in absent {
            let reason = a.presence.reason();
            let mut line = format!("- {}", member_line(&a.member));
            if !reason.is_empty() {
                line.push_str(&format!(", lý do: {reason}"));
            }
            if matches!(a.presence, Presence::AbsentWithOpinion { .. }) {
                line.push_str(" (có ý kiến bằng văn bản)");
            }
            line.push(';');
            blocks.push(Block::item(line));
        }
    }
    if !record.guests.is_empty() {
        blocks.push(Block::para(format!(
            "c) Khách mời ({}, tham dự, không biểu quyết):",
            record.guests.len()
        )));
        for g in &record.guests {
            let mut line = format!("- {}", g.name);
            if !g.position.is_empty() {
                line.push_str(&format!(", {}", g.position));
            }
            line.push(';');
            blocks.push(Block::item(line));
        }
    }
}

fn agenda(record: &MeetingRecord, notes: Notes, blocks: &mut Vec<Block>) {
    blocks.push(Block::heading("II. NỘI DUNG"));
    blocks.extend(
        notes_of(record, NoteKind::Opening, None)
            .into_iter()
            .map(|n| notes.block(n)),
    );
    blocks.push(Block::para(format!(
        "Hội đồng xem xét {} hồ sơ đề nghị khen thưởng theo chương trình sau:",
        record.agenda.len()
    )));
    blocks.push(Block::Table(Table {
        columns: vec![
            col("STT", 7, Align::Center),
            col("Cá nhân, tập thể", 30, Align::Left),
            col("Chức vụ, đơn vị", 34, Align::Left),
            col("Hình thức đề nghị", 30, Align::Left),
        ],
        rows: record
            .agenda
            .iter()
            .map(|e| {
                vec![
                    e.item.position.to_string(),
                    e.nominee.name.clone(),
                    position_unit(&e.nominee),
                    e.award_name.clone(),
                ]
            })
            .collect(),
    }));
    let general = notes_of(record, NoteKind::Note, None);
    if !general.is_empty() {
        blocks.push(Block::para("Ý kiến thảo luận chung:"));
        blocks.extend(general.into_iter().map(|n| notes.block(n)));
    }
    for entry in &record.agenda {
        agenda_item(record, entry, notes, blocks);
    }
}

fn agenda_item(record: &MeetingRecord, e: &AgendaEntry, notes: Notes, blocks: &mut Vec<Block>) {
    let n = &e.nominee;
    let who = format!("{}{}", honorific(n.sex), n.name);
    let mut text = format!(" – đề nghị tặng {}", e.award_name);
    let pu = position_unit(n);
    if !pu.is_empty() {
        text = format!(" ({pu}){text}");
    }
    if let Some(score) = e.score {
        text.push_str(&format!("; điểm chấm {}/100", decimal(score)));
    }
    text.push('.');
    blocks.push(Block::lead(format!("{}. {who}", e.item.position), text));
    if !e.nomination.summary.is_empty() {
        blocks.push(Block::lead(
            "Tóm tắt thành tích: ",
            e.nomination.summary.clone(),
        ));
    }
    let said: Vec<_> = record
        .notes
        .iter()
        .filter(|x| x.agenda_item_id == Some(e.item.id))
        .collect();
    if !said.is_empty() {
        blocks.push(Block::para("Ý kiến thảo luận:"));
        blocks.extend(said.into_iter().map(|n| notes.block(n)));
    }
    let Some((round, result)) = record.latest_result(e.nomination.id) else {
        blocks.push(Block::para("Chưa biểu quyết."));
        return;
    };
    // Votes are counted per item (the meeting's ballot numbers are in the
    // ballot-count record): an item voted once reads "lần 1".
    let this_vote = earlier_rounds(record, e, round.id, blocks) + 1;
    let o = &result.outcome;
    let t = &result.tally;
    let mut lead = format!("Kết quả {} (lần {this_vote}", method_words(round.method));
    if let Some(reason) = &round.amendment_reason {
        lead.push_str(&format!(", điều chỉnh: {reason}"));
    }
    if let Some(reason) = &round.revote_reason {
        lead.push_str(&format!(", biểu quyết lại, lý do: {reason}"));
    }
    lead.push_str("):");
    blocks.push(Block::para(lead));
    blocks.push(Block::Table(super::tally::tally_table(round, result)));
    let written = o.counted_agree.saturating_sub(t.agree);
    let counted = if written > 0 {
        format!(
            "{}/{}, tính cả {written} ý kiến đồng ý bằng văn bản (VB)",
            o.counted_agree, o.denominator
        )
    } else {
        format!("{}/{}", o.counted_agree, o.denominator)
    };
    let mut text = format!(
        "Tỷ lệ đồng ý {} trên {} ({counted}); yêu cầu {}",
        percent(o.share_permille),
        super::denominator_words(&result.rule),
        threshold_words(&result.rule)
    );
    if let Some(needed) = o.needed {
        text.push_str(&format!(" (cần {needed} phiếu)"));
    }
    text.push_str(if o.passed {
        ". Kết quả: ĐẠT."
    } else {
        ". Kết quả: KHÔNG ĐẠT."
    });
    blocks.push(Block::para(text));
}

/// Every round on the item before the deciding one, each with its result and
/// the reason it was held again, so the minutes hide no vote. Returns how
/// many there were.
fn earlier_rounds(
    record: &MeetingRecord,
    e: &AgendaEntry,
    deciding: i64,
    blocks: &mut Vec<Block>,
) -> usize {
    let earlier: Vec<_> = record
        .rounds
        .iter()
        .filter(|r| r.round.id != deciding)
        .filter_map(|r| {
            r.results
                .iter()
                .find(|v| v.nomination_id == e.nomination.id)
                .map(|v| (&r.round, v))
        })
        .collect();
    if earlier.is_empty() {
        return 0;
    }
    let count = earlier.len();
    blocks.push(Block::para(format!(
        "Nội dung này được biểu quyết {} lần; kết quả lần sau cùng là kết quả quyết định. Các lần trước:",
        earlier.len() + 1
    )));
    for (n, (round, v)) in earlier.into_iter().enumerate() {
        let o = &v.outcome;
        let mut line = format!("- Lần {} ({}", n + 1, method_words(round.method));
        if let Some(reason) = &round.amendment_reason {
            line.push_str(&format!(", điều chỉnh: {reason}"));
        }
        if let Some(reason) = &round.revote_reason {
            line.push_str(&format!(", biểu quyết lại, lý do: {reason}"));
        }
        line.push_str(&format!(
            "): đồng ý {}/{} ({}), {};",
            o.counted_agree,
            o.denominator,
            percent(o.share_permille),
            if o.passed { "Đạt" } else { "Không đạt" }
        ));
        blocks.push(Block::item(line));
    }
    count
}

fn closing(record: &MeetingRecord, notes: Notes, blocks: &mut Vec<Block>) {
    blocks.extend(
        notes_of(record, NoteKind::Closing, None)
            .into_iter()
            .map(|n| notes.block(n)),
    );
    let began = When::parse(record.meeting.began_at());
    let end = record
        .meeting
        .ended_at()
        .and_then(When::parse)
        .map(|w| {
            // One date for the whole meeting: the end says "the same day".
            let same_day =
                began.is_some_and(|b| (b.year, b.month, b.day) == (w.year, w.month, w.day));
            let day = if same_day {
                "cùng ngày".to_string()
            } else {
                w.date_words()
            };
            format!("Cuộc họp kết thúc vào hồi {}, {day}.", w.time_words())
        })
        .unwrap_or_else(|| "Cuộc họp kết thúc vào hồi … giờ … phút cùng ngày.".into());
    blocks.push(Block::para(end));
    blocks.push(Block::para(
        "Biên bản đã được đọc lại trước Hội đồng, các thành viên dự họp thống nhất với nội dung biên bản.",
    ));
}
