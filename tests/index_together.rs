//! Several terms whose matches may overlap, counted together from the index a window of
//! documents at a time (issue 12: 32 dense pinyin terms held a segment's matches of each,
//! 1.4 GB): over an archive of many windows, every article with the in-memory engine's
//! hits and title hits.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod support;

use kanbao::index;
use kanbao::search::Query;
use support::{Results, in_memory_results};
use tempfile::TempDir;

#[test]
fn terms_counted_together_over_many_windows_equal_in_memory() {
    let dir = TempDir::new().unwrap();
    let (root, file) = (dir.path().join("cache"), dir.path().join("many.jsonl"));
    let mut data = Vec::new();
    kanbao::archive::generate(700, 21, &mut data).unwrap();
    std::fs::write(&file, data).unwrap();
    let mut notes = Vec::new();
    index::update(&root, &file, &mut notes, &mut |_, _, _| {}).unwrap();
    let archive = index::open_in(&root, &file, &mut notes).unwrap();
    let (collection, _) = kanbao::load::load(Some(&file)).unwrap();
    for text in [
        "gonghui 驿站",
        "gonghui siji",
        "zh sh ch",
        "工会 会员",
        "shahe gonghui fuwuzhan",
        "\"gonghui yizhan\" 驿站",
        "\"工会 驿站\" gonghui",
    ] {
        let query = Query::parse(text);
        let found = archive.matches(&query).unwrap();
        let found = found.unwrap_or_else(|| panic!("{text}: not counted by the index"));
        let articles = archive.read_matches(&found).unwrap();
        let mut got: Results = articles
            .into_iter()
            .zip(&found)
            .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
            .collect();
        got.sort();
        let mut want = in_memory_results(&collection, &query);
        want.sort();
        assert!(want.len() > 100, "{text}: too few matches to cross windows");
        assert_eq!(got, want, "{text}");
    }
}
