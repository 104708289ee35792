//! The release binary under a pseudo-terminal of a fixed size: keys go in
//! through the master side, and every burst of screen output comes back
//! with the instant it was read, so that a key can be timed to the moment
//! the screen stops changing.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// A running interface and the output it has written.
pub struct Session {
    child: Child,
    input: std::fs::File,
    output: Receiver<Instant>,
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
                        if tx.send(Instant::now()).is_err() {
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

    /// Time the output following `since` (a key, or the process start).
    pub fn follow(&self, since: Instant, quiet: Duration, long_quiet: Duration) -> Option<Timing> {
        let mut last = self.output.recv_timeout(Duration::from_secs(2)).ok()?;
        loop {
            match self.output.recv_timeout(quiet) {
                Ok(at) => last = at,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        let settled = last - since;
        let mut waited = Instant::now();
        loop {
            match self
                .output
                .recv_timeout(long_quiet.saturating_sub(waited.elapsed()))
            {
                Ok(at) => {
                    last = at;
                    waited = Instant::now();
                }
                Err(_) => break,
            }
        }
        Some(Timing {
            settled,
            complete: last - since,
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
