//! Reference data shipped in `data/`: the award catalogue, the movement and
//! its criteria, the voting rules. Parsed here into domain types; the store
//! copies them into a new database, where the council can change them.

use std::collections::HashMap;

use serde::Deserialize;

use crate::domain::award::{Award, Catalogue, Level};
use crate::domain::criteria::{CriteriaGroup, Criterion};
use crate::domain::movement::{Movement, Phase};
use crate::domain::scoring::Aggregation;
use crate::domain::vote::{Comparison, Denominator, Share, Threshold, VoteMethod, VoteRule};

pub const CATALOGUE_TOML: &str = include_str!("../data/catalogue.toml");
pub const CRITERIA_TOML: &str = include_str!("../data/criteria.toml");
pub const RULES_TOML: &str = include_str!("../data/rules.toml");

#[derive(Debug, thiserror::Error)]
pub enum RefDataError {
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}

#[derive(Deserialize)]
struct CatalogueFile {
    level: Vec<Level>,
    award: Vec<Award>,
}

pub fn parse_catalogue(text: &str, file: &str) -> Result<Catalogue, RefDataError> {
    let f: CatalogueFile = toml::from_str(text).map_err(|e| RefDataError::Parse {
        file: file.into(),
        message: e.to_string(),
    })?;
    let cat = Catalogue {
        levels: f.level,
        awards: f.award,
    };
    for a in &cat.awards {
        if cat.level(&a.decided_at).is_none() {
            return Err(RefDataError::Invalid {
                file: file.into(),
                message: format!("award {}: unknown level “{}”", a.code, a.decided_at),
            });
        }
    }
    Ok(cat)
}

#[derive(Deserialize)]
struct ColumnNamesFile {
    award: Vec<ColumnNameEntry>,
}

#[derive(Deserialize)]
struct ColumnNameEntry {
    code: String,
    #[serde(default)]
    column_name: Option<String>,
}

/// Each award's name for the screen's narrow columns, by award code, from the
/// built-in catalogue (prints use the full and short names, never these).
pub fn column_names() -> HashMap<String, String> {
    toml::from_str::<ColumnNamesFile>(CATALOGUE_TOML)
        .map(|f| {
            f.award
                .into_iter()
                .filter_map(|a| Some((a.code, a.column_name?)))
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Deserialize)]
struct CriteriaFile {
    movement: MovementEntry,
    group: Vec<GroupEntry>,
    #[serde(default)]
    r#override: Vec<OverrideEntry>,
}

#[derive(Deserialize)]
struct MovementEntry {
    code: String,
    name: String,
    plan_number: String,
    plan_date: String,
    issuing_body: String,
    based_on: String,
    phase: Vec<Phase>,
}

#[derive(Deserialize)]
struct GroupEntry {
    code: String,
    title: String,
    subjects: String,
    criteria: Vec<String>,
}

#[derive(Deserialize)]
struct OverrideEntry {
    code: String,
    max_score: Option<u32>,
    weight: Option<f64>,
}

pub const DEFAULT_MAX_SCORE: u32 = 10;
pub const DEFAULT_WEIGHT: f64 = 1.0;

pub fn parse_criteria(
    text: &str,
    file: &str,
) -> Result<(Movement, Vec<CriteriaGroup>), RefDataError> {
    let f: CriteriaFile = toml::from_str(text).map_err(|e| RefDataError::Parse {
        file: file.into(),
        message: e.to_string(),
    })?;
    let m = f.movement;
    let movement = Movement {
        id: 0,
        code: m.code,
        name: m.name,
        plan_number: m.plan_number,
        plan_date: m.plan_date,
        issuing_body: m.issuing_body,
        based_on: m.based_on,
        phases: m.phase,
    };
    let mut groups: Vec<CriteriaGroup> = f
        .group
        .into_iter()
        .map(|g| CriteriaGroup {
            criteria: g
                .criteria
                .into_iter()
                .enumerate()
                .map(|(i, text)| Criterion {
                    code: format!("{}.{}", g.code, i + 1),
                    text,
                    max_score: DEFAULT_MAX_SCORE,
                    weight: DEFAULT_WEIGHT,
                })
                .collect(),
            kinds: crate::domain::criteria::seed_kinds(&g.code),
            code: g.code,
            title: g.title,
            subjects: g.subjects,
        })
        .collect();
    for o in f.r#override {
        let c = groups
            .iter_mut()
            .flat_map(|g| g.criteria.iter_mut())
            .find(|c| c.code == o.code)
            .ok_or_else(|| RefDataError::Invalid {
                file: file.into(),
                message: format!("override for unknown criterion {}", o.code),
            })?;
        if let Some(m) = o.max_score {
            c.max_score = m;
        }
        if let Some(w) = o.weight {
            c.weight = w;
        }
        if c.max_score == 0 || c.weight <= 0.0 {
            return Err(RefDataError::Invalid {
                file: file.into(),
                message: format!("{}: maximum and weight must be positive", c.code),
            });
        }
    }
    Ok((movement, groups))
}

#[derive(Deserialize)]
struct RulesFile {
    settings: SettingsEntry,
    rule: Vec<RuleEntry>,
}

#[derive(Deserialize)]
struct SettingsEntry {
    aggregation: String,
    women_share: u8,
}

