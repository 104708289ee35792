//! The database file among other programs: nothing written is lost when
//! another program opens and closes the file, a restore is refused while a
//! program holds it, damage stops writes, commands never make a database
//! they were not asked to make, and what is not a database file is refused.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

use rusqlite::Connection;

use crate::damage_page;
use crate::exercise_log;
use damage_page::damage_an_old_audit_page;
use exercise_log::{acknowledged, current};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_hoidong")
}

/// hoidong in a known language environment (Vietnamese unless --lang en).
fn hoidong(db: &Path) -> Command {
    let mut c = Command::new(bin());
    c.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c.arg("--db").arg(db);
    c
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn run(c: &mut Command) -> Run {
    let out = c.output().unwrap();
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A database written by `hoidong exercise` (demo data, a meeting, scores,
/// notes and votes), closed.
fn exercised(dir: &Path, count: u64) -> PathBuf {
    let db = dir.join("hoidong.db");
    let r = run(hoidong(&db).args(["exercise", "--count", &count.to_string()]));
    assert!(r.ok, "{}", r.stderr);
    db
}

fn audit_entries(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        // Row-proof entries ride along with each change: count the changes.
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action <> 'rows'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// Open files of process `pid` whose link ends in " (deleted)" and that
/// belong to the database (its log or shared memory).
#[cfg(target_os = "linux")]
fn deleted_database_files(pid: u32, db: &Path) -> Vec<String> {
    let name = db.file_name().unwrap().to_string_lossy().into_owned();
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return Vec::new();
    };
    fds.flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .map(|l| l.to_string_lossy().into_owned())
        .filter(|l| l.contains(&name) && l.ends_with(" (deleted)"))
        .collect()
}

#[cfg(not(target_os = "linux"))]
fn deleted_database_files(_pid: u32, _db: &Path) -> Vec<String> {
    Vec::new()
}

#[test]
fn another_program_opening_and_closing_the_file_takes_no_write_away() {
    let dir = tempfile::tempdir().unwrap();
    let db = exercised(dir.path(), 1);
    let before = audit_entries(&db);
    // The writer holds a second connection of its own and opens a third now
    // and then, as the interface does; this process opens and closes the
    // file all the while.
    let mut writer = hoidong(&db)
        .args(["exercise", "--seed", "5", "--count", "400", "--step"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut go = writer.stdin.take().unwrap();
    // After every change the writer acknowledges, and before it goes on,
    // another program opens and closes the file and must already see it.
    let mut stdout = String::new();
    let mut deleted = Vec::new();
    for line in BufReader::new(writer.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        stdout.push_str(&line);
        stdout.push('\n');
        let Some((true, change)) = exercise_log::parse(&line) else {
            continue;
        };
        assert!(
            !exercise_log::could_take_alone(&db),
            "another program could lock the file for itself while the writer has it open"
        );
        exercise_log::open_and_close_as_another_program(&db);
        deleted.extend(deleted_database_files(writer.id(), &db));
        let seen = current(&Connection::open(&db).unwrap(), &change);
        assert_eq!(
            seen.as_deref(),
            Some(change.value.as_str()),
            "acknowledged {} {} not visible to another program",
            change.kind,
            change.key
        );
        let _ = writeln!(go, "go");
    }
    drop(go);
    assert!(writer.wait().unwrap().success());
    assert_eq!(
        deleted,
        Vec::<String>::new(),
        "files deleted under the writer"
    );
    let acks = stdout.lines().filter(|l| l.starts_with("ack ")).count();
    assert_eq!(acks, 400);
    let conn = Connection::open(&db).unwrap();
    for c in acknowledged(&stdout) {
        assert_eq!(
            current(&conn, &c).as_deref(),
            Some(c.value.as_str()),
            "acknowledged {} {} is not in the file",
            c.kind,
            c.key
        );
    }
    drop(conn);
    // One audit entry per acknowledged change: none written into a log
    // that another program had deleted.
    assert_eq!(audit_entries(&db) - before, 400);
    let r = run(hoidong(&db).arg("check"));
    assert!(r.ok, "{}{}", r.stdout, r.stderr);
}

/// A hoidong holding the database the way the interface does: its writer
/// connection and its reader connection open, idle, until dropped.
struct Holder {
    child: Child,
    _stdout: BufReader<ChildStdout>,
}

impl Holder {
    fn start(db: &Path) -> Holder {
        let mut child = hoidong(db)
            .args(["exercise", "--count", "3", "--hold"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while line.trim() != "holding" {
            line.clear();
            assert!(stdout.read_line(&mut line).unwrap() > 0, "holder ended");
        }
        Holder {
            child,
            _stdout: stdout,
        }
    }

    fn release(mut self) {
        drop(self.child.stdin.take());
        assert!(self.child.wait().unwrap().success());
    }
}

#[test]
fn restore_is_refused_while_another_program_holds_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = exercised(dir.path(), 5);
    let copy = dir.path().join("copy.db");
    assert!(run(hoidong(&db).arg("backup").arg(&copy)).ok);
    let holder = Holder::start(&db);
    let pid = holder.child.id();
    // Another program opening and closing the file meanwhile must not make
    // the holder look gone.
    exercise_log::open_and_close_as_another_program(&db);
    let entries = audit_entries(&db);
    let vi = run(hoidong(&db).arg("restore").arg(&copy));
    assert!(!vi.ok);
    assert!(
        vi.stderr.contains(&format!("hoidong (PID {pid})"))
            && vi.stderr.contains("hãy đóng chương trình đó"),
        "{}",
        vi.stderr
    );
    let en = run(hoidong(&db).args(["--lang", "en", "restore"]).arg(&copy));
    assert!(!en.ok);
    assert!(
        en.stderr.contains("close that program") && en.stderr.contains(&format!("PID {pid}")),
        "{}",
        en.stderr
    );
    // Nothing was set aside or replaced.
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("before-restore"))
        .count();
    assert_eq!(aside, 0);
    assert_eq!(audit_entries(&db), entries);
    holder.release();
    let r = run(hoidong(&db).arg("restore").arg(&copy));
    assert!(r.ok, "{}", r.stderr);
}

#[test]
fn once_damage_is_found_nothing_more_is_written_until_a_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = exercised(dir.path(), 200);
    let copy = dir.path().join("before-damage.db");
    assert!(run(hoidong(&db).arg("backup").arg(&copy)).ok);
    damage_an_old_audit_page(&db);
    let notes = |db: &Path| -> i64 {
        Connection::open(db)
            .unwrap()
            .query_row("SELECT count(*) FROM minutes_notes", [], |r| r.get(0))
            .unwrap()
    };
    let before = notes(&db);

    let check = run(hoidong(&db).arg("check"));
    assert!(!check.ok);
    assert!(
        check.stdout.contains("PROBLEM database file: damaged"),
        "{}",
        check.stdout
    );
    assert!(dir.path().join("hoidong.db.damaged").exists());

    // A later process, through the command line: refused, saying to restore.
    let meeting: i64 = Connection::open(&db)
        .unwrap()
        .query_row("SELECT id FROM meetings ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let note =
        run(hoidong(&db).args(["meeting", "note", &meeting.to_string(), "Ghi chú sau hỏng"]));
    assert!(!note.ok);
    assert!(
        note.stderr.contains("khôi phục bản sao lưu"),
        "{}",
        note.stderr
    );
    let note_en = run(hoidong(&db).args([
        "--lang",
        "en",
        "meeting",
        "note",
        &meeting.to_string(),
        "Note after damage",
    ]));
    assert!(
        note_en.stderr.contains("Restore a backup"),
        "{}",
        note_en.stderr
    );
    let sheet = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/de-nghi.csv");
    let import = run(hoidong(&db).args(["import", "nominations"]).arg(&sheet));
    assert!(!import.ok);
    assert!(
        import.stderr.contains("khôi phục bản sao lưu"),
        "{}",
        import.stderr
    );
    // And through the library.
    let mut store = hoidong::store::Store::open(&db).unwrap();
    assert!(store.known_damage().is_some());
    let err = store.set_setting("after_damage", "yes").unwrap_err();
    assert!(
        matches!(err, hoidong::store::StoreError::Damaged { .. }),
        "{err:?}"
    );
    drop(store);
    assert_eq!(notes(&db), before);

    // A restore cures it: the mark goes, writes are taken again.
    let restored = run(hoidong(&db).arg("restore").arg(&copy));
    assert!(restored.ok, "{}", restored.stderr);
    assert!(!dir.path().join("hoidong.db.damaged").exists());
    let note = run(hoidong(&db).args([
        "meeting",
        "note",
        &meeting.to_string(),
        "Ghi chú sau khôi phục",
    ]));
    assert!(note.ok, "{}", note.stderr);
}

#[test]
fn only_init_demo_and_gen_make_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("mistyped.db");
    let sheet = dir.path().join("list.csv");
    std::fs::write(&sheet, "STT,Họ và tên\n1,Trần Văn Bình\n").unwrap();
    let out = dir.path().join("out.xlsx");
    let attempts: [&[&str]; 5] = [
        &["import", "nominations", sheet.to_str().unwrap()],
        &["export", "nominations", out.to_str().unwrap()],
        &["export", "awards", out.to_str().unwrap()],
        &["meetings"],
        &["check"],
    ];
    for args in attempts {
        let r = run(hoidong(&missing).args(args));
        assert!(!r.ok, "{args:?}");
        assert!(
            r.stderr.contains("không có cơ sở dữ liệu") && r.stderr.contains("hoidong init"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(!missing.exists(), "{args:?} made a database");
        assert!(!out.exists(), "{args:?} wrote an export");
    }
    // The interface on a path that is not the default one.
    let r = run(&mut hoidong(&missing));
    assert!(!r.ok);
    assert!(r.stderr.contains("không có cơ sở dữ liệu"), "{}", r.stderr);
    assert!(!missing.exists());

    // A zero-byte file is not a database, and stays zero bytes.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, "").unwrap();
    for args in [
        &["meetings"][..],
        &["import", "nominations", sheet.to_str().unwrap()],
    ] {
        let r = run(hoidong(&empty).args(["--lang", "en"]).args(args));
        assert!(!r.ok);
        assert!(r.stderr.contains("the file is empty"), "{}", r.stderr);
    }
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);

    // `init` makes an empty database with the catalogue, once.
    let new = dir.path().join("new.db");
    let r = run(Command::new(bin()).env("LANG", "C").arg("init").arg(&new));
    assert!(r.ok, "{}", r.stderr);
    let conn = Connection::open(&new).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert!(count("SELECT count(*) FROM awards") > 10);
    assert_eq!(count("SELECT count(*) FROM nominations"), 0);
    drop(conn);
    let again = run(Command::new(bin()).env("LANG", "C").arg("init").arg(&new));
    assert!(!again.ok);
    assert!(again.stderr.contains("tệp đã có"), "{}", again.stderr);
    let on_empty = run(Command::new(bin()).env("LANG", "C").arg("init").arg(&empty));
    assert!(!on_empty.ok);
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    assert!(run(hoidong(&new).arg("meetings")).ok);
}

#[test]
fn an_export_never_replaces_a_file_without_force_nor_ever_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = exercised(dir.path(), 5);
    for (export, name) in [
        ("nominations", "list.xlsx"),
        ("awards", "register.csv"),
        ("template", "blank.xlsx"),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, "kept").unwrap();
        let r = run(hoidong(&db).args(["export", export]).arg(&file));
        assert!(!r.ok, "{export}");
        assert!(r.stderr.contains("--force"), "{export}: {}", r.stderr);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "kept");
        let r = run(hoidong(&db).args(["export", export, "--force"]).arg(&file));
        assert!(r.ok, "{export}: {}", r.stderr);
        assert_ne!(std::fs::read(&file).unwrap(), b"kept");
    }
    let entries = audit_entries(&db);
    let r = run(hoidong(&db)
        .args(["--lang", "en", "export", "nominations", "--force"])
        .arg(&db));
    assert!(!r.ok);
    assert!(r.stderr.contains("the database"), "{}", r.stderr);
    assert_eq!(audit_entries(&db), entries);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.db");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for args in [&["check"][..], &["meetings"], &["backup", "copy.db"]] {
        let mut child = hoidong(&fifo)
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Were it to open the pipe for reading it would wait for a writer;
        // one is offered, so a wrong build ends (and fails) instead of hanging.
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if let Ok(mut w) = std::fs::OpenOptions::new()
                .write(true)
                .custom_flags_nonblocking()
                .open(&fifo)
            {
                let _ = w.write_all(b"x");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!status.success(), "{args:?}");
        assert!(
            stderr.contains("không phải tệp thông thường"),
            "{args:?}: {stderr}"
        );
    }
}

/// Open a pipe for writing without waiting for a reader.
trait NonBlocking {
    fn custom_flags_nonblocking(&mut self) -> &mut Self;
}

impl NonBlocking for std::fs::OpenOptions {
    fn custom_flags_nonblocking(&mut self) -> &mut Self {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK on Linux and the BSDs alike.
        #[cfg(target_os = "linux")]
        const O_NONBLOCK: i32 = 0o4000;
        #[cfg(not(target_os = "linux"))]
        const O_NONBLOCK: i32 = 0x0004;
        self.custom_flags(O_NONBLOCK)
    }
}

/// A small tmpfs at `dir`, unmounted when dropped (mounting needs root;
/// elsewhere these cases are covered by the unit test of the wording).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(dir.to_path_buf()))
    }

    fn make_read_only(&self) {
        assert!(
            Command::new("mount")
                .args(["-o", "remount,ro"])
                .arg(&self.0)
                .status()
                .unwrap()
                .success()
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn check_reads_a_database_on_read_only_media_and_calls_a_full_disk_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = exercised(dir.path(), 5);
    let Some(media) = Tmpfs::mount(&dir.path().join("cd"), "8m") else {
        eprintln!("tmpfs not available (not root): covered by the unit test only");
        return;
    };
    let on_media = media.0.join("hoidong.db");
    std::fs::copy(&db, &on_media).unwrap();
    media.make_read_only();
    let r = run(hoidong(&on_media).args(["--lang", "en", "check"]));
    assert!(r.ok, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("no problem found"), "{}", r.stdout);
    drop(media);

    let Some(small) = Tmpfs::mount(&dir.path().join("small"), "3m") else {
        return;
    };
    let on_small = small.0.join("hoidong.db");
    std::fs::copy(&db, &on_small).unwrap();
    {
        let mut filler = std::fs::File::create(small.0.join("filler")).unwrap();
        let chunk = vec![0u8; 64 * 1024];
        while filler.write_all(&chunk).is_ok() {}
        while filler.write_all(&[0u8]).is_ok() {}
    }
    let r = run(hoidong(&on_small).args(["--lang", "en", "check"]));
    assert!(!r.ok);
    assert!(!r.stdout.contains("damaged"), "{}", r.stdout);
    assert!(r.stdout.contains("full"), "{}", r.stdout);
    assert!(!small.0.join("hoidong.db.damaged").exists());
}
