//! Command-line access to decisions, referrals and the award register: thin
//! wrappers over the store, so the workflow can be used from a shell.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};

use crate::domain::award::MeritKind;
use crate::domain::prize::PrizeTable;
use crate::domain::referral::{Conferral, ReferralEvent};
use crate::domain::register::{EarlierAward, NewDecision, NewReferral, RegisterEntry};
use crate::domain::report::prizes_per_year;
use crate::i18n::Lang;
use crate::store::Store;

#[derive(Subcommand)]
pub enum AwardsCommand {
    /// Record the ward chairman's decision on a passed nomination.
    Decide {
        nomination: i64,
        /// Number and symbol, e.g. "125/QĐ-UBND".
        #[arg(long)]
        number: String,
        /// Date of the decision, YYYY-MM-DD or DD/MM/YYYY.
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        #[arg(long)]
        signer: String,
    },
    /// Refer a passed nomination to the level above (tờ trình number and date).
    Refer {
        nomination: i64,
        #[arg(long)]
        number: String,
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        /// Why it is proposed although the eligibility check fails.
        #[arg(long)]
        override_reason: Option<String>,
    },
    /// Show a referral or record its next step.
    Referral {
        id: i64,
        #[command(subcommand)]
        step: Option<Step>,
    },
    /// Check a nomination's eligibility against the nominee's register.
    /// The language is the global --lang (else LANG).
    Eligibility { nomination: i64 },
    /// Show the eligibility rules in force (TOML), load the council's own, or reset.
    EligibilityRules {
        /// A TOML file in the form of data/eligibility.toml.
        #[arg(long, conflicts_with = "reset")]
        load: Option<PathBuf>,
        /// Go back to the rules shipped with hoidong.
        #[arg(long)]
        reset: bool,
    },
    /// Every award of a nominee (id, or a name to search).
    History { nominee: String },
    /// Search the award register (ignores case and tones).
    Register { text: Vec<String> },
    /// Enter an award the nominee held before.
    EarlierAward {
        nominee: i64,
        #[arg(long)]
        award: String,
        #[arg(long)]
        year: i32,
        #[arg(long, default_value = "")]
        number: String,
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        authority: String,
        /// The kind when it differs from the catalogue's (e.g. one-off).
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Hold back a nominee's awards during discipline or inspection.
    Hold {
        nominee: i64,
        #[arg(long)]
        reason: String,
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// Lift a hold.
    LiftHold {
        hold: i64,
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// Counts per level and status, referrals waiting longest first.
    AwardsBoard,
}

#[derive(Subcommand)]
pub enum Step {
    /// Tick a checklist document with its reference.
    Tick {
        doc: String,
        #[arg(long)]
        reference: String,
    },
    Send {
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    Return {
        #[arg(long)]
        reason: String,
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    Resend {
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    Approve {
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    Refuse {
        #[arg(long)]
        reason: String,
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// The award is conferred: the granting decision.
    Confer {
        #[arg(long)]
        number: String,
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        #[arg(long)]
        authority: String,
    },
    /// Approved here: goes on to the next level with a new submission.
    Forward {
        #[arg(long)]
        number: String,
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
    },
    Withdraw {
        #[arg(long)]
        reason: String,
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Merit,
    Movement,
    OneOff,
}

/// `writeln!` into the command's output buffer (writing to a String cannot fail).
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Print a command's output; a reader that stopped early (`| head`) is no error.
fn emit(text: &str) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

/// Accepts 2026-01-15 and 15/01/2026.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s.trim(), "%d/%m/%Y"))
        .map_err(|_| format!("“{s}” is not a date (use YYYY-MM-DD or DD/MM/YYYY)"))
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Open an existing database; a command never creates an empty one.
pub fn open_existing(db: Option<PathBuf>) -> anyhow::Result<Store> {
    Ok(crate::store::location::open_existing(db.as_deref())?)
}

/// `hoidong export awards FILE`.
pub fn export_awards(db: Option<PathBuf>, file: &Path, force: bool) -> anyhow::Result<()> {
    let out = &mut String::new();
    let store = open_existing(db)?;
    crate::export::check_target(file, force, store.path())?;
    let rows = crate::export::awards::export_awards(&store, file)?;
    outln!(out, "{rows} register entries written to {}", file.display());
    emit(out);
    Ok(())
}

/// `lang` is the global --lang ("vi" or "en"), when given.
pub fn run(db: Option<PathBuf>, lang: Option<&str>, command: AwardsCommand) -> anyhow::Result<()> {
    let mut out = String::new();
    let result = execute(db, lang, command, &mut out);
    emit(&out);
    result
}

fn execute(
    db: Option<PathBuf>,
    lang: Option<&str>,
    command: AwardsCommand,
    out: &mut String,
) -> anyhow::Result<()> {
    let mut store = open_existing(db)?;
    match command {
        AwardsCommand::Decide {
            nomination,
            number,
            date,
            signer,
        } => {
            store.decide(
                nomination,
                &NewDecision {
                    number,
                    date,
                    signer,
                },
            )?;
            outln!(
                out,
                "nomination {nomination}: decided and entered in the register"
            );
            // To be written on the signed decision: proves this history later.
            outln!(
                out,
                "{}: {}",
                crate::print::model::ANCHOR_LABEL,
                store.chain_head()?.short()
            );
        }
        AwardsCommand::Refer {
            nomination,
            number,
            date,
            override_reason,
        } => {
            let id = store.refer(
                nomination,
                &NewReferral {
                    submission_number: number,
                    submission_date: date,
                    override_reason,
                },
            )?;
            outln!(out, "nomination {nomination}: referral {id} prepared");
            print_referral(&store, id, out)?;
        }
        AwardsCommand::Referral { id, step } => {
            if let Some(step) = step {
                run_step(&mut store, id, step, out)?;
            }
            print_referral(&store, id, out)?;
        }
        AwardsCommand::Eligibility { nomination } => {
            let lang = Lang::detect(lang.and_then(Lang::parse));
            outln!(out, "{}", store.eligibility(nomination)?.explain(lang));
        }
        AwardsCommand::EligibilityRules { load, reset } => match (load, reset) {
            (Some(file), _) => {
                let text = std::fs::read_to_string(&file)
                    .with_context(|| format!("{}: cannot read", file.display()))?;
                store
                    .set_eligibility_rules(Some(&text))
                    .with_context(|| file.display().to_string())?;
                outln!(out, "eligibility rules loaded from {}", file.display());
            }
            (None, true) => {
                store.set_eligibility_rules(None)?;
                outln!(out, "eligibility rules reset to the shipped defaults");
            }
            (None, false) => out.push_str(&store.eligibility_rules_text()?),
        },
        AwardsCommand::History { nominee } => {
            let id = match nominee.trim().parse::<i64>() {
                Ok(id) => id,
                Err(_) => {
                    let found = store.find_nominees(&nominee, 20)?;
                    match found.as_slice() {
                        [one] => one.id,
                        [] => bail!("no nominee matches “{nominee}”"),
                        many => {
                            let list: Vec<String> = many
                                .iter()
                                .map(|n| format!("{} {}", n.id, n.name))
                                .collect();
                            bail!(
                                "“{nominee}” matches several nominees; give the id:\n{}",
                                list.join("\n")
                            )
                        }
                    }
                }
            };
            let n = store.nominee(id)?;
            outln!(out, "{} ({}), {}", n.name, n.kind.code(), n.unit);
            for h in store.holds_of(id)? {
                let lifted = h
                    .lifted
                    .map_or("open".to_string(), |d| format!("lifted {d}"));
                outln!(
                    out,
                    "  hold {}: {} (from {}, {lifted})",
                    h.id,
                    h.reason,
                    h.from
                );
            }
            let entries = store.award_history(id)?;
            if entries.is_empty() {
                outln!(out, "  no awards in the register");
            }
            print_entries(&entries, out);
        }
        AwardsCommand::Register { text } => {
            print_entries(&store.search_register(&text.join(" "))?, out)
        }
        AwardsCommand::EarlierAward {
            nominee,
            award,
            year,
            number,
            date,
            authority,
            kind,
            note,
        } => {
            let merit = kind.map(|k| match k {
                KindArg::Merit => MeritKind::Merit,
                KindArg::Movement => MeritKind::Movement,
                KindArg::OneOff => MeritKind::OneOff,
            });
            let id = store.add_earlier_award(&EarlierAward {
                nominee_id: nominee,
                award_code: award,
                year,
                decision_number: number,
                decision_date: date,
                authority,
                merit,
                note,
            })?;
            outln!(out, "register entry {id} added");
        }
        AwardsCommand::Hold {
            nominee,
            reason,
            date,
        } => {
            let id = store.hold_back(nominee, &reason, date.unwrap_or_else(today))?;
            outln!(out, "hold {id}: awards of nominee {nominee} held back");
        }
        AwardsCommand::LiftHold { hold, date } => {
            store.lift_hold(hold, date.unwrap_or_else(today))?;
            outln!(out, "hold {hold} lifted");
        }
        AwardsCommand::AwardsBoard => print_board(&store, out)?,
    }
    Ok(())
}

fn run_step(store: &mut Store, id: i64, step: Step, out: &mut String) -> anyhow::Result<()> {
    let d = |date: Option<NaiveDate>| date.unwrap_or_else(today);
    let event = match step {
        Step::Tick { doc, reference } => {
            store.tick_document(id, &doc, &reference)?;
            return Ok(());
        }
        Step::Forward { number, date } => {
            let child = store.forward_referral(
                id,
                &NewReferral {
                    submission_number: number,
                    submission_date: date,
                    override_reason: None,
                },
            )?;
            outln!(
                out,
                "referral {id} forwarded: referral {child} prepared for the next level"
            );
            return Ok(());
        }
        Step::Send { date } => ReferralEvent::Send { date: d(date) },
        Step::Return { reason, date } => ReferralEvent::Return {
            date: d(date),
            reason,
        },
        Step::Resend { date } => ReferralEvent::Resend { date: d(date) },
        Step::Approve { date } => ReferralEvent::Approve { date: d(date) },
        Step::Refuse { reason, date } => ReferralEvent::Refuse {
            date: d(date),
            reason,
        },
        Step::Withdraw { reason, date } => ReferralEvent::Withdraw {
            date: d(date),
            reason,
        },
        Step::Confer {
            number,
            date,
            authority,
        } => ReferralEvent::Confer {
            conferral: Conferral {
                number,
                date,
                authority,
            },
        },
    };
    store.advance_referral(id, &event)?;
    Ok(())
}

fn print_referral(store: &Store, id: i64, out: &mut String) -> anyhow::Result<()> {
    let r = store.referral(id)?;
    let n = store.nomination(r.nomination_id)?;
    let nominee = store.nominee(n.nominee_id)?;
    outln!(
        out,
        "referral {} — nomination {} {} — {} — to {} — {} ({})",
        r.id,
        n.id,
        nominee.name,
        n.award_code,
        r.level,
        r.status.label(Lang::Vi),
        r.status.code()
    );
    outln!(
        out,
        "  tờ trình {} of {}",
        r.submission_number,
        r.submission_date.map(|d| d.to_string()).unwrap_or_default()
    );
    if let Some(reason) = &r.override_reason {
        outln!(out, "  override: {reason}");
    }
    outln!(out, "  dossier:");
    for item in store.referral_checklist(id)? {
        let mark = if item.is_ticked() { "[x]" } else { "[ ]" };
        outln!(
            out,
            "    {mark} {} ({}) {}",
            item.name,
            item.doc_code,
            item.reference
        );
    }
    outln!(out, "  timeline:");
    for step in store.referral_timeline(id)? {
        let mut line = format!("    {} {}", step.date, step.status.code());
        if !step.note.is_empty() {
            line.push_str(&format!(" — {}", step.note));
        }
        if let Some(num) = &step.decision_number {
            line.push_str(&format!(
                " — {num}, {}",
                step.authority.clone().unwrap_or_default()
            ));
        }
        outln!(out, "{line}");
    }
    Ok(())
}

fn print_entries(entries: &[RegisterEntry], out: &mut String) {
    for e in entries {
        outln!(
            out,
            "  {} {} — {} — {} {} — {} [{}]",
            e.year,
            e.nominee_name,
            e.award_name,
            e.decision_number,
            e.decision_date
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default(),
            e.authority,
            e.source.code()
        );
    }
}

fn print_board(store: &Store, out: &mut String) -> anyhow::Result<()> {
    let board = store.awards_board(today())?;
    outln!(out, "nominations per level and status:");
    for c in &board.by_level_status {
        outln!(out, "  {:<10} {:<10} {}", c.level, c.status.code(), c.count);
    }
    outln!(out, "referrals waiting (longest first):");
    for w in &board.waiting {
        outln!(
            out,
            "  {} days  referral {} {} — {} — {} ({})",
            w.days,
            w.referral_id,
            w.nominee_name,
            w.award_name,
            w.level_name,
            w.status.code()
        );
    }
    outln!(out, "awards per year and level:");
    for c in &board.by_year_level {
        outln!(out, "  {} {:<10} {}", c.year, c.level, c.count);
    }
    let prizes = PrizeTable::built_in().map_err(anyhow::Error::msg)?;
    let entries = store.register_entries()?;
    outln!(out, "prize money per year (from data/prizes.toml):");
    for (year, t) in prizes_per_year(&prizes, &entries) {
        outln!(
            out,
            "  {year}: {} đ for {} awards ({} without a figure)",
            t.amount,
            t.counted,
            t.without_figure
        );
    }
    Ok(())
}
