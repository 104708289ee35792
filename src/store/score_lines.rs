//! The score lines of one nomination as the export lists them: every score
//! and every recusal, members in the council's order (chair first), criteria
//! in the plan's order. One cached statement, run once per nomination.

use super::{Result, Store};
use crate::domain::nomination::NominationId;

/// One member's score on one criterion, or one member's recusal.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreLine {
    pub member: String,
    pub criterion_code: String,
    pub criterion_text: String,
    pub tenths: Option<u32>,
    pub max_score: u32,
    pub weight: f64,
    /// The reason, when the member recused themself (no score then).
    pub recusal: Option<String>,
}

const ROLE_RANK: &str = "CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'standing_member' THEN 2 WHEN 'secretary' THEN 3 ELSE 4 END";

impl Store {
    /// The score lines of a nomination, in the order the export writes them.
    pub fn score_lines(&self, nomination: NominationId) -> Result<Vec<ScoreLine>> {
        let sql = format!(
            "SELECT m.name, c.code, c.text, s.tenths, c.max_score, c.weight, NULL,
                    {ROLE_RANK}, m.name_sort, m.id, g.position, c.position
             FROM scores s JOIN members m ON m.id = s.member_id JOIN criteria c ON c.code = s.criterion_code
             JOIN criteria_groups g ON g.code = c.group_code
             WHERE s.nomination_id = ?1
               AND NOT EXISTS (SELECT 1 FROM recusals r WHERE r.nomination_id = s.nomination_id AND r.member_id = s.member_id)
             UNION ALL
             SELECT m.name, '', '', NULL, 0, 0.0, r.reason, {ROLE_RANK}, m.name_sort, m.id, -1, -1
             FROM recusals r JOIN members m ON m.id = r.member_id
             WHERE r.nomination_id = ?1
             ORDER BY 8, 9, 10, 11, 12"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let lines = stmt
            .query_map([nomination], |r| {
                Ok(ScoreLine {
                    member: r.get(0)?,
                    criterion_code: r.get(1)?,
                    criterion_text: r.get(2)?,
                    tenths: r.get(3)?,
                    max_score: r.get(4)?,
                    weight: r.get(5)?,
                    recusal: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(lines)
    }
}
