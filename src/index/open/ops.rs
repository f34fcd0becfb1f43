//! Query operators through the index without the collection order (issue 13): `date:`
//! from the date fast fields and a literal `-term` from the term's postings, before any
//! article is read; the candidates that are left are put in collection order by the
//! order's own key (newest date key, then file, then place in the file; see
//! [`super::dates`]), so nothing costs the whole order.
//!
//! Every article kept here is still read and checked by kanbao's matcher and
//! [`Query::admits`]: what the index leaves out is only what could not match.

use std::cmp::Reverse;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Query as TQuery};

use super::counter::{Wanted, one_letter};
use super::dates::Days;
use super::gapped::Gapped;
use super::ranked::Match;
use super::spelled::Spelled;
use super::{Archive, date_of_key, engine};
use crate::collection::Collection;
use crate::date::{Date, DateRange};
use crate::index::build::date_key;
use crate::index::query;
use crate::search::{Query, Term};

/// A candidate while they are gathered: its place in the collection order (date key,
/// file, place in the file), then its document (file, segment, number) and byte range.
pub(super) type Found = (
    Reverse<(u64, u64, u64)>,
    u32,
    u64,
    (usize, usize, u32),
    (u64, u64),
);

/// Whether the index answers every operator of `query` exactly: a date range (fast
/// fields), `district:`, `kind:` and `reporter:` (fields indexed whole, see
/// [`query::narrowing`]), excluded terms and `OR` groups of terms it knows exactly
/// ([`query::is_exact`]) and `title:` terms it counts on their own (their title hits, see
/// `counter::exact_query`); not `note:` (the reading state's). Then the matches of
/// [`Archive::matches_within`] are final: counted without reading.
pub fn exact_ops(query: &Query) -> bool {
    let ops = query.ops();
    (ops.titles.is_empty() || super::counter::exact_query(query).is_some())
        && ops.notes.is_empty()
        && narrows_exactly(query)
}

/// Whether what the index leaves out of `query`'s matches before reading ([`query::narrowing`],
/// the date range, excluded terms) is exactly what its operators leave out, `title:` and
/// `note:` aside: its excluded terms and the terms of its `OR` groups are ones the index
/// knows exactly (`known`).
pub fn narrows_exactly(query: &Query) -> bool {
    let ops = query.ops();
    ops.exclude.iter().all(known) && ops.any.iter().flatten().all(known)
}

/// Whether the index knows exactly which articles hold `t`: a literal term from its
/// postings ([`query::is_exact`]), a pinyin term from its readings and letter pairs as it
/// counts them ([`Spelled`]), a Han phrase with gaps from its pieces' bigrams
/// ([`Gapped`]), one pinyin letter from the frequencies of first letters and letters
/// (`letter`); not a pinyin term of very many shapes.
fn known(t: &Term) -> bool {
    query::is_exact(t)
        || Spelled::of(t).is_some()
        || Gapped::of(t).is_some()
        || one_letter(t).is_some()
}

/// What the index leaves out of one query's matches before anything is read: its `date:`
/// range, and the documents its excluded terms, `OR` groups, `district:`, `kind:` and
/// `reporter:` rule out ([`Archive::narrowed`]). Those documents are found once, when
/// first asked, for the several asks of one search: a pinyin `-term` or `OR` group is
/// counted over the whole archive (`gonghui -yizhan` at 1M: ~600 ms), and the first rows
/// and then the whole ranking each found it again (in the reader 1.9 s).
pub struct Narrowed<'a> {
    archive: &'a Archive,
    query: &'a Query,
    excluded: OnceLock<Result<Option<Excluded>, String>>,
}

impl Narrowed<'_> {
    /// The query it narrows.
    pub fn query(&self) -> &Query {
        self.query
    }

    /// `then` with the documents the query's `date:` range and the rest leave (`None`: all
    /// of them).
    pub(super) fn apply<T>(
        &self,
        then: impl FnOnce(Option<Wanted<'_>>) -> Result<T, String>,
    ) -> Result<T, String> {
        let range = self.query.ops().dates;
        if range.is_all() && !leaves_out(self.archive, self.query) {
            return then(None);
        }
        let excluded = self
            .excluded
            .get_or_init(|| self.archive.excluded(self.query))
            .as_ref()
            .map_err(Clone::clone)?;
        let in_range = key_range(range);
        then(Some(&|(fi, si, doc), key| {
            in_range(key) && excluded.as_ref().is_none_or(|e| !e[fi][si][doc as usize])
        }))
    }
}

