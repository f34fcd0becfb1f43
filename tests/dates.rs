//! Dates in a multi-year archive (issue 13) as a user meets them on the command line:
//! validated dates, date filters, date order and the timeline.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::path::Path;

use serde_json::Value;

mod support;

fn kanbao(args: &[&str]) -> std::process::Output {
    support::cli::kanbao_as("dates", args)
}

use support::cli::{json, stderr, stdout};

fn ids(out: &std::process::Output) -> Vec<String> {
    json(out)
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["id"].as_str().expect("id").to_string())
        .collect()
}

fn article(id: &str, date: Option<&str>, title: &str, district: &str) -> String {
    let mut v = serde_json::json!({"id": id, "title": title, "district": district,
        "paragraphs": [format!("{title}的正文。")]});
    if let Some(date) = date {
        v["date"] = Value::from(date);
    }
    v.to_string()
}

/// A small archive over three years, one JSON Lines file.
fn archive(dir: &Path) -> String {
    let lines = [
        article("a", Some("2023-12-31"), "工会驿站开放", "西城区"),
        article("b", Some("2024-01-15"), "工会驿站冬季", "东城区"),
        article("c", Some("2024-03-08"), "妇女节工会活动", "西城区"),
        article("d", Some("2024-03-31"), "工会驿站春季", "朝阳区"),
        article("e", Some("2024-10-01"), "国庆驿站", "西城区"),
        article("f", Some("2025-02-01"), "新春工会驿站", "海淀区"),
        article("g", None, "无日期的工会文章", "西城区"),
    ];
    let path = dir.join("archive.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    path.display().to_string()
}

#[test]
fn check_names_a_bad_date_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    let text = [
        article("ok", Some("2024-02-29"), "闰日", "西城区"),
        r#"{"id":"x","title":"二月三十","paragraphs":[],"date":"2024-02-30"}"#.to_string(),
        article("empty", Some(""), "空日期", "西城区"),
    ]
    .join("\n");
    std::fs::write(&path, text).unwrap();
    let out = kanbao(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let place = format!("{}:2:42", path.display());
    assert!(err.contains(&place), "{err}");
    assert!(
        err.contains("2024-02-30") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
    // An empty date is absent, and a leap day a real day: one problem only.
    assert_eq!(err.matches("YYYY-MM-DD").count(), 1, "{err}");

    // In a schema-1 document the place is the line of the date too.
    let doc = dir.path().join("bad.json");
    std::fs::write(
        &doc,
        "{\"schema\": 1, \"articles\": [\n  {\"id\": \"y\", \"title\": \"t\",\n   \"paragraphs\": [],\n   \"date\": \"2023-13-01\"}\n]}\n",
    )
    .unwrap();
    let err = stderr(&kanbao(&["check", doc.to_str().unwrap()]));
    assert!(err.contains(&format!("{}:4:4", doc.display())), "{err}");
}

#[test]
fn loading_keeps_an_article_with_a_bad_date_undated_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let text = [
        article("old", Some("2020-01-01"), "旧", "西城区"),
        article("bad1", Some("2024-02-30"), "坏一", "西城区"),
        article("bad2", Some("24-1-1"), "坏二", "西城区"),
        article("empty", Some(""), "空", "西城区"),
        article("new", Some("2024-01-01"), "新", "西城区"),
    ]
    .join("\n");
    std::fs::write(&path, text).unwrap();
    let out = kanbao(&[
        "--no-index",
        "--data",
        path.to_str().unwrap(),
        "list",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Nothing dropped: dated newest first, the undated after them in file order.
    assert_eq!(ids(&out), ["new", "old", "bad1", "bad2", "empty"]);
    let rows = json(&out);
    assert_eq!(rows[2].get("date"), None);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("2 篇文章的日期"), "{err}");
}

#[test]
fn a_bundled_collection_loads_without_a_date_warning() {
    let out = kanbao(&["list"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 7);
    assert_eq!(stderr(&out), "");
}

#[test]
fn archive_fixture_is_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let out = kanbao(&["--no-index", "--data", &data, "list", "--json"]);
    assert_eq!(ids(&out), ["f", "e", "d", "c", "b", "a", "g"]);
}

#[test]
fn since_and_until_narrow_list_search_export_and_districts() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let run = |args: &[&str]| {
        let mut all = vec!["--no-index", "--data", &data];
        all.extend(args);
        kanbao(&all)
    };
    // A month means all of it, both ends included.
    let out = run(&["list", "--json", "--since", "2024-03", "--until", "2024-03"]);
    assert_eq!(ids(&out), ["d", "c"]);
    // A year means all of it; undated articles are outside every range.
    assert_eq!(
        ids(&run(&["list", "--json", "--since", "2024"])),
        ["f", "e", "d", "c", "b"]
    );
    assert_eq!(ids(&run(&["list", "--json", "--until", "2023"])), ["a"]);
    assert_eq!(
        ids(&run(&[
            "list",
            "--json",
            "--since",
            "2024-03-08",
            "--until",
            "2024-10-01"
        ])),
        ["e", "d", "c"]
    );
    let out = run(&[
        "search", "驿站", "--json", "--since", "2024", "--until", "2024-06",
    ]);
    assert_eq!(ids(&out), ["d", "b"]);
    let out = run(&["export", "--format", "json", "--since", "2025"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
    let out = run(&[
        "districts",
        "--json",
        "--since",
        "2024-03",
        "--until",
        "2024-10",
    ]);
    assert_eq!(
        json(&out),
        serde_json::json!([{"district": "西城区", "count": 2}, {"district": "朝阳区", "count": 1}])
    );
    // Nothing in the range: exit 1, and the range is named.
    let out = run(&["list", "--since", "2030"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("日期 2030-01-01.."),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bad_date_option_is_a_usage_error_showing_the_forms() {
    for args in [
        vec!["list", "--since", "2024-003"],
        vec!["search", "工会", "--until", "2024-02-30"],
        vec!["export", "--since", "march"],
        vec!["districts", "--until", "24"],
        vec!["--since", "2024-13"],
    ] {
        let out = kanbao(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("不是日期") && err.contains("2024-03-08"),
            "{args:?}: {err}"
        );
        assert!(err.contains("--since") || err.contains("--until"), "{err}");
        assert_eq!(stdout(&out), "");
    }
    let err = stderr(&kanbao(&["--lang", "en", "list", "--since", "x"]));
    assert!(err.contains("accepted forms: 2024, 2024-03"), "{err}");
}

#[test]
fn the_indexed_path_filters_dates_as_the_in_memory_path_does() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("gen.jsonl");
    let mut bytes = Vec::new();
    kanbao::archive::generate(300, 7, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    let data = data.to_str().unwrap();
    assert!(kanbao(&["index", data]).status.success());
    let mut nonempty = 0;
    for args in [
        vec!["list", "--since", "2019-01-03"],
        vec![
            "list",
            "--json",
            "--until",
            "2019-01-02",
            "--district",
            "xc",
        ],
        vec![
            "list",
            "--query",
            "工会",
            "--since",
            "2019-01-02",
            "--until",
            "2019-01-04",
        ],
        vec!["search", "gonghui", "--since", "2019-01-03"],
        vec!["search", "工会", "--json", "--until", "2019-01"],
        vec!["search", "工会", "--sort", "date"],
        vec!["search", "gonghui date:2019-01-02..2019-01-03"],
        vec!["search", "--json", "工会 -驿站 日期:2019-01-03"],
        vec!["list", "--query", "date:2019-01-02 district:xc"],
        vec![
            "search",
            "gh",
            "--json",
            "--sort",
            "date",
            "--since",
            "2019-01-02",
        ],
        vec!["districts", "--since", "2019-01-04"],
        vec!["districts", "--json", "--until", "2019-01-02"],
    ] {
        let mut indexed = vec!["--data", data];
        indexed.extend(&args);
        let mut whole = vec!["--no-index", "--data", data];
        whole.extend(&args);
        let a = stdout(&kanbao(&indexed));
        nonempty += usize::from(!a.is_empty());
        assert_eq!(a, stdout(&kanbao(&whole)), "{args:?}");
    }
    assert!(nonempty >= 5, "the ranges should find something");
}

#[test]
fn the_reader_starts_with_the_date_filter() {
    use kanbao::app::Options;
    use kanbao::date::DateRange;
    use kanbao::filter::Filter;
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        filter: Filter {
            dates: DateRange::parse("2024-01..2024-03").unwrap(),
            ..Filter::default()
        },
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(kanbao::action::Action::Resize(80, 24));
    let shown: Vec<&str> = app
        .view()
        .iter()
        .map(|&i| app.collection()[i].id.as_str())
        .collect();
    assert_eq!(shown, ["d", "c", "b"]);
}

#[test]
fn search_sorts_by_relevance_or_date_and_prints_date_and_district() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let run = |args: &[&str]| {
        let mut all = vec!["--no-index", "--data", &data];
        all.extend(args);
        kanbao(&all)
    };
    // Relevance: title hits first, ties newest first (the file is oldest first).
    let out = run(&["search", "工会驿站", "--json"]);
    assert_eq!(ids(&out), ["f", "d", "b", "a"]);
    let out = run(&["search", "工会", "--json", "--sort", "date"]);
    assert_eq!(ids(&out), ["f", "d", "c", "b", "a", "g"]);
    let out = run(&["search", "工会", "--json", "--sort", "relevance"]);
    assert_eq!(ids(&run(&["search", "工会", "--json"])), ids(&out));
    // Tab-separated: id, hits, title, snippet, date (empty when unknown), district.
    let text = stdout(&run(&["search", "工会", "--sort", "date"]));
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 6), "{text}");
    assert_eq!(
        (rows[0][0], rows[0][4], rows[0][5]),
        ("f", "2025-02-01", "海淀区")
    );
    assert_eq!((rows[5][0], rows[5][4], rows[5][5]), ("g", "", "西城区"));
    let out = run(&["search", "工会", "--sort", "newest"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn plain_list_prints_the_date_when_known_as_a_fifth_column() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let text = stdout(&kanbao(&["--no-index", "--data", &data, "list"]));
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0], ["f", "海淀区", "新春工会驿站", "", "2025-02-01"]);
    assert_eq!(rows[6], ["g", "西城区", "无日期的工会文章", ""]);
    // The bundled page has no dates: its lines are as before.
    let bundled = stdout(&kanbao(&["list"]));
    assert!(
        bundled.lines().all(|l| l.split('\t').count() == 4),
        "{bundled}"
    );
}

#[test]
fn timeline_counts_per_month_or_year_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let run = |args: &[&str]| {
        let mut all = vec!["--no-index", "--data", &data, "timeline"];
        all.extend(args);
        kanbao(&all)
    };
    let out = run(&["--by", "year"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "2023\t1\n2024\t4\n2025\t1\n");
    // Months from the first to the last, the empty ones too.
    let text = stdout(&run(&["--since", "2024", "--until", "2024-04"]));
    assert_eq!(text, "2024-01\t1\n2024-02\t0\n2024-03\t2\n");
    let out = run(&["--json", "--query", "驿站", "--district", "xc"]);
    assert_eq!(
        json(&out),
        serde_json::json!([{"period": "2023-12", "count": 1}, {"period": "2024-01", "count": 0},
            {"period": "2024-02", "count": 0}, {"period": "2024-03", "count": 0},
            {"period": "2024-04", "count": 0}, {"period": "2024-05", "count": 0},
            {"period": "2024-06", "count": 0}, {"period": "2024-07", "count": 0},
            {"period": "2024-08", "count": 0}, {"period": "2024-09", "count": 0},
            {"period": "2024-10", "count": 1}])
    );
    let out = run(&["--json", "--by", "year", "--query", "kind:photo"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out), serde_json::json!([]));
    assert_eq!(run(&["--by", "week"]).status.code(), Some(2));
    assert_eq!(run(&["--since", "2024-003"]).status.code(), Some(2));
    // As people write dates: one digit, `/`, 年月 (session 27).
    for since in ["2024-3", "2024/3", "2024年3月"] {
        assert_eq!(
            json(&run(&["--json", "--since", since, "--until", "2024-10"])),
            json(&run(&[
                "--json", "--since", "2024-03", "--until", "2024-10"
            ])),
            "{since}"
        );
    }
}

#[test]
fn timeline_through_the_index_counts_what_the_whole_archive_counts() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("gen.jsonl");
    let mut bytes = Vec::new();
    kanbao::archive::generate(300, 9, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    let data = data.to_str().unwrap();
    assert!(kanbao(&["index", data]).status.success());
    for args in [
        vec!["timeline"],
        vec!["timeline", "--by", "year", "--json"],
        vec!["timeline", "--query", "工会", "--district", "xc"],
        vec!["timeline", "--since", "2019-01-03", "--query", "-驿站"],
    ] {
        let mut indexed = vec!["--data", data];
        indexed.extend(&args);
        let mut whole = vec!["--no-index", "--data", data];
        whole.extend(&args);
        let a = stdout(&kanbao(&indexed));
        assert!(!a.is_empty(), "{args:?}");
        assert_eq!(a, stdout(&kanbao(&whole)), "{args:?}");
    }
}

#[test]
fn timeline_on_a_terminal_draws_bars_with_the_total_and_the_busiest_period() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let mut term = support::Term::start(
        &["--no-index", "--data", &data, "timeline", "--by", "year"],
        80,
        24,
    );
    term.wait_text("共 6 篇；最多的是 2024（4 篇）");
    let screen = term.contents();
    let bar = |n: usize| "█".repeat(n);
    assert!(
        screen.contains(&format!("   2024 4 {}", bar(40))),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("   2023 1 {}\n", bar(10))),
        "{screen}"
    );
}

#[test]
fn the_reader_header_shows_the_date_range_and_c_clears_it() {
    use kanbao::action::Action;
    use kanbao::app::Options;
    use kanbao::date::DateRange;
    use kanbao::filter::Filter;
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        filter: Filter {
            dates: DateRange::since("2024-03").unwrap(),
            ..Filter::default()
        },
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(100, 24));
    let backend = ratatui::backend::TestBackend::new(100, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let theme = kanbao::tui::theme::Theme::new(false, false);
    terminal
        .draw(|f| kanbao::tui::view::render(&app, &theme, f))
        .unwrap();
    let header: String = (0..100)
        .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
        .collect::<String>()
        .replace(' ', "");
    assert!(header.contains("日期2024-03-01.."), "{header}");
    assert!(header.contains("4/7"), "{header}");
    app.update(Action::ClearFilters);
    assert!(app.filter().dates.is_all());
    assert_eq!(app.view().len(), 7);
}

#[test]
fn o_in_the_reader_lists_a_search_newest_first_and_the_header_says_so() {
    use kanbao::action::Action;
    use kanbao::app::{Context, Options};
    use kanbao::article::Article;
    use kanbao::collection::Collection;
    use kanbao::keys::{Key, KeyName, action_for};
    let article = |id: &str, date: Option<&str>, text: &str| Article {
        id: id.into(),
        title: format!("第{id}篇"),
        date: date.map(str::to_string),
        paragraphs: vec![text.into()],
        ..Article::default()
    };
    // Newest first, as loading orders them; the oldest has the most hits.
    let collection = Collection::new(
        None,
        vec![
            article("new", Some("2024-05-01"), "工会。"),
            article("mid", Some("2022-01-01"), "工会，工会。"),
            article("old", Some("2020-01-01"), "工会，工会，工会。"),
            article("none", None, "工会，工会，工会，工会。"),
        ],
    );
    let opts = Options {
        query: "工会".into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(100, 24));
    let shown = |app: &kanbao::app::App| -> Vec<String> {
        app.view()
            .iter()
            .map(|&i| app.collection()[i].id.clone())
            .collect()
    };
    let best = shown(&app);
    assert_eq!(best, ["none", "old", "mid", "new"]);
    let key = action_for(Context::List, Key::Code(KeyName::Char('o')));
    assert_eq!(key, Some(Action::ToggleSort));
    app.update(Action::ToggleSort);
    assert!(app.sorted_by_date());
    assert_eq!(shown(&app), ["new", "mid", "old", "none"]);
    let header = |app: &kanbao::app::App| {
        let backend = ratatui::backend::TestBackend::new(100, 24);
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        let theme = kanbao::tui::theme::Theme::new(false, false);
        terminal
            .draw(|f| kanbao::tui::view::render(app, &theme, f))
            .unwrap();
        (0..100)
            .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
            .collect::<String>()
            .replace(' ', "")
    };
    assert!(header(&app).contains("按日期"), "{}", header(&app));
    app.update(Action::ToggleSort);
    assert!(!header(&app).contains("按日期"));
    assert_eq!(shown(&app), best);
    assert_eq!(app.status(), None, "with a search, o says nothing more");
    // Without a search the list is newest first already: `o` says so instead of nothing.
    app.update(Action::ClearFilters);
    app.update(Action::ToggleSort);
    assert!(
        app.status().is_some_and(|s| s.contains("已按日期从新到旧")),
        "{:?}",
        app.status()
    );
}

#[test]
fn t_in_the_reader_asks_for_a_date_and_c_clears_it() {
    use kanbao::action::Action;
    use kanbao::app::{Context, Options};
    use kanbao::keys::{Key, KeyName, action_for};
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        query: "工会".into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(100, 24));
    let key = action_for(Context::List, Key::Code(KeyName::Char('t')));
    assert_eq!(key, Some(Action::OpenDatePrompt));
    app.update(Action::OpenDatePrompt);
    assert_eq!(app.query_text(), "工会 date:");
    // Nothing typed after `date:` yet: no error, the list is 工会's.
    assert_eq!(app.query_error(), None);
    let before = app.view().len();
    assert!(before > 0);
    app.update(Action::SearchInput("2024-01..2024-03".into()));
    assert_eq!(app.query_error(), None);
    app.update(Action::SearchAccept);
    let shown: Vec<&str> = app
        .view()
        .iter()
        .map(|&i| app.collection()[i].id.as_str())
        .collect();
    assert_eq!(shown, ["d", "c", "b"]);
    // A value that is no date says so on the prompt line, and Enter cannot keep it. The
    // date key puts its `date:` in place of the one the search has (two narrowed each
    // other: `date:2021-03 date:2022` found nothing, until session 25).
    app.update(Action::OpenDatePrompt);
    assert_eq!(app.query_text(), "工会 date:");
    app.update(Action::SearchInput("2024-13".into()));
    assert!(app.query_error().is_some_and(|e| e.contains("date:")));
    app.update(Action::SearchCancel);
    app.update(Action::ClearFilters);
    assert_eq!(app.query_text(), "");
    assert_eq!(app.view().len(), 7);
}

