//! A pinyin term's shapes walked through a segment's documents in order, a stretch at a
//! time ([`Walker`]): [`super::spelled::Spelled`] walks one term to the segment's end, and
//! several terms counted together walk side by side, a window of documents each in turn,
//! so what they hold at once is a window's matches, not a segment's; their matches are
//! then pooled and taken as the matcher takes several terms' ([`pool`]).

use tantivy::{DocId, SegmentReader, TERMINATED};

use super::super::schema::Fields;
use super::cursor::{Counted, Cursor, Scratch, Shape};
use super::order::Values;

/// Documents whose matches are gathered and sorted together.
const WINDOW: u32 = 2048;

/// One term's shapes, each a [`Cursor`], moving forwards through one segment.
pub(super) struct Walker {
    cursors: Vec<Cursor>,
    scratch: Scratch,
    /// A window's matches, (document, end, start).
    found: Vec<(u32, u32, u32)>,
    /// One document's matches taken, (start, end).
    taken: Vec<(u32, u32)>,
}

impl Walker {
    /// `shapes` in `seg`, at their first documents (a shape with a need that has no token
    /// there is left out: it matches nowhere); `asked` as [`Cursor::new`] takes it.
    pub(super) fn new(
        shapes: &[Shape],
        seg: &SegmentReader,
        fields: &Fields,
        asked: Option<usize>,
    ) -> tantivy::Result<Walker> {
        let mut cursors = Vec::with_capacity(shapes.len());
        for shape in shapes {
            if let Some(cursor) = Cursor::new(shape, seg, fields, asked)? {
                cursors.push(cursor);
            }
        }
        Ok(Walker {
            cursors,
            scratch: Scratch::default(),
            found: Vec::new(),
            taken: Vec::new(),
        })
    }

    /// The term's matches in the documents of `seg` before `end` that `keep` accepts (asked
    /// before any position is read) and `within` holds (ascending: the others are skipped,
    /// not walked), handed to `each` a document at a time (ascending) as (start, end) in
    /// characters, by start, taken as the matcher takes them (earliest end first, without
    /// overlaps). The shapes are walked a window of [`WINDOW`] documents at a time, one
    /// shape after another within it (each reads its own postings in a run), so the
    /// matches sorted together are a window's, not a segment's (typing `gonghui` fast over a
    /// million articles: the reader's heap 376 → ~220 MB). The walk goes on from there at
    /// the next call; documents before where it stands are not seen again.
    pub(super) fn until(
        &mut self,
        seg: &SegmentReader,
        end: DocId,
        (keep, within): (&dyn Fn(DocId) -> bool, Option<&[u32]>),
        mut each: impl FnMut(DocId, &[(u32, u32)]),
    ) {
        let Walker {
            cursors,
            scratch,
            found,
            taken,
        } = self;
        // The first document at or after `doc` that may be wanted; `end` when `within`
        // holds none before it (the walk goes on from there next time).
        let from = |doc: DocId| match within {
            Some(w) => w
                .get(w.partition_point(|&d| d < doc))
                .copied()
                .unwrap_or(end),
            None => doc,
        };
        let alive = seg.alive_bitset();
        let wanted = |doc: DocId| alive.is_none_or(|a| a.is_alive(doc)) && keep(doc);
        while let Some(first) = cursors.iter().map(|c| c.doc).min()
            && first < end
        {
            let stop = first.saturating_add(WINDOW).min(end);
            found.clear();
            for c in cursors.iter_mut() {
                c.seek(from(c.doc));
                while c.doc < stop {
                    if wanted(c.doc) {
                        c.matches(scratch, found);
                    }
                    c.next();
                    c.seek(from(c.doc));
                }
            }
            // Each shape's matches are in order already: a stable sort merges those runs
            // (`zh`, two shapes, up to ~200,000 matches a window: an unstable sort of them
            // took a quarter of its time in the reader).
            found.sort();
            found.dedup();
            for doc_found in found.chunk_by(|a, b| a.0 == b.0) {
                taken.clear();
                let mut taken_end = 0;
                for &(_, end, start) in doc_found {
                    if start >= taken_end {
                        taken_end = end;
                        taken.push((start, end));
                    }
                }
                each(doc_found[0].0, taken);
            }
        }
    }

    /// [`Walker::until`] the segment's end: the rest of it.
    pub(super) fn rest(
        mut self,
        seg: &SegmentReader,
        (keep, within): (&dyn Fn(DocId) -> bool, Option<&[u32]>),
        each: impl FnMut(DocId, &[(u32, u32)]),
    ) {
        self.until(seg, TERMINATED, (keep, within), each);
    }
}

/// The hits of the documents of `docs` that every list holds (each list's matches,
/// (document, start, end), ascending), into `out`: their matches pooled, then taken
/// leftmost first (the longest at one start) without overlaps, as the matcher takes
/// several terms' matches; those starting before `hend` are title hits.
pub(super) fn pool(
    lists: &[Vec<(u32, u32, u32)>],
    docs: Vec<u32>,
    hend: &Values,
    pooled: &mut Vec<(u32, u32)>,
    out: &mut Vec<Counted>,
) {
    let mut at = vec![0usize; lists.len()];
    'docs: for doc in docs {
        pooled.clear();
        for (list, at) in lists.iter().zip(at.iter_mut()) {
            while list.get(*at).is_some_and(|r| r.0 < doc) {
                *at += 1;
            }
            let from = *at;
            while let Some(&(_, start, end)) = list.get(*at).filter(|r| r.0 == doc) {
                pooled.push((start, end));
                *at += 1;
            }
            if *at == from {
                continue 'docs;
            }
        }
        pooled.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let (mut hits, mut title, mut taken_end) = (0, 0, 0);
        for &(start, end) in pooled.iter() {
            if start >= taken_end {
                hits += 1;
                title += u32::from(u64::from(start) < hend.at(doc));
                taken_end = end;
            }
        }
        out.push((doc, hits, title));
    }
}
