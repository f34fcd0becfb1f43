//! A quoted Han phrase with gaps (`"工会 驿站"`: each space typed matches nothing or any run
//! of whitespace but a line break) counted from the index's positions alone (issue 12):
//! over an archive whose text is a few Han characters and many kinds of whitespace, the
//! index finds exactly the in-memory engine's articles, hits and title hits, in its order,
//! on the command line as without the index.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::collection::Collection;
use kanbao::index;
use kanbao::search::Query;
use proptest::prelude::*;
use serde_json::json;
use support::cli::{kanbao_in, stdout};
use support::{Results, act, admitted, in_memory_results as in_memory, shown_ids};
use tempfile::TempDir;

/// The pieces of the archive's text: four Han characters and words of them, whitespace
/// that folding keeps (space, tab, \r, U+000B, U+000C, U+0085, U+1680, U+2028, U+2029) or
/// turns into a space (U+3000, U+00A0, U+2003, U+202F, U+205F), a zero-width space (dropped
/// by folding), a Latin letter, and the syllables of the characters written out (the
/// literal form of a quoted phrase of syllables, `"gonghui yizhan"`).
const ALPHABET: &[&str] = &[
    "工",
    "会",
    "驿",
    "站",
    "工会",
    "驿站",
    "工会驿站",
    "工会驿站",
    " ",
    " ",
    "  ",
    "\t",
    "\r",
    "\u{b}",
    "\u{c}",
    "\u{85}",
    "\u{1680}",
    "\u{2028}",
    "\u{2029}",
    "\u{3000}",
    "\u{a0}",
    "\u{2003}",
    "\u{202f}",
    "\u{205f}",
    "\u{200b}",
    "a",
    "gong",
    "hui",
    "yi",
    "zhan",
];

/// A small random generator (the archive is the same on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn text(&mut self, most: usize) -> String {
        let n = self.next(most + 1);
        (0..n)
            .map(|_| ALPHABET[self.next(ALPHABET.len())])
            .collect()
    }
}

/// 150 articles: titles, kickers and paragraphs of the alphabet above.
fn articles() -> Vec<serde_json::Value> {
    let mut rng = Lcg(7);
    (0..150)
        .map(|i| {
            let paragraphs: Vec<String> = (0..1 + rng.next(3)).map(|_| rng.text(40)).collect();
            json!({
                "id": format!("a{i}"),
                "title": format!("题{}", rng.text(10)),
                "kicker": rng.text(6),
                "date": format!("2024-03-{:02}", 1 + i % 28),
                "paragraphs": paragraphs,
            })
        })
        .collect()
}

struct Fixture {
    dir: TempDir,
    root: PathBuf,
    path: PathBuf,
    collection: Collection,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = TempDir::new().unwrap();
        let root = dir.path().join("cache");
        let path = dir.path().join("spaced.jsonl");
        let lines: Vec<String> = articles().iter().map(|a| a.to_string()).collect();
        std::fs::write(&path, lines.join("\n")).unwrap();
        let mut notes = Vec::new();
        index::update(&root, &path, &mut notes, &mut |_, _, _| {}).unwrap();
        let collection = kanbao::load::load(Some(&path)).unwrap().0;
        Fixture {
            dir,
            root,
            path,
            collection,
        }
    })
}

/// The index's count of `query` (`None`: it leaves the query to the matcher), best first.
fn counted(archive: &index::Archive, query: &Query) -> Option<Results> {
    let mut found = archive.matches(query).unwrap()?;
    found.sort_unstable_by_key(|m| m.rank);
    let articles = archive.read_matches(&found).unwrap();
    Some(
        articles
            .into_iter()
            .zip(&found)
            .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
            .collect(),
    )
}

fn open() -> index::Archive {
    let f = fixture();
    let mut notes = Vec::new();
    let archive = index::open_in(&f.root, &f.path, &mut notes).expect("an indexed archive");
    assert!(notes.is_empty(), "{notes:?}");
    archive
}

