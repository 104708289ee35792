//! An award's name in a narrow column: the short name when it fits, else the
//! catalogue's column name ("CSTĐ cơ sở", "CSTĐ tỉnh"), which differ where the
//! short names would all be cut to the same "Chiến sĩ thi…".

use std::collections::HashMap;
use std::sync::OnceLock;

use super::table::width;

fn column_names() -> &'static HashMap<String, String> {
    static NAMES: OnceLock<HashMap<String, String>> = OnceLock::new();
    NAMES.get_or_init(crate::refdata::column_names)
}

/// The name of award `code` for a column `cells` wide.
pub fn award_in_column(code: &str, short: &str, cells: usize) -> String {
    if width(short) <= cells {
        return short.to_string();
    }
    column_names()
        .get(code)
        .cloned()
        .unwrap_or_else(|| short.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_name_when_it_fits_else_the_column_name() {
        assert_eq!(
            award_in_column("cstdcs", "Chiến sĩ thi đua cơ sở", 30),
            "Chiến sĩ thi đua cơ sở"
        );
        assert_eq!(
            award_in_column("cstdcs", "Chiến sĩ thi đua cơ sở", 13),
            "CSTĐ cơ sở"
        );
        assert_eq!(
            award_in_column("cstd_tinh", "Chiến sĩ thi đua cấp tỉnh", 13),
            "CSTĐ tỉnh"
        );
        // An award the catalogue does not know keeps its name (the column cuts it).
        assert_eq!(
            award_in_column("x", "Một hình thức dài", 5),
            "Một hình thức dài"
        );
    }
}
