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
    /// Shown when the list is empty, with how to clear the filters.
    NoArticles,
    /// Status when the search finds nothing in the article.
    NoMatches,
    /// Status for `n`/`N` when no search is active.
    NoSearch,
    /// Key hints in the list.
    ListHints,
    /// Key hints in the reader.
    ReaderHints,
    /// Key hints in the reader while a search is active.
    ReaderSearchHints,
    /// Status when `n` wrapped round to the first hit.
    WrappedToFirst,
    /// Status when `N` wrapped round to the last hit.
    WrappedToLast,
    /// Status when `]` is pressed on the last article.
    LastArticle,
    /// Status when `[` is pressed on the first article.
    FirstArticle,
    /// Key hints while the prompt is open.
    PromptHints,
    /// Key hints while the picker is open.
    PickerHints,
    /// Shown while a search of a large collection runs; the list still shows the last one.
    Searching,
    /// Key hints while help is open.
    HelpHints,
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
    /// Status bar hints in the list beside the preview: `Space` pages the preview.
    ListSideHints,
    /// Help: turn the preview beside the list to its next page.
    HelpPreviewNext,
    /// Help: turn the preview beside the list to its previous page.
    HelpPreviewPrev,
}

impl Msg {
    /// The text of this message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use Msg::*;
        match (self, lang) {
            (Unstated, Lang::Zh) => "未注明",
            (Unstated, Lang::En) => "not stated",
            (Reporter, Lang::Zh) => "记者",
            (Reporter, Lang::En) => "Reporter",
            (Correspondent, Lang::Zh) => "通讯员",
            (Correspondent, Lang::En) => "Correspondent",
            (KindNews, Lang::Zh) => "新闻",
            (KindNews, Lang::En) => "news",
            (KindPhoto, Lang::Zh) => "图片新闻",
            (KindPhoto, Lang::En) => "photo",
            (AppName, Lang::Zh) => "kanbao 看报",
            (AppName, Lang::En) => "kanbao",
            (Articles, Lang::Zh) => "篇",
            (Articles, Lang::En) => "articles",
            (District, Lang::Zh) => "地区",
            (District, Lang::En) => "district",
            (Search, Lang::Zh) => "搜索",
            (Search, Lang::En) => "search",
            (NoArticles, Lang::Zh) => "没有符合条件的文章（按 c 清除搜索和地区）",
            (NoArticles, Lang::En) => "No matching articles (c clears search and districts)",
            (NoMatches, Lang::Zh) => "无匹配",
            (NoMatches, Lang::En) => "no matches",
            (NoSearch, Lang::Zh) => "没有搜索，按 / 搜索",
            (NoSearch, Lang::En) => "No search: press / to search",
            (ListHints, Lang::Zh) => "? 帮助  / 搜索  d 地区  q 退出",
            (ListHints, Lang::En) => "? help  / search  d district  q quit",
            (ReaderHints, Lang::Zh) => "空格 翻页  ] 下一篇  q 返回",
            (ReaderHints, Lang::En) => "Space page  ] next  q back",
            (ReaderSearchHints, Lang::Zh) => "空格 翻页  n 下一处  q 返回",
            (ReaderSearchHints, Lang::En) => "Space page  n next hit  q back",
            (WrappedToFirst, Lang::Zh) => "已回到第一处",
            (WrappedToFirst, Lang::En) => "wrapped to the first hit",
            (WrappedToLast, Lang::Zh) => "已回到最后一处",
            (WrappedToLast, Lang::En) => "wrapped to the last hit",
            (LastArticle, Lang::Zh) => "已是最后一篇",
            (LastArticle, Lang::En) => "this is the last article",
            (FirstArticle, Lang::Zh) => "已是第一篇",
            (FirstArticle, Lang::En) => "this is the first article",
            (PromptHints, Lang::Zh) => "Enter 确定  Esc 取消",
            (PromptHints, Lang::En) => "Enter keep  Esc drop",
            (Searching, Lang::Zh) => "搜索中…",
            (Searching, Lang::En) => "searching…",
            (PickerHints, Lang::Zh) => "j k 移动  空格 选择  Enter 应用  Esc 取消",
            (PickerHints, Lang::En) => "j k move  Space toggle  Enter apply  Esc cancel",
            (HelpHints, Lang::Zh) => "j k 空格 滚动 q 关闭",
            (HelpHints, Lang::En) => "j k Space scroll q close",
            (Bookmarked, Lang::Zh) => "已收藏",
            (Bookmarked, Lang::En) => "Bookmarked",
            (Unbookmarked, Lang::Zh) => "已取消收藏",
            (Unbookmarked, Lang::En) => "Bookmark removed",
            (MarkedRead, Lang::Zh) => "已标为已读",
            (MarkedRead, Lang::En) => "Marked read",
            (MarkedUnread, Lang::Zh) => "已标为未读",
            (MarkedUnread, Lang::En) => "Marked unread",
            (Cleared, Lang::Zh) => "已清除搜索和筛选",
            (Cleared, Lang::En) => "Search and filters cleared",
            (SaveFailed, Lang::Zh) => "保存阅读记录失败：",
            (SaveFailed, Lang::En) => "Could not save reading state: ",
            (StateWarning, Lang::Zh) => "阅读记录：",
            (StateWarning, Lang::En) => "Reading state: ",
            (ConfigFile, Lang::Zh) => "配置文件",
            (ConfigFile, Lang::En) => "config file",
            (ConfigMissing, Lang::Zh) => "不存在",
            (ConfigMissing, Lang::En) => "not found",
            (ConfigDefaultPlace, Lang::Zh) => "默认位置",
            (ConfigDefaultPlace, Lang::En) => "default place",
            (OriginDefault, Lang::Zh) => "默认",
            (OriginDefault, Lang::En) => "default",
            (OriginFile, Lang::Zh) => "来自配置文件",
            (OriginFile, Lang::En) => "from the config file",
            (OriginEnv, Lang::Zh) => "来自环境变量",
            (OriginEnv, Lang::En) => "from the environment:",
            (OriginCommandLine, Lang::Zh) => "来自命令行",
            (OriginCommandLine, Lang::En) => "from the command line",
            (DataBundled, Lang::Zh) => "内置的一版",
            (DataBundled, Lang::En) => "the bundled page",
            (PromptLabel, Lang::Zh) => "搜索：",
            (PromptLabel, Lang::En) => "Search: ",
            (PickerTitle, Lang::Zh) => "选择地区",
            (PickerTitle, Lang::En) => "Districts",
            (HelpTitle, Lang::Zh) => "按键",
            (HelpTitle, Lang::En) => "Keys",
            (CtxAnywhere, Lang::Zh) => "任何地方",
            (CtxAnywhere, Lang::En) => "Anywhere",
            (CtxList, Lang::Zh) => "列表",
            (CtxList, Lang::En) => "List",
            (CtxReader, Lang::Zh) => "阅读",
            (CtxReader, Lang::En) => "Reader",
            (CtxSearch, Lang::Zh) => "搜索框",
            (CtxSearch, Lang::En) => "Search prompt",
            (CtxPicker, Lang::Zh) => "地区选择",
            (CtxPicker, Lang::En) => "District picker",
            (CtxHelp, Lang::Zh) => "帮助",
            (CtxHelp, Lang::En) => "Help",
            (HelpClose, Lang::Zh) => "关闭帮助",
            (HelpClose, Lang::En) => "close help",
            (HelpQuit, Lang::Zh) => "退出",
            (HelpQuit, Lang::En) => "quit",
            (HelpRedraw, Lang::Zh) => "重绘屏幕",
            (HelpRedraw, Lang::En) => "redraw the screen",
            (HelpClear, Lang::Zh) => "清除搜索和筛选",
            (HelpClear, Lang::En) => "clear search and filters",
            (HelpBack, Lang::Zh) => "返回列表",
            (HelpBack, Lang::En) => "back to the list",
            (HelpFocus, Lang::Zh) => "切换列表 / 阅读",
            (HelpFocus, Lang::En) => "focus list / reader",
            (HelpHelp, Lang::Zh) => "帮助",
            (HelpHelp, Lang::En) => "help",
            (HelpDown, Lang::Zh) => "下移",
            (HelpDown, Lang::En) => "down",
            (HelpUp, Lang::Zh) => "上移",
            (HelpUp, Lang::En) => "up",
            (HelpTop, Lang::Zh) => "到顶",
            (HelpTop, Lang::En) => "top",
            (HelpBottom, Lang::Zh) => "到底",
            (HelpBottom, Lang::En) => "bottom",
            (HelpOpen, Lang::Zh) => "打开",
            (HelpOpen, Lang::En) => "open",
            (HelpSearch, Lang::Zh) => "搜索",
            (HelpSearch, Lang::En) => "search",
            (HelpPicker, Lang::Zh) => "按地区筛选",
            (HelpPicker, Lang::En) => "filter by district",
            (HelpNextPage, Lang::Zh) => "下一页",
            (HelpNextPage, Lang::En) => "next page",
            (HelpPrevPage, Lang::Zh) => "上一页",
            (HelpPrevPage, Lang::En) => "previous page",
            (HelpNextScreen, Lang::Zh) => "下一屏",
            (HelpNextScreen, Lang::En) => "one screen down",
            (HelpPrevScreen, Lang::Zh) => "上一屏",
            (HelpPrevScreen, Lang::En) => "one screen up",
            (HelpHalfScreenDown, Lang::Zh) => "下移半屏",
            (HelpHalfScreenDown, Lang::En) => "half a screen down",
            (HelpHalfScreenUp, Lang::Zh) => "上移半屏",
            (HelpHalfScreenUp, Lang::En) => "half a screen up",
            (HelpHalfPageDown, Lang::Zh) => "下翻半页",
            (HelpHalfPageDown, Lang::En) => "half a page down",
            (HelpHalfPageUp, Lang::Zh) => "上翻半页",
            (HelpHalfPageUp, Lang::En) => "half a page up",
            (HelpLineDown, Lang::Zh) => "下一行",
            (HelpLineDown, Lang::En) => "line down",
            (HelpLineUp, Lang::Zh) => "上一行",
            (HelpLineUp, Lang::En) => "line up",
            (HelpFirstPage, Lang::Zh) => "第一页",
            (HelpFirstPage, Lang::En) => "first page",
            (HelpLastPage, Lang::Zh) => "最后一页",
            (HelpLastPage, Lang::En) => "last page",
            (HelpNextMatch, Lang::Zh) => "下一处匹配",
            (HelpNextMatch, Lang::En) => "next match",
            (HelpPrevMatch, Lang::Zh) => "上一处匹配",
            (HelpPrevMatch, Lang::En) => "previous match",
            (HelpNextArticle, Lang::Zh) => "下一篇",
            (HelpNextArticle, Lang::En) => "next article",
            (HelpPrevArticle, Lang::Zh) => "上一篇",
            (HelpPrevArticle, Lang::En) => "previous article",
            (HelpBookmark, Lang::Zh) => "收藏 / 取消",
            (HelpBookmark, Lang::En) => "bookmark on/off",
            (HelpRead, Lang::Zh) => "已读 / 未读",
            (HelpRead, Lang::En) => "read / unread",
            (HelpType, Lang::Zh) => "输入文字",
            (HelpType, Lang::En) => "type to search",
            (HelpErase, Lang::Zh) => "删除一个字",
            (HelpErase, Lang::En) => "erase one character",
            (HelpEraseNext, Lang::Zh) => "删除后一个字",
            (HelpEraseNext, Lang::En) => "erase the character after",
            (HelpEraseToEnd, Lang::Zh) => "删除光标后全部",
            (HelpEraseToEnd, Lang::En) => "erase to the end",
            (HelpWordLeft, Lang::Zh) => "光标左移一个词",
            (HelpWordLeft, Lang::En) => "cursor a word left",
            (HelpWordRight, Lang::Zh) => "光标右移一个词",
            (HelpWordRight, Lang::En) => "cursor a word right",
            (HelpEraseWord, Lang::Zh) => "删除前一个词",
            (HelpEraseWord, Lang::En) => "erase the word before",
            (HelpEraseToStart, Lang::Zh) => "删除光标前全部",
            (HelpEraseToStart, Lang::En) => "erase to the start",
            (HelpCursorLeft, Lang::Zh) => "光标左移",
            (HelpCursorLeft, Lang::En) => "cursor left",
            (HelpCursorRight, Lang::Zh) => "光标右移",
            (HelpCursorRight, Lang::En) => "cursor right",
            (HelpCursorHome, Lang::Zh) => "光标到开头",
            (HelpCursorHome, Lang::En) => "cursor to the start",
            (HelpCursorEnd, Lang::Zh) => "光标到结尾",
            (HelpCursorEnd, Lang::En) => "cursor to the end",
            (HelpAccept, Lang::Zh) => "确定",
            (HelpAccept, Lang::En) => "keep",
            (HelpCancel, Lang::Zh) => "取消",
            (HelpCancel, Lang::En) => "drop",
            (HelpToggle, Lang::Zh) => "选中 / 取消",
            (HelpToggle, Lang::En) => "toggle",
            (HelpApply, Lang::Zh) => "应用",
            (HelpApply, Lang::En) => "apply",
            (KeySpace, Lang::Zh) => "空格",
            (KeySpace, Lang::En) => "Space",
            (KeyText, Lang::Zh) => "文字",
            (KeyText, Lang::En) => "text",
            (CtxMouse, Lang::Zh) => "鼠标（--mouse）",
            (CtxMouse, Lang::En) => "Mouse (--mouse)",
            (KeyWheel, Lang::Zh) => "滚轮",
            (KeyWheel, Lang::En) => "wheel",
            (KeyClick, Lang::Zh) => "单击",
            (KeyClick, Lang::En) => "click",
            (HelpWheel, Lang::Zh) => "滚动指针下的列表、正文、地区选择或帮助",
            (HelpWheel, Lang::En) => "scroll the list, reader, picker or help under the pointer",
            (HelpClick, Lang::Zh) => "选中文章，再点一次打开；在地区选择中勾选",
            (HelpClick, Lang::En) => {
                "select an article, again to open; tick a district in the picker"
            }
            (NoText, Lang::Zh) => "（本文无正文）",
            (NoText, Lang::En) => "(no text)",
            (Untitled, Lang::Zh) => "（无标题）",
            (Untitled, Lang::En) => "(untitled)",
            (ListSideHints, Lang::Zh) => "空格 预览翻页  ? 帮助  / 搜索  d 地区  q 退出",
            (ListSideHints, Lang::En) => "Space page preview  ? help  / search  d district  q quit",
            (HelpPreviewNext, Lang::Zh) => "预览下一页",
            (HelpPreviewNext, Lang::En) => "next page of the preview",
            (HelpPreviewPrev, Lang::Zh) => "预览上一页",
            (HelpPreviewPrev, Lang::En) => "previous page of the preview",
        }
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
