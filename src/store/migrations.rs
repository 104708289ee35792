//! Versioned schema migrations, kept in `PRAGMA user_version`.

use rusqlite::{Connection, Transaction};
use rusqlite_migration::{HookError, M, Migrations};

use super::{Result, StoreError, rowproof};

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("sql/001_initial.sql")),
        M::up(include_str!("sql/002_guests.sql")),
        M::up(include_str!("sql/003_awards.sql")),
        // Rows written before row proofs are vouched for as they are now.
        // A later migration that changes what rows hold needs the same hook.
        M::up_with_hook(
            include_str!("sql/004_row_proofs.sql"),
            |tx: &Transaction| {
                let at = chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string();
                rowproof::baseline(tx, &at, &super::default_actor())
                    .map_err(|e| HookError::Hook(e.to_string()))
            },
        ),
        rebaselined(
            include_str!("sql/005_revote_reason.sql"),
            &["ballot_rounds"],
        ),
        rebaselined(include_str!("sql/006_held_times.sql"), &["meetings"]),
        // The ward's identity leaves the council's row: every council and
        // member row changes shape, so the baseline is taken again.
        M::up_with_hook(
            include_str!("sql/007_ward_and_terms.sql"),
            |tx: &Transaction| {
                let at = chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string();
                super::ward::carry_over(tx)
                    .and_then(|()| rowproof::baseline(tx, &at, &super::default_actor()))
                    .map_err(|e| HookError::Hook(e.to_string()))
            },
        ),
        // An index, not a record: no row of the record changes.
        M::up(include_str!("sql/008_search_index.sql")),
        rebaselined(
            include_str!("sql/009_movement_groups.sql"),
            &["criteria_groups"],
        ),
        // New tables only: no row of the record changes shape.
        M::up(include_str!("sql/010_decision_batches.sql")),
        // Tables built anew with checks on their code columns; every row is
        // copied as it was (same columns in the same order), so the row
        // proofs hold without a new baseline, which would vouch for an edit
        // made outside hoidong before the upgrade.
        M::up(include_str!("sql/011_code_checks.sql")).foreign_key_check(),
        // An index, not a record: no row of the record changes.
        M::up(include_str!("sql/012_agenda_by_nomination.sql")),
    ])
}

/// A migration that adds columns to `tables`: the digests of their rows
/// change with it, so they are proven anew as they stand after it.
fn rebaselined(sql: &'static str, tables: &'static [&'static str]) -> M<'static> {
    M::up_with_hook(sql, move |tx: &Transaction| {
        let at = chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string();
        rowproof::baseline_tables(tx, &at, &super::default_actor(), Some(tables))
            .map_err(|e| HookError::Hook(e.to_string()))
    })
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 12;

/// The first version whose every row is proven by the audit log.
pub const ROW_PROOFS_SINCE: i64 = 4;

pub fn migrate(conn: &mut Connection) -> Result<()> {
    without_foreign_keys(conn, |conn| migrations().to_latest(conn))
}

/// Run migrations with foreign keys off: a migration that builds a table
/// anew drops the old one, which with them on would delete every row that
/// refers to it. Migrations that do so check the keys before they commit.
fn without_foreign_keys(
    conn: &mut Connection,
    run: impl FnOnce(&mut Connection) -> rusqlite_migration::Result<()>,
) -> Result<()> {
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let done = run(conn).map_err(|e| StoreError::Migration(e.to_string()));
    conn.pragma_update(None, "foreign_keys", enforced)?;
    done
}

/// Bring a database to exactly `version` (tests of upgrades from older schemas).
pub fn migrate_to(conn: &mut Connection, version: usize) -> Result<()> {
    without_foreign_keys(conn, |conn| migrations().to_version(conn, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
        let mut conn = Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        migrate(&mut conn).unwrap_or_else(|e| panic!("{e}"));
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v, SCHEMA_VERSION);
    }
}
