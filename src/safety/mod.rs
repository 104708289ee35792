//! Safety of the record: the integrity check, backup and restore, and the
//! write exerciser used by the crash tests.
//!
//! - `check`: `hoidong check` (SQLite integrity, audit chain, hashes, tamper);
//! - `tamper`: current rows compared with the audit trail's last images;
//! - `backup`: `hoidong backup` and `hoidong restore`;
//! - `exercise`: a stream of acknowledged writes for the kill harness.

pub mod backup;
pub mod check;
pub mod exercise;
pub mod holders;
pub mod rows;
pub mod tamper;

/// One finding of the check, with the record it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub table: String,
    pub record: String,
    pub what: String,
    /// Physical damage of the file (what SQLite found), so that the file is
    /// marked damaged and nothing more is saved into it.
    pub damage: Option<String>,
}

impl Problem {
    pub fn new(table: &str, record: &str, what: String) -> Problem {
        Problem {
            table: table.to_string(),
            record: record.to_string(),
            what,
            damage: None,
        }
    }

    /// The file itself is damaged: `detail` says how.
    pub fn damaged(detail: String) -> Problem {
        Problem {
            damage: Some(detail.clone()),
            ..Problem::new("database", "file", format!("damaged: {detail}"))
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.table, self.record, self.what)
    }
}
