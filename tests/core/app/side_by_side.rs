//! Side by side (≥ 100 columns) the reader previews the list's selection: focus, previews
//! that are not read, and an open article that leaves the list; one pane at a time, such
//! an article is closed.

use kanbao::action::Action;
use kanbao::app::{Context, Focus};

use super::{app, run, wide_app};

#[test]
fn side_by_side_tab_moves_focus() {
    let mut app = app();
    app.update(Action::Resize(120, 40));
    assert!(app.geometry().side_by_side);
    app.update(Action::Open);
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::List);
    assert!(app.reader().is_some(), "the article stays shown");
}

#[test]
fn side_by_side_the_reader_previews_the_selection_without_marking_it_read() {
    let mut app = wide_app();
    let first = app.view()[0];
    assert_eq!(
        app.reader().unwrap().article,
        first,
        "a preview before any Enter"
    );
    assert_eq!(app.focus(), Focus::List);
    app.update(Action::MoveDown);
    let second = app.view()[1];
    assert_eq!(
        app.reader().unwrap().article,
        second,
        "the preview follows j"
    );
    assert!(
        !app.is_read(first) && !app.is_read(second),
        "previews are not read"
    );
    app.update(Action::Open);
    assert_eq!(app.focus(), Focus::Reader);
    assert!(app.is_read(second), "Enter opens and marks read");
    // Tab to the list, j: the reader follows the selection again.
    app.update(Action::ToggleFocus);
    app.update(Action::MoveDown);
    assert_eq!(app.reader().unwrap().article, app.view()[2]);
    assert!(!app.is_read(app.view()[2]));
    // Tab into a previewed article opens it.
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Reader);
    assert!(app.is_read(app.view()[2]));
}

#[test]
fn side_by_side_an_article_that_leaves_the_list_leaves_the_reader_on_enter() {
    let mut app = wide_app();
    run(&mut app, &[Action::MoveDown, Action::Open]);
    let open = app.reader().unwrap().article;
    // A search the open article does not match: while it is typed the reader keeps the
    // article; Enter keeps the search and the reader shows the new selection.
    run(
        &mut app,
        &[Action::OpenSearch, Action::SearchInput("驿站".into())],
    );
    assert!(!app.view().contains(&open));
    assert_eq!(app.reader().unwrap().article, open, "held while typing");
    app.update(Action::SearchAccept);
    assert_eq!(app.reader().unwrap().article, app.view()[app.selected()]);
    assert_eq!(app.focus(), Focus::List);
    // Nothing matches: the reader is empty.
    run(
        &mut app,
        &[
            Action::OpenSearch,
            Action::SearchInput("没有这个词qqq".into()),
            Action::SearchAccept,
        ],
    );
    assert!(app.view().is_empty());
    assert!(app.reader().is_none());
    app.update(Action::ClearFilters);
    assert_eq!(app.reader().unwrap().article, app.view()[app.selected()]);
}

#[test]
fn one_pane_at_a_time_an_article_that_leaves_the_list_is_closed() {
    let mut app = app();
    run(&mut app, &[Action::MoveDown, Action::Open]);
    run(
        &mut app,
        &[
            Action::OpenSearch,
            Action::SearchInput("驿站".into()),
            Action::SearchAccept,
        ],
    );
    assert!(app.reader().is_none());
    assert_eq!(app.context(), Context::List);
}
