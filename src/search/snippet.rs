//! Snippets: one line around the first hit (of an `OR` group's alternative when the query
//! has no term), cut to a display width.

use std::ops::Range;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Query, Term, find_matches, matches_of};
use crate::article::Article;
use crate::layout::sanitize;

/// The mark put where a snippet is cut.
const ELLIPSIS: &str = "…";

/// One line of text to show in a result list, with the hits to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The line, at most the requested width in columns, with `…` where it was cut.
    pub text: String,
    /// Byte ranges of hits inside `text`, sorted and non-overlapping.
    pub highlights: Vec<Range<usize>>,
}

/// The snippet of `article` for `query`, at most `width` columns wide.
///
/// It is taken around the first hit in the paragraphs, else in the byline; for a query with
/// no term but `OR` groups (`kuaidi|zzzz`), around the first hit of an alternative there,
/// which is not highlighted (search.md §11); when the query hits only the headings (or is
/// empty), it is the start of the first paragraph (the title for an article with no
/// paragraphs). Lines are cut between grapheme clusters, never through a character; about
/// a third of the width is kept before the hit as context.
pub fn snippet(article: &Article, query: &Query, width: usize) -> Snippet {
    let byline = article.byline.as_deref();
    snippet_of(&article.paragraphs, byline, &article.title, query, width)
}

/// [`snippet()`] of an article given by its parts: its paragraphs, its byline and its
/// title (for rows read without making an [`Article`]).
pub fn snippet_of<S: AsRef<str>>(
    paragraphs: &[S],
    byline: Option<&str>,
    title: &str,
    query: &Query,
    width: usize,
) -> Snippet {
    cut_from((paragraphs, byline, title), query, width, true)
}

/// The text of [`snippet_of`] alone, for the rows of `kanbao search` (which show no
/// highlights): a paragraph's first hit is found by a byte search where that finds the
/// same ([`Query::first_match_quick`]), not by folding the paragraph.
pub fn snippet_text_of<S: AsRef<str>>(
    paragraphs: &[S],
    byline: Option<&str>,
    title: &str,
    query: &Query,
    width: usize,
) -> String {
    cut_from((paragraphs, byline, title), query, width, false).text
}

/// [`snippet_of`], with its highlights or without them.
fn cut_from<S: AsRef<str>>(
    (paragraphs, byline, title): (&[S], Option<&str>, &str),
    query: &Query,
    width: usize,
    highlights: bool,
) -> Snippet {
    // Sanitised first (escape sequences gone, other controls and bidi overrides visible),
    // as everything from the data that reaches a terminal.
    let body = paragraphs.iter().map(AsRef::as_ref).chain(byline);
    // A query of `OR` groups alone has no hit to count or light (search.md §11), but the
    // row says why the article is there: it is cut around an alternative's first hit.
    let alternatives: Vec<&Term> = match query.is_empty() {
        true => query.ops().any.iter().flatten().collect(),
        false => Vec::new(),
    };
    if !alternatives.is_empty() {
        let may_match = |field: &&str| alternatives.iter().any(|t| t.may_match_in(field));
        for field in body.filter(may_match) {
            let field = sanitize(field);
            let first = matches_of(&field, alternatives.iter().copied())
                .into_iter()
                .next();
            if let Some(focus) = first {
                return cut(&field, focus, &[], width);
            }
        }
    } else {
        // A field the query cannot match in is passed over unfolded.
        for field in body.filter(|field| query.may_match_in(field)) {
            let field = sanitize(field);
            let (first, matches) = match (highlights, query.first_match_quick(&field)) {
                (false, Some(first)) => (first, Vec::new()),
                _ => {
                    let matches = find_matches(&field, query);
                    (matches.first().cloned(), matches)
                }
            };
            if let Some(focus) = first {
                return cut(&field, focus, &matches, width);
            }
        }
    }
    let field = sanitize(paragraphs.first().map_or(title, AsRef::as_ref));
    let matches = match highlights {
        true => find_matches(&field, query),
        false => Vec::new(),
    };
    cut(&field, 0..0, &matches, width)
}

/// One grapheme cluster of the source line as it will be shown.
struct Cluster<'a> {
    range: Range<usize>,
    shown: &'a str,
    width: usize,
}

