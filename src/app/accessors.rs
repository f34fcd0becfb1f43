//! What the views and the event loop read of the App.

use super::*;

/// What the views read.
impl App {
    /// The screen's parts at the current size.
    pub fn geometry(&self) -> Geometry {
        let reader_shown = self.focus == Focus::Reader && self.reader.is_some();
        Geometry::new(self.size.0, self.size.1, reader_shown)
    }

    /// The name of the first key that does `action` in `context` (the user's bindings
    /// taken into account), for messages that tell which key to press.
    pub fn key_for(&self, context: Context, action: &Action) -> String {
        crate::keys::keys_for(context, action)
            .first()
            .map(|k| crate::keys::key_label(*k, self.lang()))
            .unwrap_or_default()
    }

    /// Where the district picker is on the screen, while it is open: the box the view
    /// draws and the rows a click selects, from the same numbers.
    pub fn picker_layout(&self) -> Option<PickerLayout> {
        match &self.mode {
            Mode::Picker(picker) => Some(self.layout_picker(picker)),
            _ => None,
        }
    }

    /// Which key table applies.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Search { .. } => Context::Search,
            Mode::Picker(_) | Mode::Timeline(_) => Context::Picker,
            Mode::Help { .. } => Context::Help,
            Mode::Note(_) => Context::Note,
            Mode::Tags(_) => Context::Tags,
            Mode::Normal if self.focus == Focus::Reader && self.reader.is_some() => Context::Reader,
            Mode::Normal => Context::List,
        }
    }

    /// The collection.
    pub fn collection(&self) -> &Collection {
        &self.collection
    }

    /// The articles in the list, as indices into the collection, in list order.
    pub fn view(&self) -> &[usize] {
        &self.view
    }

    /// Position of the selection in the list.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The selected article.
    pub fn selected_article(&self) -> Option<&Article> {
        self.view
            .get(self.selected)
            .and_then(|&i| self.collection.get(i))
    }

    /// The first list item shown.
    pub fn list_top(&self) -> usize {
        self.list_top
    }

    /// Which pane has the focus.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// What is open over the panes.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The open article, if any.
    pub fn reader(&self) -> Option<&Reader> {
        self.reader.as_ref()
    }

    /// The search as typed.
    pub fn query_text(&self) -> &str {
        &self.opts.query
    }

    /// The search the list answers: the query typed, or while that is refused
    /// ([`query_error`](Self::query_error)) the one last searched, whose list is still shown.
    pub fn listed_query(&self) -> &str {
        if self.query_error.is_some() {
            &self.searched
        } else {
            &self.opts.query
        }
    }

    /// The parsed search.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Why the search as typed is refused, if it is: the list is that of the last search
    /// run, and the prompt line (or the status bar) shows this.
    pub fn query_error(&self) -> Option<&str> {
        self.query_error.as_deref()
    }

    /// True while a background search for the current query is running: the list still
    /// shows the previous answer.
    pub fn is_searching(&self) -> bool {
        self.searching
    }

    /// Whether a search's results are listed newest first (`o`) instead of best first.
    pub fn sorted_by_date(&self) -> bool {
        self.by_date
    }

    /// The filter (districts, dates).
    pub fn filter(&self) -> &Filter {
        &self.opts.filter
    }

    /// The message for the status bar, if any.
    pub fn status(&self) -> Option<&str> {
        // A failed save stays in view until a save succeeds.
        (self.saving.aside.as_deref())
            .or(self.saving.question.as_deref())
            .or(self.status.as_deref())
            .or(self.saving.error.as_deref())
    }

    /// Interface language.
    pub fn lang(&self) -> Lang {
        self.opts.lang
    }

    /// Width of ambiguous characters.
    pub fn ambiguous(&self) -> AmbiguousWidth {
        self.opts.ambiguous
    }

    /// How wide text is drawn: ambiguous characters and emoji sequences.
    pub fn widths(&self) -> Widths {
        Widths {
            ambiguous: self.opts.ambiguous,
            clusters: self.opts.clusters,
        }
    }

    /// True once the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }
}

/// What the event loop and its search thread read.
impl App {
    /// The generation of the latest search asked for; answers to older ones are dropped.
    pub fn search_generation(&self) -> u64 {
        self.generation
    }

    /// The index the searches run over, once it is built (for a large collection it is
    /// built in the background: this waits for it).
    pub fn search_index(&self) -> Arc<SearchIndex> {
        self.index.wait()
    }

    /// The index as it is being built, to share with a search thread.
    pub fn index_cell(&self) -> IndexCell {
        self.index.clone()
    }
}
