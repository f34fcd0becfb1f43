//! Calendar dates and date ranges (issue 13): a validated `YYYY-MM-DD` [`Date`], and a
//! [`DateRange`] typed as `2024`, `2024-03`, `2024-03-08` or `A..B` of those, inclusive
//! (a year or a month means all of it). Dates compare as dates, never as strings.

use std::fmt;

mod compact;
mod read;

pub use read::{DAY_FORMS, PERIOD_FORMS, reversed};

/// A real calendar day (proleptic Gregorian), years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// The day `days` after 1970-01-01 as `YYYY-MM-DD` (Howard Hinnant's `civil_from_days`).
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Whether `year` is a leap year.
pub fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Exactly `n` ASCII digits, as a number.
fn digits(s: &str, n: usize) -> Option<u16> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

impl Date {
    /// The date `year-month-day`, when it is a real day.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly (four, two and two digits); `None` for anything else or
    /// a day the calendar does not have (`2023-02-29`).
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let month = u8::try_from(digits(m, 2)?).ok()?;
        let day = u8::try_from(digits(d, 2)?).ok()?;
        Date::new(digits(y, 4)?, month, day)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The first day of the month.
    pub fn month_start(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The last day of the month.
    pub fn month_end(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// A number that orders dates as they order (for compact keys).
    pub fn key(self) -> u32 {
        u32::from(self.year) << 9 | u32::from(self.month) << 5 | u32::from(self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The date of an article's `date` field, when it is a real `YYYY-MM-DD` day.
pub fn date_of(text: Option<&str>) -> Option<Date> {
    text.and_then(Date::parse)
}

/// An inclusive range of days; an open end takes every day on that side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    /// The first day, or `None` for no lower bound.
    pub from: Option<Date>,
    /// The last day, or `None` for no upper bound.
    pub to: Option<Date>,
}

/// The forms a date or range may take, for messages.
pub const FORMS: &str = "2024, 2024-03, 2024-03-08, 2024-01..2024-03";

/// Why a date or range was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate(pub String);

impl fmt::Display for BadDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a date (forms: {FORMS})", self.0)
    }
}

impl std::error::Error for BadDate {}

/// Whether `text` may be the start of a date or range [`DateRange::parse`] takes, typed
/// key by key (`2`, `2024-0`, `2024/3/`, `2024-01..2024-0`): the reader's prompt does not
/// refuse such a value until `Enter`. `2024-13`, `2024-02-4` or `2024..2023` cannot
/// become one.
pub fn may_become_range(text: &str) -> bool {
    if read::surely_reversed(text) {
        return false;
    }
    let part = normal(text.rsplit("..").next().unwrap_or(text));
    let num = |s: &str| s.parse::<u8>().ok();
    let pieces: Vec<&str> = part.split('-').collect();
    let digits_only = pieces.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !digits_only {
        return false;
    }
    match pieces.as_slice() {
        // A year being typed, or a date all together (`2024030`).
        [all] if all.len() <= 4 => true,
        [all] => {
            let month = &all[4..all.len().min(6)];
            let day = all.get(6..).unwrap_or("");
            all.len() < 8
                && (month.len() < 2 || num(month).is_some_and(|m| (1..=12).contains(&m)))
                && month.starts_with(['0', '1'])
                && day.len() < 2
        }
        [year, rest @ ..] if year.len() == 4 && rest.len() <= 2 => {
            rest.iter().zip([12u8, 31]).all(|(p, most)| match p.len() {
                0 | 1 => true,
                2 => num(p).is_some_and(|n| (1..=most).contains(&n)),
                _ => false,
            })
        }
        _ => false,
    }
}

/// `text` with full-width digits as ASCII and the marks between a date's parts as `-`.
fn normal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '/' | '.' | '年' | '月' | '／' | '．' | '－' => '-',
            c => c,
        })
        .collect()
}

/// The first and last day of `2024`, `2024-03` or `2024-03-08`; also written as people
/// write dates (a hands-on test, session 27): the month and day with one digit (`2024-3-8`),
/// `/` or `.` between (`2024/03/08`), 年 月 日 (`2024年3月8日`), all together (`20240308`,
/// `202403`), and in full-width digits (an input method's full-width mode).
fn period(text: &str) -> Option<(Date, Date)> {
    let text = normal(text);
    let text = text.strip_suffix(['日', '号']).unwrap_or(&text);
    let text = text.strip_suffix('-').unwrap_or(text);
    let compact = text.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = match (compact, text.len()) {
        (true, 6) => vec![&text[..4], &text[4..]],
        (true, 8) => vec![&text[..4], &text[4..6], &text[6..]],
        _ => text.split('-').collect(),
    };
    // A month or a day: one digit or two.
    let small = |s: &str| u8::try_from(digits(s, 2).or_else(|| digits(s, 1))?).ok();
    match parts.as_slice() {
        [y] => {
            let year = digits(y, 4)?;
            Some((Date::new(year, 1, 1)?, Date::new(year, 12, 31)?))
        }
        [y, m] => {
            let first = Date::new(digits(y, 4)?, small(m)?, 1)?;
            Some((first, first.month_end()))
        }
        [y, m, d] => Date::new(digits(y, 4)?, small(m)?, small(d)?).map(|d| (d, d)),
        _ => None,
    }
}

