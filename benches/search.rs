//! Search over a synthetic 100,000-article archive (docs/contract.md §7).
//!
//! Input: the 100,000 articles of `kanbao::archive` with seed 1, the same archive as
//! `cargo run --release --example gen_archive -- --articles 100000 --seed 1` writes (about
//! 300 MB of JSON Lines), so `rg -c -F` can be timed over that file side by side. With
//! `KANBAO_BENCH_ARCHIVE=PATH` set, the archive is also written there.

mod common;

use std::hint::black_box;
use std::time::Duration;

use common::archive;
use criterion::{Criterion, criterion_group, criterion_main};
use kanbao::article::Article;
use kanbao::search::{Query, SearchIndex};

fn write_archive(articles: &[Article]) {
    let Ok(path) = std::env::var("KANBAO_BENCH_ARCHIVE") else {
        return;
    };
    let mut out = Vec::new();
    for a in articles {
        if let Err(e) = serde_json::to_writer(&mut out, a) {
            eprintln!("could not encode the archive: {e}");
            return;
        }
        out.push(b'\n');
    }
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("could not write {path}: {e}");
    }
}

fn bench(c: &mut Criterion) {
    let articles = archive();
    write_archive(&articles);
    let text: usize = articles
        .iter()
        .map(|a| a.title.len() + a.paragraphs.iter().map(String::len).sum::<usize>())
        .sum();
    eprintln!(
        "archive: {} articles, {} MB of text",
        articles.len(),
        text / 1_000_000
    );

    let mut group = c.benchmark_group("search_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("index_new", |b| {
        b.iter(|| SearchIndex::new(black_box(&articles)))
    });
    let index = SearchIndex::new(&articles);
    for (name, q) in [
        ("literal_cjk_驿站", "驿站"),
        ("literal_cjk_rare_晨曦兴拓", "晨曦兴拓"),
        ("literal_cjk_common_工会", "工会"),
        ("ascii_mall", "mall"),
        ("pinyin_gonghui", "gonghui"),
        ("pinyin_initials_ghyz", "ghyz"),
        ("two_terms_工会_司机", "工会 司机"),
    ] {
        let query = Query::parse(q);
        eprintln!("{name}: {} articles match", index.search(&query).len());
        group.bench_function(name, |b| b.iter(|| index.search(black_box(&query))));
    }
    group.bench_function("parse_pinyin_query", |b| {
        b.iter(|| Query::parse(black_box("gonghui")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
