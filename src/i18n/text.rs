//! How a refused text is told to the user, in Vietnamese and in English: the
//! store's error text (the CLI), the interface's forms and the import report
//! all say it with these words.

use crate::domain::text_rules::{
    HiddenKind, LegacyEncoding, MAX_TEXT_UNITS, TextFault, TextField, TextRefusal,
};
use crate::i18n::Lang;

impl TextField {
    pub fn label(self, lang: Lang) -> &'static str {
        use TextField::*;
        match (lang, self) {
            (Lang::En, Name) => "name",
            (Lang::En, Position) => "position",
            (Lang::En, Unit) => "unit",
            (Lang::En, Address) => "address",
            (Lang::En, ProposingUnit) => "proposing unit",
            (Lang::En, Summary) => "summary",
            (Lang::En, MemberName) => "member's name",
            (Lang::En, GuestName) => "guest's name",
            (Lang::En, MeetingNumber) => "meeting number",
            (Lang::En, Subject) => "subject",
            (Lang::En, Place) => "place",
            (Lang::En, DecisionNumber) => "number",
            (Lang::En, Signer) => "signer",
            (Lang::En, Authority) => "authority",
            (Lang::En, Note) => "note",
            (Lang::En, Reason) => "reason",
            (Lang::En, Reference) => "reference",
            (Lang::En, GoverningBody) => "governing body",
            (Lang::En, CouncilName) => "council's name",
            (Lang::En, PlaceName) => "place name for dates",
            (Lang::En, MinutesSymbol) => "symbol of minutes",
            (Lang::En, DecisionSymbol) => "symbol of decisions",
            (Lang::En, SubmissionSymbol) => "symbol of submissions",
            (Lang::En, Recipient) => "recipients",
            (Lang::En, ChairmanTitle) => "chairman's title",
            (Lang::En, ChairmanName) => "chairman's name",
            (Lang::Vi, Name) => "Họ tên / tên tập thể",
            (Lang::Vi, Position) => "Chức vụ",
            (Lang::Vi, Unit) => "Đơn vị",
            (Lang::Vi, Address) => "Địa chỉ",
            (Lang::Vi, ProposingUnit) => "Đơn vị đề nghị",
            (Lang::Vi, Summary) => "Tóm tắt thành tích",
            (Lang::Vi, MemberName) => "Tên thành viên",
            (Lang::Vi, GuestName) => "Tên khách mời",
            (Lang::Vi, MeetingNumber) => "Số biên bản",
            (Lang::Vi, Subject) => "Nội dung",
            (Lang::Vi, Place) => "Địa điểm",
            (Lang::Vi, DecisionNumber) => "Số quyết định",
            (Lang::Vi, Signer) => "Người ký",
            (Lang::Vi, Authority) => "Cơ quan",
            (Lang::Vi, Note) => "Ghi chú",
            (Lang::Vi, Reason) => "Lý do",
            (Lang::Vi, Reference) => "Số, ký hiệu",
            (Lang::Vi, GoverningBody) => "Cơ quan chủ quản",
            (Lang::Vi, CouncilName) => "Tên hội đồng",
            (Lang::Vi, PlaceName) => "Địa danh ghi ngày tháng",
            (Lang::Vi, MinutesSymbol) => "Ký hiệu biên bản",
            (Lang::Vi, DecisionSymbol) => "Ký hiệu quyết định",
            (Lang::Vi, SubmissionSymbol) => "Ký hiệu tờ trình",
            (Lang::Vi, Recipient) => "Nơi nhận",
            (Lang::Vi, ChairmanTitle) => "Chức danh người ký quyết định",
            (Lang::Vi, ChairmanName) => "Họ tên người ký quyết định",
        }
    }
}

/// English, as the command line says it.
impl std::fmt::Display for TextRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TextRefusal {}

impl TextRefusal {
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            self.field.label(lang),
            describe(&self.fault, lang)
        )
    }
}

