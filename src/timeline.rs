//! Counts of articles per month or year (issue 13): `kanbao timeline` and the data of the
//! reader's timeline. Periods run oldest first, every period from the first to the last
//! that has an article (the gaps count 0); undated articles are in no period.

use std::io::Write;

use serde::Serialize;

use crate::commands::Outcome;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::i18n::Lang;

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    /// A calendar month: `2024-03`.
    #[default]
    Month,
    /// A calendar year: `2024`.
    Year,
}

/// One period and how many articles are dated in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// `2024-03` (by month) or `2024` (by year).
    pub period: String,
    /// Articles dated in it.
    pub count: usize,
}

/// The days of the articles of `collection` that `keep` keeps and `query` (if any)
/// matches (`None` for an undated one).
pub fn dates_in(
    collection: &crate::collection::Collection,
    keep: &dyn Fn(&crate::article::Article) -> bool,
    query: Option<&crate::search::Query>,
) -> Vec<Option<Date>> {
    let date = |a: &crate::article::Article| crate::date::date_of(a.date.as_deref());
    match query {
        Some(q) => crate::commands::matching(collection, keep, q)
            .into_iter()
            .map(|(a, _)| date(a))
            .collect(),
        None => crate::commands::filtered(collection, keep)
            .into_iter()
            .map(date)
            .collect(),
    }
}

/// A period as a number that counts up by one from one period to the next.
fn ordinal(date: Date, by: By) -> u32 {
    match by {
        By::Month => u32::from(date.year()) * 12 + u32::from(date.month()) - 1,
        By::Year => u32::from(date.year()),
    }
}

/// The name of period `n` (see [`ordinal`]).
fn name(n: u32, by: By) -> String {
    match by {
        By::Month => format!("{:04}-{:02}", n / 12, n % 12 + 1),
        By::Year => format!("{n:04}"),
    }
}

/// The name of the period that holds `date` (`2024-03` by month, `2024` by year), as
/// [`Period::period`] names it.
pub fn period_of(date: Date, by: By) -> String {
    name(ordinal(date, by), by)
}

/// Counts `dates` per period, oldest first, with every period between the first and the
/// last (empty ones count 0); `None` dates are left out. Empty when nothing is dated.
pub fn count(dates: impl IntoIterator<Item = Option<Date>>, by: By) -> Vec<Period> {
    count_days(dates.into_iter().flatten().map(|d| (d, 1)), by)
}

/// [`count`] of days given with how many articles each has (a day may come several
/// times; its counts add up).
pub fn count_days(days: impl IntoIterator<Item = (Date, usize)>, by: By) -> Vec<Period> {
    let mut counts: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    for (date, n) in days {
        *counts.entry(ordinal(date, by)).or_default() += n;
    }
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    (first..=last)
        .map(|n| Period {
            period: name(n, by),
            count: counts.get(&n).copied().unwrap_or(0),
        })
        .collect()
}

/// The widest bar, in columns.
const BAR: usize = 40;

/// The start of a row of bars, as `kanbao timeline` prints it and the reader's timeline
/// draws it: the period right-aligned in 7 columns, a space, the count right-aligned in
/// `digits` columns, and the space before the bar: `2019-01  560 `.
pub fn row_head(period: &str, count: usize, digits: usize) -> String {
    format!("{period:>7} {count:>digits$} ")
}

/// The digits of the largest count of `periods` (at least 1): the width of the counts.
pub fn count_digits(periods: &[Period]) -> usize {
    let most = periods.iter().map(|p| p.count).max().unwrap_or(0);
    most.to_string().len()
}

/// The cells of the bar for `count` when the busiest period's `most` takes `widest`: any
/// article shows at least one cell, none shows none.
pub fn bar_cells(count: usize, most: usize, widest: usize) -> usize {
    (count * widest).div_ceil(most.max(1))
}

/// Writes `periods`: JSON, text bars (for a terminal, with the busiest period and the
/// total), or `period<TAB>count` lines.
pub fn write(
    out: &mut dyn Write,
    periods: &[Period],
    json: bool,
    bars: bool,
    lang: Lang,
) -> Result<Outcome> {
    if json {
        crate::json::write_pretty(out, &periods).map_err(Error::stdout)?;
    } else if bars {
        let most = periods.iter().map(|p| p.count).max().unwrap_or(0).max(1);
        let digits = count_digits(periods);
        for p in periods {
            let bar = "█".repeat(bar_cells(p.count, most, BAR));
            let head = row_head(&p.period, p.count, digits);
            writeln!(out, "{head}{bar}").map_err(Error::stdout)?;
        }
        if let Some(top) = periods
            .iter()
            .max_by_key(|p| (p.count, std::cmp::Reverse(&p.period)))
        {
            let total = periods.iter().map(|p| p.count).sum();
            let line = crate::i18n::timeline_summary(lang, total, &top.period, top.count);
            writeln!(out, "{line}").map_err(Error::stdout)?;
        }
    } else {
        for p in periods {
            writeln!(out, "{}\t{}", p.period, p.count).map_err(Error::stdout)?;
        }
    }
    Ok(if periods.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Date::parse(s)
    }

    #[test]
    fn months_run_oldest_first_with_the_gaps() {
        let dates = [
            d("2024-03-08"),
            d("2023-12-31"),
            None,
            d("2024-03-01"),
            d("2024-01-15"),
        ];
        let got: Vec<(String, usize)> = count(dates, By::Month)
            .into_iter()
            .map(|p| (p.period, p.count))
            .collect();
        let want = [
            ("2023-12", 1),
            ("2024-01", 1),
            ("2024-02", 0),
            ("2024-03", 2),
        ];
        assert_eq!(got, want.map(|(p, n)| (p.to_string(), n)));
        let years: Vec<String> = count(dates, By::Year)
            .into_iter()
            .map(|p| p.period)
            .collect();
        assert_eq!(years, ["2023", "2024"]);
        assert!(count([None], By::Month).is_empty());
    }
}
