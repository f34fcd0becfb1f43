//! An article changed in its data file after it was indexed, where the index's fingerprint
//! does not see it (`support::changed`): every command that reads its JSON through the
//! index says where the JSON is wrong in the file, as the loader does, and what to do. They
//! said `<index>: FILE: expected … at line 1 column N`, a place in the article alone.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::path::Path;
use std::process::Output;

use kanbao::action::Action;
use kanbao::app::{App, Mode, Options};
use kanbao::index::open::exact_ops;
use kanbao::search::Query;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_in;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use support::changed;
use support::cli::{kanbao_in, stderr};
use support::{act, shown_ids};
use tempfile::TempDir;

/// A query the index cannot answer alone (`note:` asks the reading state): its candidates
/// are read whole and checked by the matcher.
const CHECKED: &str = "独特词 -note:x";

/// `kanbao --data FILE args`, run in `dir`.
fn run(dir: &Path, file: &Path, args: &[&str]) -> Output {
    let mut cmd = kanbao_in(dir);
    cmd.arg("--data").arg(file).args(args).output().unwrap()
}

/// Runs `kanbao --data FILE args` in `dir` and checks that it fails naming the changed
/// article's place in `file`, with what to do.
fn names_the_place(dir: &Path, file: &Path, args: &[&str]) {
    changed::names_the_place(&run(dir, file, args), file, args);
}

#[test]
fn show_names_the_place_in_the_file() {
    let dir = TempDir::new().unwrap();
    let file = changed::indexed_then_changed(dir.path(), &changed::cli_root(dir.path()));
    names_the_place(dir.path(), &file, &["show", "a200"]);
    names_the_place(dir.path(), &file, &["show", "--json", "a200"]);
    // Read whole, the loader names the same place.
    let out = run(dir.path(), &file, &["--no-index", "show", "a200"]);
    let place = changed::loader_says(&file);
    assert!(stderr(&out).contains(&place), "{}", stderr(&out));
}

#[test]
fn list_and_timeline_of_a_query_read_whole_name_the_place_in_the_file() {
    assert!(!exact_ops(&Query::parse(CHECKED)), "{CHECKED}: read whole");
    let dir = TempDir::new().unwrap();
    let file = changed::indexed_then_changed(dir.path(), &changed::cli_root(dir.path()));
    names_the_place(dir.path(), &file, &["list", "--query", CHECKED]);
    names_the_place(dir.path(), &file, &["list", "--json", "--query", CHECKED]);
    names_the_place(dir.path(), &file, &["timeline", "--query", CHECKED]);
}

#[test]
fn export_names_the_place_in_the_file() {
    let dir = TempDir::new().unwrap();
    let file = changed::indexed_then_changed(dir.path(), &changed::cli_root(dir.path()));
    names_the_place(dir.path(), &file, &["export", "--id", "a200"]);
    names_the_place(dir.path(), &file, &["export", "--query", "独特词"]);
}

#[test]
fn search_as_json_and_checked_by_the_matcher_names_the_place_in_the_file() {
    let dir = TempDir::new().unwrap();
    let file = changed::indexed_then_changed(dir.path(), &changed::cli_root(dir.path()));
    names_the_place(dir.path(), &file, &["search", "--json", "独特词"]);
    names_the_place(dir.path(), &file, &["search", "--json", "--", CHECKED]);
    names_the_place(dir.path(), &file, &["search", "--", CHECKED]);
}

/// The reader over `file` read through its index under the cache `root`, its reading
/// state kept in the file `state`, at 100×30.
fn reader(root: &Path, file: &Path, state: &Path) -> App {
    let (store, warnings) = StateStore::open(Some(state.to_owned()));
    assert!(warnings.is_empty(), "{warnings:?}");
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let collection = support::indexed_collection(root, file);
    let mut app = App::new(collection, store, Vec::new(), opts);
    app.update(Action::Resize(100, 30));
    app
}

/// Types `query` in the reader's prompt and keeps it with `Enter`, its searches run to
/// their end.
fn search(app: &mut App, query: &str) {
    act(app, Action::OpenSearch);
    act(app, Action::SearchInput(query.into()));
    act(app, Action::SearchAccept);
}

/// Presses `code` in the reader, through its key table.
fn key(app: &mut App, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = action_in(app, &event) {
        act(app, action);
    }
}

#[test]
fn a_search_in_the_reader_keeps_the_rest_of_the_block_and_names_the_place() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let file = changed::indexed_then_changed(dir.path(), &root);
    let mut app = reader(&root, &file, &dir.path().join("state.json"));
    // Every article says 一段 and 段很, terms that overlap: the reader reads each candidate
    // and checks it, a block at a time (a200's is a128 to a399). They all stay, a200 with
    // them unchecked (it cannot be ruled out), and the status bar says why it was not read.
    search(&mut app, "一段 段很");
    let ids = shown_ids(&app);
    assert_eq!(ids.len(), 400, "{ids:?}");
    for id in ["a0", "a128", "a199", "a200", "a201", "a399"] {
        assert!(ids.iter().any(|i| i == id), "{id}: {ids:?}");
    }
    let status = app.status().unwrap_or_default();
    assert!(status.starts_with("1 篇"), "{status}");
    assert!(status.contains(&changed::loader_says(&file)), "{status}");
    assert!(status.contains("建立索引之后改过了"), "{status}");
    // Opened, it says the same, whole.
    let at = ids.iter().position(|i| i == "a200").unwrap();
    let article = app.collection().get(app.view()[at]).unwrap();
    assert!(
        article.title.contains(&changed::loader_says(&file)),
        "{article:?}"
    );
}

#[test]
fn an_article_that_cannot_be_read_takes_no_marks_and_nothing_is_saved_for_it() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let file = changed::indexed_then_changed(dir.path(), &root);
    let state = dir.path().join("state.json");
    let mut app = reader(&root, &file, &state);
    // Narrow, one pane at a time: the text saying why it cannot be read takes pages.
    app.update(Action::Resize(30, 8));
    // Its title is indexed: the search finds it, and opening it (which marks an article
    // read) shows why it cannot be read.
    search(&mut app, "独特词");
    assert_eq!(app.view().len(), 1);
    key(&mut app, KeyCode::Enter);
    let open = app.reader().map(|r| r.article).unwrap();
    let article = app.collection().get(open).unwrap();
    assert!(article.title.contains("无法读取"), "{article:?}");
    // Scrolled into its text, its place is not kept.
    for _ in 0..30 {
        key(&mut app, KeyCode::Char('j'));
    }
    assert_ne!(app.reader().unwrap().position(), Default::default());
    // In the reader, then in the list: each mark is refused, saying why.
    for _ in 0..2 {
        for c in ['m', 'u', '+', 'a'] {
            key(&mut app, KeyCode::Char(c));
            assert_eq!(app.mode(), &Mode::Normal, "{c}");
            let status = app.status().unwrap_or_default();
            assert!(
                status.starts_with("这篇文章无法读取，不能"),
                "{c}: {status}"
            );
        }
        key(&mut app, KeyCode::Char('q'));
    }
    assert!(app.should_quit());
    app.save_now().unwrap();
    // Nothing of that article is kept, under any id…
    let (store, _) = StateStore::open(Some(state));
    let entries: Vec<&str> = store
        .source("test")
        .map(|s| s.entries().map(|(id, _)| id).collect())
        .unwrap_or_default();
    assert!(entries.is_empty(), "{entries:?}");
    // …and the list's place, kept on leaving, names no article that is not one.
    let session = store.session("test").unwrap();
    assert_eq!(session.query, "独特词");
    assert_eq!(session.selected, None);
}
