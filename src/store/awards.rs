//! Decisions of the ward chairman, the award register, eligibility checks on
//! it, and the awards board. Referrals are in `referrals.rs`.

use crate::domain::nomination_rules::{self, NominationRefusal};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::award_checks::{nomination_refused, standing};
use super::stored_code::decode;
use super::{Result, Store, StoreError, Tx};
use crate::domain::award::{Award, Catalogue, MeritKind};
use crate::domain::award_steps::check_decision;
use crate::domain::eligibility::{EligibilityRules, Evaluation};
use crate::domain::nomination::{Nomination, NominationId, NominationStatus};
use crate::domain::nominee::{NomineeId, NomineeKind};
use crate::domain::referral::ReferralStatus;
use crate::domain::register::{
    AwardsBoard, Decision, EarlierAward, LevelStatusCount, NewDecision, RegisterEntry,
    RegisterSource, WaitingReferral, YearLevelCount, order_waiting,
};
use crate::domain::text::{fold, matches_folded, nfc};
use crate::domain::text_rules::{self, TextField};

/// Setting (in `meta`) holding the council's own eligibility rules as TOML;
/// absent means the rules shipped in `data/eligibility.toml`.
pub const ELIGIBILITY_SETTING: &str = "eligibility_rules";

pub(crate) fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn parse_date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub(crate) fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

fn merit_code(m: MeritKind) -> &'static str {
    match m {
        MeritKind::Merit => "merit",
        MeritKind::Movement => "movement",
        MeritKind::OneOff => "one_off",
    }
}

fn merit_from_code(s: &str) -> Option<MeritKind> {
    [MeritKind::Merit, MeritKind::Movement, MeritKind::OneOff]
        .into_iter()
        .find(|m| merit_code(*m) == s)
}

/// A register row before it is stored.
pub(crate) struct RegisterRow<'a> {
    pub nominee_id: NomineeId,
    pub award_code: &'a str,
    pub year: i32,
    pub decision_number: &'a str,
    pub decision_date: Option<NaiveDate>,
    pub authority: &'a str,
    pub nomination_id: Option<NominationId>,
    pub source: RegisterSource,
    pub merit: Option<MeritKind>,
    pub note: &'a str,
}

impl Tx<'_> {
    pub(crate) fn insert_register_entry(&self, r: &RegisterRow<'_>) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO award_register (nominee_id, award_code, year, decision_number, decision_date, authority, nomination_id, source, note, merit)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                r.nominee_id,
                r.award_code,
                r.year,
                nfc(r.decision_number),
                r.decision_date.map(date_text),
                nfc(r.authority),
                r.nomination_id,
                r.source.code(),
                nfc(r.note),
                r.merit.map(merit_code)
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        let after = serde_json::json!({
            "nominee_id": r.nominee_id, "award_code": r.award_code, "year": r.year,
            "decision_number": nfc(r.decision_number), "decision_date": r.decision_date.map(date_text),
            "authority": nfc(r.authority), "nomination_id": r.nomination_id,
            "source": r.source.code(), "merit": r.merit.map(merit_code), "note": nfc(r.note),
        });
        self.audit("award_register", id, "insert", None, Some(&after))?;
        Ok(id)
    }
}

const REGISTER_SELECT: &str = "SELECT r.id, r.nominee_id, e.name, e.kind, e.unit, r.award_code, a.short_name, a.decided_at,
        r.year, r.decision_number, r.decision_date, r.authority, r.nomination_id, r.source, r.merit, r.note
     FROM award_register r JOIN nominees e ON e.id = r.nominee_id JOIN awards a ON a.code = r.award_code";

fn register_from_row(r: &Row<'_>) -> rusqlite::Result<RegisterEntry> {
    let kind: String = r.get(3)?;
    let source: String = r.get(13)?;
    let merit: Option<String> = r.get(14)?;
    let id: i64 = r.get(0)?;
    let nominee_id: NomineeId = r.get(1)?;
    Ok(RegisterEntry {
        id,
        nominee_id,
        nominee_name: r.get(2)?,
        nominee_kind: decode(
            NomineeKind::from_code,
            &kind,
            "nominees",
            nominee_id,
            "kind",
        )?,
        unit: r.get(4)?,
        award_code: r.get(5)?,
        award_name: r.get(6)?,
        award_level: r.get(7)?,
        year: r.get(8)?,
        decision_number: r.get(9)?,
        decision_date: parse_date(r.get(10)?),
        authority: r.get(11)?,
        nomination_id: r.get(12)?,
        source: decode(
            RegisterSource::from_code,
            &source,
            "award_register",
            id,
            "source",
        )?,
        merit: merit
            .map(|m| decode(merit_from_code, &m, "award_register", id, "merit"))
            .transpose()?,
        note: r.get(15)?,
    })
}

