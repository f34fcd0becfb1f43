//! The preview beside the list while the search prompt is open (a hands-on test, session
//! 27: the list showed the new results as they were typed, the preview the article
//! selected before).

use super::*;

impl App {
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
