//! Reading state that survives restarts: read marks, bookmarks and the last position of each
//! article (SPEC 6), kept per data source and article id in one JSON file.
//!
//! # File
//! `$XDG_STATE_HOME/kanbao/state.json` by default (see [`default_path`]):
//! `{ "version": 1, "sources": { "<key>": { "<id>": { "read", "bookmarked", "position",
//! "updated" } } } }`. The key of a source is its canonical path, or `builtin` ([`source_key`]).
//!
//! # Saving
//! A save takes an OS lock on `state.json.lock`, re-reads the file, merges, and writes the
//! result atomically (temporary file, fsync, rename, folder fsync). So a crash at any moment
//! leaves the old file or the new one, never a torn one, and two kanbaos at once keep each
//! other's marks.
//!
//! # Merge rule
//! Per (source, article id) entry, the one with the newer `updated` stamp wins; on a tie, this
//! process's. Entries found on only one side are kept. A change is always stamped later than
//! the entry it replaces, so what this process changed since it loaded beats what it started
//! from, and what only another process changed comes from disk. Two processes changing the
//! same article: the later change wins, for the whole entry.
//!
//! # Trouble
//! A file that is not a readable state file (bad JSON, wrong types, not UTF-8) is moved aside
//! to `state.json.bad-<unix seconds>` with a [`Warning`]; reading goes on with empty state. A
//! file from a newer kanbao (`version` > 1) is read but never written. A file that cannot be read
//! at all (permissions) is left alone and marks stay in memory.

mod disk;
mod error;
mod model;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

pub use error::{StateError, Warning};
pub use model::{Entry, Position, SourceState};

use disk::DiskState;
use model::{Sources, VERSION};

/// The source key of the bundled data.
pub const BUILTIN: &str = "builtin";

/// The key under which the state of a data source is kept: its canonical path (as text), or
/// [`BUILTIN`] for the bundled data. If the path cannot be canonicalized, it is used as given.
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

/// A store shared between the reader and the handlers that save it when the process is
/// ended by a signal or a panic.
pub type SharedStore = Arc<Mutex<StateStore>>;

/// The reading state and the file it lives in.
#[derive(Debug)]
pub struct StateStore {
    /// The state file; `None` for `--no-state`.
    path: Option<PathBuf>,
    /// False when saves must not write: `--no-state`, a newer or unreadable file.
    writable: bool,
    sources: Sources,
    dirty: bool,
    /// Warnings raised by a save, for the caller to show.
    warnings: Vec<Warning>,
}

impl StateStore {
    /// Opens the state file at `path`, or at [`default_path`] when `None`.
    ///
    /// Never fails: a missing file is empty state; any trouble becomes a [`Warning`] and
    /// reading goes on (see the module docs).
    pub fn open(path: Option<PathBuf>) -> (StateStore, Vec<Warning>) {
        let Some(path) = path.or_else(default_path) else {
            return (StateStore::disabled(), vec![Warning::NoDefaultPath]);
        };
        let mut store = StateStore {
            path: Some(path.clone()),
            writable: true,
            sources: Sources::new(),
            dirty: false,
            warnings: Vec::new(),
        };
        let mut warnings = Vec::new();
        match disk::read(&path) {
            DiskState::Missing => {}
            DiskState::Current(sources) => store.sources = sources,
            DiskState::Newer { version, sources } => {
                store.sources = sources;
                store.writable = false;
                warnings.push(Warning::NewerVersion { path, version });
            }
            DiskState::Unreadable(e) => {
                store.writable = false;
                warnings.push(Warning::Unreadable {
                    path,
                    reason: e.to_string(),
                });
            }
            DiskState::Bad(_) => match recover(&path) {
                Ok((sources, warning)) => {
                    store.sources = sources;
                    warnings.extend(warning);
                }
                Err(reason) => {
                    store.writable = false;
                    warnings.push(Warning::Unreadable { path, reason });
                }
            },
        }
        (store, warnings)
    }

