//! The timeline overlay (issue 13): the current list's articles per month, or per year
//! when they span more than three years; `Enter` on a bar sets the date filter to it.
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
    /// The timeline of these days; `None` when none is known.
    pub fn of(
        dates: impl IntoIterator<Item = Option<crate::date::Date>> + Clone,
    ) -> Option<Timeline> {
        let months = count(dates.clone(), By::Month);
        let (by, periods) = if months.len() > MONTHS {
            (By::Year, count(dates, By::Year))
        } else {
            (By::Month, months)
        };
        // The busiest period first under the cursor.
        let selected = periods
            .iter()
            .enumerate()
            .max_by_key(|(i, p)| (p.count, std::cmp::Reverse(*i)))
            .map(|(i, _)| i)?;
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
        match Timeline::of(dates.collect::<Vec<_>>()) {
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
                if let Some(range) = t
                    .periods
                    .get(t.selected)
                    .and_then(|p| DateRange::parse(&p.period).ok())
                {
                    self.opts.filter.dates = range;
                }
                self.mode = Mode::Normal;
                self.rebuild_view();
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
