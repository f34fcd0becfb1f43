//! Search: one engine for the CLI's `search` and the reader's prompt (docs/contract.md §5).
//!
//! - [`Query::parse`] splits a query into terms (AND); see [`query`].
//! - Text is folded (NFKC + lowercase) so `15%` finds `１５％`; see [`fold`].
//! - A Latin term also finds Han text by pinyin, full or initials; see [`pinyin`].
//! - [`SearchIndex`] folds every article once and answers queries over them, ranked
//!   (see [`rank`]); [`search_articles`] answers one query with no index kept; [`find_matches`] and [`snippet()`] work on single strings and articles
//!   and report byte ranges in the *original* text, for highlighting.
//!
//! Hit counts: the matches of all terms are taken together, leftmost first (longest first at
//! the same start), skipping any that overlap one already taken.
//!
//! Speed (docs/contract.md §7, figures in BENCHMARKS.md): the index keeps the folded text of consecutive
//! articles in one buffer per core, in UTF-16 (two bytes per Chinese character instead of
//! three, see [`utf16`]); a term is searched once over each buffer (`memmem` for the
//! literal form, a table-driven scan for pinyin) and its matches are bucketed by article,
//! on all cores with `std::thread::scope`.

pub mod fold;
pub mod gaps;
pub mod pinyin;
pub mod query;
mod query_text;
pub mod rank;
pub mod snippet;
pub mod spacing;
pub mod utf16;

use std::ops::Range;

use crate::article::Article;

pub use query::{MAX_QUERY_CHARS, MAX_TERMS, NoteFilter, Query, QueryError, Term};
pub use query_text::{query_error_brief, query_error_text};
pub use snippet::{Snippet, snippet, snippet_of, snippet_text_of};

/// Below this many articles the index is one shard and searches run on the calling thread:
/// spawning threads costs more than it saves.
const PARALLEL_MIN: usize = 4096;

/// Below this many snippets they are cut on the calling thread; a snippet costs some
/// microseconds, so a few hundred pay for a thread.
const PARALLEL_SNIPPETS: usize = 256;

/// Articles scanned between two looks at the cancellation flag: about 1 MB of index text
/// (1.4 MB as UTF-8), so a superseded search stops within a millisecond or so.
const CANCEL_BLOCK: usize = 512;

/// Asked between blocks of articles: `true` means the search is no longer wanted.
pub type Cancelled<'a> = &'a (dyn Fn() -> bool + Sync);

/// One article that matches a query.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchHit {
    /// Position of the article in the slice the index was built from.
    pub index: usize,
    /// Non-overlapping matches of all terms in title, kicker, subtitle, byline and text.
    pub hits: usize,
    /// How many of `hits` are in the title, kicker or subtitle.
    pub title_hits: usize,
}

/// The folded text of a run of consecutive articles, stored contiguously so that one
/// `memmem` pass over a block of them (see [`CANCEL_BLOCK`]) answers a term for all of
/// them. Each article's text is its
/// headings, then byline and paragraphs, one field per line, so no match spans two fields
/// (terms never contain a line break) or two articles. The text is UTF-16LE bytes (see
/// [`utf16`]); every offset below counts those bytes.
#[derive(Debug, Clone, Default)]
struct Shard {
    /// Index of the shard's first article in the indexed slice.
    first: usize,
    text: Vec<u8>,
    /// Start of each article's text, plus the end of the last one.
    starts: Vec<usize>,
    /// End of each article's headings (title, kicker, subtitle).
    heading_ends: Vec<usize>,
}

impl Shard {
    fn new(first: usize, articles: &[Article]) -> Shard {
        let mut shard = Shard::default();
        shard.fill(first, articles);
        shard.text.shrink_to_fit();
        shard
    }

