//! Read and bookmark marks, the messages naming their article, and the reading state they
//! are saved in: the shared store the signal handler saves, and a save's warning or failure
//! on the status bar.

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::load::load_bundled;
use kanbao::state::StateStore;

use super::{app, run, top_position, wide_app};

#[test]
fn bookmark_and_read_marks_toggle() {
    let mut app = app();
    let first = app.view()[0];
    app.update(Action::ToggleBookmark);
    assert!(app.is_bookmarked(first));
    assert!(app.has_unsaved());
    assert!(app.status().is_some());
    app.update(Action::ToggleBookmark);
    assert!(!app.is_bookmarked(first));
    app.update(Action::ToggleRead);
    assert!(app.is_read(first));
    app.update(Action::Open);
    app.update(Action::ToggleRead);
    assert!(!app.is_read(first));
    app.save();
    assert!(!app.has_unsaved());
}

fn app_with_state(path: &std::path::Path) -> App {
    let opts = Options {
        source: "builtin".into(),
        ..Options::default()
    };
    let (store, warnings) = StateStore::open(Some(path.to_owned()));
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(Action::Resize(80, 24));
    app
}

#[test]
fn every_page_turn_is_in_the_shared_store_before_any_save() {
    // The signal handler saves the shared store without the app: it must already hold
    // where the reader is, not only what closing the article would record.
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_state(&dir.path().join("state.json"));
    let shared = app.shared_state();
    run(&mut app, &[Action::Open, Action::NextPage]);
    let id = app.selected_article().unwrap().id.clone();
    let after_page = shared.lock().unwrap().position("builtin", &id).unwrap();
    let (paragraph, offset) = top_position(&app);
    assert_eq!(
        (after_page.paragraph, after_page.offset),
        (paragraph, offset)
    );
    app.update(Action::LineUp);
    let after_line = shared.lock().unwrap().position("builtin", &id).unwrap();
    assert_ne!(after_line, after_page);
    assert!(shared.lock().unwrap().dirty());
    // What the signal handler does: save from the shared handle alone.
    shared.lock().unwrap().save_if_dirty().unwrap();
    let (reopened, _) = StateStore::open(Some(dir.path().join("state.json")));
    assert_eq!(reopened.position("builtin", &id), Some(after_line));
    assert!(reopened.is_read("builtin", &id));
}

#[test]
fn a_warning_raised_by_a_save_reaches_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = app_with_state(&path);
    app.update(Action::ToggleBookmark);
    // Damaged, but recognisably kanbao's: only such a file is moved aside.
    std::fs::write(&path, "{\"version\": 1, \"sources\": {\"gar").unwrap();
    app.save();
    let status = app.status().unwrap();
    assert!(status.starts_with("阅读记录："), "{status}");
    assert!(status.contains("已移到"), "{status}");
    // Said once: the next save has nothing to say.
    app.update(Action::ToggleBookmark);
    app.save();
    assert!(!app.status().unwrap_or("").contains("阅读记录"));
}

#[test]
fn a_failed_save_reaches_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("state");
    let mut app = app_with_state(&folder.join("state.json"));
    app.update(Action::ToggleBookmark);
    // The state file's folder turns out to be a file: the save cannot create it.
    std::fs::write(&folder, "").unwrap();
    app.save();
    let status = app.status().unwrap();
    assert!(status.starts_with("保存阅读记录失败："), "{status}");
}

#[test]
fn mark_messages_name_the_article() {
    let mut app = wide_app();
    app.update(Action::MoveDown);
    let title = app.selected_article().unwrap().title.clone();
    app.update(Action::ToggleBookmark);
    assert_eq!(app.status(), Some(format!("已收藏《{title}》").as_str()));
    // A long title is cut by display width.
    app.update(Action::Top);
    app.update(Action::ToggleRead);
    let status = app.status().unwrap();
    assert!(
        status.starts_with("已标为已读《大兴区天宫院街道"),
        "{status}"
    );
    assert!(status.ends_with("…》"), "{status}");
}
