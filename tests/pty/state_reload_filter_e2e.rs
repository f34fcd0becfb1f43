//! The reader open with "noted only" on (`N`) in one terminal takes in a note `kanbao note`
//! saved from another, and the note's article joins the list at the next key, without the
//! filter being changed (it joined only when the filter was next changed).
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use support::Term;

/// `kanbao --state STATE ARGS…`, as a separate process, which must succeed.
fn kanbao(state: &str, args: &[&str]) {
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
}

#[test]
fn a_note_from_another_pane_joins_the_noted_only_list() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let state = state.to_str().unwrap();
    kanbao(state, &["note", "2", "先写的意见"]);
    let mut t = Term::start(&["--state", state], 80, 24);
    t.wait_text("7 篇");
    t.send("N");
    t.wait_for("only the noted article", |s| {
        s.contains("有审读意见") && s.contains("1/7 篇")
    });
    kanbao(state, &["note", "1", "另一个窗格写的意见"]);
    // An idle reader does not wake for it: the next key (one that changes nothing here)
    // takes it in, and the list is filtered again.
    t.send("k");
    t.wait_for("both noted articles", |s| {
        s.contains("有审读意见") && s.contains("2/7 篇")
    });
    t.send("q");
    t.expect_restored();
}
