//! `hoidong movement …`: the ward's movements and their criteria from the
//! command line, in the user's language. Every change goes through the
//! store, which checks the plan's rules and audits it.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::cli::database::{self, Access};
use hoidong::domain::criteria::{CriteriaGroup, Criterion};
use hoidong::domain::movement::{Movement, Phase};
use hoidong::domain::movement_plan::{MovementPlan, MovementRefusal};
use hoidong::domain::nominee::NomineeKind;
use hoidong::i18n::Lang as Words;
use hoidong::i18n::Lang;
use hoidong::import::columns::{kind_label, parse_kind};
use hoidong::movement_file;
use hoidong::store::StoreError;

#[derive(Debug, Subcommand)]
pub enum MovementCommand {
    /// The movements in the database.
    List,
    /// A movement's plan, phases, groups and criteria.
    Show { code: String },
    /// Add a movement from its plan; add its groups and criteria after.
    New {
        /// A short code with no spaces: "tb-2026".
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// Number and symbol of the plan: "12/KH-UBND".
        #[arg(long)]
        plan_number: String,
        /// Date of the plan, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// The body that issued the plan: "UBND phường Tân Bình".
        #[arg(long)]
        issuer: String,
        /// The higher plan this one carries out.
        #[arg(long, default_value = "")]
        based_on: String,
        /// A phase as NAME:FROM-TO:REVIEW, e.g. "Giai đoạn 1:2026-2028:2028"; repeat in order.
        #[arg(long)]
        phase: Vec<String>,
    },
    /// Add the sample movement shipped with hoidong (the Thanh Bình plan).
    Seed,
    /// New nominations go into this movement from now on.
    Use { code: String },
    /// A new movement with the groups and criteria of another.
    Copy {
        /// The code of the movement to copy.
        from: String,
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
    },
    /// Write a movement to a file (TOML) to share with another ward.
    Export { code: String, file: PathBuf },
    /// Add a movement from a file written by `movement export`.
    Import { file: PathBuf },
    /// Add a group of criteria to a movement.
    Group {
        /// The movement's code.
        movement: String,
        #[arg(long)]
        code: String,
        #[arg(long)]
        title: String,
        /// Who it applies to, as the plan says.
        #[arg(long, default_value = "")]
        subjects: String,
        /// Kinds of nominee scored against it, separated by ",":
        /// official, resident, other_individual, unit, front_organisation,
        /// enterprise, household.
        #[arg(long)]
        kinds: String,
    },
    /// Add a criterion to a group, or change one.
    #[command(subcommand)]
    Criterion(CriterionCommand),
}

#[derive(Debug, Subcommand)]
pub enum CriterionCommand {
    /// Add a criterion at the end of a group.
    Add {
        movement: String,
        #[arg(long)]
        group: String,
        #[arg(long)]
        code: String,
        #[arg(long)]
        text: String,
        /// Maximum score, whole points from 1 to 100.
        #[arg(long, default_value_t = 10)]
        max: u32,
        #[arg(long, default_value_t = 1.0)]
        weight: f64,
    },
    /// Change a criterion's text, maximum or weight.
    Set {
        movement: String,
        code: String,
        #[arg(long)]
        text: Option<String>,
        #[arg(long)]
        max: Option<u32>,
        #[arg(long)]
        weight: Option<f64>,
    },
}

fn words(lang: Lang) -> Words {
    lang
}

fn vi(lang: Lang) -> bool {
    lang == Lang::Vi
}

/// "Giai đoạn 1:2026-2028:2028" → a phase; a fault is told like a file's.
fn parse_phase(text: &str) -> Result<Phase, MovementRefusal> {
    let bad = || MovementRefusal::File {
        line: 0,
        column: 0,
        detail: format!("--phase “{text}”: NAME:FROM-TO:REVIEW, e.g. Giai đoạn 1:2026-2028:2028"),
    };
    hoidong::domain::movement_plan::parse_phase(text).ok_or_else(bad)
}

fn parse_kinds(text: &str) -> Result<Vec<NomineeKind>, MovementRefusal> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            parse_kind(t).ok_or_else(|| MovementRefusal::UnknownKind {
                text: t.to_string(),
            })
        })
        .collect()
}

