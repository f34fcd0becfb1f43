//! Drawing `&App`: pure functions of the state, one file per part of the screen.

mod header;
mod help;
mod list;
mod note;
mod numbers;
mod picker;
mod reader;
mod status;
mod tags;
pub mod text;
mod timeline;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

use ratatui::style::Style;

use crate::app::{App, Area, Focus, Mode, Overlay};
use crate::tui::theme::Theme;

/// Draws the whole screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame<'_>) {
    let g = app.geometry();
    let mut cursor = {
        let buf = frame.buffer_mut();
        header::render(app, theme, g.header, buf);
        list::render(app, theme, g.list, buf);
        let line = if app.focus() == Focus::Reader {
            theme.focus
        } else {
            theme.border
        };
        separator(theme, line, g.separator, buf);
        reader::render(app, theme, g, buf);
        let cursor = status::render(app, theme, g.status, buf);
        match app.mode() {
            Mode::Picker(p) => picker::render(app, p, theme, buf),
            Mode::Timeline(t) => timeline::render(app, t, theme, buf),
            Mode::Help { from, scroll } => help::render(app, *from, *scroll, theme, buf),
            _ => {}
        }
        cursor
    };
    if let Mode::Note(editor) = app.mode() {
        cursor = note::render(app, editor, theme, frame.buffer_mut());
    }
    if let Mode::Tags(picker) = app.mode() {
        cursor = tags::render(app, picker, theme, frame.buffer_mut());
    }
    if let Some((x, y)) = cursor {
        frame.set_cursor_position((x, y));
    }
}

/// The ratatui rectangle for an area, kept inside `bounds`.
pub fn rect(area: Area, bounds: Rect) -> Rect {
    Rect::new(area.x, area.y, area.width, area.height).intersection(bounds)
}

fn separator(theme: &Theme, style: Style, area: Area, buf: &mut Buffer) {
    let area = rect(area, buf.area);
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((area.x, y)) {
            cell.set_symbol(theme.separator()).set_style(style);
        }
    }
}

/// Blanks wide characters that begin left of `area` and reach into it: their right half
/// was just overwritten, and a terminal would erase the whole character (ratatui#2526).
fn blank_straddlers(area: Rect, buf: &mut Buffer) {
    for y in area.top()..area.bottom() {
        for back in 1..=2u16 {
            let Some(x) = area.x.checked_sub(back) else {
                break;
            };
            if let Some(cell) = buf.cell_mut((x, y))
                && cell.cell_width() > back
            {
                cell.reset();
            }
        }
    }
}

/// Clears the box `o` (laid out by the app, see [`Overlay`]) and draws its frame, if it
/// has one; returns its inside.
fn overlay(theme: &Theme, o: Overlay, buf: &mut Buffer) -> Rect {
    let outer = rect(o.outer, buf.area);
    Clear.render(outer, buf);
    blank_straddlers(outer, buf);
    if o.framed {
        Block::bordered()
            .border_set(theme.border_set())
            .border_style(theme.border)
            .render(outer, buf);
    }
    rect(o.inner, buf.area)
}
