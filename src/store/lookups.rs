//! Small lists the entry forms offer to pick from: units already written,
//! rounds in use.

use super::stored_code::decode;
use super::{Result, Store};
use crate::domain::movement::Round;

impl Store {
    /// Units of nominees and proposing units already in the database, each once,
    /// in Vietnamese order.
    pub fn known_units(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare(
            "SELECT unit FROM nominees WHERE unit <> ''
             UNION SELECT proposing_unit FROM nominations WHERE proposing_unit <> ''",
        )?;
        let mut units = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        units.sort_by(|a, b| crate::domain::text::vi_cmp(a, b));
        units.dedup();
        Ok(units)
    }

    /// Rounds that have nominations, in `Round::listing_order`.
    pub fn rounds_in_use(&self) -> Result<Vec<Round>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT round, min(id) FROM nominations GROUP BY round")?;
        let mut rounds: Vec<Round> = stmt
            .query_map([], |r| {
                let code: String = r.get(0)?;
                decode(
                    Round::parse,
                    &code,
                    "nominations",
                    r.get::<_, i64>(1)?,
                    "round",
                )
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Round::sort_for_listing(&mut rounds);
        Ok(rounds)
    }
}
