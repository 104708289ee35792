//! Which field a column's header names. A header block may be one row or
//! two ("Năm sinh" over "Nam" and "Nữ"); each column is read from its parts,
//! top to bottom. A header that could name two fields is not guessed.

use super::{exact_key, has_marks, loose_key};
use crate::domain::nominee::Sex;
use crate::import::columns::{self, COLUMNS, Column};

/// What a column of a list can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Column(Column),
    /// A year of birth written under "Nam" or "Nữ": the year and the sex.
    BirthYearOf(Sex),
    /// "Chức vụ, đơn vị công tác": split where it can be.
    PositionAndUnit,
}

/// How one column was understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// `loose` when the header matched only without tones (a guess, listed).
    Field { field: Field, loose: bool },
    /// A header the import does not use (Ghi chú …).
    Ignored,
    /// A header that could name several fields: refused until mapped.
    Ambiguous(Vec<Field>),
    /// No header at all.
    Blank,
}

const POSITION_AND_UNIT: &[&str] = &[
    "Chức vụ, đơn vị công tác",
    "Chức vụ, đơn vị",
    "Chức vụ, đơn vị công tác, nơi cư trú",
    "Chức vụ, nơi công tác",
    "Chức vụ, đơn vị công tác (nơi cư trú)",
    "Chức vụ, đơn vị công tác hoặc nơi cư trú",
];

/// Headers over "Nam"/"Nữ" that make the columns below years of birth.
const BIRTH_HEADERS: &[&str] = &[
    "Năm sinh",
    "Ngày sinh",
    "Ngày, tháng, năm sinh",
    "Ngày tháng năm sinh",
];

impl Field {
    /// Every field, for `--map` and for the messages that list the choices.
    pub fn all() -> Vec<Field> {
        let mut out: Vec<Field> = COLUMNS.iter().map(|s| Field::Column(s.column)).collect();
        out.push(Field::BirthYearOf(Sex::Male));
        out.push(Field::BirthYearOf(Sex::Female));
        out.push(Field::PositionAndUnit);
        out
    }

    /// The short name used with `--map COLUMN=FIELD`.
    pub fn code(self) -> &'static str {
        match self {
            Field::BirthYearOf(Sex::Male) => "nam_sinh_nam",
            Field::BirthYearOf(Sex::Female) => "nam_sinh_nu",
            Field::PositionAndUnit => "chuc_vu_don_vi",
            Field::Column(c) => match c {
                Column::Number => "stt",
                Column::Name => "ten",
                Column::Kind => "loai",
                Column::BirthYear => "nam_sinh",
                Column::Sex => "gioi_tinh",
                Column::Position => "chuc_vu",
                Column::Unit => "don_vi",
                Column::Address => "dia_chi",
                Column::WomenShare => "ty_le_nu",
                Column::Round => "dot",
                Column::Award => "hinh_thuc",
                Column::ProposingUnit => "don_vi_de_nghi",
                Column::Summary => "thanh_tich",
                Column::Status => "trang_thai",
                Column::Score => "diem",
            },
        }
    }

    /// The field's name as the template writes it.
    pub fn label(self) -> String {
        match self {
            Field::Column(c) => columns::header(c).to_string(),
            Field::BirthYearOf(sex) => {
                format!(
                    "{} ({})",
                    columns::header(Column::BirthYear),
                    columns::sex_label(sex)
                )
            }
            Field::PositionAndUnit => POSITION_AND_UNIT[0].to_string(),
        }
    }

    /// A field named by its code or by a header.
    pub fn parse(text: &str) -> Option<Field> {
        let key = loose_key(text);
        Field::all()
            .into_iter()
            .find(|f| loose_key(f.code()) == key)
            .or_else(|| match read_one(text, true) {
                Reading::Field { field, .. } => Some(field),
                _ => None,
            })
    }
}

/// The code `--map` takes for "leave this column alone".
pub const IGNORE_CODE: &str = "bo_qua";

