//! One character beside longer terms that hold it (`驿站 站`, `工会 会`, `"工会 驿站" 站`),
//! counted from the index (issue 12: typed on the way to `驿站 站点`, such a query read every
//! candidate, 12.5 s at a million articles): the command line's ranking and the reader's
//! count give the in-memory engine's articles, hits and title hits.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod support;

use kanbao::index;
use kanbao::search::{Query, SearchIndex};
use support::{Results, in_memory_results};
use tempfile::TempDir;

/// Queries whose one-character terms the longer ones hold (as written, and in another
/// order, with a character none holds, with two characters).
const QUERIES: [&str; 8] = [
    "驿站 站",
    "站 驿站",
    "工会 会",
    "工会服务站 站 会",
    "\"工会 驿站\" 站",
    "驿站 站 工",
    "服务站 务 站",
    "司机 机 驿站",
];

#[test]
fn a_character_inside_longer_terms_is_counted_from_the_index() {
    let dir = TempDir::new().unwrap();
    let (root, file) = (dir.path().join("cache"), dir.path().join("a.jsonl"));
    let mut data = Vec::new();
    kanbao::archive::generate(400, 33, &mut data).unwrap();
    std::fs::write(&file, data).unwrap();
    let mut notes = Vec::new();
    index::update(&root, &file, &mut notes, &mut |_, _, _| {}).unwrap();
    let archive = index::open_in(&root, &file, &mut notes).unwrap();
    let (collection, _) = kanbao::load::load(Some(&file)).unwrap();
    for text in QUERIES {
        let query = Query::parse(text);
        let mut want = in_memory_results(&collection, &query);
        want.sort();
        assert!(want.len() > 20, "{text}: too few matches to tell");
        // The command line: ranked from the index, each match with its hits.
        let found = archive.matches(&query).unwrap();
        let found = found.unwrap_or_else(|| panic!("{text}: not counted by the index"));
        let articles = archive.read_matches(&found).unwrap();
        let mut got: Results = articles
            .into_iter()
            .zip(&found)
            .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
            .collect();
        got.sort();
        assert_eq!(got, want, "{text}: command line");
        // The reader: places of the collection order with their hits, as the loaded
        // reader counts them (exactly for literal terms alone, summed beside a phrase with
        // gaps).
        let loaded = SearchIndex::new(collection.as_slice());
        let hits = loaded.search_cancellable(&query, &|| false).unwrap();
        let mut want: Results = hits
            .iter()
            .map(|h| (collection[h.index].id.clone(), h.hits, h.title_hits))
            .collect();
        want.sort();
        let summed = archive.summed_places(&query, &|| false).unwrap();
        let summed = summed.unwrap_or_else(|| panic!("{text}: not summed by the index"));
        let places: Vec<u32> = summed.iter().map(|c| c.0).collect();
        let mut read: Results = archive
            .articles(&places)
            .unwrap()
            .into_iter()
            .zip(&summed)
            .map(|(a, c)| (a.id, c.1 as usize, c.2 as usize))
            .collect();
        read.sort();
        assert_eq!(read, want, "{text}: reader");
    }
}
