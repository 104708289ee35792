//! Explanations of an eligibility evaluation, in Vietnamese or English.

use super::Lang;
use crate::domain::eligibility::{ConditionResult, Evaluation, Finding, Status, Verdict};

impl Evaluation {
    /// Proposing anyway needs a recorded reason.
    pub fn needs_override(&self) -> bool {
        matches!(self.verdict, Verdict::Ineligible | Verdict::HeldBack)
    }

    /// One line saying the verdict.
    pub fn summary(&self, lang: Lang) -> String {
        let name = &self.award_name;
        let route = |i: usize| match (lang, self.routes.get(i)) {
            (Lang::En, Some(r)) if !r.name_en.is_empty() => r.name_en.clone(),
            (_, Some(r)) => r.name.clone(),
            (_, None) => String::new(),
        };
        match (self.verdict, lang) {
            (Verdict::NoRule, Lang::Vi) => {
                format!("{name}: không có điều kiện về khen thưởng trước")
            }
            (Verdict::NoRule, Lang::En) => format!("{name}: no preconditions on earlier awards"),
            (Verdict::Eligible { route: i }, Lang::Vi) => {
                format!("{name}: đủ điều kiện (theo {})", route(i))
            }
            (Verdict::Eligible { route: i }, Lang::En) => {
                format!("{name}: eligible (by {})", route(i))
            }
            (Verdict::ToConfirm { route: i }, Lang::Vi) => format!(
                "{name}: đủ điều kiện theo {} nếu Hội đồng xác nhận các điểm còn lại",
                route(i)
            ),
            (Verdict::ToConfirm { route: i }, Lang::En) => format!(
                "{name}: eligible by {} if the council confirms the remaining points",
                route(i)
            ),
            (Verdict::Ineligible, Lang::Vi) => format!("{name}: chưa đủ điều kiện"),
            (Verdict::Ineligible, Lang::En) => format!("{name}: not eligible"),
            (Verdict::HeldBack, Lang::Vi) => format!(
                "{name}: tạm hoãn xét khen thưởng ({})",
                self.held_back.as_deref().unwrap_or_default()
            ),
            (Verdict::HeldBack, Lang::En) => format!(
                "{name}: held back ({})",
                self.held_back.as_deref().unwrap_or_default()
            ),
        }
    }

    /// The verdict and, for each route, each condition with why it holds or fails.
    pub fn explain(&self, lang: Lang) -> String {
        let mut out = self.summary(lang);
        for r in &self.routes {
            let name = match lang {
                Lang::En if !r.name_en.is_empty() => &r.name_en,
                _ => &r.name,
            };
            out.push_str(&format!("\n- {name}:"));
            for c in &r.conditions {
                out.push_str(&format!("\n    {} {}", mark(c.status), c.explain(lang)));
            }
        }
        out
    }
}

fn mark(s: Status) -> &'static str {
    match s {
        Status::Met => "[x]",
        Status::Failed => "[ ]",
        Status::ToConfirm => "[?]",
    }
}

fn years_list(years: &[i32]) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl ConditionResult {
    /// What the condition asks and what the register shows.
    pub fn explain(&self, lang: Lang) -> String {
        let a = &self.award_names;
        let mut text = match (&self.finding, lang) {
            (
                Finding::Streak {
                    needed,
                    from,
                    to,
                    missing,
                },
                Lang::Vi,
            ) => {
                let mut t = format!("{a} {needed} năm liên tục ({from}–{to})");
                if !missing.is_empty() {
                    t.push_str(&format!(": thiếu năm {}", years_list(missing)));
                }
                t
            }
            (
                Finding::Streak {
                    needed,
                    from,
                    to,
                    missing,
                },
                Lang::En,
            ) => {
                let mut t = format!("{a} in {needed} consecutive years ({from}–{to})");
                if !missing.is_empty() {
                    t.push_str(&format!(": missing {}", years_list(missing)));
                }
                t
            }
            (
                Finding::Count {
                    needed,
                    found,
                    from,
                    to,
                },
                Lang::Vi,
            ) => {
                format!("{a} ít nhất {needed} lần trong {from}–{to}: có {found} lần")
            }
            (
                Finding::Count {
                    needed,
                    found,
                    from,
                    to,
                },
                Lang::En,
            ) => {
                format!("{a} at least {needed} times in {from}–{to}: held {found}")
            }
            (
                Finding::Since {
                    needed,
                    last,
                    proposal_year,
                },
                Lang::Vi,
            ) => match last {
                Some(l) => format!(
                    "ít nhất {needed} năm kể từ {a}: lần gần nhất năm {l}, đến {proposal_year} là {} năm",
                    proposal_year - l
                ),
                None => format!("ít nhất {needed} năm kể từ {a}: chưa được tặng {a}"),
            },
            (
                Finding::Since {
                    needed,
                    last,
                    proposal_year,
                },
                Lang::En,
            ) => match last {
                Some(l) => format!(
                    "at least {needed} years since {a}: last in {l}, {} years before {proposal_year}",
                    proposal_year - l
                ),
                None => format!("at least {needed} years since {a}: {a} never held"),
            },
            (Finding::Held { last }, Lang::Vi) => match last {
                Some(l) => format!("đã được tặng {a} (năm {l})"),
                None => format!("đã được tặng {a}: chưa có"),
            },
            (Finding::Held { last }, Lang::En) => match last {
                Some(l) => format!("holds {a} ({l})"),
                None => format!("holds {a}: not held"),
            },
            (Finding::Confirm { vi, .. }, Lang::Vi) => format!("{vi} (Hội đồng xác nhận)"),
            (Finding::Confirm { en, vi }, Lang::En) => {
                let t = if en.is_empty() { vi } else { en };
                format!("{t} (to be confirmed by the council)")
            }
        };
        if self.excluded > 0 {
            text.push_str(&match lang {
                Lang::Vi => format!(
                    " ({} lần khen theo phong trào/đột xuất không được tính)",
                    self.excluded
                ),
                Lang::En => format!(" ({} movement/one-off award(s) not counted)", self.excluded),
            });
        }
        text
    }
}
