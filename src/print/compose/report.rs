//! The year's report as a document: counts and prize money per award and
//! level, per kind of nominee and per unit, and the referrals upward with
//! where they stand. Pure function of `YearReport`.

use chrono::NaiveDate;

use crate::domain::report::{Counts, YearReport};
use crate::domain::ward::WardIdentity;
use crate::i18n::report::{OUTCOMES, kind_words, period_words};
use crate::print::model::{Align, Block, DocKind, Document, Header, Signature, Table};

use super::{SIGN_HINT, When, col};

/// "2.340.000": đồng with a dot between thousands.
pub fn money(amount: i64) -> String {
    crate::i18n::numbers::grouped(amount, crate::i18n::Lang::Vi)
}

fn count_cells(c: &Counts) -> Vec<String> {
    vec![
        c.individuals.to_string(),
        c.collectives.to_string(),
        c.households.to_string(),
        c.total().to_string(),
        money(c.prize.amount),
    ]
}

fn count_columns(first: &str) -> Vec<crate::print::model::Column> {
    vec![
        col("STT", 5, Align::Center),
        col(first, 33, Align::Left),
        col("Cá nhân", 9, Align::Right),
        col("Tập thể", 9, Align::Right),
        col("Hộ GĐ", 8, Align::Right),
        col("Tổng", 8, Align::Right),
        col("Tiền thưởng (đồng)", 16, Align::Right),
    ]
}

/// One of the count tables: numbered lines, each a name and its counts,
/// then the total.
fn count_table<'a>(
    first: &str,
    lines: impl Iterator<Item = (String, &'a Counts)>,
    total: &Counts,
) -> Block {
    let mut rows: Vec<Vec<String>> = lines
        .enumerate()
        .map(|(i, (name, counts))| {
            let mut row = vec![(i + 1).to_string(), name];
            row.extend(count_cells(counts));
            row
        })
        .collect();
    rows.push(total_row(total));
    Block::Table(Table {
        columns: count_columns(first),
        rows,
    })
}

fn total_row(c: &Counts) -> Vec<String> {
    let mut row = vec![String::new(), "Tổng cộng".to_string()];
    row.extend(count_cells(c));
    row
}

/// What is left over: approved, forwarded, withdrawn.
pub fn other_outcomes(line: &crate::domain::report::ReferralLine) -> u32 {
    line.total - OUTCOMES.iter().map(|(s, _)| line.count(*s)).sum::<u32>()
}

pub fn report(
    r: &YearReport,
    ward: &WardIdentity,
    level_name: impl Fn(&str) -> String,
    date: NaiveDate,
    signer: &str,
) -> Document {
    let mut blocks = vec![Block::para(format!(
        "{} báo cáo kết quả công tác khen thưởng {} như sau: tổng số {} lượt khen thưởng ({} cá nhân, {} tập thể, {} hộ gia đình); tổng tiền thưởng {} đồng{}.",
        ward.council_name,
        period_words(r),
        r.total.total(),
        r.total.individuals,
        r.total.collectives,
        r.total.households,
        money(r.total.prize.amount),
        if r.total.prize.without_figure > 0 {
            format!(
                " ({} lượt chưa có mức tiền thưởng trong bảng hệ số tại ngày quyết định)",
                r.total.prize.without_figure
            )
        } else {
            String::new()
        }
    ))];
    blocks.push(Block::heading("I. THEO HÌNH THỨC VÀ CẤP KHEN THƯỞNG"));
    blocks.push(count_table(
        "Hình thức (cấp quyết định)",
        r.by_award.iter().map(|l| {
            (
                format!("{} ({})", l.award_name, level_name(&l.level)),
                &l.counts,
            )
        }),
        &r.total,
    ));
    blocks.push(Block::heading("II. THEO ĐỐI TƯỢNG"));
    blocks.push(count_table(
        "Đối tượng",
        r.by_kind
            .iter()
            .map(|l| (kind_words(l.kind).to_string(), &l.counts)),
        &r.total,
    ));
    blocks.push(Block::heading("III. THEO ĐƠN VỊ"));
    blocks.push(count_table(
        "Đơn vị",
        r.by_unit.iter().map(|l| {
            let unit = if l.unit.is_empty() {
                "(không ghi đơn vị)".to_string()
            } else {
                l.unit.clone()
            };
            (unit, &l.counts)
        }),
        &r.total,
    ));
    blocks.push(Block::heading("IV. ĐỀ NGHỊ CẤP TRÊN KHEN THƯỞNG"));
    if r.referrals.is_empty() {
        blocks.push(Block::para(format!(
            "Không có hồ sơ đề nghị cấp trên khen thưởng trong {}.",
            period_words(r)
        )));
    } else {
        let mut columns = vec![
            col("STT", 5, Align::Center),
            col("Hình thức (gửi cấp)", 27, Align::Left),
            col("Số hồ sơ", 8, Align::Right),
        ];
        columns.extend(OUTCOMES.iter().map(|(_, w)| col(w, 9, Align::Right)));
        columns.push(col("Khác", 6, Align::Right));
        let rows = r
            .referrals
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut row = vec![
                    (i + 1).to_string(),
                    format!("{} ({})", l.award_name, level_name(&l.level)),
                    l.total.to_string(),
                ];
                row.extend(OUTCOMES.iter().map(|(s, _)| l.count(*s).to_string()));
                row.push(other_outcomes(l).to_string());
                row
            })
            .collect();
        blocks.push(Block::Table(Table { columns, rows }));
    }
    let when = When::of_date(date);
    let n = ward.recipients_submission.len();
    Document {
        kind: DocKind::Report,
        header: Header {
            parent_body: ward.governing_body.to_uppercase(),
            issuing_body: ward.council_name.to_uppercase(),
            number: String::new(),
            country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
            motto: "Độc lập - Tự do - Hạnh phúc".into(),
            place_date: format!("{}, {}", ward.place_name, when.date_words()),
        },
        title: "BÁO CÁO".into(),
        subject: format!("Thống kê kết quả khen thưởng {}", period_words(r)),
        blocks,
        annex: None,
        signatures: vec![Signature {
            role: "TM. HỘI ĐỒNG\nCHỦ TỊCH".into(),
            hint: SIGN_HINT.into(),
            name: signer.to_string(),
        }],
        recipients: ward
            .recipients_submission
            .iter()
            .enumerate()
            .map(|(i, r)| format!("- {r}{}", if i + 1 == n { "." } else { ";" }))
            .collect(),
        footer: None,
        anchor: None,
    }
}