/// Per file, segment and document: whether it holds an excluded term.
type Excluded = Vec<Vec<Vec<bool>>>;

/// Whether a date key (see `build::date_key`) is of a day in `range`, for the search
/// threads: keys outside the keys of the range's ends are out at once (for `YYYY-MM-DD`
/// the keys compare as the days do), the others are parsed (a key between them may still
/// be no real day, such as `2024-02-30`).
fn key_range(range: DateRange) -> impl Fn((u64, u64, u64)) -> bool + Sync {
    let key = |d: Option<Date>, none| d.map_or(none, |d| date_key(Some(&d.to_string())));
    let low = key(range.from, (0, 0, 0));
    let high = key(range.to, (u64::MAX, u64::MAX, u64::MAX));
    move |k| range.is_all() || (low <= k && k <= high && range.contains(date_of_key(k)))
}

/// Whether `query` excludes a term the index knows exactly ([`known`]).
fn exact_excludes(query: &Query) -> bool {
    query.ops().exclude.iter().any(known)
}

/// Whether the index leaves articles out of `query`'s matches before they are read: those
/// holding a literal excluded term, and those a `title:` or `district:` cannot pass
/// ([`query::narrowing`]).
fn leaves_out(archive: &Archive, query: &Query) -> bool {
    exact_excludes(query)
        || archive
            .files
            .first()
            .is_some_and(|f| query::narrowing(&f.fields, query).is_some())
}

/// Sets to `value` each document of `file` that `q` matches, in its segment's list.
fn mark(
    file: &super::FileIndex,
    q: &dyn TQuery,
    per_segment: &mut [Vec<bool>],
    value: bool,
) -> Result<(), String> {
    let weight = q
        .weight(EnableScoring::disabled_from_searcher(&file.searcher))
        .map_err(engine)?;
    for (seg, set) in file.searcher.segment_readers().iter().zip(per_segment) {
        weight
            .for_each_no_score(seg, &mut |docs| {
                for &d in docs {
                    set[d as usize] = value;
                }
            })
            .map_err(engine)?;
    }
    Ok(())
}

/// Sets to `value` each document of `file` holding `t`, when the index knows which
/// ([`known`]: a literal term from its postings, a pinyin one or a phrase with gaps as the
/// index counts it); `false` when it does not.
fn mark_term(
    file: &super::FileIndex,
    t: &Term,
    per_segment: &mut [Vec<bool>],
    value: bool,
) -> Result<bool, String> {
    if let Some(q) = query::exact(&file.fields, t) {
        mark(file, q.as_ref(), per_segment, value)?;
        return Ok(true);
    }
    type Docs<'a> = Box<dyn Fn(&tantivy::SegmentReader) -> tantivy::Result<Vec<u32>> + 'a>;
    let fields = &file.fields;
    let docs: Docs<'_> = match (Spelled::of(t), Gapped::of(t), one_letter(t)) {
        (Some(spelled), _, _) => Box::new(move |seg| spelled.docs(seg, fields)),
        (None, Some(gapped), _) => Box::new(move |seg| gapped.docs(seg, fields)),
        // `驿站 -y`, typed on the way to `驿站 -yizhan`: 15 s at 1M when the candidates
        // were read.
        (None, None, Some(letter)) => Box::new(move |seg| {
            let counts = super::letter::counts(seg, fields, letter, None, &|_| true)?;
            Ok(counts.into_iter().map(|c| c.0).collect())
        }),
        (None, None, None) => return Ok(false),
    };
    for (seg, set) in file.searcher.segment_readers().iter().zip(per_segment) {
        for d in docs(seg).map_err(engine)? {
            set[d as usize] = value;
        }
    }
    Ok(true)
}

