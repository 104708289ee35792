//! The award catalogue and the chain of levels that propose and decide them.
//! Both are data (see `data/catalogue.toml`); nothing here names a specific award.

use serde::{Deserialize, Serialize};

use super::nominee::{NomineeKind, RecipientClass};

/// One level of the administrative chain: ward, province, central, state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    pub code: String,
    pub name: String,
    /// 0 for the lowest (the ward); each level up adds one.
    pub rank: u8,
}

/// Whether an award rewards sustained merit or a movement / one-off achievement.
/// Only merit awards count as a basis for higher merit awards (NĐ 152/2025 Điều 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeritKind {
    /// Công trạng, titles for completing tasks.
    Merit,
    /// Phong trào thi đua, chuyên đề.
    Movement,
    /// Đột xuất.
    OneOff,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Award {
    pub code: String,
    pub name: String,
    pub short_name: String,
    /// Who grants it, e.g. "Chủ tịch UBND phường".
    pub granted_by: String,
    /// Level code where the granting authority sits.
    pub decided_at: String,
    /// Position in the ladder, 1 = lowest.
    pub rank: u8,
    pub recipients: Vec<RecipientClass>,
    pub merit: MeritKind,
    /// A title (danh hiệu) rather than a form of commendation (hình thức).
    pub is_title: bool,
    /// Legal basis shown to the user, e.g. "Luật TĐKT 2022 Điều 75".
    pub basis: String,
}

impl Award {
    pub fn accepts(&self, kind: NomineeKind) -> bool {
        self.recipients.contains(&kind.class())
    }
}

/// The catalogue: levels in order and the awards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Catalogue {
    pub levels: Vec<Level>,
    pub awards: Vec<Award>,
}

impl Catalogue {
    pub fn award(&self, code: &str) -> Option<&Award> {
        self.awards.iter().find(|a| a.code == code)
    }

    pub fn level(&self, code: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.code == code)
    }

    /// The lowest level: the council this database belongs to.
    pub fn home_level(&self) -> Option<&Level> {
        self.levels.iter().min_by_key(|l| l.rank)
    }

    /// True when the home council decides the award itself; otherwise it is
    /// proposed (referred) upward.
    pub fn decided_at_home(&self, award: &Award) -> bool {
        self.home_level()
            .is_some_and(|h| h.code == award.decided_at)
    }

    /// The level immediately above `level_code`, if any.
    pub fn next_level(&self, level_code: &str) -> Option<&Level> {
        let rank = self.level(level_code)?.rank;
        self.levels
            .iter()
            .filter(|l| l.rank > rank)
            .min_by_key(|l| l.rank)
    }
}
