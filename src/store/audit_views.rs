//! Reading the audit log for the audit screen: pages of entries, newest
//! first, about a set of records (a nomination and everything recorded about
//! it: decision, referrals and their documents, register entries, scores).

use rusqlite::types::Value;

use super::audit::AuditEntry;
use super::{Result, Store};
use crate::domain::nomination::NominationId;

/// Entries about one record, or about every record whose id starts with
/// `id` when `prefix` is set (scores are kept as "nomination/member/criterion").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub table: String,
    pub id: String,
    pub prefix: bool,
}

impl AuditRecord {
    fn exact(table: &str, id: impl ToString) -> AuditRecord {
        AuditRecord {
            table: table.into(),
            id: id.to_string(),
            prefix: false,
        }
    }

    fn starting(table: &str, id: String) -> AuditRecord {
        AuditRecord {
            table: table.into(),
            id,
            prefix: true,
        }
    }
}

impl Store {
    /// The records the audit log may hold about a nomination.
    pub fn nomination_audit_records(&self, id: NominationId) -> Result<Vec<AuditRecord>> {
        let mut out = vec![
            AuditRecord::exact("nominations", id),
            AuditRecord::starting("scores", format!("{id}/")),
            AuditRecord::starting("recusals", format!("{id}/")),
        ];
        let ids = |sql: &str| -> Result<Vec<i64>> {
            let mut stmt = self.conn().prepare(sql)?;
            let rows = stmt.query_map([id], |r| r.get::<_, i64>(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        };
        for d in ids("SELECT id FROM decisions WHERE nomination_id = ?1")? {
            out.push(AuditRecord::exact("decisions", d));
        }
        for r in ids("SELECT id FROM referrals WHERE nomination_id = ?1")? {
            out.push(AuditRecord::exact("referrals", r));
            out.push(AuditRecord::starting("referral_documents", format!("{r}/")));
        }
        for e in ids("SELECT id FROM award_register WHERE nomination_id = ?1")? {
            out.push(AuditRecord::exact("award_register", e));
        }
        for e in ids("SELECT id FROM evidence WHERE nomination_id = ?1")? {
            out.push(AuditRecord::exact("evidence", e));
        }
        Ok(out)
    }

    /// A page of entries about `records` (every entry when empty), newest
    /// first, and how many there are in all.
    pub fn audit_page(
        &self,
        records: &[AuditRecord],
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<AuditEntry>, u32)> {
        let mut params: Vec<Value> = Vec::new();
        let mut terms = Vec::new();
        for r in records {
            let n = params.len();
            if r.prefix {
                terms.push(format!(
                    "(table_name = ?{} AND substr(record_id, 1, length(?{})) = ?{})",
                    n + 1,
                    n + 2,
                    n + 2
                ));
            } else {
                terms.push(format!(
                    "(table_name = ?{} AND record_id = ?{})",
                    n + 1,
                    n + 2
                ));
            }
            params.push(Value::Text(r.table.clone()));
            params.push(Value::Text(r.id.clone()));
        }
        let filter = if terms.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", terms.join(" OR "))
        };
        let total: u32 = self.conn().query_row(
            &format!("SELECT count(*) FROM audit_log {filter}"),
            rusqlite::params_from_iter(params.iter()),
            |r| r.get(0),
        )?;
        let n = params.len();
        params.push(Value::Integer(i64::from(limit)));
        params.push(Value::Integer(i64::from(offset)));
        let mut stmt = self.conn().prepare(&format!(
            "SELECT id, at, actor, table_name, record_id, action, before, after, prev_hash, hash
             FROM audit_log {filter} ORDER BY id DESC LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        ))?;
        let rows = stmt.query_map(
            rusqlite::params_from_iter(params.iter()),
            super::audit::row_to_entry,
        )?;
        Ok((rows.collect::<rusqlite::Result<Vec<_>>>()?, total))
    }

    /// The head of the audit chain now (`hoidong anchor`, printed documents).
    pub fn chain_head(&self) -> Result<super::audit::Head> {
        super::audit::head(self.conn())
    }

    /// How many entries the audit log holds.
    pub fn audit_count(&self) -> Result<u32> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
    }
}
