//! Dates through the index (the date columns, without the collection order): filters,
//! lists, districts and timelines give exactly what the whole archive, loaded, gives.

use std::path::Path;

use super::{article, ids, kanbao};
use crate::support::cli::{stderr, stdout};

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
