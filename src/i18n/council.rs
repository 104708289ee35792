//! How refusals about the ward's identity and the council are told, in
//! Vietnamese and in English: the command line and the interface both say
//! them with these words. English is their `Display`.

use crate::domain::council::Role;
use crate::domain::council_rules::CouncilRefusal;
use crate::domain::ward::WardRefusal;
use crate::i18n::Lang;

const SET_UP_VI: &str = "hãy lập hội đồng theo quyết định thành lập: `hoidong council new --decision SỐ --date NGÀY --signer NGƯỜI_KÝ --term 2026-2031`, rồi thêm thành viên: `hoidong council member add HỌ_TÊN --role chu-tich --from NGÀY`";
const SET_UP_EN: &str = "establish the council by its decision: `hoidong council new --decision NUMBER --date DATE --signer SIGNER --term 2026-2031`, then add its members: `hoidong council member add NAME --role chair --from DATE`";

/// What to do when there is no council yet, in `lang`.
pub fn set_up_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => SET_UP_VI,
        Lang::En => SET_UP_EN,
    }
}

/// The role as the council says it.
pub fn role_label(role: Role, lang: Lang) -> &'static str {
    match (lang, role) {
        (Lang::Vi, Role::Chair) => "Chủ tịch",
        (Lang::Vi, Role::ViceChair) => "Phó Chủ tịch",
        (Lang::Vi, Role::StandingMember) => "Ủy viên thường trực",
        (Lang::Vi, Role::Secretary) => "Thư ký",
        (Lang::Vi, Role::Member) => "Ủy viên",
        (Lang::En, Role::Chair) => "chair",
        (Lang::En, Role::ViceChair) => "vice-chair",
        (Lang::En, Role::StandingMember) => "standing member",
        (Lang::En, Role::Secretary) => "secretary",
        (Lang::En, Role::Member) => "member",
    }
}

/// The role from what a user types: the code, a Vietnamese name with or
/// without marks and dashes ("chu-tich", "Chủ tịch", "uy vien thuong truc"),
/// or the English one.
pub fn role_from_input(text: &str) -> Option<Role> {
    let key = fold(text);
    Role::ALL.into_iter().find(|r| {
        [r.code(), role_label(*r, Lang::Vi), role_label(*r, Lang::En)]
            .iter()
            .any(|k| fold(k) == key)
    })
}

/// Lower case, without marks, dashes or underscores: "Chủ tịch" → "chu tich".
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = text
        .nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'đ' => 'd',
            '-' | '_' => ' ',
            c => c,
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl WardRefusal {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WardRefusal::Text(r), _) => r.message(lang),
            (WardRefusal::NotSet, Lang::Vi) => "Chưa có thông tin đơn vị (cơ quan chủ quản, tên hội đồng, địa danh, ký hiệu văn bản, nơi nhận) để in văn bản: hãy khai báo bằng `hoidong ward set --body … --council-name … --place … --minutes-symbol … --decision-symbol … --submission-symbol … --recipients-minutes \"…;…\" --chairman-title … --chairman-name …`".into(),
            (WardRefusal::NotSet, Lang::En) => "the ward's identity (governing body, council name, place, document symbols, recipients) is not set, and every document prints it: set it with `hoidong ward set --body … --council-name … --place … --minutes-symbol … --decision-symbol … --submission-symbol … --recipients-minutes \"…;…\" --chairman-title … --chairman-name …`".into(),
            (WardRefusal::Empty(f), Lang::Vi) => format!(
                "Thông tin đơn vị: {} còn trống; mọi văn bản in ra đều cần mục này",
                f.label(lang)
            ),
            (WardRefusal::Empty(f), Lang::En) => format!(
                "ward identity: the {} is empty; every printed document needs it",
                f.label(lang)
            ),
            (WardRefusal::BadSymbol { field, text }, Lang::Vi) => format!(
                "{}: “{text}” không phải ký hiệu; ký hiệu là phần sau số và dấu gạch chéo, không có dấu cách (ví dụ BB-HĐTĐKT trong 05/BB-HĐTĐKT)",
                field.label(lang)
            ),
            (WardRefusal::BadSymbol { field, text }, Lang::En) => format!(
                "{}: “{text}” is not a symbol; a symbol is what follows the number and the slash, without spaces (BB-HĐTĐKT in 05/BB-HĐTĐKT)",
                field.label(lang)
            ),
        }
    }
}

impl std::fmt::Display for WardRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for WardRefusal {}

fn term_words(from: &Option<String>, to: &Option<String>) -> String {
    format!(
        "{} – {}",
        from.as_deref().unwrap_or("…"),
        to.as_deref().unwrap_or("…")
    )
}

