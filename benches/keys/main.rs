//! Keys timed as a user meets them: the release binary runs on a synthetic
//! database under a pseudo-terminal (120 × 35), a key is written, and the
//! time runs to the last byte of screen output before the screen stays
//! quiet (`settled`, 25 ms quiet; `complete`, 300 ms quiet, which includes
//! the list's count when it follows the rows). Next to each figure, the
//! same queries run by `sqlite3` on the same file (the floor).
//!
//! `cargo bench --bench keys`: 100,000 nominations; `HOIDONG_BENCH_1M=1`:
//! 1,000,000. The database is made once with `hoidong gen` and kept in the
//! target's temporary folder (`HOIDONG_BENCH_DB` names another file to use).
//! `HOIDONG_BENCH_REPS` sets the samples per key (default 100);
//! `HOIDONG_BENCH_FLOOR_ONLY=1` runs only the sqlite3 floor.

#[cfg(unix)]
mod floor;
#[cfg(unix)]
mod pty;

#[cfg(unix)]
fn main() {
    run::main();
}

#[cfg(not(unix))]
fn main() {
    eprintln!("the key timings need a Unix pseudo-terminal; skipped");
}

#[cfg(unix)]
mod run {
    use std::path::{Path, PathBuf};
    use std::process::Command;
    use std::time::Duration;

    use super::floor;
    use super::pty::{Session, Timing};

    const QUIET: Duration = Duration::from_millis(25);
    const LONG_QUIET: Duration = Duration::from_millis(300);
    const COLS: u16 = 120;
    const ROWS: u16 = 35;

    const DOWN: &[u8] = b"\x1b[B";
    const PAGE_DOWN: &[u8] = b"\x1b[6~";
    const HOME: &[u8] = b"\x1b[H";
    const END: &[u8] = b"\x1b[F";
    const ESC: &[u8] = b"\x1b";

    /// Words typed into the search, one character at a time: a common
    /// family name, a given name, a rare pair, letters too short for trigrams.
    const WORDS: [&str; 4] = ["nguyen", "hoa", "mac xuan", "an"];
    /// Status, subject kind and award level filters, in turn.
    const FILTERS: [&[u8]; 3] = [b"s", b"t", b"c"];

    fn env_flag(name: &str) -> bool {
        std::env::var(name).is_ok_and(|v| v == "1")
    }

    fn database(bin: &Path, n: u64) -> PathBuf {
        if let Ok(path) = std::env::var("HOIDONG_BENCH_DB") {
            return PathBuf::from(path);
        }
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("keys-{n}.db"));
        if !path.exists() {
            eprintln!("making {} with {n} nominations…", path.display());
            let status = Command::new(bin)
                .arg("gen")
                .arg(&path)
                .arg("--nominations")
                .arg(n.to_string())
                .status()
                .expect("run hoidong gen");
            assert!(status.success(), "hoidong gen failed");
        }
        path
    }

    pub fn main() {
        let n: u64 = if env_flag("HOIDONG_BENCH_1M") {
            1_000_000
        } else {
            100_000
        };
        let reps: usize = std::env::var("HOIDONG_BENCH_REPS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100);
        let bin = PathBuf::from(env!("CARGO_BIN_EXE_hoidong"));
        let db = database(&bin, n);
        println!(
            "# keys: {} ({n} nominations), {reps} samples each",
            db.display()
        );

        if env_flag("HOIDONG_BENCH_FLOOR_ONLY") {
            floor::report(&db, reps.min(30));
            return;
        }
        let mut figures: Vec<(&str, Vec<Timing>)> = Vec::new();
        figures.push((
            "first frame (new process)",
            first_frames(&bin, &db, reps.min(30)),
        ));
        let (mut s, _) = Session::start(&bin, &db, COLS, ROWS).expect("start the interface");
        s.drain(LONG_QUIET);
        figures.push((
            "Down",
            repeat(&mut s, reps, |s| s.key(DOWN, QUIET, LONG_QUIET)),
        ));
        figures.push((
            "PageDown",
            repeat(&mut s, reps, |s| s.key(PAGE_DOWN, QUIET, LONG_QUIET)),
        ));
        figures.push((
            "End (from Home)",
            repeat(&mut s, reps, |s| {
                s.key(HOME, QUIET, LONG_QUIET)?;
                s.key(END, QUIET, LONG_QUIET)
            }),
        ));
        let _ = s.key(HOME, QUIET, LONG_QUIET);
        figures.push(("search character", search(&mut s, reps)));
        let mut turn = 0;
        figures.push((
            "filter key (s, t, c in turn)",
            repeat(&mut s, reps, |s| {
                turn += 1;
                s.key(FILTERS[turn % FILTERS.len()], QUIET, LONG_QUIET)
            }),
        ));
        s.quit();

        println!();
        println!(
            "| figure | settled p50 | settled p99 | with count p50 | with count p99 | samples |"
        );
        println!("|---|---|---|---|---|---|");
        for (name, times) in &figures {
            let settled: Vec<Duration> = times.iter().map(|t| t.settled).collect();
            let complete: Vec<Duration> = times.iter().map(|t| t.complete).collect();
            println!(
                "| {name} | {} | {} | {} | {} | {} |",
                ms(percentile(&settled, 50)),
                ms(percentile(&settled, 99)),
                ms(percentile(&complete, 50)),
                ms(percentile(&complete, 99)),
                times.len()
            );
        }
        floor::report(&db, reps.min(30));
    }

    /// The first frame of a new process: spawn to a settled screen.
    fn first_frames(bin: &Path, db: &Path, reps: usize) -> Vec<Timing> {
        (0..reps)
            .filter_map(|_| {
                let (s, started) = Session::start(bin, db, COLS, ROWS).ok()?;
                // Start-up writes a line and enters the alternate screen well
                // before the first frame: a longer gap ends it.
                let t = s.follow(started, Duration::from_millis(150), LONG_QUIET);
                s.quit();
                t
            })
            .collect()
    }

    fn repeat(
        s: &mut Session,
        reps: usize,
        mut one: impl FnMut(&mut Session) -> Option<Timing>,
    ) -> Vec<Timing> {
        (0..reps).filter_map(|_| one(s)).collect()
    }

    /// Each character of the words typed into the search, timed; the search
    /// is cleared between words (not timed).
    fn search(s: &mut Session, reps: usize) -> Vec<Timing> {
        let mut times = Vec::new();
        for word in WORDS.iter().cycle() {
            if times.len() >= reps {
                break;
            }
            s.key(b"/", QUIET, LONG_QUIET);
            for c in word.bytes() {
                if let Some(t) = s.key(&[c], QUIET, LONG_QUIET) {
                    times.push(t);
                }
            }
            s.key(ESC, QUIET, LONG_QUIET);
        }
        times
    }

    pub fn percentile(sorted_or_not: &[Duration], p: usize) -> Option<Duration> {
        let mut v = sorted_or_not.to_vec();
        v.sort();
        let i = (v.len() * p).div_ceil(100).checked_sub(1)?;
        v.get(i).copied()
    }

    pub fn ms(d: Option<Duration>) -> String {
        match d {
            Some(d) => format!("{:.1} ms", d.as_secs_f64() * 1000.0),
            None => "–".into(),
        }
    }
}
