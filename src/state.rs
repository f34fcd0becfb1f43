//! Reading state that survives restarts: read marks, bookmarks, the last position, the note
//! and the tags of each article (docs/contract.md §6), kept per data source and article id in
//! one JSON file.
//!
//! # File
//! `$XDG_STATE_HOME/kanbao/state.json` by default (see [`default_path`]):
//! `{ "version": 2, "sources": { "<key>": { "path", "entries": { "<id>": { "read",
//! "bookmarked", "position", "note", "tags" } } } } }`, every field `{ "v": value, "at":
//! milliseconds }`. The key of a source is its name and a fingerprint of its article ids
//! ([`SourceId::key`], found with [`StateStore::resolve_source`]), or `builtin`; its path is
//! only a hint. A version 1 file (keyed by canonical path, one stamp per entry) is read and
//! migrated without loss, and written as version 2 by the next save.
//!
//! # Saving
//! A save takes an OS lock on `state.json.lock`, re-reads the file, merges what this process
//! changed since its last save into it, and writes the result atomically (temporary file,
//! fsync, rename, folder fsync). So a crash at any moment leaves the old file or the new one,
//! never a torn one, and two kanbaos at once keep each other's marks. A symbolic link is
//! followed: the file it leads to is locked and replaced, and the link stays. The new file
//! keeps the old one's permission bits. Only changes are merged in, so a file that was
//! removed meanwhile (by the user, or moved aside by another kanbao) starts again from what
//! this process changed, not from everything it once read.
//!
//! The reader saves on a background thread ([`StateStore::spawn_save`]): the store is locked
//! only to take the changes and to put the merged state in, never while the file is read or
//! written, so a large state file does not hold up keys.
//!
//! # Taking in other processes' saves
//! The reader looks at the file now and then ([`StateStore::spawn_reload`]): when one
//! `stat` says it is not the version this process last read or wrote, it is read on a
//! thread of its own (no lock: saves rename a whole file into place) and merged in by the
//! rule below, the unsaved changes on top. A file that is not good state then is left as it
//! is (`state/reload.rs`).
//!
//! # Merge rule
//! Per (source, article id, field) — read, bookmark, position, note, and each tag on its
//! own — the value with the newer stamp wins; on a tie, this process's. Entries and fields
//! found on only one side are kept. A change is always stamped later than the field it
//! replaces, so what this process changed since it loaded beats what it started from, and
//! what only another process changed comes from disk. Two processes changing the same
//! article: a read mark from one and a note from the other are both kept; two changes to one
//! field, the later wins.
//!
//! # Trouble
//! Only a file kanbao recognises as its own is ever moved or written: a regular file holding
//! a JSON object with `version` and `sources`, or one that begins as kanbao writes it
//! (`{ "version": <n>, "sources"` …) and is cut short or bad further on. Such a damaged file
//! (bad JSON, wrong types, not UTF-8) is moved aside to `state.json.bad-<unix seconds>` with
//! a [`Warning`] and reading goes on with empty state — by the reader only: commands that
//! only read ([`Access::ReadOnly`]) leave it where it is, and commands that change marks
//! ([`Access::Change`]) refuse it, [`StateError::Damaged`], leaving it byte for byte as it
//! was. Anything else at the path (other JSON, an
//! empty file, a folder, a device, a FIFO) or a file over [`MAX_BYTES`] is an error,
//! [`StateError::NotState`] or [`StateError::TooLarge`], and is left as it is. A file from a
//! newer kanbao (`version` > 2) is read but never written. A file that cannot be read at all
//! (permissions) is left alone and marks stay in memory.

mod disk;
mod error;
mod model;
mod reload;
mod save;
mod source;
mod staged;
mod text;
mod unkept;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::i18n;

pub use disk::MAX_BYTES;
pub use error::{NotState, StateError, Warning};
pub use model::{Entry, Part, Position, Session, SourceState, Stamped};
pub use reload::ReloadHandle;
pub use save::SaveHandle;
pub use source::{SourceId, digest, fnv};
pub use text::{quit_unsaved, save_failed_status, state_error_text, warning_text};
pub use unkept::{Off, Unkept, Work, unkept_text};

use disk::DiskState;
use model::Sources;

/// The source key of the bundled data.
pub const BUILTIN: &str = "builtin";

