//! Codes read back from the file. A value outside its list was written
//! around the file's own checks: it is reported as damage naming the row,
//! never read as some default that would hide it.

use std::fmt;

use rusqlite::types::Type;

/// A code column of one row holding a value this version does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{table} row {row}: unknown {column} '{value}'")]
pub struct UnknownCode {
    pub table: &'static str,
    pub row: String,
    pub column: &'static str,
    pub value: String,
}

/// What is damaged in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Corruption {
    /// SQLite itself found the file malformed (its own words).
    Malformed(String),
    /// One row holds a value outside its list.
    UnknownCode(UnknownCode),
}

impl fmt::Display for Corruption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Corruption::Malformed(detail) => f.write_str(detail),
            Corruption::UnknownCode(code) => code.fmt(f),
        }
    }
}

/// The row `row` of `table` as read through `parse`: a `value` of
/// `column` it does not know is an error that names all four. It fits inside
/// a row mapper; through `?` into a store result it becomes
/// [`super::StoreError::Corrupt`].
pub(crate) fn decode<T>(
    parse: impl FnOnce(&str) -> Option<T>,
    value: &str,
    table: &'static str,
    row: impl fmt::Display,
    column: &'static str,
) -> rusqlite::Result<T> {
    parse(value).ok_or_else(|| {
        let unknown = UnknownCode {
            table,
            row: row.to_string(),
            column,
            value: value.to_string(),
        };
        // The column's index is not known here; the payload names the column.
        rusqlite::Error::FromSqlConversionFailure(0, Type::Text, Box::new(unknown))
    })
}

/// The unknown code a failed [`decode`] carries, if `e` is one.
pub(crate) fn unknown_code_in(e: &rusqlite::Error) -> Option<UnknownCode> {
    match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, inner) => {
            inner.downcast_ref::<UnknownCode>().cloned()
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nomination::NominationStatus;
    use crate::store::StoreError;

    #[test]
    fn a_known_code_is_read() {
        let status = decode(
            NominationStatus::from_code,
            "draft",
            "nominations",
            12,
            "status",
        );
        assert_eq!(status.ok(), Some(NominationStatus::Draft));
    }

    #[test]
    fn an_unknown_code_is_corruption_naming_table_row_and_value() {
        let Err(e) = decode(
            NominationStatus::from_code,
            "xyz",
            "nominations",
            12,
            "status",
        ) else {
            panic!("an unknown status was read");
        };
        let e = StoreError::from(e);
        assert!(
            matches!(&e, StoreError::Corrupt { detail: Corruption::UnknownCode(c), .. }
                if c.table == "nominations" && c.row == "12" && c.value == "xyz"),
            "{e:?}"
        );
        assert!(
            e.to_string()
                .contains("nominations row 12: unknown status 'xyz'"),
            "{e}"
        );
    }
}