/// Splits `text[part]` into clusters (ranges in `text`); control characters are shown as a
/// space (whitespace) or U+FFFD so that a snippet is always one clean line.
fn clusters<'a>(text: &'a str, part: Range<usize>) -> Vec<Cluster<'a>> {
    let offset = part.start;
    let part = text.get(part).unwrap_or_default();
    let mut out = Vec::with_capacity(part.len() / 2);
    let segment = |out: &mut Vec<Cluster<'a>>, from: usize, to: usize| {
        let clusters = part[from..to].grapheme_indices(true);
        out.extend(clusters.map(|(i, g)| cluster(offset + from + i, g)));
    };
    // Between two plain characters there is always a cluster boundary, so a plain character
    // with plain ones on both sides is a cluster of its own; only the stretches between such
    // boundaries that hold anything else are segmented.
    let mut stretch = 0;
    let mut chars = part.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let Some(&(next, d)) = chars.peek() else {
            break;
        };
        if is_plain(c) && is_plain(d) {
            match stretch == at {
                true => out.push(Cluster {
                    range: offset + at..offset + next,
                    shown: &part[at..next],
                    width: c.width().unwrap_or(0),
                }),
                false => segment(&mut out, stretch, next),
            }
            stretch = next;
        }
    }
    segment(&mut out, stretch, part.len());
    out
}

/// A character that is a grapheme cluster of its own next to another such: printable ASCII,
/// the Han ideographs and the punctuation of Chinese news text (none of them extends,
/// prepends to, joins or pairs with a neighbour in the cluster rules).
fn is_plain(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF5E}'
        | '\u{3001}'..='\u{3011}'
        | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{2026}'
        | '\u{B7}')
}

/// The cluster `g` found at byte `at` of the text, as it will be shown.
fn cluster(at: usize, g: &str) -> Cluster<'_> {
    let shown = if g.chars().any(char::is_control) {
        if g.chars().all(char::is_whitespace) {
            " "
        } else {
            "\u{FFFD}"
        }
    } else {
        g
    };
    Cluster {
        range: at..at + g.len(),
        shown,
        width: shown.width(),
    }
}

/// Cuts `text` to `width` columns keeping `focus` (a byte range) in view, and maps `matches`
/// (byte ranges in `text`) into the result.
fn cut(text: &str, focus: Range<usize>, matches: &[Range<usize>], width: usize) -> Snippet {
    // Only the part of a long paragraph near the hit can be shown: cluster that alone. A
    // narrow part first (two bytes a column each side: a Chinese line takes 1.5); a snippet
    // that reached neither of its ends, from a part that does not fit but for its
    // ellipses, is the one the wide part gives.
    for reach in [
        width.saturating_mul(2).saturating_add(8),
        width.saturating_mul(4).max(64),
    ] {
        let part = window(text, &focus, reach);
        if let (snippet, false) = cut_part(text, part, focus.clone(), matches, width) {
            return snippet;
        }
    }
    // Text of many bytes a column (stacked marks, zero-width clusters): all of it.
    cut_part(text, 0..text.len(), focus, matches, width).0
}

