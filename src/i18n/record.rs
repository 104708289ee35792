//! How refusals about nominees, nominations, scores, evidence, holds, minutes
//! notes and referrals are told, in Vietnamese and in English: the command
//! line and the interface both say them with these words. English is their
//! `Display`.

use crate::domain::hold::HoldRefusal;
use crate::domain::nomination_rules::{EvidenceRefusal, NominationRefusal};
use crate::domain::nominee::NomineeRefusal;
use crate::domain::note_rules::NoteRefusal;
use crate::domain::referral_checks::ReferralRefusal;
use crate::i18n::Lang;
use crate::i18n::numbers;

/// The interface's labels of kinds and statuses, in `lang`.
fn labels(lang: Lang) -> &'static crate::i18n::strings::Strings {
    match lang {
        Lang::Vi => crate::i18n::Lang::Vi.strings(),
        Lang::En => crate::i18n::Lang::En.strings(),
    }
}

impl NomineeRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use NomineeRefusal::*;
        match (self, lang) {
            (NoKind, Lang::Vi) => "Loại đối tượng: hãy chọn loại đối tượng".into(),
            (NoKind, Lang::En) => "kind: choose the kind of nominee".into(),
            (EmptyName, Lang::Vi) => "Tên: chưa nhập tên".into(),
            (EmptyName, Lang::En) => "name: the name is empty".into(),
            (ImplausibleBirthYear { year }, Lang::Vi) => {
                format!("Năm sinh: {year} không phải năm sinh hợp lý (từ 1900 đến 2100)")
            }
            (ImplausibleBirthYear { year }, Lang::En) => {
                format!("birth year: {year} is not a plausible year")
            }
            (WomenShareOver { percent }, Lang::Vi) => {
                format!("Tỷ lệ nữ: {percent}% vượt quá 100%")
            }
            (WomenShareOver { percent }, Lang::En) => {
                format!("women share: {percent}% is over 100%")
            }
        }
    }
}

impl NominationRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use NominationRefusal::*;
        match (self, lang) {
            (UnknownAward { code }, Lang::Vi) => format!(
                "Hình thức khen thưởng: không có “{code}” trong danh mục; hãy chọn một hình thức trong danh mục"
            ),
            (UnknownAward { code }, Lang::En) => format!("award: unknown award “{code}”"),
            (AwardNotForKind { award, kind }, Lang::Vi) => format!(
                "Hình thức khen thưởng: {award} không dành cho loại đối tượng này ({}); hãy chọn hình thức khác",
                labels(lang).kind(*kind)
            ),
            (AwardNotForKind { award, kind }, Lang::En) => format!(
                "award: {award} cannot be given to this kind of nominee ({})",
                kind.code()
            ),
            (CannotBecome { id, from, to }, Lang::Vi) => format!(
                "Hồ sơ đề nghị {id}: không thể chuyển từ “{}” sang “{}”",
                labels(lang).status(*from),
                labels(lang).status(*to)
            ),
            (CannotBecome { id, from, to }, Lang::En) => format!(
                "nomination {id}: cannot go from {} to {}",
                from.code(),
                to.code()
            ),
            (NoWithdrawReason, Lang::Vi) => "Lý do: hãy ghi lý do rút hồ sơ đề nghị".into(),
            (NoWithdrawReason, Lang::En) => "reason: say why the nomination is withdrawn".into(),
            (UnknownCriterion { code }, Lang::Vi) => {
                format!("Tiêu chí: không có tiêu chí {code} trong phong trào")
            }
            (UnknownCriterion { code }, Lang::En) => {
                format!("criterion: unknown criterion {code}")
            }
            (
                ScoreOverMax {
                    tenths,
                    max,
                    criterion,
                },
                Lang::Vi,
            ) => format!(
                "Điểm {}: vượt mức tối đa {max} của tiêu chí {criterion}",
                numbers::score(*tenths, Lang::Vi)
            ),
            (
                ScoreOverMax {
                    tenths,
                    max,
                    criterion,
                },
                Lang::En,
            ) => format!(
                "score {}: over the maximum {max} of criterion {criterion}",
                numbers::score(*tenths, Lang::En)
            ),
            (ImplausibleYear { year }, Lang::Vi) => {
                format!("Năm: {year} không phải năm hợp lý (từ 1945 đến 2100)")
            }
            (ImplausibleYear { year }, Lang::En) => {
                format!("year: {year} is not a plausible year")
            }
        }
    }
}

impl EvidenceRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use EvidenceRefusal::*;
        match (self, lang) {
            (EmptyTitle, Lang::Vi) => "Tên văn bản: chưa nhập tên văn bản".into(),
            (EmptyTitle, Lang::En) => "evidence title: the title is empty".into(),
            (BadHash { text }, Lang::Vi) => {
                format!("Tệp minh chứng: “{text}” không phải mã SHA-256 (64 chữ số hệ mười sáu)")
            }
            (BadHash { text }, Lang::En) => {
                format!("evidence file: “{text}” is not a SHA-256 (64 hexadecimal digits)")
            }
            (FileWithoutHash, Lang::Vi) => {
                "Tệp minh chứng: tệp chỉ được ghi cùng mã SHA-256 của nó".into()
            }
            (FileWithoutHash, Lang::En) => {
                "evidence file: a file is recorded together with its SHA-256".into()
            }
        }
    }
}

