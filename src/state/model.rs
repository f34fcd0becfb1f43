//! The reading state as data: entries per source and article, the file format, and the merge.
//!
//! Version 2 stamps every field of an entry on its own (read, bookmark, position, note, and
//! each tag), so a merge keeps the newer value of each field: a read mark saved by one kanbao
//! never erases a note written by another. Version 1 files (one stamp per entry) are read and
//! migrated by [`migrate_v1`]: every field keeps the entry's stamp, nothing is dropped.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The file format version this build reads and writes.
pub const VERSION: u32 = 2;

/// Where the reader stopped in an article: the line it had on top.
///
/// Kept as a place in the text rather than a screen line, so it survives a change of
/// terminal width (docs/contract.md §6): in the body a paragraph and a byte offset; above it
/// the [`Part`] (a heading, the meta line, the byline) and a byte offset into its text.
/// `Position::default()` is the top of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Position {
    /// Index of the paragraph, from 0 (0 outside the body).
    pub paragraph: usize,
    /// Byte offset into the sanitized paragraph text (or the part's text).
    pub offset: usize,
    /// The part of the article the place is in. `None` is the body, as every place was
    /// kept before parts were (a file written then reads as it did): there `(0, 0)` is the
    /// top of the article, so the body's first line is kept as `Some(Part::Body)`. Left out
    /// of the file when `None`, so that an older kanbao reads a place in the body as before
    /// (and one above it, or the body's start, as the top).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

/// A part of an article, in the order the reader shows them: the place of a [`Position`]
/// above the body, or the body itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The heading above the title (引题).
    Kicker,
    /// The title (主题), or what stands in for one that shows nothing.
    Title,
    /// The heading below the title (副题).
    Subtitle,
    /// The meta line (district, reporters, kind…).
    Meta,
    /// The blank line under the meta line.
    Blank,
    /// The byline (本报讯（记者 …）), shown above the body.
    Byline,
    /// The body: `paragraph` and `offset` say where in it.
    Body,
    /// A part this build does not know (written by a newer kanbao): the top of the article.
    #[serde(other)]
    Unknown,
}

/// A value with the time it was set, in milliseconds since the Unix epoch: the merge key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stamped<T> {
    /// The value.
    #[serde(rename = "v")]
    pub value: T,
    /// When it was set.
    pub at: u64,
}

/// The state of one article in one source. Every field carries its own time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Entry {
    /// Whether the article was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<Stamped<bool>>,
    /// Whether the article is bookmarked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bookmarked: Option<Stamped<bool>>,
    /// The last reading position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Stamped<Position>>,
    /// The reviewer's note; an empty text is a cleared note (kept so the clearing merges).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Stamped<String>>,
    /// Tags by name: `true` put on, `false` taken off (kept so the removal merges).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, Stamped<bool>>,
}

impl Entry {
    /// Whether the article is marked read.
    pub fn is_read(&self) -> bool {
        self.read.as_ref().is_some_and(|s| s.value)
    }

    /// Whether the article is bookmarked.
    pub fn is_bookmarked(&self) -> bool {
        self.bookmarked.as_ref().is_some_and(|s| s.value)
    }

    /// The last reading position, if any.
    pub fn position(&self) -> Option<Position> {
        self.position.as_ref().map(|s| s.value)
    }

    /// The note, if there is one (never empty).
    pub fn note(&self) -> Option<&str> {
        self.note
            .as_ref()
            .map(|s| s.value.as_str())
            .filter(|n| !n.is_empty())
    }

    /// The tags put on the article, in sorted order.
    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.tags
            .iter()
            .filter(|(_, s)| s.value)
            .map(|(t, _)| t.as_str())
    }

    /// Whether the tag is on the article.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.get(tag).is_some_and(|s| s.value)
    }

    /// The latest time any field changed (0 when none has).
    pub fn updated(&self) -> u64 {
        let fields = [
            self.read.as_ref().map(|s| s.at),
            self.bookmarked.as_ref().map(|s| s.at),
            self.position.as_ref().map(|s| s.at),
            self.note.as_ref().map(|s| s.at),
        ];
        let tags = self.tags.values().map(|s| s.at);
        fields.into_iter().flatten().chain(tags).max().unwrap_or(0)
    }

    /// Merges `theirs` into this entry field by field: the newer stamp wins, on a tie this
    /// entry's value stays.
    fn merge_from(&mut self, theirs: &Entry) {
        pick(&mut self.read, &theirs.read);
        pick(&mut self.bookmarked, &theirs.bookmarked);
        pick(&mut self.position, &theirs.position);
        pick(&mut self.note, &theirs.note);
        for (tag, other) in &theirs.tags {
            let mut mine = self.tags.remove(tag);
            pick(&mut mine, &Some(other.clone()));
            if let Some(mine) = mine {
                self.tags.insert(tag.clone(), mine);
            }
        }
    }
}

/// Keeps `mine` unless `theirs` is strictly newer.
fn pick<T: Clone>(mine: &mut Option<Stamped<T>>, theirs: &Option<Stamped<T>>) {
    if let Some(t) = theirs
        && mine.as_ref().is_none_or(|m| t.at > m.at)
    {
        *mine = Some(t.clone());
    }
}

/// Sets a stamped field to `value` at `now` (always later than its last stamp); false when
/// it already held that value, and then it keeps its stamp so it cannot win a merge it
/// should not.
pub(crate) fn set<T: PartialEq + Default>(
    field: &mut Option<Stamped<T>>,
    value: T,
    now: u64,
) -> bool {
    let current = field.as_ref();
    let unchanged = match current {
        Some(s) => s.value == value,
        None => value == T::default(),
    };
    if unchanged {
        return false;
    }
    let at = stamp(current.map_or(0, |s| s.at), now);
    *field = Some(Stamped { value, at });
    true
}

