//! Counting a quoted phrase with gaps (`"工会 驿站"`, see [`crate::search::gaps`]) from the
//! bigram positions alone. Before, every article holding all its pieces was read and
//! matched: 11–20 s at a million articles, on the command line and in the reader.
//!
//! A match is the first piece, then each next piece after a run of whitespace (a gap, no
//! line break) or none. A gap takes the whole run, so no piece ends with whitespace before a
//! gap or starts with it after one, and where the next piece starts is decided by the text:
//! right after the piece before when no whitespace follows it, else right after the run.
//! `bi` tells both without reading the article: the bigram of the piece's last character
//! and a whitespace character stands at its last place when whitespace follows it, and a
//! bigram of two whitespace characters at each place of the run but its last. So each start
//! of the first piece gives at most one match, found from positions; the matches are then
//! taken leftmost first without overlaps, as the matcher
//! ([`crate::search::gaps::Gapped::for_each`]) takes them, and those starting before `hend`
//! are title hits.

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term as TTerm};

use super::super::schema::Fields;
use super::cursor::{Counted, Cursor, Scratch, Shape};
use crate::search::Term;
use crate::search::gaps::is_gap;

/// A literal (not pinyin) phrase with gaps whose pieces are two characters or more, as the
/// index counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Gapped {
    /// Each piece as written: its bigrams where they stand.
    pieces: Vec<Shape>,
    /// For each gap, the bigrams of the last character of the piece before it and a
    /// whitespace character.
    opens: Vec<Vec<String>>,
}

/// Every character a gap may hold (all of them are below U+3001: a unit test checks).
fn gap_chars() -> impl Iterator<Item = char> {
    ('\0'..='\u{3000}').filter(|&c| is_gap(c))
}

impl Gapped {
    /// `term` as the index counts it: a literal (not pinyin) phrase with gaps, each of whose
    /// pieces is two characters or more (one character has no position in the index).
    pub(super) fn of(term: &Term) -> Option<Gapped> {
        if term.is_pinyin() {
            return None;
        }
        let pieces: Vec<Vec<char>> = term
            .gap_pieces()?
            .iter()
            .map(|p| p.chars().collect())
            .collect();
        if pieces
            .iter()
            .any(|p: &Vec<char>| p.len() < 2 || p.contains(&'\n'))
        {
            return None;
        }
        let opens = pieces[..pieces.len() - 1]
            .iter()
            .map(|p| {
                let last = p[p.len() - 1];
                gap_chars().map(|w| [last, w].iter().collect()).collect()
            })
            .collect();
        Some(Gapped {
            pieces: pieces.iter().map(|p| super::spelled::written(p)).collect(),
            opens,
        })
    }

    /// The bigrams of all its pieces: each match holds each of them at a place of its own
    /// (matches do not overlap), so their least frequency in a document bounds its hits,
    /// and in the headings' bigrams its title hits ([`super::Archive::segment_best`]).
    pub(super) fn grams(&self) -> Vec<(u32, String)> {
        let needs = self.pieces.iter().flat_map(|p| &p.needs);
        needs
            .flat_map(|n| n.tokens.iter().map(|t| (n.offset, t.clone())))
            .collect()
    }

    /// The documents of `seg` the phrase matches, ascending (a `-term` or an `OR` term:
    /// which articles hold it, not how often).
    pub(super) fn docs(&self, seg: &SegmentReader, fields: &Fields) -> tantivy::Result<Vec<DocId>> {
        let counts = self.counts(seg, fields, None, &|_| true, None)?;
        Ok(counts.into_iter().map(|c| c.0).collect())
    }

