//! The reader driven by key presses, as a user types them: each key goes through the key
//! table (`keymap::action_for`) for the context the app is in, then to `App::update`. The
//! tests are in modules by topic; the key presses and app builders they share are here.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

mod bindings;
mod clear;
mod help_pager;
mod list_and_picker;
mod mouse;
mod paging;
mod prompt;
mod suspend;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::load::load_bundled;
use kanbao::tui::keymap::action_for;
use kanbao::tui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const NONE: KeyModifiers = KeyModifiers::NONE;

const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// Presses one key; returns whether the key table had an action for it.
fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) -> bool {
    let event = Event::Key(KeyEvent::new(code, mods));
    match action_for(app.context(), &event) {
        Some(action) => {
            app.update(action);
            true
        }
        None => false,
    }
}

fn key(app: &mut App, c: char) {
    assert!(press(app, KeyCode::Char(c), NONE), "{c} is bound");
}

fn ctrl(app: &mut App, c: char) {
    assert!(press(app, KeyCode::Char(c), CTRL), "Ctrl-{c} is bound");
}

fn sized(collection: Collection, w: u16, h: u16) -> App {
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(w, h));
    app
}

/// `n` short articles.
fn many(n: usize) -> Collection {
    let articles: Vec<Article> = (0..n)
        .map(|i| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇"),
            paragraphs: vec!["天宫院街道总工会相继建成2家24小时工会驿站。".to_string()],
            ..Article::default()
        })
        .collect();
    Collection::from(articles)
}

fn bundled(w: u16, h: u16) -> App {
    sized(load_bundled().unwrap(), w, h)
}

const ALT: KeyModifiers = KeyModifiers::ALT;

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, c);
    }
}

/// The cell where `text` is drawn on the screen (its first character), if it is.
fn drawn_at(app: &App, text: &str) -> Option<(u16, u16)> {
    let s = app.geometry().screen;
    let terminal = support::draw(app, &Theme::new(true, false), s.width, s.height);
    let buf = terminal.backend().buffer();
    let first = text.chars().next()?.to_string();
    (0..s.height)
        .flat_map(|y| (0..s.width).map(move |x| (x, y)))
        .find(|&(x, y)| {
            buf[(x, y)].symbol() == first.as_str() && {
                // A wide character's second cell is blank: read the row without those.
                let mut row = String::new();
                let mut at = x;
                while at < s.width {
                    let symbol = buf[(at, y)].symbol();
                    row.push_str(symbol);
                    at += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1))
                        .unwrap();
                }
                row.starts_with(text)
            }
        })
}
