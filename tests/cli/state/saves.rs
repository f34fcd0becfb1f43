//! Saving: marks and positions survive a round trip under their source's key, a save is
//! atomic under an injected failure and under SIGKILL, a linked file is written through and
//! files keep their mode, and `--no-state` never writes.

use std::io::{BufRead, BufReader};
use std::process::Command;
use std::time::Duration;
use std::{fs, thread};

use kanbao::state::{BUILTIN, Position, StateError, StateStore};

use super::{
    CHILD, CHILD_PATH, CHILD_PREFIX, SRC, child_args, names, open, spawn_child_pausing, state_path,
};

#[test]
fn marks_and_positions_survive_a_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    assert!(store.toggle_bookmark(SRC, "2"));
    let position = Position {
        paragraph: 3,
        offset: 12,
        ..Position::default()
    };
    store.set_position(BUILTIN, "7", position);
    assert!(store.dirty());
    store.save().unwrap();
    assert!(!store.dirty());

    let again = open(&path);
    assert!(again.is_read(SRC, "1"));
    assert!(!again.is_bookmarked(SRC, "1"));
    assert!(again.is_bookmarked(SRC, "2"));
    assert!(!again.is_read(SRC, "2"));
    assert_eq!(again.position(BUILTIN, "7"), Some(position));
    assert_eq!(again.position(SRC, "1"), None);

    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
    let one = &json["sources"][SRC]["entries"]["1"];
    assert_eq!(one["read"]["v"], true);
    assert!(one["read"]["at"].as_u64().unwrap() > 0);
    assert_eq!(
        json["sources"][BUILTIN]["entries"]["7"]["position"]["v"]["offset"],
        12
    );
}

#[test]
fn source_keys_keep_two_archives_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read("/a/one.json", "1", true);
    store.set_bookmarked("/b/two.json", "1", true);
    store.save().unwrap();

    let again = open(&path);
    assert!(again.is_read("/a/one.json", "1"));
    assert!(!again.is_read("/b/two.json", "1"));
    assert!(!again.is_bookmarked("/a/one.json", "1"));
    assert!(again.is_bookmarked("/b/two.json", "1"));
    assert!(!again.is_read(BUILTIN, "1"));
}

#[test]
fn source_key_is_the_canonical_path_or_builtin() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("a.json");
    fs::write(&data, "{}").unwrap();
    let dotted = dir.path().join(".").join("a.json");
    let key = kanbao::state::source_key(Some(&dotted));
    assert_eq!(key, fs::canonicalize(&data).unwrap().to_string_lossy());
    assert_eq!(kanbao::state::source_key(None), BUILTIN);
}

#[test]
fn a_change_that_changes_nothing_leaves_the_store_clean() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&state_path(&dir));
    store.set_read(SRC, "1", false);
    store.set_bookmarked(SRC, "1", false);
    assert!(!store.dirty());
    assert!(store.source(SRC).is_none());
    store.save_if_dirty().unwrap();
    assert!(!state_path(&dir).exists());
}

#[test]
fn save_creates_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep").join("er").join("state.json");
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    store.save_if_dirty().unwrap();
    assert!(open(&path).is_read(SRC, "1"));
}

#[test]
fn failure_between_write_and_rename_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "old", true);
    store.save().unwrap();
    let old = fs::read(&path).unwrap();

    store.set_read(SRC, "new", true);
    let mut saw_temp = false;
    let result = store.save_with_hook(&mut |temp| {
        // The new content is complete in the temporary file, beside the old one.
        saw_temp = fs::read_to_string(temp)?.contains("\"new\"");
        Err(std::io::Error::other("injected"))
    });
    assert!(saw_temp);
    assert!(matches!(result, Err(StateError::Io { .. })), "{result:?}");
    assert_eq!(fs::read(&path).unwrap(), old);
    let reread = open(&path);
    assert!(reread.is_read(SRC, "old") && !reread.is_read(SRC, "new"));
    assert_eq!(names(dir.path()), ["state.json", "state.json.lock"]);

    // The change is still pending and the next save writes it.
    assert!(store.dirty());
    store.save_if_dirty().unwrap();
    assert!(open(&path).is_read(SRC, "new"));
}

