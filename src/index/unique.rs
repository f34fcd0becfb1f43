//! The record that an archive's files, as indexed, hold ids unique across the archive, with
//! their digest (the reading state's key of the data, see [`crate::state::digest`]). It is
//! written once the ids' hashes have been read and checked, so the next open of the same
//! files, unchanged, reads none of them (about 20 ms of every command at a million ids).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::cache::{Fingerprint, Meta};
use super::schema::FORMAT;

/// One data file as indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Indexed {
    source: PathBuf,
    fingerprint: Fingerprint,
    articles: u64,
}

/// What the record holds: the files it is about, and their ids' digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Record {
    format: u32,
    files: Vec<Indexed>,
    digest: (u64, u64),
}

fn indexed(files: &[&Meta]) -> Vec<Indexed> {
    files
        .iter()
        .map(|m| Indexed {
            source: m.source.clone(),
            fingerprint: m.fingerprint.clone(),
            articles: m.articles,
        })
        .collect()
}

/// Where the record of the archive at `archive` (a file or a folder) is kept: one a path,
/// replaced when its files change (a daily paper's folder would otherwise leave one a day).
/// The record names its files, which are compared whole.
fn path(root: &Path, archive: &Path) -> PathBuf {
    let canonical = archive
        .canonicalize()
        .unwrap_or_else(|_| archive.to_path_buf());
    let key = canonical.to_string_lossy();
    root.join("archives")
        .join(format!("{:016x}", crate::state::fnv(key.as_bytes())))
}

/// The digest of the ids of `files` (the sidecars of the up-to-date indexes of the archive
/// at `archive`, in order) when they were found unique before.
pub fn known(root: &Path, archive: &Path, files: &[&Meta]) -> Option<(u64, u64)> {
    let files = indexed(files);
    let text = std::fs::read(path(root, archive)).ok()?;
    let record: Record = serde_json::from_slice(&text).ok()?;
    (record.format == FORMAT && record.files == files).then_some(record.digest)
}

/// Records that the ids of `files` are unique, with their digest; a cache that cannot be
/// written only costs the next open the check again.
pub fn remember(root: &Path, archive: &Path, files: &[&Meta], digest: (u64, u64)) {
    let files = indexed(files);
    let to = path(root, archive);
    let record = Record {
        format: FORMAT,
        files,
        digest,
    };
    let Ok(text) = serde_json::to_vec(&record) else {
        return;
    };
    let Some(dir) = to.parent() else { return };
    let tmp = to.with_extension(format!("tmp-{}", std::process::id()));
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&tmp, text))
        .and_then(|()| std::fs::rename(&tmp, &to));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
