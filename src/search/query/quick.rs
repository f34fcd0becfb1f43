//! A quick look at raw text for whether a query can match in it at all, before it is
//! sanitised and folded: a snippet passes over the paragraphs before the first hit this
//! way, at the cost of a byte search rather than a fold.
//!
//! Only a literal term whose folded form starts with a Han character is looked for: in the
//! folded text its match starts with that character, which only that character itself or
//! a compatibility character (a Kangxi radical, an enclosed or squared ideograph, a CJK
//! compatibility ideograph …) folds to. Sanitising makes no Han character, and folding
//! makes one only from those. Any other term may match anywhere.
//!
//! A row of `kanbao search` needs only the first match of a paragraph (its snippet shows no
//! highlights): for literal Han terms it is found by a byte search when the text up to it
//! folds plainly (see [`Query::first_match_quick`]), not by folding the paragraph.

use std::ops::Range;

use super::{Query, Term};
use crate::search::fold::{folds_plainly, is_starter};

impl Query {
    /// Whether some term of the query may match in `raw` once it is sanitised and folded:
    /// `false` only when none can.
    pub fn may_match_in(&self, raw: &str) -> bool {
        self.terms().iter().any(|t| t.may_match_in(raw))
    }

    /// The first match of the query in `text` (sanitised) as [`crate::search::find_matches`]
    /// gives it, or `Some(None)` for none, when a byte search is sure to find the same:
    /// every term literal Han text, and every character of `text` up to the end of that
    /// match (all of it when there is none) one that folds plainly, by itself, to one
    /// character (so no Han character comes from another, none folds to nothing to join
    /// two, and folded matches are the raw ones), the character after it not a combining
    /// mark. `None` when it cannot tell.
    pub fn first_match_quick(&self, text: &str) -> Option<Option<Range<usize>>> {
        // The leftmost raw match, the longest at one start (as overlaps are settled).
        let mut first: Option<Range<usize>> = None;
        for t in self.terms() {
            if t.pinyin.is_some() || t.gaps.is_some() || !t.folded.chars().all(is_han) {
                return None;
            }
            if let Some(start) = t.finder.find(text.as_bytes()) {
                let found = start..start + t.folded.len();
                first = match first {
                    Some(f)
                        if f.start < found.start
                            || (f.start == found.start && f.end >= found.end) =>
                    {
                        Some(f)
                    }
                    _ => Some(found),
                };
            }
        }
        let upto = first.as_ref().map_or(text.len(), |f| f.end);
        let plain = text[..upto].chars().all(folds_plainly);
        let then_starter = text[upto..].chars().next().is_none_or(is_starter);
        (plain && then_starter).then_some(first)
    }
}

impl Term {
    /// Whether this term may match in `raw` once it is sanitised and folded.
    pub(crate) fn may_match_in(&self, raw: &str) -> bool {
        if self.pinyin.is_some() || self.gaps.is_some() {
            return true;
        }
        let Some(first) = self.folded.chars().next().filter(|&c| is_han(c)) else {
            return true;
        };
        let mut bytes = [0; 4];
        let first = first.encode_utf8(&mut bytes).as_bytes();
        memchr::memmem::find(raw.as_bytes(), first).is_some() || has_compatibility_han(raw)
    }
}

