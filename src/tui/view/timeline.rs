//! The timeline overlay (issue 13): the list's articles per month or year as rows of bars
//! laid out as `kanbao timeline` prints them, the period under the cursor lit, with the
//! total and the busiest period in the title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Overlay, Timeline};
use crate::i18n;
use crate::timeline;
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::{put, width};

/// The widest box, in columns.
const WIDTH: u16 = 64;

/// Draws the timeline centred on the screen.
pub fn render(app: &App, t: &Timeline, theme: &Theme, buf: &mut Buffer) {
    let lang = app.lang();
    let amb = app.ambiguous();
    let screen = app.geometry().screen;
    let rows = u16::try_from(t.periods.len()).unwrap_or(u16::MAX);
    let o = Overlay::centred(screen, WIDTH, rows.saturating_add(3));
    let inner = overlay(theme, o, buf);
    if inner.is_empty() {
        return;
    }
    let busiest = t
        .periods
        .iter()
        .max_by_key(|p| p.count)
        .map_or(("", 0), |p| (p.period.as_str(), p.count));
    let title = i18n::timeline_title(lang, t.total(), busiest.0, busiest.1);
    put(
        buf,
        inner.x,
        inner.y,
        inner.width,
        &[(&title, theme.title)],
        amb,
    );
    let chart = Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(1),
    );
    if chart.is_empty() {
        return;
    }
    // The rows that fit, keeping the cursor's period in them.
    let fit = usize::from(chart.height);
    let first = t
        .selected
        .saturating_sub(fit.saturating_sub(1))
        .min(t.periods.len().saturating_sub(fit));
    // As `kanbao timeline` prints them: `2019-01  560 ████`, the counts right-aligned.
    let digits = timeline::count_digits(&t.periods);
    let most = busiest.1;
    for (row, (i, p)) in t
        .periods
        .iter()
        .enumerate()
        .skip(first)
        .take(fit)
        .enumerate()
    {
        let style = if i == t.selected {
            theme.selected
        } else {
            theme.body
        };
        let head = timeline::row_head(&p.period, p.count, digits);
        let room = usize::from(chart.width).saturating_sub(width(&head, amb));
        let bar = "█".repeat(timeline::bar_cells(p.count, most, room));
        let y = chart.y + u16::try_from(row).unwrap_or(u16::MAX);
        put(
            buf,
            chart.x,
            y,
            chart.width,
            &[(&head, style), (&bar, style)],
            amb,
        );
    }
}
