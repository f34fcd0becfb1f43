//! The district picker overlay: every district with its count, the chosen ones ticked.
//! Where it goes is [`Picker::layout`]'s, the same numbers a click is read by.

use ratatui::buffer::Buffer;

use crate::app::{App, Picker};
use crate::i18n;
use crate::layout::display_width;
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::put;

/// Draws the picker centred on the screen.
pub fn render(app: &App, picker: &Picker, theme: &Theme, buf: &mut Buffer) {
    let lang = app.lang();
    let amb = app.ambiguous();
    let layout = picker.layout(app.geometry().screen, lang, amb);
    let inner = overlay(theme, layout.overlay, buf);
    if inner.is_empty() {
        return;
    }
    let lines = picker.rows(lang, amb);
    let (first, visible, total) = (layout.first, layout.visible, lines.len());
    let used = put(
        buf,
        inner.x,
        inner.y,
        inner.width,
        &[(picker.title(lang), theme.title)],
        amb,
    );
    // When some districts are out of view, the title row says which are shown: `3–10/17`.
    if total > visible {
        let place = i18n::lines_of(first + 1, (first + visible).min(total), total);
        let place_w = u16::try_from(display_width(&place, amb)).unwrap_or(u16::MAX);
        if used.saturating_add(1).saturating_add(place_w) <= inner.width {
            put(
                buf,
                inner.right() - place_w,
                inner.y,
                place_w,
                &[(&place, theme.meta)],
                amb,
            );
        }
    }
    let rows = layout.rows;
    for (row, (i, line)) in lines
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(rows.height))
        .enumerate()
    {
        let style = if i == picker.cursor() {
            theme.selected
        } else {
            theme.body
        };
        let y = rows.y + row as u16;
        put(buf, rows.x, y, rows.width, &[(line, style)], amb);
    }
    if inner.height >= 3 {
        put(
            buf,
            inner.x,
            inner.bottom() - 1,
            inner.width,
            &[(
                &crate::keys::hints(crate::keys::Hint::Picker, lang),
                theme.meta,
            )],
            amb,
        );
    }
}
