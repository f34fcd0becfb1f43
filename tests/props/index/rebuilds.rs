//! Indexes that cannot be trusted: truncated, scribbled, half-written, foreign and older
//! ones are rebuilt, a changed file invalidates its index, a folder that gains a file
//! indexes only that file, ids are checked again when a file changes, and an interrupted
//! build leaves no index behind.

use std::path::{Path, PathBuf};

use kanbao::index::{self, Note};
use kanbao::search::Query;
use tempfile::TempDir;

use super::{generate, in_memory, indexed, indexed_file, open, update};

/// The index folder of `file` and its largest tantivy file.
fn largest_file(root: &Path, file: &Path) -> PathBuf {
    let dir = index::cache::folder(root, &file.canonicalize().unwrap());
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .unwrap()
}

fn assert_rebuilt_and_right(root: &Path, file: &Path) {
    let query = Query::parse("工会 gh");
    let (archive, notes) = open(root, file);
    assert!(
        matches!(notes.as_slice(), [Note::Rebuilt { .. }]),
        "{notes:?}"
    );
    assert_eq!(indexed(&archive, &query), in_memory(file, &query));
    // Rebuilt: the next open is clean.
    let (_, notes) = open(root, file);
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn a_truncated_index_file_is_detected_and_rebuilt() {
    let (_dir, root, file) = indexed_file(60);
    let big = largest_file(&root, &file);
    let len = std::fs::metadata(&big).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(&big).unwrap();
    f.set_len(len / 2).unwrap();
    drop(f);
    assert_rebuilt_and_right(&root, &file);
}

#[test]
fn a_scribbled_index_file_is_detected_and_rebuilt() {
    let (_dir, root, file) = indexed_file(60);
    let big = largest_file(&root, &file);
    let mut bytes = std::fs::read(&big).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 64] {
        *b ^= 0x5a;
    }
    std::fs::write(&big, bytes).unwrap();
    assert_rebuilt_and_right(&root, &file);
}

#[test]
fn a_half_written_or_foreign_index_is_not_trusted() {
    let (_dir, root, file) = indexed_file(40);
    let dir = index::cache::folder(&root, &file.canonicalize().unwrap());
    // Half-written: the sidecar is the last file written.
    std::fs::remove_file(dir.join(index::cache::META)).unwrap();
    assert_rebuilt_and_right(&root, &file);
    // Foreign: a sidecar that names another file.
    let meta = dir.join(index::cache::META);
    let text = std::fs::read_to_string(&meta).unwrap();
    let other = text.replace("a.jsonl", "b.jsonl");
    std::fs::write(&meta, other).unwrap();
    assert_rebuilt_and_right(&root, &file);
    // Garbage where tantivy's files were, with a sidecar that lists them.
    std::fs::write(dir.join("meta.json"), b"{ not json").unwrap();
    assert_rebuilt_and_right(&root, &file);
}

#[test]
fn an_index_of_another_version_is_built_again_without_a_warning() {
    let (_dir, root, file) = indexed_file(40);
    let meta = index::cache::folder(&root, &file.canonicalize().unwrap()).join(index::cache::META);
    let text = std::fs::read_to_string(&meta).unwrap();
    let format = format!("\"format\":{}", index::schema::FORMAT);
    assert!(text.contains(&format), "{text}");
    std::fs::write(&meta, text.replace(&format, "\"format\":1")).unwrap();
    let (report, notes) = update(&root, &file);
    assert!(notes.is_empty(), "not damaged, only older: {notes:?}");
    assert_eq!(report.built, 1);
    let query = Query::parse("gonghui");
    let (archive, notes) = open(&root, &file);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(indexed(&archive, &query), in_memory(&file, &query));
}

#[test]
fn a_changed_data_file_invalidates_its_index() {
    let (_dir, root, file) = indexed_file(40);
    let mut more = Vec::new();
    kanbao::archive::generate(5, 99, &mut more).unwrap();
    let more = String::from_utf8(more)
        .unwrap()
        .replace("\"id\":\"", "\"id\":\"new-");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(&more);
    std::fs::write(&file, text).unwrap();
    let (archive, notes) = open(&root, &file);
    assert!(notes.is_empty(), "a changed file is no damage: {notes:?}");
    assert_eq!(archive.len(), 45);
    let query = Query::parse("");
    assert_eq!(indexed(&archive, &query), in_memory(&file, &query));
}

#[test]
fn a_folder_gaining_a_file_indexes_only_the_new_one() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let folder = dir.path().join("daily");
    std::fs::create_dir(&folder).unwrap();
    generate(&folder.join("2019-01.jsonl"), 30, 1);
    let (report, _) = update(&root, &folder);
    assert_eq!((report.files, report.built, report.articles), (1, 1, 30));
    let mut b = Vec::new();
    kanbao::archive::generate(20, 8, &mut b).unwrap();
    let b = String::from_utf8(b)
        .unwrap()
        .replace("\"id\":\"", "\"id\":\"b-");
    std::fs::write(folder.join("2019-02.jsonl"), b).unwrap();
    let (report, _) = update(&root, &folder);
    assert_eq!((report.files, report.built, report.articles), (2, 1, 50));
    let (archive, _) = open(&root, &folder);
    let query = Query::parse("gonghui");
    assert_eq!(indexed(&archive, &query), in_memory(&folder, &query));
    // A removed file's articles disappear.
    std::fs::remove_file(folder.join("2019-01.jsonl")).unwrap();
    let (archive, _) = open(&root, &folder);
    assert_eq!(archive.len(), 20);
}

