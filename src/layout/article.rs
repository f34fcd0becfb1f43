//! One article laid out as `kanbao show` prints it and the reader scrolls it (docs/contract.md §2 `show`):
//! kicker, title and subtitle lines, one meta line, a blank line, then the paragraphs, each
//! opening with the indent and with no blank line between them.

use std::ops::Range;

use super::sanitize::sanitize;
use super::width::{AmbiguousWidth, Clusters};
use super::wrap::{WrapOptions, wrap, wrap_glued};
use crate::article::{Article, Kind};
use crate::i18n::{Lang, Msg};

/// How to lay out an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LayoutOptions {
    /// How wide East Asian Ambiguous characters are.
    pub ambiguous: AmbiguousWidth,
    /// The language of the meta line's labels.
    pub lang: Lang,
    /// How clusters of several characters (emoji sequences) are drawn: by default as their
    /// parts, since `kanbao show` writes to a pipe with no terminal to ask.
    pub clusters: Clusters,
}

/// What part of the article a line belongs to, so the reader can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineRole {
    /// The heading above the title (引题).
    Kicker,
    /// The title (主题).
    Title,
    /// The heading below the title (副题).
    Subtitle,
    /// District, reporters, correspondents and kind.
    Meta,
    /// The blank line between the meta line and the body.
    Blank,
    /// A line of a body paragraph.
    Body,
    /// The byline (`本报讯（记者 孙艳）`), which the newspaper prints at the head of the
    /// text: the reader shows it above the body, so that a search hit in it can be seen and
    /// walked to. [`layout_article`] never makes one (`kanbao show` prints docs/contract.md §2's lines).
    Byline,
    /// Not article text: the reader's dim note under an article whose body shows nothing
    /// (「（本文无正文）」). [`layout_article`] never makes one (`kanbao show` prints only
    /// the data); the reader adds it, and its search and reading position skip it.
    Note,
}

/// One line of a laid-out article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidLine {
    /// What the line shows (a paragraph's first line opens with the indent).
    pub text: String,
    /// Which part of the article it belongs to.
    pub role: LineRole,
    /// For `Body` lines, the index of the paragraph in `Article::paragraphs`.
    pub paragraph: Option<usize>,
    /// On the first line of a body paragraph that shows text, its number from 1 as the
    /// reports number it (`【3】`, [`paragraph_numbers`]); `None` on every other line. The
    /// reader draws it in the indent; it is not part of `text`.
    pub number: Option<usize>,
    /// The bytes shown, in the sanitized heading, meta line, paragraph or note the line
    /// comes from (`0..0` for the blank line).
    pub range: Range<usize>,
}

/// The lines of `article` at `width` columns.
pub fn layout_article(article: &Article, width: usize, opts: &LayoutOptions) -> Vec<LaidLine> {
    let plain = WrapOptions {
        ambiguous: opts.ambiguous,
        clusters: opts.clusters,
        ..WrapOptions::default()
    };
    let mut out = Vec::new();
    let headings = [
        (article.kicker.as_deref(), LineRole::Kicker),
        (Some(article.title.as_str()), LineRole::Title),
        (article.subtitle.as_deref(), LineRole::Subtitle),
    ];
    for (text, role) in headings {
        if let Some(text) = text {
            push_wrapped(&mut out, text, width, &plain, role, None);
        }
    }
    let (meta, glued, separators) = meta_glued(article, opts.lang);
    let wrapped = wrap_glued(&meta, width, &plain, &glued);
    let last = wrapped.len().saturating_sub(1);
    out.extend(wrapped.into_iter().enumerate().map(|(i, mut l)| {
        // A separator where the line breaks says nothing: it is left out, so that no
        // line ends with ` ·` (the next part starts the next line).
        let cut = SEPARATOR.trim_end().len();
        if i < last && separators.contains(&(l.range.end.wrapping_sub(cut))) {
            l.range.end -= cut;
            l.text.truncate(l.text.len().saturating_sub(cut));
        }
        LaidLine {
            text: l.text,
            role: LineRole::Meta,
            paragraph: None,
            number: None,
            range: l.range,
        }
    }));
    out.push(LaidLine {
        text: String::new(),
        role: LineRole::Blank,
        paragraph: None,
        number: None,
        range: 0..0,
    });
    let body = WrapOptions {
        indent: true,
        ..plain
    };
    let numbers = paragraph_numbers(&article.paragraphs);
    for ((i, paragraph), number) in article.paragraphs.iter().enumerate().zip(numbers) {
        let first = out.len();
        push_wrapped(&mut out, paragraph, width, &body, LineRole::Body, Some(i));
        if let Some(line) = out.get_mut(first) {
            line.number = number;
        }
    }
    out
}

