//! The council (Hội đồng Thi đua – Khen thưởng), its terms and its members.
//! The rules of membership live in `council_rules`.

use serde::{Deserialize, Serialize};

use super::nominee::Sex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Chủ tịch Hội đồng.
    Chair,
    /// Phó Chủ tịch.
    ViceChair,
    /// Ủy viên thường trực.
    StandingMember,
    /// Thư ký Hội đồng.
    Secretary,
    /// Ủy viên.
    Member,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Chair,
        Role::ViceChair,
        Role::StandingMember,
        Role::Secretary,
        Role::Member,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::ViceChair => "vice_chair",
            Role::StandingMember => "standing_member",
            Role::Secretary => "secretary",
            Role::Member => "member",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
    /// True when the council has at most one member in this role at a time.
    pub fn is_single(self) -> bool {
        matches!(self, Role::Chair | Role::Secretary)
    }
    /// Who takes the minutes when a meeting names no secretary: the
    /// council's secretary, else its standing member.
    pub fn keeps_minutes(self) -> bool {
        matches!(self, Role::Secretary | Role::StandingMember)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Council {
    pub id: i64,
    pub name: String,
    /// Level code of the council (ward, province, …).
    pub level: String,
    /// The decision that set up the council as written before decisions had
    /// their own fields, e.g. "Quyết định số 12/QĐ-UBND ngày 05/01/2026".
    pub founding_decision: String,
    /// Number and symbol of the establishing decision: "15/QĐ-UBND".
    #[serde(default)]
    pub decision_number: String,
    /// Date of that decision, YYYY-MM-DD.
    #[serde(default)]
    pub decision_date: Option<String>,
    /// Who signed it.
    #[serde(default)]
    pub signer: String,
    /// First and last day of the term, YYYY-MM-DD; open when absent.
    #[serde(default)]
    pub term_from: Option<String>,
    #[serde(default)]
    pub term_to: Option<String>,
}

impl Council {
    /// True when `date` (YYYY-MM-DD…) falls within the council's term.
    pub fn covers(&self, date: &str) -> bool {
        let day = date.get(..10).unwrap_or(date);
        self.term_from.as_deref().is_none_or(|f| f <= day)
            && self.term_to.as_deref().is_none_or(|t| day <= t)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: i64,
    pub council_id: i64,
    pub name: String,
    pub role: Role,
    /// Chức vụ, e.g. "Phó Chủ tịch UBND phường".
    pub position: String,
    /// Đơn vị công tác.
    #[serde(default)]
    pub unit: String,
    pub sex: Option<Sex>,
    /// First day in office, YYYY-MM-DD.
    pub term_start: String,
    /// Last day in office; open while still in office.
    pub term_end: Option<String>,
    /// The member this one replaced.
    #[serde(default)]
    pub replaces: Option<i64>,
}

impl Member {
    /// True when the member is in office on `date` (YYYY-MM-DD…).
    pub fn in_office_on(&self, date: &str) -> bool {
        let day = date.get(..10).unwrap_or(date);
        self.term_start.as_str() <= day && self.term_end.as_deref().is_none_or(|e| day <= e)
    }
}

/// A council to establish for a term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewCouncil {
    pub name: String,
    pub level: String,
    pub decision_number: String,
    pub decision_date: String,
    pub signer: String,
    pub term_from: String,
    pub term_to: String,
}

/// A member to add to a council.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMember {
    pub name: String,
    pub role: Role,
    pub position: String,
    pub unit: String,
    pub sex: Option<Sex>,
    pub from: String,
}
