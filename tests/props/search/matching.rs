//! Which articles a query finds and in what order: every term must match, phrases, width
//! and case, pinyin (full, initials, a last syllable begun, ü as v or u, every reading of a
//! heteronym), hit counts, ranking, and the parallel and block-skipping paths finding the
//! same.

use kanbao::article::Article;
use kanbao::search::{Query, SearchHit, SearchIndex, search_articles};

use super::{article, fixtures, ids, sorted};

#[test]
fn every_term_must_match() {
    assert_eq!(ids("工会 快递"), ["3"]);
    assert_eq!(ids("工会 医院"), ["2"]);
    assert!(ids("工会 不存在的词").is_empty());
}

#[test]
fn full_width_space_separates_terms() {
    assert_eq!(ids("工会\u{3000}医院"), ["2"]);
}

#[test]
fn quotes_keep_a_phrase_with_its_space() {
    assert_eq!(ids("\"绿色出行 畅通北京\""), ["1"]);
    assert_eq!(ids("“绿色出行 畅通北京”"), ["1"]);
    assert!(ids("\"出行 北京\"").is_empty());
    assert_eq!(ids("出行 北京"), ["1"]);
}

#[test]
fn empty_query_matches_all_in_order() {
    assert_eq!(ids(""), ["1", "2", "3", "4", "5"]);
    assert_eq!(ids(" \u{3000} "), ["1", "2", "3", "4", "5"]);
}

#[test]
fn width_and_case_insensitive() {
    assert_eq!(sorted(ids("15%")), ["1", "4"]);
    assert_eq!(sorted(ids("１５％")), ["1", "4"]);
    assert_eq!(ids("app"), ["4"]);
    assert_eq!(ids("\"Mall\""), ["1"]);
    assert_eq!(ids("ＭＡＬＬ"), ["1"]);
}

#[test]
fn latin_term_still_matches_literally() {
    assert_eq!(ids("mall"), ["1"]);
}

#[test]
fn pinyin_full_and_initials() {
    assert_eq!(ids("kuaidi"), ["3"]);
    assert_eq!(ids("ghyz"), ["1"]);
    assert_eq!(ids("gonghyz"), ["1"]);
    assert_eq!(sorted(ids("gonghui")), ["1", "2", "3", "5"]);
    assert_eq!(sorted(ids("GongHui")), ["1", "2", "3", "5"]);
}

#[test]
fn pinyin_last_syllable_may_be_a_prefix() {
    assert_eq!(ids("kuaid"), ["3"]);
    assert_eq!(sorted(ids("gongh")), ["1", "2", "3", "5"]);
}

#[test]
fn u_umlaut_typed_as_v_or_u() {
    assert_eq!(ids("lvse"), ["1"]);
    assert_eq!(ids("luse"), ["1"]);
}

#[test]
fn heteronyms_match_every_reading() {
    // 会计 in 4, and 会基 (kuài jī) in 2's 工会基层: every reading counts.
    assert_eq!(sorted(ids("kuaiji")), ["2", "4"]);
    assert_eq!(ids("kuaiji 使用率"), ["4"]);
    assert_eq!(ids("yinhang"), ["3"]);
    // 行业 is read hángyè; 行 also reads xíng.
    assert_eq!(sorted(ids("hangye")), ["1", "3"]);
    assert_eq!(sorted(ids("xingye")), ["1", "3"]);
}

#[test]
fn quoted_latin_term_is_literal_only() {
    assert!(ids("\"gonghui\"").is_empty());
}

#[test]
fn hits_count_non_overlapping_matches_of_all_terms() {
    let articles = fixtures();
    let index = SearchIndex::new(&articles);
    let hit = |q: &str| -> Option<SearchHit> {
        index
            .search(&Query::parse(q))
            .into_iter()
            .find(|h| h.index == 4)
    };
    assert_eq!(hit("工会").map(|h| (h.hits, h.title_hits)), Some((2, 1)));
    // `工会服务` and `工会` overlap in the body: counted once.
    assert_eq!(hit("工会 工会服务").map(|h| h.hits), Some(2));
    // Pinyin and characters count alike.
    assert_eq!(hit("gonghui").map(|h| h.hits), Some(2));
    assert_eq!(hit("工会 服务").map(|h| h.hits), Some(4));
}

