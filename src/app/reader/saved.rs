//! The place kept for the next start (`state::Position`) of the line on top, and the line
//! that shows it again in another layout (docs/contract.md §6).
//!
//! A restart lays the article out afresh, maybe at another width, so the place is kept in
//! the text, never as a line: in the body a paragraph and a byte; above it its [`Part`] (a
//! heading, the meta line, the blank line, the byline) and a byte of that text. Every line
//! before the body used to be kept as the top, and so was the body's first line (its place,
//! `(0, 0)`, is the top in files written then): a reader a few lines into an article
//! found it at its title after a restart, where a resize keeps the line on top.
//!
//! The reader's notes (「（本文无正文）」, the 审读意见 under the article) are not the
//! article's: a line of them is kept as the last line of the body above it (the top when
//! there is none), and one standing in for a title that shows nothing as the title.

use crate::layout::{LaidLine, LineRole};
use crate::state::{Part, Position};

/// The part a line belongs to, `after_meta` telling the reader's notes before the meta line
/// (the stand-in for a title) from those after it; `None` for a note after it.
fn part_of(line: &LaidLine, after_meta: bool) -> Option<Part> {
    Some(match line.role {
        LineRole::Kicker => Part::Kicker,
        LineRole::Title => Part::Title,
        LineRole::Subtitle => Part::Subtitle,
        LineRole::Meta => Part::Meta,
        LineRole::Blank => Part::Blank,
        LineRole::Byline => Part::Byline,
        LineRole::Body => Part::Body,
        LineRole::Note if !after_meta => Part::Title,
        LineRole::Note => return None,
    })
}

/// Each line's place as `(part, paragraph, byte)`, in the lines' order (`None` for the
/// notes after the meta line).
fn keys(lines: &[LaidLine]) -> impl Iterator<Item = Option<(Part, usize, usize)>> + '_ {
    let mut after_meta = false;
    lines.iter().map(move |line| {
        after_meta |= !matches!(
            line.role,
            LineRole::Kicker | LineRole::Title | LineRole::Subtitle | LineRole::Note
        );
        let part = part_of(line, after_meta)?;
        Some((part, line.paragraph.unwrap_or(0), line.range.start))
    })
}

/// The place to keep for the next start when line `line` is on top.
pub fn position_at(lines: &[LaidLine], line: usize) -> Position {
    if line == 0 || lines.is_empty() {
        return Position::default();
    }
    let line = line.min(lines.len() - 1);
    let key = keys(lines).nth(line).flatten();
    let Some((part, paragraph, offset)) = key else {
        // A note after the text: the last line of the body above it.
        let body = lines[..line].iter().rposition(|l| l.role == LineRole::Body);
        return body.map_or_else(Position::default, |at| position_at(lines, at));
    };
    match part {
        // A place in the body is kept as before parts were, but for the body's start.
        Part::Body if (paragraph, offset) != (0, 0) => Position {
            paragraph,
            offset,
            part: None,
        },
        _ => Position {
            paragraph,
            offset,
            part: Some(part),
        },
    }
}

/// The line showing `saved`: the last line that starts at or before it (a place in the body
/// before the body's first line is that line). The top of the article is line 0, and so is
/// a part this build does not know.
pub fn line_at(lines: &[LaidLine], saved: Position) -> usize {
    let target = match saved.part {
        None if (saved.paragraph, saved.offset) == (0, 0) => return 0,
        Some(Part::Unknown) => return 0,
        None | Some(Part::Body) => (Part::Body, saved.paragraph, saved.offset),
        Some(part) => (part, 0, saved.offset),
    };
    let first_body = lines.iter().position(|l| l.role == LineRole::Body);
    if let Some(first) = first_body
        && target.0 == Part::Body
    {
        // Only the body's lines are in order of their place (the notes after it are not):
        // a binary search over them, however long the article.
        let end = lines
            .iter()
            .rposition(|l| l.role == LineRole::Body)
            .map_or(first, |last| last + 1);
        let body = &lines[first..end];
        let after = body
            .partition_point(|l| (l.paragraph.unwrap_or(0), l.range.start) <= (target.1, target.2));
        return first + after.saturating_sub(1);
    }
    let head = &lines[..first_body.unwrap_or(lines.len())];
    keys(head)
        .enumerate()
        .filter(|(_, key)| key.is_some_and(|k| k <= target))
        .last()
        .map_or(0, |(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::layout::{LayoutOptions, layout_article};

    fn article() -> Article {
        Article {
            id: "1".into(),
            kicker: Some("引题引题引题引题".into()),
            title: "标题标题标题标题标题标题".into(),
            subtitle: Some("副题副题副题".into()),
            reporters: vec!["孙艳".into()],
            paragraphs: vec!["第一段。".repeat(12), String::new(), "第三段。".repeat(12)],
            ..Article::default()
        }
    }

    #[test]
    fn every_line_of_the_article_is_found_again_at_its_own_width() {
        let lines = layout_article(&article(), 12, &LayoutOptions::default());
        assert!(lines.iter().any(|l| l.role == LineRole::Blank));
        for at in 0..lines.len() {
            let saved = position_at(&lines, at);
            assert_eq!(line_at(&lines, saved), at, "line {at}: {saved:?}");
            assert_eq!(saved == Position::default(), at == 0, "line {at}");
        }
    }

    #[test]
    fn a_line_is_found_in_the_same_part_at_another_width() {
        let opts = LayoutOptions::default();
        let narrow = layout_article(&article(), 8, &opts);
        let wide = layout_article(&article(), 30, &opts);
        for (at, line) in narrow.iter().enumerate() {
            let found = &wide[line_at(&wide, position_at(&narrow, at))];
            assert_eq!((found.role, found.paragraph), (line.role, line.paragraph));
            assert!(found.range.start <= line.range.start, "line {at}");
            assert!(line.range.start < found.range.end.max(1), "line {at}");
        }
    }

    #[test]
    fn a_place_kept_before_parts_were_reads_as_it_did() {
        let lines = layout_article(&article(), 12, &LayoutOptions::default());
        let body = |paragraph, offset| Position {
            paragraph,
            offset,
            part: None,
        };
        assert_eq!(line_at(&lines, body(0, 0)), 0, "the top");
        let third = lines.iter().position(|l| l.paragraph == Some(2)).unwrap();
        assert_eq!(line_at(&lines, body(2, 0)), third);
        let second = &lines[third + 1];
        assert_eq!(second.paragraph, Some(2));
        let inside = second.range.start + 3;
        assert_eq!(line_at(&lines, body(2, inside)), third + 1);
        assert_eq!(line_at(&lines, body(9, 0)), lines.len() - 1, "past the end");
        let unknown = Position {
            part: Some(Part::Unknown),
            ..body(2, 0)
        };
        assert_eq!(line_at(&lines, unknown), 0);
        assert_eq!(line_at(&[], body(2, 3)), 0);
        assert_eq!(position_at(&[], 3), Position::default());
    }
}
