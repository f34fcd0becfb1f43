//! Query operators (issue 13) in the one query language of the command line and the
//! reader's prompt: `-term`, `date:`, `title:`, `district:`/`区:`, `reporter:`/`记者:`,
//! `kind:`, and pinyin syllables in quotes.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::Options;
use kanbao::collection::Collection;
use kanbao::search::{Query, QueryError, find_matches, fold::fold};
use proptest::prelude::*;
use serde_json::Value;

fn kanbao(args: &[&str]) -> std::process::Output {
    support::cli::kanbao_as("ops", args)
}

fn ids(out: &std::process::Output) -> Vec<String> {
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Array(Vec::new()));
    rows.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

fn line(id: &str, date: &str, title: &str, district: &str, kind: &str, reporter: &str) -> String {
    serde_json::json!({"id": id, "title": title, "district": district, "date": date,
        "kind": kind, "reporters": [reporter], "paragraphs": [format!("{title}的正文。")]})
    .to_string()
}

fn archive(dir: &std::path::Path) -> String {
    let lines = [
        line("a", "2023-12-31", "工会驿站开放", "西城区", "news", "孙艳"),
        line("b", "2024-01-15", "工会驿站冬季", "东城区", "news", "陈曦"),
        line(
            "c",
            "2024-03-08",
            "妇女节工会活动",
            "西城区",
            "photo",
            "孙艳",
        ),
        line("d", "2024-03-31", "职工之家春季", "朝阳区", "news", "陈曦"),
    ];
    let path = dir.join("a.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    path.display().to_string()
}

#[test]
fn operators_narrow_a_search_on_the_command_line_on_both_paths() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    for index in [true, false] {
        let run = |query: &str| {
            // `--` before a query that starts with `-`, as for any command.
            let mut args = vec!["--data", &data, "search", "--json", "--", query];
            if !index {
                args.insert(0, "--no-index");
            }
            ids(&kanbao(&args))
        };
        assert_eq!(run("工会 -驿站"), ["c"], "index {index}");
        assert_eq!(run("工会 -\"驿站\""), ["c"]);
        assert_eq!(run("-gonghui"), ["d"]);
        assert_eq!(run("date:2024-03"), ["d", "c"]);
        assert_eq!(run("驿站 日期:2024-01..2024-03"), ["b"]);
        assert_eq!(run("工会 district:xc"), ["c", "a"]);
        assert_eq!(run("工会 区:东城"), ["b"]);
        // Several districts in one operator: either (as two widen).
        assert_eq!(run("工会 district:xc|东城"), ["c", "b", "a"]);
        assert_eq!(
            run("工会 区:东城|区:西城"),
            run("工会 district:xc district:东城")
        );
        assert_eq!(run("reporter:孙艳 -妇女"), ["a"]);
        assert_eq!(run("记者:陈曦"), ["d", "b"]);
        assert_eq!(run("kind:photo"), ["c"]);
        assert_eq!(run("kind:图片"), ["c"]);
        assert_eq!(run("title:春季"), ["d"]);
        assert_eq!(run("妇女节 OR 春季"), ["d", "c"]);
        assert_eq!(run("妇女节|春季|冬季"), ["d", "c", "b"]);
        assert_eq!(run("妇女节 | 冬季 kind:photo"), ["c"]);
        // Pinyin syllables typed with their space, in quotes; in full-width letters too.
        assert_eq!(run("\"gonghui yizhan\""), ["b", "a"]);
        assert_eq!(run("\"gonghui yizhan\""), run("gonghuiyizhan"));
        assert_eq!(run("\"ｇｏｎｇｈｕｉ ｙｉｚｈａｎ\""), ["b", "a"]);
        // A quoted title: value is literal, as any quoted term.
        assert!(run("title:\"gonghui\"").is_empty() && !run("title:gonghui").is_empty());
    }
    // A query that starts with `-` needs no `--`.
    let out = kanbao(&["--no-index", "--data", &data, "search", "-驿站", "--json"]);
    assert_eq!(ids(&out), ["d", "c"]);
    // list --query takes the same language.
    let out = kanbao(&[
        "--data",
        &data,
        "list",
        "--json",
        "--query",
        "-驿站 kind:news",
    ]);
    assert_eq!(ids(&out), ["d"]);
}

