//! A large collection is searched off the UI thread (docs/contract.md §7, a 100,000-article
//! archive): the prompt echoes the key at once, only the latest search's answer counts,
//! a cancelled one stops early, and your place, Enter, the best match and the first match
//! wait for the answer; a query of very many terms waits for the prompt to close.

use std::sync::atomic::{AtomicUsize, Ordering};

use kanbao::action::Action;
use kanbao::app::{BACKGROUND_SEARCH_MIN, Context, Searcher};

use super::{LARGE, app, finish_search, large_app, large_app_at, place, run, type_search};

#[test]
fn a_large_collection_echoes_the_key_and_results_follow_the_search() {
    const { assert!(LARGE >= BACKGROUND_SEARCH_MIN) };
    let mut app = large_app();
    assert_eq!(app.view().len(), LARGE);
    app.update(Action::OpenSearch);
    let request = app.update(Action::SearchInput("驿站".into())).search;
    // The prompt shows the text at once; the list waits for the search.
    assert_eq!(app.query_text(), "驿站");
    assert!(app.is_searching());
    assert_eq!(app.view().len(), LARGE);
    let index = app.search_index();
    let answer = request.expect("a search").run(&index, &|| false).unwrap();
    assert!(
        app.update(answer).search.is_none(),
        "one request per change"
    );
    assert!(!app.is_searching());
    assert_eq!(app.view().len(), LARGE / 5);
    assert!(app.view().iter().all(|i| i % 5 == 1));
}

#[test]
fn a_newer_keystroke_supersedes_an_older_search() {
    let mut app = large_app();
    let older = app
        .update(Action::SearchInput("物流".into()))
        .search
        .unwrap();
    let newer = app
        .update(Action::SearchInput("基地".into()))
        .search
        .unwrap();
    assert!(newer.generation > older.generation);
    assert_eq!(newer.generation, app.search_generation());
    let index = app.search_index();
    // The older answer arrives first: dropped, the app still waits.
    app.update(older.run(&index, &|| false).unwrap());
    assert!(app.is_searching());
    assert_eq!(app.view().len(), LARGE);
    app.update(newer.run(&index, &|| false).unwrap());
    assert!(!app.is_searching());
    assert_eq!(app.query_text(), "物流基地");
    assert_eq!(app.view().len(), LARGE / 5);
    // An answer arriving after the latest one changes nothing either.
    app.update(older.run(&index, &|| false).unwrap());
    assert_eq!(app.view().len(), LARGE / 5);
}

#[test]
fn a_cancelled_search_stops_early_and_answers_nothing() {
    let mut app = large_app();
    let request = app
        .update(Action::SearchInput("gonghui".into()))
        .search
        .unwrap();
    let index = app.search_index();
    assert!(request.run(&index, &|| true).is_none());
    // Cancelled after the first look: every shard stops at its next look, long before
    // the end (a look comes every few hundred articles, so the whole scan takes dozens).
    let looks = AtomicUsize::new(0);
    let cancel_after_first = || looks.fetch_add(1, Ordering::Relaxed) >= 1;
    assert!(request.run(&index, &cancel_after_first).is_none());
    // One shard per core, each looking at most twice (the first look says go on).
    let shards = std::thread::available_parallelism().map_or(1, |n| n.get());
    assert!(looks.load(Ordering::Relaxed) <= 2 * shards, "stopped early");
    let all = AtomicUsize::new(0);
    let count = || {
        all.fetch_add(1, Ordering::Relaxed);
        false
    };
    assert!(request.run(&index, &count).is_some());
    assert!(
        all.load(Ordering::Relaxed) > 20,
        "a full search looks many times"
    );
}

#[test]
fn clearing_the_query_drops_a_running_search_at_once() {
    let mut app = large_app();
    let request = app
        .update(Action::SearchInput("驿站".into()))
        .search
        .unwrap();
    assert!(
        app.update(Action::SearchCancel).search.is_none(),
        "an empty query needs no search"
    );
    assert!(!app.is_searching());
    assert_eq!(app.view().len(), LARGE);
    app.update(request.run(&app.search_index(), &|| false).unwrap());
    assert_eq!(app.view().len(), LARGE, "the stale answer is dropped");
}

#[test]
fn the_searcher_thread_delivers_only_the_latest_answer_that_matters() {
    let mut app = large_app();
    let searcher = Searcher::new(app.index_cell());
    for key in ["工", "会", "驿", "站"] {
        let effects = app.update(Action::SearchInput(key.into()));
        searcher.supersede(app.search_generation());
        if let Some(request) = effects.search {
            searcher.start(request);
        }
    }
    // Feed answers as they come until the latest one lands (older ones are dropped or
    // never sent, having been cancelled).
    let mut waited = 0;
    while app.is_searching() {
        match searcher.try_answer() {
            Some(answer) => {
                app.update(answer);
            }
            None => {
                waited += 1;
                assert!(waited < 60_000, "the search never answered");
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        }
    }
    assert_eq!(app.query_text(), "工会驿站");
    assert_eq!(app.view().len(), LARGE / 5);
}

#[test]
fn a_large_collection_keeps_your_place_through_a_cancelled_search() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = large_app_at(w, h);
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
        let request = run(
            &mut app,
            &[Action::OpenSearch, Action::SearchInput("#".into())],
        );
        finish_search(&mut app, request);
        assert!(app.view().is_empty());
        assert_eq!(app.reader().unwrap().article, 2, "held at {w}x{h}");
        // A second key, its answer still out when Esc comes.
        let late = app.update(Action::SearchInput("y".into())).search.unwrap();
        app.update(Action::SearchCancel);
        assert_eq!(place(&app), before, "at {w}x{h}");
        assert_eq!(app.view().len(), LARGE);
        app.update(late.run(&app.search_index(), &|| false).unwrap());
        assert_eq!(place(&app), before, "the late answer is dropped");
        assert_eq!(app.view().len(), LARGE);
    }
}

