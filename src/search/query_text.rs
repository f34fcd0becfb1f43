//! The words of [`QueryError`], in Chinese and English.

use crate::i18n::Lang;
use crate::search::{MAX_QUERY_CHARS, MAX_TERMS, QueryError};

/// Why a query is refused ([`QueryError`]), for the command line and the reader's prompt.
pub fn query_error_text(error: &QueryError, lang: Lang) -> String {
    match (error, lang) {
        (QueryError::BadValue { op, value }, lang) => bad_operator(lang, op, value),
        (QueryError::Negated { op }, Lang::Zh) => {
            format!(
                "{op} 前不能加 -：条件不能取反，请写想要的条件（如 kind:news 而非 -kind:photo）"
            )
        }
        (QueryError::Negated { op }, Lang::En) => format!(
            "{op} cannot take a - before it: write the condition you want \
             (kind:news, not -kind:photo)"
        ),
        (QueryError::NegatedAlternative { term }, Lang::Zh) => format!(
            "{term} 不能作“或”（| 或 OR）的一项：“或”取含其中一个词的文章；\
             要排除，请单独写（如 驿站 -快递）"
        ),
        (QueryError::NegatedAlternative { term }, Lang::En) => format!(
            "{term} cannot be one side of an OR (| or OR): a group keeps articles holding one \
             of its terms; to leave one out, write it on its own (驿站 -快递)"
        ),
        (QueryError::Empty, Lang::Zh) => {
            "查询是空的：请至少给出一个词（只有空格或引号不算）".to_string()
        }
        (QueryError::Empty, Lang::En) => {
            "the query is empty: give at least one term (spaces and quote marks alone are not one)"
                .to_string()
        }
        (QueryError::TooLong { chars }, Lang::Zh) => {
            format!("查询有 {chars} 个字符，超过上限 {MAX_QUERY_CHARS} 个；请缩短")
        }
        (QueryError::TooLong { chars }, Lang::En) => format!(
            "the query has {chars} characters, more than the limit of {MAX_QUERY_CHARS}; \
             shorten it"
        ),
        (QueryError::TooManyTerms { terms }, Lang::Zh) => {
            format!("查询有 {terms} 个词，超过上限 {MAX_TERMS} 个；请减少词数")
        }
        (QueryError::TooManyTerms { terms }, Lang::En) => format!(
            "the query has {terms} terms, more than the limit of {MAX_TERMS}; use fewer terms"
        ),
    }
}

/// Why a query is refused, in words that fit the reader's prompt line: the message has
/// at most half of it (36 columns at 80), so an operator's value gives one example, before
/// the value refused (a long one is what is cut), and not every form it takes as
/// [`query_error_text`] does for the command line (a `district:` value that starts several
/// districts' pinyin names their pinyin, not their names and initials as there); a query
/// over the limits says the limit and what to do, not how far over it is. Other refusals
/// are worded as there.
pub fn query_error_brief(error: &QueryError, lang: Lang) -> String {
    let (op, value) = match error {
        QueryError::BadValue { op, value } => (op, value),
        // A pasted paragraph: what to do, in the room there is (the count of characters
        // or terms is the command line's, which has the room).
        QueryError::TooLong { .. } => {
            return match lang {
                Lang::Zh => format!("查询超过 {MAX_QUERY_CHARS} 字：请取其中一段"),
                Lang::En => format!("over {MAX_QUERY_CHARS} characters: search a part"),
            };
        }
        QueryError::TooManyTerms { .. } => {
            return match lang {
                Lang::Zh => format!("查询超过 {MAX_TERMS} 个词：请减少词数"),
                Lang::En => format!("over {MAX_TERMS} terms: use fewer"),
            };
        }
        _ => return query_error_text(error, lang),
    };
    if let Some((from, to)) = (*op == "date:")
        .then(|| crate::date::reversed(value))
        .flatten()
    {
        return match lang {
            Lang::Zh => format!("{op} 起止颠倒，请写 {to}..{from}"),
            Lang::En => format!("{op} reversed: write {to}..{from}"),
        };
    }
    let typed = district_refused(op, value);
    if let Some(text) = typed.and_then(|t| crate::district::shared_start_brief(lang, op, t)) {
        return text;
    }
    let takes = Takes::of(op);
    match (value.trim().is_empty(), lang) {
        (true, Lang::Zh) if takes.example_zh.is_empty() => format!("{op} 后要写{}", takes.zh),
        (true, Lang::Zh) => format!("{op} 后要写{}，{}", takes.zh, takes.example_zh),
        (true, Lang::En) => format!("{op} needs {} after it", takes.en),
        (false, Lang::Zh) => format!("{op} {}；不能取 `{value}`", takes.example_zh),
        (false, Lang::En) => format!("{op} {}, not `{value}`", takes.example_en),
    }
}

