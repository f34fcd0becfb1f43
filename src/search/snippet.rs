//! Snippets: one line around the first hit, cut to a display width.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Query, find_matches};
use crate::article::Article;

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
/// It is taken around the first hit in the paragraphs, else in the byline; when the query
/// hits only the headings (or is empty), it is the start of the first paragraph (the title
/// for an article with no paragraphs). Lines are cut between grapheme clusters, never
/// through a character; about a third of the width is kept before the hit as context.
pub fn snippet(article: &Article, query: &Query, width: usize) -> Snippet {
    let body = article.paragraphs.iter().chain(&article.byline);
    for field in body {
        let matches = find_matches(field, query);
        if let Some(first) = matches.first() {
            let focus = first.clone();
            return cut(field, focus, &matches, width);
        }
    }
    let field = article.paragraphs.first().unwrap_or(&article.title);
    let matches = find_matches(field, query);
    cut(field, 0..0, &matches, width)
}

/// One grapheme cluster of the source line as it will be shown.
struct Cluster<'a> {
    range: Range<usize>,
    shown: &'a str,
    width: usize,
}

/// Splits `text` into clusters; control characters are shown as a space (whitespace) or
/// U+FFFD so that a snippet is always one clean line.
fn clusters(text: &str) -> Vec<Cluster<'_>> {
    text.grapheme_indices(true)
        .map(|(at, g)| {
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
        })
        .collect()
}

/// Cuts `text` to `width` columns keeping `focus` (a byte range) in view, and maps `matches`
/// (byte ranges in `text`) into the result.
fn cut(text: &str, focus: Range<usize>, matches: &[Range<usize>], width: usize) -> Snippet {
    let cs = clusters(text);
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
    let span = |l: usize, r: usize| cs[l..r].iter().map(|c| c.width).sum::<usize>();
    let fits = |l: usize, r: usize| span(l, r) + usize::from(l > 0) + usize::from(r < n) <= width;

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

    let mut out = Snippet::default();
    if l > 0 && width > 0 {
        out.text.push_str(ELLIPSIS);
    }
    // Where each shown cluster starts in the snippet, to map match offsets.
    let mut starts = Vec::with_capacity(r - l);
    for c in &cs[l..r] {
        starts.push(out.text.len());
        out.text.push_str(c.shown);
    }
    let shown_end = out.text.len();
    if r < n && out.text.width() < width {
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn control_characters_become_visible_placeholders() {
        let s = cut("a\u{7}b\nc", 0..0, &[], 10);
        assert_eq!(s.text, "a\u{FFFD}b c");
    }
}
