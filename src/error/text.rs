//! The words of [`Error`] and of a [`Place`], in Chinese and English (`Display` gives the
//! English); beside the errors they describe, so that `i18n` stays a leaf.

use crate::config::config_problem_text;
use crate::district::{DISTRICTS, UNSTATED};
use crate::error::{Error, Item, Place};
use crate::i18n::{Lang, Msg, STDOUT};
use crate::layout::{AmbiguousWidth, cut_to_width};
use crate::search::query_error_text;
use crate::state::{StateError, state_error_text, unsaved_at_exit};

mod load;

pub use load::checked;

/// Where something was found: `path:line:column`, and the article there.
pub fn place_text(place: &Place, lang: Lang) -> String {
    let mut out = place.path.display().to_string();
    if let Some(line) = place.line {
        out.push_str(&format!(":{line}"));
        if let Some(column) = place.column {
            out.push_str(&format!(":{column}"));
        }
    }
    match (&place.item, lang) {
        (None, _) => {}
        (Some(Item::Id(id)), Lang::Zh) => out.push_str(&format!("（id `{id}`）")),
        (Some(Item::Id(id)), Lang::En) => out.push_str(&format!(" (id `{id}`)")),
        (Some(Item::Article { n, id }), Lang::Zh) => {
            out.push_str(&format!("（第 {n} 篇，id `{id}`）"));
        }
        (Some(Item::Article { n, id }), Lang::En) => {
            out.push_str(&format!(" (article {n}, id `{id}`)"));
        }
    }
    out
}

