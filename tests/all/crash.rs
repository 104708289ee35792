//! Crash safety: kill hoidong with SIGKILL at random moments while it writes,
//! then check that every acknowledged change is there and the record is whole.
//!
//! `hoidong exercise` prints `try …` before each write and `ack …` after its
//! commit returns. After each kill the harness compares the database with
//! every `ack` seen so far; the one write in flight (a `try` without its
//! `ack`) may or may not have landed, and either is accepted.
//!
//! All the while, another program (a thread of this test process, which is
//! not the writer's process) opens and closes the database file again and
//! again, as `sqlite3 DB "select 1"` would: the writer keeps a second and a
//! third connection of its own, and none of its locks may be lost to that.
//!
//! Runs: `HOIDONG_CRASH_RUNS` (default 40; the figure is 200);
//! seed of the kill timings: `HOIDONG_CRASH_SEED` (default 7).
//!   HOIDONG_CRASH_RUNS=200 cargo test --test all crash:: -- --nocapture

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::exercise_log;
use exercise_log::{Change, current, open_and_close_as_another_program, parse};

/// A folder on the build's file system, removed after the test.
fn work_dir() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap()
}

/// A private link to the binary: a rebuild by another build sharing the
/// target folder writes a new file and leaves this one as it is. A link,
/// not a copy: a copy's write handle, inherited by a child another test
/// forks meanwhile, makes running the copy fail with "text file busy".
fn binary(dir: &Path) -> PathBuf {
    let own = dir.join("hoidong-under-test");
    let original = env!("CARGO_BIN_EXE_hoidong");
    if std::fs::hard_link(original, &own).is_err() {
        std::fs::copy(original, &own).unwrap();
    }
    own
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// splitmix64: kill timings reproducible from the seed.
struct Timing(u64);
impl Timing {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

#[derive(Default)]
struct Figures {
    runs: u64,
    killed_before_ready: u64,
    killed_mid_write: u64,
    in_flight_landed: u64,
    acks: u64,
    checks: u64,
    companion_opens: u64,
}

/// Another program opening and closing the file until `stop` is set; the
/// number of times it did.
fn companion(
    db: PathBuf,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> std::thread::JoinHandle<u64> {
    use std::sync::atomic::Ordering;
    std::thread::spawn(move || {
        let mut opens = 0;
        while !stop.load(Ordering::Relaxed) {
            // Only once the writer has made the file: opening creates it.
            if std::fs::metadata(&db).is_ok_and(|m| m.len() > 0) {
                opens += open_and_close_as_another_program(&db);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        opens
    })
}

#[test]
fn every_acknowledged_change_survives_sigkill() {
    let runs = env_number("HOIDONG_CRASH_RUNS", 40);
    let seed = env_number("HOIDONG_CRASH_SEED", 7);
    let dir = work_dir();
    let bin = binary(dir.path());
    let db = dir.path().join("crash.db");
    let mut timing = Timing(seed);
    // Last acknowledged value of every record written so far.
    let mut acked: HashMap<(String, String), String> = HashMap::new();
    let mut f = Figures::default();
    let started = Instant::now();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let touching = companion(db.clone(), stop.clone());
    for run in 0..runs {
        let mut child = Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(["exercise", "--seed", &run.to_string(), "--count", "1000000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(out)
                .lines()
                .map_while(|l| l.ok())
                .collect::<Vec<_>>()
        });
        // Mostly mid-stream, sometimes during start-up (opening, recovery,
        // the first run's demo data).
        let delay = if timing.below(5) == 0 {
            timing.below(40)
        } else {
            20 + timing.below(400)
        };
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(
            status.code().is_none(),
            "run {run}: hoidong exited by itself ({status}) instead of being killed"
        );
        let lines = reader.join().unwrap();
        f.runs += 1;
        if !lines.iter().any(|l| l == "ready") {
            f.killed_before_ready += 1;
        }
        let mut pending: Option<Change> = None;
        for line in &lines {
            if let Some((ack, c)) = parse(line) {
                if ack {
                    f.acks += 1;
                    acked.insert((c.kind.clone(), c.key.clone()), c.value.clone());
                    pending = None;
                } else {
                    pending = Some(c);
                }
            }
        }
        let conn = Connection::open(&db).unwrap();
        if let Some(p) = &pending {
            f.killed_mid_write += 1;
            // The write in flight may have committed just before the kill.
            if p.kind != "note" && current(&conn, p).as_deref() == Some(p.value.as_str()) {
                let before = acked.get(&(p.kind.clone(), p.key.clone()));
                if before != Some(&p.value) {
                    f.in_flight_landed += 1;
                }
                acked.insert((p.kind.clone(), p.key.clone()), p.value.clone());
            }
        }
        for ((kind, key), value) in &acked {
            let c = Change {
                kind: kind.clone(),
                key: key.clone(),
                value: value.clone(),
            };
            assert_eq!(
                current(&conn, &c).as_deref(),
                Some(value.as_str()),
                "run {run}: acknowledged {kind} {key} = {value} is lost"
            );
        }
        drop(conn);
        let report = hoidong::safety::check::run(&db).unwrap();
        assert!(
            report.is_clean(),
            "run {run}: check failed: {:?}",
            report.problems
        );
        f.checks += 1;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    f.companion_opens = touching.join().unwrap();
    assert!(f.companion_opens > 0, "the companion never opened the file");
    let out = Command::new(&bin)
        .arg("--db")
        .arg(&db)
        .arg("check")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "hoidong check after the kills: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!(
        "crash harness: {} kills (seed {seed}), {} before start-up finished, {} mid-write, {} in-flight writes landed; {} acknowledged changes ({} distinct records) all present; {} checks clean; another program opened and closed the file {} times meanwhile; {:.1} s",
        f.runs,
        f.killed_before_ready,
        f.killed_mid_write,
        f.in_flight_landed,
        f.acks,
        acked.len(),
        f.checks,
        f.companion_opens,
        started.elapsed().as_secs_f64()
    );
}

/// Two instances writing the same database at once: both finish, nothing is
/// lost, and the audit trail holds exactly one entry per acknowledged change.
#[test]
fn two_instances_write_one_database() {
    let dir = work_dir();
    let bin = binary(dir.path());
    let db = dir.path().join("two.db");
    let first = Command::new(&bin)
        .arg("--db")
        .arg(&db)
        .args(["exercise", "--count", "1"])
        .output()
        .unwrap();
    assert!(first.status.success());
    // Entries about changes; each change also ends with its row proofs.
    let entries = |db: &Path| -> (i64, i64) {
        Connection::open(db)
            .unwrap()
            .query_row(
                "SELECT count(*) FILTER (WHERE action <> 'rows'), count(*) FILTER (WHERE action = 'rows') FROM audit_log",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let before = entries(&db);
    let spawn = |seed: &str| {
        Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(["exercise", "--seed", seed, "--count", "150"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("101"), spawn("202"));
    // The check reads one snapshot: it stays clean while both write.
    for _ in 0..4 {
        std::thread::sleep(Duration::from_millis(150));
        let report = hoidong::safety::check::run(&db).unwrap();
        assert!(
            report.is_clean(),
            "check during writes: {:?}",
            report.problems
        );
    }
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success());
    let mut acks = 0;
    let conn = Connection::open(&db).unwrap();
    for out in [&a.stdout, &b.stdout] {
        for line in String::from_utf8_lossy(out).lines() {
            if let Some((true, c)) = parse(line) {
                acks += 1;
                if c.kind == "note" {
                    assert_eq!(current(&conn, &c).as_deref(), Some(c.value.as_str()));
                }
            }
        }
    }
    assert_eq!(acks, 300);
    let after = entries(&db);
    assert_eq!(after.0 - before.0, 300);
    assert!(after.1 - before.1 >= 300, "{before:?} {after:?}");
    let report = hoidong::safety::check::run(&db).unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
}
