//! What a command line asked for, to say which of it nothing matched.

use super::{Lang, dates};

/// The conditions a command line asked for, to say which of them nothing matched.
#[derive(Debug, Clone, Copy, Default)]
pub struct Conditions<'a> {
    /// `--district` values, as typed.
    pub districts: &'a [String],
    /// The search, as typed.
    pub query: Option<&'a str>,
    /// `--bookmarked`.
    pub bookmarked: bool,
    /// `--unread`.
    pub unread: bool,
    /// `--tag` values.
    pub tags: &'a [String],
    /// `--since` / `--until`, as the range they make (`2024-03-01..`), when given.
    pub dates: Option<&'a str>,
}

/// Said on stderr when `list`, `search` or `export` finds nothing (exit status 1), naming
/// the conditions that nothing met.
pub fn nothing_matched(lang: Lang, conditions: &Conditions<'_>) -> String {
    let parts = named(lang, conditions);
    match (parts.is_empty(), lang == Lang::Zh) {
        (true, true) => "没有文章".to_string(),
        (true, false) => "no article".to_string(),
        (false, true) => format!("没有符合条件的文章：{}", parts.join("；")),
        (false, false) => format!("no article matches: {}", parts.join("; ")),
    }
}

/// Said on stderr when `kanbao timeline` finds `count` articles and none has a date
/// (exit status 1), as the reader's `T` says it (`super::no_dates`), with the conditions
/// they met.
pub fn none_dated(lang: Lang, count: usize, conditions: &Conditions<'_>) -> String {
    let parts = named(lang, conditions);
    let en = match (count, parts.is_empty()) {
        (1, true) => "the 1 article has no date".to_string(),
        (_, true) => format!("none of the {count} articles has a date"),
        (1, false) => "the 1 article that matches has no date".to_string(),
        (_, false) => format!("none of the {count} articles that match has a date"),
    };
    let all = if count == 1 { "" } else { "都" };
    match (parts.is_empty(), lang == Lang::Zh) {
        (true, true) => format!("{count} 篇文章{all}没有日期，没有时间线"),
        (false, true) => format!(
            "符合条件的 {count} 篇文章{all}没有日期，没有时间线：{}",
            parts.join("；")
        ),
        (true, false) => format!("{en}: no timeline"),
        (false, false) => format!("{en}: no timeline ({})", parts.join("; ")),
    }
}

/// The conditions asked for, each in words.
fn named(lang: Lang, conditions: &Conditions<'_>) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let mut parts = Vec::new();
    if !conditions.districts.is_empty() {
        let list = conditions.districts.join(if zh { "、" } else { ", " });
        parts.push(if zh {
            format!("区 {list}")
        } else {
            format!("district {list}")
        });
    }
    if let Some(query) = conditions.query {
        parts.push(if zh {
            format!("搜索“{query}”")
        } else {
            format!("search \"{query}\"")
        });
    }
    if conditions.bookmarked {
        parts.push(super::only_bookmarked(lang).to_string());
    }
    if conditions.unread {
        parts.push(super::only_unread(lang).to_string());
    }
    if !conditions.tags.is_empty() {
        let list = conditions.tags.join(if zh { "、" } else { ", " });
        parts.push(if zh {
            format!("标签 {list}")
        } else {
            format!("tag {list}")
        });
    }
    if let Some(range) = conditions.dates {
        parts.push(dates::range_label(lang, range));
    }
    parts
}
