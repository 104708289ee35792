//! Days as the set-up forms show and read them: 05/01/2026 in Vietnamese,
//! 2026-01-05 in English; either is read. What is not a day goes to the
//! store as typed, so the domain's refusal names it.

use chrono::NaiveDate;

use crate::i18n::Lang;

/// A stored day (YYYY-MM-DD) as the form shows it.
pub fn shown(lang: Lang, ymd: &str) -> String {
    match NaiveDate::parse_from_str(ymd, "%Y-%m-%d") {
        Ok(d) if lang == Lang::Vi => d.format("%d/%m/%Y").to_string(),
        _ => ymd.to_string(),
    }
}

/// A typed day as the store reads it (YYYY-MM-DD), or the text as typed.
pub fn typed(text: &str) -> String {
    let t = text.trim();
    ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
        .map_or_else(|| t.to_string(), |d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn either_spelling_is_read_and_the_rest_left_for_the_domain() {
        assert_eq!(typed("05/01/2026"), "2026-01-05");
        assert_eq!(typed(" 2026-01-05 "), "2026-01-05");
        assert_eq!(typed("31/02/2026"), "31/02/2026");
        assert_eq!(shown(Lang::Vi, "2026-01-05"), "05/01/2026");
        assert_eq!(shown(Lang::En, "2026-01-05"), "2026-01-05");
    }
}
