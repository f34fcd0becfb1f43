//! What would be lost if the process ended now: the changes no save has written yet, counted
//! by kind, for the reader's question when a save fails at quit and the message after it
//! quits without them ("1 条审读意见、1 个收藏未保存").
//!
//! Counted from the store's own record of unsaved changes (the entries waiting for a save,
//! and those a background save has taken and not written). An entry there holds the whole
//! article's state, so a field counts only when it was set after the last save that wrote
//! its changes began: every change is stamped with the time it was made (see `model::stamp`).

use std::collections::BTreeSet;

use super::StateStore;
use super::model::Entry;
use crate::i18n::Lang;

/// The changes not yet on disk, by kind: how many fields of each kind changed (an article's
/// note, a tag on or off one article, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Unsaved {
    /// Notes (审读意见) written, changed or cleared.
    pub notes: usize,
    /// Tags put on or taken off, one per article and tag.
    pub tags: usize,
    /// Bookmarks (`m`) made or taken off.
    pub bookmarks: usize,
    /// Read marks set or taken off.
    pub read: usize,
    /// Reading positions (where an article was left).
    pub positions: usize,
}

impl Unsaved {
    /// True when nothing is counted.
    pub fn is_empty(&self) -> bool {
        *self == Unsaved::default()
    }
}

/// A field of an entry, for counting each once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field<'a> {
    Note,
    Tag(&'a str),
    Bookmark,
    Read,
    Position,
}

/// The fields of `entry` set at or after `since`.
fn changed_since(entry: &Entry, since: u64) -> impl Iterator<Item = Field<'_>> {
    let at = |stamp: Option<u64>| stamp.is_some_and(|at| at >= since);
    let fields = [
        (at(entry.note.as_ref().map(|s| s.at)), Field::Note),
        (at(entry.bookmarked.as_ref().map(|s| s.at)), Field::Bookmark),
        (at(entry.read.as_ref().map(|s| s.at)), Field::Read),
        (at(entry.position.as_ref().map(|s| s.at)), Field::Position),
    ];
    let tags = (entry.tags.iter())
        .filter(move |(_, s)| s.at >= since)
        .map(|(tag, _)| Field::Tag(tag.as_str()));
    fields
        .into_iter()
        .filter_map(|(changed, field)| changed.then_some(field))
        .chain(tags)
}

impl StateStore {
    /// What is not on disk yet, by kind: the fields changed since the last save that wrote
    /// this process's changes began (or since the store was opened), among the changes
    /// waiting for a save and those a background save has taken and not written. Empty
    /// when the store does not save.
    pub fn unsaved(&self) -> Unsaved {
        let mut seen = BTreeSet::new();
        let mut count = Unsaved::default();
        for sources in std::iter::once(&self.pending).chain(self.in_flight.as_ref()) {
            for (key, source) in sources {
                for (id, entry) in source.entries() {
                    for field in changed_since(entry, self.saved_from) {
                        if !seen.insert((key.as_str(), id, field)) {
                            continue;
                        }
                        *match field {
                            Field::Note => &mut count.notes,
                            Field::Tag(_) => &mut count.tags,
                            Field::Bookmark => &mut count.bookmarks,
                            Field::Read => &mut count.read,
                            Field::Position => &mut count.positions,
                        } += 1;
                    }
                }
            }
        }
        count
    }
}

/// What `unsaved` counts, short, in `lang`, the user's own work first: `1 条审读意见、2 个
/// 收藏` / `1 note, 2 bookmarks`; `None` when nothing is counted.
pub fn unsaved_text(unsaved: &Unsaved, lang: Lang) -> Option<String> {
    let kinds: [(usize, &str, &str, &str); 5] = [
        (unsaved.notes, "条审读意见", "note", "notes"),
        (unsaved.tags, "个标签", "tag", "tags"),
        (unsaved.bookmarks, "个收藏", "bookmark", "bookmarks"),
        (unsaved.read, "个已读标记", "read mark", "read marks"),
        (
            unsaved.positions,
            "个阅读位置",
            "reading position",
            "reading positions",
        ),
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|&(n, zh, one, many)| match lang {
            Lang::Zh => format!("{n} {zh}"),
            Lang::En if n == 1 => format!("1 {one}"),
            Lang::En => format!("{n} {many}"),
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::Zh => parts.join("、"),
        Lang::En => parts.join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_at(dir: &std::path::Path) -> StateStore {
        StateStore::open(Some(dir.join("state.json"))).0
    }

    #[test]
    fn the_changes_not_saved_are_counted_by_kind_and_a_save_clears_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_at(dir.path());
        assert!(store.unsaved().is_empty());
        store.set_bookmarked("builtin", "1", true);
        store.set_read("builtin", "1", true);
        store.save().unwrap();
        assert!(store.unsaved().is_empty(), "saved: {:?}", store.unsaved());
        // A note on the same article: its read mark and bookmark, saved, do not count.
        store.set_note("builtin", "1", "核实");
        store.set_tag("builtin", "1", "待核实", true);
        store.set_tag("builtin", "2", "待核实", true);
        store.set_bookmarked("builtin", "3", true);
        let unsaved = store.unsaved();
        assert_eq!(
            unsaved,
            Unsaved {
                notes: 1,
                tags: 2,
                bookmarks: 1,
                read: 0,
                positions: 0
            }
        );
        assert_eq!(
            unsaved_text(&unsaved, Lang::Zh).unwrap(),
            "1 条审读意见、2 个标签、1 个收藏"
        );
        assert_eq!(
            unsaved_text(&unsaved, Lang::En).unwrap(),
            "1 note, 2 tags, 1 bookmark"
        );
        assert_eq!(unsaved_text(&Unsaved::default(), Lang::Zh), None);
    }

    #[test]
    fn a_store_that_does_not_save_has_nothing_unsaved() {
        let mut store = StateStore::off(super::super::Off::Flag);
        store.set_read("builtin", "1", true);
        assert!(store.unsaved().is_empty());
    }
}
