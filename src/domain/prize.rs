//! Prize money: a coefficient per award and recipient class times the base
//! salary, both dated (`data/prizes.toml`). Integer arithmetic in đồng and
//! thousandths of a coefficient, so amounts are exact.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::nominee::RecipientClass;

pub const PRIZES_TOML: &str = include_str!("../../data/prizes.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaseSalary {
    pub from: NaiveDate,
    /// Đồng a month.
    pub amount: i64,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coefficient {
    pub award: String,
    pub recipient: RecipientClass,
    pub factor: f64,
    pub from: NaiveDate,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrizeTable {
    pub round_up_to: i64,
    pub household_factor: f64,
    pub base_salary: Vec<BaseSalary>,
    #[serde(rename = "coefficient")]
    pub coefficients: Vec<Coefficient>,
}

/// The amount for one award, with the figures it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prize {
    /// Coefficient in thousandths (1500 = 1.5 × base salary).
    pub coefficient_milli: i64,
    pub base_salary: i64,
    /// Đồng, rounded up.
    pub amount: i64,
    /// The data's citations: the coefficient's, then the base salary's.
    pub sources: Vec<String>,
    /// Set when a household's coefficient is the individual's times this
    /// factor (the data has no household figure for the award).
    pub household_factor: Option<f64>,
}

/// Division rounding up, for the non-negative amounts used here.
fn ceil_div(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

fn milli(f: f64) -> i64 {
    (f * 1000.0).round() as i64
}

impl PrizeTable {
    pub fn parse(text: &str) -> Result<PrizeTable, String> {
        let t: PrizeTable = toml::from_str(text).map_err(|e| e.to_string())?;
        if t.round_up_to < 1 {
            return Err("round_up_to must be at least 1".into());
        }
        if t.household_factor <= 0.0 {
            return Err("household_factor must be positive".into());
        }
        if let Some(b) = t.base_salary.iter().find(|b| b.amount <= 0) {
            return Err(format!(
                "base salary from {}: amount must be positive",
                b.from
            ));
        }
        if let Some(c) = t.coefficients.iter().find(|c| c.factor <= 0.0) {
            return Err(format!(
                "coefficient of {}: factor must be positive",
                c.award
            ));
        }
        Ok(t)
    }

    /// The table shipped in `data/prizes.toml`.
    pub fn built_in() -> Result<PrizeTable, String> {
        Self::parse(PRIZES_TOML).map_err(|e| format!("data/prizes.toml: {e}"))
    }

    /// The base salary in force on `date`.
    pub fn base_salary_on(&self, date: NaiveDate) -> Option<&BaseSalary> {
        self.base_salary
            .iter()
            .filter(|b| b.from <= date)
            .max_by_key(|b| b.from)
    }

    fn coefficient_on(
        &self,
        award: &str,
        class: RecipientClass,
        date: NaiveDate,
    ) -> Option<&Coefficient> {
        self.coefficients
            .iter()
            .filter(|c| c.award == award && c.recipient == class && c.from <= date)
            .max_by_key(|c| c.from)
    }

    /// The prize for `award` given to a recipient of `class` by a decision
    /// dated `date`; `None` when the table has no figure for it then.
    pub fn amount(&self, award: &str, class: RecipientClass, date: NaiveDate) -> Option<Prize> {
        let base = self.base_salary_on(date)?;
        let mut household_factor = None;
        let (coefficient_milli, source) = match class {
            RecipientClass::Household => match self.coefficient_on(award, class, date) {
                Some(c) => (milli(c.factor), c.source.clone()),
                None => {
                    let c = self.coefficient_on(award, RecipientClass::Individual, date)?;
                    let m = milli(c.factor) * milli(self.household_factor) / 1000;
                    household_factor = Some(self.household_factor);
                    (m, c.source.clone())
                }
            },
            RecipientClass::Enterprise => {
                let c = self
                    .coefficient_on(award, RecipientClass::Enterprise, date)
                    .or_else(|| self.coefficient_on(award, RecipientClass::Collective, date))?;
                (milli(c.factor), c.source.clone())
            }
            _ => {
                let c = self.coefficient_on(award, class, date)?;
                (milli(c.factor), c.source.clone())
            }
        };
        let raw = ceil_div(base.amount * coefficient_milli, 1000);
        let amount = ceil_div(raw, self.round_up_to) * self.round_up_to;
        Some(Prize {
            coefficient_milli,
            base_salary: base.amount,
            amount,
            sources: vec![source, base.source.clone()],
            household_factor,
        })
    }
}

/// Prize money of a set of awards (e.g. a round): the sum, how many awards
/// it covers, and how many have no figure in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PrizeTotal {
    pub amount: i64,
    pub counted: u32,
    pub without_figure: u32,
}

impl PrizeTable {
    /// Sum the prizes of `(award, recipient class, decision date)` triples.
    pub fn total<'a>(
        &self,
        awards: impl IntoIterator<Item = (&'a str, RecipientClass, Option<NaiveDate>)>,
    ) -> PrizeTotal {
        let mut t = PrizeTotal::default();
        for (award, class, date) in awards {
            match date.and_then(|d| self.amount(award, class, d)) {
                Some(p) => {
                    t.amount += p.amount;
                    t.counted += 1;
                }
                None => t.without_figure += 1,
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> PrizeTable {
        PrizeTable::built_in().unwrap_or_else(|e| panic!("{e}"))
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{e}"))
    }

    fn amount(award: &str, class: RecipientClass, on: &str) -> Option<i64> {
        table().amount(award, class, date(on)).map(|p| p.amount)
    }

    #[test]
    fn amounts_on_the_current_base_salary() {
        use RecipientClass::*;
        assert_eq!(amount("cstdcs", Individual, "2025-12-20"), Some(2_340_000));
        // 0.3 × 2,340,000 = 702,000, rounded up to tens of thousands.
        assert_eq!(amount("ldtt", Individual, "2025-12-20"), Some(710_000));
        assert_eq!(amount("bk_ttg", Collective, "2026-01-10"), Some(16_380_000));
        assert_eq!(
            amount("giay_khen", Collective, "2026-01-10"),
            Some(1_410_000)
        );
        // Households: 1.5 × the individual amount (0.45 × 2,340,000 = 1,053,000).
        assert_eq!(
            amount("giay_khen", Household, "2026-01-10"),
            Some(1_060_000)
        );
        // Enterprises take the collective figure.
        assert_eq!(amount("bk_tinh", Enterprise, "2026-01-10"), Some(7_020_000));
    }

    #[test]
    fn dates_pick_the_figures_in_force() {
        let t = table();
        assert_eq!(
            t.base_salary_on(date("2024-06-30")).map(|b| b.amount),
            Some(1_800_000)
        );
        assert_eq!(
            t.base_salary_on(date("2024-07-01")).map(|b| b.amount),
            Some(2_340_000)
        );
        assert_eq!(t.base_salary_on(date("2019-06-30")), None);
        // Before the coefficients of NĐ 152/2025 took effect the table has none.
        assert_eq!(
            amount("cstdcs", RecipientClass::Individual, "2025-06-30"),
            None
        );
        assert_eq!(
            amount("hcld1", RecipientClass::Individual, "2026-01-10"),
            None
        );
    }

    #[test]
    fn totals_count_what_has_no_figure() {
        let d = Some(date("2026-01-10"));
        let t = table().total([
            ("cstdcs", RecipientClass::Individual, d),
            ("ldtt", RecipientClass::Individual, d),
            ("hcld1", RecipientClass::Individual, d),
            ("ldtt", RecipientClass::Individual, None),
        ]);
        assert_eq!(t.amount, 2_340_000 + 710_000);
        assert_eq!((t.counted, t.without_figure), (2, 2));
    }

    #[test]
    fn bad_tables_are_refused() {
        let e = PrizeTable::parse(
            "round_up_to = 0\nhousehold_factor = 1.5\nbase_salary = []\ncoefficient = []\n",
        )
        .unwrap_err();
        assert!(e.contains("round_up_to"), "{e}");
    }
}
