// SHIM: replaced by the real module at merge
//! Reading state (naive stand-in until the real store lands): kept in memory only.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::PathBuf;

/// Where a reader was in an article: paragraph and byte offset within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte offset in the sanitized paragraph.
    pub offset: usize,
}

/// Something the store could not do, reported to the user.
#[derive(Debug, Clone)]
pub struct Warning(String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

type Key = (String, String);

/// Read marks, bookmarks and positions.
#[derive(Debug, Default)]
pub struct StateStore {
    read: HashSet<Key>,
    bookmarks: HashSet<Key>,
    positions: HashMap<Key, Position>,
    dirty: bool,
}

fn key(source: &str, id: &str) -> Key {
    (source.to_string(), id.to_string())
}

impl StateStore {
    /// Opens the store at `path` (or the default place).
    pub fn open(_path: Option<PathBuf>) -> (StateStore, Vec<Warning>) {
        (StateStore::default(), Vec::new())
    }

    /// A store that keeps nothing.
    pub fn disabled() -> StateStore {
        StateStore::default()
    }

    /// True when the article is marked read.
    pub fn is_read(&self, source: &str, id: &str) -> bool {
        self.read.contains(&key(source, id))
    }

    /// Marks the article read or unread.
    pub fn set_read(&mut self, source: &str, id: &str, read: bool) {
        self.dirty = true;
        if read {
            self.read.insert(key(source, id));
        } else {
            self.read.remove(&key(source, id));
        }
    }

    /// Flips the read mark.
    pub fn toggle_read(&mut self, source: &str, id: &str) {
        let read = self.is_read(source, id);
        self.set_read(source, id, !read);
    }

    /// True when the article is bookmarked.
    pub fn is_bookmarked(&self, source: &str, id: &str) -> bool {
        self.bookmarks.contains(&key(source, id))
    }

    /// Flips the bookmark.
    pub fn toggle_bookmark(&mut self, source: &str, id: &str) {
        self.dirty = true;
        let k = key(source, id);
        if !self.bookmarks.remove(&k) {
            self.bookmarks.insert(k);
        }
    }

    /// The last position in the article.
    pub fn position(&self, source: &str, id: &str) -> Option<Position> {
        self.positions.get(&key(source, id)).copied()
    }

    /// Remembers the position in the article.
    pub fn set_position(&mut self, source: &str, id: &str, position: Position) {
        self.dirty = true;
        self.positions.insert(key(source, id), position);
    }

    /// Writes the store if anything changed.
    pub fn save_if_dirty(&mut self) -> Result<(), Warning> {
        self.dirty = false;
        Ok(())
    }
}
