//! Side by side, while a slow search runs and before its first answer (a hands-on test,
//! session 30): the list's rows were drawn dim as the previous query's, and the status bar
//! said `…`, but the preview beside them showed the previous row's article at full
//! brightness, as if it were the search's. It is drawn dim as the rows are, until the
//! first answer. The search is driven by hand, as in `reader_partial.rs`: no clock.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Focus, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::search::SearchHit;
use kanbao::tui::theme::Theme;
use ratatui::style::Modifier;

/// A query of more terms than the app searches on its own thread: searched off it.
const SLOW: &str = "工会 驿站 司机 快递 服务 职工 街道 社区 劳动";

/// Side by side: 120×40.
const W: u16 = 120;
const H: u16 = 40;

/// Thirty articles with a few lines of text each.
fn app() -> App {
    let articles: Vec<Article> = (0..30)
        .map(|i| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇标题"),
            district: Some("朝阳区".into()),
            paragraphs: vec![format!("第{i}篇的正文，有好几行。").repeat(4)],
            ..Article::default()
        })
        .collect();
    let mut app = support::app_over(
        Collection::from(articles),
        Options {
            source: "test".into(),
            ..Options::default()
        },
    );
    app.update(Action::Resize(W, H));
    assert!(app.geometry().side_by_side);
    app
}

/// Types [`SLOW`] (and, when `keep`, presses `Enter`): the app asks for the search and
/// waits for its answers. Returns the search's generation.
fn start_slow_search(app: &mut App, keep: bool) -> u64 {
    app.update(Action::OpenSearch);
    let request = app
        .update(Action::SearchInput(SLOW.into()))
        .search
        .expect("searched off the UI thread");
    if keep {
        app.update(Action::SearchAccept);
    }
    assert!(app.shows_previous_answer());
    request.generation
}

/// The first `n` articles as a search's hits, best first.
fn hits(n: usize) -> Vec<SearchHit> {
    (0..n)
        .map(|index| SearchHit {
            index,
            hits: 1,
            title_hits: 0,
        })
        .collect()
}

/// `(cells drawn, cells drawn dim)` among the cells of the reader's text column that show
/// something, drawn in colour.
fn preview_cells(app: &App) -> (usize, usize) {
    let terminal = support::draw(app, &Theme::new(true, false), W, H);
    let buffer = terminal.backend().buffer();
    let text = app.geometry().text;
    let mut drawn = (0, 0);
    for y in text.y..text.y + text.height {
        for x in text.x..text.x + text.width {
            let cell = &buffer[(x, y)];
            if cell.symbol().trim().is_empty() {
                continue;
            }
            drawn.0 += 1;
            drawn.1 += usize::from(cell.modifier.contains(Modifier::DIM));
        }
    }
    drawn
}

/// Whether every cell the preview shows is dim (and it shows some).
fn preview_dim(app: &App) -> bool {
    let (drawn, dim) = preview_cells(app);
    assert!(drawn > 0, "the preview shows an article");
    dim == drawn
}

/// Whether the article's body line (not dim of itself, as the meta line is) is dim.
fn body_dim(app: &App) -> bool {
    let terminal = support::draw(app, &Theme::new(true, false), W, H);
    let buffer = terminal.backend().buffer();
    let text = app.geometry().text;
    let reader = app.reader().unwrap();
    let row = (reader.lines().iter())
        .position(|l| l.paragraph.is_some())
        .unwrap();
    let y = text.y + u16::try_from(row - reader.scroll()).unwrap();
    let x = (text.x..text.x + text.width)
        .find(|&x| buffer[(x, y)].symbol() == "第")
        .expect("the body's first line is drawn");
    buffer[(x, y)].modifier.contains(Modifier::DIM)
}

#[test]
fn before_its_first_answer_the_preview_is_dim_as_the_rows_are() {
    let mut app = app();
    app.update(Action::MoveDown);
    assert_eq!(
        app.reader().unwrap().article,
        1,
        "the preview of the selected row"
    );
    assert!(!body_dim(&app), "the preview, bright");
    let generation = start_slow_search(&mut app, true);
    assert_eq!(
        app.reader().unwrap().article,
        1,
        "the previous row's preview"
    );
    assert!(preview_dim(&app), "the previous answer's preview is dim");
    assert!(body_dim(&app));
    // The first answer: the list and its preview are the search's own.
    app.update(Action::SearchPartial {
        generation,
        hits: hits(3),
    });
    assert!(!body_dim(&app), "the search's own preview");
    app.update(Action::SearchFinished {
        generation,
        hits: hits(5),
        unread: None,
    });
    assert!(!body_dim(&app));
}

/// While the prompt is open the list follows the typing and is not dimmed at every key;
/// nor is the preview.
#[test]
fn while_the_prompt_is_open_the_preview_is_not_dimmed() {
    let mut app = app();
    start_slow_search(&mut app, false);
    assert!(app.reader().is_some());
    assert!(!body_dim(&app));
}

/// An article opened into the reader is the reader's own, not a row's preview: it stays
/// open as the answers come, and bright.
#[test]
fn an_open_article_is_not_dimmed() {
    let mut app = app();
    app.update(Action::Open);
    assert_eq!(app.focus(), Focus::Reader);
    start_slow_search(&mut app, true);
    assert_eq!(app.focus(), Focus::Reader);
    assert!(!body_dim(&app));
}