    /// The documents of `seg` the phrase matches, among those `keep` accepts (asked before
    /// any position is read) and `within` holds (ascending), ascending, with their hits and
    /// title hits (`hend`: where each document's headings end; without it, none counted).
    pub(super) fn counts(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        hend: Option<&[u64]>,
        keep: &dyn Fn(DocId) -> bool,
        within: Option<&[u32]>,
    ) -> tantivy::Result<Vec<Counted>> {
        let mut cursors = Vec::with_capacity(self.pieces.len());
        for piece in &self.pieces {
            match Cursor::new(piece, seg, fields)? {
                Some(c) => cursors.push(c),
                None => return Ok(Vec::new()),
            }
        }
        let mut opens = Vec::with_capacity(self.opens.len());
        for tokens in &self.opens {
            opens.push(AnyOf::open(seg, fields.bi, tokens.iter().cloned())?);
        }
        // The bigrams of two whitespace characters, opened when whitespace is first met
        // after a piece.
        let mut runs: Option<AnyOf> = None;
        let lens: Vec<u32> = self.pieces.iter().map(|p| p.chars).collect();
        let alive = seg.alive_bitset();
        let mut scratch = Scratch::default();
        let mut found = Vec::new();
        let mut starts: Vec<Vec<u32>> = vec![Vec::new(); cursors.len()];
        let mut after: Vec<Vec<u32>> = vec![Vec::new(); opens.len()];
        let mut run = Vec::new();
        let mut out = Vec::new();
        let mut doc = cursors[0].doc;
        'docs: while doc != TERMINATED {
            if let Some(w) = within {
                doc = match w.get(w.partition_point(|&d| d < doc)) {
                    Some(&d) => d,
                    None => break,
                };
            }
            for c in cursors.iter_mut() {
                c.seek(doc);
                if c.doc > doc {
                    doc = c.doc;
                    continue 'docs;
                }
            }
            if alive.is_none_or(|a| a.is_alive(doc)) && keep(doc) {
                for (c, s) in cursors.iter_mut().zip(starts.iter_mut()) {
                    found.clear();
                    c.matches(&mut scratch, &mut found);
                    s.clear();
                    s.extend(found.iter().map(|m| m.2));
                }
                for (o, a) in opens.iter_mut().zip(after.iter_mut()) {
                    o.positions(doc, a);
                }
                run.clear();
                if after.iter().any(|a| !a.is_empty()) {
                    let runs = match &mut runs {
                        Some(r) => r,
                        None => runs.insert(AnyOf::open(seg, fields.bi, run_tokens())?),
                    };
                    runs.positions(doc, &mut run);
                }
                let end = hend.map_or(0, |h| h[doc as usize]);
                let (hits, title) = take(&starts, &lens, &after, &run, end);
                if hits > 0 {
                    out.push((doc, hits, title));
                }
            }
            cursors[0].next();
            doc = cursors[0].doc;
        }
        Ok(out)
    }
}

/// The bigrams of two whitespace characters.
fn run_tokens() -> impl Iterator<Item = String> {
    gap_chars().flat_map(|a| gap_chars().map(move |b| [a, b].iter().collect()))
}

/// The matches in one document, leftmost first without overlaps: (hits, title hits). Given
/// each piece's starts (ascending) and length, for each gap the places where the piece
/// before it may end with whitespace after it (`after`: where its last character and a
/// whitespace stand), the places of two whitespace characters (`run`), and where the
/// headings end.
fn take(
    starts: &[Vec<u32>],
    lens: &[u32],
    after: &[Vec<u32>],
    run: &[u32],
    hend: u64,
) -> (u32, u32) {
    let (mut hits, mut title, mut taken_end) = (0, 0, 0);
    'starts: for &s in &starts[0] {
        if s < taken_end {
            continue;
        }
        let mut at = s + lens[0];
        for i in 1..starts.len() {
            if after[i - 1].binary_search(&(at - 1)).is_ok() {
                // Whitespace at `at`: the run goes on while two whitespace characters stand.
                let mut last = at;
                while run.binary_search(&last).is_ok() {
                    last += 1;
                }
                at = last + 1;
            }
            if starts[i].binary_search(&at).is_err() {
                continue 'starts;
            }
            at += lens[i];
        }
        hits += 1;
        title += u32::from(u64::from(s) < hend);
        taken_end = at;
    }
    (hits, title)
}

