//! The state file on disk: reading and classifying it, moving a bad one aside, the lock, and
//! the atomic write.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::error::{NotState, StateError, io_err};
use super::model::{Sources, StateFile, StateFileV1, VERSION, migrate_v1};

/// How long a save waits for another kanbao's save to finish before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(5);
/// How often a waiting save tries the lock again.
const LOCK_RETRY: Duration = Duration::from_millis(10);

/// The most bytes a state file may hold: 256 MiB, some two million articles' marks. Read
/// with this limit, so a device or a file that grows while read cannot exhaust memory.
pub const MAX_BYTES: u64 = 256 << 20;

/// How many symbolic links in a row are followed to find the file a state path names.
const MAX_LINKS: usize = 40;

/// What was found at the state path.
pub(crate) enum DiskState {
    /// No file yet.
    Missing,
    /// A file of this version.
    Current(Sources),
    /// A file from a newer kanbao, with what could be read of it (empty if its shape changed).
    Newer { version: u32, sources: Sources },
    /// A kanbao state file that is damaged: cut short, bad JSON or wrong types inside its
    /// shape, not UTF-8. The only thing kanbao moves aside.
    Damaged(String),
    /// Not a kanbao state file at all: never read as one, moved or written.
    NotState(NotState),
    /// A regular file larger than [`MAX_BYTES`].
    TooLarge,
    /// The file could not be read at all (permissions, a parent that is a file, …).
    Unreadable(io::Error),
}

/// Reads and classifies the file at `path` (the path after [`resolve`]). Only a regular file
/// is opened: a FIFO, a device or a folder is told by its metadata and never read.
pub(crate) fn read(path: &Path) -> DiskState {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return DiskState::Missing,
        Err(e) => return DiskState::Unreadable(e),
    };
    if let Some(found) = special(&meta) {
        return DiskState::NotState(found);
    }
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return DiskState::Missing,
        Err(e) => return DiskState::Unreadable(e),
    };
    // Something else may have been put in its place between the two looks.
    if let Some(found) = file.metadata().ok().as_ref().and_then(special) {
        return DiskState::NotState(found);
    }
    match read_capped(file, MAX_BYTES) {
        Ok(Some(bytes)) => parse(&bytes),
        Ok(None) => DiskState::TooLarge,
        Err(e) => DiskState::Unreadable(e),
    }
}

/// What `meta` describes, when it is not a regular file.
fn special(meta: &fs::Metadata) -> Option<NotState> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(NotState::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_block_device() {
            return Some(NotState::Device);
        }
        if kind.is_fifo() {
            return Some(NotState::Fifo);
        }
    }
    Some(NotState::Special)
}

/// Reads all of `reader` if it holds at most `limit` bytes; `None` if it holds more. Never
/// reads more than `limit + 1` bytes, whatever the reader is.
pub(crate) fn read_capped(reader: impl Read, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// The keys of a state file, read without building its entries.
#[derive(Deserialize)]
struct Shape {
    version: Option<serde_json::Value>,
    sources: Option<IgnoredAny>,
}

/// Classifies the bytes of a state file.
///
/// A kanbao state file is a JSON object with a `version` and `sources`. One that parses but
/// has wrong types inside that shape is damaged. One that does not parse is damaged only if
/// it begins as kanbao writes it (`{ "version": <number>, "sources"`, see [`signed`]): a
/// file cut short, or gone bad at some byte. Anything else is not a state file.
pub(crate) fn parse(bytes: &[u8]) -> DiskState {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return DiskState::NotState(NotState::Empty);
    }
    let unless_signed = |reason: String| {
        if signed(bytes) {
            DiskState::Damaged(reason)
        } else {
            DiskState::NotState(NotState::Content)
        }
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return unless_signed(format!("not UTF-8 at byte {}", e.valid_up_to())),
    };
    let shape = match serde_json::from_str::<Shape>(text) {
        Ok(shape) => shape,
        Err(e) => return unless_signed(format!("not a kanbao state file: {e}")),
    };
    let (Some(version), Some(_)) = (shape.version, shape.sources) else {
        return DiskState::NotState(NotState::Content);
    };
    let Some(version) = version.as_u64() else {
        return DiskState::Damaged(format!("version {version} is not a number"));
    };
    if version > u64::from(VERSION) {
        let sources = serde_json::from_str::<StateFile>(text)
            .map(|f| f.sources)
            .unwrap_or_default();
        let version = u32::try_from(version).unwrap_or(u32::MAX);
        return DiskState::Newer { version, sources };
    }
    if version == 1 {
        return match serde_json::from_str::<StateFileV1>(text) {
            Ok(file) => DiskState::Current(migrate_v1(file)),
            Err(e) => DiskState::Damaged(format!("not a kanbao state file: {e}")),
        };
    }
    if version < u64::from(VERSION) {
        return DiskState::Damaged(format!("unknown version {version}"));
    }
    match serde_json::from_str::<StateFile>(text) {
        Ok(file) => DiskState::Current(file.sources),
        Err(e) => DiskState::Damaged(format!("not a kanbao state file: {e}")),
    }
}