/// The canonical path of a data source (as text), or [`BUILTIN`] for the bundled data: the
/// key of version 1 files, and now the path hint of a [`SourceId`]. If the path cannot be
/// canonicalized, it is used as given.
pub fn source_key(data: Option<&Path>) -> String {
    match data {
        None => BUILTIN.to_owned(),
        Some(path) => std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_owned())
            .to_string_lossy()
            .into_owned(),
    }
}

/// The default state file: `$XDG_STATE_HOME/kanbao/state.json` when that variable holds an
/// absolute path, else the platform's folder (on Linux `~/.local/state/kanbao`, elsewhere the
/// local data folder). `None` when no home folder is known.
pub fn default_path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let dir = match xdg {
        Some(dir) => dir.join("kanbao"),
        None => {
            let dirs = directories::ProjectDirs::from("", "", "kanbao")?;
            dirs.state_dir()
                .unwrap_or_else(|| dirs.data_local_dir())
                .to_owned()
        }
    };
    Some(dir.join("state.json"))
}

/// A store shared between the reader, its background saves, and the handlers that save it
/// when the process is ended by a signal or a panic.
pub type SharedStore = Arc<Mutex<StateStore>>;

/// A function a save calls with its temporary file's path before the rename (for tests that
/// hold a save up or make it fail there).
pub type SaveHook = Arc<dyn Fn(&Path) -> io::Result<()> + Send + Sync>;

/// What a command may do to the state file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The reader: saves, and moves a damaged state file aside.
    ReadWrite,
    /// Commands that only read marks (`list --bookmarked`): nothing is locked, written or
    /// moved.
    ReadOnly,
    /// Commands that change marks (`kanbao tag`, `kanbao note`): saves as the reader does,
    /// but a damaged state file is an error ([`StateError::Damaged`]) and is left as it is:
    /// only the reader moves one aside.
    Change,
}

/// The reading state and the file it lives in.
pub struct StateStore {
    /// The state file; `None` for `--no-state`.
    path: Option<PathBuf>,
    /// False when saves must not write: `--no-state`, read-only access, a newer or unreadable
    /// file.
    writable: bool,
    /// Why changes would not be kept, for the reader to refuse work that would be lost
    /// (see [`unkept`](Self::unkept)); `None` for read-only access, which changes nothing.
    unkept: Option<Unkept>,
    sources: Sources,
    /// The entries changed since a save last took them.
    pending: Sources,
    /// The entries a background save has taken and not yet reported on.
    in_flight: Option<Sources>,
    /// Warnings raised by a save, for the caller to show.
    warnings: Vec<Warning>,
    hook: Option<SaveHook>,
    /// The path of each source resolved by [`resolve_source`](Self::resolve_source), kept
    /// with its state when it changes.
    hints: std::collections::BTreeMap<String, String>,
    /// Where the reader's list is now, kept only if the reader ends by a signal (see
    /// [`stage_session`](Self::stage_session)).
    staged: Option<(String, Session)>,
    /// The version of the state file this process last read or wrote (`None`: there was
    /// none), for [`reload`](Self::reload) to tell another process's save.
    seen: Option<reload::Version>,
}

impl std::fmt::Debug for StateStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StateStore")
            .field("path", &self.path)
            .field("writable", &self.writable)
            .field("sources", &self.sources.len())
            .field("pending", &self.pending.len())
            .field("in_flight", &self.in_flight.is_some())
            .finish_non_exhaustive()
    }
}

impl StateStore {
    /// Opens the state file at `path`, or at [`default_path`] when `None`, for reading and
    /// writing; what [`open_with`](Self::open_with) refuses becomes a [`Warning`] and a store
    /// that never saves.
    pub fn open(path: Option<PathBuf>) -> (StateStore, Vec<Warning>) {
        let given = path.clone().or_else(default_path);
        match StateStore::open_with(path, Access::ReadWrite) {
            Ok(opened) => opened,
            Err(e) => {
                let mut store = StateStore::disabled();
                store.not_written();
                store.path = given.clone();
                let warning = Warning::Unreadable {
                    path: given.unwrap_or_default(),
                    reason: state_error_text(&e, i18n::Lang::En),
                };
                (store, vec![warning])
            }
        }
    }

