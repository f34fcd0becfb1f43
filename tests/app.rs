//! The reader driven by `Action`s alone, with no terminal.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod support;

use kanbao::action::Action;
use kanbao::app::{App, Context, Focus, Mode, Options, SearchRequest};
use kanbao::filter::DistrictFilter;
use kanbao::i18n::Lang;
use kanbao::layout::LineRole;
use kanbao::load::load_bundled;
use kanbao::state::StateStore;

fn app() -> App {
    app_with_query("")
}

fn app_with_query(query: &str) -> App {
    let opts = Options {
        query: query.into(),
        source: "builtin".into(),
        filter: DistrictFilter::default().into(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(80, 24));
    app
}

/// Updates with each action; returns the background search they leave to start, as the
/// event loop keeps it (the latest asked for, if it is still the app's current one).
fn run(app: &mut App, actions: &[Action]) -> Option<SearchRequest> {
    let mut latest = None;
    for a in actions {
        if let Some(request) = app.update(a.clone()).search {
            latest = Some(request);
        }
    }
    latest.filter(|r| r.generation == app.search_generation())
}

fn top_position(app: &App) -> (usize, usize) {
    let reader = app.reader().unwrap();
    let line = &reader.lines()[reader.scroll()];
    (line.paragraph.unwrap(), line.range.start)
}

#[test]
fn opening_shows_the_article_and_marks_it_read() {
    let mut app = app();
    let first = app.view()[0];
    assert!(!app.is_read(first));
    app.update(Action::Open);
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(app.reader().unwrap().article, first);
    assert!(app.is_read(first));
    let lines = app.reader().unwrap().lines();
    assert_eq!(lines[0].role, LineRole::Kicker);
    app.update(Action::Back);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn space_turns_the_page_and_the_counter_follows() {
    let mut app = app();
    app.update(Action::Resize(40, 12));
    app.update(Action::Open);
    let rows = app.rows();
    let (page, pages) = app.reader().unwrap().page(rows);
    assert_eq!(page, 1);
    assert!(pages > 3);
    app.update(Action::NextPage);
    assert_eq!(app.reader().unwrap().scroll(), rows);
    assert_eq!(app.reader().unwrap().page(rows).0, 2);
    app.update(Action::LineDown);
    assert_eq!(app.reader().unwrap().scroll(), rows + 1);
    app.update(Action::PrevPage);
    app.update(Action::PrevPage);
    assert_eq!(app.reader().unwrap().scroll(), 0);
    app.update(Action::LastPage);
    assert_eq!(app.reader().unwrap().page(rows), (pages, pages));
    app.update(Action::FirstPage);
    assert_eq!(app.reader().unwrap().scroll(), 0);
}

#[test]
fn a_resize_keeps_the_reading_position() {
    let mut app = app();
    app.update(Action::Resize(40, 12));
    run(
        &mut app,
        &[Action::Open, Action::NextPage, Action::NextPage],
    );
    let (paragraph, byte) = top_position(&app);
    for (w, h) in [(120, 40), (63, 20), (40, 12), (1, 1), (200, 60)] {
        app.update(Action::Resize(w, h));
        let reader = app.reader().unwrap();
        let lines = reader.lines();
        let at = lines
            .iter()
            .position(|l| l.paragraph == Some(paragraph) && l.range.contains(&byte))
            .unwrap();
        // The line holding the place is on top, or on screen when the end of the
        // article is too near for it to be on top.
        let last_top = lines.len().saturating_sub(app.rows());
        assert_eq!(reader.scroll(), at.min(last_top), "at {w}x{h}");
    }
    app.update(Action::Resize(40, 12));
    assert_eq!(top_position(&app), (paragraph, byte));
}

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

#[test]
fn the_picker_selects_xicheng() {
    let mut app = app();
    app.update(Action::OpenPicker);
    let Mode::Picker(picker) = app.mode() else {
        panic!("picker open");
    };
    let labels: Vec<&str> = picker.items().iter().map(|(k, _)| k.label()).collect();
    assert_eq!(labels.last(), Some(&"未注明"));
    let xc = labels.iter().position(|l| *l == "西城区").unwrap();
    assert_eq!(picker.items()[xc].1, 2);
    for _ in 0..xc {
        app.update(Action::PickerDown);
    }
    app.update(Action::PickerToggle);
    // Nothing changes until Enter.
    assert_eq!(app.view().len(), 7);
    app.update(Action::PickerApply);
    assert_eq!(app.view().len(), 2);
    for &i in app.view() {
        assert_eq!(app.collection()[i].district.as_deref(), Some("西城区"));
    }
    // Esc cancels: toggling more and cancelling keeps 西城区 only.
    run(
        &mut app,
        &[
            Action::OpenPicker,
            Action::PickerToggle,
            Action::PickerCancel,
        ],
    );
    assert_eq!(app.view().len(), 2);
    app.update(Action::ClearFilters);
    assert_eq!(app.view().len(), 7);
}

#[test]
fn brackets_walk_the_list_from_the_reader() {
    let mut app = app();
    app.update(Action::Open);
    let first = app.reader().unwrap().article;
    app.update(Action::NextArticle);
    let second = app.reader().unwrap().article;
    assert_ne!(first, second);
    assert_eq!(second, app.view()[1]);
    app.update(Action::PrevArticle);
    assert_eq!(app.reader().unwrap().article, first);
    app.update(Action::PrevArticle);
    assert_eq!(app.reader().unwrap().article, first, "stays at the first");
}

#[test]
fn n_and_shift_n_walk_the_hits() {
    let mut app = app_with_query("驿站");
    app.update(Action::Open);
    let reader = app.reader().unwrap();
    let (_, total) = reader.hit_count();
    assert!(total >= 2);
    app.update(Action::NextMatch);
    assert_eq!(app.reader().unwrap().hit_count().0, Some(0));
    app.update(Action::NextMatch);
    assert_eq!(app.reader().unwrap().hit_count().0, Some(1));
    app.update(Action::PrevMatch);
    app.update(Action::PrevMatch);
    assert_eq!(
        app.reader().unwrap().hit_count().0,
        Some(total - 1),
        "wraps"
    );
    // The current hit is on screen.
    let reader = app.reader().unwrap();
    let lit: Vec<usize> = (0..reader.lines().len())
        .filter(|&l| reader.hits_on(l).any(|(_, current)| current))
        .collect();
    assert!(!lit.is_empty());
    assert!(lit[0] >= reader.scroll() && lit[0] < reader.scroll() + app.rows());
    let line = &reader.lines()[lit[0]];
    let (range, _) = reader.hits_on(lit[0]).find(|(_, c)| *c).unwrap();
    assert_eq!(&line.text[range], "驿站");
}

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

#[test]
fn the_list_scrolls_to_keep_the_selection_in_view() {
    let mut app = app();
    app.update(Action::Resize(40, 6));
    app.update(Action::Bottom);
    assert_eq!(app.selected(), 6);
    assert!(app.list_top() > 0);
    app.update(Action::Top);
    assert_eq!(app.list_top(), 0);
}

/// A screen made tiny and big again shows the list from where it was, not scrolled down
/// to the selection; a move after the resizes scrolls from where the list is then.
#[test]
fn a_resize_storm_leaves_the_list_where_it_was() {
    let mut app = app();
    app.update(Action::Resize(40, 12));
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    assert_eq!((app.selected(), app.list_top()), (2, 0));
    for (w, h) in [(1, 1), (10, 3), (2, 2), (40, 12)] {
        app.update(Action::Resize(w, h));
    }
    assert_eq!((app.selected(), app.list_top()), (2, 0));
    // Smaller: scrolled as little as it takes to keep the selection in view.
    app.update(Action::Resize(40, 6));
    let small = app.geometry().list_items();
    assert_eq!(app.list_top(), 3 - small);
    app.update(Action::MoveDown);
    assert_eq!((app.selected(), app.list_top()), (3, 4 - small));
    // Bigger again: from where the list was then, as far up as it takes to fill the screen.
    app.update(Action::Resize(40, 12));
    let items = app.geometry().list_items();
    assert_eq!((app.selected(), app.list_top()), (3, 7 - items));
}

#[test]
fn help_scrolls_like_a_pager_and_closes_with_q_esc_or_question_mark() {
    let mut app = app();
    app.update(Action::Help);
    assert_eq!(app.context(), Context::Help);
    let lines = app.help_lines(Context::List).len();
    let page = app.geometry().help_page(lines);
    assert!(lines > page, "80x24 cannot show all {lines} lines at once");
    // Keys that do not scroll or close leave help as it is.
    app.update(Action::MoveDown);
    assert_eq!(app.context(), Context::Help);
    assert_eq!(app.selected(), 0);
    app.update(Action::LineDown);
    assert_eq!(support::help_scroll(&app), 1);
    app.update(Action::LineUp);
    app.update(Action::LineUp);
    assert_eq!(support::help_scroll(&app), 0, "stops at the top");
    app.update(Action::NextPage);
    assert_eq!(support::help_scroll(&app), page.min(lines - page));
    app.update(Action::LastPage);
    assert_eq!(
        support::help_scroll(&app),
        lines - page,
        "the last line at the bottom"
    );
    app.update(Action::NextPage);
    assert_eq!(
        support::help_scroll(&app),
        lines - page,
        "stops at the bottom"
    );
    app.update(Action::PrevPage);
    assert_eq!(support::help_scroll(&app), lines - 2 * page);
    app.update(Action::FirstPage);
    assert_eq!(support::help_scroll(&app), 0);
    // q, Esc and ? all map to Action::Help in the help's key table.
    app.update(Action::Help);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.selected(), 0, "the keys only scrolled and closed help");
}

#[test]
fn every_help_line_can_be_scrolled_into_view() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    app.update(Action::Help);
    let lines = app.help_lines(Context::List);
    let texts: Vec<&str> = lines.iter().map(|(_, what)| *what).collect();
    for needed in ["上一篇", "按地区筛选", "删除一个字", "应用", "关闭帮助"] {
        assert!(texts.contains(&needed), "{needed} in help");
    }
    assert!(
        lines
            .iter()
            .any(|(k, what)| k == "Ctrl-C" && *what == "退出")
    );
    app.update(Action::LastPage);
    let page = app.geometry().help_page(lines.len());
    assert_eq!(support::help_scroll(&app) + page, lines.len());
}

