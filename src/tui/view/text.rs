//! Writing text into cells by display width: never through a character, `…` where cut,
//! and each grapheme given the cells the terminal draws it over.
//!
//! ratatui measures every grapheme whole with `unicode-width` (ambiguous = 1). With
//! `--ambiguous-width 2` the terminal draws `“` over two columns, and a terminal without
//! grapheme cluster mode draws `👨‍👩‍👧` over six (`layout::Clusters::Parts`), so such a cell
//! gets `CellDiffOption::ForcedWidth(n)`: the diff then skips the covered cells and moves
//! the cursor explicitly to the next one, and the frame lines up.
//!
//! Terminals do not agree on which characters are ambiguous (one that draws `“` wide may
//! draw `·` narrow), and the covered cells are never written: so a cell drawn wider than
//! ratatui thinks first erases its `n` columns in its own colours (ECH, `CSI n X`, which
//! leaves the cursor where it is). Every cell of a styled row is then painted, however
//! wide the terminal draws the character.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use crate::layout::{Widths, display_width};

/// One run of text in one style.
pub type Seg<'a> = (&'a str, Style);

const ELLIPSIS: &str = "…";

/// Writes `segs` on row `y` from column `x`, in at most `max` columns, with `…` where the
/// text is cut. Returns the columns used.
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max: u16,
    segs: &[Seg<'_>],
    amb: impl Into<Widths>,
) -> u16 {
    let amb = amb.into();
    let total: usize = segs.iter().map(|(t, _)| width(t, amb)).sum();
    let max_usize = usize::from(max);
    let ellipsis = width(ELLIPSIS, amb);
    let (limit, cut) = if total > max_usize && max_usize > ellipsis {
        (max_usize - ellipsis, true)
    } else {
        (max_usize, false)
    };
    let mut used = 0usize;
    let mut last_style = Style::new();
    'outer: for (text, style) in segs {
        last_style = *style;
        for g in text.graphemes(true) {
            let w = width(g, amb);
            if used + w > limit {
                break 'outer;
            }
            put_grapheme(buf, x.saturating_add(used as u16), y, g, w, *style);
            used += w;
        }
    }
    if cut {
        put_grapheme(
            buf,
            x.saturating_add(used as u16),
            y,
            ELLIPSIS,
            ellipsis,
            last_style,
        );
        used += ellipsis;
    }
    used as u16
}

/// Display width as the layout counts it.
pub fn width(text: &str, amb: impl Into<Widths>) -> usize {
    display_width(text, amb)
}

/// Erase Characters (ECH): blanks `n` columns from the cursor in the current colours and
/// leaves the cursor where it is.
fn erase(n: usize) -> String {
    format!("\x1b[{n}X")
}

/// What a cell shows, without the erase a [forced-width](put) cell's symbol begins with.
pub fn shown(symbol: &str) -> &str {
    match symbol.strip_prefix("\x1b[") {
        Some(rest) => rest.find('X').map_or(symbol, |end| &rest[end + 1..]),
        None => symbol,
    }
}

fn put_grapheme(buf: &mut Buffer, x: u16, y: u16, g: &str, w: usize, style: Style) {
    if w == 0 {
        return;
    }
    let Some(cell) = buf.cell_mut((x, y)) else {
        return;
    };
    let native = usize::from(g.cell_width());
    let forced = u16::try_from(w).ok().and_then(NonZeroU16::new);
    match forced {
        Some(forced) if w > native => {
            cell.set_symbol(&format!("{}{g}", erase(w)))
                .set_style(style)
                .set_diff_option(CellDiffOption::ForcedWidth(forced));
        }
        // Drawn narrower than ratatui measures it (`❤️` drawn as its parts): the next
        // cell is the next character's, not a covered one.
        Some(forced) if w < native => {
            cell.set_symbol(g)
                .set_style(style)
                .set_diff_option(CellDiffOption::ForcedWidth(forced));
        }
        _ => {
            cell.set_symbol(g)
                .set_style(style)
                .set_diff_option(CellDiffOption::None);
        }
    }
    let painted = cell.style();
    for i in 1..w {
        let Some(hidden) = buf.cell_mut((x.saturating_add(i as u16), y)) else {
            break;
        };
        // Never written to the terminal (the diff skips it), but styled like the
        // character that covers it, as the terminal paints it.
        hidden.reset();
        hidden.set_style(painted);
    }
}

/// Splits `text` at the byte ranges `marks` (sorted, not overlapping) into runs styled
/// `base`, or the mark's own style.
pub fn marked<'a>(
    text: &'a str,
    base: Style,
    marks: &[(std::ops::Range<usize>, Style)],
) -> Vec<Seg<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (range, style) in marks {
        let (Some(before), Some(inside)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if range.start < at {
            continue;
        }
        out.push((before, base));
        out.push((inside, *style));
        at = range.end;
    }
    out.push((text.get(at..).unwrap_or(""), base));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::AmbiguousWidth;
    use ratatui::layout::Rect;

    fn row(buf: &Buffer) -> String {
        buf.content.iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn cuts_with_an_ellipsis_never_through_a_character() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let used = put(
            &mut buf,
            0,
            0,
            6,
            &[("中文中文", Style::new())],
            AmbiguousWidth::Narrow,
        );
        assert_eq!(used, 5);
        assert_eq!(row(&buf), "中 文 … ");
    }

    #[test]
    fn wide_ambiguous_characters_take_two_cells() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        put(
            &mut buf,
            0,
            0,
            4,
            &[("“a", Style::new())],
            AmbiguousWidth::Wide,
        );
        assert_eq!(shown(buf.content[0].symbol()), "“");
        assert_eq!(buf.content[0].symbol(), "\x1b[2X“");
        assert_eq!(buf.content[0].cell_width(), 2);
        assert_eq!(buf.content[2].symbol(), "a");
    }
}