fn refused(r: MovementRefusal) -> anyhow::Error {
    StoreError::Movement(r).into()
}

fn print_movement_line(m: &Movement, groups: usize, criteria: usize, lang: Lang) {
    if vi(lang) {
        println!(
            "{}  {} — {} ngày {}, {}; {groups} nhóm, {criteria} tiêu chí",
            m.code, m.name, m.plan_number, m.plan_date, m.issuing_body
        );
    } else {
        println!(
            "{}  {} — {} of {}, {}; {groups} group(s), {criteria} criteria",
            m.code, m.name, m.plan_number, m.plan_date, m.issuing_body
        );
    }
}

fn show(plan: &MovementPlan, lang: Lang) {
    let m = &plan.movement;
    let v = vi(lang);
    println!("{} ({})", m.name, m.code);
    if v {
        println!(
            "Kế hoạch: {} ngày {}, {}",
            m.plan_number, m.plan_date, m.issuing_body
        );
        if !m.based_on.is_empty() {
            println!("Căn cứ: {}", m.based_on);
        }
    } else {
        println!(
            "Plan: {} of {}, {}",
            m.plan_number, m.plan_date, m.issuing_body
        );
        if !m.based_on.is_empty() {
            println!("Based on: {}", m.based_on);
        }
    }
    for p in &m.phases {
        if v {
            println!(
                "  {}: {}–{}, sơ kết năm {}",
                p.name, p.start_year, p.end_year, p.review_year
            );
        } else {
            println!(
                "  {}: {}–{}, reviewed in {}",
                p.name, p.start_year, p.end_year, p.review_year
            );
        }
    }
    if plan.groups.is_empty() {
        println!(
            "{}",
            if v {
                "Chưa có nhóm tiêu chí: thêm bằng `hoidong movement group MÃ --code … --title … --kinds resident`"
            } else {
                "no criteria group yet: add one with `hoidong movement group CODE --code … --title … --kinds resident`"
            }
        );
    }
    for g in &plan.groups {
        let kinds: Vec<&str> = g
            .kinds
            .iter()
            .map(|k| if v { kind_label(*k) } else { k.code() })
            .collect();
        println!("\n{} {} [{}]", g.code, g.title, kinds.join("; "));
        for c in &g.criteria {
            if v {
                println!(
                    "  {:<10} tối đa {:>3}  trọng số {:<4}  {}",
                    c.code, c.max_score, c.weight, c.text
                );
            } else {
                println!(
                    "  {:<10} max {:>3}  weight {:<4}  {}",
                    c.code, c.max_score, c.weight, c.text
                );
            }
        }
    }
}

fn added(m: &Movement, lang: Lang) {
    if vi(lang) {
        println!("Đã thêm phong trào {} ({})", m.name, m.code);
    } else {
        println!("movement {} ({}) added", m.name, m.code);
    }
}

