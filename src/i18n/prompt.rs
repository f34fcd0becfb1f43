//! The words of the search prompt seen from the rest of the screen: the header while the
//! query typed is refused, the empty list while the prompt is open; and the status line's
//! word on a kept search or district filter that cannot be used.

use super::Lang;

/// The header's count while the query typed is refused (a bad operator value, a query over
/// the limits): the list is still that of the last query searched, so no count is given
/// for the one beside it; the prompt line says why.
pub fn query_refused(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "查询无效，列表未变",
        Lang::En => "invalid query, list kept",
    }
}

/// The empty list while the search prompt is open: there the clearing key would be typed
/// into the query, so no key is offered (the prompt line shows its own, Enter and Esc).
pub fn no_articles_in_prompt(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有符合条件的文章",
        Lang::En => "No matching articles",
    }
}

/// Said after "nothing found" when a word of the query mixes scripts
/// (`crate::search::spacing`): how to write it, `spaced`. `han`: the border was between Han
/// characters and letters (else between digits and letters).
pub fn spacing_hint(lang: Lang, spaced: &str, han: bool) -> String {
    match (lang, han) {
        (Lang::Zh, true) => format!("汉字和拼音之间加空格试试：{spaced}"),
        (Lang::Zh, false) => format!("数字和拼音之间加空格试试：{spaced}"),
        (Lang::En, true) => format!("try a space between Chinese and pinyin: {spaced}"),
        (Lang::En, false) => format!("try a space between digits and pinyin: {spaced}"),
    }
}

/// `note` (the list is empty, nothing matched) followed by a `hint` on what to do.
pub fn then_hint(lang: Lang, note: &str, hint: &str) -> String {
    match lang {
        Lang::Zh => format!("{note}；{hint}"),
        Lang::En => format!("{note}; {hint}"),
    }
}

/// The status line when the search kept from the last session is refused (an old or
/// hand-edited state file): it is left out, and every article is shown. A long query is
/// cut to its first 40 characters.
pub fn kept_search_dropped(lang: Lang, query: &str, why: &str) -> String {
    let shown = first_40(query);
    match lang {
        Lang::Zh => format!("上次的搜索 {shown} 无法使用，已显示全部文章：{why}"),
        Lang::En => format!("the last search {shown} cannot be used, showing every article: {why}"),
    }
}

/// The status line when districts of the district filter kept from the last session are
/// not districts (a hand-edited state file): they are left out, the others kept. Each is cut
/// to its first 40 characters.
pub fn kept_districts_dropped<S: AsRef<str>>(lang: Lang, names: &[S]) -> String {
    let shown: Vec<String> = names.iter().map(|name| first_40(name.as_ref())).collect();
    match lang {
        Lang::Zh => format!("上次的地区筛选中 {} 不是地区，已略去", shown.join("、")),
        Lang::En => format!(
            "the last district filter's {} is not a district, left out",
            shown.join(", ")
        ),
    }
}

/// The first 40 characters of `text`, with `…` when it is longer.
fn first_40(text: &str) -> String {
    let mut shown: String = text.chars().take(40).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    shown
}
