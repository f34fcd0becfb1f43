//! The district picker overlay: every district with its count, the chosen ones ticked.

use ratatui::buffer::Buffer;

use crate::app::{App, Area, Picker};
use crate::district::DistrictKey;
use crate::i18n::Msg;
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::put;

/// Draws the picker centred on `screen`.
pub fn render(app: &App, picker: &Picker, theme: &Theme, screen: Area, buf: &mut Buffer) {
    let lang = app.lang();
    let amb = app.ambiguous();
    let rows = picker.items().len() as u16 + 2;
    let inner = overlay(theme, screen, 30, rows.saturating_add(2), buf);
    if inner.is_empty() {
        return;
    }
    put(
        buf,
        inner.x,
        inner.y,
        inner.width,
        &[(Msg::PickerTitle.text(lang), theme.title)],
        amb,
    );
    // Keep the cursor in view when the box is shorter than the list.
    let visible = usize::from(inner.height.saturating_sub(2)).max(1);
    let first = picker.cursor().saturating_sub(visible - 1);
    for (row, (i, (key, count))) in picker
        .items()
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .enumerate()
    {
        let y = inner.y + 1 + row as u16;
        if y >= inner.bottom() {
            break;
        }
        let tick = if picker.chosen().contains(key) {
            "[x]"
        } else {
            "[ ]"
        };
        let name = match key {
            DistrictKey::Unstated => Msg::Unstated.text(lang),
            named => named.label(),
        };
        let line = format!("{tick} {name}  {count}");
        let style = if i == picker.cursor() {
            theme.selected
        } else {
            theme.body
        };
        put(buf, inner.x, y, inner.width, &[(&line, style)], amb);
    }
    let hint_y = inner.bottom().saturating_sub(1);
    if inner.height >= 3 {
        put(
            buf,
            inner.x,
            hint_y,
            inner.width,
            &[(Msg::PickerHints.text(lang), theme.meta)],
            amb,
        );
    }
}
