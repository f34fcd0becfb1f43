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
        parts.push(if zh { "已收藏" } else { "bookmarked" }.to_string());
    }
    if conditions.unread {
        parts.push(if zh { "未读" } else { "unread" }.to_string());
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
    match (parts.is_empty(), zh) {
        (true, true) => "没有文章".to_string(),
        (true, false) => "no article".to_string(),
        (false, true) => format!("没有符合条件的文章：{}", parts.join("；")),
        (false, false) => format!("no article matches: {}", parts.join("; ")),
    }
}
