//! The open article: its laid-out lines, where the reader is in them, and the search hits.

mod place;
mod saved;

use std::ops::Range;

use place::{Place, line_of, place_of};
use saved::{line_at, position_at};

use crate::article::Article;
use crate::i18n::Msg;
use crate::layout::{self, LaidLine, LayoutOptions, LineRole, Pages, WrapOptions, sanitize, wrap};
use crate::search::{Query, find_matches};
use crate::state::Position;

/// Where an article is laid out: the options, the text's width and the rows shown.
pub struct Layout<'a> {
    /// The layout options.
    pub opts: &'a LayoutOptions,
    /// The text's width in columns.
    pub width: usize,
    /// The rows the reader shows.
    pub rows: usize,
}
/// The smallest width the article is laid out at; narrower columns just cut the lines.
const MIN_LAYOUT_WIDTH: usize = 4;

/// One search hit in the article: the pieces of it on each line it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// `(line, byte range in that line's text)`, first line first.
    pub parts: Vec<(usize, Range<usize>)>,
}

impl Hit {
    /// The line the hit starts on.
    pub fn line(&self) -> usize {
        self.parts.first().map_or(0, |(l, _)| *l)
    }
}

/// The article shown in the reader.
#[derive(Debug, Clone)]
pub struct Reader {
    /// Index of the article in the collection.
    pub article: usize,
    lines: Vec<LaidLine>,
    width: usize,
    scroll: usize,
    /// The place saved for the next start: the top line's place in the text (see `saved`).
    saved: Position,
    /// The top line's place, kept across resizes: any line, a heading's too (see [`Place`]).
    place: Place,
    hits: Vec<Hit>,
    /// For each line, the hits on it: `(byte range, hit index)`.
    line_hits: Vec<Vec<(Range<usize>, usize)>>,
    current: Option<usize>,
    /// The reviewer's note, shown dim under the article (issue 14).
    note: Option<String>,
}

impl Reader {
    /// Lays `article` out at `width` columns and puts the line holding `saved`, if any, on
    /// top, whatever part of the article it is in (docs/contract.md §6).
    pub fn new(
        index: usize,
        article: &Article,
        width: usize,
        opts: &LayoutOptions,
        saved: Option<Position>,
    ) -> Reader {
        let width = width.max(MIN_LAYOUT_WIDTH);
        let lines = lay_out(article, width, opts, None);
        let saved = saved.unwrap_or_default();
        let scroll = line_at(&lines, saved);
        let place = place_of(&lines, scroll);
        Reader {
            article: index,
            lines,
            width,
            scroll,
            saved,
            place,
            hits: Vec::new(),
            line_hits: Vec::new(),
            current: None,
            note: None,
        }
    }

    /// Shows `note` (the reviewer's 审读意见) dim under the article, apart from its text and
    /// never searched, or none; lays the article out again when it changed.
    pub fn set_note(&mut self, note: Option<String>, article: &Article, opts: &LayoutOptions) {
        if note == self.note {
            return;
        }
        self.note = note;
        self.lines = lay_out(article, self.width, opts, self.note.as_deref());
        self.current = None;
    }

    /// The note shown under the article, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// The laid-out lines.
    pub fn lines(&self) -> &[LaidLine] {
        &self.lines
    }

    /// The first line shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The width the article is laid out at.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The place to remember for this article.
    pub fn position(&self) -> Position {
        self.saved
    }

    /// Lays the article out again when the width changed, keeping the place: the line the
    /// reader last scrolled to stays on top (at another width, the line that now holds its
    /// start), as near as the end allows, whatever part of the article it is in.
    pub fn relayout(&mut self, article: &Article, width: usize, opts: &LayoutOptions, rows: usize) {
        let width = width.max(MIN_LAYOUT_WIDTH);
        if width != self.width {
            self.width = width;
            self.lines = lay_out(article, width, opts, self.note.as_deref());
            self.current = None;
        }
        self.scroll = line_of(&self.lines, self.place).min(self.max_scroll(rows));
    }

    fn max_scroll(&self, rows: usize) -> usize {
        self.lines.len().saturating_sub(rows.max(1))
    }

    /// Shows `line` at the top (as near as the end allows) and remembers the place.
    pub fn scroll_to(&mut self, line: usize, rows: usize) {
        self.scroll = line.min(self.max_scroll(rows));
        self.place = place_of(&self.lines, self.scroll);
        self.saved = position_at(&self.lines, self.scroll);
    }

    /// Scrolls by `delta` lines.
    pub fn scroll_by(&mut self, delta: isize, rows: usize) {
        let line = self.scroll.saturating_add_signed(delta);
        self.scroll_to(line, rows);
    }

