//! The `?` overlay, made from the key table: the keys of where it was opened first. It
//! scrolls like a pager; the footer says which lines are shown and how to scroll and close.

use ratatui::buffer::Buffer;

use crate::app::{App, Context};
use crate::i18n::{self, Msg};
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::{put, width};

/// Draws the help, scrolled to `scroll`, centred on the screen.
pub fn render(app: &App, from: Context, scroll: usize, theme: &Theme, buf: &mut Buffer) {
    let lang = app.lang();
    let amb = app.widths();
    let g = app.geometry();
    let lines = app.help_lines(from);
    let page = g.help_page(lines.len());
    let scroll = scroll.min(lines.len().saturating_sub(page));
    let key_w = app.help_key_width(&lines);
    let inner = overlay(theme, app.help_box(from), buf);
    if inner.is_empty() {
        return;
    }
    put(
        buf,
        inner.x,
        inner.y,
        inner.width,
        &[(Msg::HelpTitle.text(lang), theme.title)],
        amb,
    );
    let body_rows = inner.height.saturating_sub(2);
    for (row, (keys, what)) in lines.iter().skip(scroll).take(page).enumerate() {
        let y = inner.y + 1 + row as u16;
        if row as u16 >= body_rows {
            break;
        }
        if keys.is_empty() {
            put(buf, inner.x, y, inner.width, &[(what, theme.banner)], amb);
            continue;
        }
        let pad = " ".repeat(key_w - width(keys, amb) + 2);
        put(
            buf,
            inner.x + 1,
            y,
            inner.width.saturating_sub(1),
            &[(keys, theme.mark), (&pad, theme.body), (what, theme.body)],
            amb,
        );
    }
    if inner.height < 3 {
        return;
    }
    // The footer: where we are on the left, how to scroll and close on the right.
    let y = inner.bottom() - 1;
    let last = (scroll + page).min(lines.len());
    let place = i18n::lines_of(scroll + 1, last, lines.len());
    let used = put(buf, inner.x, y, inner.width, &[(&place, theme.meta)], amb);
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
