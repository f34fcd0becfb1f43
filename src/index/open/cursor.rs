//! Walking a pinyin term's shapes through the postings (see [`super::spelled`]): a
//! [`Cursor`] a shape, moving to the documents where all its needs stand and reading their
//! positions there; the readings a need may stand for read as one list ([`Union`]), and the
//! other needs' positions set as byte marks ([`Marks`]) to narrow the starts.

use std::sync::Arc;

use tantivy::postings::{Postings, SegmentPostings, TermInfo};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term as TTerm};

use super::super::schema::Fields;
use super::joined::Joined;
use super::positioned::{Positioned, PositionsFile};

/// How many times the cheapest need's documents a need of a shape may stand in and still
/// be walked for its bounds ([`shape_bounds`]).
const DEAREST_BOUNDING_NEED: u32 = 2;

/// A shape's joined needs are asked where its rarest need of characters stands in one of
/// this many of the segment's documents or more ([`joined_worth`]).
const JOINED_WORTH: u64 = 16;

/// A place, document or match with its hits and its hits in the title, kicker or subtitle.
pub type Counted = (u32, u32, u32);

/// The token field a need looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tokens {
    /// `pyp`: first letters of two adjacent characters.
    LetterPairs,
    /// `pyr`: a character's readings.
    Readings,
    /// `bi`: two adjacent characters as written.
    Bigrams,
    /// `bi`, the bigrams standing for two adjacent parts ([`Joined`]), found per segment.
    Joined,
}

impl Tokens {
    /// The field it names: in the whole text, and in the headings alone.
    pub(super) fn fields(self, fields: &Fields) -> (Field, Field) {
        match self {
            Tokens::LetterPairs => (fields.pyp, fields.hpyp),
            Tokens::Readings => (fields.pyr, fields.hpyr),
            Tokens::Bigrams | Tokens::Joined => (fields.bi, fields.hbi),
        }
    }
}

/// What must stand `offset` characters from a match's start: one of `tokens`, or of the
/// bigrams `joined` stands for in the segment (then `tokens` is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Need {
    pub(super) offset: u32,
    pub(super) field: Tokens,
    pub(super) tokens: Vec<String>,
    pub(super) joined: Option<Arc<Joined>>,
}

impl Need {
    /// Its tokens' entries in `seg`'s text field (`heads`: the headings' field) that the
    /// segment holds; `None` for a joined need whose bigrams are not asked there
    /// ([`Joined::keys`]): it is then left out, as it only narrows.
    pub(super) fn infos(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        heads: bool,
    ) -> tantivy::Result<Option<Vec<TermInfo>>> {
        let (body, head) = self.field.fields(fields);
        let inverted = seg.inverted_index(if heads { head } else { body })?;
        let dict = inverted.terms();
        let mut infos = Vec::new();
        match &self.joined {
            Some(joined) => {
                let Some(keys) = joined.keys(seg, fields)? else {
                    return Ok(None);
                };
                for key in keys.iter() {
                    infos.extend(dict.get(key)?);
                }
            }
            None => {
                for token in &self.tokens {
                    infos.extend(dict.get(token.as_bytes())?);
                }
            }
        }
        Ok(Some(infos))
    }
}

/// One way the term matches: `chars` characters where every need stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Shape {
    pub(super) chars: u32,
    pub(super) needs: Vec<Need>,
}

/// Buffers for reading one document's positions.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    positions: Vec<u32>,
    starts: Vec<u32>,
    marks: Marks,
}

/// One shape walking the documents where all its needs stand.
pub(super) struct Cursor {
    chars: u32,
    /// The needs with their offsets, the rarest first (it leads).
    needs: Vec<(u32, Union)>,
    /// The document all needs stand in, or `TERMINATED`.
    pub(super) doc: DocId,
}

