//! Damage met by a read. Writes note damage from their own errors, but a read
//! that meets a malformed page returns its error to a screen or a command and
//! the store never sees it. SQLite reports every such finding through its
//! error log (`SQLITE_CONFIG_LOG`), whichever connection met it: this module
//! counts those reports for the whole process, and the store, before its next
//! write, checks its own file when the count has moved.

use std::ffi::{c_char, c_int, c_void};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rusqlite::ffi;

static REPORTS: AtomicU64 = AtomicU64::new(0);
static INSTALLED: AtomicBool = AtomicBool::new(false);
static INSTALL: Once = Once::new();

/// SQLite's error-log callback: it may run on any thread, so it only counts.
extern "C" fn on_log(_: *mut c_void, code: c_int, _: *const c_char) {
    let primary = code & 0xff;
    if primary == ffi::SQLITE_CORRUPT || primary == ffi::SQLITE_NOTADB {
        REPORTS.fetch_add(1, Ordering::Relaxed);
    }
}

/// Ask SQLite to report to [`on_log`]. SQLite takes this only before its first
/// connection in the process, so `main` calls it first thing; later calls do
/// nothing. Without it, damage is still noted by writes and by `check`.
pub fn install() {
    INSTALL.call_once(|| {
        let callback: extern "C" fn(*mut c_void, c_int, *const c_char) = on_log;
        // SAFETY: SQLITE_CONFIG_LOG takes a function pointer of this exact C
        // signature and a user pointer; SQLite refuses (SQLITE_MISUSE) rather
        // than misbehaves once it is initialised, and the callback is
        // thread-safe (one atomic counter).
        let rc = unsafe {
            ffi::sqlite3_config(
                ffi::SQLITE_CONFIG_LOG,
                callback,
                std::ptr::null_mut::<c_void>(),
            )
        };
        INSTALLED.store(rc == ffi::SQLITE_OK, Ordering::Relaxed);
    });
}

/// Whether SQLite reports to this module in this process.
pub fn installed() -> bool {
    INSTALLED.load(Ordering::Relaxed)
}

/// How many findings of damage SQLite has reported in this process so far.
pub fn reports() -> u64 {
    REPORTS.load(Ordering::Relaxed)
}