/// [`cut`] looking only at `text[part]` (which holds `focus`); also whether a wider part
/// may give another snippet: when this one reaches an end of `part` that is not an end of
/// `text`, or when all of `part` fits but for its ellipses.
fn cut_part(
    text: &str,
    part: Range<usize>,
    focus: Range<usize>,
    matches: &[Range<usize>],
    width: usize,
) -> (Snippet, bool) {
    let (cut_before, cut_after) = (part.start > 0, part.end < text.len());
    let cs = clusters(text, part);
    let n = cs.len();
    let a = cs
        .iter()
        .position(|c| c.range.end > focus.start)
        .unwrap_or(n);
    let b = cs
        .iter()
        .position(|c| c.range.start >= focus.end)
        .unwrap_or(n)
        .max(a);
    // widths[i]: the width of the first i clusters.
    let widths: Vec<usize> = std::iter::once(0)
        .chain(cs.iter().scan(0, |sum, c| {
            *sum += c.width;
            Some(*sum)
        }))
        .collect();
    let span = |l: usize, r: usize| widths[r] - widths[l];
    let cut_at_start = |l: usize| l > 0 || cut_before;
    let cut_at_end = |r: usize| r < n || cut_after;
    let fits = |l: usize, r: usize| {
        span(l, r) + usize::from(cut_at_start(l)) + usize::from(cut_at_end(r)) <= width
    };

    let (mut l, mut r) = if fits(0, n) { (0, n) } else { (a, a) };
    if (l, r) != (0, n) {
        // The hit first, then some context before it, then as much after it as fits, then
        // anything left before it.
        while r < b && fits(l, r + 1) {
            r += 1;
        }
        while l > 0 && span(l, a) < width / 3 && fits(l - 1, r) {
            l -= 1;
        }
        while r < n && fits(l, r + 1) {
            r += 1;
        }
        while l > 0 && fits(l - 1, r) {
            l -= 1;
        }
    }

    // A wider part gives another snippet only when this one reaches an end of the part, or
    // when the part's clusters fit without ellipses: then a wider part with nothing more to
    // show (zero-width clusters: a soft hyphen, U+2061–U+2064) fits whole, uncut.
    let short = (cut_before || cut_after)
        && ((l == 0 && cut_before) || (r == n && cut_after) || widths[n] <= width);
    let mut out = Snippet::default();
    if cut_at_start(l) && width > 0 {
        out.text.push_str(ELLIPSIS);
    }
    // Where each shown cluster starts in the snippet, to map match offsets.
    let mut starts = Vec::with_capacity(r - l);
    for c in &cs[l..r] {
        starts.push(out.text.len());
        out.text.push_str(c.shown);
    }
    let shown_end = out.text.len();
    if cut_at_end(r) && out.text.width() < width {
        out.text.push_str(ELLIPSIS);
    }

    let map = |at: usize, is_end: bool| -> usize {
        let k = cs[l..r].partition_point(|c| c.range.end <= at);
        match cs.get(l + k) {
            Some(c) if k < r - l => {
                if c.shown.len() == c.range.len() {
                    starts[k] + (at - c.range.start)
                } else if is_end && at > c.range.start {
                    starts[k] + c.shown.len()
                } else {
                    starts[k]
                }
            }
            _ => shown_end,
        }
    };
    if l < r {
        let lo = cs[l].range.start;
        let hi = cs[r - 1].range.end;
        for m in matches {
            let (s, e) = (m.start.max(lo), m.end.min(hi));
            if s < e {
                let range = map(s, false)..map(e, true);
                if !range.is_empty() {
                    out.highlights.push(range);
                }
            }
        }
    }
    (out, short)
}

/// The byte range of `text` within `reach` bytes of `focus` on each side (the whole text
/// when that cannot hold it). A column takes at most 4 bytes in ordinary text (1 for ASCII,
/// 1.5 for Chinese, 2 for an emoji), so `4 × width` bytes each side is enough for a
/// snippet `width` columns wide; text with many zero-width marks only makes the snippet
/// come out shorter, never wider. Both ends are grapheme cluster boundaries.
fn window(text: &str, focus: &Range<usize>, reach: usize) -> Range<usize> {
    let start = cluster_start(text, focus.start.saturating_sub(reach));
    let end = cluster_start(text, focus.end.saturating_add(reach).min(text.len()));
    if start <= focus.start && end >= focus.end {
        start..end
    } else {
        0..text.len()
    }
}

