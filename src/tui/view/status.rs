//! The status bar (position, 第 X/Y 页, match i/n, a message or key hints) and the search
//! prompt, which takes its place while open.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Area, Context, Mode};
use crate::i18n::{self, Msg};
use crate::tui::theme::Theme;
use unicode_segmentation::UnicodeSegmentation;

use crate::layout::{Widths, sanitize};
use crate::tui::view::text::{put, width};

/// Draws the bar; returns where the cursor goes when the prompt is open.
pub fn render(app: &App, theme: &Theme, area: Area, buf: &mut Buffer) -> Option<(u16, u16)> {
    if area.is_empty() {
        return None;
    }
    let amb = app.widths();
    let lang = app.lang();
    buf.set_style(
        Rect::new(area.x, area.y, area.width, area.height),
        theme.status,
    );
    if let Mode::Search {
        cursor, selected, ..
    } = app.mode()
    {
        return Some(prompt(app, theme, area, *cursor, *selected, buf));
    }
    let mut left = Vec::new();
    if app.context() == Context::Reader
        && let Some(reader) = app.reader()
    {
        if let Some(at) = app.view().iter().position(|&i| i == reader.article) {
            left.push(format!("{}/{}", at + 1, app.view().len()));
        }
        let (page, pages) = reader.page(app.rows());
        left.push(i18n::page_of(lang, page, pages));
        if !app.query().is_empty() {
            let (current, total) = reader.hit_count();
            left.push(i18n::match_of(lang, current, total));
        }
    } else if !app.view().is_empty() {
        left.push(format!("{}/{}", app.selected() + 1, app.view().len()));
    }
    let left = left.join("  ");
    let used = put(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        &[(&left, theme.status)],
        amb,
    );
    let x = area.x + 1 + used + 2;
    let room = (area.x + area.width).saturating_sub(x + 1);
    let (right, style) = match app.status() {
        // Messages may quote titles, paths and I/O errors: shown, never obeyed.
        Some(message) => (
            i18n::fit_message(&sanitize(message), usize::from(room), amb.ambiguous),
            theme.message,
        ),
        None if app.is_searching() => (
            i18n::fit_message(Msg::Searching.text(lang), usize::from(room), amb.ambiguous),
            theme.message,
        ),
        None => {
            let hints = crate::tui::keymap::user_hints(app.context(), hints(app), lang);
            (fit_hints(&hints, usize::from(room), amb), theme.status)
        }
    };
    let right_w = (width(&right, amb) as u16).min(room);
    // Hints sit at the right edge; when they do not fit they are cut, never the position.
    put(
        buf,
        area.x + area.width.saturating_sub(right_w + 1),
        area.y,
        right_w,
        &[(&right, style)],
        amb,
    );
    None
}

/// The prompt: label, query and, when there is room, hints. A query too long for the bar
/// scrolls sideways so the cursor stays in view, `…` marking what is cut on either side.
/// A `selected` query (the kept search, which typing replaces) is drawn selected. Returns
/// the cursor's cell.
fn prompt(
    app: &App,
    theme: &Theme,
    area: Area,
    cursor: usize,
    selected: bool,
    buf: &mut Buffer,
) -> (u16, u16) {
    let amb = app.ambiguous();
    let lang = app.lang();
    let label = Msg::PromptLabel.text(lang);
    let query = app.query_text();
    let cursor = cursor.min(query.len());
    let (head, tail) = query.split_at(cursor);
    let (head, tail) = (sanitize(head), sanitize(tail));
    let label_w = width(label, amb) as u16;
    let room = usize::from(area.width.saturating_sub(label_w + 1));
    let ellipsis = width("…", amb);
    // Drop graphemes from the start until the text before the cursor fits, leaving a
    // column for the cursor (and one for a `…` after it when the rest is cut).
    let mut shown_head: &str = &head;
    let mut cut = false;
    let keep = room.saturating_sub(usize::from(!tail.is_empty()) * ellipsis);
    while width(shown_head, amb) + usize::from(cut) * ellipsis > keep && !shown_head.is_empty() {
        let first = shown_head.graphemes(true).next().map_or(0, str::len);
        shown_head = &shown_head[first..];
        cut = true;
    }
    let lead = if cut { "…" } else { "" };
    let query_style = if selected {
        theme.selected
    } else {
        theme.status
    };
    let used = put(
        buf,
        area.x,
        area.y,
        area.width,
        &[
            (label, theme.status),
            (lead, theme.status),
            (shown_head, query_style),
        ],
        amb,
    );
    let x = area.x + used.min(area.width.saturating_sub(1));
    let after = put(
        buf,
        x,
        area.y,
        area.width.saturating_sub(used),
        &[(&tail, query_style)],
        amb,
    );
    let hint = if app.is_searching() {
        Msg::Searching
    } else {
        Msg::PromptHints
    }
    .text(lang);
    let hint_w = width(hint, amb) as u16;
    if used + after + hint_w + 2 <= area.width {
        put(
            buf,
            area.x + area.width - hint_w,
            area.y,
            hint_w,
            &[(hint, theme.status)],
            amb,
        );
    }
    (x, area.y)
}

/// As many of `hints` (key and action pairs, two spaces apart) as fit in `room` columns,
/// whole: a hint cut in the middle (`q …`) says nothing.
fn fit_hints(hints: &str, room: usize, amb: impl Into<Widths>) -> String {
    let amb = amb.into();
    let mut out = String::new();
    for hint in hints.split("  ") {
        let next = if out.is_empty() {
            hint.to_string()
        } else {
            format!("{out}  {hint}")
        };
        if width(&next, amb) > room {
            break;
        }
        out = next;
    }
    out
}

fn hints(app: &App) -> &'static str {
    let msg = match app.context() {
        Context::Reader if app.query().is_empty() => Msg::ReaderHints,
        Context::Reader => Msg::ReaderSearchHints,
        Context::Picker => Msg::PickerHints,
        // The help box's footer says how to scroll and close it; the bar does not repeat it.
        Context::Help => return "",
        Context::Search => Msg::PromptHints,
        // Side by side `Space` pages the preview: the bar says so.
        Context::List if app.geometry().side_by_side => Msg::ListSideHints,
        Context::List => Msg::ListHints,
    };
    msg.text(app.lang())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::AmbiguousWidth;

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole() {
        let hints = Msg::ListHints.text(crate::i18n::Lang::Zh);
        let amb = AmbiguousWidth::Narrow;
        assert_eq!(fit_hints(hints, 80, amb), hints);
        assert_eq!(fit_hints(hints, 20, amb), "? 帮助  / 搜索");
        assert_eq!(fit_hints(hints, 7, amb), "? 帮助");
        assert_eq!(fit_hints(hints, 5, amb), "");
    }
}