/// Per segment and document of `file`: whether the index leaves it out of `query`'s
/// matches (see [`Archive::excluded`]).
fn file_excluded(file: &super::FileIndex, query: &Query) -> Result<Vec<Vec<bool>>, String> {
    let exclude = &query.ops().exclude;
    let narrowing = query::narrowing(&file.fields, query);
    let mut per_segment: Vec<Vec<bool>> = file
        .searcher
        .segment_readers()
        .iter()
        .map(|seg| vec![narrowing.is_some(); seg.max_doc() as usize])
        .collect();
    if let Some(q) = narrowing {
        mark(file, q.as_ref(), &mut per_segment, false)?;
    }
    // An excluded term the index knows: its documents are out (the others are checked
    // on what is read).
    for t in exclude {
        mark_term(file, t, &mut per_segment, true)?;
    }
    // An `OR` group with a pinyin term: `narrowing` kept a superset; now only the
    // documents holding one of its terms stay.
    for group in &query.ops().any {
        if group.iter().all(query::is_exact) || !group.iter().all(known) {
            continue;
        }
        let mut none: Vec<Vec<bool>> = per_segment.iter().map(|s| vec![true; s.len()]).collect();
        for t in group {
            mark_term(file, t, &mut none, false)?;
        }
        for (out, none) in per_segment.iter_mut().zip(none) {
            out.iter_mut().zip(none).for_each(|(o, n)| *o |= n);
        }
    }
    Ok(per_segment)
}

impl Archive {
    /// The documents the index leaves out of `query`'s matches ([`leaves_out`]): those
    /// holding one of its excluded terms the index knows ([`known`]: a literal one from its
    /// postings, a pinyin one as the index counts it), those its operators narrow away
    /// ([`query::narrowing`]) and those holding no term of an `OR` group; `None` when there
    /// are no such operators. The files are done on all cores.
    fn excluded(&self, query: &Query) -> Result<Option<Excluded>, String> {
        if !leaves_out(self, query) {
            return Ok(None);
        }
        // Each file on a core of its own: a pinyin term is counted in each.
        let files: Vec<&super::FileIndex> = self.files.iter().collect();
        let out = crate::index::on_cores(files, |file| file_excluded(file, query));
        Ok(Some(out.into_iter().collect::<Result<Excluded, String>>()?))
    }

    /// [`Archive::matches`] (a query the index ranks by itself) without the articles out of
    /// the query's `date:` range (from the date key each match carries) or holding one of
    /// its literal excluded terms (from the postings); `None` when the index cannot rank
    /// the query.
    pub fn matches_within(&self, query: &Query) -> Result<Option<Vec<Match>>, String> {
        self.matches_of(&self.narrowed(query))
    }

    /// [`Archive::matches_within`] of `narrowed`'s query.
    pub fn matches_of(&self, narrowed: &Narrowed<'_>) -> Result<Option<Vec<Match>>, String> {
        narrowed.apply(|wanted| self.matches_where(narrowed.query, wanted, None))
    }

    /// [`Archive::matches_within`] of `narrowed`'s query, given up (with an error) once
    /// `stop` is set.
    pub fn matches_until(
        &self,
        narrowed: &Narrowed<'_>,
        stop: &AtomicBool,
    ) -> Result<Option<Vec<Match>>, String> {
        let stopped = || stop.load(std::sync::atomic::Ordering::Relaxed);
        narrowed.apply(|wanted| self.matches_where(narrowed.query, wanted, Some(&stopped)))
    }

    /// The `k` best of [`Archive::matches_within`], best first.
    pub fn best_within(&self, query: &Query, k: usize) -> Result<Option<Vec<Match>>, String> {
        self.best_of(&self.narrowed(query), k)
    }

    /// The `k` best of [`Archive::matches_within`] of `narrowed`'s query, best first.
    pub fn best_of(&self, narrowed: &Narrowed<'_>, k: usize) -> Result<Option<Vec<Match>>, String> {
        narrowed.apply(|wanted| self.best_where(narrowed.query, wanted, k))
    }

    /// How many articles [`Archive::matches_within`] finds and their hits, counted without
    /// the matches' ranks (a term of two characters without its positions).
    pub fn count_within(&self, query: &Query) -> Result<Option<(usize, usize)>, String> {
        self.within(query, |wanted| self.count_where(query, wanted))
    }