impl DateRange {
    /// Every day (no bound).
    pub const ALL: DateRange = DateRange {
        from: None,
        to: None,
    };

    /// Parses `2024`, `2024-03`, `2024-03-08` (all of that year, month or day) or `A..B` of
    /// those (from the first day of A to the last of B; either side may be left out for an
    /// open end). Spaces around the parts are ignored. A range whose end comes before its
    /// start is refused.
    pub fn parse(text: &str) -> Result<DateRange, BadDate> {
        let bad = || BadDate(text.to_string());
        let text_trim = text.trim();
        let range = match text_trim.split_once("..") {
            Some((a, b)) => {
                let (a, b) = (a.trim(), b.trim());
                if a.is_empty() && b.is_empty() {
                    return Err(bad());
                }
                let from = if a.is_empty() {
                    None
                } else {
                    Some(period(a).ok_or_else(bad)?.0)
                };
                let to = if b.is_empty() {
                    None
                } else {
                    Some(period(b).ok_or_else(bad)?.1)
                };
                DateRange { from, to }
            }
            None => {
                let (from, to) = period(text_trim).ok_or_else(bad)?;
                DateRange {
                    from: Some(from),
                    to: Some(to),
                }
            }
        };
        if let (Some(f), Some(t)) = (range.from, range.to)
            && t < f
        {
            return Err(bad());
        }
        Ok(range)
    }

    /// From the first day of `text` (a `--since` value) on.
    pub fn since(text: &str) -> Result<DateRange, BadDate> {
        let (from, _) = period(text.trim()).ok_or_else(|| BadDate(text.to_string()))?;
        Ok(DateRange {
            from: Some(from),
            to: None,
        })
    }

    /// Up to the last day of `text` (an `--until` value).
    pub fn until(text: &str) -> Result<DateRange, BadDate> {
        let (_, to) = period(text.trim()).ok_or_else(|| BadDate(text.to_string()))?;
        Ok(DateRange {
            from: None,
            to: Some(to),
        })
    }

    /// Whether the range has no bound (every article passes, undated ones too).
    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// The days in both ranges (may be empty: then nothing is inside).
    pub fn and(self, other: DateRange) -> DateRange {
        DateRange {
            from: self.from.max(other.from),
            to: match (self.to, other.to) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }

    /// Whether `date` is inside. An undated article is inside only a range with no bound.
    pub fn contains(&self, date: Option<Date>) -> bool {
        match date {
            None => self.is_all(),
            Some(d) => self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t),
        }
    }
}

