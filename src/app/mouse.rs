//! The mouse: the wheel scrolls the pane under the pointer, a click selects and opens.

use super::*;

impl App {
    /// The mouse wheel acts on the pane under the pointer, whichever has the focus: over
    /// the list it moves the selection, over the reader it scrolls the article (three
    /// lines a notch) and leaves the focus where it is; anywhere else it does nothing.
    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let g = self.geometry();
        if g.list.contains(x, y) {
            let at = if down {
                self.selected.saturating_add(1)
            } else {
                self.selected.saturating_sub(1)
            };
            self.select(at);
        } else if g.reader.contains(x, y) {
            let rows = self.rows();
            self.scroll_reader(|r| r.scroll_by(if down { 3 } else { -3 }, rows));
        }
    }

    pub(super) fn scroll(&mut self, f: impl FnOnce(&mut Reader)) {
        if self.context() != Context::Reader {
            return;
        }
        self.scroll_reader(f);
    }

    /// Scrolls the article in the reader, focused or not, and records its place.
    pub(super) fn scroll_reader(&mut self, f: impl FnOnce(&mut Reader)) {
        let Some(reader) = &mut self.reader else {
            return;
        };
        f(reader);
        let position = reader.position();
        if let Some(article) = self.collection.get(reader.article)
            && !article.is_stand_in()
        {
            self.store()
                .set_position(&self.opts.source, &article.id, position);
            self.unsaved = true;
        }
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let g = self.geometry();
        if g.list.contains(x, y) {
            self.focus = Focus::List;
            let item = self.list_top + usize::from((y - g.list.y) / ROWS_PER_ITEM);
            if item == self.selected {
                self.open_selected();
            } else if item < self.view.len() {
                self.select(item);
            }
        } else if g.reader.contains(x, y) && self.reader.is_some() {
            self.focus = Focus::Reader;
        }
    }
}
