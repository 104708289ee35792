//! The trigram index behind search holds no data of its own: it is derived
//! from the nominations' folded text. If it fell out of step (edited by
//! another program), search would hide rows, so `check` asks it, and
//! `reindex` builds it again from the rows.

use rusqlite::{Connection, ErrorCode};

use super::{Result, Store};

/// Whether the index names exactly the rows and words of the nominations
/// table. `None`: it could not be asked (the file is read-only or another
/// program is writing), which says nothing either way.
pub fn in_step(conn: &Connection) -> Result<Option<bool>> {
    // The check is an INSERT of a command, so SQLite runs it as a write,
    // though it writes nothing: a query-only connection lets this one
    // statement through and is query-only again after it.
    let query_only: bool = conn.pragma_query_value(None, "query_only", |r| r.get(0))?;
    if query_only {
        conn.pragma_update(None, "query_only", false)?;
    }
    let asked = conn.execute(
        "INSERT INTO nomination_search (nomination_search, rank) VALUES ('integrity-check', 1)",
        [],
    );
    if query_only {
        conn.pragma_update(None, "query_only", true)?;
    }
    match asked {
        Ok(_) => Ok(Some(true)),
        Err(e) => match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) => Ok(Some(false)),
            Some(
                ErrorCode::ReadOnly
                | ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::CannotOpen,
            ) => Ok(None),
            _ => Err(e.into()),
        },
    }
}

impl Store {
    /// Build the search index again from the rows; the number of rows it
    /// now names. No record changes.
    pub fn rebuild_search_index(&mut self) -> Result<i64> {
        self.conn().execute_batch(
            "INSERT INTO nomination_search (nomination_search) VALUES ('rebuild')",
        )?;
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM nomination_search_docsize", [], |r| {
                r.get(0)
            })?)
    }
}
