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

use std::ops::Range;

use tantivy::{DocId, SegmentReader};

use super::super::schema::Fields;
use super::cursor::{Counted, Need, Shape, Tokens, dense_among, joined_worth};
use super::gapped::Gapped;
use super::joined::Joins;
use super::order::Values;
use super::paired::{PairedOnce, paired_counts, walked_counts};
use super::shared::{self, sum_of_bounds, summed};
use super::walk::{Walker, pool};
use crate::search::Term;
use crate::search::pinyin::{letter_matches, syllables};

/// Documents whose matches of several terms are held at once (see `Spelled::together`).
const TOGETHER_WINDOW: u32 = 128;

/// A term's shape of two syllables is counted from bigram frequencies
/// ([`super::paired::Paired`]) when at least one document in this many of the segment is
/// asked for.
const PAIRED_SHARE: u64 = 8;

/// Most shapes of a term counted here; a term with more is left to the matcher. Full
/// pinyin of a long word has many (`xinjiuyexingtailaodongzhe`, 新就业形态劳动者: 1,536, each
/// syllable cut into its letters too): with 256 it was left to the matcher, 17.6 s for its
/// `--count` at 1M; counted here, 2.4 s of CPU.
const MOST_SHAPES: usize = 4096;

/// Most shapes of a term whose adjacent parts are also asked as bigrams ([`super::joined::Joined`]): each
/// pair's bigrams are found in every segment, which a long word's thousand shapes would
/// make dearer than what they save.
const MOST_JOINED_SHAPES: usize = 64;

/// A term the index counts by pinyin: its shapes and its literal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Spelled {
    /// The ways it matches Han text, and its literal form when that is one shape.
    shapes: Vec<Shape>,
    /// The literal form of a quoted phrase of syllables (`"gonghui yizhan"`): its words as
    /// a phrase with gaps, counted on their own and added (its matches are Latin letters
    /// and whitespace, the shapes' Han characters, so none overlaps another).
    gaps: Option<Gapped>,
    /// The letter pairs every match by pinyin starts on ([`shared::first_pairs`]), found
    /// once: they lower the shapes' bounds in every segment.
    pairs: Option<Vec<String>>,
    /// A shape of two syllables counted from bigram frequencies, when it has one, found
    /// when first counted ([`PairedOnce`]).
    paired: PairedOnce,
}

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

/// The readings a part of a term stands for, as the index spells them.
fn reading_tokens(part: &[u8], last: bool) -> Vec<String> {
    readings_for(part, last)
        .into_iter()
        .map(|r| r.iter().map(|b| char::from(*b)).collect())
        .collect()
}

