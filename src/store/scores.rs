//! Criteria scores per member, recusals, and the consolidated score kept on
//! the nomination so that the dashboard can sort by it.

use rusqlite::{OptionalExtension, params};

use super::stored_code::decode;
use super::{Result, Store, Tx};
use crate::domain::criteria::Criterion;
use crate::domain::nomination::NominationId;
use crate::domain::nomination_rules::{self, NominationRefusal};
use crate::domain::nominee::NomineeKind;
use crate::domain::scoring::{MemberId, Score, nomination_score};

/// Everything needed to show and score one nomination.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreSheet {
    pub nomination_id: NominationId,
    pub criteria: Vec<Criterion>,
    pub members: Vec<crate::domain::council::Member>,
    pub scores: Vec<Score>,
    pub recused: Vec<(MemberId, String)>,
    pub consolidated: Option<f64>,
}

impl Tx<'_> {
    /// Recompute and store the consolidated score of a nomination.
    pub fn refresh_score(&self, nomination: NominationId) -> Result<Option<f64>> {
        let sheet = load_sheet(&self.tx, nomination, &self.now)?;
        self.tx
            .prepare_cached("UPDATE nominations SET score = ?2 WHERE id = ?1")?
            .execute(params![nomination, sheet.consolidated])?;
        Ok(sheet.consolidated)
    }

    pub fn put_score(&self, nomination: NominationId, s: &Score) -> Result<()> {
        self.put_score_unaudited(nomination, s)?;
        self.audit(
            "scores",
            format!("{nomination}/{}/{}", s.member_id, s.criterion_code),
            "put",
            None,
            Some(&serde_json::json!({"tenths": s.tenths})),
        )
    }

    /// The score alone, checked; callers record the audit entry (a bulk
    /// action records one for all its rows).
    pub(crate) fn put_score_unaudited(&self, nomination: NominationId, s: &Score) -> Result<()> {
        let max: Option<u32> = self
            .tx
            .prepare_cached("SELECT max_score FROM criteria WHERE code = ?1")?
            .query_row([&s.criterion_code], |r| r.get(0))
            .ok();
        let max = max.ok_or_else(|| NominationRefusal::UnknownCriterion {
            code: s.criterion_code.clone(),
        })?;
        nomination_rules::score(s.tenths, max, &s.criterion_code)?;
        self.tx.prepare_cached(
            "INSERT INTO scores (nomination_id, member_id, criterion_code, tenths, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (nomination_id, member_id, criterion_code) DO UPDATE SET tenths = excluded.tenths, updated_at = excluded.updated_at",
        )?
        .execute(params![nomination, s.member_id, s.criterion_code, s.tenths, self.now])?;
        Ok(())
    }
}

