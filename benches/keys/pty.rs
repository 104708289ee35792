//! The release binary under a pseudo-terminal of a fixed size: keys go in
//! through the master side, and every burst of screen output comes back
//! with the instant it was read, so that a key can be timed to the moment
//! the screen stops changing.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

/// A running interface and the output it has written.
pub struct Session {
    child: Child,
    input: std::fs::File,
    output: Receiver<Chunk>,
}

/// One read of screen output: when, and whether it drew only on the list's
/// title line (where the count appears when it follows the rows).
#[derive(Debug, Clone, Copy)]
struct Chunk {
    at: Instant,
    title_only: bool,
}

/// The screen line of the list's title (the third, under the header and the filters).
const TITLE_ROW: &[u8] = b"3";

/// Whether every cursor move in `chunk` (`ESC [ row ; col H`) goes to the title line.
fn title_only(chunk: &[u8]) -> bool {
    let mut rows = chunk
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w == b"\x1b[")
        .filter_map(|(i, _)| {
            let rest = &chunk[i + 2..];
            let semi = rest.iter().position(|&b| b == b';')?;
            let row = &rest[..semi];
            let end = rest[semi + 1..].iter().position(|b| !b.is_ascii_digit())?;
            (rest.get(semi + 1 + end) == Some(&b'H') && row.iter().all(u8::is_ascii_digit))
                .then_some(row)
        })
        .peekable();
    rows.peek().is_some() && rows.all(|r| r == TITLE_ROW)
}

/// When a key's output started and when it settled.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// From the key to the last byte before the output was quiet for the short window.
    pub settled: Duration,
    /// From the key to the last byte before a long quiet: what came later
    /// on its own (the list's count) is in this one.
    pub complete: Duration,
}

fn open_pty(cols: u16, rows: u16) -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut master = -1;
    let mut slave = -1;
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the integers it is given
    // and reads the window size; no other pointer is kept.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just opened and are owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) })
}

/// What the interface writes on each tick when nothing changed (colours
/// reset, cursor hidden): no change on screen, so not output here.
const IDLE_REDRAW: &[u8] = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l";

fn only_idle_redraw(chunk: &[u8]) -> bool {
    chunk.chunks(IDLE_REDRAW.len()).all(|c| c == IDLE_REDRAW)
}

impl Session {
    /// Start `bin --db db` on a terminal of `cols` × `rows`; `started` is
    /// the instant just before the process was spawned.
    pub fn start(
        bin: &Path,
        db: &Path,
        cols: u16,
        rows: u16,
    ) -> std::io::Result<(Session, Instant)> {
        let (master, slave) = open_pty(cols, rows)?;
        let mut cmd = Command::new(bin);
        cmd.arg("--db")
            .arg(db)
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::from(slave.try_clone()?))
            .stdout(Stdio::from(slave.try_clone()?))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec: a new
        // session, whose controlling terminal is the pty on stdin, so that
        // /dev/tty (where the interface asks its size) is this terminal.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let started = Instant::now();
        let child = cmd.spawn()?;
        let input = std::fs::File::from(master.try_clone()?);
        let mut reader = std::fs::File::from(master);
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = [0u8; 65536];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if only_idle_redraw(&buf[..n]) {
                            continue;
                        }
                        let chunk = Chunk {
                            at: Instant::now(),
                            title_only: title_only(&buf[..n]),
                        };
                        if tx.send(chunk).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Ok((
            Session {
                child,
                input,
                output: rx,
            },
            started,
        ))
    }

    /// Wait until nothing has been written for `quiet`.
    pub fn drain(&self, quiet: Duration) {
        while self.output.recv_timeout(quiet).is_ok() {}
    }

    /// Send `bytes` and time the output that follows. `None` when the screen
    /// did not change within a second.
    pub fn key(&mut self, bytes: &[u8], quiet: Duration, long_quiet: Duration) -> Option<Timing> {
        let sent = Instant::now();
        self.input.write_all(bytes).ok()?;
        self.follow(sent, quiet, long_quiet)
    }

    /// Time the output following `since` (a key, or the process start):
    /// everything written until the screen is quiet for `long_quiet`; the
    /// rows settled at the end of the first run of output with no gap of
    /// `quiet`, leaving out what drew only the title (the count).
    pub fn follow(&self, since: Instant, quiet: Duration, long_quiet: Duration) -> Option<Timing> {
        let first = self.output.recv_timeout(Duration::from_secs(2)).ok()?;
        let mut chunks = vec![first];
        while let Ok(c) = self.output.recv_timeout(long_quiet) {
            chunks.push(c);
        }
        let mut settled = first.at;
        for c in chunks.iter().filter(|c| !c.title_only) {
            if c.at.duration_since(settled) >= quiet {
                break;
            }
            settled = c.at;
        }
        let complete = chunks.last().map_or(first.at, |c| c.at);
        Some(Timing {
            settled: settled - since,
            complete: complete - since,
        })
    }

    /// Quit with `q` and wait; killed if it does not go.
    pub fn quit(mut self) {
        let _ = self.input.write_all(b"q");
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
