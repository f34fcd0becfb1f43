//! From a kanbao query to a tantivy query that finds a superset of the matching articles.
//!
//! The index only narrows the search: kanbao's own matcher then reads each candidate and
//! decides (see [`crate::search`]). So every query built here must keep every article that
//! could match (no false negatives); extra candidates cost time, not correctness.
//!
//! - A literal term of one character is a lookup in `uni`; a longer one is a phrase of the
//!   bigrams at offsets 0, 2, 4, … and the last one, in `bi`.
//! - A pinyin term: every way the matcher could read it (each character by its full
//!   syllable, an initial, or a prefix for the last) gives the sequence of first letters of
//!   the characters it covers; each sequence is a phrase of letter pairs in `pyp` (one
//!   letter: a lookup in `pyi`). When there are too many sequences, only their first few
//!   letters are asked for, which still keeps every match. The literal form is OR-ed in.
//! - A quoted phrase with gaps (`"工会 驿站"`, see [`crate::search::gaps`]) needs each of
//!   its pieces as a literal term, anywhere: a gap may be any whitespace or none.
//! - Terms are AND-ed, with one term of each `OR` group. An empty query matches everything.
//! - A literal `title:` term needs its bigrams in the headings' field `hbi`; `district:` its
//!   district in `district` (or, for 未注明, `nodistrict`). (Before, both read every article
//!   holding the term, or every article: `title:驿站` took 1.2 s and 414 MB over 100,000
//!   articles.) `kind:` is a lookup in `kind`, and `reporter:` asks `rep` for the names
//!   that contain its value (`Contains`); both are exact (format 9; before, they read
//!   every candidate: `reporter:孙艳` took 8.7 s at a million articles).
//! - An excluded term (`-驿站`) that is literal is known exactly by the index (see
//!   [`exact`]), and its articles can be left out before any is read; an excluded pinyin
//!   term is left to the matcher (the index would only know a superset).

use std::collections::BTreeSet;

use tantivy::Term as TTerm;
use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query as TQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use super::contains::Contains;
use super::schema::{Fields, kind_term};
use crate::district::DistrictKey;
use crate::filter::DistrictFilter;
use crate::search::pinyin::{letter_matches, syllables};
use crate::search::{Query, Term};

/// Most letter sequences asked for one pinyin term before they are shortened.
const MAX_SEQUENCES: usize = 24;
/// Longest letter sequence asked for.
const MAX_LETTERS: usize = 8;

fn term(field: Field, text: &str) -> TTerm {
    TTerm::from_field_text(field, text)
}

fn lookup(field: Field, text: &str) -> Box<dyn TQuery> {
    Box::new(TermQuery::new(term(field, text), IndexRecordOption::Basic))
}

/// Where the grams (two units long) that pin down a term of `n` ≥ 2 units start: at 0, 2,
/// 4, … and the last one.
fn gram_offsets(n: usize) -> Vec<usize> {
    let mut offsets: Vec<usize> = (0..n - 1).step_by(2).collect();
    if offsets.last() != Some(&(n - 2)) {
        offsets.push(n - 2);
    }
    offsets
}

/// The bigrams that pin down a term of two or more characters, with their offsets in it
/// (see `gram_offsets`): the term stands where they all stand at those offsets.
pub fn grams(units: &[char]) -> Vec<(u32, String)> {
    gram_offsets(units.len())
        .into_iter()
        .map(|i| (i as u32, units[i..i + 2].iter().collect()))
        .collect()
}

/// A phrase of the grams of `units` (each a string of one position) in `field`, at the
/// offsets of [`gram_offsets`].
fn gram_phrase(field: Field, units: &[String]) -> Box<dyn TQuery> {
    let n = units.len();
    debug_assert!(n >= 2);
    let gram = |i: usize| format!("{}{}", units[i], units[i + 1]);
    if n == 2 {
        return lookup(field, &gram(0));
    }
    let terms = gram_offsets(n)
        .into_iter()
        .map(|i| (i, term(field, &gram(i))))
        .collect();
    Box::new(PhraseQuery::new_with_offset(terms))
}

/// Articles whose folded text may contain `folded` literally.
fn literal(f: &Fields, folded: &str) -> Box<dyn TQuery> {
    let units: Vec<String> = folded.chars().map(String::from).collect();
    if units.len() == 1 {
        return lookup(f.uni, &units[0]);
    }
    gram_phrase(f.bi, &units)
}

