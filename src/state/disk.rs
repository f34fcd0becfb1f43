//! The state file on disk: reading and classifying it, moving a bad one aside, the lock, and
//! the atomic write.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::error::{StateError, io_err};
use super::model::{Sources, StateFile, VERSION, VersionProbe};

/// How long a save waits for another kanbao's save to finish before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(5);
/// How often a waiting save tries the lock again.
const LOCK_RETRY: Duration = Duration::from_millis(10);

/// What was found at the state path.
pub(crate) enum DiskState {
    /// No file yet.
    Missing,
    /// A file of this version.
    Current(Sources),
    /// A file from a newer kanbao, with what could be read of it (empty if its shape changed).
    Newer { version: u32, sources: Sources },
    /// A file that is not a state file this kanbao can read: bad JSON, wrong types, not UTF-8.
    Bad(String),
    /// The file could not be read at all (permissions, a folder in its place, …).
    Unreadable(io::Error),
}

/// Reads and classifies the file at `path`.
pub(crate) fn read(path: &Path) -> DiskState {
    match fs::read(path) {
        Ok(bytes) => parse(&bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => DiskState::Missing,
        Err(e) => DiskState::Unreadable(e),
    }
}

/// Classifies the bytes of a state file.
pub(crate) fn parse(bytes: &[u8]) -> DiskState {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return DiskState::Bad(format!("not UTF-8 at byte {}", e.valid_up_to())),
    };
    let version = match serde_json::from_str::<VersionProbe>(text) {
        Ok(probe) => probe.version,
        Err(e) => return DiskState::Bad(format!("not a kanbao state file: {e}")),
    };
    if version > VERSION {
        let sources = serde_json::from_str::<StateFile>(text)
            .map(|f| f.sources)
            .unwrap_or_default();
        return DiskState::Newer { version, sources };
    }
    if version < VERSION {
        return DiskState::Bad(format!("unknown version {version}"));
    }
    match serde_json::from_str::<StateFile>(text) {
        Ok(file) => DiskState::Current(file.sources),
        Err(e) => DiskState::Bad(format!("not a kanbao state file: {e}")),
    }
}

/// Moves a bad state file to `<name>.bad-<unix seconds>` (with `-<n>` added if that is taken)
/// and returns where it went.
pub(crate) fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let base = sibling(path, &format!(".bad-{secs}"));
    let mut target = base.clone();
    let mut n = 1;
    while target.exists() {
        target = sibling(&base, &format!("-{n}"));
        n += 1;
    }
    fs::rename(path, &target)?;
    Ok(target)
}

/// `path` with `suffix` appended to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.file_name().unwrap_or_default().to_owned();
    name.push(suffix);
    path.with_file_name(name)
}

/// The folder a state file lives in (`.` for a bare file name).
pub(crate) fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// An advisory lock on `<state file>.lock`, held until dropped.
///
/// It is an OS file lock (`File::try_lock`), so the system releases it when a kanbao dies,
/// however it dies: no stale lock files to guess about. The lock file itself stays.
pub(crate) struct Lock {
    _file: File,
}

impl Lock {
    /// Takes the lock for the state file at `path`, waiting up to [`LOCK_WAIT`].
    pub(crate) fn acquire(path: &Path) -> Result<Lock, StateError> {
        let lock_path = sibling(path, ".lock");
        let file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(io_err("open the lock file", &lock_path))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                    thread::sleep(LOCK_RETRY);
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StateError::Locked { lock: lock_path });
                }
                Err(TryLockError::Error(e)) => return Err(io_err("lock", lock_path)(e)),
            }
        }
    }
}

/// The prefix of the temporary files a save writes next to the state file.
fn temp_prefix(path: &Path) -> OsString {
    // The infix keeps a sibling's temporary files (`.state.json.bak.…`, saved under another
    // lock) out of `remove_orphans`' reach.
    let mut prefix = OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(".kanbao-save-");
    prefix
}

