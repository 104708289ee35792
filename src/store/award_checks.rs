//! The questions asked before a decision, a referral or a referral step is
//! recorded. Each reads what the rule needs from a connection (the store's
//! own, or the transaction that records the step) and hands it to the rule in
//! `domain::award_steps`; the interface asks them before its confirm dialog.

use rusqlite::{Connection, OptionalExtension};

use super::awards::{Subject, parse_date};
use super::referrals::{checklist, referral_state};
use super::refusal_award::{AwardRefused, AwardSubject};
use super::stored_code::decode;
use super::{Result, Store, StoreError};
use crate::domain::award_steps::{
    AwardRefusal, Standing, check_decision, check_referral, check_step,
};
use crate::domain::dossier::DossierRules;
use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::referral::{Referral, ReferralEvent, ReferralId, ReferralState};
use crate::domain::register::{NewDecision, NewReferral};

/// What the record says of the nomination of `s` now.
pub(crate) fn standing(conn: &Connection, s: &Subject) -> Result<Standing> {
    let status: Option<String> = conn
        .query_row(
            "SELECT status FROM nominations WHERE id = ?1",
            [s.nomination.id],
            |r| r.get(0),
        )
        .optional()?;
    let status = status
        .map(|c| {
            decode(
                NominationStatus::from_code,
                &c,
                "nominations",
                s.nomination.id,
                "status",
            )
        })
        .transpose()?
        .ok_or_else(|| StoreError::NotFound {
            what: "nomination",
            id: s.nomination.id.to_string(),
        })?;
    let hold: Option<String> = conn
        .query_row(
            "SELECT reason FROM award_holds WHERE nominee_id = ?1 AND lifted_date IS NULL
             ORDER BY from_date DESC, id DESC LIMIT 1",
            [s.nomination.nominee_id],
            |r| r.get(0),
        )
        .optional()?;
    let latest: Option<(bool, String)> = conn
        .query_row(
            "SELECT vr.passed, m.starts_at FROM vote_results vr
             JOIN ballot_rounds br ON br.id = vr.round_id
             JOIN meetings m ON m.id = br.meeting_id
             WHERE vr.nomination_id = ?1 ORDER BY vr.round_id DESC LIMIT 1",
            [s.nomination.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let voted_on = latest
        .as_ref()
        .and_then(|(_, at)| parse_date(at.get(..10).map(str::to_string)));
    Ok(Standing {
        status,
        award: s.award.short_name.clone(),
        granted_by: s.award.granted_by.clone(),
        decided_at_home: s.catalogue.decided_at_home(&s.award),
        hold,
        latest_vote_passed: latest.map(|(passed, _)| passed),
        voted_on,
    })
}

/// Where `referral` stands and the names of the documents its dossier lacks.
pub(crate) fn step_facts(
    conn: &Connection,
    rules: &DossierRules,
    referral: &Referral,
) -> Result<(ReferralState, Vec<String>)> {
    let state = referral_state(conn, referral)?;
    let missing = checklist(conn, rules, referral.id)?
        .into_iter()
        .filter(|i| !i.is_ticked())
        .map(|i| i.name)
        .collect();
    Ok((state, missing))
}

fn refused(about: AwardSubject) -> impl FnOnce(AwardRefusal) -> AwardRefused {
    move |refusal| AwardRefused { about, refusal }
}

impl Store {
    /// Would the decision `d` on nomination `id` be recorded? Asked before
    /// the confirm dialog; `decide` asks it again when it records.
    pub fn decision_allowed(&self, id: NominationId, d: &NewDecision) -> Result<()> {
        let s = self.subject(id)?;
        let standing = standing(self.conn(), &s)?;
        check_decision(&standing, d).map_err(refused(AwardSubject::Nomination(id)))?;
        Ok(())
    }

    /// Would the referral `r` of nomination `id` be recorded?
    pub fn referral_allowed(&self, id: NominationId, r: &NewReferral) -> Result<()> {
        let s = self.subject(id)?;
        let standing = standing(self.conn(), &s)?;
        check_referral(&standing, r).map_err(refused(AwardSubject::Nomination(id)))?;
        Ok(())
    }

    /// Would `event` be recorded on referral `id`?
    pub fn referral_step_allowed(&self, id: ReferralId, event: &ReferralEvent) -> Result<()> {
        let referral = self.referral(id)?;
        let (state, missing) = step_facts(self.conn(), &self.dossier_rules()?, &referral)?;
        check_step(&state, event, &missing).map_err(refused(AwardSubject::Referral(id)))?;
        Ok(())
    }
}

/// The refusal of a step on referral `id`, for the store's own use.
pub(crate) fn step_refused(id: ReferralId) -> impl FnOnce(AwardRefusal) -> AwardRefused {
    refused(AwardSubject::Referral(id))
}

/// The refusal of a decision or referral of nomination `id`.
pub(crate) fn nomination_refused(id: NominationId) -> impl FnOnce(AwardRefusal) -> AwardRefused {
    refused(AwardSubject::Nomination(id))
}