/// The offsets one character can take the matcher to from `from`, over every reading of
/// every character; bit `len` means the whole term is matched.
fn reach(t: &[u8], from: usize) -> u64 {
    let len = t.len();
    let mut mask = 0u64;
    for r in syllables() {
        let rest = &t[from..];
        let n = rest.len().min(r.len());
        let agree = (0..n).all(|k| letter_matches(r, k, rest[k]));
        if agree && rest.len() >= r.len() {
            mask |= 1 << (from + r.len());
        }
        if agree && rest.len() < r.len() {
            mask |= 1 << len;
        }
        if r[0] == t[from] {
            mask |= 1 << (from + 1);
        }
        let two = r.get(..2);
        if matches!(two, Some(b"zh" | b"ch" | b"sh")) && t.get(from..from + 2) == two {
            mask |= 1 << (from + 2);
        }
    }
    mask
}

/// The first letters of the characters of every way to match `t`, each cut to `max`.
fn sequences(t: &[u8], reaches: &[u64], max: usize) -> BTreeSet<Vec<u8>> {
    fn walk(
        t: &[u8],
        r: &[u64],
        from: usize,
        seq: &mut Vec<u8>,
        max: usize,
        out: &mut BTreeSet<Vec<u8>>,
    ) {
        seq.push(t[from]);
        if seq.len() >= max {
            out.insert(seq.clone());
        } else {
            let mut next = r[from];
            while next != 0 {
                let to = next.trailing_zeros() as usize;
                next &= next - 1;
                if to >= t.len() {
                    out.insert(seq.clone());
                } else if to > from {
                    walk(t, r, to, seq, max, out);
                }
            }
        }
        seq.pop();
    }
    let mut out = BTreeSet::new();
    if !t.is_empty() && reaches[0] != 0 {
        walk(t, reaches, 0, &mut Vec::new(), max, &mut out);
    }
    out
}

/// Articles that may match `t` by pinyin; `None` when no character can start a match.
fn pinyin(f: &Fields, t: &[u8]) -> Option<Box<dyn TQuery>> {
    let reaches: Vec<u64> = (0..t.len()).map(|from| reach(t, from)).collect();
    let mut max = MAX_LETTERS;
    let mut seqs = sequences(t, &reaches, max);
    while seqs.len() > MAX_SEQUENCES && max > 1 {
        max -= 1;
        seqs = sequences(t, &reaches, max);
    }
    if seqs.is_empty() {
        return None;
    }
    let mut any: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
    for seq in seqs {
        let units: Vec<String> = seq.iter().map(|b| char::from(*b).to_string()).collect();
        let q = if units.len() == 1 {
            lookup(f.pyi, &units[0])
        } else {
            gram_phrase(f.pyp, &units)
        };
        any.push((Occur::Should, q));
    }
    Some(Box::new(BooleanQuery::new(any)))
}

/// Articles that may match the term literally: a phrase with gaps (`"工会 驿站"`, which
/// may match with no space or other whitespace) needs each of its pieces, anywhere.
fn literal_form(f: &Fields, t: &Term) -> Box<dyn TQuery> {
    match t.gap_pieces() {
        Some(pieces) => Box::new(BooleanQuery::new(
            pieces
                .iter()
                .map(|p| (Occur::Must, literal(f, p)))
                .collect(),
        )),
        None => literal(f, t.folded()),
    }
}

/// Articles that may match the term.
fn one(f: &Fields, t: &Term) -> Box<dyn TQuery> {
    let lit = literal_form(f, t);
    if !t.is_pinyin() {
        return lit;
    }
    match pinyin(f, t.folded().as_bytes()) {
        Some(py) => Box::new(BooleanQuery::new(vec![
            (Occur::Should, lit),
            (Occur::Should, py),
        ])),
        None => lit,
    }
}

/// The articles that contain `t`, exactly, when the index knows them exactly: a literal
/// term (no pinyin reading, no gaps) stands where its bigrams stand at consecutive
/// positions (one character: where it is), as no bigram crosses a line break and no term
/// holds one. `None` for any other term.
pub fn exact(f: &Fields, t: &Term) -> Option<Box<dyn TQuery>> {
    is_exact(t).then(|| literal(f, t.folded()))
}

