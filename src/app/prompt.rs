//! The search prompt and the searches it starts: opening it (remembering what `Esc` goes
//! back to), editing its line (see [`super::line_editor`]), keeping or dropping
//! its search, and running searches at once or in the background.

use crate::action::Action;
use crate::app::line_editor::{self, Edit, MAX_QUERY_CHARS};
use crate::i18n;
use crate::search::Query;

use super::{
    App, BACKGROUND_SEARCH_MIN, BACKGROUND_SEARCH_TERMS, Focus, Mode, Reader, SearchRequest,
};

/// What `Esc` in the search prompt goes back to: the list and the reader as they were
/// when the prompt opened.
#[derive(Debug, Clone)]
pub(super) struct BeforeSearch {
    pub(super) order: Vec<usize>,
    pub(super) view: Vec<usize>,
    pub(super) selected: usize,
    pub(super) list_top: usize,
    pub(super) focus: Focus,
    pub(super) reader: Option<Reader>,
    pub(super) searching: bool,
    /// Marks another process saved were taken in while the prompt was open: the list
    /// given back is filtered again (`App::refilter`).
    pub(super) marks_changed: bool,
}

impl App {
    /// Opens the search prompt, remembering the list and the reader for `Esc`. A kept
    /// search is selected, so that typing starts a new one; its date filter stays out of
    /// the selection, after it (see [`super::dates::kept_words`]), so that a new search
    /// keeps the dates as it keeps the districts.
    pub(super) fn open_prompt(&mut self) {
        self.before_search = Some(BeforeSearch {
            order: self.order.clone(),
            view: self.view.clone(),
            selected: self.selected,
            list_top: self.list_top,
            focus: self.focus,
            reader: self.reader.clone(),
            searching: self.searching,
            marks_changed: false,
        });
        let before = self.opts.query.clone();
        let (text, cursor) = super::dates::kept_words(&before, self.query_error.is_none());
        self.opts.query = text;
        self.mode = Mode::Search {
            before,
            cursor,
            selected: cursor > 0,
            from: 0,
        };
    }

    /// An action while the prompt is open (see [`App::prompt`]).
    pub(super) fn in_prompt(&mut self, action: Action) {
        if let Mode::Search {
            before,
            cursor,
            selected,
            from,
        } = self.mode.clone()
        {
            self.prompt(action, before, cursor, selected.then_some(from));
        }
    }

    /// `Esc` in the prompt: the query, the list, its selection, the focus and the open
    /// article at its place, all as they were before `/`.
    pub(super) fn cancel_search(&mut self, before: String) {
        self.mode = Mode::Normal;
        // The reader comes back as it was, with the hits of the query it goes back to.
        self.find_stale = false;
        let Some(saved) = self.before_search.take() else {
            self.set_query(before);
            return;
        };
        (self.query, self.query_error) = match line_editor::check(&before, self.opts.lang) {
            Ok(query) => (query, None),
            Err(why) => (Query::parse(""), Some(why)),
        };
        self.opts.query = before;
        // Any search the prompt started is no longer wanted.
        self.generation += 1;
        self.request = None;
        self.searching = false;
        self.partial = false;
        self.unread = None;
        self.to_top = false;
        self.order = saved.order;
        self.view = saved.view;
        self.emptied = self.what_emptied();
        self.selected = saved.selected;
        self.list_top = saved.list_top;
        self.focus = saved.focus;
        self.reader = saved.reader;
        if saved.marks_changed {
            // The list saved at `/` is from before marks taken in behind the prompt.
            self.filter_marks_again();
        }
        if saved.searching {
            // The prompt opened before the search it replaced had answered: ask again
            // (the answer keeps the selected article).
            self.search();
        }
        // The terminal may have been resized behind the prompt.
        self.resize(self.size.0, self.size.1);
    }

    /// Applies a search the prompt kept, once its answer is in: an open article that is
    /// among the results stays open where it was; one that is not closes (one pane at a
    /// time) or gives way to the selection (side by side).
    pub(super) fn commit_search(&mut self) {
        self.accept_pending = false;
        // What it could not read is said once the prompt has closed.
        if self.unread.is_some() {
            self.status.clone_from(&self.unread);
        }
        let open = match (&self.reader, self.focus) {
            (Some(reader), Focus::Reader) => reader.article,
            // Nothing open: side by side, the preview follows the selection.
            _ => return,
        };
        match self.view.iter().position(|&i| i == open) {
            Some(at) => {
                self.select(at);
                // Like `less`: to the first hit at or below the top line, else the first.
                if self.reader.as_ref().is_some_and(|r| r.hit_count().1 > 0) {
                    let rows = self.rows();
                    self.scroll(|r| {
                        r.first_hit_from_top(rows);
                    });
                }
            }
            None => self.focus = Focus::List,
        }
    }

