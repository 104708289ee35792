//! The `check`, `backup`, `restore` and `exercise` subcommands: messages and
//! exit status around the library functions.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::cli::database::{self, Access};
use hoidong::i18n::Lang;
use hoidong::i18n::safety::Line;
use hoidong::safety::{backup, check, exercise};
use hoidong::store::audit::Anchor;

/// The language of the messages: `--lang`, else the locale (as the TUI does).
pub fn lang_of(flag: Option<&str>) -> Lang {
    Lang::detect(flag.and_then(Lang::parse))
}

/// `hoidong check [--anchor N:HASH]`: print every problem; fail when there is any.
pub fn run_check(db: Option<PathBuf>, anchor: Option<&str>, lang: Lang) -> anyhow::Result<()> {
    let db = database::path(db.as_deref())?;
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
        match lang {
            Lang::Vi => println!("đã bỏ dấu hư hỏng ({mark}): mọi trang nay đọc được trọn vẹn"),
            Lang::En => {
                println!("the damage mark ({mark}) was removed: every page now reads whole")
            }
        }
    }
    if report.problems.iter().any(|p| p.damage.is_some()) {
        match lang {
            Lang::Vi => println!(
                "cơ sở dữ liệu bị hư hỏng: hoidong sẽ không lưu thay đổi vào đó; hãy khôi phục một bản sao lưu bằng `hoidong restore BẢN_SAO_LƯU`"
            ),
            Lang::En => println!(
                "the database is damaged: hoidong will not save changes into it; restore a backup with `hoidong restore BACKUP`"
            ),
        }
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
    let db = database::path(db.as_deref())?;
    let store = hoidong::store::Store::inspect(&db)?;
    let head = store.chain_head()?;
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
    let db = database::path(db.as_deref())?;
    let mut store = database::open(Some(&db), Access::Existing)?;
    let rows = store.rebuild_search_index()?;
    let shown = db.display().to_string();
    println!("{}", Line::Reindexed { db: &shown, rows }.say(lang));
    Ok(())
}

/// `hoidong backup FILE`.
pub fn run_backup(db: Option<PathBuf>, file: &Path, lang: Lang) -> anyhow::Result<()> {
    let db = database::path(db.as_deref())?;
    let s = backup::backup(&db, file)?;
    let (from, to, bytes, entries) = (db.display(), file.display(), s.bytes, s.audit_entries);
    match lang {
        Lang::Vi => println!(
            "đã sao lưu {from} vào {to} ({bytes} byte, {entries} mục nhật ký, chỉ bạn đọc được)"
        ),
        Lang::En => println!(
            "backup of {from} written to {to} ({bytes} bytes, {entries} audit entries, readable by you only)"
        ),
    }
    Ok(())
}

/// `hoidong restore FILE`.
pub fn run_restore(
    db: Option<PathBuf>,
    file: &Path,
    force: bool,
    lang: Lang,
) -> anyhow::Result<()> {
    let db = database::path(db.as_deref())?;
    match backup::restore(&db, file, force) {
        Ok(s) => {
            let vi = lang == Lang::Vi;
            for p in &s.accepted {
                match vi {
                    true => println!("chấp nhận do có --force: {p}"),
                    false => println!("accepted with --force: {p}"),
                }
            }
            let (from, into) = (file.display(), db.display());
            match vi {
                true => println!("đã khôi phục {from} vào {into}"),
                false => println!("{from} restored into {into}"),
            }
            match (s.kept_aside, vi) {
                (Some(aside), true) => {
                    println!("cơ sở dữ liệu trước đó được giữ lại ở {}", aside.display())
                }
                (Some(aside), false) => {
                    println!("the previous database is kept as {}", aside.display())
                }
                (None, true) => println!("trước đó không có cơ sở dữ liệu nào ở đây"),
                (None, false) => println!("there was no database there before"),
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
