//! Each term of a query once: a term typed again (`zh zh`, `工会 工会`, `ZH zh`) matches
//! where it did and adds no hit, as the matcher pools every term's matches without
//! overlaps; searched twice it only cost twice (32 × `zh` took 10 s and 1.4 GB over
//! 100,000 articles). The limit on terms ([`super::MAX_TERMS`]) counts distinct terms.

use super::{Parts, Piece};

/// `parts` with the second and later of equal terms left out of each list (the terms,
/// `-term`, `title:`, `reporter:`, each `OR` group): equal when folded alike, both by
/// pinyin or both literal, with the same pieces of a phrase with gaps.
pub(super) fn distinct(mut parts: Parts) -> Parts {
    once(&mut parts.terms);
    once(&mut parts.exclude);
    once(&mut parts.titles);
    once(&mut parts.reporters);
    parts.any.iter_mut().for_each(once);
    parts
}

/// Leaves out of `pieces` every piece equal to one before it.
fn once(pieces: &mut Vec<Piece>) {
    let mut kept: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces.drain(..) {
        let same = |p: &Piece| p.1 == piece.1 && p.2 == piece.2 && p.3 == piece.3;
        if !kept.iter().any(same) {
            kept.push(piece);
        }
    }
    *pieces = kept;
}
