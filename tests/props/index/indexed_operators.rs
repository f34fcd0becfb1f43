//! Operators through the index, against the whole archive (property tests): an excluded
//! term, a date range, `title:`, `kind:`, `reporter:`, `district:` and `OR` groups narrow the
//! candidates and rank as the in-memory engine does, counted without reading where the index
//! answers every operator; `title:` terms counted from the index alone.

use kanbao::collection::Collection;
use kanbao::index;
use kanbao::search::Query;
use proptest::prelude::*;

use super::{fixture, open, pick, spell, term_from};
use crate::support::{Results, admitted};

/// When the index ranks `query` (`matches_within`; the answer), its matches are
/// `expected` (the in-memory engine's, filtered by the operators): the same articles; when
/// it answers every operator (`exact_ops`, nothing read) also the same hits, count and
/// order; its first rows (`best_within`) the first of its ranking.
fn ranked_through_the_index(
    archive: &index::Archive,
    query: &Query,
    expected: &Results,
    text: &str,
) -> Result<bool, TestCaseError> {
    let Some(found) = archive.matches_within(query).unwrap() else {
        return Ok(false);
    };
    let mut order = found.clone();
    order.sort_by_key(|m| m.rank);
    let ids = |found: &[index::open::Match]| -> Vec<String> {
        archive
            .read_matches(found)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect()
    };
    if index::open::exact_ops(query) {
        // Counted from the index alone (`search --count`): exactly the matches, in order.
        let hits: usize = found.iter().map(|m| m.hits()).sum();
        prop_assert_eq!(found.len(), expected.len(), "{}", text);
        prop_assert_eq!(
            hits,
            expected.iter().map(|r| r.1).sum::<usize>(),
            "{}",
            text
        );
        // And without the ranks (a two-character term by its frequency alone).
        let counted = archive.count_within(query).unwrap();
        prop_assert_eq!(counted, Some((found.len(), hits)), "{}", text);
        let want: Vec<String> = expected.iter().map(|r| r.0.clone()).collect();
        prop_assert_eq!(ids(&order), want, "{}", text);
    }
    // The first rows alone (from bounds where the index takes them), with the operators
    // applied: the first of the whole ranking.
    for k in [1, 5] {
        if let Some(best) = archive.best_within(query, k).unwrap() {
            prop_assert_eq!(
                ids(&best),
                ids(&order[..k.min(order.len())]),
                "{} k={}",
                text,
                k
            );
        }
    }
    let ranked = archive.collection_of(found).unwrap();
    prop_assert_eq!(&admitted(&ranked, query), expected, "{}", text);
    Ok(true)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A term with an excluded term and a date range, through the index without the
    /// collection order (candidates narrowed by the postings and the date columns; a ranked
    /// term's matches likewise): what the whole archive gives, in the same order.
    #[test]
    fn operators_through_the_index_equal_in_memory(
        which in 0..2usize,
        first in pick(),
        second in pick(),
        day in proptest::option::of(1..25u32),
        pinyin in any::<bool>(),
        heading in proptest::option::of((0..1000usize, 0..400usize, 0..6usize, 0..5u8)),
        district in proptest::option::of(0..1000usize),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, mode) = first;
        let term = term_from(collection, (a, p, start, len, if pinyin { mode } else { 0 }));
        let (a, p, start, len, _) = second;
        let excluded = term_from(collection, (a, p, start, len % 3, 0));
        let mut text = format!("{term} -{excluded}");
        if let Some(day) = day {
            text.push_str(&format!(" date:2019-01-{:02}..2019-01-{:02}", day, day + 3));
        }
        // A `title:` term from a title (the headings' bigrams narrow its candidates) and a
        // `district:` of some article (its district field does).
        if let Some((a, start, len, mode)) = heading {
            let t = term_from(collection, (a, 0, start, len, mode));
            if !t.is_empty() {
                text.push_str(&format!(" title:{t}"));
            }
        }
        if let Some(name) = district.and_then(|a| collection[a % collection.len()].district.clone()) {
            text.push_str(&format!(" district:{name}"));
        }
        let query = Query::parse(&text);
        let (archive, _) = open(&f.root, &f.paths[which]);
        let expected = admitted(collection, &query);
        let blocks = archive.candidate_blocks(&query).unwrap();
        let read: Vec<_> = blocks.flat_map(|b| b.unwrap().as_slice().to_vec()).collect();
        let candidates = Collection::new(None, read);
        prop_assert_eq!(admitted(&candidates, &query), expected.clone(), "{}", text);
        ranked_through_the_index(&archive, &query, &expected, &text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// `kind:`, `reporter:` (part of a name, or its pinyin), `district:` (未注明 too), an `OR` group and a
    /// pinyin `-term`, with a term or alone (operators only), through the index (format 9:
    /// fields indexed whole and the names' dictionary; pinyin terms as the index counts
    /// them): what the whole archive gives, in the same order, counted without reading.
    #[test]
    fn field_operators_through_the_index_equal_in_memory(
        which in 0..2usize,
        first in proptest::option::of(pick()),
        kind in proptest::option::of(any::<bool>()),
        reporter in proptest::option::of((0..1000usize, 0..3usize, 1..3usize, 0..5u8)),
        district in proptest::option::of(0..1000usize),
        group in proptest::option::of((pick(), pick(), 0..5u8)),
        excluded in proptest::option::of((pick(), 1..5u8)),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let mut text = first.map(|pick| term_from(collection, pick)).unwrap_or_default();
        if let Some(photo) = kind {
            text.push_str(if photo { " kind:photo" } else { " 类型:新闻" });
        }
        if let Some((a, start, len, mode)) = reporter {
            // Part of a name, as written or in pinyin.
            let names = &collection[a % collection.len()].reporters;
            if let Some(name) = names.first() {
                let chars: Vec<char> = name.chars().collect();
                let start = start % chars.len();
                let part: String = chars[start..(start + len).min(chars.len())].iter().collect();
                let part = if mode == 0 { part } else { spell(&part, mode) };
                text.push_str(&format!(" reporter:{part}"));
            }
        }
        if let Some(a) = district {
            // 未注明 when the article names no district.
            let name = collection[a % collection.len()].district.clone();
            text.push_str(&format!(" district:{}", name.as_deref().unwrap_or("未注明")));
        }
        let mut pinyin_alternative = false;
        if let Some((one, two, mode)) = group {
            let (a, p, start, len, _) = one;
            let one = term_from(collection, (a, p, start, len, 0));
            let (a, p, start, len, _) = two;
            let two = term_from(collection, (a, p, start, len, mode));
            pinyin_alternative = Query::parse(&two).terms().iter().any(|t| t.is_pinyin());
            text.push_str(&format!(" {one}|{two}"));
        }
        if let Some(((a, p, start, len, _), mode)) = excluded {
            // A pinyin `-term` (the index counts which articles hold it).
            let t = term_from(collection, (a, p, start, len, mode));
            pinyin_alternative |= Query::parse(&t).terms().iter().any(|t| t.is_pinyin());
            text.push_str(&format!(" -{t}"));
        }
        let query = Query::parse(&text);
        prop_assume!(!query.is_blank() && query.ops().any.len() <= 1);
        let (archive, _) = open(&f.root, &f.paths[which]);
        let expected = admitted(collection, &query);
        let blocks = archive.candidate_blocks(&query).unwrap();
        let read: Vec<_> = blocks.flat_map(|b| b.unwrap().as_slice().to_vec()).collect();
        prop_assert_eq!(admitted(&Collection::new(None, read), &query), expected.clone(), "{}", text);
        // Every field operator is the index's to answer, and a pinyin `OR` or `-term` as it
        // counts pinyin (not one letter, nor a term of very many ways to cut it).
        prop_assert!(index::open::exact_ops(&query) || pinyin_alternative, "{}", text);
        // Operators alone are always the index's to rank (collection order, no hits).
        let ranked = ranked_through_the_index(&archive, &query, &expected, &text)?;
        prop_assert!(ranked || !query.is_empty(), "{}", text);
    }
}

/// A `title:` term the index counts on its own is answered by the index alone: only the
/// articles where it has title hits, with every hit of the query's terms.
#[test]
fn title_terms_are_counted_from_the_index() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        for text in [
            "title:工会",
            "驿站 title:工会",
            "title:gonghui",
            "title:服务 -驿站",
        ] {
            let query = Query::parse(text);
            assert!(index::open::exact_ops(&query), "{text}");
            let expected = admitted(collection, &query);
            let hits: usize = expected.iter().map(|r| r.1).sum();
            assert!(!expected.is_empty(), "{text}");
            assert!(
                expected.len()
                    < admitted(collection, &Query::parse(&text.replace("title:", ""))).len(),
                "{text}: the headings narrow"
            );
            assert_eq!(
                archive.count_within(&query).unwrap(),
                Some((expected.len(), hits)),
                "{text}"
            );
            let found = archive.matches_within(&query).unwrap().unwrap();
            let ranked = archive.collection_of(found).unwrap();
            assert_eq!(admitted(&ranked, &query), expected, "{text}");
        }
    }
}