/// What went wrong, where, and what to do, for the command line's `kanbao: …` line.
pub fn error_text(error: &Error, lang: Lang) -> String {
    let place = |p: &Place| place_text(p, lang);
    let zh = lang == Lang::Zh;
    match error {
        Error::Io { path, source } if path.as_os_str() == STDOUT => match lang {
            Lang::Zh => format!("写不进标准输出：{source}"),
            Lang::En => format!("cannot write to standard output: {source}"),
        },
        Error::Io { path, source } if zh => match source.kind() {
            std::io::ErrorKind::NotFound => format!("{}：找不到该文件或文件夹", path.display()),
            std::io::ErrorKind::AlreadyExists => format!(
                "{}：文件已存在，kanbao 不覆盖已有的文件：换一个文件名，或先删掉它（也可不用 -o，\
                 用 > 重定向）",
                path.display()
            ),
            std::io::ErrorKind::PermissionDenied => format!("{}：没有权限", path.display()),
            _ => format!("{}：{source}", path.display()),
        },
        Error::Io { path, source } if source.kind() == std::io::ErrorKind::AlreadyExists => {
            format!(
                "{}: the file exists, and kanbao never writes over a file: give another name, \
                 or delete it first (or leave out -o and redirect with >)",
                path.display()
            )
        }
        Error::Io { path, source } => format!("{}: {source}", path.display()),
        Error::ConfigFile {
            path,
            named_by,
            source,
            folder,
        } => config_file_text((path, *named_by), source, *folder, lang),
        Error::NotAFile { path } if zh => format!(
            "{}：不是普通文件（设备、管道或套接字）；kanbao index 只为数据文件建索引，可用 \
             --data 直接读取它",
            path.display()
        ),
        Error::NotAFile { path } => format!(
            "{}: not a regular file (a device, pipe or socket); kanbao index indexes data \
             files only: read it with --data instead",
            path.display()
        ),
        Error::Syntax { place: p, message } if zh => format!("{}：JSON 有误：{message}", place(p)),
        Error::Syntax { place: p, message } => format!("{}: {message}", place(p)),
        Error::FromConfig {
            place: p,
            setting,
            error,
        } if zh => format!(
            "{}：配置文件的 {setting} 设了这个路径：{}",
            place(p),
            error_text(error, lang)
        ),
        Error::FromConfig {
            place: p,
            setting,
            error,
        } => format!(
            "{}: set by the config file's {setting}: {}",
            place(p),
            error_text(error, lang)
        ),
        Error::Config {
            place: p,
            problem,
            more,
        } => {
            let what = config_problem_text(problem, lang);
            let mut text = if zh {
                format!("{}：配置文件有误：{what}", place(p))
            } else {
                format!("{}: in the config file: {what}", place(p))
            };
            // Each further mistake on a line of its own, as the compiler lists them.
            for e in more {
                text.push('\n');
                text.push_str(&error_text(e, lang));
            }
            text
        }
        Error::NotUtf8 { place: p } if zh => format!(
            "{}：不是 UTF-8 编码；kanbao 只读 UTF-8（可用 iconv 转换）",
            place(p)
        ),
        Error::NotUtf8 { place: p } => format!(
            "{}: not UTF-8; kanbao reads UTF-8 only (convert with iconv)",
            place(p)
        ),
        Error::ChangedSinceIndexed { place: p, message } if zh => format!(
            "{}：JSON 有误：{message}；文件在建立索引之后改过了，可先 touch 它再运行 kanbao \
             index {} 重建索引（或加 --no-index 整个读取）",
            place(p),
            p.path.display()
        ),
        Error::ChangedSinceIndexed { place: p, message } => format!(
            "{}: {message}; the file changed after it was indexed: touch it and run kanbao \
             index {} to index it again (or read it whole with --no-index)",
            place(p),
            p.path.display()
        ),
        Error::DuplicateId { id, first, second } if zh => format!(
            "{}：文章 id `{id}` 重复，首次出现在 {}",
            place(second),
            place(first)
        ),
        Error::DuplicateId { id, first, second } => format!(
            "{}: duplicate article id `{id}`, first used at {}",
            place(second),
            place(first)
        ),
        Error::BadDate { place: p, value } if zh => format!(
            "{}：日期 `{value}` 不是真实的 YYYY-MM-DD 日期（如 2024-03-08）；载入时这篇文章按无日期处理",
            place(p)
        ),
        Error::BadDate { place: p, value } => format!(
            "{}: date `{value}` is not a real YYYY-MM-DD day (such as 2024-03-08); loading \
             keeps this article undated",
            place(p)
        ),
        Error::BadDateArg { option, value } if zh => format!(
            "{option} 的值 `{value}` 不是日期；可写：{}（含首尾；年或月指其全部）",
            crate::date::PERIOD_FORMS
        ),
        Error::BadDateArg { option, value } => format!(
            "{option}: `{value}` is not a date; accepted forms: {} (inclusive; a year or \
             month means all of it)",
            crate::date::PERIOD_FORMS
        ),
        Error::ReversedDates { since, until } if zh => format!(
            "--since `{since}` 晚于 --until `{until}`：日期范围起止颠倒，其中没有一天；请对调两者"
        ),
        Error::ReversedDates { since, until } => format!(
            "--since `{since}` comes after --until `{until}`: the range is reversed, no day \
             is in it; swap them"
        ),
        Error::MisplacedOption {
            option,
            command,
            takes: true,
        } if zh => format!(
            "{option} 不能写在命令 {command} 之前：请写在命令之后（kanbao {command} {option} …）；\
             命令之前只能写 --data、--lang 等全局选项"
        ),
        Error::MisplacedOption {
            option,
            command,
            takes: true,
        } => format!(
            "{option} cannot go before the command `{command}`: put it after the command \
             (kanbao {command} {option} …); only global options such as --data and --lang go \
             before a command"
        ),
        Error::MisplacedOption {
            option, command, ..
        } if zh => format!(
            "{option} 只用于阅读器（不带命令的 kanbao），命令 {command} 不取它；命令之前只能写 \
             --data、--lang 等全局选项"
        ),
        Error::MisplacedOption {
            option, command, ..
        } => format!(
            "{option} is only for the reader (kanbao with no command): the command `{command}` \
             does not take it; only global options such as --data and --lang go before a \
             command"
        ),
        Error::BadDistrict { place: p, name } if zh => format!(
            "{}：`{name}` 不是北京市 16 个区之一；请写全称（如 西城区），未注明时写 null",
            place(p)
        ),
        Error::BadDistrict { place: p, name } => format!(
            "{}: `{name}` is not one of Beijing's 16 districts; write a full name such as \
             西城区, or null when none is stated",
            place(p)
        ),
        Error::Empty { path } if zh => format!("{}：没有文章", path.display()),
        Error::Empty { path } => format!("{}: holds no articles", path.display()),
        Error::Schema { place: p, found } if zh => {
            format!("{}：不支持 schema {found}；kanbao 读 schema 1", place(p))
        }
        Error::Schema { place: p, found } => format!(
            "{}: schema {found} is not supported; kanbao reads schema 1",
            place(p)
        ),
        Error::TooLarge { path, size, limit } if zh => format!(
            "{}：{}超过 kanbao 对这类文件的上限 {limit} 字节；\
             请拆成一个文件夹的 JSON Lines（.jsonl）文件",
            path.display(),
            size.map_or_else(String::new, |size| format!("{size} 字节，"))
        ),
        Error::TooLarge { path, size, limit } => format!(
            "{}: {} more than the {limit} bytes kanbao reads from one file of \
             this kind; split it into a folder of JSON Lines (.jsonl) files",
            path.display(),
            size.map_or_else(|| "it holds".to_string(), |size| format!("{size} bytes is"))
        ),
        Error::UnknownDistrict(typed) => {
            // Typed in pinyin without an input method, the start of several districts
            // (`cha`: chaoyang, changping) names none: say which, not all sixteen.
            if let Some(text) = crate::district::shared_start(lang, "", typed) {
                return text;
            }
            let known: Vec<String> = DISTRICTS
                .iter()
                .map(|d| format!("{} ({}, {})", d.name, d.pinyin, d.initials))
                .collect();
            let known = known.join(", ");
            if zh {
                format!("没有“{typed}”这个区；可用：{known}、{UNSTATED}")
            } else {
                format!(
                    "unknown district `{typed}`; known districts: {known}, {UNSTATED} (none stated)"
                )
            }
        }
        Error::UnknownId(id) if zh => {
            format!("没有 id 为 `{id}` 的文章；`kanbao list` 列出所有 id")
        }
        Error::UnknownId(id) => format!("no article has id `{id}`; `kanbao list` shows the ids"),
        Error::TooMuchToExport {
            articles,
            most_bytes,
        } => {
            let mb = most_bytes >> 20;
            match lang {
                Lang::Zh => format!(
                    "选中的文章太多：前 {articles} 篇的数据已超过 {mb} MB（一份报告在写出前全部读入内存）；\
                     请用 --query、--district、--since/--until、--bookmarked、--tag 或 --id 缩小范围"
                ),
                Lang::En => format!(
                    "too many articles chosen: the first {articles} come to more than {mb} MB of \
                     data (a report is read whole into memory before it is written); narrow the \
                     choice with --query, --district, --since/--until, --bookmarked, --tag or --id"
                ),
            }
        }
        Error::Unplaced { page, blocks } => crate::import::text::unplaced(lang, page, blocks),
        Error::NoArticle { page, blocks } => crate::import::text::no_article(lang, page, blocks),
        Error::TooNarrow { width, least } if zh => {
            format!("--width {width} 太窄；至少为 {least}")
        }
        Error::TooNarrow { width, least } => {
            format!("--width {width} is too narrow; the least is {least}")
        }
        Error::NoTerminal if zh => {
            "阅读器需要终端；要输出文章，请用 `kanbao list` 或 `kanbao show ID`".to_string()
        }
        Error::NoTerminal => "the reader needs a terminal; to print articles use `kanbao list` \
                              or `kanbao show ID`"
            .to_string(),
        Error::DumbTerminal { term } => {
            let term = term
                .as_deref()
                .map(|t| cut_to_width(t, 40, AmbiguousWidth::Narrow));
            let what = match (&term, zh) {
                (Some(t), true) => format!("TERM={t} 的终端不能移动光标"),
                (Some(t), false) => format!("TERM={t} is a terminal that cannot move the cursor"),
                (None, true) => "没有设置 TERM".to_string(),
                (None, false) => "TERM is not set".to_string(),
            };
            if zh {
                format!(
                    "{what}，无法显示阅读器；要输出文章，请用 `kanbao list` 或 `kanbao show ID`；\
                     要用阅读器，请把 TERM 设为终端的类型（如 TERM=xterm-256color）"
                )
            } else {
                format!(
                    "{what}, so the reader cannot be shown; to print articles use `kanbao list` \
                     or `kanbao show ID`; for the reader set TERM to the terminal's type (such \
                     as TERM=xterm-256color)"
                )
            }
        }
        Error::State(
            e @ (StateError::NotState { .. }
            | StateError::TooLarge { .. }
            | StateError::Damaged { .. }),
        ) => state_error_text(e, lang),
        Error::State(e) if zh => format!(
            "{}{}；本次的阅读记录没有保存",
            Msg::SaveFailed.text(lang),
            state_error_text(e, lang)
        ),
        Error::State(e) => format!(
            "{}{}; this session's reading marks were not saved",
            Msg::SaveFailed.text(lang),
            state_error_text(e, lang)
        ),
        Error::Unsaved {
            error:
                e @ (StateError::NotState { .. }
                | StateError::TooLarge { .. }
                | StateError::Damaged { .. }),
            unsaved,
        } => unsaved_at_exit(&state_error_text(e, lang), unsaved, lang),
        Error::Unsaved { error, unsaved } => {
            let failed = format!(
                "{}{}",
                Msg::SaveFailed.text(lang),
                state_error_text(error, lang)
            );
            unsaved_at_exit(&failed, unsaved, lang)
        }
        Error::Query(e) => query_error_text(e, lang),
        Error::Review(e) => crate::review::review_error_text(e, lang),
        Error::Import(e) => crate::import::import_error_text(e, lang),
        Error::StdoutClosed if zh => {
            "标准输出已关闭，结果无处可写；请把输出重定向到文件或管道".to_string()
        }
        Error::StdoutClosed => {
            "standard output is closed, so the output has nowhere to go; redirect it to a file \
             or a pipe"
                .to_string()
        }
        Error::Internal(what) if zh => format!("kanbao 内部错误：{what}；请报告这个问题"),
        Error::Internal(what) => format!("internal error in kanbao: {what}; please report it"),
        _ => load::error_text(error, lang),
    }
}

