//! The screen's size as the app uses it: a resize, and the reader's text column and page,
//! by which it lays articles out, pages and scrolls (the numbers are [`Geometry`]'s).

use super::*;

impl App {
    /// A new screen size: the open article laid out again for its text column (and its
    /// hits found again when the width changed), the list scrolled from where it was
    /// before the run of resizes.
    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let text = self.text_width();
        let rows = self.rows();
        let opts = self.layout_options();
        if let Some(reader) = &mut self.reader
            && let Some(article) = self.collection.get(reader.article)
        {
            let before = reader.width();
            reader.relayout(article, text, &opts, rows);
            if reader.width() != before {
                reader.find(article, &self.query);
            }
        }
        self.list_top = *self.resize_top.get_or_insert(self.list_top);
        self.keep_selection_visible();
    }

    /// How articles are laid out: the options the reader was started with.
    pub(super) fn layout_options(&self) -> LayoutOptions {
        LayoutOptions {
            ambiguous: self.opts.ambiguous,
            lang: self.opts.lang,
            clusters: self.opts.clusters,
        }
    }

    /// The reader's geometry, whether or not it is on screen now (narrow terminals show
    /// one pane at a time, and the article is laid out for when it is shown).
    fn reader_geometry(&self) -> Geometry {
        Geometry::new(self.size.0, self.size.1, true)
    }

    /// The width of the reader's text column.
    pub(super) fn text_width(&self) -> usize {
        usize::from(self.reader_geometry().text.width)
    }

    /// Rows of text the reader shows at once (its page).
    pub fn rows(&self) -> usize {
        usize::from(self.reader_geometry().text.height).max(1)
    }
}
