//! The words of the decision for many awards and its certificates, in the
//! interface's language (the command line uses them too).

use chrono::NaiveDate;

use crate::domain::decision_batch::BatchRefusal;
use crate::i18n::numbers::group_digits;

use super::strings::Strings;
use crate::i18n::Lang;

/// The refusal as the English command line says it.
pub fn refusal_en(r: &BatchRefusal) -> String {
    match r {
        BatchRefusal::Empty => "the selection holds no passed nomination to decide".into(),
        BatchRefusal::NotInMeeting(id) => {
            format!("nomination {id} is not on the agenda of this meeting")
        }
        BatchRefusal::Repeated(id) => format!("nomination {id} is named twice"),
        BatchRefusal::EmptyNumber => "number: the decision number is empty".into(),
        BatchRefusal::NumberTaken(n) => {
            format!("number: decision {n} is already recorded; give a new number")
        }
        BatchRefusal::Nominations(v) => v
            .iter()
            .map(|(id, r)| format!("nomination {id}: {}", super::awards_refusal::refusal_en(r)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

impl Strings {
    /// Why a decision for many awards was refused.
    pub fn batch_refusal(&self, r: &BatchRefusal) -> String {
        if self.lang == Lang::En {
            return refusal_en(r);
        }
        match r {
            BatchRefusal::Empty => {
                "Không có hồ sơ nào được Hội đồng thông qua trong lựa chọn này để quyết định".into()
            }
            BatchRefusal::NotInMeeting(id) => {
                format!("Hồ sơ {id} không có trong chương trình phiên họp này")
            }
            BatchRefusal::Repeated(id) => format!("Hồ sơ {id} được nêu hai lần"),
            BatchRefusal::EmptyNumber => "Số quyết định: chưa nhập số quyết định".into(),
            BatchRefusal::NumberTaken(n) => {
                format!("Số quyết định: quyết định {n} đã được ghi; hãy dùng số mới")
            }
            BatchRefusal::Nominations(v) => v
                .iter()
                .map(|(id, r)| format!("Hồ sơ {id}: {}", self.award_refusal_of(r)))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

impl Strings {
    /// The confirm before a decision for many Giấy khen is recorded.
    pub fn confirm_decide_many(
        &self,
        number: &str,
        date: NaiveDate,
        signer: &str,
        names: &[&str],
        total: i64,
    ) -> String {
        let date = date.format("%d/%m/%Y");
        let (count, names, total) = (names.len(), names.join(", "), group_digits(total));
        match self.lang {
            Lang::En => format!(
                "Record decision {number} of {date} signed by {signer} for {count} Giấy khen ({names}), prize money {total} đ? It cannot be undone."
            ),
            Lang::Vi => format!(
                "Ghi Quyết định số {number} ngày {date}, người ký {signer}, tặng Giấy khen cho {count} trường hợp ({names}), tổng tiền thưởng {total} đ? Không thể hoàn tác."
            ),
        }
    }
}

/// The words of the awards board's decision form.
pub struct DecisionFormWords {
    pub title: &'static str,
    pub meeting: &'static str,
    pub number: &'static str,
    pub date: &'static str,
    pub signer: &'static str,
    pub deputy: &'static str,
    pub paper: &'static str,
    pub intro: &'static str,
    pub calibration_title: &'static str,
    pub calibration_intro: &'static str,
    pub bad_layout: &'static str,
    pub not_a_meeting: &'static str,
    pub not_a_date: &'static str,
    pub yes: [&'static str; 3],
}

const VI: DecisionFormWords = DecisionFormWords {
    title: "Quyết định cho các Giấy khen được thông qua",
    meeting: "Phiên họp (số)",
    number: "Số quyết định",
    date: "Ngày ký",
    signer: "Người ký",
    deputy: "Phó Chủ tịch ký thay (c/k)",
    paper: "Giấy khen in trên: a4, phoi (phôi in sẵn) hoặc tệp bố cục .toml",
    intro: "Một quyết định cho mọi Giấy khen Hội đồng đã thông qua trong phiên họp; sau khi ghi, quyết định, danh sách và giấy khen được in ra tệp (quyết định còn được gửi máy in nếu có lp).",
    calibration_title: "Trang căn chỉnh giấy khen",
    calibration_intro: "In trang này lên giấy thường rồi đặt lên phôi giấy khen: mỗi ô đỏ là chỗ một dòng sẽ in; sửa số milimét trong tệp bố cục cho khớp.",
    bad_layout: "bố cục không dùng được",
    not_a_meeting: "không phải số phiên họp",
    not_a_date: "không phải ngày (dd/mm/yyyy)",
    yes: ["c", "có", "y"],
};

const EN: DecisionFormWords = DecisionFormWords {
    title: "Decision for the passed Giấy khen",
    meeting: "Meeting (id)",
    number: "Decision number",
    date: "Date signed",
    signer: "Signed by",
    deputy: "Vice-chairman signs for the chairman (y/n)",
    paper: "Certificates on: a4, phoi (pre-printed blanks) or a layout file .toml",
    intro: "One decision for every Giấy khen the council passed at the meeting; once recorded, the decision, its list and the certificates are written to files (the decision also goes to the printer where lp exists).",
    calibration_title: "Certificate calibration page",
    calibration_intro: "Print this page on plain paper and lay it on a blank certificate: each red box is where a line will print; change the millimetres in the layout file to match.",
    bad_layout: "the layout cannot be used",
    not_a_meeting: "is not a meeting id",
    not_a_date: "is not a date (dd/mm/yyyy)",
    yes: ["y", "yes", "c"],
};

pub fn decision_form(s: &Strings) -> &'static DecisionFormWords {
    match s.lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