#[test]
fn the_date_prompt_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let mut term = support::Term::start(&["--no-index", "--no-state", "--data", &data], 80, 24);
    term.wait_text("7 篇");
    term.send("t");
    term.wait_text("date:");
    term.send("2024-03\r");
    term.wait_text("2/7 篇");
    let screen = term.contents();
    assert!(screen.contains("妇女节工会活动"), "{screen}");
    assert!(!screen.contains("国庆驿站"), "{screen}");
    term.send("c");
    term.wait_for("every article again", |s| {
        s.lines()
            .next()
            .is_some_and(|header| header.ends_with(" 7 篇") && !header.contains("date:"))
    });
    term.send("q");
    term.expect_restored();
}

/// The generated archive's first articles: several months, a few a day.
fn generated(n: usize) -> kanbao::collection::Collection {
    let mut bytes = Vec::new();
    kanbao::archive::generate(n, 5, &mut bytes).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.jsonl");
    std::fs::write(&path, bytes).unwrap();
    kanbao::load::load(Some(&path)).unwrap().0
}

#[test]
fn the_timeline_of_the_list_sets_the_date_filter_with_enter() {
    use kanbao::action::Action;
    use kanbao::app::{Context, Mode, Options};
    use kanbao::keys::{Key, KeyName, action_for};
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(80, 24));
    assert_eq!(
        action_for(Context::List, Key::Code(KeyName::Char('T'))),
        Some(Action::OpenTimeline)
    );
    app.update(Action::OpenTimeline);
    let Mode::Timeline(t) = app.mode() else {
        panic!("no timeline")
    };
    // 2023-12 to 2025-02 by month; the cursor starts on the busiest, 2024-03.
    assert_eq!(t.periods.len(), 15);
    assert_eq!(t.periods[t.selected].period, "2024-03");
    assert_eq!(t.total(), 6);
    assert_eq!(app.context(), Context::Picker);
    app.update(Action::PickerDown);
    app.update(Action::PickerUp);
    app.update(Action::PickerApply);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.filter().dates.to_string(), "2024-03-01..2024-03-31");
    assert_eq!(app.view().len(), 2);
    app.update(Action::ClearFilters);
    assert_eq!(app.view().len(), 7);
    // Esc closes it and changes nothing.
    app.update(Action::OpenTimeline);
    app.update(Action::PickerCancel);
    assert!(matches!(app.mode(), Mode::Normal) && app.filter().is_empty());
}