    /// `(page, pages)`, both from 1: the page holding the bottom line shown, so the counter
    /// says how far the reader has read, as `less` gives the percentage of its bottom line.
    /// Pages are `rows` lines from the top (`Space` turns from one page's start to the
    /// next's); between two starts (after `j`, or a resize that kept the top line) the
    /// screen shows the end of one page and the start of the next, and names the next,
    /// the one being read into. At the end it names the last page.
    pub fn page(&self, rows: usize) -> (usize, usize) {
        let pages = Pages::new(self.lines.len(), rows);
        let bottom = (self.scroll + rows.max(1)).min(self.lines.len());
        (pages.page_of(bottom.saturating_sub(1)) + 1, pages.count())
    }

    /// Shows `note` under the article (a note written or cleared), laid out at `width`, and
    /// finds the hits of `query` again: the note holds none, so the current hit stays the
    /// current one (it went back to none, and `n` started over).
    pub fn renote(&mut self, note: Option<String>, article: &Article, query: &Query, at: Layout) {
        let (current, total) = (self.current, self.hits.len());
        self.set_note(note, article, at.opts);
        self.relayout(article, at.width, at.opts, at.rows);
        self.find(article, query);
        if self.hits.len() == total {
            self.current = current;
        }
    }

    /// Finds the hits of `query` in the laid-out lines.
    pub fn find(&mut self, article: &Article, query: &Query) {
        self.hits.clear();
        self.line_hits = vec![Vec::new(); self.lines.len()];
        self.current = None;
        if query.is_empty() {
            return;
        }
        let mut paragraph_hits: Vec<Option<(String, Vec<Range<usize>>)>> =
            vec![None; article.paragraphs.len()];
        for (i, line) in self.lines.iter().enumerate() {
            match line.paragraph {
                // The note is the reader's, not the article's, and the meta line (district,
                // reporters, kind) a summary the search does not look in: `n` stops on neither,
                // so it walks the hits the search counts.
                None if matches!(line.role, LineRole::Note | LineRole::Meta) => {}
                None => {
                    for r in find_matches(&line.text, query) {
                        self.hits.push(Hit {
                            parts: vec![(i, r)],
                        });
                    }
                }
                Some(p) => {
                    let Some(slot) = paragraph_hits.get_mut(p) else {
                        continue;
                    };
                    let (text, ranges) = slot.get_or_insert_with(|| {
                        let text = sanitize(&article.paragraphs[p]).into_owned();
                        let ranges = find_matches(&text, query);
                        (text, ranges)
                    });
                    add_line_parts(&mut self.hits, i, line, text, ranges);
                }
            }
        }
        for (n, hit) in self.hits.iter().enumerate() {
            for (line, r) in &hit.parts {
                if let Some(v) = self.line_hits.get_mut(*line) {
                    v.push((r.clone(), n));
                }
            }
        }
    }

    /// The hits on `line`: byte ranges of its text, and whether each is the current one.
    pub fn hits_on(&self, line: usize) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
        self.line_hits
            .get(line)
            .into_iter()
            .flatten()
            .map(|(r, n)| (r.clone(), Some(*n) == self.current))
    }

    /// `(current, total)` hits.
    pub fn hit_count(&self) -> (Option<usize>, usize) {
        (self.current, self.hits.len())
    }

    /// Goes to the first hit at or after the top line shown, or to the first hit when
    /// there is none below (as `less` does after a search); brings it into view. False
    /// when there are no hits.
    pub fn first_hit_from_top(&mut self, rows: usize) -> bool {
        self.current = None;
        !self.hits.is_empty() && {
            self.step_hit(true, rows);
            true
        }
    }

    /// Goes to the next (or previous) hit, wrapping round, from the current one while it is
    /// on screen, else from the screen (as `less` does); brings it into view. True when it
    /// wrapped round (from the last hit to the first, or the first to the last).
    pub fn step_hit(&mut self, forward: bool, rows: usize) -> bool {
        let total = self.hits.len();
        if total == 0 {
            return false;
        }
        // As in `less`: from the current hit while it is on screen, else from the screen
        // (after `G`, `n` goes to the next hit below, not back to the one left on page 1).
        let on_screen = |line: usize| line >= self.scroll && line < self.scroll + rows.max(1);
        let current = self.current.filter(|&c| on_screen(self.hits[c].line()));
        let below = self.hits.iter().position(|h| h.line() >= self.scroll);
        let above = (self.hits.iter()).rposition(|h| h.line() < self.scroll + rows.max(1));
        let wrapped = match current {
            Some(c) if forward => c + 1 == total,
            Some(c) => c == 0,
            None if forward => below.is_none(),
            None => above.is_none(),
        } && total > 1;
        let next = match current {
            Some(c) if forward => (c + 1) % total,
            Some(c) => (c + total - 1) % total,
            None if forward => below.unwrap_or(0),
            None => above.unwrap_or(total - 1),
        };
        self.current = Some(next);
        let line = self.hits[next].line();
        if line < self.scroll || line >= self.scroll + rows.max(1) {
            self.scroll_to(line.saturating_sub(rows / 3), rows);
        }
        wrapped
    }
}

