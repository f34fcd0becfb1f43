//! The words of `kanbao import`'s own errors (issue 13), each in Chinese and English.

use std::path::Path;

use super::{Unplaced, Why};
use crate::i18n::Lang;
use crate::layout::sanitize;

/// The longest preview of an unplaced block, in characters.
const PREVIEW_CHARS: usize = 24;

/// `--date` whose value is not a real day in one of the forms `--since` takes: the forms
/// listed as `--since`'s error lists them ([`crate::date::DAY_FORMS`]).
pub fn bad_date_option(lang: Lang, value: &str) -> String {
    let forms = crate::date::DAY_FORMS;
    match lang {
        Lang::Zh => format!("--date `{value}` 不是真实的日期；可写：{forms}"),
        Lang::En => format!("--date `{value}` is not a real day; accepted forms: {forms}"),
    }
}

/// A masthead day that does not exist, at `place` (`file:line:column`).
pub fn bad_masthead_day(lang: Lang, place: &str, day: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{place}：报眉的日期 {day} 不存在；请改正该行，或用 --date YYYY-MM-DD 给出这一页的日期"
        ),
        Lang::En => format!(
            "{place}: the masthead's date {day} does not exist; correct the line, or give the page's day with --date YYYY-MM-DD"
        ),
    }
}

/// Several pages and no `-o`.
pub fn several_need_folder(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("导入 {count} 个页面需要 -o 文件夹（如 -o archive/），每页写成一个文件")
        }
        Lang::En => format!(
            "importing {count} pages needs -o FOLDER (e.g. -o archive/); each page becomes one file"
        ),
    }
}

/// `-o` names something that is not a folder while several pages are imported.
pub fn not_a_folder(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path} 不是文件夹；导入多个页面时 -o 须是文件夹（不存在时会新建）"),
        Lang::En => format!(
            "{path} is not a folder; with several pages -o must be a folder (created when missing)"
        ),
    }
}

/// A page to be written into a folder has no day to name its file by.
pub fn no_date(lang: Lang, page: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{page}：没有报眉日期（如 2024年3月8日 星期五），无法给文件命名；请用 --date YYYY-MM-DD 给出（可再加 --page N）"
        ),
        Lang::En => format!(
            "{page}: no masthead date (such as 2024年3月8日 星期五) to name its file by; give it with --date YYYY-MM-DD (and --page N)"
        ),
    }
}

/// Two pages of one import with the same day and page.
pub fn same_page(lang: Lang, first: &str, second: &str, name: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{first} 与 {second} 是同一日期同一版（{name}）；只留下其中一个再导入，未写入任何文件"
        ),
        Lang::En => format!(
            "{first} and {second} are the same day and page ({name}); import only one of them; nothing was written"
        ),
    }
}

/// A file in the folder that kanbao will not replace.
pub fn not_ours(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{path} 已存在，但不是 kanbao 对同一日期同一版的导入；kanbao 不覆盖它：请移走它或换一个 -o 文件夹，未写入任何文件"
        ),
        Lang::En => format!(
            "{path} exists and is not kanbao's import of the same day and page; kanbao does not overwrite it: move it or use another -o folder; nothing was written"
        ),
    }
}

/// Blocks of `page` that belong to no article; the rest of the page was written.
pub fn unplaced(lang: Lang, page: &Path, blocks: &[Unplaced]) -> String {
    let head = match lang {
        Lang::Zh => format!(
            "{}：{} 块不属于任何文章，未写入结果：",
            page.display(),
            blocks.len()
        ),
        Lang::En => format!(
            "{}: {} block(s) belong to no article and are missing from the output:",
            page.display(),
            blocks.len()
        ),
    };
    with_blocks(head, lang, page, blocks)
}

/// A page in which no article was found, and the blocks it could not place; nothing was
/// written.
pub fn no_article(lang: Lang, page: &Path, blocks: &[Unplaced]) -> String {
    let page_name = page.display();
    let head = match (lang, blocks.is_empty()) {
        (Lang::Zh, true) => format!(
            "{page_name}：没有找到文章，未写入任何内容；文章须以标题开头，其后是电头，如 本报讯（记者 …）"
        ),
        (Lang::En, true) => format!(
            "{page_name}: no article found, nothing written; an article starts with its headline, then a byline such as 本报讯（记者 …）"
        ),
        (Lang::Zh, false) => format!("{page_name}：没有找到文章，未写入任何内容："),
        (Lang::En, false) => format!("{page_name}: no article found, nothing written:"),
    };
    with_blocks(head, lang, page, blocks)
}

fn with_blocks(mut out: String, lang: Lang, page: &Path, blocks: &[Unplaced]) -> String {
    for u in blocks {
        out.push_str("\n  ");
        out.push_str(&block(lang, page, u));
    }
    out
}

/// One unplaced block: `page:line:column`, its number and first words, what was expected
/// there and what to do.
fn block(lang: Lang, page: &Path, u: &Unplaced) -> String {
    let place = format!("{}:{}:{}", page.display(), u.line, u.column);
    let first = u.text.lines().next().unwrap_or_default();
    let mut preview: String = first.chars().take(PREVIEW_CHARS).collect();
    if first.chars().count() > PREVIEW_CHARS {
        preview.push('…');
    }
    let preview = sanitize(&preview);
    let n = u.block;
    // The paragraphs after a byline with no headline go with it.
    let more = u.text.lines().count().saturating_sub(1);
    match (lang, u.why) {
        (Lang::Zh, Why::NoByline) => format!(
            "{place}：第 {n} 块「{preview}」像是标题，但其后没有电头；标题后须紧跟电头，如 本报讯（记者 …）、本报记者 … 或 （本报记者 …）。请在标题下补上电头，或删去这一块"
        ),
        (Lang::En, Why::NoByline) => format!(
            "{place}: block {n} “{preview}” looks like a headline, but no byline follows it; a headline must be followed by a byline such as 本报讯（记者 …）, 本报记者 … or （本报记者 …）. Add the byline under the headline, or delete the block"
        ),
        (Lang::Zh, Why::NoHeadline) => {
            let with = match more {
                0 => String::new(),
                k => format!("（连同其后 {k} 段）"),
            };
            format!(
                "{place}：第 {n} 块「{preview}」是电头，但上方没有标题{with}；电头前须有文章的标题。请在它上方补上标题（单独一块，前后空一行）"
            )
        }
        (Lang::En, Why::NoHeadline) => {
            let with = match more {
                0 => String::new(),
                k => format!(" (with the {k} paragraph(s) after it)"),
            };
            format!(
                "{place}: block {n} “{preview}” is a byline with no headline above it{with}; a byline must follow its article's headline. Add the headline above it, as a block of its own (a blank line before and after)"
            )
        }
        (Lang::Zh, Why::BeforeFirstArticle) => format!(
            "{place}：第 {n} 块「{preview}」在第一篇文章之前，不属于任何文章；文章须以标题开头，其后是电头，如 本报讯（记者 …）。请给它补上标题和电头，或删去这一块"
        ),
        (Lang::En, Why::BeforeFirstArticle) => format!(
            "{place}: block {n} “{preview}” comes before the first article and belongs to none; an article starts with its headline, then a byline such as 本报讯（记者 …）. Add a headline and a byline above it, or delete the block"
        ),
    }
}