#[test]
fn an_operator_with_a_bad_value_is_a_clear_usage_error() {
    for (query, op) in [
        ("工会 date:2024-13", "date:"),
        ("kind:video", "kind:"),
        ("区:火星", "district:"),
    ] {
        let out = kanbao(&["search", query]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(op) && err.contains("可写"), "{query}: {err}");
    }
    let err = kanbao(&["--lang", "en", "list", "--query", "date:soon"]);
    let err = String::from_utf8_lossy(&err.stderr);
    assert!(
        err.contains("date: cannot take `soon`; it takes: 2024, 2024-03"),
        "{err}"
    );
    // An operator turned round with `-` is refused, not taken as a word to leave out
    // (which left nothing out: `-kind:photo` listed the photos too until session 25).
    for (query, op) in [
        ("-kind:photo", "kind:"),
        ("工会 -记者:孙", "reporter:"),
        ("-date:2020", "date:"),
    ] {
        let out = kanbao(&["search", query]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("{op} 前不能加 -")), "{query}: {err}");
    }
    // `-note:` is the one operator `-` turns round.
    assert_ne!(kanbao(&["search", "-note:x"]).status.code(), Some(2));
    // A left-out term is no alternative of an OR group (a hands-on test, session 27: these
    // answered 100000, 0, 7422 and 83484 articles, none of them what was meant).
    for query in ["-快递|驿站", "-快递 OR 驿站", "-快递 | 驿站", "驿站|-快递"] {
        let out = kanbao(&["search", "--", query]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("-快递 不能作“或”") && err.contains("驿站 -快递"),
            "{query}: {err}"
        );
    }
}

#[test]
fn the_prompt_says_when_an_operator_has_a_bad_value() {
    let opts = Options {
        source: "builtin".into(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(80, 24));
    let all = app.view().len();
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("工会 date:2024-13".into()));
    let why = app.query_error().unwrap_or_default().to_string();
    assert!(why.contains("date:") && why.contains("2024-13"), "{why}");
    assert_eq!(app.view().len(), all, "not searched");
    // So is an operator turned round.
    let mut app = support::bundled_app(Options {
        source: "builtin".into(),
        ..Options::default()
    });
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("工会 -kind:photo".into()));
    let why = app.query_error().unwrap_or_default().to_string();
    assert!(why.contains("kind: 前不能加 -"), "{why}");
    assert_eq!(app.view().len(), all, "not searched");
    // And a left-out term as an alternative of a group.
    let mut app = support::bundled_app(Options {
        source: "builtin".into(),
        ..Options::default()
    });
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("驿站|-快递".into()));
    let why = app.query_error().unwrap_or_default().to_string();
    assert!(why.contains("-快递 不能作“或”"), "{why}");
    assert_eq!(app.view().len(), all, "not searched");
    // A good operator narrows the list as typed: the bundled page is not photos only.
    let mut app = support::bundled_app(Options {
        source: "builtin".into(),
        ..Options::default()
    });
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("kind:photo".into()));
    app.update(Action::SearchAccept);
    assert_eq!(app.query_error(), None);
    assert_eq!(app.view().len(), 1);
}

#[test]
fn excluded_terms_are_never_highlighted() {
    let query = Query::try_parse("工会 -驿站").unwrap();
    let text = "工会驿站";
    let ranges = find_matches(text, &query);
    assert_eq!(ranges, vec![std::ops::Range { start: 0, end: 6 }]);
    assert!(matches!(
        Query::try_parse("title:"),
        Err(QueryError::BadValue { op: "title:", .. })
    ));
}

fn bundled() -> Collection {
    kanbao::load::load(None).unwrap().0
}

proptest! {
    /// Whatever is typed around it, `-x` never returns an article whose text holds x.
    #[test]
    fn an_excluded_term_never_comes_back(
        pick in 0usize..7, start in 0usize..400, len in 1usize..4,
        other in prop::sample::select(vec!["", "工会", "gonghui", "date:2024", "北京 -", "\"a"]),
    ) {
        let collection = bundled();
        let article = &collection[pick];
        let text: Vec<char> = article.paragraphs.concat().chars().collect();
        prop_assume!(!text.is_empty());
        let start = start % text.len();
        let x: String = text[start..(start + len).min(text.len())].iter().collect();
        prop_assume!(!x.contains(['"', '“', '”', ' ', '\u{3000}', '-', ':', '：']));
        prop_assume!(!fold(&x).is_empty());
        let typed = format!("{other} -{x}");
        let Ok(query) = Query::try_parse(&typed) else { return Ok(()); };
        for (a, _) in kanbao::commands::matching(&collection, |_| true, &query) {
            let all = [&a.title]
                .into_iter()
                .chain(a.kicker.iter())
                .chain(a.subtitle.iter())
                .chain(a.byline.iter())
                .chain(a.paragraphs.iter());
            for field in all {
                prop_assert!(!fold(field).contains(&fold(&x)), "{typed:?} returned {}", a.id);
            }
        }
    }

    /// The parser never panics, whatever is typed.
    #[test]
    fn the_operator_parser_never_panics(text in "(-|\"|title:|date:|区:|kind:|[a-z]|工|会| |：){0,40}") {
        let _ = Query::parse(&text);
        let _ = Query::try_parse(&text);
    }
}

