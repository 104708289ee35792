//! The `check`, `backup`, `restore` and `exercise` subcommands: messages and
//! exit status around the library functions.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::{backup, check, exercise};
use crate::i18n::Lang;
use crate::i18n::safety::Line;
use crate::store::audit::Anchor;

fn db_or_default(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    Ok(crate::store::location::given_or_default(db.as_deref())?)
}

/// The language of the messages: `--lang`, else the locale (as the TUI does).
pub fn lang_of(flag: Option<&str>) -> Lang {
    Lang::detect(flag.and_then(Lang::parse))
}

/// `hoidong check [--anchor N:HASH]`: print every problem; fail when there is any.
pub fn run_check(db: Option<PathBuf>, anchor: Option<&str>, lang: Lang) -> anyhow::Result<()> {
    let db = db_or_default(db)?;
    let anchor = match anchor {
        Some(text) => match Anchor::parse(text) {
            Some(a) => Some(a),
            None => bail!("{}", Line::BadAnchor { text }.say(lang)),
        },
        None => None,
    };
    let report = check::run_with(&db, anchor.as_ref(), lang)?;
    for p in &report.problems {
        println!("PROBLEM {p}");
    }
    let shown = db.display().to_string();
    let anchor_now = report.head.as_ref().map(|h| h.short()).unwrap_or_default();
    println!(
        "{}",
        Line::Summary {
            db: &shown,
            entries: report.audit_entries,
            head: &report.chain_head,
            anchor: &anchor_now,
            signoffs: report.signoffs_checked,
            evidence: report.evidence_files_checked,
        }
        .say(lang)
    );
    if let Some(mark) = &report.damage_mark_cleared {
        println!("the damage mark ({mark}) was removed: every page now reads whole");
    }
    if report
        .problems
        .iter()
        .any(|p| p.table == "database" && p.what.starts_with("damaged"))
    {
        println!(
            "the database is damaged: hoidong will not save changes into it; restore a backup with `hoidong restore BACKUP`"
        );
    }
    if !report.is_clean() {
        bail!(
            "{}",
            Line::Failed {
                db: &shown,
                count: report.problems.len()
            }
            .say(lang)
        );
    }
    if let Some(a) = &anchor {
        let text = format!("{}:{}", a.entry, a.hash_start);
        println!("{}", Line::AnchorHolds { anchor: &text }.say(lang));
    }
    println!("{}", Line::Clean.say(lang));
    Ok(())
}

/// `hoidong anchor`: the head of the audit chain, to be kept outside the file.
pub fn run_anchor(db: Option<PathBuf>, lang: Lang) -> anyhow::Result<()> {
    let db = db_or_default(db)?;
    let store = crate::store::Store::inspect(&db)?;
    let head = crate::store::audit::head(store.conn())?;
    let short = head.short();
    println!(
        "{}",
        Line::Head {
            entry: head.entry,
            hash: &head.hash,
            short: &short
        }
        .say(lang)
    );
    Ok(())
}

/// `hoidong reindex`: the search index built again from the rows.
pub fn run_reindex(db: Option<PathBuf>, lang: Lang) -> anyhow::Result<()> {
    use crate::store::location::{Need, resolve};
    let db = db_or_default(db)?;
    let mut store = crate::store::Store::open(&resolve(&db, Need::MustExist)?)?;
    let rows = store.rebuild_search_index()?;
    let shown = db.display().to_string();
    println!("{}", Line::Reindexed { db: &shown, rows }.say(lang));
    Ok(())
}

/// `hoidong backup FILE`.
pub fn run_backup(db: Option<PathBuf>, file: &Path) -> anyhow::Result<()> {
    let db = db_or_default(db)?;
    let s = backup::backup(&db, file)?;
    println!(
        "backup of {} written to {} ({} bytes, {} audit entries, readable by you only)",
        db.display(),
        file.display(),
        s.bytes,
        s.audit_entries
    );
    Ok(())
}

/// `hoidong restore FILE`.
pub fn run_restore(db: Option<PathBuf>, file: &Path, force: bool) -> anyhow::Result<()> {
    let db = db_or_default(db)?;
    match backup::restore(&db, file, force) {
        Ok(s) => {
            for p in &s.accepted {
                println!("accepted with --force: {p}");
            }
            println!("{} restored into {}", file.display(), db.display());
            match s.kept_aside {
                Some(aside) => println!("the previous database is kept as {}", aside.display()),
                None => println!("there was no database there before"),
            }
            Ok(())
        }
        Err(backup::SafetyError::Suspicious { path, problems }) => {
            for p in &problems {
                println!("PROBLEM {p}");
            }
            Err(backup::SafetyError::Suspicious { path, problems }.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// `hoidong exercise`: acknowledged writes for the crash harness. With
/// `step`, it waits for a line on standard input after each change; with
/// `hold`, it then prints `holding` and keeps the database open, idle, until
/// its standard input closes.
pub fn run_exercise(
    db: Option<PathBuf>,
    seed: u64,
    count: u64,
    step: bool,
    hold: bool,
) -> anyhow::Result<()> {
    use std::io::{BufRead, Write};
    let db = db.context("exercise needs --db PATH (it writes test data)")?;
    let stdout = std::io::stdout();
    let mut wait_for_go = || {
        let _ = std::io::stdout().flush();
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    };
    let mut hold_until_closed = || {
        println!("holding");
        let _ = std::io::stdout().flush();
        let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
    };
    let pace = exercise::Pace {
        between: step.then_some(&mut wait_for_go as &mut dyn FnMut()),
        after: hold.then_some(&mut hold_until_closed as &mut dyn FnMut()),
    };
    exercise::run_paced(&db, seed, count, &mut stdout.lock(), pace)?;
    Ok(())
}
