//! The status bar (position, 第 X/Y 页, match i/n, a message or key hints) and the search
//! prompt, which takes its place while open. Which hints to offer is the core's choice
//! (`App::status_hints`); here they are only fitted into the bar and drawn.

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
        cursor,
        selected,
        from,
        ..
    } = app.mode()
    {
        let selection = selected.then_some(*from);
        return Some(prompt(app, theme, area, *cursor, selection, buf));
    }
    let mut left = Vec::new();
    // Before a search's first answer the list is the previous query's: no place in it is
    // given, as the header gives no count (`…/N 篇`).
    let pending = app.shows_previous_answer();
    if app.context() == Context::Reader
        && let Some(reader) = app.reader()
    {
        if pending {
            left.push(i18n::list_place_pending().to_string());
        } else if let Some(at) = app.view().iter().position(|&i| i == reader.article) {
            left.push(i18n::list_place(at + 1, app.view().len(), app.is_partial()));
        }
        let (page, pages) = reader.page(app.rows());
        left.push(i18n::page_of(lang, page, pages));
        if !app.query().is_empty() {
            let (current, total) = reader.hit_count();
            left.push(i18n::match_of(lang, current, total));
        }
    } else if pending && !app.view().is_empty() {
        left.push(i18n::list_place_pending().to_string());
    } else if !app.view().is_empty() {
        left.push(i18n::list_place(
            app.selected() + 1,
            app.view().len(),
            app.is_partial(),
        ));
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
    let (right, style) = match app.status().or(app.query_error()) {
        // Messages may quote titles, paths and I/O errors: shown, never obeyed.
        Some(message) => (
            crate::layout::fit_message(&sanitize(message), usize::from(room), amb.ambiguous),
            theme.message,
        ),
        None if app.is_searching() => (
            crate::layout::fit_message(Msg::Searching.text(lang), usize::from(room), amb.ambiguous),
            theme.message,
        ),
        None => (
            fit_hints(&app.status_hints(), usize::from(room), amb),
            theme.status,
        ),
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

/// The prompt: label, query and, when there is room, hints; a message (text cut at the
/// query's limit, a query the search refused, a failed save) takes the hints' place and is
/// kept in view, in up to half the bar. A query too long for the bar scrolls sideways so the
/// cursor stays in view, `…` marking what is cut on either side; only the graphemes around
/// the cursor that can show are measured, so a long query costs no more than a short one.
/// The `selection` (from there to the cursor: the kept search's words, or the date key's
/// value, which typing replaces) is drawn selected. Returns the cursor's cell.
fn prompt(
    app: &App,
    theme: &Theme,
    area: Area,
    cursor: usize,
    selection: Option<usize>,
    buf: &mut Buffer,
) -> (u16, u16) {
    let amb = app.widths();
    let lang = app.lang();
    let label = Msg::PromptLabel.text(lang);
    let query = app.query_text();
    let mut cursor = cursor.min(query.len());
    while !query.is_char_boundary(cursor) {
        cursor -= 1;
    }
    let (head, tail) = query.split_at(cursor);
    let label_w = width(label, amb) as u16;
    let message = app.status().or(app.query_error()).map(|m| {
        let most = usize::from(area.width.saturating_sub(label_w + 2) / 2);
        crate::layout::fit_message(&sanitize(m), most, app.ambiguous())
    });
    let message_w = message.as_ref().map_or(0, |m| width(m, amb) as u16);
    let room = usize::from(
        area.width
            .saturating_sub(label_w + 1)
            .saturating_sub(message_w + u16::from(message_w > 0)),
    );
    let ellipsis = width("…", amb);
    // Keep the end of the text before the cursor that fits, leaving a column for the
    // cursor (and one for a `…` after it when the rest is cut).
    let keep = room.saturating_sub(usize::from(!tail.is_empty()) * ellipsis);
    let (shown_head, cut) = fit_before(head, keep, ellipsis, amb);
    // The selection ends at the cursor: the end of the head shown, from where it starts.
    let skipped = head.len() - shown_head.len();
    let at = selection.map_or(shown_head.len(), |from| from.saturating_sub(skipped));
    let at = if shown_head.is_char_boundary(at) {
        at
    } else {
        0
    };
    let (plain, chosen) = shown_head.split_at(at);
    let (plain, chosen) = (sanitize(plain), sanitize(chosen));
    let lead = if cut { "…" } else { "" };
    let used = put(
        buf,
        area.x,
        area.y,
        area.width,
        &[
            (label, theme.status),
            (lead, theme.status),
            (&plain, theme.status),
            (&chosen, theme.selected),
        ],
        amb,
    );
    let x = area.x + used.min(area.width.saturating_sub(1));
    let tail_room = area
        .width
        .saturating_sub(used)
        .saturating_sub(message_w + u16::from(message_w > 0));
    let shown_tail = sanitize(fit_after(tail, usize::from(tail_room), amb));
    let after = put(
        buf,
        x,
        area.y,
        tail_room,
        &[(&shown_tail, theme.status)],
        amb,
    );
    if let Some(message) = &message {
        put(
            buf,
            area.x + area.width.saturating_sub(message_w),
            area.y,
            message_w,
            &[(message, theme.message)],
            amb,
        );
        return (x, area.y);
    }
    let hint = if app.is_searching() {
        Msg::Searching.text(lang).to_string()
    } else {
        app.status_hints()
    };
    let hint = hint.as_str();
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

/// The end of `head` that shows before the cursor in `keep` columns: all of it when it
/// fits, else as much as fits with a `…` (`ellipsis` columns) before it, and true. Walks back
/// from the cursor only as far as can show.
fn fit_before(head: &str, keep: usize, ellipsis: usize, amb: Widths) -> (&str, bool) {
    let tight = keep.saturating_sub(ellipsis);
    let (mut used, mut start, mut start_tight) = (0, head.len(), head.len());
    for (at, g) in head.grapheme_indices(true).rev() {
        used += width(&sanitize(g), amb);
        if used > keep {
            return (&head[start_tight..], true);
        }
        start = at;
        if used <= tight {
            start_tight = at;
        }
    }
    (&head[start..], false)
}

/// The start of `tail` that shows after the cursor in `room` columns, and the grapheme after
/// it when there is one, so that the writer sees the text is longer and ends it with `…`.
fn fit_after(tail: &str, room: usize, amb: Widths) -> &str {
    let mut used = 0;
    for (at, g) in tail.grapheme_indices(true) {
        used += width(&sanitize(g), amb);
        if used > room {
            return &tail[..at + g.len()];
        }
    }
    tail
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{self, Hint};
    use crate::layout::AmbiguousWidth;

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole() {
        let hints = keys::hints(Hint::List, crate::i18n::Lang::Zh);
        let amb = AmbiguousWidth::Narrow;
        assert_eq!(fit_hints(&hints, 80, amb), hints);
        assert_eq!(fit_hints(&hints, 20, amb), "? 帮助  / 搜索");
        assert_eq!(fit_hints(&hints, 7, amb), "? 帮助");
        assert_eq!(fit_hints(&hints, 5, amb), "");
    }
}
