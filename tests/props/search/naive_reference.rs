//! Property tests against a naive reference: the engine finds what a plain search of the
//! folded text finds (more only by pinyin), counts hits as a greedy scan does, folds as NFKC
//! then lowercase, keeps snippets and ranges in bounds on any text, and the reader's summed
//! ranking finds the same articles; a query never holds more than the limits.

use kanbao::article::Article;
use kanbao::search::fold::{Folded, fold};
use kanbao::search::{
    MAX_QUERY_CHARS, MAX_TERMS, Query, QueryError, SearchHit, SearchIndex, find_matches, snippet,
};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

use super::article;

const ALPHABET: &[char] = &[
    '工', '会', '驿', '站', '绿', '色', '行', 'a', 'b', 'm', 'M', '1', '5', '%', '１', '５', '％',
    'Ａ', 'ｍ', 'Ｍ', ' ',
];

/// The reference fold: NFKC over the whole string, then lowercase.
fn ref_fold(s: &str) -> String {
    s.nfkc().collect::<String>().to_lowercase()
}

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
        .prop_map(|v| v.into_iter().collect())
}

/// Terms hold no space (the last letter of the alphabet).
fn term_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&ALPHABET[..ALPHABET.len() - 1]), 1..4)
        .prop_map(|v| v.into_iter().collect())
}

fn articles_strategy() -> impl Strategy<Value = Vec<Article>> {
    prop::collection::vec(
        (
            text_strategy(6),
            prop::collection::vec(text_strategy(14), 0..3),
        ),
        1..8,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (title, paragraphs))| Article {
                id: i.to_string(),
                title,
                paragraphs,
                ..Article::default()
            })
            .collect()
    })
}

fn fields(a: &Article) -> Vec<String> {
    std::iter::once(&a.title)
        .chain(&a.paragraphs)
        .map(|f| ref_fold(f))
        .collect()
}

fn contains_literally(a: &Article, term: &str) -> bool {
    let t = ref_fold(term);
    fields(a).iter().any(|f| f.contains(&t))
}

/// A term the engine also matches by pinyin: ASCII letters after folding.
fn is_pinyin(term: &str) -> bool {
    let t = ref_fold(term);
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase())
}

