//! The reader's tag picker (issue 14), driven by keys through the key table: `+` opens it
//! on the open (or selected) article, the tags in use listed with counts and ticks, `Space`
//! takes a tag off and puts it back, a new Chinese tag typed and added with `Enter`, a bad
//! tag refused with a message, `Esc` closing; the store keeps the tags and a `#` filter
//! follows at once; tiny sizes draw without panicking.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Context, Mode, Options, TagPicker};
use kanbao::keys::{self, CONTEXTS};
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_in;
use kanbao::tui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const KEY: &str = "test";

fn send(app: &mut App, event: Event) {
    if let Some(action) = action_in(app, &event) {
        app.update(action);
    }
}

fn key(app: &mut App, code: KeyCode) {
    send(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The bundled page with 待核实 on articles 1 and 3 and 已审 on article 2.
fn app_at(w: u16, h: u16) -> App {
    let mut store = StateStore::disabled();
    store.set_tag(KEY, "1", "待核实", true);
    store.set_tag(KEY, "3", "待核实", true);
    store.set_tag(KEY, "2", "已审", true);
    let opts = Options {
        source: KEY.into(),
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(Action::Resize(w, h));
    app
}

fn tags_of(app: &App, id: &str) -> Vec<String> {
    let state = app.shared_state();
    let store = state.lock().unwrap();
    store.tags(KEY, id)
}

fn select(app: &mut App, id: &str) {
    key(app, KeyCode::Char('g'));
    while app.selected_article().unwrap().id != id {
        key(app, KeyCode::Char('j'));
    }
}

fn picker(app: &App) -> &TagPicker {
    match app.mode() {
        Mode::Tags(p) => p,
        other => panic!("no tag picker: {other:?}"),
    }
}

fn rows(app: &App) -> Vec<(String, usize, bool)> {
    picker(app).rows().to_vec()
}

fn row(tag: &str, count: usize, on: bool) -> (String, usize, bool) {
    (tag.to_owned(), count, on)
}

fn screen(app: &App, w: u16, h: u16) -> String {
    support::screen(app, w, h)
}

#[test]
fn tags_are_toggled_added_and_kept_from_the_reader() {
    let mut app = app_at(80, 24);
    select(&mut app, "1");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Reader);
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(app.context(), Context::Tags);
    assert_eq!(rows(&app), [row("已审", 1, false), row("待核实", 2, true)]);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("[x] 待核实  2"), "{shown}");
    assert!(shown.contains("[ ] 已审  1"), "{shown}");

    // Space on 待核实 takes it off, and puts it back.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(tags_of(&app, "1"), Vec::<String>::new());
    assert_eq!(rows(&app), [row("已审", 1, false), row("待核实", 1, false)]);
    assert!(app.status().unwrap().contains("待核实"));
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(tags_of(&app, "1"), ["待核实"]);
    // Space on 已审 puts it on.
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(tags_of(&app, "1"), ["已审", "待核实"]);

    // A new Chinese tag typed in and added with Enter.
    type_text(&mut app, "重要");
    assert_eq!(picker(&app).input(), "重要");
    assert!(screen(&app, 80, 24).contains("新标签：重要"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(tags_of(&app, "1"), ["已审", "待核实", "重要"]);
    assert_eq!(picker(&app).input(), "");
    assert!(rows(&app).contains(&row("重要", 1, true)));
    assert_eq!(app.status(), Some("已加标签 重要"));

    // Esc closes, back in the reader; the store keeps the tags.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(tags_of(&app, "1"), ["已审", "待核实", "重要"]);
    assert_eq!(tags_of(&app, "3"), ["待核实"]);
}

#[test]
fn a_bad_tag_is_refused_with_a_message() {
    let mut app = app_at(80, 24);
    select(&mut app, "2");
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(app.context(), Context::Tags);
    // Too long: 41 characters.
    type_text(&mut app, &"长".repeat(41));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Tags);
    assert!(app.status().unwrap().contains("无效"), "{:?}", app.status());
    assert_eq!(tags_of(&app, "2"), ["已审"]);
    assert!(screen(&app, 80, 24).contains("标签 `长长"));
    // Blank: Enter on the empty new-tag row adds nothing.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('+'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert!(app.status().unwrap().contains("无效"));
    assert_eq!(tags_of(&app, "2"), ["已审"]);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::List);
}

/// Every letter is text, wherever the cursor is, `j` and `k` too: a tag typed in pinyin
/// (`jiancha`) keeps its first letter, and so does one typed right after another was added
/// (the cursor then on that tag's row). Only the arrows, Ctrl-N/Ctrl-P and Tab move.
#[test]
fn a_new_tag_can_hold_j_and_k() {
    let mut app = app_at(80, 24);
    select(&mut app, "2");
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(rows(&app).len(), 2);
    assert_eq!(picker(&app).cursor(), 0, "on the first tag's row");
    // On a tag's row, j is text all the same.
    type_text(&mut app, "jiancha");
    assert_eq!(picker(&app).input(), "jiancha");
    key(&mut app, KeyCode::Enter);
    assert_eq!(tags_of(&app, "2"), ["jiancha", "已审"]);
    assert_eq!(app.status(), Some("已加标签 jiancha"));
    // After Enter the cursor is on the new tag's row: j and k are still text.
    let at = picker(&app).cursor();
    assert_eq!(rows(&app)[at].0, "jiancha");
    type_text(&mut app, "jk");
    assert_eq!(picker(&app).input(), "jk");
    key(&mut app, KeyCode::Enter);
    assert_eq!(tags_of(&app, "2"), ["jiancha", "jk", "已审"]);
    // The arrows, Ctrl-N/Ctrl-P and Tab move; a begun tag keeps taking letters.
    let ctrl = |app: &mut App, c: char| {
        send(
            app,
            Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        );
    };
    for _ in 0..5 {
        key(&mut app, KeyCode::Up);
    }
    assert_eq!(picker(&app).cursor(), 0);
    ctrl(&mut app, 'n');
    assert_eq!(picker(&app).cursor(), 1);
    key(&mut app, KeyCode::Tab);
    assert_eq!(picker(&app).cursor(), 2);
    ctrl(&mut app, 'p');
    assert_eq!(picker(&app).cursor(), 1);
    key(&mut app, KeyCode::Down);
    assert_eq!(picker(&app).cursor(), 2);
    assert_eq!(picker(&app).input(), "");
    type_text(&mut app, "kjk");
    key(&mut app, KeyCode::Up);
    type_text(&mut app, "j");
    assert_eq!(picker(&app).input(), "kjkj");
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "-jk");
    key(&mut app, KeyCode::Enter);
    assert!(tags_of(&app, "2").contains(&"kjk-jk".to_owned()));
    assert_eq!(app.status(), Some("已加标签 kjk-jk"));
    // Space is never text (a tag has no spaces): on the new-tag row it does nothing.
    let last = rows(&app).len();
    for _ in 0..last {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(picker(&app).cursor(), last);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(picker(&app).input(), "");
    assert_eq!(tags_of(&app, "2").len(), 4);
    // With no tag in use the cursor starts on the new-tag row: j is text at once.
    key(&mut app, KeyCode::Esc);
    let mut fresh = app_at(80, 24);
    {
        let state = fresh.shared_state();
        let mut store = state.lock().unwrap();
        for (id, tag) in [("1", "待核实"), ("3", "待核实"), ("2", "已审")] {
            store.set_tag(KEY, id, tag, false);
        }
    }
    key(&mut fresh, KeyCode::Char('+'));
    assert!(rows(&fresh).is_empty());
    type_text(&mut fresh, "jk");
    assert_eq!(picker(&fresh).input(), "jk");
}

#[test]
fn the_tag_filter_follows_a_change_at_once() {
    let mut app = app_at(80, 24);
    // `#` shows only the articles with the first tag in use (已审: article 2).
    key(&mut app, KeyCode::Char('#'));
    assert_eq!(app.mark_filter().tag.as_deref(), Some("已审"));
    assert_eq!(app.view().len(), 1);
    key(&mut app, KeyCode::Char('+'));
    key(&mut app, KeyCode::Char(' '));
    assert!(tags_of(&app, "2").is_empty());
    assert_eq!(app.view().len(), 0);
    assert_eq!(rows(&app)[0], row("已审", 0, false));
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.view().len(), 1);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::List);
}

