//! Eligibility warnings for agenda items: each nomination is checked against
//! the nominee's register once, when a screen loads its agenda, and the ones
//! not eligible (or needing the council's confirmation) carry a "⚠" with the
//! explanation for the item's detail. A check that could not be made is a
//! warning too: its silence would read as "eligible".

use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::eligibility::{Evaluation, Verdict};
use crate::domain::nomination::NominationId;
use crate::i18n::Lang;
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};

pub const MARK: &str = "⚠";

#[derive(Debug, Default, Clone)]
pub struct Marks {
    warned: HashMap<NominationId, Evaluation>,
    /// Nominations whose check failed, with why.
    unchecked: HashMap<NominationId, Arc<StoreError>>,
}

impl Marks {
    /// Check every nomination in `ids`. A nomination whose check cannot be
    /// made (no rules stored, a missing award, a damaged row) is warned of
    /// with the reason.
    pub fn load(store: &Store, ids: impl IntoIterator<Item = NominationId>) -> Marks {
        let mut marks = Marks::default();
        for id in ids {
            match store.eligibility(id) {
                Ok(e) => {
                    if matches!(
                        e.verdict,
                        Verdict::Ineligible | Verdict::HeldBack | Verdict::ToConfirm { .. }
                    ) {
                        marks.warned.insert(id, e);
                    }
                }
                Err(e) => {
                    marks.unchecked.insert(id, Arc::new(e));
                }
            }
        }
        marks
    }

    /// "⚠" for a nomination that is not eligible or needs confirming, else "".
    pub fn mark(&self, id: NominationId) -> &'static str {
        if self.warned.contains_key(&id) || self.unchecked.contains_key(&id) {
            MARK
        } else {
            ""
        }
    }

    /// The explanation of a warned nomination, in the interface's language.
    pub fn explain(&self, id: NominationId, s: &Strings) -> Option<String> {
        if let Some(e) = self.unchecked.get(&id) {
            let why = s.store_message(e);
            return Some(match s.lang {
                Lang::Vi => format!("Không kiểm tra được điều kiện khen thưởng: {why}"),
                Lang::En => format!("Eligibility could not be checked: {why}"),
            });
        }
        self.warned.get(&id).map(|e| e.explain(s.lang))
    }
}
