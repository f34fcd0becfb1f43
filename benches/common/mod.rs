//! The synthetic 100,000-article archive shared by the benches: built deterministically from
//! the sentences of the bundled page (`data/page.txt`), about 1 KB of text per article.

use kanbao::article::Article;

const PAGE: &str = include_str!("../../data/page.txt");
/// How many articles the archive holds.
pub const ARTICLES: usize = 100_000;
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

/// The archive: `ARTICLES` articles, the same on every run.
pub fn archive() -> Vec<Article> {
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
