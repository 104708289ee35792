//! Who can be nominated: people, collectives, households, enterprises.

use serde::{Deserialize, Serialize};

use super::text_rules::{self, TextField, TextRefusal};

/// Kind of nominee, following the subject groups of the movement's plan (III.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum NomineeKind {
    /// Cán bộ, công chức, viên chức (1.4 a).
    Official,
    /// Người dân (1.4 b).
    Resident,
    /// Doanh nhân, trí thức, nhà khoa học, kỹ sư, công nhân… (1.4, other subjects).
    OtherIndividual,
    /// Ban, ngành, đơn vị sự nghiệp (1.1).
    Unit,
    /// Ủy ban MTTQ, đoàn thể, tổ chức chính trị - xã hội (1.2).
    FrontOrganisation,
    /// Tổ chức, doanh nghiệp (1.3).
    Enterprise,
    /// Hộ gia đình (1.3).
    Household,
}

/// What an award can be given to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientClass {
    Individual,
    Collective,
    Household,
    Enterprise,
}

impl NomineeKind {
    pub const ALL: [NomineeKind; 7] = [
        NomineeKind::Official,
        NomineeKind::Resident,
        NomineeKind::OtherIndividual,
        NomineeKind::Unit,
        NomineeKind::FrontOrganisation,
        NomineeKind::Enterprise,
        NomineeKind::Household,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NomineeKind::Official => "official",
            NomineeKind::Resident => "resident",
            NomineeKind::OtherIndividual => "other_individual",
            NomineeKind::Unit => "unit",
            NomineeKind::FrontOrganisation => "front_organisation",
            NomineeKind::Enterprise => "enterprise",
            NomineeKind::Household => "household",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn class(self) -> RecipientClass {
        match self {
            NomineeKind::Official | NomineeKind::Resident | NomineeKind::OtherIndividual => {
                RecipientClass::Individual
            }
            NomineeKind::Unit | NomineeKind::FrontOrganisation => RecipientClass::Collective,
            NomineeKind::Enterprise => RecipientClass::Enterprise,
            NomineeKind::Household => RecipientClass::Household,
        }
    }

    pub fn is_person(self) -> bool {
        self.class() == RecipientClass::Individual
    }

    /// The criteria groups of the plan that apply to this kind.
    pub fn criteria_groups(self) -> &'static [&'static str] {
        match self {
            NomineeKind::Unit => &["1.1a", "1.1b"],
            NomineeKind::FrontOrganisation => &["1.2"],
            NomineeKind::Enterprise | NomineeKind::Household => &["1.3"],
            NomineeKind::Official => &["1.4a"],
            NomineeKind::Resident => &["1.4b"],
            NomineeKind::OtherIndividual => &["1.4c"],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "male" => Some(Sex::Male),
            "female" => Some(Sex::Female),
            _ => None,
        }
    }
}

pub type NomineeId = i64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nominee {
    pub id: NomineeId,
    pub kind: NomineeKind,
    /// Full name of a person, or the name of the collective, household or enterprise.
    pub name: String,
    pub birth_year: Option<i32>,
    pub sex: Option<Sex>,
    /// Chức vụ.
    pub position: String,
    /// Đơn vị công tác / đơn vị quản lý.
    pub unit: String,
    pub address: String,
    /// For collectives: share of women among members, in percent, when known
    /// (collectives with at least 70% women are preferred on equal merit).
    pub women_share_percent: Option<u8>,
    /// Optimistic-concurrency version, bumped on every change.
    pub version: i64,
}

/// A nominee before it is stored.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewNominee {
    pub kind: Option<NomineeKind>,
    pub name: String,
    pub birth_year: Option<i32>,
    pub sex: Option<Sex>,
    pub position: String,
    pub unit: String,
    pub address: String,
    pub women_share_percent: Option<u8>,
}

impl NewNominee {
    /// The same nominee with every text field cleaned by the text rules
    /// (a name, then one-line fields); the first refused field is named.
    pub fn cleaned(&self) -> Result<NewNominee, TextRefusal> {
        Ok(NewNominee {
            name: text_rules::name(TextField::Name, &self.name)?,
            position: text_rules::line(TextField::Position, &self.position)?,
            unit: text_rules::line(TextField::Unit, &self.unit)?,
            address: text_rules::line(TextField::Address, &self.address)?,
            ..self.clone()
        })
    }
}

/// Why a nominee's fields were refused; each names the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NomineeRefusal {
    /// No kind (resident, official, household, collective…) was chosen.
    NoKind,
    EmptyName,
    /// A birth year outside 1900–2100.
    ImplausibleBirthYear {
        year: i32,
    },
    /// A share of women over 100%.
    WomenShareOver {
        percent: u8,
    },
}

/// Check a nominee's fields before it is stored; the kind when they pass.
pub fn check(n: &NewNominee) -> Result<NomineeKind, NomineeRefusal> {
    let kind = n.kind.ok_or(NomineeRefusal::NoKind)?;
    if super::text::nfc(&n.name).trim().is_empty() {
        return Err(NomineeRefusal::EmptyName);
    }
    if let Some(year) = n.birth_year
        && !(1900..=2100).contains(&year)
    {
        return Err(NomineeRefusal::ImplausibleBirthYear { year });
    }
    if let Some(percent) = n.women_share_percent
        && percent > 100
    {
        return Err(NomineeRefusal::WomenShareOver { percent });
    }
    Ok(kind)
}

#[cfg(test)]
mod check_tests {
    use super::*;

    fn resident(name: &str) -> NewNominee {
        NewNominee {
            kind: Some(NomineeKind::Resident),
            name: name.into(),
            ..NewNominee::default()
        }
    }

    #[test]
    fn each_field_is_refused_by_name() {
        let mut n = resident("Lê Thị Hoa");
        assert_eq!(check(&n), Ok(NomineeKind::Resident));
        n.kind = None;
        assert_eq!(check(&n), Err(NomineeRefusal::NoKind));
        assert_eq!(check(&resident("  ")), Err(NomineeRefusal::EmptyName));
        let mut n = resident("Lê Thị Hoa");
        n.birth_year = Some(1899);
        assert_eq!(
            check(&n),
            Err(NomineeRefusal::ImplausibleBirthYear { year: 1899 })
        );
        n.birth_year = Some(1900);
        n.women_share_percent = Some(101);
        assert_eq!(
            check(&n),
            Err(NomineeRefusal::WomenShareOver { percent: 101 })
        );
        n.women_share_percent = Some(100);
        assert!(check(&n).is_ok());
    }
}
