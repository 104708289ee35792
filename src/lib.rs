//! hoidong: the console of an Emulation and Commendation Council's secretary.
//!
//! - `domain`: pure types and rules (no SQL, no terminal, no files);
//! - `refdata`: the reference data shipped in `data/`, parsed into domain types;
//! - `store`: SQLite storage returning domain types;
//! - `demo`: invented demo data and synthetic databases;
//! - `evidence_files`: the files evidence items point to, and their SHA-256;
//! - `import` / `export`: spreadsheets in and out;
//! - `i18n`: every text the user reads, in Vietnamese and English (one `Lang`).

pub mod cli_awards;
pub mod cli_certificates;
pub mod cli_council;
pub mod cli_decision;
pub mod cli_meeting;
pub mod cli_meeting_text;
pub mod cli_meeting_words;
pub mod cli_messages;
pub mod cli_movement;
pub mod cli_print;
pub mod cli_report;
pub mod cli_rules;
pub mod cli_submission;
pub mod closed_stdout;
pub mod demo;
pub mod domain;
pub mod evidence_files;
pub mod export;
pub mod i18n;
pub mod import;
pub mod movement_file;
pub mod print;
pub mod refdata;
pub mod safety;
pub mod store;
pub mod tui;
