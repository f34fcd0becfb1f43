//! Ranking from the index alone, for the queries whose hits it can count exactly: literal
//! terms (no pinyin reading) that cannot overlap themselves or each other (one character
//! too, by its frequencies), and one pinyin term (counted by [`Spelled`], one letter by its
//! frequencies; the reader sums a pinyin term's hits with other terms', as it does in
//! memory).
//!
//! Such a term occurs in an article exactly where its bigrams stand at consecutive
//! positions of the `bi` field (counted in [`super::literal`]) (positions are character offsets in the folded text, and no
//! bigram crosses a line break, as no match does). Its occurrences cannot overlap, so their
//! number is the matcher's hit count; those before the `hend` fast field (the end of title,
//! kicker and subtitle) are its title hits. So the best-first order of every match comes
//! from the postings, and only the articles actually shown are read from the data: the
//! first rows of `kanbao search TERM | head` cost what they show, not what the archive holds.

use std::cmp::Reverse;
use std::sync::atomic::AtomicU64;

use super::counter::{Counter, DocAt, Terms, Wanted, exact_query, summed_terms, title_terms};
use super::ops::Narrowed;
use super::spelled::Spelled;
use super::{Archive, engine, order};
use crate::article::Article;
use crate::search::{Cancelled, Query};

impl Archive {
    /// The places of every article matching `query`, best first (title hits first, then
    /// more hits, then collection order, as [`crate::search::rank`] orders them), counted
    /// from the index; `None` when the index cannot count this query exactly.
    pub fn ranked(&self, query: &Query) -> Result<Option<Vec<u32>>, String> {
        let Some(mut found) = self.matches(query)? else {
            return Ok(None);
        };
        found.sort_unstable_by_key(|m| m.rank);
        if found.is_empty() {
            return Ok(Some(Vec::new()));
        }
        let positions = &self.ord()?.positions;
        Ok(Some(
            found
                .iter()
                .map(|m| {
                    let (fi, si, doc) = m.doc;
                    positions[fi][si][doc as usize]
                })
                .collect(),
        ))
    }

    /// Every article matching `query`, unordered, with its rank and where its text is; no
    /// collection order is needed (the rank carries the date key, file and place in the file,
    /// which is what the collection order compares). `None` when the index cannot count this
    /// query exactly.
    pub fn matches(&self, query: &Query) -> Result<Option<Vec<Match>>, String> {
        self.matches_where(query, None, None)
    }

    /// [`Archive::matches`] among the documents `wanted` accepts (given the document and
    /// its date key), asked before the term's positions are read.
    /// (Given `stop`, the search gives up with an error between segments once it says so.)
    pub(super) fn matches_where(
        &self,
        query: &Query,
        wanted: Option<Wanted<'_>>,
        stop: Option<Cancelled<'_>>,
    ) -> Result<Option<Vec<Match>>, String> {
        let Some(terms) = exact_query(query) else {
            return Ok(None);
        };
        self.count_terms(&terms, wanted, usize::MAX, stop).map(Some)
    }

    /// The `k` best of [`Archive::matches_where`], best first: each segment keeps only its
    /// `k` best, so the first rows of a search that matches most of a million articles cost
    /// no match list of the million.
    pub(super) fn best_where(
        &self,
        query: &Query,
        wanted: Option<Wanted<'_>>,
        k: usize,
    ) -> Result<Option<Vec<Match>>, String> {
        let Some(terms) = exact_query(query) else {
            return Ok(None);
        };
        let mut found = self.count_terms(&terms, wanted, k, None)?;
        found.sort_unstable_by_key(|m| m.rank);
        found.truncate(k);
        Ok(Some(found))
    }

    /// How many articles match `query` (among those `wanted` accepts) and their hits, as
    /// [`Archive::matches_where`] finds them, without their ranks.
    pub(super) fn count_where(
        &self,
        query: &Query,
        wanted: Option<Wanted<'_>>,
    ) -> Result<Option<(usize, usize)>, String> {
        let Some(terms) = exact_query(query) else {
            return Ok(None);
        };
        let parts = self.per_segment((&terms, None), wanted, None, |_, _, counts| {
            Ok(vec![(
                counts.len(),
                counts.iter().map(|c| c.1 as usize).sum::<usize>(),
            )])
        })?;
        Ok(Some(parts.into_iter().fold((0, 0), |all, part| {
            (all.0 + part.0, all.1 + part.1)
        })))
    }

