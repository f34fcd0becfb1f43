//! Which data a piece of state belongs to: a visible name and a fingerprint of the data's
//! article ids, with the path only as a hint. Moving or copying an archive keeps its
//! fingerprint, so its marks follow it (a USB stick mounted elsewhere); data changed in place
//! is found again by its path (see `StateStore::resolve_source`).

use std::path::{Path, PathBuf};

use super::{BUILTIN, StateStore, source_key};

/// The identity of a data source in the state file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceId {
    /// A name a person can recognise: the data file's or folder's name (several joined by
    /// `+`), or `builtin`.
    pub name: String,
    /// 16 hex digits: an order-free digest of the data's article ids (see `fingerprint`).
    /// Empty for the bundled data.
    pub fingerprint: String,
    /// The canonical path(s) the data was read from, joined by newlines; `None` for the
    /// bundled data.
    pub path: Option<String>,
}

impl SourceId {
    /// The bundled data.
    pub fn builtin() -> SourceId {
        SourceId {
            name: BUILTIN.to_owned(),
            fingerprint: String::new(),
            path: None,
        }
    }

    /// The data read from `paths` (none: the bundled data), holding articles with `ids`.
    pub fn of<'a>(paths: &[PathBuf], ids: impl IntoIterator<Item = &'a str>) -> SourceId {
        SourceId::of_digest(paths, digest(ids.into_iter().map(|id| fnv(id.as_bytes()))))
    }

    /// The data read from `paths`, whose ids give `digest` (see [`digest`]): an indexed
    /// archive keeps its ids' hashes, so its key needs no article read.
    pub fn of_digest(paths: &[PathBuf], digest: (u64, u64)) -> SourceId {
        if paths.is_empty() {
            return SourceId::builtin();
        }
        let name = paths
            .iter()
            .map(|p| display_name(p))
            .collect::<Vec<_>>()
            .join("+");
        let path = paths
            .iter()
            .map(|p| source_key(Some(p)))
            .collect::<Vec<_>>()
            .join("\n");
        let (sum, count) = digest;
        SourceId {
            name,
            fingerprint: format!("{:016x}", mix(sum ^ count.rotate_left(32))),
            path: Some(path),
        }
    }

    /// The key in the state file: `<name>#<fingerprint>`, or `builtin`.
    pub fn key(&self) -> String {
        if self.path.is_none() {
            BUILTIN.to_owned()
        } else {
            format!("{}#{}", self.name, self.fingerprint)
        }
    }
}

impl StateStore {
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
}

/// The last component of `path` (the path itself when it has none).
fn display_name(path: &Path) -> String {
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    canonical.file_name().map_or_else(
        || canonical.to_string_lossy().into_owned(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// An order-free digest of ids from their 64-bit FNV-1a hashes ([`fnv`]): the wrapping sum
/// of each hash mixed, and the count. The fingerprint is this digest mixed, as 16 hex digits.
/// Linear (no sort, so a million ids cost a pass), stable across builds and platforms
/// (unlike the standard library's hasher), and additive: the digests of the files of a
/// folder add up to the folder's. The ids of a collection are unique (the loader refuses
/// duplicates).
pub fn digest(hashes: impl IntoIterator<Item = u64>) -> (u64, u64) {
    let (mut sum, mut count) = (0u64, 0u64);
    for hash in hashes {
        sum = sum.wrapping_add(mix(hash));
        count += 1;
    }
    (sum, count)
}

/// 64-bit FNV-1a of `bytes` (the index keeps its ids' hashes so).
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
fn fingerprint<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    SourceId::of_digest(
        &[PathBuf::from("x")],
        digest(ids.into_iter().map(|i| fnv(i.as_bytes()))),
    )
    .fingerprint
}

/// The finaliser of splitmix64: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_order_and_place() {
        assert_eq!(fingerprint(["b", "a"]), fingerprint(["a", "b"]));
        assert_ne!(fingerprint(["a", "b"]), fingerprint(["ab"]));
        assert_ne!(fingerprint(["a", "b"]), fingerprint(["a", "b", "c"]));
        assert_ne!(fingerprint(["a"]), fingerprint([]));
        let here = SourceId::of(&[PathBuf::from("/x/archive")], ["1", "2"]);
        let there = SourceId::of(&[PathBuf::from("/y/archive")], ["2", "1"]);
        assert_eq!(here.key(), there.key());
        assert_ne!(here.path, there.path);
        assert!(here.key().starts_with("archive#"));
        assert_eq!(SourceId::of(&[], ["1"]).key(), BUILTIN);
    }
}
