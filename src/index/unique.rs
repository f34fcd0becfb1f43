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

/// Where the record of an archive of these files is kept: named by a hash of what it is
/// about (which the record holds too, and is compared whole).
fn path(root: &Path, files: &[Indexed]) -> PathBuf {
    let key = serde_json::to_vec(files).unwrap_or_default();
    root.join("archives")
        .join(format!("{:016x}", crate::state::fnv(&key)))
}

/// The digest of the ids of `files` (the sidecars of an archive's up-to-date indexes, in
/// order) when they were found unique before.
pub fn known(root: &Path, files: &[&Meta]) -> Option<(u64, u64)> {
    let files = indexed(files);
    let text = std::fs::read(path(root, &files)).ok()?;
    let record: Record = serde_json::from_slice(&text).ok()?;
    (record.format == FORMAT && record.files == files).then_some(record.digest)
}

/// Records that the ids of `files` are unique, with their digest; a cache that cannot be
/// written only costs the next open the check again.
pub fn remember(root: &Path, files: &[&Meta], digest: (u64, u64)) {
    let files = indexed(files);
    let to = path(root, &files);
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
