//! Dates on the command line: a bad date is named by file, line and column and loads
//! undated with one warning, a bad `--since` or `--until` is a usage error showing the
//! forms, the options narrow every command, and search and list print and sort by date.

use serde_json::Value;

use super::{archive, article, ids, kanbao};
use crate::support::cli::{json, stderr, stdout};

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