#[test]
fn title_hits_rank_first_then_hit_count_then_order() {
    let articles = vec![
        article("body-1", None, "无关标题", &["驿站"]),
        article("body-3", None, "无关标题", &["驿站 驿站 驿站"]),
        article("title", None, "驿站开放", &[]),
        article("kicker", Some("驿站"), "无关", &[]),
        article("body-1b", None, "无关标题", &["驿站"]),
        article("none", None, "无关标题", &["没有"]),
    ];
    let index = SearchIndex::new(&articles);
    let order: Vec<&str> = index
        .search(&Query::parse("驿站"))
        .iter()
        .map(|h| articles[h.index].id.as_str())
        .collect();
    assert_eq!(order, ["title", "kicker", "body-3", "body-1", "body-1b"]);
}

#[test]
fn search_articles_only_looks_at_candidates() {
    let articles = fixtures();
    let hits = search_articles(&articles, &Query::parse("工会"), [4, 1, 99, 1]);
    let found: Vec<usize> = hits.iter().map(|h| h.index).collect();
    // Both have 工会 in the title; 1 has more hits.
    assert_eq!(found, [1, 4]);
}

#[test]
fn large_sets_search_in_parallel_shards_alike() {
    let base = fixtures();
    let articles: Vec<Article> = (0..6000).map(|i| base[i % base.len()].clone()).collect();
    let index = SearchIndex::new(&articles);
    for q in ["工会", "gonghui", "工会 快递", ""] {
        let hits = index.search(&Query::parse(q));
        let small = SearchIndex::new(&base).search(&Query::parse(q));
        assert_eq!(hits.len(), small.len() * 1200, "{q}");
        for h in &hits {
            let s = small.iter().find(|s| s.index == h.index % base.len());
            assert_eq!(
                s.map(|s| (s.hits, s.title_hits)),
                Some((h.hits, h.title_hits))
            );
        }
    }
    for q in ["工会", "gonghui ghyz", "工会 快递", "驿站 kuaidi", ""] {
        let query = Query::parse(q);
        assert_eq!(
            search_articles(&articles, &query, 0..articles.len()),
            index.search(&query),
            "one-shot search and the index agree on {q}"
        );
    }
    let some = search_articles(&articles, &Query::parse("快递"), (0..6000).step_by(7));
    assert!(some.iter().all(|h| h.index % 7 == 0 && h.index % 5 == 2));
    assert_eq!(
        some.len(),
        (0..6000).step_by(7).filter(|i| i % 5 == 2).count()
    );
}

/// An AND of several terms skips the blocks of articles an earlier term ruled out: the
/// answer must be the same as when every term scans everything, whichever term is rare,
/// literal or pinyin, across many blocks.
#[test]
fn several_terms_find_the_same_articles_whichever_is_rare() {
    let articles: Vec<Article> = (0..3000)
        .map(|i| {
            let text = if i == 10 || i == 2600 {
                "工会驿站在此"
            } else {
                "工会在此"
            };
            article(&i.to_string(), None, "标题", &[text])
        })
        .collect();
    let index = SearchIndex::new(&articles);
    for q in [
        "工会 驿站",
        "驿站 工会",
        "gonghui 驿站",
        "驿站 gonghui",
        "yz gh",
        "驿站 在此 工会",
    ] {
        let query = Query::parse(q);
        let mut once: Vec<usize> = search_articles(&articles, &query, 0..articles.len())
            .iter()
            .map(|h| h.index)
            .collect();
        once.sort_unstable();
        assert_eq!(once, [10, 2600], "{q}");
        let mut indexed: Vec<usize> = index.search(&query).iter().map(|h| h.index).collect();
        indexed.sort_unstable();
        assert_eq!(indexed, [10, 2600], "{q}");
        let mut typed: Vec<usize> = index
            .search_cancellable(&query, &|| false)
            .expect("not cancelled")
            .iter()
            .map(|h| h.index)
            .collect();
        typed.sort_unstable();
        assert_eq!(typed, [10, 2600], "{q}");
    }
}