#[test]
fn quit_works_from_the_prompt() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch, Action::Quit]);
    assert!(app.should_quit());
}

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
fn a_click_selects_and_a_second_click_opens() {
    let mut app = app();
    let g = app.geometry();
    app.update(Action::Click(g.list.x + 3, g.list.y + 2));
    assert_eq!(app.selected(), 1);
    app.update(Action::Click(g.list.x + 3, g.list.y + 3));
    assert_eq!(app.context(), Context::Reader);
}

// A large collection: searched off the UI thread (docs/contract.md §7, a 100,000-article archive).

use std::sync::atomic::{AtomicUsize, Ordering};

use kanbao::app::{BACKGROUND_SEARCH_MIN, Searcher};
use kanbao::article::Article;
use kanbao::collection::Collection;

const LARGE: usize = 30_000;

/// `LARGE` small articles made of the bundled page's sentences; every fifth holds 驿站.
fn large_app() -> App {
    let sentences = [
        "京南物流基地是北京四大物流基地之一，货运司机群体集聚。",
        "天宫院街道总工会相继建成2家24小时工会驿站。",
        "工会工作人员现场为参会人员讲解医保二次报销等工会服务项目。",
        "锦旗是我们继续前行的动力，我们将持续提升服务质量。",
        "通州区多个街道、乡镇总工会积极开展职工沟通会。",
    ];
    let articles: Vec<Article> = (0..LARGE)
        .map(|i| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇"),
            paragraphs: vec![sentences[i % 5].to_string()],
            ..Article::default()
        })
        .collect();
    let collection = Collection::from(articles);
    let opts = Options {
        source: "large".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(120, 40));
    app
}

