//! One key press through the whole reader: `App::update` then a full render into a
//! 120×40 TestBackend, on the bundled page. Each iteration turns a page in the open
//! article (wrapping back to the top at the end), so every frame draws different text.
//!
//! `keystroke_100k`: the same at 100,000 articles (the synthetic archive of `common`), for
//! docs/contract.md §7's "a keystroke is echoed within 16 ms": a key typed in the search prompt, then the
//! frame (the search itself runs off the UI thread); and the background search that follows,
//! with its answer applied and drawn.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::collection::Collection;
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use kanbao::tui::theme::Theme;
use kanbao::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(query: &str) -> App {
    let opts = Options {
        source: "builtin".into(),
        query: query.into(),
        ..Options::default()
    };
    let collection = load_bundled().expect("the bundled page loads");
    let mut app = App::new(collection, StateStore::disabled(), Vec::new(), opts);
    app.update(Action::Resize(120, 40));
    app.update(Action::Open);
    app
}

fn frame(c: &mut Criterion) {
    let theme = Theme::new(true, false);
    let mut group = c.benchmark_group("frame");
    // Start to first frame, less process start-up: load the bundled page, build the app
    // (search index included), lay out and draw the list at 120×40.
    group.bench_function("first_frame_bundled_120x40", |b| {
        b.iter(|| {
            let collection = load_bundled().expect("the bundled page loads");
            let mut app = App::new(
                collection,
                StateStore::disabled(),
                Vec::new(),
                Options::default(),
            );
            app.update(Action::Resize(120, 40));
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
            terminal
                .draw(|f| view::render(&app, &theme, f))
                .expect("draw");
            black_box(terminal.backend().buffer().area);
        });
    });
    for (name, query, keys) in [
        (
            "page_turn_120x40",
            "",
            [Action::NextPage, Action::FirstPage],
        ),
        (
            "next_match_120x40_query_工会",
            "工会",
            [Action::NextMatch, Action::NextMatch],
        ),
        ("list_move_120x40", "", [Action::MoveDown, Action::Top]),
    ] {
        let mut app = app(query);
        if name.starts_with("list") {
            app.update(Action::Back);
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        let mut i = 0usize;
        group.bench_function(name, |b| {
            b.iter(|| {
                i += 1;
                app.update(keys[i % 2].clone());
                terminal
                    .draw(|f| view::render(&app, &theme, f))
                    .expect("draw");
                black_box(terminal.backend().buffer().area);
            });
        });
    }
    group.finish();
}

/// The 100k-article reader at 120×40 with the prompt open and `query` typed and searched.
fn large_app(query: &str) -> App {
    let collection = Collection::from(common::archive());
    let opts = Options {
        source: "bench".into(),
        ..Options::default()
    };
    let mut app = App::new(collection, StateStore::disabled(), Vec::new(), opts);
    app.update(Action::Resize(120, 40));
    app.update(Action::OpenSearch);
    if let Some(request) = app.update(Action::SearchInput(query.into())).search
        && let Some(answer) = request.run(&app.search_index(), &|| false)
    {
        app.update(answer);
    }
    app
}

fn keystroke_100k(c: &mut Criterion) {
    let theme = Theme::new(true, false);
    let mut group = c.benchmark_group("keystroke_100k");
    group.sample_size(20);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    let mut app = large_app("驿站");
    assert_eq!(app.collection().len(), common::ARTICLES);
    // The echo: a key in the prompt (it alternately types 工 and erases it), the request
    // the loop would hand to the search thread, and the frame.
    let keys = [Action::SearchInput("工".into()), Action::SearchBackspace];
    let mut i = 0usize;
    group.bench_function("prompt_key_echo_120x40", |b| {
        b.iter(|| {
            i += 1;
            black_box(app.update(keys[i % 2].clone()).search);
            terminal
                .draw(|f| view::render(&app, &theme, f))
                .expect("draw");
            black_box(terminal.backend().buffer().area);
        });
    });
    // What follows the echo: the search (on the calling thread here), its answer applied
    // to the list, and the frame that shows it.
    for (name, query) in [
        ("search_then_frame_literal_驿站", "驿站"),
        ("search_then_frame_pinyin_gonghui", "gonghui"),
    ] {
        app.update(Action::SearchCancel);
        app.update(Action::OpenSearch);
        app.update(Action::SearchInput(query.into()));
        let index = app.search_index();
        group.bench_function(name, |b| {
            b.iter(|| {
                // A fresh request each time: same query, next generation.
                app.update(Action::SearchBackspace);
                let request = app
                    .update(Action::SearchInput(
                        query.chars().last().unwrap_or('工').into(),
                    ))
                    .search
                    .expect("a background search");
                let answer = request.run(&index, &|| false).expect("not cancelled");
                app.update(answer);
                terminal
                    .draw(|f| view::render(&app, &theme, f))
                    .expect("draw");
                black_box(app.view().len());
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frame, keystroke_100k);
criterion_main!(benches);