#[test]
fn timeline_snapshots() {
    use kanbao::action::Action;
    use kanbao::app::Options;
    use kanbao::tui::theme::Theme;
    for (w, h) in [(80, 24), (40, 12)] {
        let opts = Options {
            source: "test".into(),
            ..Options::default()
        };
        let mut app = support::app_over(generated(3000), opts);
        app.update(Action::Resize(w, h));
        app.update(Action::OpenTimeline);
        let terminal = support::draw(&app, &Theme::new(true, false), w, h);
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), terminal.backend());
    }
}

/// A folder of three files whose days interleave: one oldest first, one newest first, one
/// in no order with an undated article and a date that is no real day. The same days in
/// several files put ties in folder order, then file order.
fn interleaved(dir: &Path) -> String {
    let folder = dir.join("folder");
    std::fs::create_dir(&folder).unwrap();
    let files: [(&str, &[Option<&str>]); 3] = [
        (
            "1-old-first.jsonl",
            &[
                Some("2024-03-01"),
                Some("2024-03-01"),
                Some("2024-03-02"),
                Some("2024-03-30"),
                Some("2024-04-01"),
            ],
        ),
        (
            "2-new-first.jsonl",
            &[
                Some("2024-04-02"),
                Some("2024-03-30"),
                Some("2024-03-30"),
                Some("2024-03-02"),
                Some("2024-02-28"),
            ],
        ),
        (
            "3-mixed.jsonl",
            &[
                Some("2024-03-02"),
                None,
                Some("2024-02-30"),
                Some("2024-03-30"),
                Some("2023-12-31"),
                Some("2024-03-01"),
            ],
        ),
    ];
    let districts = ["西城区", "东城区", "朝阳区"];
    for (fi, (name, days)) in files.iter().enumerate() {
        let lines: Vec<String> = days
            .iter()
            .enumerate()
            .map(|(i, day)| {
                let title = format!("工会驿站{fi}-{i}");
                article(&format!("f{fi}-{i}"), *day, &title, districts[(fi + i) % 3])
            })
            .collect();
        std::fs::write(folder.join(name), lines.join("\n") + "\n").unwrap();
    }
    folder.display().to_string()
}

