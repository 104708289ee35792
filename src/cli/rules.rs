//! `hoidong rules show|set`: the council's working rules as hoidong keeps
//! them. Shipped figures are shown as defaults, not law: the council's own
//! working rules (quy chế làm việc) decide, and `rules set` records them.

use std::path::Path;

use clap::{Args, Subcommand};

use crate::cli::database::{self, Access};
use hoidong::domain::council_settings::{
    parse_aggregation, parse_comparison, parse_denominator, parse_method, parse_share,
    parse_women_share, parse_yes_no,
};
use hoidong::domain::vote::{VoteMethod, VoteRule};
use hoidong::i18n::Lang;
use hoidong::i18n::ballots::rule_label;
use hoidong::store::StoreError;
use hoidong::store::rules::VoteRuleChange;

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Every rule and setting, each marked as the shipped default or the council's.
    Show,
    /// Record the council's rule for an award, or a setting.
    Set(Box<SetArgs>),
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The award the vote rule is for (its code), or * for the general rule.
    #[arg(long, default_value = "*")]
    pub award: String,
    /// The council's level.
    #[arg(long, default_value = "ward")]
    pub level: String,
    /// secret or open.
    #[arg(long)]
    pub method: Option<String>,
    /// Share needed to pass: 2/3, 80/100, 80%.
    #[arg(long)]
    pub share: Option<String>,
    /// at-least (tối thiểu) or more-than (trên).
    #[arg(long)]
    pub comparison: Option<String>,
    /// all-members, present or valid-ballots.
    #[arg(long)]
    pub denominator: Option<String>,
    /// Whether absent members' written opinions count: yes or no.
    #[arg(long)]
    pub written: Option<String>,
    /// Share of all members who must be present: 2/3.
    #[arg(long)]
    pub quorum: Option<String>,
    /// Where the council wrote this rule: "Quy chế làm việc số 01/QC-HĐTĐKT, Điều 8".
    #[arg(long)]
    pub source: Option<String>,
    /// Percent of women from which a collective goes first among equals.
    #[arg(long)]
    pub women_share: Option<String>,
    /// How members' totals are combined: mean, median, trimmed_mean.
    #[arg(long)]
    pub aggregation: Option<String>,
}

fn vi(lang: Lang) -> bool {
    lang == Lang::Vi
}

fn mark(is_default: bool, lang: Lang) -> &'static str {
    match (is_default, vi(lang)) {
        (true, true) => "mặc định",
        (false, true) => "hội đồng đặt",
        (true, false) => "default",
        (false, false) => "set by the council",
    }
}

fn method_words(m: VoteMethod, lang: Lang) -> &'static str {
    match (m, vi(lang)) {
        (VoteMethod::SecretBallot, true) => "bỏ phiếu kín",
        (VoteMethod::Open, true) => "biểu quyết công khai",
        (VoteMethod::SecretBallot, false) => "secret ballot",
        (VoteMethod::Open, false) => "open vote",
    }
}

fn print_rule(r: &VoteRule, award_name: &str, lang: Lang) {
    let v = vi(lang);
    println!(
        "\n{award_name} ({}, {}) [{}]",
        r.award,
        r.level,
        mark(r.is_default, lang)
    );
    let methods: Vec<&str> = std::iter::once(r.method)
        .chain(r.also_allowed.iter().copied())
        .map(|m| method_words(m, lang))
        .collect();
    if v {
        println!("  Hình thức: {}", methods.join(", "));
        println!("  Thông qua khi: {}", rule_label(r));
        println!(
            "  Ý kiến bằng văn bản của thành viên vắng mặt: {}",
            if r.count_written_opinions {
                "được tính"
            } else {
                "không tính"
            }
        );
        println!(
            "  Số thành viên phải có mặt (quorum): tối thiểu {}",
            r.quorum.share.label()
        );
        if !r.source.is_empty() {
            println!("  Nguồn: {}", r.source);
        }
    } else {
        println!("  Method: {}", methods.join(", "));
        println!(
            "  Passes with: {} {}/{} of {:?}",
            match r.threshold.comparison {
                hoidong::domain::vote::Comparison::AtLeast => "at least",
                hoidong::domain::vote::Comparison::MoreThan => "more than",
            },
            r.threshold.share.num,
            r.threshold.share.den,
            r.denominator
        );
        println!(
            "  Written opinions of absent members: {}",
            if r.count_written_opinions {
                "counted"
            } else {
                "not counted"
            }
        );
        println!("  Quorum: at least {}", r.quorum.share.label());
        if !r.source.is_empty() {
            println!("  Source: {}", r.source);
        }
    }
}

