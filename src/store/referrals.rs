//! Referrals of nominations to the levels above: the dossier checklist, the
//! dated steps of the state machine (`domain::referral`), and what each step
//! does to the nomination and the award register.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::award_checks::{nomination_refused, standing, step_facts, step_refused};
use super::awards::{RegisterRow, date_text, json, parse_date};
use super::refusal_award::{AwardRefused, AwardSubject};
use super::stored_code::decode;
use super::{Result, Store, StoreError};
use crate::domain::award_steps::{AwardRefusal, check_referral, check_step};
use crate::domain::dossier::{ChecklistItem, DossierRules};
use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::referral::{
    Referral, ReferralEvent, ReferralId, ReferralState, ReferralStatus, ReferralStep,
};
use crate::domain::referral_checks::{self, ReferralRefusal};
use crate::domain::register::{NewReferral, RegisterSource};
use crate::domain::text::nfc;
use crate::i18n::Lang;

const REFERRAL_COLS: &str = "id, nomination_id, parent_id, level, submission_number, submission_date, status, override_reason, created_at, version";

fn referral_from_row(r: &Row<'_>) -> rusqlite::Result<Referral> {
    let id: ReferralId = r.get(0)?;
    let status: String = r.get(6)?;
    Ok(Referral {
        id,
        nomination_id: r.get(1)?,
        parent_id: r.get(2)?,
        level: r.get(3)?,
        submission_number: r.get(4)?,
        submission_date: parse_date(r.get(5)?),
        status: decode(
            ReferralStatus::from_code,
            &status,
            "referrals",
            id,
            "status",
        )?,
        override_reason: r.get(7)?,
        created_at: r.get(8)?,
        version: r.get(9)?,
    })
}

impl Store {
    /// The dossier rules shipped in `data/dossier.toml`.
    pub fn dossier_rules(&self) -> Result<DossierRules> {
        DossierRules::built_in().map_err(|detail| StoreError::BuiltIn { detail })
    }

    /// Refer a passed nomination for an award decided above the ward to the
    /// next level up. An ineligible nomination needs `override_reason`.
    pub fn refer(&mut self, id: NominationId, r: &NewReferral) -> Result<ReferralId> {
        let s = self.subject(id)?;
        let number = nfc(&r.submission_number);
        let checked = NewReferral {
            submission_number: number.clone(),
            ..r.clone()
        };
        // Asked before the eligibility, so a referral refused anyway is not
        // first asked for a reason to override it.
        check_referral(&standing(self.conn(), &s)?, &checked).map_err(nomination_refused(id))?;
        let evaluation = self.eligibility(id)?;
        let reason =
            referral_checks::override_reason(id, &evaluation, r.override_reason.as_deref())?;
        let home = s.catalogue.home_level().ok_or(ReferralRefusal::NoLevels)?;
        let level =
            s.catalogue
                .next_level(&home.code)
                .ok_or_else(|| ReferralRefusal::NoLevelAbove {
                    level: home.code.clone(),
                })?;
        let documents: Vec<String> = self
            .dossier_rules()?
            .checklist(&s.award.code, s.kind.class())
            .into_iter()
            .map(|d| d.code.clone())
            .collect();
        self.write(|w| {
            check_referral(&standing(&w.tx, &s)?, &checked).map_err(nomination_refused(id))?;
            let rid = insert_referral(w, id, None, &level.code, &number, r.submission_date, reason.as_deref(), &documents)?;
            w.audit(
                "referrals",
                rid,
                "eligibility",
                None,
                Some(&serde_json::json!({"verdict": json(&evaluation.verdict), "summary": evaluation.summary(Lang::Vi)})),
            )?;
            w.set_nomination_status(id, NominationStatus::Referred)?;
            Ok(rid)
        })
    }