/// Where the reader left the list of one data source (issue 14): the search, the filters
/// and the selected article, restored on the next start on the same data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Session {
    /// The search as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub query: String,
    /// The district filter, as district names (未注明 for the unstated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub districts: Vec<String>,
    /// Only bookmarked articles.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bookmarked: bool,
    /// Only unread articles.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unread: bool,
    /// Only articles with a note.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub noted: bool,
    /// Only articles with this tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// The id of the selected article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
    /// A search's results newest first (`o`) rather than best first.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_date: bool,
}

/// The entries of one data source, by article id, and the path it was last read from (a
/// hint for finding it again when the data changed in place).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SourceState {
    /// The data's path(s) when last opened, canonical, joined by newlines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) path: Option<String>,
    #[serde(default)]
    entries: BTreeMap<String, Entry>,
    /// Where the reader left the list; the newer wins a merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) session: Option<Stamped<Session>>,
}

impl SourceState {
    /// The entry for `id`, if the article has any state.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// Whether `id` is marked read.
    pub fn is_read(&self, id: &str) -> bool {
        self.entry(id).is_some_and(Entry::is_read)
    }

    /// Whether `id` is bookmarked.
    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.entry(id).is_some_and(Entry::is_bookmarked)
    }

    /// The last reading position in `id`, if any.
    pub fn position(&self, id: &str) -> Option<Position> {
        self.entry(id).and_then(Entry::position)
    }

    /// The note on `id`, if any.
    pub fn note(&self, id: &str) -> Option<&str> {
        self.entry(id).and_then(Entry::note)
    }

    /// Every entry, by article id in sorted order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.entries.iter().map(|(id, e)| (id.as_str(), e))
    }

    /// The tags in use with how many articles carry each, by name.
    pub fn tag_counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for entry in self.entries.values() {
            for tag in entry.tags() {
                *counts.entry(tag.to_owned()).or_insert(0) += 1;
            }
        }
        counts
    }

    /// The data's path when last opened (canonical; several joined by newlines).
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
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

/// The whole state: sources by key (see `state::SourceId::key`).
pub(crate) type Sources = BTreeMap<String, SourceState>;

/// The file as written: `{ "version": 2, "sources": { "<key>": { "path", "entries": { "<id>":
/// {…} } } } }`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct StateFile {
    pub version: u32,
    #[serde(default)]
    pub sources: Sources,
}

/// An entry of a version 1 file: one stamp for the whole entry.
#[derive(Debug, Deserialize)]
struct EntryV1 {
    #[serde(default)]
    read: bool,
    #[serde(default)]
    bookmarked: bool,
    #[serde(default)]
    position: Option<Position>,
    #[serde(default)]
    updated: u64,
}

/// A version 1 file: sources keyed by the data's canonical path, entries by id.
#[derive(Debug, Deserialize)]
pub(crate) struct StateFileV1 {
    #[serde(default)]
    sources: BTreeMap<String, BTreeMap<String, EntryV1>>,
}

/// Turns a version 1 file into version 2 without loss: each field takes the entry's stamp,
/// and a source keeps its key (its path, which is also its path hint, so the next start on
/// that data finds it; see `StateStore::resolve_source`).
pub(crate) fn migrate_v1(old: StateFileV1) -> Sources {
    let mut sources = Sources::new();
    for (key, entries) in old.sources {
        let source = sources.entry(key.clone()).or_default();
        if key != crate::state::BUILTIN {
            source.path = Some(key.clone());
        }
        for (id, e) in entries {
            let at = e.updated;
            let entry = Entry {
                read: Some(Stamped { value: e.read, at }),
                bookmarked: Some(Stamped {
                    value: e.bookmarked,
                    at,
                }),
                position: e.position.map(|value| Stamped { value, at }),
                note: None,
                tags: BTreeMap::new(),
            };
            source.entries.insert(id, entry);
        }
    }
    sources
}

/// Merges `local` into `disk`, field by field: for each (source, id, field) the value with
/// the newer stamp wins, and on a tie the local one does. Entries, fields and tags on only
/// one side are kept; a source's path hint is the local one when it has one.
///
/// Local changes are stamped newer than the field they replaced (see `stamp`), so a change
/// made by this process beats the version it started from, while fields another process
/// changed since — and this one did not touch — come from disk.
pub(crate) fn merge(mut disk: Sources, local: &Sources) -> Sources {
    for (key, source) in local {
        let target = disk.entry(key.clone()).or_default();
        if source.path.is_some() {
            target.path.clone_from(&source.path);
        }
        if let Some(mine) = &source.session
            && target.session.as_ref().is_none_or(|t| mine.at >= t.at)
        {
            target.session = Some(mine.clone());
        }
        for (id, entry) in &source.entries {
            match target.entries.get_mut(id) {
                Some(theirs) => {
                    let mut mine = entry.clone();
                    mine.merge_from(theirs);
                    *theirs = mine;
                }
                None => {
                    target.entries.insert(id.clone(), entry.clone());
                }
            }
        }
    }
    disk
}

/// The timestamp for a change to a field last stamped `previous`: now, but always later than
/// `previous`, so a clock that stepped back cannot make a fresh change lose a merge.
pub(crate) fn stamp(previous: u64, now: u64) -> u64 {
    now.max(previous.saturating_add(1))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod part_tests;
