//! Every user-facing string, in Simplified Chinese (the default) and English.

use crate::district::{DISTRICTS, UNSTATED};
use crate::error::{Error, Item, Place};
use crate::layout::{AmbiguousWidth, cut_to_width, display_width};
use crate::search::{MAX_QUERY_CHARS, MAX_TERMS, QueryError};
use crate::state::{NotState, StateError, Warning};

mod config;

pub use config::config_problem_text;

mod load;

pub use load::checked;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English (`--lang en`).
    En,
}

/// One translatable string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// The label for articles that name no district.
    Unstated,
    /// Label before reporter names.
    Reporter,
    /// Label before correspondent names.
    Correspondent,
    /// The kind `news`.
    KindNews,
    /// The kind `photo`.
    KindPhoto,
    /// The app's name, shown when the data has no banner.
    AppName,
    /// Unit after the article count.
    Articles,
    /// Label before the active district filter.
    District,
    /// Label before the active search.
    Search,
    /// Status when the search finds nothing in the article.
    NoMatches,
    /// Status when `n` wrapped round to the first hit.
    WrappedToFirst,
    /// Status when `N` wrapped round to the last hit.
    WrappedToLast,
    /// Status when `]` is pressed on the last article.
    LastArticle,
    /// Status when `[` is pressed on the first article.
    FirstArticle,
    /// Shown while a search of a large collection runs; the list still shows the last one.
    Searching,
    /// Status after adding a bookmark.
    Bookmarked,
    /// Status after removing a bookmark.
    Unbookmarked,
    /// Status after marking read.
    MarkedRead,
    /// Status after marking unread.
    MarkedUnread,
    /// Status after clearing.
    Cleared,
    /// Prefix of a save error.
    SaveFailed,
    /// Prefix of a warning about the state file raised by a save.
    StateWarning,
    /// `kanbao config`: the config file's label.
    ConfigFile,
    /// `kanbao config`: the config file is not there.
    ConfigMissing,
    /// `kanbao config`: the config file is looked for at the default place.
    ConfigDefaultPlace,
    /// `kanbao config`: a setting nobody set.
    OriginDefault,
    /// `kanbao config`: a setting from the config file.
    OriginFile,
    /// `kanbao config`: a setting from an environment variable (its name follows).
    OriginEnv,
    /// `kanbao config`: a setting from the command line.
    OriginCommandLine,
    /// `kanbao config`: no data set, the bundled page is read.
    DataBundled,
    /// The search prompt's label.
    PromptLabel,
    /// Title of the district picker.
    PickerTitle,
    /// Title of the help overlay.
    HelpTitle,
    /// Help section: keys of the list and the reader alike, and keys of every context.
    CtxAnywhere,
    /// Help section: the list.
    CtxList,
    /// Help section: the reader.
    CtxReader,
    /// Help section: the search prompt.
    CtxSearch,
    /// Help section: the picker.
    CtxPicker,
    /// Help section: the help itself.
    CtxHelp,
    /// Help: close the help.
    HelpClose,
    /// Help: quit.
    HelpQuit,
    /// Help: redraw the screen.
    HelpRedraw,
    /// Help: clear.
    HelpClear,
    /// Help: back.
    HelpBack,
    /// Help: focus.
    HelpFocus,
    /// Help: help.
    HelpHelp,
    /// Help: move down.
    HelpDown,
    /// Help: move up.
    HelpUp,
    /// Help: top.
    HelpTop,
    /// Help: bottom.
    HelpBottom,
    /// Help: open.
    HelpOpen,
    /// Help: search.
    HelpSearch,
    /// Help: picker.
    HelpPicker,
    /// Help: next page.
    HelpNextPage,
    /// Help: previous page.
    HelpPrevPage,
    /// Help: list, one screen down.
    HelpNextScreen,
    /// Help: list, one screen up.
    HelpPrevScreen,
    /// Help: list, half a screen down.
    HelpHalfScreenDown,
    /// Help: list, half a screen up.
    HelpHalfScreenUp,
    /// Help: reader, half a page down.
    HelpHalfPageDown,
    /// Help: reader, half a page up.
    HelpHalfPageUp,
    /// Help: line down.
    HelpLineDown,
    /// Help: line up.
    HelpLineUp,
    /// Help: first page.
    HelpFirstPage,
    /// Help: last page.
    HelpLastPage,
    /// Help: next match.
    HelpNextMatch,
    /// Help: previous match.
    HelpPrevMatch,
    /// Help: next article.
    HelpNextArticle,
    /// Help: previous article.
    HelpPrevArticle,
    /// Help: bookmark.
    HelpBookmark,
    /// Help: read mark.
    HelpRead,
    /// Help: typing in the prompt.
    HelpType,
    /// Help: backspace.
    HelpErase,
    /// Help: Delete.
    HelpEraseNext,
    /// Help: Ctrl-K.
    HelpEraseToEnd,
    /// Help: a word left.
    HelpWordLeft,
    /// Help: a word right.
    HelpWordRight,
    /// Help: Ctrl-W.
    HelpEraseWord,
    /// Help: Ctrl-U.
    HelpEraseToStart,
    /// Help: cursor left.
    HelpCursorLeft,
    /// Help: cursor right.
    HelpCursorRight,
    /// Help: cursor to start.
    HelpCursorHome,
    /// Help: cursor to end.
    HelpCursorEnd,
    /// Help: accept.
    HelpAccept,
    /// Help: cancel.
    HelpCancel,
    /// Help: toggle.
    HelpToggle,
    /// Help: apply.
    HelpApply,
    /// The space bar's name in key help.
    KeySpace,
    /// Stands for any typed text in key help.
    KeyText,
    /// Help section: what the mouse does (with `--mouse`).
    CtxMouse,
    /// The mouse wheel's name in key help.
    KeyWheel,
    /// A mouse click's name in key help.
    KeyClick,
    /// Help: what the wheel does.
    HelpWheel,
    /// Help: what a click does.
    HelpClick,
    /// The reader's note under an article with no text (an empty photo report). Not part
    /// of the article: never searched, never printed by `kanbao show`.
    NoText,
    /// Stands in the list and the reader for a title that shows nothing (it held only
    /// control characters). Not part of the article, like [`Msg::NoText`].
    Untitled,
    /// Help: turn the preview beside the list to its next page.
    HelpPreviewNext,
    /// Help: turn the preview beside the list to its previous page.
    HelpPreviewPrev,
    /// Status-bar hint label: 帮助 / help.
    HintHelp,
    /// Status-bar hint label: 搜索 / search.
    HintSearch,
    /// Status-bar hint label: 地区 / district.
    HintDistrict,
    /// Status-bar hint label: 退出 / quit.
    HintQuit,
    /// Status-bar hint label: 翻页 / page.
    HintPage,
    /// Status-bar hint label: 预览翻页 / page preview.
    HintPreviewPage,
    /// Status-bar hint label: 下一篇 / next.
    HintNext,
    /// Status-bar hint label: 下一处 / next hit.
    HintNextHit,
    /// Status-bar hint label: 返回 / back.
    HintBack,
    /// Status-bar hint label: 确定 / keep.
    HintKeep,
    /// Status-bar hint label: 取消 / drop.
    HintDrop,
    /// Status-bar hint label: 移动 / move.
    HintMove,
    /// Status-bar hint label: 选择 / toggle.
    HintToggle,
    /// Status-bar hint label: 应用 / apply.
    HintApply,
    /// Status-bar hint label: 取消 / cancel.
    HintCancel,
    /// Status-bar hint label: 滚动 / scroll.
    HintScroll,
    /// Status-bar hint label: 关闭 / close.
    HintClose,
}

