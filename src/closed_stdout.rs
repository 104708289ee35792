//! A reader that stops early (`hoidong check | head -1`) ends the program
//! quietly, as it ends any Unix tool.
//!
//! Rust ignores SIGPIPE, so a write to a closed pipe becomes an error and
//! `println!` panics on it. On Unix the default disposition is restored once,
//! at the start of `main`: the kernel then ends the process at that write
//! with the usual status (killed by SIGPIPE, 141 in a shell), for every
//! subcommand at once and without routing each print through a checked
//! writer. That is safe here: hoidong writes to no other pipe (printing goes
//! through a file handed to `lp`), and SQLite is crash-safe, so a write
//! transaction cut short rolls back and one that committed stays.
//!
//! Windows has no SIGPIPE; there a panic hook recognises the failed print to
//! a closed stdout and exits with status 1 without a panic message.

/// Call first thing in `main`, before anything is printed.
pub fn end_quietly_when_stdout_closes() {
    platform::end_quietly_when_stdout_closes();
}

#[cfg(unix)]
mod platform {
    pub fn end_quietly_when_stdout_closes() {
        // SAFETY: sets a signal's disposition to SIG_DFL before any thread
        // starts; no handler code of ours runs.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
    }
}

#[cfg(not(unix))]
mod platform {
    pub fn end_quietly_when_stdout_closes() {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let text = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or("");
            // The standard library's wording for a print that failed.
            if text.starts_with("failed printing to stdout") {
                std::process::exit(1);
            }
            default(info);
        }));
    }
}
