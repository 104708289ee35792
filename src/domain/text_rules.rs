//! What text may be entered (typed, imported or given on the command line):
//! no character that is not what it looks like, no text in an old Vietnamese
//! encoding read as if it were Unicode, nothing longer than a spreadsheet cell
//! holds; and the key under which two spellings of one name are one name.

use unicode_normalization::UnicodeNormalization;

/// The most a spreadsheet cell holds (Excel and LibreOffice), counted like
/// they count: in UTF-16 code units. Longer text is refused on input rather
/// than cut on export.
pub const MAX_TEXT_UNITS: usize = 32_767;

/// Why a character is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenKind {
    /// A control character (NUL, escape, …): stored but cut or garbled by
    /// other programs.
    Control,
    /// Takes no room on screen (zero-width space, byte order mark, soft
    /// hyphen…): two names that look the same would differ.
    Invisible,
    /// Changes the direction of the text around it, so it reads otherwise
    /// than it is stored.
    Direction,
}

/// An old Vietnamese encoding whose bytes were read as Windows-1252.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyEncoding {
    Tcvn3,
    Vni,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextFault {
    /// `at` counts characters from 1 in the text as entered (after NFC).
    Hidden {
        ch: char,
        at: usize,
        kind: HiddenKind,
    },
    /// `word` is the first word that gives it away.
    LegacyEncoding {
        encoding: LegacyEncoding,
        word: String,
    },
    /// `units` is the length in UTF-16 code units.
    TooLong { units: usize },
}

/// The field a text was entered in, so a refusal can say where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Name,
    Position,
    Unit,
    Address,
    ProposingUnit,
    Summary,
    MemberName,
    GuestName,
    MeetingNumber,
    Subject,
    Place,
    DecisionNumber,
    Signer,
    Authority,
    Note,
    Reason,
    Reference,
    GoverningBody,
    CouncilName,
    PlaceName,
    MinutesSymbol,
    DecisionSymbol,
    SubmissionSymbol,
    Recipient,
    ChairmanTitle,
    ChairmanName,
}

/// A text the rules refused, and the field it was entered in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRefusal {
    pub field: TextField,
    pub fault: TextFault,
}

/// [`clean_line`] for a field.
pub fn line(field: TextField, raw: &str) -> Result<String, TextRefusal> {
    clean_line(raw).map_err(|fault| TextRefusal { field, fault })
}

/// [`clean_name`] for a field.
pub fn name(field: TextField, raw: &str) -> Result<String, TextRefusal> {
    clean_name(raw).map_err(|fault| TextRefusal { field, fault })
}

/// [`clean_text`] for a field.
pub fn text(field: TextField, raw: &str) -> Result<String, TextRefusal> {
    clean_text(raw).map_err(|fault| TextRefusal { field, fault })
}

/// Classify a character that must not be entered; `None` for the rest.
/// Tabs and line breaks are decided by the caller (a one-line field turns
/// them into spaces, a long text keeps them).
pub fn hidden_kind(c: char) -> Option<HiddenKind> {
    match c {
        '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Some(HiddenKind::Direction),
        '\u{00AD}'
        | '\u{034F}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2065}'
        | '\u{206A}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}' => Some(HiddenKind::Invisible),
        c if c.is_control() => Some(HiddenKind::Control),
        _ => None,
    }
}

/// A one-line field (a name, a unit, a number, a place): NFC, trimmed, every
/// run of white space (tabs and line breaks included) made one space.
pub fn clean_line(raw: &str) -> Result<String, TextFault> {
    let text: String = raw.nfc().collect();
    // Before hidden characters: TCVN3 turns "ư" into a soft hyphen, and
    // "this is TCVN3" is what the user needs to hear then.
    check_legacy_encoding(&text)?;
    check_hidden(&text, |c| c.is_whitespace())?;
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    check_length(&line)?;
    Ok(line)
}

/// A person's or a collective's name: a one-line field in which digits typed
/// between letters are taken for VNI typing keys that were not converted.
pub fn clean_name(raw: &str) -> Result<String, TextFault> {
    let name = clean_line(raw)?;
    if let Some(word) = name.split(' ').find(|w| looks_like_vni_keystrokes(w)) {
        return Err(TextFault::LegacyEncoding {
            encoding: LegacyEncoding::Vni,
            word: word.to_string(),
        });
    }
    Ok(name)
}

/// A text of several lines (a summary, a note): NFC, trimmed at both ends,
/// line breaks as `\n`; tabs and line breaks kept, inner spaces as typed.
pub fn clean_text(raw: &str) -> Result<String, TextFault> {
    let text: String = raw
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect();
    check_legacy_encoding(&text)?;
    check_hidden(&text, |c| c == '\n' || c == '\t')?;
    let text = text.trim().to_string();
    check_length(&text)?;
    Ok(text)
}