    /// The articles holding every one of `terms` (among those `wanted` accepts), with their
    /// summed hits and their ranks; only the `best` best of each segment.
    fn count_terms(
        &self,
        terms: &Terms,
        wanted: Option<Wanted<'_>>,
        best: usize,
        stop: Option<Cancelled<'_>>,
    ) -> Result<Vec<Match>, String> {
        // The first rows from bounds where they pay, the whole ranking otherwise.
        let bounds = (best < usize::MAX && self.bounds_pay_alone(terms)?).then_some(best);
        self.per_segment((terms, bounds), wanted, stop, |fi, si, mut counts| {
            if best > 0 && counts.len() > best {
                // The best by title and hits alone, with every tie of the last: only those
                // need their dates and places (a million matches cost no match list).
                let key = |c: &Counted| (c.2 == 0, Reverse(c.1));
                counts.select_nth_unstable_by_key(best - 1, key);
                let bound = key(&counts[best - 1]);
                counts.retain(|c| key(c) <= bound);
            }
            let seg = self.files[fi].searcher.segment_reader(si as u32);
            let [hi, lo, len, ord, off, size] =
                ["dhi", "dlo", "dlen", "ord", "off", "len"].map(|name| order::values(seg, name));
            let (hi, lo, len, ord, off, size) = (hi?, lo?, len?, ord?, off?, size?);
            let mut found: Vec<Match> = counts
                .into_iter()
                .map(|(doc, hits, title)| Match {
                    rank: (
                        title == 0,
                        Reverse(hits as usize),
                        Reverse((hi.at(doc), lo.at(doc), len.at(doc))),
                        fi as u32,
                        ord.at(doc),
                    ),
                    title: title as usize,
                    doc: (fi, si, doc),
                    range: (off.at(doc), size.at(doc)),
                })
                .collect();
            if found.len() > best {
                found.select_nth_unstable_by_key(best, |m| m.rank);
                found.truncate(best);
            }
            Ok(found)
        })
    }

    /// The articles holding every term of `query`, as places of the collection order with
    /// the sum of their terms' hits and title hits (as the reader's search counts them:
    /// `Count::Sum`), when every term is one the index counts exactly (see
    /// `summed_terms`; no term: every article its operators leave, with no hits); else
    /// `None`. Its `date:` range, `title:` terms (their own title hits) and literal
    /// `-term`s are applied, and `district:`, `kind:`, `reporter:` and `OR` groups narrow
    /// (see `query::narrowing`; exactly unless `open::narrows_exactly` says otherwise, when
    /// the caller checks what it reads). Only the `hend` column (and the date columns for
    /// `date:` or `-term`) is read besides the postings.
    /// An error (`stopped`) as soon as `cancelled` says so, asked between segments.
    pub fn summed_places(
        &self,
        query: &Query,
        cancelled: Cancelled<'_>,
    ) -> Result<Option<Vec<Counted>>, String> {
        self.summed_of(&self.narrowed(query), cancelled)
    }

    /// [`Archive::summed_places`] of `narrowed`'s query.
    pub fn summed_of(
        &self,
        narrowed: &Narrowed<'_>,
        cancelled: Cancelled<'_>,
    ) -> Result<Option<Vec<Counted>>, String> {
        let query = narrowed.query();
        let Some(terms) = summed_terms(query) else {
            return Ok(None);
        };
        // One counter a term: a `title:` term's own title hits are told apart.
        let terms = (terms, title_terms(query));
        let positions = &self.ord()?.positions;
        // The query's `date:` and literal `-term`s are applied from the index as well.
        narrowed
            .apply(|wanted| {
                self.per_segment((&terms, None), wanted, Some(cancelled), |fi, si, counts| {
                    let at = &positions[fi][si];
                    Ok(counts
                        .into_iter()
                        .filter_map(|(doc, hits, title)| {
                            Some((*at.get(doc as usize)?, hits, title))
                        })
                        .collect())
                })
            })
            .map(Some)
    }