impl Msg {
    /// The text of this message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use Msg::*;
        let [zh, en] = match self {
            Unstated => ["未注明", "not stated"],
            Reporter => ["记者", "Reporter"],
            Correspondent => ["通讯员", "Correspondent"],
            KindNews => ["新闻", "news"],
            KindPhoto => ["图片新闻", "photo"],
            AppName => ["kanbao 看报", "kanbao"],
            Articles => ["篇", "articles"],
            District => ["地区", "district"],
            Search => ["搜索", "search"],
            NoMatches => ["无匹配", "no matches"],
            WrappedToFirst => ["已回到第一处", "wrapped to the first hit"],
            WrappedToLast => ["已回到最后一处", "wrapped to the last hit"],
            LastArticle => ["已是最后一篇", "this is the last article"],
            FirstArticle => ["已是第一篇", "this is the first article"],
            Searching => ["搜索中…", "searching…"],
            Bookmarked => ["已收藏", "Bookmarked"],
            Unbookmarked => ["已取消收藏", "Bookmark removed"],
            MarkedRead => ["已标为已读", "Marked read"],
            MarkedUnread => ["已标为未读", "Marked unread"],
            Cleared => ["已清除搜索和筛选", "Search and filters cleared"],
            SaveFailed => ["保存阅读记录失败：", "Could not save reading state: "],
            StateWarning => ["阅读记录：", "Reading state: "],
            ConfigFile => ["配置文件", "config file"],
            ConfigMissing => ["不存在", "not found"],
            ConfigDefaultPlace => ["默认位置", "default place"],
            OriginDefault => ["默认", "default"],
            OriginFile => ["来自配置文件", "from the config file"],
            OriginEnv => ["来自环境变量", "from the environment:"],
            OriginCommandLine => ["来自命令行", "from the command line"],
            DataBundled => ["内置的一版", "the bundled page"],
            PromptLabel => ["搜索：", "Search: "],
            PickerTitle => ["选择地区", "Districts"],
            HelpTitle => ["按键", "Keys"],
            CtxAnywhere => ["任何地方", "Anywhere"],
            CtxList => ["列表", "List"],
            CtxReader => ["阅读", "Reader"],
            CtxSearch => ["搜索框", "Search prompt"],
            CtxPicker => ["地区选择", "District picker"],
            CtxHelp => ["帮助", "Help"],
            HelpClose => ["关闭帮助", "close help"],
            HelpQuit => ["退出", "quit"],
            HelpRedraw => ["重绘屏幕", "redraw the screen"],
            HelpClear => ["清除搜索和筛选", "clear search and filters"],
            HelpBack => ["返回列表", "back to the list"],
            HelpFocus => ["切换列表 / 阅读", "focus list / reader"],
            HelpHelp => ["帮助", "help"],
            HelpDown => ["下移", "down"],
            HelpUp => ["上移", "up"],
            HelpTop => ["到顶", "top"],
            HelpBottom => ["到底", "bottom"],
            HelpOpen => ["打开", "open"],
            HelpSearch => ["搜索", "search"],
            HelpPicker => ["按地区筛选", "filter by district"],
            HelpNextPage => ["下一页", "next page"],
            HelpPrevPage => ["上一页", "previous page"],
            HelpNextScreen => ["下一屏", "one screen down"],
            HelpPrevScreen => ["上一屏", "one screen up"],
            HelpHalfScreenDown => ["下移半屏", "half a screen down"],
            HelpHalfScreenUp => ["上移半屏", "half a screen up"],
            HelpHalfPageDown => ["下翻半页", "half a page down"],
            HelpHalfPageUp => ["上翻半页", "half a page up"],
            HelpLineDown => ["下一行", "line down"],
            HelpLineUp => ["上一行", "line up"],
            HelpFirstPage => ["第一页", "first page"],
            HelpLastPage => ["最后一页", "last page"],
            HelpNextMatch => ["下一处匹配", "next match"],
            HelpPrevMatch => ["上一处匹配", "previous match"],
            HelpNextArticle => ["下一篇", "next article"],
            HelpPrevArticle => ["上一篇", "previous article"],
            HelpBookmark => ["收藏 / 取消", "bookmark on/off"],
            HelpRead => ["已读 / 未读", "read / unread"],
            HelpType => ["输入文字", "type to search"],
            HelpErase => ["删除一个字", "erase one character"],
            HelpEraseNext => ["删除后一个字", "erase the character after"],
            HelpEraseToEnd => ["删除光标后全部", "erase to the end"],
            HelpWordLeft => ["光标左移一个词", "cursor a word left"],
            HelpWordRight => ["光标右移一个词", "cursor a word right"],
            HelpEraseWord => ["删除前一个词", "erase the word before"],
            HelpEraseToStart => ["删除光标前全部", "erase to the start"],
            HelpCursorLeft => ["光标左移", "cursor left"],
            HelpCursorRight => ["光标右移", "cursor right"],
            HelpCursorHome => ["光标到开头", "cursor to the start"],
            HelpCursorEnd => ["光标到结尾", "cursor to the end"],
            HelpAccept => ["确定", "keep"],
            HelpCancel => ["取消", "drop"],
            HelpToggle => ["选中 / 取消", "toggle"],
            HelpApply => ["应用", "apply"],
            KeySpace => ["空格", "Space"],
            KeyText => ["文字", "text"],
            CtxMouse => ["鼠标（--mouse）", "Mouse (--mouse)"],
            KeyWheel => ["滚轮", "wheel"],
            KeyClick => ["单击", "click"],
            HelpWheel => [
                "滚动指针下的列表、正文、地区选择或帮助",
                "scroll the list, reader, picker or help under the pointer",
            ],
            HelpClick => [
                "选中文章，再点一次打开；在地区选择中勾选",
                "select an article, again to open; tick a district in the picker",
            ],
            NoText => ["（本文无正文）", "(no text)"],
            Untitled => ["（无标题）", "(untitled)"],
            HelpPreviewNext => ["预览下一页", "next page of the preview"],
            HelpPreviewPrev => ["预览上一页", "previous page of the preview"],
            HintHelp => ["帮助", "help"],
            HintSearch => ["搜索", "search"],
            HintDistrict => ["地区", "district"],
            HintQuit => ["退出", "quit"],
            HintPage => ["翻页", "page"],
            HintPreviewPage => ["预览翻页", "page preview"],
            HintNext => ["下一篇", "next"],
            HintNextHit => ["下一处", "next hit"],
            HintBack => ["返回", "back"],
            HintKeep => ["确定", "keep"],
            HintDrop => ["取消", "drop"],
            HintMove => ["移动", "move"],
            HintToggle => ["选择", "toggle"],
            HintApply => ["应用", "apply"],
            HintCancel => ["取消", "cancel"],
            HintScroll => ["滚动", "scroll"],
            HintClose => ["关闭", "close"],
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Shown when the list is empty, with the `key` that clears search and filters.
pub fn no_articles(lang: Lang, key: &str) -> String {
    match lang {
        Lang::Zh => format!("没有符合条件的文章（按 {key} 清除搜索和地区）"),
        Lang::En => format!("No matching articles ({key} clears search and districts)"),
    }
}

/// Status for `n`/`N` when no search is active, with the `key` that opens the prompt.
pub fn no_search(lang: Lang, key: &str) -> String {
    match lang {
        Lang::Zh => format!("没有搜索，按 {key} 搜索"),
        Lang::En => format!("No search: press {key} to search"),
    }
}

/// `第 X/Y 页` — the page counter of the reader.
pub fn page_of(lang: Lang, page: usize, pages: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {page}/{pages} 页"),
        Lang::En => format!("page {page}/{pages}"),
    }
}

/// `匹配 i/n` — which search hit is current.
pub fn match_of(lang: Lang, current: Option<usize>, total: usize) -> String {
    let current = current.map_or_else(|| "-".to_string(), |i| (i + 1).to_string());
    match lang {
        Lang::Zh => format!("匹配 {current}/{total}"),
        Lang::En => format!("match {current}/{total}"),
    }
}

/// A status message about one article: `已收藏《title》`, `Bookmarked: title`.
pub fn about(lang: Lang, msg: Msg, title: &str) -> String {
    match lang {
        Lang::Zh => format!("{}《{title}》", msg.text(lang)),
        Lang::En => format!("{}: {title}", msg.text(lang)),
    }
}

/// `label：value` — a label and its value, as the header shows the filters: in Chinese the
/// full-width colon with no space (as the prompt's `搜索：`), in English `label: value`.
pub fn labelled(lang: Lang, label: Msg, value: &str) -> String {
    match lang {
        Lang::Zh => format!("{}：{value}", label.text(lang)),
        Lang::En => format!("{}: {value}", label.text(lang)),
    }
}

/// A status message cut to `room` columns. One that names an article in 《》 (see
/// [`about`]) keeps its closing 》: the title inside is cut instead, with `…`. Others are
/// cut at the end, with `…`.
pub fn fit_message(message: &str, room: usize, amb: AmbiguousWidth) -> String {
    if display_width(message, amb) <= room {
        return message.to_string();
    }
    if let Some(inner) = message.strip_suffix('》')
        && let Some(open) = inner.rfind('《')
    {
        let (head, title) = inner.split_at(open + '《'.len_utf8());
        let fixed = display_width(head, amb) + display_width("》", amb);
        // Room for at least `…` (two columns when ambiguous characters are wide).
        if room >= fixed + 2 {
            return format!("{head}{}》", cut_to_width(title, room - fixed, amb));
        }
    }
    cut_to_width(message, room, amb)
}

/// `1–18/40` — which lines of the help are shown, out of how many.
pub fn lines_of(first: usize, last: usize, total: usize) -> String {
    format!("{first}–{last}/{total}")
}

/// The line shown while the reader loads `what` (a path, shown sanitised by the caller).
pub fn loading(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("kanbao：正在载入 {what}…"),
        Lang::En => format!("kanbao: loading {what}…"),
    }
}

