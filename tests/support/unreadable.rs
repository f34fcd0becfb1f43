//! An index made unreadable after it was opened, and made readable again: its files written
//! over with zeros in place, the same size (tantivy maps them and reads the zeros; a
//! truncated mapped file would fault, not fail), then put back.

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use kanbao::index::{self, Archive};
use tempfile::TempDir;

/// A generated file of 200 articles indexed under its own cache root, its index opened,
/// and the index's folder.
pub fn opened() -> (TempDir, PathBuf, Archive) {
    let dir = TempDir::new().unwrap();
    let (root, file) = (dir.path().join("cache"), dir.path().join("a.jsonl"));
    let mut data = Vec::new();
    kanbao::archive::generate(200, 7, &mut data).unwrap();
    std::fs::write(&file, data).unwrap();
    index::update(&root, &file, &mut Vec::new(), &mut |_, _, _| {}).unwrap();
    let archive = index::open_in(&root, &file, &mut Vec::new()).unwrap();
    let folder = index::cache::folder(&root, &file.canonicalize().unwrap());
    (dir, folder, archive)
}

/// Writes zeros over each file of the index `folder` whose name ends in `.ext`, in place;
/// gives back what they held.
pub fn zero(folder: &Path, ext: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut saved = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == ext) {
            let bytes = std::fs::read(&path).unwrap();
            write_in_place(&path, &vec![0; bytes.len()]);
            saved.push((path, bytes));
        }
    }
    assert!(!saved.is_empty(), "no .{ext} file in {}", folder.display());
    saved
}

/// Puts back what [`zero`] wrote over.
pub fn restore(saved: &[(PathBuf, Vec<u8>)]) {
    for (path, bytes) in saved {
        write_in_place(path, bytes);
    }
}

/// Writes `bytes` over the start of the file at `path` without truncating it first.
fn write_in_place(path: &Path, bytes: &[u8]) {
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(0)).unwrap();
    f.write_all(bytes).unwrap();
}
