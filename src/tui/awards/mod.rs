//! The awards side of the interface: the awards board, a nominee's page with
//! the searchable register, a referral's dossier and steps, the forms for
//! decisions, referrals and steps, and the audit log. Each is a layer on the
//! one screen contract (`layers.rs`); steps that change the record travel as
//! `Pending` data in a `Command` through the confirm modal, and the app
//! performs them with `perform`.

pub mod audit;
pub mod board;
mod decision_form;
pub mod form;
pub mod keys;
mod layers;
pub mod nominee;
mod papers_form;
pub mod referral;

use chrono::NaiveDate;

use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::referral::{ReferralEvent, ReferralId};
use crate::domain::register::{NewDecision, NewReferral};
use crate::i18n::strings::Strings;
use crate::store::decision_batches::BatchRequest;
use crate::store::{Store, StoreError};
use crate::tui::screen::Outcome;

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
    /// One decision for many awards (checked again when recorded), and the
    /// certificate layout (TOML text) its certificates are printed with.
    DecideMany(BatchRequest, String),
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
        Pending::DecideMany(req, _) => {
            let prepared = store.prepare_decision_batch(req)?;
            store.record_decision_batch(&prepared)?;
            Ok(prepared.lines.first().map_or(0, |l| l.nomination_id))
        }
        Pending::Submission(s) => {
            let ids = store.record_submission(s)?;
            match ids.first() {
                Some(r) => Ok(store.referral(*r)?.nomination_id),
                None => Err(StoreError::Submission(
                    crate::domain::submission::SubmissionRefusal::NothingWaiting {
                        meeting: s.meeting_id,
                        award: s.award_code.clone(),
                    },
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
        Pending::DecideMany(req, _) => store.prepare_decision_batch(req).map(|_| ()),
        Pending::Submission(s) => store.submission_allowed(s),
        // Reversible: performed without a confirm, refused by the store if need be.
        Pending::Tick { .. } => Ok(()),
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
    Ok(warn.then(|| format!("⚠ {}", e.summary(s.lang))))
}

/// Open the decision or referral form for a nomination, or its referral
/// screen when it was referred already.
pub fn decide_or_refer(
    store: &Store,
    id: NominationId,
    s: &Strings,
) -> Result<Outcome, StoreError> {
    let t = crate::i18n::awards::texts(s);
    let n = store.nomination(id)?;
    if matches!(
        n.status,
        NominationStatus::Referred | NominationStatus::Conferred | NominationStatus::Rejected
    ) && !store.referrals_of(id)?.is_empty()
    {
        return Ok(Outcome::Open(Box::new(referral::ReferralView::open(
            store, id,
        )?)));
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
    Ok(Outcome::Open(Box::new(form)))
}
