//! Counting a pinyin term's hits from the postings alone (issue 12: pinyin in the reader at a
//! million articles).
//!
//! The matcher ([`crate::search::pinyin`]) reads a Latin term as a run of characters, each
//! taking a *part* of the term: a full reading (`gong`), its first letter (`g`), a two-letter
//! initial (`zh`, `ch`, `sh`), or, for the last, any prefix of a reading (`gongh`). Every way
//! to cut the term into parts (a *shape*) is a set of *needs* on the characters at fixed
//! offsets from the match's start, each of which the index answers exactly:
//! - a part of two or more letters: the character has one of the readings that part can
//!   stand for (the `pyr` field: every reading of every character, with positions);
//! - a part of one letter: the first letters of it and its neighbour (the `pyp` field:
//!   letter pairs, with positions), which is exactly "a reading starts with that letter".
//!
//! A shape matches where all its needs stand; the term's literal form (its letters as
//! written) where its bigrams stand in `bi`. Those matches, taken earliest end first without
//! overlaps, are the matcher's hits ([`crate::search::pinyin::PinyinPattern::for_each_match`];
//! a literal match, of Latin letters, never overlaps one by pinyin, of Han characters), and
//! those starting before `hend` are its title hits. A one-letter term (one part of one
//! letter: `pyi` has no positions) and a term with too many shapes are left to the matcher.

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term as TTerm};

use super::super::schema::Fields;
use crate::search::Term;
use crate::search::pinyin::{letter_matches, syllables};

/// Most shapes of a term counted here; a term with more is left to the matcher.
const MOST_SHAPES: usize = 256;

/// The token field a need looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tokens {
    /// `pyp`: first letters of two adjacent characters.
    LetterPairs,
    /// `pyr`: a character's readings.
    Readings,
    /// `bi`: two adjacent characters as written.
    Bigrams,
}

/// What must stand `offset` characters from a match's start: one of `tokens`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Need {
    offset: u32,
    field: Tokens,
    tokens: Vec<String>,
}

/// One way the term matches: `chars` characters where every need stands.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shape {
    chars: u32,
    needs: Vec<Need>,
}

/// A term the index counts by pinyin: its shapes and its literal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Spelled {
    shapes: Vec<Shape>,
}

/// A document with its hits and its hits in the title, kicker or subtitle.
pub(super) type Counted = super::ranked::Counted;

/// The readings the piece `part` of a term can stand for when a character takes it (`last`:
/// it ends the term, so it may be a prefix of the reading), as the matcher decides.
fn readings_for(part: &[u8], last: bool) -> Vec<&'static [u8]> {
    let agree = |r: &[u8], n: usize| (0..n).all(|k| letter_matches(r, k, part[k]));
    syllables()
        .iter()
        .map(|r| &r[..])
        .filter(|r| {
            let full = part.len() == r.len() && agree(r, r.len());
            let prefix = last && part.len() < r.len() && agree(r, part.len());
            let initial = part.len() == 1 && r[0] == part[0];
            let two = matches!(part, b"zh" | b"ch" | b"sh") && r.starts_with(part);
            full || prefix || initial || two
        })
        .collect()
}

/// Every way to cut `t` into parts a character can take, as the ends of the parts; `None`
/// past [`MOST_SHAPES`].
fn cuts(t: &[u8]) -> Option<Vec<Vec<usize>>> {
    let n = t.len();
    // can[from][to]: some character can take t[from..to].
    let can: Vec<Vec<bool>> = (0..n)
        .map(|from| {
            (0..=n)
                .map(|to| to > from && !readings_for(&t[from..to], to == n).is_empty())
                .collect()
        })
        .collect();
    fn walk(
        can: &[Vec<bool>],
        from: usize,
        ends: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
    ) -> bool {
        let n = can.len();
        for to in from + 1..=n {
            if !can[from][to] {
                continue;
            }
            ends.push(to);
            if to == n {
                out.push(ends.clone());
            } else if !walk(can, to, ends, out) {
                return false;
            }
            ends.pop();
            if out.len() > MOST_SHAPES {
                return false;
            }
        }
        out.len() <= MOST_SHAPES
    }
    let mut out = Vec::new();
    walk(&can, 0, &mut Vec::new(), &mut out).then_some(out)
}

