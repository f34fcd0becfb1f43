//! Query parsing: terms split on spaces, quoted phrases kept whole.

use std::sync::Arc;

use memchr::memmem::Finder;

use super::fold::fold;
use super::pinyin::PinyinPattern;
use super::utf16;

/// A parsed search query: every term must match (AND).
#[derive(Debug, Clone, Default)]
pub struct Query {
    terms: Vec<Term>,
}

/// One search term, folded and compiled once.
#[derive(Debug, Clone)]
pub struct Term {
    text: String,
    folded: String,
    finder: Finder<'static>,
    /// The folded term as UTF-16LE, for the index (see `utf16`).
    finder16: Finder<'static>,
    pinyin: Option<Arc<PinyinPattern>>,
}

impl Term {
    fn new(text: String, quoted: bool) -> Option<Self> {
        let folded = fold(&text);
        if folded.is_empty() {
            return None;
        }
        // A quoted term is literal: quoting `"mall"` asks for the letters, not for pinyin.
        let pinyin = if quoted {
            None
        } else {
            PinyinPattern::new(&folded).map(Arc::new)
        };
        let finder = Finder::new(folded.as_bytes()).into_owned();
        let finder16 = Finder::new(&utf16::encode(&folded)).into_owned();
        Some(Term {
            text,
            folded,
            finder,
            finder16,
            pinyin,
        })
    }

    /// The term as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The term folded (NFKC, lowercase), as it is searched for.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Whether the term also matches Han text by pinyin.
    pub fn is_pinyin(&self) -> bool {
        self.pinyin.is_some()
    }

    /// The length of the folded term in UTF-16LE bytes, the index's encoding.
    pub(crate) fn len_utf16(&self) -> usize {
        self.finder16.needle().len()
    }

    /// Calls `at(start)` with the start of each literal match, ascending, in folded text
    /// held as UTF-16LE bytes (the index's encoding, see `utf16`). Pinyin matches are not
    /// included (see [`Term::count_utf16`]).
    pub(crate) fn for_each_literal_utf16(&self, units: &[u8], at: impl FnMut(usize)) {
        utf16::for_each_aligned(&self.finder16, units, at);
    }

    /// Adds to `counts[i]` the number of matches of the term, literal and by pinyin, in
    /// segment `i` of folded text held as UTF-16LE bytes: segment `i` ends at byte offset
    /// `ends[i]` (ascending), just after a line break or at the end of `units`. A literal
    /// match and a pinyin one never overlap (pinyin matches only Han characters, a term
    /// that has pinyin only Latin letters).
    pub(crate) fn count_utf16(&self, units: &[u8], ends: &[usize], counts: &mut [u32]) {
        let mut segment = 0;
        utf16::for_each_aligned(&self.finder16, units, |start| {
            while ends.get(segment).is_some_and(|e| *e <= start) {
                segment += 1;
            }
            if let Some(count) = counts.get_mut(segment) {
                *count += 1;
            }
        });
        if let Some(p) = &self.pinyin {
            p.count_utf16(units, ends, counts);
        }
    }

    /// Appends the byte ranges of the term's matches in folded `text` to `out` (unsorted).
    pub(crate) fn ranges_in(&self, text: &str, out: &mut Vec<(usize, usize)>) {
        let n = self.folded.len();
        out.extend(self.finder.find_iter(text.as_bytes()).map(|s| (s, s + n)));
        if let Some(p) = &self.pinyin {
            p.for_each_match(text, |s, e| {
                out.push((s, e));
                true
            });
        }
    }
}

/// Opening quote marks and whether a character closes a phrase.
fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '”')
}

/// Spaces that separate terms; control characters separate terms too, so no term holds one.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

impl Query {
    /// Parses a query: terms are separated by ASCII or full-width (U+3000) spaces; text in
    /// double quotes (`"…"` or `“…”`) is one term, spaces included, and matches literally
    /// (no pinyin). An unclosed quote runs to the end. Control characters act as spaces.
    pub fn parse(input: &str) -> Query {
        let mut terms = Vec::new();
        let mut current = String::new();
        let mut chars = input.chars();
        while let Some(c) = chars.next() {
            if is_open_quote(c) {
                terms.extend(Term::new(std::mem::take(&mut current), false));
                let mut phrase = String::new();
                for p in chars.by_ref() {
                    if is_close_quote(p) {
                        break;
                    }
                    phrase.push(if p.is_control() { ' ' } else { p });
                }
                let phrase = phrase.trim().to_string();
                terms.extend(Term::new(phrase, true));
            } else if is_separator(c) {
                terms.extend(Term::new(std::mem::take(&mut current), false));
            } else {
                current.push(c);
            }
        }
        terms.extend(Term::new(current, false));
        Query { terms }
    }

    /// Whether the query has no terms (it then matches every article).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms, in the order typed.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &str) -> Vec<String> {
        Query::parse(q)
            .terms()
            .iter()
            .map(|t| t.text().to_string())
            .collect()
    }

    #[test]
    fn splits_on_ascii_and_full_width_spaces() {
        assert_eq!(texts(" 工会\u{3000}驿站  司机 "), ["工会", "驿站", "司机"]);
    }

    #[test]
    fn quotes_keep_phrases() {
        assert_eq!(texts("\"绿色 出行\" 北京"), ["绿色 出行", "北京"]);
        assert_eq!(texts("“绿色 出行”北京"), ["绿色 出行", "北京"]);
        assert_eq!(texts("a\"b c"), ["a", "b c"]);
    }

    #[test]
    fn empty_and_blank_queries_are_empty() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse(" \u{3000}\"\" “”\t").is_empty());
    }

    #[test]
    fn quoted_terms_are_literal() {
        let q = Query::parse("\"gonghui\" gonghui");
        assert!(!q.terms()[0].is_pinyin());
        assert!(q.terms()[1].is_pinyin());
    }
}
