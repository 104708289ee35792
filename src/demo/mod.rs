//! Invented demo data for the ward of Thanh Bình, and deterministic synthetic
//! databases of any size. Every person here is invented.

mod meetings;
mod past;
mod pools;
pub mod synthetic;

use pools::*;

use std::collections::{HashMap, HashSet};

use crate::domain::council::{Council, Member, Role};
use crate::domain::movement::Round;
use crate::domain::nomination::{Evidence, EvidenceKind, NewNomination, NominationStatus};
use crate::domain::nominee::{NewNominee, NomineeKind, Sex};
use crate::domain::scoring::Score;
use crate::domain::ward::WardIdentity;
use crate::store::{Result, Store, Tx};

/// A small deterministic generator (SplitMix64), so the same seed gives the same data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub nominations: usize,
    pub seed: u64,
    /// Write every row through the audited path (small demo) or in bulk (large synthetic sets).
    pub audited: bool,
}

struct Person {
    name: String,
    sex: Sex,
}

fn person(rng: &mut Rng) -> Person {
    let female = rng.chance(50);
    let family = *rng.pick(FAMILY);
    let (middle, given) = if female {
        (*rng.pick(MIDDLE_F), *rng.pick(GIVEN_F))
    } else {
        (*rng.pick(MIDDLE_M), *rng.pick(GIVEN_M))
    };
    Person {
        name: format!("{family} {middle} {given}"),
        sex: if female { Sex::Female } else { Sex::Male },
    }
}

/// The demo ward's identity (invented Thanh Bình).
pub fn ward_identity() -> WardIdentity {
    WardIdentity {
        governing_body: "UBND PHƯỜNG THANH BÌNH".into(),
        council_name: "Hội đồng Thi đua – Khen thưởng phường Thanh Bình".into(),
        place_name: "Thanh Bình".into(),
        minutes_symbol: "BB-HĐTĐKT".into(),
        decision_symbol: "QĐ-UBND".into(),
        submission_symbol: "TTr-HĐTĐKT".into(),
        recipients_minutes: vec![
            "Thành viên Hội đồng".into(),
            "Chủ tịch UBND phường Thanh Bình (để báo cáo)".into(),
            "Lưu: VT, HĐTĐKT".into(),
        ],
        recipients_decision: vec!["Như Điều 3".into(), "Lưu: VT, HĐTĐKT".into()],
        recipients_submission: vec![
            "Chủ tịch UBND phường Thanh Bình".into(),
            "Lưu: VT, HĐTĐKT".into(),
        ],
        chairman_title: "Chủ tịch UBND phường Thanh Bình".into(),
        chairman_name: "Trịnh Văn Khải".into(),
    }
}

/// The ward's council: 11 members.
pub fn council_members() -> Vec<(Role, &'static str, &'static str, Sex)> {
    vec![
        (
            Role::Chair,
            "Trịnh Văn Khải",
            "Chủ tịch UBND phường",
            Sex::Male,
        ),
        (
            Role::ViceChair,
            "Lương Thị Diệp",
            "Phó Chủ tịch UBND phường",
            Sex::Female,
        ),
        (
            Role::ViceChair,
            "Võ Minh Tân",
            "Chủ tịch Ủy ban MTTQ phường",
            Sex::Male,
        ),
        (
            Role::StandingMember,
            "Hà Thu Nguyệt",
            "Công chức Văn phòng – Thống kê",
            Sex::Female,
        ),
        (
            Role::Member,
            "Kiều Văn Thịnh",
            "Chủ tịch Hội Cựu chiến binh phường",
            Sex::Male,
        ),
        (
            Role::Member,
            "Âu Thị Hạnh",
            "Chủ tịch Hội LHPN phường",
            Sex::Female,
        ),
        (
            Role::Member,
            "Quách Đức Toàn",
            "Bí thư Đoàn phường",
            Sex::Male,
        ),
        (
            Role::Member,
            "Lã Thị Nhung",
            "Công chức Tài chính – Kế toán",
            Sex::Female,
        ),
        (
            Role::Member,
            "Chu Văn Điền",
            "Công chức Địa chính – Xây dựng",
            Sex::Male,
        ),
        (
            Role::Member,
            "Tôn Nữ Thùy Dương",
            "Chủ tịch Công đoàn cơ sở",
            Sex::Female,
        ),
        (
            Role::Member,
            "Mai Xuân Đoàn",
            "Trưởng Công an phường",
            Sex::Male,
        ),
    ]
}

