//! Every user intent the reader understands. Keys, the mouse and pastes become `Action`s
//! (through `tui::keymap` and the core's key table, `keys`); `App::update` is the only thing that acts on them.

use crate::search::SearchHit;

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Select the next article in the list.
    MoveDown,
    /// Select the previous article in the list.
    MoveUp,
    /// Select the first article in the list.
    Top,
    /// Select the last article in the list.
    Bottom,
    /// Open the selected article in the reader (it becomes read).
    Open,
    /// Leave the reader for the list.
    Back,
    /// Reader: turn to the next page. List: move the selection down one screen of items.
    NextPage,
    /// Reader: turn to the previous page. List: move the selection up one screen of items.
    PrevPage,
    /// Reader: scroll half a page down. List: move the selection down half a screen.
    HalfPageDown,
    /// Reader: scroll half a page up. List: move the selection up half a screen.
    HalfPageUp,
    /// Reader: scroll one line down.
    LineDown,
    /// Reader: scroll one line up.
    LineUp,
    /// Reader: go to the first page.
    FirstPage,
    /// Reader: go to the last page.
    LastPage,
    /// Reader: open the next article in the list.
    NextArticle,
    /// Reader: open the previous article in the list.
    PrevArticle,
    /// Reader: scroll to the next search hit (wrapping round).
    NextMatch,
    /// Reader: scroll to the previous search hit (wrapping round).
    PrevMatch,
    /// Bookmark the current article, or remove its bookmark.
    ToggleBookmark,
    /// Mark the current article read or unread.
    ToggleRead,
    /// Open the search prompt, holding the current search.
    OpenSearch,
    /// Type text into the search prompt (a key or a whole paste); opens it if closed.
    SearchInput(String),
    /// Erase the character before the prompt's cursor, whatever its width.
    SearchBackspace,
    /// Erase everything before the prompt's cursor (`Ctrl-U`).
    SearchClearToStart,
    /// Erase the character after the prompt's cursor (`Delete`).
    SearchDelete,
    /// Erase everything from the prompt's cursor to the end (`Ctrl-K`).
    SearchClearToEnd,
    /// Erase the word before the prompt's cursor: spaces, then non-spaces (`Ctrl-W`).
    SearchDeleteWord,
    /// Move the prompt's cursor back over a word, by the rule of `Ctrl-W`.
    SearchWordLeft,
    /// Move the prompt's cursor forward over spaces, then non-spaces.
    SearchWordRight,
    /// Move the prompt's cursor to the start (`Ctrl-A`, `Home`).
    SearchHome,
    /// Move the prompt's cursor to the end (`Ctrl-E`, `End`).
    SearchEnd,
    /// Move the prompt's cursor one character left.
    SearchLeft,
    /// Move the prompt's cursor one character right.
    SearchRight,
    /// Close the prompt and keep its search.
    SearchAccept,
    /// Close the prompt and go back to the search held before it opened.
    SearchCancel,
    /// Open the district picker.
    OpenPicker,
    /// Switch the order of a search's results between best first and newest first.
    ToggleSort,
    /// Open the search prompt with `date:` added to the search, for a date or range.
    OpenDatePrompt,
    /// Open the timeline of the list.
    OpenTimeline,
    /// Picker: move down.
    PickerDown,
    /// Picker: move up.
    PickerUp,
    /// Picker: turn the district under the cursor on or off.
    PickerToggle,
    /// Picker: close it and filter by the districts that are on.
    PickerApply,
    /// Picker: close it and keep the filter as it was.
    PickerCancel,
    /// Clear the search and the district filter (nothing else).
    ClearFilters,
    /// Side by side: move the focus between list and reader.
    ToggleFocus,
    /// Show or hide the key help.
    Help,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Mouse click at this column and row.
    Click(u16, u16),
    /// Mouse wheel down with the pointer at this column and row: scroll the pane under
    /// the pointer (the list's selection, or the reader without taking the focus).
    ScrollDown(u16, u16),
    /// Mouse wheel up with the pointer at this column and row (see `ScrollDown`).
    ScrollUp(u16, u16),
    /// A search the app asked for has ended (see `app::SearchRequest`): its ranked hits.
    /// Only the answer to the latest request is used; older ones are dropped.
    SearchFinished {
        /// The request's generation.
        generation: u64,
        /// The matching articles, best first.
        hits: Vec<SearchHit>,
        /// Said of the articles it could not read, kept among `hits` unchecked (see
        /// `library::Found::unread`).
        unread: Option<String>,
    },
    /// The first answers of a search still running (a slow one over an indexed archive):
    /// shown while it goes on; its [`Action::SearchFinished`] follows.
    SearchPartial {
        /// The request's generation.
        generation: u64,
        /// The matching articles found so far, best first among them.
        hits: Vec<SearchHit>,
    },
    /// Redraw the whole screen (`Ctrl-L`): for a terminal left with stale cells.
    Redraw,
    /// Give the terminal back to the shell and stop until `fg` (`Ctrl-Z`). The terminal
    /// layer does it (the app never sees this action), or says why it cannot.
    Suspend,
    /// Leave kanbao.
    Quit,
    /// List side by side: turn the preview beside it to its next page (`Space`, as in
    /// `less`), the list keeping the focus. Otherwise as `NextPage`.
    PreviewNextPage,
    /// List side by side: turn the preview to its previous page (`b`). Otherwise as
    /// `PrevPage`.
    PreviewPrevPage,
    /// List: show only bookmarked articles, or all again (issue 14).
    FilterBookmarked,
    /// List: show only unread articles, or all again.
    FilterUnread,
    /// List: show only articles with a note, or all again.
    FilterNoted,
    /// List: show only the articles with the next tag in use (then all again).
    FilterTag,
    /// Copy the open (or selected) article to the terminal's clipboard (OSC 52).
    CopyArticle,
    /// Copy the open (or selected) article's citation.
    CopyCitation,
    /// Open the note editor on the open (or selected) article's note (issue 14).
    EditNote,
    /// Note editor: put a line break at the cursor.
    NoteNewline,
    /// Note editor: keep the note (an empty one clears it) and close.
    NoteSave,
    /// Note editor: close; with changes, ask first (a second `Esc` or `y` discards them).
    NoteCancel,
    /// Open the tag picker on the open (or selected) article (issue 14).
    OpenTags,
    /// Tag picker: put the typed tag on the article (or toggle the tag under the cursor).
    TagsAdd,
    /// Tag picker: close it.
    TagsClose,
    /// Write the list as shown (search and filters applied) to a new Markdown report in
    /// the current folder, and say where (issue 14).
    ExportList,
}
