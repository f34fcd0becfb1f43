//! The `?` overlay, made from the key table: the keys of where it was opened first. It
//! scrolls like a pager; the footer says which rows are shown and how to scroll and close.
//! The app lays it out (`App::help_layout`): a box over the panes, or on a small screen the
//! whole screen, as `less` takes it, with the title in the footer.

use ratatui::buffer::Buffer;

use crate::app::{App, Context};
use crate::i18n::{self, Msg};
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::{put, width};

/// Draws the help, scrolled to `scroll`.
pub fn render(app: &App, from: Context, scroll: usize, theme: &Theme, buf: &mut Buffer) {
    let lang = app.lang();
    let amb = app.widths();
    let layout = app.help_layout(from);
    let rows = &layout.rows;
    let page = layout.page;
    let scroll = scroll.min(rows.len().saturating_sub(page));
    let inner = overlay(theme, layout.overlay, buf);
    if inner.is_empty() {
        return;
    }
    let title = Msg::HelpTitle.text(lang);
    let top = if layout.title_row {
        put(
            buf,
            inner.x,
            inner.y,
            inner.width,
            &[(title, theme.title)],
            amb,
        );
        inner.y + 1
    } else {
        inner.y
    };
    let text_x = inner.x + 1 + layout.key_width as u16 + 2;
    for (row, line) in rows.iter().skip(scroll).take(page).enumerate() {
        let y = top + row as u16;
        if y >= inner.bottom() {
            break;
        }
        if line.heading {
            put(
                buf,
                inner.x,
                y,
                inner.width,
                &[(&line.text, theme.banner)],
                amb,
            );
            continue;
        }
        if !line.keys.is_empty() {
            let room = inner.width.saturating_sub(1);
            put(buf, inner.x + 1, y, room, &[(&line.keys, theme.mark)], amb);
        }
        if !line.text.is_empty() && text_x < inner.right() {
            let room = inner.right() - text_x;
            put(buf, text_x, y, room, &[(&line.text, theme.body)], amb);
        }
    }
    // The footer, on the last row when the help has rows above it: the title when it has
    // no row of its own, and where we are on the left; how to scroll and close on the right.
    if usize::from(inner.height) <= usize::from(layout.title_row) + page {
        return;
    }
    let y = inner.bottom() - 1;
    let last = (scroll + page).min(rows.len());
    let place = i18n::lines_of(scroll + 1, last, rows.len());
    let named = format!("{title} {place}");
    let place = if layout.title_row { &place } else { &named };
    let used = put(buf, inner.x, y, inner.width, &[(place, theme.meta)], amb);
    let hint = crate::keys::hints(crate::keys::Hint::Help, lang);
    let hint = hint.as_str();
    let room = inner.width.saturating_sub(used + 2);
    let hint_w = (width(hint, amb) as u16).min(room);
    put(
        buf,
        inner.right() - hint_w,
        y,
        hint_w,
        &[(hint, theme.meta)],
        amb,
    );
}
