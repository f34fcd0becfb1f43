//! Search: one engine for the CLI's `search` and the reader's prompt (SPEC 5).
//!
//! - [`Query::parse`] splits a query into terms (AND); see [`query`].
//! - Text is folded (NFKC + lowercase) so `15%` finds `１５％`; see [`fold`].
//! - A Latin term also finds Han text by pinyin, full or initials; see [`pinyin`].
//! - [`SearchIndex`] folds every article once and answers queries over them, ranked
//!   (see [`rank`]); [`find_matches`] and [`snippet()`] work on single strings and articles
//!   and report byte ranges in the *original* text, for highlighting.
//!
//! Hit counts: the matches of all terms are taken together, leftmost first (longest first at
//! the same start), skipping any that overlap one already taken.

pub mod fold;
pub mod pinyin;
pub mod query;
pub mod rank;
pub mod snippet;

use std::ops::Range;

use crate::article::Article;

pub use query::{Query, Term};
pub use snippet::{Snippet, snippet};

/// Below this many candidate articles a search runs on the calling thread: spawning threads
/// costs more than it saves.
const PARALLEL_MIN: usize = 4096;

/// One article that matches a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchHit {
    /// Position of the article in the slice the index was built from.
    pub index: usize,
    /// Non-overlapping matches of all terms in title, kicker, subtitle, byline and text.
    pub hits: usize,
    /// How many of `hits` are in the title, kicker or subtitle.
    pub title_hits: usize,
}

/// One article's searchable text, folded: headings, then byline and paragraphs, one field
/// per line so that no match spans two fields.
#[derive(Debug, Clone)]
struct Doc {
    text: Box<str>,
    /// End of the headings (title, kicker, subtitle) in `text`.
    heading_end: usize,
}

impl Doc {
    fn new(article: &Article) -> Doc {
        let mut text = String::new();
        let headings = [
            Some(&article.title),
            article.kicker.as_ref(),
            article.subtitle.as_ref(),
        ];
        for field in headings.into_iter().flatten() {
            fold::fold_into(field, &mut text);
            text.push('\n');
        }
        let heading_end = text.len();
        for field in article.byline.iter().chain(&article.paragraphs) {
            fold::fold_into(field, &mut text);
            text.push('\n');
        }
        Doc {
            text: text.into_boxed_str(),
            heading_end,
        }
    }

    /// Hits and title hits of `query` in this article, or `None` when a term is missing.
    fn evaluate(&self, query: &Query, scratch: &mut Vec<(usize, usize)>) -> Option<(usize, usize)> {
        let text: &str = &self.text;
        match query.terms() {
            [] => Some((0, 0)),
            // One term: counting is one pass, and finds absence as fast as a search would.
            [term] => match term.count_in(text) {
                0 => None,
                hits => Some((hits, term.count_in(&text[..self.heading_end]))),
            },
            terms => {
                if !terms.iter().all(|t| t.occurs_in(text)) {
                    return None;
                }
                scratch.clear();
                for term in terms {
                    term.ranges_in(text, scratch);
                }
                select_non_overlapping(scratch);
                let title = scratch.iter().filter(|r| r.0 < self.heading_end).count();
                Some((scratch.len(), title))
            }
        }
    }
}

/// Sorts `ranges` and keeps the leftmost (longest at equal starts) that do not overlap.
fn select_non_overlapping(ranges: &mut Vec<(usize, usize)>) {
    ranges.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut end = 0;
    ranges.retain(|r| {
        let keep = r.0 >= end;
        if keep {
            end = r.1;
        }
        keep
    });
}

/// The folded text of a set of articles, prepared once and searched many times.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    docs: Vec<Doc>,
}

impl SearchIndex {
    /// Folds every article's headings, byline and paragraphs (in parallel for large sets).
    pub fn new(articles: &[Article]) -> SearchIndex {
        let docs = parallel_map(articles, |chunk| chunk.iter().map(Doc::new).collect());
        SearchIndex { docs }
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the index holds no articles.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Every article matching `query`, ranked (see [`rank::rank`]). An empty query matches
    /// every article, in original order.
    pub fn search(&self, query: &Query) -> Vec<SearchHit> {
        self.search_in(query, 0..self.docs.len())
    }

    /// Like [`SearchIndex::search`], but only over `candidates` (article positions, e.g. the
    /// articles of the selected districts). Positions out of range are ignored.
    pub fn search_in(
        &self,
        query: &Query,
        candidates: impl IntoIterator<Item = usize>,
    ) -> Vec<SearchHit> {
        let mut ids: Vec<usize> = candidates
            .into_iter()
            .filter(|i| *i < self.docs.len())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut hits = parallel_map(&ids, |chunk| {
            let mut scratch = Vec::new();
            chunk
                .iter()
                .filter_map(|&index| {
                    let (hits, title_hits) = self.docs[index].evaluate(query, &mut scratch)?;
                    Some(SearchHit {
                        index,
                        hits,
                        title_hits,
                    })
                })
                .collect()
        });
        rank::rank(&mut hits);
        hits
    }
}

/// Maps `f` over chunks of `items`, one chunk per core when there are enough items, and
/// concatenates the results in order.
fn parallel_map<T: Sync, U: Send>(items: &[T], f: impl Fn(&[T]) -> Vec<U> + Sync) -> Vec<U> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 || items.len() < PARALLEL_MIN {
        return f(items);
    }
    let size = items.len().div_ceil(cores);
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(size)
            .map(|chunk| s.spawn(move || f(chunk)))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for handle in handles {
            match handle.join() {
                Ok(part) => out.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// Byte ranges in `text` (the original, unfolded string) of the matches of any term of
/// `query`: non-overlapping, sorted, each on character boundaries. The reader highlights
/// them and `n`/`N` walk them. An empty query gives none.
pub fn find_matches(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() || text.is_empty() {
        return Vec::new();
    }
    let folded = fold::Folded::new(text);
    let mut ranges = Vec::new();
    for term in query.terms() {
        term.ranges_in(&folded.text, &mut ranges);
    }
    select_non_overlapping(&mut ranges);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        let Some(range) = folded.original(start..end) else {
            continue;
        };
        // Two folded matches inside one expanded character (e.g. `ﬁ` → `fi`) map to the
        // same original range; keep the first.
        if out.last().is_none_or(|last| range.start >= last.end) {
            out.push(range);
        }
    }
    out
}
