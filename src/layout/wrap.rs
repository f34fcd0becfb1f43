//! Greedy first-fit wrapping of one paragraph into lines that never exceed the width.
//!
//! Units are the runs of clusters between break opportunities (`breaks.rs`). A unit that
//! fits goes on the current line, otherwise it starts the next one: since a unit carries its
//! NO_START tail and NO_END head, this *is* push-out (推出). ASCII spaces at a break, and at the
//! start and end of every line, are dropped and not counted. A unit wider than a whole line is
//! cut at grapheme boundaries (CSS `overflow-wrap: anywhere`), preferring a cut that leaves no
//! NO_START character at the start and no NO_END character at the end; a single cluster
//! wider than the width gets a line of its own and is never dropped or split.
//!
//! Invariant: no line is wider than `width`, for every `width ≥ 2`. The one exception is a
//! single cluster wider than the width, alone on its line: at width 1 any wide character; at
//! width ≥ 2 only clusters wider than two columns: exotic sequences (a prepended
//! concatenation mark before a letter, `\u{600}中` = 3; a run of conjoining jamo) and, drawn
//! as their parts, emoji sequences (`👨‍👩‍👧` = 6), never Chinese text. Width 0 is treated as 1. The work is linear in
//! the length of the text.

use std::ops::Range;

use super::breaks::{Cluster, clusters, is_no_end, is_no_start};
use super::sanitize::sanitize;
use super::width::{AmbiguousWidth, Clusters, Widths};

/// The first-line indent of a paragraph (首行缩进): two ideographic spaces, 4 columns.
pub const INDENT: &str = "\u{3000}\u{3000}";
const INDENT_WIDTH: usize = 4;

/// How to wrap a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WrapOptions {
    /// How wide East Asian Ambiguous characters are.
    pub ambiguous: AmbiguousWidth,
    /// Open the first line with [`INDENT`]. It is left out when the width is below 6, where
    /// it would leave no room for a Chinese character beside it.
    pub indent: bool,
    /// How clusters of several characters (emoji sequences) are drawn.
    pub clusters: Clusters,
    /// Keep words whole: break only at spaces and punctuation, never between two letters,
    /// digits or Han characters (CSS `word-break: keep-all`). For kanbao's own messages; a
    /// word wider than the line is still cut.
    pub keep_words: bool,
}

impl WrapOptions {
    /// The widths the text is measured with.
    pub fn widths(&self) -> Widths {
        Widths {
            ambiguous: self.ambiguous,
            clusters: self.clusters,
        }
    }
}

/// One wrapped line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedLine {
    /// What the line shows: the indent (first line only, if asked for) then `text[range]`.
    pub text: String,
    /// The bytes of the *sanitized* input this line shows. Spaces dropped at a break lie
    /// between two lines' ranges and belong to neither.
    pub range: Range<usize>,
}

/// Wraps `text` (sanitized first) into lines of at most `width` columns.
///
/// An empty or all-space text gives no lines.
pub fn wrap(text: &str, width: usize, opts: &WrapOptions) -> Vec<WrappedLine> {
    wrap_glued(text, width, opts, &[])
}

/// [`wrap`], with no break inside any of the byte ranges `glued` of the sanitized text (a
/// label and its value, such as `id 2019-01-01-p6-6`): such a range moves to the next line
/// whole, and is cut only when it is wider than a line.
pub fn wrap_glued(
    text: &str,
    width: usize,
    opts: &WrapOptions,
    glued: &[Range<usize>],
) -> Vec<WrappedLine> {
    let clean = sanitize(text);
    let text = clean.as_ref();
    let mut cl = clusters(text, opts.widths(), opts.keep_words);
    for range in glued {
        let first = cl.partition_point(|c| c.start <= range.start);
        for c in cl[first..].iter_mut().take_while(|c| c.start < range.end) {
            c.break_before = false;
        }
    }
    let width = width.max(1);
    let mut filler = Filler {
        text,
        cl: &cl,
        width,
        indent: opts.indent && width >= INDENT_WIDTH + 2,
        lines: Vec::new(),
        line: None,
        used: 0,
        pending: 0,
    };
    let n = cl.len();
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && !cl[j].break_before {
            j += 1;
        }
        let mut k = j;
        while k > i && cl[k - 1].space {
            k -= 1;
        }
        filler.push_unit(i, k, j);
        i = j;
    }
    filler.emit();
    filler.lines
}

