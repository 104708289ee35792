//! Holding a nominee's awards back (discipline, inspection) and lifting the
//! hold: the rules the store checks inside the transaction.

use chrono::NaiveDate;

use super::text::nfc;

/// Why a hold, or its lifting, was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HoldRefusal {
    /// A hold needs the discipline or inspection behind it.
    NoReason,
    AlreadyLifted {
        id: i64,
    },
    /// Lifted before it began.
    LiftedBeforeStart {
        id: i64,
        date: NaiveDate,
        from: NaiveDate,
    },
}

/// The reason of a hold, cleaned; it may not be empty.
pub fn reason(text: &str) -> Result<String, HoldRefusal> {
    let reason = nfc(text.trim());
    if reason.is_empty() {
        return Err(HoldRefusal::NoReason);
    }
    Ok(reason)
}

/// The hold `id`, begun on `from` and lifted already or not, may be lifted on `date`.
pub fn lift(id: i64, from: NaiveDate, lifted: bool, date: NaiveDate) -> Result<(), HoldRefusal> {
    if lifted {
        return Err(HoldRefusal::AlreadyLifted { id });
    }
    if date < from {
        return Err(HoldRefusal::LiftedBeforeStart { id, date, from });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap_or_default()
    }

    #[test]
    fn a_hold_needs_a_reason() {
        assert_eq!(reason(" \t"), Err(HoldRefusal::NoReason));
        assert_eq!(reason(" kỷ luật "), Ok("kỷ luật".into()));
    }

    #[test]
    fn a_hold_is_lifted_once_and_not_before_it_began() {
        assert_eq!(lift(3, d(5), false, d(5)), Ok(()));
        assert_eq!(
            lift(3, d(5), true, d(9)),
            Err(HoldRefusal::AlreadyLifted { id: 3 })
        );
        assert_eq!(
            lift(3, d(5), false, d(4)),
            Err(HoldRefusal::LiftedBeforeStart {
                id: 3,
                date: d(4),
                from: d(5)
            })
        );
    }
}