proptest! {
    #[test]
    fn search_agrees_with_a_naive_reference(
        articles in articles_strategy(),
        terms in prop::collection::vec(term_strategy(), 1..3),
        quote in any::<bool>(),
    ) {
        let q: Vec<String> = terms
            .iter()
            .map(|t| if quote { format!("\"{t}\"") } else { t.clone() })
            .collect();
        let query = Query::parse(&q.join(" "));
        let index = SearchIndex::new(&articles);
        let found: Vec<usize> = index.search(&query).iter().map(|h| h.index).collect();
        for (i, a) in articles.iter().enumerate() {
            let literal = terms.iter().all(|t| contains_literally(a, t));
            let reported = found.contains(&i);
            if literal {
                prop_assert!(reported, "article {i} {a:?} holds {terms:?} but was not reported");
            }
            let may_use_pinyin = !quote && terms.iter().any(|t| is_pinyin(t));
            if reported && !may_use_pinyin {
                prop_assert!(literal, "article {i} {a:?} reported for {terms:?} without them");
            }
        }
    }

    #[test]
    fn single_literal_term_hits_equal_naive_count(
        articles in articles_strategy(),
        term in term_strategy(),
    ) {
        let query = Query::parse(&format!("\"{term}\""));
        let index = SearchIndex::new(&articles);
        let t = ref_fold(&term);
        for hit in index.search(&query) {
            let expected: usize = fields(&articles[hit.index])
                .iter()
                .map(|f| f.match_indices(&t).count())
                .sum();
            prop_assert_eq!(hit.hits, expected);
        }
    }

    #[test]
    fn match_ranges_fold_to_a_term(
        text in text_strategy(30),
        terms in prop::collection::vec(term_strategy(), 1..3),
    ) {
        let quoted: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
        let ranges = find_matches(&text, &Query::parse(&quoted.join(" ")));
        let folded_terms: Vec<String> = terms.iter().map(|t| ref_fold(t)).collect();
        let mut last_end = 0;
        for r in &ranges {
            prop_assert!(r.start >= last_end && r.start < r.end);
            last_end = r.end;
            let piece = text.get(r.clone());
            prop_assert!(piece.is_some());
            let piece = ref_fold(piece.unwrap_or_default());
            prop_assert!(folded_terms.contains(&piece), "{piece:?} not in {folded_terms:?}");
        }
    }

    #[test]
    fn snippets_fit_and_highlight_inside(
        articles in articles_strategy(),
        term in term_strategy(),
        width in 0usize..30,
    ) {
        let query = Query::parse(&term);
        for a in &articles {
            let s = snippet(a, &query, width);
            prop_assert!(s.text.width() <= width, "{:?} wider than {width}", s.text);
            let mut last_end = 0;
            for r in &s.highlights {
                prop_assert!(s.text.get(r.clone()).is_some());
                prop_assert!(r.start >= last_end);
                last_end = r.end;
            }
        }
    }

    #[test]
    fn both_folds_agree_on_any_text(text in any::<String>()) {
        let mapped = Folded::new(&text);
        prop_assert_eq!(&mapped.text, &fold(&text));
    }

    #[test]
    fn fold_is_nfkc_lowercase_on_the_alphabet(text in text_strategy(30)) {
        prop_assert_eq!(fold(&text), ref_fold(&text));
    }

    #[test]
    fn any_query_on_any_text_never_panics(text in any::<String>(), q in any::<String>(), width in 0usize..20) {
        let query = Query::parse(&q);
        for r in find_matches(&text, &query) {
            prop_assert!(text.get(r).is_some());
        }
        let a = article("x", Some(&text), &text, &[&text]);
        let s = snippet(&a, &query, width);
        prop_assert!(s.text.width() <= width);
        let _ = SearchIndex::new(std::slice::from_ref(&a)).search(&query);
    }

    #[test]
    fn index_hits_equal_highlight_count_for_any_term(
        articles in articles_strategy(),
        terms in prop::collection::vec(
            prop::sample::select(&["gh", "gonghui", "hang", "xing", "lvse", "luse", "hy", "m", "ma", "1５", "%"][..]),
            1..3,
        ),
    ) {
        let query = Query::parse(&terms.join(" "));
        let index = SearchIndex::new(&articles);
        for hit in index.search(&query) {
            let a = &articles[hit.index];
            let all: usize = std::iter::once(&a.title)
                .chain(&a.paragraphs)
                .map(|f| find_matches(f, &query).len())
                .sum();
            prop_assert_eq!(hit.hits, all);
            prop_assert_eq!(hit.title_hits, find_matches(&a.title, &query).len());
        }
    }
    #[test]
    fn several_literal_terms_hits_equal_a_naive_greedy_count(
        articles in articles_strategy(),
        terms in prop::collection::vec(term_strategy(), 2..4),
    ) {
        let q: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
        let query = Query::parse(&q.join(" "));
        let index = SearchIndex::new(&articles);
        let folded: Vec<String> = terms.iter().map(|t| ref_fold(t)).collect();
        // Leftmost first, longest first at equal starts, skipping overlaps.
        let count = |field: &str| -> usize {
            let mut ranges: Vec<(usize, usize)> = folded
                .iter()
                .flat_map(|t| field.match_indices(t.as_str()).map(|(s, m)| (s, s + m.len())))
                .collect();
            ranges.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let mut end = 0;
            ranges.iter().filter(|r| {
                let keep = r.0 >= end;
                if keep {
                    end = r.1;
                }
                keep
            }).count()
        };
        let found = index.search(&query);
        for (i, a) in articles.iter().enumerate() {
            let fs = fields(a);
            let every = folded.iter().all(|t| fs.iter().any(|f| f.contains(t.as_str())));
            let hit = found.iter().find(|h| h.index == i);
            prop_assert_eq!(hit.is_some(), every, "article {} {:?} for {:?}", i, a, terms);
            if let Some(hit) = hit {
                prop_assert_eq!(hit.hits, fs.iter().map(|f| count(f)).sum::<usize>());
                prop_assert_eq!(hit.title_hits, count(&fs[0]));
            }
        }
    }
}