/// The needs of one cut of `t` (the ends of its parts).
fn shape(t: &[u8], ends: &[usize]) -> Option<Shape> {
    let starts: Vec<usize> = std::iter::once(0).chain(ends.iter().copied()).collect();
    let parts: Vec<&[u8]> = starts.windows(2).map(|w| &t[w[0]..w[1]]).collect();
    let k = parts.len();
    let mut needs = Vec::new();
    // A part of one letter needs its letter and its neighbour's as a pair (two parts of
    // several letters imply theirs: asking for it too was slower, 93 → 55 ms for gonghui
    // over 100,000 articles without).
    for i in 0..k.saturating_sub(1) {
        if parts[i].len() > 1 && parts[i + 1].len() > 1 {
            continue;
        }
        let pair = [parts[i][0], parts[i + 1][0]].map(char::from);
        needs.push(Need {
            offset: i as u32,
            field: Tokens::LetterPairs,
            tokens: vec![pair.iter().collect()],
        });
    }
    for (i, part) in parts.iter().enumerate() {
        if part.len() > 1 {
            let tokens = readings_for(part, i + 1 == k)
                .into_iter()
                .map(|r| r.iter().map(|b| char::from(*b)).collect())
                .collect();
            needs.push(Need {
                offset: i as u32,
                field: Tokens::Readings,
                tokens,
            });
        }
    }
    // One part of one letter: no pair holds it, and `pyi` has no positions.
    (!needs.is_empty()).then_some(Shape {
        chars: k as u32,
        needs,
    })
}

/// Two or more characters as written: their bigrams where they stand.
fn written(units: &[char]) -> Shape {
    Shape {
        chars: units.len() as u32,
        needs: crate::index::query::grams(units)
            .into_iter()
            .map(|(offset, gram)| Need {
                offset,
                field: Tokens::Bigrams,
                tokens: vec![gram],
            })
            .collect(),
    }
}

impl Spelled {
    /// `term` as the index counts it, when it is a pinyin term (no gaps) of two or more
    /// letters with at most [`MOST_SHAPES`] shapes.
    pub(super) fn of(term: &Term) -> Option<Spelled> {
        if !term.is_pinyin() || !term.is_fixed() {
            return None;
        }
        let t = term.folded().as_bytes();
        if t.len() < 2 {
            return None;
        }
        let mut shapes = cuts(t)?
            .iter()
            .map(|ends| shape(t, ends))
            .collect::<Option<Vec<_>>>()?;
        // The literal form: the letters as written.
        let letters: Vec<char> = term.folded().chars().collect();
        shapes.push(written(&letters));
        Some(Spelled { shapes })
    }

    /// A literal term of two or more characters that cannot overlap itself, as one shape
    /// (for [`Spelled::together`]).
    pub(super) fn literal(units: &[char]) -> Spelled {
        Spelled {
            shapes: vec![written(units)],
        }
    }

    /// The documents of `seg` the term matches, among those `keep` accepts (asked before
    /// any position is read), ascending, with their hits and title hits (`hend`: where each
    /// document's headings end).
    pub(super) fn counts(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        hend: &[u64],
        keep: &dyn Fn(DocId) -> bool,
    ) -> tantivy::Result<Vec<Counted>> {
        let mut out: Vec<Counted> = Vec::new();
        for (doc, start, _) in self.ranges(seg, fields, keep)? {
            if out.last().is_none_or(|c| c.0 != doc) {
                out.push((doc, 0, 0));
            }
            if let Some(c) = out.last_mut() {
                c.1 += 1;
                c.2 += u32::from(u64::from(start) < hend[doc as usize]);
            }
        }
        Ok(out)
    }

