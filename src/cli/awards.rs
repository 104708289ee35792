//! Command-line access to decisions, referrals and the award register: thin
//! wrappers over the store, so the workflow can be used from a shell.

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};

use crate::cli::database::{self, Access};
use hoidong::domain::award::MeritKind;
use hoidong::domain::prize::PrizeTable;
use hoidong::domain::referral::{Conferral, ReferralEvent};
use hoidong::domain::register::{EarlierAward, NewDecision, NewReferral, RegisterEntry};
use hoidong::domain::report::prizes_per_year;
use hoidong::i18n::Lang as UiLang;
use hoidong::i18n::cli_awards_words::Said;
use hoidong::store::Store;

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
    hoidong::domain::dates::parse_entered_date(s).ok_or_else(|| match crate::cli::lang() {
        hoidong::i18n::Lang::Vi => {
            format!("“{s}” không phải là ngày (hãy viết YYYY-MM-DD hoặc DD/MM/YYYY)")
        }
        hoidong::i18n::Lang::En => {
            format!("“{s}” is not a date (use YYYY-MM-DD or DD/MM/YYYY)")
        }
    })
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
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
    let ui = hoidong::i18n::cli_messages::lang(lang);
    let mut store = database::open(db.as_deref(), Access::Existing)?;
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
            outln!(out, "{}", Said::Decided { nomination }.say(ui));
            // To be written on the signed decision: proves this history later.
            let head = store.chain_head()?.short();
            outln!(out, "{}", Said::Anchor { head: &head }.say(ui));
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
            let said = Said::Referred {
                nomination,
                referral: id,
            };
            outln!(out, "{}", said.say(ui));
            print_referral(&store, id, ui, out)?;
        }
        AwardsCommand::Referral { id, step } => {
            if let Some(step) = step {
                run_step(&mut store, id, step, ui, out)?;
            }
            print_referral(&store, id, ui, out)?;
        }
        AwardsCommand::Eligibility { nomination } => {
            outln!(out, "{}", store.eligibility(nomination)?.explain(ui));
        }
        AwardsCommand::EligibilityRules { load, reset } => match (load, reset) {
            (Some(file), _) => {
                let text = std::fs::read_to_string(&file)
                    .with_context(|| format!("{}: cannot read", file.display()))?;
                store
                    .set_eligibility_rules(Some(&text))
                    .with_context(|| file.display().to_string())?;
                let file = file.display().to_string();
                outln!(out, "{}", Said::RulesLoaded { file: &file }.say(ui));
            }
            (None, true) => {
                store.set_eligibility_rules(None)?;
                outln!(out, "{}", Said::RulesReset.say(ui));
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
                        [] => bail!(Said::NoNomineeMatches { text: &nominee }.say(ui)),
                        many => {
                            let list: Vec<String> = many
                                .iter()
                                .map(|n| format!("{} {}", n.id, n.name))
                                .collect();
                            let list = list.join("\n");
                            bail!(
                                Said::SeveralNominees {
                                    text: &nominee,
                                    list: &list
                                }
                                .say(ui)
                            )
                        }
                    }
                }
            };
            let n = store.nominee(id)?;
            outln!(
                out,
                "{} ({}), {}",
                n.name,
                ui.strings().kind(n.kind),
                n.unit
            );
            for h in store.holds_of(id)? {
                let state = match h.lifted {
                    Some(d) => Said::HoldLifted {
                        date: &d.to_string(),
                    }
                    .say(ui),
                    None => Said::HoldOpen.say(ui),
                };
                let said = Said::Hold {
                    id: h.id,
                    reason: &h.reason,
                    from: &h.from.to_string(),
                    state: &state,
                };
                outln!(out, "{}", said.say(ui));
            }
            let entries = store.award_history(id)?;
            if entries.is_empty() {
                outln!(out, "{}", Said::NoAwards.say(ui));
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
            outln!(out, "{}", Said::EntryAdded { id }.say(ui));
        }
        AwardsCommand::Hold {
            nominee,
            reason,
            date,
        } => {
            let id = store.hold_back(nominee, &reason, date.unwrap_or_else(today))?;
            outln!(out, "{}", Said::HeldBack { id, nominee }.say(ui));
        }
        AwardsCommand::LiftHold { hold, date } => {
            store.lift_hold(hold, date.unwrap_or_else(today))?;
            outln!(out, "{}", Said::Lifted { hold }.say(ui));
        }
        AwardsCommand::AwardsBoard => print_board(&store, ui, out)?,
    }
    Ok(())
}

fn run_step(
    store: &mut Store,
    id: i64,
    step: Step,
    ui: UiLang,
    out: &mut String,
) -> anyhow::Result<()> {
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
            let said = Said::Forwarded {
                referral: id,
                child,
            };
            outln!(out, "{}", said.say(ui));
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

fn print_referral(store: &Store, id: i64, ui: UiLang, out: &mut String) -> anyhow::Result<()> {
    let r = store.referral(id)?;
    let n = store.nomination(r.nomination_id)?;
    let nominee = store.nominee(n.nominee_id)?;
    let status = format!("{} ({})", r.status.label(ui), r.status.code());
    let head = Said::ReferralHead {
        id: r.id,
        nomination: n.id,
        name: &nominee.name,
        award: &n.award_code,
        level: &r.level,
        status: &status,
    };
    outln!(out, "{}", head.say(ui));
    let date = r.submission_date.map(|d| d.to_string()).unwrap_or_default();
    let submission = Said::SubmissionOf {
        number: &r.submission_number,
        date: &date,
    };
    outln!(out, "{}", submission.say(ui));
    if let Some(reason) = &r.override_reason {
        outln!(out, "{}", Said::Override { reason }.say(ui));
    }
    outln!(out, "{}", Said::Dossier.say(ui));
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
    outln!(out, "{}", Said::Timeline.say(ui));
    for step in store.referral_timeline(id)? {
        let mut line = format!("    {} {}", step.date, step.status.label(ui));
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

fn print_board(store: &Store, ui: UiLang, out: &mut String) -> anyhow::Result<()> {
    let board = store.awards_board(today())?;
    outln!(out, "{}", Said::BoardByLevel.say(ui));
    for c in &board.by_level_status {
        let status = ui.strings().status(c.status);
        outln!(out, "  {:<10} {:<14} {}", c.level, status, c.count);
    }
    outln!(out, "{}", Said::BoardWaiting.say(ui));
    for w in &board.waiting {
        let said = Said::Waiting {
            days: &w.days.to_string(),
            referral: w.referral_id,
            name: &w.nominee_name,
            award: &w.award_name,
            level: &w.level_name,
            status: w.status.label(ui),
        };
        outln!(out, "{}", said.say(ui));
    }
    outln!(out, "{}", Said::BoardByYear.say(ui));
    for c in &board.by_year_level {
        outln!(out, "  {} {:<10} {}", c.year, c.level, c.count);
    }
    let prizes = PrizeTable::built_in().map_err(anyhow::Error::msg)?;
    let entries = store.register_entries()?;
    outln!(out, "{}", Said::BoardPrizes.say(ui));
    for (year, t) in prizes_per_year(&prizes, &entries) {
        let said = Said::PrizeYear {
            year: &year.to_string(),
            amount: &t.amount.to_string(),
            counted: &t.counted.to_string(),
            without: &t.without_figure.to_string(),
        };
        outln!(out, "{}", said.say(ui));
    }
    Ok(())
}
