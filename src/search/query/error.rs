//! Why a query is refused ([`QueryError`]); the words are `search::query_text`'s.

/// Why a query typed on the command line (or in the reader's prompt) is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// An operator with a value it cannot take (`date:2024-13`, `kind:video`).
    BadValue {
        /// The operator's name, with its colon (`date:`).
        op: &'static str,
        /// The value as typed (at most 40 characters).
        value: String,
    },
    /// An operator with `-` before it (`-kind:photo`): conditions are not turned round
    /// (only `-note:` is), and taking it as a word to leave out would leave nothing out.
    Negated {
        /// The operator's name, with its colon (`kind:`).
        op: &'static str,
    },
    /// A `-term` as an alternative of `a|b` or `a OR b` (`驿站|-快递`, `-快递 OR 驿站`): a
    /// group keeps what holds one of its terms, and leaving one out means something else.
    NegatedAlternative {
        /// The `-term` as typed (at most 40 characters).
        term: String,
    },
    /// No term at all: the query is blank, or holds only spaces and quote marks.
    Empty,
    /// The query is longer than [`MAX_QUERY_CHARS`](super::MAX_QUERY_CHARS) characters.
    TooLong {
        /// How many characters it has.
        chars: usize,
    },
    /// The query has more than [`MAX_TERMS`](super::MAX_TERMS) terms.
    TooManyTerms {
        /// How many terms it has.
        terms: usize,
    },
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::search::query_error_text(
            self,
            crate::i18n::Lang::En,
        ))
    }
}

impl std::error::Error for QueryError {}
