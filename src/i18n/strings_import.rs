//! Texts of the import preview, in Vietnamese and English (chosen with the
//! interface's `Strings`). The columns, rows, problems and guesses themselves
//! are worded by the import, in the same language.

use super::strings::Strings;
use crate::i18n::Lang;
use crate::import::ProblemKind;
use crate::tui::action::ImportAction;

pub struct ImportStrings {
    pub title: &'static str,
    pub reading: &'static str,
    pub saving: &'static str,
    pub sheet: &'static str,
    pub columns: &'static str,
    pub problems: &'static str,
    pub no_problems: &'static str,
    pub movement: &'static str,
    pub round: &'static str,
    pub award: &'static str,
    pub kind: &'static str,
    pub from_file: &'static str,
    pub ignored: &'static str,
    pub no_header: &'static str,
    /// "{n} hồ sơ ({new} mới, {known} đã có)" without the numbers.
    pub nominations: &'static str,
    pub new: &'static str,
    pub known: &'static str,
    pub problem_count: &'static str,
    pub save_question: &'static str,
    pub cannot_save: &'static str,
    pub nothing_to_save: &'static str,
    pub choose_field: &'static str,
    pub choose_kind: &'static str,
    pub choose_award: &'static str,
    pub choose_movement: &'static str,
    pub round_prompt: &'static str,
    pub not_a_round: &'static str,
    pub no_column: &'static str,
    pub busy: &'static str,
    /// After the missing columns: what to do here.
    pub missing_columns: &'static str,
    pub missing_fix: &'static str,
    pub kind_for: &'static str,
    pub rows_without_kind: &'static str,
    pub section: &'static str,
}

pub const VI: ImportStrings = ImportStrings {
    title: "Xem trước khi nhập",
    reading: "Đang đọc",
    saving: "Đang lưu",
    sheet: "trang tính",
    columns: "Các cột (↑↓ chọn cột, Enter gán trường):",
    problems: "Lỗi — phải sửa trước khi lưu (sửa trong tệp, hoặc gán cột / đặt giá trị ở đây):",
    no_problems: "Không có lỗi: có thể lưu (s).",
    movement: "Phong trào",
    round: "Đợt",
    award: "Hình thức",
    kind: "Loại",
    from_file: "theo tệp",
    ignored: "bỏ qua",
    no_header: "(không có tiêu đề)",
    nominations: "hồ sơ",
    new: "mới",
    known: "đã có",
    problem_count: "lỗi",
    save_question: "Lưu các hồ sơ này vào cơ sở dữ liệu (một lần ghi, có ghi nhật ký)?",
    cannot_save: "Chưa lưu được: danh sách còn lỗi. Xem phần “Lỗi”, sửa rồi lưu lại.",
    nothing_to_save: "Không có hồ sơ nào để lưu.",
    choose_field: "Cột này là trường nào?",
    choose_kind: "Loại đối tượng cho các dòng tệp không ghi loại",
    choose_award: "Hình thức khen thưởng cho các dòng tệp không ghi",
    choose_movement: "Phong trào cho mọi dòng",
    round_prompt: "Đợt cho các dòng tệp không ghi (2025 hoặc 2022-2025; để trống: theo tệp):",
    not_a_round: "Không phải là đợt: ghi một năm (2025) hoặc một giai đoạn (2022-2025)",
    no_column: "Chọn một cột trước",
    busy: "Đang đọc lại tệp; chờ xong rồi lưu",
    missing_columns: "thiếu cột",
    missing_fix: "nếu tệp có cột đó dưới tiêu đề khác, chọn cột rồi nhấn Enter; nếu không, đặt cho cả danh sách: r (đợt), a (hình thức), k (loại)",
    kind_for: "Đặt loại đối tượng cho",
    rows_without_kind: "các dòng tệp không ghi loại (ngoài các mục)",
    section: "Mục",
};

pub const EN: ImportStrings = ImportStrings {
    title: "Import preview",
    reading: "Reading",
    saving: "Saving",
    sheet: "sheet",
    columns: "Columns (↑↓ select, Enter assign a field):",
    problems: "Problems — to mend before saving (in the file, or by assigning a column / setting a value here):",
    no_problems: "No problems: ready to save (s).",
    movement: "Movement",
    round: "Round",
    award: "Award",
    kind: "Kind",
    from_file: "from the file",
    ignored: "ignored",
    no_header: "(no header)",
    nominations: "nomination(s)",
    new: "new",
    known: "already known",
    problem_count: "problem(s)",
    save_question: "Save these nominations to the database (one write, recorded in the log)?",
    cannot_save: "Not saved: the list still has problems. See “Problems”, mend them, then save.",
    nothing_to_save: "There is no nomination to save.",
    choose_field: "Which field is this column?",
    choose_kind: "Kind of nominee for rows the file gives none",
    choose_award: "Award for rows the file gives none",
    choose_movement: "Movement for every row",
    round_prompt: "Round for rows the file gives none (2025 or 2022-2025; empty: from the file):",
    not_a_round: "Not a round: write a year (2025) or a phase (2022-2025)",
    no_column: "Select a column first",
    busy: "The file is being read again; save when it is done",
    missing_columns: "missing column(s)",
    missing_fix: "if the file has it under another header, select that column and press Enter; if not, set it for the whole list: r (round), a (award), k (kind)",
    kind_for: "Set the kind of",
    rows_without_kind: "rows the file gives no kind (outside the sections)",
    section: "Section",
};