/// The start of the grapheme cluster holding byte `at` (or `text.len()` at the end).
fn cluster_start(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) => at,
        Ok(false) => cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0),
        Err(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn plain_characters_cluster_as_the_rules_say(
            parts in proptest::collection::vec(prop::sample::select(vec![
                "a", " ", "工", "，", "。", "“", "—", "·", "\u{301}", "\u{200D}", "😀",
                "\u{1F1E8}", "\u{1F1F3}", "\r", "\n", "\u{1100}", "\u{1161}", "한",
                "\u{FE0F}", "\u{0915}", "\u{094D}", "\u{0600}", "\u{7}", "\u{302A}",
            ]), 0..30),
            skip in 0usize..4,
        ) {
            let text: String = parts.concat();
            let from = text.char_indices().nth(skip).map_or(text.len(), |(at, _)| at);
            let got: Vec<(Range<usize>, String, usize)> = clusters(&text, from..text.len())
                .into_iter()
                .map(|c| (c.range, c.shown.to_string(), c.width))
                .collect();
            let want: Vec<(Range<usize>, String, usize)> = text[from..]
                .grapheme_indices(true)
                .map(|(at, g)| cluster(from + at, g))
                .map(|c| (c.range, c.shown.to_string(), c.width))
                .collect();
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn short_text_is_whole() {
        let s = cut("工会驿站", 0..3, std::slice::from_ref(&(0..3)), 20);
        assert_eq!(s.text, "工会驿站");
        assert_eq!(s.highlights, std::slice::from_ref(&(0..3)));
    }

    #[test]
    fn zero_width_is_empty() {
        let s = cut("工会驿站", 3..6, std::slice::from_ref(&(3..6)), 0);
        assert_eq!(s.text, "");
        assert!(s.highlights.is_empty());
    }

    #[test]
    fn a_hit_deep_in_a_long_paragraph_is_cut_around_it() {
        let text = format!("{}工会驿站{}", "甲".repeat(5000), "乙".repeat(5000));
        let at = 3 * 5000;
        let s = cut(&text, at..at + 6, std::slice::from_ref(&(at..at + 6)), 20);
        assert_eq!(s.text, "…甲甲甲工会驿站乙乙…");
        assert_eq!(s.highlights, std::slice::from_ref(&(12..18)));
    }

    proptest::proptest! {
        /// Looking only at the window (narrow, then wide, then everything, each when the
        /// snippet may differ in a wider part) gives the same snippet as looking at
        /// everything, soft hyphens (zero-width clusters) too.
        #[test]
        fn the_window_changes_nothing(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    "工会", "，", "MALL ", "😀", "e\u{301}", "１５％", "a", "o\u{301}\u{302}\u{303}\u{304}", "\u{AD}\u{AD}\u{AD}\u{AD}\u{AD}\u{AD}\u{AD}\u{AD}",
                ][..]),
                0..400,
            ),
            at in 0usize..400,
            width in 0usize..90,
        ) {
            let text: String = pieces.concat();
            let (got, whole) = cut_and_whole(&text, (at * 7).min(text.len()), width);
            proptest::prop_assert_eq!(got, whole);
        }
    }

    /// The snippet of a one-character hit at byte `start` (moved back to a character
    /// boundary), as [`cut`] makes it and as cutting the whole text does.
    fn cut_and_whole(text: &str, mut start: usize, width: usize) -> (Snippet, Snippet) {
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
        let focus = start..end;
        let matches = [focus.clone()];
        (
            cut(text, focus.clone(), &matches, width),
            cut_part(text, 0..text.len(), focus, &matches, width).0,
        )
    }

    /// A part that fits but for its ellipses, with only zero-width clusters (soft hyphens)
    /// beyond it: the whole text fits, and the narrow part must not cut it.
    #[test]
    fn zero_width_clusters_beyond_the_narrow_part_are_not_cut_off() {
        let text = format!("{}<m>", "\u{AD}".repeat(10));
        let focus = text.len() - 2..text.len() - 1;
        let s = cut(&text, focus.clone(), std::slice::from_ref(&focus), 3);
        assert_eq!(s.text, text);
    }

    /// Soft hyphens beyond the wide part too: the whole text fits, and is shown uncut.
    #[test]
    fn zero_width_clusters_beyond_the_wide_part_are_not_cut_off() {
        let text = format!("{}<m>", "\u{AD}".repeat(40));
        let focus = text.len() - 2..text.len() - 1;
        let s = cut(&text, focus.clone(), std::slice::from_ref(&focus), 3);
        assert_eq!(s.text, text);
    }

    proptest::proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        /// The windows give the snippet the whole text gives, with runs of zero-width
        /// clusters (soft hyphens, invisible operators) around the hit.
        #[test]
        fn zero_width_runs_change_nothing(
            before in proptest::collection::vec(proptest::sample::select(&["\u{AD}", "\u{2064}", "a"][..]), 0..40),
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    "工会", "，", "MALL ", "😀", "e\u{301}", "a", "o\u{301}\u{302}\u{303}\u{304}",
                    "\u{AD}", "\u{2064}", "\u{7}",
                ][..]),
                0..40,
            ),
            after in proptest::collection::vec(proptest::sample::select(&["\u{AD}", "\u{2064}", "a"][..]), 0..40),
            at in 0usize..400,
            width in 0usize..40,
        ) {
            let (before, middle) = (before.concat(), pieces.concat());
            let text = [before.as_str(), &middle, &after.concat()].concat();
            // The hit in the middle part, the zero-width ones around it.
            let at = before.len() + at % (middle.len() + 1);
            let (got, whole) = cut_and_whole(&text, at, width);
            proptest::prop_assert_eq!(got, whole);
        }
    }

    #[test]
    fn window_ends_are_cluster_boundaries() {
        // e + combining acute: the window must not start on the mark.
        let text = format!("{}e\u{301}{}工会", "x".repeat(100), "y".repeat(100));
        let focus = text.len() - 6..text.len();
        let part = window(&text, &focus, 64);
        assert!(part.start == 0 || !text[part.start..].starts_with('\u{301}'));
        assert_eq!(cluster_start(&text, 101), 100);
    }

    #[test]
    fn control_characters_become_visible_placeholders() {
        let s = cut("a\u{7}b\nc", 0..0, &[], 10);
        assert_eq!(s.text, "a\u{FFFD}b c");
    }
}
