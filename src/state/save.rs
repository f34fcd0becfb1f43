//! Saving: what the store offers (whether it has unsaved changes, a save now or in the
//! background), a job that holds the changes to write and runs without the store (on a
//! background thread or on the caller's), and what the store does with its result.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};

use serde::Serialize;

use super::disk::{self, DiskState};
use super::error::{StateError, Warning, io_err};
use super::model::{self, Sources, VERSION};
use super::reload::Version;
use super::{MAX_BYTES, SaveHook, SharedStore, StateStore};

/// A background save under way; [`SaveHandle::is_finished`] says when
/// [`SaveHandle::wait`] returns at once.
#[derive(Debug)]
pub struct SaveHandle(Inner);

#[derive(Debug)]
enum Inner {
    Running(JoinHandle<Result<(), StateError>>),
    /// Saved on the caller's thread, when no thread could be started.
    Done(Result<(), StateError>),
}

impl SaveHandle {
    /// Whether the save has ended (written, or failed).
    pub fn is_finished(&self) -> bool {
        match &self.0 {
            Inner::Running(handle) => handle.is_finished(),
            Inner::Done(_) => true,
        }
    }

    /// Waits for the save to end and returns how it went. The store already holds the
    /// result: the merged marks, or the changes back in line for the next save.
    ///
    /// # Errors
    /// As [`StateStore::save`].
    pub fn wait(self) -> Result<(), StateError> {
        match self.0 {
            Inner::Running(handle) => handle.join().unwrap_or_else(|_| {
                Err(StateError::Io {
                    action: "save",
                    path: PathBuf::new(),
                    source: io::Error::other("the save thread panicked"),
                })
            }),
            Inner::Done(result) => result,
        }
    }
}

impl StateStore {
    /// Whether there are changes not yet on disk: changes no save has taken, or taken by a
    /// background save that has not reported back. Always false when the store does not
    /// save, so a caller's save timer never runs for nothing.
    pub fn dirty(&self) -> bool {
        self.writable && (!self.pending.is_empty() || self.in_flight.is_some())
    }

    /// Saves now, on this thread: lock, re-read, merge, write atomically (see the module
    /// docs of [`crate::state`], "Saving"). What a background save has taken and not yet written is saved too. Does
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
        spawn(shared)
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
}

/// The changes to write to one state file.
pub(super) struct Job {
    /// The state path as given (a link is followed when the job runs).
    path: PathBuf,
    changes: Sources,
    hook: Option<SaveHook>,
    /// The store's floor when the job took its changes: each of them is stamped before it.
    floor: u64,
}

/// What a save wrote: the merged state, and the version of the file it left.
pub(super) type Saved = (Sources, Option<Version>);

/// The file as written, borrowing the state.
#[derive(Serialize)]
struct FileRef<'a> {
    version: u32,
    sources: &'a Sources,
}

impl Job {
    /// Locks the file, re-reads it, merges the changes in and writes the result atomically.
    /// Returns the merged state with the version of the file written (looked at under the
    /// lock, so it is this save's file), and the warnings raised (a damaged file moved
    /// aside).
    pub(super) fn run(
        &self,
        before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
    ) -> (Result<Saved, StateError>, Vec<Warning>) {
        let mut warnings = Vec::new();
        let result = self.write(before_rename, &mut warnings);
        (result, warnings)
    }

