//! The first rows of a ranked search without the positions of every match (issue 12:
//! `kanbao search 沙河工会服务站 | head` at a million articles): each document's hits are
//! bounded from frequencies alone, and only the documents whose bounds can reach the best
//! are counted exactly ([`Archive::segment_best`]).

use std::sync::atomic::{AtomicU64, Ordering};

use super::Archive;
use super::counter::{Counter, Terms, Wanted, exact_query};
use super::cursor::Counted;
use super::ops::Narrowed;
use crate::search::Query;

/// Most shapes of a pinyin term standing in most documents for its best to be found from
/// bounds (see [`super::spelled::Spelled::dense_shapes`]).
const DENSE_SHAPES: usize = 2;

/// Most shapes of a pinyin term whose best the command line finds from bounds however many
/// of them are dense (see [`Archive::bounds_pay_alone`]).
const MANY_SHAPES: usize = 16;

impl Archive {
    /// The `k` best articles of `query`, as places of the collection order with their hits
    /// and title hits, best first, when they come cheaply from bounds: one pinyin term
    /// whose shapes are not dense in any segment (see `DENSE_SHAPES`), or one phrase with
    /// gaps. The reader shows them while it counts the whole ranking (at 1M, `gonghui`'s
    /// first screen in about a fifth of the time of the whole); `None` otherwise.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn first_rows(&self, query: &Query, k: usize) -> Result<Option<Vec<Counted>>, String> {
        self.first_rows_of(&self.narrowed(query), k)
    }

    /// [`Archive::first_rows`] of `narrowed`'s query.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn first_rows_of(
        &self,
        narrowed: &Narrowed<'_>,
        k: usize,
    ) -> Result<Option<Vec<Counted>>, String> {
        let query = narrowed.query();
        let Some(terms) = exact_query(query) else {
            return Ok(None);
        };
        let one = matches!(
            terms.0.as_slice(),
            [Counter::Spelled(_) | Counter::Gapped(_)]
        );
        if !one || !self.bounds_pay(&terms)? {
            return Ok(None);
        }
        let Some(best) = self.best_of(narrowed, k)? else {
            return Ok(None);
        };
        let positions = &self.ord()?.positions;
        Ok(Some(
            best.iter()
                .map(|m| {
                    let (fi, si, doc) = m.doc;
                    let place = positions[fi][si][doc as usize];
                    (place, m.hits() as u32, m.title_hits() as u32)
                })
                .collect(),
        ))
    }

    /// Whether the reader's first screen is worth finding from bounds
    /// ([`Archive::segment_best`]) before it counts the whole ranking: the terms give
    /// bounds ([`bounded`]), and a pinyin term has no more than [`DENSE_SHAPES`] shapes
    /// standing in most documents of any segment (their bounds are loose and cost as much
    /// as counting: `yizhan` has five; at 1M its first screen from bounds came at 353 ms,
    /// its whole ranking at 750 instead of 400), unless it has at most [`MANY_SHAPES`]
    /// shapes that share the letter pair their matches start on (then the pair bounds them
    /// tightly: `yizhan`'s first screen at 120 ms, its whole ranking at ~440).
    pub(super) fn bounds_pay(&self, terms: &Terms) -> Result<bool, String> {
        // A few shapes sharing their first pair: bounded tightly however dense (`yizhan`);
        // many (`xinjiuyexingtailaodongzhe`: 1,536) cost more to bound than to count.
        if self.counted_cheaply(terms)? {
            return Ok(false);
        }
        let shared = matches!(terms.0.as_slice(),
            [Counter::Spelled(s)] if s.shapes() <= MANY_SHAPES && s.shares_pairs());
        Ok(bounded(terms) && (shared || self.dense_shapes(terms)? <= DENSE_SHAPES))
    }

    /// Whether the first rows of the command line, which stops after them, are worth
    /// finding from bounds: the terms give bounds, and a pinyin term of more than
    /// [`MANY_SHAPES`] shapes has no more than [`DENSE_SHAPES`] dense ones. With the floor
    /// the segments share, a few dense shapes pay (at 1M `yizhan | head -20`, 9 shapes and
    /// 5 dense, 402 -> 340 ms; `beijing` 249 -> 182); many do not (`chaoyang`, 65 shapes
    /// and 3 dense, 130 -> 351 ms; `gonghuiyizhan` 592 -> 733).
    pub(super) fn bounds_pay_alone(&self, terms: &Terms) -> Result<bool, String> {
        if self.counted_cheaply(terms)? {
            return Ok(false);
        }
        let few = match terms.0.as_slice() {
            [Counter::Spelled(spelled)] => spelled.shapes() <= MANY_SHAPES,
            _ => true,
        };
        Ok(bounded(terms) && (few || self.dense_shapes(terms)? <= DENSE_SHAPES))
    }

    /// Whether `terms` is one pinyin term counted cheaply in every segment
    /// ([`super::spelled::Spelled::counted_cheaply`]): then its whole ranking comes about
    /// as soon as bounds find its best (at 1M, `gonghui` in the reader: first screen from
    /// bounds at 53 ms, the whole at 101; counted whole at once, 37–52 ms).
    fn counted_cheaply(&self, terms: &Terms) -> Result<bool, String> {
        let [Counter::Spelled(spelled)] = terms.0.as_slice() else {
            return Ok(false);
        };
        for file in &self.files {
            for seg in file.searcher.segment_readers() {
                if !spelled
                    .counted_cheaply(seg, &file.fields)
                    .map_err(super::engine)?
                {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }

    /// The most shapes of the pinyin term among `terms` standing in most documents of a
    /// segment ([`super::spelled::Spelled::dense_shapes`]); 0 for any other terms.
    fn dense_shapes(&self, terms: &Terms) -> Result<usize, String> {
        let [Counter::Spelled(spelled)] = terms.0.as_slice() else {
            return Ok(0);
        };
        let mut most = 0;
        for file in &self.files {
            for seg in file.searcher.segment_readers() {
                let dense = spelled
                    .dense_shapes(seg, &file.fields)
                    .map_err(super::engine)?;
                most = most.max(dense);
                if most > DENSE_SHAPES {
                    return Ok(most);
                }
            }
        }
        Ok(most)
    }

    /// The `best` best documents of segment `si` of file `fi` holding every one of `terms`
    /// (see [`Archive::bounds_pay`]) by title hits and hits, with every tie of the last,
    /// and perhaps others, as [`Archive::segment_counts`] counts them, without reading the
    /// positions of every match: each document's hits are bounded by the least frequency of
    /// its terms' rarest bigrams and its title hits by the rarest in the headings' (no
    /// position read; an occurrence holds each of its bigrams once, and a title hit lies in
    /// the headings), then documents are counted exactly, highest bound first, in batches
    /// that double, until no document left can reach the `best`-th counted (`kanbao search
    /// 沙河工会服务站 | head`, docs/index.md §7).
    ///
    /// `floor` is shared by the segments searched together: the highest score that `best`
    /// documents counted in one segment reach. The whole search keeps none below it, so no
    /// segment counts a document whose bound is lower (at 1M, `ghyz | head` counted ~12,000
    /// documents in each of 40 segments for a segment's own 32 best).
    pub(super) fn segment_best(
        &self,
        (fi, si): (usize, usize),
        terms: &Terms,
        wanted: Option<Wanted<'_>>,
        best: usize,
        floor: &AtomicU64,
    ) -> Result<Vec<Counted>, String> {
        if best == 0 {
            return Ok(Vec::new());
        }
        let bounds = self.segment_counts(fi, si, terms, wanted, None, true, None)?;
        if bounds.len() <= best {
            let all = bounds.iter().map(|c| (c.0, 0, 0)).collect();
            let counted = self.segment_counts(fi, si, terms, wanted, Some(all), false, None)?;
            raise(floor, &counted, best);
            return Ok(counted);
        }
        let mut left: Vec<(u64, u32)> = bounds.iter().map(|c| (score(c), c.0)).collect();
        let (mut counted, mut batch) = (Vec::new(), best);
        loop {
            let threshold = floor.load(Ordering::Relaxed);
            left.retain(|b| b.0 >= threshold);
            if left.is_empty() {
                return Ok(counted);
            }
            // The `batch` highest bounds left, moved to the end (no sort of them all).
            let from = left.len().saturating_sub(batch);
            if from > 0 {
                left.select_nth_unstable(from);
            }
            let mut next: Vec<Counted> = left
                .split_off(from)
                .iter()
                .map(|&(_, d)| (d, 0, 0))
                .collect();
            next.sort_unstable();
            counted.extend(self.segment_counts(fi, si, terms, wanted, Some(next), false, None)?);
            raise(floor, &counted, best);
            batch = batch.saturating_mul(2);
        }
    }
}

/// A match's place in the first rows as one number: title hits first, then hits (the
/// order `count_terms` keeps the best by).
fn score(c: &Counted) -> u64 {
    (u64::from(c.2 > 0) << 32) | u64::from(c.1)
}

/// Raises `floor` to the `best`-th score of `counted`, when there are that many.
fn raise(floor: &AtomicU64, counted: &[Counted], best: usize) {
    if counted.len() >= best {
        let mut scores: Vec<u64> = counted.iter().map(score).collect();
        let at = scores.len() - best;
        floor.fetch_max(*scores.select_nth_unstable(at).1, Ordering::Relaxed);
    }
}

/// Whether the best of `terms` are found from bounds ([`Archive::segment_best`]): literal
/// terms with one at least of three characters or more (two characters are counted from
/// frequencies already), or one pinyin term, or one phrase with gaps; none of which must
/// stand in the headings.
pub(super) fn bounded((terms, headings): &Terms) -> bool {
    let literal = |t: &Counter| matches!(t, Counter::Literal(_) | Counter::Frequency(_));
    let one = match terms.as_slice() {
        [Counter::Spelled(s)] => s.bounded(),
        // Bounded by its pieces' bigrams: none when every piece is one character.
        [Counter::Gapped(g)] => !g.grams().is_empty(),
        _ => false,
    };
    headings.iter().all(|h| !h)
        && (one
            || (terms.iter().all(literal)
                && terms.iter().any(|t| matches!(t, Counter::Literal(_)))))
}
