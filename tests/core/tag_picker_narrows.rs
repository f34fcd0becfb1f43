//! The tag picker narrows, as fzf does, to the tags the typed text finds (literally or by
//! pinyin, as a search term finds words), the cursor on the first of them: `Enter` puts
//! that tag on instead of making a new one spelled another way (the hands-on test ended
//! up with `daiheshi`, `dhs` and 待核实 side by side). The new-tag row still takes the
//! text as typed.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Mode, Options, TagPicker};
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_in;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const KEY: &str = "test";

fn key(app: &mut App, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = action_in(app, &event) {
        app.update(action);
    }
}

fn type_text(app: &mut App, text: &str) {
    text.chars().for_each(|c| key(app, KeyCode::Char(c)));
}

/// The bundled page, 待核实 on article 1, 已审 on article 2, the picker open on article 3.
fn picker_on_3() -> App {
    let mut store = StateStore::disabled();
    store.set_tag(KEY, "1", "待核实", true);
    store.set_tag(KEY, "2", "已审", true);
    let opts = Options {
        source: KEY.into(),
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(Action::Resize(80, 24));
    key(&mut app, KeyCode::Char('g'));
    while app.selected_article().unwrap().id != "3" {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char('+'));
    app
}

fn picker(app: &App) -> &TagPicker {
    match app.mode() {
        Mode::Tags(p) => p,
        other => panic!("no tag picker: {other:?}"),
    }
}

fn shown_tags(app: &App) -> Vec<String> {
    picker(app).rows().iter().map(|r| r.0.clone()).collect()
}

fn tags_of(app: &App, id: &str) -> Vec<String> {
    app.shared_state().lock().unwrap().tags(KEY, id)
}

#[test]
fn typed_initials_find_a_tag_and_enter_puts_it_on() {
    let mut app = picker_on_3();
    assert_eq!(shown_tags(&app), ["已审", "待核实"]);
    type_text(&mut app, "dhs");
    assert_eq!(shown_tags(&app), ["待核实"]);
    assert_eq!(picker(&app).cursor(), 0, "on the tag found");
    let screen = support::screen(&app, 80, 24);
    assert!(
        screen.contains("待核实") && !screen.contains("已审"),
        "{screen}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(tags_of(&app, "3"), ["待核实"], "no tag `dhs`");
    assert_eq!(picker(&app).input(), "");
    assert_eq!(shown_tags(&app), ["已审", "待核实"], "the whole list back");
    assert_eq!(app.status(), Some("已加标签 待核实"));
}

#[test]
fn full_pinyin_and_characters_narrow_too_and_backspace_widens() {
    let mut app = picker_on_3();
    type_text(&mut app, "yishen");
    assert_eq!(shown_tags(&app), ["已审"]);
    for _ in 0.."yishen".len() {
        key(&mut app, KeyCode::Backspace);
    }
    assert_eq!(shown_tags(&app), ["已审", "待核实"]);
    assert_eq!(picker(&app).cursor(), 2, "on the new-tag row again");
    type_text(&mut app, "核");
    assert_eq!(shown_tags(&app), ["待核实"]);
}

#[test]
fn the_new_tag_row_still_takes_the_text_as_typed() {
    let mut app = picker_on_3();
    // `dh` finds 待核实; moving down to the new-tag row makes `dh` a tag of its own.
    type_text(&mut app, "dh");
    assert_eq!(shown_tags(&app), ["待核实"]);
    key(&mut app, KeyCode::Down);
    assert_eq!(picker(&app).cursor(), 1);
    key(&mut app, KeyCode::Enter);
    assert_eq!(tags_of(&app, "3"), ["dh"]);
    // Text that finds nothing goes straight to the new-tag row.
    type_text(&mut app, "重要");
    assert!(shown_tags(&app).is_empty());
    assert_eq!(picker(&app).cursor(), 0);
    key(&mut app, KeyCode::Enter);
    assert_eq!(tags_of(&app, "3"), ["dh", "重要"]);
}
