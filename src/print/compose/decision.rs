//! The ward chairman's decision for many awards (DOMAIN.md §7), in the
//! layout of Decree 30 for a decision, with the attached list of those it
//! awards and their prize money. A pure function of `DecisionPaper`.

use chrono::NaiveDate;

use crate::domain::decision_batch::{DecisionLine, DecisionPaper};
use crate::domain::movement::Round;
use crate::domain::nominee::RecipientClass;
use crate::i18n::numbers::{amount_in_words, group_digits};

use super::super::model::{Align, Annex, Block, DocKind, Document, Header, Signature, Table};
use super::{When, col, position_unit};

/// The laws every award decision rests on, before the plan and the minutes.
/// A ward that needs other lines changes its copy of the template.
const LEGAL_BASES: [&str; 3] = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;",
];

/// The sections of the list, in the order they are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Collective,
    Household,
    Individual,
}

impl Section {
    const ALL: [Section; 3] = [Section::Collective, Section::Household, Section::Individual];

    fn of(class: RecipientClass) -> Section {
        match class {
            RecipientClass::Collective | RecipientClass::Enterprise => Section::Collective,
            RecipientClass::Household => Section::Household,
            RecipientClass::Individual => Section::Individual,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Section::Collective => "tập thể",
            Section::Household => "hộ gia đình",
            Section::Individual => "cá nhân",
        }
    }

    fn name_column(self) -> &'static str {
        match self {
            Section::Collective => "Tên tập thể",
            Section::Household => "Hộ gia đình",
            Section::Individual => "Họ và tên",
        }
    }

    fn detail_column(self) -> &'static str {
        match self {
            Section::Household => "Địa chỉ",
            _ => "Chức vụ, đơn vị",
        }
    }
}

fn section(l: &DecisionLine) -> Section {
    Section::of(l.nominee.kind.class())
}

fn day_words(d: NaiveDate) -> String {
    When::of_date(d).date_words()
}

/// "01", "02" … as documents write small counts; 10 and above as they are.
fn count(n: usize) -> String {
    format!("{n:02}")
}

fn roman(n: usize) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        .get(n)
        .copied()
        .unwrap_or("X")
}

/// "năm 2025", "giai đoạn 2022–2025".
fn round_words(r: Round) -> String {
    match r {
        Round::Annual { year } => format!("năm {year}"),
        Round::Review { from, to } => format!("giai đoạn {from}–{to}"),
    }
}

/// "ỦY BAN NHÂN DÂN\nPHƯỜNG THANH BÌNH" from "UBND PHƯỜNG THANH BÌNH".
fn issuing_body(governing_body: &str) -> String {
    let upper = governing_body.trim().to_uppercase();
    match upper.strip_prefix("UBND ") {
        Some(rest) => format!("ỦY BAN NHÂN DÂN\n{rest}"),
        None => upper,
    }
}

/// The awards of the decision in the order they first appear, each with its lines.
fn groups(lines: &[DecisionLine]) -> Vec<(&DecisionLine, Vec<&DecisionLine>)> {
    let mut out: Vec<(&DecisionLine, Vec<&DecisionLine>)> = Vec::new();
    for l in lines {
        match out
            .iter_mut()
            .find(|(first, _)| first.award_code == l.award_code)
        {
            Some((_, ls)) => ls.push(l),
            None => out.push((l, vec![l])),
        }
    }
    out
}

/// "01 tập thể, 01 hộ gia đình và 02 cá nhân".
fn counts(lines: &[&DecisionLine]) -> String {
    let parts: Vec<String> = Section::ALL
        .iter()
        .map(|s| (s, lines.iter().filter(|l| section(l) == *s).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {}", count(n), s.noun()))
        .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} và {last}", rest.join(", ")),
        _ => parts.join(""),
    }
}

/// "Tặng Giấy khen của Chủ tịch UBND phường", "Công nhận danh hiệu “Lao động tiên tiến”".
fn award_verb(l: &DecisionLine) -> String {
    if l.is_title {
        format!("Công nhận danh hiệu “{}”", l.award_short)
    } else {
        format!("Tặng {}", l.award_name)
    }
}

fn subject(groups: &[(&DecisionLine, Vec<&DecisionLine>)], round: &str) -> String {
    match groups {
        [(l, _)] if l.is_title => format!("Về việc công nhận danh hiệu “{}”", l.award_short),
        [(l, _)] => format!("Về việc tặng {}", l.award_short),
        _ => format!("Về việc khen thưởng {round}"),
    }
}

fn money(amount: Option<i64>) -> String {
    amount.map(group_digits).unwrap_or_else(|| "…".into())
}

