//! Ranking of the nominations of one round and award level by consolidated
//! score. On equal scores women, and collectives whose members are mostly
//! women, come first (NĐ 152/2025 Điều 4); the share is the council's setting.

use std::collections::HashMap;

use super::nominee::{Nominee, Sex};

/// Whether the nominee goes first among equal scores or votes: a woman, or a
/// collective with at least `women_share` percent women (the council's
/// setting; the ranking and the ballot-count record both ask here).
pub fn preferred_on_equal_score(nominee: &Nominee, women_share: u8) -> bool {
    if nominee.kind.is_person() {
        nominee.sex == Some(Sex::Female)
    } else {
        nominee
            .women_share_percent
            .is_some_and(|p| p >= women_share)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub preferred: bool,
    /// Scores still missing (members not recused × criteria, minus those given).
    pub missing: u32,
}

/// How a candidate's place relates to others with the same score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    None,
    /// Same score and same preference as another: they share the rank.
    Shared,
    /// Same score as another, placed ahead by the preference for women.
    AheadByPreference,
    /// Same score as another who was placed ahead by the preference.
    BehindByPreference,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// 1-based; None for a nomination without a consolidated score.
    pub rank: Option<u32>,
    pub tie: Tie,
    pub candidate: Candidate,
}

/// Scores are compared to the hundredth, as they are shown to a tenth.
fn score_key(score: f64) -> i64 {
    (score * 100.0).round() as i64
}

/// Rank candidates: highest score first; equal scores with the preferred
/// first; candidates who remain equal share a rank (1, 2, 2, 4). Candidates
/// without a score come last, unranked.
pub fn rank(mut candidates: Vec<Candidate>) -> Vec<Ranked> {
    candidates.sort_by(|a, b| {
        let ka = a.score.map(score_key);
        let kb = b.score.map(score_key);
        kb.cmp(&ka)
            .then(b.preferred.cmp(&a.preferred))
            .then(a.id.cmp(&b.id))
    });
    // One pass over the sorted list: each (score, preference) group starts
    // where its rank is, and the counts per score tell the ties.
    let mut first_of_group: HashMap<(i64, bool), usize> = HashMap::new();
    let mut per_score: HashMap<i64, [usize; 2]> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if let Some(score) = c.score.map(score_key) {
            first_of_group.entry((score, c.preferred)).or_insert(i);
            per_score.entry(score).or_default()[usize::from(c.preferred)] += 1;
        }
    }
    candidates
        .into_iter()
        .map(|c| {
            let Some(score) = c.score.map(score_key) else {
                return Ranked {
                    rank: None,
                    tie: Tie::None,
                    candidate: c,
                };
            };
            let [plain, preferred] = per_score.get(&score).copied().unwrap_or_default();
            let tie = match (c.preferred, plain, preferred) {
                (true, p, _) if p > 0 => Tie::AheadByPreference,
                (false, _, p) if p > 0 => Tie::BehindByPreference,
                _ if plain + preferred > 1 => Tie::Shared,
                _ => Tie::None,
            };
            let ahead = first_of_group
                .get(&(score, c.preferred))
                .copied()
                .unwrap_or_default();
            Ranked {
                rank: Some(u32::try_from(ahead).unwrap_or(u32::MAX).saturating_add(1)),
                tie,
                candidate: c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nominee::NomineeKind;

    fn c(id: i64, score: Option<f64>, preferred: bool) -> Candidate {
        Candidate {
            id,
            name: format!("N{id}"),
            score,
            preferred,
            missing: 0,
        }
    }

    fn nominee(kind: NomineeKind, sex: Option<Sex>, women: Option<u8>) -> Nominee {
        Nominee {
            id: 1,
            kind,
            name: "N".into(),
            birth_year: Some(1980),
            sex,
            position: String::new(),
            unit: String::new(),
            address: String::new(),
            women_share_percent: women,
            version: 1,
        }
    }

    #[test]
    fn women_and_collectives_from_the_councils_share_are_preferred() {
        use NomineeKind::*;
        let woman = nominee(Official, Some(Sex::Female), None);
        let man = nominee(Official, Some(Sex::Male), None);
        let unknown = nominee(Official, None, None);
        assert!(preferred_on_equal_score(&woman, 70));
        assert!(!preferred_on_equal_score(&man, 0));
        assert!(!preferred_on_equal_score(&unknown, 70));
        let unit = nominee(Unit, None, Some(65));
        assert!(!preferred_on_equal_score(&unit, 70));
        assert!(preferred_on_equal_score(&unit, 65));
        assert!(preferred_on_equal_score(&unit, 60));
        assert!(!preferred_on_equal_score(&nominee(Unit, None, None), 0));
    }

    fn order(r: &[Ranked]) -> Vec<(i64, Option<u32>, Tie)> {
        r.iter().map(|x| (x.candidate.id, x.rank, x.tie)).collect()
    }

    #[test]
    fn highest_first_unscored_last() {
        let r = rank(vec![
            c(1, Some(70.0), false),
            c(2, None, true),
            c(3, Some(91.5), false),
        ]);
        assert_eq!(
            order(&r),
            vec![
                (3, Some(1), Tie::None),
                (1, Some(2), Tie::None),
                (2, None, Tie::None)
            ]
        );
    }

    #[test]
    fn equal_scores_share_a_rank_and_the_next_rank_skips() {
        let r = rank(vec![
            c(1, Some(80.0), false),
            c(2, Some(80.0), false),
            c(3, Some(60.0), false),
        ]);
        assert_eq!(
            order(&r),
            vec![
                (1, Some(1), Tie::Shared),
                (2, Some(1), Tie::Shared),
                (3, Some(3), Tie::None)
            ]
        );
    }

    #[test]
    fn women_first_on_equal_score_only() {
        let r = rank(vec![
            c(1, Some(80.0), false),
            c(2, Some(80.0), true),
            c(3, Some(85.0), false),
            c(4, Some(79.9), true),
        ]);
        assert_eq!(
            order(&r),
            vec![
                (3, Some(1), Tie::None),
                (2, Some(2), Tie::AheadByPreference),
                (1, Some(3), Tie::BehindByPreference),
                (4, Some(4), Tie::None)
            ]
        );
    }

    #[test]
    fn preference_of_people_and_collectives() {
        let mut n = Nominee {
            id: 1,
            kind: NomineeKind::Official,
            name: "A".into(),
            birth_year: None,
            sex: Some(Sex::Female),
            position: String::new(),
            unit: String::new(),
            address: String::new(),
            women_share_percent: None,
            version: 1,
        };
        assert!(preferred_on_equal_score(&n, 70));
        n.sex = Some(Sex::Male);
        assert!(!preferred_on_equal_score(&n, 70));
        n.kind = NomineeKind::Unit;
        n.women_share_percent = Some(70);
        assert!(preferred_on_equal_score(&n, 70));
        n.women_share_percent = Some(69);
        assert!(!preferred_on_equal_score(&n, 70));
    }
}
