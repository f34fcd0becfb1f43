//! One key press through the whole reader: `App::update` then a full render into a
//! 120×40 TestBackend, on the bundled page. Each iteration turns a page in the open
//! article (wrapping back to the top at the end), so every frame draws different text.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kanbao::action::Action;
use kanbao::app::{App, Options};
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

criterion_group!(benches, frame);
criterion_main!(benches);