    /// Opens the state file at `path`, or at [`default_path`] when `None`.
    ///
    /// A missing file is empty state. Trouble that leaves the file as it is becomes a
    /// [`Warning`] and reading goes on (see the module docs).
    ///
    /// # Errors
    /// When the path holds something that is not a kanbao state file, or one over
    /// [`MAX_BYTES`], or (for [`Access::Change`]) a damaged one: nothing is read from it,
    /// and it is left as it is.
    pub fn open_with(
        path: Option<PathBuf>,
        access: Access,
    ) -> Result<(StateStore, Vec<Warning>), StateError> {
        let Some(path) = path.or_else(default_path) else {
            let mut store = StateStore::disabled();
            if access != Access::ReadOnly {
                store.not_written();
            }
            return Ok((store, vec![Warning::NoDefaultPath]));
        };
        let mut store = StateStore::disabled();
        store.path = Some(path.clone());
        store.writable = access != Access::ReadOnly;
        let mut warnings = Vec::new();
        let real = match disk::resolve(&path) {
            Ok(real) => real,
            Err(e) => {
                store.not_written();
                let reason = e.to_string();
                return Ok((store, vec![Warning::Unreadable { path, reason }]));
            }
        };
        // Looked at before the read: a save meanwhile is then taken in by the next reload.
        store.seen = reload::Version::of(&real);
        match disk::read(&real) {
            DiskState::Missing => {}
            DiskState::Current(sources) => store.sources = sources,
            DiskState::Newer { version, sources } => {
                store.sources = sources;
                store.not_written();
                warnings.push(Warning::NewerVersion { path, version });
            }
            DiskState::Unreadable(e) => {
                store.not_written();
                warnings.push(Warning::Unreadable {
                    path,
                    reason: e.to_string(),
                });
            }
            DiskState::NotState(found) => return Err(StateError::NotState { path, found }),
            DiskState::TooLarge => {
                return Err(StateError::TooLarge {
                    path,
                    limit: MAX_BYTES,
                });
            }
            DiskState::Damaged(reason) if access == Access::ReadOnly => {
                warnings.push(Warning::Damaged { path, reason });
            }
            DiskState::Damaged(reason) if access == Access::Change => {
                return Err(StateError::Damaged { path, reason });
            }
            DiskState::Damaged(_) => match save::recover(&real) {
                Ok((sources, warning)) => {
                    store.sources = sources;
                    warnings.extend(warning);
                }
                Err(e @ (StateError::NotState { .. } | StateError::TooLarge { .. })) => {
                    return Err(e);
                }
                Err(e) => {
                    store.not_written();
                    let reason = state_error_text(&e, i18n::Lang::En);
                    warnings.push(Warning::Unreadable { path, reason });
                }
            },
        }
        Ok((store, warnings))
    }

    /// A store all in memory, never written, that takes every change and does not say it
    /// loses them ([`unkept`](Self::unkept) is `None`): for tests, and the start of the
    /// others. `--no-state` is [`off`](Self::off).
    pub fn disabled() -> StateStore {
        StateStore {
            path: None,
            writable: false,
            unkept: None,
            sources: Sources::new(),
            pending: Sources::new(),
            in_flight: None,
            warnings: Vec::new(),
            hook: None,
            hints: std::collections::BTreeMap::new(),
            staged: None,
            seen: None,
        }
    }

    /// The state file, if there is one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether [`save`](Self::save) writes to disk (false for `--no-state` and a file that is
    /// read only).
    pub fn saves(&self) -> bool {
        self.writable
    }

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

    /// Where the reader left the list of `source`, if it was kept.
    pub fn session(&self, source: &str) -> Option<&Session> {
        self.source(source)
            .and_then(|s| s.session.as_ref())
            .map(|s| &s.value)
    }

    /// Keeps where the reader left the list of `source`, for the next start.
    pub fn set_session(&mut self, source: &str, session: Session) {
        let target = self.sources.entry(source.to_owned()).or_default();
        if target.session.as_ref().is_some_and(|s| s.value == session) {
            return;
        }
        let previous = target.session.as_ref().map_or(0, |s| s.at);
        let stamped = Stamped {
            value: session,
            at: model::stamp(previous, now_ms()),
        };
        target.session = Some(stamped.clone());
        if let Some(hint) = self.hints.get(source).cloned() {
            target.path = Some(hint);
        }
        if self.writable {
            let pending = self.pending.entry(source.to_owned()).or_default();
            pending.session = Some(stamped);
            pending.path.clone_from(&target.path);
        }
    }