fn check_hidden(text: &str, allowed: impl Fn(char) -> bool) -> Result<(), TextFault> {
    for (i, ch) in text.chars().enumerate() {
        if allowed(ch) {
            continue;
        }
        if let Some(kind) = hidden_kind(ch) {
            return Err(TextFault::Hidden {
                ch,
                at: i + 1,
                kind,
            });
        }
    }
    Ok(())
}

fn check_length(text: &str) -> Result<(), TextFault> {
    let units = text.encode_utf16().count();
    if units > MAX_TEXT_UNITS {
        return Err(TextFault::TooLong { units });
    }
    Ok(())
}

fn check_legacy_encoding(text: &str) -> Result<(), TextFault> {
    for word in text.split_whitespace() {
        if let Some(encoding) = legacy_encoding_of(word) {
            return Err(TextFault::LegacyEncoding {
                encoding,
                word: word.to_string(),
            });
        }
    }
    Ok(())
}

/// Characters TCVN3 (ABC) bytes of Vietnamese letters become when read as
/// Windows-1252, and that no Vietnamese or English word holds between letters.
const TCVN3_SIGNS: &str = "¨©ª«®¬\u{AD}¦¹¸µ¶·ÞþÖ";

/// What follows a Latin vowel in VNI-Windows text read as Windows-1252:
/// "aù" for á, "eã" for ễ. `after_a` holds for `a`, `after_e` for `e`,
/// `after_vowel` for any vowel; none of these pairs occurs in Vietnamese.
const VNI_AFTER_A: &str = "âáàåãäêéèúüëùøûõïÂÁÀÅÃÄÊÉÈÚÜËÙØÛÕÏ";
const VNI_AFTER_E: &str = "âáàåãäÂÁÀÅÃÄ";
const VNI_AFTER_VOWEL: &str = "ùøûõïÙØÛÕÏ";

/// Vietnamese letters outside Latin-1: a word holding one is real Unicode.
fn beyond_latin1_letter(c: char) -> bool {
    c.is_alphabetic() && u32::from(c) > 0xFF
}

/// The old encoding a word looks like it was written in, if any.
pub fn legacy_encoding_of(word: &str) -> Option<LegacyEncoding> {
    if word.chars().any(beyond_latin1_letter) {
        return None;
    }
    let chars: Vec<char> = word.chars().collect();
    let tcvn3 = chars.windows(2).any(|pair| {
        let (before, c) = (pair[0], pair[1]);
        TCVN3_SIGNS.contains(c) && before.is_ascii_alphabetic()
    }) || chars.windows(2).any(|pair| {
        // Signs that are not letters do not begin a word either: "®inh" (Đinh).
        "¨©ª«®¬¦¹¸µ¶·".contains(pair[0]) && pair[1].is_ascii_alphabetic()
    });
    if tcvn3 {
        return Some(LegacyEncoding::Tcvn3);
    }
    let vni = chars.windows(2).any(|pair| {
        let (before, c) = (pair[0].to_ascii_lowercase(), pair[1]);
        (before == 'a' && VNI_AFTER_A.contains(c))
            || (before == 'e' && VNI_AFTER_E.contains(c))
            || ("eiouy".contains(before) && VNI_AFTER_VOWEL.contains(c))
    });
    vni.then_some(LegacyEncoding::Vni)
}

/// "Nguye64n", "d9inh": VNI typing keys (6 for a circumflex, 4 for ngã, 9
/// for đ…) left in the text by a keyboard that was not in VNI mode.
fn looks_like_vni_keystrokes(word: &str) -> bool {
    if !word.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let chars: Vec<char> = word.chars().collect();
    (1..chars.len()).any(|i| {
        let before = chars[i - 1].to_ascii_lowercase();
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        "aeiouyd".contains(before)
            && chars[i] != '0'
            && (1..=2).contains(&digits)
            && chars
                .get(i + digits)
                .is_some_and(|c| c.is_ascii_alphabetic())
    })
}

/// Tone marks, which old and new spelling rules place on different vowels.
fn is_tone_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
    )
}

