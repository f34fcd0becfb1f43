//! The reading state as data: entries per source and article, the file format, and the merge.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The file format version this build reads and writes.
pub const VERSION: u32 = 1;

/// Where the reader stopped in an article.
///
/// Kept as a paragraph and a byte offset rather than a screen line, so it survives a change of
/// terminal width (docs/contract.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Position {
    /// Index of the paragraph, from 0.
    pub paragraph: usize,
    /// Byte offset into the sanitized paragraph text.
    pub offset: usize,
}

/// The state of one article in one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Entry {
    /// The article was read.
    #[serde(default)]
    pub read: bool,
    /// The article is bookmarked.
    #[serde(default)]
    pub bookmarked: bool,
    /// The last reading position, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// When this entry last changed, in milliseconds since the Unix epoch; the merge key.
    #[serde(default)]
    pub updated: u64,
}

/// The entries of one data source, by article id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceState {
    entries: BTreeMap<String, Entry>,
}

impl SourceState {
    /// The entry for `id`, if the article has any state.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// Whether `id` is marked read.
    pub fn is_read(&self, id: &str) -> bool {
        self.entry(id).is_some_and(|e| e.read)
    }

    /// Whether `id` is bookmarked.
    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.entry(id).is_some_and(|e| e.bookmarked)
    }

    /// The last reading position in `id`, if any.
    pub fn position(&self, id: &str) -> Option<Position> {
        self.entry(id).and_then(|e| e.position)
    }

    /// Every entry, by article id in sorted order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.entries.iter().map(|(id, e)| (id.as_str(), e))
    }

    /// The number of articles with state.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no article has state.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn entry_mut(&mut self, id: &str) -> &mut Entry {
        self.entries.entry(id.to_owned()).or_default()
    }
}

/// The whole state: sources by key (a canonical data path, or `builtin`).
pub(crate) type Sources = BTreeMap<String, SourceState>;

/// The file as written: `{ "version": 1, "sources": { "<key>": { "<id>": {…} } } }`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct StateFile {
    pub version: u32,
    #[serde(default)]
    pub sources: Sources,
}

/// Merges `local` into `disk`, entry by entry: for each (source, id) the entry with the newer
/// `updated` wins, and on a tie the local one does. Entries only on one side are kept.
///
/// Local changes are stamped newer than the entry they replaced (see `stamp`), so a change made
/// by this process beats the version it started from, while entries another process changed
/// since — and this one did not touch — come from disk.
pub(crate) fn merge(mut disk: Sources, local: &Sources) -> Sources {
    for (key, source) in local {
        let target = disk.entry(key.clone()).or_default();
        for (id, entry) in &source.entries {
            match target.entries.get_mut(id) {
                Some(theirs) if theirs.updated > entry.updated => {}
                Some(theirs) => *theirs = *entry,
                None => {
                    target.entries.insert(id.clone(), *entry);
                }
            }
        }
    }
    disk
}

/// The timestamp for a change to an entry last stamped `previous`: now, but always later than
/// `previous`, so a clock that stepped back cannot make a fresh change lose a merge.
pub(crate) fn stamp(previous: u64, now: u64) -> u64 {
    now.max(previous.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(key: &str, id: &str, entry: Entry) -> Sources {
        let mut s = Sources::new();
        *s.entry(key.into()).or_default().entry_mut(id) = entry;
        s
    }

    fn read_at(updated: u64) -> Entry {
        Entry {
            read: true,
            updated,
            ..Entry::default()
        }
    }

    #[test]
    fn newer_entry_wins_either_side() {
        let disk = one("a", "1", read_at(5));
        let local = one(
            "a",
            "1",
            Entry {
                updated: 3,
                ..Entry::default()
            },
        );
        assert!(merge(disk.clone(), &local)["a"].is_read("1"));
        let local = one(
            "a",
            "1",
            Entry {
                updated: 7,
                ..Entry::default()
            },
        );
        assert!(!merge(disk, &local)["a"].is_read("1"));
    }

    #[test]
    fn tie_goes_to_local() {
        let disk = one(
            "a",
            "1",
            Entry {
                updated: 5,
                ..Entry::default()
            },
        );
        let local = one("a", "1", read_at(5));
        assert!(merge(disk, &local)["a"].is_read("1"));
    }

    #[test]
    fn entries_on_one_side_are_kept() {
        let disk = one("a", "1", read_at(1));
        let local = one("b", "2", read_at(1));
        let merged = merge(disk, &local);
        assert!(merged["a"].is_read("1"));
        assert!(merged["b"].is_read("2"));
    }

    fn sources() -> impl proptest::strategy::Strategy<Value = Sources> {
        use proptest::prelude::*;
        let entry =
            (any::<bool>(), any::<bool>(), 0u64..4).prop_map(|(read, bookmarked, updated)| Entry {
                read,
                bookmarked,
                position: None,
                updated,
            });
        let source = proptest::collection::btree_map("[ab]", entry, 0..3)
            .prop_map(|entries| SourceState { entries });
        proptest::collection::btree_map("[xy]", source, 0..3)
    }

    proptest::proptest! {
        #[test]
        fn merge_keeps_every_entry_at_its_newest(disk in sources(), local in sources()) {
            let merged = merge(disk.clone(), &local);
            for side in [&disk, &local] {
                for (key, source) in side {
                    for (id, entry) in &source.entries {
                        let kept = merged[key].entries[id];
                        proptest::prop_assert!(kept.updated >= entry.updated);
                    }
                }
            }
            for (key, source) in &local {
                for (id, entry) in &source.entries {
                    let theirs = disk.get(key).and_then(|s| s.entry(id));
                    if theirs.is_none_or(|t| t.updated <= entry.updated) {
                        proptest::prop_assert_eq!(merged[key].entries[id], *entry);
                    }
                }
            }
            let count = |s: &Sources| s.values().map(SourceState::len).sum::<usize>();
            proptest::prop_assert!(count(&merged) <= count(&disk) + count(&local));
            proptest::prop_assert_eq!(merge(merged.clone(), &local), merged);
        }
    }

    #[test]
    fn stamp_never_goes_back() {
        assert_eq!(stamp(10, 20), 20);
        assert_eq!(stamp(20, 10), 21);
        assert_eq!(stamp(u64::MAX, 0), u64::MAX);
    }
}
