//! Lists longer than SQLite's limit on the parameters of one statement
//! (32,766): exports, the ranking and a whole agenda added by filter work on
//! a generated database of 42,000 nominations (about 33,800 submitted).
//! One test, so that the database is generated once.

use std::path::Path;

use assert_cmd::Command;
use calamine::Reader;
use hoidong::domain::nomination::{NominationQuery, NominationStatus, SortKey};
use hoidong::domain::ranking::{self, Candidate};
use hoidong::i18n::export::{LIST_SHEET, SCORES_SHEET};
use hoidong::store::Store;
use hoidong::tui::screens::ranking::Ranking;

const NOMINATIONS: i64 = 42_000;
/// SQLite's default limit on the parameters of one statement.
const PARAMETER_LIMIT: i64 = 32_766;

fn hoidong(db: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("hoidong")
        .unwrap()
        .args(["--db", db.to_str().unwrap(), "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "hoidong {args:?}: {text}");
    text
}

fn count_where(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {sql}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn lists_beyond_the_statement_parameter_limit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("province.db");
    let out = Command::cargo_bin("hoidong")
        .unwrap()
        .args(["gen", db.to_str().unwrap(), "--nominations"])
        .arg(NOMINATIONS.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let submitted = count_where(&db, "nominations WHERE status = 'submitted'");
    assert!(submitted > PARAMETER_LIMIT, "only {submitted} submitted");

    exports_every_row(&db, dir.path());
    ranks_every_row(&db);
    adds_every_match_to_an_agenda(&db, submitted);
}

fn exports_every_row(db: &Path, dir: &Path) {
    let csv = dir.join("all.csv");
    let text = hoidong(
        db,
        &[
            "export",
            "nominations",
            csv.to_str().unwrap(),
            "--status",
            "all",
        ],
    );
    assert!(
        text.contains(&format!("{NOMINATIONS} nomination(s) written")),
        "{text}"
    );
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let numbers: Vec<i64> = reader
        .records()
        .map(|r| r.unwrap()[0].parse().unwrap())
        .collect();
    assert_eq!(numbers, (1..=NOMINATIONS).collect::<Vec<_>>());

    // XLSX through the same streamed read (a few rows: its scores sheet is large).
    let xlsx = dir.join("submitted.xlsx");
    let submitted = count_where(db, "nominations WHERE status = 'submitted'");
    let text = hoidong(
        db,
        &[
            "export",
            "nominations",
            xlsx.to_str().unwrap(),
            "--status",
            "submitted",
            "--text",
            "Mạc Oanh",
        ],
    );
    let written: i64 = text
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{text}"));
    assert!(written > 0 && written <= submitted, "{text}");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(book.sheet_names()[..2], [LIST_SHEET, SCORES_SHEET]);
    let list = book.worksheet_range(LIST_SHEET).unwrap();
    assert_eq!(list.height() as i64, written + 1);
    // No partial file is left beside the exports.
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

fn ranks_every_row(db: &Path) {
    let store = Store::open(db).unwrap();
    // The ranking screen's query over every level at once.
    let query = NominationQuery {
        statuses: NominationStatus::ALL
            .into_iter()
            .filter(|s| *s != NominationStatus::Withdrawn)
            .collect(),
        sort: SortKey::Score,
        descending: true,
        ..NominationQuery::default()
    };
    let mut candidates = Vec::new();
    store
        .for_each_nomination(&query, |row| {
            let nominee = store.nominee(store.nomination(row.id)?.nominee_id)?;
            candidates.push(Candidate {
                id: row.id,
                name: row.nominee_name,
                score: row.score,
                preferred: ranking::preferred_on_equal_score(&nominee, 70),
                missing: 0,
            });
            Ok::<(), hoidong::store::StoreError>(())
        })
        .unwrap();
    assert_eq!(
        candidates.len() as i64,
        count_where(db, "nominations WHERE status != 'withdrawn'")
    );
    assert!(candidates.len() as i64 > PARAMETER_LIMIT);
    let ranked = ranking::rank(candidates);
    let ranks: Vec<u32> = ranked.iter().filter_map(|r| r.rank).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(ranks.first(), Some(&1));

    // The screen itself opens on its first round and level.
    let catalogue = store.catalogue().unwrap();
    let screen = Ranking::open(&store, &catalogue).unwrap();
    assert!(!screen.rows.is_empty());
}

fn adds_every_match_to_an_agenda(db: &Path, submitted: i64) {
    let text = hoidong(
        db,
        &[
            "meeting",
            "new",
            "--subject",
            "Phiên toàn tỉnh",
            "--at",
            "2026-12-20T14:00",
        ],
    );
    assert!(text.contains("meeting 1 created"), "{text}");
    let text = hoidong(db, &["meeting", "add", "1", "--matching", ""]);
    assert!(
        text.contains(&format!(
            "{submitted} item(s) added to the agenda of meeting 1"
        )),
        "{text}"
    );
    assert_eq!(
        count_where(db, "agenda_items WHERE meeting_id = 1"),
        submitted
    );
    assert_eq!(
        count_where(db, "nominations WHERE status = 'on_agenda'"),
        submitted
    );
}