/// A folder of two files of 10 articles, `a.jsonl` of seed 1 and `b.jsonl` of `b_seed`:
/// the temporary folder holding it, the cache root, the folder.
fn two_files(b_seed: u64) -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let folder = dir.path().join("two");
    std::fs::create_dir(&folder).unwrap();
    generate(&folder.join("a.jsonl"), 10, 1);
    generate(&folder.join("b.jsonl"), 10, b_seed);
    (dir, root, folder)
}

#[test]
fn a_folder_with_a_duplicate_id_across_files_is_left_to_the_loader() {
    // The same seed twice: the same ids in both files.
    let (_dir, root, folder) = two_files(1);
    update(&root, &folder);
    let mut notes = Vec::new();
    assert!(index::open_in(&root, &folder, &mut notes).is_none());
    assert!(kanbao::load::load(Some(&folder)).is_err());
}

/// Ids found unique are not read again at the next open (a record in the cache); a file
/// changed to repeat another's id is checked again and the archive left to the loader.
#[test]
fn ids_found_unique_are_trusted_until_a_file_changes() {
    let (_dir, root, folder) = two_files(2);
    // Ids of another seed would collide with the first file's: shift them.
    let b = std::fs::read_to_string(folder.join("b.jsonl")).unwrap();
    std::fs::write(
        folder.join("b.jsonl"),
        b.replace("\"id\":\"", "\"id\":\"b-"),
    )
    .unwrap();
    update(&root, &folder);
    let (first, _) = open(&root, &folder);
    let records = || std::fs::read_dir(root.join("archives")).map_or(0, |d| d.count());
    assert_eq!(records(), 1, "the check is recorded");
    let (again, _) = open(&root, &folder);
    assert_eq!(again.id_digest(), first.id_digest());
    // A new file: the record is replaced, not joined by another (one per archive).
    generate(&folder.join("c.jsonl"), 5, 3);
    let c = std::fs::read_to_string(folder.join("c.jsonl")).unwrap();
    std::fs::write(
        folder.join("c.jsonl"),
        c.replace("\"id\":\"", "\"id\":\"c-"),
    )
    .unwrap();
    let (three, _) = open(&root, &folder);
    assert_eq!(three.len(), 25);
    assert_eq!(records(), 1, "one record an archive");
    std::fs::remove_file(folder.join("c.jsonl")).unwrap();
    let (loaded, _) = kanbao::load::load(Some(&folder)).unwrap();
    let from_ids =
        kanbao::state::digest(loaded.iter().map(|a| kanbao::state::fnv(a.id.as_bytes())));
    assert_eq!(
        again.id_digest(),
        from_ids,
        "the recorded digest is the ids'"
    );
    // b.jsonl now repeats an id of a.jsonl.
    let a = std::fs::read_to_string(folder.join("a.jsonl")).unwrap();
    let b = std::fs::read_to_string(folder.join("b.jsonl")).unwrap();
    let repeated = format!("{b}{}\n", a.lines().next().unwrap());
    std::fs::write(folder.join("b.jsonl"), repeated).unwrap();
    let mut notes = Vec::new();
    assert!(
        index::open_in(&root, &folder, &mut notes).is_none(),
        "{notes:?}"
    );
    assert!(kanbao::load::load(Some(&folder)).is_err());
}

#[test]
fn an_interrupted_build_leaves_no_index_and_its_leftovers_go_at_the_next_build() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let file = dir.path().join("a.jsonl");
    generate(&file, 30, 4);
    let dest = index::cache::folder(&root, &file.canonicalize().unwrap());
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    // What a build killed by Ctrl-C leaves: its temporary folder, half full, named by its
    // process; and one of a build still running (process 1 lives as long as the system).
    let name = dest.file_name().unwrap().to_string_lossy().into_owned();
    let dead = dest.with_file_name(format!("{name}.tmp-4999999-1"));
    let running = dest.with_file_name(format!("{name}.tmp-1-1"));
    for d in [&dead, &running] {
        std::fs::create_dir_all(d).unwrap();
        std::fs::write(d.join("meta.json"), b"{ half").unwrap();
    }
    // Nothing was finished: the archive has no index yet, and is not opened as indexed.
    let mut notes = Vec::new();
    assert!(index::open_in(&root, &file, &mut notes).is_none());
    assert!(notes.is_empty(), "{notes:?}");
    update(&root, &file);
    assert!(!dead.exists(), "the dead build's folder is removed");
    assert!(running.exists(), "a running build's folder is left alone");
    let (archive, notes) = open(&root, &file);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(archive.len(), 30);
}