    /// Makes the shard hold `articles`, the first of which is `first` in the indexed slice,
    /// reusing its buffers.
    fn fill(&mut self, first: usize, articles: &[Article]) {
        let shard = self;
        shard.first = first;
        shard.text.clear();
        shard.starts.clear();
        shard.heading_ends.clear();
        shard.starts.reserve(articles.len() + 1);
        shard.heading_ends.reserve(articles.len());
        let size: usize = articles
            .iter()
            .map(|a| a.title.len() + a.paragraphs.iter().map(String::len).sum::<usize>())
            .sum();
        // Chinese text: three UTF-8 bytes a character become two, so about ¾ of the UTF-8
        // size covers it with room for the line breaks and some ASCII; more text grows it.
        shard.text.reserve(size - size / 4);
        let mut folded = String::new();
        let mut push = |field: &str, text: &mut Vec<u8>| {
            folded.clear();
            fold::fold_into(field, &mut folded);
            folded.push('\n');
            utf16::push_str(text, &folded);
        };
        for article in articles {
            shard.starts.push(shard.text.len());
            let headings = [
                Some(&article.title),
                article.kicker.as_ref(),
                article.subtitle.as_ref(),
            ];
            for field in headings.into_iter().flatten() {
                push(field, &mut shard.text);
            }
            shard.heading_ends.push(shard.text.len());
            for field in article.byline.iter().chain(&article.paragraphs) {
                push(field, &mut shard.text);
            }
        }
        shard.starts.push(shard.text.len());
    }

    fn len(&self) -> usize {
        self.heading_ends.len()
    }

    /// The text of the block of up to [`CANCEL_BLOCK`] articles from `first`, and where it
    /// starts in the shard's text. No match spans two articles (each ends with a line
    /// break), so blocks cut at article starts find exactly the matches of one pass over
    /// the whole shard.
    fn block(&self, first: usize) -> (usize, &[u8]) {
        let last = (first + CANCEL_BLOCK).min(self.len());
        let base = self.starts[first];
        (base, &self.text[base..self.starts[last]])
    }

    /// Hits and title hits of `term` for every article of the shard, one block of
    /// articles at a time; `None` once `cancelled` says so. With `alive`, only the blocks
    /// holding an article still alive are scanned (the others count 0): a later term of an
    /// AND costs only where the earlier ones all matched.
    fn count(
        &self,
        term: &Term,
        cancelled: Cancelled<'_>,
        alive: Option<&[bool]>,
    ) -> Option<(Vec<u32>, Vec<u32>)> {
        let mut hits = vec![0u32; self.len()];
        let mut titles = vec![0u32; self.len()];
        // Two segments an article: its headings, then the rest (each ends with a line
        // break, so no match spans two).
        let (mut ends, mut counts) = (Vec::new(), Vec::new());
        for first in (0..self.len()).step_by(CANCEL_BLOCK) {
            if cancelled() {
                return None;
            }
            let last = (first + CANCEL_BLOCK).min(self.len());
            if alive.is_some_and(|alive| !alive[first..last].contains(&true)) {
                continue;
            }
            let (base, block) = self.block(first);
            ends.clear();
            for doc in first..last {
                ends.push(self.heading_ends[doc] - base);
                ends.push(self.starts[doc + 1] - base);
            }
            counts.clear();
            counts.resize(ends.len(), 0);
            term.count_utf16(block, &ends, &mut counts);
            for (doc, pair) in (first..last).zip(counts.chunks_exact(2)) {
                titles[doc] = pair[0];
                hits[doc] = pair[0] + pair[1];
            }
        }
        Some((hits, titles))
    }

    /// Exact hits of a multi-term query in article `doc` (shard-local): the matches of all
    /// terms together, without overlaps. The article's text is decoded to UTF-8 in `text`.
    fn evaluate(
        &self,
        doc: usize,
        query: &Query,
        text: &mut String,
        scratch: &mut Vec<(usize, usize)>,
    ) -> (usize, usize) {
        text.clear();
        utf16::decode_into(&self.text[self.starts[doc]..self.heading_ends[doc]], text);
        let heading_end = text.len();
        utf16::decode_into(
            &self.text[self.heading_ends[doc]..self.starts[doc + 1]],
            text,
        );
        scratch.clear();
        for term in query.terms() {
            term.ranges_in(text, scratch);
        }
        select_non_overlapping(scratch);
        let title = scratch.iter().filter(|r| r.0 < heading_end).count();
        (scratch.len(), title)
    }