/// Every spelling that names a field, with the field.
fn spellings() -> Vec<(&'static str, Field)> {
    let mut out = Vec::new();
    for s in COLUMNS {
        out.push((s.header, Field::Column(s.column)));
        for a in s.aliases {
            out.push((*a, Field::Column(s.column)));
        }
    }
    out.push((
        "Hình thức đề nghị khen thưởng",
        Field::Column(Column::Award),
    ));
    out.push(("Hình thức đề nghị", Field::Column(Column::Award)));
    out.push(("Danh hiệu đề nghị", Field::Column(Column::Award)));
    out.push(("Hình thức, danh hiệu đề nghị", Field::Column(Column::Award)));
    out.push((
        "Danh hiệu, hình thức đề nghị khen thưởng",
        Field::Column(Column::Award),
    ));
    out.push(("Nơi cư trú", Field::Column(Column::Address)));
    out.push(("Tóm tắt thành tích", Field::Column(Column::Summary)));
    for p in POSITION_AND_UNIT {
        out.push((p, Field::PositionAndUnit));
    }
    out.push(("Nam", Field::BirthYearOf(Sex::Male)));
    out.push(("Nữ", Field::BirthYearOf(Sex::Female)));
    out
}

/// Headers known to carry nothing the import needs.
const KNOWN_IGNORED: &[&str] = &[
    "Ghi chú",
    "Ghi chú khác",
    "Ký nhận",
    "Số điện thoại",
    "Điện thoại",
];

/// One header text on its own. `marks_written`: the file writes Vietnamese
/// marks, so a header that matches with its marks means what it says.
pub fn read_one(text: &str, marks_written: bool) -> Reading {
    let exact = exact_key(text);
    if exact.is_empty() {
        return Reading::Blank;
    }
    let without_brackets = strip_brackets(text);
    let all = spellings();
    for candidate in [text, without_brackets.as_str()] {
        let key = exact_key(candidate);
        if key.is_empty() {
            continue;
        }
        let mut exact_fields: Vec<Field> = all
            .iter()
            .filter(|(s, _)| exact_key(s) == key)
            .map(|(_, f)| *f)
            .collect();
        exact_fields.dedup();
        let loose = loose_key(candidate);
        let mut loose_fields: Vec<Field> = Vec::new();
        for (s, f) in &all {
            if loose_key(s) == loose && !loose_fields.contains(f) {
                loose_fields.push(*f);
            }
        }
        // Written without any mark in a file that writes none: "Nam" may be
        // "Năm" as well, so several readings are refused, not picked.
        let unmarked = !has_marks(candidate) && !marks_written;
        if let [field] = exact_fields.as_slice()
            && !(unmarked && loose_fields.len() > 1)
        {
            return Reading::Field {
                field: *field,
                loose: false,
            };
        }
        match loose_fields.as_slice() {
            [] => {}
            [field] => {
                return Reading::Field {
                    field: *field,
                    loose: true,
                };
            }
            _ => return Reading::Ambiguous(loose_fields),
        }
    }
    if KNOWN_IGNORED
        .iter()
        .any(|k| loose_key(k) == loose_key(text))
    {
        return Reading::Ignored;
    }
    Reading::Ignored
}

