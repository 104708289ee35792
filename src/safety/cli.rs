//! The `check`, `backup`, `restore` and `exercise` subcommands: messages and
//! exit status around the library functions.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::{backup, check, exercise};

/// The database used when `--db` is not given.
pub fn default_db() -> anyhow::Result<PathBuf> {
    let dir = dirs::data_dir()
        .context("no data folder for this user; give the database with --db PATH")?;
    Ok(dir.join("hoidong").join("hoidong.db"))
}

fn db_or_default(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match db {
        Some(p) => Ok(p),
        None => default_db(),
    }
}

/// `hoidong check`: print every problem; fail when there is any.
pub fn run_check(db: Option<PathBuf>) -> anyhow::Result<()> {
    let db = db_or_default(db)?;
    let report = check::run(&db)?;
    for p in &report.problems {
        println!("PROBLEM {p}");
    }
    println!(
        "{}: {} audit entries, chain head {}; {} signed minutes and {} evidence files checked",
        db.display(),
        report.audit_entries,
        report.chain_head,
        report.signoffs_checked,
        report.evidence_files_checked
    );
    if !report.is_clean() {
        bail!(
            "{}: {} problem(s) found",
            db.display(),
            report.problems.len()
        );
    }
    println!("no problem found");
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

/// `hoidong exercise`: acknowledged writes for the crash harness.
pub fn run_exercise(db: Option<PathBuf>, seed: u64, count: u64) -> anyhow::Result<()> {
    let db = db.context("exercise needs --db PATH (it writes test data)")?;
    let stdout = std::io::stdout();
    exercise::run(&db, seed, count, &mut stdout.lock())?;
    Ok(())
}
