//! The search prompt: the list narrows on every key, the line edits like a shell's, and it
//! never loses your place (what it shows while typing is transient: Esc restores it, Enter
//! keeps an open article that is in the results); a new search selects its best match,
//! fzf-style; a query over the limits is not searched.

use kanbao::action::Action;
use kanbao::app::{App, Context, Focus, Mode};

use super::{app, place, run, type_search, wide_app};

#[test]
fn typing_a_search_narrows_the_list_on_every_key() {
    let mut app = app();
    assert_eq!(app.view().len(), 7);
    app.update(Action::OpenSearch);
    assert_eq!(app.context(), Context::Search);
    app.update(Action::SearchInput("驿".into()));
    let after_one = app.view().len();
    app.update(Action::SearchInput("站".into()));
    assert!(app.view().len() <= after_one);
    assert_eq!(app.view().len(), 2);
    // Backspace removes one character, whatever its width.
    app.update(Action::SearchBackspace);
    assert_eq!(app.query_text(), "驿");
    app.update(Action::SearchInput("站".into()));
    app.update(Action::SearchAccept);
    assert_eq!(app.mode(), &Mode::Normal);
    assert_eq!(app.query_text(), "驿站");
    assert_eq!(app.view().len(), 2);
}

#[test]
fn escape_drops_what_the_prompt_typed() {
    let mut app = app();
    run(
        &mut app,
        &[
            Action::OpenSearch,
            Action::SearchInput("驿站".into()),
            Action::SearchCancel,
        ],
    );
    assert_eq!(app.query_text(), "");
    assert_eq!(app.view().len(), 7);
}

#[test]
fn a_paste_opens_the_prompt_with_the_whole_text() {
    let mut app = app();
    app.update(Action::SearchInput("驿站\n".into()));
    assert_eq!(app.context(), Context::Search);
    assert_eq!(app.query_text(), "驿站 ");
    assert_eq!(app.view().len(), 2);
}

fn prompt_cursor(app: &App) -> usize {
    match app.mode() {
        Mode::Search { cursor, .. } => *cursor,
        other => panic!("the prompt is not open: {other:?}"),
    }
}

#[test]
fn the_prompt_edits_like_a_shell_line() {
    let mut app = app();
    run(
        &mut app,
        &[
            Action::OpenSearch,
            Action::SearchInput("gonghui 驿站".into()),
        ],
    );
    // Ctrl-W: back over one word; a run of Chinese with no spaces is one word.
    app.update(Action::SearchDeleteWord);
    assert_eq!(app.query_text(), "gonghui ");
    app.update(Action::SearchDeleteWord);
    assert_eq!(app.query_text(), "");
    // Arrows move by character, typing goes in at the cursor.
    run(
        &mut app,
        &[
            Action::SearchInput("工站".into()),
            Action::SearchLeft,
            Action::SearchInput("会驿".into()),
        ],
    );
    assert_eq!(app.query_text(), "工会驿站");
    assert_eq!(prompt_cursor(&app), "工会驿".len());
    assert_eq!(app.view().len(), 2, "the list follows the edit");
    app.update(Action::SearchHome);
    assert_eq!(prompt_cursor(&app), 0);
    app.update(Action::SearchLeft);
    assert_eq!(prompt_cursor(&app), 0, "stops at the start");
    app.update(Action::SearchRight);
    app.update(Action::SearchBackspace);
    assert_eq!(app.query_text(), "会驿站");
    app.update(Action::SearchEnd);
    assert_eq!(prompt_cursor(&app), app.query_text().len());
    app.update(Action::SearchRight);
    assert_eq!(
        prompt_cursor(&app),
        app.query_text().len(),
        "stops at the end"
    );
    // Ctrl-U: everything before the cursor.
    run(&mut app, &[Action::SearchLeft, Action::SearchClearToStart]);
    assert_eq!(app.query_text(), "站");
    assert_eq!(prompt_cursor(&app), 0);
}

#[test]
fn escape_in_the_prompt_restores_the_open_article_at_its_page() {
    // 80x24: j j Enter Space / x Esc.
    let mut app = app();
    run(
        &mut app,
        &[
            Action::MoveDown,
            Action::MoveDown,
            Action::Open,
            Action::NextPage,
        ],
    );
    let before = place(&app);
    assert_eq!(before.0, Context::Reader);
    assert_eq!(before.2, Some(app.view()[2]));
    // (`#` is in no article; a letter would match by pinyin initial.)
    type_search(&mut app, "#");
    // The reader stays open behind the prompt, though article 3 is not in the results.
    assert_eq!(app.context(), Context::Search);
    assert!(!app.view().contains(&before.2.unwrap()));
    assert_eq!(app.reader().unwrap().article, before.2.unwrap());
    assert!(app.geometry().reader.height > 0, "the reader is on screen");
    app.update(Action::SearchCancel);
    assert_eq!(place(&app), before);
    assert_eq!(app.query_text(), "");
    assert_eq!(app.view().len(), 7);
}

