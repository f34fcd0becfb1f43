//! The district picker overlay: every district with its count, the chosen ones ticked.

use ratatui::buffer::Buffer;

use crate::app::{App, Area, Picker};
use crate::district::DistrictKey;
use crate::i18n::{self, Lang, Msg};
use crate::layout::display_width;
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::put;

/// Draws the picker centred on `screen`.
pub fn render(app: &App, picker: &Picker, theme: &Theme, screen: Area, buf: &mut Buffer) {
    let lang = app.lang();
    let amb = app.ambiguous();
    let rows = picker.items().len() as u16 + 2;
    let name = |key| district_name(key, lang);
    // The counts make a right-aligned column after the longest name, by display width.
    let name_w = picker
        .items()
        .iter()
        .map(|(key, _)| display_width(name(key), amb))
        .max()
        .unwrap_or(0);
    let count_w = picker
        .items()
        .iter()
        .map(|(_, count)| count.to_string().len())
        .max()
        .unwrap_or(0);
    let lines: Vec<String> = picker
        .items()
        .iter()
        .map(|(key, count)| {
            let tick = if picker.chosen().contains(key) {
                "[x]"
            } else {
                "[ ]"
            };
            let name = name(key);
            let pad = " ".repeat(name_w - display_width(name, amb));
            format!("{tick} {name}{pad}  {count:>count_w$}")
        })
        .collect();
    // Wide enough for the title, every row and the key hint, plus the border.
    let content = [Msg::PickerTitle.text(lang), Msg::PickerHints.text(lang)]
        .into_iter()
        .chain(lines.iter().map(String::as_str))
        .map(|text| display_width(text, amb))
        .max()
        .unwrap_or(0);
    let width = u16::try_from(content + 2).unwrap_or(u16::MAX);
    let inner = overlay(theme, screen, width, rows.saturating_add(2), buf);
    if inner.is_empty() {
        return;
    }
    // Keep the cursor in view when the box is shorter than the list.
    let visible = usize::from(inner.height.saturating_sub(2)).max(1);
    let first = picker.first_shown(visible);
    let total = lines.len();
    let used = put(
        buf,
        inner.x,
        inner.y,
        inner.width,
        &[(Msg::PickerTitle.text(lang), theme.title)],
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
    for (row, (i, line)) in lines
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
        let style = if i == picker.cursor() {
            theme.selected
        } else {
            theme.body
        };
        put(buf, inner.x, y, inner.width, &[(line, style)], amb);
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

/// A district's name as the picker shows it (未注明 in the interface's language).
fn district_name(key: &DistrictKey, lang: Lang) -> &str {
    match key {
        DistrictKey::Unstated => Msg::Unstated.text(lang),
        named => named.label(),
    }
}
