//! How fast the write path is: `gen` writing a synthetic database, and an
//! import of hoidong's own export (the list and its scores sheet) into a
//! database with the same council. 10k and 100k nominations; 1M as well with
//! `HOIDONG_BENCH_1M=1`.

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use hoidong::demo::{self, Spec};
use hoidong::domain::nomination::{NominationQuery, NominationStatus};
use hoidong::export::nominations::export_nominations;
use hoidong::import::{ImportOptions, import_nominations};
use hoidong::store::Store;

fn sizes() -> Vec<usize> {
    let mut sizes = vec![10_000, 100_000];
    if std::env::var("HOIDONG_BENCH_1M").is_ok_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    sizes
}

fn generate(path: &Path, nominations: usize) {
    let mut store = Store::open(path).expect("open");
    demo::populate(
        &mut store,
        Spec {
            nominations,
            seed: 1,
            audited: false,
        },
    )
    .expect("generate");
}

/// Time `run` on a fresh directory per iteration; the directory's removal is
/// not timed.
fn timed(iters: u64, mut run: impl FnMut(&Path)) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let dir = tempfile::tempdir().expect("temporary directory");
        let start = Instant::now();
        run(dir.path());
        total += start.elapsed();
    }
    total
}

fn bench(c: &mut Criterion) {
    for n in sizes() {
        let mut g = c.benchmark_group(format!("write_path_{n}"));
        g.sample_size(10);
        g.bench_function("gen", |b| {
            b.iter_custom(|iters| timed(iters, |dir| generate(&dir.join("gen.db"), n)))
        });

        // The list to import: the export of a generated database.
        let source = tempfile::tempdir().expect("temporary directory");
        let db = source.path().join("source.db");
        generate(&db, n);
        let list = source.path().join("list.xlsx");
        let store = Store::open(&db).expect("open");
        let all = NominationQuery {
            statuses: NominationStatus::ALL.to_vec(),
            ..NominationQuery::default()
        };
        export_nominations(&store, &all, &list).expect("export");
        drop(store);
        g.bench_function("import_with_scores", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let dir = tempfile::tempdir().expect("temporary directory");
                    let target = dir.path().join("target.db");
                    // Same council as the source, no nominations yet.
                    generate(&target, 0);
                    let mut store = Store::open(&target).expect("open");
                    let options = ImportOptions {
                        allow_duplicates: true,
                        ..ImportOptions::default()
                    };
                    let start = Instant::now();
                    import_nominations(&mut store, &list, options, &mut |_, _| {}).expect("import");
                    total += start.elapsed();
                }
                total
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