proptest! {
    /// The reader's search ranks several terms with pinyin by the sum of each term's hits
    /// (no second pass): the same articles as the exact search, each with at least as many
    /// hits, and exactly the per-term sum. Literal terms alone are counted exactly by both.
    #[test]
    fn the_readers_search_finds_the_same_articles_ranked_by_summed_hits(
        articles in articles_strategy(),
        terms in prop::collection::vec(term_strategy(), 2..4),
    ) {
        let index = SearchIndex::new(&articles);
        let query = Query::parse(&terms.join(" "));
        let exact = index.search(&query);
        let summed = index.search_cancellable(&query, &|| false).expect("not cancelled");
        let ids = |hits: &[SearchHit]| {
            let mut ids: Vec<usize> = hits.iter().map(|h| h.index).collect();
            ids.sort_unstable();
            ids
        };
        prop_assert_eq!(ids(&exact), ids(&summed));
        // A term typed again is the same term, searched once.
        let key = |t: &String| {
            Query::parse(t).terms().first().map(|x| (x.folded().to_string(), x.is_pinyin()))
        };
        let mut distinct: Vec<&String> = Vec::new();
        for t in &terms {
            if !distinct.iter().any(|d| key(d) == key(t)) {
                distinct.push(t);
            }
        }
        for hit in &summed {
            let each: usize = distinct
                .iter()
                .map(|t| {
                    index
                        .search(&Query::parse(t))
                        .iter()
                        .find(|h| h.index == hit.index)
                        .map_or(0, |h| h.hits)
                })
                .sum();
            let exact_hits = exact.iter().find(|h| h.index == hit.index).map_or(0, |h| h.hits);
            if query.terms().iter().any(|t| t.is_pinyin()) {
                prop_assert_eq!(hit.hits, each);
                prop_assert!(hit.hits >= exact_hits);
            } else {
                prop_assert_eq!(hit.hits, exact_hits);
            }
        }
    }
}

/// Text a query may be made of: terms, spaces of both widths, quote marks of every kind,
/// controls, zero-width characters, pinyin letters.
fn query_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "a", "gonghui", "工会", " ", "\u{3000}", "\"", "“", "”", "\t", "\u{200B}", "x y", "Ｚ",
    ]);
    prop::collection::vec(piece, 0..400).prop_map(|p| p.concat())
}

proptest! {
    /// Whatever is typed or pasted, a query never holds more than the limits: at most
    /// `MAX_TERMS` terms made from at most `MAX_QUERY_CHARS` characters. `try_parse`
    /// refuses exactly what is blank or over the limits, and otherwise agrees with `parse`
    /// (which leaves out a lone `-` that ends the query, not generated here).
    #[test]
    fn parse_never_yields_more_than_the_limits(input in query_text()) {
        let query = Query::parse(&input);
        prop_assert!(query.terms().len() <= MAX_TERMS);
        let chars: usize = query.terms().iter().map(|t| t.text().chars().count()).sum();
        prop_assert!(chars <= MAX_QUERY_CHARS);
        let typed = input.chars().count();
        match Query::try_parse(&input) {
            Ok(strict) => {
                prop_assert!(typed <= MAX_QUERY_CHARS && !strict.is_empty());
                let texts = |q: &Query| q.terms().iter().map(|t| t.text().to_string()).collect::<Vec<_>>();
                prop_assert_eq!(texts(&strict), texts(&query));
            }
            Err(QueryError::TooLong { chars }) => {
                prop_assert_eq!(chars, typed);
                prop_assert!(typed > MAX_QUERY_CHARS);
            }
            Err(QueryError::TooManyTerms { terms }) => {
                prop_assert!(typed <= MAX_QUERY_CHARS && terms > MAX_TERMS);
                prop_assert_eq!(query.terms().len(), MAX_TERMS);
            }
            Err(QueryError::Empty) => {
                prop_assert!(typed <= MAX_QUERY_CHARS && query.is_empty());
            }
            Err(
                e @ (QueryError::BadValue { .. }
                | QueryError::Negated { .. }
                | QueryError::NegatedAlternative { .. }),
            ) => {
                prop_assert!(false, "no operator or `-` here: {e:?}")
            }
        }
    }
}
