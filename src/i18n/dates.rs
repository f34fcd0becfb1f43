//! The words of dates, date filters, query operators and the timeline (issue 13); the
//! words of their errors live in `error::text` and `search::query_text`.

use super::Lang;

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
pub fn range_label(lang: Lang, range: &str) -> String {
    match lang {
        Lang::Zh => format!("日期 {range}"),
        Lang::En => format!("date {range}"),
    }
}

/// The help's section on the query language (`?`): a heading line, then each form and what
/// it does.
pub fn query_help(lang: Lang) -> Vec<(String, &'static str)> {
    let zh = lang == Lang::Zh;
    let rows: [(&str, &'static str, &'static str); 11] = [
        ("", "搜索写法", "Search syntax"),
        (
            "工会 gonghui",
            "每个词都要有；拼音也行",
            "every term; pinyin too",
        ),
        (
            "\"a b\"",
            "短语；字间空格可有可无",
            "a phrase; spaces optional",
        ),
        (
            "-词 -word",
            "排除含这个词的文章",
            "leave out articles with it",
        ),
        ("a OR b  a|b", "有其一即可", "either will do"),
        ("title: 标题:", "词在标题里", "the term is in the title"),
        ("date: 日期:", "2024、2024-03、A..B", "2024, 2024-03, A..B"),
        (
            "district: 区:",
            "这个区（xc、西城…）",
            "this district (xc, 西城…)",
        ),
        (
            "reporter: 记者:",
            "这位记者（孙艳、sy）",
            "this reporter (孙艳, sy)",
        ),
        (
            "kind: 类型:",
            "photo 图片 / news 新闻",
            "photo 图片 / news 新闻",
        ),
        (
            "note: 审读意见:",
            "审读意见含此词；空：有审读意见",
            "in the note; empty: with a note",
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

/// The header's note that a search's results are newest first (`o`).
pub fn by_date_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "按日期",
        Lang::En => "newest first",
    }
}

/// Said when the timeline has nothing to show: no article of the list has a date.
pub fn no_dates(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "列表里的文章都没有日期，没有时间线",
        Lang::En => "no article in the list has a date: no timeline",
    }
}

/// The timeline overlay's title: the total and the busiest period.
pub fn timeline_title(lang: Lang, total: usize, busiest: &str, count: usize) -> String {
    match lang {
        Lang::Zh => format!("时间线 · 共 {total} 篇 · 最多 {busiest}（{count}）"),
        Lang::En => format!("Timeline · {total} · busiest {busiest} ({count})"),
    }
}

/// Said when `o` is pressed with no search: the list is newest first already.
pub fn sort_needs_search(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "列表已按日期从新到旧；o 切换搜索结果的排序",
        Lang::En => "the list is newest first already; o sorts a search's results",
    }
}
