//! Search over a synthetic 100,000-article archive (SPEC 7).
//!
//! Input: 100,000 articles built deterministically from the sentences of the bundled page
//! (`data/page.txt`), about 1 KB of text each (about 100 MB in all). With
//! `KANBAO_BENCH_ARCHIVE=PATH` set, the archive is also written there as JSON Lines (one
//! article per line) so that `rg -c -F` can be timed over the same text (see BENCHMARKS.md).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use kanbao::article::Article;
use kanbao::search::{Query, SearchIndex};

const PAGE: &str = include_str!("../data/page.txt");
const ARTICLES: usize = 100_000;
/// Paragraphs are added until the text passes this size; articles average about 1 KB.
const TEXT_BYTES: usize = 700;

/// A tiny deterministic generator (64-bit LCG), so every run sees the same archive.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// The page's sentences, split at sentence-ending punctuation.
fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in PAGE.chars() {
        if c == '\n' {
            continue;
        }
        cur.push(c);
        if matches!(c, '。' | '！' | '？' | '；') {
            out.push(std::mem::take(&mut cur));
        }
    }
    out.retain(|s| s.chars().count() > 4);
    out
}

fn archive() -> Vec<Article> {
    let sentences = sentences();
    let mut rng = Lcg(0x6b61_6e62_616f);
    (0..ARTICLES)
        .map(|i| {
            let title: String = sentences[rng.below(sentences.len())]
                .chars()
                .take(18)
                .collect();
            let mut paragraphs = Vec::new();
            let mut size = 0;
            while size < TEXT_BYTES {
                let mut p = String::new();
                for _ in 0..=rng.below(3) {
                    p.push_str(&sentences[rng.below(sentences.len())]);
                }
                size += p.len();
                paragraphs.push(p);
            }
            Article {
                id: format!("b{i}"),
                title,
                byline: Some("本报讯（记者 孙艳）".to_string()),
                paragraphs,
                ..Article::default()
            }
        })
        .collect()
}

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
