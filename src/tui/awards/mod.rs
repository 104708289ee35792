//! The awards side of the interface: the awards board, a nominee's page with
//! the searchable register, a referral's dossier and steps, the forms for
//! decisions, referrals and steps, and the audit log. Screens return an
//! `Outcome`; steps that change the record travel as `Pending` data through
//! the confirm modal and are performed by `perform`.

pub mod audit;
pub mod board;
pub mod form;
pub mod keys;
pub mod nominee;
pub mod referral;
pub mod strings;
mod strings_refusal;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::referral::{ReferralEvent, ReferralId};
use crate::domain::register::{NewDecision, NewReferral};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::strings::Strings;

/// Intents of the awards screens (one variant of `Action`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AwardAction {
    OpenBoard,
    OpenNominee,
    /// Decision form, referral form, or the referral already made.
    DecideOrRefer,
    OpenAudit,
    OpenSelected,
    Tick,
    /// A referral step by its event name ("send", "return", …).
    Step(&'static str),
    NextField,
    PrevField,
    Submit,
    ToggleFilter,
    /// Write the award register to a spreadsheet (asks for the file).
    Export,
    /// Write the year's report, XLSX and PDF (asks for the year or phase).
    Report,
    /// The tờ trình for the nominations passed at a meeting for one higher award.
    Submission,
    /// The confirmed change: never bound to a key.
    Apply(Pending),
}

/// A change to the record, carried as data until it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Decide {
        nomination: NominationId,
        decision: NewDecision,
    },
    Refer {
        nomination: NominationId,
        referral: NewReferral,
    },
    Tick {
        referral: ReferralId,
        doc: String,
        reference: String,
    },
    Advance {
        referral: ReferralId,
        event: ReferralEvent,
    },
    Forward {
        referral: ReferralId,
        next: NewReferral,
    },
    Submission(crate::store::submission::NewSubmission),
}

/// Perform a confirmed change; returns the nomination it concerns.
pub fn perform(p: &Pending, store: &mut Store) -> Result<NominationId, StoreError> {
    match p {
        Pending::Decide {
            nomination,
            decision,
        } => {
            store.decide(*nomination, decision)?;
            Ok(*nomination)
        }
        Pending::Refer {
            nomination,
            referral,
        } => {
            store.refer(*nomination, referral)?;
            Ok(*nomination)
        }
        Pending::Tick {
            referral,
            doc,
            reference,
        } => {
            store.tick_document(*referral, doc, reference)?;
            Ok(store.referral(*referral)?.nomination_id)
        }
        Pending::Advance { referral, event } => {
            store.advance_referral(*referral, event)?;
            Ok(store.referral(*referral)?.nomination_id)
        }
        Pending::Forward { referral, next } => {
            store.forward_referral(*referral, next)?;
            Ok(store.referral(*referral)?.nomination_id)
        }
        Pending::Submission(s) => {
            let ids = store.record_submission(s)?;
            match ids.first() {
                Some(r) => Ok(store.referral(*r)?.nomination_id),
                None => Err(StoreError::Invalid(
                    "the tờ trình carried no nomination".into(),
                )),
            }
        }
    }
}

/// Would `p` be recorded? The store's own question, asked before the confirm
/// dialog so that a refusal is said instead of the confirm, not after it.
pub fn allowed(p: &Pending, store: &Store) -> Result<(), StoreError> {
    match p {
        Pending::Decide {
            nomination,
            decision,
        } => store.decision_allowed(*nomination, decision),
        Pending::Refer {
            nomination,
            referral,
        } => store.referral_allowed(*nomination, referral),
        Pending::Advance { referral, event } => store.referral_step_allowed(*referral, event),
        Pending::Forward { referral, next } => store.referral_step_allowed(
            *referral,
            &ReferralEvent::Forward {
                date: next.submission_date,
            },
        ),
        Pending::Submission(s) => store.submission_allowed(s),
        // Reversible: performed without a confirm, refused by the store if need be.
        Pending::Tick { .. } => Ok(()),
    }
}

/// What the app does after an awards screen handled an action.
pub enum Outcome {
    Nothing,
    Close,
    Open(AwardsScreen),
    /// Ask first; dispatch the action on yes.
    Ask(String, Action),
    /// Perform without asking (a reversible step such as ticking a document).
    Perform(Pending),
    /// Write the register to this file (xlsx or csv, by its extension).
    Export(std::path::PathBuf),
    /// Write the report of this period: the workbook, and the PDF in the background.
    Report {
        period: crate::domain::report::Period,
        stem: String,
    },
    Message(String),
}

pub enum AwardsScreen {
    Board(board::Board),
    Nominee(Box<nominee::NomineePage>),
    Referral(referral::ReferralView),
    Form(form::Form),
    Audit(audit::AuditView),
}

