//! The reader over an archive indexed on its first use, in a pseudo-terminal (issue 12): the
//! indexing progress shows before the reader starts, the reader then reads through the
//! index (its list, a search, an opened article), and the next start opens the index at once.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::path::Path;

use rexpect::process::Signal;
use support::Term;

#[test]
fn a_large_archive_is_indexed_on_first_open_and_read_through_its_index() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let state = dir.path().join("state.json");
    let data = dir.path().join("a.jsonl");
    let mut bytes = Vec::new();
    kanbao::archive::generate(300, 12, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    let (data, state) = (data.to_str().unwrap(), state.to_str().unwrap());
    let cache = cache.to_str().unwrap();
    let env = [("XDG_CACHE_HOME", cache), ("KANBAO_AUTO_INDEX", "1000")];
    let args = ["--data", data, "--state", state];
    let mut term = Term::start_with(&args, &env, 100, 30);
    // The reader's status bar (the indexing screen names 300 篇 too).
    term.wait_text("? 帮助");
    term.wait_text("300 篇");
    let raw = String::from_utf8_lossy(&term.raw).into_owned();
    assert!(
        raw.contains("正在建立索引"),
        "the first open says it indexes"
    );
    assert!(raw.contains("Ctrl-C"), "on a screen that says how to leave");
    // A search ranked from the index; the first result opened.
    term.send("/");
    term.wait_text("搜索：");
    term.send("驿站");
    term.wait_text("搜索：驿站");
    term.send("\r");
    term.wait_for("results", |s| {
        s.contains("/300 篇") && !s.contains("搜索中")
    });
    term.send("\r");
    term.wait_text("第 1/");
    term.send("q");
    term.send("q");
    term.expect_restored();
    assert!(
        std::path::Path::new(cache).join("kanbao/index").is_dir(),
        "the index is in the cache"
    );
    // The next start opens it: no indexing again, the search kept from the last session.
    let mut again = Term::start_with(&args, &env, 100, 30);
    again.wait_text("? 帮助");
    again.wait_text("/300 篇");
    let raw = String::from_utf8_lossy(&again.raw).into_owned();
    assert!(!raw.contains("正在建立索引"), "indexed once only");
    assert!(
        again.contents().contains("驿站"),
        "the session's search is back"
    );
    again.send("q");
    again.expect_restored();
}

/// An archive big enough that indexing it takes a while, never indexed: the folder holding
/// it (and the cache), the data file, and the cache folder.
fn unindexed_archive() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let data = dir.path().join("a.jsonl");
    let mut bytes = Vec::new();
    kanbao::archive::generate(20_000, 3, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    (dir, data, cache)
}

/// The reader on `data` with the indexing screen up (indexing on first use from 1,000 bytes).
fn on_the_indexing_screen(data: &Path, cache: &Path) -> Term {
    let env = [
        ("XDG_CACHE_HOME", cache.to_str().unwrap()),
        ("KANBAO_AUTO_INDEX", "1000"),
    ];
    let mut term = Term::start_with(
        &["--no-state", "--data", data.to_str().unwrap()],
        &env,
        100,
        30,
    );
    term.wait_text("Ctrl-C 离开");
    term
}

/// Nothing finished is there: opening finds no index (and builds none).
fn assert_no_index(data: &Path, cache: &Path, what: &str) {
    let root = cache.join("kanbao/index");
    let mut notes = Vec::new();
    assert!(
        kanbao::index::open_in(&root, data, &mut notes).is_none(),
        "{what}: no index is trusted"
    );
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn leaving_the_indexing_screen_leaves_at_once_and_no_index() {
    let (_dir, data, cache) = unindexed_archive();
    for key in ["q", "\x1b", "\x03"] {
        let mut term = on_the_indexing_screen(&data, &cache);
        term.send(key);
        // Said on the main screen once the terminal is restored.
        term.wait_text("索引未完成");
        term.expect_restored();
        assert_no_index(&data, &cache, key);
    }
}

/// Keys typed while the indexing screen shows are the reader's once it starts: a search
/// typed there (its `q` is text, not a way out) is run.
#[test]
fn keys_typed_on_the_indexing_screen_go_to_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let (cache, data) = (dir.path().join("cache"), dir.path().join("a.jsonl"));
    let mut bytes = Vec::new();
    kanbao::archive::generate(5_000, 3, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    let mut term = on_the_indexing_screen(&data, &cache);
    term.send("/qu");
    term.send("\x7f\x7f驿站\r");
    term.wait_for("the search typed on the indexing screen", |s| {
        s.contains("/5000 篇") && s.lines().skip(1).all(|l| !l.contains("搜索："))
    });
    assert!(
        term.contents().contains("驿站"),
        "the search is the one typed: {}",
        term.contents()
    );
    term.send("q");
    term.expect_restored();
}

/// SIGTERM or SIGHUP while the indexing screen shows: the terminal is restored, the process
/// ends with 128 + the signal, and no index is trusted.
#[test]
fn a_signal_on_the_indexing_screen_restores_the_terminal() {
    let (_dir, data, cache) = unindexed_archive();
    for (signal, code) in [(Signal::SIGTERM, 143), (Signal::SIGHUP, 129)] {
        let mut term = on_the_indexing_screen(&data, &cache);
        term.signal(signal);
        term.expect_restored_with(code);
        assert_no_index(&data, &cache, &format!("{signal:?}"));
    }
}