pub fn run(db: Option<&Path>, cmd: &MovementCommand, lang: Lang) -> anyhow::Result<()> {
    // A file to import is read before the database is opened: a handle
    // closed on the database file itself would drop SQLite's locks.
    let import_text = match cmd {
        MovementCommand::Import { file } => Some(std::fs::read_to_string(file).map_err(
            |source| StoreError::Io {
                path: file.clone(),
                source,
            },
        )?),
        _ => None,
    };
    let mut store = database::open(db, Access::Existing)?;
    match cmd {
        MovementCommand::List => {
            let all = store.movements()?;
            if all.is_empty() {
                let hint = hoidong::i18n::movement::add_hint(words(lang));
                if vi(lang) {
                    println!("Chưa có phong trào thi đua nào: {hint}");
                } else {
                    println!("no movement yet: {hint}");
                }
            }
            let current = store.current_movement()?;
            for m in &all {
                let groups = store.criteria_groups(m.id)?;
                let criteria = groups.iter().map(|g| g.criteria.len()).sum();
                let mark = if current.as_deref() == Some(m.code.as_str()) {
                    "* "
                } else {
                    "  "
                };
                print!("{mark}");
                print_movement_line(m, groups.len(), criteria, lang);
            }
        }
        MovementCommand::Show { code } => show(&store.movement_plan(code)?, lang),
        MovementCommand::New {
            code,
            name,
            plan_number,
            date,
            issuer,
            based_on,
            phase,
        } => {
            let phases = phase
                .iter()
                .map(|p| parse_phase(p))
                .collect::<Result<Vec<_>, _>>()
                .map_err(refused)?;
            let m = store.add_movement(&MovementPlan {
                movement: Movement {
                    id: 0,
                    code: code.clone(),
                    name: name.clone(),
                    plan_number: plan_number.clone(),
                    plan_date: date.clone(),
                    issuing_body: issuer.clone(),
                    based_on: based_on.clone(),
                    phases,
                },
                groups: Vec::new(),
            })?;
            added(&m, lang);
        }
        MovementCommand::Seed => added(&store.add_seed_movement()?, lang),
        MovementCommand::Use { code } => {
            let m = store.use_movement(code)?;
            if vi(lang) {
                println!(
                    "Từ nay đề nghị mới thuộc phong trào {} ({})",
                    m.name, m.code
                );
            } else {
                println!("new nominations now go into {} ({})", m.name, m.code);
            }
        }
        MovementCommand::Copy { from, code, name } => {
            let m = store.copy_movement(from, code, name)?;
            added(&m, lang);
        }
        MovementCommand::Export { code, file } => {
            let plan = store.movement_plan(code)?;
            let text = movement_file::to_text(&plan).map_err(|e| StoreError::Unencodable {
                what: "movement plan",
                detail: e.to_string(),
            })?;
            write_new(file, &text)?;
            if vi(lang) {
                println!(
                    "Đã ghi phong trào {} vào {}",
                    plan.movement.code,
                    file.display()
                );
            } else {
                println!(
                    "movement {} written to {}",
                    plan.movement.code,
                    file.display()
                );
            }
        }
        MovementCommand::Import { file } => {
            let text = import_text.unwrap_or_default();
            let plan = movement_file::from_text(&text)
                .map_err(|r| anyhow::anyhow!("{}: {}", file.display(), r.message(words(lang))))?;
            let m = store.add_movement(&plan).map_err(|e| match e {
                StoreError::Movement(r) => {
                    anyhow::anyhow!("{}: {}", file.display(), r.message(words(lang)))
                }
                e => e.into(),
            })?;
            added(&m, lang);
        }
        MovementCommand::Group {
            movement,
            code,
            title,
            subjects,
            kinds,
        } => {
            let kinds = parse_kinds(kinds).map_err(refused)?;
            store.add_criteria_group(
                movement,
                &CriteriaGroup {
                    code: code.clone(),
                    title: title.clone(),
                    subjects: subjects.clone(),
                    kinds,
                    criteria: Vec::new(),
                },
            )?;
            if vi(lang) {
                println!("Đã thêm nhóm {code} vào phong trào {movement}");
            } else {
                println!("group {code} added to movement {movement}");
            }
        }
        MovementCommand::Criterion(CriterionCommand::Add {
            movement,
            group,
            code,
            text,
            max,
            weight,
        }) => {
            store.add_criterion(
                movement,
                group,
                &Criterion {
                    code: code.clone(),
                    text: text.clone(),
                    max_score: *max,
                    weight: *weight,
                },
            )?;
            if vi(lang) {
                println!(
                    "Đã thêm tiêu chí {code} (tối đa {max}, trọng số {weight}) vào nhóm {group}"
                );
            } else {
                println!("criterion {code} (max {max}, weight {weight}) added to group {group}");
            }
        }
        MovementCommand::Criterion(CriterionCommand::Set {
            movement,
            code,
            text,
            max,
            weight,
        }) => {
            let c = store.change_criterion(movement, code, text.as_deref(), *max, *weight)?;
            if vi(lang) {
                println!(
                    "Đã sửa tiêu chí {}: tối đa {}, trọng số {}",
                    c.label(),
                    c.max_score,
                    c.weight
                );
            } else {
                println!(
                    "criterion {} changed: max {}, weight {}",
                    c.label(),
                    c.max_score,
                    c.weight
                );
            }
        }
    }
    Ok(())
}

/// Write a new file; an existing one is never replaced.
fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                StoreError::AlreadyExists {
                    path: path.to_path_buf(),
                }
            } else {
                StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                }
            }
        })?;
    f.write_all(text.as_bytes())
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(())
}
