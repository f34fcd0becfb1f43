//! The words of the export report, in Chinese and English (each message's two languages on
//! one line, beside what they describe, so that `i18n` stays a leaf).

use crate::i18n::Lang;

/// The report's title when none is given: `审读报告` and what was selected.
pub fn default_title(lang: Lang, selection: &[String]) -> String {
    let sep = match lang {
        Lang::Zh => " · ",
        Lang::En => " · ",
    };
    match (lang, selection.is_empty()) {
        (Lang::Zh, true) => "审读报告：全部文章".to_owned(),
        (Lang::En, true) => "Review report: all articles".to_owned(),
        (Lang::Zh, false) => format!("审读报告：{}", selection.join(sep)),
        (Lang::En, false) => format!("Review report: {}", selection.join(sep)),
    }
}

/// One part of the selection, for the default title.
pub fn bookmarked(lang: Lang) -> String {
    crate::i18n::only_bookmarked(lang).to_owned()
}

/// One part of the selection: the tags.
pub fn tagged(lang: Lang, tags: &[String]) -> String {
    match lang {
        Lang::Zh => format!("标签 {}", tags.join("、")),
        Lang::En => format!("tag {}", tags.join(", ")),
    }
}

/// One part of the selection: the dates, as a range (`2024-03-01 至 2024-03-31`), one
/// day, or a range open at one end (`2024-03-01 起`, `截至 2024-03-31`).
pub fn dates(lang: Lang, range: &crate::date::DateRange) -> String {
    match (lang, range.from, range.to) {
        (_, Some(a), Some(b)) if a == b => a.to_string(),
        (Lang::Zh, Some(a), Some(b)) => format!("{a} 至 {b}"),
        (Lang::En, Some(a), Some(b)) => format!("{a} to {b}"),
        (Lang::Zh, Some(a), None) => format!("{a} 起"),
        (Lang::En, Some(a), None) => format!("from {a}"),
        (Lang::Zh, None, Some(b)) => format!("截至 {b}"),
        (Lang::En, None, Some(b)) => format!("until {b}"),
        (Lang::Zh, None, None) => "全部日期".to_owned(),
        (Lang::En, None, None) => "all dates".to_owned(),
    }
}

/// One part of the selection: the districts.
pub fn districts(lang: Lang, districts: &[String]) -> String {
    match lang {
        Lang::Zh => districts.join("、"),
        Lang::En => districts.join(", "),
    }
}

/// One part of the selection: the search.
pub fn query(lang: Lang, query: &str) -> String {
    match lang {
        Lang::Zh => format!("搜索“{query}”"),
        Lang::En => format!("search \"{query}\""),
    }
}

/// One part of the selection: articles chosen by id.
pub fn chosen(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("选定 {n} 篇"),
        Lang::En if n == 1 => "1 chosen article".to_owned(),
        Lang::En => format!("{n} chosen articles"),
    }
}

/// The line under the title: when, from what, how many.
pub fn exported(lang: Lang, date: &str, data: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("导出日期：{date} · 数据：{data} · 共 {n} 篇"),
        Lang::En => format!(
            "Exported {date} · data: {data} · {}",
            crate::i18n::articles(lang, n as u64)
        ),
    }
}

/// The contents heading.
pub fn contents(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "目录",
        Lang::En => "Contents",
    }
}

/// The counts by district in the contents, in the order given (most first, 未注明 last).
pub fn by_district(lang: Lang, counts: &[(String, usize)]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(d, n)| match lang {
            Lang::Zh => format!("{d} {n} 篇"),
            Lang::En => format!("{d} {n}"),
        })
        .collect();
    match lang {
        Lang::Zh => format!("按区：{}", parts.join("，")),
        Lang::En => format!("By district: {}", parts.join(", ")),
    }
}

/// The label of a note.
pub fn note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "审读意见",
        Lang::En => "Note",
    }
}

/// The label of the tags.
pub fn tags(lang: Lang, tags: &[String]) -> String {
    match lang {
        Lang::Zh => format!("标签：{}", tags.join("、")),
        Lang::En => format!("Tags: {}", tags.join(", ")),
    }
}

/// The number before a body paragraph, `【3】`: full-width brackets, as a Chinese text
/// marks an inserted label (the report's own 【审读意见】 among them), so that it reads as
/// the report's, not the article's; the same in both languages, as the paragraphs are the
/// data's. Never `3.` (the contents list numbers the articles so, and in Markdown it would
/// make the paragraphs a list) nor ③ (East Asian Ambiguous width: one column in some
/// terminals, two in others, and none past ㊿).
pub fn paragraph_mark(n: usize) -> String {
    format!("【{n}】")
}

/// The bundled page's name as the data exported.
pub fn builtin(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "内置版面",
        Lang::En => "the bundled page",
    }
}

/// Said on stderr after writing the report to a file.
pub fn written(lang: Lang, n: usize, path: &str) -> String {
    match lang {
        Lang::Zh => format!("已导出 {n} 篇到 {path}"),
        Lang::En => format!(
            "exported {} to {path}",
            crate::i18n::articles(lang, n as u64)
        ),
    }
}

/// One part of the selection: only unread articles (the reader's mark filter).
pub fn unread(lang: Lang) -> String {
    crate::i18n::only_unread(lang).to_owned()
}

/// One part of the selection: only articles with a note (the reader's mark filter), in
/// the header's words.
pub fn noted(lang: Lang) -> String {
    crate::i18n::with_note(lang).to_owned()
}

/// The reader's status when its list is empty: nothing to export.
pub fn nothing_to_export(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "列表是空的，没有可导出的文章",
        Lang::En => "the list is empty: nothing to export",
    }
}

/// The reader's status when the list is longer than a report takes.
pub fn too_many_to_export(lang: Lang, count: usize, most: usize) -> String {
    match lang {
        Lang::Zh => format!("列表有 {count} 篇，报告最多 {most} 篇：请先搜索或筛选"),
        Lang::En => format!(
            "the list has {count} articles, a report at most {most}: search or filter first"
        ),
    }
}

/// The reader's status when the report could not be written.
pub fn not_written(lang: Lang, path: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!("导出失败：无法写入 {path}（{why}）"),
        Lang::En => format!("export failed: cannot write {path} ({why})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_say_article_for_one() {
        assert_eq!(chosen(Lang::En, 1), "1 chosen article");
        assert_eq!(chosen(Lang::En, 2), "2 chosen articles");
        assert_eq!(
            exported(Lang::En, "2024-12-06", "paper.json", 1),
            "Exported 2024-12-06 · data: paper.json · 1 article"
        );
        assert_eq!(written(Lang::En, 1, "r.md"), "exported 1 article to r.md");
        assert_eq!(written(Lang::En, 3, "r.md"), "exported 3 articles to r.md");
        assert_eq!(written(Lang::Zh, 1, "r.md"), "已导出 1 篇到 r.md");
    }
}