#[test]
fn the_key_is_in_the_table_the_help_and_the_config() {
    for context in [Context::List, Context::Reader] {
        assert_eq!(
            keys::action_for(context, keys::Key::Code(keys::KeyName::Char('+'))),
            Some(Action::OpenTags)
        );
    }
    assert!(CONTEXTS.contains(&Context::Tags));
    let help = keys::help_lines(Context::List, kanbao::i18n::Lang::Zh, false, false);
    assert!(
        help.iter()
            .any(|(k, what)| k == "+" && what.contains("标签"))
    );
    assert!(
        help.iter()
            .any(|(k, what)| k.is_empty() && *what == "标签选择")
    );
    assert_eq!(
        keys::hints(keys::Hint::Tags, kanbao::i18n::Lang::Zh),
        "↓ ↑ 移动  空格 选择  Enter 加标签  Esc 关闭"
    );
    assert_eq!(kanbao::settings::keys::mode_name(Context::Tags), "tags");
}

#[test]
fn tiny_screens_draw_the_picker_without_panicking() {
    let theme = Theme::new(true, false);
    let mut app = app_at(80, 24);
    select(&mut app, "3");
    key(&mut app, KeyCode::Char('+'));
    for i in 0..30 {
        type_text(&mut app, &format!("标签{i}"));
        key(&mut app, KeyCode::Enter);
    }
    for (w, h) in (0..=24).flat_map(|w| (0..=8).map(move |h| (w, h))) {
        app.update(Action::Resize(w, h));
        key(&mut app, KeyCode::Up);
        type_text(&mut app, "字");
        support::draw(&app, &theme, w, h);
        key(&mut app, KeyCode::Backspace);
        support::draw(&app, &theme, w, h);
    }
    assert_eq!(app.context(), Context::Tags);
    assert_eq!(tags_of(&app, "3").len(), 31);
}

#[test]
fn the_picker_at_80x24() {
    let mut app = app_at(80, 24);
    select(&mut app, "1");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('+'));
    type_text(&mut app, "dhs");
    let terminal = support::draw(&app, &Theme::new(true, false), 80, 24);
    insta::assert_snapshot!("tag_picker_80x24", terminal.backend());
}
