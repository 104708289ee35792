//! The rules of a council's terms and memberships: one chairman (and one
//! secretary) at a time, dates in order, terms that follow one another. The
//! store calls them inside the transaction that makes the change.

use chrono::{Days, NaiveDate};

use super::council::{Council, Member, NewCouncil, NewMember, Role};
use super::text_rules::{self, TextField, TextRefusal};

/// Why a change to the council was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CouncilRefusal {
    Text(TextRefusal),
    /// A required field is empty.
    Empty(TextField),
    /// Not a date like 2026-01-06.
    BadDate {
        text: String,
    },
    /// Not a term like 2026-2031 or 2026-01-06..2031-06-30.
    BadTerm {
        text: String,
    },
    TermOutOfOrder {
        from: String,
        to: String,
    },
    /// The decision is dated after the term it sets up has ended.
    DecisionAfterTerm {
        date: String,
        to: String,
    },
    /// The new term would start on or before the start of a council already
    /// recorded: terms follow one another.
    TermNotAfter {
        decision: String,
        from: String,
    },
    /// There is no council to add members to.
    NoCouncil,
    /// The council has no member in office (to score, to call).
    NoMembersInOffice,
    /// The date is outside the term of the council.
    OutsideTerm {
        date: String,
        from: Option<String>,
        to: Option<String>,
    },
    /// A role held by one member at a time is held on that date.
    RoleTaken {
        role: Role,
        holder: String,
    },
    /// The date is before the member took office.
    BeforeStart {
        name: String,
        start: String,
        date: String,
    },
    /// The membership has already ended.
    AlreadyEnded {
        name: String,
        on: String,
    },
}

impl From<TextRefusal> for CouncilRefusal {
    fn from(r: TextRefusal) -> Self {
        CouncilRefusal::Text(r)
    }
}

/// A day written YYYY-MM-DD.
pub fn day(text: &str) -> Result<NaiveDate, CouncilRefusal> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| CouncilRefusal::BadDate {
        text: text.to_string(),
    })
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The term a decision sets up: "2026-2031" runs from the decision's date to
/// the last day of 2031; "2026-01-06..2031-06-30" gives both days.
pub fn term(text: &str, decision_date: &str) -> Result<(String, String), CouncilRefusal> {
    let bad = || CouncilRefusal::BadTerm {
        text: text.to_string(),
    };
    let text = text.trim();
    if let Some((from, to)) = text.split_once("..") {
        return Ok((ymd(day(from)?), ymd(day(to)?)));
    }
    let (first, last) = text.split_once('-').ok_or_else(bad)?;
    let first: i32 = first.trim().parse().map_err(|_| bad())?;
    let last: i32 = last.trim().parse().map_err(|_| bad())?;
    let decided = day(decision_date)?;
    use chrono::Datelike;
    if decided.year() != first {
        return Err(bad());
    }
    let end = NaiveDate::from_ymd_opt(last, 12, 31).ok_or_else(bad)?;
    Ok((ymd(decided), ymd(end)))
}

/// What establishing a council changes: the council (cleaned) and the
/// councils whose open or longer terms end the day before it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Establishing {
    pub council: NewCouncil,
    pub closing: Vec<(i64, String)>,
}

/// Check a new council against those already recorded.
pub fn establish(new: &NewCouncil, existing: &[Council]) -> Result<Establishing, CouncilRefusal> {
    let number = text_rules::line(TextField::DecisionNumber, &new.decision_number)?;
    if number.is_empty() {
        return Err(CouncilRefusal::Empty(TextField::DecisionNumber));
    }
    let signer = text_rules::name(TextField::Signer, &new.signer)?;
    if signer.is_empty() {
        return Err(CouncilRefusal::Empty(TextField::Signer));
    }
    let name = text_rules::line(TextField::CouncilName, &new.name)?;
    if name.is_empty() {
        return Err(CouncilRefusal::Empty(TextField::CouncilName));
    }
    let decided = day(&new.decision_date)?;
    let from = day(&new.term_from)?;
    let to = day(&new.term_to)?;
    if to < from {
        return Err(CouncilRefusal::TermOutOfOrder {
            from: ymd(from),
            to: ymd(to),
        });
    }
    if decided > to {
        return Err(CouncilRefusal::DecisionAfterTerm {
            date: ymd(decided),
            to: ymd(to),
        });
    }
    let day_before = from.checked_sub_days(Days::new(1)).unwrap_or(from);
    let mut closing = Vec::new();
    for c in existing {
        let label = if c.decision_number.is_empty() {
            c.founding_decision.clone()
        } else {
            c.decision_number.clone()
        };
        if c.term_from
            .as_deref()
            .is_some_and(|f| f >= ymd(from).as_str())
        {
            return Err(CouncilRefusal::TermNotAfter {
                decision: label,
                from: ymd(from),
            });
        }
        if c.term_to.as_deref().is_none_or(|t| t >= ymd(from).as_str()) {
            closing.push((c.id, ymd(day_before)));
        }
    }
    Ok(Establishing {
        council: NewCouncil {
            name,
            level: new.level.clone(),
            decision_number: number,
            decision_date: ymd(decided),
            signer,
            term_from: ymd(from),
            term_to: ymd(to),
        },
        closing,
    })
}

