//! The reader's one date filter (session 31): the search's `date:`. A hands-on tester
//! started the reader with `--since 2024-03 --until 2024-03`, pressed `t` and typed `2025`:
//! the search got `date:2025` while the header still showed `日期 2024-03-01..2024-03-31`
//! (a second filter, the command line's), and nothing matched both. Now the dates of the
//! command line become the search's `date:` as the reader starts, `T` puts its period
//! there, and `t` edits it: the header shows it once, in the search, and the search and
//! the timeline count the same list.
//!
//! - `t` opens the prompt with the date in force as `date:VALUE` at the end of the search,
//!   VALUE selected: typing replaces it, `←` `→` edit it, `Esc` leaves it as it was.
//! - `/` over a kept search selects its words and leaves the date after them, so a new
//!   search keeps the dates (as it keeps the districts); the date is erased as any text.
//! - `T`'s `Enter` puts its month or year in place of the date, keeping the words.

use super::*;
use crate::date::DateRange;
use crate::search::query::without_dates;

/// `query` with its date filter `date:VALUE`, in place of any `date:` it had (several
/// narrowed each other), after its other words.
pub(super) fn with_date(query: &str, value: &str) -> String {
    let words = without_dates(query);
    match words.trim().is_empty() {
        true => format!("date:{value}"),
        false => format!("{} date:{value}", words.trim_end()),
    }
}

/// The date filter in force in `query`: its `date:` terms, which narrow each other, as one
/// range (every day when it has none; a refused one is left out, as the search leaves it).
fn dates_of(query: &str) -> DateRange {
    Query::parse(query).ops().dates
}

/// The dates of the command line (`--since`, `--until`) as the search's `date:`, with any
/// the search had (the days in both): one date filter, shown and edited as one. Dates with
/// no day in common with the search's stay apart, as two filters that keep nothing.
pub(super) fn into_query(opts: &mut Options) {
    let dates = opts.filter.dates;
    if dates.is_all() {
        return;
    }
    let range = dates.and(dates_of(&opts.query));
    if range.is_reversed() {
        return;
    }
    opts.query = with_date(&opts.query, &range.compact());
    opts.filter.dates = DateRange::ALL;
}

/// The text the prompt opens with over the kept search `query` (`valid`: the search takes
/// it), and the end of its words, where the cursor goes: they are selected, and the date
/// filter follows them, ` date:2024-03`, so that what is typed replaces the words and
/// keeps the date. With no date, or a query the search refuses, the query as it is.
pub(super) fn kept_words(query: &str, valid: bool) -> (String, usize) {
    let range = dates_of(query);
    if !valid || range.is_all() {
        return (query.to_string(), query.len());
    }
    let words = without_dates(query);
    let words = words.trim_end();
    let words = if words.trim().is_empty() { "" } else { words };
    (format!("{words} date:{}", range.compact()), words.len())
}

impl App {
    /// `t`: the prompt over the search with its date filter last, `date:VALUE`, VALUE (the
    /// date in force, in its fewest words) selected; `date:` alone when there is none.
    pub(super) fn open_date_prompt(&mut self) {
        let before = self.opts.query.clone();
        self.open_prompt();
        let current = dates_of(&before);
        let value = match current.is_all() {
            true => String::new(),
            false => current.compact(),
        };
        let words = without_dates(&before);
        let (words, sep) = match words.trim().is_empty() {
            true => ("", ""),
            false => (words.trim_end(), " "),
        };
        self.opts.query = words.to_string();
        let cursor = self.opts.query.len();
        let typed = format!("{sep}date:{value}");
        self.prompt(Action::SearchInput(typed), before, cursor, None);
        if let Mode::Search {
            cursor,
            selected,
            from,
            ..
        } = &mut self.mode
            && !value.is_empty()
        {
            *from = cursor.saturating_sub(value.len());
            *selected = true;
        }
    }

    /// `Enter` in the timeline: the search's date filter becomes `period` (`2024-03`,
    /// `2024`), its words kept.
    pub(super) fn set_date(&mut self, period: &str) {
        let query = with_date(&self.opts.query, period);
        self.set_query(query);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_goes_last_in_place_of_the_old_one() {
        assert_eq!(with_date("", "2024"), "date:2024");
        assert_eq!(
            with_date("工会 date:2023 驿站", "2024"),
            "工会 驿站 date:2024"
        );
        assert_eq!(with_date("日期:2023  ", "2024-03"), "date:2024-03");
        assert_eq!(
            kept_words("date:2024 工会", true),
            ("工会 date:2024".to_string(), "工会".len())
        );
        assert_eq!(kept_words("date:2024", true), (" date:2024".to_string(), 0));
        assert_eq!(kept_words("工会", true), ("工会".to_string(), "工会".len()));
        assert_eq!(
            kept_words("date:2024-13 工会", false),
            ("date:2024-13 工会".to_string(), "date:2024-13 工会".len())
        );
    }

    #[test]
    fn the_command_lines_dates_join_the_search() {
        let mut opts = Options {
            query: "工会 date:2024".into(),
            filter: crate::filter::Filter {
                dates: DateRange::since("2024-03").unwrap(),
                ..Default::default()
            },
            ..Options::default()
        };
        into_query(&mut opts);
        assert_eq!(opts.query, "工会 date:2024-03..2024-12");
        assert!(opts.filter.dates.is_all());
        // No day in common: left as they were (nothing passes both either way).
        let apart = DateRange::until("2020").unwrap();
        let mut opts = Options {
            query: "date:2024".into(),
            filter: crate::filter::Filter {
                dates: apart,
                ..Default::default()
            },
            ..Options::default()
        };
        into_query(&mut opts);
        assert_eq!(
            (opts.query.as_str(), opts.filter.dates),
            ("date:2024", apart)
        );
    }
}
