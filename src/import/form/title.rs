//! What a list's title says when the table does not: the round ("NĂM 2025",
//! "sơ kết giai đoạn 2022 – 2025") and sometimes the award ("… TẶNG GIẤY
//! KHEN …").

use crate::domain::award::Catalogue;
use crate::domain::movement::Round;
use crate::domain::text::fold;

/// Lines that accompany the title without naming the list: the covering
/// letter's number and date ("Kèm theo Tờ trình số … ngày … năm 2025").
fn is_reference_line(folded: &str) -> bool {
    let t = folded.trim_start_matches(['(', ' ']);
    t.starts_with("kem theo") || t.starts_with("theo to trinh") || t.starts_with("so:")
}

/// "ngày 05 tháng 11 năm 2025" is a date, not a round: removed first.
fn without_dates(folded: &str) -> String {
    let words: Vec<&str> = folded.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i] == "ngay"
            && words.get(i + 2) == Some(&"thang")
            && words.get(i + 4) == Some(&"nam")
        {
            i += 6;
            continue;
        }
        out.push(words[i]);
        i += 1;
    }
    out.join(" ")
}

fn year_at(s: &str) -> Option<i32> {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// The round a title line names, if any.
pub fn round_in_title(line: &str) -> Option<Round> {
    let folded = fold(line);
    if is_reference_line(&folded) {
        return None;
    }
    let text = without_dates(&folded.replace(['–', '—'], "-"));
    // A phase first: "giai đoạn 2022 - 2025", "2022-2025".
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (pos, (i, c)) in chars.iter().enumerate() {
        if !c.is_ascii_digit() || pos > 0 && chars[pos - 1].1.is_ascii_digit() {
            continue;
        }
        if let Some(from) = year_at(&text[*i..]) {
            let rest = text[*i + 4..].trim_start();
            if let Some(after) = rest.strip_prefix('-')
                && let Some(to) = year_at(after.trim_start())
                && let Some(round) = Round::parse(&format!("{from}-{to}"))
            {
                return Some(round);
            }
        }
    }
    // Then a year after "năm".
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        (w[0] == "nam")
            .then(|| year_at(w[1].trim_end_matches(['.', ',', ')', ':'])))
            .flatten()
            .filter(|y| (1945..=2100).contains(y))
            .and_then(|y| Round::parse(&y.to_string()))
    })
}

/// The award a title line names (its full or short name), the longest match.
pub fn award_in_title(line: &str, catalogue: &Catalogue) -> Option<String> {
    let folded = fold(line);
    if is_reference_line(&folded) {
        return None;
    }
    catalogue
        .awards
        .iter()
        .flat_map(|a| [(&a.name, &a.code), (&a.short_name, &a.code)])
        .filter(|(name, _)| !name.is_empty() && folded.contains(&fold(name)))
        .max_by_key(|(name, _)| name.chars().count())
        .map(|(_, code)| code.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_in_titles() {
        assert_eq!(
            round_in_title("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025"),
            Some(Round::Annual { year: 2025 })
        );
        assert_eq!(
            round_in_title("Danh sách khen thưởng sơ kết giai đoạn 2022 – 2025"),
            Some(Round::Review {
                from: 2022,
                to: 2025
            })
        );
        assert_eq!(
            round_in_title("(Kèm theo Tờ trình số 12/TTr-KDC ngày 05/11/2025)"),
            None
        );
        assert_eq!(
            round_in_title("Khu dân cư số 3, ngày 05 tháng 11 năm 2025"),
            None
        );
        assert_eq!(round_in_title("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"), None);
    }
}
