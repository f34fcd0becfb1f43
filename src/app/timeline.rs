//! The timeline overlay (issue 13): the current list's articles per month, or per year
//! when they span more than three years; `Enter` on a bar sets the date filter (the
//! search's `date:`) to it.
//! It takes the picker's keys (move, apply, cancel).

use super::*;
use crate::date::DateRange;
use crate::timeline::{By, Period, count};

/// Months up to which the timeline counts by month; longer spans count by year.
const MONTHS: usize = 36;

/// The timeline's state: the periods and the one under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Month or year.
    pub by: By,
    /// Oldest first, every period between the first and the last.
    pub periods: Vec<Period>,
    /// The period under the cursor.
    pub selected: usize,
}

impl Timeline {
    /// The timeline of these days; `None` when none is known. The cursor starts where the
    /// user is (session 31): on the period of `at` (the selected article's day), or on the
    /// newest period when `at` is `None` or outside them (the top of the list, newest
    /// first). It started on the busiest period, away from the article selected, so that
    /// `j` and `k` led somewhere unexpected.
    pub fn of(
        dates: impl IntoIterator<Item = Option<crate::date::Date>> + Clone,
        at: Option<crate::date::Date>,
    ) -> Option<Timeline> {
        let months = count(dates.clone(), By::Month);
        let (by, periods) = if months.len() > MONTHS {
            (By::Year, count(dates, By::Year))
        } else {
            (By::Month, months)
        };
        let newest = periods.len().checked_sub(1)?;
        let selected = at
            .map(|day| crate::timeline::period_of(day, by))
            .and_then(|name| periods.iter().position(|p| p.period == name))
            .unwrap_or(newest);
        Some(Timeline {
            by,
            periods,
            selected,
        })
    }

    /// The total of the counts.
    pub fn total(&self) -> usize {
        self.periods.iter().map(|p| p.count).sum()
    }
}

impl App {
    /// Opens the timeline of the list as it is (search and filters applied).
    pub(super) fn open_timeline(&mut self) {
        let dates = self.view.iter().map(|&i| self.collection.date(i));
        let at = self
            .view
            .get(self.selected)
            .and_then(|&i| self.collection.date(i));
        match Timeline::of(dates.collect::<Vec<_>>(), at) {
            Some(t) => self.mode = Mode::Timeline(t),
            None => self.status = Some(crate::i18n::no_dates(self.opts.lang).to_string()),
        }
    }

    /// A key while the timeline is open.
    pub(super) fn timeline(&mut self, action: Action, mut t: Timeline) {
        let last = t.periods.len().saturating_sub(1);
        match action {
            Action::PickerDown | Action::MoveDown => t.selected = (t.selected + 1).min(last),
            Action::PickerUp | Action::MoveUp => t.selected = t.selected.saturating_sub(1),
            Action::Top => t.selected = 0,
            Action::Bottom => t.selected = last,
            Action::PickerApply | Action::PickerToggle => {
                self.mode = Mode::Normal;
                // The search's date filter becomes the period (see `super::dates`).
                match t.periods.get(t.selected) {
                    Some(p) if DateRange::parse(&p.period).is_ok() => self.set_date(&p.period),
                    _ => self.rebuild_view(),
                }
                return;
            }
            Action::PickerCancel | Action::Quit => {
                self.mode = Mode::Normal;
                return;
            }
            _ => {}
        }
        self.mode = Mode::Timeline(t);
    }
}
