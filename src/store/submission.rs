//! A tờ trình for a referral batch: the nominations passed at one meeting
//! for the same higher award go up together under one submission number.
//! Recording it refers every nomination of the batch in one audited
//! transaction, with the referral rules of a single referral; the steps
//! after (returned, resent, conferred) stay per nominee.

use crate::domain::nomination_rules::NominationRefusal;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::award_checks::{nomination_refused, standing};
use super::awards::{Subject, date_text};
use super::referrals::insert_referral;
use super::{Result, Store, StoreError};
use crate::domain::award_steps::check_referral;
use crate::domain::eligibility::Evaluation;
use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::referral::ReferralId;
use crate::domain::register::NewReferral;
use crate::domain::submission::{
    IneligibleLine, Submission, SubmissionLine, SubmissionRefusal, check_submission,
};
use crate::domain::text::nfc;
use crate::domain::ward::WardIdentity;
use crate::i18n::Lang;

/// Documents of the dossier that the batch itself provides: the tờ trình and
/// the council's minutes with the vote result.
pub const SUBMISSION_DOC: &str = "to_trinh";
pub const MINUTES_DOC: &str = "bien_ban_hoi_dong";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSubmission {
    pub meeting_id: i64,
    pub award_code: String,
    /// "12", completed with the ward's symbol ("12/TTr-HĐTĐKT"); a number
    /// that already holds a "/" is kept as written.
    pub number: String,
    pub date: NaiveDate,
    /// Why nominations that fail the eligibility check go up anyway.
    pub override_reason: Option<String>,
}

fn refused(r: SubmissionRefusal) -> StoreError {
    StoreError::Submission(r)
}

/// A batch checked and ready to write.
struct PreparedBatch {
    number: String,
    referral: NewReferral,
    reason: Option<String>,
    prepared: Vec<(NominationId, Subject, String, Vec<String>, Evaluation)>,
    submission_ref: String,
    minutes_ref: String,
}

/// Nominations waiting to go up together: passed at one meeting for one
/// award decided above the ward, not referred yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingBatch {
    pub meeting_id: i64,
    pub meeting_number: String,
    pub award_code: String,
    pub award_name: String,
    pub nominations: Vec<NominationId>,
}

impl Store {
    /// The ward identity, or a refusal naming what to do.
    pub fn ward_for_documents(&self) -> Result<WardIdentity> {
        self.ward()?
            .ok_or(StoreError::Ward(crate::domain::ward::WardRefusal::NotSet))
    }

    /// Who signs for the council on `date`: its chair in office then, else
    /// the chairman the ward's identity names.
    pub fn signing_chair(&self, ward: &WardIdentity, date: NaiveDate) -> Result<String> {
        if let Some(c) = self.council()?
            && let Some(m) = self
                .members_on(c.id, &date_text(date))?
                .into_iter()
                .find(|m| m.role == crate::domain::council::Role::Chair)
        {
            return Ok(m.name);
        }
        Ok(ward.chairman_name.clone())
    }

    /// The submission number with the ward's symbol.
    pub fn submission_number(&self, number: &str) -> Result<String> {
        let number = nfc(number.trim());
        if number.is_empty() {
            return Err(refused(SubmissionRefusal::EmptyNumber));
        }
        if number.contains('/') {
            return Ok(number);
        }
        Ok(format!(
            "{number}/{}",
            self.ward_for_documents()?.submission_symbol
        ))
    }

