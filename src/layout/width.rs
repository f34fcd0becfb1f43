//! Display width, measured per extended grapheme cluster exactly as ratatui places cells.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How many columns East Asian Ambiguous characters (“ ” ‘ ’ … — · �) take.
///
/// `Narrow` matches ratatui and most terminals; `Wide` matches terminals set to draw them
/// double width (`--ambiguous-width 2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AmbiguousWidth {
    /// One column, `UnicodeWidthStr::width`.
    #[default]
    Narrow,
    /// Two columns, `UnicodeWidthStr::width_cjk`.
    Wide,
}

/// The columns one grapheme cluster takes.
///
/// Measuring the whole cluster (not the sum of its chars) gives 2 for `👩‍🔬` and `❤️`, as the
/// terminal and ratatui draw them. Input should be sanitized: controls count as 1 here.
pub fn cluster_width(cluster: &str, ambiguous: AmbiguousWidth) -> usize {
    if cluster.len() == 1 {
        return 1;
    }
    match ambiguous {
        AmbiguousWidth::Narrow => cluster.width(),
        AmbiguousWidth::Wide => cluster.width_cjk(),
    }
}

/// The columns `text` takes: the sum of its grapheme clusters' widths.
pub fn display_width(text: &str, ambiguous: AmbiguousWidth) -> usize {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return text.len();
    }
    text.graphemes(true)
        .map(|g| cluster_width(g, ambiguous))
        .sum()
}

/// `text` cut to at most `max` columns by whole grapheme clusters, ending in `…` when cut.
pub fn cut_to_width(text: &str, max: usize, ambiguous: AmbiguousWidth) -> String {
    if display_width(text, ambiguous) <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(cluster_width("…", ambiguous));
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = cluster_width(g, ambiguous);
        if used + w > room {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_to_width_keeps_whole_characters() {
        let n = AmbiguousWidth::Narrow;
        assert_eq!(cut_to_width("劲松街道", 8, n), "劲松街道");
        assert_eq!(cut_to_width("劲松街道", 6, n), "劲松…");
        assert_eq!(cut_to_width("劲松街道", 4, n), "劲…");
    }

    #[test]
    fn han_and_fullwidth_punctuation_take_two_columns() {
        assert_eq!(display_width("京南，。（）", AmbiguousWidth::Narrow), 12);
    }

    #[test]
    fn ambiguous_quotes_follow_the_setting() {
        assert_eq!(display_width("“四大”", AmbiguousWidth::Narrow), 6);
        assert_eq!(display_width("“四大”", AmbiguousWidth::Wide), 8);
        assert_eq!(display_width("……——", AmbiguousWidth::Wide), 8);
    }

    #[test]
    fn emoji_sequences_are_measured_whole() {
        assert_eq!(display_width("👩\u{200d}🔬", AmbiguousWidth::Narrow), 2);
        assert_eq!(display_width("❤\u{fe0f}", AmbiguousWidth::Narrow), 2);
        assert_eq!(display_width("cafe\u{301}", AmbiguousWidth::Narrow), 4);
    }
}
