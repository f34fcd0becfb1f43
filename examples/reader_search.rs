//! The reader over an indexed archive, timed in one process (issue 12): opening (the index,
//! the app, the first frame drawn at 120×40), then for each query the time from its last key
//! to its results drawn (the search run on this thread as the event loop's searcher would),
//! and the heap (`RssAnon`) after all of them.
//!
//! Usage: `XDG_CACHE_HOME=… cargo run --release --example reader_search -- PATH [QUERY…]`
//! (the archive must have been indexed with `kanbao index PATH`). Each query runs
//! `RUNS` times (env, default 5); the median is printed.

use std::time::Instant;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::collection::Collection;
use kanbao::i18n::Lang;
use kanbao::index::{self, library::Indexed};
use kanbao::state::StateStore;
use kanbao::tui::{theme::Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn draw(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    terminal
        .draw(|f| view::render(app, &Theme::new(true, true), f))
        .expect("drawn");
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn rss_anon_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("RssAnon:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: reader_search PATH [QUERY…]");
        std::process::exit(2);
    };
    let mut queries: Vec<String> = args.collect();
    if queries.is_empty() {
        queries = [
            "驿站",
            "沙河工会服务站",
            "晨曦兴拓",
            "工会 司机",
            "gonghui",
            "ghyz",
        ]
        .map(String::from)
        .to_vec();
    }
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let start = Instant::now();
    let mut notes = Vec::new();
    let Some(archive) = index::open(std::path::Path::new(&path), &mut notes) else {
        eprintln!("no usable index for {path} ({notes:?}): run kanbao index first");
        std::process::exit(1);
    };
    let opened = ms(start);
    let collection = Collection::lazy(Box::new(Indexed::new(archive, Lang::Zh)));
    let lazy = ms(start);
    let opts = Options {
        source: "bench".into(),
        ..Options::default()
    };
    let mut app = App::new(collection, StateStore::disabled(), Vec::new(), opts);
    app.update(Action::Resize(120, 40));
    let made = ms(start);
    draw(&app);
    println!("index opened {opened:.1} ms, head found {lazy:.1} ms, app made {made:.1} ms");
    println!(
        "first frame (open, app, draw): {:.1} ms; {} articles; RssAnon {:.0} MB",
        ms(start),
        app.collection().len(),
        rss_anon_mb()
    );
    for q in &queries {
        let mut times = Vec::new();
        let mut firsts: Vec<f64> = Vec::new();
        let mut found = 0;
        for _ in 0..runs {
            app.update(Action::ClearFilters);
            let t = Instant::now();
            app.update(Action::OpenSearch);
            let mut request = app.update(Action::SearchInput(q.clone())).search;
            while let Some(r) = request.take() {
                // The first answers of a slow search, as the searcher thread would send them.
                let first = std::sync::Mutex::new(None::<f64>);
                let answer = r
                    .run_showing(&app.index_cell(), &|| false, &|_| {
                        first
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .get_or_insert(ms(t));
                    })
                    .expect("not cancelled");
                if let Some(f) = first.into_inner().ok().flatten() {
                    firsts.push(f);
                }
                request = app.update(answer).search;
            }
            draw(&app);
            times.push(ms(t));
            found = app.view().len();
            app.update(Action::SearchAccept);
        }
        times.sort_by(f64::total_cmp);
        firsts.sort_by(f64::total_cmp);
        if let Some(f) = firsts.get(firsts.len() / 2) {
            println!("{q}: first answers shown at {f:.1} ms (median)");
        }
        println!(
            "{q}: {found} results; median {:.1} ms (min {:.1}, max {:.1})",
            times[times.len() / 2],
            times[0],
            times[times.len() - 1]
        );
    }
    println!("RssAnon after the searches: {:.0} MB", rss_anon_mb());
}
