//! `hoidong ward …` and `hoidong council …`: the ward's identity and the
//! council, its terms and members, from the command line. The rules are the
//! domain's, checked by the store; this file reads arguments and prints.

use std::path::Path;

use clap::{Args, Subcommand};

use crate::cli::database::{self, Access};
use hoidong::domain::council::{Council, Member, NewCouncil, NewMember, Role};
use hoidong::domain::council_rules::{self, CouncilRefusal};
use hoidong::domain::nominee::Sex;
use hoidong::domain::ward::WardIdentity;
use hoidong::i18n::Lang;
use hoidong::i18n::council::{role_from_input, role_label};
use hoidong::store::{Store, StoreError};

#[derive(Debug, Subcommand)]
pub enum WardCommand {
    /// Print the ward's identity, as every document prints it.
    Show,
    /// Set the ward's identity; fields not given keep their value.
    Set(Box<WardArgs>),
}

#[derive(Debug, Args)]
pub struct WardArgs {
    /// Governing body, as the header prints it: "UBND PHƯỜNG TÂN BÌNH".
    #[arg(long)]
    pub body: Option<String>,
    /// The council's name: "Hội đồng Thi đua – Khen thưởng phường Tân Bình".
    #[arg(long)]
    pub council_name: Option<String>,
    /// Place name written before dates: "Tân Bình".
    #[arg(long)]
    pub place: Option<String>,
    /// Symbol of minutes, after the number: "BB-HĐTĐKT".
    #[arg(long)]
    pub minutes_symbol: Option<String>,
    /// Symbol of decisions: "QĐ-UBND".
    #[arg(long)]
    pub decision_symbol: Option<String>,
    /// Symbol of submissions (tờ trình): "TTr-HĐTĐKT".
    #[arg(long)]
    pub submission_symbol: Option<String>,
    /// "Nơi nhận" of minutes, recipients separated by ";".
    #[arg(long)]
    pub recipients_minutes: Option<String>,
    /// "Nơi nhận" of decisions, separated by ";".
    #[arg(long)]
    pub recipients_decision: Option<String>,
    /// "Nơi nhận" of submissions, separated by ";".
    #[arg(long)]
    pub recipients_submission: Option<String>,
    /// Title of the one who signs decisions: "Chủ tịch UBND phường Tân Bình".
    #[arg(long)]
    pub chairman_title: Option<String>,
    /// Name of the one who signs decisions.
    #[arg(long)]
    pub chairman_name: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CouncilCommand {
    /// Establish a council for a term by its decision; earlier councils stay.
    New {
        /// Number and symbol of the decision: "15/QĐ-UBND".
        #[arg(long)]
        decision: String,
        /// Date of the decision, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// Who signed the decision.
        #[arg(long)]
        signer: String,
        /// The term: 2026-2031 (from the decision's date to the end of 2031),
        /// or 2026-01-06..2031-06-30.
        #[arg(long)]
        term: String,
        /// The council's name (default: the one in the ward's identity).
        #[arg(long)]
        name: Option<String>,
        /// Level of the council.
        #[arg(long, default_value = "ward")]
        level: String,
    },
    /// The council in office, its decision, term and members (past ones too).
    Show,
    /// Add, replace or end members.
    #[command(subcommand)]
    Member(MemberCommand),
}

#[derive(Debug, Args)]
pub struct MemberArgs {
    /// Full name.
    pub name: String,
    /// chu-tich, pho-chu-tich, uy-vien-thuong-truc, thu-ky, uy-vien (or chair,
    /// vice-chair, standing-member, secretary, member).
    #[arg(long)]
    pub role: Option<String>,
    /// Position (chức vụ).
    #[arg(long, default_value = "")]
    pub position: String,
    /// Unit (đơn vị công tác).
    #[arg(long, default_value = "")]
    pub unit: String,
    /// nam or nu (male or female).
    #[arg(long)]
    pub sex: Option<String>,
    /// First day in office, YYYY-MM-DD.
    #[arg(long)]
    pub from: String,
}

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Add a member to the council in office.
    Add(MemberArgs),
    /// Member ID is replaced by NAME from a date (ID keeps their history,
    /// ending the day before); the role is ID's unless given.
    Replace {
        id: i64,
        #[command(flatten)]
        member: MemberArgs,
    },
    /// End member ID's membership; DATE is the last day in office.
    End {
        id: i64,
        #[arg(long)]
        on: String,
    },
}

fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// An argument the command line could not read, told in the user's language.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ArgumentRefused(pub String);

