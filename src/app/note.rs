//! The reader's note editor (issue 14): `a` opens a box over the panes holding the open (or
//! selected) article's note. Typing and pasting go in, `Enter` breaks the line, the prompt's
//! editing keys work, `Ctrl-D` keeps the note in the state store (as `kanbao note` does; an
//! empty note clears it) and `Esc` leaves, asking first when something changed.

use super::line_editor::Edit;
use super::note_text::{self, MAX_NOTE_BYTES, Row};
use super::*;

/// Widest the note box gets, in columns.
pub const NOTE_WIDTH: u16 = 76;
/// Tallest the note box gets, in rows.
pub const NOTE_HEIGHT: u16 = 30;

/// The note being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    article: usize,
    original: String,
    text: String,
    cursor: usize,
    top: usize,
    asking: bool,
}

impl NoteEditor {
    /// The article (collection index) whose note this is.
    pub fn article(&self) -> usize {
        self.article
    }

    /// The text as edited.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True while `Esc` asks whether to drop the changes.
    pub fn asking(&self) -> bool {
        self.asking
    }

    /// True when the text differs from the note as it was opened.
    pub fn changed(&self) -> bool {
        self.text != self.original
    }

    /// The rows the text wraps into in `layout`, the first row shown, and the cursor's row
    /// and column: what the view draws.
    pub fn shown(&self, layout: &NoteLayout, widths: Widths) -> NoteView {
        let width = usize::from(layout.text.width);
        let rows = note_text::rows(&self.text, width, widths);
        let (row, col) = note_text::cursor_cell(&self.text, &rows, self.cursor, widths);
        let height = usize::from(layout.text.height).max(1);
        let top = self.top.min(row).max((row + 1).saturating_sub(height));
        NoteView {
            rows,
            top,
            cursor: (row, col),
        }
    }
}

/// What the note box shows now (see [`NoteEditor::shown`]).
#[derive(Debug, Clone)]
pub struct NoteView {
    /// Every row of the wrapped text.
    pub rows: Vec<Row>,
    /// The first row shown.
    pub top: usize,
    /// The cursor's row and column.
    pub cursor: (usize, usize),
}

/// Where the note box and its parts are on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoteLayout {
    /// The box.
    pub overlay: Overlay,
    /// The title row (the article's title), when there is room.
    pub title: Option<Area>,
    /// The text.
    pub text: Area,
    /// The last row: hints, a question or a message, when there is room.
    pub footer: Option<Area>,
}

/// The note box on `screen`: centred, at most `NOTE_WIDTH`×`NOTE_HEIGHT`, leaving the
/// header and status bar in view when there is room; a title row and a footer row when it
/// has three rows inside, a footer when two, the text always.
pub fn note_layout(screen: Area) -> NoteLayout {
    let Panel {
        overlay,
        title,
        body: text,
        footer,
    } = Panel::centred(screen, NOTE_WIDTH, NOTE_HEIGHT);
    NoteLayout {
        overlay,
        title,
        text,
        footer,
    }
}

impl App {
    /// `a`: opens the editor on the open article's note (in the reader) or the selected
    /// one's (in the list).
    pub(super) fn open_note(&mut self) {
        let index = match (self.context(), &self.reader) {
            (Context::Reader, Some(r)) => Some(r.article),
            _ => self.view.get(self.selected).copied(),
        };
        if index.is_some_and(|i| self.refused_stand_in(i)) {
            return;
        }
        let collection = Arc::clone(&self.collection);
        let Some((index, article)) = index.and_then(|i| Some((i, collection.get(i)?))) else {
            self.status = Some(i18n::note_no_article(self.lang()).to_string());
            return;
        };
        if self.refused_unkept(crate::state::Work::Note) {
            return;
        }
        let note = self
            .store()
            .note(&self.opts.source, &article.id)
            .map(str::to_owned);
        let text = note_text::clean_input(&note.unwrap_or_default());
        self.mode = Mode::Note(NoteEditor {
            article: index,
            cursor: text.len(),
            original: text.clone(),
            text,
            top: 0,
            asking: false,
        });
        self.keep_note_cursor();
    }