impl CouncilRefusal {
    pub fn message(&self, lang: Lang) -> String {
        use CouncilRefusal::*;
        match (self, lang) {
            (Text(r), _) => r.message(lang),
            (Empty(f), Lang::Vi) => format!("Hội đồng: {} còn trống", f.label(lang)),
            (Empty(f), Lang::En) => format!("council: the {} is empty", f.label(lang)),
            (BadDate { text }, Lang::Vi) => {
                format!("Ngày: “{text}” không phải ngày hợp lệ; hãy ghi theo dạng 2026-01-06")
            }
            (BadDate { text }, Lang::En) => {
                format!("date: “{text}” is not a date; write it like 2026-01-06")
            }
            (BadTerm { text }, Lang::Vi) => format!(
                "Nhiệm kỳ: “{text}” không hợp lệ; ghi năm đầu (năm của quyết định) và năm cuối, ví dụ 2026-2031, hoặc hai ngày, ví dụ 2026-01-06..2031-06-30"
            ),
            (BadTerm { text }, Lang::En) => format!(
                "term: “{text}” is not a term; give the first year (the decision's) and the last, like 2026-2031, or two days, like 2026-01-06..2031-06-30"
            ),
            (TermOutOfOrder { from, to }, Lang::Vi) => {
                format!("Nhiệm kỳ: ngày kết thúc {to} trước ngày bắt đầu {from}")
            }
            (TermOutOfOrder { from, to }, Lang::En) => {
                format!("term: it ends ({to}) before it starts ({from})")
            }
            (DecisionAfterTerm { date, to }, Lang::Vi) => format!(
                "Quyết định thành lập ngày {date} sau khi nhiệm kỳ đã kết thúc ({to}); hãy kiểm tra lại ngày"
            ),
            (DecisionAfterTerm { date, to }, Lang::En) => format!(
                "the decision is dated {date}, after the term it sets up has ended ({to}); check the dates"
            ),
            (TermNotAfter { decision, from }, Lang::Vi) => format!(
                "Nhiệm kỳ mới bắt đầu {from}, không sau nhiệm kỳ của hội đồng theo quyết định {decision}; nhiệm kỳ mới phải bắt đầu sau nhiệm kỳ trước"
            ),
            (TermNotAfter { decision, from }, Lang::En) => format!(
                "the new term starts {from}, not after the term of the council of decision {decision}; a new term starts after the one before"
            ),
            (NoCouncil, Lang::Vi) => format!("Chưa có hội đồng: {}", set_up_hint(lang)),
            (NoCouncil, Lang::En) => format!("no council yet: {}", set_up_hint(lang)),
            (NoMembersInOffice, Lang::Vi) => "Hội đồng chưa có thành viên đương nhiệm nên chưa thể chấm điểm: hãy thêm thành viên bằng `hoidong council member add HỌ_TÊN --role … --from NGÀY`; chưa có gì được lưu".into(),
            (NoMembersInOffice, Lang::En) => "the council has no member in office, so there is no one to score for: add members with `hoidong council member add NAME --role … --from DATE`; nothing was saved".into(),
            (OutsideTerm { date, from, to }, Lang::Vi) => format!(
                "Ngày {date} nằm ngoài nhiệm kỳ của hội đồng ({})",
                term_words(from, to)
            ),
            (OutsideTerm { date, from, to }, Lang::En) => format!(
                "{date} is outside the council's term ({})",
                term_words(from, to)
            ),
            (RoleTaken { role, holder }, Lang::Vi) => format!(
                "Hội đồng chỉ có một {} tại một thời điểm; {holder} đang giữ vai trò này: hãy dùng `hoidong council member replace` hoặc kết thúc tư cách thành viên của người đó trước",
                role_label(*role, lang)
            ),
            (RoleTaken { role, holder }, Lang::En) => format!(
                "the council has one {} at a time and {holder} holds that role: use `hoidong council member replace`, or end their membership first",
                role_label(*role, lang)
            ),
            (BeforeStart { name, start, date }, Lang::Vi) => format!(
                "{name} là thành viên từ {start}; ngày {date} phải sau ngày đó"
            ),
            (BeforeStart { name, start, date }, Lang::En) => {
                format!("{name} took office on {start}; {date} must come after it")
            }
            (AlreadyEnded { name, on }, Lang::Vi) => {
                format!("{name} đã thôi là thành viên hội đồng từ sau ngày {on}")
            }
            (AlreadyEnded { name, on }, Lang::En) => {
                format!("{name}'s membership already ended (last day {on})")
            }
        }
    }
}

impl std::fmt::Display for CouncilRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CouncilRefusal {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_read_in_either_language_with_or_without_marks() {
        assert_eq!(role_from_input("chu-tich"), Some(Role::Chair));
        assert_eq!(role_from_input("Chủ tịch"), Some(Role::Chair));
        assert_eq!(role_from_input("pho-chu-tich"), Some(Role::ViceChair));
        assert_eq!(
            role_from_input("uy vien thuong truc"),
            Some(Role::StandingMember)
        );
        assert_eq!(role_from_input("thư ký"), Some(Role::Secretary));
        assert_eq!(role_from_input("member"), Some(Role::Member));
        assert_eq!(role_from_input("vice-chair"), Some(Role::ViceChair));
        assert_eq!(role_from_input("trưởng ban"), None);
    }

    #[test]
    fn no_council_says_how_to_set_one_up_in_both_languages() {
        let vi = CouncilRefusal::NoCouncil.message(Lang::Vi);
        assert!(vi.starts_with("Chưa có hội đồng"), "{vi}");
        assert!(vi.contains("hoidong council new"), "{vi}");
        let en = CouncilRefusal::NoCouncil.to_string();
        assert!(en.contains("hoidong council new"), "{en}");
    }
}