fn create_council(w: &Tx<'_>) -> Result<Vec<i64>> {
    w.set_ward(&ward_identity())?;
    let council_id = w.insert_council(&Council {
        id: 0,
        name: "Hội đồng Thi đua – Khen thưởng phường Thanh Bình".into(),
        level: "ward".into(),
        founding_decision: String::new(),
        decision_number: "15/QĐ-UBND".into(),
        decision_date: Some("2026-01-06".into()),
        signer: "Trịnh Văn Khải".into(),
        term_from: Some("2026-01-06".into()),
        term_to: Some("2031-12-31".into()),
    })?;
    let mut ids = Vec::new();
    for (role, name, position, sex) in council_members() {
        ids.push(w.insert_member(&Member {
            id: 0,
            council_id,
            name: name.into(),
            role,
            position: position.into(),
            unit: String::new(),
            sex: Some(sex),
            term_start: "2026-01-06".into(),
            term_end: None,
            replaces: None,
        })?);
    }
    Ok(ids)
}

/// Award codes by nominee kind, with how often each is proposed.
fn award_for(kind: NomineeKind, rng: &mut Rng) -> &'static str {
    let options: &[&'static str] = match kind {
        NomineeKind::Official => &[
            "ldtt",
            "ldtt",
            "cstdcs",
            "cstdcs",
            "giay_khen",
            "bk_tinh",
            "cstd_tinh",
            "bk_ttg",
            "hcld3",
        ],
        NomineeKind::Resident => &["giay_khen", "giay_khen", "bk_tinh"],
        NomineeKind::OtherIndividual => &["giay_khen", "bk_tinh", "bk_ttg"],
        NomineeKind::Unit => &["ttldtt", "giay_khen", "bk_tinh", "bk_ttg", "hcld3"],
        NomineeKind::FrontOrganisation => &["giay_khen", "bk_tinh", "ttldtt"],
        NomineeKind::Enterprise => &["giay_khen", "bk_tinh"],
        NomineeKind::Household => &["gdvh", "giay_khen", "bk_tinh"],
    };
    options[rng.below(options.len())]
}

/// The ward's own collectives of a kind, if the kind is a collective.
fn collective_pool(kind: NomineeKind) -> Option<&'static [&'static str]> {
    match kind {
        NomineeKind::Unit => Some(UNITS),
        NomineeKind::FrontOrganisation => Some(FRONT),
        NomineeKind::Enterprise => Some(ENTERPRISES),
        _ => None,
    }
}

