//! Terms whose matches may overlap, counted from the index (issue 12), against the
//! in-memory engine over archives larger than one window:
//! - several terms counted together a window of documents at a time (32 dense pinyin terms
//!   held a segment's matches of each, 1.4 GB);
//! - one character beside longer terms that hold it (`驿站 站`, `工会 会`, `"工会 驿站" 站`:
//!   typed on the way to `驿站 站点`, such a query read every candidate, 12.5 s at a million
//!   articles), on the command line and in the reader.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::collection::Collection;
use kanbao::index::{self, Archive};
use kanbao::search::{Query, SearchIndex};
use support::{Results, in_memory_results};
use tempfile::TempDir;

/// `n` generated articles (seed `seed`) in one file, indexed, with the folder that holds
/// them and the same file loaded whole.
fn indexed(n: usize, seed: u64) -> (TempDir, Archive, Collection) {
    let dir = TempDir::new().unwrap();
    let (root, file) = (dir.path().join("cache"), dir.path().join("a.jsonl"));
    let mut data = Vec::new();
    kanbao::archive::generate(n, seed, &mut data).unwrap();
    std::fs::write(&file, data).unwrap();
    let mut notes = Vec::new();
    index::update(&root, &file, &mut notes, &mut |_, _, _| {}).unwrap();
    let archive = index::open_in(&root, &file, &mut notes).unwrap();
    let (collection, _) = kanbao::load::load(Some(&file)).unwrap();
    (dir, archive, collection)
}

/// Every match of `text` as the command line ranks it from the index (panics when the
/// index does not count it), and as the in-memory engine finds it, each sorted by id.
fn counted_and_wanted(
    archive: &Archive,
    collection: &Collection,
    text: &str,
) -> (Results, Results) {
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
    let mut want = in_memory_results(collection, &query);
    want.sort();
    assert!(want.len() > 20, "{text}: too few matches to tell");
    (got, want)
}

#[test]
fn terms_counted_together_over_many_windows_equal_in_memory() {
    // 700 articles: six windows of 128.
    let (_dir, archive, collection) = indexed(700, 21);
    for text in [
        "gonghui 驿站",
        "gonghui siji",
        "zh sh ch",
        "工会 会员",
        "shahe gonghui fuwuzhan",
        "\"gonghui yizhan\" 驿站",
        "\"工会 驿站\" gonghui",
    ] {
        let (got, want) = counted_and_wanted(&archive, &collection, text);
        assert!(want.len() > 100, "{text}: too few matches to cross windows");
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_character_inside_longer_terms_is_counted_from_the_index() {
    let (_dir, archive, collection) = indexed(400, 33);
    // As written, in another order, with a character none holds, with two characters.
    for text in [
        "驿站 站",
        "站 驿站",
        "工会 会",
        "工会服务站 站 会",
        "\"工会 驿站\" 站",
        "驿站 站 工",
        "服务站 务 站",
        "司机 机 驿站",
    ] {
        let (got, want) = counted_and_wanted(&archive, &collection, text);
        assert_eq!(got, want, "{text}: command line");
        // The reader: places of the collection order with their hits, as the loaded
        // reader counts them (exactly for literal terms alone, summed beside a phrase with
        // gaps).
        let query = Query::parse(text);
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