/// Inside quotes, a space between Han characters matches nothing or any whitespace
/// (`"工会 驿站"` finds 工会驿站, 工会 驿站 and 工会　驿站), on both paths: the index must not
/// drop an article written without the space, and the snippet shows the text as written.
#[test]
fn a_quoted_han_phrase_with_a_space_finds_it_with_or_without_whitespace_on_both_paths() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = vec![
        line(
            "joined",
            "2024-03-01",
            "工会驿站开放",
            "西城区",
            "news",
            "孙艳",
        ),
        line(
            "spaced",
            "2024-03-02",
            "工会 驿站冬季",
            "东城区",
            "news",
            "陈曦",
        ),
        line(
            "wide",
            "2024-03-03",
            "工会\u{3000}驿站春季",
            "朝阳区",
            "news",
            "陈曦",
        ),
        line(
            "apart",
            "2024-03-04",
            "工会的驿站",
            "朝阳区",
            "news",
            "陈曦",
        ),
    ];
    // Articles with neither word, so that the index narrows the search.
    for n in 0..12 {
        lines.push(line(
            &format!("other{n}"),
            "2024-02-01",
            "春季植树",
            "海淀区",
            "news",
            "陈曦",
        ));
    }
    let path = dir.path().join("a.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let data = path.display().to_string();
    assert!(kanbao(&["index", &data]).status.success());
    let mut outputs = Vec::new();
    for index in [true, false] {
        let run = |query: &str, json: bool| {
            let mut args = vec!["--data", &data, "search"];
            if json {
                args.push("--json");
            }
            args.extend(["--", query]);
            if !index {
                args.insert(0, "--no-index");
            }
            kanbao(&args)
        };
        let mut found = ids(&run("\"工会 驿站\"", true));
        found.sort();
        assert_eq!(found, ["joined", "spaced", "wide"], "index {index}");
        let mut found = ids(&run("“绿色 出行” OR \"工会  驿站\"", true));
        found.sort();
        assert_eq!(found, ["joined", "spaced", "wide"], "index {index}");
        // No space typed, no gap: only the text without one.
        assert_eq!(ids(&run("\"工会驿站\"", true)), ["joined"], "index {index}");
        let plain = run("\"工会 驿站\" 春季", false);
        assert!(plain.status.success());
        let text = String::from_utf8(plain.stdout).unwrap();
        assert!(
            text.contains("工会\u{3000}驿站春季"),
            "index {index}: {text}"
        );
        outputs.push(text);
    }
    assert_eq!(outputs[0], outputs[1]);
}

