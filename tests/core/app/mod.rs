//! The reader driven by `Action`s alone, with no terminal. The tests are in modules by
//! topic; the app builders and helpers they share are here.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

mod background;
mod hits;
mod marks;
mod navigation;
mod no_text;
mod prompt;
mod reload;
mod side_by_side;

use kanbao::action::Action;
use kanbao::app::{App, Context, Options, SearchRequest};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::filter::DistrictFilter;

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

fn wide_app() -> App {
    let mut app = app();
    app.update(Action::Resize(120, 40));
    app
}

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

/// The large collection at one pane (80x24) or side by side (120x40).
fn large_app_at(w: u16, h: u16) -> App {
    let mut app = large_app();
    app.update(Action::Resize(w, h));
    app
}

/// The line of the reader's current hit.
fn current_hit_line(app: &App) -> Option<usize> {
    let reader = app.reader()?;
    (0..reader.lines().len()).find(|&l| reader.hits_on(l).any(|(_, current)| current))
}
