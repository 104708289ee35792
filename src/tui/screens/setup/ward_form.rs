//! Step 1: the ward's identity, as every printed document says it. One
//! typed field a value of `WardIdentity`; the domain checks it when the store
//! saves it (audited, as `hoidong ward set`).

use ratatui::crossterm::event::KeyEvent;

use crate::domain::text_rules::{self, TextField};
use crate::domain::ward::{WardIdentity, WardRefusal};
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::widgets::form::{Field, Form};

use crate::i18n::setup_screens::setup;

/// The fields of the form, in the order `ward show` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    GoverningBody,
    CouncilName,
    PlaceName,
    MinutesSymbol,
    DecisionSymbol,
    SubmissionSymbol,
    RecipientsMinutes,
    RecipientsDecision,
    RecipientsSubmission,
    ChairmanTitle,
    ChairmanName,
}

impl Focus {
    pub const ALL: [Focus; 11] = [
        Focus::GoverningBody,
        Focus::CouncilName,
        Focus::PlaceName,
        Focus::MinutesSymbol,
        Focus::DecisionSymbol,
        Focus::SubmissionSymbol,
        Focus::RecipientsMinutes,
        Focus::RecipientsDecision,
        Focus::RecipientsSubmission,
        Focus::ChairmanTitle,
        Focus::ChairmanName,
    ];

    fn label(self, s: &Strings) -> &'static str {
        let t = setup(s);
        match self {
            Focus::GoverningBody => t.governing_body,
            Focus::CouncilName => t.council_name,
            Focus::PlaceName => t.place_name,
            Focus::MinutesSymbol => t.minutes_symbol,
            Focus::DecisionSymbol => t.decision_symbol,
            Focus::SubmissionSymbol => t.submission_symbol,
            Focus::RecipientsMinutes => t.recipients_minutes,
            Focus::RecipientsDecision => t.recipients_decision,
            Focus::RecipientsSubmission => t.recipients_submission,
            Focus::ChairmanTitle => t.chairman_title,
            Focus::ChairmanName => t.chairman_name,
        }
    }

    /// The field a refusal of the domain is about.
    fn of_field(field: TextField) -> Option<Focus> {
        Some(match field {
            TextField::GoverningBody => Focus::GoverningBody,
            TextField::CouncilName => Focus::CouncilName,
            TextField::PlaceName => Focus::PlaceName,
            TextField::MinutesSymbol => Focus::MinutesSymbol,
            TextField::DecisionSymbol => Focus::DecisionSymbol,
            TextField::SubmissionSymbol => Focus::SubmissionSymbol,
            TextField::Recipient => Focus::RecipientsMinutes,
            TextField::ChairmanTitle => Focus::ChairmanTitle,
            TextField::ChairmanName => Focus::ChairmanName,
            _ => return None,
        })
    }
}

/// Recipients as one line: "A; B; C".
fn joined(list: &[String]) -> String {
    list.join("; ")
}

fn split(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect()
}

pub struct WardForm {
    pub form: Form<Focus>,
}

impl WardForm {
    /// The form with the identity already set, or with the usual symbols and
    /// recipients when there is none yet.
    pub fn new(store: &Store, s: &Strings) -> Result<WardForm, StoreError> {
        let t = setup(s);
        let w = store.ward()?.unwrap_or_else(|| WardIdentity {
            minutes_symbol: "BB-HĐTĐKT".into(),
            decision_symbol: "QĐ-UBND".into(),
            submission_symbol: "TTr-HĐTĐKT".into(),
            recipients_minutes: split(t.default_recipients),
            ..WardIdentity::default()
        });
        let value = |f: Focus| match f {
            Focus::GoverningBody => w.governing_body.clone(),
            Focus::CouncilName => w.council_name.clone(),
            Focus::PlaceName => w.place_name.clone(),
            Focus::MinutesSymbol => w.minutes_symbol.clone(),
            Focus::DecisionSymbol => w.decision_symbol.clone(),
            Focus::SubmissionSymbol => w.submission_symbol.clone(),
            Focus::RecipientsMinutes => joined(&w.recipients_minutes),
            Focus::RecipientsDecision => joined(&w.recipients_decision),
            Focus::RecipientsSubmission => joined(&w.recipients_submission),
            Focus::ChairmanTitle => w.chairman_title.clone(),
            Focus::ChairmanName => w.chairman_name.clone(),
        };
        let fields = Focus::ALL
            .iter()
            .map(|f| Field::text(*f, f.label(s), &value(*f)))
            .collect();
        Ok(WardForm {
            form: Form::new(t.ward_title.to_string(), fields),
        })
    }

    pub fn focus(&self) -> Focus {
        self.form.focused().unwrap_or(Focus::GoverningBody)
    }

    pub fn key(&mut self, key: &KeyEvent) {
        self.form.key(key);
    }

    /// What the form holds, as the domain takes it.
    pub fn identity(&self) -> WardIdentity {
        let v = |f: Focus| self.form.value(f);
        WardIdentity {
            governing_body: v(Focus::GoverningBody),
            council_name: v(Focus::CouncilName),
            place_name: v(Focus::PlaceName),
            minutes_symbol: v(Focus::MinutesSymbol),
            decision_symbol: v(Focus::DecisionSymbol),
            submission_symbol: v(Focus::SubmissionSymbol),
            recipients_minutes: split(&v(Focus::RecipientsMinutes)),
            recipients_decision: split(&v(Focus::RecipientsDecision)),
            recipients_submission: split(&v(Focus::RecipientsSubmission)),
            chairman_title: v(Focus::ChairmanTitle),
            chairman_name: v(Focus::ChairmanName),
        }
    }

    /// Save through the store; a refusal is put next to its field and
    /// `Ok(None)` returned; other failures are for the app to show.
    pub fn save(&mut self, store: &mut Store, s: &Strings) -> Result<Option<String>, StoreError> {
        self.form.clear_errors();
        let identity = self.identity();
        match store.set_ward(&identity) {
            Ok(_) => Ok(Some(setup(s).ward_saved.to_string())),
            Err(e @ StoreError::Ward(_)) => {
                let focus = match &e {
                    StoreError::Ward(r) => self.refused_field(r, &identity),
                    _ => None,
                };
                self.form.set_error(focus, s.store_message(&e));
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Which field a refusal is about; for recipients, the list that holds
    /// the refused text (the domain names only the kind of field).
    fn refused_field(&self, r: &WardRefusal, w: &WardIdentity) -> Option<Focus> {
        let field = match r {
            WardRefusal::Text(t) => t.field,
            WardRefusal::Empty(f) | WardRefusal::BadSymbol { field: f, .. } => *f,
            WardRefusal::NotSet => return None,
        };
        if field == TextField::Recipient && matches!(r, WardRefusal::Text(_)) {
            let lists = [
                (Focus::RecipientsMinutes, &w.recipients_minutes),
                (Focus::RecipientsDecision, &w.recipients_decision),
                (Focus::RecipientsSubmission, &w.recipients_submission),
            ];
            return lists
                .into_iter()
                .find(|(_, list)| {
                    list.iter()
                        .any(|r| text_rules::line(TextField::Recipient, r).is_err())
                })
                .map(|(f, _)| f);
        }
        Focus::of_field(field)
    }
}
