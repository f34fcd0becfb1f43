//! State another kanbao saved (`kanbao note` in another pane), taken in by the open reader
//! under a mark filter: the filter is applied again (an article newly noted joins a "noted
//! only" list at once), the selected article stays selected on its row, and where it left
//! the list its nearest neighbour takes its place.

use std::path::Path;
use std::time::{Duration, Instant};

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::state::{Access, StateStore};

use crate::support::{WAIT, shown_ids};

const SOURCE: &str = "reload";

/// What `kanbao note ID TEXT` does from another pane: open, change, save, end.
fn other(path: &Path, notes: &[(&str, &str)]) {
    let (mut store, _) = StateStore::open_with(Some(path.to_owned()), Access::Change).unwrap();
    for (id, note) in notes {
        store.set_note(SOURCE, id, note);
    }
    store.save().unwrap();
}

/// Calls `App::reload_state` as the event loop does each time it wakes, until it takes
/// something in (at most [`WAIT`]).
fn reload(app: &mut App) {
    let start = Instant::now();
    while !app.reload_state() {
        assert!(start.elapsed() < WAIT, "nothing was taken in");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// 60 articles `a0`…`a59`, the even ones noted, the reader at 80x24 with only the noted
/// ones shown.
fn noted_only(path: &Path) -> App {
    let evens: Vec<(String, &str)> = (0..60)
        .step_by(2)
        .map(|i| (format!("a{i}"), "意见"))
        .collect();
    let evens: Vec<(&str, &str)> = evens.iter().map(|(id, n)| (id.as_str(), *n)).collect();
    other(path, &evens);
    let articles: Vec<Article> = (0..60)
        .map(|i| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇"),
            paragraphs: vec!["正文。".to_string()],
            ..Article::default()
        })
        .collect();
    let opts = Options {
        source: SOURCE.into(),
        ..Options::default()
    };
    let (store, _) = StateStore::open(Some(path.to_owned()));
    let mut app = App::new(Collection::from(articles), store, Vec::new(), opts);
    app.update(Action::Resize(80, 24));
    app.update(Action::FilterNoted);
    assert_eq!(app.view().len(), 30);
    app
}

fn selected_id(app: &App) -> String {
    shown_ids(app)[app.selected()].clone()
}

/// The selected article's row on the screen.
fn row(app: &App) -> usize {
    app.selected() - app.list_top()
}

#[test]
fn a_note_from_another_pane_joins_a_noted_only_list_and_the_selection_stays_put() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = noted_only(&path);
    for _ in 0..15 {
        app.update(Action::MoveDown);
    }
    assert_eq!(selected_id(&app), "a30");
    let before = row(&app);
    assert!(app.list_top() > 0, "the list is scrolled");
    // One above the selection, one below.
    other(&path, &[("a1", "另一个窗格写的意见"), ("a59", "又一条")]);
    reload(&mut app);
    let ids = shown_ids(&app);
    assert_eq!(ids.len(), 32);
    assert!(ids.contains(&"a1".to_string()), "{ids:?}");
    assert!(ids.contains(&"a59".to_string()));
    assert_eq!(selected_id(&app), "a30", "the same article stays selected");
    assert_eq!(row(&app), before, "on the same row: the view did not jump");
}

#[test]
fn a_selected_article_that_leaves_the_list_gives_way_to_its_nearest_neighbour() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = noted_only(&path);
    for _ in 0..15 {
        app.update(Action::MoveDown);
    }
    let before = row(&app);
    // The selected article and the one after it lose their notes: the next one down that
    // stays takes the row.
    other(&path, &[("a30", ""), ("a32", "")]);
    reload(&mut app);
    assert_eq!(app.view().len(), 28);
    assert_eq!(selected_id(&app), "a34");
    assert_eq!(row(&app), before);
    // At the end of the list, the one above takes it.
    app.update(Action::Bottom);
    assert_eq!(selected_id(&app), "a58");
    other(&path, &[("a58", "")]);
    reload(&mut app);
    assert_eq!(selected_id(&app), "a56");
    // Nothing stays: an empty list, nothing selected past it.
    let all: Vec<(String, &str)> = (0..60).map(|i| (format!("a{i}"), "")).collect();
    let all: Vec<(&str, &str)> = all.iter().map(|(id, n)| (id.as_str(), *n)).collect();
    other(&path, &all);
    reload(&mut app);
    assert!(app.view().is_empty());
    assert_eq!(app.selected(), 0);
}

/// Without a mark filter the list is left as it is: rows never move under the user.
#[test]
fn without_a_mark_filter_the_list_is_not_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = noted_only(&path);
    app.update(Action::FilterNoted);
    assert_eq!(app.view().len(), 60);
    app.update(Action::MoveDown);
    other(&path, &[("a1", "意见")]);
    reload(&mut app);
    assert_eq!(app.view().len(), 60);
    assert_eq!(selected_id(&app), "a1");
    assert!(app.has_note(app.view()[1]));
}

#[test]
fn a_note_taken_in_behind_the_search_prompt_stays_after_esc() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = noted_only(&path);
    for _ in 0..5 {
        app.update(Action::MoveDown);
    }
    assert_eq!(selected_id(&app), "a10");
    // `/` opens the prompt (the list is saved to be given back at `Esc`), a note arrives
    // from another pane, then `Esc`.
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("第".into()));
    other(&path, &[("a3", "提示符开着时写的意见")]);
    reload(&mut app);
    app.update(Action::SearchCancel);
    let ids = shown_ids(&app);
    assert_eq!(
        ids.len(),
        31,
        "the list given back is filtered again: {ids:?}"
    );
    assert!(ids.contains(&"a3".to_string()));
    assert_eq!(selected_id(&app), "a10", "the selection is where it was");
}