    /// The nominations a tờ trình for `award` after `meeting` carries: passed
    /// at that meeting for that award and not referred yet, in agenda order.
    pub fn submission_candidates(&self, meeting: i64, award: &str) -> Result<Vec<NominationId>> {
        self.meeting(meeting)?;
        let mut stmt = self.conn().prepare(
            "SELECT n.id FROM agenda_items a JOIN nominations n ON n.id = a.nomination_id
             WHERE a.meeting_id = ?1 AND n.award_code = ?2 AND n.status = ?3
               AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.nomination_id = n.id)
             ORDER BY a.position",
        )?;
        let rows = stmt.query_map(
            params![meeting, award, NominationStatus::Passed.code()],
            |r| r.get(0),
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every batch waiting for a tờ trình, the latest meeting first.
    pub fn pending_batches(&self) -> Result<Vec<PendingBatch>> {
        let home = self
            .catalogue()?
            .home_level()
            .map(|l| l.code.clone())
            .unwrap_or_default();
        let mut stmt = self.conn().prepare(
            "SELECT DISTINCT a.meeting_id, m.number, n.award_code, w.name
             FROM agenda_items a JOIN nominations n ON n.id = a.nomination_id
             JOIN meetings m ON m.id = a.meeting_id JOIN awards w ON w.code = n.award_code
             WHERE n.status = ?1 AND w.decided_at <> ?2
               AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.nomination_id = n.id)
             ORDER BY m.starts_at DESC, w.rank DESC, n.award_code",
        )?;
        let rows = stmt
            .query_map(params![NominationStatus::Passed.code(), home], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<Vec<(i64, String, String, String)>>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (meeting_id, meeting_number, award_code, award_name) in rows {
            let nominations = self.submission_candidates(meeting_id, &award_code)?;
            out.push(PendingBatch {
                meeting_id,
                meeting_number,
                award_code,
                award_name,
                nominations,
            });
        }
        Ok(out)
    }

    /// Everything a tờ trình needs checked before it is recorded.
    fn prepare_submission(&self, s: &NewSubmission) -> Result<PreparedBatch> {
        let number = self.submission_number(&s.number)?;
        if self.catalogue()?.award(&s.award_code).is_none() {
            return Err(refused(SubmissionRefusal::UnknownAward {
                code: s.award_code.clone(),
            }));
        }
        let meeting = self.meeting(s.meeting_id)?;
        let batch = self.submission_candidates(s.meeting_id, &s.award_code)?;
        let taken: i64 = self.conn().query_row(
            "SELECT count(*) FROM referrals WHERE submission_number = ?1",
            [&number],
            |r| r.get(0),
        )?;
        let reason = s
            .override_reason
            .as_deref()
            .map(nfc)
            .filter(|r| !r.is_empty());
        let referral = NewReferral {
            submission_number: number.clone(),
            submission_date: s.date,
            override_reason: reason.clone(),
        };
        let rules = self.dossier_rules()?;
        // Everything is checked before anything is written.
        let mut prepared = Vec::with_capacity(batch.len());
        let mut ineligible = Vec::new();
        for &id in &batch {
            let subject = self.subject(id)?;
            check_referral(&standing(self.conn(), &subject)?, &referral).map_err(|refusal| {
                refused(SubmissionRefusal::Nomination {
                    nomination: id,
                    refusal,
                })
            })?;
            let evaluation = self.eligibility(id)?;
            if evaluation.needs_override() {
                ineligible.push(IneligibleLine {
                    nomination: id,
                    nominee: self.nominee(subject.nomination.nominee_id)?.name,
                    evaluation: evaluation.clone(),
                });
            }
            let level = subject
                .catalogue
                .home_level()
                .and_then(|home| subject.catalogue.next_level(&home.code))
                .map(|l| l.code.clone())
                .ok_or_else(|| refused(SubmissionRefusal::NoLevelAbove))?;
            let documents: Vec<String> = rules
                .checklist(&subject.award.code, subject.kind.class())
                .into_iter()
                .map(|d| d.code.clone())
                .collect();
            prepared.push((id, subject, level, documents, evaluation));
        }
        check_submission(
            s.meeting_id,
            &s.award_code,
            batch.len(),
            (taken > 0).then_some(number.as_str()),
            ineligible,
            reason.as_deref(),
        )
        .map_err(refused)?;
        let submission_ref = format!("Tờ trình số {number} ngày {}", s.date.format("%d/%m/%Y"));
        let minutes_date = meeting.began_at().get(..10).unwrap_or_default().to_string();
        let minutes_ref = format!(
            "Biên bản số {} ngày {}",
            self.ward_for_documents()?.minutes_number(&meeting.number),
            NaiveDate::parse_from_str(&minutes_date, "%Y-%m-%d")
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or(minutes_date)
        );
        Ok(PreparedBatch {
            number,
            referral,
            reason,
            prepared,
            submission_ref,
            minutes_ref,
        })
    }

    /// Would the tờ trình be recorded? Asked before the confirm.
    pub fn submission_allowed(&self, s: &NewSubmission) -> Result<()> {
        self.prepare_submission(s).map(|_| ())
    }

    /// Record the tờ trình: every candidate is referred to the level above
    /// under its number, and the dossier's tờ trình and minutes are ticked
    /// with their references. All or nothing.
    pub fn record_submission(&mut self, s: &NewSubmission) -> Result<Vec<ReferralId>> {
        let PreparedBatch {
            number,
            referral,
            reason,
            prepared,
            submission_ref,
            minutes_ref,
        } = self.prepare_submission(s)?;
        self.write(|w| {
            let mut ids = Vec::with_capacity(prepared.len());
            for (id, subject, level, documents, evaluation) in &prepared {
                check_referral(&standing(&w.tx, subject)?, &referral)
                    .map_err(nomination_refused(*id))?;
                let rid = insert_referral(
                    w,
                    *id,
                    None,
                    level,
                    &number,
                    s.date,
                    reason.as_deref(),
                    documents,
                )?;
                w.audit(
                    "referrals",
                    rid,
                    "eligibility",
                    None,
                    Some(&serde_json::json!({"verdict": super::awards::json(&evaluation.verdict), "summary": evaluation.summary(Lang::Vi)})),
                )?;
                for (doc, reference) in [(SUBMISSION_DOC, &submission_ref), (MINUTES_DOC, &minutes_ref)] {
                    if documents.iter().any(|d| d == doc) {
                        w.tx.execute(
                            "UPDATE referral_documents SET reference = ?3, ticked_at = ?4 WHERE referral_id = ?1 AND doc_code = ?2",
                            params![rid, doc, reference, w.now],
                        )?;
                        w.audit(
                            "referral_documents",
                            format!("{rid}/{doc}"),
                            "tick",
                            None,
                            Some(&serde_json::json!({"reference": reference})),
                        )?;
                    }
                }
                w.set_nomination_status(*id, NominationStatus::Referred)?;
                ids.push(rid);
            }
            w.audit(
                "referrals",
                number.clone(),
                "submission",
                None,
                Some(&serde_json::json!({
                    "meeting_id": s.meeting_id, "award": s.award_code,
                    "date": date_text(s.date), "referrals": ids,
                })),
            )?;
            Ok(ids)
        })
    }

    /// The recorded tờ trình numbered `number` ("12" or "12/TTr-HĐTĐKT"),
    /// ready to print.
    pub fn submission(&self, number: &str) -> Result<Submission> {
        let number = self.submission_number(number)?;
        let mut stmt = self.conn().prepare(
            "SELECT id FROM referrals WHERE submission_number = ?1 AND parent_id IS NULL ORDER BY id",
        )?;
        let ids = stmt
            .query_map([&number], |r| r.get::<_, ReferralId>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let Some(first) = ids.first() else {
            return Err(StoreError::NotFound {
                what: "tờ trình",
                id: number,
            });
        };
        let first = self.referral(*first)?;
        let mut lines = Vec::with_capacity(ids.len());
        for id in &ids {
            let referral = self.referral(*id)?;
            let nomination = self.nomination(referral.nomination_id)?;
            lines.push(SubmissionLine {
                referral_id: *id,
                nominee: self.nominee(nomination.nominee_id)?,
                checklist: self.referral_checklist(*id)?,
                nomination,
            });
        }
        let catalogue = self.catalogue()?;
        let award_code = lines
            .first()
            .map(|l| l.nomination.award_code.clone())
            .unwrap_or_default();
        let award = catalogue
            .award(&award_code)
            .cloned()
            .ok_or(NominationRefusal::UnknownAward { code: award_code })?;
        let level_name = catalogue
            .level(&first.level)
            .map_or(first.level.clone(), |l| l.name.clone());
        let meeting_id: Option<i64> = self
            .conn()
            .query_row(
                "SELECT a.meeting_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
                 WHERE a.nomination_id = ?1 ORDER BY m.starts_at DESC LIMIT 1",
                [first.nomination_id],
                |r| r.get(0),
            )
            .optional()?;
        let meeting = match meeting_id {
            Some(id) => Some(self.meeting(id)?),
            None => None,
        };
        let ward = self.ward_for_documents()?;
        let date = first.submission_date.unwrap_or_default();
        let signer = self.signing_chair(&ward, date)?;
        Ok(Submission {
            ward,
            number,
            date,
            award,
            level_name,
            meeting,
            signer,
            lines,
        })
    }
}
