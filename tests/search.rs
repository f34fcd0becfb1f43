//! Search behaviour (docs/contract.md §5), on fixtures built from the bundled page's sentences plus forms
//! the page lacks (`１５％`, `ＡＰＰ`).

use kanbao::article::Article;
use kanbao::search::fold::{Folded, fold};
use kanbao::search::{
    MAX_QUERY_CHARS, MAX_TERMS, Query, QueryError, SearchHit, SearchIndex, find_matches,
    search_articles, snippet,
};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

fn article(id: &str, kicker: Option<&str>, title: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: id.to_string(),
        title: title.to_string(),
        kicker: kicker.map(str::to_string),
        byline: Some("本报讯（记者 孙艳）".to_string()),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Article::default()
    }
}

/// Five articles: four from the page, one with full-width forms.
fn fixtures() -> Vec<Article> {
    vec![
        article(
            "1",
            Some("协同发力解决货车司机群体“急难愁盼”问题"),
            "大兴区天宫院街道“党工共建”办好暖“新”事",
            &[
                "在大兴区天宫院街道，具有生物医药基地和京南物流基地两大园区，以及龙湖天街和凯德MALL两个大型商业综合体，交通运输行业新就业形态劳动者群体较为集中。",
                "京南物流基地是北京“四大物流基地”之一，承载着全市物流业务量的15%，货运司机群体集聚。",
                "结合货车司机等新就业形态劳动者实际需求，天宫院街道总工会相继建成2家24小时工会驿站、1家延时工会驿站，提供自助售卖、淋浴休憩、教育宣传、优惠司机套餐等多项服务。",
                "邀请“绿色出行 畅通北京”交通宣讲团面向新就业形态劳动者群体开展专题宣讲。",
            ],
        ),
        article(
            "2",
            None,
            "通州区各级工会“摆摊设点”促建会",
            &[
                "近日，通州区多个街道、乡镇总工会积极开展职工沟通会，以进一步推进工会基层组织建设。",
                "通运街道总工会走进北京德泽口腔医院开展职工沟通会。工会工作人员现场为参会人员讲解医保二次报销等工会服务项目。",
            ],
        ),
        article(
            "3",
            None,
            "展览路街道总工会开展快递行业职工沟通会",
            &[
                "近日，西城区展览路街道总工会走进辖区内的中通快递站点，开展了一场快递行业职工沟通会。",
                "活动中，该街道总工会还邀请了北京银行工作人员，为新入会的快递员办理了工会会员互助服务卡。",
            ],
        ),
        article(
            "4",
            None,
            "职工服务ＡＰＰ上线",
            &["使用率约占１５％，会计人员可在ＡＰＰ中查询。"],
        ),
        article(
            "5",
            None,
            "沙河地区总工会暖心服务获企业赞扬",
            &["锦旗是我们继续前行的动力，我们将持续提升工会服务质量。"],
        ),
    ]
}