impl Cursor {
    /// `shape` in `seg`, at its first document; `None` when a need has no token there.
    /// `asked`: how many documents will be asked for when known (a few of many: then the
    /// dense lists skip, see [`Positioned::open`]); `None` when the rarest need leads.
    pub(super) fn new(
        shape: &Shape,
        seg: &SegmentReader,
        fields: &Fields,
        asked: Option<usize>,
    ) -> tantivy::Result<Option<Cursor>> {
        // Each need's tokens looked up first: the rarest need's size decides how each list
        // is walked ([`Positioned::open`]).
        let size =
            |infos: &[TermInfo]| -> u64 { infos.iter().map(|i| u64::from(i.doc_freq)).sum() };
        let mut found = Vec::with_capacity(shape.needs.len());
        // The characters' needs first; the joined ones only where those are dense.
        let mut plain = u64::MAX;
        for joined in [false, true] {
            if joined && !joined_worth(plain, seg) {
                break;
            }
            for need in shape.needs.iter().filter(|n| n.joined.is_some() == joined) {
                let field = need.field.fields(fields).0;
                let Some(infos) = need.infos(seg, fields, false)? else {
                    continue;
                };
                if infos.is_empty() {
                    return Ok(None);
                }
                if !joined {
                    plain = plain.min(size(&infos));
                }
                let inverted = seg.inverted_index(field)?;
                found.push((need.offset, field, inverted, infos, joined));
            }
        }
        // A joined need leads or is left out: it narrows no more than the characters'
        // needs once they are read, and its union of many lists costs more to move along.
        found.retain(|f| !f.4 || size(&f.3) < plain);
        let lead = found.iter().map(|f| size(&f.3)).min().unwrap_or(0);
        let lead = asked.map_or(lead, |n| lead.min(n as u64));
        let mut needs: Vec<(u32, Union)> = Vec::with_capacity(found.len());
        for (offset, field, inverted, infos, _) in found {
            let file =
                PositionsFile::open(seg, field).map_err(tantivy::TantivyError::InternalError)?;
            let posts = infos
                .iter()
                .map(|info| Positioned::open(&inverted, &file, info, lead))
                .collect::<Result<Vec<_>, String>>()
                .map_err(tantivy::TantivyError::InternalError)?;
            needs.push((
                offset,
                Union {
                    posts,
                    size: size(&infos),
                },
            ));
        }
        needs.sort_by_key(|(_, u)| u.size);
        let doc = needs[0].1.doc();
        let mut cursor = Cursor {
            chars: shape.chars,
            needs,
            doc,
        };
        cursor.align();
        Ok(Some(cursor))
    }

    /// Moves on from `self.doc` until every need stands in one document.
    fn align(&mut self) {
        let mut doc = self.doc;
        'docs: while doc != TERMINATED {
            for (_, u) in self.needs[1..].iter_mut() {
                let at = u.seek(doc);
                if at > doc {
                    doc = self.needs[0].1.seek(at);
                    continue 'docs;
                }
            }
            break;
        }
        self.doc = doc;
    }

    /// To the next document where every need stands.
    pub(super) fn next(&mut self) {
        self.doc = self.needs[0].1.advance();
        self.align();
    }

    /// To the first document at or after `target` where every need stands.
    pub(super) fn seek(&mut self, target: DocId) {
        if target > self.doc {
            self.doc = self.needs[0].1.seek(target);
            self.align();
        }
    }

    /// The shape's matches in the current document, as (document, end, start), into `out`: the
    /// starts the leading need allows, narrowed by each other need in turn; a need's
    /// positions are read only while some start is left.
    pub(super) fn matches(&mut self, s: &mut Scratch, out: &mut Vec<(u32, u32, u32)>) {
        for (n, (off, u)) in self.needs.iter_mut().enumerate() {
            if n == 0 {
                u.positions(&mut s.positions);
                s.starts.clear();
                s.starts
                    .extend(s.positions.iter().filter_map(|p| p.checked_sub(*off)));
            } else {
                u.marks(&mut s.positions, &mut s.marks);
                s.marks.narrow(&mut s.starts, *off);
            }
            if s.starts.is_empty() {
                return;
            }
        }
        let doc = self.doc;
        out.extend(s.starts.iter().map(|&st| (doc, st + self.chars, st)));
    }
}

