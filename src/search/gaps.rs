//! Quoted phrases whose spaces may be absent or any whitespace (issue 13).
//!
//! Chinese is written without spaces between words, so a space typed inside quotes between
//! two Han characters (`"工会 驿站"`), or between the pinyin syllables of a phrase
//! (`"gonghui yizhan"`), is only the user's way of typing it: such a *gap* matches nothing
//! or any run of whitespace (spaces, full-width spaces, tabs; never a line break, so no
//! match spans two fields). `"工会 驿站"` finds 工会驿站, 工会 驿站 and 工会　驿站, and the hit
//! is the text as it stands. Any other space of a phrase stays literal (`"A 股"`).
//!
//! A phrase with gaps is its *pieces*, the folded text between gaps. A match is an
//! occurrence of the first piece, then each next piece after optional whitespace; matches
//! are reported leftmost first, never overlapping (as `memmem`'s are for a plain term).

use memchr::memmem::Finder;

use super::utf16;

/// Whether `c` is a Han character (CJK unified ideographs, their extensions, and the
/// compatibility ideographs; `〇`).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}

/// Whitespace a gap may hold: any but a line break (which ends a field).
pub(crate) fn is_gap(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// The pieces of folded phrase `folded`, cut at every run of whitespace whose neighbours
/// `joins` (the character before, the one after) accepts; `None` when there is no such run.
pub fn pieces(folded: &str, joins: impl Fn(char, char) -> bool) -> Option<Vec<String>> {
    let chars: Vec<char> = folded.chars().collect();
    let mut pieces = vec![String::new()];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_gap(c) && i > 0 {
            let run_end = (i..chars.len())
                .find(|&j| !is_gap(chars[j]))
                .unwrap_or(chars.len());
            if run_end < chars.len() && joins(chars[i - 1], chars[run_end]) {
                pieces.push(String::new());
                i = run_end;
                continue;
            }
        }
        if let Some(last) = pieces.last_mut() {
            last.push(c);
        }
        i += 1;
    }
    (pieces.len() > 1 && pieces.iter().all(|p| !p.is_empty())).then_some(pieces)
}

/// A phrase with gaps, compiled for folded text in UTF-8 and in UTF-16LE (the index's).
#[derive(Debug, Clone)]
pub struct Gapped {
    /// The folded pieces, two or more, none empty.
    pieces: Vec<String>,
    /// The pieces as UTF-16LE bytes.
    pieces16: Vec<Vec<u8>>,
    first: Finder<'static>,
    first16: Finder<'static>,
}

impl Gapped {
    /// The phrase of `pieces` (folded, two or more, none empty).
    pub fn new(pieces: Vec<String>) -> Gapped {
        let pieces16: Vec<Vec<u8>> = pieces.iter().map(|p| utf16::encode(p)).collect();
        let first = Finder::new(pieces[0].as_bytes()).into_owned();
        let first16 = Finder::new(&pieces16[0]).into_owned();
        Gapped {
            pieces,
            pieces16,
            first,
            first16,
        }
    }

    /// The folded pieces.
    pub fn pieces(&self) -> &[String] {
        &self.pieces
    }

    /// Where a match whose first piece ends at `at` in folded `text` ends, if it does.
    fn extend(&self, text: &str, mut at: usize) -> Option<usize> {
        for piece in &self.pieces[1..] {
            let rest = text.get(at..)?;
            at += rest.len() - rest.trim_start_matches(is_gap).len();
            if !text.get(at..)?.starts_with(piece.as_str()) {
                return None;
            }
            at += piece.len();
        }
        Some(at)
    }

    /// [`Gapped::extend`] in UTF-16LE bytes.
    fn extend16(&self, units: &[u8], mut at: usize) -> Option<usize> {
        for piece in &self.pieces16[1..] {
            while let Some(pair) = units.get(at..at + 2) {
                let unit = u16::from_le_bytes([pair[0], pair[1]]);
                if !char::from_u32(u32::from(unit)).is_some_and(is_gap) {
                    break;
                }
                at += 2;
            }
            if !units.get(at..)?.starts_with(piece) {
                return None;
            }
            at += piece.len();
        }
        Some(at)
    }