/// A stored day (YYYY-MM-DD) as the language writes it: 05/01/2026 in
/// Vietnamese, as stored in English.
fn day(lang: Lang, ymd: &str) -> String {
    match (lang, ymd.get(..4), ymd.get(5..7), ymd.get(8..10)) {
        (Lang::Vi, Some(y), Some(m), Some(d)) if ymd.len() == 10 => format!("{d}/{m}/{y}"),
        _ => ymd.to_string(),
    }
}

fn split_list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn run_ward(db: Option<&Path>, cmd: &WardCommand, lang: Lang) -> anyhow::Result<()> {
    let mut store = database::open(db, Access::Existing)?;
    match cmd {
        WardCommand::Show => match store.ward()? {
            Some(w) => print!("{}", ward_text(&w, lang)),
            None => println!(
                "{}",
                pick(
                    lang,
                    "Chưa khai báo thông tin đơn vị: hãy dùng `hoidong ward set …` (xem `hoidong ward set --help`)",
                    "The ward's identity is not set: use `hoidong ward set …` (see `hoidong ward set --help`)"
                )
            ),
        },
        WardCommand::Set(a) => {
            let mut w = store.ward()?.unwrap_or_default();
            let text = |field: &mut String, given: &Option<String>| {
                if let Some(v) = given {
                    *field = v.clone();
                }
            };
            text(&mut w.governing_body, &a.body);
            text(&mut w.council_name, &a.council_name);
            text(&mut w.place_name, &a.place);
            text(&mut w.minutes_symbol, &a.minutes_symbol);
            text(&mut w.decision_symbol, &a.decision_symbol);
            text(&mut w.submission_symbol, &a.submission_symbol);
            text(&mut w.chairman_title, &a.chairman_title);
            text(&mut w.chairman_name, &a.chairman_name);
            let list = |field: &mut Vec<String>, given: &Option<String>| {
                if let Some(v) = given {
                    *field = split_list(v);
                }
            };
            list(&mut w.recipients_minutes, &a.recipients_minutes);
            list(&mut w.recipients_decision, &a.recipients_decision);
            list(&mut w.recipients_submission, &a.recipients_submission);
            let saved = store.set_ward(&w)?;
            println!(
                "{}",
                pick(
                    lang,
                    "Đã lưu thông tin đơn vị; áp dụng cho các văn bản lập từ nay (biên bản đã ký giữ nguyên nội dung đã ký):",
                    "The ward's identity is saved; it applies to documents made from now on (signed minutes keep what they were signed with):"
                )
            );
            print!("{}", ward_text(&saved, lang));
        }
    }
    Ok(())
}

fn ward_text(w: &WardIdentity, lang: Lang) -> String {
    let list = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join("; ")
        }
    };
    let rows = [
        (
            pick(lang, "Cơ quan chủ quản", "Governing body"),
            w.governing_body.clone(),
        ),
        (
            pick(lang, "Tên hội đồng", "Council's name"),
            w.council_name.clone(),
        ),
        (pick(lang, "Địa danh", "Place name"), w.place_name.clone()),
        (
            pick(lang, "Ký hiệu biên bản", "Minutes symbol"),
            w.minutes_symbol.clone(),
        ),
        (
            pick(lang, "Ký hiệu quyết định", "Decision symbol"),
            w.decision_symbol.clone(),
        ),
        (
            pick(lang, "Ký hiệu tờ trình", "Submission symbol"),
            w.submission_symbol.clone(),
        ),
        (
            pick(lang, "Nơi nhận biên bản", "Recipients of minutes"),
            list(&w.recipients_minutes),
        ),
        (
            pick(lang, "Nơi nhận quyết định", "Recipients of decisions"),
            list(&w.recipients_decision),
        ),
        (
            pick(lang, "Nơi nhận tờ trình", "Recipients of submissions"),
            list(&w.recipients_submission),
        ),
        (
            pick(lang, "Chức danh người ký quyết định", "Chairman's title"),
            w.chairman_title.clone(),
        ),
        (
            pick(lang, "Người ký quyết định", "Chairman's name"),
            w.chairman_name.clone(),
        ),
    ];
    rows.iter().map(|(k, v)| format!("{k}: {v}\n")).collect()
}

fn role_of(text: &str, lang: Lang) -> Result<Role, ArgumentRefused> {
    role_from_input(text).ok_or_else(|| {
        ArgumentRefused(match lang {
            Lang::Vi => format!(
                "--role: “{text}” không phải vai trò trong hội đồng; hãy chọn chu-tich, pho-chu-tich, uy-vien-thuong-truc, thu-ky hoặc uy-vien"
            ),
            Lang::En => format!(
                "--role: “{text}” is not a role in the council; choose chair, vice-chair, standing-member, secretary or member"
            ),
        })
    })
}

