//! The tag picker's moving keys (session 32): every letter is text there, so the list moves
//! with the arrows, `Ctrl-N`/`Ctrl-P`, `Tab` and — as in fzf and menus — `Shift-Tab` up,
//! which did nothing before. Keys go through `keymap::action_in`, as the reader sends them.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use kanbao::action::Action;
use kanbao::app::{App, Context, Mode, Options, TagPicker};
use kanbao::i18n::Lang;
use kanbao::keys;
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_in;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const KEY: &str = "test";

fn send(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(action) = action_in(app, &Event::Key(KeyEvent::new(code, mods))) {
        app.update(action);
    }
}

fn key(app: &mut App, code: KeyCode) {
    send(app, code, KeyModifiers::NONE);
}

/// The bundled page with three tags in use, the picker open on the first article.
fn picker_open() -> App {
    let mut store = StateStore::disabled();
    for (id, tag) in [("1", "待核实"), ("2", "已审"), ("3", "重要")] {
        store.set_tag(KEY, id, tag, true);
    }
    let opts = Options {
        source: KEY.into(),
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(Action::Resize(80, 24));
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(app.context(), Context::Tags);
    app
}

fn picker(app: &App) -> &TagPicker {
    match app.mode() {
        Mode::Tags(p) => p,
        other => panic!("no tag picker: {other:?}"),
    }
}

#[test]
fn shift_tab_moves_up_as_tab_moves_down() {
    let mut app = picker_open();
    assert_eq!(picker(&app).rows().len(), 3);
    assert_eq!(picker(&app).cursor(), 0);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(picker(&app).cursor(), 2);
    // Most terminals send Shift-Tab as back tab (`ESC [ Z`), with Shift.
    send(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(picker(&app).cursor(), 1);
    // Some send Tab with Shift held: up all the same, never down.
    send(&mut app, KeyCode::Tab, KeyModifiers::SHIFT);
    assert_eq!(picker(&app).cursor(), 0);
    send(&mut app, KeyCode::BackTab, KeyModifiers::NONE);
    assert_eq!(picker(&app).cursor(), 0, "the top stops it");
    // A tag being typed keeps its letters while Shift-Tab moves.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Tab);
    send(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(picker(&app).input(), "jk");
    assert_eq!(app.context(), Context::Tags);
}

#[test]
fn the_help_lists_shift_tab_with_the_keys_that_move_up() {
    let lines = keys::help_lines(Context::Tags, Lang::Zh, false, false);
    assert!(
        lines
            .iter()
            .any(|(k, what)| k == "↑ Ctrl-P Shift-Tab" && *what == "上移"),
        "{lines:?}"
    );
    // The bar still names the arrows first.
    assert_eq!(
        keys::hints(keys::Hint::Tags, Lang::Zh),
        "↓ ↑ 移动  空格 选择  Enter 加标签  Esc 关闭"
    );
}

/// `shift-tab` is a key the config file can name, as `backtab` too.
#[test]
fn the_config_file_names_shift_tab() {
    let layer = kanbao::config::parse(
        "[keys.picker]\n\"shift-tab\" = \"picker_up\"\n",
        std::path::Path::new("c.toml"),
    )
    .unwrap();
    assert_eq!(layer.keys[0].chord.to_string(), "shift-tab");
    let chord = kanbao::settings::Chord::parse("BackTab").unwrap();
    assert_eq!(chord, layer.keys[0].chord);
}
