//! The reader open in one terminal takes in what `kanbao note` saved from another, without a
//! restart (the reader looks at its state file each time it wakes: at the next key), and
//! its own unsaved mark survives that and is saved with it at quit.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use std::time::{Duration, Instant};

use support::{Term, WAIT};

/// Rows showing the note mark 注 under an article's marks (the list's second column).
fn noted_rows(screen: &str) -> usize {
    screen
        .lines()
        .filter(|l| l.chars().nth(1) == Some('注'))
        .count()
}

/// `kanbao --state STATE ARGS…`, as a separate process, which must succeed.
fn kanbao(state: &str, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("kanbao")
        .unwrap()
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("kanbao-test-no-config"),
        )
        .env_remove("KANBAO_CONFIG")
        .env_remove("KANBAO_DATA")
        .args(["--state", state])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_note_saved_by_another_kanbao_shows_in_the_open_reader() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let state = state.to_str().unwrap();
    let mut t = Term::start(&["--state", state], 80, 24);
    t.wait_text("7 篇");
    assert_eq!(noted_rows(&t.contents()), 0, "{}", t.contents());
    kanbao(state, &["note", "1", "另一个窗格写的意见"]);
    // An idle reader does not wake for it (no CPU while nobody types): the next key shows it.
    t.send("j");
    t.wait_for("the note mark of article 1", |s| noted_rows(s) == 1);
    // A tag from yet another process comes in too: the tag filter (`#`, which goes to the
    // first tag in use) finds it once it is taken in; until then it says there are no tags.
    kanbao(state, &["tag", "1", "+待核实"]);
    let start = Instant::now();
    while !t.contents().contains("#待核实") {
        assert!(start.elapsed() < WAIT, "no tag came:\n{}", t.contents());
        t.send("#");
        std::thread::sleep(Duration::from_millis(300));
        t.pump();
    }
    t.send("q");
    t.expect_restored();
}

#[test]
fn the_readers_unsaved_bookmark_survives_a_reload_and_both_are_saved_at_quit() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let state_str = state.to_str().unwrap();
    let mut t = Term::start(&["--state", state_str], 80, 24);
    t.wait_text("7 篇");
    // Bookmark article 1, then keep typing (down, up) so the reader's quiet-time save does
    // not run: the bookmark stays unsaved while the other process saves and is taken in.
    t.send("m");
    t.wait_text("已收藏");
    kanbao(state_str, &["note", "1", "另一个窗格写的意见"]);
    let start = Instant::now();
    loop {
        t.send("j");
        std::thread::sleep(Duration::from_millis(100));
        t.send("k");
        std::thread::sleep(Duration::from_millis(100));
        t.pump();
        if noted_rows(&t.contents()) == 1 {
            break;
        }
        assert!(
            start.elapsed() < WAIT,
            "the note never showed:\n{}",
            t.contents()
        );
    }
    let on_disk: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    let entry = |v: &serde_json::Value| -> serde_json::Value {
        v["sources"]
            .as_object()
            .unwrap()
            .values()
            .find_map(|s| s["entries"].get("1").cloned())
            .unwrap()
    };
    assert!(
        entry(&on_disk).get("bookmarked").is_none(),
        "the bookmark was still unsaved at the reload: {on_disk}"
    );
    t.send("q");
    t.expect_restored();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    let one = entry(&saved);
    assert_eq!(one["bookmarked"]["v"], true, "{saved}");
    assert_eq!(one["note"]["v"], "另一个窗格写的意见", "{saved}");
    assert_eq!(kanbao(state_str, &["note", "1"]), "另一个窗格写的意见\n");
}
