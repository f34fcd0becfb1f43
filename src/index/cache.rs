//! Where indexes live and when one may be trusted.
//!
//! One index per data file, in `$XDG_CACHE_HOME/kanbao/index/<key>/` (the platform's cache
//! folder elsewhere), never next to the data. The key is a hash of the file's canonical path.
//! Beside tantivy's files the folder holds `kanbao-index.json` ([`Meta`]), written last: it
//! names the data file, its size, modification time and a hash of its first and last blocks,
//! and the size and checksum of every index file. An index is used only when all of these
//! match; anything else (a changed data file, a truncated or scribbled index file, a folder
//! of another program or version, a build that stopped half-way) means it is rebuilt.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::schema::FORMAT;

/// The sidecar file's name.
pub const META: &str = "kanbao-index.json";
/// The file of the articles' id hashes (sorted u64, little-endian).
pub const IDS: &str = "kanbao-ids.bin";
/// Bytes hashed at each end of a data file.
const BLOCK: u64 = 64 << 10;
/// Bytes hashed at each end of an index file of a folder too large to check whole: its
/// size and its end (tantivy's footer) tell a truncated or unfinished file. Until session
/// 25 it was `BLOCK`: reading 128 KiB of each of 240 files cost about 8 ms of every
/// command at a million articles (a sidecar that says nothing still means that).
pub const INDEX_ENDS: u64 = 4 << 10;
/// Index folders up to this size have every byte of every file checked at open.
const FULL_CHECK: u64 = 64 << 20;

/// The cache folder of indexes: `$XDG_CACHE_HOME/kanbao/index` when that variable is an
/// absolute path, else the platform's cache folder. `None` when there is none.
pub fn root() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let dir = match xdg {
        Some(dir) => dir.join("kanbao"),
        None => directories::ProjectDirs::from("", "", "kanbao")?
            .cache_dir()
            .to_owned(),
    };
    Some(dir.join("index"))
}

/// FNV-1a, 64 bits: stable across versions and platforms (the key of a cache folder).
pub fn fnv(bytes: &[u8]) -> u64 {
    crate::state::fnv(bytes)
}

/// The folder of the index of the data file at `canonical` under `root`.
pub fn folder(root: &Path, canonical: &Path) -> PathBuf {
    let path = canonical.to_string_lossy();
    let name: String = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .take(48)
        .collect();
    root.join(format!("{:016x}-{name}", fnv(path.as_bytes())))
}

/// What a data file looked like when it was indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u128,
    /// CRC-32 of the first and last 64 KiB.
    pub ends: u32,
}

impl Fingerprint {
    /// Reads the fingerprint of `path`.
    pub fn of(path: &Path) -> std::io::Result<Fingerprint> {
        let mut file = File::open(path)?;
        let meta = file.metadata()?;
        let size = meta.len();
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Ok(Fingerprint {
            size,
            mtime_ns,
            ends: ends_crc(&mut file, size, BLOCK)?,
        })
    }
}

/// CRC-32 of the first and last `block` bytes of `file` (`size` bytes long; each byte
/// once when it is shorter than two blocks).
fn ends_crc(file: &mut File, size: u64, block: u64) -> std::io::Result<u32> {
    let mut hasher = crc32fast::Hasher::new();
    let mut buf = vec![0u8; block.min(size) as usize];
    file.seek(SeekFrom::Start(0))?;
    file.read_exact(&mut buf)?;
    hasher.update(&buf);
    if size > block {
        let last = block.min(size - block);
        buf.truncate(last as usize);
        file.seek(SeekFrom::Start(size - last))?;
        file.read_exact(&mut buf)?;
        hasher.update(&buf);
    }
    Ok(hasher.finalize())
}

/// One file of an index folder, as it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexFile {
    /// The file's name in the folder.
    pub name: String,
    /// Its size.
    pub size: u64,
    /// CRC-32 of the whole file (folders under 64 MB) or of its ends.
    pub crc: u32,
}

/// The sidecar of an index folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// [`FORMAT`] of the kanbao that built it.
    pub format: u32,
    /// The data file's canonical path.
    pub source: PathBuf,
    /// The data file when it was indexed.
    pub fingerprint: Fingerprint,
    /// Articles in the file.
    pub articles: u64,
    /// The page banner of a schema-1 document.
    pub banner: Option<String>,
    /// The newspaper's name of a schema-1 document (its page-level `source`), which the
    /// loader gives every article that names none (absent from indexes made before it).
    #[serde(default)]
    pub page_source: Option<String>,
    /// Every file of the index folder but this one.
    pub files: Vec<IndexFile>,
    /// Bytes hashed at each end of a file of `files` (when not hashed whole): `BLOCK`
    /// for indexes made before session 25, which stay good.
    #[serde(default = "old_ends")]
    pub ends: u64,
    /// Articles whose date is not a real day, which the loader keeps undated and warns of
    /// (0 in indexes made before session 25).
    #[serde(default)]
    pub undated: u64,
}

