//! The figures the council sets in its working rules (quy chế làm việc)
//! besides the vote rule of each award: how members' scores are combined and
//! the share of women from which a collective goes first among equals. Each
//! has a shipped default, which is a default and not law.

use super::scoring::Aggregation;
use super::vote::{Comparison, Denominator, Share, VoteMethod, VoteRule};

/// One figure: its value, and whether it is still the shipped default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub is_default: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CouncilSettings {
    pub aggregation: Setting<Aggregation>,
    pub women_share: Setting<u8>,
}

/// Why a figure the council sets was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesRefusal {
    /// Not a percent from 1 to 100.
    WomenShare { text: String },
    /// Not one of mean, median, trimmed_mean.
    Aggregation { text: String },
    /// Not a share like 2/3, 80/100 or 80%, above zero and at most one.
    Share { text: String },
    /// Not at-least / more-than.
    Comparison { text: String },
    /// Not all-members / present / valid-ballots.
    Denominator { text: String },
    /// Not secret / open.
    Method { text: String },
    /// Not yes / no.
    YesNo { text: String },
    /// No award with this code in the catalogue.
    UnknownAward { code: String },
    /// No level with this code.
    UnknownLevel { code: String },
    /// Nothing to change was given.
    NothingToSet,
}

/// The share of women, as typed: "60" or "60%", 1 to 100.
pub fn parse_women_share(text: &str) -> Result<u8, RulesRefusal> {
    let t = text.trim().trim_end_matches('%').trim();
    t.parse::<u8>()
        .ok()
        .filter(|p| (1..=100).contains(p))
        .ok_or_else(|| RulesRefusal::WomenShare {
            text: text.to_string(),
        })
}

/// A share of members: "2/3", "80/100", "80%"; above zero, at most the whole.
pub fn parse_share(text: &str) -> Result<Share, RulesRefusal> {
    let refused = || RulesRefusal::Share {
        text: text.to_string(),
    };
    let t = text.trim();
    let (num, den) = match t.strip_suffix('%') {
        Some(p) => (p.trim().parse::<u32>().map_err(|_| refused())?, 100),
        None => {
            let (a, b) = t.split_once('/').ok_or_else(refused)?;
            (
                a.trim().parse::<u32>().map_err(|_| refused())?,
                b.trim().parse::<u32>().map_err(|_| refused())?,
            )
        }
    };
    if den == 0 || num == 0 || num > den {
        return Err(refused());
    }
    Ok(Share::new(num, den))
}

/// A word typed for a choice: lower case, "-" for "_" and spaces.
fn key(text: &str) -> String {
    text.trim().to_lowercase().replace(['_', ' '], "-")
}

pub fn parse_comparison(text: &str) -> Result<Comparison, RulesRefusal> {
    match key(text).as_str() {
        "at-least" | "toi-thieu" | ">=" => Ok(Comparison::AtLeast),
        "more-than" | "tren" | ">" => Ok(Comparison::MoreThan),
        _ => Err(RulesRefusal::Comparison {
            text: text.to_string(),
        }),
    }
}

pub fn parse_denominator(text: &str) -> Result<Denominator, RulesRefusal> {
    match key(text).as_str() {
        "all-members" | "all" => Ok(Denominator::AllMembers),
        "present" => Ok(Denominator::Present),
        "valid-ballots" | "valid" => Ok(Denominator::ValidBallots),
        _ => Err(RulesRefusal::Denominator {
            text: text.to_string(),
        }),
    }
}

pub fn parse_method(text: &str) -> Result<VoteMethod, RulesRefusal> {
    match key(text).as_str() {
        "secret" | "secret-ballot" | "kin" => Ok(VoteMethod::SecretBallot),
        "open" | "cong-khai" => Ok(VoteMethod::Open),
        _ => Err(RulesRefusal::Method {
            text: text.to_string(),
        }),
    }
}

pub fn parse_yes_no(text: &str) -> Result<bool, RulesRefusal> {
    match key(text).as_str() {
        "yes" | "co" | "có" | "true" | "1" => Ok(true),
        "no" | "khong" | "không" | "false" | "0" => Ok(false),
        _ => Err(RulesRefusal::YesNo {
            text: text.to_string(),
        }),
    }
}

pub fn parse_aggregation(text: &str) -> Result<Aggregation, RulesRefusal> {
    Aggregation::from_code(&key(text).replace('-', "_")).ok_or_else(|| RulesRefusal::Aggregation {
        text: text.to_string(),
    })
}

/// The rule a council sets for an award starts from the one in force for it:
/// its own if it has one, else the level's default ("*").
pub fn rule_to_change(rules: &[VoteRule], award: &str, level: &str) -> Option<VoteRule> {
    let own = rules.iter().find(|r| r.award == award && r.level == level);
    let fallback = || rules.iter().find(|r| r.award == "*" && r.level == level);
    own.or_else(fallback).map(|r| VoteRule {
        award: award.to_string(),
        ..r.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn women_share_is_a_percent_from_one_to_a_hundred() {
        assert_eq!(parse_women_share("60"), Ok(60));
        assert_eq!(parse_women_share(" 75% "), Ok(75));
        assert_eq!(parse_women_share("100"), Ok(100));
        for bad in ["0", "101", "-5", "sáu mươi", ""] {
            assert!(parse_women_share(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn choices_read_in_either_language() {
        assert_eq!(parse_comparison("at_least"), Ok(Comparison::AtLeast));
        assert_eq!(
            parse_denominator("valid ballots"),
            Ok(Denominator::ValidBallots)
        );
        assert_eq!(parse_method("Secret"), Ok(VoteMethod::SecretBallot));
        assert_eq!(parse_yes_no("không"), Ok(false));
        assert_eq!(
            parse_aggregation("trimmed-mean"),
            Ok(Aggregation::TrimmedMean)
        );
        assert!(parse_aggregation("max").is_err());
    }

    #[test]
    fn shares_are_above_zero_and_at_most_whole() {
        assert_eq!(parse_share("2/3"), Ok(Share::new(2, 3)));
        assert_eq!(parse_share("80%"), Ok(Share::new(80, 100)));
        assert_eq!(parse_share(" 1 / 2 "), Ok(Share::new(1, 2)));
        for bad in ["0/3", "4/3", "3/0", "2:3", "", "120%"] {
            assert!(parse_share(bad).is_err(), "{bad}");
        }
    }
}
