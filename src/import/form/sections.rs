//! Rows that are not nominations: section headings that say the kind of
//! the rows under them ("I. TẬP THỂ", "II. HỘ GIA ĐÌNH", "III. CÁ NHÂN"),
//! and what comes under the table (the total, notes, the place and date,
//! the signatures).

use super::loose_key;
use crate::domain::nominee::NomineeKind;
use crate::domain::text::fold;
use crate::import::columns;

/// What a section heading says about the kind of the rows under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// The heading names the kind exactly ("HỘ GIA ĐÌNH", "Người dân").
    Named(NomineeKind),
    /// A general word ("CÁ NHÂN", "TẬP THỂ") read as the likeliest kind; the
    /// report lists it and `--kind` changes it.
    Guessed(NomineeKind),
    /// A heading that names no kind ("I. KHỐI CƠ QUAN"): rows under it take
    /// the kind from their own column or from `--kind`.
    Unknown,
}

impl SectionKind {
    pub fn kind(self) -> Option<NomineeKind> {
        match self {
            SectionKind::Named(k) | SectionKind::Guessed(k) => Some(k),
            SectionKind::Unknown => None,
        }
    }
}

/// The general words of section headings, and the kind each is read as.
const GENERAL_WORDS: &[(&str, NomineeKind)] = &[
    ("cá nhân", NomineeKind::Resident),
    ("các cá nhân", NomineeKind::Resident),
    ("khen thưởng cá nhân", NomineeKind::Resident),
    ("tập thể", NomineeKind::Unit),
    ("các tập thể", NomineeKind::Unit),
    ("khen thưởng tập thể", NomineeKind::Unit),
    ("tập thể, đơn vị", NomineeKind::Unit),
    ("tổ chức", NomineeKind::Enterprise),
];

/// Kinds named exactly, in the spellings units use.
const NAMED_WORDS: &[(&str, NomineeKind)] = &[
    ("hộ gia đình", NomineeKind::Household),
    ("các hộ gia đình", NomineeKind::Household),
    ("gia đình", NomineeKind::Household),
    ("doanh nghiệp", NomineeKind::Enterprise),
    ("các doanh nghiệp", NomineeKind::Enterprise),
    ("doanh nghiệp, tổ chức", NomineeKind::Enterprise),
    ("tổ chức, doanh nghiệp", NomineeKind::Enterprise),
    ("doanh nghiệp, hợp tác xã", NomineeKind::Enterprise),
    ("hợp tác xã", NomineeKind::Enterprise),
    ("người dân", NomineeKind::Resident),
    ("nhân dân", NomineeKind::Resident),
    ("cá nhân là người dân", NomineeKind::Resident),
    ("cán bộ, công chức, viên chức", NomineeKind::Official),
    ("cán bộ, công chức", NomineeKind::Official),
    ("cbccvc", NomineeKind::Official),
    ("đoàn thể", NomineeKind::FrontOrganisation),
    ("các đoàn thể", NomineeKind::FrontOrganisation),
    ("mặt trận, đoàn thể", NomineeKind::FrontOrganisation),
    ("mttq, đoàn thể", NomineeKind::FrontOrganisation),
];

/// The heading without its number: "III. CÁ NHÂN" → "CÁ NHÂN", and whether
/// it had one (Roman numeral, letter or number followed by "." or ")").
pub fn strip_enumerator(text: &str) -> (String, bool) {
    let t = text.trim();
    let (head, rest) = match t.find(['.', ')', '/']) {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => match t.split_once(char::is_whitespace) {
            Some((h, r)) if is_roman(h) => (h, r),
            _ => return (t.trim_end_matches(':').trim().to_string(), false),
        },
    };
    let head = head.trim();
    let numbered = is_roman(head)
        || head.chars().all(|c| c.is_ascii_digit()) && !head.is_empty()
        || head.chars().count() == 1 && head.chars().all(|c| c.is_alphabetic());
    if numbered {
        (rest.trim().trim_end_matches(':').trim().to_string(), true)
    } else {
        (t.trim_end_matches(':').trim().to_string(), false)
    }
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// What a heading's words say about the kind.
pub fn section_kind(label: &str) -> SectionKind {
    let (words, _) = strip_enumerator(label);
    let key = super::exact_key(&words);
    let loose = loose_key(&words);
    let find = |table: &[(&str, NomineeKind)]| {
        table
            .iter()
            .find(|(w, _)| super::exact_key(w) == key || loose_key(w) == loose)
            .map(|(_, k)| *k)
    };
    if let Some(k) = find(NAMED_WORDS) {
        return SectionKind::Named(k);
    }
    if let Some(k) = columns::parse_kind(&words).filter(|_| find(GENERAL_WORDS).is_none()) {
        return SectionKind::Named(k);
    }
    match find(GENERAL_WORDS) {
        Some(k) => SectionKind::Guessed(k),
        None => SectionKind::Unknown,
    }
}

/// Whether the texts of a row (its non-empty cells, left to right) are a
/// section heading: one text, or a number in the STT column and one text,
/// numbered with a Roman numeral or naming a kind.
pub fn is_section_row(texts: &[String]) -> bool {
    let joined = match texts {
        [one] => one.clone(),
        [number, words] if is_roman(number.trim().trim_end_matches('.')) => {
            format!("{number}. {words}")
        }
        _ => return false,
    };
    let (_, numbered) = strip_enumerator(&joined);
    let roman = joined
        .split(['.', ')', ' '])
        .next()
        .is_some_and(|h| is_roman(h.trim()));
    roman || (numbered || joined.chars().count() < 60) && section_kind(&joined).kind().is_some()
}

/// The text of a section row, as one heading ("III. CÁ NHÂN").
pub fn section_label(texts: &[String]) -> String {
    match texts {
        [number, words] => format!("{}. {words}", number.trim().trim_end_matches('.')),
        _ => texts.join(" "),
    }
}

/// What a row under the table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trailer {
    Total,
    Note,
    /// The place and date, titles of signers, "(Ký, ghi rõ họ tên)", names.
    Signature,
}