/// What decisions and referrals need to know of a nomination.
pub(crate) struct Subject {
    pub nomination: Nomination,
    pub kind: NomineeKind,
    pub award: Award,
    pub catalogue: Catalogue,
}

impl Store {
    pub(crate) fn subject(&self, id: NominationId) -> Result<Subject> {
        let nomination = self.nomination(id)?;
        let kind = self.nominee(nomination.nominee_id)?.kind;
        let catalogue = self.catalogue()?;
        let award = catalogue
            .award(&nomination.award_code)
            .cloned()
            .ok_or_else(|| NominationRefusal::UnknownAward {
                code: nomination.award_code.clone(),
            })?;
        Ok(Subject {
            nomination,
            kind,
            award,
            catalogue,
        })
    }

    /// Record the ward chairman's decision on a passed nomination for an award
    /// the ward decides: the nomination becomes decided and the award enters
    /// the register.
    pub fn decide(&mut self, id: NominationId, d: &NewDecision) -> Result<i64> {
        let s = self.subject(id)?;
        let checked = NewDecision {
            number: text_rules::line(TextField::DecisionNumber, &d.number)?,
            date: d.date,
            signer: text_rules::name(TextField::Signer, &d.signer)?,
        };
        self.write(|w| {
            // Checked in the transaction that records it, so nothing slips in between.
            check_decision(&standing(&w.tx, &s)?, &checked).map_err(nomination_refused(id))?;
            w.record_decision_row(&s, &checked)
        })
    }