/// What an operator takes, for its refusals.
struct Takes {
    /// What it needs, in Chinese (`日期`).
    zh: &'static str,
    /// What it needs, in English (`a date`).
    en: &'static str,
    /// One example, in Chinese (`如 2024-03`), or all it takes when that is short.
    example_zh: &'static str,
    /// One example, in English (`e.g. 2024-03`).
    example_en: &'static str,
    /// Every form it takes.
    forms: &'static str,
}

impl Takes {
    fn of(op: &str) -> Takes {
        let (zh, en, example_zh, example_en, forms) = match op {
            "date:" => (
                "日期",
                "a date",
                "如 2024-03",
                "e.g. 2024-03",
                crate::date::FORMS,
            ),
            "kind:" => (
                "类型",
                "photo or news",
                "photo 或 news",
                "photo or news",
                "photo, 图片, news, 新闻",
            ),
            "district:" => (
                "区名",
                "a district",
                "如 西城",
                "e.g. 西城",
                "西城, 西城区, xicheng, xc, 未注明",
            ),
            "reporter:" => (
                "记者名",
                "a name",
                "如 孙艳",
                "e.g. 孙艳",
                "孙艳, sunyan, sy",
            ),
            "title:" => ("词", "a word", "如 工会", "e.g. 工会", "工会, gonghui, gh"),
            _ => ("值", "a value", "", "", ""),
        };
        Takes {
            zh,
            en,
            example_zh,
            example_en,
            forms,
        }
    }
}

/// An operator with a value it cannot take, or with none, with the values it takes.
fn bad_operator(lang: Lang, op: &str, value: &str) -> String {
    if let Some(text) = reversed(lang, op, value) {
        return text;
    }
    // `district:cha`: the districts it starts, in the words `--district cha` is refused in.
    let typed = district_refused(op, value);
    if let Some(text) = typed.and_then(|t| crate::district::shared_start(lang, op, t)) {
        return text;
    }
    let takes = Takes::of(op);
    let forms = takes.forms;
    match (value.trim().is_empty(), lang) {
        (true, Lang::Zh) => format!("{op} 后要写{}；可写：{forms}", takes.zh),
        (true, Lang::En) => format!("{op} needs {} after it; it takes: {forms}", takes.en),
        (false, Lang::Zh) => format!("{op} 不能取 `{value}`；可写：{forms}"),
        (false, Lang::En) => format!("{op} cannot take `{value}`; it takes: {forms}"),
    }
}

/// The district refused in the value of a `district:` (`cha`, or `cha` in `海淀|cha`), so
/// that a start several districts share can be answered with those districts
/// (`crate::district::shared_start`).
fn district_refused<'a>(op: &str, value: &'a str) -> Option<&'a str> {
    let mut values = crate::search::query::district_values(value);
    let typed = values.find(|one| crate::district::parse_district(one).is_err());
    typed.filter(|_| op == "district:").map(str::trim)
}

/// A `date:` range whose end comes before its start (`date:2024..2023`), in the words
/// `--since` after `--until` is refused in (see `crate::error::Error::ReversedDates`).
fn reversed(lang: Lang, op: &str, value: &str) -> Option<String> {
    let (from, to) = (op == "date:").then(|| crate::date::reversed(value))??;
    Some(match lang {
        Lang::Zh => {
            format!("{op}`{value}` 起止颠倒：{from} 晚于 {to}，其中没有一天；请写成 {to}..{from}")
        }
        Lang::En => format!(
            "{op}`{value}` is reversed: {from} comes after {to}, no day is in it; write \
             {to}..{from}"
        ),
    })
}