/// Bounds on one shape's matches in each document of `seg` that `keep` accepts and where
/// its cheapest needs stand, ascending, into `out`: no more matches than the least
/// frequency of such a need (each match holds each need at its own place), and no more in
/// the headings than the least frequency of one in the headings' fields (a match starting
/// in the headings lies in them: none crosses a line break). No position is read.
pub(super) fn shape_bounds(
    shape: &Shape,
    seg: &SegmentReader,
    fields: &Fields,
    keep: &dyn Fn(DocId) -> bool,
    out: &mut Vec<Counted>,
) -> tantivy::Result<()> {
    let alive = seg.alive_bitset();
    // For each need: its lists in the text, then in the headings.
    let mut needs: Vec<(Vec<SegmentPostings>, Vec<SegmentPostings>, u32)> = Vec::new();
    let implied = implied_pairs(shape);
    let all = || shape.needs.iter().chain(&implied);
    for joined in [false, true] {
        let plain = needs.iter().map(|n| n.2).min().unwrap_or(u32::MAX);
        if joined && !joined_worth(u64::from(plain), seg) {
            break;
        }
        for need in all().filter(|n| n.joined.is_some() == joined) {
            let Some((lists, heads)) = need_lists(need, seg, fields)? else {
                continue;
            };
            if lists.is_empty() {
                return Ok(());
            }
            let size = lists.iter().map(|p| p.size_hint()).sum();
            needs.push((lists, heads, size));
        }
    }
    needs.sort_by_key(|n| n.2);
    // Only the needs about as cheap to walk as the cheapest: a bound needs none of the
    // others, and a need of many readings (`ji…` as the last part of `siji`: ten lists)
    // cost more to walk than its tighter bound saved.
    if let Some(cheapest) = needs.first().map(|n| n.2) {
        needs.retain(|n| n.2 <= cheapest.saturating_mul(DEAREST_BOUNDING_NEED));
    }
    let first =
        |lists: &[SegmentPostings]| lists.iter().map(|p| p.doc()).min().unwrap_or(TERMINATED);
    let seek = |lists: &mut [SegmentPostings], doc: DocId| {
        for p in lists.iter_mut() {
            if p.doc() < doc {
                p.seek(doc);
            }
        }
    };
    let mut doc = first(&needs[0].0);
    'docs: while doc != TERMINATED {
        for (lists, _, _) in needs.iter_mut() {
            seek(lists, doc);
            let at = first(lists);
            if at > doc {
                seek(&mut needs[0].0, at);
                doc = first(&needs[0].0);
                continue 'docs;
            }
        }
        if alive.is_none_or(|a| a.is_alive(doc)) && keep(doc) {
            let (mut hits, mut title) = (u32::MAX, u32::MAX);
            for (lists, heads, _) in needs.iter_mut() {
                hits = hits.min(freq_at(lists, doc));
                title = title.min(freq_at(heads, doc));
            }
            out.push((doc, hits, title));
        }
        let lead = &mut needs[0].0;
        for p in lead.iter_mut() {
            if p.doc() == doc {
                p.advance();
            }
        }
        doc = first(lead);
    }
    Ok(())
}

/// Whether a shape whose rarest need of characters stands in `plain` documents (at most)
/// is worth asking its joined needs of, which are looked up in the dictionary: not where it
/// is sparse already.
pub(super) fn joined_worth(plain: u64, seg: &SegmentReader) -> bool {
    plain.saturating_mul(JOINED_WORTH) >= u64::from(seg.max_doc())
}

/// How many of `shapes` (but the one at `besides`) stand in many documents of `seg`: every
/// need of them in one of `share` of its documents or more.
pub(super) fn dense_among(
    shapes: &[Shape],
    besides: Option<usize>,
    share: u32,
    seg: &SegmentReader,
    fields: &Fields,
) -> tantivy::Result<usize> {
    let least = seg.num_docs() / share;
    let mut dense = 0;
    for (n, shape) in shapes.iter().enumerate() {
        if Some(n) == besides {
            continue;
        }
        let mut all = true;
        // The joined needs last: looked up only when the characters' are dense.
        let plain = shape.needs.iter().filter(|n| n.joined.is_none());
        for need in plain.chain(shape.needs.iter().filter(|n| n.joined.is_some())) {
            let Some(infos) = need.infos(seg, fields, false)? else {
                continue;
            };
            let docs: u32 = infos.iter().map(|i| i.doc_freq).sum();
            if docs < least {
                all = false;
                break;
            }
        }
        dense += usize::from(all);
    }
    Ok(dense)
}