/// Whether a field from the data shows anything once sanitised: an empty or blank one
/// (spaces, ideographic spaces, only what [`sanitize`] removes) has no text on screen.
pub fn shows_text(text: &str) -> bool {
    !sanitize(text).trim().is_empty()
}

/// The number of each of `paragraphs`, from 1, counting those that [show
/// text](shows_text): `None` for one that shows nothing. The one rule for "第3段": the
/// reader's numbers and the reports' 【3】 (`export::numbered`) both come from here.
pub fn paragraph_numbers(paragraphs: &[String]) -> Vec<Option<usize>> {
    let mut n = 0;
    paragraphs
        .iter()
        .map(|p| {
            shows_text(p).then(|| {
                n += 1;
                n
            })
        })
        .collect()
}

fn push_wrapped(
    out: &mut Vec<LaidLine>,
    text: &str,
    width: usize,
    opts: &WrapOptions,
    role: LineRole,
    paragraph: Option<usize>,
) {
    out.extend(wrap(text, width, opts).into_iter().map(|l| LaidLine {
        text: l.text,
        role,
        paragraph,
        number: None,
        range: l.range,
    }));
}

/// What joins the parts of the meta line.
const SEPARATOR: &str = " · ";

/// `parts` joined by ` · `, leaving out the parts that show nothing (empty, blank, or only
/// what sanitising removes), so that no separator dangles: `大兴区 · 新闻`, never
/// `大兴区 ·  · 新闻` or `… · 新闻 · `.
pub fn join_meta<S: AsRef<str>>(parts: impl IntoIterator<Item = S>) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.as_ref().trim();
        if !shows_text(part) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(SEPARATOR);
        }
        out.push_str(part);
    }
    out
}

/// The meta line, unwrapped and sanitized: district (or 未注明), `记者` and names,
/// `通讯员` and names, kind, in an archive the date and page, and the id, joined by ` · `.
/// E.g. `大兴区 · 记者 孙艳 · 新闻 · id 1`. Empty fields are left out with their separators.
pub fn meta_line(article: &Article, lang: Lang) -> String {
    meta_glued(article, lang).0
}