#[test]
fn side_by_side_escape_in_the_prompt_restores_the_open_article() {
    // 120x40: j j j Enter Space / x Esc.
    let mut app = wide_app();
    run(
        &mut app,
        &[
            Action::MoveDown,
            Action::MoveDown,
            Action::MoveDown,
            Action::Open,
            Action::NextPage,
        ],
    );
    let before = place(&app);
    let top = app.list_top();
    type_search(&mut app, "x");
    assert_eq!(app.reader().unwrap().article, before.2.unwrap(), "held");
    app.update(Action::SearchCancel);
    assert_eq!(place(&app), before);
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(app.list_top(), top);
}

#[test]
fn escape_in_the_prompt_keeps_the_selection_in_the_list() {
    // /驿站 Esc from the 4th article, one pane and side by side.
    for (w, h) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = app();
        app.update(Action::Resize(w, h));
        run(
            &mut app,
            &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
        );
        let before = place(&app);
        let top = app.list_top();
        type_search(&mut app, "驿站");
        app.update(Action::SearchCancel);
        assert_eq!(place(&app), before, "at {w}x{h}");
        assert_eq!(app.selected(), 3);
        assert_eq!(app.list_top(), top);
    }
}

#[test]
fn enter_keeps_an_open_article_that_is_in_the_final_results() {
    // Article 3 holds 驿站; on the way there the query 驿q matches nothing at all.
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app();
        app.update(Action::Resize(w, h));
        run(
            &mut app,
            &[
                Action::MoveDown,
                Action::MoveDown,
                Action::Open,
                Action::NextPage,
            ],
        );
        let open = app.reader().unwrap().article;
        type_search(&mut app, "驿q");
        assert!(app.view().is_empty());
        assert_eq!(app.reader().unwrap().article, open, "held at {w}x{h}");
        run(
            &mut app,
            &[Action::SearchBackspace, Action::SearchInput("站".into())],
        );
        app.update(Action::SearchAccept);
        assert_eq!(app.context(), Context::Reader, "at {w}x{h}");
        assert_eq!(app.reader().unwrap().article, open);
        assert_eq!(app.view()[app.selected()], open, "the list selects it");
        // ] walks on from it.
        let at = app.selected();
        app.update(Action::NextArticle);
        if at + 1 < app.view().len() {
            assert_eq!(app.reader().unwrap().article, app.view()[at + 1]);
        }
    }
}

#[test]
fn one_pane_enter_closes_an_open_article_that_is_not_in_the_results() {
    let mut app = app();
    run(&mut app, &[Action::MoveDown, Action::Open]);
    type_search(&mut app, "驿站");
    assert_eq!(app.context(), Context::Search);
    assert!(app.reader().is_some(), "open behind the prompt");
    app.update(Action::SearchAccept);
    assert_eq!(app.context(), Context::List);
    assert!(app.reader().is_none());
}

#[test]
fn a_new_search_selects_the_best_match_and_scrolls_the_list_to_the_top() {
    for (w, h) in [(40, 12), (80, 24), (120, 40)] {
        let mut app = app();
        app.update(Action::Resize(w, h));
        app.update(Action::Bottom);
        assert_eq!(app.selected(), 6);
        type_search(&mut app, "工会");
        assert!(app.view().len() > 1);
        assert!(
            app.view().contains(&6),
            "the old selection is still a result"
        );
        assert_eq!(app.selected(), 0, "at {w}x{h}");
        assert_eq!(app.list_top(), 0);
        app.update(Action::SearchAccept);
        assert_eq!((app.selected(), app.list_top()), (0, 0));
        // Clearing the search keeps the selected article selected.
        app.update(Action::MoveDown);
        let chosen = app.view()[app.selected()];
        app.update(Action::ClearFilters);
        assert_eq!(app.view().len(), 7);
        assert_eq!(app.view()[app.selected()], chosen, "at {w}x{h}");
    }
}

#[test]
fn a_new_search_leaves_the_open_article_until_enter() {
    let mut app = wide_app();
    run(
        &mut app,
        &[
            Action::MoveDown,
            Action::MoveDown,
            Action::Open,
            Action::NextPage,
        ],
    );
    let (open, scroll) = (
        app.reader().unwrap().article,
        app.reader().unwrap().scroll(),
    );
    type_search(&mut app, "工会");
    assert_eq!(app.selected(), 0, "the list goes to the best match");
    assert_eq!(app.reader().unwrap().article, open);
    assert_eq!(app.reader().unwrap().scroll(), scroll);
}

/// Issue 16: a query over the search's limits is not searched: the list stays as it was,
/// the prompt line says why, and Enter cannot keep it.
#[test]
fn the_prompt_says_when_a_query_is_over_the_limits() {
    let mut app = app();
    let all = app.view().len();
    // Forty distinct words (a word typed again is the same term).
    let many = (0..40)
        .map(|i| format!("工会{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    run(&mut app, &[Action::OpenSearch, Action::SearchInput(many)]);
    let status = app.query_error().unwrap_or_default();
    // In words that fit half the prompt line at 80 columns (session 32).
    assert_eq!(status, "查询超过 32 个词：请减少词数");
    assert!(app.query().is_empty(), "not searched");
    assert_eq!(app.view().len(), all);
    app.update(Action::SearchAccept);
    assert!(app.query().is_empty(), "Enter does not keep it");
}