    /// Finds the key under which the state of the data `source` is kept, and remembers its
    /// path as a hint. The key is the data's name and fingerprint ([`SourceId::key`]), so a
    /// moved or copied archive keeps its marks. When no state has that key yet, state kept
    /// for the same data under another name (a renamed file) is carried over, else state
    /// kept for the same path (a version 1 file, or data changed in place; the most recently
    /// changed when several). What is carried over keeps its stamps, and is saved with the
    /// next save under the new key; the old key stays as it was.
    pub fn resolve_source(&mut self, source: &SourceId) -> String {
        let key = source.key();
        let Some(path) = source.path.clone() else {
            return key;
        };
        self.hints.insert(key.clone(), path.clone());
        if self.sources.contains_key(&key) {
            return key;
        }
        let suffix = format!("#{}", source.fingerprint);
        let renamed = self.sources.iter().find(|(k, _)| k.ends_with(&suffix));
        let same_path = || {
            self.sources
                .iter()
                .filter(|(k, s)| s.path() == Some(path.as_str()) || **k == path)
                .max_by_key(|(_, s)| s.entries().map(|(_, e)| e.updated()).max())
        };
        let found = renamed.or_else(same_path).map(|(_, s)| s.clone());
        if let Some(mut old) = found {
            old.path = Some(path);
            if self.writable {
                self.pending.insert(key.clone(), old.clone());
            }
            self.sources.insert(key.clone(), old);
        }
        key
    }

    /// Whether there are changes not yet on disk: changes no save has taken, or taken by a
    /// background save that has not reported back. Always false when the store does not
    /// save, so a caller's save timer never runs for nothing.
    pub fn dirty(&self) -> bool {
        self.writable && (!self.pending.is_empty() || self.in_flight.is_some())
    }

    /// Saves now, on this thread: lock, re-read, merge, write atomically (see the module
    /// docs). What a background save has taken and not yet written is saved too. Does
    /// nothing when the store does not save. On error the file on disk is the old one,
    /// whole, and the store stays dirty so a later save tries again.
    ///
    /// # Errors
    /// When the folder, lock or file cannot be written, when another kanbao holds the lock for
    /// seconds, when something that is not a kanbao state file took the file's place, or when
    /// a newer kanbao replaced the file meanwhile (then, once: the store stops saving).
    pub fn save(&mut self) -> Result<(), StateError> {
        self.save_with_hook(&mut |_| Ok(()))
    }

    /// Saves if there are unsaved changes.
    ///
    /// # Errors
    /// As [`save`](Self::save).
    pub fn save_if_dirty(&mut self) -> Result<(), StateError> {
        if self.dirty() { self.save() } else { Ok(()) }
    }

    /// Starts saving the changes on a background thread, if there are any and the store
    /// saves; the thread puts the merged state back into the store when the file is written.
    /// Keys, drawing and further changes go on meanwhile: the store is locked only to take
    /// the changes and to put the result in.
    pub fn spawn_save(shared: &SharedStore) -> Option<SaveHandle> {
        save::spawn(shared)
    }

    /// Warnings raised by saves since the last call (a state file gone bad meanwhile and moved
    /// aside), for the caller to show.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// Has every save call `hook` with its temporary file's path before the rename, on
    /// whichever thread it runs. For tests that hold a background save up or make it fail.
    #[doc(hidden)]
    pub fn set_save_hook(&mut self, hook: SaveHook) {
        self.hook = Some(hook);
    }

    /// [`save`](Self::save), calling `before_rename` with the temporary file's path after it is
    /// written and synced and before it replaces the state file. For tests that inject a
    /// failure (return an error) or a crash at that point.
    #[doc(hidden)]
    pub fn save_with_hook(
        &mut self,
        before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
    ) -> Result<(), StateError> {
        let Some(job) = self.take_job(false) else {
            return Ok(());
        };
        let (result, warnings) = job.run(before_rename);
        self.warnings.extend(warnings);
        // Dropped here: only the signal and panic handlers and tests save on this thread.
        self.finish(job, result, false).map(drop)
    }

    /// Applies `change` (given the time now) to the entry; if it changed anything (it says
    /// so), marks the store dirty. Only the changed fields are stamped anew, so an unchanged
    /// field cannot win a merge it should not.
    fn update(&mut self, source: &str, id: &str, change: impl FnOnce(&mut Entry, u64) -> bool) {
        let mut entry = self.entry(source, id).cloned().unwrap_or_default();
        if !change(&mut entry, now_ms()) {
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

/// Milliseconds since the Unix epoch (0 if the clock is before it).
fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
