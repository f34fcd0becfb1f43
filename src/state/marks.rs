//! An article's marks as the store holds them: reading them, and changing them (read,
//! bookmark, position, note, tags), each change stamped and kept for the next save.

use super::model::{self, Entry, Position, SourceState};
use super::{StateStore, now_ms};

impl StateStore {
    /// The state of one source, for looking up many articles at once.
    pub fn source(&self, key: &str) -> Option<&SourceState> {
        self.sources.get(key)
    }

    /// The state of one article, if it has any.
    pub fn entry(&self, source: &str, id: &str) -> Option<&Entry> {
        self.source(source).and_then(|s| s.entry(id))
    }

    /// Whether the article is marked read.
    pub fn is_read(&self, source: &str, id: &str) -> bool {
        self.source(source).is_some_and(|s| s.is_read(id))
    }

    /// Whether the article is bookmarked.
    pub fn is_bookmarked(&self, source: &str, id: &str) -> bool {
        self.source(source).is_some_and(|s| s.is_bookmarked(id))
    }

    /// The last reading position in the article, if any.
    pub fn position(&self, source: &str, id: &str) -> Option<Position> {
        self.source(source).and_then(|s| s.position(id))
    }

    /// The note on the article, if any.
    pub fn note(&self, source: &str, id: &str) -> Option<&str> {
        self.source(source).and_then(|s| s.note(id))
    }

    /// The tags on the article, sorted.
    pub fn tags(&self, source: &str, id: &str) -> Vec<String> {
        self.entry(source, id)
            .map(|e| e.tags().map(str::to_owned).collect())
            .unwrap_or_default()
    }

    /// Marks the article read or unread.
    pub fn set_read(&mut self, source: &str, id: &str, read: bool) {
        self.update(source, id, |e, now| model::set(&mut e.read, read, now));
    }

    /// Flips the read mark and returns the new value.
    pub fn toggle_read(&mut self, source: &str, id: &str) -> bool {
        let read = !self.is_read(source, id);
        self.set_read(source, id, read);
        read
    }

    /// Sets or clears the bookmark.
    pub fn set_bookmarked(&mut self, source: &str, id: &str, bookmarked: bool) {
        self.update(source, id, |e, now| {
            model::set(&mut e.bookmarked, bookmarked, now)
        });
    }

    /// Flips the bookmark and returns the new value.
    pub fn toggle_bookmark(&mut self, source: &str, id: &str) -> bool {
        let bookmarked = !self.is_bookmarked(source, id);
        self.set_bookmarked(source, id, bookmarked);
        bookmarked
    }

    /// Records where the reader is in the article.
    pub fn set_position(&mut self, source: &str, id: &str, position: Position) {
        self.update(source, id, |e, now| {
            model::set(&mut e.position, position, now)
        });
    }

    /// Sets the note on the article; an empty (or blank) text clears it.
    pub fn set_note(&mut self, source: &str, id: &str, note: &str) {
        let note = if note.trim().is_empty() { "" } else { note };
        self.update(source, id, |e, now| {
            model::set(&mut e.note, note.to_owned(), now)
        });
    }

    /// Puts the tag on the article (`on`) or takes it off. Blank tags are ignored.
    pub fn set_tag(&mut self, source: &str, id: &str, tag: &str, on: bool) {
        let tag = tag.trim();
        if tag.is_empty() {
            return;
        }
        self.update(source, id, |e, now| {
            let mut field = e.tags.remove(tag);
            let changed = model::set(&mut field, on, now);
            if let Some(field) = field {
                e.tags.insert(tag.to_owned(), field);
            }
            changed
        });
    }

    /// Applies `change` (given the time now) to the entry; if it changed anything (it says
    /// so), marks the store dirty. Only the changed fields are stamped anew, so an unchanged
    /// field cannot win a merge it should not.
    fn update(&mut self, source: &str, id: &str, change: impl FnOnce(&mut Entry, u64) -> bool) {
        let mut entry = self.entry(source, id).cloned().unwrap_or_default();
        if !change(&mut entry, now_ms().max(self.floor)) {
            return;
        }
        let hint = self.hints.get(source).cloned();
        let target = self.sources.entry(source.to_owned()).or_default();
        if hint.is_some() {
            target.path.clone_from(&hint);
        }
        if self.writable {
            let pending = self.pending.entry(source.to_owned()).or_default();
            if hint.is_some() {
                pending.path = hint;
            }
            *pending.entry_mut(id) = entry.clone();
        }
        *target.entry_mut(id) = entry;
    }
}