/// A piece of the phrase: one to three of the Han characters.
fn piece() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(vec!['工', '会', '驿', '站']), 1..4)
        .prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Two or three pieces with a space, two or a full-width one typed between: counted from
    /// the index, the same articles with the same hits and title hits, in the same order.
    #[test]
    fn a_phrase_with_gaps_counted_from_the_index_equals_in_memory(
        pieces in proptest::collection::vec(piece(), 2..4),
        gap in proptest::sample::select(vec![" ", "  ", "\u{3000}"]),
    ) {
        let text = format!("\"{}\"", pieces.join(gap));
        // With a term that shares no character with it, on the command line too.
        let apart = Query::parse(&format!("{text} 题"));
        prop_assert_eq!(
            counted(&open(), &apart),
            Some(in_memory(&fixture().collection, &apart)),
            "{} 题",
            text
        );
        // With a term it may overlap, counted together (`Counter::Together`).
        let together = Query::parse(&format!("{text} 会驿"));
        prop_assert_eq!(
            counted(&open(), &together),
            Some(in_memory(&fixture().collection, &together)),
            "{} 会驿",
            text
        );
        let query = Query::parse(&text);
        let expected = in_memory(&fixture().collection, &query);
        let archive = open();
        let found = counted(&archive, &query);
        prop_assert_eq!(found, Some(expected.clone()), "{}", text);
        // The first rows alone (`search | head`), found from bounds on its bigrams'
        // frequencies: the first of the whole ranking.
        for k in [1, 3, 10] {
            let best = archive.best_within(&query, k).unwrap().expect("counted");
            let ids: Vec<String> = archive.read_matches(&best).unwrap().into_iter().map(|a| a.id).collect();
            let want: Vec<String> = expected.iter().take(k).map(|r| r.0.clone()).collect();
            prop_assert_eq!(&ids, &want, "{} k={}", text, k);
            // The reader's first screen, shown while the whole ranking is counted: the same.
            let Some(first) = archive.first_rows(&query, k).unwrap() else {
                // Only a phrase of pieces of one character has no bigram to bound it by.
                prop_assert!(pieces.iter().all(|p| p.chars().count() == 1), "{}", text);
                continue;
            };
            let places: Vec<u32> = first.iter().map(|f| f.0).collect();
            let shown: Vec<String> = archive.articles(&places).unwrap().into_iter().map(|a| a.id).collect();
            prop_assert_eq!(shown, want, "{} k={}", text, k);
        }
    }
}

