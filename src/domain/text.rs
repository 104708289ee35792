//! Vietnamese text: NFC normalisation, search folding and alphabetical order.
//!
//! Order follows the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ
//! p q r s t u ư v x y) with tones compared only when the letters are equal,
//! in the order ngang < huyền < hỏi < ngã < sắc < nặng. People are ordered by
//! given name, then middle name, then family name.

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;

/// NFC-normalise and trim surrounding white space. Every text entering the
/// program goes through this.
pub fn nfc(s: &str) -> String {
    let s = s.trim();
    // Most text arrives composed already: checked without building it again.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        return s.to_string();
    }
    s.nfc().collect()
}

/// Case- and tone-insensitive form for searching: "Nguyễn Đức" -> "nguyen duc".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' | 'Ð' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True when `haystack` contains `needle` after folding both.
pub fn matches_folded(haystack_folded: &str, query: &str) -> bool {
    let q = fold(query);
    q.split_whitespace()
        .all(|word| haystack_folded.contains(word))
}

fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/// Tone rank: ngang 0, huyền 1, hỏi 2, ngã 3, sắc 4, nặng 5.
fn tone_rank(mark: char) -> Option<u8> {
    match mark {
        '\u{0300}' => Some(1),
        '\u{0309}' => Some(2),
        '\u{0303}' => Some(3),
        '\u{0301}' => Some(4),
        '\u{0323}' => Some(5),
        _ => None,
    }
}

/// A sort key that compares like the Vietnamese collation: letters first,
/// then tones, then case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ViKey {
    letters: Vec<u32>,
    tones: Vec<u8>,
    case: Vec<u8>,
}

