//! The floor under each key: the queries its path runs, written out with
//! their values and run by the `sqlite3` shell (`.timer on`) on the same
//! file, each sample the sum of its statements' real time.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::run::{ms, percentile};

const PENDING: &str = "n.status IN ('draft','submitted','on_agenda','passed','referred')";
const ORDER: &str = "n.award_rank DESC, n.name_sort, n.id";
const ORDER_BACK: &str = "n.award_rank, n.name_sort DESC, n.id DESC";
const COLS: &str = "n.id, e.name, e.kind, e.unit, n.award_code, a.short_name, a.rank, n.round, n.score, n.evidence_count, n.status";

/// The rows of a page joined by their ids (as the list reads them).
fn join(ids_sql: &str) -> String {
    format!(
        "SELECT {COLS} FROM json_each((SELECT json_group_array(id) FROM ({ids_sql}))) j \
         CROSS JOIN nominations n ON n.id = j.value \
         JOIN awards a ON a.code = n.award_code JOIN nominees e ON e.id = n.nominee_id ORDER BY j.key;"
    )
}

fn first_page() -> String {
    join(&format!(
        "SELECT n.id FROM nominations n INDEXED BY nominations_by_level WHERE {PENDING} ORDER BY {ORDER} LIMIT 60"
    ))
}

fn count(extra: &str) -> String {
    format!(
        "SELECT count(*) FROM nominations n INDEXED BY nominations_count WHERE {PENDING}{extra};"
    )
}

/// The detail pane of nomination `id`: the row, its nominee, evidence and scores.
fn detail(id: u64) -> String {
    format!(
        "SELECT * FROM nominations WHERE id = {id};\
         SELECT * FROM nominees WHERE id = (SELECT nominee_id FROM nominations WHERE id = {id});\
         SELECT * FROM evidence WHERE nomination_id = {id} ORDER BY id;\
         SELECT member_id, criterion_code, tenths FROM scores WHERE nomination_id = {id};\
         SELECT member_id, reason FROM recusals WHERE nomination_id = {id};"
    )
}

/// The page after nomination `id`, read by key (its deepest part: same
/// award rank, a later name).
fn page_after(id: u64) -> String {
    join(&format!(
        "SELECT n.id FROM nominations n INDEXED BY nominations_by_level WHERE {PENDING} \
         AND n.award_rank IS (SELECT award_rank FROM nominations WHERE id = {id}) \
         AND n.name_sort > (SELECT name_sort FROM nominations WHERE id = {id}) ORDER BY {ORDER} LIMIT 60"
    ))
}

fn end_page() -> String {
    join(&format!(
        "SELECT n.id FROM nominations n INDEXED BY nominations_by_level WHERE {PENDING} ORDER BY {ORDER_BACK} LIMIT 60"
    ))
}

/// A search for `text` (folded): the trigram index asked first when a word
/// has three letters, then the first page walking the order's index, and the count.
fn search(text: &str) -> (String, String) {
    let likes: String = text
        .split_whitespace()
        .map(|w| format!(" AND n.search_fold LIKE '%{w}%'"))
        .collect();
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|w| w.len() >= 3)
        .map(|w| format!("\"{w}\""))
        .collect();
    let mut rows = String::new();
    if !words.is_empty() {
        let _ = write!(
            rows,
            "SELECT count(*) FROM (SELECT rowid FROM nomination_search WHERE nomination_search MATCH '{}' LIMIT 4001);",
            words.join(" AND ")
        );
    }
    rows.push_str(&join(&format!(
        "SELECT n.id FROM nominations n INDEXED BY nominations_by_level WHERE {PENDING}{likes} ORDER BY {ORDER} LIMIT 60"
    )));
    (rows, count(&likes))
}

/// Every prefix of the words the key timings type.
fn search_prefixes() -> Vec<String> {
    let mut all = Vec::new();
    for word in ["nguyen", "hoa", "mac xuan", "an"] {
        for end in 1..=word.len() {
            all.push(word[..end].to_string());
        }
    }
    all
}

/// Each sample is run this many times on one line, so that the shell's
/// millisecond timer reads a tenth of a millisecond.
const INNER: usize = 10;

/// Run each script `reps` times in one `sqlite3` process; the time of each
/// run. The shell times a line of input as a whole, so each sample is one
/// line, and reads `Run Time: real` once for it.
fn time_scripts(db: &Path, scripts: &[String], reps: usize) -> Option<Vec<Duration>> {
    use std::io::Write;
    // Rows go to /dev/null; the timer's lines still come to stdout.
    let mut input = String::from(".timer on\n.output /dev/null\n");
    for _ in 0..reps {
        for s in scripts {
            input.push_str(&s.replace('\n', " ").repeat(INNER));
            input.push('\n');
        }
    }
    let mut child = Command::new("sqlite3")
        .arg("-readonly")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let runs: Vec<Duration> = text
        .lines()
        .filter_map(|l| l.strip_prefix("Run Time: real "))
        .filter_map(|l| l.split_whitespace().next()?.parse::<f64>().ok())
        .map(|secs| Duration::from_secs_f64(secs / INNER as f64))
        .collect();
    (runs.len() == reps * scripts.len()).then_some(runs)
}

/// Print the floor of each figure: the rows' queries, and the count where one follows.
pub fn report(db: &Path, reps: usize) {
    let ids: Vec<u64> = (0..20).map(|i| 1 + i * 997).collect();
    let prefixes = search_prefixes();
    let (search_rows, search_counts): (Vec<String>, Vec<String>) =
        prefixes.iter().map(|p| search(p)).unzip();
    let filters = [
        " AND n.status IN ('submitted')",
        " AND n.nominee_kind = 'official'",
        " AND n.award_level = 'ward'",
    ];
    let filter_rows: Vec<String> = filters
        .iter()
        .map(|f| {
            join(&format!(
                "SELECT n.id FROM nominations n INDEXED BY nominations_by_level WHERE {PENDING}{f} ORDER BY {ORDER} LIMIT 60"
            ))
        })
        .collect();
    let filter_counts: Vec<String> = filters.iter().map(|f| count(f)).collect();
    let figures: Vec<(&str, Vec<String>, Vec<String>)> = vec![
        (
            "first frame (new process)",
            vec![first_page()],
            vec![count("")],
        ),
        ("Down", ids.iter().map(|&id| detail(id)).collect(), vec![]),
        (
            "PageDown",
            ids.iter().map(|&id| page_after(id)).collect(),
            vec![],
        ),
        ("End (from Home)", vec![end_page()], vec![]),
        ("search character", search_rows, search_counts),
        ("filter key (s, t, c in turn)", filter_rows, filter_counts),
    ];
    println!();
    println!("sqlite3 floor (same file, `.timer on`, real time summed per sample):");
    println!();
    println!("| figure | rows p50 | rows p99 | count p50 | count p99 |");
    println!("|---|---|---|---|---|");
    for (name, rows, counts) in figures {
        let Some(r) = time_scripts(db, &rows, reps) else {
            println!("| {name} | sqlite3 not found or failed | | | |");
            continue;
        };
        // A count walks every matching row: a few samples of each say enough.
        let c = if counts.is_empty() {
            None
        } else {
            time_scripts(db, &counts, reps.min(3))
        };
        let (c50, c99) = match &c {
            Some(c) => (ms(percentile(c, 50)), ms(percentile(c, 99))),
            None => ("–".into(), "–".into()),
        };
        println!(
            "| {name} | {} | {} | {c50} | {c99} |",
            ms(percentile(&r, 50)),
            ms(percentile(&r, 99))
        );
    }
}
