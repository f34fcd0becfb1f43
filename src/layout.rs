// SHIM: replaced by the real module at merge
//! Article → laid-out lines (naive stand-in until the real layout engine lands).

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::article::{Article, Kind};
use crate::i18n::{Lang, Msg};

/// How many columns East Asian Ambiguous characters take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousWidth {
    /// One column (most terminals).
    #[default]
    Narrow,
    /// Two columns (CJK terminal setups).
    Wide,
}

/// Removes escape sequences and shows other control characters as a placeholder.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || is_bidi(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // Drop a CSI sequence whole; other escapes lose the ESC and the next char.
            if chars.peek() == Some(&'[') {
                chars.next();
                for n in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&n) {
                        break;
                    }
                }
            } else {
                chars.next();
            }
        } else if c == '\t' {
            out.push(' ');
        } else if c.is_control() || is_bidi(c) {
            out.push('\u{fffd}');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Display width in terminal columns.
pub fn display_width(s: &str, amb: AmbiguousWidth) -> usize {
    match amb {
        AmbiguousWidth::Narrow => s.width(),
        AmbiguousWidth::Wide => s.width_cjk(),
    }
}

/// Options of the layout.
#[derive(Debug, Clone, Copy, Default)]
pub struct LayoutOptions {
    /// Width of ambiguous characters.
    pub ambiguous: AmbiguousWidth,
    /// Language of the meta line's labels.
    pub lang: Lang,
}

/// What a laid-out line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// The kicker (引题).
    Kicker,
    /// The title (主题).
    Title,
    /// The subtitle (副题).
    Subtitle,
    /// District, reporters, kind.
    Meta,
    /// The blank line before the body.
    Blank,
    /// A line of a body paragraph.
    Body,
}

/// One line as laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidLine {
    /// The text shown, indent included.
    pub text: String,
    /// What the line is.
    pub role: LineRole,
    /// The paragraph index for body lines.
    pub paragraph: Option<usize>,
    /// For body lines, the byte range of the sanitized paragraph shown.
    pub range: Range<usize>,
}

const INDENT: &str = "\u{3000}\u{3000}";

/// Lays `article` out at `width` columns.
pub fn layout_article(article: &Article, width: usize, opts: &LayoutOptions) -> Vec<LaidLine> {
    let width = width.max(1);
    let mut out = Vec::new();
    let headings = [
        (&article.kicker, LineRole::Kicker),
        (&Some(article.title.clone()), LineRole::Title),
        (&article.subtitle, LineRole::Subtitle),
    ];
    for (text, role) in headings {
        if let Some(text) = text {
            let clean = sanitize(text);
            for r in fill(&clean, width, 0, opts.ambiguous) {
                out.push(plain(clean[r].to_string(), role));
            }
        }
    }
    let kind = match article.kind {
        Kind::News => Msg::KindNews,
        Kind::Photo => Msg::KindPhoto,
    };
    let mut meta = vec![
        article
            .district
            .clone()
            .unwrap_or_else(|| Msg::Unstated.text(opts.lang).to_string()),
    ];
    if !article.reporters.is_empty() {
        meta.push(format!(
            "{} {}",
            Msg::Reporter.text(opts.lang),
            article.reporters.join(" ")
        ));
    }
    meta.push(kind.text(opts.lang).to_string());
    let meta = sanitize(&meta.join(" · ")).into_owned();
    for r in fill(&meta, width, 0, opts.ambiguous) {
        out.push(plain(meta[r].to_string(), LineRole::Meta));
    }
    out.push(plain(String::new(), LineRole::Blank));
    for (p, para) in article.paragraphs.iter().enumerate() {
        let clean = sanitize(para);
        let indent = display_width(INDENT, opts.ambiguous);
        for (i, r) in fill(&clean, width, indent, opts.ambiguous)
            .into_iter()
            .enumerate()
        {
            let prefix = if i == 0 { INDENT } else { "" };
            out.push(LaidLine {
                text: format!("{prefix}{}", &clean[r.clone()]),
                role: LineRole::Body,
                paragraph: Some(p),
                range: r,
            });
        }
    }
    out
}

fn plain(text: String, role: LineRole) -> LaidLine {
    LaidLine {
        text,
        role,
        paragraph: None,
        range: 0..0,
    }
}

/// Byte ranges of `text` filling lines of `width` columns, the first after `first_used`.
fn fill(text: &str, width: usize, first_used: usize, amb: AmbiguousWidth) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut used = first_used;
    for (at, g) in text.grapheme_indices(true) {
        let w = display_width(g, amb);
        if used + w > width && at > start {
            out.push(start..at);
            start = at;
            used = 0;
        }
        used += w;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// The line showing byte `byte` of paragraph `paragraph` (0 when there is none).
pub fn line_for_position(lines: &[LaidLine], paragraph: usize, byte: usize) -> usize {
    let mut best = None;
    for (i, line) in lines.iter().enumerate() {
        if line.paragraph == Some(paragraph) {
            if best.is_none() || line.range.start <= byte {
                best = Some(i);
            }
            if line.range.contains(&byte) {
                return i;
            }
        }
    }
    best.unwrap_or(0)
}

/// The (paragraph, byte) a line starts at; lines before the body give (0, 0).
pub fn position_of_line(lines: &[LaidLine], line: usize) -> (usize, usize) {
    lines
        .iter()
        .skip(line)
        .find_map(|l| l.paragraph.map(|p| (p, l.range.start)))
        .unwrap_or((0, 0))
}
