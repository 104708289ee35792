//! The tờ trình upward (Mẫu số 01, Phụ lục NĐ 152/2025/NĐ-CP) for a batch
//! of referrals, then on a new page the list of those proposed and the
//! dossier of each. Pure function of the recorded `Submission`.

use chrono::NaiveDate;

use crate::domain::nominee::{NomineeKind, RecipientClass};
use crate::domain::submission::Submission;
use crate::print::model::{Align, Block, DocKind, Document, Header, Signature, Table};

use super::{SIGN_HINT, When, col, honorific, position_unit};
use crate::i18n::report::kind_words;

fn date_words(d: NaiveDate) -> String {
    When::of_date(d).date_words()
}

fn short_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// "02 tập thể, 01 cá nhân và 01 hộ gia đình".
pub(crate) fn counted(collectives: usize, individuals: usize, households: usize) -> String {
    let parts: Vec<String> = [
        (collectives, "tập thể"),
        (individuals, "cá nhân"),
        (households, "hộ gia đình"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, w)| format!("{n:02} {w}"))
    .collect();
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} và {last}", rest.join(", ")),
    }
}

/// The one the tờ trình is addressed to: the first of the ward's
/// submission recipients (not the archive line), else the granting authority.
fn addressee(s: &Submission) -> String {
    s.ward
        .recipients_submission
        .iter()
        .find(|r| !r.starts_with("Lưu"))
        .cloned()
        .unwrap_or_else(|| s.award.granted_by.clone())
}

fn section_of(kind: NomineeKind) -> u8 {
    match kind.class() {
        RecipientClass::Collective | RecipientClass::Enterprise => 0,
        RecipientClass::Individual => 1,
        RecipientClass::Household => 2,
    }
}

