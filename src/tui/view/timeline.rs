//! The timeline overlay (issue 13): the list's articles per month or year as ratatui's
//! horizontal `BarChart`, the period under the cursor lit, with the total and the busiest
//! period in the title.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use crate::app::{App, Overlay, Timeline};
use crate::i18n;
use crate::tui::theme::Theme;
use crate::tui::view::overlay;
use crate::tui::view::text::put;

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
    let bars: Vec<Bar<'_>> = t
        .periods
        .iter()
        .enumerate()
        .skip(first)
        .take(fit)
        .map(|(i, p)| {
            let style = if i == t.selected {
                theme.selected
            } else {
                theme.body
            };
            Bar::default()
                .value(p.count as u64)
                .label(ratatui::text::Line::from(p.period.clone()))
                .text_value(p.count.to_string())
                .style(style)
                .value_style(style)
        })
        .collect();
    BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .max(busiest.1 as u64)
        .data(BarGroup::default().bars(&bars))
        .render(chart, buf);
}
