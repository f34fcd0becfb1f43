//! Layout of a ~1 MB article built from the bundled page's paragraphs, at 80 columns.
//!
//! Input: the body blocks of `data/page.txt` (every block after the banner), repeated in
//! order until the article holds at least 1 MiB of text; and the same text as one single
//! paragraph, to show that wrapping stays linear in the paragraph's length.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kanbao::article::Article;
use kanbao::layout::{LayoutOptions, Pages, WrapOptions, layout_article, wrap};

const PAGE: &str = include_str!("../data/page.txt");
const TARGET: usize = 1 << 20;

fn paragraphs() -> Vec<String> {
    let blocks: Vec<&str> = PAGE
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .skip(1)
        .collect();
    let mut out = Vec::new();
    let mut size = 0;
    while size < TARGET {
        for block in &blocks {
            size += block.len();
            out.push((*block).to_owned());
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let paragraphs = paragraphs();
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let article = Article {
        id: "bench".into(),
        title: "大兴区天宫院街道“党工共建”办好暖“新”事".into(),
        district: Some("大兴区".into()),
        reporters: vec!["孙艳".into()],
        paragraphs,
        ..Article::default()
    };
    let one_paragraph = article.paragraphs.concat();

    let mut group = c.benchmark_group("layout");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("article_1MiB_width80_and_paginate", |b| {
        b.iter(|| {
            let lines = layout_article(black_box(&article), 80, &LayoutOptions::default());
            let pages = Pages::new(lines.len(), 40);
            black_box((pages.count(), pages.page_of(lines.len() / 2)))
        })
    });
    group.bench_function("one_paragraph_1MiB_width80", |b| {
        let opts = WrapOptions {
            indent: true,
            ..WrapOptions::default()
        };
        b.iter(|| black_box(wrap(black_box(&one_paragraph), 80, &opts).len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
