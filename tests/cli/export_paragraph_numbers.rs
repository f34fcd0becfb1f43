//! The body paragraphs of a report are numbered 【1】, 【2】… so that a reviewer's
//! "第3段" can be found: in plain text after the paragraph indent, in Markdown at the start
//! of the paragraph. The numbers count the paragraphs the reader shows (`kanbao show` prints
//! its lines): an empty or blank paragraph, which shows nothing, has no number. JSON keeps
//! `paragraphs` as the data's array.

#![allow(
    clippy::unwrap_used,
    reason = "a test should panic at the first surprise"
)]

use crate::support;

use std::path::Path;
use std::process::Output;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_json::{Value, json};

/// `kanbao --state dir/state.json args…`, with nothing of the user's.
fn kanbao(dir: &Path, args: &[&str]) -> Output {
    let out = support::cli::kanbao_dated(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Article p1 has an empty and a blank paragraph between its first and second; p2 has
/// Markdown-looking text at the start of a paragraph.
fn paper(dir: &Path) -> String {
    let doc = json!({"schema": 1, "articles": [
        {"id": "p1", "title": "三段", "date": "2024-01-05",
         "paragraphs": ["第一段。", "", " \u{3000}", "第二段。", "第三段数据。"]},
        {"id": "p2", "title": "标记", "date": "2024-01-04",
         "paragraphs": ["1. 不是列表", "# 不是标题"]},
    ]});
    let path = dir.join("paper.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    path.display().to_string()
}

#[test]
fn plain_text_numbers_the_paragraphs_after_the_indent() {
    let dir = tempfile::tempdir().unwrap();
    let data = paper(dir.path());
    let txt = stdout(&kanbao(
        dir.path(),
        &["--data", &data, "export", "--format", "txt", "--id", "p1"],
    ));
    let body: Vec<&str> = txt.lines().filter(|l| l.starts_with('\u{3000}')).collect();
    assert_eq!(
        body,
        [
            "\u{3000}\u{3000}【1】第一段。",
            "\u{3000}\u{3000}【2】第二段。",
            "\u{3000}\u{3000}【3】第三段数据。",
        ],
        "{txt}"
    );
}

/// The paragraphs of a Markdown document, as a renderer reads them.
fn md_paragraphs(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut text: Option<String> = None;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Paragraph) => text = Some(String::new()),
            Event::End(TagEnd::Paragraph) => out.extend(text.take()),
            Event::Text(t) => {
                if let Some(s) = text.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::Start(Tag::List(_)) | Event::Start(Tag::Heading { .. }) => {
                // Only the contents list is a list, and no paragraph is a heading.
                text = None;
            }
            _ => {}
        }
    }
    out
}

#[test]
fn markdown_numbers_each_paragraph_and_keeps_it_a_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let data = paper(dir.path());
    let md = stdout(&kanbao(dir.path(), &["--data", &data, "export"]));
    assert!(
        md.contains("\n\n【1】第一段。\n\n【2】第二段。\n\n【3】第三段数据。\n\n"),
        "{md}"
    );
    let paragraphs = md_paragraphs(&md);
    for want in [
        "【1】第一段。",
        "【2】第二段。",
        "【3】第三段数据。",
        "【1】1. 不是列表",
        "【2】# 不是标题",
    ] {
        assert!(
            paragraphs.iter().any(|p| p == want),
            "no paragraph {want:?} in {paragraphs:?}:\n{md}"
        );
    }
    // The contents list still numbers the articles, plainly.
    assert!(
        md.contains("\n1. 三段 · 2024-01-05\n2. 标记 · 2024-01-04\n"),
        "{md}"
    );
}

/// The paragraphs `kanbao show` prints (the reader's layout): the lines that open with
/// the paragraph indent and show some text, at a width no paragraph wraps in (`data`
/// empty: the bundled page).
fn shown_paragraphs(dir: &Path, data: &str, id: &str) -> Vec<String> {
    let mut args = vec!["show", id, "--width", "100000"];
    if !data.is_empty() {
        args.splice(0..0, ["--data", data]);
    }
    let out = stdout(&kanbao(dir, &args));
    out.lines()
        .filter_map(|l| l.strip_prefix("\u{3000}\u{3000}"))
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// The numbered paragraphs of the plain-text report of `id`, by number.
fn numbered(dir: &Path, data: &str, id: &str) -> Vec<(usize, String)> {
    let mut args = vec!["export", "--format", "txt", "--id", id];
    if !data.is_empty() {
        args.splice(0..0, ["--data", data]);
    }
    let txt = stdout(&kanbao(dir, &args));
    txt.lines()
        .filter_map(|l| l.strip_prefix("\u{3000}\u{3000}【"))
        .map(|l| {
            let (n, text) = l.split_once('】').unwrap();
            (n.parse().unwrap(), text.to_owned())
        })
        .collect()
}

#[test]
fn the_numbers_count_the_paragraphs_the_reader_shows() {
    let dir = tempfile::tempdir().unwrap();
    let data = paper(dir.path());
    // The bundled page, and the data with empty paragraphs.
    let out = stdout(&kanbao(dir.path(), &["list", "--json"]));
    let bundled: Vec<String> = serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(bundled.len() > 3);
    let cases = bundled
        .iter()
        .map(|id| ("", id.as_str()))
        .chain([(data.as_str(), "p1"), (data.as_str(), "p2")]);
    for (data, id) in cases {
        let shown = shown_paragraphs(dir.path(), data, id);
        let numbered = numbered(dir.path(), data, id);
        assert!(!numbered.is_empty(), "{id}");
        let want: Vec<(usize, String)> = shown.into_iter().zip(1..).map(|(p, n)| (n, p)).collect();
        assert_eq!(numbered, want, "article {id}");
    }
}

#[test]
fn json_keeps_the_paragraphs_as_the_data_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = paper(dir.path());
    let out = kanbao(
        dir.path(),
        &["--data", &data, "export", "--format", "json", "--id", "p2"],
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["articles"][0]["paragraphs"],
        json!(["1. 不是列表", "# 不是标题"])
    );
}
