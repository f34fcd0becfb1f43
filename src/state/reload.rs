//! Taking in what another kanbao saved while the reader is open (`kanbao note`, `kanbao tag`,
//! a second reader): the reader looks at the state file now and then ([`StateStore::looks`],
//! and reads it on a thread of its own: [`StateStore::spawn_reload`]);
//! when one cheap look (its size, times and inode) says it is not the version this process
//! last read or wrote, it is read again and merged in by the rule a save uses (see the
//! module docs of [`crate::state`]): what is on disk, with this process's unsaved changes
//! on top, per field the newer stamp winning. Nothing is written, locked or moved: a file
//! that cannot be read or is not good state now is left as it is, and read again when it
//! changes again (saves replace the file by a rename, so a reader never sees one half
//! written; the next save deals with a bad one as saves do).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{MutexGuard, PoisonError};
use std::time::SystemTime;

use super::disk::{self, DiskState};
use super::model::{self, Sources};
use super::{SharedStore, StateStore};

/// One version of the state file as one `stat` tells it: when any of it differs, the file
/// was written or replaced since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Version {
    len: u64,
    modified: Option<SystemTime>,
    /// Device, inode and status-change time (ns): a file renamed into place has a new inode
    /// even when its size and modification time match the old one's.
    #[cfg(unix)]
    node: (u64, u64, i64, i64),
}

impl Version {
    /// The version of the file `path` names now; `None` when there is none (or no way to
    /// look).
    pub(super) fn of(path: &Path) -> Option<Version> {
        let meta = fs::metadata(path).ok()?;
        Some(Version {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            node: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec())
            },
        })
    }
}

/// What a look at the state file is compared with: where it is, and the version this
/// process last read or wrote.
#[derive(Debug, Clone)]
struct Look {
    path: PathBuf,
    seen: Option<Version>,
}

impl StateStore {
    /// Whether the reader should look at the state file now and then: there is one, and this
    /// process saves to it (so its own changes are kept apart from what it read, and can be
    /// put back on top).
    pub fn looks(&self) -> bool {
        self.path.is_some() && self.writable
    }

    /// Whether the state file is not the version this process last read or wrote (one
    /// `stat`). False when the store does not [`look`](Self::looks).
    pub fn changed_on_disk(&self) -> bool {
        self.look().is_some_and(|look| look.changed().is_some())
    }

    /// Reads the state file if it changed on disk and merges it in, this process's unsaved
    /// changes on top (see the module docs). True when state was merged in: the caller
    /// redraws. False when nothing changed, or the file is gone, cannot be read, or is not
    /// good state now (then it is left as it is and read again when it changes), or while a
    /// background save runs (its result will hold what is on disk).
    pub fn reload(&mut self) -> bool {
        let Some(look) = self.look() else {
            return false;
        };
        let Some((version, found)) = look.read() else {
            return false;
        };
        self.take(&look, version, found)
    }

    /// [`reload`](Self::reload) on the shared store, locking it only to look and to merge,
    /// never while the file is read, so a save thread and the signal handlers do not wait on
    /// the read.
    pub fn reload_shared(shared: &SharedStore) -> bool {
        let Some(look) = lock(shared).look() else {
            return false;
        };
        let Some((version, found)) = look.read() else {
            return false;
        };
        lock(shared).take(&look, version, found)
    }

    /// Where to look, unless the store does not look or a background save runs.
    fn look(&self) -> Option<Look> {
        if !self.looks() || self.in_flight.is_some() {
            return None;
        }
        Some(Look {
            path: self.path.clone()?,
            seen: self.seen,
        })
    }

    /// Merges `found` (read at `version`) in, if the store is still as it was when `look`
    /// was taken: a save that ended meanwhile wrote a file this read may not hold.
    fn take(&mut self, look: &Look, version: Option<Version>, found: Option<Sources>) -> bool {
        self.take_out(look, version, found).is_some()
    }

    /// [`take`](Self::take), giving back the state it replaced when it merged, for the
    /// caller to free once the store is no longer locked.
    fn take_out(
        &mut self,
        look: &Look,
        version: Option<Version>,
        found: Option<Sources>,
    ) -> Option<Sources> {
        if self.seen != look.seen || self.in_flight.is_some() {
            return None;
        }
        self.seen = version;
        let merged = model::merge(found?, &self.pending);
        Some(std::mem::replace(&mut self.sources, merged))
    }
}

impl Look {
    /// The file's version now, when it is not the one seen.
    fn changed(&self) -> Option<Option<Version>> {
        let path = disk::resolve(&self.path).ok()?;
        let now = Version::of(&path);
        (now != self.seen).then_some(now)
    }

    /// When the file changed: its version (taken before the read, so a change while it is
    /// read is found by the next look) and its state, `None` when it holds none to take.
    fn read(&self) -> Option<(Option<Version>, Option<Sources>)> {
        let version = self.changed()?;
        let path = disk::resolve(&self.path).ok()?;
        let found = match disk::read(&path) {
            DiskState::Current(sources) => Some(sources),
            // Gone (the next save writes what this process changed), not state now, too
            // large, or a newer kanbao's: left to the next save.
            DiskState::Missing
            | DiskState::Newer { .. }
            | DiskState::Damaged(_)
            | DiskState::NotState(_)
            | DiskState::TooLarge
            | DiskState::Unreadable(_) => None,
        };
        Some((version, found))
    }
}

/// The store, locked; a panic elsewhere while it was held leaves it whole.
fn lock(shared: &SharedStore) -> MutexGuard<'_, StateStore> {
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

mod job;

pub use job::ReloadHandle;

#[cfg(test)]
mod tests;
