//! What is shown of a match: match ranges in the original text, snippets cut by display
//! width and highlighted, sanitised like everything else shown, and odd queries that never
//! panic.

use kanbao::search::fold::fold;
use kanbao::search::{Query, SearchIndex, find_matches, snippet};
use unicode_width::UnicodeWidthStr;

use super::{article, fixtures};

#[test]
fn match_ranges_map_back_to_the_original_text() {
    let text = "使用率约占１５％，会计人员可在ＡＰＰ中查询。ＡＰＰ";
    let q = Query::parse("15% app kuaiji");
    let ranges = find_matches(text, &q);
    let shown: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(shown, ["１５％", "会计", "ＡＰＰ", "ＡＰＰ"]);
    assert_eq!(fold(&text[ranges[0].clone()]), "15%");
}

#[test]
fn match_ranges_are_sorted_and_disjoint() {
    let text = "工会工会服务工会";
    let ranges = find_matches(text, &Query::parse("工会服务 工会"));
    assert_eq!(ranges, [0..6, 6..18, 18..24]);
}

#[test]
fn snippet_is_cut_by_display_width_with_ellipses() {
    let articles = fixtures();
    let s = snippet(&articles[0], &Query::parse("驿站"), 20);
    assert!(s.text.width() <= 20, "{:?}", s.text);
    assert!(
        s.text.starts_with('…') && s.text.ends_with('…'),
        "{:?}",
        s.text
    );
    assert_eq!(s.highlights.len(), 1);
    assert_eq!(&s.text[s.highlights[0].clone()], "驿站");
}

#[test]
fn snippet_of_a_title_only_hit_is_the_first_paragraph_start() {
    let articles = fixtures();
    let s = snippet(&articles[4], &Query::parse("沙河"), 12);
    assert_eq!(s.text, "锦旗是我们…");
    assert!(s.highlights.is_empty());
}

#[test]
fn snippet_highlights_full_width_hits() {
    let articles = fixtures();
    let s = snippet(&articles[3], &Query::parse("app"), 50);
    assert_eq!(s.text, "使用率约占１５％，会计人员可在ＡＰＰ中查询。");
    let shown: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
    assert_eq!(shown, ["ＡＰＰ"]);
}

#[test]
fn snippet_never_exceeds_width_even_when_tiny() {
    let articles = fixtures();
    for width in 0..8 {
        let s = snippet(&articles[0], &Query::parse("驿站"), width);
        assert!(s.text.width() <= width, "{width}: {:?}", s.text);
        for r in &s.highlights {
            assert!(s.text.get(r.clone()).is_some());
        }
    }
}

#[test]
fn odd_queries_never_panic() {
    let articles = fixtures();
    let index = SearchIndex::new(&articles);
    let long = "a".repeat(500);
    let odd = [
        "\"",
        "“",
        "”",
        "\"\"\"",
        "\u{0}\u{7}\u{1b}[31m",
        "\u{301}",
        "e\u{301}",
        "\u{fb01}",
        "👩‍👩‍👧",
        "\u{202e}abc",
        "%",
        "v",
        "zh",
        long.as_str(),
        "ｇｏｎｇｈｕｉ",
        "\r\n\t",
    ];
    for q in odd {
        let q = Query::parse(q);
        let _ = index.search(&q);
        for a in &articles {
            let _ = snippet(a, &q, 10);
            for p in &a.paragraphs {
                let _ = find_matches(p, &q);
            }
        }
        let _ = find_matches("\u{fb01}\u{301}工会ＡＰＰ", &q);
    }
}

#[test]
fn snippets_are_sanitised_like_everything_else_shown() {
    let a = article(
        "x",
        None,
        "标题",
        &["前文\u{202e}工会\u{2066}驿站\u{1b}[31m后文\u{9b}2J"],
    );
    for q in ["工会", "gonghui", ""] {
        let s = snippet(&a, &Query::parse(q), 40);
        assert!(
            !s.text.chars().any(|c| c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{q}: {:?}",
            s.text
        );
        assert!(s.text.contains("工会"), "{q}: {:?}", s.text);
    }
}
