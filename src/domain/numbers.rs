//! How numbers with one decimal place are written: scores and shares.
//! Vietnamese writes a decimal comma ("81,8%"), English a point ("81.8%");
//! every screen, command and print goes through `tenths` so that the same
//! number never appears in two spellings. The caller picks the separator
//! from its language.

/// The decimal separator of Vietnamese.
pub const COMMA: char = ',';
/// The decimal separator of English (and of messages that are not translated).
pub const POINT: char = '.';

/// The thousands separator of Vietnamese ("2.340.000").
pub const DOT: char = '.';

/// A whole number with its thousands grouped: 2340000 → "2.340.000" with
/// `DOT` (Vietnamese), "2,340,000" with a comma (English).
pub fn grouped(value: i64, sep: char) -> String {
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
pub fn tenths(value: u64, sep: char) -> String {
    format!("{}{sep}{}", value / 10, value % 10)
}

/// A share counted in tenths of a percent: 818 → "81,8%".
pub fn percent(permille: u32, sep: char) -> String {
    format!("{}%", tenths(u64::from(permille), sep))
}

/// A computed score rounded half up to one decimal place: 68.06 → "68,1".
/// Negative or non-finite values (which no score produces) print as 0.
pub fn one_decimal(value: f64, sep: char) -> String {
    let scaled = (value * 10.0).round();
    let t = if scaled.is_finite() && scaled > 0.0 {
        scaled as u64
    } else {
        0
    };
    tenths(t, sep)
}

/// A score typed by a member, in tenths, without a useless ",0": 85 → "8,5", 80 → "8".
pub fn score(value: u32, sep: char) -> String {
    if value.is_multiple_of(10) {
        (value / 10).to_string()
    } else {
        tenths(u64::from(value), sep)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped_in_either_language() {
        assert_eq!(super::grouped(2_340_000, super::DOT), "2.340.000");
        assert_eq!(super::grouped(-710_000, ','), "-710,000");
        assert_eq!(super::grouped(999, super::DOT), "999");
        assert_eq!(super::grouped(0, super::DOT), "0");
    }

    use super::*;

    #[test]
    fn vietnamese_writes_a_comma_and_english_a_point() {
        assert_eq!(percent(818, COMMA), "81,8%");
        assert_eq!(percent(818, POINT), "81.8%");
        assert_eq!(percent(1000, COMMA), "100,0%");
        assert_eq!(percent(5, COMMA), "0,5%");
        assert_eq!(one_decimal(68.06, COMMA), "68,1");
        assert_eq!(one_decimal(68.04, POINT), "68.0");
        assert_eq!(one_decimal(-1.0, COMMA), "0,0");
        assert_eq!(one_decimal(f64::NAN, COMMA), "0,0");
        assert_eq!(score(85, COMMA), "8,5");
        assert_eq!(score(80, COMMA), "8");
        assert_eq!(score(7, POINT), "0.7");
    }
}
