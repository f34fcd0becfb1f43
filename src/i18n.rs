//! The interface's words, in Simplified Chinese (the default) and English: the language,
//! the [`Msg`] table (each message's Chinese and English on one line) and plain formatters.
//! A leaf: it imports nothing from the crate. The words of errors and warnings live beside
//! what they describe (`error::text`, `state::text`, `search::query_text`, `index::text`,
//! `config::text`), each importing [`Lang`] from here.

mod dates;
pub use dates::*;

mod conditions;
mod format;
pub use format::*;
mod note;
pub use note::*;
mod tags;
pub use tags::*;
mod prompt;
pub use prompt::*;
mod marks;
pub use marks::*;
mod suspend;
pub use suspend::*;
mod reading;
pub use reading::*;

pub use conditions::{Conditions, none_dated, nothing_matched};

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
    /// Status for `n`/`N` when the search has operators only (`kind:photo`): nothing to find.
    NoWordsToFind,
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
    /// On stderr after a panic that kept the list's place: how to start without it.
    KeptAtPanic,
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
    /// Title of the district picker counting the list's articles, not the whole data's.
    PickerTitleListed,
    /// Title of the district picker counting the list while a search runs (more to come).
    PickerTitleSoFar,
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
    /// Help: suspend to the shell (`Ctrl-Z`).
    HelpSuspend,
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
    /// Help: the search prompt, select the next result.
    HelpNextResult,
    /// Help: the search prompt, select the previous result.
    HelpPrevResult,
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
    HelpSort,
    HelpDatePrompt,
    HelpTimeline,
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
    /// Status-bar hint label: 清除筛选 / clear filters (the way out of a list the marks
    /// emptied).
    HintClear,
    /// Help: only bookmarked articles (issue 14).
    HelpOnlyBookmarked,
    /// Help: only unread articles.
    HelpOnlyUnread,
    /// Help: only articles with a note.
    HelpOnlyNoted,
    /// Help: only the articles with the next tag.
    HelpByTag,
    /// Help: copy the article.
    HelpCopy,
    /// Help: copy its citation.
    HelpCopyCitation,
    /// Quit question: 重试 / retry.
    HintRetry,
    /// Quit question: 仍然退出 / quit anyway.
    HintQuitAnyway,
    /// Help: open the note editor (issue 14).
    HelpEditNote,
    /// Help section: the note editor.
    CtxNote,
    /// Help: type or paste into the note.
    HelpNoteType,
    /// Help: a line break in the note.
    HelpNoteNewline,
    /// Help: save the note.
    HelpNoteSave,
    /// Help: leave the note editor.
    HelpNoteCancel,
    /// Help: the cursor a row up.
    HelpNoteUp,
    /// Help: the cursor a row down.
    HelpNoteDown,
    /// Note editor hint: 保存 / save.
    HintSave,
    /// Note editor hint: 换行 / new line.
    HintNewline,
    /// Help: open the tag picker (issue 14).
    HelpTags,
    /// Help section: the tag picker.
    CtxTags,
    /// Help: type a new tag.
    HelpTagType,
    /// Help: put the typed tag on (or toggle the tag under the cursor).
    HelpTagAdd,
    /// Help: close the tag picker.
    HelpTagClose,
    /// Tag picker hint: 新标签 / new tag.
    HintNewTag,
    /// Help: export the list as a report (issue 14).
    HelpExport,
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
            NoWordsToFind => [
                "这次搜索只有条件，没有要找的词",
                "this search has only conditions, no words to find",
            ],
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
            KeptAtPanic => [
                "已保存列表的位置；如果 kanbao 下次启动时又出错，可用 kanbao --fresh 从完整列表开始",
                "the list's place was kept; should kanbao fail again at its next start, kanbao \
                 --fresh starts with the whole list",
            ],
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
            PickerTitleListed => ["选择地区 · 当前结果", "Districts · in these results"],
            PickerTitleSoFar => [
                "选择地区 · 当前结果（搜索中…）",
                "Districts · in these results (searching…)",
            ],
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
            HelpSuspend => ["挂起（fg 恢复）", "suspend (fg to resume)"],
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
            HelpNextResult => ["选下一条结果", "select the next result"],
            HelpPrevResult => ["选上一条结果", "select the previous result"],
            HelpFirstPage => ["第一页", "first page"],
            HelpLastPage => ["最后一页", "last page"],
            HelpNextMatch => ["下一处匹配", "next match"],
            HelpPrevMatch => ["上一处匹配", "previous match"],
            HelpNextArticle => ["下一篇", "next article"],
            HelpPrevArticle => ["上一篇", "previous article"],
            HelpBookmark => ["收藏 / 取消", "bookmark on/off"],
            HelpRead => ["已读 / 未读", "read / unread"],
            HelpSort => ["搜索结果按相关度 / 从新到旧", "results best / newest first"],
            HelpDatePrompt => ["修改日期筛选（date:）", "edit the date filter (date:)"],
            HelpTimeline => ["时间线：Enter 设为日期筛选", "timeline; Enter sets date:"],
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
            HintClear => ["清除筛选", "clear filters"],
            HelpOnlyBookmarked => ["只看已收藏 / 全部", "only bookmarked / all"],
            HelpOnlyUnread => ["只看未读 / 全部", "only unread / all"],
            HelpOnlyNoted => ["只看有审读意见的 / 全部", "only with a note / all"],
            HelpByTag => ["按标签筛选（逐个切换）", "by tag (the next each time)"],
            HelpCopy => ["复制全文到剪贴板", "copy the article"],
            HelpCopyCitation => ["复制引文", "copy its citation"],
            HintRetry => ["重试", "retry"],
            HintQuitAnyway => ["仍然退出", "quit anyway"],
            HelpEditNote => ["写审读意见（或修改）", "write or edit the note"],
            CtxNote => ["审读意见编辑", "Note editor"],
            HelpNoteType => ["输入或粘贴文字", "type or paste text"],
            HelpNoteNewline => ["换行", "new line"],
            HelpNoteSave => [
                "保存审读意见（清空即删除）",
                "save the note (empty clears it)",
            ],
            HelpNoteCancel => ["取消（有修改时先问）", "cancel (asks if changed)"],
            HelpNoteUp => ["上一行", "row up"],
            HelpNoteDown => ["下一行", "row down"],
            HintSave => ["保存", "save"],
            HintNewline => ["换行", "new line"],
            HelpTags => ["加减标签（标签选择器）", "add or remove tags"],
            CtxTags => ["标签选择", "Tag picker"],
            HelpTagType => ["输入新标签（j k 也是字）", "type a new tag (j, k too)"],
            HelpTagAdd => [
                "加上输入的标签（或切换光标处的）",
                "add the typed tag (or toggle)",
            ],
            HelpTagClose => ["关闭", "close"],
            HintNewTag => ["加标签", "add tag"],
            HelpExport => ["把列表导出为报告（.md）", "export the list as a report"],
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
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
    fn english_counts_say_article_for_one() {
        assert_eq!(count_of(Lang::En, 1, 1, false), "1 article");
        assert_eq!(count_of(Lang::En, 0, 1, true), "0/1 article");
        assert_eq!(count_of(Lang::En, 1, 7, true), "1/7 articles");
        assert_eq!(count_of(Lang::En, 0, 0, false), "0 articles");
        assert_eq!(count_pending(Lang::En, 1), "…/1 article");
        assert_eq!(count_running(Lang::En, 1, 2), "1…/2 articles");
        assert_eq!(articles(Lang::En, 1), "1 article");
        assert_eq!(articles(Lang::Zh, 1), "1 篇");
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
}
