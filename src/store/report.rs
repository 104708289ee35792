//! What the year's report reads: the register and every referral, handed to
//! `domain::report` which does the counting.

use super::awards::parse_date;
use super::stored_code::decode;
use super::{Result, Store, StoreError};
use crate::domain::prize::PrizeTable;
use crate::domain::referral::ReferralStatus;
use crate::domain::report::{Period, ReferralFact, YearReport, year_report};

impl Store {
    /// Every referral with its award and the level it went to.
    pub fn referral_facts(&self) -> Result<Vec<ReferralFact>> {
        let mut stmt = self.conn().prepare(
            "SELECT n.award_code, a.name, r.level, l.rank, r.submission_date, r.status, n.round_year, r.id
             FROM referrals r
             JOIN nominations n ON n.id = r.nomination_id
             JOIN awards a ON a.code = n.award_code
             JOIN levels l ON l.code = r.level
             ORDER BY r.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i32>(6)?,
                r.get::<_, i64>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (award_code, award_name, level, rank, date, status, year, id) = row?;
            let status = decode(
                ReferralStatus::from_code,
                &status,
                "referrals",
                id,
                "status",
            )?;
            out.push(ReferralFact {
                award_code,
                award_name,
                level,
                level_rank: u8::try_from(rank).unwrap_or(u8::MAX),
                year,
                submission_date: parse_date(date),
                status,
            });
        }
        Ok(out)
    }

    /// The report of `period` at the prize figures of `data/prizes.toml`.
    pub fn year_report(&self, period: Period) -> Result<YearReport> {
        let table = PrizeTable::built_in().map_err(|detail| StoreError::BuiltIn { detail })?;
        let catalogue = self.catalogue()?;
        let entries = self.register_entries()?;
        let facts = self.referral_facts()?;
        Ok(year_report(
            period,
            &entries,
            |code| catalogue.level(code).map_or(0, |l| l.rank),
            &facts,
            &table,
        ))
    }
}
