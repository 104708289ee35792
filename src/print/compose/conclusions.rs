//! The conclusions of the minutes: what the council approved, per award,
//! split into what the ward's chairman decides and what goes up.

use crate::domain::meeting::NoteKind;
use crate::domain::record::{AgendaEntry, MeetingRecord};
use crate::print::model::{Align, Block, Table};

use super::minutes::{Notes, notes_of, title_case_body};
use super::{col, percent, position_unit};

pub(super) fn conclusions(record: &MeetingRecord, notes: Notes, blocks: &mut Vec<Block>) {
    blocks.push(Block::heading("III. KẾT LUẬN"));
    blocks.extend(
        notes_of(record, NoteKind::Conclusion, None)
            .into_iter()
            .map(|n| notes.block(n)),
    );
    let passed: Vec<&AgendaEntry> = record
        .agenda
        .iter()
        .filter(|e| {
            record
                .latest_result(e.nomination.id)
                .is_some_and(|(_, r)| r.outcome.passed)
        })
        .collect();
    if passed.is_empty() {
        blocks.push(Block::para(
            "Không có hồ sơ nào đạt tỷ lệ biểu quyết theo quy định.",
        ));
        return;
    }
    let home: Vec<_> = passed
        .iter()
        .copied()
        .filter(|e| e.decided_at_home)
        .collect();
    let upward: Vec<_> = passed
        .iter()
        .copied()
        .filter(|e| !e.decided_at_home)
        .collect();
    let mut part = 0;
    if !home.is_empty() {
        part += 1;
        blocks.push(Block::para(format!(
            "{part}. Hội đồng thống nhất đề nghị Chủ tịch {} khen thưởng ({} trường hợp):",
            title_case_body(&record.council.issuing_body),
            home.len()
        )));
        per_award(record, &home, blocks);
    }
    if !upward.is_empty() {
        part += 1;
        blocks.push(Block::para(format!(
            "{part}. Hội đồng thống nhất trình cấp trên xem xét, khen thưởng ({} trường hợp):",
            upward.len()
        )));
        per_award(record, &upward, blocks);
    }
}

/// One table per award, awards in the order they first appear on the agenda.
fn per_award(record: &MeetingRecord, entries: &[&AgendaEntry], blocks: &mut Vec<Block>) {
    let mut awards: Vec<&str> = Vec::new();
    for e in entries {
        if !awards.contains(&e.award_name.as_str()) {
            awards.push(&e.award_name);
        }
    }
    for (i, award) in awards.into_iter().enumerate() {
        let letter = char::from(b'a' + (i % 26) as u8);
        let group: Vec<_> = entries.iter().filter(|e| e.award_name == award).collect();
        blocks.push(Block::para(format!(
            "{letter}) {award}: {} trường hợp",
            group.len()
        )));
        blocks.push(Block::Table(Table {
            columns: vec![
                col("STT", 7, Align::Center),
                col("Cá nhân, tập thể", 34, Align::Left),
                col("Chức vụ, đơn vị", 44, Align::Left),
                col("Tỷ lệ đồng ý", 16, Align::Center),
            ],
            rows: group
                .iter()
                .enumerate()
                .map(|(k, e)| {
                    let share = record
                        .latest_result(e.nomination.id)
                        .map(|(_, r)| percent(r.outcome.share_permille))
                        .unwrap_or_default();
                    vec![
                        (k + 1).to_string(),
                        e.nominee.name.clone(),
                        position_unit(&e.nominee),
                        share,
                    ]
                })
                .collect(),
        }));
    }
}
