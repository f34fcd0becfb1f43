//! The reader's note editor (issue 14), driven by keys through the key table: open it with
//! `a`, type Chinese, paste, break lines, save with `Ctrl-D` (the note in the store and
//! shown under the article at once), `Esc` asking only when something changed, an empty
//! note clearing it; the box at 80x24 and 40x12 and at tiny sizes.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Context, Mode, Options};
use kanbao::keys::{self, CONTEXTS};
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_for;
use kanbao::tui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const KEY: &str = "test";

/// Sends a terminal event as the event loop does (through the key table).
fn send(app: &mut App, event: Event) {
    if let Some(action) = action_for(app.context(), &event) {
        app.update(action);
    }
}

fn key(app: &mut App, code: KeyCode) {
    send(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ctrl(app: &mut App, c: char) {
    send(
        app,
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

/// Types `text` key by key.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn paste(app: &mut App, text: &str) {
    send(app, Event::Paste(text.into()));
}

/// The bundled page, a note on article 3, at 100x30 (list and reader side by side).
fn app_at(w: u16, h: u16) -> App {
    let mut store = StateStore::disabled();
    store.set_note(KEY, "3", "核实日期");
    let opts = Options {
        source: KEY.into(),
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(Action::Resize(w, h));
    app
}

fn note_of(app: &App, id: &str) -> Option<String> {
    let state = app.shared_state();
    let store = state.lock().unwrap();
    store.note(KEY, id).map(str::to_owned)
}

/// Selects the article `id` in the list.
fn select(app: &mut App, id: &str) {
    key(app, KeyCode::Char('g'));
    while app.selected_article().unwrap().id != id {
        key(app, KeyCode::Char('j'));
    }
}

fn editor_text(app: &App) -> String {
    match app.mode() {
        Mode::Note(editor) => editor.text().to_owned(),
        other => panic!("no editor: {other:?}"),
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    support::screen(app, w, h)
}

#[test]
fn a_note_typed_pasted_and_saved_is_kept_and_shown_at_once() {
    let mut app = app_at(80, 24);
    select(&mut app, "1");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Reader);
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.context(), Context::Note);
    assert_eq!(editor_text(&app), "");
    type_text(&mut app, "日期待核实");
    key(&mut app, KeyCode::Enter);
    paste(&mut app, "第二行\r\n第三行\t末");
    // The prompt's editing keys: Backspace takes one Chinese character, Ctrl-W a word.
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "末尾");
    ctrl(&mut app, 'w');
    type_text(&mut app, "完");
    assert_eq!(editor_text(&app), "日期待核实\n第二行\n第三行 完");
    assert!(screen(&app, 80, 24).contains("第三行 完"));
    ctrl(&mut app, 'd');
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(
        note_of(&app, "1").as_deref(),
        Some("日期待核实\n第二行\n第三行 完")
    );
    assert!(app.has_unsaved());
    assert_eq!(app.status(), Some("审读意见已保存"));
    // Shown under the article at once, and marked in the list.
    assert_eq!(
        app.reader().unwrap().note(),
        Some("日期待核实\n第二行\n第三行 完")
    );
    let index = app.reader().unwrap().article;
    assert!(app.has_note(index));
    // Opened again, the editor holds the note; Up and Home move within it.
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(editor_text(&app), "日期待核实\n第二行\n第三行 完");
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Home);
    type_text(&mut app, "※");
    assert_eq!(editor_text(&app), "日期待核实\n※第二行\n第三行 完");
}

#[test]
fn esc_asks_only_when_something_changed() {
    let mut app = app_at(80, 24);
    select(&mut app, "3");
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(editor_text(&app), "核实日期");
    // Nothing changed: Esc closes at once.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::List);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "！");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Note);
    assert!(screen(&app, 80, 24).contains("放弃修改？"));
    // `n` (any other key) goes back to editing, and is not typed.
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.context(), Context::Note);
    assert_eq!(editor_text(&app), "核实日期！");
    // Esc twice drops the changes.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::List);
    assert_eq!(note_of(&app, "3").as_deref(), Some("核实日期"));
    // `y` answers too.
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "x");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.context(), Context::List);
    assert_eq!(note_of(&app, "3").as_deref(), Some("核实日期"));
    assert!(!app.has_unsaved());
}

/// Ctrl-C quits from anywhere, but not past unsaved note text: the first asks, as Esc
/// does; a second quits without it; with nothing changed it quits at once.
#[test]
fn ctrl_c_in_the_editor_asks_before_losing_the_note() {
    let mut app = app_at(80, 24);
    select(&mut app, "3");
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "！");
    ctrl(&mut app, 'c');
    assert!(!app.should_quit());
    assert_eq!(app.context(), Context::Note);
    assert!(screen(&app, 80, 24).contains("放弃修改？"));
    ctrl(&mut app, 'c');
    assert!(app.should_quit());
    assert_eq!(note_of(&app, "3").as_deref(), Some("核实日期"));
    let mut app = app_at(80, 24);
    select(&mut app, "3");
    key(&mut app, KeyCode::Char('a'));
    ctrl(&mut app, 'c');
    assert!(app.should_quit(), "nothing to lose");
}

