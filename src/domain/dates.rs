//! A date as a person types it: 2026-01-15 or 15/01/2026.

use chrono::NaiveDate;

/// The date in `text` (YYYY-MM-DD or DD/MM/YYYY, spaces around ignored).
pub fn parse_entered_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_written_forms_give_the_same_day_and_others_none() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 15);
        assert_eq!(parse_entered_date(" 2026-01-15 "), day);
        assert_eq!(parse_entered_date("15/01/2026"), day);
        assert_eq!(parse_entered_date("31/02/2026"), None);
        assert_eq!(parse_entered_date("15.01.2026"), None);
    }
}
