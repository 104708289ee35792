//! How refusals about movements, criteria and the council's rules are told,
//! in Vietnamese and in English; the command line and the interface both say
//! them with these words. English is their `Display`.

use crate::domain::council_settings::RulesRefusal;
use crate::domain::movement_plan::{
    MAX_SCORE_LIMIT, MAX_WEIGHT, MovementField, MovementRefusal, PlanIssue, PlanPlace, PlanProblem,
};
use crate::i18n::Lang;
use crate::i18n::numbers::score;

const ADD_VI: &str = "hãy thêm phong trào theo kế hoạch: `hoidong movement new --code MÃ --name TÊN --plan-number SỐ --date NGÀY --issuer CƠ_QUAN`, nhập từ tệp: `hoidong movement import TỆP`, hoặc lấy phong trào mẫu: `hoidong movement seed`";
const ADD_EN: &str = "add a movement from its plan: `hoidong movement new --code CODE --name NAME --plan-number NUMBER --date DATE --issuer BODY`, from a file: `hoidong movement import FILE`, or take the sample one: `hoidong movement seed`";

/// What to do when there is no movement yet, in `lang`.
pub fn add_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => ADD_VI,
        Lang::En => ADD_EN,
    }
}

fn field_label(f: MovementField, lang: Lang) -> &'static str {
    match (f, lang) {
        (MovementField::Code, Lang::Vi) => "mã",
        (MovementField::Name, Lang::Vi) => "tên phong trào",
        (MovementField::PlanNumber, Lang::Vi) => "số kế hoạch",
        (MovementField::IssuingBody, Lang::Vi) => "cơ quan ban hành",
        (MovementField::Code, Lang::En) => "code",
        (MovementField::Name, Lang::En) => "name",
        (MovementField::PlanNumber, Lang::En) => "plan number",
        (MovementField::IssuingBody, Lang::En) => "issuing body",
    }
}

/// Where a problem is: "phong trào", "giai đoạn 2", "nhóm 1.2", "tiêu chí 1.2.3".
pub fn place_label(place: &PlanPlace, lang: Lang) -> String {
    match (place, lang) {
        (PlanPlace::Movement, Lang::Vi) => "Phong trào".into(),
        (PlanPlace::Movement, Lang::En) => "movement".into(),
        (PlanPlace::Phase(n), Lang::Vi) => format!("Giai đoạn {n}"),
        (PlanPlace::Phase(n), Lang::En) => format!("phase {n}"),
        (PlanPlace::Group(c), Lang::Vi) => format!("Nhóm {c}"),
        (PlanPlace::Group(c), Lang::En) => format!("group {c}"),
        (PlanPlace::Criterion(c), Lang::Vi) => format!("Tiêu chí {c}"),
        (PlanPlace::Criterion(c), Lang::En) => format!("criterion {c}"),
    }
}

fn problem_text(p: &PlanProblem, lang: Lang) -> String {
    use PlanProblem::*;
    match (p, lang) {
        (Empty(f), Lang::Vi) => format!("{} còn trống", field_label(*f, lang)),
        (Empty(f), Lang::En) => format!("the {} is empty", field_label(*f, lang)),
        (BadCode { text }, Lang::Vi) => format!(
            "mã “{text}” không dùng được: mã không được trống, không có dấu cách hay dấu “/”"
        ),
        (BadCode { text }, Lang::En) => {
            format!("the code “{text}” cannot be used: not empty, no spaces, no “/”")
        }
        (BadDate { text }, Lang::Vi) => {
            format!("ngày “{text}” không hợp lệ; hãy ghi theo dạng 2026-01-06")
        }
        (BadDate { text }, Lang::En) => format!("“{text}” is not a date; write it like 2026-01-06"),
        (PhaseYears { start, end, review }, Lang::Vi) => format!(
            "từ năm {start} đến năm {end}, sơ kết năm {review}: năm kết thúc phải không trước năm bắt đầu, năm sơ kết trong giai đoạn hoặc ngay năm sau"
        ),
        (PhaseYears { start, end, review }, Lang::En) => format!(
            "{start} to {end}, reviewed in {review}: it must not end before it starts, and the review falls within it or the year after"
        ),
        (
            PhaseOverlap {
                previous_end,
                start,
            },
            Lang::Vi,
        ) => format!(
            "bắt đầu năm {start}, không sau giai đoạn trước (kết thúc năm {previous_end}); các giai đoạn phải theo thứ tự"
        ),
        (
            PhaseOverlap {
                previous_end,
                start,
            },
            Lang::En,
        ) => format!(
            "starts in {start}, not after the previous phase (ending {previous_end}); phases go in order"
        ),
        (DuplicateGroup, Lang::Vi) => "mã nhóm trùng với nhóm khác của phong trào".into(),
        (DuplicateGroup, Lang::En) => "another group of the movement has this code".into(),
        (DuplicateCriterion, Lang::Vi) => {
            "mã tiêu chí trùng với tiêu chí khác của phong trào".into()
        }
        (DuplicateCriterion, Lang::En) => "another criterion of the movement has this code".into(),
        (NoKinds, Lang::Vi) => {
            "chưa ghi nhóm này áp dụng cho loại đối tượng nào (kinds), nên không chấm được cho ai"
                .into()
        }
        (NoKinds, Lang::En) => {
            "names no kind of nominee it applies to (kinds), so it would score nobody".into()
        }
        (EmptyText, Lang::Vi) => "nội dung còn trống".into(),
        (EmptyText, Lang::En) => "the text is empty".into(),
        (MaxScore { max }, Lang::Vi) => {
            format!("điểm tối đa {max} không hợp lệ; phải là số nguyên từ 1 đến {MAX_SCORE_LIMIT}")
        }
        (MaxScore { max }, Lang::En) => {
            format!("maximum {max} is not allowed; a whole number from 1 to {MAX_SCORE_LIMIT}")
        }
        (Weight { weight }, Lang::Vi) => {
            format!("trọng số {weight} không hợp lệ; phải lớn hơn 0 và không quá {MAX_WEIGHT}")
        }
        (Weight { weight }, Lang::En) => {
            format!("weight {weight} is not allowed; above 0 and at most {MAX_WEIGHT}")
        }
    }
}

