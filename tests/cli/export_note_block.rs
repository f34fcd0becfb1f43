//! The review block of a Markdown report: an article with tags and no note has no empty
//! 审读意见 heading (it showed `> **审读意见**`, two empty quote lines, then the tags), and a
//! note's blank line ends a paragraph without a literal `\` before it (`> 第一行\`).
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use support::cli::{kanbao_in, stderr, stdout};

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let out = kanbao_in(dir).args(args).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn tags_alone_and_a_note_of_two_paragraphs_read_as_written() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["tag", "1", "+待核实"]);
    run(dir.path(), &["note", "2", "第一行\n第二行\n\n第三段"]);
    let report = run(dir.path(), &["export", "--notes", "--id", "1", "--id", "2"]);
    let (first, second) = report
        .split_once("## 大兴区天宫院街道")
        .unwrap()
        .1
        .split_once("## 通州区各级工会")
        .unwrap();
    // Article 1: the tags alone, no heading for a note it does not have.
    assert!(first.contains("> 标签：待核实"), "{first}");
    assert!(!first.contains("审读意见"), "{first}");
    // Article 2: a hard break inside the first paragraph, none before the blank line.
    assert!(
        second.contains("> **审读意见**\n>\n> 第一行\\\n> 第二行\n>\n> 第三段\n"),
        "{second}"
    );
}
