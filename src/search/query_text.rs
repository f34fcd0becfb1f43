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

/// An operator with a value it cannot take, with the values it takes.
fn bad_operator(lang: Lang, op: &str, value: &str) -> String {
    let forms = match op {
        "date:" => crate::date::FORMS,
        "kind:" => "photo, 图片, news, 新闻",
        "district:" => "西城, 西城区, xicheng, xc, 未注明",
        "reporter:" => "孙艳, sunyan, sy",
        "title:" => "工会, gonghui, gh",
        _ => "",
    };
    match lang {
        Lang::Zh => format!("{op} 不能取 `{value}`；可写：{forms}"),
        Lang::En => format!("{op} cannot take `{value}`; it takes: {forms}"),
    }
}
