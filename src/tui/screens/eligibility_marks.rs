//! Eligibility warnings for agenda items: each nomination is checked against
//! the nominee's register once, when a screen loads its agenda, and the ones
//! not eligible (or needing the council's confirmation) carry a "⚠" with the
//! explanation for the item's detail.

use std::collections::HashMap;

use crate::domain::eligibility::{Evaluation, Verdict};
use crate::domain::nomination::NominationId;
use crate::i18n::strings::Strings;
use crate::store::Store;

pub const MARK: &str = "⚠";

#[derive(Debug, Default, Clone)]
pub struct Marks {
    warned: HashMap<NominationId, Evaluation>,
}

impl Marks {
    /// Check every nomination in `ids`. A nomination whose check cannot be
    /// made (no rules stored, a missing award) carries no warning.
    pub fn load(store: &Store, ids: impl IntoIterator<Item = NominationId>) -> Marks {
        let warned = ids
            .into_iter()
            .filter_map(|id| store.eligibility(id).ok().map(|e| (id, e)))
            .filter(|(_, e)| {
                matches!(
                    e.verdict,
                    Verdict::Ineligible | Verdict::HeldBack | Verdict::ToConfirm { .. }
                )
            })
            .collect();
        Marks { warned }
    }

    /// "⚠" for a nomination that is not eligible or needs confirming, else "".
    pub fn mark(&self, id: NominationId) -> &'static str {
        if self.warned.contains_key(&id) {
            MARK
        } else {
            ""
        }
    }

    /// The explanation of a warned nomination, in the interface's language.
    pub fn explain(&self, id: NominationId, s: &Strings) -> Option<String> {
        self.warned.get(&id).map(|e| e.explain(s.lang))
    }
}
