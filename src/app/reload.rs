//! Taking in what another kanbao saved while the reader is open (`kanbao note`, `kanbao tag`,
//! a second reader): the event loop calls [`App::reload_state`] each time it wakes; the
//! store decides whether the file changed (one `stat`), and reads and merges it in on a
//! thread of its own ([`StateStore::spawn_reload`]), so that a large file never holds up
//! keys; what it took in is shown at the first call after the read has ended.

use super::*;
use crate::state::ReloadHandle;

impl App {
    /// Whether the event loop should look at the state file now and then: there is one and
    /// the reader saves to it ([`StateStore::looks`]).
    pub fn watches_state(&self) -> bool {
        self.store().looks()
    }

    /// Takes in the state file if another process changed it since this one last read or
    /// wrote it, this reader's unsaved changes on top: starts reading it in the background
    /// when one `stat` says so, and shows what a read that has ended took in. Never waits
    /// for the read: while it runs ([`is_reloading`](Self::is_reloading)) the loop calls
    /// this again soon. True when something was taken in: the caller redraws (the list's
    /// marks, the note and tags shown, an open tag picker's ticks and counts). A mark
    /// filter in force (and the query's `note:` terms) is applied again, the selected
    /// article kept selected on its row (`refilter`).
    pub fn reload_state(&mut self) -> bool {
        let taken = self
            .reloading
            .take_if(|r| r.is_finished())
            .is_some_and(ReloadHandle::wait);
        if self.reloading.is_none() {
            self.reloading = StateStore::spawn_reload(&self.store);
        }
        if taken {
            self.took_in_state();
        }
        taken
    }

    /// True while the state file is being read in the background: the loop wakes soon to
    /// show what it took in.
    pub fn is_reloading(&self) -> bool {
        self.reloading.is_some()
    }

    /// What follows state taken in from the file: an open tag picker shows it, and the
    /// list is filtered again by the marks.
    fn took_in_state(&mut self) {
        let mut mode = std::mem::replace(&mut self.mode, Mode::Normal);
        if let Mode::Tags(picker) = &mut mode {
            self.refresh_tags(picker);
        }
        self.mode = mode;
        if let Some(saved) = &mut self.before_search {
            saved.marks_changed = true;
        }
        self.filter_marks_again();
    }

    /// The list filtered again by the marks as they now are, when a mark filter (or a
    /// `note:` term) is in force.
    pub(super) fn filter_marks_again(&mut self) {
        if !self.marks.is_empty() || !self.query.notes().is_empty() {
            self.refilter();
            self.sync_reader();
            self.stage_session();
        }
    }

    /// Builds the list again under the filters in force, as the marks now are, without
    /// moving it under the user: the selected article stays selected, on the row it was
    /// on, where it is still in the list. Where it left the list, its nearest neighbour
    /// that stayed takes its place (the next one down, else the next one up), as a list
    /// closing over a removed row would.
    fn refilter(&mut self) {
        let old = std::mem::take(&mut self.view);
        let row = self.selected.saturating_sub(self.list_top);
        self.view = self.fresh_view();
        self.emptied = self.what_emptied();
        let at = old.get(self.selected).and_then(|&kept| {
            if let Some(at) = self.view.iter().position(|&i| i == kept) {
                return Some(at);
            }
            let place: std::collections::HashMap<usize, usize> =
                self.view.iter().enumerate().map(|(p, &i)| (i, p)).collect();
            let after = old.get(self.selected + 1..).unwrap_or_default().iter();
            let before = old[..self.selected.min(old.len())].iter().rev();
            after.chain(before).find_map(|i| place.get(i).copied())
        });
        let at = at.unwrap_or(0);
        self.selected = at.min(self.view.len().saturating_sub(1));
        self.list_top = self.selected.saturating_sub(row);
        self.keep_selection_visible();
    }
}
