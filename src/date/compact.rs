//! A date range written back as short as it was typed (session 31): the reader's date key
//! opens its prompt on the date filter in force, and `date:2024-03` reads better there
//! than `date:2024-03-01..2024-03-31`.

use super::{Date, DateRange};

/// How finely a range's ends are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Grain {
    Year,
    Month,
    Day,
}

/// `date` as its year, month or day.
fn written(date: Date, grain: Grain) -> String {
    match grain {
        Grain::Year => format!("{:04}", date.year()),
        Grain::Month => format!("{:04}-{:02}", date.year(), date.month()),
        Grain::Day => date.to_string(),
    }
}

impl DateRange {
    /// The range as [`DateRange::parse`] reads it back, in the fewest words: whole years as
    /// years (`2024`, `2023..2024`), whole months as months (`2024-03`,
    /// `2024-01..2024-03`), else days (`2024-03-08`, `2024-03-08..2024-03-20`); open ends
    /// stay open (`2024-03..`). Every day when there is no bound: `..`.
    pub fn compact(&self) -> String {
        let starts = |f: fn(Date) -> bool| self.from.is_none_or(f);
        let ends = |f: fn(Date) -> bool| self.to.is_none_or(f);
        let grain = if starts(|d| d.month() == 1 && d.day() == 1)
            && ends(|d| d.month() == 12 && d.day() == 31)
        {
            Grain::Year
        } else if starts(|d| d.day() == 1) && ends(|d| d == d.month_end()) {
            Grain::Month
        } else {
            Grain::Day
        };
        let from = self.from.map(|d| written(d, grain));
        let to = self.to.map(|d| written(d, grain));
        match (from, to) {
            (Some(a), Some(b)) if a == b => a,
            (a, b) => format!("{}..{}", a.unwrap_or_default(), b.unwrap_or_default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_written_back_short_and_read_back_the_same() {
        for (typed, short) in [
            ("2024", "2024"),
            ("2023..2024", "2023..2024"),
            ("2024-03", "2024-03"),
            ("2024-01..2024-03", "2024-01..2024-03"),
            ("2024-01-01..2024-01-31", "2024-01"),
            ("2024-01-01..2024-12-31", "2024"),
            ("2024-02", "2024-02"),
            ("2024-03-08", "2024-03-08"),
            ("2024-03-08..2024-03", "2024-03-08..2024-03-31"),
            ("2024-03..", "2024-03.."),
            ("..2024", "..2024"),
            ("..2024-03-08", "..2024-03-08"),
            ("2020..", "2020.."),
        ] {
            let range = DateRange::parse(typed).unwrap();
            assert_eq!(range.compact(), short, "{typed}");
            assert_eq!(DateRange::parse(short), Ok(range), "{short}");
        }
        assert_eq!(DateRange::ALL.compact(), "..");
        let since = DateRange::since("2024-03").unwrap();
        let until = DateRange::until("2024-03").unwrap();
        assert_eq!(since.and(until).compact(), "2024-03");
    }
}
