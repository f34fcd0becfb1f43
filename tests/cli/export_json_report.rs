//! `kanbao export --format json` says what the report is, as the Markdown and plain-text
//! reports' heading does: a top-level `report` object with the title, the date of export,
//! the data's name, the number of articles, the counts by district and whether notes are
//! included, beside the schema-1 `articles` (so the file still loads back).

#![allow(
    clippy::unwrap_used,
    reason = "a test should panic at the first surprise"
)]

use crate::support;

use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

/// `kanbao --state dir/state.json args…` on 2024-12-06 (UTC), with nothing of the user's.
fn kanbao(dir: &Path, args: &[&str]) -> Output {
    support::cli::kanbao_dated(dir).args(args).output().unwrap()
}

/// A page with two articles of 西城区 and one of no district.
fn paper(dir: &Path) -> String {
    let doc = json!({"schema": 1, "source": "劳动午报", "articles": [
        {"id": "a1", "title": "西城职工沟通会", "district": "西城区", "date": "2024-01-05",
         "paragraphs": ["第一段。", "第二段。"]},
        {"id": "a2", "title": "无区的文章", "date": "2024-01-05", "paragraphs": ["正文。"]},
        {"id": "a3", "title": "西城楼宇", "district": "西城区", "date": "2024-01-04",
         "paragraphs": ["讲解入会流程。"]},
    ]});
    let path = dir.join("paper.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    path.display().to_string()
}

/// The JSON report of `args` (after `--data DATA export --format json`).
fn json_report(dir: &Path, data: &str, args: &[&str]) -> Value {
    let all = [&["--data", data, "export", "--format", "json"][..], args].concat();
    let out = kanbao(dir, &all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The first line of the plain-text report of `args`: its title.
fn text_title(dir: &Path, data: &str, args: &[&str]) -> String {
    let all = [&["--data", data, "export", "--format", "txt"][..], args].concat();
    let out = kanbao(dir, &all);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().next().unwrap().to_owned()
}

#[test]
fn the_json_report_names_its_title_date_and_data() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = paper(home);
    let doc = json_report(home, &data, &[]);
    assert_eq!(doc["schema"], 1, "{doc:#}");
    assert_eq!(
        doc["report"],
        json!({
            "title": "审读报告：全部文章",
            "exported": "2024-12-06",
            "data": "paper.json",
            "count": 3,
            "by_district": [
                {"district": "西城区", "count": 2},
                {"district": null, "count": 1},
            ],
            "notes": false,
        }),
        "{doc:#}"
    );
    assert_eq!(doc["articles"].as_array().unwrap().len(), 3);
}

#[test]
fn the_json_title_is_the_other_reports_title() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = paper(home);
    assert!(
        kanbao(home, &["--data", &data, "tag", "a3", "+待核实"])
            .status
            .success()
    );
    for args in [
        &["--district", "西城", "--since", "2024-01-04"][..],
        &["--tag", "待核实", "--notes"],
        &["--title", "一月审读"],
        &["--lang", "en", "--query", "西城"],
    ] {
        let doc = json_report(home, &data, args);
        assert_eq!(
            doc["report"]["title"].as_str().unwrap(),
            text_title(home, &data, args),
            "{args:?}"
        );
        assert_eq!(
            doc["report"]["count"].as_u64().unwrap(),
            doc["articles"].as_array().unwrap().len() as u64
        );
    }
    let doc = json_report(home, &data, &["--tag", "待核实", "--notes"]);
    assert_eq!(doc["report"]["title"], "审读报告：标签 待核实");
    assert_eq!(doc["report"]["notes"], true);
    assert_eq!(doc["articles"][0]["tags"], json!(["待核实"]));
}

#[test]
fn a_json_report_with_its_heading_still_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = paper(home);
    let made = home.join("back.json");
    let made = made.to_str().unwrap();
    let out = kanbao(
        home,
        &["--data", &data, "export", "--format", "json", "-o", made],
    );
    assert!(out.status.success());
    assert!(
        kanbao(home, &["--data", made, "check", made])
            .status
            .success()
    );
    let out = kanbao(home, &["--data", made, "list", "--json"]);
    assert!(out.status.success());
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 3);
    // The report of the report names the file it came from.
    let doc = json_report(home, made, &[]);
    assert_eq!(doc["report"]["data"], "back.json");
}
