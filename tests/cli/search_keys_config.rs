//! `[keys.search]` and `[keys.note]` in the config file (session 33): in the search prompt
//! and the note editor every printable key, space included, is text. A letter bound there
//! took the place of typing it: a user who bound `j` could no longer type `j` in a search.
//! Such a binding is now refused at its line and column, as `[keys.tags]` refuses one, with
//! what to bind instead; keys that are not text there (Ctrl-…, F-keys) still work.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;

use assert_cmd::Command;
use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::config::parse;
use kanbao::error::{Error, error_text};
use kanbao::i18n::Lang;
use kanbao::keys;
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_in;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The place (line, column) and the words, in `lang`, of a config file's text refused.
fn refused(text: &str, lang: Lang) -> (usize, usize, String) {
    let err = parse(text, Path::new("c.toml")).unwrap_err();
    let words = error_text(&err, lang);
    match err {
        Error::Config { place, .. } => (place.line.unwrap(), place.column.unwrap(), words),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_printable_key_in_keys_search_or_note_is_refused_at_its_place() {
    for mode in ["search", "note"] {
        for key in ["j", "G", "?", "space", "字"] {
            let text = format!(
                "lang = \"en\"\n[keys.{mode}]\n\"ctrl-g\" = \"search_end\"\n\"{key}\" = \"none\"\n"
            );
            let (line, column, words) = refused(&text, Lang::En);
            assert_eq!((line, column), (4, 1), "{mode} {key}");
            assert!(
                words.contains(&format!("`{key}` cannot be bound in [keys.{mode}]")),
                "{words}"
            );
        }
    }
    let (_, _, en) = refused("[keys.search]\n\"j\" = \"search_cancel\"\n", Lang::En);
    assert!(en.starts_with("c.toml:2:1: in the config file: "), "{en}");
    assert!(
        en.contains(
            "`j` cannot be bound in [keys.search]: in the search prompt every printable key \
             (space too) is text"
        ),
        "{en}"
    );
    assert!(
        en.contains("ctrl-…, alt-…, an arrow, tab, shift-tab or f1…f12"),
        "{en}"
    );
    let (_, _, zh) = refused("[keys.search]\n\"j\" = \"search_cancel\"\n", Lang::Zh);
    assert!(
        zh.contains(
            "`j` 不能在 [keys.search] 中绑定：搜索框里每个可打印的键（包括空格）都是输入的文字"
        ),
        "{zh}"
    );
    let (_, _, zh) = refused("[keys.note]\n\"x\" = \"note_save\"\n", Lang::Zh);
    assert!(
        zh.contains("`x` 不能在 [keys.note] 中绑定：审读意见编辑器里每个可打印的键"),
        "{zh}"
    );
}

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(action) = action_in(app, &Event::Key(KeyEvent::new(code, mods))) {
        app.update(action);
    }
}

/// Keys that are not text may be bound in the prompt, and act there; the letters stay
/// text, whatever the list binds them to.
#[test]
fn keys_that_are_not_text_bound_in_keys_search_act_and_letters_are_typed() {
    let layer = parse(
        "[keys.list]\n\"j\" = \"move_up\"\n[keys.search]\n\"f2\" = \"search_cancel\"\n\
         \"ctrl-g\" = \"search_accept\"\n\"alt-x\" = \"search_cancel\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    assert_eq!(layer.keys.len(), 4);
    keys::set_user_bindings(&layer.keys);
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = App::new(
        load_bundled().unwrap(),
        StateStore::disabled(),
        Vec::new(),
        opts,
    );
    app.update(Action::Resize(80, 24));
    press(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    for c in "jg k".chars() {
        press(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    assert_eq!(app.query_text(), "jg k");
    press(&mut app, KeyCode::F(2), KeyModifiers::NONE);
    assert_eq!(app.query_text(), "", "F2 cancelled the search");
    keys::set_user_bindings(&[]);
}

/// As a user meets it: `kanbao` with such a file stops at once (exit 2), naming the file,
/// the line and column, the key and why.
#[test]
fn the_command_line_names_the_file_the_key_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[keys.search]\n\"f2\" = \"search_cancel\"\n\"j\" = \"search_accept\"\n",
    )
    .unwrap();
    let out = Command::cargo_bin("kanbao")
        .unwrap()
        .args(["--config", &config.display().to_string(), "list"])
        .current_dir(dir.path())
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env_remove("KANBAO_DATA")
        .env_remove("KANBAO_CONFIG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let place = format!("kanbao: {}:3:1：配置文件有误：", config.display());
    assert!(err.starts_with(&place), "{err}");
    assert!(err.contains("`j` 不能在 [keys.search] 中绑定"), "{err}");
}
