//! The words of the loader's later errors (issue 16) and of `kanbao check`.

use crate::error::{Error, IdFault, Place, Shape};

use super::{Lang, place_text};

/// What kanbao reads, for messages about a file that is something else.
fn expected_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => {
            "kanbao 读 schema 1 的 JSON 对象 {\"schema\": 1, \"articles\": […]}，\
             或 JSON Lines（每行一个文章对象 {\"id\": …, \"title\": …, \"paragraphs\": […]}）"
        }
        Lang::En => {
            "kanbao reads a schema-1 JSON object {\"schema\": 1, \"articles\": […]}, or JSON \
             Lines (one article object {\"id\": …, \"title\": …, \"paragraphs\": […]} a line)"
        }
    }
}

/// The messages of the loader's later errors (issue 16): cut files, shapes, ids, problems.
pub(super) fn error_text(error: &Error, lang: Lang) -> String {
    let place = |p: &Place| place_text(p, lang);
    let zh = lang == Lang::Zh;
    match error {
        Error::Truncated { place: p } if zh => format!(
            "{}：文件在一个字符中间结束（多字节 UTF-8 字符不完整）；文件可能被截断，请重新复制或下载",
            place(p)
        ),
        Error::Truncated { place: p } => format!(
            "{}: the file ends inside a character (an incomplete multi-byte UTF-8 sequence); \
             it was probably cut short: copy or download it again",
            place(p)
        ),
        Error::Shape { place: p, found } => {
            let what = match (found, zh) {
                (Shape::Array, true) => "这里是数组",
                (Shape::Array, false) => "this is an array",
                (Shape::NotObject, true) => "这里不是 JSON 对象",
                (Shape::NotObject, false) => "this is not a JSON object",
            };
            let sep = if zh { "；" } else { "; " };
            format!(
                "{}{}{what}{sep}{}",
                place(p),
                colon(lang),
                expected_format(lang)
            )
        }
        Error::BadId { place: p, fault } => match (fault, zh) {
            (IdFault::Empty, true) => {
                format!("{}：文章 id 为空；每篇文章需要一个非空的 id", place(p))
            }
            (IdFault::Empty, false) => {
                format!(
                    "{}: the article's id is empty; every article needs one",
                    place(p)
                )
            }
            (IdFault::Invisible { c, at }, true) => format!(
                "{}：文章 id 的第 {at} 个字符是控制字符或不可见字符 U+{:04X}；\
                 id 只能含可见字符，否则 `kanbao show ID` 找不到它",
                place(p),
                u32::from(*c)
            ),
            (IdFault::Invisible { c, at }, false) => format!(
                "{}: character {at} of the article's id is the control or invisible character \
                 U+{:04X}; an id must be visible, or `kanbao show ID` cannot find it",
                place(p),
                u32::from(*c)
            ),
        },
        Error::PageTooLarge { path, limit } if zh => format!(
            "{}：超过 kanbao import 读的上限 {limit} 字节；一版报纸的文字远小于此，请确认文件",
            path.display()
        ),
        Error::PageTooLarge { path, limit } => format!(
            "{}: more than the {limit} bytes `kanbao import` reads; a newspaper page's text is \
             far smaller, so check the file",
            path.display()
        ),
        Error::Problems {
            path,
            problems,
            more,
        } => {
            let total = problems.len() + more;
            let mut out = match lang {
                Lang::Zh => format!("{}：发现 {total} 处问题：", path.display()),
                Lang::En => format!("{}: {total} problems:", path.display()),
            };
            for problem in problems {
                out.push('\n');
                out.push_str(&super::error_text(problem, lang));
            }
            if *more > 0 {
                out.push('\n');
                out.push_str(&match lang {
                    Lang::Zh => format!("……另有 {more} 处未列出"),
                    Lang::En => format!("… and {more} more"),
                });
            }
            out
        }
        // The earlier errors are all in `error_text`.
        _ => format!("{error:?}"),
    }
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// `kanbao check`'s line for a source with no problem: its name, its article count, and
/// the count of each district (`labelled` pairs of name and count).
pub fn checked(lang: Lang, path: &str, articles: usize, districts: &[(&str, usize)]) -> String {
    let (sep, unit) = match lang {
        Lang::Zh => ("，", " 篇"),
        Lang::En => (", ", ""),
    };
    let pairs: Vec<String> = districts
        .iter()
        .map(|(d, n)| format!("{d} {n}{unit}"))
        .collect();
    match lang {
        Lang::Zh => format!("{path}：正常，{articles} 篇文章（{}）", pairs.join(sep)),
        Lang::En => format!(
            "{path}: ok, {} ({})",
            crate::i18n::articles(lang, articles as u64),
            pairs.join(sep)
        ),
    }
}