fn sex_of(text: Option<&str>, lang: Lang) -> Result<Option<Sex>, ArgumentRefused> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some("nam" | "male" | "m") => Ok(Some(Sex::Male)),
        Some("nu" | "nữ" | "female" | "f") => Ok(Some(Sex::Female)),
        Some(other) => Err(ArgumentRefused(match lang {
            Lang::Vi => format!("--sex: “{other}” không hợp lệ; ghi nam hoặc nu"),
            Lang::En => format!("--sex: “{other}” is not valid; write male or female"),
        })),
    }
}

fn new_member(a: &MemberArgs, role: Role, lang: Lang) -> Result<NewMember, ArgumentRefused> {
    Ok(NewMember {
        name: a.name.clone(),
        role,
        position: a.position.clone(),
        unit: a.unit.clone(),
        sex: sex_of(a.sex.as_deref(), lang)?,
        from: a.from.clone(),
    })
}

pub fn run_council(db: Option<&Path>, cmd: &CouncilCommand, lang: Lang) -> anyhow::Result<()> {
    let mut store = database::open(db, Access::Existing)?;
    match cmd {
        CouncilCommand::New {
            decision,
            date,
            signer,
            term,
            name,
            level,
        } => {
            let (from, to) = council_rules::term(term, date).map_err(StoreError::Council)?;
            let name = match name {
                Some(n) => n.clone(),
                None => store.ward()?.map(|w| w.council_name).unwrap_or_default(),
            };
            let done = store.establish_council(&NewCouncil {
                name,
                level: level.clone(),
                decision_number: decision.clone(),
                decision_date: date.clone(),
                signer: signer.clone(),
                term_from: from,
                term_to: to,
            })?;
            let c = &done.council;
            match lang {
                Lang::Vi => println!(
                    "Đã lập hội đồng {} (số {}) theo Quyết định số {} ngày {}, nhiệm kỳ {} – {}",
                    c.name,
                    c.id,
                    c.decision_number,
                    day(lang, c.decision_date.as_deref().unwrap_or("")),
                    day(lang, c.term_from.as_deref().unwrap_or("")),
                    day(lang, c.term_to.as_deref().unwrap_or(""))
                ),
                Lang::En => println!(
                    "council {} (id {}) established by decision {} of {}, term {} – {}",
                    c.name,
                    c.id,
                    c.decision_number,
                    c.decision_date.as_deref().unwrap_or(""),
                    c.term_from.as_deref().unwrap_or(""),
                    c.term_to.as_deref().unwrap_or("")
                ),
            }
            for (id, last) in &done.closed {
                match lang {
                    Lang::Vi => println!(
                        "Hội đồng số {id} (nhiệm kỳ trước) kết thúc ngày {}",
                        day(lang, last)
                    ),
                    Lang::En => println!("council {id} (the term before) now ends on {last}"),
                }
            }
        }
        CouncilCommand::Show => {
            let Some(council) = store.council()? else {
                return Err(StoreError::Council(CouncilRefusal::NoCouncil).into());
            };
            let today = store.now();
            print!(
                "{}",
                council_text(&council, &store.members(council.id)?, &today, lang)
            );
            let earlier = store.councils()?.len().saturating_sub(1);
            if earlier > 0 {
                match lang {
                    Lang::Vi => println!(
                        "({earlier} hội đồng nhiệm kỳ trước vẫn được lưu giữ cùng các phiên họp của mình)"
                    ),
                    Lang::En => {
                        println!("({earlier} council(s) of earlier terms kept with their meetings)")
                    }
                }
            }
        }
        CouncilCommand::Member(m) => run_member(&mut store, m, lang)?,
    }
    Ok(())
}

/// " (position)", or nothing when no position was given.
fn in_brackets(position: &str) -> String {
    if position.is_empty() {
        String::new()
    } else {
        format!(" ({position})")
    }
}

