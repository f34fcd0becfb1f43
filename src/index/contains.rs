//! The documents holding a term that contains a piece of text: `reporter:孙` asks for the
//! articles one of whose reporters' names (each indexed whole in `rep`, folded) contains
//! `孙`, which is what [`crate::search::Ops::admits`] asks of an article it has read. The
//! field's term dictionary is walked with an automaton that matches a term holding the
//! text anywhere (Knuth–Morris–Pratt over its bytes: a byte match of a UTF-8 text in UTF-8
//! text starts and ends on character boundaries), and the documents of every such term
//! are the answer. A dictionary of names is small, so the walk costs little.

use std::sync::Arc;

use tantivy::query::{AutomatonWeight, EnableScoring, Query, Weight};
use tantivy::schema::Field;
use tantivy_fst::Automaton;

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

    proptest! {
        /// The automaton agrees with `str::contains` (a small alphabet makes repeats, the
        /// cases the failure table is for; Han characters share their lead bytes).
        #[test]
        fn agrees_with_contains(needle in "[ab孙艳]{0,5}", hay in "[ab孙艳]{0,12}") {
            prop_assert_eq!(found(&needle, &hay), hay.contains(&needle));
        }
    }
}
