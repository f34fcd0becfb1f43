//! The documents holding a reporter's name that a `reporter:` term matches: `reporter:孙`
//! asks for the articles one of whose reporters' names (each indexed whole in `rep`,
//! folded) holds `孙`, and `reporter:scm` for those whose name reads s… c… m… (沈晨梅), which
//! is what [`crate::search::query::Ops::admits`] asks of an article it has read. Each segment's
//! dictionary of names is walked, each name matched by the term as text is
//! ([`Term::found_in`]), and the documents of every name it matches are the answer. A
//! dictionary of names is small, so the walk costs little. A name longer than tantivy
//! keeps a term is indexed in overlapping pieces ([`pieces`]).

use std::sync::Arc;

use tantivy::query::{
    BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::MAX_TOKEN_LEN;
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader};

use crate::search::{MAX_QUERY_CHARS, Term};

/// The most bytes one character folds to (U+FDFA, ﷺ, folds to 18 characters of 33 bytes).
const MOST_FOLDED_BYTES: usize = 33;

/// The longest text a `reporter:` can ask for, in bytes: its value is folded from at most
/// [`MAX_QUERY_CHARS`] characters (a longer query is refused or cut).
const LONGEST_TEXT: usize = MAX_QUERY_CHARS * MOST_FOLDED_BYTES;

/// The terms to index for a reporter's folded `name` in `rep`: the name whole when tantivy
/// keeps a term that long ([`MAX_TOKEN_LEN`] bytes: a longer token is left out of the index
/// without a word, and `reporter:` would miss the article), else pieces of it no longer
/// than that, each overlapping the next by [`LONGEST_TEXT`] bytes or more, so that every
/// text a `reporter:` can ask for that the name holds is whole in one piece (and every pinyin
/// match, which takes a letter at least a character; only a phrase whose gap is more
/// whitespace than that, in a name of over 65,530 bytes, could be split).
pub fn pieces(name: &str) -> Vec<&str> {
    if name.len() <= MAX_TOKEN_LEN {
        return vec![name];
    }
    let floor = |mut at: usize| {
        while !name.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = floor((start + MAX_TOKEN_LEN).min(name.len()));
        out.push(&name[start..end]);
        if end == name.len() {
            return out;
        }
        // The next piece starts at least `LONGEST_TEXT` bytes before this one ends.
        start = floor(end - LONGEST_TEXT);
    }
}

/// A query for the documents holding a name in `field` that `term` matches.
#[derive(Debug, Clone)]
pub struct Contains {
    field: Field,
    term: Arc<Term>,
}

impl Contains {
    /// The documents holding a name in `field` that `term` matches.
    pub fn new(field: Field, term: &Term) -> Contains {
        Contains {
            field,
            term: Arc::new(term.clone()),
        }
    }
}

impl Query for Contains {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for Contains {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut docs = BitSet::with_max_value(reader.max_doc());
        let inverted = reader.inverted_index(self.field)?;
        let mut names = inverted.terms().stream()?;
        while names.advance() {
            let name = std::str::from_utf8(names.key());
            if !name.is_ok_and(|name| self.term.found_in(name)) {
                continue;
            }
            let mut postings = inverted
                .read_block_postings_from_terminfo(names.value(), IndexRecordOption::Basic)?;
            while !postings.docs().is_empty() {
                for &d in postings.docs() {
                    docs.insert(d);
                }
                postings.advance();
            }
        }
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(docs), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        match self.scorer(reader, 1.0)?.seek(doc) == doc {
            true => Ok(Explanation::new("Contains", 1.0)),
            false => Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} holds no such name"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_character_folds_to_more_bytes_than_allowed_for() {
        let most = (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .map(|c| crate::search::fold::fold(&c.to_string()).len())
            .max();
        assert_eq!(most, Some(MOST_FOLDED_BYTES));
    }

    #[test]
    fn a_name_longer_than_a_term_is_indexed_in_overlapping_pieces() {
        assert_eq!(pieces("孙艳"), ["孙艳"]);
        let name = format!("孙艳{}孙艳梅{}x", "啊".repeat(40_000), "a".repeat(70_000));
        let parts = pieces(&name);
        assert!(parts.len() > 2, "{}", parts.len());
        assert!(
            parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= MAX_TOKEN_LEN)
        );
        assert!(parts[0].starts_with("孙艳") && parts[parts.len() - 1].ends_with('x'));
        for pair in parts.windows(2) {
            let overlap = {
                let (a, b) = (
                    pair[0].as_ptr() as usize + pair[0].len(),
                    pair[1].as_ptr() as usize,
                );
                a.saturating_sub(b)
            };
            assert!(overlap >= LONGEST_TEXT, "{overlap}");
        }
        // Every text up to the longest asked for, wherever it stands, is whole in a piece.
        for at in (0..name.len() - LONGEST_TEXT).step_by(997) {
            let at = (at..).find(|&i| name.is_char_boundary(i)).unwrap_or(at);
            let mut end = (at + LONGEST_TEXT).min(name.len());
            while !name.is_char_boundary(end) {
                end -= 1;
            }
            let text = &name[at..end];
            assert!(parts.iter().any(|p| p.contains(text)), "at {at}");
        }
    }
}