pub fn import(s: &Strings) -> &'static ImportStrings {
    match s.lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// Hint and help texts of the preview's actions: (short, long) in `lang`.
pub fn action(lang: Lang, a: &ImportAction) -> (&'static str, &'static str) {
    use ImportAction::*;
    let (vi, en) = match a {
        MapColumn => (
            ("gán cột", "Gán trường cho cột đang chọn, hoặc bỏ qua cột"),
            (
                "map",
                "Assign a field to the selected column, or leave it out",
            ),
        ),
        SetRound => (
            ("đợt", "Đặt đợt cho các dòng tệp không ghi"),
            ("round", "Set the round for rows the file gives none"),
        ),
        SetAward => (
            (
                "hình thức",
                "Đặt hình thức khen thưởng cho các dòng tệp không ghi",
            ),
            ("award", "Set the award for rows the file gives none"),
        ),
        SetKind => (
            ("loại", "Đặt loại đối tượng cho các dòng tệp không ghi"),
            ("kind", "Set the kind for rows the file gives none"),
        ),
        SetMovement => (
            ("phong trào", "Chọn phong trào cho mọi dòng"),
            ("movement", "Choose the movement for every row"),
        ),
        Save => (
            ("lưu", "Lưu các hồ sơ như đang xem (hỏi lại trước)"),
            ("save", "Save the nominations as shown (asks first)"),
        ),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// "row" as the preview's problem lines say it.
pub fn row_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "dòng",
        Lang::En => "row",
    }
}

/// A column holding data under no header, with what the preview's keys do about it.
pub fn data_without_header(
    lang: Lang,
    line: impl std::fmt::Display,
    letter: &str,
    no_header: &str,
    count: impl std::fmt::Display,
    sample: &str,
) -> String {
    match lang {
        Lang::Vi => format!(
            "  dòng {line}, cột {letter} {no_header}: {count} dòng có dữ liệu (đầu tiên là “{sample}”); chọn cột {letter} rồi nhấn Enter để gán trường hoặc bỏ qua"
        ),
        Lang::En => format!(
            "  row {line}, column {letter} {no_header}: {count} row(s) hold data (the first “{sample}”); select column {letter} and press Enter to give it a field or leave it out"
        ),
    }
}

/// What the preview's keys do about a problem the command line would mend
/// with an option; `None` where the problem's own words already fit.
pub fn preview_fix(kind: &ProblemKind, lang: Lang) -> Option<String> {
    Some(match (kind, lang) {
        (ProblemKind::AmbiguousHeader(options), Lang::Vi) => format!(
            "tiêu đề này có thể là {}; chương trình không đoán: chọn cột này rồi nhấn Enter để chỉ rõ trường",
            options.iter().map(|(_, f)| f.as_str()).collect::<Vec<_>>().join(" hoặc ")
        ),
        (ProblemKind::AmbiguousHeader(options), Lang::En) => format!(
            "this header could mean {}; nothing is guessed: select this column and press Enter to say which",
            options.iter().map(|(_, f)| f.as_str()).collect::<Vec<_>>().join(" or ")
        ),
        (ProblemKind::NoKindForRow, Lang::Vi) => {
            "chưa rõ loại đối tượng: không có cột “Loại đối tượng” và không có dòng mục ở trên dòng này; nhấn k để chọn loại".into()
        }
        (ProblemKind::NoKindForRow, Lang::En) => {
            "the kind of nominee is not said: no kind column and no section heading above this row; press k to choose the kind".into()
        }
        (ProblemKind::ChooseMovement { known }, Lang::Vi) => format!(
            "cơ sở dữ liệu có nhiều phong trào mà chưa chọn phong trào nào: nhấn p để chọn ({})",
            known.join("; ")
        ),
        (ProblemKind::ChooseMovement { known }, Lang::En) => format!(
            "the database has several movements and none is chosen: press p to choose one ({})",
            known.join("; ")
        ),
        (ProblemKind::UnknownMovement { value, .. }, Lang::Vi) => {
            format!("không có phong trào “{value}”: nhấn p để chọn phong trào")
        }
        (ProblemKind::UnknownMovement { value, .. }, Lang::En) => {
            format!("no movement “{value}”: press p to choose one")
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::preview_fix;
    use crate::i18n::Lang;
    use crate::import::ProblemKind;

    #[test]
    fn problems_the_preview_mends_name_its_keys_not_options() {
        let fixes = [
            (ProblemKind::NoKindForRow, "nhấn k", "press k"),
            (
                ProblemKind::AmbiguousHeader(vec![
                    ("a".into(), "Đợt".into()),
                    ("b".into(), "Năm".into()),
                ]),
                "nhấn Enter",
                "press Enter",
            ),
            (
                ProblemKind::ChooseMovement {
                    known: vec!["1: A (a)".into()],
                },
                "nhấn p",
                "press p",
            ),
            (
                ProblemKind::UnknownMovement {
                    value: "x".into(),
                    known: vec![],
                },
                "nhấn p",
                "press p",
            ),
        ];
        for (kind, vi, en) in fixes {
            let (v, e) = (preview_fix(&kind, Lang::Vi), preview_fix(&kind, Lang::En));
            assert!(
                v.as_deref()
                    .is_some_and(|t| t.contains(vi) && !t.contains("--")),
                "{v:?}"
            );
            assert!(
                e.as_deref()
                    .is_some_and(|t| t.contains(en) && !t.contains("--")),
                "{e:?}"
            );
        }
        assert_eq!(preview_fix(&ProblemKind::NameEmpty, Lang::Vi), None);
    }
}
