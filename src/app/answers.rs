//! A background search's answers as they come: the answers found so far while it runs
//! (a partial list), then the whole answer.

use crate::search::SearchHit;

use super::{App, Context, Focus, Mode};

impl App {
    /// True while the list holds the answers a running search has found so far: more may
    /// come, so its count is not final (the header and the status bar mark it `…`).
    pub fn is_partial(&self) -> bool {
        self.searching && self.partial
    }

    /// True from a search's request until its first answer: the list still holds the
    /// previous query's answer, which is not this search's (the header's count and the
    /// status bar's place say `…`, and the list's rows are drawn dim).
    pub fn shows_previous_answer(&self) -> bool {
        self.searching && !self.partial
    }

    /// True while the list's rows are drawn dim: they are the previous query's answer (see
    /// [`shows_previous_answer`](Self::shows_previous_answer)). Not while the prompt is
    /// open: there the list follows the typing, and a list searched in milliseconds would
    /// flash at every key.
    pub fn dims_previous_answer(&self) -> bool {
        self.shows_previous_answer() && self.context() != Context::Search
    }

    /// True while the preview beside the list is drawn dim, as the rows are: it shows a row
    /// of the previous answer, which may not be in the new one. An article opened into the
    /// reader (focused) is the reader's own, not a row's preview, and stays as it is.
    pub fn dims_preview(&self) -> bool {
        self.dims_previous_answer() && self.focus == Focus::List && self.geometry().side_by_side
    }

    /// Shows the answers found so far by the latest search, which goes on: the list is
    /// theirs, and keys held for the search's answer (after `Enter`) act on it.
    pub(super) fn search_partial(&mut self, generation: u64, hits: Vec<SearchHit>) {
        if generation != self.generation || !self.searching {
            return;
        }
        self.order = hits.into_iter().map(|h| h.index).collect();
        self.partial = true;
        self.follow_best();
        let to_top = self.to_top;
        self.rebuild_view();
        if self.to_end {
            self.select(self.view.len().saturating_sub(1));
        } else if to_top {
            self.partial_pick = self.view.get(self.selected).copied();
        }
        if self.accept_pending && !matches!(self.mode, Mode::Search { .. }) {
            self.commit_search();
        }
        self.recount_picker();
    }

    /// While the best answer so far is still selected and no key has acted on it, the
    /// next answer selects its own best; once the user has moved, opened the article or
    /// pressed any other key outside the prompt, their article stays selected (and open).
    fn follow_best(&mut self) {
        if let Some(pick) = self.partial_pick.take()
            && self.view.get(self.selected) == Some(&pick)
        {
            self.to_top = true;
        }
    }

    /// Shows the latest search's whole answer; what it could not read (`unread`) is said
    /// in the status bar, at once when the prompt is closed, else when `Enter` closes it.
    pub(super) fn search_finished(
        &mut self,
        generation: u64,
        hits: Vec<SearchHit>,
        unread: Option<String>,
    ) {
        if generation != self.generation || !self.searching {
            return;
        }
        self.searching = false;
        self.partial = false;
        self.unread = unread;
        if self.unread.is_some() && !matches!(self.mode, Mode::Search { .. }) {
            self.status.clone_from(&self.unread);
        }
        self.order = hits.into_iter().map(|h| h.index).collect();
        self.follow_best();
        self.rebuild_view();
        self.select_kept();
        if std::mem::take(&mut self.to_end) {
            self.select(self.view.len().saturating_sub(1));
        }
        self.recount_picker();
    }

    /// Says in the status bar, after what it says already, what the library could not read
    /// from its index since it was last asked ([`Library::take_trouble`]): a filter, count,
    /// day or place it answered as if there were none. Not while the search prompt is open
    /// (a status set while typing would be hidden, then cleared by `Enter`): it waits.
    ///
    /// [`Library::take_trouble`]: crate::library::Library::take_trouble
    pub(super) fn say_trouble(&mut self) {
        if matches!(self.mode, Mode::Search { .. }) {
            return;
        }
        let Some(trouble) = self.collection.library().and_then(|l| l.take_trouble()) else {
            return;
        };
        self.status = Some(match self.status.take() {
            // Said already (a search's answer that could not read the index says the same).
            Some(status) if status.contains(&trouble) => status,
            Some(status) => format!("{status}; {trouble}"),
            None => trouble,
        });
    }

    /// `G`: the last row. While a search runs, the last row so far is not the last
    /// article: as `less` does at `G` on a pipe, the selection stays on the last row as
    /// more come, and ends on the search's last article, unless another key moves first.
    pub(super) fn go_to_end(&mut self) {
        self.select(self.view.len().saturating_sub(1));
        self.to_end = self.searching;
        if self.to_end {
            // Neither the best answer so far nor a kept session's article is to be
            // selected by the answers to come: the user asked for the end.
            self.partial_pick = None;
            self.restore_pick = None;
        }
    }
}