/// The "Căn cứ" and "Xét đề nghị" lines.
fn bases(p: &DecisionPaper) -> Vec<Block> {
    let mut out: Vec<Block> = LEGAL_BASES.iter().map(|t| Block::item(*t)).collect();
    if let Some(plan) = &p.plan {
        let number = if plan.plan_number.starts_with("Kế hoạch") {
            plan.plan_number.clone()
        } else {
            format!("Kế hoạch số {}", plan.plan_number)
        };
        let date = plan
            .plan_date
            .map(|d| format!(" {}", day_words(d)))
            .unwrap_or_default();
        out.push(Block::item(format!(
            "Căn cứ {number}{date} về phong trào thi đua “{}”;",
            plan.name
        )));
    }
    let held = p
        .meeting_day
        .map(|d| format!(" {}", day_words(d)))
        .unwrap_or_default();
    let minutes = if p.minutes_number.is_empty() {
        "Biên bản họp".to_string()
    } else {
        format!("Biên bản số {}", p.minutes_number)
    };
    out.push(Block::item(format!(
        "Căn cứ {minutes}{held} của {};",
        p.ward.council_name
    )));
    out.push(Block::item(format!(
        "Xét đề nghị của Thường trực {}.",
        p.ward.council_name
    )));
    out
}

fn article_1(
    p: &DecisionPaper,
    groups: &[(&DecisionLine, Vec<&DecisionLine>)],
    deeds: &str,
) -> Vec<Block> {
    match groups {
        [(first, ls)] => vec![Block::lead(
            "Điều 1. ",
            format!(
                "{} cho {} {deeds} (có danh sách kèm theo).",
                award_verb(first),
                counts(ls)
            ),
        )],
        _ => {
            let all: Vec<&DecisionLine> = p.lines.iter().collect();
            let mut out = vec![Block::lead(
                "Điều 1. ",
                format!(
                    "Khen thưởng {} {deeds} (có danh sách kèm theo), gồm:",
                    counts(&all)
                ),
            )];
            let n = groups.len();
            for (i, (first, ls)) in groups.iter().enumerate() {
                let end = if i + 1 == n { "." } else { ";" };
                out.push(Block::para(format!(
                    "{}. {} cho {}{end}",
                    i + 1,
                    award_verb(first),
                    counts(ls)
                )));
            }
            out
        }
    }
}

fn article_2(p: &DecisionPaper, groups: &[(&DecisionLine, Vec<&DecisionLine>)]) -> Block {
    let mut rates = Vec::new();
    for (first, ls) in groups {
        let per: Vec<String> = Section::ALL
            .iter()
            .filter_map(|s| ls.iter().find(|l| section(l) == *s).map(|l| (s, l.amount)))
            .map(|(s, a)| format!("mỗi {} {} đồng", s.noun(), money(a)))
            .collect();
        rates.push(format!("{}: {}", first.award_short, per.join(", ")));
    }
    let (total, missing) = p.total();
    let missing = if missing > 0 {
        format!(" ({} trường hợp chưa có mức thưởng)", count(missing))
    } else {
        String::new()
    };
    Block::lead(
        "Điều 2. ",
        format!(
            "Kèm theo khen thưởng là tiền thưởng theo quy định: {}. Tổng số tiền thưởng: {} đồng (bằng chữ: {}){missing}, chi từ Quỹ thi đua, khen thưởng của phường.",
            rates.join("; "),
            group_digits(total),
            lower_first(&amount_in_words(total))
        ),
    )
}

fn section_table(section: Section, lines: &[&DecisionLine]) -> Block {
    let mut rows: Vec<Vec<String>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let detail = match section {
                Section::Household if l.nominee.address.is_empty() => position_unit(&l.nominee),
                Section::Household => l.nominee.address.clone(),
                _ => position_unit(&l.nominee),
            };
            vec![
                (i + 1).to_string(),
                l.nominee.name.clone(),
                detail,
                money(l.amount),
            ]
        })
        .collect();
    let sum = lines.iter().filter_map(|l| l.amount).reduce(|a, b| a + b);
    rows.push(vec![
        String::new(),
        "Cộng".into(),
        String::new(),
        money(sum),
    ]);
    Block::Table(Table {
        columns: vec![
            col("STT", 6, Align::Center),
            col(section.name_column(), 30, Align::Left),
            col(section.detail_column(), 42, Align::Left),
            col("Số tiền (đồng)", 18, Align::Right),
        ],
        rows,
    })
}

