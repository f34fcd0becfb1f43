use std::path::Path;
use std::sync::{Arc, Mutex};

use super::*;
use crate::state::Access;

const SRC: &str = "k";

fn open(path: &Path) -> StateStore {
    StateStore::open(Some(path.to_owned())).0
}

/// What `kanbao note` / `kanbao tag` do: open, change, save, end.
fn other(path: &Path, change: impl FnOnce(&mut StateStore)) {
    let (mut store, _) = StateStore::open_with(Some(path.to_owned()), Access::Change).unwrap();
    change(&mut store);
    store.save().unwrap();
}

/// A state file written by hand (a temporary file renamed into place, as saves do), with a
/// note on article 1 stamped `at`.
fn write_note(path: &Path, note: &str, at: u64) {
    let text = format!(
        r#"{{"version":2,"sources":{{"{SRC}":{{"entries":{{"1":{{"note":{{"v":"{note}","at":{at}}}}}}}}}}}}}"#
    );
    let temp = path.with_extension("tmp");
    fs::write(&temp, text).unwrap();
    fs::rename(&temp, path).unwrap();
}

#[test]
fn another_processs_save_is_taken_in_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut reader = open(&path);
    assert!(reader.looks());
    assert!(!reader.changed_on_disk(), "no file yet, none seen");
    assert!(!reader.reload());
    other(&path, |s| {
        s.set_note(SRC, "1", "待核实来源");
        s.set_tag(SRC, "2", "已审", true);
    });
    assert!(reader.changed_on_disk());
    assert!(reader.reload(), "a save by another kanbao is merged in");
    assert_eq!(reader.note(SRC, "1"), Some("待核实来源"));
    assert_eq!(reader.tags(SRC, "2"), ["已审"]);
    assert!(
        !reader.dirty(),
        "what was read is not a change of this process"
    );
    assert!(!reader.changed_on_disk());
    assert!(!reader.reload(), "the same file is not read twice");
    // A second change by the other process comes in too.
    other(&path, |s| s.set_note(SRC, "1", ""));
    assert!(reader.reload());
    assert_eq!(reader.note(SRC, "1"), None);
}

#[test]
fn unsaved_changes_stay_on_top_and_both_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut reader = open(&path);
    reader.set_read(SRC, "1", true);
    reader.set_bookmarked(SRC, "3", true);
    other(&path, |s| {
        s.set_note(SRC, "1", "另一个进程的意见");
        s.set_tag(SRC, "2", "待核实", true);
    });
    assert!(reader.reload());
    assert!(
        reader.is_read(SRC, "1"),
        "the unsaved read mark survives the reload"
    );
    assert!(reader.is_bookmarked(SRC, "3"));
    assert_eq!(reader.note(SRC, "1"), Some("另一个进程的意见"));
    assert!(reader.dirty(), "and is still to be saved");
    reader.save().unwrap();
    assert!(
        !reader.changed_on_disk(),
        "this process's own save is not news"
    );
    let fresh = open(&path);
    assert!(fresh.is_read(SRC, "1"));
    assert!(fresh.is_bookmarked(SRC, "3"));
    assert_eq!(fresh.note(SRC, "1"), Some("另一个进程的意见"));
    assert_eq!(fresh.tags(SRC, "2"), ["待核实"]);
}

#[test]
fn one_field_changed_on_both_sides_goes_to_the_newer_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut reader = open(&path);
    reader.set_note(SRC, "1", "本进程的意见");
    // Stamped before this process's change: this process's unsaved note stays.
    write_note(&path, "older", 1);
    assert!(reader.reload());
    assert_eq!(reader.note(SRC, "1"), Some("本进程的意见"));
    // Stamped after it (as a save made later is): the file's note wins, as a save would.
    write_note(&path, "newer", u64::MAX / 2);
    assert!(reader.reload());
    assert_eq!(reader.note(SRC, "1"), Some("newer"));
}

