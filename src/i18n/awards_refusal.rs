//! A refused decision, referral or referral step in the interface's language
//! (the store keeps it as data, `store::refusal_award`; English is what the
//! CLI prints). Shown instead of the confirm dialog, and if the record
//! changed in between, as the error of the step itself.

use chrono::NaiveDate;

use crate::domain::award_steps::AwardRefusal;
use crate::domain::nomination::NoPassingVote;
use crate::domain::referral::ReferralError;
use crate::i18n::Lang;
use crate::i18n::strings::Strings;
use crate::store::refusal_award::AwardRefused;

use super::awards::{referral_status, step_name};

fn day(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The refusal as the English command line says it.
pub fn refusal_en(r: &AwardRefusal) -> String {
    match r {
        AwardRefusal::DecidedAbove { award, granted_by } => {
            format!("{award} is decided by {granted_by}, not by the ward; refer it instead")
        }
        AwardRefusal::DecidedAtHome { award } => {
            format!("{award} is decided by the ward; record the decision instead")
        }
        AwardRefusal::NotPassed { status } => format!(
            "it is {}: only a nomination the council passed can be decided or referred",
            status.code()
        ),
        AwardRefusal::HeldBack { reason } => {
            format!("the nominee's awards are held back ({reason}); lift the hold first")
        }
        AwardRefusal::NoPassingVote(NoPassingVote::NeverVoted) => "no vote of the council is recorded for it, so it cannot be decided or referred; put it on a meeting's agenda and record the vote (an award held before hoidong goes in with `hoidong earlier-award`)".into(),
        AwardRefusal::NoPassingVote(NoPassingVote::LastVoteFailed) => {
            "the council's latest recorded vote did not pass it, so it cannot be decided or referred".into()
        }
        AwardRefusal::EmptyDecisionNumber => "number: the decision number is empty".into(),
        AwardRefusal::NoSigner => "signer: say who signed the decision".into(),
        AwardRefusal::EmptySubmissionNumber => {
            "number: the submission (tờ trình) number is empty".into()
        }
        AwardRefusal::BeforeVote { date, voted_on } => format!(
            "date: {date} is before the meeting of {voted_on} that passed it; date it on or after that day"
        ),
        AwardRefusal::DossierIncomplete { missing } => format!(
            "the dossier still lacks: {}; tick each document with its reference first",
            missing.join("; ")
        ),
        AwardRefusal::Step(e) => e.to_string(),
    }
}

impl Strings {
    pub fn award_refusal(&self, r: &AwardRefused) -> String {
        self.award_refusal_of(&r.refusal)
    }

    /// The refusal alone: the screen already shows what it concerns.
    pub fn award_refusal_of(&self, r: &AwardRefusal) -> String {
        if self.lang == Lang::En {
            return refusal_en(r);
        }
        match r {
            AwardRefusal::DecidedAbove { award, granted_by } => format!(
                "{award} do {granted_by} quyết định, không phải cấp phường: hãy lập đề nghị lên cấp trên"
            ),
            AwardRefusal::DecidedAtHome { award } => format!(
                "{award} do cấp phường quyết định: hãy ghi quyết định khen thưởng, không đề nghị lên cấp trên"
            ),
            AwardRefusal::NotPassed { status } => format!(
                "Hồ sơ đang ở trạng thái “{}”: chỉ hồ sơ được Hội đồng thông qua mới được quyết định hoặc đề nghị lên cấp trên",
                self.status(*status)
            ),
            AwardRefusal::HeldBack { reason } => format!(
                "Đối tượng đang bị tạm hoãn khen thưởng ({reason}): hãy chấm dứt việc tạm hoãn trước"
            ),
            AwardRefusal::NoPassingVote(NoPassingVote::NeverVoted) => "Chưa có kết quả biểu quyết nào của Hội đồng về hồ sơ này: hãy đưa hồ sơ vào chương trình một phiên họp và ghi kết quả biểu quyết".into(),
            AwardRefusal::NoPassingVote(NoPassingVote::LastVoteFailed) => "Lần biểu quyết gần nhất của Hội đồng không thông qua hồ sơ này, nên chưa thể quyết định hoặc đề nghị lên cấp trên".into(),
            AwardRefusal::EmptyDecisionNumber => "Số quyết định: chưa nhập".into(),
            AwardRefusal::NoSigner => "Người ký: hãy ghi ai đã ký quyết định".into(),
            AwardRefusal::EmptySubmissionNumber => "Số tờ trình: chưa nhập".into(),
            AwardRefusal::BeforeVote { date, voted_on } => format!(
                "Ngày {}: trước ngày phiên họp Hội đồng thông qua hồ sơ ({}); hãy ghi ngày từ {} trở đi",
                day(*date),
                day(*voted_on),
                day(*voted_on)
            ),
            AwardRefusal::DossierIncomplete { missing } => format!(
                "Hồ sơ còn thiếu: {}. Hãy đánh dấu từng tài liệu (phím Enter) kèm số, ngày hoặc nơi lưu rồi mới gửi",
                missing.join("; ")
            ),
            AwardRefusal::Step(e) => self.referral_error(e),
        }
    }

    fn referral_error(&self, e: &ReferralError) -> String {
        match e {
            ReferralError::Illegal { status, event } => format!(
                "Không thể ghi bước “{}” khi đề nghị đang ở trạng thái “{}”",
                step_name(self, *event),
                referral_status(self, *status)
            ),
            ReferralError::DateBeforeLast { event, date, last } => format!(
                "{}: ngày {} trước bước gần nhất của đề nghị ({}); các bước phải theo thứ tự thời gian, hãy ghi ngày từ {} trở đi",
                step_name(self, *event),
                day(*date),
                day(*last),
                day(*last)
            ),
            ReferralError::Missing { event, field } => format!(
                "{}: chưa nhập {}",
                step_name(self, *event),
                match *field {
                    "the reason" => "lý do",
                    "the decision number" => "số quyết định",
                    _ => "cơ quan khen thưởng",
                }
            ),
        }
    }
}
