//! PDF of the minutes of a meeting with 500 agenda items.

#[path = "../tests/all/print_fixture/mod.rs"]
mod print_fixture;

use criterion::{Criterion, criterion_group, criterion_main};
use hoidong::print::{self, Format, Template, compose};

fn bench(c: &mut Criterion) {
    let rec = print_fixture::record(500);
    let doc = compose::minutes(&rec);
    let mut g = c.benchmark_group("print");
    g.sample_size(10);
    g.bench_function("compose_minutes_500", |b| b.iter(|| compose::minutes(&rec)));
    g.bench_function("pdf_minutes_500", |b| {
        b.iter(|| print::render(&doc, Format::Pdf, &Template::BuiltIn).unwrap())
    });
    // typst memoises layout across identical inputs; a changed subject each
    // time measures a cold render.
    let mut n = 0u64;
    g.bench_function("pdf_minutes_500_changed_each_time", |b| {
        b.iter(|| {
            n += 1;
            let mut d = doc.clone();
            d.subject = format!("{} ({n})", doc.subject);
            print::render(&d, Format::Pdf, &Template::BuiltIn).unwrap()
        })
    });
    g.bench_function("docx_minutes_500", |b| {
        b.iter(|| print::render(&doc, Format::Docx, &Template::BuiltIn).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