/// One problem with its place: "Tiêu chí 1.2: điểm tối đa 0 không hợp lệ; …".
pub fn issue_text(issue: &PlanIssue, lang: Lang) -> String {
    format!(
        "{}: {}",
        place_label(&issue.place, lang),
        problem_text(&issue.problem, lang)
    )
}

impl MovementRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use MovementRefusal::*;
        match (self, lang) {
            (Plan(issues), Lang::Vi) => format!(
                "Chưa lưu gì; có {} chỗ cần sửa:\n{}",
                issues.len(),
                bullet(issues, lang)
            ),
            (Plan(issues), Lang::En) => format!(
                "nothing was saved; {} thing(s) to fix:\n{}",
                issues.len(),
                bullet(issues, lang)
            ),
            (CodeTaken { code }, Lang::Vi) => {
                format!("Đã có phong trào mã “{code}”; hãy chọn mã khác")
            }
            (CodeTaken { code }, Lang::En) => {
                format!("a movement with the code “{code}” exists; choose another code")
            }
            (Unknown { code }, Lang::Vi) => format!(
                "Không có phong trào mã “{code}”; xem các phong trào bằng `hoidong movement list`"
            ),
            (Unknown { code }, Lang::En) => {
                format!("no movement with the code “{code}”; see them with `hoidong movement list`")
            }
            (NoMovement, Lang::Vi) => {
                format!("Cơ sở dữ liệu chưa có phong trào thi đua nào để gắn hồ sơ: {ADD_VI}")
            }
            (NoMovement, Lang::En) => {
                format!("the database has no movement to put nominations in: {ADD_EN}")
            }
            (Choose { codes }, Lang::Vi) => format!(
                "Có nhiều phong trào ({}); hãy chọn phong trào dùng cho đề nghị mới: ở màn hình Phong trào (phím u), hoặc `hoidong movement use MÃ`, hoặc --movement MÃ khi nhập",
                codes.join(", ")
            ),
            (Choose { codes }, Lang::En) => format!(
                "there are several movements ({}); choose the one new nominations go into: on the movements screen (key u), with `hoidong movement use CODE`, or --movement CODE when importing",
                codes.join(", ")
            ),
            (UnknownGroup { movement, group }, Lang::Vi) => {
                format!("Phong trào “{movement}” không có nhóm “{group}”")
            }
            (UnknownGroup { movement, group }, Lang::En) => {
                format!("the movement “{movement}” has no group “{group}”")
            }
            (
                UnknownCriterion {
                    movement,
                    criterion,
                },
                Lang::Vi,
            ) => format!("Phong trào “{movement}” không có tiêu chí “{criterion}”"),
            (
                UnknownCriterion {
                    movement,
                    criterion,
                },
                Lang::En,
            ) => format!("the movement “{movement}” has no criterion “{criterion}”"),
            (
                BelowGivenScore {
                    criterion,
                    max,
                    highest_tenths,
                },
                Lang::Vi,
            ) => format!(
                "Tiêu chí {criterion}: đã có điểm {} đã chấm, cao hơn điểm tối đa mới {max}; hãy sửa điểm đó trước",
                score(*highest_tenths, Lang::Vi)
            ),
            (
                BelowGivenScore {
                    criterion,
                    max,
                    highest_tenths,
                },
                Lang::En,
            ) => format!(
                "criterion {criterion}: a score of {} already given is above the new maximum {max}; change that score first",
                score(*highest_tenths, Lang::En)
            ),
            (UnknownKind { text }, Lang::Vi) => format!(
                "Không có loại đối tượng “{text}”; dùng official, resident, other_individual, unit, front_organisation, enterprise, household"
            ),
            (UnknownKind { text }, Lang::En) => format!(
                "no kind of nominee “{text}”; use official, resident, other_individual, unit, front_organisation, enterprise, household"
            ),
            (
                File {
                    line,
                    column,
                    detail,
                },
                Lang::Vi,
            ) => {
                format!("Tệp không đọc được thành phong trào: dòng {line}, cột {column}: {detail}")
            }
            (
                File {
                    line,
                    column,
                    detail,
                },
                Lang::En,
            ) => format!(
                "the file cannot be read as a movement: line {line}, column {column}: {detail}"
            ),
        }
    }
}

