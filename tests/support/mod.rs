//! Set-up shared by the tests: app builders for the reader's core (here), frames drawn into
//! a `TestBackend` (here), and the pseudo-terminal harness for the real binary ([`pty`]).
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![allow(dead_code)] // each test file uses a different part of it

use kanbao::app::{App, Mode, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::load::load_bundled;
use kanbao::search::{Query, search_articles};
use kanbao::state::StateStore;
use kanbao::tui::theme::Theme;
use kanbao::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub mod changed;
pub mod cli;
pub mod job;
pub mod pty;
pub mod unreadable;

#[allow(unused_imports)] // only the pty tests use them
pub use pty::{Term, WAIT};

/// The frame `app` draws on a `w`×`h` screen with `theme`.
pub fn draw(app: &App, theme: &Theme, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::render(app, theme, f)).unwrap();
    terminal
}

/// The text `app` draws on a `w`×`h` screen without colours, a line per row, each wide
/// character once.
pub fn screen(app: &App, w: u16, h: u16) -> String {
    let terminal = draw(app, &Theme::new(false, false), w, h);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut x = 0;
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap();
        }
        out.push('\n');
    }
    out
}

/// The reader over the bundled page with `opts`, keeping no reading state and showing no
/// warnings; it has no size until the caller sends `Action::Resize`.
pub fn bundled_app(opts: Options) -> App {
    app_over(load_bundled().unwrap(), opts)
}

/// The reader over `collection` with `opts`, keeping no reading state and showing no
/// warnings; it has no size until the caller sends `Action::Resize`.
pub fn app_over(collection: Collection, opts: Options) -> App {
    App::new(collection, StateStore::disabled(), Vec::new(), opts)
}

/// The help's first shown line, while it is open.
pub fn help_scroll(app: &App) -> usize {
    match app.mode() {
        Mode::Help { scroll, .. } => *scroll,
        other => panic!("help is not open: {other:?}"),
    }
}

/// One article in each district and one that names none: 17 districts in the picker.
pub fn every_district() -> Collection {
    let mut names: Vec<Option<&str>> = kanbao::district::DISTRICTS
        .iter()
        .map(|d| Some(d.name))
        .collect();
    names.push(None);
    let articles: Vec<Article> = names
        .into_iter()
        .enumerate()
        .map(|(i, d)| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇"),
            district: d.map(str::to_string),
            paragraphs: vec!["正文。".to_string()],
            ..Article::default()
        })
        .collect();
    Collection::from(articles)
}

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The reader's collection over the index of `path` in the cache folder `root` (already
/// built): what the reader reads through the index.
pub fn indexed_collection(root: &std::path::Path, path: &std::path::Path) -> Collection {
    let mut notes = Vec::new();
    let archive = kanbao::index::open_in(root, path, &mut notes).expect("indexed");
    assert!(notes.is_empty(), "{notes:?}");
    let library = kanbao::index::library::Indexed::new(archive, kanbao::i18n::Lang::Zh);
    Collection::lazy(Box::new(library))
}

/// Applies `action`, running any search it asks for to its end on this thread.
pub fn act(app: &mut App, action: kanbao::action::Action) {
    let mut next = app.update(action).search;
    while let Some(request) = next.take() {
        let answer = request
            .run_on(&app.index_cell(), &|| false)
            .expect("not cancelled");
        next = app.update(answer).search;
    }
}

/// The ids of the articles the list shows, in its order.
pub fn shown_ids(app: &App) -> Vec<String> {
    app.view()
        .iter()
        .map(|&i| app.collection().summary(i).unwrap().id.clone())
        .collect()
}

/// (id, hits, title hits) of each match, best first.
pub type Results = Vec<(String, usize, usize)>;

/// The in-memory engine's matches of `query` over `collection` (the reference the index is
/// compared with), best first.
pub fn in_memory_results(collection: &Collection, query: &Query) -> Results {
    search_articles(collection.as_slice(), query, 0..collection.len())
        .into_iter()
        .map(|h| (collection[h.index].id.clone(), h.hits, h.title_hits))
        .collect()
}

/// [`in_memory_results`] of the articles that also pass the query's operators.
pub fn admitted(collection: &Collection, query: &Query) -> Results {
    search_articles(collection.as_slice(), query, 0..collection.len())
        .into_iter()
        .filter(|h| query.admits(&collection[h.index]))
        .map(|h| (collection[h.index].id.clone(), h.hits, h.title_hits))
        .collect()
}

/// The bundled page, article 1 with the note `核实日期` (state key `test`), the interface
/// in `lang`, on a `w`×`h` screen.
pub fn bundled_with_a_note(lang: kanbao::i18n::Lang, w: u16, h: u16) -> App {
    let mut store = StateStore::disabled();
    store.set_note("test", "1", "核实日期");
    let opts = Options {
        source: "test".into(),
        lang,
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(kanbao::action::Action::Resize(w, h));
    app
}
