//! How fast the dashboard's queries are on a large database.
//! `HOIDONG_BENCH_N` sets the number of nominations (default 100,000).

use criterion::{Criterion, criterion_group, criterion_main};
use hoidong::demo;
use hoidong::domain::nomination::{NominationQuery, SortKey};
use hoidong::store::Store;
use hoidong::store::nomination_keyset::Anchor;

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("HOIDONG_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("bench.db");
    let mut store = Store::open(&path).expect("open");
    demo::populate(
        &mut store,
        demo::Spec {
            nominations: n,
            seed: 1,
            audited: false,
        },
    )
    .expect("generate");

    let mut g = c.benchmark_group(format!("dashboard_{n}"));
    g.sample_size(20);
    let page = |q: NominationQuery| {
        let store = &store;
        move || store.list_nominations(&q, 0, 50).expect("list")
    };
    g.bench_function("first_page_by_award_level", |b| {
        b.iter(page(NominationQuery::default()))
    });
    g.bench_function("first_page_by_score", |b| {
        b.iter(page(NominationQuery {
            sort: SortKey::Score,
            descending: true,
            ..NominationQuery::default()
        }))
    });
    g.bench_function("first_page_by_name", |b| {
        b.iter(page(NominationQuery {
            sort: SortKey::Name,
            ..NominationQuery::default()
        }))
    });
    g.bench_function("search_nguyen", |b| {
        b.iter(page(NominationQuery {
            text: "nguyen".into(),
            ..NominationQuery::default()
        }))
    });
    g.bench_function("search_rare_name", |b| {
        b.iter(page(NominationQuery {
            text: "mac xuan dong".into(),
            ..NominationQuery::default()
        }))
    });
    // What one key costs on the reader's path since the count moved off it:
    // the rows of the first window (the count follows on its own thread).
    let window = |text: &'static str| {
        let store = &store;
        let q = NominationQuery {
            text: text.into(),
            ..NominationQuery::default()
        };
        move || store.nomination_page(&q, 0, 60).expect("page")
    };
    g.bench_function("key_search_rare_word_rows", |b| b.iter(window("mac xuan")));
    g.bench_function("key_search_common_word_rows", |b| b.iter(window("nguyen")));
    g.bench_function("key_search_two_letters_rows", |b| b.iter(window("an")));
    g.bench_function("key_end_rows", |b| {
        b.iter(|| {
            store
                .nominations_by_key(&NominationQuery::default(), Anchor::End, 60)
                .expect("end")
        })
    });
    // The count, read after the rows.
    let count = |text: &'static str| {
        let store = &store;
        let q = NominationQuery {
            text: text.into(),
            ..NominationQuery::default()
        };
        move || store.count_nominations(&q).expect("count")
    };
    g.bench_function("count_rare_word", |b| b.iter(count("mac xuan")));
    g.bench_function("count_common_word", |b| b.iter(count("nguyen")));
    g.bench_function("count_all_pending", |b| b.iter(count("")));
    let ids: Vec<i64> = store
        .list_nominations(&NominationQuery::default(), 0, 50)
        .expect("list")
        .0
        .iter()
        .map(|r| r.id)
        .collect();
    g.bench_function("detail_pane", |b| {
        b.iter(|| {
            let id = ids[7];
            (
                store.score_sheet(id).expect("sheet"),
                store.evidence(id).expect("evidence"),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