pub fn submission(s: &Submission) -> Document {
    let ward = &s.ward;
    let to = addressee(s);
    let count = |section| {
        s.lines
            .iter()
            .filter(|l| section_of(l.nominee.kind) == section)
            .count()
    };
    let who = counted(count(0), count(1), count(2));
    let mut blocks = vec![
        Block::heading(format!("Kính gửi: {to}.")),
        Block::para("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
        Block::para(
            "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
        ),
    ];
    if let Some(m) = &s.meeting {
        let held = When::parse(m.began_at())
            .map(|w| format!("{:02}/{:02}/{}", w.day, w.month, w.year))
            .unwrap_or_default();
        blocks.push(Block::para(format!(
            "Căn cứ Biên bản họp {} số {} ngày {held} và Biên bản kiểm phiếu kèm theo;",
            ward.council_name,
            ward.minutes_number(&m.number)
        )));
    }
    blocks.push(Block::para(format!(
        "{} kính trình {to} xem xét, đề nghị {} tặng {} cho {who} đã có thành tích xuất sắc trong phong trào thi đua (có danh sách kèm theo).",
        ward.council_name, s.award.granted_by, s.award.name
    )));
    blocks.push(Block::para(
        "Hồ sơ kèm theo gồm: Tờ trình; Biên bản họp Hội đồng và Biên bản kiểm phiếu; báo cáo thành tích và các văn bản khác theo quy định của từng trường hợp (chi tiết tại danh sách kèm theo).",
    ));
    blocks.push(Block::para(format!(
        "Kính trình {to} xem xét, quyết định./."
    )));

    // ---- The attached list ---------------------------------------------------
    blocks.push(Block::PageBreak);
    blocks.push(Block::heading(format!(
        "DANH SÁCH ĐỀ NGHỊ TẶNG {}",
        s.award.name.to_uppercase()
    )));
    blocks.push(Block::para(format!(
        "(Kèm theo Tờ trình số {} ngày {} của {})",
        s.number,
        short_date(s.date),
        ward.council_name
    )));
    let titles = ["I. TẬP THỂ", "II. CÁ NHÂN", "III. HỘ GIA ĐÌNH"];
    let mut rows = Vec::new();
    let mut n = 0;
    for (section, title) in titles.iter().enumerate() {
        let members: Vec<_> = s
            .lines
            .iter()
            .filter(|l| usize::from(section_of(l.nominee.kind)) == section)
            .collect();
        if members.is_empty() {
            continue;
        }
        rows.push(vec![
            String::new(),
            (*title).to_string(),
            String::new(),
            String::new(),
        ]);
        for l in members {
            n += 1;
            let name = if l.nominee.kind.is_person() {
                format!("{}{}", honorific(l.nominee.sex), l.nominee.name)
            } else {
                l.nominee.name.clone()
            };
            rows.push(vec![
                n.to_string(),
                name,
                position_unit(&l.nominee),
                kind_words(l.nominee.kind).to_string(),
            ]);
        }
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            col("STT", 6, Align::Center),
            col("Tên tập thể / Họ và tên", 34, Align::Left),
            col("Chức vụ, đơn vị", 36, Align::Left),
            col("Đối tượng", 24, Align::Left),
        ],
        rows,
    }));
    blocks.push(Block::heading("HỒ SƠ CỦA TỪNG TRƯỜNG HỢP"));
    let mut rows = Vec::new();
    for (i, l) in s.lines.iter().enumerate() {
        for (j, item) in l.checklist.iter().enumerate() {
            rows.push(vec![
                if j == 0 {
                    (i + 1).to_string()
                } else {
                    String::new()
                },
                if j == 0 {
                    l.nominee.name.clone()
                } else {
                    String::new()
                },
                item.name.clone(),
                if item.ticked_at.is_some() {
                    item.reference.clone()
                } else {
                    "Chưa có".to_string()
                },
            ]);
        }
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            col("STT", 6, Align::Center),
            col("Tên tập thể / Họ và tên", 26, Align::Left),
            col("Văn bản", 40, Align::Left),
            col("Số, ngày / tình trạng", 28, Align::Left),
        ],
        rows,
    }));

    let mut recipients = vec!["- Như trên;".to_string()];
    let rest: Vec<&String> = ward
        .recipients_submission
        .iter()
        .filter(|r| **r != to)
        .collect();
    let k = rest.len();
    for (i, r) in rest.into_iter().enumerate() {
        recipients.push(format!("- {r}{}", if i + 1 == k { "." } else { ";" }));
    }
    Document {
        kind: DocKind::Submission,
        header: Header {
            parent_body: ward.governing_body.to_uppercase(),
            issuing_body: ward.council_name.to_uppercase(),
            number: format!("Số: {}", s.number),
            country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
            motto: "Độc lập - Tự do - Hạnh phúc".into(),
            place_date: format!("{}, {}", ward.place_name, date_words(s.date)),
        },
        title: "TỜ TRÌNH".into(),
        subject: format!("Về việc đề nghị tặng {}", s.award.name),
        blocks,
        annex: None,
        signatures: vec![Signature {
            role: format!("TM. {}\nCHỦ TỊCH", short_council(&ward.council_name)),
            hint: SIGN_HINT.into(),
            name: s.signer.clone(),
        }],
        recipients,
        footer: None,
        anchor: None,
    }
}

/// "Hội đồng Thi đua – Khen thưởng phường Thanh Bình" → "HỘI ĐỒNG" for the
/// "TM." line, as Decree 30 writes it for a collective body.
fn short_council(name: &str) -> String {
    let upper = name.to_uppercase();
    if upper.starts_with("HỘI ĐỒNG") {
        "HỘI ĐỒNG".into()
    } else {
        upper
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_vietnamese_writes_them() {
        assert_eq!(counted(2, 1, 0), "02 tập thể và 01 cá nhân");
        assert_eq!(counted(0, 3, 0), "03 cá nhân");
        assert_eq!(counted(1, 2, 1), "01 tập thể, 02 cá nhân và 01 hộ gia đình");
    }
}