/// A character of the CJK Unified Ideographs or their Extension A.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Whether `raw` holds a character from the blocks whose characters fold to Han ones (a
/// superset: every character of the block, not only those that do): U+2E80–U+2FFF
/// (radicals), U+3038–U+303A (Hangzhou numerals), U+3190–U+33FF (kanbun, enclosed and
/// squared forms), U+F900–U+FAFF (compatibility ideographs), U+1F200–U+1F27F (enclosed
/// ideographic supplement) and U+2F800–U+2FA1F (its supplement).
fn has_compatibility_han(raw: &str) -> bool {
    let b = raw.as_bytes();
    // The lead bytes of those ranges, each looked at with the bytes after it.
    let near = |i: usize| {
        matches!(
            (b[i], b.get(i + 1), b.get(i + 2)),
            (0xE2, Some(0xBA..=0xBF), _)
                | (0xE3, Some(0x80), Some(0xB8..=0xBA))
                | (0xE3, Some(0x86..=0x8F), _)
                | (0xEF, Some(0xA4..=0xAB), _)
                | (0xF0, Some(0x9F), Some(0x88 | 0x89))
                | (0xF0, Some(0xAF), _)
        )
    };
    memchr::memchr3_iter(0xE2, 0xE3, 0xEF, b).any(near) || memchr::memchr_iter(0xF0, b).any(near)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::sanitize;
    use crate::search::find_matches;

    /// Every character that folds to text holding a Han character, among a wide sample of
    /// the compatibility blocks, is seen by the quick look.
    #[test]
    fn every_character_that_folds_to_han_is_seen() {
        let ranges = [
            0x2E80..0x3400u32,
            0xF900..0xFB00,
            0x1_F100..0x1_F300,
            0x2_F800..0x2_FA20,
            0xFF00..0xFFF0,
            0x2460..0x2800,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let folded = crate::search::fold::fold(&c.to_string());
            if folded.chars().any(is_han) {
                assert!(
                    has_compatibility_han(&c.to_string()),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }

    #[test]
    fn a_han_term_is_looked_for_and_others_may_match_anywhere() {
        let q = Query::parse("驿站");
        assert!(q.may_match_in("工会驿站"));
        assert!(!q.may_match_in("工会，“服务站”。"));
        // Folded forms: a compatibility character, a zero-width mark, an escape sequence.
        assert!(Query::parse("金").may_match_in("\u{F90A}"));
        assert!(q.may_match_in("驿\u{200B}站"));
        assert!(q.may_match_in("驿\u{1b}[0m站"));
        for other in ["yizhan", "\"工会 驿站\"", "ABC", "１２"] {
            assert!(Query::parse(other).may_match_in("无关"), "{other}");
        }
    }

    #[test]
    fn the_first_match_is_found_by_bytes_only_where_folding_cannot_differ() {
        let first = |q: &str, text: &str| Query::parse(q).first_match_quick(text);
        assert_eq!(first("驿站", "ＡＢ，工会驿站。驿站"), Some(Some(15..21)));
        assert_eq!(first("驿站", "工会服务站。"), Some(None));
        // Leftmost, then the longest at one start.
        assert_eq!(first("站 工会驿站 工会", "沙河工会驿站"), Some(Some(6..18)));
        // A compatibility ideograph before the hit may fold into an earlier one; a mark
        // after it joins its last character; a zero-width space may join two pieces.
        assert_eq!(first("驿站", "\u{2F2F}驿站"), None);
        assert_eq!(first("驿站", "驿站\u{301}"), None);
        assert_eq!(first("驿站", "驿\u{200B}站"), None);
        // Pinyin, phrases with gaps and Latin terms are left to the matcher.
        for q in ["yizhan", "\"工会 驿站\"", "abc", "驿站 a"] {
            assert_eq!(first(q, "工会驿站"), None, "{q}");
        }
    }

    proptest::proptest! {
        /// Where the byte search answers, it finds the matcher's first match.
        #[test]
        fn a_quick_first_match_is_the_matchers(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "工", "会", "驿", "站", "工会", "驿站", "\u{2F2F}", "\u{F9E8}", "\u{3231}",
                "\u{200B}", "\u{301}", "，", "“", "a", "A", "Ａ", "\u{3000}", "\u{3038}", "㍿",
                "\u{4DC0}", "é", "😀",
            ]), 0..14),
            query in proptest::sample::select(vec![
                "工会", "驿站", "会", "站", "十", "工 站", "会驿 工会", "工会驿站 驿",
            ]),
        ) {
            let text = sanitize(&parts.concat()).into_owned();
            let q = Query::parse(query);
            if let Some(first) = q.first_match_quick(&text) {
                proptest::prop_assert_eq!(first, find_matches(&text, &q).first().cloned(), "{:?}", text);
            }
        }

        /// A row's snippet (no highlights, its first hit found by bytes where that is the
        /// same) is the text of the reader's.
        #[test]
        fn a_rows_snippet_is_the_readers_text(
            paragraphs in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(vec![
                "工会", "驿站", "服务站", "为职工", "，", "。", "\u{2F2F}", "\u{301}", "\u{200B}",
                "\u{1b}[0m", "ＡＢ", "a", "\u{3038}", "😀", "\t",
            ]), 0..30), 0..4),
            query in proptest::sample::select(vec!["工会", "驿站", "站", "工会 驿站", "职工会"]),
            width in 0..50usize,
        ) {
            let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.concat()).collect();
            let q = Query::parse(query);
            let full = crate::search::snippet_of(&paragraphs, Some("记者 工会"), "标题驿站", &q, width);
            let text = crate::search::snippet_text_of(&paragraphs, Some("记者 工会"), "标题驿站", &q, width);
            proptest::prop_assert_eq!(text, full.text);
        }

        /// Where the quick look says no, the matcher finds nothing.
        #[test]
        fn no_means_no_match(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "工", "会", "驿", "站", "\u{2F2F}", "\u{F9E8}", "\u{3231}", "\u{200B}", "\u{1b}[0m",
                "，", "“", "a", "A", "\u{3000}", "\u{3038}", "㍿",
            ]), 0..12),
            query in proptest::sample::select(vec!["工会", "驿站", "会", "站", "株式", "十", "工 站"]),
        ) {
            let text: String = parts.concat();
            let q = Query::parse(query);
            if !q.may_match_in(&text) {
                proptest::prop_assert!(find_matches(&sanitize(&text), &q).is_empty(), "{text:?}");
            }
        }
    }
}
