//! The query parser and matcher on any query and text: highlight ranges are sorted,
//! non-overlapping, on character boundaries and non-empty; snippets fit their width; the
//! index (UTF-16) and the one-shot search agree, and with one term they find the article
//! exactly when the highlighter finds a match in it. Parsing never panics and never yields
//! more than the limits (`MAX_TERMS` terms from `MAX_QUERY_CHARS` characters); `try_parse`
//! refuses exactly the blank queries and those over the limits, and otherwise agrees with
//! `parse`.
#![no_main]
use kanbao::article::Article;
use kanbao::search::{
    MAX_QUERY_CHARS, MAX_TERMS, Query, QueryError, SearchIndex, find_matches, search_articles,
    snippet,
};
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

/// The limits hold for `typed`; returns its lenient parse.
fn check_limits(typed: &str) -> Query {
    let query = Query::parse(typed);
    assert!(query.terms().len() <= MAX_TERMS, "{typed:?}");
    let chars: usize = query.terms().iter().map(|t| t.text().chars().count()).sum();
    assert!(chars <= MAX_QUERY_CHARS, "{typed:?}");
    let within = typed.chars().count() <= MAX_QUERY_CHARS;
    let texts = |q: &Query| q.terms().iter().map(|t| t.text().to_string()).collect::<Vec<_>>();
    match Query::try_parse(typed) {
        Ok(strict) => {
            assert!(within && !strict.is_empty() && strict.terms().len() <= MAX_TERMS);
            assert_eq!(texts(&strict), texts(&query), "{typed:?}");
        }
        Err(QueryError::TooLong { chars }) => assert!(!within && chars > MAX_QUERY_CHARS),
        Err(QueryError::TooManyTerms { terms }) => {
            assert!(within && terms > MAX_TERMS && query.terms().len() == MAX_TERMS);
        }
        Err(QueryError::Empty) => assert!(within && query.is_empty(), "{typed:?}"),
    }
    query
}

fuzz_target!(|input: (&str, &str, u8)| {
    let (typed, text, width) = input;
    // Inputs are short; the query repeated up to 64 times reaches the limits (256
    // characters, 32 terms) and exercises the cut of a long paste.
    check_limits(&typed.repeat(usize::from(width / 4) + 1));
    let query = check_limits(typed);
    let ranges = find_matches(text, &query);
    let mut end = 0;
    for r in &ranges {
        assert!(r.start >= end && r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        end = r.end;
    }
    let width = usize::from(width % 80) + 1;
    let article = Article {
        id: "1".into(),
        title: "标题".into(),
        paragraphs: vec![text.to_string()],
        ..Article::default()
    };
    let s = snippet(&article, &query, width);
    assert!(s.text.width() <= width.max(2), "{:?} at {width}", s.text);
    let articles = [article];
    let indexed = SearchIndex::new(&articles).search(&query);
    assert_eq!(indexed, search_articles(&articles, &query, [0]));
    if query.terms().len() == 1 {
        let highlighted = !find_matches(text, &query).is_empty()
            || !find_matches(&articles[0].title, &query).is_empty();
        assert_eq!(!indexed.is_empty(), highlighted, "{query:?} in {text:?}");
    }
});
