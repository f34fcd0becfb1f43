//! Query parsing: terms split on spaces, quoted phrases kept whole, operators (see
//! `ops`), within limits.

mod date_words;
mod distinct;
mod error;
mod note;
mod ops;
mod quick;
mod wide;

pub use date_words::without_dates;
use distinct::distinct;
pub use error::QueryError;
pub use note::NoteFilter;
pub use ops::Ops;
pub(crate) use ops::district_values;

use std::sync::Arc;

use memchr::memmem::Finder;

use super::fold::fold;
use super::gaps::{self, Gapped};
use super::pinyin::PinyinPattern;
use super::utf16;

/// A parsed search query: every term must match (AND), and the article must pass the
/// operators ([`Ops`]).
#[derive(Debug, Clone, Default)]
pub struct Query {
    terms: Vec<Term>,
    ops: Ops,
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
    /// For a quoted phrase with gaps (see [`gaps`]): its literal matches are these, not
    /// `finder`'s.
    gaps: Option<Arc<Gapped>>,
}

impl Term {
    /// A term from its text as typed and that text folded (never empty); `pieces`, when a
    /// quoted phrase has gaps, are its literal form (see [`gaps`]).
    fn new(text: String, folded: String, quoted: bool, pieces: Option<Vec<String>>) -> Self {
        // A quoted term is literal: quoting `"mall"` asks for the letters, not for pinyin.
        let pinyin = if quoted {
            None
        } else {
            PinyinPattern::new(&folded).map(Arc::new)
        };
        let finder = Finder::new(folded.as_bytes()).into_owned();
        let finder16 = Finder::new(&utf16::encode(&folded)).into_owned();
        Term {
            text,
            folded,
            finder,
            finder16,
            pinyin,
            gaps: pieces.map(|p| Arc::new(Gapped::new(p))),
        }
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

    /// The pieces of a quoted phrase whose spaces may be absent or any whitespace
    /// (`"工会 驿站"`, see [`gaps`]): its literal matches are these pieces in order, with
    /// optional whitespace between. `None` for any other term.
    pub fn gap_pieces(&self) -> Option<&[String]> {
        self.gaps.as_deref().map(Gapped::pieces)
    }

    /// Whether every literal match of the term is its folded text itself, of one length
    /// (no gaps, see [`Term::gap_pieces`]).
    pub(crate) fn is_fixed(&self) -> bool {
        self.gaps.is_none()
    }

    /// The length of the folded term in UTF-16LE bytes, the index's encoding.
    pub(crate) fn len_utf16(&self) -> usize {
        self.finder16.needle().len()
    }

    /// Calls `at(start)` with the start of each literal match, ascending, in folded text
    /// held as UTF-16LE bytes (the index's encoding, see `utf16`). Pinyin matches are not
    /// included (see [`Term::count_utf16`]). Only for a term [`Term::is_fixed`] (the
    /// match's end is the start plus [`Term::len_utf16`]).
    pub(crate) fn for_each_literal_utf16(&self, units: &[u8], at: impl FnMut(usize)) {
        utf16::for_each_aligned(&self.finder16, units, at);
    }

    /// Calls `at(start)` with the start of each literal match in UTF-16LE `units`.
    fn for_each_start_utf16(&self, units: &[u8], mut at: impl FnMut(usize)) {
        match &self.gaps {
            Some(g) => g.for_each_utf16(units, |s, _| at(s)),
            None => utf16::for_each_aligned(&self.finder16, units, at),
        }
    }

    /// Adds to `counts[i]` the number of matches of the term, literal and by pinyin, in
    /// segment `i` of folded text held as UTF-16LE bytes: segment `i` ends at byte offset
    /// `ends[i]` (ascending), just after a line break or at the end of `units`. A literal
    /// match and a pinyin one never overlap (pinyin matches only Han characters, a term
    /// that has pinyin only Latin letters).
    pub(crate) fn count_utf16(&self, units: &[u8], ends: &[usize], counts: &mut [u32]) {
        let mut segment = 0;
        self.for_each_start_utf16(units, |start| {
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

    /// Whether the term matches (literally or by pinyin) somewhere in folded `text`.
    pub(crate) fn found_in(&self, text: &str) -> bool {
        let mut found = false;
        match &self.gaps {
            Some(g) => g.for_each(text, |_, _| {
                found = true;
                false
            }),
            None => found = self.finder.find(text.as_bytes()).is_some(),
        }
        if found {
            return true;
        }
        if let Some(p) = &self.pinyin {
            p.for_each_match(text, |_, _| {
                found = true;
                false
            });
        }
        found
    }

    /// Appends the byte ranges of the term's matches in folded `text` to `out` (unsorted).
    pub(crate) fn ranges_in(&self, text: &str, out: &mut Vec<(usize, usize)>) {
        match &self.gaps {
            Some(g) => g.for_each(text, |s, e| {
                out.push((s, e));
                true
            }),
            None => {
                let n = self.folded.len();
                out.extend(self.finder.find_iter(text.as_bytes()).map(|s| (s, s + n)));
            }
        }
        if let Some(p) = &self.pinyin {
            p.for_each_match(text, |s, e| {
                out.push((s, e));
                true
            });
        }
    }
}

/// The most terms a query may have (a term typed again counted once): each term is one pass
/// over the text (and a pinyin term compiles an automaton of a few hundred KB), so the work
/// of a search is bounded by this.
pub const MAX_TERMS: usize = 32;

/// The longest query, in characters (Unicode scalar values), quoted phrases included.
pub const MAX_QUERY_CHARS: usize = 256;

/// Spaces that separate terms; control characters separate terms too, so no term holds one.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// The pieces of a query as typed, each with whether it was quoted (see [`Query::parse`]
/// for the rules). Pieces may still fold to nothing.
fn split(input: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = input.chars().collect();
    // A `“` opens a phrase only when a `”` follows it somewhere.
    let last_close = chars.iter().rposition(|c| *c == '”');
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        let close = match c {
            '"' => '"',
            '“' if last_close.is_some_and(|j| j >= i) => '”',
            c if is_separator(c) => {
                pieces.push((std::mem::take(&mut current), false));
                continue;
            }
            c => {
                current.push(c);
                continue;
            }
        };
        pieces.push((std::mem::take(&mut current), false));
        let mut phrase = String::new();
        while let Some(&p) = chars.get(i) {
            i += 1;
            if p == close {
                break;
            }
            phrase.push(if p.is_control() { ' ' } else { p });
        }
        pieces.push((phrase.trim().to_string(), true));
    }
    pieces.push((current, false));
    pieces
}

/// A term to be: as typed, folded, whether it may match by pinyin, and the pieces of a
/// phrase with gaps (see [`gaps`]).
type Piece = (String, String, bool, Option<Vec<String>>);

/// A query's parts before the terms are compiled.
#[derive(Default)]
struct Parts {
    /// Terms every article must match.
    terms: Vec<Piece>,
    /// Terms no article may contain (`-term`).
    exclude: Vec<Piece>,
    /// Terms that must be in the headings (`title:`; also among `terms`).
    titles: Vec<Piece>,
    /// Groups of which each article must match one term (`a OR b`, `a|b`).
    any: Vec<Vec<Piece>>,
    /// Terms a reporter's name must match (`reporter:`).
    reporters: Vec<Piece>,
    /// The other operators.
    ops: Ops,
}

/// What the last piece added was, for `OR`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Other,
    Term,
    Group,
}

impl Parts {
    /// Adds a term, or an alternative of the group before it when `OR` came between.
    fn add(&mut self, piece: Option<Piece>, or: &mut bool, last: &mut Last) {
        let Some(piece) = piece else { return };
        let joined = std::mem::take(or);
        match (*last, joined) {
            (Last::Group, true) => {
                if let Some(group) = self.any.last_mut() {
                    group.push(piece);
                }
            }
            (Last::Term, true) => {
                if let Some(prev) = self.terms.pop() {
                    self.any.push(vec![prev, piece]);
                }
                *last = Last::Group;
            }
            _ => {
                self.terms.push(piece);
                *last = Last::Term;
            }
        }
    }

    /// How many terms the search passes over (a `reporter:`'s too).
    fn count(&self) -> usize {
        let any = self.any.iter().map(Vec::len).sum::<usize>();
        self.terms.len() + self.exclude.len() + any + self.reporters.len()
    }
}

/// A quoted phrase as a term. Spaces between Latin letters (pinyin syllables) are taken
/// out and the phrase matches by pinyin: `"gonghui yizhan"` finds 工会驿站 as
/// `gonghuiyizhan` does. Any other quoted phrase is literal, except that spaces between
/// two Han characters are gaps, which match nothing or any whitespace (see [`gaps`]): a
/// slogan such as `"绿色出行 畅通北京"` is found with its space or without. The syllables
/// of a pinyin phrase are gaps too in its literal form (`"new york"` finds `newyork`).
fn phrase(text: String) -> Option<Piece> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // Folded first: full-width letters (an input method's full-width mode) are letters too.
    let syllables = words.len() > 1
        && words
            .iter()
            .all(|w| fold(w).chars().all(|c| c.is_ascii_alphabetic()));
    if syllables {
        let joined = words.concat();
        let folded = fold(&joined);
        let pieces = words.iter().map(|w| fold(w)).collect();
        return Some((text, folded, true, Some(pieces)));
    }
    let folded = fold(&text);
    let pieces = gaps::pieces(&folded, |a, b| gaps::is_han(a) && gaps::is_han(b));
    (!folded.is_empty()).then_some((text, folded, false, pieces))
}

/// An unquoted piece as a term.
fn plain(text: String) -> Option<Piece> {
    let folded = fold(&text);
    (!folded.is_empty()).then_some((text, folded, true, None))
}

/// The terms and operators of `input`. `strict`: an operator's bad value is an error (the
/// command line, the prompt's check); otherwise it is left out.
fn terms_of(input: &str, strict: bool) -> Result<Parts, QueryError> {
    let pieces = split(&wide::ascii_marks(input));
    let mut parts = Parts::default();
    let (mut or, mut last) = (false, Last::Other);
    // The `-term` just left out, while `OR` or `|` after it would make it an alternative.
    let mut excluded: Option<String> = None;
    let negated = |term: &str| QueryError::NegatedAlternative {
        term: term.chars().take(40).collect(),
    };
    let mut i = 0;
    while i < pieces.len() {
        let (text, quoted) = &pieces[i];
        i += 1;
        if text.is_empty() && !quoted {
            continue;
        }
        let just_excluded = excluded.take();
        if strict
            && let Some(term) = &just_excluded
            && !*quoted
            && (text == "OR" || text.starts_with('|'))
        {
            return Err(negated(term));
        }
        // The quoted phrase right after this piece, if any, taken as its value.
        let next_phrase = |i: &mut usize| match pieces.get(*i) {
            Some((p, true)) => {
                *i += 1;
                Some(p.clone())
            }
            _ => None,
        };
        if *quoted {
            parts.add(phrase(text.clone()), &mut or, &mut last);
            continue;
        }
        if text.is_empty() {
            continue;
        }
        if text == "OR" && last != Last::Other {
            or = true;
            continue;
        }
        if text == "-" {
            match next_phrase(&mut i) {
                Some(p) if strict && or => return Err(negated(&format!("-\"{p}\""))),
                Some(p) => {
                    excluded = Some(format!("-\"{p}\""));
                    parts.exclude.extend(phrase(p));
                }
                // A `-` just typed at the end, its term still to come: nothing yet (the
                // list stays as it was rather than showing what holds a `-`).
                None if !strict && i == pieces.len() => {}
                None => parts.add(plain(text.clone()), &mut or, &mut last),
            }
            continue;
        }
        // `-note:x`: a note that does not hold x (the one operator `-` turns round).
        if let Some((ops::Op::Note, value)) = text.strip_prefix('-').and_then(ops::split_op) {
            let (value, quoted) = match value.is_empty() {
                true => next_phrase(&mut i).map_or((String::new(), false), |p| (p, true)),
                false => (value.to_string(), false),
            };
            parts.ops.notes.add(&value, quoted, true);
            last = Last::Other;
            or = false;
            continue;
        }
        if let Some((op, _)) = text.strip_prefix('-').and_then(ops::split_op) {
            // `-kind:photo`: refused (the command line, the prompt's check) or left out.
            if strict {
                return Err(QueryError::Negated { op: op.name() });
            }
            continue;
        }
        if let Some(rest) = text.strip_prefix('-')
            && !rest.is_empty()
        {
            if strict && (or || rest.contains('|')) {
                return Err(negated(text.split('|').next().unwrap_or(text)));
            }
            excluded = Some(text.clone());
            parts.exclude.extend(plain(rest.to_string()));
            last = Last::Other;
            continue;
        }
        let Some((op, value)) = ops::split_op(text) else {
            // `a|b`: either; a `|` with nothing beside it is left out.
            for (n, alternative) in text.split('|').enumerate() {
                if strict && n > 0 && alternative.len() > 1 && alternative.starts_with('-') {
                    return Err(negated(alternative));
                }
                if n > 0 && last != Last::Other {
                    or = true;
                }
                parts.add(plain(alternative.to_string()), &mut or, &mut last);
            }
            continue;
        };
        last = Last::Other;
        or = false;
        let (value, quoted) = match value.is_empty() {
            true => next_phrase(&mut i).map_or((String::new(), false), |p| (p, true)),
            false => (value.to_string(), false),
        };
        if matches!(op, ops::Op::Title | ops::Op::Reporter) {
            // A term, matched as a search term is (literally or by pinyin); quoted, as a
            // quoted term is (`title:"gh"` literally).
            let term = if quoted || value.contains(char::is_whitespace) {
                phrase(value.clone())
            } else {
                plain(value.clone())
            };
            match term {
                Some(t) if op == ops::Op::Reporter => parts.reporters.push(t),
                Some(t) => {
                    parts.titles.push(t.clone());
                    parts.terms.push(t);
                }
                None if strict => {
                    return Err(QueryError::BadValue {
                        op: op.name(),
                        value,
                    });
                }
                None => {}
            }
            continue;
        }
        if op == ops::Op::Note {
            parts.ops.notes.add(&value, quoted, false);
            continue;
        }
        match parts.ops.apply(op, &value) {
            Err(e) if strict => return Err(e),
            _ => {}
        }
    }
    Ok(parts)
}

/// Makes the terms of pieces.
fn make(pieces: impl IntoIterator<Item = Piece>) -> Vec<Term> {
    pieces
        .into_iter()
        .map(|(text, folded, pinyin, pieces)| Term::new(text, folded, !pinyin, pieces))
        .collect()
}

impl Query {
    /// Parses a query: terms are separated by ASCII or full-width (U+3000) spaces; text in
    /// ASCII double quotes (`"…"`) is one term, spaces included, and matches literally (no
    /// pinyin); an unclosed `"` runs to the end. Curly quotes `“…”` make a phrase too, but
    /// only as a pair: a `“` with no `”` after it, and a `”` that closes nothing, are
    /// ordinary characters, searched for like any other (so `“` alone finds the articles
    /// that quote something). Inside `"…"`, curly quotes are ordinary characters, and the
    /// reverse. Control characters act as spaces. Operators ([`Ops`]) narrow the result;
    /// one with a bad value is left out here ([`Query::try_parse`] refuses it).
    ///
    /// Never more than the limits: only the first [`MAX_QUERY_CHARS`] characters are read
    /// and only the first [`MAX_TERMS`] terms kept, so a paste of any size costs little.
    /// [`Query::try_parse`] refuses such a query instead.
    pub fn parse(input: &str) -> Query {
        let end = input
            .char_indices()
            .nth(MAX_QUERY_CHARS)
            .map_or(input.len(), |(i, _)| i);
        let parts = distinct(terms_of(&input[..end], false).unwrap_or_default());
        let mut ops = parts.ops;
        ops.exclude = make(parts.exclude.into_iter().take(MAX_TERMS));
        ops.titles = make(parts.titles.into_iter().take(MAX_TERMS));
        ops.reporters = make(parts.reporters.into_iter().take(MAX_TERMS));
        ops.any = parts
            .any
            .into_iter()
            .take(MAX_TERMS)
            .map(|g| make(g.into_iter().take(MAX_TERMS)))
            .collect();
        Query {
            terms: make(parts.terms.into_iter().take(MAX_TERMS)),
            ops,
        }
    }

