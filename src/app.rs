//! The reader's state machine: everything the reader knows, and `App::update`, the one
//! place that changes it. No terminal here; the tests drive it with `Action`s.

mod accessors;
mod answers;
mod copy;
mod dates;
mod districts;
mod geometry;
mod help;
mod hints;
mod line_editor;
mod list;
mod mark_filter;
mod marks;
mod mode;
mod mouse;
mod normal;
mod note;
mod note_text;
mod options;
mod picker;
mod preview;
mod prompt;
mod reader;
mod reload;
mod report;
mod saving;
mod search_job;
mod session;
mod size;
mod spacing;
mod suspend;
mod tags;
mod timeline;

pub use crate::keys::Context;
pub use copy::MAX_COPY_BYTES;
pub use geometry::{
    Area, Geometry, HELP_WIDTH, MAX_MEASURE, Overlay, Panel, ROWS_PER_ITEM, SIDE_BY_SIDE_MIN,
};
pub use help::{HelpLayout, HelpRow};
pub use line_editor::MAX_QUERY_CHARS;
pub use mark_filter::MarkFilter;
pub use mode::{Focus, Mode};
pub use note::{NoteEditor, NoteLayout, NoteView, note_layout};
pub use note_text::Row as NoteRow;
pub use options::{Effects, Options};
pub use picker::{Picker, PickerCounts, PickerLayout};
pub use reader::{Hit, Reader};
pub use report::MOST_EXPORTED;
pub use saving::QuitAnswer;
pub use search_job::{IndexCell, SearchRequest, Searcher};
pub use tags::TagPicker;
pub use timeline::Timeline;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::action::Action;
use crate::article::Article;
use crate::collection::Collection;
use crate::filter::Filter;
use crate::i18n::{self, Lang, Msg};
use crate::layout::{AmbiguousWidth, Clusters, LayoutOptions, Widths, cut_to_width, sanitize};
use crate::search::{Query, SearchIndex};
use crate::state::{SharedStore, StateStore};

use prompt::BeforeSearch;

/// Collections of at least this many articles are searched off the UI thread (see
/// [`SearchRequest`]); smaller ones are searched inside [`App::update`], which takes well
/// under a millisecond at that size and keeps the list in step with every key.
pub const BACKGROUND_SEARCH_MIN: usize = 20_000;

/// Queries of more terms than this are searched off the UI thread whatever the collection's
/// size: each term costs a pass over the collection, and a pasted paragraph holds hundreds,
/// so searching it inside [`App::update`] would hold up every key typed after it.
pub const BACKGROUND_SEARCH_TERMS: usize = 8;

/// All the reader's state.
pub struct App {
    collection: Arc<Collection>,
    index: IndexCell,
    /// The latest search's answer as article positions, best first (every article, in
    /// order, for an empty query); the list is this, filtered by district.
    order: Vec<usize>,
    /// Numbers the searches asked for; only the answer to the latest is used.
    generation: u64,
    /// A background search asked for and not yet taken by the loop.
    request: Option<SearchRequest>,
    /// True from a background search's request until its answer arrives.
    searching: bool,
    /// True while the list holds a running search's answers found so far (a partial list).
    partial: bool,
    /// `G` while a search runs: the last row stays selected as rows come, until the search
    /// ends or another key is pressed (see `go_to_end`).
    to_end: bool,
    /// What the latest search's answer could not read (`library::Found::unread`).
    unread: Option<String>,
    /// Shared with the terminal's signal and panic handlers, which save it on the way out.
    store: SharedStore,
    unsaved: bool,
    /// Saving state: the background save under way, the last failure, the quit question.
    saving: saving::Saving,
    /// The state file read in the background after another process changed it.
    reloading: Option<crate::state::ReloadHandle>,
    opts: Options,
    /// The mark filters (bookmarked, unread, noted, tag) over the list.
    marks: MarkFilter,
    /// Text a copy put up for the loop to send to the terminal's clipboard.
    clipboard: Option<String>,
    query: Query,
    /// Why the query as typed is not searched (see [`line_editor::check`]): the list stays
    /// that of the last query searched, and the prompt line says why.
    query_error: Option<String>,
    /// The text of `query`, the query last searched: what the header names while the
    /// query typed is refused (the list is still this one's).
    searched: String,
    /// True when the reader's hits are not yet those of the query: a query of many terms
    /// is found in the article once the prompt closes, not at every key.
    find_stale: bool,
    view: Vec<usize>,
    /// What emptied the list, when it is empty: the status bar offers the way out (see
    /// `hints::Emptied`).
    emptied: hints::Emptied,
    selected: usize,
    list_top: usize,
    /// The list's first row before a run of resizes: each resize scrolls from it, so a
    /// screen made tiny and then big again shows the list as it was, not scrolled to the
    /// selection. Any other action ends the run.
    resize_top: Option<usize>,
    focus: Focus,
    mode: Mode,
    reader: Option<Reader>,
    /// Set while the search prompt is open: what `Esc` restores.
    before_search: Option<BeforeSearch>,
    /// True from the prompt's `Enter` until its search has answered and been applied
    /// (at once for a small collection): the reader is held as it was until then.
    accept_pending: bool,
    /// True when the query was edited since the list was last built: the next list
    /// selects the first (best) result, fzf-style, instead of keeping the article.
    to_top: bool,
    /// The article a search's partial answer selected as its best; while the user leaves
    /// it selected and presses no key, the next answer selects its own best (see
    /// `search_partial`).
    partial_pick: Option<usize>,
    /// The selected article of a kept session, selected once its search has answered.
    restore_pick: Option<String>,
    /// A search's results newest first instead of best first (`o`).
    by_date: bool,
    size: (u16, u16),
    status: Option<String>,
    /// True once `Ctrl-L` asked for the whole screen to be drawn again (handed to the
    /// loop by `update` as `Effects::repaint`).
    redraw: bool,
    quit: bool,
}

