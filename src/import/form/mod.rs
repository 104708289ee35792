//! The shape of the lists units actually send, as pure rules: which field a
//! header names ([`header`]), which rows are section headings, totals, notes
//! or signatures ([`sections`]), what the title says ([`title`]) and how a
//! "Chức vụ, đơn vị công tác" cell splits ([`position`]). No files, no SQL.

pub mod header;
pub mod position;
pub mod sections;
pub mod title;

use crate::domain::text::fold;

/// Lower case, NFC, letters and digits only: compares headers keeping tones.
pub fn exact_key(text: &str) -> String {
    crate::domain::text::nfc(text)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Without case, tones, punctuation or spacing.
pub fn loose_key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// True when the text carries any Vietnamese mark (tone, breve, horn, đ…).
pub fn has_marks(text: &str) -> bool {
    fold(text) != crate::domain::text::nfc(text).to_lowercase()
}