impl fmt::Display for DateRange {
    /// As it is typed back: `2024-03-01..2024-03-31`, `2024-03-08`, `2024-01-01..`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => write!(f, "{a}"),
            (Some(a), Some(b)) => write!(f, "{a}..{b}"),
            (Some(a), None) => write!(f, "{a}.."),
            (None, Some(b)) => write!(f, "..{b}"),
            (None, None) => f.write_str(".."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_being_typed_may_become_one() {
        for text in [
            "",
            "2",
            "202",
            "2024",
            "2024-",
            "2024-0",
            "2024-1",
            "2024-03-",
            "2024-03-0",
            "2024/3/",
            "2024年3月",
            "20240",
            "202403",
            "2024030",
            "2024-01..",
            "2024-01..2024-0",
            "２０２",
        ] {
            assert!(may_become_range(text), "{text:?}");
        }
        for text in [
            "2024-13",
            "2024-00",
            "2024-02-40",
            "20242",
            "20240308x",
            "2024-3-8-",
            "x",
            "12345",
            "2024-003",
            "2024-01..2024-13",
            "明天",
        ] {
            assert!(!may_become_range(text), "{text:?}");
        }
    }

    #[test]
    fn dates_are_read_as_people_write_them() {
        let day = |y, m, d| Date::new(y, m, d).unwrap();
        let march = (Some(day(2024, 3, 1)), Some(day(2024, 3, 31)));
        for text in [
            "2024-03",
            "2024-3",
            "2024/03",
            "2024/3",
            "2024.3",
            "2024年3月",
            "202403",
            "２０２４－０３",
            "２０２４/３",
        ] {
            let r = DateRange::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!((r.from, r.to), march, "{text}");
        }
        let eighth = (Some(day(2024, 3, 8)), Some(day(2024, 3, 8)));
        for text in [
            "2024-3-8",
            "2024/03/08",
            "2024.3.8",
            "2024年3月8日",
            "2024年3月8号",
            "20240308",
        ] {
            let r = DateRange::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!((r.from, r.to), eighth, "{text}");
        }
        let r = DateRange::parse("2024/1..2024年3月").unwrap();
        assert_eq!(
            (r.from, r.to),
            (Some(day(2024, 1, 1)), Some(day(2024, 3, 31)))
        );
        for bad in [
            "2024-13",
            "2024/3/32",
            "24-3",
            "2024-003",
            "2024年13月",
            "2024031",
            "2024--3",
        ] {
            assert!(DateRange::parse(bad).is_err(), "{bad}");
        }
    }
    use proptest::prelude::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn real_days_only() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2024-04-31").is_none());
        assert!(Date::parse("2024-13-01").is_none());
        assert!(Date::parse("2024-00-10").is_none());
        assert!(Date::parse("2024-01-00").is_none());
        assert!(Date::parse("0000-01-01").is_none());
        for bad in [
            "",
            "2024",
            "2024-3-8",
            "24-03-08",
            "2024-03-08 ",
            "2024/03/08",
            "２０２４-03-08",
            "2024-03-08-1",
            "+024-03-08",
            "2024-03-+8",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad:?}");
        }
        assert_eq!(d("2024-03-08").to_string(), "2024-03-08");
    }

    #[test]
    fn dates_compare_as_dates() {
        assert!(d("2024-03-08") < d("2024-10-01"));
        assert!(d("0999-01-01") < d("2024-01-01"));
        assert!(d("2023-12-31").key() < d("2024-01-01").key());
    }

    #[test]
    fn ranges_take_years_months_days_and_spans() {
        let r = DateRange::parse("2024").unwrap();
        assert_eq!(
            (r.from, r.to),
            (Some(d("2024-01-01")), Some(d("2024-12-31")))
        );
        let r = DateRange::parse("2024-02").unwrap();
        assert_eq!(r.to, Some(d("2024-02-29")));
        let r = DateRange::parse("2024-01..2024-03").unwrap();
        assert_eq!(
            (r.from, r.to),
            (Some(d("2024-01-01")), Some(d("2024-03-31")))
        );
        let r = DateRange::parse("2024-03-08").unwrap();
        assert_eq!(r.from, r.to);
        let r = DateRange::parse("2020..").unwrap();
        assert_eq!((r.from, r.to), (Some(d("2020-01-01")), None));
        let r = DateRange::parse("..2020-06").unwrap();
        assert_eq!((r.from, r.to), (None, Some(d("2020-06-30"))));
        for bad in [
            "",
            "..",
            "2024-003",
            "2024-13",
            "2024..2023",
            "march",
            "2024-02-30",
        ] {
            assert!(DateRange::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn contains_is_inclusive_and_undated_only_in_no_range() {
        let r = DateRange::parse("2024-03").unwrap();
        assert!(r.contains(Some(d("2024-03-01"))));
        assert!(r.contains(Some(d("2024-03-31"))));
        assert!(!r.contains(Some(d("2024-04-01"))));
        assert!(!r.contains(None));
        assert!(DateRange::ALL.contains(None));
        let since = DateRange::since("2024-03").unwrap();
        let until = DateRange::until("2024").unwrap();
        let both = since.and(until);
        assert_eq!(both.to_string(), "2024-03-01..2024-12-31");
        assert_eq!(
            DateRange::since("2024-3"),
            Ok(since),
            "one digit for the month"
        );
        assert!(DateRange::since("2024-3-").is_ok() && DateRange::since("2024-").is_ok());
        assert!(DateRange::since("2024-033").is_err());
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,24}") {
            let _ = Date::parse(&s);
            let _ = DateRange::parse(&s);
        }

        #[test]
        fn valid_days_round_trip_and_order_like_tuples(
            y1 in 1u16..=9999, m1 in 1u8..=12, d1 in 1u8..=31,
            y2 in 1u16..=9999, m2 in 1u8..=12, d2 in 1u8..=31,
        ) {
            let a = Date::new(y1, m1, d1);
            prop_assert_eq!(a.is_some(), d1 <= days_in_month(y1, m1));
            if let (Some(a), Some(b)) = (a, Date::new(y2, m2, d2)) {
                prop_assert_eq!(Date::parse(&a.to_string()), Some(a));
                prop_assert_eq!(a.cmp(&b), (y1, m1, d1).cmp(&(y2, m2, d2)));
                prop_assert_eq!(a.key().cmp(&b.key()), a.cmp(&b));
                // A month range holds exactly that month's days.
                let r = DateRange::parse(&format!("{:04}-{:02}", y1, m1)).unwrap();
                prop_assert_eq!(r.contains(Some(b)), (y2, m2) == (y1, m1));
            }
        }
    }
}
