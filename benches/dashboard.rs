//! How fast the dashboard's queries are on a large database.
//! `HOIDONG_BENCH_N` sets the number of nominations (default 100,000).

use criterion::{Criterion, criterion_group, criterion_main};
use hoidong::demo;
use hoidong::domain::nomination::{NominationQuery, SortKey};
use hoidong::store::Store;

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
