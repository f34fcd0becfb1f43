//! The reader's end when the terminal can no longer be read (an SSH session dropped, its
//! SIGHUP not come yet): the event loop ends with an error, and the reader keeps what `q`
//! keeps, the list's place with the marks. It used to save the marks alone, and the next
//! start came back to the list kept the time before.
//!
//! A hang-up itself cannot be made here: the pseudo-terminal harness (rexpect) cannot close
//! the terminal's master side while kanbao runs (its reading thread holds a copy, and
//! dropping the session kills kanbao), and a closed master sends SIGHUP with the read error,
//! whose handler keeps the session on its own (`e2e_hostile`'s
//! `sighup_keeps_the_list_session`). So the real binary is given a terminal that it can
//! write to and not read (standard input opened write-only): every read fails, and no
//! signal comes. What the front end does after the loop, whatever ended it, is
//! [`App::end`], tested here too with the keys that a real terminal cannot send then.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::process::Command;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::load::load_bundled;
use kanbao::state::{Access, BUILTIN, Session, StateStore};
use rexpect::process::WaitStatus;
use support::act;

const SOURCE: &str = "test";

/// The reader over the bundled page keeping its state in `path`, at 100×30.
fn app_at(path: &std::path::Path) -> App {
    let opts = Options {
        source: SOURCE.into(),
        restore: true,
        ..Options::default()
    };
    let (store, _) = StateStore::open_with(Some(path.to_owned()), Access::ReadWrite).unwrap();
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    act(&mut app, Action::Resize(100, 30));
    app
}

/// The session and bookmarks of `source` in the state file at `path`.
fn kept_of(path: &std::path::Path, source: &str) -> (Option<Session>, Vec<String>) {
    let (store, _) = StateStore::open_with(Some(path.to_owned()), Access::ReadOnly).unwrap();
    let session = store.session(source).cloned();
    let marks = store
        .source(source)
        .map(|s| {
            s.entries()
                .filter(|(_, e)| e.is_bookmarked())
                .map(|(id, _)| id.to_owned())
                .collect()
        })
        .unwrap_or_default();
    (session, marks)
}

/// The session and bookmarks of the tests' data in the state file at `path`.
fn kept(path: &std::path::Path) -> (Option<Session>, Vec<String>) {
    kept_of(path, SOURCE)
}

/// A search kept with `Enter`, the second article selected and bookmarked, and the reader
/// ends without `q`: the next start finds the list where it was, and the bookmark.
#[test]
fn an_end_without_quit_keeps_the_list_and_the_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = app_at(&path);
    act(&mut app, Action::OpenSearch);
    act(&mut app, Action::SearchInput("kind:news".into()));
    act(&mut app, Action::SearchAccept);
    act(&mut app, Action::MoveDown);
    act(&mut app, Action::ToggleBookmark);
    let selected = app.collection().summary(app.view()[1]).unwrap().id.clone();
    app.end().unwrap();
    let (session, marks) = kept(&path);
    let session = session.expect("the list's place is kept");
    assert_eq!(session.query, "kind:news");
    assert_eq!(session.selected.as_deref(), Some(selected.as_str()));
    assert_eq!(marks, std::slice::from_ref(&selected));
    // The next start comes back to it.
    let again = app_at(&path);
    assert_eq!(again.query_text(), "kind:news");
    assert_eq!(
        again
            .collection()
            .summary(again.view()[again.selected()])
            .unwrap()
            .id,
        selected
    );
}

/// After `q` the end keeps the same: nothing more, nothing less.
#[test]
fn an_end_after_quit_keeps_what_quit_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = app_at(&path);
    act(&mut app, Action::MoveDown);
    act(&mut app, Action::Quit);
    assert!(app.may_quit());
    let after_quit = kept(&path);
    app.end().unwrap();
    assert_eq!(kept(&path), after_quit);
    assert!(after_quit.0.is_some_and(|s| s.selected.is_some()));
}

/// The real binary, started with a search, on a terminal it cannot read: the reader ends
/// at its first read with an error (status 2, the terminal named), the terminal put back,
/// and the state file holds the list it showed, as `q` would have kept it. Before, nothing
/// was written: no mark had changed.
#[test]
fn a_terminal_that_cannot_be_read_keeps_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty rows 24 cols 80; exec \"$0\" \"$@\" 0>/dev/tty")
        .arg(assert_cmd::cargo::cargo_bin("kanbao"))
        .args(["--state", state.to_str().unwrap(), "--query", "kind:news"])
        .env("TERM", "xterm-256color")
        .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env_remove("KANBAO_CONFIG")
        .env_remove("KANBAO_DATA");
    let mut term =
        rexpect::session::spawn_command(cmd, Some(support::WAIT.as_millis() as u64)).unwrap();
    let out = term.exp_eof().unwrap();
    let status = term.process_mut().wait().unwrap();
    assert!(
        out.rfind("\x1b[?1049l") > out.rfind("\x1b[?1049h"),
        "the terminal put back"
    );
    assert!(out.contains("kanbao: <terminal>"), "said: {out:?}");
    assert!(
        matches!(status, WaitStatus::Exited(_, 2)),
        "ended with an error: {status:?}"
    );
    let (session, _) = kept_of(&state, BUILTIN);
    let session = session.expect("the list's place is kept");
    assert_eq!(session.query, "kind:news");
}
