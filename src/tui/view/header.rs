//! The header: the page banner, the active filters and search, the article count.

use ratatui::buffer::Buffer;

use crate::app::{App, Area};
use crate::district::DistrictKey;
use crate::i18n::{self, Msg};
use crate::layout::sanitize;
use crate::tui::theme::Theme;
use crate::tui::view::text::{Seg, put, width};

/// Draws the header row.
pub fn render(app: &App, theme: &Theme, area: Area, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let lang = app.lang();
    let amb = app.ambiguous();
    let mut right = Vec::new();
    if !app.filter().is_empty() {
        let names: Vec<&str> = app
            .filter()
            .keys()
            .into_iter()
            .map(|k| match k {
                DistrictKey::Unstated => Msg::Unstated.text(lang),
                named => named.label(),
            })
            .collect();
        right.push(format!("{}: {}", Msg::District.text(lang), names.join(" ")));
    }
    if !app.query_text().is_empty() {
        right.push(format!(
            "{}: {}",
            Msg::Search.text(lang),
            sanitize(app.query_text())
        ));
    }
    right.push(i18n::count_of(
        lang,
        app.view().len(),
        app.collection().articles.len(),
    ));
    let right = right.join("  ");
    let banner = app
        .collection()
        .banner
        .as_deref()
        .map_or_else(|| Msg::AppName.text(lang).into(), sanitize);
    let right_w = width(&right, amb) as u16;
    let banner_max = area.width.saturating_sub(right_w + 2);
    let banner_segs: [Seg<'_>; 1] = [(&banner, theme.banner)];
    if banner_max >= 4 {
        put(buf, area.x + 1, area.y, banner_max - 1, &banner_segs, amb);
        put(
            buf,
            area.x + area.width - right_w,
            area.y,
            right_w,
            &[(&right, theme.header)],
            amb,
        );
    } else {
        put(
            buf,
            area.x,
            area.y,
            area.width,
            &[(&right, theme.header)],
            amb,
        );
    }
}
