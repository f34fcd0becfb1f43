//! Ranking from the index alone, for the queries whose hits it can count exactly: one
//! literal term (no pinyin reading) of two or more characters that cannot overlap itself.
//!
//! Such a term occurs in an article exactly where its bigrams stand at consecutive
//! positions of the `bi` field (positions are character offsets in the folded text, and no
//! bigram crosses a line break, as no match does). Its occurrences cannot overlap, so their
//! number is the matcher's hit count; those before the `hend` fast field (the end of title,
//! kicker and subtitle) are its title hits. So the best-first order of every match comes
//! from the postings, and only the articles actually shown are read from the data: the
//! first rows of `kanbao search TERM | head` cost what they show, not what the archive holds.

use std::cmp::Reverse;

use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, TERMINATED, Term as TTerm};

use super::{Archive, engine, order};
use crate::article::Article;
use crate::search::Query;

/// A document: file, segment, document number.
type DocAt = (usize, usize, u32);

/// The folded characters of the query's one term when the index can rank it exactly.
fn exact_term(query: &Query) -> Option<Vec<char>> {
    let [term] = query.terms() else {
        return None;
    };
    if term.is_pinyin() || !term.is_fixed() {
        return None;
    }
    let units: Vec<char> = term.folded().chars().collect();
    let n = units.len();
    if n < 2 || units.contains(&'\n') {
        return None;
    }
    // `哈哈` in `哈哈哈` occurs twice but is hit once: overlapping terms are left to the matcher.
    let overlaps = (1..n).any(|k| units[k..] == units[..n - k]);
    (!overlaps).then_some(units)
}

/// The bigrams that pin the term down, with their offsets in it: at 0, 2, 4, … and the last.
fn grams(units: &[char]) -> Vec<(u32, String)> {
    let n = units.len();
    let mut offsets: Vec<usize> = (0..n - 1).step_by(2).collect();
    if offsets.last() != Some(&(n - 2)) {
        offsets.push(n - 2);
    }
    offsets
        .into_iter()
        .map(|i| (i as u32, units[i..i + 2].iter().collect()))
        .collect()
}