/// [`meta_line`], with the byte ranges a line must not break inside (a label with its
/// (first) value, `记者 孙艳` and `id 2019-01-01-p6-6`, so that no line ends with a label)
/// and where each separator starts.
fn meta_glued(article: &Article, lang: Lang) -> (String, Vec<Range<usize>>, Vec<usize>) {
    // Each part with the byte ranges in it that stay together: a label with its first
    // name, every other name, the date, the page (`第3版`), the id.
    let mut parts: Vec<(String, Vec<Range<usize>>)> = Vec::with_capacity(6);
    parts.push(match article.district.as_deref().map(sanitize) {
        Some(d) if !d.trim().is_empty() => (d.into_owned(), Vec::new()),
        _ => (Msg::Unstated.text(lang).to_owned(), Vec::new()),
    });
    for (label, names) in [
        (Msg::Reporter, &article.reporters),
        (Msg::Correspondent, &article.correspondents),
    ] {
        let names: Vec<_> = names
            .iter()
            .map(|n| sanitize(n).trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        if !names.is_empty() {
            let (mut part, mut glued) = (label.text(lang).to_owned(), Vec::new());
            for (i, name) in names.iter().enumerate() {
                // The label goes with the first name.
                let from = if i == 0 { 0 } else { part.len() + 1 };
                part.push(' ');
                part.push_str(name);
                glued.push(from..part.len());
            }
            parts.push((part, glued));
        }
    }
    let kind = match article.kind {
        Kind::News => Msg::KindNews,
        Kind::Photo => Msg::KindPhoto,
    };
    parts.push((kind.text(lang).to_owned(), Vec::new()));
    // In an archive, which day's paper it was: `2019-01-01 第1版` / `2019-01-01 page 1`.
    let issue: Vec<String> = article
        .date
        .iter()
        .map(|d| sanitize(d).trim().to_owned())
        .filter(|d| !d.is_empty())
        .chain(article.page.map(|p| crate::i18n::page_label(lang, p)))
        .collect();
    let mut at = 0;
    let each: Vec<Range<usize>> = issue
        .iter()
        .map(|piece| {
            let range = at..at + piece.len();
            at = range.end + 1;
            range
        })
        .collect();
    parts.push((issue.join(" "), each));
    // The id, for `kanbao show`, `note`, `tag` and `export --id` (issue 14).
    let id = sanitize(&article.id);
    if !id.trim().is_empty() {
        let part = format!("id {id}");
        let whole = std::iter::once(0..part.len()).collect();
        parts.push((part, whole));
    }
    // As `join_meta`, keeping each part's glued ranges.
    let mut out = String::new();
    let (mut glued, mut separators) = (Vec::new(), Vec::new());
    for (part, ranges) in &parts {
        let lead = part.len() - part.trim_start().len();
        let shown = part.trim();
        if shown.is_empty() {
            continue;
        }
        if !out.is_empty() {
            separators.push(out.len());
            out.push_str(SEPARATOR);
        }
        let base = out.len();
        for r in ranges {
            let (start, end) = (r.start.saturating_sub(lead), r.end.saturating_sub(lead));
            let end = end.min(shown.len());
            if start < end {
                glued.push(base + start..base + end);
            }
        }
        out.push_str(shown);
    }
    (out, glued, separators)
}

/// The index of the line showing byte `byte` of paragraph `paragraph`.
///
/// A byte among the spaces dropped at a break maps to the line before them; a position past
/// a paragraph's end maps to its last line. The start of the body, `(0, 0)`, and anything
/// before the first body line map to line 0, so a reader at the top stays at the top; a
/// position past the body maps to its last line. Returns 0 when there are no lines.
pub fn line_for_position(lines: &[LaidLine], paragraph: usize, byte: usize) -> usize {
    let key = (paragraph, byte);
    let first_body = lines.iter().position(|l| l.role == LineRole::Body);
    let Some(first_body) = first_body else {
        return 0;
    };
    if key <= body_key(&lines[first_body]) {
        return 0;
    }
    // Only the body's lines are in order of their place: lines the reader adds after it (its
    // notes, of no paragraph) would throw the binary search off.
    let end = lines
        .iter()
        .rposition(|l| l.role == LineRole::Body)
        .map_or(first_body, |last| last + 1);
    let body = &lines[first_body..end];
    let after = first_body + body.partition_point(|l| body_key(l) <= key);
    after.saturating_sub(1)
}

/// The position `(paragraph, byte)` a line shows first, to find it again after a resize
/// with [`line_for_position`]. Lines before the body give `(0, 0)`; a line past the end
/// gives the last line's position.
pub fn position_of_line(lines: &[LaidLine], line: usize) -> (usize, usize) {
    let Some(last) = lines.len().checked_sub(1) else {
        return (0, 0);
    };
    let l = &lines[line.min(last)];
    match (l.role, l.paragraph) {
        (LineRole::Body, Some(p)) => (p, l.range.start),
        _ => (0, 0),
    }
}

fn body_key(line: &LaidLine) -> (usize, usize) {
    (line.paragraph.unwrap_or(0), line.range.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_the_paragraphs_that_show_text() {
        let paragraphs: Vec<String> = [
            "一。",
            "",
            " \u{3000}",
            "\u{200b}",
            "二。",
            "\u{1b}[31m",
            "三。",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        let none = None;
        assert_eq!(
            paragraph_numbers(&paragraphs),
            [Some(1), none, none, none, Some(2), none, Some(3)]
        );
    }

    #[test]
    fn each_shown_paragraphs_first_line_carries_its_number() {
        let article = Article {
            title: "标题".into(),
            paragraphs: [
                "京南物流基地是北京“四大物流基地”之一。",
                "",
                "服务五千余人次。",
            ]
            .into_iter()
            .map(str::to_owned)
            .collect(),
            ..Article::default()
        };
        let lines = layout_article(&article, 12, &LayoutOptions::default());
        let numbered: Vec<(usize, Option<usize>, &str)> = lines
            .iter()
            .filter(|l| l.role == LineRole::Body)
            .map(|l| (l.paragraph.unwrap(), l.number, l.text.as_str()))
            .collect();
        assert_eq!(
            numbered,
            [
                (0, Some(1), "\u{3000}\u{3000}京南物流"),
                (0, None, "基地是北京"),
                (0, None, "“四大物流基"),
                (0, None, "地”之一。"),
                (2, Some(2), "\u{3000}\u{3000}服务五千"),
                (2, None, "余人次。"),
            ]
        );
        assert!(
            lines
                .iter()
                .filter(|l| l.role != LineRole::Body)
                .all(|l| l.number.is_none())
        );
    }
}
