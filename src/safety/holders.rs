//! Which other programs have a file open, for a message that names them.
//! Linux tells through /proc; elsewhere the list is empty and SQLite's locks
//! alone say whether the file is in use.

use std::path::Path;

/// "name (PID n)" of every other process with `path` open.
#[cfg(target_os = "linux")]
pub fn processes_holding(path: &Path) -> Vec<String> {
    use std::os::unix::fs::MetadataExt;
    // stat only: the file itself is never opened here.
    let Ok(target) = std::fs::metadata(path) else {
        return Vec::new();
    };
    let own = std::process::id().to_string();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in procs.flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if pid == own || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(entry.path().join("fd")) else {
            continue;
        };
        let holds = fds.flatten().any(|fd| {
            std::fs::metadata(fd.path())
                .is_ok_and(|m| m.dev() == target.dev() && m.ino() == target.ino())
        });
        if holds {
            let name = std::fs::read_to_string(entry.path().join("comm"))
                .map(|n| n.trim().to_string())
                .unwrap_or_else(|_| "?".into());
            found.push(format!("{name} (PID {pid})"));
        }
    }
    found
}

#[cfg(not(target_os = "linux"))]
pub fn processes_holding(_path: &Path) -> Vec<String> {
    Vec::new()
}