impl App {
    /// A reader over `collection`, with `warnings` to show first.
    pub fn new(
        collection: Collection,
        store: StateStore,
        mut warnings: Vec<String>,
        mut opts: Options,
    ) -> App {
        let kept = App::kept_session(&store, &mut opts, &mut warnings);
        dates::into_query(&mut opts);
        let collection = Arc::new(collection);
        let (query, query_error, searched) = match line_editor::check(&opts.query, opts.lang) {
            Ok(query) => (query, None, opts.query.clone()),
            Err(why) => (Query::parse(""), Some(why), String::new()),
        };
        let index = IndexCell::build(&collection, collection.len() >= BACKGROUND_SEARCH_MIN);
        let mut app = App {
            collection,
            index,
            order: Vec::new(),
            generation: 0,
            request: None,
            searching: false,
            partial: false,
            to_end: false,
            unread: None,
            store: Arc::new(Mutex::new(store)),
            unsaved: false,
            saving: saving::Saving::default(),
            reloading: None,
            query,
            query_error,
            searched,
            find_stale: false,
            opts,
            marks: MarkFilter::default(),
            clipboard: None,
            view: Vec::new(),
            emptied: hints::Emptied::Not,
            selected: 0,
            list_top: 0,
            resize_top: None,
            focus: Focus::List,
            mode: Mode::Normal,
            reader: None,
            before_search: None,
            accept_pending: false,
            to_top: false,
            partial_pick: None,
            restore_pick: None,
            by_date: false,
            size: (80, 24),
            status: (!warnings.is_empty()).then(|| warnings.join("; ")),
            redraw: false,
            quit: false,
        };
        app.search();
        if let Some(session) = kept {
            app.resume(session);
        }
        app
    }

    /// Acts on one user intent, and says what the event loop must do about it.
    pub fn update(&mut self, action: Action) -> Effects {
        if !matches!(action, Action::Resize(..)) {
            self.resize_top = None;
        }
        self.act(action);
        if self.find_stale && !matches!(self.mode, Mode::Search { .. }) {
            self.find_in_reader();
        }
        if self.accept_pending && !self.searching && !matches!(self.mode, Mode::Search { .. }) {
            self.commit_search();
        }
        self.sync_reader();
        self.stage_session();
        self.say_trouble();
        Effects {
            search: self.request.take(),
            repaint: std::mem::take(&mut self.redraw),
        }
    }

    fn act(&mut self, action: Action) {
        match action {
            // Ctrl-C in the note editor with unsaved changes asks first, as Esc does; a
            // second Ctrl-C quits without them.
            Action::Quit if matches!(&self.mode, Mode::Note(e) if e.changed() && !e.asking()) => {
                if let Mode::Note(editor) = self.mode.clone() {
                    self.note(Action::NoteCancel, editor);
                }
            }
            Action::Quit => {
                self.remember_session();
                self.quit = true;
            }
            // Changes nothing else: the prompt, picker or help stays open as it was.
            Action::Redraw => self.redraw = true,
            Action::Resize(w, h) => self.resize(w, h),
            Action::SearchFinished {
                generation,
                hits,
                unread,
            } => self.search_finished(generation, hits, unread),
            Action::SearchPartial { generation, hits } => self.search_partial(generation, hits),
            action => {
                self.status = None;
                // A key other than `G` is the user's own move: the list stops following.
                self.to_end &= action == Action::Bottom;
                // Any key outside the prompt (`Enter` opening the best so far, `m` on it)
                // acts on the selected article: a running search's next answer keeps it
                // selected instead of selecting its own best (see `follow_best`).
                if !matches!(self.mode, Mode::Search { .. }) {
                    self.partial_pick = None;
                }
                match self.mode.clone() {
                    Mode::Normal => self.normal(action),
                    Mode::Search { .. } => self.in_prompt(action),
                    Mode::Picker(picker) => self.picker(action, picker),
                    Mode::Help { from, scroll } => self.help(action, from, scroll),
                    Mode::Timeline(t) => self.timeline(action, t),
                    Mode::Note(editor) => self.note(action, editor),
                    Mode::Tags(picker) => self.tags(action, picker),
                }
            }
        }
    }

    /// True from `Enter` in the prompt until that search has answered: the list is about to
    /// change, so keys typed meanwhile (a second `Enter`, `j`) are meant for the new list and
    /// the loop leaves them queued until it has.
    pub fn awaits_kept_search(&self) -> bool {
        self.accept_pending && self.searching
    }

    fn msg(&self, msg: Msg) -> &'static str {
        msg.text(self.opts.lang)
    }
}