    fn write(
        &self,
        before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
        warnings: &mut Vec<Warning>,
    ) -> Result<Saved, StateError> {
        let path = disk::resolve(&self.path).map_err(io_err("follow the link", &self.path))?;
        let dir = disk::folder(&path);
        std::fs::create_dir_all(dir).map_err(io_err("create the folder", dir))?;
        let _lock = disk::Lock::acquire(&path)?;
        disk::remove_orphans(&path);
        let on_disk = match disk::read(&path) {
            DiskState::Missing => Sources::new(),
            DiskState::Current(sources) => sources,
            DiskState::Newer { version, .. } => {
                return Err(StateError::NewerVersion { path, version });
            }
            DiskState::Unreadable(e) => return Err(io_err("read", path)(e)),
            DiskState::NotState(found) => return Err(StateError::NotState { path, found }),
            DiskState::TooLarge => {
                return Err(StateError::TooLarge {
                    path,
                    limit: MAX_BYTES,
                });
            }
            DiskState::Damaged(reason) => {
                let moved_to = disk::move_aside(&path).map_err(io_err("move aside", &path))?;
                warnings.push(Warning::MovedAside {
                    path: path.clone(),
                    moved_to,
                    reason,
                });
                Sources::new()
            }
        };
        let merged = model::merge(on_disk, &self.changes);
        let file = FileRef {
            version: VERSION,
            sources: &merged,
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(StateError::Encode)?;
        bytes.push(b'\n');
        let hook = self.hook.clone();
        disk::write_atomic(&path, &bytes, &mut |temp| {
            if let Some(hook) = &hook {
                hook(temp)?;
            }
            before_rename(temp)
        })?;
        Ok((merged, Version::of(&path)))
    }
}

impl StateStore {
    /// Takes the changes for a save: `None` when the store does not save. A `background`
    /// job's changes are remembered as in flight, so a save on another thread meanwhile (the
    /// signal handler's) writes them too.
    pub(super) fn take_job(&mut self, background: bool) -> Option<Job> {
        let path = self.path.clone().filter(|_| self.writable)?;
        self.floor = self.floor.max(super::now_ms().saturating_add(1));
        let mut changes = std::mem::take(&mut self.pending);
        if background {
            self.in_flight = Some(changes.clone());
        } else if let Some(in_flight) = &self.in_flight {
            changes = model::merge(in_flight.clone(), &changes);
        }
        Some(Job {
            path,
            changes,
            hook: self.hook.clone(),
            floor: self.floor,
        })
    }

    /// Puts a job's result in: the merged state (with the changes made meanwhile on top),
    /// or, on failure, the job's changes back in line for the next save. Returns the state
    /// replaced, for the caller to drop off the UI thread.
    pub(super) fn finish(
        &mut self,
        job: Job,
        result: Result<Saved, StateError>,
        background: bool,
    ) -> Result<Sources, StateError> {
        if background {
            self.in_flight = None;
        }
        match result {
            Ok((merged, version)) => {
                // What this save wrote is not news to take in again.
                self.seen = version;
                self.saved_from = self.saved_from.max(job.floor);
                let merged = model::merge(merged, &self.pending);
                Ok(std::mem::replace(&mut self.sources, merged))
            }
            Err(e @ StateError::NewerVersion { .. }) => {
                self.not_written();
                self.pending.clear();
                self.in_flight = None;
                Err(e)
            }
            Err(e) => {
                self.pending = model::merge(job.changes, &self.pending);
                Err(e)
            }
        }
    }
}

/// The store, locked; a panic elsewhere while it was held leaves it whole (each change to it
/// is made under the lock in one step).
fn lock(shared: &SharedStore) -> MutexGuard<'_, StateStore> {
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts a background save of `shared`'s changes; `None` when there are none to save.
pub(super) fn spawn(shared: &SharedStore) -> Option<SaveHandle> {
    {
        let store = lock(shared);
        if !store.writable || store.pending.is_empty() {
            return None;
        }
    }
    let thread_store = Arc::clone(shared);
    let spawned = thread::Builder::new()
        .name("kanbao-save".into())
        .spawn(move || {
            let Some(job) = lock(&thread_store).take_job(true) else {
                return Ok(());
            };
            let (result, warnings) = job.run(&mut |_| Ok(()));
            let mut store = lock(&thread_store);
            store.warnings.extend(warnings);
            let replaced = store.finish(job, result, true);
            drop(store);
            // The old state is freed here, not on the thread that draws.
            replaced.map(drop)
        });
    match spawned {
        Ok(handle) => Some(SaveHandle(Inner::Running(handle))),
        // No thread to be had: save on this one.
        Err(_) => Some(SaveHandle(Inner::Done(lock(shared).save()))),
    }
}

/// Under the lock, reads a file that looked damaged again and, if it still is, moves it
/// aside. Returns the state to start from and the warning to show.
pub(super) fn recover(path: &Path) -> Result<(Sources, Option<Warning>), StateError> {
    let _lock = disk::Lock::acquire(path)?;
    match disk::read(path) {
        DiskState::Damaged(reason) => {
            let moved_to = disk::move_aside(path).map_err(io_err("move aside", path))?;
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
        DiskState::Newer { version, .. } => Err(StateError::NewerVersion {
            path: path.to_owned(),
            version,
        }),
        DiskState::Unreadable(e) => Err(io_err("read", path)(e)),
        DiskState::NotState(found) => Err(StateError::NotState {
            path: path.to_owned(),
            found,
        }),
        DiskState::TooLarge => Err(StateError::TooLarge {
            path: path.to_owned(),
            limit: MAX_BYTES,
        }),
    }
}
