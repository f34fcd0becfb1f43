//! Two kanbaos on one state file, as two stores or two processes saving at once: each field
//! merges on its own, the later change to a field wins, and no mark or note is lost.

use std::thread;
use std::time::Duration;

use kanbao::state::{BUILTIN, Position};

use super::{SRC, open, spawn_child, state_path};

#[test]
fn two_stores_on_one_file_keep_each_others_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut a = open(&path);
    let mut b = open(&path);
    a.set_read(SRC, "1", true);
    b.set_bookmarked(SRC, "2", true);
    b.set_position(
        BUILTIN,
        "3",
        Position {
            paragraph: 1,
            offset: 6,
            ..Position::default()
        },
    );
    a.save().unwrap();
    b.save().unwrap();
    // B's save brought A's mark in.
    assert!(b.is_read(SRC, "1"));

    let c = open(&path);
    assert!(c.is_read(SRC, "1"));
    assert!(c.is_bookmarked(SRC, "2"));
    assert!(c.position(BUILTIN, "3").is_some());
}

#[test]
fn two_changes_to_one_article_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut a = open(&path);
    let mut b = open(&path);
    a.set_read(SRC, "1", true);
    thread::sleep(Duration::from_millis(5));
    b.set_bookmarked(SRC, "1", true);
    // B saves first, then A: each field merges on its own, so neither change is lost.
    b.save().unwrap();
    a.save().unwrap();
    let c = open(&path);
    assert!(c.is_bookmarked(SRC, "1"));
    assert!(c.is_read(SRC, "1"));
    assert!(a.is_bookmarked(SRC, "1"));
}

#[test]
fn the_later_change_to_one_field_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut a = open(&path);
    let mut b = open(&path);
    a.set_note(SRC, "1", "旧意见");
    a.set_read(SRC, "1", true);
    thread::sleep(Duration::from_millis(5));
    b.set_note(SRC, "1", "新意见");
    // B saves first, then A: A's older note must not undo B's newer one, but A's read
    // mark (a field B never touched) is kept.
    b.save().unwrap();
    a.save().unwrap();
    let c = open(&path);
    assert_eq!(c.note(SRC, "1"), Some("新意见"));
    assert!(c.is_read(SRC, "1"));
    assert_eq!(a.note(SRC, "1"), Some("新意见"));
}

#[test]
fn unchanged_entries_do_not_undo_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut first = open(&path);
    first.set_read(SRC, "1", true);
    first.save().unwrap();

    // Both load "1 is read"; B unmarks it, A marks something else and saves later.
    let mut a = open(&path);
    let mut b = open(&path);
    b.set_read(SRC, "1", false);
    b.save().unwrap();
    a.set_read(SRC, "2", true);
    a.save().unwrap();
    let c = open(&path);
    assert!(!c.is_read(SRC, "1"));
    assert!(c.is_read(SRC, "2"));
}

#[test]
fn two_processes_saving_at_once_keep_all_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let children = [
        spawn_child("marker", &path, "a"),
        spawn_child("marker", &path, "b"),
    ];
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let store = open(&path);
    for prefix in ["a", "b"] {
        for n in 0..30 {
            assert!(
                store.is_read(SRC, &format!("{prefix}{n}")),
                "{prefix}{n} lost"
            );
        }
    }
}

#[test]
fn two_processes_writing_a_note_and_a_read_mark_to_one_entry_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let children = [
        spawn_child("marker", &path, "s"),
        spawn_child("noter", &path, "s"),
    ];
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let store = open(&path);
    for n in 0..30 {
        let id = format!("s{n}");
        assert!(store.is_read(SRC, &id), "{id}: read mark lost");
        assert_eq!(
            store.note(SRC, &id),
            Some(format!("意见 {n}").as_str()),
            "{id}"
        );
        assert_eq!(store.tags(SRC, &id), ["待核实"], "{id}");
    }
}