/// `第3版` / `page 3` — the page of the paper an article was on.
pub fn page_label(lang: Lang, page: u32) -> String {
    match lang {
        Lang::Zh => format!("第{page}版"),
        Lang::En => format!("page {page}"),
    }
}

/// `…/N 篇` — while a search runs, the count of its results is not known yet.
pub fn count_pending(lang: Lang, total: usize) -> String {
    format!("…/{total} {}", Msg::Articles.text(lang))
}

/// `N 篇` — how many articles there are; `n/N 篇` — how many of them the list holds while a
/// search or a district filter `narrows` it (even to all of them, so that the form does not
/// change with the answer).
pub fn count_of(lang: Lang, shown: usize, total: usize, narrows: bool) -> String {
    let unit = Msg::Articles.text(lang);
    if !narrows && shown == total {
        format!("{shown} {unit}")
    } else {
        format!("{shown}/{total} {unit}")
    }
}

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
            std::io::ErrorKind::PermissionDenied => format!("{}：没有权限", path.display()),
            _ => format!("{}：{source}", path.display()),
        },
        Error::Io { path, source } => format!("{}: {source}", path.display()),
        Error::Syntax { place: p, message } if zh => format!("{}：JSON 有误：{message}", place(p)),
        Error::Syntax { place: p, message } => format!("{}: {message}", place(p)),
        Error::Config { place: p, problem } => {
            let what = config_problem_text(problem, lang);
            if zh {
                format!("{}：配置文件有误：{what}", place(p))
            } else {
                format!("{}: in the config file: {what}", place(p))
            }
        }
        Error::NotUtf8 { place: p } if zh => format!(
            "{}：不是 UTF-8 编码；kanbao 只读 UTF-8（可用 iconv 转换）",
            place(p)
        ),
        Error::NotUtf8 { place: p } => format!(
            "{}: not UTF-8; kanbao reads UTF-8 only (convert with iconv)",
            place(p)
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
        Error::Unplaced { page, blocks } => {
            let lines: Vec<String> = blocks
                .iter()
                .map(|(n, start)| match lang {
                    Lang::Zh => format!("  第 {n} 块：{start}…"),
                    Lang::En => format!("  block {n}: {start}…"),
                })
                .collect();
            match lang {
                Lang::Zh => format!(
                    "{}：{} 块不属于任何文章，未写入结果：\n{}",
                    page.display(),
                    blocks.len(),
                    lines.join("\n")
                ),
                Lang::En => format!(
                    "{}: {} block(s) belong to no article and are missing from the output:\n{}",
                    page.display(),
                    blocks.len(),
                    lines.join("\n")
                ),
            }
        }
        Error::NoArticle { page } if zh => format!("{}：没有找到文章", page.display()),
        Error::NoArticle { page } => format!("{}: no article found", page.display()),
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
        Error::State(e @ (StateError::NotState { .. } | StateError::TooLarge { .. })) => {
            state_error_text(e, lang)
        }
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
        Error::Query(e) => query_error_text(e, lang),
        Error::StdoutClosed if zh => {
            "标准输出已关闭，结果无处可写；请把输出重定向到文件或管道".to_string()
        }
        Error::StdoutClosed => {
            "standard output is closed, so the output has nowhere to go; redirect it to a file \
             or a pipe"
                .to_string()
        }
        _ => load::error_text(error, lang),
    }
}

