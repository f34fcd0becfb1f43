//! The reader: the laid-out lines, drawn as they are (never re-wrapped), in a centred text
//! column, with search hits lit and each body paragraph's number dim in its indent.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};

use crate::app::{App, Geometry};
use crate::layout::LineRole;
use crate::tui::theme::Theme;
use crate::tui::view::numbers;
use crate::tui::view::text::{marked, put};

/// Draws the open article, or nothing when none is open.
pub fn render(app: &App, theme: &Theme, g: Geometry, buf: &mut Buffer) {
    let area = g.text;
    if area.is_empty() {
        return;
    }
    let amb = app.widths();
    // No article (side by side with an empty list): the pane stays empty; the list says
    // why, and there is nothing here to open.
    let Some(reader) = app.reader() else {
        return;
    };
    let lines = reader.lines().iter().enumerate().skip(reader.scroll());
    for (row, (index, line)) in lines.take(usize::from(area.height)).enumerate() {
        let base = style_of(theme, line.role);
        let hits: Vec<_> = reader
            .hits_on(index)
            .map(|(r, current)| {
                (
                    r,
                    if current {
                        theme.current_hit
                    } else {
                        theme.hit
                    },
                )
            })
            .collect();
        let segs = marked(&line.text, base, &hits);
        let y = area.y + row as u16;
        put(buf, area.x, y, area.width, &segs, amb);
        if let Some(n) = line.number {
            let margin = area.x.saturating_sub(g.reader.x);
            numbers::draw(buf, (area.x, y), margin, &line.text, n, theme.number());
        }
    }
    // Until a search's first answer the preview is of a row of the previous answer, drawn
    // dim as the rows are (`view::list`).
    if app.dims_preview() {
        let pane = g.reader;
        buf.set_style(
            ratatui::layout::Rect::new(pane.x, pane.y, pane.width, pane.height),
            Style::new().add_modifier(Modifier::DIM),
        );
    }
}

fn style_of(theme: &Theme, role: LineRole) -> Style {
    match role {
        LineRole::Title => theme.title,
        // The note under an article with no text is dim, like the meta line above it.
        LineRole::Kicker
        | LineRole::Subtitle
        | LineRole::Meta
        | LineRole::Byline
        | LineRole::Note => theme.meta,
        LineRole::Blank | LineRole::Body => theme.body,
    }
}