/// Articles whose headings (title, kicker, subtitle) hold every bigram of the literal term
/// `t` (of each piece of a phrase with gaps), from `hbi`; `None` for a pinyin term or one
/// of single characters, which the headings' bigrams cannot narrow.
fn in_headings(f: &Fields, t: &Term) -> Option<Box<dyn TQuery>> {
    if t.is_pinyin() {
        return None;
    }
    let whole = [t.folded().to_string()];
    let pieces = t.gap_pieces().unwrap_or(&whole);
    let grams: BTreeSet<String> = pieces
        .iter()
        .flat_map(|p| {
            let units: Vec<char> = p.chars().collect();
            units
                .windows(2)
                .map(|w| w.iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    (!grams.is_empty()).then(|| {
        Box::new(BooleanQuery::new(
            grams
                .iter()
                .map(|g| (Occur::Must, lookup(f.hbi, g)))
                .collect(),
        )) as Box<dyn TQuery>
    })
}

/// Articles whose primary district is one of `filter`'s (a `district:`), from the
/// `district` field, indexed whole, and for 未注明 from `nodistrict`; `None` when it
/// passes everything.
fn districts(f: &Fields, filter: &DistrictFilter) -> Option<Box<dyn TQuery>> {
    let names: Vec<(Occur, Box<dyn TQuery>)> = filter
        .keys()
        .into_iter()
        .map(|k| match k {
            DistrictKey::Named(name) => (Occur::Should, lookup(f.district, name)),
            DistrictKey::Unstated => (Occur::Should, lookup(f.nodistrict, "1")),
        })
        .collect();
    (!names.is_empty()).then(|| Box::new(BooleanQuery::new(names)) as Box<dyn TQuery>)
}

/// Whether the index knows the articles holding `t` exactly ([`exact`]).
pub fn is_exact(t: &Term) -> bool {
    !t.is_pinyin() && t.gap_pieces().is_none()
}

/// Articles that may pass the operators of `query` the index can narrow by: each literal
/// `title:` term's bigrams among the headings' (`in_headings`), a `district:` in the
/// primary district (`districts`), `kind:`, each `reporter:` (`Contains`) and one
/// term of each `OR` group; `None` when it has none of them. All but `title:` and a group
/// with a term the index does not know exactly ([`is_exact`]) are exact: an article
/// passes them if and only if the index finds it.
pub fn narrowing(f: &Fields, query: &Query) -> Option<Box<dyn TQuery>> {
    let ops = query.ops();
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = ops
        .titles
        .iter()
        .filter_map(|t| in_headings(f, t))
        .map(|q| (Occur::Must, q))
        .collect();
    clauses.extend(districts(f, &ops.districts).map(|q| (Occur::Must, q)));
    clauses.extend(
        ops.kind
            .map(|k| (Occur::Must, lookup(f.kind, kind_term(k)))),
    );
    for name in &ops.reporters {
        clauses.push((Occur::Must, Box::new(Contains::new(f.rep, name))));
    }
    for group in &ops.any {
        let any: Vec<(Occur, Box<dyn TQuery>)> =
            group.iter().map(|t| (Occur::Should, one(f, t))).collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    match clauses.len() {
        0 => None,
        1 => Some(clauses.remove(0).1),
        _ => Some(Box::new(BooleanQuery::new(clauses))),
    }
}

/// A tantivy query whose matches include every article that matches `query`: every term
/// and what [`narrowing`] asks. Excluded terms are not in it (tantivy 0.27's phrase
/// scorer under `MustNot` seeks backwards and fails): the caller takes out the articles of
/// the excluded terms the index knows exactly ([`exact`]).
pub fn candidates(f: &Fields, query: &Query) -> Box<dyn TQuery> {
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = query
        .terms()
        .iter()
        .map(|t| (Occur::Must, one(f, t)))
        .collect();
    clauses.extend(narrowing(f, query).map(|q| (Occur::Must, q)));
    match clauses.len() {
        0 => Box::new(AllQuery),
        1 => clauses.remove(0).1,
        _ => Box::new(BooleanQuery::new(clauses)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_cover_the_term() {
        let g = grams(&"工会服务站".chars().collect::<Vec<_>>());
        let offsets: Vec<u32> = g.iter().map(|(o, _)| *o).collect();
        assert_eq!(offsets, [0, 2, 3]);
        assert_eq!(g[2].1, "务站");
        assert_eq!(gram_offsets(2), [0]);
        assert_eq!(gram_offsets(4), [0, 2]);
    }
}
