//! Counting a one-letter pinyin term from frequencies alone (format 8): search-as-you-type
//! asks for it at the first key of every pinyin word.
//!
//! The matcher takes a single letter as every character one of whose readings starts with
//! it ([`crate::search::pinyin::PinyinPattern`]) and as the letter itself where it is
//! written. The two never overlap (a character with a reading is not a Latin letter), and
//! each character is one hit however many of its readings start so. `pyi` holds each
//! character's first letters once each, with frequencies, and `uni` every character: a
//! document's hits are the letter's frequency in both, its title hits the same in the
//! headings' `hpyi` and `huni`.

use tantivy::postings::SegmentPostings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term as TTerm};

use super::super::schema::Fields;
use super::cursor::{Counted, freq_at};

/// The documents of `seg` holding `letter` as a reading's first letter or as itself,
/// ascending, with its hits and title hits: among the documents of `before` when given
/// (ascending), else among those `asked` accepts.
pub(super) fn counts(
    seg: &SegmentReader,
    fields: &Fields,
    letter: char,
    before: Option<&[Counted]>,
    asked: &dyn Fn(u32) -> bool,
) -> tantivy::Result<Vec<Counted>> {
    let token = letter.to_string();
    let read = |field: Field| -> tantivy::Result<Option<SegmentPostings>> {
        let t = TTerm::from_field_text(field, &token);
        Ok(seg
            .inverted_index(field)?
            .read_postings(&t, IndexRecordOption::WithFreqs)?)
    };
    let mut body: Vec<SegmentPostings> = [read(fields.pyi)?, read(fields.uni)?]
        .into_iter()
        .flatten()
        .collect();
    let mut heads: Vec<SegmentPostings> = [read(fields.hpyi)?, read(fields.huni)?]
        .into_iter()
        .flatten()
        .collect();
    let alive = seg.alive_bitset();
    let mut out = Vec::new();
    let mut count = |doc: DocId, body: &mut [SegmentPostings], heads: &mut [SegmentPostings]| {
        let hits = freq_at(body, doc);
        if hits > 0 && alive.is_none_or(|a| a.is_alive(doc)) {
            out.push((doc, hits, freq_at(heads, doc)));
        }
    };
    match before {
        Some(before) => {
            for &(doc, _, _) in before {
                count(doc, &mut body, &mut heads);
            }
        }
        None => loop {
            let doc = body.iter().map(DocSet::doc).min().unwrap_or(TERMINATED);
            if doc == TERMINATED {
                break;
            }
            if asked(doc) {
                count(doc, &mut body, &mut heads);
            }
            for p in body.iter_mut().filter(|p| p.doc() == doc) {
                p.advance();
            }
        },
    }
    Ok(out)
}