/// The postings of several tokens of one field, read together: the places where any stands.
struct AnyOf(Vec<SegmentPostings>);

impl AnyOf {
    fn open(
        seg: &SegmentReader,
        field: Field,
        tokens: impl Iterator<Item = String>,
    ) -> tantivy::Result<AnyOf> {
        let inverted = seg.inverted_index(field)?;
        let mut posts = Vec::new();
        for token in tokens {
            let t = TTerm::from_field_text(field, &token);
            posts.extend(inverted.read_postings(&t, IndexRecordOption::WithFreqsAndPositions)?);
        }
        Ok(AnyOf(posts))
    }

    /// The places where any of the tokens stands in `doc`, ascending, into `out`; each list
    /// is moved up to `doc` (never back).
    fn positions(&mut self, doc: DocId, out: &mut Vec<u32>) {
        out.clear();
        for p in &mut self.0 {
            if p.doc() < doc {
                p.seek(doc);
            }
            if p.doc() == doc {
                p.append_positions_with_offset(0, out);
            }
        }
        if self.0.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    /// The tokens each piece needs.
    fn need_tokens(g: &Gapped) -> Vec<Vec<String>> {
        g.pieces
            .iter()
            .map(|p| p.needs.iter().flat_map(|n| n.tokens.clone()).collect())
            .collect()
    }

    #[test]
    fn every_gap_character_is_below_the_ideographic_space() {
        let above = ('\u{3001}'..=char::MAX).find(|&c| is_gap(c));
        assert_eq!(above, None);
        let all: String = gap_chars().collect();
        assert!(all.contains(' ') && all.contains('\t') && all.contains('\u{3000}'));
        assert!(!all.contains('\n'));
    }

    #[test]
    fn only_literal_phrases_of_pieces_of_two_characters_or_more() {
        let of = |q: &str| Gapped::of(&Query::parse(q).terms()[0]);
        let g = of("\"工会 驿站\"").expect("two pieces of two");
        assert_eq!(need_tokens(&g), [vec!["工会"], vec!["驿站"]]);
        assert_eq!(g.opens.len(), 1);
        assert!(g.opens[0].contains(&"会 ".to_string()));
        assert!(of("\"沙河工会 服务站 开放\"").is_some());
        assert!(of("\"工 会\"").is_none(), "a piece of one character");
        assert!(of("工会驿站").is_none(), "no gap");
        assert!(of("\"gonghui yizhan\"").is_none(), "pinyin");
    }

    #[test]
    fn a_match_crosses_a_run_of_whitespace_or_none() {
        // 工会驿站 at 0; 工会 驿站 at 10 (space at 12); 工会  驿站 at 20 (spaces at 22, 23).
        let starts = vec![vec![0, 10, 20, 40], vec![2, 13, 24]];
        let lens = [2, 2];
        let after = vec![vec![11, 21]];
        let run = vec![22];
        assert_eq!(take(&starts, &lens, &after, &run, 15), (3, 2));
        // Whitespace after 工会 at 40 leads nowhere: no 驿站 after it.
        let after = vec![vec![11, 21, 41]];
        assert_eq!(take(&starts, &lens, &after, &run, 0), (3, 0));
        // Without the run, the match at 20 would need 驿站 at 23.
        assert_eq!(take(&starts, &lens, &[vec![11, 21]], &[], 0), (2, 0));
    }

    #[test]
    fn matches_are_taken_leftmost_first_without_overlaps() {
        // "会会 会": pieces 会会 and 会会 in 会会会会 (starts 0, 1, 2): 0–4 is taken, not 1 or 2.
        let starts = vec![vec![0, 1, 2], vec![0, 1, 2]];
        assert_eq!(take(&starts, &[2, 2], &[vec![]], &[], 0), (1, 0));
    }
}
