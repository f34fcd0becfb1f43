//! The config file's parsing: what it reads, and where and how it says what is wrong.

use std::path::{Path, PathBuf};

use super::*;
use crate::action::Action;
use crate::app::Context;
use crate::error::error_text;
use crate::settings::KeyName;

fn ok(text: &str) -> Layer {
    parse(text, Path::new("/cfg/config.toml")).unwrap()
}

/// The error's place and problem.
fn err(text: &str) -> (usize, usize, ConfigProblem) {
    match parse(text, Path::new("/cfg/config.toml")) {
        Err(Error::Config { place, problem, .. }) => {
            (place.line.unwrap(), place.column.unwrap(), *problem)
        }
        other => panic!("not a config error: {other:?}"),
    }
}

#[test]
fn every_setting_is_read() {
    let layer = ok(r##"
data = ["a.json", "/abs/b"]
lang = "en"
ambiguous_width = 2
mouse = true
state = "s.json"
[colors]
title = "blue"
hit = { fg = "black", bg = "#ffd75f", bold = true, underline = false }
[keys.list]
"x" = "quit"
"q" = "none"
[keys.reader]
"ctrl-n" = "next_article"
"##);
    assert_eq!(
        layer.data,
        Some(vec![PathBuf::from("/cfg/a.json"), PathBuf::from("/abs/b")])
    );
    assert_eq!(layer.lang, Some(Lang::En));
    assert_eq!(layer.ambiguous_width, Some(Ambiguous::Two));
    assert_eq!(layer.mouse, Some(true));
    assert_eq!(
        layer.state,
        Some(StatePlace::File(PathBuf::from("/cfg/s.json")))
    );
    assert_eq!(layer.colors[0].0, "title");
    assert_eq!(layer.colors[0].1.fg, Some(Color::Named(4)));
    let hit = layer.colors[1].1;
    assert_eq!(hit.bg, Some(Color::Rgb(0xff, 0xd7, 0x5f)));
    assert_eq!((hit.bold, hit.underline), (Some(true), Some(false)));
    assert_eq!(layer.keys.len(), 3);
    assert_eq!(layer.keys[0].mode, Context::List);
    assert_eq!(layer.keys[0].chord.key, KeyName::Char('x'));
    assert_eq!(layer.keys[0].action, Some(Action::Quit));
    assert_eq!(layer.keys[1].action, None);
    assert_eq!(layer.keys[2].mode, Context::Reader);
    assert!(layer.keys[2].chord.ctrl);
}

#[test]
fn data_may_be_one_path_and_state_may_be_off() {
    let layer = ok("data = \"news\"\nstate = false\nambiguous_width = \"auto\"");
    assert_eq!(layer.data, Some(vec![PathBuf::from("/cfg/news")]));
    assert_eq!(layer.state, Some(StatePlace::Off));
    assert_eq!(layer.ambiguous_width, Some(Ambiguous::Auto));
    assert_eq!(ok(""), Layer::default());
}

#[test]
fn a_syntax_error_has_line_and_column() {
    let (line, column, problem) = err("lang = \"en\"\nmouse = tru\n");
    assert_eq!((line, column), (2, 9));
    assert!(matches!(problem, ConfigProblem::Syntax(_)), "{problem:?}");
}

#[test]
fn a_wrong_value_says_what_was_expected() {
    assert_eq!(
        err("\n\nlang = \"fr\""),
        (
            3,
            8,
            ConfigProblem::BadValue {
                key: "lang".into(),
                expected: Expected::Lang
            }
        )
    );
    let (_, _, problem) = err("mouse = \"yes\"");
    assert_eq!(
        problem,
        ConfigProblem::BadValue {
            key: "mouse".into(),
            expected: Expected::Bool
        }
    );
    let (line, column, problem) = err("[colors]\nhit = { fg = \"blak\" }");
    assert_eq!((line, column), (2, 14));
    assert_eq!(
        problem,
        ConfigProblem::BadValue {
            key: "colors.hit.fg".into(),
            expected: Expected::Color
        }
    );
    let (_, _, problem) = err("data = [1]");
    assert!(matches!(
        problem,
        ConfigProblem::BadValue {
            expected: Expected::Paths,
            ..
        }
    ));
}

#[test]
fn an_unknown_key_names_the_known_ones() {
    let (line, column, problem) = err("lang = \"en\"\ncolour = 1");
    assert_eq!((line, column), (2, 1));
    let ConfigProblem::UnknownKey { table, key, known } = problem else {
        panic!("{problem:?}");
    };
    assert_eq!((table.as_str(), key.as_str()), ("", "colour"));
    assert_eq!(known, TOP_KEYS);
    let (_, _, problem) = err("[colors]\ntitel = \"red\"");
    assert!(matches!(problem, ConfigProblem::UnknownKey { ref table, .. } if table == "colors"));
    let (_, _, problem) = err("[keys.lst]\n");
    assert!(
        matches!(problem, ConfigProblem::UnknownKey { ref known, .. } if known.contains(&"list"))
    );
    let text = error_text(
        &parse("[colors]\ntitel = \"red\"", Path::new("c.toml")).unwrap_err(),
        Lang::En,
    );
    assert!(text.starts_with("c.toml:2:1: "), "{text}");
    assert!(
        text.contains("`titel`") && text.contains("title, body"),
        "{text}"
    );
}

#[test]
fn an_unknown_action_names_the_modes_actions() {
    let (line, column, problem) = err("[keys.picker]\n\"x\" = \"open\"");
    assert_eq!((line, column), (2, 7));
    let ConfigProblem::UnknownAction {
        mode,
        action,
        known,
    } = problem
    else {
        panic!("{problem:?}");
    };
    assert_eq!((mode, action.as_str()), ("picker", "open"));
    assert!(known.contains(&"picker_toggle") && known.contains(&"none"));
    let text = error_text(
        &parse("[keys.picker]\n\"x\" = \"open\"", Path::new("c.toml")).unwrap_err(),
        Lang::Zh,
    );
    assert!(text.starts_with("c.toml:2:7："), "{text}");
    assert!(text.contains("没有 `open` 这个动作"), "{text}");
}

#[test]
fn a_key_bound_twice_names_both_places() {
    let (line, column, problem) = err("[keys.list]\n\"ctrl-d\" = \"quit\"\n\"Ctrl-D\" = \"open\"");
    assert_eq!((line, column), (3, 1));
    assert_eq!(
        problem,
        ConfigProblem::KeyTwice {
            mode: "list",
            key: "Ctrl-D".into(),
            line: 2,
            column: 1
        }
    );
    // Written the same, TOML itself refuses it, at the second.
    let (line, column, problem) = err("[keys.list]\n\"x\" = \"quit\"\n\"x\" = \"open\"");
    assert_eq!((line, column), (3, 1));
    assert!(matches!(problem, ConfigProblem::Syntax(ref m) if m.contains("duplicate")));
    // In two modes it is two bindings.
    assert_eq!(
        ok("[keys.list]\nx = \"quit\"\n[keys.reader]\nx = \"back\"")
            .keys
            .len(),
        2
    );
}

#[test]
fn a_bad_key_name_shows_how_keys_are_written() {
    let (_, _, problem) = err("[keys.list]\n\"shift-x\" = \"quit\"");
    assert_eq!(
        problem,
        ConfigProblem::BadKey {
            key: "shift-x".into()
        }
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let (line, column, _) = err("# 看报\ndata = \"新闻\"\nlang = \"中文\"");
    assert_eq!((line, column), (3, 8));
    let (line, column, _) = err("data = \"新闻\" lang");
    assert_eq!(line, 1);
    assert_eq!(column, 13);
}

#[test]
fn the_config_file_is_looked_for_where_it_was_named() {
    let flag = locate(Some(PathBuf::from("/f.toml")), Some("/e.toml".into()));
    assert_eq!(flag.path, Some(PathBuf::from("/f.toml")));
    assert_eq!(flag.origin, Origin::CommandLine);
    let env = locate(None, Some("/e.toml".into()));
    assert_eq!(env.path, Some(PathBuf::from("/e.toml")));
    assert_eq!(env.origin, Origin::Env(ENV_CONFIG));
    assert_eq!(locate(None, Some("".into())).origin, Origin::Default);
}

#[test]
fn a_missing_file_is_an_error_only_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.toml");
    let mut named = locate(Some(missing.clone()), None);
    assert!(matches!(
        read(&mut named),
        Err(Error::ConfigFile {
            named_by: Some("--config"),
            folder: false,
            ..
        })
    ));
    let mut default = ConfigSource {
        path: Some(missing),
        origin: Origin::Default,
        loaded: false,
    };
    assert_eq!(read(&mut default).unwrap(), Layer::default());
    assert!(!default.loaded);
}

/// Every mistake of a file is said at once, in the file's order, each at its line and
/// column: fixing a hand-written file took one run of kanbao per mistake.
#[test]
fn every_mistake_is_said_at_once_in_the_files_order() {
    let text = r##"lang = "fr"
colour = "blue"
[colors]
title = "nosuchcolor"
hit = "yellow"
[keys.list]
"x" = "quit"
"ctrl-q" = "fly"
[keys.nowhere]
"y" = "quit"
"##;
    let error = parse(text, Path::new("/cfg/config.toml")).unwrap_err();
    let said = error_text(&error, Lang::En);
    let lines: Vec<&str> = said.lines().collect();
    let places: Vec<&str> = lines
        .iter()
        .map(|l| l.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        places,
        [
            "/cfg/config.toml:1:8",
            "/cfg/config.toml:2:1",
            "/cfg/config.toml:4:9",
            "/cfg/config.toml:8:12",
            "/cfg/config.toml:9:7",
        ],
        "{said}"
    );
    assert!(
        lines.iter().all(|l| l.contains("in the config file")),
        "{said}"
    );
    // A file with one mistake says one.
    let one = parse("lang = \"fr\"\n", Path::new("/cfg/config.toml")).unwrap_err();
    assert_eq!(error_text(&one, Lang::En).lines().count(), 1);
}