    /// `make` of the counts of `terms` in every segment of every file (of the documents
    /// `wanted` accepts), the segments handed out to as many threads as there are cores
    /// ([`crate::index::on_cores`]); an error as soon as `stop` says so (asked between
    /// segments).
    fn per_segment<T: Send>(
        &self,
        (terms, best): (&Terms, Option<usize>),
        wanted: Option<Wanted<'_>>,
        stop: Option<Cancelled<'_>>,
        make: impl Fn(usize, usize, Vec<Counted>) -> Result<Vec<T>, String> + Sync,
    ) -> Result<Vec<T>, String> {
        let segments: Vec<(usize, usize)> = self
            .files
            .iter()
            .enumerate()
            .flat_map(|(fi, f)| (0..f.searcher.segment_readers().len()).map(move |si| (fi, si)))
            .collect();
        // The score below which the first rows keep nothing (`Archive::segment_best`).
        let floor = AtomicU64::new(0);
        let parts = crate::index::on_cores(segments, |(fi, si)| {
            if stop.is_some_and(|stopped| stopped()) {
                return Err("stopped".to_string());
            }
            // A panic in tantivy (a damaged file) is this search's error, not the process's.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let counts = match best {
                    Some(best) => self.segment_best((fi, si), terms, wanted, best, &floor)?,
                    None => self.segment_counts(fi, si, terms, wanted, None, false, stop)?,
                };
                // Stopped within the segment: what it counted is not whole.
                if stop.is_some_and(|stopped| stopped()) {
                    return Err("stopped".to_string());
                }
                match counts.is_empty() {
                    true => Ok(Vec::new()),
                    false => make(fi, si, counts),
                }
            }))
            .unwrap_or_else(|_| Err("a search thread failed".into()))
        });
        // One allocation of the final size: at a million matches the doubling of a growing
        // vector (and the reader's allocator keeping what it freed) cost ~50 MB a search.
        let parts = parts.into_iter().collect::<Result<Vec<_>, String>>()?;
        let mut found = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for part in parts {
            found.extend(part);
        }
        Ok(found)
    }

    /// The documents of segment `si` of file `fi` holding every one of `terms` (among those
    /// `wanted` accepts: then the date columns are read too; or among those `within` holds,
    /// ascending, their counts 0), ascending, with their hits and title hits summed over the
    /// terms; with `bounds`, literal terms give bounds on them instead ([`Archive::segment_best`]).
    /// Once `stop` says so, no document more is counted (the caller drops what was).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn segment_counts(
        &self,
        fi: usize,
        si: usize,
        (terms, headings): &Terms,
        wanted: Option<Wanted<'_>>,
        within: Option<Vec<Counted>>,
        bounds: bool,
        stop: Option<Cancelled<'_>>,
    ) -> Result<Vec<Counted>, String> {
        let file = &self.files[fi];
        let seg = file.searcher.segment_reader(si as u32);
        // Where the headings end, for the terms whose hits are found from positions (the
        // others are counted from frequencies, in the text and in the headings): read a
        // document at a time, where a term stands; copying the whole column cost a third
        // as much as reading the documents' positions.
        let hend = order::values(seg, "hend")?;
        let keys = match wanted {
            Some(_) => {
                let [hi, lo, len] = ["dhi", "dlo", "dlen"].map(|name| order::column(seg, name));
                Some((hi?, lo?, len?))
            }
            None => None,
        };
        // The first term asks `wanted`; the others look only where it matched. A stopped
        // count asks nothing more: its lists are run through without a position read.
        let asked = |doc: u32| match (wanted, &keys) {
            _ if stop.is_some_and(|stopped| stopped()) => false,
            (Some(wanted), Some((hi, lo, len))) => {
                let d = doc as usize;
                wanted((fi, si, doc), (hi[d], lo[d], len[d]))
            }
            _ => true,
        };
        if terms.is_empty() {
            // Operators only: every document they leave, with no hits.
            return Ok(within.unwrap_or_else(|| every_doc(seg, &asked)));
        }
        let mut all: Option<Vec<Counted>> = within;
        // After terms counted together, a `title:` term only says where it stands: its own
        // hits are among theirs already (`counter::exact_query`).
        let together = matches!(terms.first(), Some(Counter::Together(_)));
        // Each term's own counts, when a character's hits inside others are taken off.
        let inside = terms.iter().any(|t| matches!(t, Counter::Inside { .. }));
        let mut own: Vec<Vec<Counted>> = Vec::new();
        for (n, (term, &in_headings)) in terms.iter().zip(headings).enumerate() {
            let mut counts = match term {
                Counter::Literal(grams) => {
                    self.literal_counts(fi, si, grams, &hend, all.as_deref(), &asked, !bounds)?
                }
                Counter::Frequency(grams) | Counter::Inside { gram: grams, .. } => {
                    self.literal_counts(fi, si, grams, &hend, all.as_deref(), &asked, false)?
                }
                Counter::Spelled(spelled) => {
                    let (keep, within) = kept(all.as_deref(), &asked);
                    match bounds {
                        true => spelled.bounds(seg, &file.fields, &keep),
                        false => spelled.counts(seg, &file.fields, &hend, &keep, within.as_deref()),
                    }
                    .map_err(engine)?
                }
                // Bounded by the frequencies of its pieces' bigrams (`Gapped::grams`).
                Counter::Gapped(gapped) if bounds => {
                    let grams = gapped.grams();
                    self.literal_counts(fi, si, &grams, &hend, all.as_deref(), &asked, false)?
                }
                Counter::Gapped(gapped) => {
                    let (keep, within) = kept(all.as_deref(), &asked);
                    gapped
                        .counts(seg, &file.fields, Some(&hend), &keep, within.as_deref())
                        .map_err(engine)?
                }
                Counter::Letter(letter) => {
                    super::letter::counts(seg, &file.fields, *letter, all.as_deref(), &asked)
                        .map_err(engine)?
                }
                Counter::Together(terms) => {
                    Spelled::together(terms, seg, &file.fields, &hend, &asked).map_err(engine)?
                }
            };
            if in_headings {
                // A `title:` term: only where it has title hits of its own.
                counts.retain(|c| c.2 > 0);
                if together && n > 0 {
                    counts.iter_mut().for_each(|c| *c = (c.0, 0, 0));
                }
            }
            if inside {
                own.push(counts.clone());
            }
            all = Some(match all {
                None => counts,
                Some(before) => intersect(&before, &counts),
            });
            if all.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
        }
        let mut all = all.unwrap_or_default();
        for term in terms.iter().filter(|_| own.len() == terms.len()) {
            if let Counter::Inside { minus, .. } = term {
                take_off(&mut all, minus, &own);
            }
        }
        Ok(all)
    }

    /// The articles of `found`, in that order, read from their files.
    pub fn read_matches(&self, found: &[Match]) -> Result<Vec<Article>, super::Unread> {
        let at: Vec<(usize, (u64, u64))> = found.iter().map(|m| (m.doc.0, m.range)).collect();
        self.read_all(&at)
    }

    /// `make` applied to each match with its article's JSON text, in the order of `found`,
    /// on all cores (for what needs only part of each article). A file that cannot be read
    /// is an `E` made from the reason.
    pub fn read_each_match<T: Send, E: From<String> + Send>(
        &self,
        found: &[Match],
        make: impl Fn(&Match, &str) -> Result<T, E> + Sync,
    ) -> Result<Vec<T>, E> {
        let at: Vec<(usize, (u64, u64))> = found.iter().map(|m| (m.doc.0, m.range)).collect();
        self.read_each(&at, |i, _, text| make(&found[i], text))
    }
}