    /// A store for `--no-state`: all in memory, never written.
    pub fn disabled() -> StateStore {
        StateStore {
            path: None,
            writable: false,
            sources: Sources::new(),
            dirty: false,
            warnings: Vec::new(),
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

    /// Marks the article read or unread.
    pub fn set_read(&mut self, source: &str, id: &str, read: bool) {
        self.update(source, id, |e| e.read = read);
    }

    /// Flips the read mark and returns the new value.
    pub fn toggle_read(&mut self, source: &str, id: &str) -> bool {
        let read = !self.is_read(source, id);
        self.set_read(source, id, read);
        read
    }

    /// Sets or clears the bookmark.
    pub fn set_bookmarked(&mut self, source: &str, id: &str, bookmarked: bool) {
        self.update(source, id, |e| e.bookmarked = bookmarked);
    }

    /// Flips the bookmark and returns the new value.
    pub fn toggle_bookmark(&mut self, source: &str, id: &str) -> bool {
        let bookmarked = !self.is_bookmarked(source, id);
        self.set_bookmarked(source, id, bookmarked);
        bookmarked
    }

    /// Records where the reader is in the article.
    pub fn set_position(&mut self, source: &str, id: &str, position: Position) {
        self.update(source, id, |e| e.position = Some(position));
    }

    /// Whether there are changes a [`save`](Self::save) would write. Always false when the
    /// store does not save, so a caller's save timer never runs for nothing.
    pub fn dirty(&self) -> bool {
        self.dirty
    }

    /// Saves now: lock, re-read, merge, write atomically (see the module docs). Does nothing
    /// when the store does not save. On error the file on disk is the old one, whole, and the
    /// store stays dirty so a later save tries again.
    ///
    /// # Errors
    /// When the folder, lock or file cannot be written, when another kanbao holds the lock for
    /// seconds, or when a newer kanbao replaced the file meanwhile (then, once: the store stops
    /// saving).
    pub fn save(&mut self) -> Result<(), StateError> {
        self.save_with_hook(&mut |_| Ok(()))
    }

    /// Saves if there are unsaved changes.
    ///
    /// # Errors
    /// As [`save`](Self::save).
    pub fn save_if_dirty(&mut self) -> Result<(), StateError> {
        if self.dirty { self.save() } else { Ok(()) }
    }

    /// Warnings raised by saves since the last call (a state file gone bad meanwhile and moved
    /// aside), for the caller to show.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// [`save`](Self::save), calling `before_rename` with the temporary file's path after it is
    /// written and synced and before it replaces the state file. For tests that inject a
    /// failure (return an error) or a crash at that point.
    #[doc(hidden)]
    pub fn save_with_hook(
        &mut self,
        before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
    ) -> Result<(), StateError> {
        let Some(path) = self.path.clone().filter(|_| self.writable) else {
            return Ok(());
        };
        let dir = disk::folder(&path);
        std::fs::create_dir_all(dir).map_err(error::io_err("create the folder", dir))?;
        let _lock = disk::Lock::acquire(&path)?;
        disk::remove_orphans(&path);
        let on_disk = match disk::read(&path) {
            DiskState::Missing => Sources::new(),
            DiskState::Current(sources) => sources,
            DiskState::Newer { version, .. } => {
                self.writable = false;
                self.dirty = false;
                return Err(StateError::NewerVersion { path, version });
            }
            DiskState::Unreadable(e) => return Err(error::io_err("read", path)(e)),
            DiskState::Bad(reason) => {
                let moved_to =
                    disk::move_aside(&path).map_err(error::io_err("move aside", &path))?;
                self.warnings.push(Warning::MovedAside {
                    path: path.clone(),
                    moved_to,
                    reason,
                });
                Sources::new()
            }
        };
        let merged = model::merge(on_disk, &self.sources);
        let file = FileRef {
            version: VERSION,
            sources: &merged,
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(StateError::Encode)?;
        bytes.push(b'\n');
        disk::write_atomic(&path, &bytes, before_rename)?;
        self.sources = merged;
        self.dirty = false;
        Ok(())
    }

    /// Applies `change` to the entry; if it changed anything, stamps it and marks the store
    /// dirty. An unchanged entry keeps its stamp, so it cannot win a merge it should not.
    fn update(&mut self, source: &str, id: &str, change: impl FnOnce(&mut Entry)) {
        let old = self.entry(source, id).copied().unwrap_or_default();
        let mut new = old;
        change(&mut new);
        if new == old {
            return;
        }
        new.updated = model::stamp(old.updated, now_ms());
        *self
            .sources
            .entry(source.to_owned())
            .or_default()
            .entry_mut(id) = new;
        self.dirty |= self.writable;
    }
}

/// The file as written, borrowing the state.
#[derive(Serialize)]
struct FileRef<'a> {
    version: u32,
    sources: &'a Sources,
}

/// Under the lock, reads a file that looked bad again and, if it still is, moves it aside.
/// Returns the state to start from and the warning to show, or why the file could not be
/// dealt with.
fn recover(path: &Path) -> Result<(Sources, Option<Warning>), String> {
    let _lock = disk::Lock::acquire(path).map_err(|e| e.to_string())?;
    match disk::read(path) {
        DiskState::Bad(reason) => {
            let moved_to = disk::move_aside(path)
                .map_err(|e| format!("{reason}; could not move it aside: {e}"))?;
            let warning = Warning::MovedAside {
                path: path.to_owned(),
                moved_to,
                reason,
            };
            Ok((Sources::new(), Some(warning)))
        }
        // Another kanbao replaced it meanwhile with a good file.
        DiskState::Current(sources) => Ok((sources, None)),
        DiskState::Missing => Ok((Sources::new(), None)),
        DiskState::Newer { version, .. } => Err(format!("now has version {version}")),
        DiskState::Unreadable(e) => Err(e.to_string()),
    }
}

/// Milliseconds since the Unix epoch (0 if the clock is before it).
fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