fn bullet(issues: &[PlanIssue], lang: Lang) -> String {
    issues
        .iter()
        .map(|i| format!("  - {}", issue_text(i, lang)))
        .collect::<Vec<_>>()
        .join("\n")
}

impl std::fmt::Display for MovementRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for MovementRefusal {}

impl RulesRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use RulesRefusal::*;
        match (self, lang) {
            (WomenShare { text }, Lang::Vi) => {
                format!("Tỷ lệ nữ “{text}” không hợp lệ; ghi số phần trăm từ 1 đến 100, ví dụ 70")
            }
            (WomenShare { text }, Lang::En) => {
                format!("women share “{text}” is not a percent from 1 to 100, like 70")
            }
            (Aggregation { text }, Lang::Vi) => format!(
                "Cách tổng hợp điểm “{text}” không có; chọn mean (trung bình), median (trung vị) hoặc trimmed_mean (bỏ cao nhất, thấp nhất)"
            ),
            (Aggregation { text }, Lang::En) => {
                format!("aggregation “{text}” is unknown; choose mean, median or trimmed_mean")
            }
            (Share { text }, Lang::Vi) => format!(
                "Tỷ lệ “{text}” không hợp lệ; ghi dạng 2/3, 80/100 hoặc 80%, lớn hơn 0 và không quá toàn bộ"
            ),
            (Share { text }, Lang::En) => format!(
                "share “{text}” is not valid; write 2/3, 80/100 or 80%, above zero and at most the whole"
            ),
            (Comparison { text }, Lang::Vi) => {
                format!(
                    "So sánh “{text}” không có; chọn at-least (tối thiểu) hoặc more-than (trên)"
                )
            }
            (Comparison { text }, Lang::En) => {
                format!("comparison “{text}” is unknown; choose at-least or more-than")
            }
            (Denominator { text }, Lang::Vi) => format!(
                "Mẫu số “{text}” không có; chọn all-members (tổng số thành viên), present (số có mặt) hoặc valid-ballots (số phiếu hợp lệ)"
            ),
            (Denominator { text }, Lang::En) => format!(
                "denominator “{text}” is unknown; choose all-members, present or valid-ballots"
            ),
            (Method { text }, Lang::Vi) => {
                format!(
                    "Hình thức “{text}” không có; chọn secret (bỏ phiếu kín) hoặc open (biểu quyết công khai)"
                )
            }
            (Method { text }, Lang::En) => {
                format!("method “{text}” is unknown; choose secret or open")
            }
            (YesNo { text }, Lang::Vi) => format!("“{text}”: hãy ghi yes (có) hoặc no (không)"),
            (YesNo { text }, Lang::En) => format!("“{text}”: write yes or no"),
            (UnknownAward { code }, Lang::Vi) => format!(
                "Không có danh hiệu, hình thức khen thưởng mã “{code}” (dùng * cho quy tắc chung)"
            ),
            (UnknownAward { code }, Lang::En) => {
                format!("no award with the code “{code}” (use * for the general rule)")
            }
            (UnknownLevel { code }, Lang::Vi) => format!("Không có cấp “{code}”"),
            (UnknownLevel { code }, Lang::En) => format!("no level “{code}”"),
            (NothingToSet, Lang::Vi) => {
                "Chưa ghi điều gì cần thay đổi; xem `hoidong rules set --help`".into()
            }
            (NothingToSet, Lang::En) => {
                "nothing to change was given; see `hoidong rules set --help`".into()
            }
        }
    }
}

impl std::fmt::Display for RulesRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RulesRefusal {}