    pub fn referral(&self, id: ReferralId) -> Result<Referral> {
        self.conn()
            .query_row(
                &format!("SELECT {REFERRAL_COLS} FROM referrals WHERE id = ?1"),
                [id],
                referral_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "referral",
                id: id.to_string(),
            })
    }

    /// Every referral of a nomination, lowest level first.
    pub fn referrals_of(&self, nomination: NominationId) -> Result<Vec<Referral>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {REFERRAL_COLS} FROM referrals WHERE nomination_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([nomination], referral_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The dated steps of a referral, oldest first.
    pub fn referral_timeline(&self, id: ReferralId) -> Result<Vec<ReferralStep>> {
        let mut stmt = self.conn().prepare(
            "SELECT at, status, note, decision_number, decision_date, authority, id
             FROM referral_events WHERE referral_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([id], |r| {
            let status: String = r.get(1)?;
            let status = decode(
                ReferralStatus::from_code,
                &status,
                "referral_events",
                r.get::<_, i64>(6)?,
                "status",
            )?;
            Ok((
                r.get::<_, String>(0)?,
                status,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        let mut steps = Vec::new();
        for row in rows {
            let (at, status, note, decision_number, decision_date, authority) = row?;
            steps.push(ReferralStep {
                date: parse_date(Some(at.clone())).ok_or_else(|| ReferralRefusal::BadStepDate {
                    id,
                    text: at.clone(),
                })?,
                status,
                note,
                decision_number,
                decision_date: parse_date(decision_date),
                authority,
            });
        }
        Ok(steps)
    }

    /// The dossier's documents, in the order of the rules.
    pub fn referral_checklist(&self, id: ReferralId) -> Result<Vec<ChecklistItem>> {
        checklist(self.conn(), &self.dossier_rules()?, id)
    }

    /// Tick a document of the dossier with its reference (number, date, where kept).
    pub fn tick_document(&mut self, id: ReferralId, doc_code: &str, reference: &str) -> Result<()> {
        let referral = self.referral(id)?;
        let known: Vec<String> = if referral.status.is_open() {
            self.referral_checklist(id)?
                .into_iter()
                .map(|i| i.doc_code)
                .collect()
        } else {
            Vec::new()
        };
        self.write(|w| {
            let reference =
                referral_checks::tick(id, referral.status, doc_code, reference, &known)?;
            w.tx.execute(
                "UPDATE referral_documents SET reference = ?3, ticked_at = ?4 WHERE referral_id = ?1 AND doc_code = ?2",
                params![id, doc_code, reference, w.now],
            )?;
            w.audit(
                "referral_documents",
                format!("{id}/{doc_code}"),
                "tick",
                None,
                Some(&serde_json::json!({"reference": reference})),
            )
        })
    }

    /// Record a step of a referral. Sending needs every checklist document
    /// ticked; conferral enters the award in the register; refusal rejects
    /// the nomination; withdrawal withdraws it.
    pub fn advance_referral(
        &mut self,
        id: ReferralId,
        event: &ReferralEvent,
    ) -> Result<ReferralStatus> {
        if matches!(event, ReferralEvent::Forward { .. }) {
            return Err(ReferralRefusal::ForwardIsNotAStep { id }.into());
        }
        let referral = self.referral(id)?;
        let rules = self.dossier_rules()?;
        let s = self.subject(referral.nomination_id)?;
        self.write(|w| {
            let (state, missing) = step_facts(&w.tx, &rules, &referral)?;
            let next = check_step(&state, event, &missing).map_err(step_refused(id))?;
            let changed = w.tx.execute(
                "UPDATE referrals SET status = ?2, version = version + 1 WHERE id = ?1 AND version = ?3",
                params![id, next.status.code(), referral.version],
            )?;
            if changed == 0 {
                return Err(StoreError::Conflict { what: "referral", id: id.to_string() });
            }
            insert_event(w, id, next.status, event)?;
            w.audit(
                "referrals",
                id,
                event.name(),
                Some(&serde_json::json!({"status": referral.status.code()})),
                Some(&json(event)),
            )?;
            let nomination = referral.nomination_id;
            match event {
                ReferralEvent::Confer { conferral } => {
                    w.set_nomination_status(nomination, NominationStatus::Conferred)?;
                    w.insert_register_entry(&RegisterRow {
                        nominee_id: s.nomination.nominee_id,
                        award_code: &s.award.code,
                        year: s.nomination.round.year(),
                        decision_number: &conferral.number,
                        decision_date: Some(conferral.date),
                        authority: &conferral.authority,
                        nomination_id: Some(nomination),
                        source: RegisterSource::Conferred,
                        merit: None,
                        note: "",
                    })?;
                }
                ReferralEvent::Refuse { .. } => {
                    w.set_nomination_status(nomination, NominationStatus::Rejected)?;
                }
                ReferralEvent::Withdraw { reason, .. } => {
                    w.set_nomination_status(nomination, NominationStatus::Withdrawn)?;
                    w.tx.execute(
                        "UPDATE nominations SET withdrawal_reason = ?2 WHERE id = ?1",
                        params![nomination, nfc(reason)],
                    )?;
                }
                _ => {}
            }
            Ok(next.status)
        })
    }

    /// An approved referral goes on up: it becomes forwarded and a child
    /// referral to the next level starts, prepared, with its own submission.
    pub fn forward_referral(&mut self, id: ReferralId, r: &NewReferral) -> Result<ReferralId> {
        let referral = self.referral(id)?;
        let state = referral_state(self.conn(), &referral)?;
        let event = ReferralEvent::Forward {
            date: r.submission_date,
        };
        let next = check_step(&state, &event, &[]).map_err(step_refused(id))?;
        let number = nfc(&r.submission_number);
        if number.is_empty() {
            return Err(StoreError::Award(AwardRefused {
                about: AwardSubject::Referral(id),
                refusal: AwardRefusal::EmptySubmissionNumber,
            }));
        }
        let s = self.subject(referral.nomination_id)?;
        let level = s.catalogue.next_level(&referral.level).ok_or_else(|| {
            ReferralRefusal::NoLevelAbove {
                level: referral.level.clone(),
            }
        })?;
        let documents: Vec<String> = self
            .dossier_rules()?
            .checklist(&s.award.code, s.kind.class())
            .into_iter()
            .map(|d| d.code.clone())
            .collect();
        self.write(|w| {
            let changed = w.tx.execute(
                "UPDATE referrals SET status = ?2, version = version + 1 WHERE id = ?1 AND version = ?3",
                params![id, next.status.code(), referral.version],
            )?;
            if changed == 0 {
                return Err(StoreError::Conflict { what: "referral", id: id.to_string() });
            }
            insert_event(w, id, next.status, &event)?;
            w.audit("referrals", id, "forward", None, Some(&json(&event)))?;
            insert_referral(
                w,
                referral.nomination_id,
                Some(id),
                &level.code,
                &number,
                r.submission_date,
                referral.override_reason.as_deref(),
                &documents,
            )
        })
    }
}

/// The dossier's documents of referral `id`, in the order of the rules.
pub(crate) fn checklist(
    conn: &Connection,
    rules: &DossierRules,
    id: ReferralId,
) -> Result<Vec<ChecklistItem>> {
    let mut stmt = conn.prepare(
        "SELECT doc_code, reference, ticked_at FROM referral_documents WHERE referral_id = ?1",
    )?;
    let mut items = stmt
        .query_map([id], |r| {
            let code: String = r.get(0)?;
            Ok(ChecklistItem {
                name: rules
                    .document(&code)
                    .map_or(code.clone(), |d| d.name.clone()),
                doc_code: code,
                reference: r.get(1)?,
                ticked_at: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let position = |code: &str| {
        rules
            .documents
            .iter()
            .position(|d| d.code == code)
            .unwrap_or(usize::MAX)
    };
    items.sort_by_key(|i| position(&i.doc_code));
    Ok(items)
}

/// Where referral `r` stands: its status and the date of its last step.
pub(crate) fn referral_state(conn: &Connection, r: &Referral) -> Result<ReferralState> {
    let last: Option<String> = conn.query_row(
        "SELECT max(at) FROM referral_events WHERE referral_id = ?1",
        [r.id],
        |row| row.get(0),
    )?;
    let last_date = parse_date(last)
        .or(r.submission_date)
        .ok_or(ReferralRefusal::NoDatedStep { id: r.id })?;
    Ok(ReferralState {
        status: r.status,
        last_date,
    })
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_referral(
    w: &super::Tx<'_>,
    nomination: NominationId,
    parent: Option<ReferralId>,
    level: &str,
    number: &str,
    date: NaiveDate,
    override_reason: Option<&str>,
    documents: &[String],
) -> Result<ReferralId> {
    w.tx.execute(
        "INSERT INTO referrals (nomination_id, parent_id, level, submission_number, submission_date, status, override_reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![nomination, parent, level, number, date_text(date), ReferralStatus::Prepared.code(), override_reason, w.now],
    )?;
    let id = w.tx.last_insert_rowid();
    for code in documents {
        w.tx.execute(
            "INSERT INTO referral_documents (referral_id, doc_code) VALUES (?1, ?2)",
            params![id, code],
        )?;
    }
    w.tx.execute(
        "INSERT INTO referral_events (referral_id, at, status, note) VALUES (?1, ?2, ?3, ?4)",
        params![
            id,
            date_text(date),
            ReferralStatus::Prepared.code(),
            override_reason.unwrap_or_default()
        ],
    )?;
    w.audit(
        "referrals",
        id,
        "insert",
        None,
        Some(&serde_json::json!({
            "nomination_id": nomination, "parent_id": parent, "level": level,
            "submission_number": number, "submission_date": date_text(date),
            "override_reason": override_reason, "documents": documents,
        })),
    )?;
    Ok(id)
}

fn insert_event(
    w: &super::Tx<'_>,
    id: ReferralId,
    status: ReferralStatus,
    event: &ReferralEvent,
) -> Result<()> {
    let (number, date, authority) = match event {
        ReferralEvent::Confer { conferral } => (
            Some(nfc(&conferral.number)),
            Some(date_text(conferral.date)),
            Some(nfc(&conferral.authority)),
        ),
        _ => (None, None, None),
    };
    w.tx.execute(
        "INSERT INTO referral_events (referral_id, at, status, note, decision_number, decision_date, authority)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, date_text(event.date()), status.code(), nfc(event.note()), number, date, authority],
    )?;
    Ok(())
}
