//! The words of import problems: in English (the command line and the error
//! text) or in Vietnamese (the interface's import report).

use crate::domain::nominee::NomineeKind;
use crate::i18n::Lang;
use crate::i18n::text::describe;
use crate::import::ProblemKind;
use crate::import::columns::{kind_label, status_label};

fn kind_choices() -> String {
    let choices: Vec<&str> = NomineeKind::ALL.into_iter().map(kind_label).collect();
    choices.join("; ")
}

fn field_codes() -> String {
    let codes: Vec<&str> = crate::import::form::header::Field::all()
        .into_iter()
        .map(|f| f.code())
        .collect();
    codes.join(", ")
}

fn choices(options: &[(String, String)], or: &str) -> String {
    let named: Vec<String> = options
        .iter()
        .map(|(code, label)| format!("“{label}” ({code})"))
        .collect();
    named.join(&format!(" {or} "))
}

fn label(kind: Option<NomineeKind>) -> &'static str {
    kind.map(kind_label).unwrap_or("")
}

/// What an option takes.
fn option_help(option: &str, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match option {
        "--round" if vi => "ghi một năm (2025) hoặc một giai đoạn (2022-2025)".into(),
        "--round" => "write a year (2025) or a phase (2022-2025)".into(),
        "--award" if vi => "ghi mã hoặc tên hình thức trong danh mục".into(),
        "--award" => "write a code or name from the catalogue".into(),
        "--kind" if vi => format!("ghi một loại ({}), hoặc MỤC=LOẠI", kind_choices()),
        "--kind" => format!("write a kind ({}), or SECTION=KIND", kind_choices()),
        _ if vi => "ghi CỘT=TRƯỜNG, ví dụ D=nam_sinh_nu".into(),
        _ => "write COLUMN=FIELD, e.g. D=nam_sinh_nu".into(),
    }
}