#[derive(Deserialize)]
struct RuleEntry {
    award: String,
    level: String,
    method: VoteMethod,
    /// Other methods the secretary may choose per item.
    #[serde(default)]
    also_allowed: Vec<VoteMethod>,
    share: String,
    comparison: Comparison,
    denominator: Denominator,
    count_written_opinions: bool,
    quorum: String,
    source: String,
}

/// Parse "2/3" or "80/100" (also "80%").
pub fn parse_share(s: &str) -> Option<Share> {
    let s = s.trim();
    if let Some(p) = s.strip_suffix('%') {
        let num: u32 = p.trim().parse().ok()?;
        return (num <= 100).then_some(Share::new(num, 100));
    }
    let (a, b) = s.split_once('/')?;
    let num: u32 = a.trim().parse().ok()?;
    let den: u32 = b.trim().parse().ok()?;
    (den > 0 && num <= den).then_some(Share::new(num, den))
}

pub struct RuleBook {
    pub aggregation: Aggregation,
    /// Percent of women from which a collective goes first among equals.
    pub women_share: u8,
    pub rules: Vec<VoteRule>,
}

pub fn parse_rules(text: &str, file: &str) -> Result<RuleBook, RefDataError> {
    let f: RulesFile = toml::from_str(text).map_err(|e| RefDataError::Parse {
        file: file.into(),
        message: e.to_string(),
    })?;
    let invalid = |message: String| RefDataError::Invalid {
        file: file.into(),
        message,
    };
    let aggregation = Aggregation::from_code(&f.settings.aggregation)
        .ok_or_else(|| invalid(format!("unknown aggregation “{}”", f.settings.aggregation)))?;
    let mut rules = Vec::new();
    for r in f.rule {
        let share = parse_share(&r.share)
            .ok_or_else(|| invalid(format!("rule {}: bad share “{}”", r.award, r.share)))?;
        let quorum = parse_share(&r.quorum)
            .ok_or_else(|| invalid(format!("rule {}: bad quorum “{}”", r.award, r.quorum)))?;
        rules.push(VoteRule {
            award: r.award,
            level: r.level,
            method: r.method,
            also_allowed: r.also_allowed,
            threshold: Threshold {
                share,
                comparison: r.comparison,
            },
            denominator: r.denominator,
            count_written_opinions: r.count_written_opinions,
            quorum: Threshold {
                share: quorum,
                comparison: Comparison::AtLeast,
            },
            source: r.source,
            is_default: true,
            women_share: f.settings.women_share,
        });
    }
    if !(1..=100).contains(&f.settings.women_share) {
        return Err(invalid(format!(
            "women_share {} is not a percent from 1 to 100",
            f.settings.women_share
        )));
    }
    Ok(RuleBook {
        aggregation,
        women_share: f.settings.women_share,
        rules,
    })
}

/// The built-in reference data.
pub struct BuiltIn {
    pub catalogue: Catalogue,
    pub movement: Movement,
    pub groups: Vec<CriteriaGroup>,
    pub rules: RuleBook,
}

pub fn built_in() -> Result<BuiltIn, RefDataError> {
    let catalogue = parse_catalogue(CATALOGUE_TOML, "data/catalogue.toml")?;
    let (movement, groups) = parse_criteria(CRITERIA_TOML, "data/criteria.toml")?;
    let rules = parse_rules(RULES_TOML, "data/rules.toml")?;
    Ok(BuiltIn {
        catalogue,
        movement,
        groups,
        rules,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_data_parses_and_matches_the_plan() {
        let b = built_in().unwrap_or_else(|e| panic!("{e}"));
        let count = |code: &str| {
            b.groups
                .iter()
                .find(|g| g.code == code)
                .map(|g| g.criteria.len())
        };
        // III.1 of the plan: 1.1 a) six criteria, b) seven; 1.2 three; 1.3 three; 1.4 b) two.
        assert_eq!(count("1.1a"), Some(6));
        assert_eq!(count("1.1b"), Some(7));
        assert_eq!(count("1.2"), Some(3));
        assert_eq!(count("1.3"), Some(3));
        assert_eq!(count("1.4b"), Some(2));
        assert_eq!(b.movement.phases.len(), 2);
        assert!(b.catalogue.award("giay_khen").is_some());
        assert!(
            b.catalogue
                .decided_at_home(b.catalogue.award("cstdcs").unwrap_or_else(|| panic!()))
        );
        assert!(
            !b.catalogue
                .decided_at_home(b.catalogue.award("bk_tinh").unwrap_or_else(|| panic!()))
        );
        assert!(b.rules.rules.iter().any(|r| r.award == "cstdcs"));
    }

    #[test]
    fn every_award_has_a_distinct_column_name_of_at_most_fourteen_cells() {
        let b = built_in().unwrap_or_else(|e| panic!("{e}"));
        let names = column_names();
        assert_eq!(names.len(), b.catalogue.awards.len());
        let mut seen: Vec<&String> = names.values().collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), names.len(), "{names:?}");
        for (code, name) in &names {
            assert!(name.chars().count() <= 14, "{code}: {name}");
        }
        assert_eq!(names["cstdcs"], "CSTĐ cơ sở");
        assert_eq!(names["cstd_tinh"], "CSTĐ tỉnh");
    }

    #[test]
    fn shares_parse() {
        assert_eq!(parse_share("2/3"), Some(Share::new(2, 3)));
        assert_eq!(parse_share("80%"), Some(Share::new(80, 100)));
        assert_eq!(parse_share("4/3"), None);
        assert_eq!(parse_share("x"), None);
    }
}
