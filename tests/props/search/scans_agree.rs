//! Property tests that the index's scans count what `find_matches` finds: UTF-16 byte
//! matches that straddle two code units, the pinyin automaton's lanes cut at line breaks, and
//! a phrase with gaps on every path.

use kanbao::article::Article;
use kanbao::search::{Query, SearchIndex, find_matches, search_articles};
use proptest::prelude::*;

use super::article;

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