/// The path that [`Error::Io`] names for standard output.
pub const STDOUT: &str = "<stdout>";

/// Why a query is refused ([`QueryError`]), for the command line and the reader's prompt.
pub fn query_error_text(error: &QueryError, lang: Lang) -> String {
    match (error, lang) {
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
    match (parts.is_empty(), zh) {
        (true, true) => "没有文章".to_string(),
        (true, false) => "no article".to_string(),
        (false, true) => format!("没有符合条件的文章：{}", parts.join("；")),
        (false, false) => format!("no article matches: {}", parts.join("; ")),
    }
}

/// A warning about the state file (reading goes on), for stderr and the status bar.
pub fn warning_text(warning: &Warning, lang: Lang) -> String {
    match (warning, lang) {
        (
            Warning::MovedAside {
                path,
                moved_to,
                reason,
            },
            Lang::Zh,
        ) => format!(
            "无法读取状态文件 {}（{reason}）；已移到 {}，阅读记录从空开始",
            path.display(),
            moved_to.display()
        ),
        (
            Warning::MovedAside {
                path,
                moved_to,
                reason,
            },
            Lang::En,
        ) => format!(
            "state file {} could not be read ({reason}); moved it to {} and started with no \
             reading marks",
            path.display(),
            moved_to.display()
        ),
        (Warning::Unreadable { path, reason }, Lang::Zh) => format!(
            "无法读取状态文件 {}（{reason}）；本次的阅读记录不会保存",
            path.display()
        ),
        (Warning::Unreadable { path, reason }, Lang::En) => format!(
            "state file {} could not be read ({reason}); reading marks will not be saved this \
             session",
            path.display()
        ),
        (Warning::NewerVersion { path, version }, Lang::Zh) => format!(
            "状态文件 {} 是更新版本的 kanbao 写的（版本 {version}）；只读，改动不会保存",
            path.display()
        ),
        (Warning::NewerVersion { path, version }, Lang::En) => format!(
            "state file {} has version {version}, written by a newer kanbao; it is read only \
             and changes will not be saved",
            path.display()
        ),
        (Warning::NoDefaultPath, Lang::Zh) => {
            "找不到存放状态文件的文件夹（是否设置了 HOME？）；请用 --state PATH；阅读记录不会保存"
                .to_string()
        }
        (Warning::NoDefaultPath, Lang::En) => "no folder for the state file was found (is HOME \
                                                set?); use --state PATH; reading marks will not \
                                                be saved"
            .to_string(),
        (Warning::Damaged { path, reason }, Lang::Zh) => format!(
            "状态文件 {} 已损坏（{reason}）；未作改动，也没有从中读取阅读记录（阅读器下次启动时会把它移到一边）",
            path.display()
        ),
        (Warning::Damaged { path, reason }, Lang::En) => format!(
            "state file {} is damaged ({reason}); it was left as it is and no marks were read \
             from it (the reader moves it aside when it next starts)",
            path.display()
        ),
    }
}

/// Why saving the reading marks failed (the file on disk is the old one, whole); the
/// status bar puts [`Msg::SaveFailed`] before it.
pub fn state_error_text(error: &StateError, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match error {
        StateError::Io {
            action,
            path,
            source,
        } => format!("{action} {}: {source}", path.display()),
        StateError::Locked { lock } if zh => {
            format!("另一个 kanbao 占用着 {}；请稍后再试", lock.display())
        }
        StateError::Locked { lock } => {
            format!("another kanbao holds {}; try again later", lock.display())
        }
        StateError::NewerVersion { path, version } if zh => format!(
            "{} 已被更新版本的 kanbao 写过（版本 {version}），保持原样",
            path.display()
        ),
        StateError::NewerVersion { path, version } => format!(
            "{} now has version {version}, written by a newer kanbao; it is left as it is",
            path.display()
        ),
        StateError::Encode(e) => e.to_string(),
        StateError::NotState { path, found } if zh => format!(
            "{} 不是 kanbao 的状态文件（{}），kanbao 没有改动它；请用 --state 指定状态文件或一个新路径，\
             或用 --no-state",
            path.display(),
            match found {
                NotState::Folder => "是一个文件夹",
                NotState::Device => "是一个设备",
                NotState::Fifo => "是一个命名管道",
                NotState::Special => "是一个特殊文件",
                NotState::Empty => "是空文件",
                NotState::Content => "内容不是 kanbao 的阅读记录",
            }
        ),
        StateError::NotState { path, found } => format!(
            "{} is not a kanbao state file ({}); it was left as it is. Give --state a state \
             file or a new path, or use --no-state",
            path.display(),
            match found {
                NotState::Folder => "a folder",
                NotState::Device => "a device",
                NotState::Fifo => "a named pipe",
                NotState::Special => "a special file",
                NotState::Empty => "an empty file",
                NotState::Content => "its content is not kanbao's reading state",
            }
        ),
        StateError::TooLarge { path, limit } if zh => format!(
            "状态文件 {} 超过 kanbao 读取的上限 {limit} 字节，kanbao 没有读取或改动它；\
             请把它移走，或用 --state 指定另一个路径",
            path.display()
        ),
        StateError::TooLarge { path, limit } => format!(
            "state file {} is larger than the {limit} bytes kanbao reads; it was left as it \
             is. Move it away, or give --state another path",
            path.display()
        ),
    }
}

/// A failed save for the status bar: the reason first, then what was being done to which
/// file, so that a narrow bar cuts the path and not the reason.
pub fn save_failed_status(error: &StateError, lang: Lang) -> String {
    let prefix = Msg::SaveFailed.text(lang);
    match error {
        StateError::Io {
            action,
            path,
            source,
        } if lang == Lang::Zh => format!("{prefix}{source}（{action} {}）", path.display()),
        StateError::Io {
            action,
            path,
            source,
        } => format!("{prefix}{source} ({action} {})", path.display()),
        other => format!("{prefix}{}", state_error_text(other, lang)),
    }
}

/// The question the reader asks when the user quits and the marks could not be saved: the
/// keys first, so a narrow bar cuts the reason and not the choice.
pub fn quit_unsaved(error: &StateError, lang: Lang) -> String {
    let reason = match error {
        StateError::Io { source, .. } => source.to_string(),
        other => state_error_text(other, lang),
    };
    match lang {
        Lang::Zh => format!("阅读记录未保存 — r 重试  q 仍然退出  Esc 返回 — {reason}"),
        Lang::En => {
            format!("Reading marks not saved — r retry  q quit anyway  Esc back — {reason}")
        }
    }
}

/// The prompt's message when typed or pasted text went past the query's limit of `max`
/// characters and was cut there.
pub fn input_cut(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Zh => format!("搜索词过长，只保留前 {max} 个字符"),
        Lang::En => format!("search too long: kept the first {max} characters"),
    }
}

