//! The documents a referral dossier must hold, per award and kind of
//! recipient (`data/dossier.toml`), and a dossier's checklist.

use serde::{Deserialize, Serialize};

use super::nominee::RecipientClass;

pub const DOSSIER_TOML: &str = include_str!("../../data/dossier.toml");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierDocument {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    /// Award codes it is needed for; "*" means every award referred upward.
    pub awards: Vec<String>,
    /// Recipient classes it is needed for; empty means all.
    #[serde(default)]
    pub recipients: Vec<RecipientClass>,
    #[serde(default)]
    pub basis: String,
}

impl DossierDocument {
    pub fn applies_to(&self, award: &str, class: RecipientClass) -> bool {
        self.awards.iter().any(|a| a == "*" || a == award)
            && (self.recipients.is_empty() || self.recipients.contains(&class))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DossierRules {
    #[serde(default, rename = "document")]
    pub documents: Vec<DossierDocument>,
}

impl DossierRules {
    pub fn parse(text: &str) -> Result<DossierRules, String> {
        let rules: DossierRules = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut seen = std::collections::HashSet::new();
        for d in &rules.documents {
            if !seen.insert(d.code.as_str()) {
                return Err(format!("document “{}” is listed twice", d.code));
            }
        }
        Ok(rules)
    }

    /// The rules shipped in `data/dossier.toml`.
    pub fn built_in() -> Result<DossierRules, String> {
        Self::parse(DOSSIER_TOML).map_err(|e| format!("data/dossier.toml: {e}"))
    }

    /// The documents a dossier for `award` and a recipient of `class` needs.
    pub fn checklist(&self, award: &str, class: RecipientClass) -> Vec<&DossierDocument> {
        self.documents
            .iter()
            .filter(|d| d.applies_to(award, class))
            .collect()
    }

    pub fn document(&self, code: &str) -> Option<&DossierDocument> {
        self.documents.iter().find(|d| d.code == code)
    }
}

/// One line of a referral's checklist as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub doc_code: String,
    /// The document's name (the code when the rules no longer list it).
    pub name: String,
    /// Number and date, or where the document is kept.
    pub reference: String,
    pub ticked_at: Option<String>,
}

impl ChecklistItem {
    pub fn is_ticked(&self) -> bool {
        self.ticked_at.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(r: &DossierRules, award: &str, class: RecipientClass) -> Vec<String> {
        r.checklist(award, class)
            .into_iter()
            .map(|d| d.code.clone())
            .collect()
    }

    #[test]
    fn checklists_follow_the_recipient_and_the_award() {
        let r = DossierRules::built_in().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            codes(&r, "bk_tinh", RecipientClass::Individual),
            ["to_trinh", "bao_cao_ca_nhan", "bien_ban_hoi_dong"]
        );
        assert_eq!(
            codes(&r, "bk_tinh", RecipientClass::Household),
            ["to_trinh", "bao_cao_ho_gia_dinh", "bien_ban_hoi_dong"]
        );
        assert_eq!(
            codes(&r, "bk_ttg", RecipientClass::Collective),
            ["to_trinh", "bao_cao_tap_the", "bien_ban_hoi_dong"]
        );
        let tinh = codes(&r, "cstd_tinh", RecipientClass::Individual);
        assert!(tinh.contains(&"xac_nhan_sang_kien".to_string()));
    }

    #[test]
    fn duplicate_codes_are_refused() {
        let text = "[[document]]\ncode = \"a\"\nname = \"A\"\nawards = [\"*\"]\n\
                    [[document]]\ncode = \"a\"\nname = \"B\"\nawards = [\"*\"]\n";
        let e = DossierRules::parse(text).unwrap_err();
        assert!(e.contains("listed twice"), "{e}");
    }
}
