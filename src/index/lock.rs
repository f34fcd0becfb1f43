//! One build at a time per data file: two `kanbao index` runs (or a command that indexes a
//! changed file while `kanbao index` runs) on the same file used to both build it, the
//! second replacing the first's index. A build now holds an advisory lock on a file beside
//! the index folder in kanbao's cache (`<index folder>.lock`); the second waits for it,
//! then finds the index up to date and does not build it again (see
//! [`super::update`]).
//!
//! The lock is the operating system's (`File::lock`, `flock` on Unix): it goes with the
//! process that holds it, however that process ends, so a killed build never leaves a lock
//! that blocks the next one. The lock file itself stays, as the state file's does.

use std::ffi::OsString;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// The build lock of one index folder, held until dropped.
#[derive(Debug)]
pub struct BuildLock {
    _file: Option<File>,
}

/// The lock file of the index folder `dir`: `dir` with `.lock` after its name, beside it
/// in the cache (never inside: a build replaces the folder whole).
pub fn path(dir: &Path) -> PathBuf {
    let mut name: OsString = dir.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    dir.with_file_name(name)
}

/// Takes the build lock of the index folder `dir`. When another process holds it,
/// `waiting` is called once, then this waits until that process lets go (its build is
/// done, or it has died). Where no lock can be taken (a cache folder that cannot be
/// written, a file system without locks) the build goes on unlocked, as before: the build
/// itself says what is wrong with the folder.
pub fn hold(dir: &Path, waiting: &mut dyn FnMut()) -> BuildLock {
    let lock = path(dir);
    if let Some(parent) = lock.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(&lock);
    let Ok(file) = file else {
        return BuildLock { _file: None };
    };
    match file.try_lock() {
        Ok(()) => BuildLock { _file: Some(file) },
        Err(TryLockError::WouldBlock) => {
            waiting();
            match file.lock() {
                Ok(()) => BuildLock { _file: Some(file) },
                Err(_) => BuildLock { _file: None },
            }
        }
        Err(TryLockError::Error(_)) => BuildLock { _file: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_is_beside_the_folder() {
        assert_eq!(
            path(Path::new("/c/kanbao/index/00ab-a.jsonl")),
            Path::new("/c/kanbao/index/00ab-a.jsonl.lock")
        );
    }

    #[test]
    fn a_held_lock_makes_the_next_wait_and_a_dropped_one_does_not() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let index = dir.path().join("index").join("00ab-a.jsonl");
        let mut waited = 0;
        let first = hold(&index, &mut || waited += 1);
        assert_eq!(waited, 0);
        assert!(path(&index).is_file());
        // Held: another handle of the file cannot take it now.
        let other = File::open(path(&index)).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        drop(first);
        let again = hold(&index, &mut || waited += 1);
        assert_eq!(waited, 0, "a lock let go is taken at once");
        drop(again);
        // A lock file left behind (a build killed) blocks nothing: only a held lock does.
        assert!(path(&index).is_file());
        let _third = hold(&index, &mut || waited += 1);
        assert_eq!(waited, 0);
    }
}
