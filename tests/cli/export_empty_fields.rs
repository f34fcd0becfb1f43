//! A report leaves out the fields an article has but that show nothing: an empty or blank
//! kicker (引题) or subtitle is no blank line around the title, in plain text as in
//! Markdown; an empty paragraph is no line of its own (nor a paragraph number); an empty reporter's name no `记者 、`;
//! a title that shows nothing is the reader's （无标题）, not an empty heading.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::path::Path;

use serde_json::json;
use support::cli::{kanbao_in, stderr, stdout};

/// The data: article 1 with empty headings, an empty paragraph and an empty name; article
/// 2 with a title of spaces; article 3 with every field filled, for comparison.
fn data(dir: &Path) -> String {
    let doc = json!({"schema": 1, "articles": [
        {"id": "1", "title": "空引题", "kicker": "", "subtitle": "  ", "byline": "",
         "reporters": ["", "孙艳"], "date": "2024-03-08",
         "paragraphs": ["第一段。", "", " ", "第二段。"]},
        {"id": "2", "title": "   ", "kicker": "\u{3000}", "date": "2024-03-07",
         "paragraphs": ["无题的正文。"]},
        {"id": "3", "title": "全有", "kicker": "引题", "subtitle": "副题",
         "byline": "本报讯（记者 王路）", "reporters": ["王路"], "date": "2024-03-06",
         "paragraphs": ["正文。"]},
    ]});
    let path = dir.join("paper.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    path.to_str().unwrap().to_owned()
}

/// `kanbao export --format FORMAT` of the data.
fn export(dir: &Path, format: &str) -> String {
    let data = data(dir);
    let out = kanbao_in(dir)
        .args(["--data", &data, "export", "--format", format])
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

/// Each article's part of a report: what follows its rule (`─…` in text, `---` in
/// Markdown) and the one blank line after the rule, so that a blank line more (an empty
/// kicker's) starts the part.
fn parts(report: &str, rule: &str) -> Vec<String> {
    report
        .split(rule)
        .skip(1)
        .map(|p| {
            p.strip_prefix("\n\n")
                .unwrap_or_else(|| panic!("{p:?}"))
                .to_owned()
        })
        .collect()
}

#[test]
fn plain_text_has_no_line_for_an_empty_heading_paragraph_or_name() {
    let dir = tempfile::tempdir().unwrap();
    let txt = export(dir.path(), "txt");
    let parts = parts(&txt, &"─".repeat(20));
    assert_eq!(parts.len(), 3, "{txt}");
    // The empty kicker and the blank subtitle have no line: the title is the first. (Each
    // part ends with the blank line before the next rule.)
    assert!(
        parts[0].starts_with("空引题\n\n未注明 · 2024-03-08 · 记者 孙艳 · id 1\n\n"),
        "{}",
        parts[0]
    );
    assert!(
        parts[0].ends_with("\n\n\u{3000}\u{3000}【1】第一段。\n\u{3000}\u{3000}【2】第二段。\n\n"),
        "{}",
        parts[0]
    );
    assert!(
        parts[1].starts_with("（无标题）\n\n未注明 · 2024-03-07 · id 2\n\n"),
        "{}",
        parts[1]
    );
    // The contents name it so too.
    assert!(txt.contains("\n2. （无标题） · 2024-03-07\n"), "{txt}");
    // A filled article keeps every line.
    assert!(
        parts[2].starts_with("引题\n全有\n副题\n\n未注明 · 2024-03-06 · 记者 王路 · id 3\n\n"),
        "{}",
        parts[2]
    );
    for part in &parts {
        assert!(!part.contains("\n\n\n"), "{part:?}");
        assert!(
            !part.lines().any(|l| l.trim().is_empty() && !l.is_empty()),
            "{part:?}"
        );
    }
}

#[test]
fn markdown_has_no_empty_heading_paragraph_or_name() {
    let dir = tempfile::tempdir().unwrap();
    let md = export(dir.path(), "md");
    let parts = parts(&md, "\n---");
    assert_eq!(parts.len(), 3, "{md}");
    assert!(
        parts[0].starts_with(
            "## 空引题\n\n*未注明 · 2024-03-08 · 记者 孙艳 · id 1*\n\n【1】第一段。\n\n【2】第二段。\n"
        ),
        "{}",
        parts[0]
    );
    assert!(parts[1].starts_with("## （无标题）\n\n"), "{}", parts[1]);
    assert!(md.contains("\n2. （无标题） · 2024-03-07\n"), "{md}");
    assert!(
        parts[2].starts_with("引题\n\n## 全有\n\n### 副题\n\n"),
        "{}",
        parts[2]
    );
    for part in &parts {
        assert!(!part.contains("\n\n\n"), "{part:?}");
        assert!(
            !part
                .lines()
                .any(|l| l.trim_end_matches('#').trim().is_empty() && !l.is_empty()),
            "{part:?}"
        );
    }
}

#[test]
fn english_stands_in_for_the_title_in_its_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let data = data(dir.path());
    let out = kanbao_in(dir.path())
        .args(["--lang", "en", "--data", &data, "export", "--format", "txt"])
        .output()
        .unwrap();
    let txt = stdout(&out);
    assert!(txt.contains("\n(untitled)\n\n"), "{txt}");
    assert!(txt.contains("Reporter 孙艳 · id 1"), "{txt}");
}