impl ProblemKind {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.english(),
            Lang::Vi => self.vietnamese(),
        }
    }

    fn english(&self) -> String {
        use ProblemKind::*;
        match self {
            ColumnTwice {
                header,
                first_letter,
            } => {
                format!("the column “{header}” appears twice (also in column {first_letter})")
            }
            MissingColumns(m) => format!(
                "missing column(s): {}; add the column, or on the command line give the value for the whole list with --round, --award or --kind (a column under another header: --map COLUMN=FIELD)",
                m.join(", ")
            ),
            AmbiguousHeader(options) => format!(
                "this header could mean {}; nothing is guessed: rename the header, or say which with --map, e.g. --map {}",
                choices(options, "or"),
                options.first().map(|(c, _)| c.as_str()).unwrap_or("")
            ),
            DataWithoutHeader { sample, count } => format!(
                "{count} row(s) have values (the first “{sample}”) in a column without a header; give the column a header, or read it with --map (e.g. --map LETTER=nam_sinh_nu), or leave it out with --map LETTER={}",
                crate::import::form::header::IGNORE_CODE
            ),
            DataBelowTable => "a row with a name and an award, year or round is below the total line or the signatures; move it into the table, or delete it".into(),
            NoKindForRow => "the kind of nominee is not said: there is no column “Loại đối tượng” and no section heading (I. TẬP THỂ …) above this row; add one, or give --kind".into(),
            BothSexes => "a year or mark is written under both “Nam” and “Nữ”; keep only the one that applies".into(),
            PercentUnclear(t) => format!("“{t}” may be {t}% or {}% (an .xls file does not say whether the cell is formatted as percent); write the share as text (100%), or save the file as .xlsx or .ods", (t.parse::<f64>().unwrap_or(0.0) * 100.0).round()),
            MapColumnNotFound(c) => format!("--map: no column “{c}” (give a letter such as D, or a header of the file)"),
            MapFieldUnknown(f) => format!("--map: no field “{f}”; use one of: {}, or {}", field_codes(), crate::import::form::header::IGNORE_CODE),
            BadOption { option, value } => format!("{option} “{value}” is not understood; {}", option_help(option, Lang::En)),
            UnknownMovement { value, known } => format!(
                "--movement “{value}”: no such movement; use one of: {}",
                known.join("; ")
            ),
            ChooseMovement { known } => format!(
                "the database has several movements and none is in use: choose one with --movement (in the preview: p), or say which one the ward works in with `hoidong movement use CODE`; movements: {}",
                known.join("; ")
            ),
            MissingScoreColumn(h) => format!("missing column {h}"),
            SpreadsheetError(e) => format!("the cell holds a spreadsheet error ({e})"),
            NameEmpty => "the name is empty".into(),
            KindEmpty => "the kind of nominee is empty".into(),
            UnknownKind(t) => format!("unknown kind “{t}”; use one of: {}", kind_choices()),
            YearNotForCollective { year, kind } => format!(
                "a year of birth ({year}) is only for a person, not for {}",
                label(*kind)
            ),
            NotAYear(s) => format!("“{s}” is not a year or a date (dd/mm/yyyy)"),
            ImplausibleYear(y) => format!("{y} is not a plausible year of birth"),
            NotASex(s) => format!("“{s}” is not a sex; write Nam or Nữ"),
            SexNotForCollective(k) => {
                format!("sex is only for a person, not for {}", label(*k))
            }
            WomenShareNotForPerson => "the share of women is only for a collective".into(),
            ShareOutOfRange(t) => format!("“{t}” is not a share between 0 and 100"),
            NotANumber(t) => format!("“{t}” is not a number"),
            RoundEmpty => "the round is empty".into(),
            NotARound(t) => {
                format!("“{t}” is not a round; write a year (2025) or a phase (2022-2025)")
            }
            AwardEmpty => "the award is empty".into(),
            UnknownAward(t) => {
                format!("unknown award “{t}”; use a code or name from the catalogue")
            }
            AwardNotAllowed { award, kind } => {
                format!("“{award}” cannot be given to {}", kind_label(*kind))
            }
            UnknownStatus(t) => format!("unknown status “{t}”"),
            StatusNotImportable(status) => format!(
                "“{}” cannot be imported: only a vote of the council or a decision recorded in hoidong gives that status; import the nomination without a status (or “Đã nộp”), and enter an award held before hoidong with `hoidong earlier-award`",
                status_label(*status)
            ),
            BadText(fault) => describe(fault, Lang::En),
            DuplicateInFile {
                first_line,
                round,
                award,
            } => format!(
                "possible duplicate of row {first_line} (same name, round {round} and award {award})"
            ),
            DuplicateInDatabase { id, round, award } => format!(
                "possible duplicate of nomination #{id} already in the database (same name, round {round} and award {award})"
            ),
            ScoreNumberEmpty => "the STT linking this score to the list is empty".into(),
            ScoreNumberNotInList(n) => format!("STT {n} is not in the list"),
            NotAMember(m) => format!("“{m}” is not a member of the council in this database"),
            CriterionNotForKind { code, kind } => {
                format!("criterion {code} does not apply to {}", label(*kind))
            }
            UnknownCriterion(c) => format!("unknown criterion “{c}”"),
            ScoreOverMaximum { given, max, code } => {
                format!("score {given} is over the maximum {max} of criterion {code}")
            }
            ScoreEmpty => "the score is empty".into(),
            BadScore { detail, .. } => detail.clone(),
            SecondScore {
                member,
                code,
                number,
                first_sheet,
                first_line,
            } => format!(
                "a second score by {member} on criterion {code} for STT {number} (first in sheet “{first_sheet}”, row {first_line})"
            ),
        }
    }

    fn vietnamese(&self) -> String {
        use ProblemKind::*;
        match self {
            ColumnTwice {
                header,
                first_letter,
            } => {
                format!("cột “{header}” xuất hiện hai lần (đã có ở cột {first_letter})")
            }
            MissingColumns(m) => format!(
                "thiếu cột: {}; hãy thêm cột, hoặc khi nhập bằng dòng lệnh ghi giá trị cho cả danh sách bằng --round, --award hoặc --kind (cột mang tiêu đề khác: --map CỘT=TRƯỜNG)",
                m.join(", ")
            ),
            AmbiguousHeader(options) => format!(
                "tiêu đề này có thể là {}; chương trình không đoán: hãy sửa tiêu đề, hoặc chỉ rõ bằng --map, ví dụ --map {}",
                choices(options, "hoặc"),
                options.first().map(|(c, _)| c.as_str()).unwrap_or("")
            ),
            DataWithoutHeader { sample, count } => format!(
                "{count} dòng có dữ liệu (đầu tiên là “{sample}”) ở cột không có tiêu đề; hãy ghi tiêu đề cho cột, hoặc đọc cột bằng --map (ví dụ --map CỘT=nam_sinh_nu), hoặc bỏ qua cột bằng --map CỘT={}",
                crate::import::form::header::IGNORE_CODE
            ),
            DataBelowTable => "dòng có tên và hình thức, năm sinh hoặc đợt nằm dưới dòng tổng cộng hoặc phần chữ ký; hãy chuyển dòng vào bảng, hoặc xóa đi".into(),
            NoKindForRow => "chưa rõ loại đối tượng: không có cột “Loại đối tượng” và không có dòng mục (I. TẬP THỂ …) ở trên dòng này; hãy thêm, hoặc ghi --kind".into(),
            BothSexes => "có năm sinh hoặc dấu ở cả cột “Nam” và cột “Nữ”; chỉ giữ một".into(),
            PercentUnclear(t) => format!("“{t}” có thể là {t}% hoặc {}% (tệp .xls không cho biết ô có định dạng phần trăm hay không); hãy ghi tỷ lệ dạng chữ (100%), hoặc lưu tệp thành .xlsx hoặc .ods", (t.parse::<f64>().unwrap_or(0.0) * 100.0).round()),
            MapColumnNotFound(c) => format!("--map: không có cột “{c}” (ghi chữ cái của cột như D, hoặc tiêu đề trong tệp)"),
            MapFieldUnknown(f) => format!("--map: không có trường “{f}”; dùng một trong: {}, hoặc {}", field_codes(), crate::import::form::header::IGNORE_CODE),
            BadOption { option, value } => format!("{option} “{value}” không hiểu được; {}", option_help(option, Lang::Vi)),
            UnknownMovement { value, known } => format!(
                "--movement “{value}”: không có phong trào này; chọn một trong: {}",
                known.join("; ")
            ),
            ChooseMovement { known } => format!(
                "cơ sở dữ liệu có nhiều phong trào mà chưa chọn phong trào nào: chọn bằng --movement (ở màn hình xem trước: phím p), hoặc đặt phong trào đang dùng bằng `hoidong movement use MÃ`; các phong trào: {}",
                known.join("; ")
            ),
            MissingScoreColumn(h) => format!("thiếu cột {h}"),
            SpreadsheetError(e) => format!("ô chứa lỗi của bảng tính ({e})"),
            NameEmpty => "chưa có họ tên / tên tập thể".into(),
            KindEmpty => "chưa ghi loại đối tượng".into(),
            UnknownKind(t) => {
                format!(
                    "loại đối tượng “{t}” không hợp lệ; ghi một trong: {}",
                    kind_choices()
                )
            }
            YearNotForCollective { year, kind } => format!(
                "năm sinh ({year}) chỉ dành cho cá nhân, không dùng cho {}",
                label(*kind)
            ),
            NotAYear(s) => format!("“{s}” không phải là năm hay ngày (dd/mm/yyyy)"),
            ImplausibleYear(y) => format!("{y} không phải là năm sinh hợp lý"),
            NotASex(s) => format!("“{s}” không phải là giới tính; ghi Nam hoặc Nữ"),
            SexNotForCollective(k) => {
                format!(
                    "giới tính chỉ dành cho cá nhân, không dùng cho {}",
                    label(*k)
                )
            }
            WomenShareNotForPerson => "tỷ lệ nữ chỉ dành cho tập thể".into(),
            ShareOutOfRange(t) => format!("“{t}” không phải là tỷ lệ từ 0 đến 100"),
            NotANumber(t) => format!("“{t}” không phải là số"),
            RoundEmpty => "chưa ghi đợt".into(),
            NotARound(t) => {
                format!(
                    "“{t}” không phải là đợt; ghi một năm (2025) hoặc một giai đoạn (2022-2025)"
                )
            }
            AwardEmpty => "chưa ghi hình thức khen thưởng".into(),
            UnknownAward(t) => {
                format!("không có hình thức khen thưởng “{t}”; ghi mã hoặc tên trong danh mục")
            }
            AwardNotAllowed { award, kind } => {
                format!("“{award}” không áp dụng cho {}", kind_label(*kind))
            }
            UnknownStatus(t) => format!("trạng thái “{t}” không hợp lệ"),
            StatusNotImportable(status) => format!(
                "không nhập được trạng thái “{}”: chỉ biểu quyết của Hội đồng hoặc quyết định ghi trong hoidong mới cho trạng thái đó; hãy nhập hồ sơ không ghi trạng thái (hoặc “Đã nộp”), còn khen thưởng đã có từ trước khi dùng hoidong thì ghi bằng lệnh `hoidong earlier-award` (mục “khen thưởng trước đây”)",
                status_label(*status)
            ),
            BadText(fault) => describe(fault, Lang::Vi),
            DuplicateInFile {
                first_line,
                round,
                award,
            } => format!(
                "có thể trùng với dòng {first_line} (cùng tên, đợt {round} và hình thức {award})"
            ),
            DuplicateInDatabase { id, round, award } => format!(
                "có thể trùng với hồ sơ số {id} đã có trong cơ sở dữ liệu (cùng tên, đợt {round} và hình thức {award})"
            ),
            ScoreNumberEmpty => "chưa ghi STT nối điểm này với danh sách".into(),
            ScoreNumberNotInList(n) => format!("STT {n} không có trong danh sách"),
            NotAMember(m) => {
                format!("“{m}” không phải là thành viên Hội đồng trong cơ sở dữ liệu này")
            }
            CriterionNotForKind { code, kind } => {
                format!("tiêu chí {code} không áp dụng cho {}", label(*kind))
            }
            UnknownCriterion(c) => format!("không có tiêu chí “{c}”"),
            ScoreOverMaximum { given, max, code } => {
                format!("điểm {given} vượt mức tối đa {max} của tiêu chí {code}")
            }
            ScoreEmpty => "chưa ghi điểm".into(),
            BadScore { text, .. } => format!("“{text}” không phải là điểm hợp lệ"),
            SecondScore {
                member,
                code,
                number,
                first_sheet,
                first_line,
            } => format!(
                "điểm thứ hai của {member} cho tiêu chí {code}, STT {number} (điểm đầu ở trang “{first_sheet}”, dòng {first_line})"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rows::Problem;

    fn at(column: Option<(&str, &str)>, kind: ProblemKind) -> Problem {
        Problem {
            sheet: None,
            line: 4,
            column: column.map(|(l, h)| (l.to_string(), h.to_string())),
            kind,
        }
    }

    #[test]
    fn an_unknown_award_is_named_in_vietnamese_with_its_place() {
        let p = at(
            Some(("K", "Hình thức khen thưởng")),
            ProblemKind::UnknownAward("Bằng vàng".into()),
        );
        assert_eq!(
            p.render(Lang::Vi),
            "dòng 4, cột K (Hình thức khen thưởng): không có hình thức khen thưởng “Bằng vàng”; ghi mã hoặc tên trong danh mục"
        );
        assert_eq!(
            p.to_string(),
            "row 4, column K (Hình thức khen thưởng): unknown award “Bằng vàng”; use a code or name from the catalogue"
        );
    }

    #[test]
    fn an_award_not_for_the_kind_names_the_award_and_the_kind() {
        let p = at(
            Some(("K", "Hình thức khen thưởng")),
            ProblemKind::AwardNotAllowed {
                award: "Lao động tiên tiến".into(),
                kind: NomineeKind::Household,
            },
        );
        assert_eq!(
            p.render(Lang::Vi),
            format!(
                "dòng 4, cột K (Hình thức khen thưởng): “Lao động tiên tiến” không áp dụng cho {}",
                kind_label(NomineeKind::Household)
            )
        );
    }

    #[test]
    fn missing_name_bad_year_and_bad_round_read_in_vietnamese() {
        assert_eq!(
            ProblemKind::NameEmpty.message(Lang::Vi),
            "chưa có họ tên / tên tập thể"
        );
        assert_eq!(
            ProblemKind::NotAYear("abc".into()).message(Lang::Vi),
            "“abc” không phải là năm hay ngày (dd/mm/yyyy)"
        );
        assert_eq!(
            ProblemKind::ImplausibleYear(1850).message(Lang::Vi),
            "1850 không phải là năm sinh hợp lý"
        );
        assert_eq!(
            ProblemKind::NotARound("năm nay".into()).message(Lang::Vi),
            "“năm nay” không phải là đợt; ghi một năm (2025) hoặc một giai đoạn (2022-2025)"
        );
    }

    #[test]
    fn duplicates_in_the_file_and_in_the_database_read_in_vietnamese() {
        let in_file = ProblemKind::DuplicateInFile {
            first_line: 2,
            round: "2025".into(),
            award: "giay_khen".into(),
        };
        assert_eq!(
            in_file.message(Lang::Vi),
            "có thể trùng với dòng 2 (cùng tên, đợt 2025 và hình thức giay_khen)"
        );
        let saved = ProblemKind::DuplicateInDatabase {
            id: 7,
            round: "2025".into(),
            award: "ldtt".into(),
        };
        assert_eq!(
            saved.message(Lang::Vi),
            "có thể trùng với hồ sơ số 7 đã có trong cơ sở dữ liệu (cùng tên, đợt 2025 và hình thức ldtt)"
        );
    }

    #[test]
    fn a_problem_on_another_sheet_and_a_whole_row_problem_name_their_place() {
        let mut p = at(None, ProblemKind::MissingColumns(vec!["Đợt".into()]));
        assert_eq!(
            p.render(Lang::Vi),
            "dòng 4: thiếu cột: Đợt; hãy thêm cột, hoặc khi nhập bằng dòng lệnh ghi giá trị cho cả danh sách bằng --round, --award hoặc --kind (cột mang tiêu đề khác: --map CỘT=TRƯỜNG)"
        );
        p.sheet = Some("Điểm chấm".into());
        p.line = 0;
        p.kind = ProblemKind::MissingScoreColumn("Điểm".into());
        assert_eq!(p.render(Lang::Vi), "trang tính “Điểm chấm”, thiếu cột Điểm");
        assert_eq!(p.to_string(), "sheet “Điểm chấm”, missing column Điểm");
    }
}
