//! A query made only of `OR` groups (`kuaidi|zzzz`, `驿站 OR 快递`) counts no hit (the
//! alternatives are not counted, docs/search.md §11), but each row's snippet is cut around
//! the first hit of an alternative, so that a reader sees why the article matched (a
//! hands-on test, session 36: every row showed the article's opening, hits 0).
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use support::cli::{json, stdout};

fn kanbao(args: &[&str]) -> std::process::Output {
    support::cli::kanbao_as("or_snippets", args)
}

#[test]
fn an_or_query_cuts_each_snippet_around_an_alternatives_hit() {
    // The bundled page: `kuaidi` matches deep in articles 1 and 4. Each row's snippet is
    // the one the term alone gives (cut around the same first hit), its hits 0.
    let alone = stdout(&kanbao(&["search", "--", "kuaidi"]));
    let snippet_of = |id: &str| {
        let row = alone.lines().find(|l| l.starts_with(&format!("{id}\t")));
        row.unwrap().split('\t').nth(3).unwrap().to_owned()
    };
    let out = kanbao(&["search", "--", "kuaidi|zzzz"]);
    assert!(out.status.success());
    let rows = stdout(&out);
    let ids: Vec<&str> = rows
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(ids, ["1", "4", "5"], "{rows}");
    for row in rows.lines() {
        let cols: Vec<&str> = row.split('\t').collect();
        // Hits stay as documented: the alternatives are not counted.
        assert_eq!(cols[1], "0", "{row}");
        assert_eq!(cols[3], snippet_of(cols[0]), "{row}");
    }
    let deep = rows.lines().find(|l| l.starts_with("4\t")).unwrap();
    assert!(deep.contains("丰富了快递员们"), "{deep}");
    // Either alternative, the first in the text: 驿站 comes before 快递 in article 1.
    let out = kanbao(&["search", "--json", "--", "驿站 OR 快递"]);
    let found = json(&out);
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 4, "{found:?}");
    for row in found {
        assert_eq!(row["hits"], 0, "{row}");
        let snippet = row["snippet"].as_str().unwrap();
        assert!(
            snippet.contains("驿站") || snippet.contains("快递"),
            "{row}"
        );
    }
    let first = found.iter().find(|r| r["id"] == "1").unwrap();
    assert!(
        first["snippet"].as_str().unwrap().contains("驿站"),
        "{first}"
    );
}

/// A term besides the group: the snippet is the term's, as before (the group only narrows).
#[test]
fn a_counted_term_still_decides_the_snippet() {
    let out = kanbao(&["search", "--width", "20", "--", "工会 kuaidi|zzzz"]);
    let rows = stdout(&out);
    assert!(!rows.is_empty());
    for row in rows.lines() {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_ne!(cols[1], "0", "{row}");
        assert!(cols[3].contains("工会"), "{row}");
    }
}
