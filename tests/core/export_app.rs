//! `E` in the reader (issue 14): the list as shown, written as a Markdown report to a new
//! file, never over one that is there; the status bar says where, or why not.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use std::path::{Path, PathBuf};

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_for;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Presses a character key as a user types it (through the key table).
fn press(app: &mut App, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let action = action_for(app.context(), &event).unwrap_or_else(|| panic!("no key {c}"));
    app.update(action);
}

/// The bundled page with 2 and 5 bookmarked and a note and a tag on 5, writing its
/// reports to `dir`.
fn app_writing_to(dir: &Path) -> App {
    let mut store = StateStore::disabled();
    let key = "test";
    store.set_bookmarked(key, "2", true);
    store.set_bookmarked(key, "5", true);
    store.set_note(key, "5", "核实*日期*");
    store.set_tag(key, "5", "待核实", true);
    let opts = Options {
        source: key.into(),
        report_dir: Some(dir.to_path_buf()),
        data: vec![PathBuf::from("/data/paper.json")],
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(Action::Resize(100, 30));
    app
}

#[test]
fn capital_e_writes_the_list_as_shown_to_a_new_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_writing_to(dir.path());
    press(&mut app, 'B');
    press(&mut app, 'E');
    let written = support::file_names(dir.path());
    assert_eq!(written.len(), 1, "{written:?}");
    let name = &written[0];
    assert!(
        name.starts_with("kanbao-")
            && name.ends_with(".md")
            && name.len() == "kanbao-2026-12-06.md".len(),
        "{name}"
    );
    let path = dir.path().join(name);
    let status = app.status().unwrap().to_owned();
    assert_eq!(
        status,
        format!("已导出 2 篇到 {}", path.display()),
        "the status bar says where"
    );
    let report = std::fs::read_to_string(&path).unwrap();
    assert!(report.starts_with("# 审读报告：已收藏\n"), "{report}");
    assert!(report.contains("数据：paper.json · 共 2 篇"), "{report}");
    // The list's articles, in its order, and no other.
    let second = report.find("## 通州区各级工会“摆摊设点”促建会\n").unwrap();
    let fifth = report
        .find("## 展览路街道总工会开展快递行业职工沟通会\n")
        .unwrap();
    assert!(second < fifth);
    assert!(!report.contains("劲松街道"), "{report}");
    // Notes and tags, escaped as `kanbao export` escapes them.
    assert!(
        report.contains("> 核实\\*日期\\*\n>\n> 标签：待核实\n"),
        "{report}"
    );

    // Again: a new file; the one there (changed by its owner since) is left as it is.
    std::fs::write(&path, "mine").unwrap();
    press(&mut app, 'E');
    let again = support::file_names(dir.path());
    assert_eq!(again.len(), 2, "{again:?}");
    let second_name = name.replace(".md", "-2.md");
    assert!(again.contains(&second_name), "{again:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    assert!(app.status().unwrap().ends_with(&second_name));

    // A search: the title says it; the reader's E exports the same list.
    press(&mut app, 'c');
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("快递".into()));
    app.update(Action::SearchAccept);
    press(&mut app, 'l');
    assert_eq!(app.context(), kanbao::app::Context::Reader);
    press(&mut app, 'E');
    let third = dir.path().join(name.replace(".md", "-3.md"));
    let report = std::fs::read_to_string(&third).unwrap();
    assert!(report.starts_with("# 审读报告：搜索“快递”\n"), "{report}");
    let shown = app.view().len();
    assert!(shown > 1 && shown < 7, "{shown}");
    assert!(report.contains(&format!("共 {shown} 篇")), "{report}");
}

#[test]
fn an_empty_list_or_a_folder_that_cannot_be_written_is_said_not_panicked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_writing_to(dir.path());
    // Nothing bookmarked and unread and tagged 已审… an empty list: nothing written.
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("没有这样的词语".into()));
    app.update(Action::SearchAccept);
    assert!(app.view().is_empty());
    press(&mut app, 'E');
    assert_eq!(app.status(), Some("列表是空的，没有可导出的文章"));
    assert!(support::file_names(dir.path()).is_empty());
    // A folder that is not there (a file stands where it should be).
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let mut app = app_writing_to(&blocker.join("sub"));
    press(&mut app, 'E');
    let status = app.status().unwrap();
    assert!(status.starts_with("导出失败：无法写入 "), "{status}");
    assert!(status.contains("not-a-folder"), "{status}");
    assert_eq!(support::file_names(dir.path()), ["not-a-folder"]);
}

/// `export_list` is bound in `[keys.list]` and `[keys.reader]` like the other actions, and
/// refused where it does nothing.
#[test]
fn the_config_file_binds_export_list() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("k.toml");
    let run = |text: &str| support::cli::list_with_config(&config, text);
    let out = run(
        "[keys.list]\n\"x\" = \"export_list\"\n\"E\" = \"none\"\n[keys.reader]\n\"x\" = \"export_list\"\n",
    );
    assert!(out.status.success(), "{out:?}");
    let out = run("[keys.search]\n\"ctrl-x\" = \"export_list\"\n");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("[keys.search]") && err.contains("export_list"),
        "{err}"
    );
}

#[test]
fn a_list_longer_than_a_report_takes_asks_to_narrow_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let many = kanbao::app::MOST_EXPORTED + 1;
    let articles: Vec<kanbao::article::Article> = (0..many)
        .map(|i| kanbao::article::Article {
            id: format!("a{i}"),
            title: format!("第{i}篇"),
            paragraphs: vec!["工会驿站".into()],
            ..Default::default()
        })
        .collect();
    let opts = Options {
        source: "test".into(),
        report_dir: Some(dir.path().to_path_buf()),
        ..Options::default()
    };
    let mut app = App::new(articles.into(), StateStore::disabled(), Vec::new(), opts);
    app.update(Action::Resize(100, 30));
    press(&mut app, 'E');
    let status = app.status().unwrap();
    assert!(status.contains(&format!("列表有 {many} 篇")), "{status}");
    assert!(
        support::file_names(dir.path()).is_empty(),
        "nothing written"
    );
}
