//! A body paragraph's number, drawn over the blank cells of its first line's indent
//! (docs/typography.md §7, "Paragraph numbers"): right-aligned digits in the indent's first
//! three columns, its fourth left blank so that the number never runs into the text. A
//! number of four digits or more reaches left into the reader pane's margin; one that does
//! not fit there either is not drawn, and neither is any where the line has no indent.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use crate::layout::INDENT;

/// The columns of the indent ([`INDENT`], two ideographic spaces).
const INDENT_COLUMNS: u16 = 4;

/// What to write for paragraph `number` on a first line drawn from column `x`, with
/// `margin` blank columns left of it: the column to start at and the cells (digits, then
/// blanks to the end of the indent). `None` when the number does not fit.
fn cells(number: usize, x: u16, margin: u16) -> Option<(u16, String)> {
    // The digits end one column before the text: `  3 `, ` 12 `, `123 `, `1234 `.
    let label = format!("{number:>3} ");
    let width = u16::try_from(label.len()).ok()?;
    let reach = width.saturating_sub(INDENT_COLUMNS);
    (reach <= margin && reach <= x).then(|| (x - reach, label))
}

/// Draws the number of the paragraph whose first line, `text`, was drawn on row `y` from
/// column `x`, in `style`, when the line opens with the layout's indent (a text column
/// narrower than six columns has none, and a number glued to the text would read as part
/// of it). `margin` is the blank columns between the reader pane's edge and `x`.
pub fn draw(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    margin: u16,
    text: &str,
    number: usize,
    style: Style,
) {
    if !text.starts_with(INDENT) {
        return;
    }
    if let Some((from, label)) = cells(number, x, margin) {
        buf.set_string(from, y, label, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn digits_stand_right_aligned_with_a_blank_before_the_text() {
        assert_eq!(cells(3, 1, 1), Some((1, "  3 ".to_owned())));
        assert_eq!(cells(12, 1, 1), Some((1, " 12 ".to_owned())));
        assert_eq!(cells(999, 0, 0), Some((0, "999 ".to_owned())));
    }

    #[test]
    fn four_digits_and_more_reach_into_the_margin_or_are_not_drawn() {
        assert_eq!(cells(1000, 5, 1), Some((4, "1000 ".to_owned())));
        assert_eq!(cells(12345, 5, 2), Some((3, "12345 ".to_owned())));
        assert_eq!(cells(1000, 5, 0), None);
        assert_eq!(cells(12345, 5, 1), None);
        assert_eq!(cells(1000, 0, 3), None);
    }

    #[test]
    fn only_a_line_with_the_indent_gets_a_number() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(1, 0, "\u{3000}\u{3000}正文", Style::new());
        draw(&mut buf, (1, 0), 1, "\u{3000}\u{3000}正文", 7, Style::new());
        let row: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(row, "   7 正 文  ");
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(1, 0, "正文", Style::new());
        draw(&mut buf, (1, 0), 1, "正文", 7, Style::new());
        let row: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(row, " 正 文  ");
    }
}
