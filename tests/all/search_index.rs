//! The trigram index behind search gives exactly what reading every row's
//! folded text gives, in the list's order, whether a search names few rows
//! (read from the index) or many (the order's index walked); and it follows
//! every write, by hoidong or by another program on the file.

use hoidong::demo;
use hoidong::domain::nomination::{NominationId, NominationQuery, NominationStatus, SortKey};
use hoidong::domain::text::fold;
use hoidong::store::Store;
use hoidong::store::nomination_keyset::Anchor;

fn query(text: &str, sort: SortKey, descending: bool) -> NominationQuery {
    NominationQuery {
        statuses: NominationStatus::ALL.to_vec(),
        text: text.into(),
        sort,
        descending,
        ..NominationQuery::default()
    }
}

/// The rows whose folded text holds every word, in the unsearched list's
/// order: what search means, worked out without the search index.
fn by_reading_every_row(
    store: &Store,
    text: &str,
    sort: SortKey,
    descending: bool,
) -> Vec<NominationId> {
    let mut folded = std::collections::HashMap::new();
    let mut stmt = store
        .raw_connection_for_tests()
        .prepare("SELECT id, search_fold FROM nominations")
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, NominationId>(0)?, r.get::<_, String>(1)?))
        })
        .unwrap();
    for row in rows {
        let (id, text) = row.unwrap();
        folded.insert(id, text);
    }
    let words: Vec<String> = fold(text).split_whitespace().map(str::to_string).collect();
    store
        .nomination_ids(&query("", sort, descending))
        .unwrap()
        .into_iter()
        .filter(|id| words.iter().all(|w| folded[id].contains(w.as_str())))
        .collect()
}

fn generated(n: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    demo::populate(
        &mut store,
        demo::Spec {
            nominations: n,
            seed: 11,
            audited: false,
        },
    )
    .unwrap();
    (dir, store)
}

#[test]
fn search_through_the_index_means_what_reading_every_row_means() {
    let (_dir, store) = generated(9000);
    // Rare and common words, words under three letters (no trigram), Vietnamese
    // with tone marks and đ, and text that is query syntax to the index.
    let texts = [
        "nguyễn",
        "NGUYEN thi",
        "đông",
        "Mạc Xuân Đông",
        "an",
        "le",
        "ba xa",
        "thi",
        "phuong",
        "don vi 10",
        "\"x",
        "a AND b",
        "zzzq",
    ];
    let mut narrowed = 0;
    let mut walked = 0;
    for text in texts {
        for (sort, descending) in [
            (SortKey::AwardLevel, false),
            (SortKey::Name, true),
            (SortKey::Score, true),
        ] {
            let expected = by_reading_every_row(&store, text, sort, descending);
            let q = query(text, sort, descending);
            assert_eq!(
                store.nomination_ids(&q).unwrap(),
                expected,
                "{text:?} {sort:?}"
            );
            assert_eq!(
                store.count_nominations(&q).unwrap() as usize,
                expected.len(),
                "{text:?}"
            );
            let first: Vec<NominationId> = store
                .nomination_page(&q, 0, 40)
                .unwrap()
                .iter()
                .map(|r| r.id)
                .collect();
            assert_eq!(
                first,
                expected.iter().take(40).copied().collect::<Vec<_>>(),
                "{text:?}"
            );
            if let Some(&after) = expected.get(5) {
                let next: Vec<NominationId> = store
                    .nominations_by_key(&q, Anchor::After(after), 30)
                    .unwrap()
                    .iter()
                    .map(|r| r.id)
                    .collect();
                let want: Vec<NominationId> = expected.iter().skip(6).take(30).copied().collect();
                assert_eq!(next, want, "{text:?} after {after}");
            }
            if expected.len() > 4000 {
                walked += 1;
            } else if fold(text)
                .split_whitespace()
                .any(|w| w.chars().count() >= 3)
            {
                narrowed += 1;
            }
        }
    }
    // Both ways of reading were exercised.
    assert!(
        narrowed > 0 && walked > 0,
        "narrowed {narrowed}, walked {walked}"
    );
}

#[test]
fn the_index_follows_writes_by_hoidong_and_by_another_program() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let mut store = Store::open(&path).unwrap();
    demo::populate(
        &mut store,
        demo::Spec {
            nominations: 300,
            seed: 3,
            audited: false,
        },
    )
    .unwrap();
    let target: NominationId = store
        .nomination_ids(&query("", SortKey::Name, false))
        .unwrap()[10];
    // Another program rewrites the folded text and deletes a row.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    other
        .execute(
            "UPDATE nominations SET search_fold = 'quynh xuyen khuc' WHERE id = ?1",
            [target],
        )
        .unwrap();
    let gone: NominationId = store
        .nomination_ids(&query("phuong", SortKey::Name, false))
        .unwrap()[20];
    // Foreign keys are off on that connection, as in sqlite3 by default.
    other
        .execute("DELETE FROM nominations WHERE id = ?1", [gone])
        .unwrap();
    drop(other);
    let found = store
        .nomination_ids(&query("xuyen khuc", SortKey::Name, false))
        .unwrap();
    assert_eq!(found, vec![target]);
    let phuong = store
        .nomination_ids(&query("phuong", SortKey::Name, false))
        .unwrap();
    assert!(!phuong.contains(&gone));
    assert_eq!(
        by_reading_every_row(&store, "phuong", SortKey::Name, false),
        store
            .nomination_ids(&query("phuong", SortKey::Name, false))
            .unwrap()
    );
    let integrity: rusqlite::Result<usize> = store.raw_connection_for_tests().execute(
        "INSERT INTO nomination_search (nomination_search, rank) VALUES ('integrity-check', 1)",
        [],
    );
    assert!(integrity.is_ok(), "{integrity:?}");
}

/// An index edited by another program so that a search would miss a row is
/// named by `check`, and `reindex` builds it again from the rows.
#[test]
fn check_names_an_index_that_would_hide_a_row_and_reindex_mends_it() {
    use crate::record_db::{demo_copy, hoidong, text};
    let dir = tempfile::tempdir().unwrap();
    let db = demo_copy(dir.path());
    let clean = hoidong(&db, &["check"]);
    assert!(clean.status.success(), "{}", text(&clean));
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch(
            "INSERT INTO nomination_search (nomination_search, rowid, search_fold)
             SELECT 'delete', id, search_fold FROM nominations WHERE id = (SELECT min(id) FROM nominations)",
        )
        .unwrap();
    drop(other);
    let found = hoidong(&db, &["check"]);
    assert!(!found.status.success(), "{}", text(&found));
    assert!(
        text(&found).contains("nomination_search") && text(&found).contains("hoidong reindex"),
        "{}",
        text(&found)
    );
    let mended = hoidong(&db, &["reindex"]);
    assert!(mended.status.success(), "{}", text(&mended));
    assert!(
        text(&mended).contains("search index built again"),
        "{}",
        text(&mended)
    );
    let again = hoidong(&db, &["check"]);
    assert!(again.status.success(), "{}", text(&again));
}