fn show(store: &hoidong::store::Store, lang: Lang) -> anyhow::Result<()> {
    let v = vi(lang);
    let settings = store.council_settings()?;
    let catalogue = store.catalogue()?;
    if v {
        println!(
            "Quy tắc của Hội đồng. Các con số “mặc định” đi kèm hoidong, không phải quy định của pháp luật:"
        );
        println!(
            "Hội đồng áp dụng theo quy chế làm việc (quy chế hoạt động) của mình và ghi lại bằng `hoidong rules set`."
        );
        println!(
            "\nTổng hợp điểm: {} [{}]",
            settings.aggregation.value.code(),
            mark(settings.aggregation.is_default, lang)
        );
        println!(
            "Bằng điểm, bằng phiếu: ưu tiên nữ và tập thể có từ {}% nữ trở lên [{}] (NĐ 152/2025/NĐ-CP Điều 4)",
            settings.women_share.value,
            mark(settings.women_share.is_default, lang)
        );
    } else {
        println!(
            "The council's rules. Figures marked “default” ship with hoidong and are not law:"
        );
        println!(
            "the council follows its own working rules (quy chế làm việc) and records them with `hoidong rules set`."
        );
        println!(
            "\nAggregation of scores: {} [{}]",
            settings.aggregation.value.code(),
            mark(settings.aggregation.is_default, lang)
        );
        println!(
            "Equal scores or votes: women, and collectives with at least {}% women, first [{}]",
            settings.women_share.value,
            mark(settings.women_share.is_default, lang)
        );
    }
    for r in store.vote_rules()? {
        let name = if r.award == "*" {
            if v { "Quy tắc chung" } else { "General rule" }.to_string()
        } else {
            catalogue
                .awards
                .iter()
                .find(|a| a.code == r.award)
                .map_or(r.award.clone(), |a| a.name.clone())
        };
        print_rule(&r, &name, lang);
    }
    Ok(())
}

pub fn run(db: Option<&Path>, cmd: &RulesCommand, lang: Lang) -> anyhow::Result<()> {
    let mut store = database::open(db, Access::Existing)?;
    match cmd {
        RulesCommand::Show => show(&store, lang)?,
        RulesCommand::Set(a) => set(&mut store, a, lang)?,
    }
    Ok(())
}

fn set(store: &mut hoidong::store::Store, a: &SetArgs, lang: Lang) -> anyhow::Result<()> {
    let refused = StoreError::Rules;
    // Every figure is read before anything is written.
    let women = a
        .women_share
        .as_deref()
        .map(parse_women_share)
        .transpose()
        .map_err(refused)?;
    let aggregation = a
        .aggregation
        .as_deref()
        .map(parse_aggregation)
        .transpose()
        .map_err(refused)?;
    let change = VoteRuleChange {
        method: a
            .method
            .as_deref()
            .map(parse_method)
            .transpose()
            .map_err(refused)?,
        share: a
            .share
            .as_deref()
            .map(parse_share)
            .transpose()
            .map_err(refused)?,
        comparison: a
            .comparison
            .as_deref()
            .map(parse_comparison)
            .transpose()
            .map_err(refused)?,
        denominator: a
            .denominator
            .as_deref()
            .map(parse_denominator)
            .transpose()
            .map_err(refused)?,
        count_written_opinions: a
            .written
            .as_deref()
            .map(parse_yes_no)
            .transpose()
            .map_err(refused)?,
        quorum: a
            .quorum
            .as_deref()
            .map(parse_share)
            .transpose()
            .map_err(refused)?,
        source: a.source.clone(),
    };
    if women.is_none() && aggregation.is_none() && change.is_empty() {
        return Err(refused(hoidong::domain::council_settings::RulesRefusal::NothingToSet).into());
    }
    let v = vi(lang);
    if !change.is_empty() {
        let r = store.change_vote_rule(&a.award, &a.level, &change)?;
        if v {
            println!(
                "Đã ghi quy tắc của Hội đồng cho {} ({}): {}",
                r.award,
                r.level,
                rule_label(&r)
            );
        } else {
            println!("the council's rule for {} ({}) recorded", r.award, r.level);
        }
    }
    if let Some(p) = women {
        store.set_women_share(p)?;
        if v {
            println!("Đã ghi: ưu tiên tập thể có từ {p}% nữ trở lên khi bằng điểm, bằng phiếu");
        } else {
            println!("recorded: collectives with at least {p}% women go first among equals");
        }
    }
    if let Some(g) = aggregation {
        store.set_aggregation(g)?;
        if v {
            println!(
                "Đã ghi cách tổng hợp điểm: {}; điểm tổng hợp đã được tính lại",
                g.code()
            );
        } else {
            println!(
                "aggregation recorded: {}; consolidated scores worked out again",
                g.code()
            );
        }
    }
    Ok(())
}