const TEMP_SUFFIX: &str = ".tmp";

/// Removes temporary files left by a save that was killed between write and rename.
///
/// Call only under the [`Lock`]: every save writes its temporary file under the lock, so any
/// one found then belongs to a save that no longer runs.
pub(crate) fn remove_orphans(path: &Path) {
    let prefix = temp_prefix(path);
    let Some(prefix) = prefix.to_str() else {
        return;
    };
    let Ok(dir) = fs::read_dir(folder(path)) else {
        return;
    };
    for item in dir.flatten() {
        let name = item.file_name();
        if let Some(name) = name.to_str()
            && name.starts_with(prefix)
            && name.ends_with(TEMP_SUFFIX)
        {
            // Best effort: a leftover temp file costs only space.
            let _ = fs::remove_file(item.path());
        }
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, `sync_all`, then
/// `before_rename` (a test hook; pass a no-op), a rename over `path`, and on Unix an fsync of the
/// folder so the rename itself is durable. If anything fails, `path` still holds the old file,
/// whole, and the temporary file is removed.
pub(crate) fn write_atomic(
    path: &Path,
    bytes: &[u8],
    before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> Result<(), StateError> {
    let dir = folder(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(io_err("create a temporary file in", dir))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io_err("write", temp.path()))?;
    before_rename(temp.path()).map_err(io_err("write", temp.path()))?;
    temp.persist(path)
        .map_err(|e| io_err("replace", path)(e.error))?;
    sync_folder(dir).map_err(io_err("sync the folder", dir))
}

#[cfg(unix)]
fn sync_folder(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> io::Result<()> {
    // Windows cannot open a folder as a file to sync it; its rename is journaled by NTFS.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orphans_of_this_file_are_removed_and_a_siblings_are_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let ours = dir.path().join(".state.json.kanbao-save-abc123.tmp");
        let sibling = dir.path().join(".state.json.bak.kanbao-save-abc123.tmp");
        for f in [&ours, &sibling] {
            fs::write(f, b"{}").expect("write");
        }
        remove_orphans(&path);
        assert!(!ours.exists(), "a killed save's temp file is removed");
        assert!(sibling.exists(), "another state file's save is left alone");
        // A save's own temp file has the prefix and suffix remove_orphans looks for.
        let mut seen = String::new();
        write_atomic(&path, b"{}", &mut |temp| {
            seen = temp
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            Ok(())
        })
        .expect("save");
        assert!(
            seen.starts_with(".state.json.kanbao-save-") && seen.ends_with(".tmp"),
            "{seen}"
        );
        assert!(path.exists());
    }

    #[test]
    fn classifies_files() {
        assert!(matches!(parse(br#"{"version":1}"#), DiskState::Current(s) if s.is_empty()));
        assert!(matches!(parse(b"\xff\xfe"), DiskState::Bad(r) if r.contains("UTF-8")));
        assert!(matches!(parse(b"{"), DiskState::Bad(_)));
        assert!(matches!(parse(br#"{"sources":{}}"#), DiskState::Bad(_)));
        assert!(matches!(parse(br#"{"version":0}"#), DiskState::Bad(_)));
        assert!(matches!(
            parse(br#"{"version":1,"sources":{"a":{"1":{"read":"yes"}}}}"#),
            DiskState::Bad(_)
        ));
        assert!(matches!(
            parse(br#"{"version":2,"sources":"new shape"}"#),
            DiskState::Newer { version: 2, sources } if sources.is_empty()
        ));
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let text = br#"{"version":1,"extra":0,"sources":{"a":{"1":{"read":true,"x":[]}}}}"#;
        assert!(matches!(parse(text), DiskState::Current(s) if s["a"].is_read("1")));
    }

    #[test]
    fn folder_of_a_bare_name_is_dot() {
        assert_eq!(folder(Path::new("state.json")), Path::new("."));
        assert_eq!(folder(Path::new("a/state.json")), Path::new("a"));
    }
}