/// "U+200B (zero width space)": the code point, and a name people can search for.
fn character(ch: char, lang: Lang) -> String {
    let name = match (ch, lang) {
        ('\0', _) => Some("NUL"),
        ('\u{200B}', Lang::En) => Some("zero width space"),
        ('\u{200B}', Lang::Vi) => Some("khoảng trắng rộng 0"),
        ('\u{200C}' | '\u{200D}', Lang::En) => Some("zero width joiner"),
        ('\u{200C}' | '\u{200D}', Lang::Vi) => Some("ký tự nối rộng 0"),
        ('\u{FEFF}', _) => Some("BOM"),
        ('\u{00AD}', Lang::En) => Some("soft hyphen"),
        ('\u{00AD}', Lang::Vi) => Some("gạch nối ẩn"),
        ('\u{202E}', Lang::En) => Some("right-to-left override"),
        ('\u{202E}', Lang::Vi) => Some("đảo chiều viết sang phải-trái"),
        _ => None,
    };
    let code = format!("U+{:04X}", u32::from(ch));
    match name {
        Some(n) => format!("{code} ({n})"),
        None => code,
    }
}

/// What is wrong with the text and what to do, without the field.
pub fn describe(fault: &TextFault, lang: Lang) -> String {
    match (fault, lang) {
        (TextFault::Hidden { ch, at, kind }, Lang::En) => {
            let what = match kind {
                HiddenKind::Control => "a control character",
                HiddenKind::Invisible => "an invisible character",
                HiddenKind::Direction => "a character that reverses the direction of the text",
            };
            format!(
                "holds {what}, {}, at character {at}; delete it and type the text again",
                character(*ch, lang)
            )
        }
        (TextFault::Hidden { ch, at, kind }, Lang::Vi) => {
            let what = match kind {
                HiddenKind::Control => "ký tự điều khiển",
                HiddenKind::Invisible => "ký tự ẩn (không hiện trên màn hình)",
                HiddenKind::Direction => "ký tự đảo chiều văn bản",
            };
            format!(
                "có {what} {} ở ký tự thứ {at}; hãy xoá ký tự đó và gõ lại",
                character(*ch, lang)
            )
        }
        (TextFault::LegacyEncoding { encoding, word }, Lang::En) => format!(
            "“{word}” looks like {} text read as Unicode; convert the file or text to Unicode (e.g. with Unikey's converter) and enter it again",
            encoding_name(*encoding)
        ),
        (TextFault::LegacyEncoding { encoding, word }, Lang::Vi) => format!(
            "“{word}” có vẻ là chữ mã {} chứ không phải Unicode; hãy chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại",
            encoding_name(*encoding)
        ),
        (TextFault::TooLong { units }, Lang::En) => format!(
            "{units} characters, more than a spreadsheet cell holds ({MAX_TEXT_UNITS}); shorten it"
        ),
        (TextFault::TooLong { units }, Lang::Vi) => format!(
            "dài {units} ký tự, quá sức chứa của một ô bảng tính ({MAX_TEXT_UNITS}); hãy rút ngắn"
        ),
    }
}

fn encoding_name(e: LegacyEncoding) -> &'static str {
    match e {
        LegacyEncoding::Tcvn3 => "TCVN3 (ABC)",
        LegacyEncoding::Vni => "VNI",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_width_space_is_named_in_both_languages() {
        let r = TextRefusal {
            field: TextField::Name,
            fault: TextFault::Hidden {
                ch: '\u{200B}',
                at: 1,
                kind: HiddenKind::Invisible,
            },
        };
        assert_eq!(
            r.to_string(),
            "name: holds an invisible character, U+200B (zero width space), at character 1; delete it and type the text again"
        );
        assert_eq!(
            r.message(Lang::Vi),
            "Họ tên / tên tập thể: có ký tự ẩn (không hiện trên màn hình) U+200B (khoảng trắng rộng 0) ở ký tự thứ 1; hãy xoá ký tự đó và gõ lại"
        );
    }
}
