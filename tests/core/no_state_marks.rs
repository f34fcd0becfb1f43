//! A note, a tag or a bookmark in a reader that keeps no reading state (a hands-on test,
//! session 32): with `--no-state` (or `state = false` in the config file) the reader took a
//! note (`a`, text, `Ctrl-D`) and a tag (`+`), said `审读意见已保存` / `已加标签 tagx`, and lost
//! them on quit, while `kanbao note` and `kanbao tag` refuse in the same case. Now the
//! reader refuses them too, before any text is typed, saying why and what to do: no editor
//! opens on text that would be lost, nothing says "saved". Read marks and positions stay
//! for the session, as `--no-state` says. A state file that is there but not written (a
//! newer kanbao's) refuses the same way.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Context, Options};
use kanbao::i18n::Lang;
use kanbao::load::load_bundled;
use kanbao::state::{Off, StateStore};
use support::Term;

fn app_with(store: StateStore, lang: Lang) -> App {
    let opts = Options {
        source: "builtin".into(),
        lang,
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(Action::Resize(80, 24));
    app
}

fn marks(app: &App) -> (Option<String>, Vec<String>, bool) {
    let state = app.shared_state();
    let store = state.lock().unwrap();
    (
        store.note("builtin", "1").map(str::to_owned),
        store.tags("builtin", "1"),
        store.is_bookmarked("builtin", "1"),
    )
}

#[test]
fn with_no_state_the_reader_takes_no_note_tag_or_bookmark_and_says_why() {
    for (how, lang, said) in [
        (
            Off::Flag,
            Lang::Zh,
            "--no-state 不保存阅读状态，审读意见存不下：去掉它再启动",
        ),
        (
            Off::Config,
            Lang::Zh,
            "配置文件里 state = false，审读意见存不下：改为 true 再启动",
        ),
        (
            Off::Flag,
            Lang::En,
            "no state kept (--no-state): start without it to keep notes",
        ),
    ] {
        let mut app = app_with(StateStore::off(how), lang);
        // In the list and in the reader alike.
        for open in [false, true] {
            if open {
                app.update(Action::Open);
                assert_eq!(app.context(), Context::Reader);
            }
            app.update(Action::EditNote);
            assert_ne!(app.context(), Context::Note, "no editor opens");
            assert_eq!(app.status(), Some(said));
            app.update(Action::OpenTags);
            assert_ne!(app.context(), Context::Tags, "no tag picker opens");
            let status = app.status().unwrap();
            assert!(status.contains(if lang == Lang::Zh {
                "标签存不下"
            } else {
                "keep tags"
            }));
            app.update(Action::ToggleBookmark);
            let status = app.status().unwrap();
            assert!(
                status.contains(if lang == Lang::Zh {
                    "收藏存不下"
                } else {
                    "keep bookmarks"
                }),
                "{status}"
            );
            assert_eq!(marks(&app), (None, Vec::new(), false));
            // Opening marks the article read (below); nothing else changed.
            assert_eq!(app.has_unsaved(), open);
        }
        // A read mark records what was read: it lasts the session.
        let index = app.reader().unwrap().article;
        assert!(app.is_read(index));
    }
}

#[test]
fn a_state_file_that_is_not_written_refuses_them_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    std::fs::write(&path, r#"{"version": 99, "sources": {}}"#).unwrap();
    let (store, warnings) = StateStore::open(Some(path));
    assert!(!warnings.is_empty());
    let mut app = app_with(store, Lang::Zh);
    app.update(Action::EditNote);
    assert_eq!(app.context(), Context::List);
    assert_eq!(
        app.status(),
        Some("状态文件不能写入（见启动时的提示），审读意见存不下")
    );
    app.update(Action::ToggleBookmark);
    assert_eq!(marks(&app), (None, Vec::new(), false));
}

#[test]
fn with_a_state_file_they_are_taken_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = StateStore::open(Some(dir.path().join("state.json")));
    let mut app = app_with(store, Lang::Zh);
    app.update(Action::EditNote);
    assert_eq!(app.context(), Context::Note);
    app.update(Action::SearchInput("核实".into()));
    app.update(Action::NoteSave);
    assert_eq!(app.status(), Some("审读意见已保存"));
    app.update(Action::ToggleBookmark);
    assert_eq!(marks(&app), (Some("核实".into()), Vec::new(), true));
}

/// The real reader, `--no-state`: `a`, `+` and `m` are refused on the status bar, and no
/// editor opens. With `state = false` in a config file the words name the config file's
/// setting.
#[test]
fn the_reader_started_with_no_state_refuses_a_note_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "state = false\n").unwrap();
    let config = config.to_str().unwrap();
    for (args, said) in [
        (&["--no-state"][..], "去掉它再启动"),
        (&["--config", config][..], "改为 true 再启动"),
    ] {
        let mut t = Term::start(args, 80, 24);
        t.wait_text("7 篇");
        t.send("a");
        t.wait_text(said);
        assert!(!t.contents().contains("Ctrl-D 保存"), "{}", t.contents());
        t.send("+");
        t.wait_text("标签存不下");
        t.send("m");
        t.wait_text("收藏存不下");
        t.send("q");
        t.expect_restored();
    }
}