/// Occurrences of the term in one article, and how many start before `hend`: the starts
/// `p` of the first gram where every other gram stands at `p + its offset`.
fn count(positions: &[Vec<u32>], offsets: &[u32], hend: u64) -> (usize, usize) {
    let (mut hits, mut title) = (0, 0);
    for &p in &positions[0] {
        let all = positions[1..]
            .iter()
            .zip(&offsets[1..])
            .all(|(pos, off)| pos.binary_search(&(p + off)).is_ok());
        if all {
            hits += 1;
            if u64::from(p) < hend {
                title += 1;
            }
        }
    }
    (hits, title)
}

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
        self.matches_where(query, &|_, _| true)
    }

    /// [`Archive::matches`] among the documents `wanted` accepts (given the document and
    /// its date key), asked before the term's positions are read.
    pub(super) fn matches_where(
        &self,
        query: &Query,
        wanted: &dyn Fn(DocAt, (u64, u64, u64)) -> bool,
    ) -> Result<Option<Vec<Match>>, String> {
        let Some(units) = exact_term(query) else {
            return Ok(None);
        };
        let grams = grams(&units);
        let offsets: Vec<u32> = grams.iter().map(|(o, _)| *o).collect();
        let mut found: Vec<Match> = Vec::new();
        for (fi, file) in self.files.iter().enumerate() {
            let field = file.fields.bi;
            'segments: for (si, seg) in file.searcher.segment_readers().iter().enumerate() {
                let inverted = seg.inverted_index(field).map_err(engine)?;
                let mut posts = Vec::with_capacity(grams.len());
                for (_, gram) in &grams {
                    let term = TTerm::from_field_text(field, gram);
                    match inverted
                        .read_postings(&term, IndexRecordOption::WithFreqsAndPositions)
                        .map_err(engine)?
                    {
                        Some(p) => posts.push(p),
                        None => continue 'segments,
                    }
                }
                let [hend, hi, lo, len, ord, off, size] =
                    ["hend", "dhi", "dlo", "dlen", "ord", "off", "len"]
                        .map(|name| order::column(seg, name));
                let (hend, hi, lo, len) = (hend?, hi?, lo?, len?);
                let (ord, off, size) = (ord?, off?, size?);
                let alive = seg.alive_bitset();
                let mut positions: Vec<Vec<u32>> = vec![Vec::new(); posts.len()];
                let mut doc = posts[0].doc();
                'docs: while doc != TERMINATED {
                    for p in posts[1..].iter_mut() {
                        // `seek` may not go back: a list already past `doc` stays.
                        let at = if p.doc() < doc { p.seek(doc) } else { p.doc() };
                        if at > doc {
                            doc = posts[0].seek(at);
                            continue 'docs;
                        }
                    }
                    let d = doc as usize;
                    if alive.is_none_or(|a| a.is_alive(doc))
                        && wanted((fi, si, doc), (hi[d], lo[d], len[d]))
                    {
                        for (p, out) in posts.iter_mut().zip(positions.iter_mut()) {
                            out.clear();
                            p.positions(out);
                        }
                        let (hits, title) = count(&positions, &offsets, hend[d]);
                        if hits > 0 {
                            found.push(Match {
                                rank: (
                                    title == 0,
                                    Reverse(hits),
                                    Reverse((hi[d], lo[d], len[d])),
                                    fi as u32,
                                    ord[d],
                                ),
                                doc: (fi, si, doc),
                                range: (off[d], size[d]),
                            });
                        }
                    }
                    doc = posts[0].advance();
                }
            }
        }
        Ok(Some(found))
    }

    /// The articles of `found`, in that order, read from their files.
    pub fn read_matches(&self, found: &[Match]) -> Result<Vec<Article>, String> {
        let at: Vec<(usize, (u64, u64))> = found.iter().map(|m| (m.doc.0, m.range)).collect();
        self.read_all(&at)
    }
}

/// Where a match ranks: title hits first, then more hits, then collection order (newest day
/// first, then file, then place in the file).
pub type Rank = (bool, Reverse<usize>, Reverse<(u64, u64, u64)>, u32, u64);

/// One article matching a ranked query.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    /// Where it ranks; smaller first.
    pub rank: Rank,
    /// Its document.
    doc: DocAt,
    /// The byte range of its JSON in its file.
    range: (u64, u64),
}

impl Match {
    /// Its hits.
    pub fn hits(&self) -> usize {
        self.rank.1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_literal_term_that_cannot_overlap_itself_is_ranked_here() {
        let units = |q: &str| exact_term(&Query::parse(q));
        assert_eq!(units("驿站"), Some(vec!['驿', '站']));
        assert_eq!(units("工会服务站"), Some("工会服务站".chars().collect()));
        assert_eq!(units("驿"), None, "one character: no positions in `uni`");
        assert_eq!(units("哈哈"), None, "overlaps itself");
        assert_eq!(units("工会工"), None, "overlaps itself");
        assert_eq!(units("工会 驿站"), None, "two terms");
        assert_eq!(units("gonghui"), None, "pinyin");
    }

    #[test]
    fn grams_cover_the_term() {
        let g = grams(&"工会服务站".chars().collect::<Vec<_>>());
        let offsets: Vec<u32> = g.iter().map(|(o, _)| *o).collect();
        assert_eq!(offsets, [0, 2, 3]);
        assert_eq!(g[2].1, "务站");
    }

    #[test]
    fn counting_needs_every_gram_in_place() {
        // Grams at offsets 0 and 2: only starts 5 and 40 have the second gram two later.
        let positions = vec![vec![5, 9, 40], vec![7, 12, 42]];
        assert_eq!(count(&positions, &[0, 2], 10), (2, 1));
        assert_eq!(count(&positions, &[0, 2], 0), (2, 0));
    }
}