/// A generated archive of two files, indexed: the operators through the index (dates from
/// the fast fields, a literal `-term` from its postings, no collection order) give what
/// the whole archive gives, in the same order, for every output.
#[test]
fn operator_queries_through_the_index_equal_the_whole_archive() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("gen");
    std::fs::create_dir(&folder).unwrap();
    for (name, n, seed, prefix) in [("a.jsonl", 400, 7, ""), ("b.jsonl", 300, 11, "b-")] {
        let mut bytes = Vec::new();
        kanbao::archive::generate(n, seed, &mut bytes).unwrap();
        let text = String::from_utf8(bytes)
            .unwrap()
            .replace("\"id\":\"", &format!("\"id\":\"{prefix}"));
        std::fs::write(folder.join(name), text).unwrap();
    }
    let data = folder.display().to_string();
    assert!(kanbao(&["index", &data]).status.success());
    let mut nonempty = 0;
    let queries = [
        "工会 -驿站 date:2019-01-02",
        "工会 -驿站",
        "工会 -驿站 -职工 日期:2019-01",
        "驿站 -工会 -gonghui",
        "工会 -\"工会驿站\"",
        "-驿站 date:2019-01-03",
        "工会 驿站 -北京 date:2019-01-02..2019-01-03",
        "职工 OR 驿站 -工会",
        "title:工会 -驿站",
        "工会 -驿站 district:xc",
        "gonghui -驿站 date:2019-01-02",
        "\"工会 驿站\" -服务 date:2019",
        "工会 date:2020",
        // Operators alone, and the fields indexed whole (format 9).
        "kind:photo",
        "kind:news 工会 -驿站",
        "reporter:孙",
        "工会 记者:王 date:2019-01",
        "district:未注明",
        "district:未注明 驿站",
        "驿站|司机",
        "驿站|gonghui 职工",
        "kind:photo district:xc",
        "工会 district:xc|朝阳",
        // A title: term among terms counted together (pinyin with another term).
        "title:gonghui 驿站",
        "gonghui title:工会",
        "title:\"gong hui\" \"yi zhan\"",
        "date:2019-01-02",
    ];
    for query in queries {
        let districts: [&[&str]; 3] = [
            &["--district", "xc"],
            &["--district", "未注明", "--count"],
            &["--district", "朝阳", "--district", "未注明"],
        ];
        let plain: [&[&str]; 4] = [&[], &["--json"], &["--count"], &["--sort", "date"]];
        for how in plain.into_iter().chain(districts) {
            let mut args = vec!["search"];
            args.extend(how);
            args.extend(["--", query]);
            let mut indexed = vec!["--data", data.as_str()];
            indexed.extend(&args);
            let mut whole = vec!["--no-index", "--data", data.as_str()];
            whole.extend(&args);
            let a = kanbao(&indexed);
            let text = String::from_utf8_lossy(&a.stdout).to_string();
            nonempty += usize::from(!text.is_empty() && text != "[]\n" && !text.starts_with('0'));
            assert_eq!(
                text,
                String::from_utf8_lossy(&kanbao(&whole).stdout),
                "{args:?}"
            );
        }
        for args in [
            vec!["list", "--query", query],
            vec!["timeline", "--query", query],
        ] {
            let mut indexed = vec!["--data", data.as_str()];
            indexed.extend(&args);
            let mut whole = vec!["--no-index", "--data", data.as_str()];
            whole.extend(&args);
            let a = String::from_utf8_lossy(&kanbao(&indexed).stdout).to_string();
            assert_eq!(
                a,
                String::from_utf8_lossy(&kanbao(&whole).stdout),
                "{args:?}"
            );
        }
    }
    assert!(
        nonempty >= 30,
        "the queries should find something: {nonempty}"
    );
    // `--since`/`--until` narrow an indexed search, list or timeline as `date:` does.
    for args in [
        vec!["list", "--query", "工会 -驿站", "--since", "2019-01-03"],
        vec![
            "list",
            "--json",
            "--query",
            "gonghui",
            "--until",
            "2019-01-02",
        ],
        vec!["timeline", "--query", "工会", "--since", "2019-01-02"],
        vec!["search", "工会", "--since", "2019-01-03"],
        vec!["search", "--count", "工会", "--until", "2019-01-02"],
        vec![
            "search",
            "--json",
            "驿站",
            "--since",
            "2019-01-02",
            "--until",
            "2019-01-03",
        ],
        vec![
            "search",
            "--since",
            "2019-01-02",
            "--district",
            "xc",
            "--",
            "工会 -驿站",
        ],
        vec![
            "search",
            "--sort",
            "date",
            "gonghui",
            "--until",
            "2019-01-02",
        ],
    ] {
        let mut indexed = vec!["--data", data.as_str()];
        indexed.extend(&args);
        let mut whole = vec!["--no-index", "--data", data.as_str()];
        whole.extend(&args);
        let a = String::from_utf8_lossy(&kanbao(&indexed).stdout).to_string();
        assert!(!a.is_empty() && a != "[]\n", "{args:?}");
        assert_eq!(
            a,
            String::from_utf8_lossy(&kanbao(&whole).stdout),
            "{args:?}"
        );
    }
}

/// An operator with nothing after it is refused on the command line (exit 2); Enter in the
/// reader's prompt cannot keep it either: the prompt stays open saying why, the list stays
/// that of the last search, and Esc goes back to it.
#[test]
fn enter_on_an_operator_with_no_value_is_refused_as_on_the_command_line() {
    for (typed, op) in [
        ("date:", "date:"),
        ("kind:", "kind:"),
        ("reporter:", "reporter:"),
        ("district:", "district:"),
        ("工会 title:", "title:"),
        ("工会 记者：", "reporter:"),
    ] {
        assert!(
            Query::try_parse(typed).is_err(),
            "the command line refuses {typed}"
        );
        let mut app = support::bundled_app(Options {
            source: "builtin".into(),
            ..Options::default()
        });
        app.update(Action::Resize(80, 24));
        let all = app.view().len();
        app.update(Action::OpenSearch);
        app.update(Action::SearchInput(typed.into()));
        app.update(Action::SearchAccept);
        assert!(
            matches!(app.mode(), kanbao::app::Mode::Search { .. }),
            "{typed}: not kept"
        );
        let why = app.query_error().unwrap_or_default().to_string();
        assert!(why.contains(op) && why.contains("后要写"), "{typed}: {why}");
        let screen = support::screen(&app, 80, 24);
        assert!(screen.contains("查询无效，列表未变"), "{typed}: {screen}");
        if !typed.starts_with("工会") {
            assert_eq!(app.view().len(), all, "{typed}: not searched");
        }
        // Esc goes back to the search before the prompt.
        app.update(Action::SearchCancel);
        assert_eq!(app.query_text(), "");
        assert_eq!(app.query_error(), None);
        assert_eq!(app.view().len(), all);
    }
}
