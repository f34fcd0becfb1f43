// SHIM: replaced by the real module at merge
//! Search (naive stand-in until the real search engine lands): ASCII-case-insensitive
//! substring terms, all of which must match.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::article::Article;
use crate::layout::{AmbiguousWidth, display_width, sanitize};

/// A parsed query: terms separated by spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    /// Splits `text` into terms.
    pub fn parse(text: &str) -> Query {
        Query {
            terms: text
                .split([' ', '\u{3000}'])
                .filter(|t| !t.is_empty())
                .map(str::to_ascii_lowercase)
                .collect(),
        }
    }

    /// True when the query has no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// One article that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    /// Index into the articles the index was built from.
    pub index: usize,
    /// Matches in all fields.
    pub hits: usize,
    /// Matches in the title.
    pub title_hits: usize,
}

/// The searchable text of each article.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    docs: Vec<(String, String)>,
}

impl SearchIndex {
    /// Builds the index.
    pub fn new(articles: &[Article]) -> SearchIndex {
        let docs = articles
            .iter()
            .map(|a| {
                let all = format!(
                    "{}\n{}\n{}\n{}",
                    a.kicker.as_deref().unwrap_or(""),
                    a.title,
                    a.byline.as_deref().unwrap_or(""),
                    a.paragraphs.join("\n")
                );
                (a.title.clone(), all)
            })
            .collect();
        SearchIndex { docs }
    }

    /// Articles matching every term, best first.
    pub fn search(&self, query: &Query) -> Vec<SearchHit> {
        let mut hits: Vec<SearchHit> = self
            .docs
            .iter()
            .enumerate()
            .filter_map(|(index, (title, all))| {
                let counts: Vec<usize> = query.terms.iter().map(|t| count(all, t)).collect();
                if counts.contains(&0) {
                    return None;
                }
                Some(SearchHit {
                    index,
                    hits: counts.iter().sum(),
                    title_hits: query.terms.iter().map(|t| count(title, t)).sum(),
                })
            })
            .collect();
        hits.sort_by(|a, b| {
            b.title_hits
                .cmp(&a.title_hits)
                .then(b.hits.cmp(&a.hits))
                .then(a.index.cmp(&b.index))
        });
        hits
    }
}

fn count(text: &str, term: &str) -> usize {
    find_term(text, term).len()
}

fn find_term(text: &str, term: &str) -> Vec<Range<usize>> {
    if term.is_empty() {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    lower
        .match_indices(term)
        .map(|(at, m)| at..at + m.len())
        .collect()
}

/// Byte ranges of `text` that match any term, sorted, not overlapping.
pub fn find_matches(text: &str, query: &Query) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = query
        .terms
        .iter()
        .flat_map(|t| find_term(text, t))
        .collect();
    all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in all {
        if out.last().is_none_or(|last| r.start >= last.end) {
            out.push(r);
        }
    }
    out
}

/// A one-line excerpt around the first hit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt.
    pub text: String,
    /// Byte ranges of hits in `text`.
    pub highlights: Vec<Range<usize>>,
}

/// The excerpt of `article` around the first hit, at most `width` columns.
pub fn snippet(article: &Article, query: &Query, width: usize) -> Snippet {
    let body = sanitize(&article.paragraphs.join("")).into_owned();
    let first = find_matches(&body, query).first().map_or(0, |r| r.start);
    // Start a few characters before the hit.
    let start = body[..first]
        .grapheme_indices(true)
        .rev()
        .nth(4)
        .map_or(0, |(i, _)| i);
    let mut text = String::new();
    let mut used = 0;
    if start > 0 {
        text.push('…');
        used += 1;
    }
    for g in body[start..].graphemes(true) {
        let w = display_width(g, AmbiguousWidth::Narrow);
        if used + w > width {
            break;
        }
        text.push_str(g);
        used += w;
    }
    let highlights = find_matches(&text, query);
    Snippet { text, highlights }
}
