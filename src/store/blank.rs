//! Whether a database is still as `hoidong init` made it: no ward, council,
//! nominee, meeting or award yet. The first run offers the demo only then.

use super::{Result, Store};

impl Store {
    /// True when the file holds no record of a ward's own yet.
    pub fn is_blank(&self) -> Result<bool> {
        let held: i64 = self.conn().query_row(
            "SELECT (SELECT count(*) FROM ward_identity) + (SELECT count(*) FROM councils) \
             + (SELECT count(*) FROM nominees) + (SELECT count(*) FROM meetings) \
             + (SELECT count(*) FROM award_register)",
            [],
            |r| r.get(0),
        )?;
        Ok(held == 0)
    }

    /// True when the ward's identity or a council in office is missing: the
    /// set-up has something left to do.
    pub fn needs_setup(&self) -> Result<bool> {
        Ok(self.ward()?.is_none() || self.council()?.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_blank_and_the_demo_is_not() {
        let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        assert!(store.is_blank().unwrap_or(false));
        assert!(store.needs_setup().unwrap_or(false));
        crate::demo::populate(&mut store, crate::demo::demo_spec())
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!store.is_blank().unwrap_or(true));
        assert!(!store.needs_setup().unwrap_or(true));
    }
}
