//! What the prompt says when `Enter` cannot keep a query (a hands-on test, session 29): an
//! operator with nothing after it said ``title: 不能取 ``；…`` (empty backticks), and a bad
//! date's examples were cut off even at 120 columns. The reason is whole on an 80-column
//! prompt line, examples first, in Chinese and English; the command line says it too.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{Mode, Options};
use kanbao::i18n::Lang;
use support::cli::stderr;
use support::{act, screen};

/// The prompt line at 80×24 after `/`, `typed` and `Enter`, which must not keep it.
fn refused(typed: &str, lang: Lang) -> String {
    let opts = Options {
        source: "builtin".into(),
        lang,
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(80, 24));
    act(&mut app, Action::OpenSearch);
    act(&mut app, Action::SearchInput(typed.into()));
    act(&mut app, Action::SearchAccept);
    assert!(matches!(app.mode(), Mode::Search { .. }), "{typed}: kept");
    screen(&app, 80, 24).lines().last().unwrap().to_string()
}

/// The prompt line says all of `said`, with no empty backticks and nothing cut.
fn says(typed: &str, lang: Lang, said: &[&str]) {
    let line = refused(typed, lang);
    for part in said {
        assert!(
            line.contains(part),
            "{typed} ({lang:?}): {part:?} not in {line:?}"
        );
    }
    assert!(!line.contains("``"), "{typed} ({lang:?}): {line:?}");
    assert!(!line.contains('…'), "{typed} ({lang:?}) cut: {line:?}");
}

#[test]
fn an_operator_with_nothing_after_it_says_what_it_needs() {
    for (typed, zh, en) in [
        (
            "title:",
            "title: 后要写词，如 工会",
            "title: needs a word after it",
        ),
        (
            "district:",
            "district: 后要写区名，如 西城",
            "district: needs a district after it",
        ),
        (
            "reporter:",
            "reporter: 后要写记者名，如 孙艳",
            "reporter: needs a name after it",
        ),
        (
            "工会 记者：",
            "reporter: 后要写记者名，如 孙艳",
            "reporter: needs a name after it",
        ),
        (
            "kind:",
            "kind: 后要写类型，photo 或 news",
            "kind: needs photo or news after it",
        ),
        (
            "date:",
            "date: 后要写日期，如 2024-03",
            "date: needs a date after it",
        ),
        (
            "日期:",
            "date: 后要写日期，如 2024-03",
            "date: needs a date after it",
        ),
    ] {
        says(typed, Lang::Zh, &[zh]);
        says(typed, Lang::En, &[en]);
    }
}

#[test]
fn a_bad_value_gives_its_example_first_whole_at_80_columns() {
    for (typed, zh, en) in [
        (
            "date:20",
            ["date: 如 2024-03", "不能取 `20`"],
            ["date: e.g. 2024-03", "not `20`"],
        ),
        (
            "kind:video",
            ["kind: photo 或 news", "不能取 `video`"],
            ["kind: photo or news", "not `video`"],
        ),
        (
            "district:火星",
            ["district: 如 西城", "不能取 `火星`"],
            ["district: e.g. 西城", "not `火星`"],
        ),
    ] {
        says(typed, Lang::Zh, &zh);
        says(typed, Lang::En, &en);
    }
}

/// The command line, which has room, says what is missing and every form the operator
/// takes.
#[test]
fn the_command_line_says_what_is_missing_with_every_form() {
    let run = |args: &[&str]| support::cli::kanbao_as("prompt_refusals", args);
    for (query, zh, en) in [
        (
            "title:",
            "title: 后要写词；可写：工会, gonghui, gh",
            "title: needs a word after it; it takes: 工会, gonghui, gh",
        ),
        (
            "date:",
            "date: 后要写日期；可写：2024, 2024-03",
            "date: needs a date after it; it takes: 2024, 2024-03",
        ),
        (
            "date:20",
            "date: 不能取 `20`；可写：2024, 2024-03, 2024-03-08, 2024-01..2024-03",
            "date: cannot take `20`; it takes: 2024, 2024-03",
        ),
    ] {
        let out = run(&["search", query]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        assert!(stderr(&out).contains(zh), "{query}: {}", stderr(&out));
        let out = run(&["--lang", "en", "search", query]);
        assert!(stderr(&out).contains(en), "{query}: {}", stderr(&out));
    }
}

/// `district:cha` starts two districts' pinyin: the prompt says which two, as the command
/// line does, whole at 80 columns (a hands-on test, session 36: it gave the generic
/// `district: 如 西城；不能取 `cha``); every start that several districts share fits.
#[test]
fn a_district_start_several_share_names_them_on_the_prompt_line() {
    for typed in ["district:cha", "区:海淀|cha", "工会 district:CHA"] {
        says(typed, Lang::Zh, &["district:", "chaoyang 或 changping"]);
        says(typed, Lang::En, &["district:", "chaoyang or changping"]);
    }
    says(
        "district:sh",
        Lang::Zh,
        &["district:sh：shijingshan 或 shunyi"],
    );
    says(
        "district:sh",
        Lang::En,
        &["district:sh: shijingshan or shunyi"],
    );
    for start in ["c", "ch", "cha", "d", "f", "h", "m", "s", "sh"] {
        for lang in [Lang::Zh, Lang::En] {
            let typed = format!("district:{start}");
            let error = kanbao::search::Query::try_parse(&typed).unwrap_err();
            let brief = kanbao::search::query_error_brief(&error, lang);
            let width = unicode_width::UnicodeWidthStr::width(brief.as_str());
            assert!(
                width <= 36,
                "{typed} ({lang:?}): {brief:?} is {width} columns"
            );
            says(&typed, lang, &[&brief]);
        }
    }
}
