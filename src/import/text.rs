//! The words of `kanbao import`'s own errors (issue 13), each in Chinese and English.

use crate::i18n::Lang;

/// `--date` whose value is not a real `YYYY-MM-DD` day.
pub fn bad_date_option(lang: Lang, value: &str) -> String {
    match lang {
        Lang::Zh => format!("--date `{value}` 不是真实的日期；请写成 YYYY-MM-DD，如 2024-03-08"),
        Lang::En => {
            format!("--date `{value}` is not a real day; write it as YYYY-MM-DD, e.g. 2024-03-08")
        }
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
