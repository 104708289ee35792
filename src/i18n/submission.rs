//! How a refused tờ trình is told, in Vietnamese and in English: the command
//! line and the awards board say it with these words.

use crate::domain::submission::{IneligibleLine, SubmissionRefusal};
use crate::i18n::Lang;

impl SubmissionRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use SubmissionRefusal::*;
        match (self, lang) {
            (EmptyNumber, Lang::Vi) => {
                "Số tờ trình: chưa nhập số; hãy ghi số tờ trình, ví dụ 15 (ký hiệu của phường được thêm vào)".into()
            }
            (EmptyNumber, Lang::En) => {
                "number: the tờ trình has no number; give it one, like 15 (the ward's symbol is added)".into()
            }
            (UnknownAward { code }, Lang::Vi) => format!(
                "Không có hình thức khen thưởng mã “{code}”; hãy dùng mã trong danh mục, ví dụ bk_tinh"
            ),
            (UnknownAward { code }, Lang::En) => {
                format!("no award with the code “{code}”; use a code of the catalogue, like bk_tinh")
            }
            (NothingWaiting { meeting, award }, Lang::Vi) => format!(
                "Phiên họp {meeting}: không có hồ sơ nào đề nghị “{award}” đã được Hội đồng thông qua mà chưa trình cấp trên; hãy kiểm tra số phiên họp và mã khen thưởng (các hồ sơ đã trình thì không trình lại)"
            ),
            (NothingWaiting { meeting, award }, Lang::En) => format!(
                "meeting {meeting}: no nomination passed for “{award}” waits to be referred; check the meeting and the award code (those already referred are not sent again)"
            ),
            (NumberTaken { number }, Lang::Vi) => {
                format!("Số tờ trình: tờ trình số {number} đã được ghi; hãy dùng số khác")
            }
            (NumberTaken { number }, Lang::En) => format!(
                "number: a tờ trình numbered {number} is already recorded; give another number"
            ),
            (Ineligible(lines), Lang::Vi) => format!(
                "Chưa đủ điều kiện để trình:\n{}\nĐể vẫn trình lên cấp trên, hãy ghi lý do (--override-reason \"…\" trên dòng lệnh, hoặc ô “Lý do vẫn đề nghị” trong biểu mẫu)",
                ineligible_lines(lines, lang)
            ),
            (Ineligible(lines), Lang::En) => format!(
                "not eligible to go up:\n{}\nTo send them anyway, give the reason (--override-reason \"…\" on the command line, or the “Reason to propose anyway” field of the form)",
                ineligible_lines(lines, lang)
            ),
            (NoLevelAbove, Lang::Vi) => {
                "Danh mục khen thưởng không có cấp nào trên cấp phường để trình lên; hãy kiểm tra danh mục cấp khen thưởng".into()
            }
            (NoLevelAbove, Lang::En) => {
                "the catalogue has no level above the ward to send to; check the catalogue's levels".into()
            }
            (Nomination { nomination, refusal }, Lang::Vi) => format!(
                "Hồ sơ {nomination}: {}",
                crate::i18n::Lang::Vi
                    .strings()
                    .award_refusal_of(refusal)
            ),
            (Nomination { nomination, refusal }, Lang::En) => format!(
                "nomination {nomination}: {}",
                crate::i18n::awards_refusal::refusal_en(refusal)
            ),
        }
    }
}

fn ineligible_lines(lines: &[IneligibleLine], lang: Lang) -> String {
    let word = match lang {
        Lang::Vi => "Hồ sơ",
        Lang::En => "nomination",
    };
    lines
        .iter()
        .map(|l| {
            format!(
                "  {word} {} ({}): {}",
                l.nomination,
                l.nominee,
                l.evaluation.explain(lang).replace('\n', "\n    ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// English, as the store's error text says it.
impl std::fmt::Display for SubmissionRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SubmissionRefusal {}