/// The letter pairs two adjacent readings of `shape` imply (`gh` for `gong|hui`): not asked
/// when matching (the readings say more), but a tighter bound, as a pair must stand where
/// the two characters are adjacent, and a reading anywhere.
pub(super) fn implied_pairs(shape: &Shape) -> Vec<Need> {
    let letters = |offset: u32| -> Option<Vec<char>> {
        let need = shape
            .needs
            .iter()
            .find(|n| n.offset == offset && n.field == Tokens::Readings)?;
        let mut firsts: Vec<char> = need
            .tokens
            .iter()
            .filter_map(|t| t.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        Some(firsts)
    };
    let paired = |offset: u32| {
        shape
            .needs
            .iter()
            .any(|n| n.offset == offset && n.field == Tokens::LetterPairs)
    };
    (0..shape.chars.saturating_sub(1))
        .filter(|&o| !paired(o))
        .filter_map(|o| {
            let (a, b) = (letters(o)?, letters(o + 1)?);
            let tokens = a
                .iter()
                .flat_map(|x| b.iter().map(move |y| [*x, *y].iter().collect()))
                .collect();
            Some(Need {
                offset: o,
                field: Tokens::LetterPairs,
                tokens,
                joined: None,
            })
        })
        .collect()
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
    posts: Vec<Positioned>,
    /// How many documents the lists hold together (at most): the cheapest need leads.
    size: u64,
}

impl Union {
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
            p.seek(target);
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
                p.load();
                scratch.extend_from_slice(p.loaded());
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
                p.load();
                out.extend_from_slice(p.loaded());
            }
        }
        if self.posts.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

/// The postings (with frequencies) of `tokens` in the text's field and in the headings'
/// (`body`, `head`), each list a token holds.
pub(super) fn freq_lists(
    seg: &SegmentReader,
    (body, head): (Field, Field),
    tokens: &[String],
) -> tantivy::Result<(Vec<SegmentPostings>, Vec<SegmentPostings>)> {
    let read = |field, token: &str| -> tantivy::Result<Option<SegmentPostings>> {
        let t = TTerm::from_field_text(field, token);
        Ok(seg
            .inverted_index(field)?
            .read_postings(&t, IndexRecordOption::WithFreqs)?)
    };
    let (mut lists, mut heads) = (Vec::new(), Vec::new());
    for token in tokens {
        lists.extend(read(body, token)?);
        heads.extend(read(head, token)?);
    }
    Ok((lists, heads))
}

/// The postings (with frequencies) of `need` in the text's field and in the headings
/// as [`freq_lists`] gives them; `None` as [`Need::infos`] gives it.
fn need_lists(
    need: &Need,
    seg: &SegmentReader,
    fields: &Fields,
) -> tantivy::Result<Option<(Vec<SegmentPostings>, Vec<SegmentPostings>)>> {
    if need.joined.is_none() {
        return freq_lists(seg, need.field.fields(fields), &need.tokens).map(Some);
    }
    let (body, head) = need.field.fields(fields);
    let mut out = (Vec::new(), Vec::new());
    for (heads, field, into) in [(false, body, &mut out.0), (true, head, &mut out.1)] {
        let Some(infos) = need.infos(seg, fields, heads)? else {
            return Ok(None);
        };
        let inverted = seg.inverted_index(field)?;
        for info in &infos {
            into.push(inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?);
        }
    }
    Ok(Some(out))
}

/// The summed frequencies at `doc` of `lists`, each moved up to it first (never back).
pub(super) fn freq_at(lists: &mut [SegmentPostings], doc: DocId) -> u32 {
    let mut sum = 0;
    for p in lists.iter_mut() {
        if p.doc() < doc {
            p.seek(doc);
        }
        if p.doc() == doc {
            sum += p.term_freq();
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
