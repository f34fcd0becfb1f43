//! Display width, measured per extended grapheme cluster as the terminal draws it.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// How the terminal draws a grapheme cluster of several characters: an emoji ZWJ sequence
/// (`👨‍👩‍👧`), a flag (`🇨🇳`), an emoji with a variation selector (`❤️`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Clusters {
    /// Character by character: each emoji of a sequence at its own width, joiners and
    /// selectors none (`👨‍👩‍👧` = 6, `🇨🇳` = 2, `❤️` = 1), as tmux, xterm, VTE and Alacritty
    /// draw them. The default, and what `kanbao show` lays out for: a pipe has no terminal
    /// to ask.
    #[default]
    Parts,
    /// Whole, at the width `unicode-width` gives the cluster (`👨‍👩‍👧` = 2, `❤️` = 2): the
    /// terminal said it draws grapheme clusters whole (DEC mode 2027, turned on).
    Whole,
}

/// How wide text is drawn: the width of ambiguous characters and of clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Widths {
    /// How wide East Asian Ambiguous characters are.
    pub ambiguous: AmbiguousWidth,
    /// How clusters of several characters are drawn.
    pub clusters: Clusters,
}

impl From<AmbiguousWidth> for Widths {
    /// The ambiguous width, with clusters drawn [character by character](Clusters::Parts).
    fn from(ambiguous: AmbiguousWidth) -> Widths {
        Widths {
            ambiguous,
            clusters: Clusters::Parts,
        }
    }
}

/// The columns one grapheme cluster takes.
///
/// With [`Clusters::Whole`] the cluster is measured whole (2 for `👩‍🔬` and `❤️`), as
/// ratatui places it; with [`Clusters::Parts`] it is the sum of its characters' widths (4
/// for `👩‍🔬`, 1 for `❤️`), as a terminal without grapheme cluster mode draws it. Input should
/// be sanitized: controls count as 1 here.
pub fn cluster_width(cluster: &str, widths: impl Into<Widths>) -> usize {
    if cluster.len() == 1 {
        return 1;
    }
    let widths = widths.into();
    let wide = widths.ambiguous == AmbiguousWidth::Wide;
    let mut chars = cluster.chars();
    let single = chars.next().is_some() && chars.next().is_none();
    if single || widths.clusters == Clusters::Whole {
        return if wide {
            cluster.width_cjk()
        } else {
            cluster.width()
        };
    }
    cluster
        .chars()
        .map(|c| if wide { c.width_cjk() } else { c.width() }.unwrap_or(1))
        .sum()
}

/// The columns `text` takes: the sum of its grapheme clusters' widths.
pub fn display_width(text: &str, widths: impl Into<Widths>) -> usize {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return text.len();
    }
    let widths = widths.into();
    text.graphemes(true).map(|g| cluster_width(g, widths)).sum()
}

/// `text` cut to at most `max` columns by whole grapheme clusters, ending in `…` when cut.
pub fn cut_to_width(text: &str, max: usize, widths: impl Into<Widths>) -> String {
    let widths = widths.into();
    if display_width(text, widths) <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(cluster_width("…", widths));
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = cluster_width(g, widths);
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
    fn emoji_sequences_are_measured_whole_where_the_terminal_draws_them_whole() {
        let whole = Widths {
            ambiguous: AmbiguousWidth::Narrow,
            clusters: Clusters::Whole,
        };
        assert_eq!(display_width("👩\u{200d}🔬", whole), 2);
        assert_eq!(display_width("👨\u{200d}👩\u{200d}👧", whole), 2);
        assert_eq!(display_width("🇨🇳", whole), 2);
        assert_eq!(display_width("❤\u{fe0f}", whole), 2);
        assert_eq!(display_width("cafe\u{301}", whole), 4);
    }

    #[test]
    fn elsewhere_emoji_sequences_are_the_sum_of_their_parts() {
        // tmux, xterm, VTE and Alacritty draw each emoji of a ZWJ sequence on its own and
        // the joiner as nothing; a flag is its two regional indicators.
        let n = AmbiguousWidth::Narrow;
        assert_eq!(display_width("👩\u{200d}🔬", n), 4);
        assert_eq!(display_width("👨\u{200d}👩\u{200d}👧", n), 6);
        assert_eq!(display_width("🇨🇳", n), 2);
        assert_eq!(display_width("❤\u{fe0f}", n), 1);
        assert_eq!(display_width("cafe\u{301}", n), 4);
        assert_eq!(Widths::from(n), Widths::default());
        assert_eq!(cut_to_width("家👨\u{200d}👩\u{200d}👧在", 8, n), "家…");
    }
}
