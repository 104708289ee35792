//! hoidong: the console of an Emulation and Commendation Council's secretary.
//!
//! - `domain`: pure types and rules (no SQL, no terminal, no files);
//! - `refdata`: the reference data shipped in `data/`, parsed into domain types;
//! - `store`: SQLite storage returning domain types;
//! - `demo`: invented demo data and synthetic databases;
//! - `evidence_files`: the files evidence items point to, and their SHA-256;
//! - `import` / `export`: spreadsheets in and out;
//! - `print`: documents typeset, and where a printed paper goes (`print::output`);
//! - `i18n`: text in the interface's language.
//!
//! The command line is part of the binary (`src/cli/`), so nothing here can
//! depend on it.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

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