pub fn vi_key(s: &str) -> ViKey {
    let mut letters: Vec<u32> = Vec::with_capacity(s.len());
    let mut tones: Vec<u8> = Vec::with_capacity(s.len());
    let mut case: Vec<u8> = Vec::with_capacity(s.len());
    for c in s.nfd() {
        if let Some(rank) = tone_rank(c) {
            if let Some(last) = tones.last_mut() {
                *last = rank;
            }
            continue;
        }
        if is_combining_mark(c) {
            // breve, circumflex, horn turn the previous letter into another letter
            if let Some(last) = letters.last_mut() {
                *last = modified_letter(*last, c);
            }
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        let is_upper = lower != c;
        letters.push(primary_weight(lower));
        tones.push(0);
        case.push(u8::from(is_upper));
    }
    ViKey {
        letters,
        tones,
        case,
    }
}

const LETTER_BASE: u32 = 0x10_0000;

fn primary_weight(c: char) -> u32 {
    let c = if c == 'Ð' { 'đ' } else { c };
    match ALPHABET.chars().position(|a| a == c) {
        // Letters sort after digits, punctuation and spaces.
        Some(i) => LETTER_BASE + (i as u32) * 4,
        None => c as u32,
    }
}

fn modified_letter(weight: u32, mark: char) -> u32 {
    let idx = |ch: char| primary_weight(ch);
    let base = match weight {
        w if w == idx('a') => match mark {
            '\u{0306}' => Some('ă'),
            '\u{0302}' => Some('â'),
            _ => None,
        },
        w if w == idx('e') && mark == '\u{0302}' => Some('ê'),
        w if w == idx('o') => match mark {
            '\u{0302}' => Some('ô'),
            '\u{031B}' => Some('ơ'),
            _ => None,
        },
        w if w == idx('u') && mark == '\u{031B}' => Some('ư'),
        _ => None,
    };
    base.map(idx).unwrap_or(weight)
}

/// Compare two strings in Vietnamese alphabetical order.
pub fn vi_cmp(a: &str, b: &str) -> Ordering {
    vi_key(a).cmp(&vi_key(b))
}

/// Split a Vietnamese full name into (family, middle, given).
pub fn split_person_name(full: &str) -> (&str, String, &str) {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.len() {
        0 => ("", String::new(), ""),
        1 => ("", String::new(), words[0]),
        n => (words[0], words[1..n - 1].join(" "), words[n - 1]),
    }
}

/// Sort key for a person: given name, then middle name, then family name.
pub fn person_key(full: &str) -> (ViKey, ViKey, ViKey) {
    let (family, middle, given) = split_person_name(full);
    (vi_key(given), vi_key(&middle), vi_key(family))
}

/// Compare two people's names in Vietnamese order.
pub fn person_cmp(a: &str, b: &str) -> Ordering {
    person_key(a).cmp(&person_key(b))
}

/// A byte string that sorts like [`person_key`] when compared bytewise, so
/// SQLite can index and order by it.
pub fn person_sort_bytes(full: &str) -> Vec<u8> {
    let (family, middle, given) = split_person_name(full);
    let mut out = vi_sort_bytes(given);
    out.extend(vi_sort_bytes(&middle));
    out.extend(vi_sort_bytes(family));
    out
}

/// A byte string that sorts like [`vi_key`] when compared bytewise; each
/// section ends with a terminator lower than any weight, so a shorter string
/// sorts first and concatenated keys compare part by part.
pub fn vi_sort_bytes(s: &str) -> Vec<u8> {
    let k = vi_key(s);
    let mut out = Vec::with_capacity(k.letters.len() * 6 + 6);
    for l in &k.letters {
        out.extend_from_slice(&l.to_be_bytes());
    }
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend(k.tones.iter().map(|t| t + 1));
    out.push(0);
    out.extend(k.case.iter().map(|c| c + 1));
    out.push(0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_tones_case_and_dstroke() {
        assert_eq!(fold("Nguyễn Văn A"), "nguyen van a");
        assert_eq!(fold("ĐẶNG Thị Ðào"), "dang thi dao");
        // NFD input folds the same way
        let nfd: String = "Trần Thị Hồng".nfd().collect();
        assert_eq!(fold(&nfd), "tran thi hong");
    }

    #[test]
    fn matches_every_word() {
        let h = fold("Nguyễn Văn Đức");
        assert!(matches_folded(&h, "nguyen duc"));
        assert!(matches_folded(&h, "d"));
        assert!(!matches_folded(&h, "tran"));
    }

    #[test]
    fn nfc_composes_and_trims() {
        let nfd: String = "Lê Thị Hằng".nfd().collect();
        assert_ne!(nfd, "Lê Thị Hằng");
        assert_eq!(nfc(&format!("  {nfd} ")), "Lê Thị Hằng");
    }

    #[test]
    fn alphabet_order() {
        let mut words = vec![
            "đào", "dung", "ăn", "an", "ân", "ơn", "ôm", "ong", "ưu", "uy",
        ];
        words.sort_by(|a, b| vi_cmp(a, b));
        assert_eq!(
            words,
            vec![
                "an", "ăn", "ân", "dung", "đào", "ong", "ôm", "ơn", "uy", "ưu"
            ]
        );
    }

    #[test]
    fn tone_order_ngang_huyen_hoi_nga_sac_nang() {
        let mut words = vec!["mạ", "má", "mã", "mả", "mà", "ma"];
        words.sort_by(|a, b| vi_cmp(a, b));
        assert_eq!(words, vec!["ma", "mà", "mả", "mã", "má", "mạ"]);
        // letters decide before tones
        assert_eq!(vi_cmp("mương", "mường"), Ordering::Less);
        assert_eq!(vi_cmp("mường", "mượng"), Ordering::Less);
    }

    #[test]
    fn people_by_given_name_first() {
        let mut names = vec!["Trần Văn Bình", "Nguyễn Thị An", "Lê Anh", "Đỗ Văn Bình"];
        names.sort_by(|a, b| person_cmp(a, b));
        assert_eq!(
            names,
            // "An" sorts before "Anh"; equal given and middle names fall back to the family name.
            vec!["Nguyễn Thị An", "Lê Anh", "Đỗ Văn Bình", "Trần Văn Bình"]
        );
    }

    #[test]
    fn sort_bytes_agree_with_key_order() {
        let names = [
            "Nguyễn Văn An",
            "Nguyễn Văn Ân",
            "Nguyễn Văn Ăn",
            "Trần Ánh",
            "Trần Anh",
            "Lê Thị Ánh",
            "Phạm Đức",
            "Phạm Dũng",
            "Lê Ánh",
            "Trần Anh",
            "An",
            "Võ Thị Anh Thư",
        ];
        for a in names {
            for b in names {
                assert_eq!(
                    person_cmp(a, b),
                    person_sort_bytes(a).cmp(&person_sort_bytes(b)),
                    "{a} vs {b}"
                );
            }
        }
    }
}
