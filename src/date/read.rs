//! One reading of a day typed by a person (session 31): `kanbao import --date` takes a day
//! in the forms `--since`, `--until` and `date:` take (`2024-3-9`, `2024/3/9`,
//! `2024年3月9日`, `20240309`, full-width digits), where it took only `2024-03-09`; and a
//! range whose end comes before its start is found here, for one refusal everywhere.

use super::{Date, DateRange, normal, period};

/// The forms of one day, as the messages list them; a macro so that [`DAY_FORMS`] and
/// [`PERIOD_FORMS`] share the one text.
macro_rules! day_forms {
    () => {
        "2024-03-08, 2024-3-8, 2024/3/8, 2024年3月8日, 20240308"
    };
}

/// The forms of one day [`Date::read`] takes, for messages: what `kanbao import --date`'s
/// error lists.
pub const DAY_FORMS: &str = day_forms!();

/// The forms of a year, a month or a day (`--since`, `--until`), for messages: a year and
/// a month, then [`DAY_FORMS`], so that `--since`'s error and `--date`'s list one day's
/// forms alike.
pub const PERIOD_FORMS: &str = concat!("2024, 2024-03, ", day_forms!());

impl Date {
    /// A single day as people write it, in any form [`DateRange::parse`] takes for one day
    /// (`2024-03-09`, `2024-3-9`, `2024/3/9`, `2024.3.9`, `2024年3月9日`, `20240309`,
    /// full-width digits); spaces around it are ignored. `None` for a year or a month (no
    /// single day), a day the calendar lacks, or anything else. [`Date::parse`] stays the
    /// exact `YYYY-MM-DD` of the data format.
    pub fn read(text: &str) -> Option<Date> {
        let (first, last) = period(text.trim())?;
        (first == last).then_some(first)
    }
}

impl DateRange {
    /// Whether the range's end comes before its start: no day is in it. `--since 2024
    /// --until 2023` makes one (a usage error, as `date:2024..2023` is).
    pub fn is_reversed(&self) -> bool {
        matches!((self.from, self.to), (Some(from), Some(to)) if to < from)
    }
}

/// The two ends of `text`, a `date:` value written `A..B`, when both are dates and B's
/// last day comes before A's first (`2024-03..2024-01`): a reversed range, which
/// [`DateRange::parse`] refuses, as the values themselves typed (trimmed), for messages.
pub fn reversed(text: &str) -> Option<(String, String)> {
    let (a, b) = text.trim().split_once("..")?;
    let (a, b) = (a.trim(), b.trim());
    let (from, _) = period(a)?;
    let (_, to) = period(b)?;
    (to < from).then(|| (a.to_string(), b.to_string()))
}

/// Whether `text`, a range being typed (`2024..202`), is reversed whatever may still be
/// typed after it: its start is whole and its end's year, or year and two-digit month, is
/// typed and comes before it (`2024..2023`, `2024-03..2024-01`). The prompt then says so at
/// once, rather than waiting for more (see [`super::may_become_range`]).
pub(super) fn surely_reversed(text: &str) -> bool {
    let Some((a, b)) = text.split_once("..") else {
        return false;
    };
    let Some((from, _)) = period(a.trim()) else {
        return false;
    };
    let b = normal(b.trim());
    let number = |s: Option<&str>| {
        s.filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|s| s.parse::<u16>().ok())
    };
    let Some(year) = number(b.get(..4)) else {
        return false;
    };
    let month = number(
        b.get(4..)
            .map(|m| m.trim_start_matches('-'))
            .and_then(|m| m.get(..2)),
    );
    year < from.year()
        || (year == from.year() && month.is_some_and(|m| m < u16::from(from.month())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_in_every_form_a_range_takes() {
        let ninth = Date::new(2024, 3, 9);
        for text in [
            "2024-03-09",
            "2024-3-9",
            "2024/3/9",
            "2024.3.9",
            "2024年3月9日",
            "20240309",
            "２０２４－３－９",
            " 2024-3-9 ",
        ] {
            assert_eq!(Date::read(text), ninth, "{text}");
            assert_eq!(DateRange::parse(text).map(|r| r.from), Ok(ninth), "{text}");
        }
        for text in [
            "2024",
            "2024-03",
            "2024-3-32",
            "2023-02-29",
            "3/9",
            "",
            "2024-03..2024-04",
        ] {
            assert_eq!(Date::read(text), None, "{text}");
        }
    }

    #[test]
    fn reversed_ranges_are_found() {
        assert_eq!(
            reversed("2024-03..2024-01"),
            Some(("2024-03".into(), "2024-01".into()))
        );
        assert_eq!(reversed("2024..2023"), Some(("2024".into(), "2023".into())));
        for text in [
            "2024-01..2024-03",
            "2024-03-08..2024-03",
            "2024..",
            "..2023",
            "x..y",
            "2024",
        ] {
            assert_eq!(reversed(text), None, "{text}");
        }
        for text in [
            "2024..2023",
            "2024..2023-",
            "2024-03..2024-01",
            "2024-03..202401",
            "2024-03..2023",
        ] {
            assert!(surely_reversed(text), "{text}");
            assert!(!crate::date::may_become_range(text), "{text}");
        }
        for text in [
            "2024..202",
            "2024..2024",
            "2024-03..2024-0",
            "2024-03..2024-1",
            "2024..",
            "x..2023",
        ] {
            assert!(!surely_reversed(text), "{text}");
        }
        let since = DateRange::since("2024").unwrap();
        assert!(since.and(DateRange::until("2023").unwrap()).is_reversed());
        assert!(
            !since
                .and(DateRange::until("2024-01").unwrap())
                .is_reversed()
        );
        assert!(!since.is_reversed() && !DateRange::ALL.is_reversed());
    }
}