    /// `then` with the documents the query's `date:` range and literal excluded terms
    /// leave (`None`: all of them).
    pub(super) fn within<T>(
        &self,
        query: &Query,
        then: impl FnOnce(Option<Wanted<'_>>) -> Result<T, String>,
    ) -> Result<T, String> {
        self.narrowed(query).apply(then)
    }

    /// What the index leaves out of `query`'s matches before reading, found when first
    /// asked and then kept ([`Narrowed`]).
    pub fn narrowed<'a>(&'a self, query: &'a Query) -> Narrowed<'a> {
        Narrowed {
            archive: self,
            query,
            excluded: OnceLock::new(),
        }
    }

    /// Every match of `query`, best first (as `search` ranks them), when the index answers
    /// all of it ([`exact_ops`]) and counts its terms: nothing is read (`list --query
    /// kind:photo`, `timeline --query 驿站`). `None` otherwise.
    pub fn exact_matches(&self, query: &Query) -> Result<Option<Vec<Match>>, String> {
        if !exact_ops(query) {
            return Ok(None);
        }
        let Some(mut found) = self.matches_within(query)? else {
            return Ok(None);
        };
        found.sort_unstable_by_key(|m| m.rank);
        Ok(Some(found))
    }

    /// The summaries (stored fields, see [`Archive::summary`]) of `found`, in that order.
    pub fn match_summaries(&self, found: &[Match]) -> Result<Vec<crate::article::Article>, String> {
        found
            .iter()
            .map(|m| {
                let (file, seg, doc) = m.doc;
                let addr = tantivy::DocAddress::new(seg as u32, doc);
                self.summary(super::Slot {
                    file: file as u32,
                    addr,
                })
            })
            .collect()
    }

    /// The articles of `found`, read whole, in collection order: the collection the
    /// in-memory engine then searches (its ties keep that order, as on the in-memory path).
    pub fn collection_of(&self, mut found: Vec<Match>) -> Result<Collection, super::Unread> {
        found.sort_unstable_by_key(|m| (m.rank.2, m.rank.3, m.rank.4));
        Ok(Collection::new(self.banner(), self.read_matches(&found)?))
    }

    /// The candidates of `query`, unordered: what the index finds, less what the `date:`
    /// range and the literal excluded terms leave out.
    pub(super) fn candidates_found(&self, query: &Query) -> Result<Vec<Found>, String> {
        let range = query.ops().dates;
        let excluded = self.excluded(query)?;
        let mut days = Days::default();
        let mut found: Vec<Found> = Vec::new();
        for (fi, file) in self.files.iter().enumerate() {
            let q = query::candidates(&file.fields, query);
            let weight = q
                .weight(EnableScoring::disabled_from_searcher(&file.searcher))
                .map_err(engine)?;
            for (si, seg) in file.searcher.segment_readers().iter().enumerate() {
                let out = excluded.as_ref().map(|e| &e[fi][si]);
                let mut docs = Vec::new();
                weight
                    .for_each_no_score(seg, &mut |d| docs.extend_from_slice(d))
                    .map_err(engine)?;
                if docs.is_empty() {
                    continue;
                }
                let col = |name: &str| -> Result<Column<u64>, String> {
                    seg.fast_fields().u64(name).map_err(engine)
                };
                let [hi, lo, len, ord, off, size] =
                    ["dhi", "dlo", "dlen", "ord", "off", "len"].map(col);
                let (hi, lo, len, ord, off, size) = (hi?, lo?, len?, ord?, off?, size?);
                let value = |c: &Column<u64>, d: u32| c.first(d).unwrap_or(0);
                let alive = seg.alive_bitset();
                for d in docs {
                    if alive.is_some_and(|a| !a.is_alive(d))
                        || out.is_some_and(|out| out[d as usize])
                    {
                        continue;
                    }
                    let key = (value(&hi, d), value(&lo, d), value(&len, d));
                    if !range.is_all() && !range.contains(days.of(key)) {
                        continue;
                    }
                    let bytes = (value(&off, d), value(&size, d));
                    let at = (fi, si, d);
                    found.push((Reverse(key), fi as u32, value(&ord, d), at, bytes));
                }
            }
        }
        Ok(found)
    }
}
