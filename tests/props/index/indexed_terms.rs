//! Terms through the index, against the in-memory engine on generated archives (property
//! tests): literal, pinyin and several-term queries find the same articles with the same
//! hits; one term, two that cannot overlap, one pinyin term and two that may overlap are
//! ranked or counted from the postings alone, in the same order, their first rows too.

use kanbao::index;
use kanbao::search::Query;
use proptest::prelude::*;

use super::{best_ids, fixture, ids_of, indexed, open, pick, term_from};
use crate::support::{Results, in_memory_results as results};

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Literal, pinyin, mixed and several-term queries: the same articles, in the same order,
    /// with the same hits as the in-memory engine.
    #[test]
    fn indexed_search_equals_in_memory(
        which in 0..2usize,
        first in pick(),
        second in proptest::option::of(pick()),
        letters in proptest::option::of("[a-z]{1,4}"),
        gap in proptest::option::of(1..6usize),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let mut query = term_from(collection, first);
        // A quoted phrase with a space typed inside (`"工会 驿站"`, `"gong hui"`): a gap
        // that matches nothing or any whitespace, which the index must not lose.
        if let Some(at) = gap {
            let chars: Vec<char> = query.chars().collect();
            if chars.len() > 1 {
                let at = at % (chars.len() - 1) + 1;
                let (a, b): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
                query = format!("\"{a} {b}\"");
            }
        }
        if let Some(second) = second {
            query = format!("{query} {}", term_from(collection, second));
        }
        if let Some(letters) = letters {
            query = format!("{query} {letters}");
        }
        let query = Query::parse(&query);
        let (archive, notes) = open(&f.root, &f.paths[which]);
        prop_assert!(notes.is_empty(), "{notes:?}");
        prop_assert_eq!(indexed(&archive, &query), results(collection, &query));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// One literal term, ranked from the postings alone: the in-memory engine's articles in
    /// its order (when the index takes the query; it must take every term that cannot
    /// overlap itself, one character too).
    #[test]
    fn ranked_from_the_index_equals_in_memory(which in 0..2usize, first in pick()) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, _) = first;
        let term = term_from(collection, (a, p, start, len, 0));
        let query = Query::parse(&term);
        // No term at all is operators only (none here): every article, tested below.
        prop_assume!(!query.is_blank());
        let (archive, _) = open(&f.root, &f.paths[which]);
        let units: Vec<char> = query.terms().first().map(|t| t.folded().chars().collect()).unwrap_or_default();
        let n = units.len();
        let simple = query.terms().len() == 1
            && n >= 1
            && !(1..n).any(|k| units[k..] == units[..n - k]);
        // Latin letters are also pinyin, counted from the postings too (below), one too.
        let simple = simple || (query.terms().len() == 1 && query.terms()[0].is_pinyin() && n >= 1);
        let ranked = archive.ranked(&query).unwrap();
        prop_assert_eq!(ranked.is_some(), simple, "{}", term);
        if let Some(places) = ranked {
            let ids: Vec<String> = places
                .iter()
                .map(|&p| archive.articles(&[p]).unwrap().remove(0).id)
                .collect();
            let expected: Vec<String> = results(collection, &query).into_iter().map(|r| r.0).collect();
            prop_assert_eq!(&ids, &expected, "{}", term);
            // The first rows alone (`search | head`): found from bounds for a term of three
            // characters or more, the same as the first of the whole ranking.
            for k in [1, 3, 10] {
                let best = best_ids(&archive, &query, k);
                prop_assert_eq!(&best[..], &expected[..k.min(expected.len())], "{} k={}", term, k);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Two literal terms, ranked from the postings when neither can overlap the other: the
    /// in-memory engine's articles in its order, its exact hits being the two terms' sum.
    #[test]
    fn two_terms_ranked_from_the_index_equal_in_memory(which in 0..2usize, first in pick(), second in pick()) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, _) = first;
        let one = term_from(collection, (a, p, start, len, 0));
        let (a, p, start, len, _) = second;
        let two = term_from(collection, (a, p, start, len, 0));
        let text = format!("\"{one}\" \"{two}\"");
        let query = Query::parse(&text);
        let (archive, _) = open(&f.root, &f.paths[which]);
        if let Some(places) = archive.ranked(&query).unwrap() {
            let ids: Vec<String> = ids_of(&archive, &places);
            let expected: Vec<String> = results(collection, &query).into_iter().map(|r| r.0).collect();
            prop_assert_eq!(&ids, &expected, "{}", text);
            for k in [1, 4] {
                let best = best_ids(&archive, &query, k);
                prop_assert_eq!(&best[..], &expected[..k.min(expected.len())], "{} k={}", text, k);
            }
        }
    }
}