fn old_ends() -> u64 {
    BLOCK
}

/// Checksums of the files of the index folder `dir` (all but the sidecar), each whole in a
/// small folder, else by its size and its ends (`ends` bytes at each; [`INDEX_ENDS`] for a
/// new index).
pub fn index_files(dir: &Path, ends: u64) -> std::io::Result<Vec<IndexFile>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // tantivy's lock files come and go; the sidecar is what is being written.
        if name == META || name.ends_with(".lock") || !entry.file_type()?.is_file() {
            continue;
        }
        names.push(name);
    }
    names.sort();
    let total: u64 = names
        .iter()
        .filter_map(|n| std::fs::metadata(dir.join(n)).ok())
        .map(|m| m.len())
        .sum();
    let full = total <= FULL_CHECK;
    names
        .into_iter()
        .map(|name| {
            let (size, crc) = file_crc(&dir.join(&name), full, ends)?;
            Ok(IndexFile { name, size, crc })
        })
        .collect()
}

fn file_crc(path: &Path, full: bool, ends: u64) -> std::io::Result<(u64, u32)> {
    let mut file = File::open(path)?;
    let size = file.metadata()?.len();
    if full {
        let mut hasher = crc32fast::Hasher::new();
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
        }
        Ok((size, hasher.finalize()))
    } else {
        Ok((size, ends_crc(&mut file, size, ends)?))
    }
}

/// Why an index was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// There is none.
    Missing,
    /// The data file changed since it was indexed.
    Changed,
    /// Another version of kanbao, with another layout of the index, built it (built again
    /// without a warning: nothing is wrong).
    Outdated,
    /// The index is damaged, foreign or unfinished; the text says how.
    Damaged(String),
}

/// Reads and checks the sidecar of `dir` against the data file at `canonical`.
pub fn check(dir: &Path, canonical: &Path, now: &Fingerprint) -> Result<Meta, Stale> {
    if !dir.exists() {
        return Err(Stale::Missing);
    }
    let damaged = |what: String| Stale::Damaged(what);
    let text = std::fs::read(dir.join(META))
        .map_err(|e| damaged(format!("{}: {e}", dir.join(META).display())))?;
    let meta: Meta = serde_json::from_slice(&text)
        .map_err(|e| damaged(format!("{}: {e}", dir.join(META).display())))?;
    if meta.format != FORMAT {
        return Err(Stale::Outdated);
    }
    if meta.source != canonical {
        return Err(damaged(format!("built for {}", meta.source.display())));
    }
    if meta.fingerprint != *now {
        return Err(Stale::Changed);
    }
    let files =
        index_files(dir, meta.ends).map_err(|e| damaged(format!("{}: {e}", dir.display())))?;
    if files != meta.files {
        let bad = files
            .iter()
            .zip(&meta.files)
            .find(|(a, b)| a != b)
            .map_or_else(
                || "files missing or added".to_string(),
                |(a, _)| a.name.clone(),
            );
        return Err(damaged(format!("{} does not match its checksum", bad)));
    }
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crc(parts: &[&[u8]]) -> u32 {
        let mut h = crc32fast::Hasher::new();
        parts.iter().for_each(|p| h.update(p));
        h.finalize()
    }

    #[test]
    fn the_ends_are_hashed_each_byte_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7 + i / 255) as u8).collect();
        for size in [0, 10, 4096, 5000, 9000, 70_000, 300_000] {
            std::fs::write(&path, &bytes[..size]).unwrap();
            let mut file = File::open(&path).unwrap();
            for block in [INDEX_ENDS as usize, BLOCK as usize] {
                let b = &bytes[..size];
                let want = match size > block {
                    true => crc(&[&b[..block], &b[size - block.min(size - block)..]]),
                    false => crc(&[b]),
                };
                let got = ends_crc(&mut file, size as u64, block as u64).unwrap();
                assert_eq!(got, want, "size {size}, block {block}");
            }
        }
    }

    #[test]
    fn a_sidecar_made_before_the_ends_were_recorded_is_read_with_the_old_ends() {
        let meta = Meta {
            format: FORMAT,
            source: "/a.jsonl".into(),
            fingerprint: Fingerprint {
                size: 1,
                mtime_ns: 2,
                ends: 3,
            },
            articles: 4,
            banner: None,
            page_source: None,
            files: Vec::new(),
            ends: INDEX_ENDS,
            undated: 0,
        };
        let mut json: serde_json::Value = serde_json::to_value(&meta).unwrap();
        json.as_object_mut().unwrap().remove("ends");
        let old: Meta = serde_json::from_value(json).unwrap();
        assert_eq!(old.ends, BLOCK);
        assert_eq!(
            Meta {
                ends: INDEX_ENDS,
                ..old
            },
            meta
        );
    }
}