    /// Parses a query as [`Query::parse`] does, but refuses one with no term and no
    /// operator ([`QueryError::Empty`]: blank, or only quote marks), one longer than
    /// [`MAX_QUERY_CHARS`] characters, one of more than [`MAX_TERMS`] terms (excluded ones
    /// counted) or an operator with a bad value ([`QueryError::BadValue`]). For the
    /// command line and the prompt's check, where such a query is a mistake to report.
    pub fn try_parse(input: &str) -> Result<Query, QueryError> {
        if input.chars().nth(MAX_QUERY_CHARS).is_some() {
            return Err(QueryError::TooLong {
                chars: input.chars().count(),
            });
        }
        let parts = distinct(terms_of(input, true)?);
        match parts.count() {
            n if n > MAX_TERMS => Err(QueryError::TooManyTerms { terms: n }),
            0 if parts.ops.is_empty() => Err(QueryError::Empty),
            _ => {
                let mut ops = parts.ops;
                ops.exclude = make(parts.exclude);
                ops.titles = make(parts.titles);
                ops.reporters = make(parts.reporters);
                ops.any = parts.any.into_iter().map(make).collect();
                Ok(Query {
                    terms: make(parts.terms),
                    ops,
                })
            }
        }
    }

    /// Whether `article` passes the query's operators (its terms are matched by the
    /// search engine).
    pub fn admits(&self, article: &crate::article::Article) -> bool {
        self.ops.admits(article)
    }

    /// The query narrowed to the articles dated in `range` too, as a `date:` operator
    /// narrows it (`--since`/`--until` on an indexed search).
    pub fn within(mut self, range: crate::date::DateRange) -> Query {
        self.ops.dates = self.ops.dates.and(range);
        self
    }

    /// The query with its articles narrowed to `districts` as a `district:` would, when it
    /// has no `district:` of its own (else unchanged: the caller applies `districts` itself).
    pub fn in_districts(mut self, districts: &crate::filter::DistrictFilter) -> Query {
        if self.ops.districts.is_empty() {
            self.ops.districts = districts.clone();
        }
        self
    }

    /// The operators.
    pub fn ops(&self) -> &Ops {
        &self.ops
    }

    /// What the query asks of the articles' notes (`note:`), for whoever holds the
    /// reading state.
    pub fn notes(&self) -> &NoteFilter {
        &self.ops.notes
    }

    /// Whether the query has neither terms nor operators.
    pub fn is_blank(&self) -> bool {
        self.terms.is_empty() && self.ops.is_empty()
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
mod tests;