/// Every match the index counts for `query` (`None`: it cannot), as the in-memory engine
/// gives them: id, hits, title hits, sorted by id.
fn counted(archive: &index::Archive, query: &Query) -> Option<Results> {
    let found = archive.matches(query).unwrap()?;
    let articles = archive.read_matches(&found).unwrap();
    let mut out: Results = articles
        .into_iter()
        .zip(&found)
        .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
        .collect();
    out.sort();
    Some(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// One pinyin term (full, initials, mixed, the last syllable begun, or any letters, one
    /// letter too), counted from the readings and letter pairs alone (one letter from the
    /// frequencies of first letters and letters): the in-memory engine's articles with its
    /// exact hits and title hits, in its order.
    #[test]
    fn pinyin_counted_from_the_index_equals_in_memory(
        which in 0..2usize,
        first in pick(),
        mode in 1..5u8,
        letters in proptest::option::of("[a-z]{1,5}"),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, _) = first;
        let term = letters.unwrap_or_else(|| term_from(collection, (a, p, start, len, mode)));
        let query = Query::parse(&term);
        prop_assume!(query.terms().len() == 1 && query.terms()[0].is_pinyin());
        let (archive, _) = open(&f.root, &f.paths[which]);
        let mut expected = results(collection, &query);
        let order: Vec<String> = expected.iter().map(|r| r.0.clone()).collect();
        expected.sort();
        let Some(found) = counted(&archive, &query) else {
            // Only a long term with very many ways to cut it (`zhongguogongren` has 144,
            // `chuangxinfazhan` 512) is left out; one letter is counted from frequencies.
            prop_assert!(term.len() >= 12, "{}", term);
            return Ok(());
        };
        prop_assert_eq!(found, expected, "{}", term);
        let places = archive.ranked(&query).unwrap().unwrap_or_default();
        let ids: Vec<String> = ids_of(&archive, &places);
        prop_assert_eq!(&ids, &order, "{}", term);
        // The first rows alone (`search gonghui | head`): found from bounds on the
        // frequencies of the readings and letter pairs, in the text and in the headings.
        for k in [1, 3, 10] {
            let best = best_ids(&archive, &query, k);
            prop_assert_eq!(&best[..], &order[..k.min(order.len())], "{} k={}", term, k);
            // The reader's first screen, when it takes it from bounds: the same rows.
            if let Some(first) = archive.first_rows(&query, k).unwrap() {
                let places: Vec<u32> = first.iter().map(|f| f.0).collect();
                prop_assert_eq!(&ids_of(&archive, &places)[..], &best[..], "{} k={}", term, k);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Two terms whose matches may overlap (pinyin and a word, two pinyin terms, a word
    /// inside another), counted together from the index: the in-memory engine's articles
    /// with its exact hits and title hits, in its order.
    #[test]
    fn terms_counted_together_equal_in_memory(
        which in 0..2usize,
        first in pick(),
        second in pick(),
        modes in (0..5u8, 0..5u8),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, _) = first;
        let one = term_from(collection, (a, p, start, len, modes.0));
        let (a, p, start, len, _) = second;
        let two = term_from(collection, (a, p, start, len, modes.1));
        let text = format!("{one} {two}");
        let query = Query::parse(&text);
        prop_assume!(query.terms().len() == 2);
        let (archive, _) = open(&f.root, &f.paths[which]);
        let mut expected = results(collection, &query);
        let order: Vec<String> = expected.iter().map(|r| r.0.clone()).collect();
        expected.sort();
        if let Some(found) = counted(&archive, &query) {
            prop_assert_eq!(found, expected, "{}", text);
            let places = archive.ranked(&query).unwrap().unwrap_or_default();
            let ids: Vec<String> = ids_of(&archive, &places);
            prop_assert_eq!(ids, order, "{}", text);
        }
    }
}

#[test]
fn two_terms_that_cannot_overlap_are_ranked_from_the_index() {
    let f = fixture();
    let (archive, _) = open(&f.root, &f.paths[0]);
    let query = Query::parse("工会 驿站");
    let places = archive
        .ranked(&query)
        .unwrap()
        .expect("ranked from the postings");
    let ids: Vec<String> = ids_of(&archive, &places);
    let expected: Vec<String> = results(&f.collections[0], &query)
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert!(!ids.is_empty());
    assert_eq!(ids, expected);
    // Terms that may overlap (工会员 holds both) are counted together, not summed.
    let query = Query::parse("工会 会员");
    let expected: Vec<String> = results(&f.collections[0], &query)
        .into_iter()
        .map(|r| r.0)
        .collect();
    let places = archive.ranked(&query).unwrap().expect("counted together");
    let ids: Vec<String> = ids_of(&archive, &places);
    assert_eq!(ids, expected);
}
