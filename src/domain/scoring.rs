//! Criteria scores and their aggregation. Scores are kept in tenths of a point
//! so that sums are exact.

use serde::{Deserialize, Serialize};

use super::criteria::Criterion;

pub type MemberId = i64;

/// How members' weighted totals are combined into one score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    #[default]
    Mean,
    Median,
    /// Drop the highest and the lowest total, then take the mean (needs at least 3).
    TrimmedMean,
}

impl Aggregation {
    pub const ALL: [Aggregation; 3] = [
        Aggregation::Mean,
        Aggregation::Median,
        Aggregation::TrimmedMean,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Aggregation::Mean => "mean",
            Aggregation::Median => "median",
            Aggregation::TrimmedMean => "trimmed_mean",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// One member's score on one criterion, in tenths of a point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub member_id: MemberId,
    pub criterion_code: String,
    pub tenths: u32,
}

/// Parse a score typed by a user ("8", "8.5", "8,5") into tenths, bounded by the maximum.
pub fn parse_score(text: &str, max_score: u32) -> Result<u32, ScoreError> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Err(ScoreError::Empty);
    }
    let (whole, frac) = match t.split_once('.') {
        Some((w, f)) => (w, f),
        None => (t.as_str(), ""),
    };
    if whole.is_empty() && frac.is_empty() {
        return Err(ScoreError::NotANumber(text.to_string()));
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole
            .parse()
            .map_err(|_| ScoreError::NotANumber(text.to_string()))?
    };
    let tenth: u32 = match frac.len() {
        0 => 0,
        1 => frac
            .parse()
            .map_err(|_| ScoreError::NotANumber(text.to_string()))?,
        _ => return Err(ScoreError::TooPrecise(text.to_string())),
    };
    let tenths = whole.saturating_mul(10).saturating_add(tenth);
    if tenths > max_score.saturating_mul(10) {
        return Err(ScoreError::OverMaximum {
            given: text.trim().to_string(),
            max: max_score,
        });
    }
    Ok(tenths)
}

/// Why a typed score is refused; its wording is in `i18n::labels`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    Empty,
    NotANumber(String),
    TooPrecise(String),
    OverMaximum { given: String, max: u32 },
}

impl std::error::Error for ScoreError {}

/// A member's weighted total on a 0–100 scale, or None when the member left
/// any criterion unscored.
pub fn weighted_total(criteria: &[Criterion], scores: &[Score], member: MemberId) -> Option<f64> {
    let mut got = 0.0;
    let mut max = 0.0;
    for c in criteria {
        let s = scores
            .iter()
            .find(|s| s.member_id == member && s.criterion_code == c.code)?;
        got += f64::from(s.tenths) / 10.0 * c.weight;
        max += f64::from(c.max_score) * c.weight;
    }
    if max <= 0.0 {
        return None;
    }
    Some(got / max * 100.0)
}

/// Combine members' totals into the consolidated score.
pub fn consolidate(method: Aggregation, totals: &[f64]) -> Option<f64> {
    if totals.is_empty() {
        return None;
    }
    let mut v: Vec<f64> = totals.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    match method {
        Aggregation::Mean => Some(v.iter().sum::<f64>() / v.len() as f64),
        Aggregation::Median => {
            let n = v.len();
            Some(if n % 2 == 1 {
                v[n / 2]
            } else {
                (v[n / 2 - 1] + v[n / 2]) / 2.0
            })
        }
        Aggregation::TrimmedMean => {
            if v.len() < 3 {
                return consolidate(Aggregation::Mean, &v);
            }
            let inner = &v[1..v.len() - 1];
            Some(inner.iter().sum::<f64>() / inner.len() as f64)
        }
    }
}

/// The consolidated score of a nomination, leaving out recused members and
/// members who have not scored every criterion.
pub fn nomination_score(
    method: Aggregation,
    criteria: &[Criterion],
    scores: &[Score],
    members: &[MemberId],
    recused: &[MemberId],
) -> Option<f64> {
    let totals: Vec<f64> = members
        .iter()
        .filter(|m| !recused.contains(m))
        .filter_map(|m| weighted_total(criteria, scores, *m))
        .collect();
    consolidate(method, &totals)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crit(code: &str, max: u32, weight: f64) -> Criterion {
        Criterion {
            code: code.into(),
            text: code.into(),
            max_score: max,
            weight,
        }
    }

    fn s(member: MemberId, code: &str, tenths: u32) -> Score {
        Score {
            member_id: member,
            criterion_code: code.into(),
            tenths,
        }
    }

    #[test]
    fn parse_scores() {
        assert_eq!(parse_score("8", 10), Ok(80));
        assert_eq!(parse_score("8,5", 10), Ok(85));
        assert_eq!(parse_score(" 10 ", 10), Ok(100));
        assert_eq!(parse_score(".5", 10), Ok(5));
        assert!(matches!(
            parse_score("10.1", 10),
            Err(ScoreError::OverMaximum { .. })
        ));
        assert!(matches!(
            parse_score("8.25", 10),
            Err(ScoreError::TooPrecise(_))
        ));
        assert!(matches!(
            parse_score("tám", 10),
            Err(ScoreError::NotANumber(_))
        ));
        assert_eq!(parse_score("", 10), Err(ScoreError::Empty));
    }

    #[test]
    fn weighted_totals_and_methods() {
        let c = vec![crit("a", 10, 1.0), crit("b", 10, 3.0)];
        let scores = vec![
            s(1, "a", 100),
            s(1, "b", 50),
            s(2, "a", 50),
            s(2, "b", 100),
            s(3, "a", 0),
        ];
        // member 1: (10*1 + 5*3) / 40 = 62.5
        assert_eq!(weighted_total(&c, &scores, 1), Some(62.5));
        // member 2: (5 + 30) / 40 = 87.5
        assert_eq!(weighted_total(&c, &scores, 2), Some(87.5));
        // member 3 has not scored b
        assert_eq!(weighted_total(&c, &scores, 3), None);
        assert_eq!(
            nomination_score(Aggregation::Mean, &c, &scores, &[1, 2, 3], &[]),
            Some(75.0)
        );
        assert_eq!(
            nomination_score(Aggregation::Mean, &c, &scores, &[1, 2], &[2]),
            Some(62.5)
        );
        assert_eq!(
            consolidate(Aggregation::Median, &[1.0, 9.0, 3.0]),
            Some(3.0)
        );
        assert_eq!(
            consolidate(Aggregation::Median, &[1.0, 9.0, 3.0, 5.0]),
            Some(4.0)
        );
        assert_eq!(
            consolidate(Aggregation::TrimmedMean, &[0.0, 50.0, 60.0, 100.0]),
            Some(55.0)
        );
        assert_eq!(consolidate(Aggregation::Mean, &[]), None);
    }
}