/// A row that ends the table: the total line, a note, or the start of the
/// signature block (place and date, a signer's title).
pub fn trailer_start(texts: &[String]) -> Option<Trailer> {
    let first = fold(texts.first()?.trim());
    let starts = |words: &[&str]| words.iter().any(|w| first.starts_with(w));
    let lower = crate::domain::text::nfc(texts.first()?).to_lowercase();
    let cong = lower
        .strip_prefix("cộng")
        .is_some_and(|rest| !rest.starts_with(char::is_alphabetic));
    if (starts(&["tong cong", "tong so"]) || cong) && first.len() < 200 {
        return Some(Trailer::Total);
    }
    if starts(&["ghi chu", "luu y", "* ghi chu", "(*)"]) {
        return Some(Trailer::Note);
    }
    let all = fold(&texts.join(" "));
    let place_and_date = all.contains("ngay ") && all.contains(" thang ") && all.contains(" nam ");
    let signer = starts(&[
        "nguoi lap",
        "tm.",
        "t/m",
        "tm ",
        "kt.",
        "tl.",
        "xac nhan",
        "noi nhan",
        "(ky",
        "truong ban",
        "truong khu",
        "chu tich",
        "bi thu",
    ]) && texts.iter().all(|t| t.chars().count() < 80);
    (place_and_date || signer).then_some(Trailer::Signature)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn sections_in_the_spellings_units_use() {
        assert_eq!(
            section_kind("I. TẬP THỂ"),
            SectionKind::Guessed(NomineeKind::Unit)
        );
        assert_eq!(
            section_kind("II. HỘ GIA ĐÌNH"),
            SectionKind::Named(NomineeKind::Household)
        );
        assert_eq!(
            section_kind("III. CÁ NHÂN"),
            SectionKind::Guessed(NomineeKind::Resident)
        );
        assert_eq!(
            section_kind("B) Doanh nghiệp:"),
            SectionKind::Named(NomineeKind::Enterprise)
        );
        assert_eq!(
            section_kind("2. Các hộ gia đình"),
            SectionKind::Named(NomineeKind::Household)
        );
        assert_eq!(
            section_kind("IV. CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC"),
            SectionKind::Named(NomineeKind::Official)
        );
        assert_eq!(section_kind("I. KHỐI CƠ QUAN"), SectionKind::Unknown);
    }

    #[test]
    fn section_rows_and_data_rows() {
        assert!(is_section_row(&texts(&["I. TẬP THỂ"])));
        assert!(is_section_row(&texts(&["III", "CÁ NHÂN"])));
        assert!(is_section_row(&texts(&["I. KHỐI CƠ QUAN"])));
        assert!(!is_section_row(&texts(&["1", "Nguyễn Văn An", "1962"])));
        assert!(!is_section_row(&texts(&["Nguyễn Văn An"])));
        assert_eq!(section_label(&texts(&["III", "CÁ NHÂN"])), "III. CÁ NHÂN");
    }

    #[test]
    fn what_comes_under_the_table() {
        assert_eq!(
            trailer_start(&texts(&["Tổng cộng: 02 tập thể, 03 cá nhân"])),
            Some(Trailer::Total)
        );
        assert_eq!(
            trailer_start(&texts(&["Ghi chú: hồ sơ kèm theo"])),
            Some(Trailer::Note)
        );
        assert_eq!(
            trailer_start(&texts(&["Khu dân cư số 3, ngày 05 tháng 11 năm 2025"])),
            Some(Trailer::Signature)
        );
        assert_eq!(
            trailer_start(&texts(&["NGƯỜI LẬP BIỂU", "TRƯỞNG BAN CÔNG TÁC MẶT TRẬN"])),
            Some(Trailer::Signature)
        );
        assert_eq!(trailer_start(&texts(&["1", "Nguyễn Văn An"])), None);
        assert_eq!(trailer_start(&texts(&["Cống Văn Ba"])), None);
    }
}
