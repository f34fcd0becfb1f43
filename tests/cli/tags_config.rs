//! `[keys.tags]` in the config file (session 32): every printable key is text in the tag
//! picker, so a letter bound there could never act. It was ignored without a word; now the
//! file is refused at the key's line and column, as every other mistake in it is, with
//! what to bind instead. Keys that are not text there (Ctrl-…, arrows, F-keys) still work.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;

use assert_cmd::Command;
use kanbao::action::Action;
use kanbao::app::{App, Context, Mode, Options};
use kanbao::config::parse;
use kanbao::error::{Error, error_text};
use kanbao::i18n::Lang;
use kanbao::keys;
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_in;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The place (line, column) and the words, in English, of a config file's text refused.
fn refused(text: &str) -> (usize, usize, String) {
    let err = parse(text, Path::new("c.toml")).unwrap_err();
    let words = error_text(&err, Lang::En);
    match err {
        Error::Config { place, .. } => (place.line.unwrap(), place.column.unwrap(), words),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_printable_key_in_keys_tags_is_refused_at_its_place() {
    for key in ["j", "G", "-", "标", "?"] {
        let text = format!(
            "lang = \"en\"\n[keys.tags]\n\"ctrl-j\" = \"picker_down\"\n\"{key}\" = \"picker_up\"\n"
        );
        let (line, column, words) = refused(&text);
        assert_eq!((line, column), (4, 1), "{key}");
        assert!(
            words.contains(&format!("`{key}` cannot be bound in [keys.tags]")),
            "{words}"
        );
    }
    // Unbinding one is refused too: it would be as silently ignored.
    let (line, _, words) = refused("[keys.tags]\n\"k\" = \"none\"\n");
    assert_eq!(line, 2);
    assert!(words.contains("`k` cannot be bound"), "{words}");
    // The words say which file, key and why, and what to bind instead.
    let err = parse(
        "[keys.tags]\n\"j\" = \"picker_down\"\n",
        Path::new("c.toml"),
    )
    .unwrap_err();
    let en = error_text(&err, Lang::En);
    assert!(en.starts_with("c.toml:2:1: in the config file: "), "{en}");
    assert!(
        en.contains(
            "`j` cannot be bound in [keys.tags]: in the tag picker every printable key is text"
        ),
        "{en}"
    );
    assert!(
        en.contains("ctrl-…, alt-…, an arrow, tab, shift-tab or f1…f12"),
        "{en}"
    );
    let zh = error_text(&err, Lang::Zh);
    assert!(zh.starts_with("c.toml:2:1："), "{zh}");
    assert!(
        zh.contains("`j` 不能在 [keys.tags] 中绑定：标签选择里每个可打印的键都是输入的文字"),
        "{zh}"
    );
}

/// Elsewhere a letter is a key as ever, and in the tag picker `space`, Ctrl-, Alt-, the
/// arrows and the F-keys may be bound.
#[test]
fn keys_that_are_not_text_may_be_bound_in_keys_tags() {
    let layer = parse(
        "[keys.list]\n\"j\" = \"move_up\"\n[keys.search]\n\"f3\" = \"search_accept\"\n\
         [keys.tags]\n\"f2\" = \"picker_up\"\n\"ctrl-j\" = \"picker_down\"\n\"alt-x\" = \"tags_close\"\n\
         \"space\" = \"tags_add\"\n\"left\" = \"picker_up\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    assert_eq!(layer.keys.len(), 7);
}

fn send(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(action) = action_in(app, &Event::Key(KeyEvent::new(code, mods))) {
        app.update(action);
    }
}

fn cursor(app: &App) -> usize {
    match app.mode() {
        Mode::Tags(p) => p.cursor(),
        other => panic!("no tag picker: {other:?}"),
    }
}

/// In the reader: the F-key and the Ctrl key bound in `[keys.tags]` move the picker, and
/// the letters stay text.
#[test]
fn an_f_key_and_a_ctrl_key_bound_in_keys_tags_move_the_picker() {
    let layer = parse(
        "[keys.tags]\n\"f2\" = \"picker_down\"\n\"ctrl-k\" = \"picker_up\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    keys::set_user_bindings(&layer.keys);
    let mut store = StateStore::disabled();
    for (id, tag) in [("1", "待核实"), ("2", "已审")] {
        store.set_tag("test", id, tag, true);
    }
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(Action::Resize(80, 24));
    send(&mut app, KeyCode::Char('+'), KeyModifiers::NONE);
    assert_eq!(app.context(), Context::Tags);
    assert_eq!(cursor(&app), 0);
    send(&mut app, KeyCode::F(2), KeyModifiers::NONE);
    assert_eq!(cursor(&app), 1);
    send(&mut app, KeyCode::Char('k'), KeyModifiers::CONTROL);
    assert_eq!(cursor(&app), 0);
    // The help shows them on their rows.
    let help = keys::help_lines(Context::Tags, Lang::En, false, false);
    assert!(help.iter().any(|(k, _)| k.starts_with("F2 ")), "{help:?}");
    assert!(
        help.iter().any(|(k, _)| k.starts_with("Ctrl-K ")),
        "{help:?}"
    );
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
        "[keys.tags]\n\"f2\" = \"picker_up\"\n\"j\" = \"picker_down\"\n",
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
    assert!(err.contains("`j` 不能在 [keys.tags] 中绑定"), "{err}");
}
