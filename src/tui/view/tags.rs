//! The tag picker's box (issue 14): the article's title, the tags in use with their counts
//! (`[x] 待核实  3`), a last row for a new tag, and the keys or a message at the foot.
//! Returns the cursor's cell while the new-tag row has it.

use ratatui::buffer::Buffer;

use crate::app::{App, Panel, TagPicker};
use crate::i18n;
use crate::keys::{self, Hint};
use crate::layout::{display_width, fit_message, sanitize};
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::put;

/// Widest the box gets, in columns.
const WIDTH: u16 = 48;

/// Draws the box; the cursor's cell when the new-tag row has the cursor.
pub fn render(
    app: &App,
    picker: &TagPicker,
    theme: &Theme,
    buf: &mut Buffer,
) -> Option<(u16, u16)> {
    let lang = app.lang();
    let amb = app.widths();
    let screen = app.geometry().screen;
    let want = u16::try_from(picker.rows().len() + 5).unwrap_or(u16::MAX);
    let Panel {
        overlay: boxed,
        title,
        body,
        footer,
    } = Panel::centred(screen, WIDTH, want);
    if overlay(theme, boxed, buf).is_empty() {
        return None;
    }
    if let Some(area) = title {
        let name = app
            .collection()
            .get(picker.article())
            .map(|a| sanitize(&a.title).into_owned())
            .unwrap_or_default();
        let line = i18n::tags_title(lang, &name);
        put(
            buf,
            area.x,
            area.y,
            area.width,
            &[(&line, theme.title)],
            amb,
        );
    }
    let mut cursor = None;
    if body.height > 0 {
        // The tags above, the new-tag row last; the tags scroll to keep the cursor in view.
        let list_height = usize::from(body.height - 1);
        let rows = picker.rows();
        let first = if picker.cursor() < rows.len() {
            (picker.cursor() + 1).saturating_sub(list_height)
        } else {
            rows.len().saturating_sub(list_height)
        };
        for (i, (tag, count, on)) in rows.iter().enumerate().skip(first).take(list_height) {
            let line = format!(
                "{} {}  {count}",
                if *on { "[x]" } else { "[ ]" },
                sanitize(tag)
            );
            let style = if i == picker.cursor() {
                theme.selected
            } else {
                theme.body
            };
            let y = body.y + u16::try_from(i - first).unwrap_or(0);
            put(buf, body.x, y, body.width, &[(&line, style)], amb);
        }
        let y = body.y + body.height - 1;
        let label = i18n::tags_new_label(lang);
        let text = sanitize(picker.input()).into_owned();
        let style = if picker.cursor() == rows.len() {
            theme.selected
        } else {
            theme.body
        };
        let used = put(
            buf,
            body.x,
            y,
            body.width,
            &[(label, theme.meta), (&text, style)],
            amb,
        );
        if picker.cursor() == rows.len() {
            let wanted = display_width(label, amb) + display_width(&text, amb);
            let x = body.x + used.min(u16::try_from(wanted).unwrap_or(u16::MAX));
            if x < body.x + body.width {
                cursor = Some((x, y));
            }
        }
    }
    if let Some(area) = footer {
        let width = usize::from(area.width);
        let (line, style) = match app.status() {
            Some(message) => (
                fit_message(&sanitize(message), width, amb.ambiguous),
                theme.message,
            ),
            None => (keys::hints(Hint::Tags, lang), theme.meta),
        };
        put(buf, area.x, area.y, area.width, &[(&line, style)], amb);
    }
    cursor
}
