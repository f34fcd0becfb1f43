//! Full-width operator marks (session 31). A Chinese input method's full-width mode, and
//! text pasted from one, writes `｜` `－` `＂` `：` for `|` `-` `"` `:`, and `ＯＲ` for
//! `OR`; users without an input method paste such text too. Each is taken as its ASCII
//! form before the query is split, so it means what that means wherever that means
//! something: an alternative, an exclusion, a phrase, an operator's colon, `OR`. Elsewhere
//! nothing changes: inside a term or a phrase the mark is searched for, and search folds
//! it to its ASCII form anyway (NFKC, see `fold`), so `１－２月` and `"a｜b"` are found as
//! before. `＋` and `（）` have no meaning in a query, in either width.

use std::borrow::Cow;

/// The full-width marks that stand for an operator's ASCII mark.
const MARKS: [(char, char); 3] = [('｜', '|'), ('－', '-'), ('＂', '"')];

/// `input` with the full-width operator marks (`｜` `－` `＂`) as their ASCII forms, and a
/// word `ＯＲ` as `OR`; the colon `：` is taken as `:` where an operator is read (see
/// `ops::split_op`). Characters are replaced one for one, so a query's length in
/// characters is unchanged.
pub(crate) fn ascii_marks(input: &str) -> Cow<'_, str> {
    let wide = |c: char| MARKS.iter().any(|(w, _)| *w == c);
    if !input.contains(wide) && !input.contains("ＯＲ") {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        out.push(MARKS.iter().find(|(w, _)| *w == c).map_or(c, |(_, a)| *a));
    }
    if out.contains("ＯＲ") {
        out = or_words(&out);
    }
    Cow::Owned(out)
}

/// `text` with each word `ＯＲ` (between spaces, as `OR` must be) written `OR`.
fn or_words(text: &str) -> String {
    let spaced = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || c.is_control());
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("ＯＲ") {
        let (head, tail) = rest.split_at(at);
        let after = &tail["ＯＲ".len()..];
        // The word's start: the text before it in `out` and `head`.
        out.push_str(head);
        let before = out.chars().next_back();
        if spaced(before) && spaced(after.chars().next()) {
            out.push_str("OR");
        } else {
            out.push_str("ＯＲ");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_ascii_one_for_one() {
        assert_eq!(ascii_marks("a｜b －c ＂d e＂"), "a|b -c \"d e\"");
        assert!(matches!(
            ascii_marks("工会 title：kuaidi"),
            Cow::Borrowed(_)
        ));
        assert_eq!(ascii_marks("快递 ＯＲ 驿站"), "快递 OR 驿站");
        assert_eq!(ascii_marks("ＯＲ　驿站"), "OR　驿站");
        // Only the word: `ＯＲＧ` and `ａＯＲ` are terms.
        assert_eq!(ascii_marks("ＯＲＧ ａＯＲ"), "ＯＲＧ ａＯＲ");
        for text in ["a｜b－c＂ ＯＲ", "ＯＲ", "x"] {
            let out = ascii_marks(text);
            assert_eq!(out.chars().count(), text.chars().count(), "{text}");
        }
    }
}