/// `list --since/--until`, `districts` with dates and `timeline` through the index read the
/// date columns (no collection order): the same rows in the same order as the whole archive.
#[test]
fn date_lists_and_timelines_from_the_date_columns_equal_the_whole_archive() {
    let dir = tempfile::tempdir().unwrap();
    let data = interleaved(dir.path());
    assert!(kanbao(&["index", &data]).status.success());
    let mut nonempty = 0;
    for args in [
        vec!["list", "--since", "2024-03", "--until", "2024-03"],
        vec!["list", "--json", "--since", "2024-03", "--until", "2024-03"],
        vec!["list", "--since", "2024-03-02", "--until", "2024-03-30"],
        vec!["list", "--since", "2024-03-30"],
        vec!["list", "--until", "2024-03-01"],
        vec!["list", "--json", "--since", "2023"],
        vec!["list", "--since", "2024", "--district", "xc"],
        vec!["list", "--since", "2025"],
        vec!["list", "--json", "--since", "2025"],
        vec!["districts", "--since", "2024-03-02"],
        vec!["timeline"],
        vec!["timeline", "--by", "year"],
        vec![
            "timeline",
            "--json",
            "--since",
            "2024-03-02",
            "--until",
            "2024-04",
        ],
        vec!["timeline", "--until", "2024-02"],
        vec!["timeline", "--since", "2026"],
    ] {
        let mut indexed = vec!["--data", &data];
        indexed.extend(&args);
        let mut whole = vec!["--no-index", "--data", &data];
        whole.extend(&args);
        let a = stdout(&kanbao(&indexed));
        nonempty += usize::from(!a.is_empty() && a != "[]\n");
        assert_eq!(a, stdout(&kanbao(&whole)), "{args:?}");
    }
    assert!(nonempty >= 10, "the ranges should find something");
    // The order's tie rule, spelled out: newest day first, then folder order, then file order.
    let out = kanbao(&["--data", &data, "list", "--json", "--since", "2024-03-30"]);
    assert_eq!(
        ids(&out),
        ["f1-0", "f0-4", "f0-3", "f1-1", "f1-2", "f2-3"],
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_date_key_leaves_a_quoted_phrase_and_a_full_width_space_as_they_were() {
    // The date key takes the search's `date:` out before adding its own (session 25); a
    // `date:` inside a quoted phrase is part of a word sought, not an operator, and a
    // `date:` after a full-width space (a separator to the query) is one.
    use kanbao::action::Action;
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    for (query, shown) in [
        ("\"会议 date:2021\"", "\"会议 date:2021\" date:"),
        ("工会　date:2021", "工会 date:"),
        ("工会 date:2021 驿站", "工会 驿站 date:"),
        ("“会议 date:2021”", "“会议 date:2021” date:"),
        ("“工会 date:2021", "“工会 date:"),
    ] {
        let opts = kanbao::app::Options {
            query: query.into(),
            source: "test".into(),
            ..kanbao::app::Options::default()
        };
        let mut app = support::app_over(collection.clone(), opts);
        app.update(Action::Resize(100, 24));
        app.update(Action::OpenDatePrompt);
        assert_eq!(app.query_text(), shown, "after {query}");
    }
}