fn annex(p: &DecisionPaper, groups: &[(&DecisionLine, Vec<&DecisionLine>)]) -> Annex {
    let all: Vec<&DecisionLine> = p.lines.iter().collect();
    let nouns: Vec<&str> = Section::ALL
        .iter()
        .filter(|s| all.iter().any(|l| section(l) == **s))
        .map(|s| s.noun())
        .collect();
    let whom = match nouns.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} và {last}", rest.join(", ")),
        _ => nouns.join(""),
    };
    let what = match groups {
        [(l, _)] if l.is_title => format!("được công nhận danh hiệu “{}”", l.award_short),
        [(l, _)] => format!("được tặng {}", l.award_short),
        _ => "được khen thưởng".into(),
    };
    let mut blocks = Vec::new();
    let single = groups.len() == 1;
    for (gi, (first, ls)) in groups.iter().enumerate() {
        if !single {
            blocks.push(Block::heading(format!(
                "{}. {}",
                roman(gi),
                first.award_name.to_uppercase()
            )));
        }
        let present: Vec<Section> = Section::ALL
            .into_iter()
            .filter(|s| ls.iter().any(|l| section(l) == *s))
            .collect();
        for (si, s) in present.iter().enumerate() {
            let in_section: Vec<&DecisionLine> =
                ls.iter().copied().filter(|l| section(l) == *s).collect();
            let heading = if single {
                format!("{}. {}", roman(si), s.noun().to_uppercase())
            } else {
                format!("{}. {}", si + 1, capitalised(s.noun()))
            };
            blocks.push(Block::heading(heading));
            blocks.push(section_table(*s, &in_section));
        }
    }
    let (total, _) = p.total();
    blocks.push(Block::lead(
        "Tổng cộng: ",
        format!(
            "{}; tổng số tiền thưởng: {} đồng.",
            counts(&all),
            group_digits(total)
        ),
    ));
    Annex {
        title: vec!["DANH SÁCH".into(), format!("{whom} {what}").to_uppercase()],
        note: format!(
            "(Kèm theo Quyết định số {} ngày {} của {})",
            p.batch.number,
            day_words(p.batch.date)
                .strip_prefix("ngày ")
                .unwrap_or_default(),
            p.ward.chairman_title
        ),
        blocks,
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "- Như Điều 3;" … "- Lưu: VT.".
fn recipients(p: &DecisionPaper) -> Vec<String> {
    let list: Vec<String> = if p.ward.recipients_decision.is_empty() {
        vec!["Như Điều 3".into(), "Lưu: VT".into()]
    } else {
        p.ward.recipients_decision.clone()
    };
    let n = list.len();
    list.iter()
        .enumerate()
        .map(|(i, r)| format!("- {r}{}", if i + 1 == n { "." } else { ";" }))
        .collect()
}

/// The decision and its attached list.
pub fn decision(p: &DecisionPaper) -> Document {
    let groups = groups(&p.lines);
    let round = p
        .lines
        .first()
        .map(|l| round_words(l.round))
        .unwrap_or_default();
    let deeds = match &p.plan {
        Some(plan) => format!(
            "đã có thành tích xuất sắc trong phong trào thi đua “{}” {round}",
            plan.name
        ),
        None => format!("đã có thành tích xuất sắc trong phong trào thi đua {round}"),
    };
    let issuer = issuing_body(&p.ward.governing_body);
    let mut blocks = vec![Block::centered(format!(
        "CHỦ TỊCH {}",
        issuer.replace('\n', " ")
    ))];
    blocks.extend(bases(p));
    blocks.push(Block::centered("QUYẾT ĐỊNH:"));
    blocks.extend(article_1(p, &groups, &deeds));
    blocks.push(article_2(p, &groups));
    blocks.push(Block::lead(
        "Điều 3. ",
        format!(
            "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND phường, Thường trực {}, Thủ trưởng các cơ quan, đơn vị có liên quan và các {} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            p.ward.council_name,
            counts_nouns(&p.lines)
        ),
    ));
    let place = &p.ward.place_name;
    Document {
        kind: DocKind::Decision,
        header: Header {
            parent_body: String::new(),
            issuing_body: issuer,
            number: format!("Số: {}", p.batch.number),
            country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
            motto: "Độc lập - Tự do - Hạnh phúc".into(),
            place_date: format!("{place}, {}", day_words(p.batch.date)),
        },
        title: "QUYẾT ĐỊNH".into(),
        subject: subject(&groups, &round),
        blocks,
        signatures: vec![Signature {
            role: p.batch.title.signature_lines().join("\n"),
            hint: String::new(),
            name: p.batch.signer.clone(),
        }],
        recipients: recipients(p),
        footer: None,
        anchor: None,
        annex: Some(annex(p, &groups)),
    }
}

/// "tập thể, hộ gia đình, cá nhân": the kinds the decision names.
fn counts_nouns(lines: &[DecisionLine]) -> String {
    Section::ALL
        .iter()
        .filter(|s| lines.iter().any(|l| section(l) == **s))
        .map(|s| s.noun())
        .collect::<Vec<_>>()
        .join(", ")
}