pub use super::cursor::Counted;

/// Which documents a term counted from positions looks at: those the terms before it
/// matched (`before`: then also the list of them, to skip the others), else those `asked`
/// accepts.
fn kept<'a>(
    before: Option<&'a [Counted]>,
    asked: &'a dyn Fn(u32) -> bool,
) -> (impl Fn(u32) -> bool + 'a, Option<Vec<u32>>) {
    let keep = move |doc: u32| match before {
        Some(b) => b.binary_search_by_key(&doc, |c| c.0).is_ok(),
        None => asked(doc),
    };
    (keep, before.map(|b| b.iter().map(|c| c.0).collect()))
}

/// Takes off the hits of `all` (a character's among others') those of its matches inside
/// the longer terms of `minus` ([`Counter::Inside`]): `k` for each hit of such a term, and
/// each of its title hits, as `own` (each term's own counts) gives them.
fn take_off(all: &mut [Counted], minus: &[(usize, u32)], own: &[Vec<Counted>]) {
    for c in all.iter_mut() {
        for &(t, k) in minus {
            if let Ok(at) = own[t].binary_search_by_key(&c.0, |x| x.0) {
                let (_, hits, title) = own[t][at];
                c.1 = c.1.saturating_sub(k * hits);
                c.2 = c.2.saturating_sub(k * title);
            }
        }
    }
}

/// The live documents of `seg` that `asked` accepts, ascending, with no hits.
fn every_doc(seg: &tantivy::SegmentReader, asked: &dyn Fn(u32) -> bool) -> Vec<Counted> {
    let alive = seg.alive_bitset();
    (0..seg.max_doc())
        .filter(|&d| alive.is_none_or(|a| a.is_alive(d)) && asked(d))
        .map(|d| (d, 0, 0))
        .collect()
}

/// The documents of both lists (ascending by document), hits and title hits added.
fn intersect(a: &[Counted], b: &[Counted]) -> Vec<Counted> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1, a[i].2 + b[j].2));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Where a match ranks: title hits first, then more hits, then collection order (newest day
/// first, then file, then place in the file).
pub type Rank = (bool, Reverse<usize>, Reverse<(u64, u64, u64)>, u32, u64);

/// One article matching a ranked query.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    /// Where it ranks; smaller first.
    pub rank: Rank,
    /// How many of its hits are in the title, kicker or subtitle.
    pub(super) title: usize,
    /// Its document.
    pub(super) doc: DocAt,
    /// The byte range of its JSON in its file.
    pub(super) range: (u64, u64),
}

impl Match {
    /// Its hits.
    pub fn hits(&self) -> usize {
        self.rank.1.0
    }

    /// Its hits in the title, kicker or subtitle.
    pub fn title_hits(&self) -> usize {
        self.title
    }

    /// Its day, from the date columns (`None`: undated).
    pub fn date(&self) -> Option<crate::date::Date> {
        super::date_of_key(self.rank.2.0)
    }
}
