//! The council (Hội đồng Thi đua – Khen thưởng) and its members.

use serde::{Deserialize, Serialize};

use super::nominee::Sex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Chủ tịch Hội đồng.
    Chair,
    /// Phó Chủ tịch.
    ViceChair,
    /// Ủy viên thường trực (thư ký).
    StandingMember,
    /// Ủy viên.
    Member,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Chair,
        Role::ViceChair,
        Role::StandingMember,
        Role::Member,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::ViceChair => "vice_chair",
            Role::StandingMember => "standing_member",
            Role::Member => "member",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Council {
    pub id: i64,
    pub name: String,
    /// Level code of the council (ward, province, …).
    pub level: String,
    /// The decision that set up the council, e.g. "Quyết định số 12/QĐ-UBND ngày 05/01/2026".
    pub founding_decision: String,
    /// Body that issues the council's documents, e.g. "UBND PHƯỜNG THANH BÌNH".
    pub issuing_body: String,
    /// Place name used in dates of documents, e.g. "Thanh Bình".
    pub place_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: i64,
    pub council_id: i64,
    pub name: String,
    pub role: Role,
    /// Chức vụ, e.g. "Phó Chủ tịch UBND phường".
    pub position: String,
    pub sex: Option<Sex>,
    pub term_start: String,
    pub term_end: Option<String>,
}
