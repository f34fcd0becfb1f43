//! The words of dates, date filters, sorting, query operators and the timeline (issue 13).

use crate::date::FORMS;
use crate::error::Error;

use super::{Lang, place_text};

/// The messages of [`Error::BadDate`] and [`Error::BadDateArg`].
pub(super) fn error_text(error: &Error, lang: Lang) -> String {
    match (error, lang) {
        (Error::BadDate { place, value }, Lang::Zh) => format!(
            "{}：日期 `{value}` 不是真实的 YYYY-MM-DD 日期（如 2024-03-08）；载入时这篇文章按无日期处理",
            place_text(place, lang)
        ),
        (Error::BadDate { place, value }, Lang::En) => format!(
            "{}: date `{value}` is not a real YYYY-MM-DD day (such as 2024-03-08); loading \
             keeps this article undated",
            place_text(place, lang)
        ),
        (Error::BadDateArg { option, value }, Lang::Zh) => {
            format!("{option} 的值 `{value}` 不是日期；可写：{FORMS}（含首尾；年或月指其全部）")
        }
        (Error::BadDateArg { option, value }, Lang::En) => format!(
            "{option}: `{value}` is not a date; accepted forms: {FORMS} (inclusive; a year or \
             month means all of it)"
        ),
        _ => String::new(),
    }
}

/// The one warning when loading kept articles undated because their date was not a day.
pub fn undated_warning(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "{count} 篇文章的日期不是真实的 YYYY-MM-DD 日期，按无日期处理（`kanbao check` 列出位置）"
        ),
        Lang::En => format!(
            "{count} article(s) have a date that is not a real YYYY-MM-DD day and are kept \
             undated (`kanbao check` lists where)"
        ),
    }
}

/// A date range as a condition: `日期 2024-03-01..2024-03-31`.
pub fn range_label(lang: Lang, range: crate::date::DateRange) -> String {
    match lang {
        Lang::Zh => format!("日期 {range}"),
        Lang::En => format!("date {range}"),
    }
}