/// Why the config file at `path` (named by `named_by`) cannot be read, and what to do.
fn config_file_text(
    (path, named_by): (&std::path::Path, Option<&str>),
    source: &std::io::Error,
    folder: bool,
    lang: Lang,
) -> String {
    use std::io::ErrorKind;
    let path = path.display();
    match lang {
        Lang::Zh => {
            let by = named_by
                .map(|n| format!("（由 {n} 指定）"))
                .unwrap_or_default();
            let why = match source.kind() {
                _ if folder => "它是一个文件夹；请指定一个 .toml 文件".to_owned(),
                ErrorKind::NotFound => {
                    "找不到该文件；kanbao config --default > 文件 可写出一份带注释的配置".to_owned()
                }
                ErrorKind::PermissionDenied => "没有权限".to_owned(),
                _ => source.to_string(),
            };
            format!("{path}：读不了配置文件{by}：{why}")
        }
        Lang::En => {
            let by = named_by
                .map(|n| format!(" (named by {n})"))
                .unwrap_or_default();
            let why = match source.kind() {
                _ if folder => "it is a folder; name a .toml file".to_owned(),
                ErrorKind::NotFound => "no such file; kanbao config --default > FILE writes \
                                        one with comments"
                    .to_owned(),
                ErrorKind::PermissionDenied => "permission denied".to_owned(),
                _ => source.to_string(),
            };
            format!("{path}: cannot read the config file{by}: {why}")
        }
    }
}
