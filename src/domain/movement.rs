//! The emulation movement (phong trào thi đua) and its plan.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub name: String,
    pub start_year: i32,
    pub end_year: i32,
    /// Year of the review (sơ kết / tổng kết) that closes the phase.
    pub review_year: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Movement {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub plan_number: String,
    pub plan_date: String,
    pub issuing_body: String,
    /// The higher plan this one implements.
    pub based_on: String,
    pub phases: Vec<Phase>,
}

/// What a nomination is proposed in: an annual round, or a phase review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Round {
    /// Khen thưởng hàng năm.
    Annual { year: i32 },
    /// Sơ kết / tổng kết of a phase, e.g. 2022–2025.
    Review { from: i32, to: i32 },
}

impl Round {
    /// Stable text form stored in the database and used in files: "2024", "2022-2025".
    pub fn code(&self) -> String {
        match self {
            Round::Annual { year } => year.to_string(),
            Round::Review { from, to } => format!("{from}-{to}"),
        }
    }

    pub fn parse(s: &str) -> Option<Round> {
        let s = s.trim();
        let s = s.replace(['–', '—'], "-");
        if let Some((a, b)) = s.split_once('-') {
            let from: i32 = a.trim().parse().ok()?;
            let to: i32 = b.trim().parse().ok()?;
            if (1945..=2100).contains(&from) && from < to && to <= 2100 {
                return Some(Round::Review { from, to });
            }
            return None;
        }
        let year: i32 = s.parse().ok()?;
        (1945..=2100)
            .contains(&year)
            .then_some(Round::Annual { year })
    }

    /// The order in which rounds are listed: annual rounds, newest first, then
    /// the phase reviews, newest first ("Năm 2026, Năm 2025, Sơ kết 2022–2025").
    pub fn listing_order(a: &Round, b: &Round) -> std::cmp::Ordering {
        let key = |r: &Round| match *r {
            Round::Annual { year } => (0, std::cmp::Reverse(year), std::cmp::Reverse(0)),
            Round::Review { from, to } => (1, std::cmp::Reverse(to), std::cmp::Reverse(from)),
        };
        key(a).cmp(&key(b))
    }

    /// Sort `rounds` in `listing_order` and drop repeats.
    pub fn sort_for_listing(rounds: &mut Vec<Round>) {
        rounds.sort_by(Round::listing_order);
        rounds.dedup();
    }

    /// The year the round's proposals are made in.
    pub fn year(&self) -> i32 {
        match self {
            Round::Annual { year } => *year,
            Round::Review { to, .. } => *to,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_are_listed_annual_newest_first_then_reviews() {
        let mut rounds = vec![
            Round::Annual { year: 2025 },
            Round::Review {
                from: 2022,
                to: 2025,
            },
            Round::Annual { year: 2026 },
            Round::Review {
                from: 2017,
                to: 2020,
            },
            Round::Annual { year: 2024 },
            Round::Annual { year: 2026 },
        ];
        Round::sort_for_listing(&mut rounds);
        assert_eq!(
            rounds.iter().map(Round::code).collect::<Vec<_>>(),
            ["2026", "2025", "2024", "2022-2025", "2017-2020"]
        );
    }

    #[test]
    fn round_codes_round_trip() {
        for r in [
            Round::Annual { year: 2024 },
            Round::Review {
                from: 2022,
                to: 2025,
            },
        ] {
            assert_eq!(Round::parse(&r.code()), Some(r));
        }
        assert_eq!(
            Round::parse("2022 – 2025"),
            Some(Round::Review {
                from: 2022,
                to: 2025
            })
        );
        assert_eq!(Round::parse("2025-2022"), None);
        assert_eq!(Round::parse("năm"), None);
    }
}
