//! A bound on a pinyin term's hits that all its shapes share (see [`super::spelled`]): every
//! match by pinyin starts with two characters whose first letters are one of a few letter
//! pairs (`yz` for each of `yizhan`'s nine shapes, `yi|zhan`, `yi|z|han`, `yi|zh|an` …).
//! The hits taken do not overlap, so no two start at one place: a document holds no more
//! of them than those pairs' frequency in it, and no more title hits than their frequency
//! in the headings. The shapes' own bounds are each about that large, so their sum (what
//! [`super::spelled::Spelled::bounds`] gives without this) is several times looser.
//!
//! Also the sums those bounds are made of: the shapes' bounds added up a document at a
//! time ([`sum_of_bounds`], [`summed`]).

use tantivy::{DocId, SegmentReader};

use super::super::schema::Fields;
use super::cursor::{Counted, Shape, Tokens, freq_at, freq_lists, implied_pairs, shape_bounds};

/// The letter pairs that the first two characters of every match by pinyin stand on
/// (the `pyp` tokens at offset 0 of every shape, explicit or implied by its readings);
/// `None` when a shape has one character (`a` in `an`'s shapes is a pair of nothing) or
/// when fewer than two shapes match by pinyin (one shape's own bound holds its pairs). The literal form (`Tokens::Bigrams`) is left out: its
/// matches are Latin letters, bounded on their own.
pub(super) fn first_pairs(shapes: &[Shape]) -> Option<Vec<String>> {
    let mut tokens = Vec::new();
    let spelled: Vec<&Shape> = shapes
        .iter()
        .filter(|s| s.needs.iter().all(|n| n.field != Tokens::Bigrams))
        .collect();
    // One shape's own bound holds its pairs already.
    if spelled.len() < 2 {
        return None;
    }
    for shape in spelled {
        if shape.chars < 2 {
            return None;
        }
        let explicit = shape
            .needs
            .iter()
            .find(|n| n.offset == 0 && n.field == Tokens::LetterPairs)
            .cloned();
        let pair = explicit.or_else(|| implied_pairs(shape).into_iter().find(|n| n.offset == 0))?;
        tokens.extend(pair.tokens);
    }
    tokens.sort_unstable();
    tokens.dedup();
    (!tokens.is_empty()).then_some(tokens)
}

/// `bounds` (ascending by document) each lowered to the frequency of `pairs` in the
/// document (title hits: in its headings); a document holding none of them is dropped.
pub(super) fn lowered(
    bounds: Vec<Counted>,
    pairs: &[String],
    seg: &SegmentReader,
    fields: &Fields,
) -> tantivy::Result<Vec<Counted>> {
    let (mut lists, mut heads) = freq_lists(seg, Tokens::LetterPairs.fields(fields), pairs)?;
    Ok(bounds
        .into_iter()
        .filter_map(|(doc, hits, title)| {
            let most = freq_at(&mut lists, doc);
            (most > 0).then(|| (doc, hits.min(most), title.min(freq_at(&mut heads, doc))))
        })
        .collect())
}

/// The sum of `shapes`' bounds ([`shape_bounds`]) in each document of `seg` where one
/// stands (among those `keep` accepts), ascending.
pub(super) fn sum_of_bounds<'s>(
    shapes: impl IntoIterator<Item = &'s Shape>,
    seg: &SegmentReader,
    fields: &Fields,
    keep: &dyn Fn(DocId) -> bool,
) -> tantivy::Result<Vec<Counted>> {
    let mut lists = Vec::new();
    for shape in shapes {
        let mut list = Vec::new();
        shape_bounds(shape, seg, fields, keep, &mut list)?;
        if !list.is_empty() {
            lists.push(list);
        }
    }
    // The smaller lists first: each merge copies what it has so far.
    lists.sort_by_key(Vec::len);
    let mut all: Vec<Counted> = Vec::new();
    for list in lists {
        all = match all.is_empty() {
            true => list,
            false => summed(&all, &list),
        };
    }
    Ok(all)
}

/// The documents of either list (ascending by document), hits and title hits added where
/// both hold one.
pub(super) fn summed(a: &[Counted], b: &[Counted]) -> Vec<Counted> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1, x.2 + y.2));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}