/// The reason a query longer than `max` characters is not searched.
pub fn query_too_long(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Zh => format!("搜索词超过 {max} 个字符，未搜索"),
        Lang::En => format!("search longer than {max} characters: not searched"),
    }
}

/// A note about the search index (`kanbao index`, or an indexed command), for stderr.
pub fn index_note(note: &crate::index::Note, lang: Lang) -> String {
    use crate::index::Note;
    match (note, lang) {
        (Note::Rebuilt { path, reason }, Lang::Zh) => {
            format!("{} 的索引已损坏（{reason}），正在重建", path.display())
        }
        (Note::Rebuilt { path, reason }, Lang::En) => format!(
            "the index of {} was damaged ({reason}); building it again",
            path.display()
        ),
        (Note::Unusable { reason }, Lang::Zh) => {
            format!("索引不可用（{reason}），改为读取整个归档")
        }
        (Note::Unusable { reason }, Lang::En) => {
            format!("the index cannot be used ({reason}); reading the whole archive instead")
        }
    }
}

/// One line of `kanbao index` progress: file `n` of `files`, articles, MB read, MB/s.
pub fn index_progress(
    lang: Lang,
    (n, files): (usize, usize),
    articles: u64,
    mb: f64,
    mb_per_s: f64,
) -> String {
    match lang {
        Lang::Zh => format!("索引 文件 {n}/{files}  {articles} 篇  {mb:.1} MB  {mb_per_s:.1} MB/s"),
        Lang::En => format!(
            "indexing file {n}/{files}  {articles} articles  {mb:.1} MB  {mb_per_s:.1} MB/s"
        ),
    }
}

