//! The documents holding a term that contains a piece of text: `reporter:孙` asks for the
//! articles one of whose reporters' names (each indexed whole in `rep`, folded) contains
//! `孙`, which is what [`crate::search::Ops::admits`] asks of an article it has read. The
//! field's term dictionary is walked with an automaton that matches a term holding the
//! text anywhere (Knuth–Morris–Pratt over its bytes: a byte match of a UTF-8 text in UTF-8
//! text starts and ends on character boundaries), and the documents of every such term
//! are the answer. A dictionary of names is small, so the walk costs little. A name longer
//! than tantivy keeps a term is indexed in overlapping pieces ([`pieces`]).

use std::sync::Arc;

use tantivy::query::{AutomatonWeight, EnableScoring, Query, Weight};
use tantivy::schema::Field;
use tantivy::tokenizer::MAX_TOKEN_LEN;
use tantivy_fst::Automaton;

use crate::search::MAX_QUERY_CHARS;

/// The most bytes one character folds to (U+FDFA, ﷺ, folds to 18 characters of 33 bytes).
const MOST_FOLDED_BYTES: usize = 33;

/// The longest text a `reporter:` can ask for, in bytes: its value is folded from at most
/// [`MAX_QUERY_CHARS`] characters (a longer query is refused or cut).
const LONGEST_TEXT: usize = MAX_QUERY_CHARS * MOST_FOLDED_BYTES;

/// The terms to index for a reporter's folded `name` in `rep`: the name whole when tantivy
/// keeps a term that long ([`MAX_TOKEN_LEN`] bytes: a longer token is left out of the index
/// without a word, and `reporter:` would miss the article), else pieces of it no longer
/// than that, each overlapping the next by [`LONGEST_TEXT`] bytes or more, so that every
/// text a `reporter:` can ask for that the name holds is whole in one piece.
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

/// A query for the documents holding a term of `field` that contains a text.
#[derive(Debug, Clone)]
pub struct Contains {
    field: Field,
    needle: Arc<Needle>,
}

impl Contains {
    /// The documents holding a term of `field` that contains `text`.
    pub fn new(field: Field, text: &str) -> Contains {
        Contains {
            field,
            needle: Arc::new(Needle::new(text.as_bytes())),
        }
    }
}

impl Query for Contains {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AutomatonWeight::<Needle>::new(
            self.field,
            Arc::clone(&self.needle),
        )))
    }
}

/// The text sought, with its failure table: `fail[i]` is the length of the longest proper
/// prefix of `bytes[..=i]` that is also its suffix.
#[derive(Debug)]
struct Needle {
    bytes: Vec<u8>,
    fail: Vec<usize>,
}

impl Needle {
    fn new(bytes: &[u8]) -> Needle {
        let mut fail = vec![0; bytes.len()];
        let mut k = 0;
        for i in 1..bytes.len() {
            while k > 0 && bytes[i] != bytes[k] {
                k = fail[k - 1];
            }
            if bytes[i] == bytes[k] {
                k += 1;
            }
            fail[i] = k;
        }
        Needle {
            bytes: bytes.to_vec(),
            fail,
        }
    }
}

/// A state is how many bytes of the text the term's last bytes match; all of them once it
/// has been found (then it stays found).
impl Automaton for Needle {
    type State = usize;

    fn start(&self) -> usize {
        0
    }

    fn is_match(&self, state: &usize) -> bool {
        *state == self.bytes.len()
    }

    fn will_always_match(&self, state: &usize) -> bool {
        self.is_match(state)
    }

    fn accept(&self, state: &usize, byte: u8) -> usize {
        let mut k = *state;
        if k == self.bytes.len() {
            return k;
        }
        loop {
            if self.bytes[k] == byte {
                return k + 1;
            }
            if k == 0 {
                return 0;
            }
            k = self.fail[k - 1];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn found(needle: &str, hay: &str) -> bool {
        let n = Needle::new(needle.as_bytes());
        let end = hay.bytes().fold(n.start(), |s, b| n.accept(&s, b));
        n.is_match(&end)
    }

    #[test]
    fn finds_the_text_anywhere_in_a_term() {
        assert!(found("孙艳", "孙艳"));
        assert!(found("艳", "孙艳梅"));
        assert!(!found("艳孙", "孙艳"));
        assert!(found("aab", "aaab"));
        assert!(found("abab", "abaabab"));
        assert!(!found("abc", "ab"));
        assert!(found("", "x"));
    }

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

    proptest! {
        /// The automaton agrees with `str::contains` (a small alphabet makes repeats, the
        /// cases the failure table is for; Han characters share their lead bytes).
        #[test]
        fn agrees_with_contains(needle in "[ab孙艳]{0,5}", hay in "[ab孙艳]{0,12}") {
            prop_assert_eq!(found(&needle, &hay), hay.contains(&needle));
        }
    }
}