/// The needs of one cut of `t` (the ends of its parts), with each two adjacent parts
/// joined ([`super::joined::Joined`]) when `joins` is given, unless both are one letter.
fn shape(t: &[u8], ends: &[usize], joins: Option<&mut Joins>) -> Option<Shape> {
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
            joined: None,
        });
    }
    for (i, part) in parts.iter().enumerate() {
        if part.len() > 1 {
            needs.push(Need {
                offset: i as u32,
                field: Tokens::Readings,
                tokens: reading_tokens(part, i + 1 == k),
                joined: None,
            });
        }
    }
    if let Some(joins) = joins {
        let readings: Vec<Vec<String>> = (0..k)
            .map(|i| reading_tokens(parts[i], i + 1 == k))
            .collect();
        for (i, pair) in readings.windows(2).enumerate() {
            // Two letters: their pair in `pyp` is the same need, found without a search.
            if parts[i].len() == 1 && parts[i + 1].len() == 1 {
                continue;
            }
            needs.push(Need {
                offset: i as u32,
                field: Tokens::Joined,
                tokens: Vec::new(),
                joined: Some(joins.of(pair[0].clone(), pair[1].clone())),
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
pub(super) fn written(units: &[char]) -> Shape {
    Shape {
        chars: units.len() as u32,
        needs: crate::index::query::grams(units)
            .into_iter()
            .map(|(offset, gram)| Need {
                offset,
                field: Tokens::Bigrams,
                tokens: vec![gram],
                joined: None,
            })
            .collect(),
    }
}

impl Spelled {
    /// `term` as the index counts it, when it is a pinyin term of two or more letters with
    /// at most [`MOST_SHAPES`] shapes; a quoted phrase of syllables (`"gonghui yizhan"`,
    /// which matches by pinyin as `gonghuiyizhan` does) too, its literal form a phrase with
    /// gaps.
    pub(super) fn of(term: &Term) -> Option<Spelled> {
        if !term.is_pinyin() {
            return None;
        }
        let t = term.folded().as_bytes();
        if t.len() < 2 {
            return None;
        }
        let cuts = cuts(t)?;
        let mut joins = (cuts.len() <= MOST_JOINED_SHAPES).then(Joins::default);
        let mut shapes = cuts
            .iter()
            .map(|ends| shape(t, ends, joins.as_mut()))
            .collect::<Option<Vec<_>>>()?;
        // The literal form: the letters as written, or the words with gaps between.
        let gaps = match term.gap_pieces() {
            Some(pieces) => Some(Gapped::of_pieces(pieces)?),
            None => {
                let letters: Vec<char> = term.folded().chars().collect();
                shapes.push(written(&letters));
                None
            }
        };
        let pairs = shared::first_pairs(&shapes);
        Some(Spelled {
            shapes,
            gaps,
            pairs,
            paired: PairedOnce::default(),
        })
    }

    /// Whether its shapes share the letter pairs their matches start on
    /// ([`shared::first_pairs`]), which bound its hits however dense the shapes are.
    pub(super) fn shares_pairs(&self) -> bool {
        self.pairs.is_some()
    }

    /// At most how many documents of `seg` the term matches: for each shape the fewest
    /// documents one of its needs stands in, added up (a phrase with gaps: the segment's).
    /// Term dictionary lookups alone, to put the rarest of several terms first.
    fn docs_bound(&self, seg: &SegmentReader, fields: &Fields) -> tantivy::Result<u64> {
        if self.gaps.is_some() {
            return Ok(u64::from(seg.max_doc()));
        }
        let mut all = 0u64;
        for shape in &self.shapes {
            let mut fewest = u64::MAX;
            for joined in [false, true] {
                if joined && !joined_worth(fewest, seg) {
                    break;
                }
                for need in shape.needs.iter().filter(|n| n.joined.is_some() == joined) {
                    let Some(infos) = need.infos(seg, fields, false)? else {
                        continue;
                    };
                    let docs: u64 = infos.iter().map(|i| u64::from(i.doc_freq)).sum();
                    fewest = fewest.min(docs);
                }
            }
            all = all.saturating_add(fewest.min(u64::from(seg.max_doc())));
        }
        Ok(all)
    }

    /// How many ways the term matches Han text.
    pub(super) fn shapes(&self) -> usize {
        self.shapes.len()
    }

    /// Whether bounds on its hits can be found from frequencies ([`Spelled::bounds`]): not
    /// when its literal form is a phrase of one-letter words (`"g h"`), which has no bigram.
    pub(super) fn bounded(&self) -> bool {
        self.gaps.as_ref().is_none_or(|g| !g.grams().is_empty())
    }

    /// A phrase with gaps alone (`"工会 驿站"`), for [`Spelled::together`].
    pub(super) fn gapped(gaps: Gapped) -> Spelled {
        Spelled {
            shapes: Vec::new(),
            gaps: Some(gaps),
            pairs: None,
            paired: PairedOnce::default(),
        }
    }

    /// A literal term of two or more characters that cannot overlap itself, as one shape
    /// (for [`Spelled::together`]).
    pub(super) fn literal(units: &[char]) -> Spelled {
        Spelled {
            shapes: vec![written(units)],
            gaps: None,
            pairs: None,
            paired: PairedOnce::default(),
        }
    }

    /// The documents of `seg` the term matches, among those `keep` accepts (asked before
    /// any position is read) and `within` holds (ascending: the others are skipped, not
    /// walked), ascending, with their hits and title hits (`hend`: where each
    /// document's headings end).
    pub(super) fn counts(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        hend: &Values,
        keep: &dyn Fn(DocId) -> bool,
        within: Option<&[u32]>,
    ) -> tantivy::Result<Vec<Counted>> {
        let how = (seg, fields, hend);
        // From frequencies when the other shapes are cheap to walk and most of the segment
        // is asked for: a few documents' positions cost less than walking the bigrams'
        // lists whole (`yizhan`, whose other shapes are dense, was slower so).
        let many = within.is_none_or(|w| w.len() as u64 * PAIRED_SHARE >= u64::from(seg.max_doc()));
        let out = match self.paired.get(&self.shapes) {
            Some(paired) if many && self.counted_cheaply(seg, fields)? => {
                paired_counts(paired, &self.shapes, how, keep, within)?
            }
            _ => walked_counts(&self.shapes, how, keep, within)?,
        };
        match &self.gaps {
            Some(gaps) => Ok(summed(
                &out,
                &gaps.counts(seg, fields, Some(hend), keep, within)?,
            )),
            None => Ok(out),
        }
    }

    /// The documents of `seg` the term matches, ascending (a `-term` or an `OR` term: which
    /// articles hold it, not how often).
    pub(super) fn docs(&self, seg: &SegmentReader, fields: &Fields) -> tantivy::Result<Vec<DocId>> {
        let mut out = Vec::new();
        self.for_each_doc(seg, fields, (&|_| true, None), |doc, taken| {
            if !taken.is_empty() {
                out.push(doc);
            }
        })?;
        if let Some(gaps) = &self.gaps {
            out.extend(gaps.docs(seg, fields)?);
            out.sort_unstable();
            out.dedup();
        }
        Ok(out)
    }

    /// Bounds on the term's hits and title hits in each document of `seg` where a shape's
    /// needs all stand (among those `keep` accepts), ascending: the sums of its shapes'
    /// bounds ([`super::cursor::shape_bounds`]), as the hits taken are some of the shapes' matches. No
    /// position is read ([`super::Archive::segment_best`]).
    pub(super) fn bounds(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        keep: &dyn Fn(DocId) -> bool,
    ) -> tantivy::Result<Vec<Counted>> {
        let by_pinyin = |s: &&Shape| s.needs.iter().all(|n| n.field != Tokens::Bigrams);
        let (spelled, written): (Vec<&Shape>, Vec<&Shape>) =
            self.shapes.iter().partition(by_pinyin);
        let mut all = sum_of_bounds(spelled, seg, fields, keep)?;
        // Lowered to what the shapes share: the letter pairs every match starts on.
        if let Some(pairs) = &self.pairs {
            all = shared::lowered(all, pairs, seg, fields)?;
        }
        // The literal form (with gaps: bounded by its words' bigrams, as a shape of them).
        let literal = self.gaps.as_ref().and_then(Gapped::bounding_shape);
        let literal = sum_of_bounds(written.into_iter().chain(&literal), seg, fields, keep)?;
        Ok(match all.is_empty() {
            true => literal,
            false => summed(&all, &literal),
        })
    }

    /// How many of the term's shapes stand in most documents of `seg` (every need of them
    /// in a quarter of its documents or more): those make bounds loose and dear to find, so
    /// the best are then counted whole ([`super::Archive::segment_best`]).
    pub(super) fn dense_shapes(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
    ) -> tantivy::Result<usize> {
        dense_among(&self.shapes, None, 4, seg, fields)
    }

    /// Whether its shape of two syllables is counted from bigram frequencies
    /// ([`super::paired::Paired`]) and none of its other shapes stands in half the documents
    /// of `seg` or more (a need of each, joined parts too, in fewer): then counting it whole
    /// costs about what bounds on it do. (`yizhan`: `yi|z|h|an` stands in a third, and
    /// walking it and `yi|z|han` from their rarest needs cost less than walking `yi|zhan`.)
    pub(super) fn counted_cheaply(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
    ) -> tantivy::Result<bool> {
        let Some(paired) = self.paired.get(&self.shapes) else {
            return Ok(false);
        };
        Ok(dense_among(&self.shapes, Some(paired.shape()), 2, seg, fields)? == 0)
    }

    /// The documents of `seg` holding every one of `terms` (among those `keep` accepts),
    /// ascending, with the hits of all of them together as the matcher counts several terms:
    /// each term's own matches ([`Spelled::window_ranges`]) pooled, then taken leftmost first (the
    /// longest at one start) without overlaps; those starting before `hend` are title hits.
    pub(super) fn together(
        terms: &[Spelled],
        seg: &SegmentReader,
        fields: &Fields,
        hend: &Values,
        keep: &dyn Fn(DocId) -> bool,
    ) -> tantivy::Result<Vec<Counted>> {
        // The rarest term first, each of the others walked only in the documents of those
        // before it: `shahe gonghui fuwuzhan yizhanzhang`, which nothing matches, no longer
        // finds every match of `gonghui` first.
        let mut rarest: Vec<(u64, &Spelled)> = Vec::with_capacity(terms.len());
        for term in terms {
            rarest.push((term.docs_bound(seg, fields)?, term));
        }
        rarest.sort_by_key(|r| r.0);
        // The others are asked for no more documents than the rarest is in.
        let asked = |n: usize| (n > 0).then(|| rarest[0].0 as usize);
        let mut walkers = Vec::with_capacity(terms.len());
        for (n, &(_, term)) in rarest.iter().enumerate() {
            walkers.push((Walker::new(&term.shapes, seg, fields, asked(n))?, term));
        }
        // A window of documents at a time, every term walked through it: what is held is
        // a window's matches of each term (32 dense terms over a segment's 25,000
        // documents held 1.4 GB).
        let mut lists: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); walkers.len()];
        let (mut out, mut pooled) = (Vec::new(), Vec::new());
        let max = seg.max_doc();
        let mut lo = 0;
        while lo < max {
            let hi = lo.saturating_add(TOGETHER_WINDOW).min(max);
            let mut docs: Option<Vec<u32>> = None;
            for ((walker, term), list) in walkers.iter_mut().zip(lists.iter_mut()) {
                list.clear();
                let within = docs.as_deref();
                term.window_ranges((walker, seg, fields), keep, (lo..hi, within), list)?;
                let mut held: Vec<u32> = list.iter().map(|r| r.0).collect();
                held.dedup();
                docs = Some(held);
                if list.is_empty() {
                    break;
                }
            }
            pool(
                &lists,
                docs.unwrap_or_default(),
                hend,
                &mut pooled,
                &mut out,
            );
            lo = hi;
        }
        Ok(out)
    }

    /// The term's matches in `seg` as the matcher takes them (earliest end first, without
    /// overlaps), among the documents `keep` accepts, handed to `each` a document at a
    /// time (ascending) as (start, end) in characters, by start ([`Walker::until`]).
    fn for_each_doc(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        (keep, within): (&dyn Fn(DocId) -> bool, Option<&[u32]>),
        each: impl FnMut(DocId, &[(u32, u32)]),
    ) -> tantivy::Result<()> {
        Walker::new(&self.shapes, seg, fields, within.map(<[u32]>::len))?.rest(
            seg,
            (keep, within),
            each,
        );
        Ok(())
    }

    /// The matches of the documents in `docs` (`lo..hi`) that `walker` (this term's shapes)
    /// has not passed, with those of its literal form with gaps, into `out`: (document,
    /// start, end), ascending. `within` (ascending, in `docs`) narrows them further.
    fn window_ranges(
        &self,
        (walker, seg, fields): (&mut Walker, &SegmentReader, &Fields),
        keep: &dyn Fn(DocId) -> bool,
        (docs, within): (Range<DocId>, Option<&[u32]>),
        out: &mut Vec<(u32, u32, u32)>,
    ) -> tantivy::Result<()> {
        let mut push = |doc: DocId, taken: &[(u32, u32)]| {
            out.extend(taken.iter().map(|&(start, end)| (doc, start, end)));
        };
        let (lo, hi) = (docs.start, docs.end);
        walker.until(seg, hi, (&|d| d >= lo && keep(d), within), &mut push);
        if let Some(gaps) = &self.gaps {
            let window: Vec<u32>;
            let within = match within {
                Some(w) => w,
                None => {
                    window = docs.collect();
                    &window
                }
            };
            gaps.for_each_doc(seg, fields, (keep, Some(within)), &mut push)?;
            out.sort_unstable();
        }
        Ok(())
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
        let s = shape(b"gonghui", &[4, 7], None).unwrap();
        assert_eq!(s.chars, 2);
        assert!(s.needs.iter().all(|n| n.field == Tokens::Readings));
    }

    #[test]
    fn shapes_share_the_letter_pairs_their_matches_start_on() {
        let pairs = |t: &str| {
            let query = crate::search::Query::parse(t);
            Spelled::of(&query.terms()[0]).unwrap().pairs
        };
        // yi|zhan, yi|z|han, yi|zh|an …: every match starts on y and z.
        assert_eq!(pairs("yizhan"), Some(vec!["yz".to_string()]));
        // g|o|n|g|hui and gong|hui: both start on g, then o or h.
        assert_eq!(pairs("gonghui"), Some(vec!["gh".into(), "go".into()]));
        // One shape: its own bound holds its pairs.
        assert_eq!(pairs("ghyz"), None);
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
    fn one_letter_alone_is_left_to_the_matcher() {
        assert_eq!(shape(b"g", &[1], None), None);
        assert!(shape(b"gh", &[1, 2], None).is_some());
    }
}