    /// Calls `at(start, end)` for each match in folded `text` (byte offsets), leftmost
    /// first, not overlapping; stops when `at` returns false.
    pub fn for_each(&self, text: &str, mut at: impl FnMut(usize, usize) -> bool) {
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(found) = bytes.get(from..).and_then(|rest| self.first.find(rest)) {
            let start = from + found;
            match self.extend(text, start + self.pieces[0].len()) {
                Some(end) => {
                    if !at(start, end) {
                        return;
                    }
                    from = end;
                }
                // The next start: one character on (a piece starts with a whole one).
                None => from = start + text[start..].chars().next().map_or(1, char::len_utf8),
            }
        }
    }

    /// Calls `at(start, end)` for each match in folded text held as UTF-16LE bytes (byte
    /// offsets, on code units), leftmost first, not overlapping.
    pub fn for_each_utf16(&self, units: &[u8], mut at: impl FnMut(usize, usize)) {
        let mut from = 0;
        while let Some(found) = units.get(from..).and_then(|rest| self.first16.find(rest)) {
            let start = from + found;
            if start % 2 == 1 {
                from = start + 1;
                continue;
            }
            match self.extend16(units, start + self.pieces16[0].len()) {
                Some(end) => {
                    at(start, end);
                    from = end;
                }
                None => from = start + 2,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn han(a: char, b: char) -> bool {
        is_han(a) && is_han(b)
    }

    fn matches(phrase: &str, text: &str) -> Vec<(usize, usize)> {
        let g = Gapped::new(pieces(phrase, han).unwrap());
        let mut out = Vec::new();
        g.for_each(text, |s, e| {
            out.push((s, e));
            true
        });
        // The UTF-16 form finds the same matches (offsets converted to UTF-8 ones).
        let mut out16 = Vec::new();
        g.for_each_utf16(&utf16::encode(text), |s, e| out16.push((s, e)));
        let to8 = |b16: usize| {
            let mut units = 0;
            text.char_indices()
                .find(|(_, c)| {
                    let here = units;
                    units += 2 * c.len_utf16();
                    here == b16
                })
                .map_or(text.len(), |(i, _)| i)
        };
        let converted: Vec<(usize, usize)> = out16.iter().map(|&(s, e)| (to8(s), to8(e))).collect();
        assert_eq!(out, converted, "{phrase:?} in {text:?}");
        out
    }

    #[test]
    fn only_spaces_between_han_characters_are_gaps() {
        assert_eq!(pieces("工会 驿站", han).unwrap(), ["工会", "驿站"]);
        assert_eq!(
            pieces("工会 \t 驿站 开放", han).unwrap(),
            ["工会", "驿站", "开放"]
        );
        assert_eq!(pieces("a 股 市场", han).unwrap(), ["a 股", "市场"]);
        assert!(pieces("a 股", han).is_none());
        assert!(pieces("工会驿站", han).is_none());
        assert!(pieces("2024 年", han).is_none());
    }

    #[test]
    fn a_gap_matches_nothing_or_any_whitespace_but_a_line_break() {
        let text = "工会驿站；工会 驿站；工会\u{3000}\t驿站；工会\n驿站";
        let found = matches("工会 驿站", text);
        let hits: Vec<&str> = found.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(hits, ["工会驿站", "工会 驿站", "工会\u{3000}\t驿站"]);
    }

    #[test]
    fn a_failed_start_does_not_hide_a_match_right_after_it() {
        assert_eq!(matches("哈哈 笑", "哈哈哈笑"), [(3, 12)]);
        assert_eq!(matches("工会 驿站", "工会 工会驿站"), [(7, 19)]);
        assert!(matches("工会 驿站", "工会 驿").is_empty());
    }

    /// The engine as the CLI and the reader use it: the index and the one-off search, the
    /// hits, the highlighted ranges and snippets, and the operators.
    mod engine {
        use crate::article::Article;
        use crate::search::{Query, SearchIndex, find_matches, search_articles, snippet};

        fn article(id: &str, text: &str) -> Article {
            Article {
                id: id.into(),
                title: format!("标题{id}"),
                paragraphs: vec![text.into()],
                ..Article::default()
            }
        }

        fn articles() -> Vec<Article> {
            vec![
                article("1", "西城区工会驿站开放。"),
                article("2", "西城区工会 驿站开放，工会驿站。"),
                article("3", "西城区工会\u{3000}驿站开放。"),
                article("4", "西城区工会\n驿站开放。"),
                article("5", "西城区工会，驿站开放。"),
            ]
        }

        /// (id, hits) by both paths of the engine, which must agree.
        fn found(query: &str) -> Vec<(String, usize)> {
            let all = articles();
            let q = Query::parse(query);
            let once: Vec<(String, usize)> = search_articles(&all, &q, 0..all.len())
                .iter()
                .map(|h| (all[h.index].id.clone(), h.hits))
                .collect();
            let kept: Vec<(String, usize)> = SearchIndex::new(&all)
                .search(&q)
                .iter()
                .map(|h| (all[h.index].id.clone(), h.hits))
                .collect();
            let cancellable: Vec<String> = SearchIndex::new(&all)
                .search_cancellable(&q, &|| false)
                .unwrap_or_default()
                .iter()
                .map(|h| all[h.index].id.clone())
                .collect();
            assert_eq!(once, kept, "{query}");
            let ids: Vec<String> = once.iter().map(|(id, _)| id.clone()).collect();
            assert_eq!(ids, cancellable, "{query}");
            once
        }

        fn ids(query: &str) -> Vec<String> {
            let mut ids: Vec<String> = found(query).into_iter().map(|(id, _)| id).collect();
            ids.sort();
            ids
        }

        #[test]
        fn a_quoted_han_phrase_finds_it_with_or_without_whitespace() {
            for q in [
                "\"工会 驿站\"",
                "“工会 驿站”",
                "\"工会\u{3000}驿站\"",
                "\"工会  驿站\"",
            ] {
                assert_eq!(ids(q), ["1", "2", "3"], "{q}");
            }
            // Article 2 has it twice, once with a space.
            assert!(found("\"工会 驿站\"").contains(&("2".to_string(), 2)));
            // Unquoted, the space separates two terms, as before.
            assert_eq!(ids("工会 驿站"), ["1", "2", "3", "4", "5"]);
            // Without a space in the quotes there is no gap.
            assert_eq!(ids("\"工会驿站\""), ["1", "2"]);
            // With other terms: the several-term paths.
            assert_eq!(ids("\"工会 驿站\" 开放"), ["1", "2", "3"]);
            assert_eq!(ids("\"工会 驿站\" kaifang"), ["1", "2", "3"]);
            assert_eq!(
                ids("\"西城区 工会\" \"驿站 开放\""),
                ["1", "2", "3", "4", "5"]
            );
            assert_eq!(ids("\"区工 会驿\""), ["1"]);
        }

        #[test]
        fn pinyin_syllables_in_quotes_find_the_han_text_and_the_letters() {
            assert_eq!(ids("\"gonghui yizhan\""), ["1", "2"]);
            let mut latin = articles();
            latin.push(article("6", "new york"));
            latin.push(article("7", "newyork"));
            let q = Query::parse("\"new york\"");
            let hits = search_articles(&latin, &q, 0..latin.len());
            let mut ids: Vec<&str> = hits.iter().map(|h| latin[h.index].id.as_str()).collect();
            ids.sort_unstable();
            assert_eq!(ids, ["6", "7"]);
        }

        #[test]
        fn hits_and_snippets_show_the_text_as_it_stands() {
            let text = "工会\u{3000}驿站和工会驿站";
            let q = Query::parse("\"工会 驿站\"");
            let hits: Vec<&str> = find_matches(text, &q)
                .into_iter()
                .map(|r| &text[r])
                .collect();
            assert_eq!(hits, ["工会\u{3000}驿站", "工会驿站"]);
            let s = snippet(&article("x", "西城区工会 驿站开放。"), &q, 40);
            let lit: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
            assert_eq!(lit, ["工会 驿站"]);
        }

        #[test]
        fn operators_take_phrases_with_gaps() {
            let a = article("1", "西城区工会 驿站开放。");
            assert!(!Query::try_parse("开放 -\"工会 驿站\"").unwrap().admits(&a));
            assert!(Query::try_parse("开放 -\"工会 食堂\"").unwrap().admits(&a));
            let mut titled = article("2", "");
            titled.title = "工会驿站开放".into();
            assert!(
                Query::try_parse("title:\"工会 驿站\"")
                    .unwrap()
                    .admits(&titled)
            );
        }
    }
}