fn nominee_for(kind: NomineeKind, rng: &mut Rng, serial: usize) -> NewNominee {
    let address = format!("Số {} {}", 1 + rng.below(180), rng.pick(STREETS));
    match kind {
        NomineeKind::Official | NomineeKind::Resident | NomineeKind::OtherIndividual => {
            let p = person(rng);
            let (position, unit) = match kind {
                NomineeKind::Official => {
                    let unit = *rng.pick(UNITS);
                    (rng.pick(positions_in(unit)).to_string(), unit.to_string())
                }
                NomineeKind::Resident => {
                    ("Người dân".to_string(), rng.pick(RESIDENTIAL).to_string())
                }
                _ => (
                    rng.pick(OTHER_POSITIONS).to_string(),
                    rng.pick(ENTERPRISES).to_string(),
                ),
            };
            NewNominee {
                kind: Some(kind),
                name: p.name,
                birth_year: Some(1965 + rng.below(36) as i32),
                sex: Some(p.sex),
                position,
                unit,
                address,
                women_share_percent: None,
            }
        }
        NomineeKind::Household => {
            let p = person(rng);
            NewNominee {
                kind: Some(kind),
                name: format!(
                    "Hộ {} {}",
                    if p.sex == Sex::Female { "bà" } else { "ông" },
                    p.name
                ),
                unit: rng.pick(RESIDENTIAL).to_string(),
                address,
                ..NewNominee::default()
            }
        }
        NomineeKind::Unit | NomineeKind::FrontOrganisation | NomineeKind::Enterprise => {
            let pool = collective_pool(kind).unwrap_or(UNITS);
            let base = pool[serial % pool.len()];
            // Large synthetic sets need more collectives than the ward has;
            // the demo reuses the ward's own (see `populate`).
            let name = if serial < pool.len() {
                base.to_string()
            } else {
                format!("{base} (đơn vị {})", serial / pool.len() + 1)
            };
            NewNominee {
                kind: Some(kind),
                name,
                position: String::new(),
                unit: "phường Thanh Bình".into(),
                address,
                women_share_percent: Some(20 + rng.below(70) as u8),
                ..NewNominee::default()
            }
        }
    }
}

fn kind_for(i: usize, rng: &mut Rng) -> NomineeKind {
    // Every kind appears in the first seven, then in realistic shares.
    if i < NomineeKind::ALL.len() {
        return NomineeKind::ALL[i];
    }
    *rng.pick(&[
        NomineeKind::Official,
        NomineeKind::Official,
        NomineeKind::Official,
        NomineeKind::Resident,
        NomineeKind::Resident,
        NomineeKind::OtherIndividual,
        NomineeKind::Unit,
        NomineeKind::FrontOrganisation,
        NomineeKind::Enterprise,
        NomineeKind::Household,
        NomineeKind::Household,
    ])
}

fn round_for(award: &str, rng: &mut Rng) -> Round {
    match award {
        "bk_tinh" | "bk_ttg" | "hcld3" | "cstd_tinh" if rng.chance(70) => Round::Review {
            from: 2022,
            to: 2025,
        },
        _ => Round::Annual {
            year: *rng.pick(&[2025, 2026, 2026]),
        },
    }
}

fn status_for(rng: &mut Rng) -> NominationStatus {
    *rng.pick(&[
        NominationStatus::Submitted,
        NominationStatus::Submitted,
        NominationStatus::Submitted,
        NominationStatus::Submitted,
        NominationStatus::Draft,
    ])
}

fn evidence_for(rng: &mut Rng, nomination_id: i64, i: usize) -> Evidence {
    let kinds = [
        (EvidenceKind::AchievementReport, "Báo cáo thành tích", ""),
        (
            EvidenceKind::Confirmation,
            "Xác nhận của Ban Kinh tế phường",
            "/XN-BKT",
        ),
        (
            EvidenceKind::Decision,
            "Quyết định công nhận sáng kiến",
            "/QĐ-UBND",
        ),
        (EvidenceKind::Photo, "Ảnh công trình sau khi hoàn thành", ""),
        (
            EvidenceKind::Other,
            "Biên bản bàn giao mặt bằng",
            "/BB-GPMB",
        ),
    ];
    let (kind, title, suffix) = kinds[i % kinds.len()];
    let number = if suffix.is_empty() {
        String::new()
    } else {
        format!("{}{}", 10 + rng.below(180), suffix)
    };
    Evidence {
        id: 0,
        nomination_id,
        kind,
        title: title.into(),
        doc_number: number,
        doc_date: Some(format!(
            "2025-{:02}-{:02}",
            1 + rng.below(12),
            1 + rng.below(28)
        )),
        file_path: None,
        sha256: None,
        note: String::new(),
    }
}

