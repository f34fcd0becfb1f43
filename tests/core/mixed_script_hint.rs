//! A word that mixes Han characters and pinyin (a hands-on test, session 32): `工会yizhan`,
//! `gonghui驿站`, `24xiaoshi` find nothing (a Latin term matches by pinyin only when it is
//! all letters), and nothing said why. Users without an input method paste a word and type
//! the rest. The search is as it was; when such a query finds nothing, `kanbao search` (and
//! `list`, `export`, `timeline`) say on stderr how to write it, and so does the reader's
//! empty list: `汉字和拼音之间加空格试试：工会 yizhan`.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::i18n::Lang;
use support::cli::{kanbao_as, stderr};

fn kanbao(args: &[&str]) -> std::process::Output {
    kanbao_as("mixed-script", args)
}

#[test]
fn the_command_line_says_how_to_write_a_mixed_word() {
    for (args, said) in [
        (
            &["search", "工会yizhan"][..],
            "kanbao: 没有符合条件的文章：搜索“工会yizhan”；汉字和拼音之间加空格试试：工会 yizhan\n",
        ),
        (
            &["search", "gonghui驿站", "--lang", "en"][..],
            "kanbao: no article matches: search \"gonghui驿站\"; try a space between Chinese \
             and pinyin: gonghui 驿站\n",
        ),
        (
            &["list", "--query", "24xiaoshi"][..],
            "kanbao: 没有符合条件的文章：搜索“24xiaoshi”；数字和拼音之间加空格试试：24 xiaoshi\n",
        ),
        (
            &["search", "大兴", "工会yizhan", "--count"][..],
            "kanbao: 没有符合条件的文章：搜索“大兴 工会yizhan”；汉字和拼音之间加空格试试：大兴 工会 yizhan\n",
        ),
    ] {
        let out = kanbao(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out), said, "{args:?}");
    }
    // The way it says to write it finds the articles.
    for args in [
        &["search", "工会", "yizhan"][..],
        &["search", "24", "xiaoshi"],
    ] {
        let out = kanbao(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn other_searches_that_find_nothing_say_as_before() {
    for query in [
        "没有这个词",
        "xqxq",
        "\"工会yizhan\"",
        "title:工会yizhan",
        "5G",
    ] {
        let out = kanbao(&["search", query]);
        assert_eq!(out.status.code(), Some(1), "{query}");
        assert!(!stderr(&out).contains("空格"), "{query}: {}", stderr(&out));
    }
}

fn reader(query: &str, lang: Lang) -> App {
    let mut app = support::bundled_app(Options {
        source: "builtin".into(),
        query: query.into(),
        lang,
        ..Options::default()
    });
    app.update(Action::Resize(80, 24));
    app
}

/// The list's rows, joined with no white space: the empty list's note wraps over several
/// (see [`shows`]).
fn list_text(app: &App) -> String {
    let screen = support::screen(app, 80, 24);
    let rows: Vec<&str> = screen.lines().collect();
    rows[1..rows.len() - 1]
        .concat()
        .split_whitespace()
        .collect()
}

/// Whether the list shows `note`, wrapped as it may be, and the app's hint is `hint`, the
/// query written with its space.
fn shows(app: &App, note: &str, hint: &str) {
    assert_eq!(app.spacing_hint().as_deref(), Some(hint));
    let want: String = note.split_whitespace().collect();
    let shown = list_text(app);
    assert!(shown.contains(&want), "{shown}");
}

#[test]
fn the_readers_empty_list_says_how_to_write_a_mixed_word() {
    let app = reader("工会yizhan", Lang::Zh);
    assert!(app.view().is_empty());
    shows(
        &app,
        "没有符合条件的文章（按 c 清除搜索）；汉字和拼音之间加空格试试：工会 yizhan",
        "汉字和拼音之间加空格试试：工会 yizhan",
    );
    let app = reader("gonghui驿站", Lang::En);
    shows(
        &app,
        "No matching articles (c clears the search); try a space between Chinese \
         and pinyin: gonghui 驿站",
        "try a space between Chinese and pinyin: gonghui 驿站",
    );
}

#[test]
fn the_hint_shows_while_typing_in_the_prompt_too() {
    let mut app = reader("", Lang::Zh);
    support::act(&mut app, Action::OpenSearch);
    for c in "工会yizhan".chars() {
        support::act(&mut app, Action::SearchInput(c.to_string()));
    }
    assert!(app.view().is_empty());
    shows(
        &app,
        "没有符合条件的文章；汉字和拼音之间加空格试试：工会 yizhan",
        "汉字和拼音之间加空格试试：工会 yizhan",
    );
    // With the space typed, the articles are found.
    for _ in 0.."yizhan".len() {
        support::act(&mut app, Action::SearchBackspace);
    }
    support::act(&mut app, Action::SearchInput(" yizhan".into()));
    assert!(!app.view().is_empty());
}

#[test]
fn no_hint_where_the_word_is_not_mixed_or_the_search_found_something() {
    for query in ["xqxq", "A股"] {
        let app = reader(query, Lang::Zh);
        assert!(app.view().is_empty());
        assert_eq!(app.spacing_hint(), None, "{query}");
        assert!(!list_text(&app).contains("空格"));
    }
    let app = reader("工会 yizhan", Lang::Zh);
    assert!(!app.view().is_empty());
    assert_eq!(app.spacing_hint(), None);
}
