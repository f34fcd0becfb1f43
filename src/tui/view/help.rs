//! The `?` overlay, made from the key table: the keys of where it was opened first.

use ratatui::buffer::Buffer;

use crate::app::{App, Area, Context};
use crate::i18n::Msg;
use crate::tui::keymap::{Where, help_rows};
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::{put, width};

/// Draws the help centred on `screen`.
pub fn render(app: &App, from: Context, theme: &Theme, screen: Area, buf: &mut Buffer) {
    let lang = app.lang();
    let amb = app.ambiguous();
    let mut places = vec![Where::In(from), Where::Anywhere];
    for c in [
        Context::List,
        Context::Reader,
        Context::Search,
        Context::Picker,
    ] {
        if c != from {
            places.push(Where::In(c));
        }
    }
    let mut lines: Vec<(String, &'static str)> = Vec::new();
    for place in places {
        let rows = help_rows(place, lang);
        if rows.is_empty() {
            continue;
        }
        lines.push((String::new(), section(place).text(lang)));
        lines.extend(rows);
    }
    let key_w = lines.iter().map(|(k, _)| width(k, amb)).max().unwrap_or(0) as u16;
    let inner = overlay(theme, screen, 56, lines.len() as u16 + 3, buf);
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
    for (row, (keys, what)) in lines.iter().enumerate() {
        let y = inner.y + 1 + row as u16;
        if y >= inner.bottom() {
            break;
        }
        if keys.is_empty() {
            put(buf, inner.x, y, inner.width, &[(what, theme.banner)], amb);
            continue;
        }
        let pad = " ".repeat(usize::from(key_w) - width(keys, amb) + 2);
        put(
            buf,
            inner.x + 1,
            y,
            inner.width.saturating_sub(1),
            &[(keys, theme.mark), (&pad, theme.body), (what, theme.body)],
            amb,
        );
    }
}

fn section(place: Where) -> Msg {
    match place {
        Where::Anywhere => Msg::CtxAnywhere,
        Where::In(Context::Reader) => Msg::CtxReader,
        Where::In(Context::Search) => Msg::CtxSearch,
        Where::In(Context::Picker) => Msg::CtxPicker,
        Where::In(_) => Msg::CtxList,
    }
}
