//! A report prints the byline (本报讯（记者 王路）) as the paper does, above the text and
//! unnumbered, so that a report handed in says who wrote the article and where the story
//! was filed; an article without one has no line for it.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use serde_json::json;
use support::cli::{kanbao_in, stderr, stdout};

fn export(format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let doc = json!({"schema": 1, "articles": [
        {"id": "1", "title": "有电头", "byline": "本报讯（记者 王路）", "reporters": ["王路"],
         "date": "2024-03-06", "paragraphs": ["第一段。", "第二段。"]},
        {"id": "2", "title": "无电头", "byline": " ", "date": "2024-03-05",
         "paragraphs": ["只有一段。"]},
    ]});
    let data = dir.path().join("paper.json");
    std::fs::write(&data, doc.to_string()).unwrap();
    let out = kanbao_in(dir.path())
        .args([
            "--data",
            data.to_str().unwrap(),
            "export",
            "--format",
            format,
        ])
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn the_byline_stands_above_the_first_numbered_paragraph() {
    for (format, byline, first) in [
        (
            "txt",
            "\u{3000}\u{3000}本报讯（记者 王路）\n",
            "\u{3000}\u{3000}【1】第一段。",
        ),
        ("md", "本报讯（记者 王路）\n\n", "【1】第一段。"),
    ] {
        let report = export(format);
        let at = report
            .find(byline)
            .unwrap_or_else(|| panic!("{format}: {report}"));
        assert_eq!(
            report[at + byline.len()..].find(first),
            Some(0),
            "{format}: {report}"
        );
        assert_eq!(report.matches("本报讯").count(), 1, "{format}: {report}");
    }
}

#[test]
fn an_article_without_a_byline_has_no_line_for_it() {
    for (format, after_meta) in [
        ("txt", "\n\n\u{3000}\u{3000}【1】只有一段。"),
        ("md", "*\n\n【1】只有一段。"),
    ] {
        let report = export(format);
        assert!(report.contains(after_meta), "{format}: {report:?}");
    }
}
