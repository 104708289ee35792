//! The one way every command finds and opens its database: `--db`, else
//! `hoidong.db` in the user's data folder. Only `init`, `demo` and `gen` make
//! a new file; every other command needs one that exists, and when there is
//! none the refusal says how to create it (`hoidong init` or `hoidong demo`).

use std::path::{Path, PathBuf};

use hoidong::store::location::{self, Need};
use hoidong::store::{Store, StoreError};

/// What a command may find at the database's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A database must be there; an empty or missing file is refused.
    Existing,
    /// Nothing may be there: the command writes a new database.
    CreateNew,
}

/// The database's path: the one given with `--db`, else the default one.
pub fn path(db: Option<&Path>) -> Result<PathBuf, StoreError> {
    location::given_or_default(db)
}

/// Open (or, with [`Access::CreateNew`], create) the database.
pub fn open(db: Option<&Path>, access: Access) -> Result<Store, StoreError> {
    let need = match access {
        Access::Existing => Need::MustExist,
        Access::CreateNew => Need::Create,
    };
    Store::open(&location::resolve(&path(db)?, need)?)
}