    /// The prompt edits like a shell's line (see [`line_editor::apply`]). While part of the
    /// query is selected, from `selected` to the cursor (see [`Mode::Search`]), typing or
    /// pasting replaces it, any deletion clears it, and an arrow goes to its start or end.
    /// Text past [`MAX_QUERY_CHARS`] is cut, and the prompt says so.
    pub(super) fn prompt(
        &mut self,
        action: Action,
        before: String,
        cursor: usize,
        selected: Option<usize>,
    ) {
        let mode = |before: String, cursor: usize, selected: Option<usize>| Mode::Search {
            before,
            cursor,
            selected: selected.is_some(),
            from: selected.unwrap_or(0),
        };
        // While typing, an operator with no value yet searches what is before it; `Enter`
        // refuses it, as the command line does.
        if action == Action::SearchAccept && self.query_error.is_none() {
            self.query_error = line_editor::check_kept(&self.opts.query, self.opts.lang).err();
        }
        match action {
            // A query the search refuses cannot be kept: the prompt stays, saying why.
            Action::SearchAccept if self.query_error.is_some() => {
                self.mode = mode(before, cursor, selected);
                return;
            }
            Action::SearchAccept => {
                // The space `/` leaves before a date alone (see `dates::kept_words`).
                if self.opts.query.starts_with(' ') {
                    self.opts.query = self.opts.query.trim_start().to_string();
                }
                self.mode = Mode::Normal;
                self.before_search = None;
                self.accept_pending = true;
                return;
            }
            Action::SearchCancel => {
                self.cancel_search(before);
                return;
            }
            // As in fzf, `↓` `↑` (`Ctrl-N` `Ctrl-P`) pick a result while the query is typed;
            // the query, its cursor and its selection stay as they are. The pick is the
            // user's: answers still to come keep it selected (`to_top`, `partial_pick`).
            Action::MoveDown | Action::MoveUp => {
                let at = match action {
                    Action::MoveDown => self.selected.saturating_add(1),
                    _ => self.selected.saturating_sub(1),
                };
                self.select(at);
                self.to_top = false;
                self.partial_pick = None;
                self.mode = mode(before, cursor, selected);
                return;
            }
            _ => {}
        }
        let edits = matches!(
            action,
            Action::SearchInput(_)
                | Action::SearchBackspace
                | Action::SearchClearToStart
                | Action::SearchDeleteWord
                | Action::SearchDelete
                | Action::SearchClearToEnd
        );
        // Typing over a selection starts from where it was; a deletion only takes it out.
        let text = &self.opts.query;
        let from = selected
            .map(|f| f.min(cursor))
            .filter(|&f| text.is_char_boundary(f) && text.is_char_boundary(cursor));
        let replace = from.filter(|_| edits);
        let replaced = replace.map(|from| {
            let old = self.opts.query.clone();
            self.opts.query.replace_range(from..cursor, "");
            old
        });
        let mut cursor = replace.unwrap_or(cursor);
        let edit = match (&action, from) {
            (Action::SearchInput(_), _) => {
                line_editor::apply(&mut self.opts.query, &mut cursor, &action)
            }
            _ if replace.is_some() => Edit::Moved,
            // As in a text field, an arrow over a selection goes to its start or its end.
            (Action::SearchLeft, Some(from)) => {
                cursor = from;
                Edit::Moved
            }
            (Action::SearchRight, Some(_)) => Edit::Moved,
            _ => line_editor::apply(&mut self.opts.query, &mut cursor, &action),
        };
        if edit == Edit::Ignored {
            // Keys that neither edit nor move leave the selection as it is.
            self.mode = mode(before, cursor, selected);
            return;
        }
        self.mode = mode(before, cursor, None);
        let changed = match replaced {
            Some(old) => old != self.opts.query,
            None => matches!(edit, Edit::Changed { .. }),
        };
        if changed {
            self.to_top = true;
            self.query_changed();
        }
        if matches!(edit, Edit::Changed { cut: true } | Edit::Full) {
            self.status = Some(i18n::input_cut(self.opts.lang, MAX_QUERY_CHARS));
        }
    }

    pub(super) fn set_query(&mut self, text: String) {
        self.opts.query = text;
        self.query_changed();
    }

    /// Parses the query as typed and searches for it; a query the search refuses leaves the
    /// list as it was, and the reason in [`App::query_error`].
    pub(super) fn query_changed(&mut self) {
        match line_editor::check(&self.opts.query, self.opts.lang) {
            Ok(query) => {
                self.query = query;
                self.query_error = None;
                self.searched.clone_from(&self.opts.query);
            }
            Err(why) => {
                self.query_error = Some(why);
                return;
            }
        }
        self.search();
        // Finding a query of many terms in a long article takes seconds (each term is a pass
        // over it); while the prompt is open that would hold up every key, so it waits until
        // the prompt closes (`App::update`).
        self.find_stale = matches!(self.mode, Mode::Search { .. })
            && self.query.terms().len() > BACKGROUND_SEARCH_TERMS;
        if !self.find_stale {
            self.find_in_reader();
        }
    }

    /// Finds the query's hits in the article in the reader.
    pub(super) fn find_in_reader(&mut self) {
        self.find_stale = false;
        if let Some(reader) = &mut self.reader
            && let Some(article) = self.collection.get(reader.article)
        {
            reader.find(article, &self.query);
        }
    }

    /// Starts the search for the current query: at once for an empty query or a small
    /// collection, as a [`SearchRequest`] for a large one or a query of many terms (the
    /// list keeps the previous answer until [`Action::SearchFinished`] brings the new one).
    pub(super) fn search(&mut self) {
        self.generation += 1;
        self.partial_pick = None;
        self.request = None;
        self.searching = false;
        self.partial = false;
        self.to_end = false;
        self.unread = None;
        let articles = self.collection.len();
        // Read through an index, operators are applied by the search too: the list never
        // reads every article.
        let indexed = self.collection.library().is_some();
        if self.query.is_empty() && (!indexed || self.query.ops().admits_all()) {
            self.order = (0..articles).collect();
        } else if articles >= BACKGROUND_SEARCH_MIN
            || self.query.terms().len() > BACKGROUND_SEARCH_TERMS
            || indexed
        {
            self.request = Some(SearchRequest {
                generation: self.generation,
                query: self.query.clone(),
            });
            self.searching = true;
            return;
        } else {
            self.order = self
                .index
                .wait()
                .search(&self.query)
                .into_iter()
                .map(|h| h.index)
                .collect();
        }
        self.rebuild_view();
    }
}