    /// Several literal-only terms, one block of articles at a time (about 1.4 MB, so the
    /// block stays in cache from one term's pass to the next): one `memmem` pass per term
    /// over the block keeps every match start; then one sweep over the block's articles
    /// takes, per article, each term's run of starts, drops the article unless every run is
    /// non-empty (AND), and otherwise merges the runs (leftmost first, longest first at
    /// equal starts) skipping overlaps. That gives the same hits as [`Shard::evaluate`]
    /// without rescanning the text or allocating per article. The shard must be under
    /// 4 GiB.
    fn search_literals(
        &self,
        terms: &[Term],
        is_allowed: &impl Fn(usize) -> bool,
        cancelled: Cancelled<'_>,
    ) -> Option<Vec<SearchHit>> {
        let lens: Vec<u32> = terms
            .iter()
            .map(|t| u32::try_from(t.len_utf16()).unwrap_or(u32::MAX))
            .collect();
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); terms.len()];
        // Per term, the article's run of starts is `lists[t][lo[t]..hi[t]]`.
        let mut lo = vec![0usize; terms.len()];
        let mut hi = vec![0usize; terms.len()];
        let mut out = Vec::new();
        for first in (0..self.len()).step_by(CANCEL_BLOCK) {
            if cancelled() {
                return None;
            }
            let last = (first + CANCEL_BLOCK).min(self.len());
            let (base, block) = self.block(first);
            // AND: once a term has no match in the block, no article of it matches, and
            // the later terms need not be looked for there.
            let mut missing = false;
            for (term, list) in terms.iter().zip(&mut lists) {
                list.clear();
                if missing {
                    continue;
                }
                term.for_each_literal_utf16(block, |at| {
                    list.push(u32::try_from(base + at).unwrap_or(u32::MAX));
                });
                missing = list.is_empty();
            }
            if missing {
                continue;
            }
            lo.fill(0);
            hi.fill(0);
            for doc in first..last {
                let end = u32::try_from(self.starts[doc + 1]).unwrap_or(u32::MAX);
                let mut all = true;
                for ((list, lo), hi) in lists.iter().zip(&mut lo).zip(&mut hi) {
                    *lo = *hi;
                    while list.get(*hi).is_some_and(|p| *p < end) {
                        *hi += 1;
                    }
                    all &= *hi > *lo;
                }
                if !all || !is_allowed(doc) {
                    continue;
                }
                let heading_end = u32::try_from(self.heading_ends[doc]).unwrap_or(u32::MAX);
                let (mut hits, mut title_hits, mut taken_end) = (0, 0, 0u32);
                loop {
                    let mut best: Option<(usize, u32, u32)> = None;
                    for (t, list) in lists.iter().enumerate() {
                        if lo[t] < hi[t] {
                            let (s, l) = (list[lo[t]], lens[t]);
                            if best.is_none_or(|(_, bs, bl)| s < bs || (s == bs && l > bl)) {
                                best = Some((t, s, l));
                            }
                        }
                    }
                    let Some((t, s, l)) = best else {
                        break;
                    };
                    lo[t] += 1;
                    if s >= taken_end {
                        hits += 1;
                        title_hits += usize::from(s < heading_end);
                        taken_end = s.saturating_add(l);
                    }
                }
                out.push(SearchHit {
                    index: self.first + doc,
                    hits,
                    title_hits,
                });
            }
        }
        Some(out)
    }

    /// The shard's articles that match `query` and pass `allowed` (indexed globally);
    /// `None` once `cancelled` says so. See [`Count`] for the hits of several terms.
    fn search(
        &self,
        query: &Query,
        allowed: Option<&[bool]>,
        cancelled: Cancelled<'_>,
        count: Count,
    ) -> Option<Vec<SearchHit>> {
        let is_allowed =
            |doc: usize| allowed.is_none_or(|a| a.get(self.first + doc).copied().unwrap_or(false));
        let hit = |doc: usize, hits: usize, title_hits: usize| SearchHit {
            index: self.first + doc,
            hits,
            title_hits,
        };
        match query.terms() {
            [] => Some(
                (0..self.len())
                    .filter(|d| is_allowed(*d))
                    .map(|d| hit(d, 0, 0))
                    .collect(),
            ),
            [term] => {
                let (hits, titles) = self.count(term, cancelled, None)?;
                Some(
                    (0..self.len())
                        .filter(|d| hits[*d] > 0 && is_allowed(*d))
                        .map(|d| hit(d, hits[d] as usize, titles[d] as usize))
                        .collect(),
                )
            }
            terms
                if self.text.len() < u32::MAX as usize
                    && terms.iter().all(|t| !t.is_pinyin() && t.is_fixed()) =>
            {
                self.search_literals(terms, &is_allowed, cancelled)
            }
            terms if count == Count::Sum => {
                let (mut hits, mut titles) = (vec![0; self.len()], vec![0; self.len()]);
                let mut all = vec![true; self.len()];
                for (n, term) in terms.iter().enumerate() {
                    let alive = (n > 0).then_some(all.as_slice());
                    let (term_hits, term_titles) = self.count(term, cancelled, alive)?;
                    for d in 0..self.len() {
                        all[d] &= term_hits[d] > 0;
                        hits[d] += term_hits[d];
                        titles[d] += term_titles[d];
                    }
                }
                Some(
                    (0..self.len())
                        .filter(|d| all[*d] && is_allowed(*d))
                        .map(|d| hit(d, hits[d] as usize, titles[d] as usize))
                        .collect(),
                )
            }
            terms => {
                let mut all = vec![true; self.len()];
                for (n, term) in terms.iter().enumerate() {
                    let alive = (n > 0).then_some(all.as_slice());
                    let (hits, _) = self.count(term, cancelled, alive)?;
                    for (keep, h) in all.iter_mut().zip(hits) {
                        *keep &= h > 0;
                    }
                }
                let (mut text, mut scratch) = (String::new(), Vec::new());
                let mut out = Vec::new();
                for d in (0..self.len()).filter(|d| all[*d] && is_allowed(*d)) {
                    if d % CANCEL_BLOCK == 0 && cancelled() {
                        return None;
                    }
                    let (hits, title_hits) = self.evaluate(d, query, &mut text, &mut scratch);
                    out.push(hit(d, hits, title_hits));
                }
                Some(out)
            }
        }
    }
}

