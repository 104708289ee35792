//! Evidence files are referenced by path with their SHA-256. The detail pane
//! checks them when a nomination is selected (never per frame); hashes are
//! cached by path, size and modification time so reselecting is instant.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use crate::domain::nomination::Evidence;

/// How an evidence file compares with the hash recorded when it was added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    Unchanged,
    Changed,
    Missing,
}

/// A path as typed: `~/` is the home folder; relative paths are made absolute,
/// so that what is recorded does not depend on where the program was started.
pub fn full_path(typed: &str) -> std::path::PathBuf {
    let path = match typed.strip_prefix("~/") {
        Some(rest) => dirs::home_dir().map_or_else(|| typed.into(), |h| h.join(rest)),
        None => typed.into(),
    };
    std::path::absolute(&path).unwrap_or(path)
}

/// SHA-256 of a file, in lower-case hex.
pub fn sha256_file(path: &Path) -> io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

type Stamp = (u64, Option<SystemTime>);

fn cache() -> &'static Mutex<HashMap<String, (Stamp, String)>> {
    static CACHE: OnceLock<Mutex<HashMap<String, (Stamp, String)>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The current hash of `path`, from the cache when the file looks untouched.
fn current_hash(path: &str) -> io::Result<String> {
    let meta = std::fs::metadata(path)?;
    let stamp = (meta.len(), meta.modified().ok());
    if let Ok(c) = cache().lock()
        && let Some((s, h)) = c.get(path)
        && *s == stamp
    {
        return Ok(h.clone());
    }
    let hash = sha256_file(Path::new(path))?;
    if let Ok(mut c) = cache().lock() {
        c.insert(path.to_string(), (stamp, hash.clone()));
    }
    Ok(hash)
}

/// The state of each evidence item that references a file with a hash.
pub fn check(evidence: &[Evidence]) -> Vec<(i64, FileState)> {
    evidence
        .iter()
        .filter_map(|e| {
            let (path, recorded) = (e.file_path.as_deref()?, e.sha256.as_deref()?);
            let state = match current_hash(path) {
                Ok(h) if h == recorded => FileState::Unchanged,
                Ok(_) => FileState::Changed,
                Err(_) => FileState::Missing,
            };
            Some((e.id, state))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nomination::EvidenceKind;

    #[test]
    fn flags_a_changed_and_a_missing_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("bao-cao.txt");
        std::fs::write(&path, "thành tích").unwrap_or_else(|e| panic!("{e}"));
        let hash = sha256_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let e = Evidence {
            id: 7,
            nomination_id: 1,
            kind: EvidenceKind::AchievementReport,
            title: "Báo cáo".into(),
            doc_number: String::new(),
            doc_date: None,
            file_path: Some(path.to_string_lossy().into_owned()),
            sha256: Some(hash),
            note: String::new(),
        };
        assert_eq!(
            check(std::slice::from_ref(&e)),
            vec![(7, FileState::Unchanged)]
        );
        std::fs::write(&path, "thành tích đã sửa, dài hơn").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            check(std::slice::from_ref(&e)),
            vec![(7, FileState::Changed)]
        );
        std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            check(std::slice::from_ref(&e)),
            vec![(7, FileState::Missing)]
        );
    }
}