fn criteria_for(conn: &rusqlite::Connection, nomination: NominationId) -> Result<Vec<Criterion>> {
    let (kind, nominee): (String, i64) = conn
        .prepare_cached(
            "SELECT e.kind, e.id FROM nominations n JOIN nominees e ON e.id = n.nominee_id WHERE n.id = ?1",
        )?
        .query_row([nomination], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let kind = decode(NomineeKind::from_code, &kind, "nominees", nominee, "kind")?;
    // The criteria of the nomination's own movement, in the groups that
    // apply to its nominee's kind.
    let mut stmt = conn.prepare_cached(
        "SELECT c.code, c.text, c.max_score, c.weight
         FROM nominations n
         JOIN criteria_groups g ON g.movement_id = n.movement_id
         JOIN criteria c ON c.group_code = g.code
         WHERE n.id = ?1 AND EXISTS (SELECT 1 FROM json_each(g.kinds) WHERE value = ?2)
         ORDER BY g.position, c.position",
    )?;
    let rows = stmt.query_map(params![nomination, kind.code()], |r| {
        Ok(Criterion {
            code: r.get(0)?,
            text: r.get(1)?,
            max_score: r.get(2)?,
            weight: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The members who score today: those of the council in office now (the
/// one established last) whose membership has not ended.
fn scoring_members(
    conn: &rusqlite::Connection,
    today: &str,
) -> Result<Vec<crate::domain::council::Member>> {
    use super::council::{MEMBER_COLUMNS, MEMBER_ORDER, member_from_row};
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MEMBER_COLUMNS} FROM members
         WHERE council_id = (SELECT id FROM councils ORDER BY id DESC LIMIT 1)
         ORDER BY {MEMBER_ORDER}"
    ))?;
    let all = stmt
        .query_map([], member_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(all
        .into_iter()
        .filter(|m| {
            m.term_end
                .as_deref()
                .is_none_or(|e| e >= today.get(..10).unwrap_or(today))
        })
        .collect())
}

fn load_sheet(
    conn: &rusqlite::Connection,
    nomination: NominationId,
    today: &str,
) -> Result<ScoreSheet> {
    let criteria = criteria_for(conn, nomination)?;
    let members = scoring_members(conn, today)?;
    let mut stmt = conn.prepare_cached(
        "SELECT member_id, criterion_code, tenths FROM scores WHERE nomination_id = ?1",
    )?;
    let scores = stmt
        .query_map([nomination], |r| {
            Ok(Score {
                member_id: r.get(0)?,
                criterion_code: r.get(1)?,
                tenths: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt =
        conn.prepare_cached("SELECT member_id, reason FROM recusals WHERE nomination_id = ?1")?;
    let recused = stmt
        .query_map([nomination], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let method: Option<String> = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'aggregation'")?
        .query_row([], |r| r.get::<_, String>(0))
        .optional()?;
    // A file that never chose a method scores by the mean (the default).
    let method = match method {
        Some(code) => decode(
            crate::domain::scoring::Aggregation::from_code,
            &code,
            "meta",
            "aggregation",
            "value",
        )?,
        None => crate::domain::scoring::Aggregation::default(),
    };
    let member_ids: Vec<MemberId> = members.iter().map(|m| m.id).collect();
    let recused_ids: Vec<MemberId> = recused.iter().map(|(m, _)| *m).collect();
    let consolidated = nomination_score(method, &criteria, &scores, &member_ids, &recused_ids);
    Ok(ScoreSheet {
        nomination_id: nomination,
        criteria,
        members,
        scores,
        recused,
        consolidated,
    })
}

impl Store {
    pub fn score_sheet(&self, nomination: NominationId) -> Result<ScoreSheet> {
        load_sheet(self.conn(), nomination, &self.now())
    }

    pub fn put_score(&mut self, nomination: NominationId, s: &Score) -> Result<Option<f64>> {
        self.write(|w| {
            w.put_score(nomination, s)?;
            w.refresh_score(nomination)
        })
    }

    pub fn clear_score(
        &mut self,
        nomination: NominationId,
        member: MemberId,
        criterion: &str,
    ) -> Result<Option<f64>> {
        self.write(|w| {
            w.tx.execute(
                "DELETE FROM scores WHERE nomination_id = ?1 AND member_id = ?2 AND criterion_code = ?3",
                params![nomination, member, criterion],
            )?;
            w.audit("scores", format!("{nomination}/{member}/{criterion}"), "delete", None, None)?;
            w.refresh_score(nomination)
        })
    }

    /// Mark a member recused (conflict of interest) or not, for one nomination.
    pub fn set_recusal(
        &mut self,
        nomination: NominationId,
        member: MemberId,
        reason: Option<&str>,
    ) -> Result<Option<f64>> {
        self.write(|w| {
            match reason {
                Some(r) => {
                    w.tx.execute(
                        "INSERT INTO recusals (nomination_id, member_id, reason) VALUES (?1, ?2, ?3)
                         ON CONFLICT (nomination_id, member_id) DO UPDATE SET reason = excluded.reason",
                        params![nomination, member, crate::domain::text::nfc(r)],
                    )?;
                    w.audit("recusals", format!("{nomination}/{member}"), "insert", None, Some(&serde_json::json!({"reason": r})))?;
                }
                None => {
                    w.tx.execute(
                        "DELETE FROM recusals WHERE nomination_id = ?1 AND member_id = ?2",
                        params![nomination, member],
                    )?;
                    w.audit("recusals", format!("{nomination}/{member}"), "delete", None, None)?;
                }
            }
            w.refresh_score(nomination)
        })
    }
}