    /// The note editor takes every key.
    pub(super) fn note(&mut self, action: Action, mut editor: NoteEditor) {
        let lang = self.lang();
        if editor.asking {
            editor.asking = false;
            let discard = matches!(&action, Action::NoteCancel)
                || matches!(&action, Action::SearchInput(t) if t.eq_ignore_ascii_case("y"));
            if discard {
                self.mode = Mode::Normal;
                self.status = Some(i18n::note_discarded(lang).to_string());
                return;
            }
            if action != Action::NoteSave {
                // Any other answer goes back to editing; the key itself does nothing.
                self.mode = Mode::Note(editor);
                return;
            }
        }
        match action {
            Action::NoteSave => return self.save_note(editor),
            Action::NoteCancel if editor.changed() => editor.asking = true,
            Action::NoteCancel => {
                self.mode = Mode::Normal;
                return;
            }
            Action::MoveUp | Action::MoveDown => {
                let layout = self.note_layout();
                let view = editor.shown(&layout, self.widths());
                let (row, col) = view.cursor;
                let to = match action {
                    Action::MoveUp => row.checked_sub(1),
                    _ => Some(row + 1).filter(|&r| r < view.rows.len()),
                };
                if let Some(to) = to {
                    editor.cursor =
                        note_text::cursor_at(&editor.text, view.rows[to], col, self.widths());
                }
            }
            action => {
                let edit = note_text::apply(&mut editor.text, &mut editor.cursor, &action);
                if matches!(edit, Edit::Changed { cut: true } | Edit::Full) {
                    self.status = Some(i18n::note_cut(lang, MAX_NOTE_BYTES));
                }
            }
        }
        self.mode = Mode::Note(editor);
        self.keep_note_cursor();
    }

    /// Keeps the note as the store keeps it (cleaned as `kanbao note` cleans it), shows it
    /// under the article at once and closes the editor.
    fn save_note(&mut self, editor: NoteEditor) {
        let lang = self.lang();
        let note = match crate::review::clean_note(&editor.text) {
            Ok(note) => note,
            Err(e) => {
                self.status = Some(crate::review::review_error_text(&e, lang));
                self.mode = Mode::Note(editor);
                return;
            }
        };
        self.mode = Mode::Normal;
        let Some(article) = self.collection.get(editor.article) else {
            return;
        };
        let old = self
            .store()
            .note(&self.opts.source, &article.id)
            .unwrap_or_default()
            .to_owned();
        if note == old {
            self.status = Some(i18n::note_same(lang).to_string());
            return;
        }
        self.store().set_note(&self.opts.source, &article.id, &note);
        self.unsaved = true;
        self.status = Some(
            if note.is_empty() {
                i18n::note_removed(lang)
            } else {
                i18n::note_kept(lang)
            }
            .to_string(),
        );
        let collection = Arc::clone(&self.collection);
        if let Some(article) = collection.get(editor.article) {
            let opts = self.layout_options();
            let rows = self.rows();
            let width = self.text_width();
            if let Some(reader) = self.reader.as_mut().filter(|r| r.article == editor.article) {
                let at = super::reader::Layout {
                    opts: &opts,
                    width,
                    rows,
                };
                reader.renote((!note.is_empty()).then_some(note), article, &self.query, at);
            }
        }
        if self.marks.noted || !self.query.notes().is_empty() {
            self.rebuild_view();
        }
    }

    /// Scrolls the note so that its cursor is in view.
    fn keep_note_cursor(&mut self) {
        let layout = self.note_layout();
        let widths = self.widths();
        if let Mode::Note(editor) = &mut self.mode {
            editor.top = editor.shown(&layout, widths).top;
        }
    }

    /// Where the note box is at the current size.
    pub fn note_layout(&self) -> NoteLayout {
        note_layout(self.geometry().screen)
    }
}