fn run_member(store: &mut Store, cmd: &MemberCommand, lang: Lang) -> anyhow::Result<()> {
    match cmd {
        MemberCommand::Add(a) => {
            let role = match &a.role {
                Some(r) => role_of(r, lang)?,
                None => Role::Member,
            };
            let id = store.add_member(&new_member(a, role, lang)?)?;
            let m = store.member(id)?;
            match lang {
                Lang::Vi => println!(
                    "Đã thêm thành viên {} – {}{}, từ {}: số {id}",
                    m.name,
                    role_label(m.role, lang),
                    in_brackets(&m.position),
                    day(lang, &m.term_start)
                ),
                Lang::En => println!(
                    "member {id} added: {} – {}{}, from {}",
                    m.name,
                    role_label(m.role, lang),
                    in_brackets(&m.position),
                    m.term_start
                ),
            }
        }
        MemberCommand::Replace { id, member } => {
            let old = store.member(*id)?;
            let role = match &member.role {
                Some(r) => role_of(r, lang)?,
                None => old.role,
            };
            let new_id = store.replace_member(*id, &new_member(member, role, lang)?)?;
            let old = store.member(*id)?;
            let new = store.member(new_id)?;
            match lang {
                Lang::Vi => println!(
                    "{} (số {new_id}) thay {} từ {}; {} là thành viên đến hết ngày {}",
                    new.name,
                    old.name,
                    day(lang, &new.term_start),
                    old.name,
                    day(lang, old.term_end.as_deref().unwrap_or(""))
                ),
                Lang::En => println!(
                    "{} (member {new_id}) replaces {} from {}; {}'s last day is {}",
                    new.name,
                    old.name,
                    new.term_start,
                    old.name,
                    old.term_end.as_deref().unwrap_or("")
                ),
            }
        }
        MemberCommand::End { id, on } => {
            let last = store.end_member(*id, on)?;
            let m = store.member(*id)?;
            match lang {
                Lang::Vi => println!(
                    "{} thôi là thành viên hội đồng sau ngày {}",
                    m.name,
                    day(lang, &last)
                ),
                Lang::En => println!("{}'s membership ends; last day {last}", m.name),
            }
        }
    }
    Ok(())
}

fn council_text(c: &Council, members: &[Member], today: &str, lang: Lang) -> String {
    let mut out = String::new();
    let term = format!(
        "{} – {}",
        c.term_from.as_deref().map_or("…".into(), |d| day(lang, d)),
        c.term_to.as_deref().map_or("…".into(), |d| day(lang, d))
    );
    let decision = if c.decision_number.is_empty() {
        c.founding_decision.clone()
    } else {
        format!(
            "{} ({}, {})",
            c.decision_number,
            c.decision_date
                .as_deref()
                .map_or("…".into(), |d| day(lang, d)),
            c.signer
        )
    };
    match lang {
        Lang::Vi => out.push_str(&format!(
            "{}\nQuyết định thành lập: {decision}\nNhiệm kỳ: {term}\n",
            c.name
        )),
        Lang::En => out.push_str(&format!(
            "{}\nEstablished by decision: {decision}\nTerm: {term}\n",
            c.name
        )),
    }
    let (current, past): (Vec<&Member>, Vec<&Member>) = members.iter().partition(|m| {
        m.term_end
            .as_deref()
            .is_none_or(|e| e >= today.get(..10).unwrap_or(today))
    });
    let line = |m: &Member| {
        let mut s = format!("{:>4}  {}  {}", m.id, m.name, role_label(m.role, lang));
        for extra in [&m.position, &m.unit] {
            if !extra.is_empty() {
                s.push_str(&format!(", {extra}"));
            }
        }
        s.push_str(&format!(
            "  {} → {}",
            day(lang, &m.term_start),
            m.term_end
                .as_deref()
                .map(|d| day(lang, d))
                .unwrap_or_default()
        ));
        if let Some(r) = m.replaces {
            s.push_str(&match lang {
                Lang::Vi => format!("  (thay số {r})"),
                Lang::En => format!("  (replaces {r})"),
            });
        }
        s.push('\n');
        s
    };
    out.push_str(&match lang {
        Lang::Vi => format!("Thành viên đương nhiệm ({}):\n", current.len()),
        Lang::En => format!("Members in office ({}):\n", current.len()),
    });
    if current.is_empty() {
        out.push_str(pick(
            lang,
            "  (chưa có: thêm bằng `hoidong council member add HỌ_TÊN --role … --from NGÀY`)\n",
            "  (none: add with `hoidong council member add NAME --role … --from DATE`)\n",
        ));
    }
    for m in current {
        out.push_str(&line(m));
    }
    if !past.is_empty() {
        out.push_str(&match lang {
            Lang::Vi => format!("Đã thôi ({}):\n", past.len()),
            Lang::En => format!("Former members ({}):\n", past.len()),
        });
        for m in past {
            out.push_str(&line(m));
        }
    }
    out
}
