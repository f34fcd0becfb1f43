//! The reader kept in step with the list after every action: side by side, the preview
//! beside the list follows the selection, also while the search prompt is open (a hands-on
//! test, session 27: the list showed the new results as they were typed, the preview the
//! article selected before); one pane at a time, a reader whose article left the list is
//! closed.

use super::*;

impl App {
    /// Keeps the reader in step with the list after every action. Side by side, the
    /// reader always shows the selected article (a preview until `Enter` or `Tab` opens
    /// it), and nothing when the list is empty; when the article in it leaves the list,
    /// the focus goes back to the list. One pane at a time, the reader is closed when the
    /// list is shown or its article left the list. While a search is being typed (and
    /// until the one kept with `Enter` has answered) an open reader is left as it is: the
    /// results as you type are not a reason to close it (a preview follows them).
    pub(super) fn sync_reader(&mut self) {
        if matches!(self.mode, Mode::Search { .. }) {
            return self.preview_while_typing();
        }
        if self.accept_pending {
            return;
        }
        let selected = self.view.get(self.selected).copied();
        let shown = self.reader.as_ref().map(|r| r.article);
        if Geometry::new(self.size.0, self.size.1, false).side_by_side {
            if shown != selected {
                self.focus = Focus::List;
                self.reader = None;
                if let Some(index) = selected {
                    self.show(index);
                }
            }
        } else if self.focus == Focus::List || shown.is_some_and(|a| !self.view.contains(&a)) {
            // Hidden behind the list, the reader would only be laid out again at every
            // resize; `Enter` opens it afresh at its saved place.
            self.reader = None;
            self.focus = Focus::List;
        }
    }

    /// Side by side, with the list focused, the reader beside it previews the selected row;
    /// while a search is typed the row is the best result so far, and the preview follows
    /// it as it does once the prompt is closed (an empty list previews nothing). An article
    /// opened into the reader (focused) is not a preview: it stays, whatever a half-typed
    /// query lists. The article is read and laid out only when the selected article
    /// changed, never again at a key that keeps it selected; while the hits of a query of
    /// many terms wait for the prompt to close, so do the preview's (see `App::show`).
    pub(super) fn preview_while_typing(&mut self) {
        if self.focus != Focus::List || !Geometry::new(self.size.0, self.size.1, false).side_by_side
        {
            return;
        }
        let selected = self.view.get(self.selected).copied();
        if self.reader.as_ref().map(|r| r.article) == selected {
            return;
        }
        self.reader = None;
        if let Some(index) = selected {
            self.show(index);
        }
    }
}
