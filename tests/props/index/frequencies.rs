//! Terms counted from frequencies alone (formats 7 and 8): one character, one pinyin letter,
//! a letter beside words it cannot overlap, and a letter left out or in an `OR` group give
//! the in-memory engine's articles, hits, title hits, order and count.

use kanbao::collection::Collection;
use kanbao::index;
use kanbao::search::Query;
use tempfile::TempDir;

use super::{fixture, ids_of, open, update};
use crate::support::{Results, admitted};

/// Whether the index counts `query` (with its operators) from the postings; if it does,
/// checks its articles, hits and title hits, its order (without operators) and its count
/// against the in-memory engine over `collection`.
fn counted_like_memory(archive: &index::Archive, collection: &Collection, query: &Query) -> bool {
    let Some(found) = archive.matches_within(query).unwrap() else {
        return false;
    };
    let mut expected = admitted(collection, query);
    let order: Vec<String> = expected.iter().map(|r| r.0.clone()).collect();
    expected.sort();
    let articles = archive.read_matches(&found).unwrap();
    let mut got: Results = articles
        .into_iter()
        .zip(&found)
        .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
        .collect();
    got.sort();
    assert_eq!(got, expected, "{query:?}");
    assert!(index::open::exact_ops(query), "{query:?}");
    if query.ops().is_empty() {
        let places = archive.ranked(query).unwrap().unwrap_or_default();
        assert_eq!(ids_of(archive, &places), order, "{query:?}");
    }
    let hits: usize = expected.iter().map(|r| r.1).sum();
    assert_eq!(
        archive.count_within(query).unwrap(),
        Some((expected.len(), hits)),
        "{query:?}"
    );
    true
}

/// A term of one character (format 7: `uni` with frequencies, `huni` for the headings) is
/// counted from frequencies alone: every character of some articles (Han, punctuation,
/// digits, full-width forms), alone, as `title:`, with another term and with an excluded
/// one, gives the in-memory engine's articles, hits and title hits, in its order; one that
/// another term holds (`工 工会`) is left to the matcher.
#[test]
fn one_character_is_counted_from_frequencies() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        let mut chars: Vec<char> = (0..collection.len())
            .step_by(41)
            .flat_map(|i| {
                let a = &collection[i];
                let text = format!("{}{}", a.title, a.paragraphs.concat());
                text.chars().step_by(97).collect::<Vec<_>>()
            })
            .filter(|c| !c.is_whitespace() && !c.is_ascii_alphabetic() && *c != '"')
            .collect();
        chars.extend(['１', '，', '%', '工', '会', '站']);
        chars.sort_unstable();
        chars.dedup();
        assert!(chars.len() > 15, "{chars:?}");
        for c in chars {
            for text in [
                c.to_string(),
                format!("title:{c}"),
                format!("{c} 驿站"),
                format!("{c} -司机"),
            ] {
                let query = Query::parse(&text);
                if query.terms().iter().any(|t| t.is_pinyin()) {
                    continue;
                }
                if !counted_like_memory(&archive, collection, &query) {
                    let holds = text.contains("驿站") && "驿站".contains(c);
                    assert!(holds, "{text}: not counted");
                }
            }
        }
    }
}

/// A pinyin term of one letter (format 8: `pyi` with frequencies, `hpyi` for the headings)
/// is counted from frequencies alone: every letter, alone and as `title:`, gives the
/// in-memory engine's articles, hits, title hits, order and count.
#[test]
fn one_letter_is_counted_from_frequencies() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        let mut counted_some = 0;
        for letter in 'a'..='z' {
            for text in [letter.to_string(), format!("title:{letter}")] {
                let query = Query::parse(&text);
                assert!(counted_like_memory(&archive, collection, &query), "{text}");
                counted_some += usize::from(!admitted(collection, &query).is_empty());
            }
        }
        assert!(counted_some > 30, "{counted_some}");
    }
    // Letters written as such count too, beside the characters read with them.
    let dir = TempDir::new().unwrap();
    let (root, file) = (dir.path().join("cache"), dir.path().join("a.jsonl"));
    let mut bytes = Vec::new();
    kanbao::archive::generate(20, 4, &mut bytes).unwrap();
    bytes.extend_from_slice(
        r#"{"id":"latin","title":"Gonghui APP 工会","paragraphs":["gg 各个 Ｇ 工会 gonghui。"]}"#
            .as_bytes(),
    );
    bytes.push(b'\n');
    std::fs::write(&file, bytes).unwrap();
    update(&root, &file);
    let (archive, _) = open(&root, &file);
    let collection = kanbao::load::load(Some(&file)).unwrap().0;
    for text in ["g", "a", "p", "title:g"] {
        let query = Query::parse(text);
        assert!(counted_like_memory(&archive, &collection, &query), "{text}");
        let found = admitted(&collection, &query);
        assert!(found.iter().any(|r| r.0 == "latin"), "{text}");
    }
}

/// A pinyin letter beside words or a phrase with gaps (`北京 g`, typed on the way to `北京
/// gonghui`) is counted from frequencies when no character of theirs is one the letter
/// takes, and then gives the in-memory engine's articles, hits, title hits, order and
/// count; where one is (驿 reads yi, 会 kuai), or beside a second letter, the matches may
/// overlap and it is left to the matcher.
#[test]
fn one_letter_beside_words_it_cannot_overlap_is_counted_from_frequencies() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        for (text, apart) in [
            ("驿站 g", true),
            ("g 驿站", true),
            ("工会 x", true),
            ("司机 工会 x", true),
            ("\"工会 驿站\" x", true),
            ("title:工会 x", true),
            ("驿站 g -司机", true),
            ("驿站 y", false),
            ("z 驿站", false),
            ("工会 k", false),
            ("\"工会 驿站\" g", false),
            ("驿站 g x", false),
        ] {
            let query = Query::parse(text);
            assert!(!admitted(collection, &query).is_empty(), "{text}: no match");
            assert_eq!(
                counted_like_memory(&archive, collection, &query),
                apart,
                "{text}"
            );
            // The reader sums each term's hits from the index (tests/props/gapped.rs compares
            // that with the loaded reader's sum): the exact count where none can overlap.
            let summed = archive.summed_places(&query, &|| false).unwrap();
            assert!(summed.is_some(), "{text}: summed by the reader");
            if let Some(summed) = summed.filter(|_| apart) {
                let places: Vec<u32> = summed.iter().map(|c| c.0).collect();
                let mut got: Results = ids_of(&archive, &places)
                    .into_iter()
                    .zip(&summed)
                    .map(|(id, c)| (id, c.1 as usize, c.2 as usize))
                    .collect();
                got.sort();
                let mut expected = admitted(collection, &query);
                expected.sort();
                assert_eq!(got, expected, "{text}: summed by the reader");
            }
        }
    }
}

/// A pinyin letter left out or in an `OR` group (`驿站 -y`, typed on the way to `驿站
/// -yizhan`) is known from frequencies: the index answers the query whole, and gives the
/// in-memory engine's articles, hits, order and count (it read every candidate before:
/// 15 s at 1M).
#[test]
fn a_letter_left_out_or_in_an_or_group_is_known_from_frequencies() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        for text in [
            "驿站 -y",
            "驿站 -v",
            "工会 v|y",
            "工会 v|q",
            "gonghui -v",
            "-v",
        ] {
            let query = Query::parse(text);
            assert!(index::open::exact_ops(&query), "{text}");
            assert!(counted_like_memory(&archive, collection, &query), "{text}");
        }
    }
}
