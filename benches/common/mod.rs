//! The 100,000-article archive the benches share: the project's own deterministic
//! generator (`kanbao::archive`, also behind `examples/gen_archive`), so the benches measure
//! the same archive that BENCHMARKS.md's whole-process figures use (about 300 MB as JSON
//! Lines, about 3 KB per article).

use kanbao::archive::Generator;
use kanbao::article::Article;

/// How many articles the archive holds.
pub const ARTICLES: usize = 100_000;
/// The seed `gen_archive --seed 1` uses.
const SEED: u64 = 1;

/// The archive: `ARTICLES` articles, the same on every run.
pub fn archive() -> Vec<Article> {
    Generator::new(ARTICLES, SEED).collect()
}