/// The last line of `kanbao index`.
pub fn index_done(lang: Lang, report: &crate::index::Report, seconds: f64) -> String {
    let mb = report.bytes as f64 / 1e6;
    match lang {
        Lang::Zh => format!(
            "索引完成：{} 个文件（新建 {} 个），{} 篇，{mb:.1} MB，用时 {seconds:.1} 秒",
            report.files, report.built, report.articles
        ),
        Lang::En => format!(
            "index ready: {} files ({} built now), {} articles, {mb:.1} MB, {seconds:.1} s",
            report.files, report.built, report.articles
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrowed_list_always_counts_out_of_all() {
        assert_eq!(count_of(Lang::Zh, 7, 7, false), "7 篇");
        assert_eq!(count_of(Lang::Zh, 7, 7, true), "7/7 篇");
        assert_eq!(count_of(Lang::Zh, 2, 7, true), "2/7 篇");
    }

    #[test]
    fn chinese_labels_take_the_full_width_colon_with_no_space() {
        assert_eq!(labelled(Lang::Zh, Msg::District, "西城区"), "地区：西城区");
        assert_eq!(labelled(Lang::Zh, Msg::Search, "工会"), "搜索：工会");
        assert_eq!(labelled(Lang::En, Msg::Search, "union"), "search: union");
        // The prompt's label agrees with the header's.
        assert_eq!(
            Msg::PromptLabel.text(Lang::Zh),
            labelled(Lang::Zh, Msg::Search, "")
        );
    }

    #[test]
    fn a_cut_message_keeps_the_closing_bracket() {
        let n = AmbiguousWidth::Narrow;
        let msg = about(Lang::Zh, Msg::Unbookmarked, "大兴区天宫院街道“党工共建”");
        assert_eq!(fit_message(&msg, 80, n), msg);
        let cut = fit_message(&msg, 24, n);
        assert_eq!(cut, "已取消收藏《大兴区天…》");
        assert!(display_width(&cut, n) <= 24);
        for room in 0..40 {
            for amb in [n, AmbiguousWidth::Wide] {
                let cut = fit_message(&msg, room, amb);
                assert!(display_width(&cut, amb) <= room.max(2), "{room}: {cut}");
                if room >= 16 {
                    assert!(cut.ends_with('》'), "{room}: {cut}");
                }
            }
        }
        // English names the title last: cut at the end.
        let en = about(Lang::En, Msg::Unbookmarked, "A long title of an article");
        assert_eq!(fit_message(&en, 24, n), "Bookmark removed: A lon…");
    }
}