#[test]
fn a_file_that_is_not_good_state_now_is_left_alone_and_read_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    other(&path, |s| s.set_note(SRC, "1", "意见"));
    let mut reader = open(&path);
    reader.set_read(SRC, "2", true);
    for bad in [
        &b"{\"version\": 2, \"sources\": {\"k\": {"[..],
        b"",
        b"[1, 2, 3]",
        b"{\"version\": 9, \"sources\": {}}",
    ] {
        fs::write(&path, bad).unwrap();
        assert!(!reader.reload(), "{bad:?}");
        assert_eq!(fs::read(&path).unwrap(), bad, "left byte for byte");
        assert_eq!(reader.note(SRC, "1"), Some("意见"), "nothing read is lost");
        assert!(reader.is_read(SRC, "2"));
        assert!(!reader.changed_on_disk(), "not read again until it changes");
    }
    fs::remove_file(&path).unwrap();
    assert!(!reader.reload(), "a file gone is left to the next save");
    assert_eq!(reader.note(SRC, "1"), Some("意见"));
    write_note(&path, "修好了", u64::MAX / 2);
    assert!(reader.reload(), "a good file again is taken in");
    assert_eq!(reader.note(SRC, "1"), Some("修好了"));
    assert!(reader.is_read(SRC, "2"));
}

#[test]
fn a_store_that_does_not_save_does_not_look() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let (read_only, _) = StateStore::open_with(Some(path.clone()), Access::ReadOnly).unwrap();
    assert!(!read_only.looks());
    assert!(!StateStore::disabled().looks());
    let mut off = StateStore::disabled();
    other(&path, |s| s.set_note(SRC, "1", "x"));
    assert!(!off.reload());
    assert_eq!(off.note(SRC, "1"), None);
}

#[test]
fn the_shared_store_reloads_and_skips_while_a_save_is_under_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let shared: SharedStore = Arc::new(Mutex::new(open(&path)));
    other(&path, |s| s.set_note(SRC, "1", "意见"));
    lock(&shared).in_flight = Some(Sources::new());
    assert!(
        !StateStore::reload_shared(&shared),
        "a background save's result will hold it"
    );
    lock(&shared).in_flight = None;
    assert!(StateStore::reload_shared(&shared));
    assert_eq!(lock(&shared).note(SRC, "1"), Some("意见"));
}

#[test]
fn a_save_that_ended_between_the_look_and_the_merge_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut reader = open(&path);
    other(&path, |s| s.set_note(SRC, "1", "意见"));
    let look = reader.look().unwrap();
    let (version, found) = look.read().unwrap();
    // This process saves meanwhile (the signal handler's save, on another thread).
    reader.set_read(SRC, "2", true);
    reader.save().unwrap();
    assert!(!reader.take(&look, version, found), "the read is stale");
    assert!(reader.is_read(SRC, "2"));
    assert_eq!(reader.note(SRC, "1"), Some("意见"), "the save merged it in");
}

/// The reader's reload reads and parses the file on a thread of its own, never on the
/// thread that takes keys (the caller's), and what it read still arrives: merged into the
/// shared store once the read has ended. An unchanged file starts no read.
#[test]
fn a_reload_reads_on_a_thread_of_its_own_and_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let shared: SharedStore = Arc::new(Mutex::new(open(&path)));
    assert!(
        StateStore::spawn_reload(&shared).is_none(),
        "nothing changed"
    );
    other(&path, |s| s.set_note(SRC, "1", "另一个窗格写的意见"));
    let (tell, told) = std::sync::mpsc::channel();
    let handle = job::spawn_with(&shared, move || {
        let _ = tell.send(std::thread::current().id());
    })
    .expect("a read of the changed file");
    let reader = told
        .recv_timeout(std::time::Duration::from_secs(20))
        .unwrap();
    assert_ne!(
        reader,
        std::thread::current().id(),
        "read on the keys' thread"
    );
    assert!(handle.wait(), "the note arrives");
    assert_eq!(lock(&shared).note(SRC, "1"), Some("另一个窗格写的意见"));
    assert!(StateStore::spawn_reload(&shared).is_none(), "read once");
}
