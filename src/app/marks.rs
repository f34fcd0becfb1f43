//! Reading marks (read, bookmarked) kept in the state store.

use super::*;

impl App {
    pub(super) fn mark_read(&mut self) {
        let Some(article) = self
            .reader
            .as_ref()
            .and_then(|r| self.collection.get(r.article))
        else {
            return;
        };
        // One that could not be read is not one the user has read.
        if article.is_stand_in() {
            return;
        }
        let mut store = self.store();
        if !store.is_read(&self.opts.source, &article.id) {
            store.set_read(&self.opts.source, &article.id, true);
            drop(store);
            self.unsaved = true;
        }
    }

    pub(super) fn toggle_mark(&mut self, bookmark: bool) {
        let index = match (self.context(), &self.reader) {
            (Context::Reader, Some(r)) => Some(r.article),
            _ => self.view.get(self.selected).copied(),
        };
        if index.is_some_and(|i| self.refused_stand_in(i)) {
            return;
        }
        let collection = Arc::clone(&self.collection);
        let Some(article) = index.and_then(|i| collection.get(i)) else {
            return;
        };
        // A read mark records what was read, and lasts the session as `--no-state` says; a
        // bookmark is the user's own, and is not taken where it would be lost.
        if bookmark && self.refused_unkept(crate::state::Work::Bookmark) {
            return;
        }
        let (source, id) = (&self.opts.source, &article.id);
        let mut store = self.store();
        let msg = if bookmark {
            if store.toggle_bookmark(source, id) {
                Msg::Bookmarked
            } else {
                Msg::Unbookmarked
            }
        } else {
            if store.toggle_read(source, id) {
                Msg::MarkedRead
            } else {
                Msg::MarkedUnread
            }
        };
        drop(store);
        self.unsaved = true;
        let title = cut_to_width(&sanitize(&article.title), 32, self.opts.ambiguous);
        self.status = Some(i18n::about(self.opts.lang, msg, &title));
    }

    /// True, saying why and what to do in the status bar, when `work` made now could not
    /// be kept: the reading state is off (`--no-state`, `state = false`) or its file is
    /// not written. The note editor then never opens on text that would be lost, and no
    /// message says a note, tag or bookmark was kept when it will be gone at quit.
    pub(super) fn refused_unkept(&mut self, work: crate::state::Work) -> bool {
        let unkept = self.store().unkept();
        if let Some(unkept) = unkept {
            self.status = Some(crate::state::unkept_text(unkept, work, self.lang()));
        }
        unkept.is_some()
    }

    /// True, saying why in the status bar, when the article at collection index `index`
    /// stands in for one that could not be read ([`Article::is_stand_in`]): a mark on it
    /// would be kept under a made-up id.
    pub(super) fn refused_stand_in(&mut self, index: usize) -> bool {
        let stand_in = self.collection.get(index).is_some_and(Article::is_stand_in);
        if stand_in {
            self.status = Some(i18n::stand_in_unmarked(self.lang()).to_string());
        }
        stand_in
    }

    /// True when the article at collection index `index` is marked read.
    pub fn is_read(&self, index: usize) -> bool {
        self.collection
            .summary(index)
            .is_some_and(|a| self.store().is_read(&self.opts.source, &a.id))
    }

    /// True when the article at collection index `index` is bookmarked.
    pub fn is_bookmarked(&self, index: usize) -> bool {
        self.collection
            .summary(index)
            .is_some_and(|a| self.store().is_bookmarked(&self.opts.source, &a.id))
    }

    /// The store, locked. A panic elsewhere while it was held leaves it usable: every change
    /// to it is made whole under the lock.
    pub(super) fn store(&self) -> MutexGuard<'_, StateStore> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The reading state, shared: the terminal's SIGTERM/SIGHUP and panic handlers hold a
    /// clone so they can save it before the process ends. The app records every change
    /// (read marks, bookmarks, the position after each scroll) in it as it happens.
    pub fn shared_state(&self) -> SharedStore {
        Arc::clone(&self.store)
    }

    /// True when the reading state changed since the last save.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved
    }
}
