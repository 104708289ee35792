//! Step 2: the council, established by a decision (number, date, signer)
//! for a term. The domain reads the term and checks the council against
//! those recorded (`council_rules::term`, `council_rules::establish`) in the
//! store's audited transaction, as `hoidong council new` does.

use ratatui::crossterm::event::KeyEvent;

use crate::domain::council::NewCouncil;
use crate::domain::council_rules::{self, CouncilRefusal};
use crate::domain::text_rules::TextField;
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::widgets::form::{Field, Form};

use super::dates;
use crate::i18n::setup_screens::setup;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    DecisionNumber,
    DecisionDate,
    Signer,
    Term,
    CouncilName,
}

impl Focus {
    pub const ALL: [Focus; 5] = [
        Focus::DecisionNumber,
        Focus::DecisionDate,
        Focus::Signer,
        Focus::Term,
        Focus::CouncilName,
    ];

    fn label(self, s: &Strings) -> &'static str {
        let t = setup(s);
        match self {
            Focus::DecisionNumber => t.decision_number,
            Focus::DecisionDate => t.decision_date,
            Focus::Signer => t.signer,
            Focus::Term => t.term,
            Focus::CouncilName => t.council_name,
        }
    }

    /// The field a refusal of the domain is about.
    fn of_refusal(r: &CouncilRefusal) -> Option<Focus> {
        let field = |f: TextField| match f {
            TextField::DecisionNumber => Some(Focus::DecisionNumber),
            TextField::Signer => Some(Focus::Signer),
            TextField::CouncilName => Some(Focus::CouncilName),
            _ => None,
        };
        match r {
            CouncilRefusal::Text(t) => field(t.field),
            CouncilRefusal::Empty(f) => field(*f),
            CouncilRefusal::BadDate { .. } | CouncilRefusal::DecisionAfterTerm { .. } => {
                Some(Focus::DecisionDate)
            }
            CouncilRefusal::BadTerm { .. }
            | CouncilRefusal::TermOutOfOrder { .. }
            | CouncilRefusal::TermNotAfter { .. } => Some(Focus::Term),
            _ => None,
        }
    }
}

/// "2026-2031" as typed; a range of days may be written either way.
fn term_typed(text: &str) -> String {
    match text.split_once("..") {
        Some((from, to)) => format!("{}..{}", dates::typed(from), dates::typed(to)),
        None => text.trim().to_string(),
    }
}

pub struct CouncilForm {
    pub form: Form<Focus>,
    /// A council is in office: saving establishes one for a new term.
    pub new_term: bool,
}

impl CouncilForm {
    pub fn new(store: &Store, s: &Strings) -> Result<CouncilForm, StoreError> {
        let t = setup(s);
        let current = store.council()?;
        let name = match &current {
            Some(c) => c.name.clone(),
            None => store.ward()?.map(|w| w.council_name).unwrap_or_default(),
        };
        let fields = Focus::ALL
            .iter()
            .map(|f| {
                let value = if *f == Focus::CouncilName {
                    name.as_str()
                } else {
                    ""
                };
                Field::text(*f, f.label(s), value)
            })
            .collect();
        let mut form = Form::new(t.council_title.to_string(), fields);
        if let Some(c) = &current {
            form.banner = Some(format!(
                "{}: {} {} – {}. {}",
                t.council_in_office,
                c.decision_number,
                dates::shown(s.lang, c.term_from.as_deref().unwrap_or("")),
                dates::shown(s.lang, c.term_to.as_deref().unwrap_or("")),
                t.new_term_warning
            ));
        }
        Ok(CouncilForm {
            form,
            new_term: current.is_some(),
        })
    }

    pub fn focus(&self) -> Focus {
        self.form.focused().unwrap_or(Focus::DecisionNumber)
    }

    pub fn key(&mut self, key: &KeyEvent) {
        self.form.key(key);
    }

    /// The council as the domain takes it, or the refusal of its term.
    pub fn new_council(&self) -> Result<NewCouncil, CouncilRefusal> {
        let v = |f: Focus| self.form.value(f);
        let date = dates::typed(&v(Focus::DecisionDate));
        let (term_from, term_to) = council_rules::term(&term_typed(&v(Focus::Term)), &date)?;
        Ok(NewCouncil {
            name: v(Focus::CouncilName),
            level: "ward".into(),
            decision_number: v(Focus::DecisionNumber),
            decision_date: date,
            signer: v(Focus::Signer),
            term_from,
            term_to,
        })
    }

    /// Establish the council; a refusal goes next to its field (`Ok(None)`).
    pub fn save(&mut self, store: &mut Store, s: &Strings) -> Result<Option<String>, StoreError> {
        self.form.clear_errors();
        let done = self
            .new_council()
            .map_err(StoreError::Council)
            .and_then(|c| store.establish_council(&c));
        match done {
            Ok(d) => Ok(Some(format!(
                "{} {} ({} – {})",
                setup(s).council_saved,
                d.council.decision_number,
                dates::shown(s.lang, d.council.term_from.as_deref().unwrap_or("")),
                dates::shown(s.lang, d.council.term_to.as_deref().unwrap_or(""))
            ))),
            Err(e @ StoreError::Council(_)) => {
                let focus = match &e {
                    StoreError::Council(r) => Focus::of_refusal(r),
                    _ => None,
                };
                self.form.set_error(focus, s.store_message(&e));
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}