fn strip_brackets(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_birth_header(text: &str) -> bool {
    let key = loose_key(text);
    BIRTH_HEADERS.iter().any(|h| loose_key(h) == key)
}

/// A column read from its header parts, top to bottom (repeats of a merged
/// cell already removed).
pub fn read_parts(parts: &[String], marks_written: bool) -> Reading {
    let parts: Vec<&String> = parts.iter().filter(|p| !exact_key(p).is_empty()).collect();
    let Some((last, upper)) = parts.split_last() else {
        return Reading::Blank;
    };
    let bottom = read_one(last, marks_written);
    if upper.is_empty() {
        return bottom;
    }
    match bottom {
        // "Nam"/"Nữ" under "Năm sinh": the year and the sex.
        Reading::Field {
            field: Field::BirthYearOf(_),
            ..
        } if upper.iter().any(|u| is_birth_header(u)) => bottom,
        Reading::Field { .. } | Reading::Ambiguous(_) => bottom,
        // A numbering or unknown sub-header: the upper part names the column.
        Reading::Ignored | Reading::Blank => read_parts(
            &upper.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            marks_written,
        ),
    }
}

/// True when a row is the column numbering some forms put under the header:
/// "1, 2, 3 …" or "(1), (2) …", in order.
pub fn is_numbering_row(texts: &[String]) -> bool {
    let numbers: Vec<Option<u32>> = texts
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| {
            t.trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .parse()
                .ok()
        })
        .collect();
    numbers.len() >= 3
        && numbers
            .iter()
            .enumerate()
            .all(|(i, n)| *n == Some(i as u32 + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> Option<Field> {
        match read_one(text, true) {
            Reading::Field { field, .. } => Some(field),
            _ => None,
        }
    }

    #[test]
    fn the_common_headers_are_read() {
        assert_eq!(
            field("Hình thức đề nghị khen thưởng"),
            Some(Field::Column(Column::Award))
        );
        assert_eq!(
            field("Chức vụ, đơn vị công tác (nơi cư trú)"),
            Some(Field::PositionAndUnit)
        );
        assert_eq!(field("Họ và tên"), Some(Field::Column(Column::Name)));
        assert_eq!(
            field("Tỷ lệ nữ (%)"),
            Some(Field::Column(Column::WomenShare))
        );
        assert_eq!(read_one("Ghi chú", true), Reading::Ignored);
        assert_eq!(read_one("  ", true), Reading::Blank);
    }

    #[test]
    fn nam_with_marks_written_is_the_sex_not_the_year() {
        assert_eq!(field("Nam"), Some(Field::BirthYearOf(Sex::Male)));
        assert_eq!(field("Nữ"), Some(Field::BirthYearOf(Sex::Female)));
        assert_eq!(field("Năm"), Some(Field::Column(Column::Round)));
    }

    #[test]
    fn nam_in_a_file_without_marks_is_refused() {
        assert_eq!(
            read_one("Nam", false),
            Reading::Ambiguous(vec![
                Field::Column(Column::Round),
                Field::BirthYearOf(Sex::Male)
            ])
        );
        assert_eq!(
            read_one("Ho va ten", false),
            Reading::Field {
                field: Field::Column(Column::Name),
                loose: true
            }
        );
    }

    #[test]
    fn a_two_row_header_gives_year_and_sex() {
        let parts = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
        assert_eq!(
            read_parts(&parts("Năm sinh", "Nữ"), true),
            Reading::Field {
                field: Field::BirthYearOf(Sex::Female),
                loose: false
            }
        );
        assert_eq!(
            read_parts(&parts("Họ và tên", "(2)"), true),
            Reading::Field {
                field: Field::Column(Column::Name),
                loose: false
            }
        );
        assert_eq!(read_parts(&parts("", ""), true), Reading::Blank);
    }

    #[test]
    fn codes_and_headers_name_fields_for_map() {
        assert_eq!(Field::parse("dot"), Some(Field::Column(Column::Round)));
        assert_eq!(
            Field::parse("nam_sinh_nu"),
            Some(Field::BirthYearOf(Sex::Female))
        );
        assert_eq!(
            Field::parse("Hình thức khen thưởng"),
            Some(Field::Column(Column::Award))
        );
        assert_eq!(Field::parse("xyz"), None);
        let codes: Vec<_> = Field::all().iter().map(|f| f.code()).collect();
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
    }

    #[test]
    fn numbering_rows() {
        let row = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_numbering_row(&row(&["1", "2", "3", "4"])));
        assert!(is_numbering_row(&row(&["(1)", "(2)", "", "(3)"])));
        assert!(!is_numbering_row(&row(&["1", "Nguyễn Văn An", "1962"])));
    }
}
