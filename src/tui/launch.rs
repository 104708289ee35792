//! Starting the interface from the command line: pick the database (the
//! default one in the user's data directory is created empty on the first
//! run; the interface then offers the demo or the set-up), say where it is,
//! then open the terminal.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::store::location::{self, Need};
use crate::store::{Found, Store, probe};

use crate::i18n::Lang;

/// `hoidong.db` in the user's data directory (e.g. ~/.local/share/hoidong/).
pub fn default_db_path() -> anyhow::Result<PathBuf> {
    Ok(location::default_path()?)
}

/// Open `path`; when it is the default database and does not exist yet,
/// create it empty (the interface asks whether to fill the demo or to set up
/// the ward's own council).
pub fn open_database(path: &Path, is_default: bool) -> anyhow::Result<Store> {
    let new = probe(path)? == Found::Missing;
    if new && is_default {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
        }
        let store = location::create_new(path)?;
        println!(
            "hoidong: created {} (first run: the demo, or your own council?)",
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