    pub fn decision_of(&self, nomination: NominationId) -> Result<Option<Decision>> {
        let row = self
            .conn()
            .query_row(
                "SELECT id, nomination_id, number, date, signer FROM decisions WHERE nomination_id = ?1",
                [nomination],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                },
            )
            .optional()?;
        Ok(row.and_then(|(id, nomination_id, number, date, signer)| {
            Some(Decision {
                id,
                nomination_id,
                number,
                date: parse_date(Some(date))?,
                signer,
            })
        }))
    }

    /// Enter an award the nominee held before: it counts for eligibility.
    pub fn add_earlier_award(&mut self, a: &EarlierAward) -> Result<i64> {
        self.nominee(a.nominee_id)?;
        let catalogue = self.catalogue()?;
        let award =
            catalogue
                .award(&a.award_code)
                .ok_or_else(|| NominationRefusal::UnknownAward {
                    code: a.award_code.clone(),
                })?;
        nomination_rules::earlier_award_year(a.year)?;
        let number = text_rules::line(TextField::DecisionNumber, &a.decision_number)?;
        let note = text_rules::text(TextField::Note, &a.note)?;
        let authority = match text_rules::line(TextField::Authority, &a.authority)? {
            given if given.is_empty() => award.granted_by.clone(),
            given => given,
        };
        self.write(|w| {
            w.insert_register_entry(&RegisterRow {
                nominee_id: a.nominee_id,
                award_code: &a.award_code,
                year: a.year,
                decision_number: &number,
                decision_date: a.decision_date,
                authority: &authority,
                nomination_id: None,
                source: RegisterSource::Earlier,
                merit: a.merit,
                note: &note,
            })
        })
    }

    /// Every award a nominee holds, newest first.
    pub fn award_history(&self, nominee: NomineeId) -> Result<Vec<RegisterEntry>> {
        let mut stmt = self.conn().prepare(&format!(
            "{REGISTER_SELECT} WHERE r.nominee_id = ?1 ORDER BY r.year DESC, a.rank DESC, r.id DESC"
        ))?;
        let rows = stmt.query_map([nominee], register_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The whole register in Vietnamese order of names, newest year first per name.
    pub fn register_entries(&self) -> Result<Vec<RegisterEntry>> {
        let mut stmt = self.conn().prepare(&format!(
            "{REGISTER_SELECT} ORDER BY e.name_sort, r.year DESC, a.rank DESC, r.id"
        ))?;
        let rows = stmt.query_map([], register_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Register entries whose nominee, unit, award, decision or authority
    /// matches every word of `text`, ignoring case and tones.
    pub fn search_register(&self, text: &str) -> Result<Vec<RegisterEntry>> {
        Ok(self
            .register_entries()?
            .into_iter()
            .filter(|e| {
                let hay = fold(&format!(
                    "{} | {} | {} | {} | {} | {}",
                    e.nominee_name, e.unit, e.award_name, e.decision_number, e.authority, e.year
                ));
                matches_folded(&hay, text)
            })
            .collect())
    }

    /// The eligibility rules in force: the council's own, or the shipped ones.
    pub fn eligibility_rules(&self) -> Result<EligibilityRules> {
        match self.setting(ELIGIBILITY_SETTING)? {
            Some(text) => EligibilityRules::parse(&text).map_err(|detail| StoreError::Unreadable {
                what: "eligibility rules",
                detail,
            }),
            None => EligibilityRules::built_in().map_err(|detail| StoreError::BuiltIn { detail }),
        }
    }

    /// The text of the rules in force (TOML), to show or edit.
    pub fn eligibility_rules_text(&self) -> Result<String> {
        Ok(self
            .setting(ELIGIBILITY_SETTING)?
            .unwrap_or_else(|| crate::domain::eligibility::ELIGIBILITY_TOML.to_string()))
    }

    /// Replace the eligibility rules with the council's own (checked against
    /// the catalogue first), or go back to the shipped ones with `None`.
    pub fn set_eligibility_rules(&mut self, text: Option<&str>) -> Result<()> {
        let Some(text) = text else {
            let before = self.setting(ELIGIBILITY_SETTING)?;
            return self.write(|w| {
                w.tx.execute("DELETE FROM meta WHERE key = ?1", [ELIGIBILITY_SETTING])?;
                w.audit(
                    "meta",
                    ELIGIBILITY_SETTING,
                    "delete",
                    before.map(serde_json::Value::String).as_ref(),
                    None,
                )
            });
        };
        let rules = EligibilityRules::parse(text)
            .map_err(|e| StoreError::EligibilityRules { problems: vec![e] })?;
        let problems = rules.check(&self.catalogue()?);
        if !problems.is_empty() {
            return Err(StoreError::EligibilityRules { problems });
        }
        self.set_setting(ELIGIBILITY_SETTING, text)
    }

    /// Check a nomination's award against the nominee's register as of the
    /// nomination's year (the nomination's own register entry left out).
    pub fn eligibility(&self, id: NominationId) -> Result<Evaluation> {
        let s = self.subject(id)?;
        let rules = self.eligibility_rules()?;
        let history: Vec<_> = self
            .award_history(s.nomination.nominee_id)?
            .iter()
            .filter(|e| e.nomination_id != Some(id))
            .map(RegisterEntry::held)
            .collect();
        let hold = self.open_hold_reason(s.nomination.nominee_id)?;
        Ok(rules.evaluate(
            &s.catalogue,
            &s.award.code,
            s.kind.class(),
            s.nomination.round.year(),
            &history,
            hold.as_deref(),
        ))
    }

    /// Counts per level and status, open referrals waiting longest first, and
    /// register entries per year and level, as of `today`.
    pub fn awards_board(&self, today: NaiveDate) -> Result<AwardsBoard> {
        let mut stmt = self.conn().prepare(
            "SELECT a.decided_at, l.name, n.status, count(*), min(n.id) FROM nominations n
             JOIN awards a ON a.code = n.award_code JOIN levels l ON l.code = a.decided_at
             GROUP BY a.decided_at, n.status ORDER BY l.rank, n.status",
        )?;
        let by_level_status = stmt
            .query_map([], |r| {
                let status: String = r.get(2)?;
                Ok(LevelStatusCount {
                    level: r.get(0)?,
                    level_name: r.get(1)?,
                    // One of the rows counted, to name if its status is unknown.
                    status: decode(
                        NominationStatus::from_code,
                        &status,
                        "nominations",
                        r.get::<_, i64>(4)?,
                        "status",
                    )?,
                    count: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let open: Vec<String> = ReferralStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .map(|s| format!("'{}'", s.code()))
            .collect();
        let mut stmt = self.conn().prepare(&format!(
            "SELECT f.id, f.nomination_id, e.name, a.short_name, f.level, l.name, f.status,
                    (SELECT max(at) FROM referral_events WHERE referral_id = f.id)
             FROM referrals f JOIN nominations n ON n.id = f.nomination_id
             JOIN nominees e ON e.id = n.nominee_id JOIN awards a ON a.code = n.award_code
             JOIN levels l ON l.code = f.level
             WHERE f.status IN ({})",
            open.join(", ")
        ))?;
        let waiting = stmt
            .query_map([], |r| {
                let status: String = r.get(6)?;
                Ok(WaitingReferral {
                    referral_id: r.get(0)?,
                    nomination_id: r.get(1)?,
                    nominee_name: r.get(2)?,
                    award_name: r.get(3)?,
                    level: r.get(4)?,
                    level_name: r.get(5)?,
                    status: decode(
                        ReferralStatus::from_code,
                        &status,
                        "referrals",
                        r.get::<_, i64>(0)?,
                        "status",
                    )?,
                    since: parse_date(r.get(7)?).unwrap_or(today),
                    days: 0,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn().prepare(
            "SELECT r.year, a.decided_at, count(*) FROM award_register r JOIN awards a ON a.code = r.award_code
             JOIN levels l ON l.code = a.decided_at GROUP BY r.year, a.decided_at ORDER BY r.year, l.rank",
        )?;
        let by_year_level = stmt
            .query_map([], |r| {
                Ok(YearLevelCount {
                    year: r.get(0)?,
                    level: r.get(1)?,
                    count: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(AwardsBoard {
            by_level_status,
            waiting: order_waiting(waiting, today),
            by_year_level,
        })
    }
}