fn in_term(council: &Council, date: NaiveDate) -> Result<(), CouncilRefusal> {
    if council.covers(&ymd(date)) {
        Ok(())
    } else {
        Err(CouncilRefusal::OutsideTerm {
            date: ymd(date),
            from: council.term_from.clone(),
            to: council.term_to.clone(),
        })
    }
}

/// Check a member joining `council` on `new.from`; `members` are the
/// council's members, past and present; `leaving` is a member whose office
/// ends the day before (the one replaced), not counted as holding a role.
pub fn join(
    new: &NewMember,
    council: &Council,
    members: &[Member],
    leaving: Option<i64>,
) -> Result<NewMember, CouncilRefusal> {
    let name = text_rules::name(TextField::MemberName, &new.name)?;
    if name.is_empty() {
        return Err(CouncilRefusal::Empty(TextField::MemberName));
    }
    let position = text_rules::line(TextField::Position, &new.position)?;
    let unit = text_rules::line(TextField::Unit, &new.unit)?;
    let from = day(&new.from)?;
    in_term(council, from)?;
    if new.role.is_single() {
        let from_text = ymd(from);
        let holder = members.iter().find(|m| {
            m.role == new.role
                && Some(m.id) != leaving
                && m.term_end
                    .as_deref()
                    .is_none_or(|e| e >= from_text.as_str())
        });
        if let Some(h) = holder {
            return Err(CouncilRefusal::RoleTaken {
                role: new.role,
                holder: h.name.clone(),
            });
        }
    }
    Ok(NewMember {
        name,
        position,
        unit,
        from: ymd(from),
        ..new.clone()
    })
}

/// The last day in office of a member whose membership ends `on` (inclusive).
pub fn end(member: &Member, on: &str) -> Result<String, CouncilRefusal> {
    let on = day(on)?;
    if let Some(e) = &member.term_end {
        return Err(CouncilRefusal::AlreadyEnded {
            name: member.name.clone(),
            on: e.clone(),
        });
    }
    if ymd(on).as_str() < member.term_start.as_str() {
        return Err(CouncilRefusal::BeforeStart {
            name: member.name.clone(),
            start: member.term_start.clone(),
            date: ymd(on),
        });
    }
    Ok(ymd(on))
}

/// The last day in office of a member replaced by someone taking office `from`.
pub fn replaced(member: &Member, from: &str) -> Result<String, CouncilRefusal> {
    let from_day = day(from)?;
    if ymd(from_day).as_str() <= member.term_start.as_str() {
        return Err(CouncilRefusal::BeforeStart {
            name: member.name.clone(),
            start: member.term_start.clone(),
            date: ymd(from_day),
        });
    }
    let last = from_day.checked_sub_days(Days::new(1)).unwrap_or(from_day);
    end(member, &ymd(last))
}

/// The members called to a meeting on `date`: those in office that day.
pub fn in_office_on<'a>(members: &'a [Member], date: &str) -> Vec<&'a Member> {
    members.iter().filter(|m| m.in_office_on(date)).collect()
}

/// The council whose term covers `date`; the latest when several do.
pub fn council_on<'a>(councils: &'a [Council], date: &str) -> Option<&'a Council> {
    councils
        .iter()
        .filter(|c| c.covers(date))
        .max_by_key(|c| c.id)
}

#[cfg(test)]
#[path = "council_rules_tests.rs"]
mod tests;
