//! The note editor's box (issue 14): the article's title, the note wrapped at the box's
//! width (by display width, so Chinese takes two columns), and a last row with the keys to
//! save and leave, the question `Esc` asks, or a message. Returns the cursor's cell.

use ratatui::buffer::Buffer;

use crate::app::{App, NoteEditor};
use crate::i18n;
use crate::keys::{self, Hint};
use crate::layout::{fit_message, sanitize};
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::put;

/// Draws the box; the cursor's cell when the cursor's row is on the screen.
pub fn render(
    app: &App,
    editor: &NoteEditor,
    theme: &Theme,
    buf: &mut Buffer,
) -> Option<(u16, u16)> {
    let lang = app.lang();
    let amb = app.widths();
    let layout = app.note_layout();
    let inner = overlay(theme, layout.overlay, buf);
    if inner.is_empty() {
        return None;
    }
    if let Some(area) = layout.title {
        let title = app
            .collection()
            .get(editor.article())
            .map(|a| sanitize(&a.title).into_owned())
            .unwrap_or_default();
        let title = i18n::note_editor_title(lang, &title);
        put(
            buf,
            area.x,
            area.y,
            area.width,
            &[(&title, theme.title)],
            amb,
        );
    }
    let view = editor.shown(&layout, amb);
    let text = layout.text;
    for (i, row) in view
        .rows
        .iter()
        .skip(view.top)
        .take(usize::from(text.height))
        .enumerate()
    {
        let line = &editor.text()[row.start..row.end];
        put(
            buf,
            text.x,
            text.y + i as u16,
            text.width,
            &[(line, theme.body)],
            amb,
        );
    }
    if let Some(area) = layout.footer {
        let width = usize::from(area.width);
        let (line, style) = if editor.asking() {
            (
                fit_message(i18n::note_discard_question(lang), width, amb.ambiguous),
                theme.message,
            )
        } else if let Some(message) = app.status() {
            (
                fit_message(&sanitize(message), width, amb.ambiguous),
                theme.message,
            )
        } else {
            (keys::hints(Hint::Note, lang), theme.meta)
        };
        put(buf, area.x, area.y, area.width, &[(&line, style)], amb);
    }
    let (row, col) = view.cursor;
    let y = row
        .checked_sub(view.top)
        .filter(|&r| r < usize::from(text.height))?;
    let x = u16::try_from(col)
        .unwrap_or(u16::MAX)
        .min(text.width.saturating_sub(1));
    (!text.is_empty()).then(|| (text.x + x, text.y + u16::try_from(y).unwrap_or(0)))
}
