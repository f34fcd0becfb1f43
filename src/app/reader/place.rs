//! A place in the reader's lines that a new layout finds again, whatever line it is on:
//! the title, the meta line, the blank line, the byline, the body or a note.
//!
//! A [`Place`] names any line, the reader's notes' too: its part of the article (counted
//! in this layout), which of that part's texts, and the byte of the text it starts at. The
//! parts and their texts are the same at every width; only the lines they wrap into change.
//! It is what a resize keeps; the place kept for the next start (`state::Position`, see
//! `saved`) names the part by what it is, so that it survives a change of the data's
//! fields, and is written to the state file.

use crate::layout::LaidLine;

/// Where a line is in the article, in an order that is the lines' order at every width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Place {
    /// The part: a run of lines of one role and paragraph (a heading, the meta line, a
    /// paragraph, the notes), counted from 0.
    part: usize,
    /// Which text of the part (the reader's note is a blank line, a label and a text per
    /// line of the note, each wrapped on its own), counted from 0.
    text: usize,
    /// The byte of that text the line starts at.
    byte: usize,
}

/// The place of each of `lines`, in order (each greater than the one before).
fn places(lines: &[LaidLine]) -> impl Iterator<Item = Place> + '_ {
    let mut last: Option<(&LaidLine, Place)> = None;
    lines.iter().map(move |line| {
        let place = match last {
            None => Place {
                byte: line.range.start,
                ..Place::default()
            },
            Some((prev, at)) if (prev.role, prev.paragraph) != (line.role, line.paragraph) => {
                Place {
                    part: at.part + 1,
                    text: 0,
                    byte: line.range.start,
                }
            }
            // A text's lines start further and further into it; one that does not starts
            // the next text.
            Some((prev, at)) if line.range.start <= prev.range.start => Place {
                part: at.part,
                text: at.text + 1,
                byte: line.range.start,
            },
            Some((_, at)) => Place {
                byte: line.range.start,
                ..at
            },
        };
        last = Some((line, place));
        place
    })
}

/// The place of line `line` (the last line's for a line past the end; the top with none).
pub fn place_of(lines: &[LaidLine], line: usize) -> Place {
    let line = line.min(lines.len().saturating_sub(1));
    places(lines).nth(line).unwrap_or_default()
}

/// The line showing `place`: the last line that starts at or before it.
pub fn line_of(lines: &[LaidLine], place: Place) -> usize {
    places(lines)
        .take_while(|p| *p <= place)
        .count()
        .saturating_sub(1)
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
            paragraphs: vec!["第一段。".repeat(12), "第二段。".repeat(12)],
            ..Article::default()
        }
    }

    #[test]
    fn every_line_is_found_again_at_its_own_width() {
        let lines = layout_article(&article(), 12, &LayoutOptions::default());
        for at in 0..lines.len() {
            assert_eq!(line_of(&lines, place_of(&lines, at)), at, "line {at}");
        }
    }

    #[test]
    fn a_line_of_the_headings_is_found_in_the_same_heading_at_another_width() {
        let opts = LayoutOptions::default();
        let narrow = layout_article(&article(), 8, &opts);
        let wide = layout_article(&article(), 30, &opts);
        for at in 0..narrow.len() {
            let found = &wide[line_of(&wide, place_of(&narrow, at))];
            let line = &narrow[at];
            assert_eq!((found.role, found.paragraph), (line.role, line.paragraph));
            assert!(found.range.start <= line.range.start, "line {at}");
            assert!(line.range.start < found.range.end.max(1), "line {at}");
        }
    }

    #[test]
    fn no_lines_is_the_top() {
        assert_eq!(place_of(&[], 3), Place::default());
        assert_eq!(line_of(&[], Place::default()), 0);
    }
}