    /// The documents of `seg` holding every one of `terms` (among those `keep` accepts),
    /// ascending, with the hits of all of them together as the matcher counts several terms:
    /// each term's own matches ([`Spelled::ranges`]) pooled, then taken leftmost first (the
    /// longest at one start) without overlaps; those starting before `hend` are title hits.
    pub(super) fn together(
        terms: &[Spelled],
        seg: &SegmentReader,
        fields: &Fields,
        hend: &[u64],
        keep: &dyn Fn(DocId) -> bool,
    ) -> tantivy::Result<Vec<Counted>> {
        let mut lists = Vec::with_capacity(terms.len());
        for term in terms {
            let ranges = term.ranges(seg, fields, keep)?;
            if ranges.is_empty() {
                return Ok(Vec::new());
            }
            lists.push(ranges);
        }
        let mut at = vec![0usize; lists.len()];
        let (mut out, mut pooled) = (Vec::new(), Vec::new());
        let mut docs: Vec<u32> = lists[0].iter().map(|r| r.0).collect();
        docs.dedup();
        'docs: for doc in docs {
            pooled.clear();
            for (list, at) in lists.iter().zip(at.iter_mut()) {
                while list.get(*at).is_some_and(|r| r.0 < doc) {
                    *at += 1;
                }
                let from = *at;
                while let Some(&(d, start, end)) = list.get(*at).filter(|r| r.0 == doc) {
                    pooled.push((start, end));
                    *at += 1;
                    debug_assert_eq!(d, doc);
                }
                if *at == from {
                    continue 'docs;
                }
            }
            pooled.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let (mut hits, mut title, mut taken_end) = (0, 0, 0);
            for &(start, end) in &pooled {
                if start >= taken_end {
                    hits += 1;
                    title += u32::from(u64::from(start) < hend[doc as usize]);
                    taken_end = end;
                }
            }
            out.push((doc, hits, title));
        }
        Ok(out)
    }

    /// The term's matches in `seg` as the matcher takes them (earliest end first, without
    /// overlaps), among the documents `keep` accepts: (document, start, end) in characters,
    /// by document and then start.
    fn ranges(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        keep: &dyn Fn(DocId) -> bool,
    ) -> tantivy::Result<Vec<(u32, u32, u32)>> {
        let alive = seg.alive_bitset();
        // Every match: (document, end, start), in characters.
        let mut found: Vec<(u32, u32, u32)> = Vec::new();
        let (mut positions, mut starts, mut marks) = (Vec::new(), Vec::new(), Marks::default());
        'shapes: for shape in &self.shapes {
            let mut needs: Vec<(u32, Union)> = Vec::with_capacity(shape.needs.len());
            for need in &shape.needs {
                let field = match need.field {
                    Tokens::LetterPairs => fields.pyp,
                    Tokens::Readings => fields.pyr,
                    Tokens::Bigrams => fields.bi,
                };
                let inverted = seg.inverted_index(field)?;
                let mut posts = Vec::new();
                for token in &need.tokens {
                    let t = TTerm::from_field_text(field, token);
                    if let Some(p) =
                        inverted.read_postings(&t, IndexRecordOption::WithFreqsAndPositions)?
                    {
                        posts.push(p);
                    }
                }
                if posts.is_empty() {
                    continue 'shapes;
                }
                needs.push((need.offset, Union::new(posts)));
            }
            // The rarest need leads.
            needs.sort_by_key(|(_, u)| u.size);
            let mut doc = needs[0].1.doc();
            'docs: while doc != TERMINATED {
                for (_, u) in needs[1..].iter_mut() {
                    let at = u.seek(doc);
                    if at > doc {
                        doc = needs[0].1.seek(at);
                        continue 'docs;
                    }
                }
                if alive.is_none_or(|a| a.is_alive(doc)) && keep(doc) {
                    // The starts the rarest need allows, narrowed by each other need in
                    // turn; a need's positions are read only while some start is left.
                    for (n, (off, u)) in needs.iter_mut().enumerate() {
                        if n == 0 {
                            u.positions(&mut positions);
                            starts.clear();
                            starts.extend(positions.iter().filter_map(|p| p.checked_sub(*off)));
                        } else {
                            u.marks(&mut positions, &mut marks);
                            marks.narrow(&mut starts, *off);
                        }
                        if starts.is_empty() {
                            break;
                        }
                    }
                    found.extend(starts.iter().map(|&s| (doc, s + shape.chars, s)));
                }
                doc = needs[0].1.advance();
            }
        }
        // Each shape's matches are in order already: the stable sort merges those runs.
        found.sort();
        found.dedup();
        let mut taken = Vec::with_capacity(found.len());
        let (mut last_doc, mut taken_end) = (None, 0);
        for (doc, end, start) in found {
            if last_doc != Some(doc) {
                last_doc = Some(doc);
                taken_end = 0;
            }
            if start >= taken_end {
                taken_end = end;
                taken.push((doc, start, end));
            }
        }
        Ok(taken)
    }
}

/// The positions of a need in one document as marks, one byte a position: narrowing the
/// starts by it is one lookup a start, without the branches of merging two sorted lists
/// (which took half the time of counting `gonghui` over a million articles). Bytes, not
/// bits: setting one is a store, not a read and a write of a word its neighbours share.
#[derive(Debug, Default)]
struct Marks {
    /// 1 at the positions held; always 0 elsewhere (the `held` are unmarked when replaced).
    flags: Vec<u8>,
    held: Vec<u32>,
}

impl Marks {
    /// Holds `positions` alone (in any order, repeats allowed), taking them.
    fn set(&mut self, positions: &mut Vec<u32>) {
        for &p in &self.held {
            self.flags[p as usize] = 0;
        }
        std::mem::swap(&mut self.held, positions);
        if let Some(&most) = self.held.iter().max()
            && self.flags.len() <= most as usize
        {
            self.flags.resize(most as usize + 1, 0);
        }
        for &p in &self.held {
            self.flags[p as usize] = 1;
        }
    }