/// Runs the search an update asked for on this thread and hands the app its answer.
fn finish_search(app: &mut App, request: Option<SearchRequest>) {
    let request = request.expect("a search was asked for");
    let answer = request
        .run(&app.search_index(), &|| false)
        .expect("not cancelled");
    app.update(answer);
}

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

// Side by side (≥ 100 columns) the reader previews the list's selection.

fn wide_app() -> App {
    let mut app = app();
    app.update(Action::Resize(120, 40));
    app
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

#[test]
fn after_a_resize_the_list_is_not_left_scrolled_past_its_start() {
    // At 80x24 select article 3, open it, resize to 1x1, 20x6 and back, leave the reader.
    let mut app = app();
    run(
        &mut app,
        &[
            Action::MoveDown,
            Action::MoveDown,
            Action::Open,
            Action::Resize(1, 1),
            Action::Resize(20, 6),
            Action::Resize(80, 24),
            Action::Back,
        ],
    );
    assert_eq!(app.selected(), 2);
    assert_eq!(app.list_top(), 0, "all 7 articles fit at 80x24");
    // Where not all fit, the view scrolls only as far as the selection needs and never
    // leaves empty rows below the last article.
    app.update(Action::Resize(40, 8));
    let items = app.geometry().list_items();
    app.update(Action::Bottom);
    assert_eq!(app.list_top(), 7 - items);
    app.update(Action::Resize(40, 12));
    let items = app.geometry().list_items();
    assert_eq!(app.list_top(), 7 - items);
    assert!(app.selected() >= app.list_top() && app.selected() < app.list_top() + items);
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
fn the_reader_says_when_n_wraps_and_when_brackets_hit_an_end() {
    let mut app = app_with_query("驿站");
    app.update(Action::Open);
    let total = app.reader().unwrap().hit_count().1;
    for _ in 0..total {
        app.update(Action::NextMatch);
        assert_eq!(app.status(), None, "no message before the wrap");
    }
    app.update(Action::NextMatch);
    assert_eq!(app.status(), Some("已回到第一处"));
    app.update(Action::PrevMatch);
    assert_eq!(app.status(), Some("已回到最后一处"));
    app.update(Action::PrevArticle);
    assert_eq!(app.status(), Some("已是第一篇"));
    app.update(Action::Bottom);
    app.update(Action::NextArticle);
    app.update(Action::NextArticle);
    assert_eq!(app.status(), Some("已是最后一篇"));
}

// The search prompt never loses your place: what it shows while typing is transient.

/// Where the user is: the context, the selected list position, the open article and the
/// reader's top line.
fn place(app: &App) -> (Context, usize, Option<usize>, Option<usize>) {
    (
        app.context(),
        app.selected(),
        app.reader().map(|r| r.article),
        app.reader().map(|r| r.scroll()),
    )
}

fn type_search(app: &mut App, text: &str) -> Option<SearchRequest> {
    let mut actions = vec![Action::OpenSearch];
    actions.extend(text.chars().map(|c| Action::SearchInput(c.to_string())));
    run(app, &actions)
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

/// The large collection at one pane (80x24) or side by side (120x40).
fn large_app_at(w: u16, h: u16) -> App {
    let mut app = large_app();
    app.update(Action::Resize(w, h));
    app
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

// A new search selects its best match, fzf-style.

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

// Searching from inside the reader goes to the first match, like less.

/// The line of the reader's current hit.
fn current_hit_line(app: &App) -> Option<usize> {
    let reader = app.reader()?;
    (0..reader.lines().len()).find(|&l| reader.hits_on(l).any(|(_, current)| current))
}

#[test]
fn enter_in_the_prompt_goes_to_the_first_match_in_the_open_article() {
    // 40x12: Enter g /传记 Enter; the only 传记 is on page 6.
    let mut app = app();
    app.update(Action::Resize(40, 12));
    run(&mut app, &[Action::Open, Action::FirstPage]);
    let open = app.reader().unwrap().article;
    type_search(&mut app, "传记");
    app.update(Action::SearchAccept);
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(app.reader().unwrap().article, open);
    let (count, total) = app.reader().unwrap().hit_count();
    assert_eq!((count, total), (Some(0), 1));
    let line = current_hit_line(&app).unwrap();
    let (scroll, rows) = (app.reader().unwrap().scroll(), app.rows());
    assert!(
        line >= scroll && line < scroll + rows,
        "the hit is on screen"
    );
    assert!(app.reader().unwrap().page(rows).0 > 1, "moved off page 1");
}

#[test]
fn enter_in_the_prompt_goes_to_the_first_match_below_the_top_or_wraps() {
    let mut app = app_with_query("工会");
    app.update(Action::Resize(40, 12));
    app.update(Action::Open);
    let rows = app.rows();
    let hits = app.reader().unwrap().hit_count().1;
    assert!(hits > 2);
    // From the middle: the first hit at or below the top line.
    run(&mut app, &[Action::NextPage, Action::NextPage]);
    let top = app.reader().unwrap().scroll();
    run(&mut app, &[Action::OpenSearch, Action::SearchAccept]);
    let line = current_hit_line(&app).unwrap();
    assert!(line >= top, "at or below the top line");
    let reader = app.reader().unwrap();
    assert!(line >= reader.scroll() && line < reader.scroll() + rows);
}

#[test]
fn enter_in_the_prompt_wraps_to_the_first_match_from_below_the_last() {
    let mut app = app();
    app.update(Action::Resize(40, 12));
    run(&mut app, &[Action::Open, Action::LastPage]);
    let top = app.reader().unwrap().scroll();
    type_search(&mut app, "传记");
    app.update(Action::SearchAccept);
    let line = current_hit_line(&app).unwrap();
    assert!(line < top, "the only hit is above the last page");
    assert_eq!(app.reader().unwrap().hit_count(), (Some(0), 1));
    let reader = app.reader().unwrap();
    assert!(line >= reader.scroll() && line < reader.scroll() + app.rows());
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

#[test]
fn n_without_a_search_says_how_to_search() {
    for (lang, no_search) in [
        (Lang::Zh, "没有搜索，按 / 搜索"),
        (Lang::En, "No search: press / to search"),
    ] {
        let opts = Options {
            lang,
            source: "builtin".into(),
            ..Options::default()
        };
        let mut app = support::bundled_app(opts);
        app.update(Action::Resize(80, 24));
        app.update(Action::Open);
        let scroll = app.reader().unwrap().scroll();
        for step in [Action::NextMatch, Action::PrevMatch] {
            app.update(step);
            assert_eq!(app.status(), Some(no_search), "{lang:?}");
            assert_eq!(app.reader().unwrap().scroll(), scroll, "nothing moved");
        }
        // With a search, n walks the hits and says nothing until it wraps.
        run(
            &mut app,
            &[
                Action::OpenSearch,
                Action::SearchInput("驿站".into()),
                Action::SearchAccept,
            ],
        );
        assert_eq!(app.context(), Context::Reader);
        app.update(Action::NextMatch);
        assert_eq!(app.status(), None, "{lang:?}");
        assert!(app.reader().unwrap().hit_count().0.is_some());
        // A search of conditions alone has nothing to walk, and says so (it said there was
        // no search until session 25).
        let only = match lang {
            Lang::Zh => "这次搜索只有条件，没有要找的词",
            _ => "this search has only conditions, no words to find",
        };
        run(
            &mut app,
            &[
                Action::OpenSearch,
                Action::SearchInput("kind:news".into()),
                Action::SearchAccept,
            ],
        );
        app.update(Action::NextMatch);
        assert_eq!(app.status(), Some(only), "{lang:?}");
    }
}

// An article with no text: the reader says so in a dim note that is not the article's.

use kanbao::article::Kind;
use kanbao::state::Position;

/// An empty photo report whose title holds the words of the reader's note (in both
/// languages), one whose paragraphs are only spaces, and one with text.
fn no_text_app(lang: Lang, query: &str, store: StateStore) -> App {
    let article = |id: &str, title: &str, paragraphs: &[&str]| Article {
        id: id.into(),
        title: title.into(),
        kind: if paragraphs.is_empty() {
            Kind::Photo
        } else {
            Kind::News
        },
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Article::default()
    };
    let collection = Collection::from(vec![
        article("empty", "本文无正文 no text 的图片", &[]),
        article("blank", "空白段落", &["", "\u{3000} "]),
        article("full", "有正文的新闻", &["正文在此。"]),
    ]);
    let opts = Options {
        lang,
        query: query.into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = App::new(collection, store, Vec::new(), opts);
    app.update(Action::Resize(80, 24));
    app
}

fn open_id(app: &mut App, id: &str) {
    app.update(Action::Top);
    while app.selected_article().unwrap().id != id {
        let before = app.selected();
        app.update(Action::MoveDown);
        assert_ne!(app.selected(), before, "{id} is in the list");
    }
    app.update(Action::Open);
    assert_eq!(app.context(), Context::Reader);
}

fn note_lines(app: &App) -> Vec<(usize, String)> {
    let reader = app.reader().unwrap();
    reader
        .lines()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.role == LineRole::Note)
        .inspect(|(_, l)| assert_eq!(l.paragraph, None))
        .map(|(i, l)| (i, l.text.clone()))
        .collect()
}

const NOTES: [(Lang, &str, &str); 2] = [
    (Lang::Zh, "（本文无正文）", "正文"),
    (Lang::En, "(no text)", "text"),
];

#[test]
fn an_article_with_no_text_shows_one_note_after_its_headings() {
    for (lang, note, _) in NOTES {
        let mut app = no_text_app(lang, "", StateStore::disabled());
        for id in ["empty", "blank"] {
            open_id(&mut app, id);
            let notes = note_lines(&app);
            let last = app.reader().unwrap().lines().len() - 1;
            assert_eq!(notes, [(last, note.to_string())], "{lang:?} {id}");
            app.update(Action::Back);
        }
        // An article with text has no note.
        open_id(&mut app, "full");
        assert!(note_lines(&app).is_empty());
        // Narrow columns wrap the note like any line: never wider than the column.
        app.update(Action::Back);
        open_id(&mut app, "empty");
        for (w, h) in [(40, 12), (12, 6), (6, 4), (1, 1), (80, 24)] {
            app.update(Action::Resize(w, h));
            let width = app.reader().unwrap().width();
            let notes = note_lines(&app);
            let joined: String = notes.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(joined.replace(' ', ""), note.replace(' ', ""), "{w}x{h}");
            for (_, text) in &notes {
                assert!(
                    kanbao::layout::display_width(text, kanbao::layout::Widths::default()) <= width
                );
            }
        }
    }
}

#[test]
fn the_note_is_not_searched_and_n_never_stops_on_it() {
    for (lang, _, query) in NOTES {
        let mut app = no_text_app(lang, query, StateStore::disabled());
        open_id(&mut app, "empty");
        let reader = app.reader().unwrap();
        // Only the title's match: the note holds the term too, and is not the article's.
        assert_eq!(reader.hit_count(), (None, 1), "{lang:?}");
        let (note_line, _) = note_lines(&app)[0];
        assert_eq!(reader.hits_on(note_line).count(), 0);
        let title_line = reader
            .lines()
            .iter()
            .position(|l| l.role == LineRole::Title)
            .unwrap();
        for _ in 0..3 {
            app.update(Action::NextMatch);
            assert_eq!(current_hit_line(&app), Some(title_line), "{lang:?}");
            assert_eq!(app.status(), None, "one hit: n does not wrap");
            app.update(Action::PrevMatch);
            assert_eq!(current_hit_line(&app), Some(title_line), "{lang:?}");
        }
    }
}

#[test]
fn scrolling_onto_the_note_saves_the_top_of_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = StateStore::open(Some(dir.path().join("state.json")));
    let mut app = no_text_app(Lang::Zh, "", store);
    let shared = app.shared_state();
    // 4 rows of 14 columns: the title takes two, and the note is below the first page.
    app.update(Action::Resize(16, 6));
    open_id(&mut app, "empty");
    let (note_line, _) = note_lines(&app)[0];
    assert!(note_line >= app.rows(), "the note is on a later page");
    for action in [Action::LastPage, Action::LineDown, Action::NextPage] {
        app.update(action);
        let reader = app.reader().unwrap();
        assert!(
            reader.scroll() + app.rows() > note_line,
            "the note is in view"
        );
        assert_eq!(reader.position(), Position::default());
        // Kept as the top (state version 2 keeps no field for a value never moved from
        // its default: none is the top).
        assert_eq!(
            shared
                .lock()
                .unwrap()
                .position("test", "empty")
                .unwrap_or_default(),
            Position::default()
        );
    }
    // Reopened at a wider size, the article starts at the top, note and all.
    app.update(Action::Back);
    app.update(Action::Resize(80, 24));
    open_id(&mut app, "empty");
    assert_eq!(app.reader().unwrap().scroll(), 0);
    assert_eq!(app.reader().unwrap().page(app.rows()), (1, 1));
}

/// A title that shows nothing (only an escape sequence, removed) is stood in for by a dim
/// note, in the reader where the title goes (after the kicker) and in the list.
#[test]
fn a_title_that_shows_nothing_is_stood_in_for() {
    for (lang, note) in [(Lang::Zh, "（无标题）"), (Lang::En, "(untitled)")] {
        let collection = Collection::from(vec![Article {
            id: "esc".into(),
            title: "\u{1b}[2J".into(),
            kicker: Some("引题".into()),
            paragraphs: vec!["正文。".into()],
            ..Article::default()
        }]);
        let opts = Options {
            lang,
            source: "test".into(),
            ..Options::default()
        };
        let mut app = support::app_over(collection, opts);
        app.update(Action::Resize(80, 24));
        app.update(Action::Open);
        let lines = app.reader().unwrap().lines();
        assert_eq!(lines[0].role, LineRole::Kicker);
        assert_eq!(
            (lines[1].role, lines[1].text.as_str()),
            (LineRole::Note, note)
        );
        assert!(lines.iter().all(|l| l.role != LineRole::Title));
        app.update(Action::Back);
        let theme = kanbao::tui::theme::Theme::new(true, false);
        let terminal = support::draw(&app, &theme, 80, 24);
        let screen: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        // A wide character's second cell is a space: compare without spaces.
        assert!(
            screen.replace(' ', "").contains(&note.replace(' ', "")),
            "{screen}"
        );
    }
}

/// Search looks in the byline (docs/contract.md §5), so the reader shows it, dim, above the body: a
/// hit in it is highlighted and `n` goes to it. `kanbao show` keeps docs/contract.md §2's lines.
#[test]
fn a_hit_in_the_byline_is_shown_and_walked_to() {
    let mut app = app_with_query("本报讯");
    app.update(Action::Open);
    let reader = app.reader().unwrap();
    let byline: Vec<usize> = reader
        .lines()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.role == LineRole::Byline)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(byline.len(), 1);
    let line = &reader.lines()[byline[0]];
    assert!(line.text.starts_with("本报讯（记者"), "{}", line.text);
    assert_eq!(reader.lines()[byline[0] - 1].role, LineRole::Blank);
    assert_eq!(reader.lines()[byline[0] + 1].role, LineRole::Body);
    assert_eq!(reader.hit_count().1, 1, "the byline's hit");
    app.update(Action::NextMatch);
    let reader = app.reader().unwrap();
    assert_eq!(reader.hit_count().0, Some(0));
    assert!(reader.hits_on(byline[0]).any(|(_, current)| current));
    // `show` lays out the same article without it.
    let article = &load_bundled().unwrap()[0];
    let shown = kanbao::layout::layout_article(article, 80, &Default::default());
    assert!(shown.iter().all(|l| l.role != LineRole::Byline));
}

/// Issue 16: a blank or quote-only query shows every article, and nothing is highlighted,
/// whether it comes from `--query` or the prompt.
#[test]
fn a_blank_or_quote_only_query_shows_every_article_without_highlight() {
    for query in ["", " ", "\"", "\"\"", "\" \"", "“”", "\u{3000}"] {
        let mut started = app_with_query(query);
        assert!(started.query().is_empty(), "{query:?}");
        assert_eq!(started.view().len(), 7, "{query:?}");
        started.update(Action::Open);
        assert_eq!(started.reader().unwrap().hit_count().1, 0, "{query:?}");
        let mut app = app();
        run(
            &mut app,
            &[Action::OpenSearch, Action::SearchInput(query.into())],
        );
        assert_eq!(app.view().len(), 7, "{query:?}");
        app.update(Action::SearchAccept);
        assert_eq!(app.view().len(), 7, "{query:?}");
        assert_eq!(app.status(), None, "{query:?}");
    }
}

/// Issue 16: a lone curly quote is searched for as a character, and highlighted.
#[test]
fn a_lone_curly_quote_is_searched_for() {
    for query in ["“", "”"] {
        let mut app = app_with_query(query);
        assert!(!app.query().is_empty(), "{query}");
        app.update(Action::Open);
        // Article 1's title quotes twice, its text many times.
        assert!(app.reader().unwrap().hit_count().1 > 2, "{query}");
    }
}

/// Issue 16: a query over the search's limits is not searched: the list stays as it was,
/// the prompt line says why, and Enter cannot keep it.
#[test]
fn the_prompt_says_when_a_query_is_over_the_limits() {
    let mut app = app();
    let all = app.view().len();
    let many = vec!["工会"; 40].join(" ");
    run(&mut app, &[Action::OpenSearch, Action::SearchInput(many)]);
    let status = app.query_error().unwrap_or_default();
    assert!(
        status.contains("查询有 40 个词，超过上限 32 个"),
        "{status}"
    );
    assert!(app.query().is_empty(), "not searched");
    assert_eq!(app.view().len(), all);
    app.update(Action::SearchAccept);
    assert!(app.query().is_empty(), "Enter does not keep it");
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
    let paste = "工会 驿站 ".repeat(BACKGROUND_SEARCH_TERMS);
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

/// The meta line (district · reporters · kind) is the reader's summary, not searched text:
/// `n` walks only the hits the search counts. A hands-on test (session 26) saw 匹配 1/2 for
/// `"记者 白兰"`, the first on the meta line, where `kanbao search` counts one hit (in the
/// byline).
#[test]
fn n_walks_the_hits_the_search_counts_not_the_meta_line() {
    let article = Article {
        id: "a1".into(),
        title: "工会暖心服务".into(),
        reporters: vec!["白兰玲".into()],
        byline: Some("本报讯（记者 白兰玲）".into()),
        paragraphs: vec!["职工休息。".into()],
        ..Article::default()
    };
    let collection = Collection::from(vec![article]);
    let query = kanbao::search::Query::parse("\"记者 白兰\"");
    let counted = kanbao::search::search_articles(collection.as_slice(), &query, 0..1);
    assert_eq!(counted.len(), 1);
    let opts = Options {
        query: "\"记者 白兰\"".into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(80, 24));
    app.update(Action::Open);
    let reader = app.reader().unwrap();
    let meta = reader.lines().iter().position(|l| l.role == LineRole::Meta);
    let meta = meta.expect("a meta line");
    assert!(
        reader.lines()[meta].text.contains("白兰玲"),
        "the meta line names her"
    );
    assert_eq!(reader.hit_count().1, counted[0].hits);
    assert_eq!(
        reader.hits_on(meta).count(),
        0,
        "nothing lit on the meta line"
    );
}

/// As in `less`, `n` goes on from the screen once the current hit has been scrolled away
/// (a hands-on test, session 27: after `G`, `n` jumped back to the second hit on page 1).
#[test]
fn n_after_scrolling_goes_on_from_the_screen_as_in_less() {
    let paragraphs: Vec<String> = (0..40)
        .map(|i| format!("第{i}段：工会驿站为户外劳动者提供休息的地方。"))
        .collect();
    let article = Article {
        id: "a1".into(),
        title: "驿站".into(),
        paragraphs,
        ..Article::default()
    };
    let opts = Options {
        query: "驿站".into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(Collection::from(vec![article]), opts);
    app.update(Action::Resize(80, 24));
    app.update(Action::Open);
    app.update(Action::NextMatch);
    let (first, total) = app.reader().unwrap().hit_count();
    assert!(total > 30, "{total} hits");
    let first = first.expect("a current hit");
    app.update(Action::LastPage);
    let bottom = app.reader().unwrap().scroll();
    assert!(bottom > 0, "the article is longer than a screen");
    app.update(Action::NextMatch);
    let reader = app.reader().unwrap();
    let now = reader.hit_count().0.expect("a current hit");
    assert!(
        now > first + 1,
        "from the screen, not the hit after {first}: {now}"
    );
    assert_eq!(
        reader.scroll(),
        bottom,
        "the hit was on screen: nothing moved"
    );
    // Back at the top, `N` goes back from the screen too: to the last hit on it.
    app.update(Action::FirstPage);
    app.update(Action::PrevMatch);
    let reader = app.reader().unwrap();
    assert_eq!(reader.scroll(), 0, "a hit on the first screen");
    assert!(reader.hit_count().0.expect("a current hit") < now);
}