impl AwardsScreen {
    pub fn context(&self) -> Context {
        match self {
            AwardsScreen::Board(_) => Context::AwardsBoard,
            AwardsScreen::Nominee(n) if n.searching => Context::AwardsSearch,
            AwardsScreen::Nominee(_) => Context::AwardsNominee,
            AwardsScreen::Referral(_) => Context::AwardsReferral,
            AwardsScreen::Form(_) => Context::AwardsForm,
            AwardsScreen::Audit(_) => Context::AwardsAudit,
        }
    }

    pub fn apply(&mut self, action: &Action, store: &Store, s: &Strings) -> Outcome {
        match self {
            AwardsScreen::Board(b) => b.apply(action, store, s),
            AwardsScreen::Nominee(n) => n.apply(action, store, s),
            AwardsScreen::Referral(r) => r.apply(action, store, s),
            AwardsScreen::Form(f) => f.apply(action, store, s),
            AwardsScreen::Audit(a) => a.apply(action, store, s),
        }
    }

    /// A key the keymap left to a text field.
    pub fn edit_key(&mut self, key: &KeyEvent) {
        match self {
            AwardsScreen::Form(f) => f.edit_key(key),
            AwardsScreen::Nominee(n) => n.search_key(key),
            _ => {}
        }
    }

    /// Read again after the record changed.
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        match self {
            AwardsScreen::Board(b) => b.reload(store),
            AwardsScreen::Nominee(n) => n.reload(store),
            AwardsScreen::Referral(r) => r.reload(store),
            AwardsScreen::Form(_) => Ok(()),
            AwardsScreen::Audit(a) => a.reload(store),
        }
    }

    /// Work that reports back later (the audit chain check).
    pub fn poll(&mut self) -> bool {
        match self {
            AwardsScreen::Audit(a) => a.poll(),
            _ => false,
        }
    }

    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        match self {
            AwardsScreen::Board(b) => b.render(s, area, buf),
            AwardsScreen::Nominee(n) => n.render(s, area, buf),
            AwardsScreen::Referral(r) => r.render(s, area, buf),
            AwardsScreen::Form(f) => f.render(s, area, buf),
            AwardsScreen::Audit(a) => a.render(s, area, buf),
        }
    }
}

/// The store's date (its clock), for defaults and days waited.
pub fn today(store: &Store) -> NaiveDate {
    let now = store.now();
    NaiveDate::parse_from_str(now.get(..10).unwrap_or(""), "%Y-%m-%d")
        .unwrap_or_else(|_| chrono::Local::now().date_naive())
}

/// The short "⚠ …" line for a nomination that is not eligible or needs the
/// council to confirm part of its eligibility; None when it is fine or no
/// longer pending. The meeting screen can call this for the item on screen.
pub fn eligibility_warning(
    store: &Store,
    id: NominationId,
    s: &Strings,
) -> Result<Option<String>, StoreError> {
    use crate::domain::eligibility::Verdict;
    let n = store.nomination(id)?;
    let open = matches!(
        n.status,
        NominationStatus::Draft
            | NominationStatus::Submitted
            | NominationStatus::OnAgenda
            | NominationStatus::Passed
    );
    if !open {
        return Ok(None);
    }
    let e = store.eligibility(id)?;
    let warn = e.needs_override() || matches!(e.verdict, Verdict::ToConfirm { .. });
    Ok(warn.then(|| format!("⚠ {}", e.summary(strings::domain_lang(s)))))
}

/// Open the decision or referral form for a nomination, or its referral
/// screen when it was referred already.
pub fn decide_or_refer(
    store: &Store,
    id: NominationId,
    s: &Strings,
) -> Result<Outcome, StoreError> {
    let t = strings::texts(s);
    let n = store.nomination(id)?;
    if matches!(
        n.status,
        NominationStatus::Referred | NominationStatus::Conferred | NominationStatus::Rejected
    ) && !store.referrals_of(id)?.is_empty()
    {
        return Ok(Outcome::Open(AwardsScreen::Referral(
            referral::ReferralView::open(store, id)?,
        )));
    }
    if n.status != NominationStatus::Passed {
        return Ok(Outcome::Message(format!(
            "{} “{}”.",
            t.not_passed,
            s.status(n.status)
        )));
    }
    let catalogue = store.catalogue()?;
    let home = catalogue
        .award(&n.award_code)
        .is_some_and(|a| catalogue.decided_at_home(a));
    let form = if home {
        form::Form::decision(store, id, s)?
    } else {
        form::Form::referral(store, id, s)?
    };
    Ok(Outcome::Open(AwardsScreen::Form(form)))
}
