//! Loading a generated JSON Lines archive: MB/s of JSON, on every core and on one.
//!
//! The archive (20,000 articles, about 60 MB) is generated once into a temp dir.
//! `cargo bench --bench load`

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use kanbao::load::{LoadOptions, load_with};

const ARTICLES: usize = 20_000;

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("archive.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    let bytes = kanbao::archive::generate(ARTICLES, 1, &mut out).expect("generate");
    drop(out);

    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    let all = LoadOptions::default();
    let one = LoadOptions { threads: 1, ..all };
    for (name, options) in [
        (format!("jsonl_20k_{}_threads", all.threads), all),
        ("jsonl_20k_1_thread".to_string(), one),
    ] {
        group.bench_function(name, |b| {
            // Dropping the articles is not part of loading them (and the binary skips it).
            b.iter_with_large_drop(|| load_with(Some(&path), &options).expect("load"));
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
