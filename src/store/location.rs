//! Which database a command works on, and whether it may create one. The one
//! place that decides it: only `init`, `demo`, `gen` and the interface's
//! first run on the default path create a database; every other command
//! needs one to be there, and an empty file is not a database.

use std::path::{Path, PathBuf};

use super::{Found, Result, Store, StoreError, probe};

/// What a command needs at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// A database must be there (an empty file is not one).
    MustExist,
    /// Nothing may be there: the command makes a new database.
    Create,
}

/// `hoidong.db` in the user's data folder (e.g. ~/.local/share/hoidong/).
pub fn default_path() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join("hoidong").join("hoidong.db"))
        .ok_or(StoreError::NoDataFolder)
}

/// The path given with `--db`, else the default one.
pub fn given_or_default(db: Option<&Path>) -> Result<PathBuf> {
    match db {
        Some(p) => Ok(p.to_path_buf()),
        None => default_path(),
    }
}

/// Check `path` for what the command needs (with `stat` only).
pub fn resolve(path: &Path, need: Need) -> Result<PathBuf> {
    let found = probe(path)?;
    match (need, found) {
        (Need::MustExist, Found::Database) | (Need::Create, Found::Missing) => {
            Ok(path.to_path_buf())
        }
        (Need::MustExist, found) => Err(StoreError::NoDatabase {
            path: path.to_path_buf(),
            empty: found == Found::Empty,
        }),
        (Need::Create, _) => Err(StoreError::AlreadyExists {
            path: path.to_path_buf(),
        }),
    }
}

/// Open the database a command names (`--db`, else the default), which must exist.
pub fn open_existing(db: Option<&Path>) -> Result<Store> {
    let path = resolve(&given_or_default(db)?, Need::MustExist)?;
    Store::open(&path)
}

/// Make a new database at `path` (catalogue and default rules only), refusing
/// any file already there.
pub fn create_new(path: &Path) -> Result<Store> {
    Store::open(&resolve(path, Need::Create)?)
}