/// How the hits of a query of several terms, one of which matches by pinyin, are counted.
/// (For one term, or only literal terms, both are exact and cost the same.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    /// The non-overlapping matches of all terms together (docs/contract.md §2's `hits`): a second pass
    /// over every matching article, about 1.7 s for `gonghui y` over 100,000 articles.
    Exact,
    /// The sum of each term's own matches, which counts twice where two terms' matches
    /// overlap: good enough to rank by, in the time of one pass per term (~80 ms).
    Sum,
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
    /// One shard per core (one in all for small sets), in article order.
    shards: Vec<Shard>,
    len: usize,
}

impl SearchIndex {
    /// Folds every article's headings, byline and paragraphs (in parallel for large sets).
    pub fn new(articles: &[Article]) -> SearchIndex {
        let shards = parallel_each(&per_core(articles), |(first, chunk)| {
            Shard::new(*first, chunk)
        });
        SearchIndex {
            shards,
            len: articles.len(),
        }
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the index holds no articles.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every article matching `query`, ranked (see [`rank::rank`]), with exact hits. An
    /// empty query matches every article, in original order.
    pub fn search(&self, query: &Query) -> Vec<SearchHit> {
        self.run(query, &|| false, Count::Exact).unwrap_or_default()
    }

    /// The articles of [`SearchIndex::search`], for the reader's prompt: it asks
    /// `cancelled` between blocks of articles (a few hundred at a time, on every shard) and
    /// gives up with `None` as soon as it returns true, so that a newer keystroke stops an
    /// older search; and it ranks by `Count::Sum`, which spares the second pass that
    /// exact hits of several terms with pinyin take.
    pub fn search_cancellable(
        &self,
        query: &Query,
        cancelled: Cancelled<'_>,
    ) -> Option<Vec<SearchHit>> {
        self.run(query, cancelled, Count::Sum)
    }

    fn run(&self, query: &Query, cancelled: Cancelled<'_>, count: Count) -> Option<Vec<SearchHit>> {
        let parts = parallel_each(&self.shards, |shard| {
            shard.search(query, None, cancelled, count)
        });
        let mut hits = Vec::new();
        for part in parts {
            hits.extend(part?);
        }
        rank::rank(&mut hits);
        Some(hits)
    }
}

/// Articles folded and searched at a time by [`search_articles`]: a few MB of text.
const ONCE_BLOCK: usize = 2048;

/// Every article of `articles` among `candidates` (positions; those out of range are
/// ignored) that matches `query`, ranked as [`SearchIndex::search`] ranks them.
///
/// For a single search (the command line): no index is kept. Each core folds a block of
/// articles into one reused buffer, searches it and moves on, so the extra memory is a few
/// MB rather than a second copy of the archive's text, and the folded text is searched
/// while it is still in the cache.
pub fn search_articles(
    articles: &[Article],
    query: &Query,
    candidates: impl IntoIterator<Item = usize>,
) -> Vec<SearchHit> {
    let mut allowed = vec![false; articles.len()];
    for i in candidates {
        if let Some(slot) = allowed.get_mut(i) {
            *slot = true;
        }
    }
    let parts = parallel_each(&per_core(articles), |(first, chunk)| {
        let mut shard = Shard::default();
        let mut hits = Vec::new();
        for (i, block) in chunk.chunks(ONCE_BLOCK).enumerate() {
            shard.fill(first + i * ONCE_BLOCK, block);
            hits.extend(
                shard
                    .search(query, Some(&allowed), &|| false, Count::Exact)
                    .unwrap_or_default(),
            );
        }
        hits
    });
    let mut hits: Vec<SearchHit> = parts.into_iter().flatten().collect();
    rank::rank(&mut hits);
    hits
}

/// The text of the [`snippet()`] of each article in `articles` for `query`, `width` columns
/// wide, in order ([`snippet_text_of`]: the command line shows no highlights); on all cores
/// for long result lists (the command line prints every result).
pub fn snippets(articles: &[&Article], query: &Query, width: usize) -> Vec<String> {
    let chunk = chunk_size(articles.len(), PARALLEL_SNIPPETS);
    let chunks: Vec<&[&Article]> = articles.chunks(chunk.max(1)).collect();
    parallel_each(&chunks, |chunk| {
        chunk
            .iter()
            .map(|a| snippet_text_of(&a.paragraphs, a.byline.as_deref(), &a.title, query, width))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// `articles` cut into one run per core (see [`chunk_size`]), each with the position of its
/// first article.
fn per_core(articles: &[Article]) -> Vec<(usize, &[Article])> {
    let chunk = chunk_size(articles.len(), PARALLEL_MIN).max(1);
    articles
        .chunks(chunk)
        .enumerate()
        .map(|(i, c)| (i * chunk, c))
        .collect()
}

/// Items per shard: one shard per core from `least` items on, a single shard below
/// (spawning threads would cost more than it saves).
fn chunk_size(n: usize, least: usize) -> usize {
    let cores = crate::cores();
    if cores < 2 || n < least {
        n.max(1)
    } else {
        n.div_ceil(cores)
    }
}

/// Applies `f` to every item, one thread per item when there are several, keeping order.
fn parallel_each<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    if items.len() < 2 {
        return items.iter().map(&f).collect();
    }
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = items.iter().map(|item| s.spawn(move || f(item))).collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Byte ranges in `text` (the original, unfolded string) of the matches of any term of
/// `query`: non-overlapping, sorted, each on character boundaries. The reader highlights
/// them and `n`/`N` walk them. An empty query gives none.
pub fn find_matches(text: &str, query: &Query) -> Vec<Range<usize>> {
    matches_of(text, query.terms())
}

/// [`find_matches`] for `terms` (an `OR` group's alternatives, for a snippet's place).
pub(crate) fn matches_of<'a>(
    text: &str,
    terms: impl IntoIterator<Item = &'a Term>,
) -> Vec<Range<usize>> {
    let mut terms = terms.into_iter().peekable();
    if terms.peek().is_none() || text.is_empty() {
        return Vec::new();
    }
    let folded = fold::Folded::new(text);
    let mut ranges = Vec::new();
    for term in terms {
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
