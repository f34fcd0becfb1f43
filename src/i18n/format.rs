//! Plain formatters: counts, pages, places and labels put into words.

use super::{Lang, Msg};

/// What the key that clears the search and the filters (`c`) would clear now, as the empty
/// list names it ([`no_articles`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clears {
    /// A search (its `date:` too) is typed.
    pub search: bool,
    /// Districts are chosen (`d`).
    pub districts: bool,
    /// Mark filters are on (`B` `U` `N` `#`: the header's `只看`).
    pub marks: bool,
}

/// Shown when the list is empty, with the `key` that clears the search and the filters and
/// what it would clear now: `没有符合条件的文章（按 c 清除搜索、地区和“只看”筛选）`. With
/// nothing to clear (or no key for it) no key is offered.
pub fn no_articles(lang: Lang, key: &str, clears: Clears) -> String {
    let zh = lang == Lang::Zh;
    let parts: Vec<&str> = [
        (clears.search, "搜索", "the search"),
        (clears.districts, "地区", "the districts"),
        (clears.marks, "“只看”筛选", "the “only” filters"),
    ]
    .iter()
    .filter(|(on, _, _)| *on)
    .map(|&(_, zh_word, en_word)| if zh { zh_word } else { en_word })
    .collect();
    let Some((last, rest)) = parts.split_last().filter(|_| !key.is_empty()) else {
        return if zh {
            "没有符合条件的文章"
        } else {
            "No matching articles"
        }
        .to_string();
    };
    let what = if rest.is_empty() {
        (*last).to_string()
    } else if zh {
        format!("{}和{last}", rest.join("、"))
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    if zh {
        format!("没有符合条件的文章（按 {key} 清除{what}）")
    } else {
        format!("No matching articles ({key} clears {what})")
    }
}

/// Status for `n`/`N` when no search is active, with the `key` that opens the prompt.
pub fn no_search(lang: Lang, key: &str) -> String {
    match lang {
        Lang::Zh => format!("没有搜索，按 {key} 搜索"),
        Lang::En => format!("No search: press {key} to search"),
    }
}

/// `第 X/Y 页` — the page counter of the reader.
pub fn page_of(lang: Lang, page: usize, pages: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {page}/{pages} 页"),
        Lang::En => format!("page {page}/{pages}"),
    }
}

/// `匹配 i/n` — which search hit is current.
pub fn match_of(lang: Lang, current: Option<usize>, total: usize) -> String {
    let current = current.map_or_else(|| "-".to_string(), |i| (i + 1).to_string());
    match lang {
        Lang::Zh => format!("匹配 {current}/{total}"),
        Lang::En => format!("match {current}/{total}"),
    }
}

/// A status message about one article: `已收藏《title》`, `Bookmarked: title`.
pub fn about(lang: Lang, msg: Msg, title: &str) -> String {
    match lang {
        Lang::Zh => format!("{}《{title}》", msg.text(lang)),
        Lang::En => format!("{}: {title}", msg.text(lang)),
    }
}

/// `label：value` — a label and its value, as the header shows the filters: in Chinese the
/// full-width colon with no space (as the prompt's `搜索：`), in English `label: value`.
pub fn labelled(lang: Lang, label: Msg, value: &str) -> String {
    match lang {
        Lang::Zh => format!("{}：{value}", label.text(lang)),
        Lang::En => format!("{}: {value}", label.text(lang)),
    }
}

/// `1–18/40` — which lines of the help are shown, out of how many.
pub fn lines_of(first: usize, last: usize, total: usize) -> String {
    format!("{first}–{last}/{total}")
}

/// The line shown while the reader loads `what` (a path, shown sanitised by the caller).
pub fn loading(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("kanbao：正在载入 {what}…"),
        Lang::En => format!("kanbao: loading {what}…"),
    }
}

/// `第3版` / `page 3` — the page of the paper an article was on.
pub fn page_label(lang: Lang, page: u32) -> String {
    match lang {
        Lang::Zh => format!("第{page}版"),
        Lang::En => format!("page {page}"),
    }
}

/// The word after a count of `n` articles: `篇`; in English `article` for one, else
/// `articles` (`1 article`, `0 articles`, `3/7 articles`).
pub fn articles_unit(lang: Lang, n: u64) -> &'static str {
    match lang {
        Lang::En if n == 1 => "article",
        _ => Msg::Articles.text(lang),
    }
}

/// `N 篇`, `1 article`, `N articles`.
pub fn articles(lang: Lang, n: u64) -> String {
    format!("{n} {}", articles_unit(lang, n))
}

/// `…/N 篇` — while a search runs, the count of its results is not known yet.
pub fn count_pending(lang: Lang, total: usize) -> String {
    format!("…/{total} {}", articles_unit(lang, total as u64))
}

/// `n…/N 篇` — while a search runs, the `shown` results it has found so far: more may come.
pub fn count_running(lang: Lang, shown: usize, total: usize) -> String {
    format!("{shown}…/{total} {}", articles_unit(lang, total as u64))
}

/// `i/n` — the selected row's place in the list of `len`; `i/n…` while the list is a
/// running search's answers so far (the `…` of the header's [`count_running`]).
pub fn list_place(at: usize, len: usize, running: bool) -> String {
    let mark = if running { "…" } else { "" };
    format!("{at}/{len}{mark}")
}

/// `…` — the place in the list while a search has not answered yet: the list is still the
/// previous answer, and its place there is not one in the answer to come.
pub fn list_place_pending() -> &'static str {
    "…"
}

/// `N 篇` — how many articles there are; `n/N 篇` — how many of them the list holds while a
/// search or a district filter `narrows` it (even to all of them, so that the form does not
/// change with the answer).
pub fn count_of(lang: Lang, shown: usize, total: usize, narrows: bool) -> String {
    let unit = articles_unit(lang, total as u64);
    if !narrows && shown == total {
        format!("{shown} {unit}")
    } else {
        format!("{shown}/{total} {unit}")
    }
}

/// The path that [`Error::Io`](crate::error::Error::Io) names for standard output.
pub const STDOUT: &str = "<stdout>";

/// The prompt's message when typed or pasted text went past the query's limit of `max`
/// characters and was cut there.
pub fn input_cut(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Zh => format!("搜索词过长，只保留前 {max} 个字符"),
        Lang::En => format!("search too long: kept the first {max} characters"),
    }
}

/// The reason a query longer than `max` characters is not searched.
pub fn query_too_long(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Zh => format!("搜索词超过 {max} 个字符，未搜索"),
        Lang::En => format!("search longer than {max} characters: not searched"),
    }
}