/// The article's lines as the reader shows them: the layout `kanbao show` prints, then, when
/// no line of the body shows any text (an empty photo report, paragraphs that are empty or
/// only spaces), a dim note that says so, so that a blank body does not look like a fault.
/// Likewise a title that shows nothing (it held only control characters) is stood in for by
/// a note. The notes' lines have no paragraph: a place on them is kept as the text's (see
/// `saved`).
///
/// The byline, which the newspaper prints at the head of the text and search looks in, is
/// shown dim above the body (after the blank line), so that a hit in it can be seen.
///
/// The reviewer's `note`, if any, comes last: a blank line, then `审读意见：` and its lines, dim.
fn lay_out(
    article: &Article,
    width: usize,
    opts: &LayoutOptions,
    note: Option<&str>,
) -> Vec<LaidLine> {
    let mut lines = layout::layout_article(article, width, opts);
    // The reader's own lines: `text` wrapped with no indent, in `role`, at `at`.
    let insert = |lines: &mut Vec<LaidLine>, at: usize, text: &str, role: LineRole| {
        let plain = WrapOptions {
            ambiguous: opts.ambiguous,
            clusters: opts.clusters,
            ..WrapOptions::default()
        };
        let wrapped = wrap(text, width, &plain).into_iter().map(|l| LaidLine {
            text: l.text,
            role,
            paragraph: None,
            number: None,
            range: l.range,
        });
        lines.splice(at..at, wrapped);
    };
    if let Some(byline) = article.byline.as_deref().map(sanitize)
        && !byline.trim().is_empty()
    {
        let at = lines
            .iter()
            .position(|l| l.role == LineRole::Blank)
            .map_or(lines.len(), |blank| blank + 1);
        insert(&mut lines, at, &byline, LineRole::Byline);
    }
    let shows = |lines: &[LaidLine], role| {
        lines
            .iter()
            .any(|l| l.role == role && !l.text.trim().is_empty())
    };
    if !shows(&lines, LineRole::Title) {
        // Where the title would be: after the kicker, or first.
        let at = lines
            .iter()
            .position(|l| l.role != LineRole::Kicker)
            .unwrap_or(lines.len());
        lines.retain(|l| l.role != LineRole::Title);
        insert(
            &mut lines,
            at,
            Msg::Untitled.text(opts.lang),
            LineRole::Note,
        );
    }
    if !shows(&lines, LineRole::Body) {
        let end = lines.len();
        insert(&mut lines, end, Msg::NoText.text(opts.lang), LineRole::Note);
    }
    if let Some(note) = note {
        lines.push(LaidLine {
            text: String::new(),
            role: LineRole::Note,
            paragraph: None,
            number: None,
            range: 0..0,
        });
        let label = match opts.lang {
            crate::i18n::Lang::Zh => "审读意见：",
            crate::i18n::Lang::En => "Note:",
        };
        let end = lines.len();
        insert(&mut lines, end, label, LineRole::Note);
        for line in note.lines() {
            let end = lines.len();
            insert(&mut lines, end, &sanitize(line), LineRole::Note);
        }
    }
    lines
}

/// Splits the paragraph hits that fall on `line` into pieces in the line's own text.
fn add_line_parts(
    hits: &mut Vec<Hit>,
    index: usize,
    line: &LaidLine,
    paragraph: &str,
    ranges: &[Range<usize>],
) {
    // The line's text is an optional indent followed by the paragraph's bytes in `range`.
    let Some(shown) = paragraph.get(line.range.clone()) else {
        return;
    };
    let Some(offset) = line.text.len().checked_sub(shown.len()) else {
        return;
    };
    if line.text.get(offset..) != Some(shown) {
        return;
    }
    // `ranges` are sorted and do not overlap: skip those that end before this line, and
    // stop at the first that starts after it (a long paragraph has thousands of each).
    let first = ranges.partition_point(|r| r.end <= line.range.start);
    for r in &ranges[first..] {
        if r.start >= line.range.end {
            break;
        }
        let start = r.start.max(line.range.start);
        let end = r.end.min(line.range.end);
        if start >= end {
            continue;
        }
        let piece = (start - line.range.start + offset)..(end - line.range.start + offset);
        if r.start >= line.range.start {
            hits.push(Hit {
                parts: vec![(index, piece)],
            });
        } else if let Some(hit) = hits.last_mut() {
            // The hit began on an earlier line of the same paragraph.
            hit.parts.push((index, piece));
        }
    }
}
