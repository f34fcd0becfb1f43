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
mod marks;
mod model;
mod open;
mod reload;
mod save;
mod session;
mod source;
mod text;
mod unkept;
mod unsaved;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

pub use disk::MAX_BYTES;
pub use error::{NotState, StateError, Warning};
pub use model::{Entry, Part, Position, Session, SourceState, Stamped};
pub use reload::ReloadHandle;
pub use save::SaveHandle;
pub use source::{SourceId, digest, fnv};
pub use text::{quit_unsaved, save_failed_status, state_error_text, unsaved_at_exit, warning_text};
pub use unkept::{Off, Unkept, Work, unkept_text};
pub use unsaved::{Unsaved, unsaved_text};

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
    /// No change is stamped before this: one millisecond after the last save took the
    /// changes, so that a change made after a save began is told from one it wrote.
    floor: u64,
    /// Changes stamped from this on are not on disk: the [`floor`](Self::floor) of the
    /// last save that wrote, or when the store was made (see [`unsaved`](Self::unsaved)).
    saved_from: u64,
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
    /// A store all in memory, never written, that takes every change and does not say it
    /// loses them ([`unkept`](Self::unkept) is `None`): for tests, and the start of the
    /// others. `--no-state` is [`off`](Self::off).
    pub fn disabled() -> StateStore {
        let now = now_ms();
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
            floor: now,
            saved_from: now,
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
}

/// Milliseconds since the Unix epoch (0 if the clock is before it).
fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
