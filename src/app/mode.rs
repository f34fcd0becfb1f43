//! Which pane takes the keys, and what is open over the panes.

use super::{Context, NoteEditor, Picker, TagPicker, Timeline};

/// Which pane takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    List,
    /// The reader.
    Reader,
}

/// What is open over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Nothing: the panes take the keys.
    Normal,
    /// The search prompt; `before` is the search to go back to on `Esc`.
    Search {
        /// The search held when the prompt opened.
        before: String,
        /// Where typing goes: a byte offset into the query, on a grapheme boundary.
        cursor: usize,
        /// The kept query is selected, as a browser's find bar selects the last search:
        /// typing replaces it, a deletion clears it, a cursor move keeps it for editing.
        selected: bool,
        /// Where the selection starts; it ends at the cursor. 0 over a kept search (its
        /// words, before the date filter it keeps); the start of the date's value for the
        /// date key (see `dates`).
        from: usize,
    },
    /// The district picker.
    Picker(Picker),
    /// The timeline of the list (it takes the picker's keys).
    Timeline(Timeline),
    /// The key help, opened from `from`, scrolled like a pager.
    Help {
        /// The key table that applied when help opened.
        from: Context,
        /// The first help line shown.
        scroll: usize,
    },
    /// The note editor (issue 14).
    Note(NoteEditor),
    /// The tag picker (issue 14).
    Tags(TagPicker),
}
