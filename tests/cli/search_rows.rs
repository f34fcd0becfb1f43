//! `kanbao search`'s rows through the index (made from the part of each article's JSON a
//! row shows, `index/run/rows.rs`) equal the rows of the archive read whole, on articles
//! whose JSON is odd: escapes of every kind, controls and escape sequences, an invalid
//! date, no district, a hit only in the byline or the title, a hit deep in a long
//! paragraph, combining and zero-width marks, unknown fields, at widths narrow and wide.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::path::PathBuf;

use kanbao::index;
use support::changed;
use support::cli::{kanbao_in, stderr, stdout};
use tempfile::TempDir;

/// The odd articles, as JSON lines written by hand (so that the escapes are the data's).
fn lines() -> Vec<String> {
    let long = format!("{}驿站{}", "甲".repeat(3000), "乙".repeat(3000));
    vec![
        r#"{"id":"e1","title":"\u5de5\u4f1a\"\u9a7f\u7ad9\"\t标题","date":"2024-03-08","paragraphs":["第一段\n\u9a7f\u7ad9\ud83d\ude00后文","工会"]}"#.into(),
        r#"{"id":"e2","title":"坏日期","date":"2024-02-30","district":null,"paragraphs":["工会驿站"]}"#.into(),
        r#"{"id":"e3","title":"署名","byline":"本报讯（记者 驿站）","paragraphs":["无关的话"]}"#.into(),
        r#"{"id":"e4","title":"驿站图片","kind":"photo","paragraphs":[]}"#.into(),
        r#"{"id":"e5","title":"\u001b]0;x\u0007标题","district":"西城区","date":"2024-03-01","paragraphs":["\u001b[31m驿站\u001b[0m 红色\r\n下一行","\u202e反向\u202c驿站"]}"#.into(),
        format!(r#"{{"id":"e6","title":"长段","date":"2024-03-02","paragraphs":["{long}"]}}"#),
        r#"{"id":"e7","title":"组合","date":"2024-03-03","paragraphs":["e\u0301\u0302\u0303驿站","驿\u200b站 工\u200d会"]}"#.into(),
        r#"{"id":"e8","title":"主题","kicker":"引题","subtitle":"副题","district":"海淀区","date":"2024-03-04","paragraphs":["ＡＢＣ驿站 gonghui"]}"#.into(),
        r#"{"id":"e9","title":"多余","extra":{"nested":[1,"驿站",{"a":null}]},"date":"20240305","paragraphs":["工会 驿站 工会驿站"]}"#.into(),
        r#"{"id":"e10","title":"标\u0000题","district":"朝阳区","paragraphs":["驿站\u0007铃"]}"#.into(),
    ]
}

/// The archive and its index under a cache root of its own.
fn fixture() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("xdg-cache").join("kanbao").join("index");
    let file = dir.path().join("a.jsonl");
    std::fs::write(&file, lines().join("\n") + "\n").unwrap();
    let mut notes = Vec::new();
    index::update(&root, &file, &mut notes, &mut |_, _, _| {}).unwrap();
    (dir, file)
}

#[test]
fn rows_through_the_index_equal_the_rows_of_the_whole_file() {
    let (_dir, file) = fixture();
    let run = |indexed: bool, args: &[&str]| {
        let mut cmd = kanbao_in(file.parent().unwrap());
        cmd.arg("--data").arg(&file);
        if !indexed {
            cmd.arg("--no-index");
        }
        stdout(&cmd.args(args).output().unwrap())
    };
    let mut rows = 0;
    for q in [
        "驿站",
        "工会",
        "标题",
        "题",
        "ABC驿站",
        "\"工会 驿站\"",
        "gonghui",
        "yizhan",
        // Groups alone: the snippet is cut around an alternative's first hit.
        "yizhan|zzzz",
        "zzzz OR 驿站",
        "铃|gonghui",
    ] {
        for width in ["1", "3", "10", "40", "200"] {
            let args = ["search", "--width", width, "--", q];
            let indexed = run(true, &args);
            assert_eq!(indexed, run(false, &args), "{args:?}");
            rows += indexed.lines().count();
        }
    }
    // Every odd article was a row (not all answers empty).
    assert!(rows > 100, "{rows} rows");
    let all = run(true, &["search", "--", "驿站"]);
    for id in ["e1", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10"] {
        assert!(
            all.lines().any(|l| l.starts_with(&format!("{id}\t"))),
            "{id}: {all}"
        );
    }
}

/// An article changed in the data file after it was indexed, where the index's fingerprint
/// (size, modification time, the first and last 64 KiB) does not see it: the row that
/// cannot be made says where the JSON is wrong in the file, as the loader does, and what
/// to do (it said `<index>: expected … at line 1 column N`, a place in the article alone).
#[test]
fn a_row_of_an_article_changed_since_indexing_names_its_place_in_the_file() {
    let dir = TempDir::new().unwrap();
    let file = changed::indexed_then_changed(dir.path(), &changed::cli_root(dir.path()));
    let run = |extra: &[&str]| {
        let mut cmd = kanbao_in(dir.path());
        cmd.arg("--data")
            .arg(&file)
            .args(extra)
            .args(["search", "独特词"]);
        cmd.output().unwrap()
    };
    // Read whole, the loader names the place: line 201, column 21 (the `=`).
    let whole = run(&["--no-index"]);
    let place = changed::loader_says(&file);
    assert!(stderr(&whole).contains(&place), "{}", stderr(&whole));
    changed::names_the_place(&run(&[]), &file, &["search", "独特词"]);
}