    /// Keeps the `starts` (in order) with `start + offset` among the positions.
    fn narrow(&self, starts: &mut Vec<u32>, offset: u32) {
        let mut kept = 0;
        for i in 0..starts.len() {
            let s = starts[i];
            starts[kept] = s;
            let at = s.saturating_add(offset) as usize;
            kept += usize::from(self.flags.get(at).copied().unwrap_or(0));
        }
        starts.truncate(kept);
    }
}

/// The documents of several postings lists together, with the positions of each.
struct Union {
    posts: Vec<SegmentPostings>,
    /// How many documents the lists hold together (at most): the cheapest need leads.
    size: u32,
}

impl Union {
    fn new(posts: Vec<SegmentPostings>) -> Union {
        let size = posts.iter().map(|p| p.size_hint()).sum();
        Union { posts, size }
    }

    fn doc(&self) -> DocId {
        self.posts
            .iter()
            .map(|p| p.doc())
            .min()
            .unwrap_or(TERMINATED)
    }

    /// Moves every list to `target` or past it; the first document now held.
    fn seek(&mut self, target: DocId) -> DocId {
        for p in &mut self.posts {
            if p.doc() < target {
                p.seek(target);
            }
        }
        self.doc()
    }

    fn advance(&mut self) -> DocId {
        let doc = self.doc();
        for p in &mut self.posts {
            if p.doc() == doc {
                p.advance();
            }
        }
        self.doc()
    }

    /// The positions of the current document in every list holding it, as marks
    /// (`scratch`: a buffer for them).
    fn marks(&mut self, scratch: &mut Vec<u32>, marks: &mut Marks) {
        scratch.clear();
        let doc = self.doc();
        for p in &mut self.posts {
            if p.doc() == doc {
                p.append_positions_with_offset(0, scratch);
            }
        }
        marks.set(scratch);
    }

    /// The positions of the current document in every list holding it, ascending.
    fn positions(&mut self, out: &mut Vec<u32>) {
        out.clear();
        let doc = self.doc();
        for p in &mut self.posts {
            if p.doc() == doc {
                p.append_positions_with_offset(0, out);
            }
        }
        if self.posts.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(t: &str) -> Vec<Vec<usize>> {
        cuts(t.as_bytes()).unwrap_or_default()
    }

    #[test]
    fn initials_cut_one_letter_a_character() {
        assert_eq!(ends("ghyz"), vec![vec![1, 2, 3, 4]]);
    }

    #[test]
    fn full_pinyin_has_its_syllables_among_its_cuts() {
        let all = ends("gonghui");
        assert!(all.contains(&vec![4, 7]), "{all:?}");
        // Initials and the one-letter syllables o and n: g|o|n|g|hui.
        assert!(all.contains(&vec![1, 2, 3, 4, 7]), "{all:?}");
        let s = shape(b"gonghui", &[4, 7]).unwrap();
        assert_eq!(s.chars, 2);
        assert!(s.needs.iter().all(|n| n.field == Tokens::Readings));
    }

    #[test]
    fn the_last_part_may_be_a_prefix_and_u_stands_for_v() {
        assert!(readings_for(b"zhan", true).contains(&&b"zhang"[..]));
        assert!(!readings_for(b"zhan", false).contains(&&b"zhang"[..]));
        assert!(readings_for(b"lu", false).contains(&&b"lv"[..]));
        assert!(readings_for(b"zh", false).contains(&&b"zhan"[..]));
        assert!(!readings_for(b"zh", false).contains(&&b"zan"[..]));
    }

    #[test]
    fn narrowing_keeps_the_starts_whose_need_stands_at_the_offset() {
        let mut marks = Marks::default();
        let mut starts = vec![0, 3, 7, 9, 70];
        marks.set(&mut vec![11, 2, 8, 4, 71]);
        marks.narrow(&mut starts, 1);
        assert_eq!(starts, [3, 7, 70]);
        // Past the last mark.
        marks.narrow(&mut starts, 200);
        assert!(starts.is_empty());
        // Positions held before are forgotten.
        let mut starts = vec![1, 3, 10];
        marks.set(&mut vec![3]);
        marks.narrow(&mut starts, 0);
        assert_eq!(starts, [3]);
        marks.set(&mut Vec::new());
        marks.narrow(&mut starts, 0);
        assert!(starts.is_empty());
    }

    #[test]
    fn one_letter_alone_is_left_to_the_matcher() {
        assert_eq!(shape(b"g", &[1]), None);
        assert!(shape(b"gh", &[1, 2]).is_some());
    }
}
