//! The status bar over a list the mark filters emptied (session 32): `B` (only bookmarked)
//! with nothing bookmarked in the list left it empty, and the bar offered `? / q` but no way
//! out, where a list the districts emptied offers `d`. Now it offers the key that clears
//! the filters, `c` (or the user's key for it), and that key brings the articles back.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_in;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Three articles; `a1` bookmarked, `a2` tagged 待核实.
fn app(w: u16, h: u16) -> App {
    let articles = ["驿站", "工会", "工会"]
        .iter()
        .enumerate()
        .map(|(i, word)| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇，说{word}"),
            paragraphs: vec![format!("正文说{word}。")],
            ..Article::default()
        })
        .collect::<Vec<_>>();
    let mut store = StateStore::disabled();
    store.set_bookmarked("test", "a1", true);
    store.set_tag("test", "a2", "待核实", true);
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = App::new(Collection::from(articles), store, Vec::new(), opts);
    app.update(Action::Resize(w, h));
    app
}

fn key(app: &mut App, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let action = action_in(app, &event).unwrap();
    app.update(action);
}

fn search(app: &mut App, text: &str) {
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput(text.into()));
    app.update(Action::SearchAccept);
}

/// The status bar, as drawn.
fn bar(app: &App) -> String {
    let screen = app.geometry().screen;
    let drawn = support::screen(app, screen.width, screen.height);
    drawn.lines().last().unwrap().trim().to_string()
}

/// One pane and side by side.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn a_list_the_marks_emptied_offers_the_key_that_clears_them() {
    for (w, h) in SIZES {
        // Only bookmarked, over a search for 驿站 (not bookmarked).
        let mut app = app(w, h);
        search(&mut app, "驿站");
        assert_eq!(app.view().len(), 1);
        key(&mut app, 'B');
        assert!(app.view().is_empty());
        assert_eq!(bar(&app), "? 帮助  / 搜索  c 清除筛选  q 退出", "{w}x{h}");
        // `c` is the way out: the articles are back.
        key(&mut app, 'c');
        assert_eq!(app.view().len(), 3, "{w}x{h}");
        assert!(!bar(&app).contains("清除筛选"), "{w}x{h}: {}", bar(&app));
        // Only the tag 待核实 and only bookmarked: no article has both.
        key(&mut app, '#');
        assert_eq!(app.view().len(), 1);
        key(&mut app, 'B');
        assert!(app.view().is_empty());
        assert!(bar(&app).contains("c 清除筛选"), "{w}x{h}: {}", bar(&app));
        // Only with a note: nothing has one.
        key(&mut app, 'c');
        key(&mut app, 'N');
        assert!(app.view().is_empty());
        assert!(bar(&app).contains("c 清除筛选"), "{w}x{h}: {}", bar(&app));
    }
}

/// A search that finds nothing emptied the list, not the marks: `/` is the way, as before.
#[test]
fn a_search_that_found_nothing_under_the_marks_offers_no_clearing() {
    let mut app = app(80, 24);
    key(&mut app, 'B');
    assert_eq!(app.view().len(), 1);
    search(&mut app, "xqxq");
    assert!(app.view().is_empty());
    assert_eq!(bar(&app), "? 帮助  / 搜索  q 退出");
}

/// The hint names the user's key for clearing, and English says it in English.
#[test]
fn the_hint_names_the_users_key() {
    let layer = kanbao::config::parse(
        "[keys.list]\n\"c\" = \"none\"\n\"esc\" = \"none\"\n\"x\" = \"clear_filters\"\n",
        std::path::Path::new("c.toml"),
    )
    .unwrap();
    kanbao::keys::set_user_bindings(&layer.keys);
    let mut app = app(80, 24);
    key(&mut app, 'N');
    assert!(app.view().is_empty());
    assert!(bar(&app).contains("x 清除筛选"), "{}", bar(&app));
    kanbao::keys::set_user_bindings(&[]);
    let opts = Options {
        lang: kanbao::i18n::Lang::En,
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(Collection::from(vec![Article::default()]), opts);
    app.update(Action::Resize(80, 24));
    key(&mut app, 'B');
    assert_eq!(bar(&app), "? help  / search  c clear filters  q quit");
}
