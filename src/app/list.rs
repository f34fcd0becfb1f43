//! The list: which articles it shows, the selection, its scrolling and paging, and opening
//! the selected article.

use super::*;

impl App {
    /// Recomputes the list from the search's answer and the filter, keeping the selected
    /// article, or at the first result when the query was edited.
    pub(super) fn rebuild_view(&mut self) {
        let keep = if std::mem::take(&mut self.to_top) {
            None
        } else {
            self.view.get(self.selected).copied()
        };
        self.view = self.fresh_view();
        self.emptied = self.what_emptied();
        let at = keep.and_then(|k| self.view.iter().position(|&i| i == k));
        self.list_top = 0;
        self.select(at.unwrap_or(0));
    }

    /// The list as the search's answer, the filters and the order (`o`) make it now.
    pub(super) fn fresh_view(&self) -> Vec<usize> {
        let mut view = self.listed(&self.opts.filter);
        if self.by_date && !self.query.is_empty() {
            // Stable: results of one day keep their rank; undated ones go last.
            view.sort_by_key(|&i| std::cmp::Reverse(self.collection.date(i)));
        }
        view
    }

    /// The articles of the search's answer that pass `filter`, the query's operators and
    /// the mark filters, in the answer's order: the list, under the app's own filter.
    pub(super) fn listed(&self, filter: &Filter) -> Vec<usize> {
        let articles = &self.collection;
        let mut kept = articles.keep(&self.order, filter);
        if articles.library().is_none() {
            // Read through an index, the search applied the query's operators already.
            kept.retain(|&i| articles.get(i).is_some_and(|a| self.query.admits(a)));
        }
        self.keep_marked(kept)
    }

    pub(super) fn select(&mut self, at: usize) {
        self.selected = at.min(self.view.len().saturating_sub(1));
        self.keep_selection_visible();
    }

    /// Pages the list like `less`: the selection and the list's first item move by a screen
    /// of items (half a screen for the half-page actions), so the selection keeps its row
    /// until an end of the list stops the scrolling.
    pub(super) fn page_list(&mut self, action: &Action) {
        let items = Geometry::new(self.size.0, self.size.1, false).list_items();
        let step = match action {
            Action::HalfPageDown | Action::HalfPageUp => (items / 2).max(1),
            _ => items,
        };
        let last_top = self.view.len().saturating_sub(items);
        if matches!(action, Action::NextPage | Action::HalfPageDown) {
            self.list_top = self.list_top.saturating_add(step).min(last_top);
            self.select(self.selected.saturating_add(step));
        } else {
            self.list_top = self.list_top.saturating_sub(step);
            self.select(self.selected.saturating_sub(step));
        }
    }

    /// `Space` and `b` in the list: side by side they page the preview (the list keeps
    /// the focus, the article stays unread), as `less` pages; otherwise they page the list.
    pub(super) fn page_preview(&mut self, action: &Action) {
        let forward = *action == Action::PreviewNextPage;
        if self.context() == Context::List && self.geometry().side_by_side {
            let rows = self.rows();
            let step = if forward {
                rows as isize
            } else {
                -(rows as isize)
            };
            self.scroll_reader(|r| r.scroll_by(step, rows));
        } else {
            self.normal(if forward {
                Action::NextPage
            } else {
                Action::PrevPage
            });
        }
    }

    /// Scrolls the list as little as needed to show the selection, and never further than
    /// needed to fill the screen (when every article fits, not at all).
    pub(super) fn keep_selection_visible(&mut self) {
        // The list's size when shown, even while the reader hides it.
        let items = Geometry::new(self.size.0, self.size.1, false).list_items();
        if self.selected < self.list_top {
            self.list_top = self.selected;
        } else if self.selected >= self.list_top + items {
            self.list_top = self.selected + 1 - items;
        }
        self.list_top = self.list_top.min(self.view.len().saturating_sub(items));
    }

    /// Opens the selected article: the reader shows it, takes the focus, and the article
    /// becomes read.
    pub(super) fn open_selected(&mut self) {
        let Some(&index) = self.view.get(self.selected) else {
            return;
        };
        self.show(index);
        self.focus = Focus::Reader;
        self.mark_read();
    }

    /// Lays the article at collection `index` out in the reader, the line it was left at on
    /// top (as a resize keeps it: see [`Reader::new`]), without marking it read (side by
    /// side, this is the preview of the selection).
    pub(super) fn show(&mut self, index: usize) {
        let Some(article) = self.collection.get(index) else {
            return;
        };
        let saved = self.store().position(&self.opts.source, &article.id);
        let width = self.text_width();
        let mut reader = Reader::new(index, article, width, &self.layout_options(), saved);
        let note = self
            .store()
            .note(&self.opts.source, &article.id)
            .map(str::to_owned);
        reader.set_note(note, article, &self.layout_options());
        // Hits the prompt leaves to its closing (`find_stale`) are found then.
        if !self.find_stale {
            reader.find(article, &self.query);
        }
        reader.relayout(article, width, &self.layout_options(), self.rows());
        self.reader = Some(reader);
    }
}