/// The key under which two spellings of one name are the same name: white
/// space collapsed, case ignored, and each word's tone taken apart from the
/// vowel it sits on, so "Hoà" and "Hòa", "Thuỷ" and "Thủy" (old and new
/// tone placement) are one key, while "Hoa" and "Hòa" stay two.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len() + 4);
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        let mut tone = None;
        let mut letters = String::with_capacity(word.len());
        for c in word.nfd().flat_map(char::to_lowercase) {
            if is_tone_mark(c) {
                tone = Some(c);
            } else {
                letters.push(c);
            }
        }
        key.extend(letters.nfc());
        if let Some(t) = tone {
            // A tone is a property of the syllable: written after its letters.
            key.push('\u{2060}');
            key.push(t);
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(raw: &str) -> Option<(char, usize, HiddenKind)> {
        match clean_line(raw) {
            Err(TextFault::Hidden { ch, at, kind }) => Some((ch, at, kind)),
            _ => None,
        }
    }

    #[test]
    fn a_line_is_trimmed_and_inner_runs_of_space_collapse() {
        assert_eq!(
            clean_line("  Nguyễn   Văn\tAn \n").as_deref(),
            Ok("Nguyễn Văn An")
        );
        let nfd: String = "Lê Thị Hằng".nfd().collect();
        assert_eq!(clean_line(&nfd).as_deref(), Ok("Lê Thị Hằng"));
        assert_eq!(clean_line("").as_deref(), Ok(""));
    }

    #[test]
    fn control_invisible_and_direction_characters_are_named_with_their_place() {
        assert_eq!(
            hidden("\u{200B}"),
            Some(('\u{200B}', 1, HiddenKind::Invisible))
        );
        assert_eq!(hidden("Lê\0Văn"), Some(('\0', 3, HiddenKind::Control)));
        assert_eq!(
            hidden("Trần \u{202E}nA"),
            Some(('\u{202E}', 6, HiddenKind::Direction))
        );
        assert_eq!(
            hidden("\u{FEFF}An").map(|h| h.2),
            Some(HiddenKind::Invisible)
        );
        assert_eq!(
            hidden("Ha\u{2067}i").map(|h| h.2),
            Some(HiddenKind::Direction)
        );
        assert_eq!(
            hidden("Lan\u{1B}[31m").map(|h| h.2),
            Some(HiddenKind::Control)
        );
    }

    #[test]
    fn a_long_text_keeps_its_lines_but_not_other_controls() {
        assert_eq!(
            clean_text(" Dòng một\r\n\tDòng  hai \n").as_deref(),
            Ok("Dòng một\n\tDòng  hai")
        );
        assert!(matches!(
            clean_text("a\u{7}b"),
            Err(TextFault::Hidden { at: 2, .. })
        ));
    }

    #[test]
    fn tcvn3_read_as_latin1_is_recognised() {
        for text in ["NguyÖn V¨n An", "Tr\u{AD}êng", "®inh Thu", "Hµ Néi", "Ph¹m"] {
            assert!(
                matches!(
                    clean_line(text),
                    Err(TextFault::LegacyEncoding {
                        encoding: LegacyEncoding::Tcvn3,
                        ..
                    })
                ),
                "{text}"
            );
        }
        assert_eq!(
            clean_line("NguyÖn V¨n An"),
            Err(TextFault::LegacyEncoding {
                encoding: LegacyEncoding::Tcvn3,
                word: "NguyÖn".into()
            })
        );
    }

    #[test]
    fn vni_read_as_latin1_and_vni_keystrokes_are_recognised() {
        for text in ["Nguyeãn Vaên An", "Traàn Thò Mai"] {
            assert!(
                matches!(
                    clean_line(text),
                    Err(TextFault::LegacyEncoding {
                        encoding: LegacyEncoding::Vni,
                        ..
                    })
                ),
                "{text}"
            );
        }
        assert_eq!(
            clean_name("Nguye64n Va8n An"),
            Err(TextFault::LegacyEncoding {
                encoding: LegacyEncoding::Vni,
                word: "Nguye64n".into()
            })
        );
    }

    #[test]
    fn real_vietnamese_and_ordinary_text_pass() {
        for text in [
            "Nguyễn Văn Hoà",
            "Hòa Thuỷ Khuê Xuân Quý Hoè",
            "Tổ dân phố 3A",
            "125/QĐ-UBND",
            "Hiến 45 m² đất, © 2025",
            "Công ty TNHH Việt Nhật · Chi nhánh 2",
            "Trường THCS Nguyễn Du",
            "Bùi Thị Thu Hà",
        ] {
            assert!(clean_name(text).is_ok(), "{text}");
            assert!(clean_text(text).is_ok(), "{text}");
        }
        assert!(clean_name("Ô tô A4 F1").is_ok());
    }

    #[test]
    fn text_longer_than_a_cell_is_refused() {
        let at_limit = "a".repeat(MAX_TEXT_UNITS);
        assert!(clean_text(&at_limit).is_ok());
        assert_eq!(
            clean_text(&format!("{at_limit}ă")),
            Err(TextFault::TooLong {
                units: MAX_TEXT_UNITS + 1
            })
        );
    }

    #[test]
    fn old_and_new_tone_placement_share_a_key() {
        assert_eq!(name_key("Nguyễn Văn Hoà"), name_key("Nguyễn  Văn Hòa"));
        assert_eq!(name_key("Lê Thị Thuỷ"), name_key("lê thị thủy"));
        assert_eq!(name_key("Khoẻ"), name_key("Khỏe"));
        assert_ne!(name_key("Hoa"), name_key("Hòa"));
        assert_ne!(name_key("Hòa"), name_key("Hóa"));
        assert_ne!(name_key("Ân"), name_key("An"));
    }
}