#[test]
fn a_large_collection_applies_enter_when_the_answer_arrives() {
    for (w, h) in [(80, 24), (120, 40)] {
        // Article 1 holds 驿站: kept open; article 2 does not: closed or replaced.
        for (down, kept) in [(1, true), (2, false)] {
            let mut app = large_app_at(w, h);
            for _ in 0..down {
                app.update(Action::MoveDown);
            }
            run(&mut app, &[Action::Open, Action::NextPage]);
            let open = app.reader().unwrap().article;
            let request = run(
                &mut app,
                &[Action::OpenSearch, Action::SearchInput("驿q".into())],
            );
            finish_search(&mut app, request);
            assert!(app.view().is_empty());
            // Enter before the answer: nothing is decided yet.
            let request = run(
                &mut app,
                &[
                    Action::SearchBackspace,
                    Action::SearchInput("站".into()),
                    Action::SearchAccept,
                ],
            );
            assert_eq!(app.reader().unwrap().article, open, "held at {w}x{h}");
            finish_search(&mut app, request);
            if kept {
                assert_eq!(app.context(), Context::Reader, "at {w}x{h}");
                assert_eq!(app.reader().unwrap().article, open);
                assert_eq!(app.view()[app.selected()], open);
            } else {
                assert_eq!(app.context(), Context::List, "at {w}x{h}");
                let shown = app.reader().map(|r| r.article);
                if w >= 100 {
                    assert_eq!(shown, Some(app.view()[app.selected()]));
                } else {
                    assert_eq!(shown, None);
                }
            }
        }
    }
}

#[test]
fn a_large_collection_selects_the_best_match_when_the_answer_arrives() {
    let mut app = large_app_at(40, 12);
    app.update(Action::Bottom);
    assert!(app.list_top() > 0);
    let request = type_search(&mut app, "驿站");
    // The answer is not in yet: the list and its selection are as they were.
    assert_eq!(app.selected(), LARGE - 1);
    finish_search(&mut app, request);
    assert_eq!((app.selected(), app.list_top()), (0, 0));
    app.update(Action::SearchAccept);
    assert_eq!((app.selected(), app.list_top()), (0, 0));
    run(&mut app, &[Action::MoveDown, Action::MoveDown]);
    let chosen = app.view()[app.selected()];
    app.update(Action::ClearFilters);
    assert_eq!(
        app.view()[app.selected()],
        chosen,
        "clearing keeps the article"
    );
}

#[test]
fn a_large_collection_goes_to_the_first_match_when_the_answer_arrives() {
    let mut app = large_app_at(40, 12);
    run(&mut app, &[Action::MoveDown, Action::Open]);
    let typed = type_search(&mut app, "驿站");
    let request = app.update(Action::SearchAccept).search.or(typed);
    assert_eq!(
        app.reader().unwrap().hit_count().0,
        None,
        "not before the answer"
    );
    finish_search(&mut app, request);
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(app.reader().unwrap().hit_count(), (Some(0), 1));
}

/// Issue 16: a pasted paragraph is a query of hundreds of terms. It is searched off the UI
/// thread even in a small collection, and found in the open article only once the prompt
/// closes, so keys typed after it are not held up: the work done per key is counted here
/// (no search on the UI thread, the reader's hits untouched), not its time.
#[test]
fn a_query_of_many_terms_waits_for_the_prompt_to_close() {
    use kanbao::app::BACKGROUND_SEARCH_TERMS;
    let mut app = app();
    app.update(Action::Resize(120, 40));
    app.update(Action::Open);
    assert_eq!(app.reader().unwrap().hit_count().1, 0);
    app.update(Action::OpenSearch);
    // Distinct words, all in the open article: a word pasted again is the same term,
    // searched once.
    let mut chars: Vec<char> = app
        .selected_article()
        .unwrap()
        .paragraphs
        .concat()
        .chars()
        .collect();
    chars.retain(|c| ('\u{4e00}'..='\u{9fff}').contains(c));
    chars.sort_unstable();
    chars.dedup();
    assert!(chars.len() > BACKGROUND_SEARCH_TERMS);
    let words: Vec<String> = chars
        .iter()
        .take(BACKGROUND_SEARCH_TERMS + 1)
        .map(char::to_string)
        .collect();
    let paste = words.join(" ");
    app.update(Action::SearchInput(paste));
    assert!(app.query().terms().len() > BACKGROUND_SEARCH_TERMS);
    assert!(app.is_searching(), "searched in the background");
    app.update(Action::SearchInput("x".into()));
    assert_eq!(app.reader().unwrap().hit_count().1, 0, "not found yet");
    let request = run(&mut app, &[Action::SearchBackspace, Action::SearchAccept]);
    finish_search(&mut app, request);
    assert_eq!(app.context(), Context::Reader);
    assert!(app.reader().unwrap().hit_count().1 > 0, "found once kept");
    // A few terms are searched and found at once, as before.
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("驿站".into()));
    assert!(!app.is_searching());
    assert!(app.reader().unwrap().hit_count().1 > 0);
}