#[test]
fn an_empty_note_clears_it_and_an_unchanged_one_is_said_so() {
    let mut app = app_at(80, 24);
    select(&mut app, "3");
    let index = app.view()[app.selected()];
    assert!(app.has_note(index));
    key(&mut app, KeyCode::Char('a'));
    ctrl(&mut app, 'd');
    assert_eq!(app.status(), Some("审读意见未改动"));
    key(&mut app, KeyCode::Char('a'));
    ctrl(&mut app, 'u');
    paste(&mut app, "  \n ");
    ctrl(&mut app, 'd');
    assert_eq!(app.context(), Context::List);
    assert_eq!(note_of(&app, "3"), None);
    assert!(!app.has_note(index));
    assert_eq!(app.status(), Some("审读意见已删除"));
}

#[test]
fn a_paste_past_64_kib_is_cut_with_a_message() {
    let mut app = app_at(80, 24);
    select(&mut app, "1");
    key(&mut app, KeyCode::Char('a'));
    paste(&mut app, &"字".repeat(30_000));
    let text = editor_text(&app);
    assert!(text.len() <= 64 * 1024 && text.len() > 64 * 1024 - 3);
    assert!(
        app.status().unwrap().contains("64 KiB"),
        "{:?}",
        app.status()
    );
    assert!(screen(&app, 80, 24).contains("64 KiB"));
    ctrl(&mut app, 'd');
    assert_eq!(note_of(&app, "1").unwrap().len(), text.len());
}

#[test]
fn the_key_is_in_the_table_the_help_and_the_config() {
    for context in [Context::List, Context::Reader] {
        assert_eq!(
            keys::action_for(context, keys::Key::Code(keys::KeyName::Char('a'))),
            Some(Action::EditNote)
        );
    }
    assert!(CONTEXTS.contains(&Context::Note));
    let help = keys::help_lines(Context::List, kanbao::i18n::Lang::Zh, false, false);
    assert!(
        help.iter()
            .any(|(k, what)| k == "a" && what.contains("审读意见"))
    );
    assert!(
        help.iter()
            .any(|(k, what)| k.is_empty() && *what == "审读意见编辑")
    );
    assert!(
        help.iter()
            .any(|(k, what)| k == "Ctrl-D Ctrl-S" && what.contains("保存"))
    );
    assert!(
        help.iter()
            .any(|(k, what)| k == "Enter Ctrl-J" && *what == "换行")
    );
    assert_eq!(kanbao::settings::keys::mode_name(Context::Note), "note");
}

#[test]
fn the_editor_at_80x24_and_40x12() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = app_at(w, h);
        select(&mut app, "3");
        key(&mut app, KeyCode::Char('a'));
        key(&mut app, KeyCode::Enter);
        paste(
            &mut app,
            "请核对第二段的日期与来源，另：标题中“驿站”一词与正文不一致，需统一。",
        );
        let terminal = support::draw(&app, &Theme::new(true, false), w, h);
        insta::assert_snapshot!(format!("note_editor_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn tiny_screens_draw_the_editor_without_panicking() {
    let theme = Theme::new(true, false);
    let mut app = app_at(80, 24);
    select(&mut app, "3");
    key(&mut app, KeyCode::Char('a'));
    paste(&mut app, &"很长的批注\n".repeat(40));
    for (w, h) in (0..=24).flat_map(|w| (0..=8).map(move |h| (w, h))) {
        app.update(Action::Resize(w, h));
        key(&mut app, KeyCode::Up);
        key(&mut app, KeyCode::Down);
        type_text(&mut app, "字");
        support::draw(&app, &theme, w, h);
    }
    app.update(Action::Resize(20, 5));
    assert_eq!(app.context(), Context::Note);
    support::draw(&app, &theme, 20, 5);
    support::draw(&app, &theme, 1, 1);
}

/// `[keys.note]` in the config file binds the editor's keys, and names its actions when
/// one is wrong.
#[test]
fn the_config_file_binds_keys_in_the_note_editor() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("k.toml");
    let run = |text: &str| support::cli::list_with_config(&config, text);
    let out = run("[keys.note]\n\"ctrl-o\" = \"note_save\"\n[keys.list]\n\"e\" = \"edit_note\"\n");
    assert!(out.status.success(), "{out:?}");
    let out = run("[keys.note]\n\"ctrl-o\" = \"open\"\n");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("[keys.note]") && err.contains("note_save"),
        "{err}"
    );
}