impl HoldRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use HoldRefusal::*;
        match (self, lang) {
            (NoReason, Lang::Vi) => {
                "Lý do: hãy ghi quyết định kỷ luật hoặc cuộc thanh tra, kiểm tra khiến việc khen thưởng phải tạm hoãn".into()
            }
            (NoReason, Lang::En) => {
                "reason: say which discipline or inspection holds the awards back".into()
            }
            (AlreadyLifted { id }, Lang::Vi) => format!("Lệnh tạm hoãn {id} đã được gỡ"),
            (AlreadyLifted { id }, Lang::En) => format!("hold {id} is already lifted"),
            (LiftedBeforeStart { id, date, from }, Lang::Vi) => format!(
                "Lệnh tạm hoãn {id}: ngày {} trước ngày bắt đầu tạm hoãn ({})",
                date.format("%d/%m/%Y"),
                from.format("%d/%m/%Y")
            ),
            (LiftedBeforeStart { id, date, from }, Lang::En) => {
                format!("hold {id}: {date} is before the hold began ({from})")
            }
        }
    }
}

impl NoteRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use NoteRefusal::*;
        match (self, lang) {
            (OtherMeeting { note, owner, given }, Lang::Vi) => {
                format!("Ghi chép {note}: thuộc phiên họp {owner}, không phải phiên họp {given}")
            }
            (OtherMeeting { note, owner, given }, Lang::En) => {
                format!("note {note}: belongs to meeting {owner}, not {given}")
            }
            (
                ItemOfOtherMeeting {
                    item,
                    owner,
                    meeting,
                },
                Lang::Vi,
            ) => format!(
                "Ghi chép: nội dung chương trình {item} thuộc phiên họp {owner}, không phải phiên họp {meeting}"
            ),
            (
                ItemOfOtherMeeting {
                    item,
                    owner,
                    meeting,
                },
                Lang::En,
            ) => format!("note: agenda item {item} belongs to meeting {owner}, not {meeting}"),
        }
    }
}

impl ReferralRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use ReferralRefusal::*;
        match (self, lang) {
            (
                NeedsOverride {
                    nomination,
                    evaluation,
                },
                Lang::Vi,
            ) => format!(
                "Hồ sơ đề nghị {nomination}: {}\nMuốn vẫn trình cấp trên, hãy ghi lý do (--override-reason).",
                evaluation.explain(lang)
            ),
            (
                NeedsOverride {
                    nomination,
                    evaluation,
                },
                Lang::En,
            ) => format!(
                "nomination {nomination}: {}\nTo refer it anyway, give the reason (--override-reason).",
                evaluation.explain(lang)
            ),
            (NoLevels, Lang::Vi) => "Danh mục khen thưởng không có cấp nào".into(),
            (NoLevels, Lang::En) => "the catalogue has no levels".into(),
            (NoLevelAbove { level }, Lang::Vi) => {
                format!(
                    "Không có cấp nào trên cấp “{}” để trình",
                    labels(lang).level(level)
                )
            }
            (NoLevelAbove { level }, Lang::En) => format!("there is no level above {level}"),
            (Closed { id, status }, Lang::Vi) => format!(
                "Hồ sơ trình cấp trên {id}: đang ở trạng thái “{}”; bộ hồ sơ đã khép lại",
                status.label(lang)
            ),
            (Closed { id, status }, Lang::En) => format!(
                "referral {id}: it is {}; its dossier is closed",
                status.code()
            ),
            (EmptyReference, Lang::Vi) => {
                "Tham chiếu: hãy ghi số và ngày của văn bản hoặc nơi lưu giữ".into()
            }
            (EmptyReference, Lang::En) => {
                "reference: give the document's number and date or where it is kept".into()
            }
            (UnknownDocument { id, code, known }, Lang::Vi) => format!(
                "Hồ sơ trình cấp trên {id}: danh mục hồ sơ không có văn bản “{code}” (có: {})",
                known.join(", ")
            ),
            (UnknownDocument { id, code, known }, Lang::En) => format!(
                "referral {id}: no document “{code}” in its checklist (it has: {})",
                known.join(", ")
            ),
            (ForwardIsNotAStep { id }, Lang::Vi) => format!(
                "Hồ sơ trình cấp trên {id}: trình tiếp lên cấp trên tạo một hồ sơ trình mới, không phải một bước của hồ sơ này"
            ),
            (ForwardIsNotAStep { id }, Lang::En) => format!(
                "referral {id}: forwarding creates a referral to the next level: use forward_referral"
            ),
            (BadStepDate { id, text }, Lang::Vi) => {
                format!("Hồ sơ trình cấp trên {id}: không đọc được ngày “{text}” của một bước")
            }
            (BadStepDate { id, text }, Lang::En) => {
                format!("referral {id}: unreadable step date “{text}”")
            }
            (NoDatedStep { id }, Lang::Vi) => {
                format!("Hồ sơ trình cấp trên {id}: không có bước nào có ngày")
            }
            (NoDatedStep { id }, Lang::En) => format!("referral {id}: it has no dated step"),
        }
    }
}

macro_rules! english_display {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.message(Lang::En))
            }
        }
        impl std::error::Error for $t {}
    )*};
}

english_display!(
    NomineeRefusal,
    NominationRefusal,
    EvidenceRefusal,
    HoldRefusal,
    NoteRefusal,
    ReferralRefusal
);
