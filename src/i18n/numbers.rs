//! How numbers are written: scores and shares with one decimal place, sums
//! with their thousands grouped, amounts of money in words. Vietnamese
//! writes a decimal comma and groups with dots ("81,8%", "2.340.000"),
//! English a point and commas ("81.8%", "2,340,000"); every screen, command
//! and print goes through this formatter so that the same number never
//! appears in two spellings.

use super::Lang;

impl Lang {
    /// The decimal separator of the language's numbers: "81,8%" / "81.8%".
    pub fn decimal_sep(self) -> char {
        match self {
            Lang::Vi => ',',
            Lang::En => '.',
        }
    }

    /// The thousands separator of the language's numbers: "2.340.000" / "2,340,000".
    pub fn thousands_sep(self) -> char {
        match self {
            Lang::Vi => '.',
            Lang::En => ',',
        }
    }
}

/// A whole number with its thousands grouped: 2340000 → "2.340.000"
/// (Vietnamese), "2,340,000" (English).
pub fn grouped(value: i64, lang: Lang) -> String {
    let sep = lang.thousands_sep();
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A value counted in tenths, with one decimal place: 818 → "81,8".
pub fn tenths(value: u64, lang: Lang) -> String {
    let sep = lang.decimal_sep();
    format!("{}{sep}{}", value / 10, value % 10)
}

/// A share counted in tenths of a percent: 818 → "81,8%".
pub fn percent(permille: u32, lang: Lang) -> String {
    format!("{}%", tenths(u64::from(permille), lang))
}

/// A computed score rounded half up to one decimal place: 68.06 → "68,1".
/// Negative or non-finite values (which no score produces) print as 0.
pub fn one_decimal(value: f64, lang: Lang) -> String {
    let scaled = (value * 10.0).round();
    let t = if scaled.is_finite() && scaled > 0.0 {
        scaled as u64
    } else {
        0
    };
    tenths(t, lang)
}

/// A score typed by a member, in tenths, without a useless ",0": 85 → "8,5", 80 → "8".
pub fn score(value: u32, lang: Lang) -> String {
    if value.is_multiple_of(10) {
        (value / 10).to_string()
    } else {
        tenths(u64::from(value), lang)
    }
}

/// "1.404.000": đồng with Vietnamese digit grouping, as decisions print it.
pub fn group_digits(amount: i64) -> String {
    grouped(amount, Lang::Vi)
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// One group of three digits; `full` says hundreds and "linh" even when
/// the group leads with zeros (it is not the first group of the number).
fn group_words(n: u64, full: bool) -> Vec<&'static str> {
    let (h, t, u) = (
        (n / 100) as usize,
        (n / 10 % 10) as usize,
        (n % 10) as usize,
    );
    let mut out = Vec::new();
    if h > 0 || full {
        out.extend([DIGITS[h], "trăm"]);
    }
    match (t, u) {
        (0, 0) => {}
        (0, u) if h > 0 || full => out.extend(["linh", DIGITS[u]]),
        (0, u) => out.push(DIGITS[u]),
        (1, u) => {
            out.push("mười");
            match u {
                0 => {}
                5 => out.push("lăm"),
                u => out.push(DIGITS[u]),
            }
        }
        (t, u) => {
            out.extend([DIGITS[t], "mươi"]);
            match u {
                0 => {}
                1 => out.push("mốt"),
                5 => out.push("lăm"),
                u => out.push(DIGITS[u]),
            }
        }
    }
    out
}

/// Words of `n` below a thousand billion; `full` as for `group_words`.
fn number_words(n: u64, full: bool) -> Vec<&'static str> {
    const BILLION: u64 = 1_000_000_000;
    if n >= BILLION {
        let mut out = number_words(n / BILLION, full);
        out.push("tỷ");
        if !n.is_multiple_of(BILLION) {
            out.extend(number_words(n % BILLION, true));
        }
        return out;
    }
    let groups = [
        (n / 1_000_000, "triệu"),
        (n / 1000 % 1000, "nghìn"),
        (n % 1000, ""),
    ];
    let first = groups.iter().position(|(g, _)| *g > 0).unwrap_or(2);
    let mut out = Vec::new();
    for (i, (g, scale)) in groups.iter().enumerate().skip(first) {
        if *g == 0 {
            continue;
        }
        out.extend(group_words(*g, full || i > first));
        if !scale.is_empty() {
            out.push(*scale);
        }
    }
    out
}

/// An amount in words as a decision writes it under the figure:
/// 2120000 → "Hai triệu một trăm hai mươi nghìn đồng".
pub fn amount_in_words(amount: i64) -> String {
    let n = amount.unsigned_abs();
    let mut words = if n == 0 {
        vec!["không"]
    } else {
        number_words(n, false)
    };
    words.push("đồng");
    let text = words.join(" ");
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

impl crate::domain::vote::Outcome {
    /// "83,3%" in Vietnamese, "83.3%" in English.
    pub fn share_label(&self, lang: Lang) -> String {
        percent(self.share_permille, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn thousands_are_grouped_in_either_language() {
        assert_eq!(super::grouped(2_340_000, Lang::Vi), "2.340.000");
        assert_eq!(super::grouped(-710_000, Lang::En), "-710,000");
        assert_eq!(super::grouped(999, Lang::Vi), "999");
        assert_eq!(super::grouped(0, Lang::Vi), "0");
    }

    use super::*;

    #[test]
    fn vietnamese_writes_a_comma_and_english_a_point() {
        assert_eq!(percent(818, Lang::Vi), "81,8%");
        assert_eq!(percent(818, Lang::En), "81.8%");
        assert_eq!(percent(1000, Lang::Vi), "100,0%");
        assert_eq!(percent(5, Lang::Vi), "0,5%");
        assert_eq!(one_decimal(68.06, Lang::Vi), "68,1");
        assert_eq!(one_decimal(68.04, Lang::En), "68.0");
        assert_eq!(one_decimal(-1.0, Lang::Vi), "0,0");
        assert_eq!(one_decimal(f64::NAN, Lang::Vi), "0,0");
        assert_eq!(score(85, Lang::Vi), "8,5");
        assert_eq!(score(80, Lang::Vi), "8");
        assert_eq!(score(7, Lang::En), "0.7");
    }

    #[test]
    fn amounts_are_written_in_words() {
        assert_eq!(
            amount_in_words(2_120_000),
            "Hai triệu một trăm hai mươi nghìn đồng"
        );
        assert_eq!(
            amount_in_words(1_410_000),
            "Một triệu bốn trăm mười nghìn đồng"
        );
        assert_eq!(amount_in_words(710_000), "Bảy trăm mười nghìn đồng");
        assert_eq!(
            amount_in_words(3_540_000),
            "Ba triệu năm trăm bốn mươi nghìn đồng"
        );
        assert_eq!(amount_in_words(15), "Mười lăm đồng");
        assert_eq!(amount_in_words(1_005), "Một nghìn không trăm linh năm đồng");
        assert_eq!(amount_in_words(21_000_000), "Hai mươi mốt triệu đồng");
        assert_eq!(amount_in_words(0), "Không đồng");
        assert_eq!(
            amount_in_words(2_000_050_000),
            "Hai tỷ không trăm năm mươi nghìn đồng"
        );
    }

    #[test]
    fn amounts_group_digits_with_dots() {
        assert_eq!(group_digits(1_404_000), "1.404.000");
        assert_eq!(group_digits(710_000), "710.000");
        assert_eq!(group_digits(0), "0");
    }
}
