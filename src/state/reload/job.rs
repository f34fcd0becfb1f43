//! The state file read in the background for the reader ([`StateStore::spawn_reload`]): one
//! `stat` on the caller's thread says whether another process changed it; the read, the
//! parse and the merge run on a thread of their own, so that a large state file does not
//! hold up keys. The store is locked only to look and to merge, as a background save locks
//! it; the state it replaces is freed on that thread too.

use std::thread::{self, JoinHandle};

use super::{SharedStore, StateStore, lock};

/// A read of the state file under way; [`ReloadHandle::is_finished`] says when
/// [`ReloadHandle::wait`] returns at once.
#[derive(Debug)]
pub struct ReloadHandle(Inner);

#[derive(Debug)]
enum Inner {
    Running(JoinHandle<bool>),
    /// Read on the caller's thread, when no thread could be started.
    Done(bool),
}

impl ReloadHandle {
    /// Whether the read has ended (merged in, or nothing to take).
    pub fn is_finished(&self) -> bool {
        match &self.0 {
            Inner::Running(handle) => handle.is_finished(),
            Inner::Done(_) => true,
        }
    }

    /// Waits for the read to end: true when state was merged into the store (the caller
    /// shows it), as [`StateStore::reload`] says.
    pub fn wait(self) -> bool {
        match self.0 {
            // A read that panicked took nothing in.
            Inner::Running(handle) => handle.join().unwrap_or(false),
            Inner::Done(taken) => taken,
        }
    }
}

impl StateStore {
    /// Starts taking in the state file on a thread of its own when one `stat` says it is
    /// not the version this process last read or wrote (see
    /// [`reload_shared`](Self::reload_shared), which it does there); `None` when there is
    /// nothing to read: unchanged, a store that does not [`look`](Self::looks), or a
    /// background save under way. Nothing is written, locked or moved on disk.
    pub fn spawn_reload(shared: &SharedStore) -> Option<ReloadHandle> {
        spawn_with(shared, || {})
    }
}

/// [`StateStore::spawn_reload`], calling `before_read` on the reading thread before the
/// file is read (for the tests: a source that is slow, or that says where it was read).
pub(in crate::state) fn spawn_with(
    shared: &SharedStore,
    before_read: impl FnOnce() + Send + 'static,
) -> Option<ReloadHandle> {
    let look = lock(shared).look()?;
    look.changed()?;
    let store = SharedStore::clone(shared);
    let spawned = thread::Builder::new()
        .name("kanbao-reload".into())
        .spawn(move || {
            before_read();
            let Some((version, found)) = look.read() else {
                return false;
            };
            let replaced = lock(&store).take_out(&look, version, found);
            // The state replaced is freed here, the store no longer locked.
            replaced.is_some()
        });
    Some(ReloadHandle(match spawned {
        Ok(handle) => Inner::Running(handle),
        // No thread to be had: read on this one.
        Err(_) => Inner::Done(StateStore::reload_shared(shared)),
    }))
}
