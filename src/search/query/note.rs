//! `note:` / `批注:` (issue 14): a condition on the reviewer's note, which lives in the
//! reading state, not in the article. The query keeps it as a [`NoteFilter`]; whoever
//! holds the state asks it ([`crate::filter::Filter::matches_with`] on the command line,
//! the list's mark filters in the reader). A note is never part of the article's text: it
//! is not searched by the terms, counted as a hit or highlighted.
//!
//! `note:待核实` keeps the articles whose note contains the text, folded as the search
//! folds (NFKC, lower case), or, for a value of letters not quoted, its pinyin as a search
//! term matches by pinyin (`note:dhs`, `note:daiheshi`: reviewers without an input method
//! find the notes they wrote with one); `-note:待核实` leaves them out (an article with no
//! note stays). `note:` with no value keeps the articles that have a note, `-note:` those
//! that have none. A quoted value (`note:"日期 存疑"`) is one literal text, spaces included.

use std::sync::Arc;

use super::super::fold::fold;
use super::super::pinyin::PinyinPattern;

/// What a query asks of the articles' notes; the default asks nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteFilter {
    /// Texts every kept note contains (`note:x`).
    contains: Vec<NoteText>,
    /// Texts no kept note contains (`-note:x`).
    lacks: Vec<NoteText>,
    /// `note:` alone: only articles with a note (`true`); `-note:` alone: only articles
    /// without one (`false`). The last one typed wins.
    has: Option<bool>,
}

/// One text a note is asked for: folded, and as pinyin when it is letters not quoted.
#[derive(Debug, Clone)]
struct NoteText {
    folded: String,
    pinyin: Option<Arc<PinyinPattern>>,
}

impl PartialEq for NoteText {
    fn eq(&self, other: &NoteText) -> bool {
        self.folded == other.folded && self.pinyin.is_some() == other.pinyin.is_some()
    }
}

impl Eq for NoteText {}

impl NoteText {
    /// Whether folded `note` holds the text, literally or by pinyin.
    fn in_note(&self, note: &str) -> bool {
        if note.contains(self.folded.as_str()) {
            return true;
        }
        let mut found = false;
        if let Some(p) = &self.pinyin {
            p.for_each_match(note, |_, _| {
                found = true;
                false
            });
        }
        found
    }
}

impl NoteFilter {
    /// Whether it asks nothing.
    pub fn is_empty(&self) -> bool {
        self.contains.is_empty() && self.lacks.is_empty() && self.has.is_none()
    }

    /// Adds `note:value` (`negated`: `-note:value`); a `quoted` value is literal.
    pub(super) fn add(&mut self, value: &str, quoted: bool, negated: bool) {
        let folded = fold(value);
        if folded.is_empty() {
            self.has = Some(!negated);
            return;
        }
        let pinyin = match quoted {
            true => None,
            false => PinyinPattern::new(&folded).map(Arc::new),
        };
        let text = NoteText { folded, pinyin };
        match negated {
            true => self.lacks.push(text),
            false => self.contains.push(text),
        }
    }

    /// Whether an article whose note is `note` (none: no note) passes.
    pub fn keeps(&self, note: Option<&str>) -> bool {
        if self.is_empty() {
            return true;
        }
        let note = note.filter(|n| !n.trim().is_empty());
        if self.has.is_some_and(|has| has != note.is_some()) {
            return false;
        }
        let folded = note.map(fold).unwrap_or_default();
        self.contains.iter().all(|t| t.in_note(&folded))
            && !self.lacks.iter().any(|t| t.in_note(&folded))
    }
}

#[cfg(test)]
mod tests {
    use super::super::Query;

    fn keeps(query: &str, note: Option<&str>) -> bool {
        Query::try_parse(query).unwrap().notes().keeps(note)
    }

    #[test]
    fn note_terms_ask_the_note_folded_as_search_folds() {
        assert!(keeps("note:待核实", Some("此稿待核实。")));
        assert!(keeps("批注：待核实", Some("此稿待核实。")));
        assert!(!keeps("note:待核实", Some("已审")));
        assert!(!keeps("note:待核实", None));
        // NFKC and case: full-width letters and digits, upper case.
        assert!(keeps("note:abc12", Some("见 ＡＢＣ１２ 条")));
        assert!(keeps("NOTE:Abc", Some("abc")));
        assert!(keeps("-note:待核实", Some("已审")));
        assert!(keeps("-note:待核实", None));
        assert!(!keeps("-note:待核实", Some("待核实")));
        assert!(keeps("note:", Some("有")) && !keeps("note:", None));
        assert!(keeps("-note:", None) && !keeps("-note:", Some("有")));
        assert!(keeps("note:\"日期 存疑\"", Some("日期 存疑，请查")));
        assert!(!keeps("note:\"日期 存疑\"", Some("日期存疑")));
        assert!(keeps("-note:\"a b\"", Some("ab")));
        assert!(keeps("note:日期 note:存疑", Some("日期存疑")));
        assert!(!keeps("note:日期 note:来源", Some("日期存疑")));
    }

    #[test]
    fn a_note_term_of_letters_matches_by_pinyin_unless_quoted() {
        let note = Some("第3段数据待核实。");
        assert!(keeps("note:shuju", note));
        assert!(keeps("note:dhs", note) && keeps("审读意见:daiheshi", note));
        assert!(!keeps("note:\"shuju\"", note), "quoted: literal");
        assert!(!keeps("note:gonghui", note));
        assert!(!keeps("-note:shuju", note) && keeps("-note:gonghui", note));
        // Letters in the note itself still match literally.
        assert!(keeps("note:abc", Some("ABC 表")));
    }

    #[test]
    fn a_note_term_is_no_term_of_the_text() {
        let q = Query::try_parse("note:待核实").unwrap();
        assert!(q.is_empty(), "no text term");
        assert!(!q.is_blank(), "but not blank");
        let q = Query::try_parse("工会 -note:已审").unwrap();
        assert_eq!(q.terms().len(), 1);
        assert!(q.ops().exclude.is_empty());
        // `-x:` of an operator that is not note is still a term left out, as before.
        let q = Query::try_parse("-foo:bar").unwrap();
        assert_eq!(q.ops().exclude.len(), 1);
    }
}