/// The state of the line being filled.
struct Filler<'a> {
    text: &'a str,
    cl: &'a [Cluster],
    width: usize,
    indent: bool,
    lines: Vec<WrappedLine>,
    /// Clusters `start..end` of the open line (`end` excludes trailing spaces).
    line: Option<(usize, usize)>,
    /// Columns of the open line's clusters.
    used: usize,
    /// Columns of the spaces after them, counted only if more text follows on this line.
    pending: usize,
}

impl Filler<'_> {
    fn avail(&self) -> usize {
        if self.indent && self.lines.is_empty() {
            self.width - INDENT_WIDTH
        } else {
            self.width
        }
    }

    fn columns(&self, from: usize, to: usize) -> usize {
        self.cl[from..to].iter().map(|c| c.width).sum()
    }

    /// Places the unit of clusters `i..j`, whose content ends at `k` (spaces follow).
    fn push_unit(&mut self, i: usize, k: usize, j: usize) {
        let spaces = self.columns(k, j);
        if k == i {
            if self.line.is_some() {
                self.pending += spaces;
            }
            return;
        }
        let content = self.columns(i, k);
        if let Some((start, _)) = self.line {
            if self.used + self.pending + content <= self.avail() {
                self.line = Some((start, k));
                self.used += self.pending + content;
                self.pending = spaces;
                return;
            }
            self.emit();
        }
        if content <= self.avail() {
            self.line = Some((i, k));
            self.used = content;
        } else {
            self.hard_break(i, k);
        }
        self.pending = spaces;
    }

    /// Cuts clusters `from..to` (a unit wider than a line) into full lines, leaving the last
    /// piece open so that following units may join it.
    fn hard_break(&mut self, mut from: usize, to: usize) {
        loop {
            while from < to && self.cl[from].space {
                from += 1;
            }
            if from == to {
                return;
            }
            let avail = self.avail();
            let (mut fit, mut used) = (from, 0);
            while fit < to && used + self.cl[fit].width <= avail {
                used += self.cl[fit].width;
                fit += 1;
            }
            if fit == to {
                self.line = Some((from, to));
                self.used = used;
                return;
            }
            let cut = if fit == from {
                from + 1
            } else {
                self.best_cut(from, fit)
            };
            let mut end = cut;
            while end > from + 1 && self.cl[end - 1].space {
                end -= 1;
            }
            self.line = Some((from, end));
            self.emit();
            from = cut;
        }
    }

    /// The latest cut in `from+1..=fit` that starts no line with NO_START and ends none
    /// with NO_END, or `fit` when there is none.
    fn best_cut(&self, from: usize, fit: usize) -> usize {
        (from + 1..=fit)
            .rev()
            .find(|&c| {
                // The line will end at the last non-space cluster before the cut.
                let before = self.cl[from..c]
                    .iter()
                    .rev()
                    .find(|cl| !cl.space)
                    .map_or(' ', |cl| cl.first);
                let after = self.cl[c].first;
                let splits_dash = before == '—' && after == '—';
                !(is_no_start(after) || is_no_end(before) || splits_dash)
            })
            .unwrap_or(fit)
    }

    fn emit(&mut self) {
        let Some((start, end)) = self.line.take() else {
            return;
        };
        let range = self.cl[start].start..self.cl[end - 1].end;
        let mut text = String::with_capacity(range.len() + INDENT.len());
        if self.indent && self.lines.is_empty() {
            text.push_str(INDENT);
        }
        text.push_str(&self.text[range.clone()]);
        self.lines.push(WrappedLine { text, range });
        self.used = 0;
        self.pending = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<String> {
        wrap(text, width, &WrapOptions::default())
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn empty_and_blank_text_give_no_lines() {
        assert!(lines("", 10).is_empty());
        assert!(lines("   ", 10).is_empty());
    }

    #[test]
    fn spaces_at_breaks_are_dropped_and_ranges_skip_them() {
        let out = wrap("abc def ghi", 7, &WrapOptions::default());
        let texts: Vec<_> = out.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["abc def", "ghi"]);
        assert_eq!(out[1].range, 8..11);
    }

    #[test]
    fn indent_opens_the_first_line_only() {
        let opts = WrapOptions {
            indent: true,
            ..WrapOptions::default()
        };
        let out = wrap("京南物流基地是北京", 10, &opts);
        let texts: Vec<_> = out.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["\u{3000}\u{3000}京南物", "流基地是北", "京"]);
        assert_eq!(out[0].range, 0..9);
    }

    #[test]
    fn indent_is_left_out_when_the_line_is_too_narrow() {
        let opts = WrapOptions {
            indent: true,
            ..WrapOptions::default()
        };
        let texts: Vec<_> = wrap("京南", 4, &opts).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["京南"]);
    }

    #[test]
    fn a_cluster_wider_than_the_line_is_kept_whole_on_its_own_line() {
        assert_eq!(lines("a\u{600}中b", 2), ["a", "\u{600}中", "b"]);
    }

    #[test]
    fn a_message_keeps_its_words_whole() {
        // 40 columns, the list's margins leave 38: `地区` was split at the edge.
        let opts = WrapOptions {
            keep_words: true,
            ..WrapOptions::default()
        };
        let texts: Vec<_> = wrap("没有符合条件的文章（按 c 清除搜索和地区）", 38, &opts)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(texts, ["没有符合条件的文章（按 c", "清除搜索和地区）"]);
        assert_eq!(
            lines("没有符合条件的文章（按 c 清除搜索和地区）", 38),
            ["没有符合条件的文章（按 c 清除搜索和地", "区）"]
        );
    }

    #[test]
    fn emoji_sequences_are_as_wide_as_the_terminal_draws_them() {
        let family = "家庭👨\u{200d}👩\u{200d}👧合影";
        let parts = lines(family, 8);
        assert_eq!(parts, ["家庭", "👨\u{200d}👩\u{200d}👧合", "影"]);
        let whole = WrapOptions {
            clusters: Clusters::Whole,
            ..WrapOptions::default()
        };
        let texts: Vec<_> = wrap(family, 8, &whole)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(texts, ["家庭👨\u{200d}👩\u{200d}👧合", "影"]);
    }

    #[test]
    fn a_glued_range_moves_to_the_next_line_whole() {
        let text = "新闻 · id 2019-01-01-p6-6";
        let id = 10..text.len();
        let glued = |width| -> Vec<String> {
            wrap_glued(
                text,
                width,
                &WrapOptions::default(),
                std::slice::from_ref(&id),
            )
            .into_iter()
            .map(|l| l.text)
            .collect()
        };
        assert_eq!(lines(text, 12), ["新闻 · id", "2019-01-01-", "p6-6"]);
        assert_eq!(glued(12), ["新闻 ·", "id 2019-01-0", "1-p6-6"]);
        assert_eq!(lines(text, 20), ["新闻 · id", "2019-01-01-p6-6"]);
        assert_eq!(glued(20), ["新闻 ·", "id 2019-01-01-p6-6"]);
    }

    #[test]
    fn a_run_of_closing_punctuation_wider_than_the_line_is_cut() {
        assert_eq!(lines("。。。。", 4), ["。。", "。。"]);
    }
}
