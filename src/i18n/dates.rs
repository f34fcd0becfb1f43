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

/// An operator with a value it cannot take, with the values it takes.
pub(super) fn bad_operator(lang: Lang, op: &str, value: &str) -> String {
    let forms = match op {
        "date:" => FORMS,
        "kind:" => "photo, 图片, news, 新闻",
        "district:" => "西城, 西城区, xicheng, xc, 未注明",
        _ => "",
    };
    match lang {
        Lang::Zh => format!("{op} 不能取 `{value}`；可写：{forms}"),
        Lang::En => format!("{op} cannot take `{value}`; it takes: {forms}"),
    }
}

/// The help's section on the query language (`?`): a heading line, then each form and what
/// it does.
pub fn query_help(lang: Lang) -> Vec<(String, &'static str)> {
    let zh = lang == Lang::Zh;
    let rows: [(&str, &'static str, &'static str); 9] = [
        ("", "搜索写法", "Search syntax"),
        (
            "工会 gonghui",
            "每个词都要有；拼音也行",
            "every term; pinyin too",
        ),
        (
            "\"a b\"",
            "短语；拼音音节可隔空格",
            "a phrase; pinyin may be spaced",
        ),
        (
            "-词 -word",
            "排除含这个词的文章",
            "leave out articles with it",
        ),
        ("title: 标题:", "词在标题里", "the term is in the title"),
        ("date: 日期:", "2024、2024-03、A..B", "2024, 2024-03, A..B"),
        (
            "district: 区:",
            "这个区（xc、西城…）",
            "this district (xc, 西城…)",
        ),
        (
            "reporter: 记者:",
            "这位记者的文章",
            "articles by this reporter",
        ),
        (
            "kind: 类型:",
            "photo 图片 / news 新闻",
            "photo 图片 / news 新闻",
        ),
    ];
    rows.iter()
        .map(|(form, z, e)| (form.to_string(), if zh { *z } else { *e }))
        .collect()
}

/// The last line of `kanbao timeline` on a terminal: the total and the busiest period.
pub fn timeline_summary(lang: Lang, total: usize, busiest: &str, count: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {total} 篇；最多的是 {busiest}（{count} 篇）"),
        Lang::En => format!("{total} in all; the busiest is {busiest} ({count})"),
    }
}