/// Fill a new database: the council, nominees, nominations, evidence and scores.
pub fn populate(store: &mut Store, spec: Spec) -> Result<()> {
    if !spec.audited {
        return synthetic::generate(store, spec, synthetic::BATCH);
    }
    // The demo's ward runs the seed's movement.
    let movement_id = match store.movements()?.first() {
        Some(m) => m.id,
        None => store.add_seed_movement()?.id,
    };
    let groups = store.criteria_groups(movement_id)?;
    let mut rng = Rng::new(spec.seed);
    store.write(|w| {
        let members = create_council(w)?;
        let mut created = Vec::with_capacity(spec.nominations);
        // Per kind: how many of that kind so far, and the collectives already
        // stored (a unit proposed for two awards is one nominee).
        let mut per_kind: HashMap<NomineeKind, usize> = HashMap::new();
        let mut collectives: HashMap<String, i64> = HashMap::new();
        let mut proposed: HashSet<(i64, String, String)> = HashSet::new();
        for i in 0..spec.nominations {
            let kind = kind_for(i, &mut rng);
            let serial = per_kind.entry(kind).or_insert(0);
            let pool_len = collective_pool(kind).map_or(usize::MAX, <[&str]>::len);
            // The demo has only the ward's own collectives.
            let nth = if spec.audited {
                *serial % pool_len.max(1)
            } else {
                *serial
            };
            *serial += 1;
            let nominee = nominee_for(kind, &mut rng, nth);
            let mut award = award_for(kind, &mut rng);
            let mut round = round_for(award, &mut rng);
            let summary = format!("{} {}", rng.pick(ACHIEVEMENTS), rng.pick(ACHIEVEMENTS));
            let new = NewNomination {
                nominee_id: 0,
                movement_id,
                round,
                award_code: award.into(),
                proposing_unit: nominee.unit.clone(),
                summary,
                status: status_for(&mut rng),
            };
            let id = {
                let nominee_id = match collectives.get(&nominee.name) {
                    Some(id) => *id,
                    None => {
                        let id = w.insert_nominee(&nominee)?;
                        if !kind.is_person() {
                            collectives.insert(nominee.name.clone(), id);
                        }
                        id
                    }
                };
                // Never the same award twice in one round for one nominee.
                let mut tries = 0;
                while !proposed.insert((nominee_id, round.code(), award.to_string())) && tries < 8 {
                    award = award_for(kind, &mut rng);
                    round = round_for(award, &mut rng);
                    tries += 1;
                }
                w.insert_nomination(&NewNomination {
                    nominee_id,
                    award_code: award.into(),
                    round,
                    ..new
                })?
            };
            created.push((id, kind));
        }
        for (id, kind) in &created {
            let evidence = 1 + rng.below(4);
            for e in 0..evidence {
                let ev = evidence_for(&mut rng, *id, e);
                w.insert_evidence(&ev)?;
            }
            // Most nominations are scored by most members; some are not yet.
            if rng.chance(85) {
                let criteria: Vec<_> = groups
                    .iter()
                    .filter(|g| g.applies_to(*kind))
                    .flat_map(|g| g.criteria.iter())
                    .collect();
                let base = 55 + rng.below(40) as u32;
                for m in &members {
                    if !rng.chance(90) {
                        continue;
                    }
                    for c in &criteria {
                        let tenths = (base + rng.below(15) as u32).min(c.max_score * 10);
                        let s = Score {
                            member_id: *m,
                            criterion_code: c.code.clone(),
                            tenths,
                        };
                        w.put_score(*id, &s)?;
                    }
                }
                w.refresh_score(*id)?;
            }
        }
        Ok(())
    })?;
    meetings::add_meetings(store)?;
    past::add_past(store)?;
    Ok(())
}

/// The demo database: 64 nominations over every kind and award level.
pub fn demo_spec() -> Spec {
    Spec {
        nominations: 64,
        seed: 2026,
        audited: true,
    }
}
