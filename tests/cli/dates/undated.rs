//! `kanbao timeline` over articles none of which has a date (session 31): the bundled page
//! has seven articles and no date, and `timeline` said `没有文章` (no article), which is
//! wrong. It says what the reader's `T` says: the articles have no dates, so there is no
//! timeline; a search that finds nothing still says so.

use super::{article, kanbao};
use crate::support::cli::{json, stderr};

#[test]
fn timeline_of_undated_articles_says_they_have_no_date() {
    let out = kanbao(&["timeline"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("7 篇文章都没有日期"), "{err}");
    assert!(!err.contains("没有文章"), "{err}");
    let out = kanbao(&["--lang", "en", "timeline", "--json"]);
    assert_eq!(json(&out), serde_json::json!([]));
    assert!(
        stderr(&out).contains("none of the 7 articles has a date"),
        "{}",
        stderr(&out)
    );
    // With a search: the articles it found, and the conditions they met.
    let err = stderr(&kanbao(&["timeline", "--query", "驿站"]));
    assert!(err.contains("符合条件的 2 篇文章都没有日期"), "{err}");
    assert!(err.contains("搜索“驿站”"), "{err}");
    // A search that finds nothing says so, as before.
    let err = stderr(&kanbao(&["timeline", "--query", "火星"]));
    assert!(err.contains("没有符合条件的文章"), "{err}");
}

#[test]
fn timeline_of_an_undated_indexed_archive_says_so_too() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("undated.jsonl");
    let lines = [
        article("a", None, "工会驿站", "西城区"),
        article("b", None, "职工之家", "朝阳区"),
    ];
    std::fs::write(&data, lines.join("\n") + "\n").unwrap();
    let data = data.to_str().unwrap();
    assert!(kanbao(&["index", data]).status.success());
    for args in [
        vec!["--data", data, "timeline"],
        vec!["--no-index", "--data", data, "timeline"],
    ] {
        let out = kanbao(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("2 篇文章都没有日期"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    for args in [
        vec!["--data", data, "timeline", "--district", "xc"],
        vec!["--no-index", "--data", data, "timeline", "--district", "xc"],
        vec!["--data", data, "timeline", "--query", "工会"],
    ] {
        let err = stderr(&kanbao(&args));
        assert!(
            err.contains("符合条件的 1 篇文章没有日期"),
            "{args:?}: {err}"
        );
    }
    // Dates asked for leave out every undated article: nothing matched them.
    let err = stderr(&kanbao(&["--data", data, "timeline", "--since", "2024"]));
    assert!(err.contains("没有符合条件的文章"), "{err}");
}
