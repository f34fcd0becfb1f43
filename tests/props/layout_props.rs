//! Properties of the wrapper over random mixes of Chinese, punctuation, numbers, Latin words,
//! spaces, emoji sequences, combining marks and control or escape characters.

use kanbao::layout::{
    AmbiguousWidth, Clusters, INDENT, WrapOptions, display_width, is_no_end, is_no_start, sanitize,
    wrap,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const HAN: &str = "京南物流基地是北京四大之一承载着全市业务量的货运司机群体集聚工会驿站";

fn han() -> impl Strategy<Value = String> {
    let chars: Vec<char> = HAN.chars().collect();
    proptest::collection::vec(proptest::sample::select(chars), 1..5)
        .prop_map(|v| v.into_iter().collect())
}

fn token() -> impl Strategy<Value = String> {
    let punct = [
        "，", "。", "、", "；", "：", "？", "！", "（", "）", "《", "》", "「", "」", "“", "”",
        "‘", "’", "·", "～", "……", "——", "—", "％", "／",
    ];
    let odd = [
        "👩\u{200d}🔬",
        "🐻\u{200d}❄\u{fe0f}",
        "❤\u{fe0f}",
        "🇨🇳",
        "👍🏽",
        "e\u{301}",
        "a\u{308}\u{323}",
        "\x1b[31m",
        "\x1b]0;title\x07",
        "\x07",
        "\t",
        "\n",
        "\r",
        "\u{202e}",
        "\u{9b}2J",
        "\x1b",
        "\0",
    ];
    prop_oneof![
        4 => han(),
        2 => proptest::sample::select(punct.to_vec()).prop_map(String::from),
        1 => "[0-9]{1,8}(%|\\.[0-9])?",
        1 => "[A-Za-z]{1,12}",
        1 => " {1,3}",
        1 => proptest::sample::select(odd.to_vec()).prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(token(), 0..80).prop_map(|v| v.concat())
}

/// News-like text: every punctuation mark sits beside a Han character, so no unit of
/// glued marks is wider than ten columns.
fn news_text() -> impl Strategy<Value = String> {
    let closing = [
        "，", "。", "、", "：", "！", "）", "》", "”", "……", "·", "％",
    ];
    let opening = ["（", "《", "“", "——"];
    let piece = prop_oneof![
        4 => han(),
        2 => (han(), proptest::sample::select(closing.to_vec())).prop_map(|(h, p)| h + p),
        1 => (proptest::sample::select(opening.to_vec()), han()).prop_map(|(p, h)| p.to_owned() + &h),
        1 => "[0-9]{1,4}%?",
        1 => "[A-Za-z]{1,5}",
        1 => Just(" ".to_owned()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = WrapOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(wide, indent, whole, keep_words)| WrapOptions {
            ambiguous: if wide {
                AmbiguousWidth::Wide
            } else {
                AmbiguousWidth::Narrow
            },
            indent,
            clusters: if whole {
                Clusters::Whole
            } else {
                Clusters::Parts
            },
            keep_words,
        },
    )
}

/// The line's text without the indent (first line only).
fn shown(text: &str, first: bool) -> &str {
    if first {
        text.strip_prefix(INDENT).unwrap_or(text)
    } else {
        text
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_line_is_wider_than_the_width(s in text(), width in 2usize..=60, opts in options()) {
        // The one exception: a single cluster wider than the line (an emoji sequence drawn
        // as its parts, `👩‍🔬` = 4 at width 2 or 3) alone on its line.
        for line in wrap(&s, width, &opts) {
            let w = display_width(&line.text, opts.widths());
            let alone = line.text.strip_prefix(INDENT).unwrap_or(&line.text).graphemes(true).count() == 1;
            prop_assert!(w <= width || alone, "{:?}", line.text);
        }
    }

    #[test]
    fn lines_are_the_sanitized_text_minus_spaces_at_breaks(
        s in text(), width in 2usize..=60, opts in options()
    ) {
        let clean = sanitize(&s);
        let lines = wrap(&s, width, &opts);
        let mut at = 0;
        for (i, line) in lines.iter().enumerate() {
            prop_assert!(at <= line.range.start && line.range.start < line.range.end);
            prop_assert!(clean[at..line.range.start].bytes().all(|b| b == b' '));
            prop_assert_eq!(shown(&line.text, i == 0), &clean[line.range.clone()]);
            at = line.range.end;
        }
        prop_assert!(clean[at..].bytes().all(|b| b == b' '));
    }

    #[test]
    fn no_grapheme_cluster_is_split(s in text(), width in 2usize..=60, opts in options()) {
        let clean = sanitize(&s);
        let mut bounds: Vec<usize> = clean.grapheme_indices(true).map(|(i, _)| i).collect();
        bounds.push(clean.len());
        for line in wrap(&s, width, &opts) {
            prop_assert!(bounds.binary_search(&line.range.start).is_ok());
            prop_assert!(bounds.binary_search(&line.range.end).is_ok());
        }
    }

    #[test]
    fn width_one_puts_only_single_wide_clusters_over_the_edge(s in text()) {
        for line in wrap(&s, 1, &WrapOptions::default()) {
            let w = display_width(&line.text, AmbiguousWidth::Narrow);
            prop_assert!(w <= 1 || line.text.graphemes(true).count() == 1, "{:?}", line.text);
        }
    }

    #[test]
    fn kinsoku_holds_for_news_text(s in news_text(), width in 10usize..=60, opts in options()) {
        // Text, not a message: words are not kept whole.
        let opts = WrapOptions { keep_words: false, ..opts };
        let lines = wrap(&s, width, &opts);
        let last = lines.len().saturating_sub(1);
        for (i, line) in lines.iter().enumerate() {
            let text = shown(&line.text, i == 0);
            let first = text.chars().next().unwrap_or(' ');
            let end = text.chars().next_back().unwrap_or(' ');
            prop_assert!(i == 0 || !is_no_start(first), "line {} starts with {:?}: {:?}", i, first, lines);
            prop_assert!(i == last || !is_no_end(end), "line {} ends with {:?}: {:?}", i, end, lines);
            let single_dash_start = text.starts_with('—') && !text.starts_with("——");
            prop_assert!(i == 0 || !single_dash_start, "line {} starts with a single dash", i);
            prop_assert!(!(text.ends_with('—') && i < last && lines[i + 1].text.starts_with('—')));
        }
    }
}