/// A word of a quoted phrase of syllables: the characters' readings, their first letters,
/// or another reading of 会 (kuai).
fn syllables() -> impl Strategy<Value = String> {
    proptest::sample::select(vec![
        "gong", "hui", "gonghui", "yi", "zhan", "yizhan", "g", "h", "gh", "yz", "kuai", "gongh",
        "zh",
    ])
    .prop_map(String::from)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A quoted phrase of syllables (`"gonghui yizhan"`) matches by pinyin as its words
    /// written together do, and literally as a phrase with gaps. Until session 27 every
    /// article holding its pieces was read (10–20 s at a million articles); the index now
    /// counts both forms: the same articles, hits, title hits and order as in memory, alone,
    /// with a term it may overlap (`Counter::Together`), left out and in an `OR` group.
    #[test]
    fn a_phrase_of_syllables_counted_from_the_index_equals_in_memory(
        words in proptest::collection::vec(syllables(), 2..4),
        gap in proptest::sample::select(vec![" ", "  ", "\u{3000}"]),
        other in proptest::sample::select(vec!["", " 驿站", " 工会", " hui", " -\"站 工\"", "|站站"]),
    ) {
        let phrase = format!("\"{}\"", words.join(gap));
        let text = match other.strip_prefix('|') {
            Some(or) => format!("驿站 {phrase}|{or}"),
            None => format!("{phrase}{other}"),
        };
        let query = Query::parse(&text);
        let archive = open();
        let expected = admitted(&fixture().collection, &query);
        let Some(mut found) = archive.matches_within(&query).unwrap() else {
            // Only a term of very many shapes is left to the matcher, as unquoted.
            let joined = Query::parse(&words.concat());
            prop_assert!(archive.matches_within(&joined).unwrap().is_none(), "{}", text);
            return Ok(());
        };
        found.sort_unstable_by_key(|m| m.rank);
        let read = archive.read_matches(&found).unwrap();
        // A term of very many shapes after `-` or in a group is no operator the index
        // answers: the rows are then checked by the matcher as they are written (`search`).
        let checked = index::open::exact_ops(&query);
        let got: Results = read
            .into_iter()
            .zip(&found)
            .filter(|(a, _)| checked || query.admits(a))
            .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
            .collect();
        prop_assert_eq!(got, expected.clone(), "{}", text);
        if other.is_empty() {
            for k in [1, 3, 10] {
                let best = archive.best_within(&query, k).unwrap().expect("counted");
                let ids: Vec<String> = archive.read_matches(&best).unwrap().into_iter().map(|a| a.id).collect();
                let want: Vec<String> = expected.iter().take(k).map(|r| r.0.clone()).collect();
                prop_assert_eq!(&ids, &want, "{} k={}", text, k);
                if let Some(first) = archive.first_rows(&query, k).unwrap() {
                    let places: Vec<u32> = first.iter().map(|f| f.0).collect();
                    let shown: Vec<String> = archive.articles(&places).unwrap().into_iter().map(|a| a.id).collect();
                    prop_assert_eq!(shown, want, "{} k={}", text, k);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A phrase with gaps left out (`-"工会 驿站"`) or one of an `OR` group: the index knows
    /// which articles hold it, so it answers the query alone (`exact_ops`: nothing read),
    /// with the in-memory engine's articles, hits and order.
    #[test]
    fn a_phrase_with_gaps_left_out_or_in_an_or_group_equals_in_memory(
        pieces in proptest::collection::vec(piece(), 2..4),
        lead in proptest::sample::select(vec!["驿站", "工会", "站"]),
        or in proptest::option::of(proptest::sample::select(vec!["工工", "站站", "站工"])),
    ) {
        let phrase = format!("\"{}\"", pieces.join(" "));
        let text = match or {
            Some(other) => format!("{lead} {phrase}|{other}"),
            None => format!("{lead} -{phrase}"),
        };
        let query = Query::parse(&text);
        prop_assert!(index::open::exact_ops(&query), "{}", text);
        let archive = open();
        let mut found = archive.matches_within(&query).unwrap().expect("ranked by the index");
        found.sort_unstable_by_key(|m| m.rank);
        let read = archive.read_matches(&found).unwrap();
        let got: Results = read
            .into_iter()
            .zip(&found)
            .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
            .collect();
        prop_assert_eq!(got, admitted(&fixture().collection, &query), "{}", text);
    }
}

/// Phrases of every kind of gap the text holds, a match at the end of a heading, and
/// overlapping starts: each counted from the index as in memory, and most of them match.
#[test]
fn phrases_with_gaps_found_in_the_archive_equal_in_memory() {
    let archive = open();
    let mut matched = 0;
    for text in [
        "\"工会 驿站\"",
        "\"会会 会\"",
        "\"工工 工工\"",
        "\"驿站 工会 驿站\"",
        "\"站站 站站\"",
        "\"题工 会\"",
        "\"会驿 站工\"",
        "\"工 会\"",
        "\"站 工 会\"",
        "\"工会 驿\"",
    ] {
        let query = Query::parse(text);
        let expected = in_memory(&fixture().collection, &query);
        matched += usize::from(!expected.is_empty());
        // `"会会 会"` and `"题工 会"` have a piece of one character, found by the bigrams
        // next to it.
        assert_eq!(counted(&archive, &query), Some(expected), "{text}");
    }
    assert!(
        matched >= 5,
        "the archive should hold most of these: {matched}"
    );
}

/// On the command line, through the index and without it: the same rows, and the same count.
#[test]
fn search_of_a_phrase_with_gaps_is_the_same_with_and_without_the_index() {
    let f = fixture();
    let data = f.path.display().to_string();
    let cache = f.dir.path().join("cli-cache");
    std::fs::create_dir_all(&cache).unwrap();
    let run = |args: &[&str]| {
        let out = kanbao_in(Path::new(&cache)).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout(&out)
    };
    run(&["index", &data]);
    for query in [
        "\"工会 驿站\"",
        "\"驿站 工会 驿站\"",
        "\"工会 驿站\" 站",
        "驿站 -\"工会 驿站\"",
        "工会 \"站站 驿站\"|站工",
        "\"工会 驿站\" 题",
        "题 \"会 驿\" \"站 站\"",
        "\"gonghui yizhan\"",
        "\"gong hui\" 驿站",
        "\"工会 驿站\" 会驿",
    ] {
        for extra in [&[][..], &["--count"][..]] {
            let mut args = vec!["--data", &data, "search"];
            args.extend(extra);
            args.extend(["--", query]);
            let indexed = run(&args);
            let mut plain = args.clone();
            plain.insert(0, "--no-index");
            assert_eq!(indexed, run(&plain), "{query} {extra:?}");
            assert!(
                !indexed.trim().is_empty() && !indexed.starts_with('0'),
                "{query}: {indexed}"
            );
        }
    }
}

/// The reader over the index lists what the reader over the archive loaded whole lists, and
/// says the same (its status line counts the hits).
#[test]
fn the_reader_finds_a_phrase_with_gaps_as_in_memory() {
    let f = fixture();
    let opts = || Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut memory = support::app_over(f.collection.clone(), opts());
    let mut indexed = support::app_over(support::indexed_collection(&f.root, &f.path), opts());
    let search = |app: &mut App, query: &str| {
        act(app, Action::Resize(100, 30));
        act(app, Action::ClearFilters);
        act(app, Action::OpenSearch);
        act(app, Action::SearchInput(query.into()));
        act(app, Action::SearchAccept);
    };
    // Alone: with another term the reader over the index sums their hits (docs/search.md
    // §10), which orders otherwise than the exact count of a small archive loaded whole.
    for query in [
        "\"工会 驿站\"",
        "\"驿站 工会\"",
        "\"站站 工会 驿站\"",
        "\"gonghui yizhan\"",
        "\"gong h\"",
    ] {
        search(&mut memory, query);
        search(&mut indexed, query);
        assert!(!shown_ids(&memory).is_empty(), "{query}");
        assert_eq!(shown_ids(&memory), shown_ids(&indexed), "{query}");
        assert_eq!(
            support::screen(&memory, 100, 30),
            support::screen(&indexed, 100, 30),
            "{query}"
        );
    }
}

/// Asserts that the reader's sum of each term's hits of `text`, counted from the index, is
/// what the loaded reader's sum gives (`Count::Sum`), for the same articles in the same
/// order.
fn summed_like_the_loaded_reader(archive: &index::Archive, text: &str) {
    let f = fixture();
    let everything = kanbao::search::SearchIndex::new(f.collection.as_slice());
    let query = Query::parse(text);
    let summed = archive.summed_places(&query, &|| false).unwrap();
    let mut summed = summed.expect("counted from the index");
    summed.sort_by_key(|c| (c.2 == 0, std::cmp::Reverse(c.1), c.0));
    let places: Vec<u32> = summed.iter().map(|c| c.0).collect();
    let ids = archive.articles(&places).unwrap().into_iter().map(|a| a.id);
    let got: Results = ids
        .zip(&summed)
        .map(|(id, c)| (id, c.1 as usize, c.2 as usize))
        .collect();
    let hits = everything.search_cancellable(&query, &|| false).unwrap();
    let want: Results = hits
        .iter()
        .filter(|h| query.admits(&f.collection[h.index]))
        .map(|h| (f.collection[h.index].id.clone(), h.hits, h.title_hits))
        .collect();
    assert!(!want.is_empty(), "{text}");
    assert_eq!(got, want, "{text}");
}

/// With other terms, the reader over the index sums each term's hits (`Count::Sum`, as it
/// does reading the candidates, docs/search.md §10): counted from the index, the phrase's
/// hits are what the in-memory engine's sum gives, for the same articles in the same order.
/// Until session 26 such a query read every candidate (7–20 s at a million articles).
#[test]
fn the_reader_sums_a_phrase_with_gaps_and_other_terms_from_the_index() {
    let archive = open();
    for text in [
        "\"工会 驿站\" 站",
        "驿站 \"工 会\"",
        "\"工会 驿站\" \"站 工\"",
        "\"会 驿\" 工会驿站 -\"站 站\"",
    ] {
        summed_like_the_loaded_reader(&archive, text);
    }
}

/// A pinyin letter beside other terms, which its matches may overlap (会 reads kuai, 工
/// gong), typed on the way to a longer word: the reader's sum of each term's hits from the
/// index (the letter from its frequencies) is what the loaded reader's sum gives. It read
/// every candidate before (10–12 s at 1M).
#[test]
fn the_reader_sums_a_letter_and_other_terms_from_the_index() {
    let archive = open();
    for text in [
        "工会 k",
        "g 工会",
        "y 驿站",
        "z 站",
        "g h",
        "gonghui g",
        "title:工 g",
    ] {
        summed_like_the_loaded_reader(&archive, text);
    }
}