#[test]
fn sigkill_during_saves_never_leaves_a_torn_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_position(SRC, "0", Position::default());
    store.save().unwrap();

    let mut last = 0;
    let mut killed_mid_save = 0;
    for round in 0..20u64 {
        // Even rounds hold a save between write and rename and kill it there, so the test
        // proves kills land mid-save; odd rounds kill at a moment left to chance.
        let pause_at = (round % 2 == 0).then_some(2 + round % 5);
        let mut child = spawn_child_pausing("writer", &path, "", pause_at);
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let cue = if pause_at.is_some() {
            "paused"
        } else {
            "ready"
        };
        // Bounded: the writer ends by itself within 20 s, closing the pipe.
        assert!(
            lines.any(|l| l.unwrap().ends_with(cue)),
            "the writer never said {cue:?}"
        );
        if pause_at.is_none() {
            thread::sleep(Duration::from_millis(1 + round % 7));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        // A temporary file left behind means the kill landed between write and rename.
        let torn = names(dir.path()).len() > 2;
        killed_mid_save += usize::from(torn);
        if pause_at.is_some() {
            assert!(
                torn,
                "no temporary file after a kill between write and rename"
            );
        }

        let store = open(&path);
        let generations: Vec<usize> = (0..50)
            .map(|id| store.position(SRC, &id.to_string()).unwrap().paragraph)
            .collect();
        assert!(
            generations.iter().all(|&g| g == generations[0]),
            "a file mixing two saves: {generations:?}"
        );
        assert!(generations[0] > last, "the file went back or never moved");
        if let Some(n) = pause_at {
            // The saves before the held one landed whole; the held one did not land at all.
            assert_eq!(generations[0], last + n as usize - 1, "round {round}");
        }
        last = generations[0];
    }
    eprintln!("killed mid-save in {killed_mid_save} of 20 rounds");
    assert!(
        killed_mid_save >= 10,
        "only {killed_mid_save} kills mid-save"
    );

    // Temporary files of killed saves are removed by the next save, under the lock.
    let mut store = open(&path);
    store.set_read(SRC, "done", true);
    store.save().unwrap();
    assert_eq!(names(dir.path()), ["state.json", "state.json.lock"]);
}

#[cfg(unix)]
#[test]
fn a_linked_state_file_is_written_through_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("dotfiles");
    fs::create_dir(&real).unwrap();
    let target = real.join("kanbao-state.json");
    let link = state_path(&dir);
    std::os::unix::fs::symlink("dotfiles/kanbao-state.json", &link).unwrap();

    // A first save through a link that leads nowhere yet creates the target.
    let mut store = open(&link);
    store.set_read(SRC, "1", true);
    store.save().unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(open(&target).is_read(SRC, "1"));

    // The user's mode is kept across saves.
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    let mut store = open(&link);
    store.set_bookmarked(SRC, "2", true);
    store.save().unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let reopened = open(&target);
    assert!(reopened.is_read(SRC, "1") && reopened.is_bookmarked(SRC, "2"));
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640);
    // The lock and the temporary files live next to the target, not the link.
    assert_eq!(names(dir.path()), ["dotfiles", "state.json"]);
}

#[cfg(unix)]
#[test]
fn a_regular_state_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    store.save().unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    store.set_read(SRC, "2", true);
    store.save().unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o644);
}

#[test]
fn no_state_never_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::disabled();
    assert!(store.path().is_none() && !store.saves());
    store.set_read(BUILTIN, "1", true);
    assert!(store.is_read(BUILTIN, "1"));
    assert!(!store.dirty());
    store.save().unwrap();

    // And in a process whose default state folder is this temporary one.
    let xdg = dir.path().join("xdg");
    fs::create_dir(&xdg).unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args(child_args())
        .env(CHILD, "disabled")
        .env(CHILD_PATH, "unused")
        .env(CHILD_PREFIX, "")
        .env("XDG_STATE_HOME", &xdg)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = xdg.join("kanbao").join("state.json");
    assert!(
        stdout.contains(&format!("default {}", expected.display())),
        "{stdout}"
    );
    assert!(names(&xdg).is_empty());
}