/// Ids of the articles matching `q`, in ranked order.
fn ids(q: &str) -> Vec<String> {
    let articles = fixtures();
    let index = SearchIndex::new(&articles);
    index
        .search(&Query::parse(q))
        .iter()
        .map(|h| articles[h.index].id.clone())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

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

// ---- property tests ------------------------------------------------------------------

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

/// Characters whose UTF-16LE bytes, side by side, spell other characters at odd offsets
/// (`\u{1}ā` is `01 00 01 01`: `00 01` is U+0100 read across the two), with CJK and a
/// character outside the BMP (a surrogate pair). All are their own fold.
const UTF16_TRAPS: &[char] = &['\u{1}', 'ā', 'ą', '\u{5}', '工', 'å', ']', '崀', '😀', 'ĕ'];

fn traps(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(UTF16_TRAPS), 0..max)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    /// The index keeps its text as UTF-16 bytes and searches them bytewise; a byte match
    /// that straddles two code units must neither count nor hide a real match after it.
    #[test]
    fn utf16_index_counts_exactly_the_character_matches(
        fields in prop::collection::vec(traps(16), 1..6),
        // Control characters separate terms, so the term holds none.
        term in traps(3).prop_filter("one term", |t| !t.is_empty() && !t.contains(char::is_control)),
    ) {
        let articles: Vec<Article> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| article(&i.to_string(), None, f, &[f, "工ā"]))
            .collect();
        let query = Query::parse(&term);
        let found = SearchIndex::new(&articles).search(&query);
        for (i, a) in articles.iter().enumerate() {
            let expected: usize = [&a.title, &a.paragraphs[0], &a.paragraphs[1]]
                .iter()
                .map(|f| f.matches(term.as_str()).count())
                .sum();
            let hit = found.iter().find(|h| h.index == i);
            prop_assert_eq!(hit.map_or(0, |h| h.hits), expected, "{:?} in {:?}", term, a.title);
        }
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

/// Han characters with the readings the pinyin terms below are made of, some heteronyms
/// (会 kuai/hui, 行 xing/hang), and a line break's worth of other text.
const PINYIN_TEXT: &[&str] = &[
    "工", "会", "公", "惠", "驿", "站", "绿", "色", "行", "高", "，", "a", "G", "工会",
];
const SYLLABLES: &[&str] = &[
    "gong", "hui", "g", "h", "yi", "zh", "zhan", "lv", "lu", "se", "x",
];

proptest! {
    /// The index scans pinyin with an automaton over UTF-16, in lanes cut at line breaks;
    /// `find_matches` runs the NFA over the original UTF-8 text. Per article, the hits of a
    /// pinyin term must agree, whatever the number and length of the paragraphs.
    #[test]
    fn pinyin_hits_in_the_index_equal_the_matches_in_each_field(
        articles in prop::collection::vec(
            prop::collection::vec(
                prop::collection::vec(prop::sample::select(PINYIN_TEXT), 0..24)
                    .prop_map(|v| v.concat()),
                1..12,
            ),
            1..6,
        ),
        term in prop::collection::vec(prop::sample::select(SYLLABLES), 1..4)
            .prop_map(|v| v.concat()),
    ) {
        let articles: Vec<Article> = articles
            .iter()
            .enumerate()
            .map(|(i, fields)| {
                let rest: Vec<&str> = fields[1..].iter().map(String::as_str).collect();
                article(&i.to_string(), None, &fields[0], &rest)
            })
            .collect();
        let query = Query::parse(&term);
        let found = SearchIndex::new(&articles).search(&query);
        for (i, a) in articles.iter().enumerate() {
            let expected: usize = std::iter::once(&a.title)
                .chain(&a.byline)
                .chain(&a.paragraphs)
                .map(|f| find_matches(f, &query).len())
                .sum();
            let hit = found.iter().find(|h| h.index == i);
            prop_assert_eq!(hit.map_or(0, |h| h.hits), expected, "{} in {:?}", term, a);
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
        for hit in &summed {
            let each: usize = terms
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

proptest! {
    /// A quoted phrase with a space between Han characters (`"工会 驿站"`): its hits in the
    /// index (UTF-16, per article), in the one-off search and in `find_matches` (UTF-8, per
    /// field, what the reader highlights) agree, and each highlighted range is the phrase
    /// as written in the text, with nothing or whitespace where the query has its space.
    #[test]
    fn a_phrase_with_gaps_hits_the_same_on_every_path(
        fields in prop::collection::vec(
            prop::collection::vec(prop::sample::select(vec!["工", "会", "驿", "站", " ", "\u{3000}", "\t", "a", "，"]), 0..16)
                .prop_map(|v| v.concat()),
            1..4,
        ),
        pieces in prop::collection::vec(
            prop::collection::vec(prop::sample::select(vec!["工", "会", "驿", "站"]), 1..3)
                .prop_map(|v| v.concat()),
            2..4,
        ),
    ) {
        let phrase = pieces.join(" ");
        let query = Query::parse(&format!("\"{phrase}\""));
        prop_assert_eq!(query.terms()[0].gap_pieces().map(<[String]>::len), Some(pieces.len()));
        let articles: Vec<Article> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| Article {
                id: i.to_string(),
                title: f.clone(),
                paragraphs: vec![format!("{f}。"), f.chars().rev().collect()],
                ..Article::default()
            })
            .collect();
        let kept = SearchIndex::new(&articles).search(&query);
        let once = search_articles(&articles, &query, 0..articles.len());
        prop_assert_eq!(&kept, &once);
        let joined: String = pieces.concat();
        for (i, a) in articles.iter().enumerate() {
            let mut expected = 0;
            for field in std::iter::once(&a.title).chain(&a.paragraphs) {
                for r in find_matches(field, &query) {
                    let shown: String = field[r].chars().filter(|c| !c.is_whitespace()).collect();
                    prop_assert_eq!(&shown, &joined);
                    expected += 1;
                }
            }
            let hits = kept.iter().find(|h| h.index == i).map_or(0, |h| h.hits);
            prop_assert_eq!(hits, expected, "{:?} in {:?}", phrase, a);
        }
    }
}
