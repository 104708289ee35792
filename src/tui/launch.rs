//! Starting the interface from the command line: pick the database (the
//! default one in the user's data directory is created with the demo data on
//! first run), say where it is, then open the terminal.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::demo;
use crate::store::location::{self, Need};
use crate::store::{Found, Store, probe};

use super::strings::Lang;

/// `hoidong.db` in the user's data directory (e.g. ~/.local/share/hoidong/).
pub fn default_db_path() -> anyhow::Result<PathBuf> {
    Ok(location::default_path()?)
}

/// Open `path`; when it is the default database and does not exist yet,
/// create it with the demo data.
pub fn open_database(path: &Path, is_default: bool) -> anyhow::Result<Store> {
    let new = probe(path)? == Found::Missing;
    if new && is_default {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
        }
        let mut store = Store::open(path)?;
        if let Err(e) = demo::populate(&mut store, demo::demo_spec()) {
            // Leave no half-made default database behind: the next run starts over.
            drop(store);
            for suffix in ["", "-wal", "-shm"] {
                let mut p = path.as_os_str().to_owned();
                p.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(p));
            }
            return Err(e)
                .with_context(|| format!("{}: writing the demo data failed", path.display()));
        }
        println!(
            "hoidong: created {} with the demo data (first run)",
            path.display()
        );
        return Ok(store);
    }
    // Any other path must hold a database: a mistyped name is not made one.
    let store = Store::open(&location::resolve(path, Need::MustExist)?)?;
    println!("hoidong: opening {}", path.display());
    if store.is_read_only() {
        println!("hoidong: the file is read-only; changes cannot be saved");
    }
    Ok(store)
}

pub fn run(db: Option<PathBuf>, lang: Option<&str>) -> anyhow::Result<()> {
    let (path, is_default) = match db {
        Some(p) => (p, false),
        None => (default_db_path()?, true),
    };
    let store = open_database(&path, is_default)?;
    let lang = Lang::detect(lang.and_then(Lang::parse));
    super::run(store, lang)
}
