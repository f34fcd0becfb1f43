//! The query parser and matcher on any query and text: highlight ranges are sorted,
//! non-overlapping, on character boundaries and non-empty; snippets fit their width; the
//! index (UTF-16) and the one-shot search agree, and with one term they find the article
//! exactly when the highlighter finds a match in it.
#![no_main]
use kanbao::article::Article;
use kanbao::search::{Query, SearchIndex, find_matches, search_articles, snippet};
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|input: (&str, &str, u8)| {
    let (query, text, width) = input;
    let query = Query::parse(query);
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
