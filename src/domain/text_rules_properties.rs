//! Property tests of `text_rules`: a cleaned line is stable and tidy, a
//! refused character is found wherever it is put, and tone placement, case,
//! spacing and normal form never change a name's key.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::text_rules::{
    HiddenKind, MAX_TEXT_UNITS, TextFault, clean_line, clean_name, clean_text, hidden_kind,
    name_key,
};

/// Syllables in the new tone placement, with their old spelling.
const SYLLABLES: [(&str, &str); 12] = [
    ("Hòa", "Hoà"),
    ("Thủy", "Thuỷ"),
    ("Khỏe", "Khoẻ"),
    ("Quý", "Quý"),
    ("Hóa", "Hoá"),
    ("Thụy", "Thuỵ"),
    ("Xòe", "Xoè"),
    ("Nguyễn", "Nguyễn"),
    ("Văn", "Văn"),
    ("Thị", "Thị"),
    ("Lụa", "Lụa"),
    ("Tùng", "Tùng"),
];

fn name_pair() -> impl Strategy<Value = (String, String)> {
    prop::collection::vec(0..SYLLABLES.len(), 1..5).prop_map(|picks| {
        let new: Vec<&str> = picks.iter().map(|i| SYLLABLES[*i].0).collect();
        let old: Vec<&str> = picks.iter().map(|i| SYLLABLES[*i].1).collect();
        (new.join(" "), old.join("  "))
    })
}

/// Ordinary entries: real words, numbers and codes between runs of white space.
fn plain_text() -> impl Strategy<Value = String> {
    let words: Vec<&str> = SYLLABLES
        .iter()
        .flat_map(|(new, old)| [*new, *old])
        .chain([
            "Tổ",
            "3A",
            "125/QĐ-UBND",
            "Đỗ",
            "m²",
            "(Hà",
            "Nội)",
            "Trường",
            "Xuân",
        ])
        .collect();
    let gap = prop::sample::select(vec![" ", "  ", "\t", " \n ", "\u{A0}"]);
    (
        prop::sample::select(vec!["", " ", "\n"]),
        prop::collection::vec((prop::sample::select(words), gap), 0..8),
    )
        .prop_map(|(lead, parts)| {
            let mut s = lead.to_string();
            for (w, g) in parts {
                s.push_str(w);
                s.push_str(g);
            }
            s
        })
}

fn refused_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '\0',
        '\u{7}',
        '\u{1B}',
        '\u{7F}',
        '\u{200B}',
        '\u{200D}',
        '\u{FEFF}',
        '\u{2060}',
        '\u{202E}',
        '\u{202D}',
        '\u{2066}',
        '\u{200F}',
        '\u{E0041}',
    ])
}

proptest! {
    #[test]
    fn a_clean_line_is_trimmed_collapsed_nfc_and_stable(raw in plain_text()) {
        let line = clean_line(&raw).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(line.trim(), line.as_str());
        prop_assert!(!line.contains("  "));
        prop_assert_eq!(line.nfc().collect::<String>(), line.clone());
        prop_assert_eq!(clean_line(&line), Ok(line.clone()));
        prop_assert_eq!(clean_text(&line), Ok(line));
    }

    #[test]
    fn a_refused_character_is_found_where_it_was_put(
        before in "[a-zA-Zăđơư]{1,20}",
        after in "[a-zA-Zăđơư ]{0,20}",
        c in refused_char(),
    ) {
        let raw = format!("{before}{c}{after}");
        let at = before.chars().count() + 1;
        let expected = Err(TextFault::Hidden { ch: c, at, kind: hidden_kind(c).unwrap_or(HiddenKind::Control) });
        prop_assert_eq!(clean_line(&raw), expected.clone());
        prop_assert_eq!(clean_name(&raw), expected.clone());
        prop_assert_eq!(clean_text(&raw), expected);
    }

    #[test]
    fn tone_placement_case_spacing_and_normal_form_keep_the_key((new, old) in name_pair()) {
        let key = name_key(&new);
        prop_assert_eq!(name_key(&old), key.clone());
        prop_assert_eq!(name_key(&new.to_uppercase()), key.clone());
        prop_assert_eq!(name_key(&new.nfd().collect::<String>()), key.clone());
        prop_assert_eq!(name_key(&format!("  {old} ")), key);
    }

    #[test]
    fn names_with_different_letters_or_tones_keep_different_keys(a in 0..SYLLABLES.len(), b in 0..SYLLABLES.len()) {
        let (x, y) = (SYLLABLES[a].0, SYLLABLES[b].0);
        prop_assert_eq!(name_key(x) == name_key(y), x == y);
    }
}

/// Counted in UTF-16 units like a spreadsheet counts: refused exactly past
/// the limit, for one-unit and two-unit characters alike.
#[test]
fn length_is_refused_exactly_past_a_cell() {
    for unit in ["ắ", "😀"] {
        let per = unit.encode_utf16().count();
        for extra in 0..3 {
            let count = (MAX_TEXT_UNITS - per) / per + extra;
            let units = count * per;
            let result = clean_text(&unit.repeat(count));
            if units > MAX_TEXT_UNITS {
                assert_eq!(result, Err(TextFault::TooLong { units }));
            } else {
                assert!(result.is_ok(), "{units}");
            }
        }
    }
}