/// Whether `bytes` begin as kanbao writes a state file: `{`, the key `"version"`, `:`, a
/// number, `,` and the key `"sources"`, white space allowed between them. What follows may
/// be anything (a file cut short, a bad byte).
pub(crate) fn signed(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    if !(eat(&mut rest, b"{") && eat(&mut rest, b"\"version\"") && eat(&mut rest, b":")) {
        return false;
    }
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    rest = &rest[digits..];
    digits > 0 && eat(&mut rest, b",") && eat(&mut rest, b"\"sources\"")
}

/// Skips white space and then `token` at the start of `rest`; false if `token` is not there.
fn eat(rest: &mut &[u8], token: &[u8]) -> bool {
    match rest.trim_ascii_start().strip_prefix(token) {
        Some(after) => {
            *rest = after.trim_ascii_start();
            true
        }
        None => false,
    }
}

/// The file a state path names: `path` itself, or where its symbolic links lead (the last
/// one may lead to a file that does not exist yet). Saves read, lock and replace that file,
/// so a linked state file stays linked.
pub(crate) fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&at)?;
                at = folder(&at).join(target);
            }
            // Not a link, or nothing there (or no way to look): what reads or writes it next
            // says what is wrong.
            Ok(_) | Err(_) => return Ok(at),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row"
    )))
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
    if let Ok(meta) = fs::metadata(path) {
        keep_owner_and_mode(temp.as_file(), &meta).map_err(io_err("write", temp.path()))?;
    }
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io_err("write", temp.path()))?;
    before_rename(temp.path()).map_err(io_err("write", temp.path()))?;
    temp.persist(path)
        .map_err(|e| io_err("replace", path)(e.error))?;
    sync_folder(dir).map_err(io_err("sync the folder", dir))
}

/// Gives the new file the permission bits of the one it replaces and, where the system lets
/// this process (root saving a user's file), its owner.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, fchown};
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (old.uid(), old.gid()) {
        // Only root may give a file away; anyone else keeps the file as their own.
        let _ = fchown(file, Some(old.uid()), Some(old.gid()));
    }
    file.set_permissions(old.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
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
        let current = br#"{"version":1,"sources":{}}"#;
        assert!(matches!(parse(current), DiskState::Current(s) if s.is_empty()));
        let current =
            br#"{"version":2,"sources":{"k":{"entries":{"1":{"read":{"v":true,"at":3}}}}}}"#;
        assert!(matches!(parse(current), DiskState::Current(s) if s["k"].is_read("1")));
        // Damaged: kanbao's own shape, gone wrong.
        for damaged in [
            &b"{\"version\":1,\"sources\":{\"\xff\":{}}}"[..],
            b"{\n  \"version\": 1,\n  \"sources\": {\n    \"builtin\": {",
            br#"{"version":0,"sources":{}}"#,
            br#"{"version":"1","sources":{}}"#,
            br#"{"version":1,"sources":{"a":{"1":{"read":"yes"}}}}"#,
            br#"{"version":1,"sources":[]}"#,
            br#"{"version":2,"sources":{"k":{"entries":{"1":{"read":true}}}}}"#,
        ] {
            assert!(
                matches!(parse(damaged), DiskState::Damaged(_)),
                "{damaged:?}"
            );
        }
        assert!(matches!(
            parse(b"\xff\xfe"),
            DiskState::NotState(NotState::Content)
        ));
        // Not a state file: other JSON, text, a cut file that does not begin as kanbao's.
        for other in [
            &b"{"[..],
            br#"{"sources":{}}"#,
            br#"{"version":1}"#,
            br#"{"version":"1.0.0","name":"x"}"#,
            br#"[{"id":"1","title":"x"}]"#,
            br#"{"articles":[{"id":"1"#,
            br#"{"version":1,"name":"#,
            b"hello",
        ] {
            assert!(
                matches!(parse(other), DiskState::NotState(NotState::Content)),
                "{other:?}"
            );
        }
        assert!(matches!(parse(b""), DiskState::NotState(NotState::Empty)));
        assert!(matches!(
            parse(b" \n"),
            DiskState::NotState(NotState::Empty)
        ));
        assert!(matches!(
            parse(br#"{"version":3,"sources":"new shape"}"#),
            DiskState::Newer { version: 3, sources } if sources.is_empty()
        ));
    }

    #[test]
    fn reads_stop_past_the_limit_whatever_the_reader() {
        // An endless reader, as /dev/zero is: one byte past the limit is read, no more.
        assert!(read_capped(io::repeat(0), 1000).expect("read").is_none());
        let ten = read_capped(&[7u8; 10][..], 10).expect("read");
        assert_eq!(ten.as_deref(), Some(&[7u8; 10][..]));
        assert!(read_capped(&[7u8; 11][..], 10).expect("read").is_none());
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
