//! The header: the page banner, the active filters and search, the article count.

use ratatui::buffer::Buffer;

use crate::app::{App, Area};
use crate::district::DistrictKey;
use crate::i18n::{self, Msg};
use crate::layout::sanitize;
use crate::tui::theme::Theme;
use crate::tui::view::text::{put, width};

/// Draws the header row.
pub fn render(app: &App, theme: &Theme, area: Area, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let lang = app.lang();
    let amb = app.widths();
    let mut right = Vec::new();
    if !app.filter().districts.is_empty() {
        let names: Vec<&str> = app
            .filter()
            .districts
            .keys()
            .into_iter()
            .map(|k| match k {
                DistrictKey::Unstated => Msg::Unstated.text(lang),
                named => named.label(),
            })
            .collect();
        right.push(i18n::labelled(lang, Msg::District, &names.join(" ")));
    }
    if !app.mark_filter().is_empty() {
        right.push(app.mark_filter().describe(lang));
    }
    if !app.filter().dates.is_all() {
        right.push(i18n::range_label(lang, &app.filter().dates.to_string()));
    }
    // While the query typed is refused the list is the last one searched: the header names
    // that one (the prompt line holds the one typed, and why it is refused), so a long
    // paste does not push the banner out.
    let query = app.listed_query();
    if !query.is_empty() {
        right.push(i18n::labelled(lang, Msg::Search, &sanitize(query)));
    }
    if app.sorted_by_date() && !query.is_empty() {
        right.push(i18n::by_date_label(lang).to_string());
    }
    let filters = right.join("  ");
    let total = app.collection().len();
    // While a search runs, or when the query typed is refused, the list still shows the
    // last answer: its count would belong to another query than the one beside it. Once
    // the search has sent what it found so far, the list is that: its count, marked as
    // still running (the status bar marks the list's length the same way).
    let count = if app.query_error().is_some() {
        i18n::query_refused(lang).to_string()
    } else if app.is_partial() {
        i18n::count_running(lang, app.view().len(), total)
    } else if app.is_searching() {
        i18n::count_pending(lang, total)
    } else {
        i18n::count_of(lang, app.view().len(), total, !filters.is_empty())
    };
    let banner = app
        .collection()
        .banner()
        .map_or_else(|| Msg::AppName.text(lang).into(), sanitize);
    // The count matters most, then the filters (cut if need be), then the banner.
    let count_w = width(&count, amb) as u16;
    if count_w >= area.width {
        put(
            buf,
            area.x,
            area.y,
            area.width,
            &[(&count, theme.header)],
            amb,
        );
        return;
    }
    let count_x = area.x + area.width - count_w;
    put(
        buf,
        count_x,
        area.y,
        count_w,
        &[(&count, theme.header)],
        amb,
    );
    // Columns between the left margin and the gap before the count.
    let span = area.width.saturating_sub(count_w + 3);
    let filters_w = (width(&filters, amb) as u16).min(span);
    if filters_w > 0 {
        let x = area.x + 1 + span - filters_w;
        put(buf, x, area.y, filters_w, &[(&filters, theme.header)], amb);
    }
    let banner_w = if filters_w > 0 {
        span.saturating_sub(filters_w + 2)
    } else {
        span
    };
    if banner_w >= 4 {
        put(
            buf,
            area.x + 1,
            area.y,
            banner_w,
            &[(&banner, theme.banner)],
            amb,
        );
    }
}
